//! Recognisers for the metadata lines of a news page: publication dates, datelines, sources and
//! bylines.
//!
//! These decide only what a line *is* (called by `lines`, once per line); where such lines
//! count (the header zone, a labelled line anywhere) is decided by `clean`. A page date is never taken from a sentence of the body.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::pattern::compiled;

use crate::extract::{MONTH_WORDS as MONTHS, month_number};
use crate::model::PartialDate;

/// Labels that introduce a page's own date. Chinese labels are matched on the simplified
/// reading of a line (發佈時間 is 发布时间): 信息提供日期, 发稿时间, 日期.
const DATE_LABEL: &str = r"(?:(?:release|publication|publish(?:ed)?|pub|post(?:ed)?|send|issue[sd]?|update[sd]?|upload(?:ed)?|create[sd]?)\s*(?:date|time|on|at)?|date|time|(?:信息)?(?:发布|发表|更新|发稿|录入|上传|提供|刊发|刊登|出版|创建|添加|登载)?(?:时间|日期)|(?:发布|发表|更新)于|更新|发布)";

static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"(?:^|[^\d])((\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?)(?:[^\d]|$)")
});

static MONTH_NAME_DATE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i)(?-u:\b)({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{{4}})(?-u:\b)"
    ))
});

/// "2009 December 1", "2017-June-14", "2019-Sep-6": year, month name, day.
static YEAR_MONTH_DAY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i)(?-u:\b)(\d{{4}})(?:\s+|-)({MONTHS})\.?(?:\s+|-)(\d{{1,2}})(?-u:\b)"
    ))
});

/// "date 2020-04", "Date: 2020/04": a labelled year and month alone.
static LABELLED_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i)^{DATE_LABEL}\s*[:：]?\s*(\d{{4}})[-/.](\d{{1,2}})$"
    ))
});

/// "日期:09-07": a Chinese label before a month and day alone (Chinese writes the month
/// first), the year unknown.
static LABELLED_MONTH_DAY_ZH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"^(?:(?:发布|发表|更新|刊发|刊登)?(?:时间|日期))\s*[:：]\s*(\d{1,2})-(\d{1,2})$")
});

static DAY_MONTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+({MONTHS})\.?(?:,\s*|[\s-]+)(\d{{4}})(?-u:\b)"
    ))
});

/// What may surround a date on a date line: a label, a clock time, a weekday, separators.
static DATE_LINE_REST: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i){DATE_LABEL}|\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?|(?-u:\b)(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?(?-u:\b)|星期.|周.|[\s:：|/,，()（）\[\]【】-]+|(?:utc|gmt|bjt|cst)(?:[+-]\d+)?"
    ))
});

static DATE_LABEL_AT_START: LazyLock<Regex> =
    LazyLock::new(|| compiled(&format!(r"(?i)^\s*{DATE_LABEL}\s*[:：]")));

/// A date label after a separator in a short credit line ("By X | site | Updated: 2023-04-27").
static DATE_LABEL_AFTER_BAR: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i)(?:^|[|｜]\s*)(?:updated|published|posted|released)\s*[:：]?\s*(?:\d|(?:{MONTHS})(?-u:\b))"
    ))
});

/// A date label after a wide gap (two spaces or a tab) in a line of fields; a Chinese label
/// after any space ("信息来源:深圳特区报 信息提供日期:2025-02-17 12:13"), as Chinese fields
/// need no wide gap to stand apart.
static DATE_LABEL_AFTER_GAP: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i)(?:\s{{2,}}|\t){DATE_LABEL}\s*[:：]\s*\d|\s(?:(?:信息)?(?:发布|发表|更新|发稿|录入|上传|提供|刊发|刊登)?(?:时间|日期)|(?:发布|发表|更新)于)\s*[:：]?\s*\d"
    ))
});

/// "14/06/2023", "19-10-2015", "02/16/2017": day and month before the year, read only when
/// one of them cannot be a month (06/07/2023 could be June or July: its year alone is read).
static DAY_FIRST_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?:^|[^\d/.-])(\d{1,2})/(\d{1,2})/(\d{4})(?:[^\d/]|$)|(?:^|[^\d/.-])(\d{1,2})-(\d{1,2})-(\d{4})(?:[^\d-]|$)|(?:^|[^\d/.-])(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[^\d.]|$)",
    )
});

/// "China.org.cn, 07 20, 2020": month and day as numbers set apart by a space, then a comma
/// and the year (a credit line's American order).
static MONTH_FIRST_SPACED: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?:^|[^\d])((\d{1,2}) (\d{1,2}), (\d{4}))(?:[^\d]|$)"));

/// Two spaces or more, or a tab: what sets the fields of a credit line apart.
static WIDE_GAP: LazyLock<Regex> = LazyLock::new(|| compiled(r"\s{2,}|\t"));

static SOURCE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"(?i)(?:^|\s|\|)(source|(?:信息|文章|新闻)?来源|稿源|转自|转载自|from)\s*[:：]\s*")
});

/// What a "来源:" field holds when it names no outlet: unknown, this site, this paper.
static NO_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"^(?:未知|不详|暂无|无|本站|本站原创|原创|本网|本网原创|本报|本刊)$")
});

/// Labels that end a source value ("Source: nanjing daily Editor: Jiang Xinping").
static OTHER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i)(?:\s|\||^)(?:editor|author|reporter|correspondent|writer|translator|photo|责任编辑|编辑|作者|记者|通讯员|{DATE_LABEL})\s*[:：]"
    ))
});

/// A Chinese field's label ("浏览量:", "发布者:"), which ends the field before it.
static CHINESE_FIELD_LABEL: LazyLock<Regex> = LazyLock::new(|| compiled(r"\p{Han}{2,5}\s*[:：]"));

/// Words that make a short line a byline.
static BYLINE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?-u:\b)(?:reporters?|correspondents?|editors?|authors?|photographers?|interns?|writers?|translators?|contributors?)(?-u:\b)|记者|通讯员|编辑|作者|^\s*by\s+[A-Z]|^\s*from\s+(?:[A-Z][\w'’.-]*\s+){0,6}(?:Department|Office|Bureau|Agency|Services?|News|Daily|Network|Press|Centre|Center)\s*$",
    )
});

/// Finds the first full date (year, month, day) written in `text`.
pub fn find_full_date(text: &str) -> Option<PartialDate> {
    let numeric = NUMERIC_DATE.captures(text).and_then(|c| {
        let start = c.get(1)?.start();
        let date = PartialDate::ymd(c[2].parse().ok()?, c[3].parse().ok()?, c[4].parse().ok()?)?;
        Some((start, date))
    });
    let named = MONTH_NAME_DATE.captures(text).and_then(|c| {
        let start = c.get(0)?.start();
        let date = PartialDate::ymd(c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?)?;
        Some((start, date))
    });
    let day_first = DAY_MONTH_DATE.captures(text).and_then(|c| {
        let start = c.get(0)?.start();
        let date = PartialDate::ymd(c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?)?;
        Some((start, date))
    });
    let day_first_numeric = DAY_FIRST_NUMERIC.captures(text).and_then(|c| {
        // The three groups of whichever separator matched.
        let group = (1..=7).step_by(3).find(|&first| c.get(first).is_some())?;
        let first: u8 = c[group].parse().ok()?;
        let second: u8 = c[group + 1].parse().ok()?;
        let start = c.get(group)?.start();
        let year: i32 = c[group + 2].parse().ok()?;
        let (month, day) = match (first > 12, second > 12) {
            (true, false) => (second, first),
            (false, true) => (first, second),
            _ if first == second => (first, second),
            // 06/07/2023 could be June or July: only the year is sure.
            (false, false) => {
                let year_only = PartialDate {
                    year: Some(year),
                    month: None,
                    day: None,
                };
                return Some((start, year_only));
            }
            (true, true) => return None,
        };
        Some((start, PartialDate::ymd(year, month, day)?))
    });
    let year_first = YEAR_MONTH_DAY_DATE.captures(text).and_then(|c| {
        let start = c.get(0)?.start();
        let date = PartialDate::ymd(c[1].parse().ok()?, month_number(&c[2])?, c[3].parse().ok()?)?;
        Some((start, date))
    });
    let month_first_spaced = MONTH_FIRST_SPACED.captures(text).and_then(|c| {
        let start = c.get(1)?.start();
        let date = PartialDate::ymd(c[4].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        Some((start, date))
    });
    [
        numeric,
        named,
        day_first,
        day_first_numeric,
        year_first,
        month_first_spaced,
    ]
    .into_iter()
    .flatten()
    .min_by_key(|(start, _)| *start)
    .map(|(_, date)| date)
    // "1970-01-01 08:00:20": a site's empty timestamp, not a day the page was published.
    .filter(|date| Some(*date) != PartialDate::ymd(1970, 1, 1))
}

/// The date of a line that is only a date, perhaps with a label, a time and a weekday
/// ("2024-02-23 07:15", "Release time:2020-06-11", "Jun 8, 2018"); `None` for a sentence
/// that merely contains a date.
pub fn date_line(line: &str) -> Option<PartialDate> {
    let line = &*crate::extract::without_inline_pinyin(line);
    // "Date: 10:54, 19-10-2015.": a full stop may close a date line too.
    let whole = line.trim();
    let line = whole.trim_end_matches('.');
    if line.chars().count() > 80 {
        return None;
    }
    // "date 2020-04": a labelled month, as some pages date their stories.
    if let Some(found) = LABELLED_MONTH.captures(line) {
        return PartialDate::year_month(found[1].parse().ok()?, found[2].parse().ok()?);
    }
    if let Some(found) = LABELLED_MONTH_DAY_ZH.captures(line) {
        return PartialDate::month_day(found[1].parse().ok()?, found[2].parse().ok()?);
    }
    let Some(date) = find_full_date(line) else {
        return compact_date_line(line);
    };
    // Remove the date itself, then everything a date line may carry; nothing else may be left.
    if only_date_fields(&without_first_dates(line)) {
        return Some(date);
    }
    // "2023-06-14 09:30   Font size: A+ A A-   [Print] [Close]": a line that opens with the
    // date and goes on with page tools, not a sentence.
    let opens_with_date = NUMERIC_DATE
        .captures(line)
        .and_then(|captures| captures.get(1))
        .is_some_and(|found| found.start() == 0);
    (opens_with_date && !whole.ends_with(['.', '。']) && line.split_whitespace().count() <= 16)
        .then_some(date)
}

/// A date line in a short form some sites print, read only when a clock time or a Chinese
/// field follows (so a number pair in a sentence is never one): "2025 09/15 17:34:13" (the
/// year set apart by a space; "2021 08/ 30 22:34:15" too), "23-07-11 08:07 来源:新天水", "Pub Date:23-12-22 10:54" (a
/// two-digit year, labelled or on a Chinese page, where the year comes first),
/// "新闻日期:107-03-26" (a Taiwanese page's year of the
/// Republic, 107 = 2018).
fn compact_date_line(line: &str) -> Option<PartialDate> {
    let line = strip_bullet(line);
    let found = COMPACT_DATE.captures(line)?;
    let (year, month, day) = if let Some(year) = found.name("spaced") {
        (year.as_str().parse().ok()?, &found["sm"], &found["sd"])
    } else if let Some(year) = found.name("short") {
        if found.name("label").is_none() && !line.chars().any(crate::extract::is_cjk) {
            return None;
        }
        (
            2000 + year.as_str().parse::<i32>().ok()?,
            &found["hm"],
            &found["hd"],
        )
    } else {
        found.name("label")?;
        let republic: i32 = found.name("roc")?.as_str().parse().ok()?;
        (1911 + republic, &found["rm"], &found["rd"])
    };
    let date = PartialDate::ymd(year, month.parse().ok()?, day.parse().ok()?)?;
    only_date_fields(&line[found.get(0)?.end()..]).then_some(date)
}

/// Whether what is left of a line beside its date is only what a date line may carry (a label,
/// a clock time, a weekday, separators), up to a "Source:" label and the outlet after it.
fn only_date_fields(rest: &str) -> bool {
    let rest = SOURCE_LABEL
        .find(rest)
        .map_or(rest, |source| &rest[..source.start()]);
    DATE_LINE_REST.replace_all(rest, "").trim().is_empty()
}

static COMPACT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"^\s*(?P<label>\p{{Han}}{{0,4}}(?i:{DATE_LABEL})\s*[:：]\s*)?(?:(?P<spaced>\d{{4}})\s+(?P<sm>\d{{2}})/\s?(?P<sd>\d{{2}})\s+{CLOCK}|(?P<short>\d{{2}})-(?P<hm>\d{{2}})-(?P<hd>\d{{2}})\s+{CLOCK}|(?P<roc>1\d{{2}})-(?P<rm>\d{{1,2}})-(?P<rd>\d{{1,2}})(?:\D|$))"
    ))
});

/// A clock time, seconds optional.
const CLOCK: &str = r"\d{1,2}:\d{2}(?::\d{2})?";

/// `line` without the first date of each form it holds.
fn without_first_dates(line: &str) -> String {
    [
        &*NUMERIC_DATE,
        &*MONTH_NAME_DATE,
        &*DAY_MONTH_DATE,
        &*YEAR_MONTH_DAY_DATE,
        &*DAY_FIRST_NUMERIC,
        &*MONTH_FIRST_SPACED,
    ]
    .iter()
    .fold(line.to_owned(), |text, pattern| {
        remove_first_date(&text, pattern)
    })
}

/// What is left of a short line once its first date, clock times, weekdays, date labels and
/// separators are taken out: what a credit line carries besides its date ("Xinhua",
/// "chinadaily", "0 Comments Print").
pub fn beside_the_date(line: &str) -> String {
    let without_date = without_first_dates(line);
    DATE_LINE_REST.replace_all(&without_date, " ").into_owned()
}

/// `text` without the first date `pattern` finds (its first group when it has one, as the
/// numeric pattern's outer characters only delimit it).
fn remove_first_date(text: &str, pattern: &Regex) -> String {
    let Some(captures) = pattern.captures(text) else {
        return text.to_owned();
    };
    let Some(span) = captures
        .get(1)
        .filter(|_| captures.len() > 4)
        .or_else(|| captures.get(0))
    else {
        return text.to_owned();
    };
    format!("{} {}", &text[..span.start()], &text[span.end()..])
}

/// A date introduced by a label ("Release time:2020-06-11 …") at the start of a line, wherever
/// the line stands; such a line states the page's date even when it is not alone on its line.
pub fn labelled_date(line: &str) -> Option<PartialDate> {
    let line = &*crate::extract::without_inline_pinyin(line);
    // "• 发布时间:2015-02-09 05:26:41": a bullet may stand before the label.
    let line = strip_bullet(line);
    if line.chars().count() > 160 {
        return None;
    }
    if DATE_LABEL_AT_START.is_match(line) || DATE_LABEL_AFTER_BAR.is_match(line) {
        return find_full_date(line).or_else(|| month_and_day_run_together(line));
    }
    // "Category:Group News         Release Time:2019-09-18         Number of Browse:0": fields
    // set apart by wide gaps, one of them the date.
    if let Some(found) = DATE_LABEL_AFTER_GAP.find(line) {
        return find_full_date(&line[found.start()..]);
    }
    // "Liaoning Daily | 2024-01-10": a bar-separated credit line with a date of its own.
    if line.contains('|') && line.chars().count() <= 100 {
        return line.split('|').find_map(|part| date_line(part.trim()));
    }
    // "Hangzhou News   2021-05-14 15:43   Source:Hangzhou Daily": a credit line of fields set
    // apart by wide gaps, one of them the date.
    if SOURCE_LABEL.is_match(line) && line.chars().count() <= 100 {
        return WIDE_GAP.split(line).find_map(|part| date_line(part.trim()));
    }
    None
}

/// "updated on :0913, 2023": a labelled date with its month and day run together before the
/// year, read only right after the label and month first (as the sites that write it do).
fn month_and_day_run_together(line: &str) -> Option<PartialDate> {
    let found = MONTH_DAY_RUN_TOGETHER.captures(line)?;
    PartialDate::ymd(
        found[3].parse().ok()?,
        found[1].parse().ok()?,
        found[2].parse().ok()?,
    )
}

static MONTH_DAY_RUN_TOGETHER: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i)^\s*{DATE_LABEL}\s*[:：]\s*([0-9]{{2}})([0-9]{{2}}),\s*([0-9]{{4}})(?:[^0-9]|$)"
    ))
});

/// The outlet named after a "Source:" label, stopping at the next label ("Editor: …").
pub fn labelled_source(line: &str) -> Option<String> {
    labelled_source_range(line).map(|range| line[range].to_owned())
}

/// Where in `line` the outlet named after a "Source:" label stands: a range that serves the
/// line as written when the label was read on its simplified reading.
pub fn labelled_source_range(line: &str) -> Option<Range<usize>> {
    if line.chars().count() > 160 {
        return None;
    }
    let found = SOURCE_LABEL.find(line)?;
    let rest = &line[found.end()..];
    // The value ends at the next label, or where page tools begin ("  [Share to]", "|").
    let end = [
        OTHER_LABEL.find(rest).map(|label| label.start()),
        rest.find("  "),
        rest.find(['[', '【', '|']),
        NUMERIC_DATE
            .captures(rest)
            .and_then(|found| found.get(1))
            .map(|date| date.start()),
        // "来源: 浏览量:4156": another Chinese field's label, not an outlet.
        CHINESE_FIELD_LABEL.find(rest).map(|label| label.start()),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(rest.len());
    let value = &rest[..end];
    let source = value.trim().trim_end_matches(['|', ',', '，', ';']).trim();
    // "来源:未知", "来源:本站原创", "来源:本报": the page says it does not name an outlet.
    if source.is_empty() || NO_OUTLET.is_match(source) {
        return None;
    }
    let start = found.end() + offset_in(rest, source);
    Some(start..start + source.len())
}

/// Whether a short line credits people or an outlet: "□ Nanjing Daily/Zijinshan News Reporter",
/// "Correspondent Qi Xuan", "By Li Ming", "Editor: Jiang Xinping".
pub fn is_byline(line: &str) -> bool {
    let line = strip_bullet(line);
    if line.len() > 200 {
        return false;
    }
    let words = line.split_whitespace().count();
    (1..=14).contains(&words)
        && !line.ends_with(['.', '。'])
        && (BYLINE_WORD.is_match(line) || labelled_source(line).is_some())
}

/// Where in `line` the outlet of a byline stands, when it names one before the credit word:
/// "□ Nanjing Daily/Zijinshan News Reporter" → "Nanjing Daily/Zijinshan News".
pub fn byline_outlet_range(line: &str) -> Option<Range<usize>> {
    let stripped = strip_bullet(line);
    let found = BYLINE_WORD.find(stripped)?;
    let outlet = stripped[..found.start()]
        .trim()
        .trim_end_matches([',', '/', '|'])
        .trim();
    let words = outlet.split_whitespace().count();
    let has_capitals = outlet.split_whitespace().all(|word| {
        word.chars()
            .next()
            .is_some_and(|c| !c.is_alphabetic() || c.is_uppercase() || !c.is_ascii())
    });
    // "刊发日期:2022-09-02 阅读次数: 作者:": fields of the page before the credit, no outlet.
    let fields = CHINESE_FIELD_LABEL.is_match(outlet) || find_full_date(outlet).is_some();
    if !((1..=6).contains(&words) && has_capitals) || fields {
        return None;
    }
    let start = offset_in(line, outlet);
    Some(start..start + outlet.len())
}

/// The byte offset of `inner` in `outer`, where `inner` is a trimmed slice of `outer`.
fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// Whether a line is only personal names ("Zha Jinzhong Zhu Yini"), as continues a byline.
pub fn is_names_only(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=8).contains(&words.len())
        && words.iter().all(|word| {
            let mut chars = word.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
        })
}

/// Drops the bullet marks some sites put before a byline ("□", "■", "◎", "●").
pub fn strip_bullet(line: &str) -> &str {
    line.trim()
        .trim_start_matches([
            '□', '■', '◎', '●', '○', '◆', '◇', '★', '☆', '▲', '►', '•', '*', '-', '—',
        ])
        .trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> Option<PartialDate> {
        PartialDate::ymd(y, m, d)
    }

    #[test]
    fn reads_date_lines_in_the_forms_pages_use() {
        assert_eq!(date_line("2024-02-23 07:15"), ymd(2024, 2, 23));
        assert_eq!(date_line("Release time:2020-06-11"), ymd(2020, 6, 11));
        assert_eq!(date_line("Jun 8, 2018"), ymd(2018, 6, 8));
        assert_eq!(date_line("Updated: 8 June 2018 10:32 GMT"), ymd(2018, 6, 8));
        assert_eq!(date_line("发布时间：2019年7月23日"), ymd(2019, 7, 23));
        assert_eq!(date_line("日期:09-07"), PartialDate::month_day(9, 7));
        assert_eq!(date_line("1970-01-01 08:00:20"), None);
        assert_eq!(date_line("2025 09/15 17:34:13"), ymd(2025, 9, 15));
        assert_eq!(date_line("2021 08/ 30 22:34:15"), ymd(2021, 8, 30));
        assert_eq!(
            date_line("23-07-11 08:07 来源:新天水 编辑:余守萱"),
            ymd(2023, 7, 11)
        );
        assert_eq!(date_line("23-07-11 08:07"), None);
        assert_eq!(
            date_line("Pub Date:23-12-22 10:54 Source:english.anhuinews.com"),
            ymd(2023, 12, 22)
        );
        assert_eq!(date_line("- 新闻日期:107-03-26"), ymd(2018, 3, 26));
        assert_eq!(date_line("2025 12 projects"), None);
        assert_eq!(date_line("Date: 09-07"), None);
        assert_eq!(
            labelled_date("tangshan 发表于:2017-3-15 08:13 复制链接 发表新帖"),
            ymd(2017, 3, 15)
        );
        assert_eq!(date_line("2020/06/11 Source: Xinhua"), ymd(2020, 6, 11));
        assert_eq!(date_line("Wednesday, September 24, 2020"), ymd(2020, 9, 24));
        assert_eq!(
            date_line("2023-06-14 09:30    Font size: A+ A A-    [Print] [Close]"),
            ymd(2023, 6, 14)
        );
        assert_eq!(date_line("23 March,2021"), ymd(2021, 3, 23));
        assert_eq!(date_line("Date: 10:54, 19-10-2015."), ymd(2015, 10, 19));
        assert_eq!(
            labelled_date("Source:Tianjin FTZ   Date:02/16/2017"),
            ymd(2017, 2, 16)
        );
        // Either could be the month: only the year is read.
        assert_eq!(
            labelled_date("Date:11/1/2018"),
            Some(PartialDate {
                year: Some(2018),
                month: None,
                day: None
            })
        );
        assert_eq!(labelled_date("updated on :0913, 2023"), ymd(2023, 9, 13));
        // "更新:" alone labels the date in a credit line of fields set apart by wide gaps.
        assert_eq!(
            labelled_date(
                "作者:佚名  来源:中国日报网   更新:2018-10-26 13:24:09  点击:  切换到繁體中文"
            ),
            ymd(2018, 10, 26)
        );
        assert_eq!(labelled_date("updated on :1399, 2023"), None);
        assert_eq!(
            labelled_date("Hangzhou News   2021-05-14 15:43   Source:Hangzhou Daily"),
            ymd(2021, 5, 14)
        );
        // A mirror site's pinyin inside the label is read past.
        assert_eq!(
            labelled_date("发(fā)布时(shí)间:2021-11-03 10:57:00来源: 新华社"),
            ymd(2021, 11, 3)
        );
        // A credit line's month and day as numbers, American order.
        assert_eq!(
            find_full_date("China.org.cn, 07 20, 2020"),
            ymd(2020, 7, 20)
        );
        assert_eq!(
            beside_the_date("China.org.cn, 07 20, 2020").trim(),
            "China.org.cn"
        );
        assert_eq!(find_full_date("China.org.cn, 13 20, 2020"), None);
    }

    #[test]
    fn a_sentence_with_a_date_is_not_a_date_line() {
        assert_eq!(
            date_line("On September 24, 2020, the meeting was held."),
            None
        );
        assert_eq!(date_line("2024-02-30"), None);
        assert_eq!(labelled_date("The date was 2020-06-11"), None);
        assert_eq!(
            labelled_date("Release time: 2020-06-11 Views: 334"),
            ymd(2020, 6, 11)
        );
        assert_eq!(
            labelled_date(
                "By LIU JING in Zhengzhou | chinadaily.com.cn | Updated: 2023-04-27 16:02"
            ),
            ymd(2023, 4, 27)
        );
        assert_eq!(
            labelled_date("Updated 20:45, 21-May-2024"),
            ymd(2024, 5, 21)
        );
        assert_eq!(
            labelled_date("Publication date: 2023/05/30   Information source: NDRC"),
            ymd(2023, 5, 30)
        );
        assert_eq!(
            labelled_date("Liaoning Daily | 2024-01-10"),
            ymd(2024, 1, 10)
        );
        assert_eq!(
            labelled_date("Release Date: 14/06/2023   Author:"),
            ymd(2023, 6, 14)
        );
        assert_eq!(
            labelled_date("Release Date: 06/07/2023"),
            Some(PartialDate {
                year: Some(2023),
                month: None,
                day: None
            })
        );
        assert_eq!(labelled_date("Release Date: 06/06/2023"), ymd(2023, 6, 6));
    }

    #[test]
    fn a_line_of_page_fields_names_no_outlet() {
        assert_eq!(
            byline_outlet_range("刊发日期:2022-09-02 阅读次数: 作者:  语音阅读:"),
            None
        );
    }

    #[test]
    fn a_source_field_that_names_no_outlet_gives_none() {
        for line in ["来源:未知", "来源:本站原创", "来源: 本报", "来源:不详"] {
            assert_eq!(labelled_source(line), None, "{line}");
        }
    }

    #[test]
    fn reads_sources_and_bylines() {
        assert_eq!(
            labelled_source("Source: nanjing daily Editor: Jiang Xinping").as_deref(),
            Some("nanjing daily")
        );
        assert_eq!(
            labelled_source("来源：南京日报").as_deref(),
            Some("南京日报")
        );
        assert_eq!(
            labelled_source("发布日期:2015-08-06 13:16:25 发布者:admin 来源: 浏览量:4156"),
            None
        );
        assert!(is_byline("□ Nanjing Daily/Zijinshan News Reporter"));
        assert!(is_byline("Correspondent Qi Xuan"));
        assert!(is_byline(
            " From Hong Kong's Information Services Department"
        ));
        assert!(!is_byline("From Shanghai to Lhasa: a long road"));
        assert!(is_byline("By Li Ming"));
        assert!(!is_byline(
            "The reporter learned that the three districts signed an agreement."
        ));
        assert_eq!(
            byline_outlet_range("□ Nanjing Daily/Zijinshan News Reporter")
                .map(|range| &"□ Nanjing Daily/Zijinshan News Reporter"[range]),
            Some("Nanjing Daily/Zijinshan News")
        );
        assert!(is_names_only("Zha Jinzhong Zhu Yini"));
        assert!(!is_names_only("Stable and sustainable sailing"));
    }
}
