//! Reading back the EDTF-style dates a notebook stores as text.
//!
//! [`PartialDate`] prints `2019-07-23`, `2019-07`, `2019` or `XXXX-05-07`; corrections keep
//! dates in that form so a person can read and edit the file. The reading itself is
//! [`PartialDate::from_edtf`], which extraction files use too.

use crate::model::PartialDate;

/// The date `text` writes, if it is one [`PartialDate`] prints: a four-digit year or `XXXX`,
/// then optionally `-MM`, then optionally `-DD`. A day that does not exist gives `None`.
pub fn parse_edtf(text: &str) -> Option<PartialDate> {
    PartialDate::from_edtf(text)
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
