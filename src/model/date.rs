//! Dates with the precision the text gives them, never more.

use std::fmt;

/// A calendar date that may lack its day, its month or its year.
///
/// News text often says "On May 7" with no year; keeping the unknown part unknown (instead of
/// guessing the current year) is what lets the timeline put such an event on a shelf rather than
/// at a made-up date. Printed EDTF-style: `2021`, `2019-07`, `2019-07-23`, `XXXX-05-07`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct PartialDate {
    /// The year, when the text gives one.
    pub year: Option<i32>,
    /// 1–12, when known.
    pub month: Option<u8>,
    /// 1–31, only together with a month.
    pub day: Option<u8>,
}

impl PartialDate {
    /// A full date, if the parts make a real calendar day.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        is_valid_day(Some(year), month, day).then_some(Self {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        })
    }

    /// Whether this date falls after `other` whatever their unknown parts are: a later year,
    /// or the same year and a later month, or the same month and a later day.
    pub fn surely_after(&self, other: &Self) -> bool {
        let (Some(year), Some(other_year)) = (self.year, other.year) else {
            return false;
        };
        if year != other_year {
            return year > other_year;
        }
        let (Some(month), Some(other_month)) = (self.month, other.month) else {
            return false;
        };
        if month != other_month {
            return month > other_month;
        }
        matches!((self.day, other.day), (Some(day), Some(other_day)) if day > other_day)
    }

    /// A month and day whose year the text does not give.
    pub fn month_day(month: u8, day: u8) -> Option<Self> {
        is_valid_day(None, month, day).then_some(Self {
            year: None,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A year and month without a day.
    pub fn year_month(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self {
            year: Some(year),
            month: Some(month),
            day: None,
        })
    }

    /// Whether year, month and day are all known.
    pub fn is_full(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    /// The EDTF-style form used in the JSON output and the UI.
    pub fn edtf(&self) -> String {
        self.to_string()
    }

    /// The date `text` writes, if it is one [`Self::edtf`] prints: a four-digit year or
    /// `XXXX`, then optionally `-MM`, then optionally `-DD`. A day that does not exist gives
    /// `None`. The one way such text becomes a date again (notebooks, extraction files).
    pub fn from_edtf(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('-');
        let year = match parts.next()? {
            "XXXX" => None,
            digits => Some(i32::try_from(number(digits, 4)?).ok()?),
        };
        let month = match parts.next() {
            Some(digits) => Some(u8::try_from(number(digits, 2)?).ok()?),
            None => None,
        };
        let day = match parts.next() {
            Some(digits) => Some(u8::try_from(number(digits, 2)?).ok()?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        match (year, month, day) {
            (Some(year), None, None) => Some(Self {
                year: Some(year),
                month: None,
                day: None,
            }),
            (Some(year), Some(month), None) => Self::year_month(year, month),
            (Some(year), Some(month), Some(day)) => Self::ymd(year, month, day),
            (None, Some(month), Some(day)) => Self::month_day(month, day),
            (None, Some(month), None) => (1..=12).contains(&month).then_some(Self {
                year: None,
                month: Some(month),
                day: None,
            }),
            _ => None,
        }
    }
}

/// `digits` as a number, if it is exactly `width` ASCII digits.
fn number(digits: &str, width: usize) -> Option<u32> {
    (digits.len() == width && digits.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(year) => write!(f, "{year:04}")?,
            None => f.write_str("XXXX")?,
        }
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

/// Whether `day` exists in `month` (of `year`, when known; February 29 is allowed without one).
fn is_valid_day(year: Option<i32>, month: u8, day: u8) -> bool {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_surely_after_another_only_by_the_parts_both_give() {
        let page = PartialDate::ymd(2023, 8, 28).unwrap();
        assert!(PartialDate::ymd(2023, 8, 31).unwrap().surely_after(&page));
        let year = |year| PartialDate {
            year: Some(year),
            month: None,
            day: None,
        };
        assert!(year(2035).surely_after(&page));
        assert!(!year(2023).surely_after(&page));
        assert!(!PartialDate::month_day(12, 1).unwrap().surely_after(&page));
    }

    #[test]
    fn prints_each_precision_edtf_style() {
        assert_eq!(PartialDate::ymd(2019, 7, 23).unwrap().edtf(), "2019-07-23");
        assert_eq!(PartialDate::month_day(5, 7).unwrap().edtf(), "XXXX-05-07");
        assert_eq!(PartialDate::year_month(2019, 7).unwrap().edtf(), "2019-07");
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert!(PartialDate::ymd(2023, 2, 29).is_none());
        assert!(PartialDate::ymd(2024, 2, 29).is_some());
        assert!(PartialDate::month_day(4, 31).is_none());
        assert!(PartialDate::ymd(2020, 13, 1).is_none());
    }
}
