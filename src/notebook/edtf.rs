//! Reading back the EDTF-style dates a notebook stores as text.
//!
//! [`PartialDate`] prints `2019-07-23`, `2019-07`, `2019` or `XXXX-05-07`; corrections keep
//! dates in that form so a person can read and edit the file. This is the one place the text
//! becomes a date again.

use crate::model::PartialDate;

/// The date `text` writes, if it is one [`PartialDate`] prints: a four-digit year or `XXXX`,
/// then optionally `-MM`, then optionally `-DD`. A day that does not exist gives `None`.
pub fn parse_edtf(text: &str) -> Option<PartialDate> {
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
        (Some(year), None, None) => Some(PartialDate {
            year: Some(year),
            month: None,
            day: None,
        }),
        (Some(year), Some(month), None) => PartialDate::year_month(year, month),
        (Some(year), Some(month), Some(day)) => PartialDate::ymd(year, month, day),
        (None, Some(month), Some(day)) => PartialDate::month_day(month, day),
        (None, Some(month), None) => (1..=12).contains(&month).then_some(PartialDate {
            year: None,
            month: Some(month),
            day: None,
        }),
        _ => None,
    }
}

/// `digits` as a number, if it is exactly `width` ASCII digits.
fn number(digits: &str, width: usize) -> Option<u32> {
    (digits.len() == width && digits.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_every_precision_partial_dates_print() {
        for date in [
            PartialDate::ymd(2019, 7, 23),
            PartialDate::year_month(2019, 7),
            PartialDate::month_day(5, 7),
            Some(PartialDate {
                year: Some(2021),
                month: None,
                day: None,
            }),
        ] {
            let date = date.unwrap();
            assert_eq!(parse_edtf(&date.edtf()), Some(date));
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "",
            "2019-7-23",
            "19-07-23",
            "2023-02-29",
            "2019-13",
            "XXXX",
            "2019-07-23-01",
            "二〇一九",
            "XXXX-XX-07",
            "+201-07",
        ] {
            assert_eq!(parse_edtf(text), None, "{text:?}");
        }
    }
}
