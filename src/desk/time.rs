//! Days on a line: the timeline's axis unit, the span a partial date covers, and axis ticks.
//!
//! A plain day count (rather than a date library) keeps the axis arithmetic to integers and
//! adds no dependency; the two conversions are Howard Hinnant's `days_from_civil` and
//! `civil_from_days` (proleptic Gregorian).

use crate::model::PartialDate;

/// A calendar day as days since 1970-01-01 (proleptic Gregorian; negative before 1970).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Day(pub i32);

/// Years beyond this are clamped: no news date lies there, and the day count stays in `i32`.
const MAX_YEAR: i32 = 1_000_000;

impl Day {
    /// The day of a calendar date. Out-of-range months and days are clamped into range, so a
    /// hand-built date never panics.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Self {
        let month = month.clamp(1, 12);
        let day = day.clamp(1, days_in_month(year, month));
        let year = i64::from(year.clamp(-MAX_YEAR, MAX_YEAR));
        let (m, d) = (i64::from(month), i64::from(day));
        let y = if m <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        let days = era * 146_097 + day_of_era - 719_468;
        Self(i32::try_from(days).unwrap_or(if days < 0 { i32::MIN } else { i32::MAX }))
    }

    /// The calendar date of this day: year, month (1–12), day (1–31).
    pub fn ymd(self) -> (i32, u8, u8) {
        let z = i64::from(self.0) + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        // All three are in range by construction; the fallbacks are never taken.
        (
            i32::try_from(year).unwrap_or_default(),
            u8::try_from(month).unwrap_or(1),
            u8::try_from(day).unwrap_or(1),
        )
    }

    /// The day `days` later (earlier when negative), saturating at the ends of the range.
    pub fn offset(self, days: i32) -> Self {
        Self(self.0.saturating_add(days))
    }

    /// The day as an axis coordinate (its start).
    pub fn as_f64(self) -> f64 {
        f64::from(self.0)
    }
}

/// Days in `month` of `year` (proleptic Gregorian leap years).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 31,
    }
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The first and last day (inclusive) a date can mean: one day for a full date, the month for
/// a year and month, the year for a year alone. `None` without a year: such a date has no place
/// on the axis, and the timeline shelves it rather than inventing a year.
pub fn span(date: &PartialDate) -> Option<(Day, Day)> {
    let year = date.year?;
    Some(match (date.month, date.day) {
        (Some(month), Some(day)) => {
            let day = Day::from_ymd(year, month, day);
            (day, day)
        }
        (Some(month), None) => (
            Day::from_ymd(year, month, 1),
            Day::from_ymd(year, month, days_in_month(year, month)),
        ),
        // A day without a month is not a date `PartialDate` builds; read it as the year.
        (None, _) => (Day::from_ymd(year, 1, 1), Day::from_ymd(year, 12, 31)),
    })
}

/// One axis tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Where, in days (the start of the tick's day).
    pub day: f64,
    /// "2020", "Mar 2020" or "12 Mar".
    pub label: String,
    /// Whether it starts a larger unit (a month among days, a year among months, a round year
    /// among years), for a stronger line.
    pub is_major: bool,
}

/// Labels closer than this would crowd (about the width of "Mar 2020" plus a gap).
pub const MIN_TICK_SPACING_PX: f64 = 60.0;

/// How far apart ticks are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Every n-th day of each month, starting on the 1st.
    Days(u8),
    /// Every n-th month, starting in January.
    Months(u8),
    /// Every year divisible by n.
    Years(i64),
}

impl Step {
    /// The shortest gap between two ticks, in days: what decides whether labels crowd.
    fn min_days(self) -> f64 {
        match self {
            Self::Days(n) => f64::from(n),
            // Shortest runs of 1, 3 and 6 months starting at a step boundary: February;
            // January to March; January to June (in common years).
            Self::Months(1) => 28.0,
            Self::Months(3) => 90.0,
            Self::Months(6) => 181.0,
            Self::Months(n) => 28.0 * f64::from(n),
            // Lossless for the steps `choose_step` makes (well below 2^52).
            Self::Years(n) => 365.0 * n as f64,
        }
    }
}

/// Ticks for the visible range `(first day, last day)` drawn `width_px` wide: the finest of
/// days (1, 2, 5, 10, 15), months (1, 3, 6) or years (1, 2, 5, 10, 20, 50, …) whose ticks are
/// at least [`MIN_TICK_SPACING_PX`] apart. Day ticks restart on the 1st of each month and skip
/// a tick too close to it, so spacing holds across month ends too.
pub fn ticks(visible: (f64, f64), width_px: f32) -> Vec<Tick> {
    let (start, end) = visible;
    let width_px = f64::from(width_px);
    if !(start.is_finite() && end.is_finite() && end > start && width_px >= 1.0) {
        return Vec::new();
    }
    let min_days = MIN_TICK_SPACING_PX * (end - start) / width_px;
    // Clamped to the years a `Day` can name, so the casts below cannot saturate.
    let earliest = Day::from_ymd(-MAX_YEAR, 1, 1).as_f64();
    let latest = Day::from_ymd(MAX_YEAR, 12, 31).as_f64();
    let first = Day(start.clamp(earliest, latest).floor() as i32);
    let last = Day(end.clamp(earliest, latest).ceil() as i32);
    match choose_step(min_days) {
        Step::Days(n) => day_ticks(first, last, n),
        Step::Months(n) => month_ticks(first, last, n),
        Step::Years(n) => year_ticks(first, last, n),
    }
    .into_iter()
    .filter(|tick| (start..=end).contains(&tick.day))
    .collect()
}

/// The finest step whose ticks are at least `min_days` apart.
fn choose_step(min_days: f64) -> Step {
    let fine = [1, 2, 5, 10, 15]
        .map(Step::Days)
        .into_iter()
        .chain([1, 3, 6].map(Step::Months));
    if let Some(step) = fine.into_iter().find(|step| step.min_days() >= min_days) {
        return step;
    }
    // 1, 2, 5, 10, 20, 50, … years.
    let mut magnitude = 1;
    loop {
        for multiple in [1, 2, 5] {
            let step = Step::Years(multiple * magnitude);
            if step.min_days() >= min_days || multiple * magnitude >= i64::from(MAX_YEAR) {
                return step;
            }
        }
        magnitude *= 10;
    }
}

fn day_ticks(first: Day, last: Day, step: u8) -> Vec<Tick> {
    let mut ticks = Vec::new();
    let mut day = first;
    while day <= last {
        let (year, month, day_of_month) = day.ymd();
        let in_step = (day_of_month - 1) % step == 0;
        // A tick closer than one step to the next 1st would crowd it.
        let room_before_next_month = days_in_month(year, month) - day_of_month + 1;
        if day_of_month == 1 {
            ticks.push(Tick {
                day: day.as_f64(),
                label: format!("{} {year}", month_name(month)),
                is_major: true,
            });
        } else if in_step && room_before_next_month >= step {
            ticks.push(Tick {
                day: day.as_f64(),
                label: format!("{day_of_month} {}", month_name(month)),
                is_major: false,
            });
        }
        day = day.offset(1);
    }
    ticks
}

fn month_ticks(first: Day, last: Day, step: u8) -> Vec<Tick> {
    let mut ticks = Vec::new();
    let (mut year, mut month, _) = first.ymd();
    loop {
        let day = Day::from_ymd(year, month, 1);
        if day > last {
            break;
        }
        if (month - 1) % step == 0 {
            let label = if month == 1 {
                year.to_string()
            } else {
                format!("{} {year}", month_name(month))
            };
            ticks.push(Tick {
                day: day.as_f64(),
                label,
                is_major: month == 1,
            });
        }
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    ticks
}

fn year_ticks(first: Day, last: Day, step: i64) -> Vec<Tick> {
    let first_year = i64::from(first.ymd().0);
    let last_year = i64::from(last.ymd().0);
    let mut year = first_year.div_euclid(step) * step;
    let mut ticks = Vec::new();
    while year <= last_year {
        // Within ±MAX_YEAR by the clamp in `ticks`.
        let Ok(year_i32) = i32::try_from(year) else {
            break;
        };
        ticks.push(Tick {
            day: Day::from_ymd(year_i32, 1, 1).as_f64(),
            label: year.to_string(),
            is_major: year % (step * 5) == 0,
        });
        year += step;
    }
    ticks
}

/// The English month abbreviation ("Mar").
pub fn month_name(month: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES
        .get(usize::from(month.saturating_sub(1)))
        .copied()
        .unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_match_known_dates() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Day(0));
        assert_eq!(Day::from_ymd(2000, 3, 1), Day(11_017));
        assert_eq!(Day::from_ymd(1969, 12, 31), Day(-1));
        assert_eq!(Day::from_ymd(2024, 2, 29).ymd(), (2024, 2, 29));
        for days in (-800_000..800_000).step_by(37) {
            let (year, month, day) = Day(days).ymd();
            assert_eq!(Day::from_ymd(year, month, day), Day(days));
        }
    }

    #[test]
    fn out_of_range_parts_are_clamped_not_panicked_on() {
        assert_eq!(Day::from_ymd(2023, 2, 31), Day::from_ymd(2023, 2, 28));
        assert_eq!(Day::from_ymd(2023, 13, 0), Day::from_ymd(2023, 12, 1));
        assert!(Day::from_ymd(i32::MAX, 1, 1) > Day::from_ymd(3000, 1, 1));
    }

    #[test]
    fn a_partial_date_spans_what_it_can_mean() {
        let day = Day::from_ymd;
        let full = PartialDate::ymd(2021, 10, 9).unwrap();
        assert_eq!(span(&full), Some((day(2021, 10, 9), day(2021, 10, 9))));
        let month = PartialDate::year_month(2024, 2).unwrap();
        assert_eq!(span(&month), Some((day(2024, 2, 1), day(2024, 2, 29))));
        let year = PartialDate {
            year: Some(2019),
            month: None,
            day: None,
        };
        assert_eq!(span(&year), Some((day(2019, 1, 1), day(2019, 12, 31))));
        assert_eq!(span(&PartialDate::month_day(5, 7).unwrap()), None);
    }

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|tick| tick.label.as_str()).collect()
    }

    fn range(from: (i32, u8, u8), to: (i32, u8, u8)) -> (f64, f64) {
        (
            Day::from_ymd(from.0, from.1, from.2).as_f64(),
            Day::from_ymd(to.0, to.1, to.2).as_f64(),
        )
    }

    #[test]
    fn a_decade_gets_year_ticks() {
        let ticks = ticks(range((2015, 1, 1), (2025, 1, 1)), 1000.0);
        assert_eq!(
            labels(&ticks),
            [
                "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024",
                "2025"
            ]
        );
        assert!(ticks[0].is_major && !ticks[1].is_major && ticks[5].is_major);
    }

    #[test]
    fn two_years_get_quarter_ticks_with_the_year_major() {
        let ticks = ticks(range((2020, 1, 1), (2021, 12, 31)), 600.0);
        assert_eq!(
            labels(&ticks),
            [
                "2020", "Apr 2020", "Jul 2020", "Oct 2020", "2021", "Apr 2021", "Jul 2021",
                "Oct 2021"
            ]
        );
        assert!(ticks[0].is_major && !ticks[1].is_major);
    }

    #[test]
    fn a_fortnight_gets_a_tick_a_day_and_the_first_of_the_month_is_major() {
        let ticks = ticks(range((2020, 2, 25), (2020, 3, 3)), 1000.0);
        assert_eq!(
            labels(&ticks),
            [
                "25 Feb", "26 Feb", "27 Feb", "28 Feb", "29 Feb", "Mar 2020", "2 Mar", "3 Mar"
            ]
        );
        assert!(ticks[5].is_major && !ticks[4].is_major);
    }

    #[test]
    fn centuries_get_round_years() {
        let ticks = ticks(range((1900, 1, 1), (2100, 1, 1)), 800.0);
        assert_eq!(
            labels(&ticks),
            [
                "1900", "1920", "1940", "1960", "1980", "2000", "2020", "2040", "2060", "2080",
                "2100"
            ]
        );
    }

    #[test]
    fn labels_never_crowd_at_any_zoom() {
        let width_px = 900.0;
        let start = Day::from_ymd(2019, 12, 20).as_f64();
        let mut visible_days = 3.0;
        while visible_days < 400_000.0 {
            let ticks = ticks((start, start + visible_days), width_px);
            assert!(ticks.len() >= 2, "{visible_days} days: {ticks:?}");
            let px_per_day = f64::from(width_px) / visible_days;
            for pair in ticks.windows(2) {
                let gap_px = (pair[1].day - pair[0].day) * px_per_day;
                assert!(
                    gap_px >= MIN_TICK_SPACING_PX - 1e-6,
                    "{visible_days} days: {} and {} are {gap_px:.1} px apart",
                    pair[0].label,
                    pair[1].label
                );
            }
            visible_days *= 1.17;
        }
    }

    #[test]
    fn a_degenerate_range_has_no_ticks() {
        assert!(ticks((10.0, 10.0), 500.0).is_empty());
        assert!(ticks((0.0, f64::NAN), 500.0).is_empty());
        assert!(ticks((0.0, 100.0), 0.0).is_empty());
    }
}
