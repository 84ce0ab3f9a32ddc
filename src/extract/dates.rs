//! Dates in the body: found, normalised, and completed only from evidence in the document.
//!
//! A month and day take their year from the text when it gives that same day with a year
//! elsewhere ("September 4" and "(September 4, 2020, Wuxi)"), else from the page's publication
//! date (on or before it: that year; after it: the year before), else from the same sentence
//! (a year stated there, as in an event name, but not one that dates a thing named: "the
//! earthquake of 2008"), else from the article's own "now" when the text fixes it ("over the
//! past year" after a dated event). With no evidence the year stays unknown.
//!
//! Long because every date form and every rule for a missing year shares the same ordered index of
//! mentions; about 1,450 lines are tests.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use aho_corasick::AhoCorasick;

use crate::pattern::{Phrases, compiled, windowed_captures, words_matcher};

use crate::model::{DateMention, DateResolution, PartialDate};

/// Month names written out, for a month standing alone ("in early July"): "May" and "March"
/// are words too, so abbreviations are not taken alone.
const MONTHS_FULL: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// The end of a span of days after a Chinese date: "至9日", "-10日", "至6月2日" (or the
/// spoken 号: "至9号").
macro_rules! chinese_span {
    () => {
        r"(?:\s*(?:至|到|-|—|–|~|～)\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])"
    };
}

/// A Chinese date's span end, if it has one.
const CHINESE_SPAN_END: &str = concat!(chinese_span!(), "?");

/// The day of a Chinese date and the span after it; "5月20至22日" leaves out the first 日, and
/// speech writes 号 for it after a month ("6月26号"; a number alone before 号 is a line or a
/// building, "11号线").
const CHINESE_DAY_SPAN: &str = concat!("(?:[日号]", chinese_span!(), "?|", chinese_span!(), ")");

/// Digits written as Chinese characters ("二〇二三年二月二十二日").
const CHINESE_DIGITS: &str = "〇零○一二三四五六七八九";

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

static PATTERNS: LazyLock<Vec<(Shape, Regex)>> = LazyLock::new(|| {
    vec![
        // "2023年5月7日至9日", "5月7日-5月9日": a span is dated by its first day.
        (
            Shape::ChineseYmd,
            compiled(&format!(
                r"(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*{CHINESE_DAY_SPAN}"
            )),
        ),
        (
            Shape::ChineseRelativeYear,
            compiled(&format!(
                r"(今年|去年|前年|明年)(\d{{1,2}})月(?:(\d{{1,2}})[日号]{CHINESE_SPAN_END})?"
            )),
        ),
        (
            Shape::ChineseMd,
            compiled(&format!(
                r"(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*{CHINESE_DAY_SPAN}"
            )),
        ),
        // "10 month 13 to 14": 10月13日至14日 as machine translation renders it.
        (
            Shape::TranslatedMd,
            compiled(r"(?-u:\b)(\d{1,2}) month (\d{1,2})(?-u:\b)"),
        ),
        (Shape::ChineseYm, compiled(r"(\d{4})\s*年\s*(\d{1,2})\s*月")),
        (
            Shape::ChineseNumerals,
            compiled(&format!(
                r"(?:([{CHINESE_DIGITS}]{{4}})年)?([{CHINESE_DIGITS}十]{{1,2}})月([{CHINESE_DIGITS}十]{{1,3}})日"
            )),
        ),
        // "625日至26日", "1025日,": a page that lost the 月 between month and day; read only
        // at the head of a clause (not "连续120日", a count of days) and where one split makes
        // a date (625: 6月25日; 121 could be 12月1日 or 1月21日: not read).
        (
            Shape::ChineseRunTogetherMd,
            compiled(&format!(
                r"(?:^|[\n，,。；;\s)）])(([0-9]{{3,4}})日{CHINESE_SPAN_END})(?:[，,、：:]|上午|下午|晚|至|到)"
            )),
        ),
        // "7日" alone: a day of the month the text last named.
        (
            Shape::ChineseDay,
            compiled(&format!(
                r"(?:^|[^\d月年])((\d{{1,2}})日{CHINESE_SPAN_END})"
            )),
        ),
        (
            Shape::MonthDayYear,
            compiled(&format!(
                r"(?-u:\b)({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:\s*(?:-|–|to)\s*\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b))?(?:,?\s+(\d{{4}})(?-u:\b))?"
            )),
        ),
        (
            Shape::DayRangeMonth,
            compiled(&format!(
                r"^(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})(?:,?\s+(\d{{4}})(?-u:\b))?"
            )),
        ),
        (
            Shape::DayMonthYear,
            compiled(&format!(
                r"^(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})(?:,?\s+(\d{{4}})(?-u:\b))?"
            )),
        ),
        (
            Shape::MonthYear,
            compiled(&format!(r"(?-u:\b)({MONTHS}),?\s+(\d{{4}})(?-u:\b)")),
        ),
        (
            Shape::RelativeMonth,
            compiled(&format!(
                r"(?i)(?-u:\b)(last|this|next)\s+({MONTHS})(?-u:\b)"
            )),
        ),
        (
            Shape::RelativeMonthOffset,
            compiled(r"(?i)(?-u:\b)(last|this|next) month(?-u:\b)"),
        ),
        (
            Shape::Weekday,
            compiled(
                r"(?i:(?-u:\b)(?:on|last) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?-u:\b))|(?-u:\b)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)",
            ),
        ),
        (
            Shape::OrdinalDay,
            compiled(r"(?i)(?-u:\b)(?:on|of|from)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)(?-u:\b)"),
        ),
        (
            Shape::MonthAlone,
            compiled(&format!(
                r"(?-u:\b)(?:[Ii]n|[Ee]arly|[Mm]id|[Ll]ate|[Ss]ince|[Dd]uring|[Ee]nd of|[Bb]eginning of)\s+(?:early\s+|mid-?\s*|late\s+)?({MONTHS_FULL})(?-u:\b)(?:\s+(last|this|next)\s+year(?-u:\b))?(?:\s*,?\s*\d)?"
            )),
        ),
    ]
});

/// Phrases that place a happening relative to the article's "now", matched ignoring ASCII case
/// (one Aho-Corasick pass: a case-insensitive regular expression has no literal prefilter and
/// scanned every article byte by byte).
const RELATIVE_PHRASES: [&str; 29] = [
    "this year",
    "last year",
    "the previous year",
    "few days ago",
    "recently",
    "in recent days",
    "the other day",
    "the day before yesterday",
    "yesterday",
    "today",
    "this morning",
    "this afternoon",
    "this evening",
    "今天",
    "今日",
    "昨天",
    "昨日",
    "昨晚",
    // A newspaper's "昨" alone ("…昨在澳门举行", "昨、今两日"); 昨天/昨日/昨晚 are longer matches.
    "昨",
    "前天",
    // "前昨两天": the two days before the page's, dated by the first.
    "前昨",
    "日前",
    "近日",
    "近期",
    "前不久",
    "今年",
    "去年",
    "上个月",
    "本月",
];

/// [`RELATIVE_PHRASES`] in one script: the matcher over those phrases and, for each, its
/// index in the whole list. English and Chinese phrases are matched apart, so a page is
/// scanned only for the script it has (the phrases of both scripts never overlap).
struct ScriptPhrases {
    phrases: Phrases,
    index: Vec<usize>,
}

impl ScriptPhrases {
    fn of(english: bool) -> Self {
        let index: Vec<usize> = (0..RELATIVE_PHRASES.len())
            .filter(|&at| RELATIVE_PHRASES[at].is_ascii() == english)
            .collect();
        let list: Vec<&str> = index.iter().map(|&at| RELATIVE_PHRASES[at]).collect();
        Self {
            phrases: Phrases::new(&list),
            index,
        }
    }

    /// Occurrences in `text`, with each phrase's index in [`RELATIVE_PHRASES`].
    fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        self.phrases
            .find_iter(text)
            .map(|(range, at)| (range, self.index[at]))
    }
}

static RELATIVE_ENGLISH: LazyLock<ScriptPhrases> = LazyLock::new(|| ScriptPhrases::of(true));
static RELATIVE_CHINESE: LazyLock<ScriptPhrases> = LazyLock::new(|| ScriptPhrases::of(false));

/// "Over the past year" after a dated event: the article's now is about a year later.
static PAST_YEAR: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?i)(?-u:\b)(?:over|in|during)\s+the\s+past\s+year(?-u:\b)"));

static PAST_YEAR_WORDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(&["past year"]));

/// Month names as datelines and page dates write them, in any case.
pub const MONTH_WORDS: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

/// "NANJING, Feb. 23, 2024 —", "BEIJING, June 8 (Xinhua) --", "Hefei, July 23, 2023 –",
/// "Macau, China, 7 Mar –", "Xinhua News Agency, Beijing, October 20. Recently, …", "Lhasa,
/// November 11 (Laba Zhuoma) On the 26th, …": a place (or two), a month and day, perhaps a
/// year and a credit, then a dash, a full stop or the story's first word.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let place = r"[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,2}";
    compiled(&format!(
        r#"^(?:Xinhua News Agency,\s*)?{place}(?:,\s*{place})?,\s*(?:(?i:({MONTH_WORDS}))\.?\s+(\d{{1,2}})|(\d{{1,2}})\s+(?i:({MONTH_WORDS}))\.?)(?:,?\s+(\d{{4}})|,\s*(\d{{4}}))?\s*(?:\([^)]{{1,30}}\)|/[^/]{{1,30}}/)?\s*(?:--|—|–|-|\.\s|[A-Z“"])"#
    ))
});

/// "OREANDA-NEWS. July 28, 2011. Guangdong …": an agency's name in capitals, then a full date.
static AGENCY_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"^[A-Z][A-Z-]{{2,}}(?:\s+[A-Z][A-Z-]+)?\.\s+(?i:({MONTH_WORDS}))\.?\s+(\d{{1,2}}),\s+(\d{{4}})\.\s"
    ))
});

/// "29th May 2023 – (Hong Kong)": a full date, then a dash, opening the story.
static DATE_FIRST_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"^(\d{{1,2}})(?:st|nd|rd|th)?\s+(?i:({MONTH_WORDS}))\.?,?\s+(\d{{4}})\s*(?:--|—|–|-)\s"
    ))
});

/// "台海网3月10日讯", "中評社北京7月12日電", "新华社北京2023年5月7日电", "温州网讯(记者 …)",
/// "【香港中通社三月十八日電】": the
/// credit that opens a Chinese story — an outlet (and a place), perhaps a month and day (and a
/// year), then 讯 or 电 ("reports"). Outlets joined by a dash and an account after the outlet
/// are part of it ("經濟日報-中國經濟網北京10月17日訊", "投资界(ID:pedaily2012)10月27日消息"); after a
/// date, 消息 ("news") closes the credit too.
static CHINESE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^【?([\p{Han}A-Za-z·.\-—]{0,24}?)(?:[（(][^()（）]{0,30}[)）])?(?:(?:(?:(\d{4})\s*年\s*)?(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*(?:讯|訊|电|電|\p{Han}{0,4}?消息))|\s*(?:讯|訊|电|電))",
    )
});

/// The outlet named by the credit opening a Chinese story ("温州网" in "温州网讯 11月23日…").
pub fn opening_credit(paragraph: &str) -> Option<&str> {
    let outlet = CHINESE_CREDIT.captures(paragraph)?.get(1)?.as_str();
    (outlet.chars().count() >= 2).then_some(outlet)
}

/// The date of a news dateline opening a paragraph ("NANJING, June 8, 2018 (Xinhua) --",
/// "台海网3月10日讯"). Without a year it stays year-unknown.
pub fn dateline(paragraph: &str) -> Option<PartialDate> {
    let paragraph = &*super::hanzi::without_inline_pinyin(paragraph);
    if let Some(found) = CHINESE_CREDIT.captures(paragraph)
        && let (Some(month), Some(day)) = (found.get(3), found.get(4))
    {
        // "【香港中通社三月十八日電】": the month and day may be written in Chinese numerals.
        let number = |written: &str| {
            written
                .parse::<u8>()
                .ok()
                .or_else(|| chinese_number(written).and_then(|n| u8::try_from(n).ok()))
        };
        let (month, day) = (number(month.as_str())?, number(day.as_str())?);
        return match found.get(2) {
            Some(year) => PartialDate::ymd(year.as_str().parse().ok()?, month, day),
            None => PartialDate::month_day(month, day),
        };
    }
    // "29th May 2023 – (Hong Kong) Hong Kong's Chief Executive …": the date opens the line.
    if let Some(found) = DATE_FIRST_DATELINE.captures(paragraph) {
        return PartialDate::ymd(
            found[3].parse().ok()?,
            month_number(&found[2])?,
            found[1].parse().ok()?,
        );
    }
    if let Some(found) = AGENCY_DATELINE.captures(paragraph) {
        return PartialDate::ymd(
            found[3].parse().ok()?,
            month_number(&found[1])?,
            found[2].parse().ok()?,
        );
    }
    let captures = DATELINE.captures(paragraph)?;
    let month = month_number(captures.get(1).or_else(|| captures.get(4))?.as_str())?;
    let day = captures
        .get(2)
        .or_else(|| captures.get(3))?
        .as_str()
        .parse()
        .ok()?;
    match captures.get(5).or_else(|| captures.get(6)) {
        Some(year) => PartialDate::ymd(year.as_str().parse().ok()?, month, day),
        None => PartialDate::month_day(month, day),
    }
}

/// 1–12 for an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    let month = match prefix {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(month)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    ChineseYmd,
    ChineseRelativeYear,
    ChineseMd,
    /// "10 month 13": 10月13日 as machine translation renders it.
    TranslatedMd,
    ChineseYm,
    ChineseNumerals,
    /// "625日至26日": 6月25日 with its 月 lost.
    ChineseRunTogetherMd,
    ChineseDay,
    MonthDayYear,
    DayRangeMonth,
    DayMonthYear,
    MonthYear,
    MonthAlone,
    RelativeMonth,
    RelativeMonthOffset,
    Weekday,
    OrdinalDay,
}

/// Full month names, as a month standing alone is written.
static FULL_MONTH_WORDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| words_matcher(MONTHS_FULL.split('|'), false));

/// "day", as a day of the week ends ("Tuesday", "on MONDAY").
static DAY_WORDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| words_matcher(["day", "Day", "DAY"], false));

/// "month", as "last month" writes it.
static MONTH_WORDS_ALONE: LazyLock<AhoCorasick> =
    LazyLock::new(|| words_matcher(["month", "Month", "MONTH"], false));

impl Shape {
    /// The words every match of this shape holds, and how far before and after them a match
    /// may reach: the shapes without a literal a search can start from.
    fn anchor_words(self) -> Option<(&'static AhoCorasick, usize, usize)> {
        match self {
            Self::MonthAlone => Some((&FULL_MONTH_WORDS, ANCHOR_BEFORE, WINDOW_AFTER)),
            Self::Weekday => Some((&DAY_WORDS, WEEKDAY_BEFORE, WORD_END_AFTER)),
            Self::RelativeMonthOffset => Some((&MONTH_WORDS_ALONE, WEEKDAY_BEFORE, WORD_END_AFTER)),
            _ => None,
        }
    }

    /// Whether the text can hold this shape at all, judged from its digit runs: a cheap check
    /// that spares a full scan by a pattern without a literal to search for.
    fn may_occur(self, text: &str, digits: &[Range<usize>]) -> bool {
        match self {
            Self::ChineseYmd
            | Self::ChineseRelativeYear
            | Self::ChineseMd
            | Self::ChineseYm
            | Self::ChineseNumerals => text.contains('月'),
            Self::ChineseDay | Self::ChineseRunTogetherMd => text.contains('日'),
            Self::TranslatedMd => text.contains(" month "),
            Self::OrdinalDay => digits
                .iter()
                .any(|run| ordinal_suffix(&text[run.end..]).is_some()),
            Self::DayMonthYear => digits
                .iter()
                .any(|run| run.len() <= 2 && month_follows(&text[run.end..])),
            Self::DayRangeMonth => digits
                .iter()
                .any(|run| run.len() <= 2 && range_follows(&text[run.end..])),
            _ => true,
        }
    }
}

/// The month and day of digits that lost the 月 between them, when only one split makes a
/// date: the day is the last two digits, not starting with 0 ("625" → June 25, "1025" →
/// October 25), and the month cannot be the first two ("121" is December 1 or January 21:
/// none).
fn run_together_month_day(digits: &str) -> Option<(u8, u8)> {
    // Byte offsets below are character offsets only for ASCII digits.
    if !digits.is_ascii() {
        return None;
    }
    let valid = |month: &str, day: &str| {
        let (month, day) = (month.parse::<u8>().ok()?, day.parse::<u8>().ok()?);
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((month, day))
    };
    let split = digits.len().checked_sub(2)?;
    let (month, day) = digits.split_at(split);
    let two_digit_day = valid(month, day).filter(|_| !day.starts_with('0'));
    let one_digit_day = digits
        .len()
        .checked_sub(1)
        .and_then(|at| valid(&digits[..at], &digits[at..]));
    match (two_digit_day, one_digit_day) {
        (Some(date), None) => Some(date),
        _ => None,
    }
}

/// "Monday and " / "Sunday to ": the first day of a span just before another weekday.
static SECOND_WEEKDAY_OF_A_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?-u:\b)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*(?:and|to|through|till|until|-|–)\s*$",
    )
});

/// The ordinal ending that opens `rest` ("th" of "29th").
fn ordinal_suffix(rest: &str) -> Option<&str> {
    let ending = rest.get(..2)?;
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|suffix| ending.eq_ignore_ascii_case(suffix))
        .then_some(ending)
}

/// Whether `rest`, after a day number, goes on to a month name ("th of May", " June").
fn month_follows(rest: &str) -> bool {
    let rest = ordinal_suffix(rest).map_or(rest, |suffix| &rest[suffix.len()..]);
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return false;
    }
    let trimmed = trimmed.strip_prefix("of").map_or(trimmed, str::trim_start);
    trimmed.starts_with(['J', 'F', 'M', 'A', 'S', 'O', 'N', 'D'])
}

/// Whether `rest`, after a day number, goes on to a second day ("-10 November", " to 11").
fn range_follows(rest: &str) -> bool {
    let rest = ordinal_suffix(rest).map_or(rest, |suffix| &rest[suffix.len()..]);
    let trimmed = rest.trim_start();
    trimmed.starts_with(['-', '–']) || trimmed.starts_with("to ") || trimmed.starts_with("and ")
}

/// The matches of a shape's pattern, each with the offset its positions count from.
///
/// A day before a month ("7 May") is matched only where a day number starts a word and a
/// month follows, anchored there: searched for freely, that pattern has no literal prefix and
/// costs more than all the other shapes together.
fn shape_captures<'t>(
    shape: Shape,
    pattern: &Regex,
    text: &'t str,
    digits: &[Range<usize>],
) -> Vec<(usize, regex::Captures<'t>)> {
    if let Some((words, before, after)) = shape.anchor_words() {
        let anchors: Vec<Range<usize>> = words.find_iter(text).map(|m| m.range()).collect();
        return windowed_captures(pattern, text, &anchors, before, after);
    }
    if shape == Shape::OrdinalDay {
        let anchors: Vec<Range<usize>> = digits
            .iter()
            .filter(|run| ordinal_suffix(&text[run.end..]).is_some())
            .cloned()
            .collect();
        return windowed_captures(pattern, text, &anchors, ORDINAL_BEFORE, WINDOW_AFTER);
    }
    if !matches!(shape, Shape::DayMonthYear | Shape::DayRangeMonth) {
        return pattern
            .captures_iter(text)
            .map(|captures| (0, captures))
            .collect();
    }
    let bytes = text.as_bytes();
    digits
        .iter()
        .filter(|run| {
            run.len() <= 2
                && if shape == Shape::DayRangeMonth {
                    range_follows(&text[run.end..])
                } else {
                    month_follows(&text[run.end..])
                }
        })
        .filter(|run| {
            !run.start
                .checked_sub(1)
                .is_some_and(|at| is_word_byte(bytes[at]))
        })
        .filter_map(|run| Some((run.start, pattern.captures(&text[run.start..])?)))
        .collect()
}

/// How far before its anchor word a match may start ("Beginning of  early  July").
const ANCHOR_BEFORE: usize = 40;

/// How far before "day" or "month" its match may start ("last  Wednes").
const WEEKDAY_BEFORE: usize = 16;

/// How far after its anchor a match that ends with a word may reach.
const WORD_END_AFTER: usize = 4;

/// How far before an ordinal day its opening words may start ("from  the 3rd").
const ORDINAL_BEFORE: usize = 16;

/// How far after its anchor word a match may reach ("May last year, 2").
const WINDOW_AFTER: usize = 40;

/// Maximal runs of ASCII digits, as byte ranges.
fn digit_runs(bytes: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        at = next_digit(bytes, at)?;
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_digit() {
            at += 1;
        }
        Some(start..at)
    })
}

/// Where the next ASCII digit at or after `from` is. Most of a text has none: it is passed
/// over eight bytes at a time.
fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        if holds_a_digit(word) {
            break;
        }
        at += 8;
    }
    bytes
        .get(at..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|offset| at + offset)
}

/// Whether any of the eight bytes of `word` is an ASCII digit: after `^ 0x30` a digit is a
/// byte below 10, and a byte below 10 is what the borrow test finds ("hasless", Bit Twiddling
/// Hacks).
fn holds_a_digit(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let shifted = word ^ (ONES * 0x30);
    shifted.wrapping_sub(ONES * 10) & !shifted & HIGHS != 0
}

fn iso_dates(text: &str, digits: &[Range<usize>]) -> Vec<(Range<usize>, i32, i32, i32)> {
    let bytes = text.as_bytes();
    let number = |range: &Range<usize>| text[range.clone()].parse::<i32>().ok();
    digits
        .windows(3)
        .filter(|runs| {
            let [year, month, day] = [&runs[0], &runs[1], &runs[2]];
            year.len() == 4
                && (1..=2).contains(&month.len())
                && (1..=2).contains(&day.len())
                && month.start == year.end + 1
                && bytes[year.end] == b'-'
                && day.start == month.end + 1
                && bytes[month.end] == b'-'
                && !year
                    .start
                    .checked_sub(1)
                    .is_some_and(|at| is_word_byte(bytes[at]))
                && !bytes.get(day.end).copied().is_some_and(is_word_byte)
        })
        .filter_map(|runs| {
            Some((
                runs[0].start..runs[2].end,
                number(&runs[0])?,
                number(&runs[1])?,
                number(&runs[2])?,
            ))
        })
        .collect()
}

/// ASCII word characters, as the patterns' `(?-u:\b)` sees them.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// Relative phrases standing as whole words ("this year", "a few days ago", "yesterday"), read
/// as raw dates: years from the article's now, days and months from the reference date.
fn relative_phrases(text: &str) -> Vec<Raw> {
    let bytes = text.as_bytes();
    let english = super::gazetteer::may_hold_latin(text);
    let chinese = super::gazetteer::may_hold_cjk(text);
    let mut found: Vec<(Range<usize>, usize)> = Vec::new();
    if english {
        found.extend(RELATIVE_ENGLISH.find_iter(text));
    }
    if chinese {
        found.extend(RELATIVE_CHINESE.find_iter(text));
        if english {
            found.sort_by_key(|(range, _)| range.start);
        }
    }
    found
        .into_iter()
        .filter(|found| {
            let before = found.0.start.checked_sub(1).map(|at| bytes[at]);
            let after = bytes.get(found.0.end).copied();
            !before.is_some_and(is_word_byte)
                && !after.is_some_and(is_word_byte)
                && match RELATIVE_PHRASES[found.1] {
                    "前天" => day_before_yesterday(text, found.0.end),
                    // "昨(4)日" gives its own day; the bracket is read with it, not here.
                    "昨" => !text[found.0.end..].starts_with(['(', '（']),
                    _ => true,
                }
        })
        .map(|(found, index)| {
            let phrase = RELATIVE_PHRASES[index];
            let mut start = found.start;
            // "a few days ago" keeps its article.
            let head = text[..start].trim_end();
            if phrase.starts_with("few")
                && head.len() < start
                && head.ends_with(['a', 'A'])
                && !head.as_bytes()[..head.len() - 1]
                    .last()
                    .is_some_and(|&byte| is_word_byte(byte))
            {
                start = head.len() - 1;
            }
            let (relative_years, relative_to_publication) = match phrase {
                "last year" | "the previous year" | "去年" => (Some(-1), None),
                // "日前", "近日": some days before the page date, which may be last month; only
                // the year is safe.
                "this year" | "今年" | "日前" | "近日" | "近期" | "前不久" => {
                    (Some(0), None)
                }
                "the day before yesterday" | "前天" | "前昨" => {
                    (None, Some(Relative::Days(-2)))
                }
                "yesterday" | "昨天" | "昨日" | "昨晚" | "昨" => {
                    (None, Some(Relative::Days(-1)))
                }
                "today" | "this morning" | "this afternoon" | "this evening" | "今天" | "今日" => {
                    (None, Some(Relative::Days(0)))
                }
                "上个月" => (None, Some(Relative::Months(-1))),
                "本月" => (None, Some(Relative::Months(0))),
                // Without a reference date these still say the article's year.
                _ => (Some(0), Some(Relative::Recent)),
            };
            Raw {
                range: start..found.end,
                year: None,
                month: None,
                day: None,
                relative_years,
                relative_to_publication,
            }
        })
        .collect()
}

/// Whether "前天" ending at `end` is "the day before yesterday": followed by a comma, a time
/// of day or the verb of the sentence — not the start of a name ("会前天津市…", "前天津市委书记").
fn day_before_yesterday(text: &str, end: usize) -> bool {
    text[end..]
        .chars()
        .next()
        .is_some_and(|next| "，,上下晚在赴到来与和同举召签率抵".contains(next))
}

/// Plausible years (1950–2099) written as four digits on their own: not part of a longer
/// number, a decimal ("2019.5") or a percentage ("2024%").
fn year_numbers(text: &str, digits: &[Range<usize>]) -> Vec<(Range<usize>, i32)> {
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    for &Range { start, end: at } in digits {
        if at - start != 4 {
            continue;
        }
        let before = start.checked_sub(1).map(|index| bytes[index]);
        // "/BeyondPic/2012-9/10/…jpg": a folder of a file's path, not a year of the story.
        let in_a_path = before == Some(b'/') && matches!(bytes.get(at), Some(b'-' | b'/'));
        // "3.2025", "No.2025", "1,2025": the digits of a number. After a comma that follows a
        // word ("6月11日,2025年…", as pages that set Latin commas in Chinese write it) the
        // year is a year.
        let in_a_number = before == Some(b'.')
            || (before == Some(b',')
                && start
                    .checked_sub(2)
                    .is_some_and(|index| bytes[index].is_ascii_digit()));
        // "ID:pedaily2012", "2023abc": digits run into letters name an account or a code.
        let in_a_code = before.is_some_and(|byte| byte.is_ascii_alphabetic())
            || bytes.get(at).is_some_and(u8::is_ascii_alphabetic);
        if in_a_number || in_a_path || in_a_code {
            continue;
        }
        // "国发〔2016〕62号": the year of a document's number, which the story only cites.
        if text[..start].ends_with(['〔', '［', '[']) && text[at..].starts_with(['〕', '］', ']'])
        {
            continue;
        }
        let after_ok = match bytes.get(at) {
            Some(b'%') => false,
            Some(b'.' | b',') => !bytes.get(at + 1).is_some_and(u8::is_ascii_digit),
            _ => !counts_something(&text[at..]),
        };
        let Ok(year) = text[start..at].parse::<i32>() else {
            continue;
        };
        if after_ok && (1950..=2099).contains(&year) && !in_year_span(text, start..at) {
            years.push((start..at, year));
        }
    }
    years
}

/// "2000万元", "2010 million yuan", "2025 people": four digits that count a quantity, not a year.
fn counts_something(after: &str) -> bool {
    if after.starts_with(QUANTITY_ZH) {
        return true;
    }
    let Some(word) = after.strip_prefix(' ') else {
        return false;
    };
    let word = word
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    QUANTITY_EN.contains(&word.as_str())
}

/// What follows a number that counts money, people or things in Chinese.
const QUANTITY_ZH: &[char] = &[
    '万', '亿', '元', '余', '多', '个', '人', '家', '项', '名', '户', '吨', '亩', '米', '件', '套',
    '台', '辆', '所', '株', '次', '位', '条', '公', '千', '平',
];

/// English words that make a number before them a count.
const QUANTITY_EN: &[&str] = &[
    "million",
    "billion",
    "yuan",
    "rmb",
    "dollars",
    "people",
    "persons",
    "residents",
    "households",
    "enterprises",
    "companies",
    "firms",
    "projects",
    "students",
    "workers",
    "jobs",
    "tons",
    "tonnes",
    "hectares",
    "mu",
    "km",
    "kilometers",
    "kilometres",
    "meters",
    "metres",
    "square",
    "units",
    "beds",
];

/// Whether the year is one end of a span such as "2021-2025" or "2021–2025": a period a plan
/// covers, not the date of an occurrence.
fn in_year_span(text: &str, year: Range<usize>) -> bool {
    let four_digits = |piece: Option<&str>| {
        piece.is_some_and(|piece| piece.len() == 4 && piece.bytes().all(|b| b.is_ascii_digit()))
    };
    let after = text[year.end..]
        .strip_prefix(['-', '–', '—'])
        .map(|rest| rest.get(..4));
    let before = text[..year.start]
        .strip_suffix(['-', '–', '—'])
        .map(|head| head.get(head.len().saturating_sub(4)..));
    // "from 2017 to 2020", "2017 to 2020": the same span in words.
    let after_words = text[year.end..]
        .strip_prefix(" to ")
        .or_else(|| text[year.end..].strip_prefix(" through "))
        .map(|rest| rest.get(..4));
    let before_words = text[..year.start]
        .strip_suffix(" to ")
        .map(|head| head.get(head.len().saturating_sub(4)..));
    // "2017年至2019年三年对口帮扶行动协议": a term in Chinese.
    let after_chinese = CHINESE_YEAR_SPAN_AFTER.is_match(&text[year.end..]);
    let before_chinese = CHINESE_YEAR_SPAN_BEFORE.is_match(&text[..year.start]);
    after.is_some_and(four_digits)
        || before.is_some_and(four_digits)
        || after_words.is_some_and(four_digits)
        || before_words.is_some_and(four_digits)
        || after_chinese
        || before_chinese
}

static CHINESE_YEAR_SPAN_AFTER: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^年?\s*(?:至|到|—|–|-|~|～)\s*\d{4}\s*年"));
static CHINESE_YEAR_SPAN_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"\d{4}\s*年\s*(?:至|到|—|–|-|~|～)\s*$"));

/// A raw date before its year is resolved.
#[derive(Clone, Debug)]
struct Raw {
    range: Range<usize>,
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    /// Years relative to "now" (0 this year, -1 last year), for relative expressions.
    relative_years: Option<i32>,
    /// Months relative to the publication month ("last month"), or the weekday (0 = Monday)
    /// of "on Wednesday", resolved against the publication date.
    relative_to_publication: Option<Relative>,
}

/// A date relative to the page's publication date.
#[derive(Clone, Copy, Debug)]
enum Relative {
    Months(i32),
    Weekday(u32),
    /// "yesterday" (-1), "today" (0).
    Days(i32),
    /// "recently", "a few days ago": the reference date's year.
    Recent,
    /// "in early July": that month, in the reference date's year or the year before.
    MonthOfYear(u8),
}

/// Finds and resolves the dates of `text`; `sentences` are the sentence ranges (a year stated
/// in the same sentence completes a month and day). Without a headline: the tests' and the
/// profile's entry.
#[cfg(test)]
pub fn find_dates(
    text: &str,
    sentences: &[Range<usize>],
    published: Option<PartialDate>,
) -> Vec<DateMention> {
    find_dates_under(text, sentences, published, "")
}

/// As [`find_dates`], for a body under `headline`: on a page without a date, the one year the
/// headline states ("Mayor Gives Speech at 2015 Taipei-Shanghai Forum") is the story's year
/// until the body states another, as a year stated in its first lines would be.
pub fn find_dates_under(
    text: &str,
    sentences: &[Range<usize>],
    published: Option<PartialDate>,
    headline: &str,
) -> Vec<DateMention> {
    let raws = raw_dates(text);
    let anchors = Anchors {
        published,
        reference: story_date(text, published)
            .or(published)
            .or_else(|| explained_day(text, &raws)),
        now: narrative_now(text, &raws, published),
        story_years: story_years(text, &raws, headline_year(headline)),
        stated_days: stated_days(&raws),
    };
    let mut mentions = Vec::new();
    // "From July 30th … put into service in October 2017. On the afternoon of the 30th":
    // a day alone belongs to the month of the last day named, not of a month named alone
    // in passing; a month alone serves only when no day came before.
    let mut last_day_month: Option<(Option<i32>, u8, DateResolution)> = None;
    let mut last_month: Option<(Option<i32>, u8, DateResolution)> = None;
    for raw in &raws {
        let resolved = resolve(
            text,
            raw,
            &raws,
            sentences,
            &anchors,
            last_day_month.or(last_month),
        );
        if let Some(mention) = resolved {
            if let Some(month) = mention.date.month {
                let seen = Some((mention.date.year, month, mention.resolution));
                if mention.date.day.is_some() {
                    // The end of a span ("July 30th to August 1st") is not the story's day.
                    if !ends_a_span(&text[..raw.range.start]) {
                        last_day_month = seen;
                    }
                } else {
                    last_month = seen;
                }
            }
            mentions.push(mention);
        }
    }
    mentions
}

/// Whether a date is the end of a span ("from July 30th to August 1st"): what stands
/// before it ends with "to", "until", "through" or a dash.
pub fn ends_a_span(before: &str) -> bool {
    let start = before.floor_char_boundary(before.len().saturating_sub(12));
    SPAN_END.is_match(&before[start..])
}

static SPAN_END: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?i)(?:(?-u:\b)(?:to|until|till|through)|[-–—])\s*$"));

fn raw_dates(text: &str) -> Vec<Raw> {
    let digits: Vec<Range<usize>> = digit_runs(text.as_bytes()).collect();
    let mut raws: Vec<Raw> = iso_dates(text, &digits)
        .into_iter()
        .map(|(range, year, month, day)| Raw {
            range,
            year: Some(year),
            month: u8::try_from(month).ok(),
            day: u8::try_from(day).ok(),
            relative_years: None,
            relative_to_publication: None,
        })
        .collect();
    let mut taken = Taken::default();
    for raw in &raws {
        taken.insert(raw);
    }
    for (shape, pattern) in PATTERNS.iter() {
        if !shape.may_occur(text, &digits) {
            continue;
        }
        for (offset, captures) in shape_captures(*shape, pattern, text, &digits) {
            // A lone Chinese day is matched with the character before it, which is not its own.
            let whole_group = usize::from(matches!(
                shape,
                Shape::ChineseDay | Shape::ChineseRunTogetherMd
            ));
            let Some(whole) = captures.get(whole_group) else {
                continue;
            };
            let range = offset + whole.start()..offset + whole.end();
            if taken.overlaps(&range) {
                continue;
            }
            let matched = Matched {
                captures: &captures,
                whole: whole.as_str(),
                range,
            };
            let Some(found) = matched.date(*shape, text) else {
                continue;
            };
            taken.insert(&found);
            raws.push(found);
        }
    }
    let relative = relative_phrases(text);
    let years = year_numbers(text, &digits)
        .into_iter()
        .map(|(range, year)| Raw {
            range,
            year: Some(year),
            month: None,
            day: None,
            relative_years: None,
            relative_to_publication: None,
        });
    for found in relative.into_iter().chain(years) {
        if !taken.overlaps(&found.range) && !explained_in_brackets(text, &found.range, &taken) {
            taken.insert(&found);
            raws.push(found);
        }
    }
    raws.sort_by_key(|raw| raw.range.start);
    raws
}

/// One match of a date pattern and where it stands in the text: what each shape reads its
/// numbers and month names from, so each shape's reading is a few lines of its own.
struct Matched<'m, 't> {
    captures: &'m regex::Captures<'t>,
    /// The text of the whole date.
    whole: &'t str,
    /// Where the whole date stands in the text.
    range: Range<usize>,
}

impl Matched<'_, '_> {
    /// A group read as a number.
    fn number(&self, index: usize) -> Option<i32> {
        self.captures
            .get(index)
            .and_then(|m| m.as_str().parse::<i32>().ok())
    }

    /// A group read as the name of a month.
    fn month_name(&self, index: usize) -> Option<u8> {
        self.captures
            .get(index)
            .and_then(|m| month_number(m.as_str()))
    }

    /// The date over the whole match, with the parts read (a day out of range is none).
    fn raw(
        &self,
        year: Option<i32>,
        month: Option<u8>,
        day: Option<i32>,
        relative_years: Option<i32>,
    ) -> Raw {
        Raw {
            range: self.range.clone(),
            year,
            month,
            day: day.and_then(|d| u8::try_from(d).ok()),
            relative_years,
            relative_to_publication: None,
        }
    }

    /// The date the match gives, read as its shape writes it; none when the match is part
    /// of a date read otherwise, or no date at all.
    fn date(&self, shape: Shape, text: &str) -> Option<Raw> {
        match shape {
            Shape::ChineseYmd => Some(self.raw(
                self.number(1),
                self.number(2).and_then(|m| u8::try_from(m).ok()),
                self.number(3),
                None,
            )),
            Shape::ChineseMd | Shape::TranslatedMd => Some(self.raw(
                None,
                self.number(1).and_then(|m| u8::try_from(m).ok()),
                self.number(2),
                None,
            )),
            Shape::ChineseYm => Some(self.raw(
                self.number(1),
                self.number(2).and_then(|m| u8::try_from(m).ok()),
                None,
                None,
            )),
            Shape::ChineseRelativeYear => Some(self.chinese_relative_year()),
            Shape::ChineseNumerals => Some(self.chinese_numerals()),
            Shape::ChineseDay => Some(self.raw(None, None, self.number(2), None)),
            Shape::ChineseRunTogetherMd => self.run_together(),
            Shape::MonthDayYear => {
                Some(self.raw(self.number(3), self.month_name(1), self.number(2), None))
            }
            Shape::DayMonthYear | Shape::DayRangeMonth => {
                Some(self.raw(self.number(3), self.month_name(2), self.number(1), None))
            }
            Shape::MonthAlone => self.month_alone(),
            Shape::MonthYear => Some(self.raw(self.number(2), self.month_name(1), None, None)),
            Shape::RelativeMonth => {
                let offset = direction(self.captures.get(1));
                Some(self.raw(None, self.month_name(2), None, Some(offset)))
            }
            Shape::RelativeMonthOffset => {
                let offset = direction(self.captures.get(1));
                Some(Raw {
                    relative_to_publication: Some(Relative::Months(offset)),
                    ..self.raw(None, None, None, None)
                })
            }
            Shape::Weekday => self.weekday(text),
            // "the joint meeting of the 3rd Guangdong-Guangxi-Guizhou …": a session's
            // number, not a day.
            Shape::OrdinalDay if names_a_session(&text[self.range.end..]) => None,
            Shape::OrdinalDay => Some(self.raw(None, None, self.number(1), None)),
        }
    }

    /// "去年12月": that month of the year before the article's now.
    fn chinese_relative_year(&self) -> Raw {
        let offset = match self.captures.get(1).map(|m| m.as_str()) {
            Some("去年") => -1,
            Some("前年") => -2,
            Some("明年") => 1,
            _ => 0,
        };
        self.raw(
            None,
            self.number(2).and_then(|m| u8::try_from(m).ok()),
            self.number(3),
            Some(offset),
        )
    }

    /// "二〇一九年三月十二日": a date written in Chinese numerals.
    fn chinese_numerals(&self) -> Raw {
        let numeral = |index: usize| {
            self.captures
                .get(index)
                .and_then(|m| chinese_number(m.as_str()))
        };
        self.raw(
            numeral(1),
            numeral(2).and_then(|m| u8::try_from(m).ok()),
            numeral(3),
            None,
        )
    }

    /// "625日": a month and day with the 月 between them lost, when the digits split into one.
    fn run_together(&self) -> Option<Raw> {
        let (month, day) = self
            .captures
            .get(2)
            .and_then(|digits| run_together_month_day(digits.as_str()))?;
        Some(self.raw(None, Some(month), Some(i32::from(day)), None))
    }

    /// "in July", "in November last year": a month without its year.
    fn month_alone(&self) -> Option<Raw> {
        // "in July 2019" is a month and year, found by its own pattern.
        if self.whole.ends_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        // "in November last year": that month of the year before.
        if self.captures.get(2).is_some() {
            Some(self.raw(
                None,
                self.month_name(1),
                None,
                Some(direction(self.captures.get(2))),
            ))
        } else {
            Some(Raw {
                relative_to_publication: self.month_name(1).map(Relative::MonthOfYear),
                ..self.raw(None, self.month_name(1), None, None)
            })
        }
    }

    /// "on Wednesday": the latest such day, counted from the publication date.
    fn weekday(&self, text: &str) -> Option<Raw> {
        let captures = self.captures;
        let range = &self.range;
        // "Thursday, 8 March 2019" is a full date, read by its own pattern.
        if captures.get(2).is_some() && text[range.end..].starts_with(',') {
            return None;
        }
        // "visited Shaanxi Monday and Tuesday": a span of days, dated by its first
        // ("arrived on Monday and on Tuesday signed" tells two days).
        if captures.get(2).is_some() && SECOND_WEEKDAY_OF_A_SPAN.is_match(&text[..range.start]) {
            return None;
        }
        let name = captures
            .get(1)
            .or_else(|| captures.get(2))
            .map(|m| m.as_str().to_lowercase())
            .unwrap_or_default();
        let weekday = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .iter()
        .position(|day| *day == name)
        .and_then(|index| u32::try_from(index).ok())
        .unwrap_or(0);
        Some(Raw {
            relative_to_publication: Some(Relative::Weekday(weekday)),
            ..self.raw(None, None, None, None)
        })
    }
}

/// The ranges of the dates found so far, by start, for overlap tests in logarithmic time (a
/// page of thousands of dates stays linear). The ranges never overlap one another.
#[derive(Default)]
struct Taken {
    /// Start → (end, whether the date names a month).
    ranges: std::collections::BTreeMap<usize, (usize, bool)>,
}

impl Taken {
    fn insert(&mut self, raw: &Raw) {
        self.ranges
            .insert(raw.range.start, (raw.range.end, raw.month.is_some()));
    }

    /// Whether `range` overlaps a date already found.
    fn overlaps(&self, range: &Range<usize>) -> bool {
        self.ranges
            .range(..range.end)
            .next_back()
            .is_some_and(|(_, &(end, _))| end > range.start)
    }

    /// Whether a date with a month starts at `at`.
    fn month_starts_at(&self, at: usize) -> bool {
        self.ranges.get(&at).is_some_and(|&(_, month)| month)
    }
}

/// "今日(二月二十二日)", "yesterday (May 7)": a relative word followed by the date it means in
/// brackets, which says it better.
fn explained_in_brackets(text: &str, range: &Range<usize>, taken: &Taken) -> bool {
    let rest = &text[range.end..];
    let opened = rest.trim_start();
    let Some(inside) = opened
        .strip_prefix('(')
        .or_else(|| opened.strip_prefix('（'))
    else {
        return false;
    };
    taken.month_starts_at(text.len() - inside.len())
}

/// The number Chinese numerals write: "二〇二三" (digit by digit) is 2023, "二十二" is 22, "十"
/// is 10; `None` for anything else.
pub fn chinese_number(text: &str) -> Option<i32> {
    let digit = |c: char| {
        CHINESE_DIGITS
            .chars()
            .position(|d| d == c)
            .map(|at| match at {
                0..=2 => 0,
                _ => i32::try_from(at).unwrap_or(0) - 2,
            })
    };
    if !text.contains('十') {
        return text
            .chars()
            .try_fold(0, |sum, c| Some(sum * 10 + digit(c)?));
    }
    let (tens, units) = text.split_once('十')?;
    let tens = if tens.is_empty() {
        1
    } else {
        digit(tens.chars().next()?)?
    };
    let units = if units.is_empty() {
        0
    } else {
        digit(units.chars().next()?)?
    };
    Some(tens * 10 + units)
}

/// Whether what follows an ordinal makes it the number of something ("the 3rd
/// Guangdong-Guangxi-Guizhou joint meeting", "the 21st century", "the 2nd phase") rather than a
/// day ("on the 15th, …", "from the 23rd to the 24th", "on 29th they signed").
fn names_a_session(rest: &str) -> bool {
    let word = rest
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or_default();
    word.starts_with(|c: char| c.is_uppercase())
        || matches!(
            word.to_ascii_lowercase().as_str(),
            "session"
                | "sessions"
                | "meeting"
                | "conference"
                | "forum"
                | "joint"
                | "annual"
                | "round"
                | "batch"
                | "anniversary"
                | "plenary"
                | "summit"
                | "century"
                | "centuries"
                | "phase"
                | "floor"
                | "time"
                | "times"
                | "edition"
                | "term"
                | "congress"
                | "year"
                | "years"
                | "national"
                | "party"
                | "five-year"
                | "stage"
                | "group"
                | "generation"
                | "place"
                | "largest"
                | "biggest"
                | "consecutive"
        )
}

/// -1 for "last", 1 for "next", 0 for "this".
fn direction(word: Option<regex::Match<'_>>) -> i32 {
    match word.map(|m| m.as_str().to_lowercase()).as_deref() {
        Some("last") => -1,
        Some("next") => 1,
        _ => 0,
    }
}

/// The year the article speaks from: the publication year, else a year after the latest full
/// date that precedes "over the past year".
fn narrative_now(
    text: &str,
    raws: &[Raw],
    published: Option<PartialDate>,
) -> Option<(i32, DateResolution)> {
    if let Some(year) = published.and_then(|date| date.year) {
        return Some((year, DateResolution::FromPublication));
    }
    // The regular expression ignores case, so it has no literal to skip ahead with: look for
    // the words first.
    if !PAST_YEAR_WORDS.occurs_in(text) {
        return None;
    }
    let phrase = PAST_YEAR.find(text)?;
    raws.iter()
        .filter(|raw| raw.range.end <= phrase.start() && raw.year.is_some() && raw.day.is_some())
        .filter_map(|raw| raw.year)
        .max()
        .map(|year| (year + 1, DateResolution::FromContext))
}

/// What relative and incomplete dates are completed from.
struct Anchors {
    /// The page's date.
    published: Option<PartialDate>,
    /// The day the story speaks from: its dateline's day ("HONG KONG, March 21 (Xinhua) --",
    /// in the page's year), else the page's date. "Yesterday" and "on Tuesday" count from it.
    reference: Option<PartialDate>,
    /// The article's year, when the text fixes it.
    now: Option<(i32, DateResolution)>,
    /// For each date found (in order), the year the story has reached before it.
    story_years: Vec<Option<i32>>,
    /// The year each month and day is given with elsewhere in the text, when one year is
    /// ("On the afternoon of September 4 …" and "(September 4, 2020, Wuxi)").
    stated_days: std::collections::HashMap<(u8, u8), Option<i32>>,
}

/// "The Chief Executive yesterday (November 30) arrived in Sanya … this afternoon": a relative
/// day explained in brackets tells the day the story speaks from (December 1, its year unknown
/// when the text does not give it), which a later "this afternoon" means.
fn explained_day(text: &str, raws: &[Raw]) -> Option<PartialDate> {
    relative_phrases(text).iter().find_map(|phrase| {
        let Some(Relative::Days(offset)) = phrase.relative_to_publication else {
            return None;
        };
        let rest = &text[phrase.range.end..];
        let inside = rest.trim_start().strip_prefix(['(', '（'])?;
        let at = text.len() - inside.len();
        let explained = raws.iter().find(|raw| raw.range.start == at)?;
        let date = PartialDate {
            year: explained.year,
            month: Some(explained.month?),
            day: Some(explained.day?),
        };
        shift_days(date, -offset)
    })
}

/// The full date of the dateline opening the story, its year from the page date (the year
/// before when the day falls after the page's).
fn story_date(text: &str, published: Option<PartialDate>) -> Option<PartialDate> {
    let line = text.lines().next()?;
    let date = dateline(line)?;
    if date.year.is_some() {
        return Some(date);
    }
    let published = published?;
    let (year, month, day) = (published.year?, date.month?, date.day?);
    let later = (month, day) > (published.month?, published.day.unwrap_or(31));
    PartialDate::ymd(if later { year - 1 } else { year }, month, day)
}

fn resolve(
    text: &str,
    raw: &Raw,
    raws: &[Raw],
    sentences: &[Range<usize>],
    anchors: &Anchors,
    last_month: Option<(Option<i32>, u8, DateResolution)>,
) -> Option<DateMention> {
    let (published, reference, now) = (anchors.published, anchors.reference, anchors.now);
    let mention = |date: Option<PartialDate>, resolution| {
        date.map(|date| DateMention {
            range: raw.range.clone(),
            date,
            resolution,
        })
    };
    if let Some(relative) = raw.relative_to_publication {
        let resolved = reference.and_then(|reference| relative_to(reference, relative));
        if resolved.is_some() || raw.relative_years.is_none() {
            return mention(resolved, DateResolution::FromPublication);
        }
    }
    if let Some(offset) = raw.relative_years {
        // "今年5月" on a page whose year is not known: the month, its year unknown.
        let Some((year, resolution)) = now else {
            let date = match (raw.month, raw.day) {
                (Some(month), Some(day)) => PartialDate::month_day(month, day),
                (Some(month), None) => (1..=12).contains(&month).then_some(PartialDate {
                    year: None,
                    month: Some(month),
                    day: None,
                }),
                _ => None,
            };
            return mention(date, DateResolution::Stated);
        };
        let year = year + offset;
        // "今年5月11日": the day too, not only the month.
        return match (raw.month, raw.day) {
            (Some(month), Some(day)) => mention(
                PartialDate::ymd(year, month, day).or(PartialDate::year_month(year, month)),
                resolution,
            ),
            (Some(month), None) => mention(PartialDate::year_month(year, month), resolution),
            (None, _) => mention(
                Some(PartialDate {
                    year: Some(year),
                    month: None,
                    day: None,
                }),
                resolution,
            ),
        };
    }
    match (raw.year, raw.month, raw.day) {
        (Some(year), Some(month), Some(day)) => {
            mention(PartialDate::ymd(year, month, day), DateResolution::Stated)
        }
        (Some(year), Some(month), None) => {
            mention(PartialDate::year_month(year, month), DateResolution::Stated)
        }
        (Some(year), None, None) => mention(
            Some(PartialDate {
                year: Some(year),
                month: None,
                day: None,
            }),
            DateResolution::Stated,
        ),
        (None, Some(month), Some(day)) => {
            let (year, resolution) = year_for(text, raw, raws, sentences, anchors, month, day);
            match year {
                Some(year) => mention(PartialDate::ymd(year, month, day), resolution),
                None => mention(PartialDate::month_day(month, day), DateResolution::Stated),
            }
        }
        (None, None, Some(day)) => {
            // "On 29th": the month (and year) of the last date mentioned, else the page's
            // month (the month before when the day is still to come).
            let (year, month, resolution) =
                last_month.or_else(|| month_of_a_lone_day(published, day))?;
            let date = match year {
                Some(year) => PartialDate::ymd(year, month, day),
                None => PartialDate::month_day(month, day),
            };
            mention(
                date,
                if resolution == DateResolution::Stated {
                    DateResolution::FromContext
                } else {
                    resolution
                },
            )
        }
        _ => None,
    }
}

/// The page's month for a day named alone ("On 29th") when no date before it gives one: the
/// month before when the day is still to come in the page's month.
fn month_of_a_lone_day(
    published: Option<PartialDate>,
    day: u8,
) -> Option<(Option<i32>, u8, DateResolution)> {
    let published = published?;
    let (pub_year, pub_month, pub_day) = (published.year?, published.month?, published.day?);
    if day <= pub_day {
        Some((Some(pub_year), pub_month, DateResolution::FromPublication))
    } else if pub_month == 1 {
        Some((Some(pub_year - 1), 12, DateResolution::FromPublication))
    } else {
        Some((
            Some(pub_year),
            pub_month - 1,
            DateResolution::FromPublication,
        ))
    }
}

/// "Last month", "on Wednesday", "yesterday", "recently", "in early July", counted from the
/// reference date (a weekday means the latest such day on or before it; a month named alone,
/// the latest such month).
fn relative_to(published: PartialDate, relative: Relative) -> Option<PartialDate> {
    if let Relative::Days(offset) = relative {
        return shift_days(published, offset);
    }
    // "SANYA, September 21 … on Friday" with no year known: the weekday cannot be placed, but
    // a week back from the 7th or later stays in the month.
    if let (Relative::Weekday(_), None, Some(month), Some(day)) =
        (relative, published.year, published.month, published.day)
    {
        return (day >= 7).then_some(PartialDate {
            year: None,
            month: Some(month),
            day: None,
        });
    }
    let (year, month) = (published.year?, published.month?);
    match relative {
        Relative::Months(offset) => {
            let index = year * 12 + i32::from(month) - 1 + offset;
            PartialDate::year_month(
                index.div_euclid(12),
                u8::try_from(index.rem_euclid(12) + 1).ok()?,
            )
        }
        // "Recently", "日前": in the weeks before the page — the year is what the text supports
        // (a story of 2 March may report a signing of late February).
        Relative::Recent => Some(PartialDate {
            year: Some(year),
            month: None,
            day: None,
        }),
        Relative::MonthOfYear(named) => {
            PartialDate::year_month(if named <= month { year } else { year - 1 }, named)
        }
        Relative::Days(offset) => shift_days(published, offset),
        Relative::Weekday(weekday) => {
            let day = published.day?;
            let published_weekday = weekday_of(year, month, day);
            let back = (published_weekday + 7 - weekday) % 7;
            let mut date = (year, month, i32::from(day) - i32::try_from(back).ok()?);
            if date.2 < 1 {
                let previous_month = if month == 1 { 12 } else { month - 1 };
                let previous_year = if month == 1 { year - 1 } else { year };
                date = (
                    previous_year,
                    previous_month,
                    date.2 + days_in_month(previous_year, previous_month),
                );
            }
            PartialDate::ymd(date.0, date.1, u8::try_from(date.2).ok()?)
        }
    }
}

/// The day `offset` days from `date`. A date of unknown year moves only where the year cannot
/// matter (not across the end of February).
fn shift_days(date: PartialDate, offset: i32) -> Option<PartialDate> {
    let (month, day) = (date.month?, date.day?);
    let near_february_end = matches!((month, day), (2, 27..=29) | (3, 1..=2));
    if date.year.is_none() && (near_february_end || offset.abs() > 2) {
        return None;
    }
    // Any common year stands for an unknown one away from February's end.
    let (mut year, mut month, mut day) =
        (date.year.unwrap_or(2001), month, i32::from(day) + offset);
    while day < 1 {
        (year, month) = if month == 1 {
            (year - 1, 12)
        } else {
            (year, month - 1)
        };
        day += days_in_month(year, month);
    }
    while day > days_in_month(year, month) {
        day -= days_in_month(year, month);
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    let day = u8::try_from(day).ok()?;
    match date.year {
        Some(_) => PartialDate::ymd(year, month, day),
        None => PartialDate::month_day(month, day),
    }
}

/// 0 = Monday (Sakamoto's method).
fn weekday_of(year: i32, month: u8, day: u8) -> u32 {
    const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let sunday_based =
        (y + y / 4 - y / 100 + y / 400 + OFFSETS[usize::from(month - 1)] + i32::from(day))
            .rem_euclid(7);
    u32::try_from((sunday_based + 6) % 7).unwrap_or(0)
}

fn days_in_month(year: i32, month: u8) -> i32 {
    (28..=31)
        .rev()
        .find(|&day| {
            u8::try_from(day)
                .ok()
                .and_then(|day| PartialDate::ymd(year, month, day))
                .is_some()
        })
        .unwrap_or(28)
}

/// The year for a month and day, with how it was found.
fn year_for(
    text: &str,
    raw: &Raw,
    raws: &[Raw],
    sentences: &[Range<usize>],
    anchors: &Anchors,
    month: u8,
    day: u8,
) -> (Option<i32>, DateResolution) {
    let (published, now) = (anchors.published, anchors.now);
    // The text itself gives this day with its year: that year, whatever the page's date
    // (a talk given "September 4, 2020" and reposted in 2025).
    if let Some(Some(year)) = anchors.stated_days.get(&(month, day)) {
        return (Some(*year), DateResolution::FromContext);
    }
    // The page's date is the firmest evidence; a year elsewhere in the sentence may name a
    // plan ("the 2022 cooperation plan") rather than the day's year.
    if let Some(PartialDate {
        year: Some(year),
        month: Some(pub_month),
        day: pub_day,
    }) = published
    {
        let after_publication = (month, day) > (pub_month, pub_day.unwrap_or(31));
        let year = if after_publication { year - 1 } else { year };
        return (Some(year), DateResolution::FromPublication);
    }
    let index = sentences.partition_point(|sentence| sentence.end <= raw.range.start);
    let sentence = sentences
        .get(index)
        .filter(|sentence| sentence.start <= raw.range.start);
    if let Some(sentence) = sentence {
        // The dates of the sentence, found by binary search; a "sentence" of more than a few
        // dozen dates is no sentence (a list, a page without punctuation), and is not read so.
        let from = raws.partition_point(|other| other.range.start < sentence.start);
        let to = raws.partition_point(|other| other.range.start < sentence.end);
        let in_sentence = raws.get(from..to).unwrap_or_default();
        let stated_years: Vec<i32> = in_sentence
            .iter()
            .take(if in_sentence.len() > MAX_DATES_IN_SENTENCE {
                0
            } else {
                in_sentence.len()
            })
            .filter(|other| {
                other.range.start >= sentence.start
                    && other.range.end <= sentence.end
                    && other.month.is_none()
                    && other.relative_years.is_none()
                    && !names_a_things_year(&text[sentence.start..other.range.start])
            })
            .filter_map(|other| other.year)
            .collect();
        if let [year] = stated_years.as_slice() {
            return (Some(*year), DateResolution::FromContext);
        }
    }
    let position = raws.partition_point(|other| other.range.start < raw.range.start);
    let story_year = anchors
        .story_years
        .get(position)
        .copied()
        .flatten()
        .map(|year| (year, DateResolution::FromContext));
    match now.or(story_year) {
        Some((year, resolution)) => (Some(year), resolution),
        None => (None, DateResolution::Stated),
    }
}

/// "the Wenchuan earthquake of 2008", "since 2016", "by 2025": a year that dates a thing
/// named or a span around the story, not the day the sentence tells of.
fn names_a_things_year(before: &str) -> bool {
    let start = before.floor_char_boundary(before.len().saturating_sub(12));
    THINGS_YEAR.is_match(&before[start..])
}

static THINGS_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"(?i)(?-u:\b)(?:of|since|by|until|before|after)\s+(?:the\s+(?:year\s+)?)?$")
});

/// Each month and day the text gives with a year, mapped to that year (to `None` when the
/// text gives it with two different years).
fn stated_days(raws: &[Raw]) -> std::collections::HashMap<(u8, u8), Option<i32>> {
    let mut days = std::collections::HashMap::new();
    for raw in raws.iter().filter(|raw| raw.relative_years.is_none()) {
        if let (Some(year), Some(month), Some(day)) = (raw.year, raw.month, raw.day) {
            days.entry((month, day))
                .and_modify(|seen: &mut Option<i32>| {
                    if *seen != Some(year) {
                        *seen = None;
                    }
                })
                .or_insert(Some(year));
        }
    }
    days
}

/// How many dates a sentence may hold for its one stated year to date the others.
const MAX_DATES_IN_SENTENCE: usize = 64;

/// For each date (in text order), the year the story has reached before it, for a page
/// without a date that gives a month and day: that of the last date with a year and month
/// before it, else the one year the article has stated so far (a year after "since", "by" or
/// "until" is background, not the story's). One pass, so a page of thousands of dates stays
/// linear.
fn story_years(text: &str, raws: &[Raw], headline_year: Option<i32>) -> Vec<Option<i32>> {
    let mut years = Vec::with_capacity(raws.len());
    let mut last_full: Option<i32> = None;
    // No year stated yet; one year (perhaps several times); or years that differ.
    let mut stated: Option<Option<i32>> = headline_year.map(Some);
    for raw in raws {
        years.push(last_full.or(stated.flatten()));
        if raw.relative_years.is_some() {
            continue;
        }
        let Some(year) = raw.year else {
            continue;
        };
        if raw.month.is_some() {
            last_full = Some(year);
        } else if !after_background_word(text, &raw.range) {
            stated = match stated {
                None => Some(Some(year)),
                Some(Some(first)) if first == year => Some(Some(first)),
                _ => Some(None),
            };
        }
    }
    years
}

/// The one year a headline states on its own ("2015 Taipei-Shanghai Forum", "in 2015"): not a
/// full date's, not a span's or a plan's ("since 2015", "by 2025", "plan for 2025"), and none
/// when the headline states two.
fn headline_year(headline: &str) -> Option<i32> {
    let raws = raw_dates(headline);
    let mut years = raws.iter().filter(|raw| raw.relative_years.is_none());
    let first = years.next()?;
    if years.next().is_some() || first.month.is_some() {
        return None;
    }
    let before = headline[..first.range.start].trim_end().to_lowercase();
    let for_a_plan = before == "for" || before.ends_with(" for");
    if after_background_word(headline, &first.range) || for_a_plan {
        return None;
    }
    first.year
}

/// Whether a year follows "since", "by", "until", "before", "after", "from" or "end of".
fn after_background_word(text: &str, year: &Range<usize>) -> bool {
    // The words are short: look at the last few characters only, so that a run of letters
    // without a space (Chinese) costs no more than a word.
    let from = (year.start.saturating_sub(16)..year.start)
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(year.start);
    let head = text[from..year.start].trim_end();
    let word = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    matches!(
        word.as_str(),
        "since" | "by" | "until" | "before" | "after" | "from" | "of" | "till" | "to"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: Option<PartialDate>) -> Vec<(String, DateResolution)> {
        let sentences = super::super::sentences::split(text);
        find_dates(text, &sentences, published)
            .into_iter()
            .map(|mention| (mention.date.edtf(), mention.resolution))
            .collect()
    }

    #[test]
    fn digit_runs_are_found_eight_bytes_at_a_time() {
        for text in [
            "",
            "7",
            "no digits here at all, none",
            "On May 7, 2019, and 2023-11-03; 十月8日 / é9x",
            "12345678901234567890",
            "abcdefg8",
            "abcdefgh9",
        ] {
            let slow: Vec<Range<usize>> = {
                let bytes = text.as_bytes();
                let mut runs: Vec<Range<usize>> = Vec::new();
                for (at, byte) in bytes.iter().enumerate() {
                    if byte.is_ascii_digit() {
                        match runs.last_mut() {
                            Some(run) if run.end == at => run.end = at + 1,
                            _ => runs.push(at..at + 1),
                        }
                    }
                }
                runs
            };
            assert_eq!(
                digit_runs(text.as_bytes()).collect::<Vec<_>>(),
                slow,
                "{text}"
            );
        }
        for byte in 0..=255u8 {
            let word = u64::from_le_bytes([b'a', byte, b'z', 0xff, 0x80, b'/', b':', b' ']);
            assert_eq!(holds_a_digit(word), byte.is_ascii_digit(), "{byte}");
        }
    }

    #[test]
    fn a_day_the_text_gives_with_its_year_elsewhere_takes_that_year() {
        let text = "On the afternoon of September 4, the forum was held in Wuxi.\n\nKeynote speech at the forum (September 4, 2020, Wuxi).";
        let found = dates(text, PartialDate::ymd(2025, 4, 16));
        assert_eq!(found[0].0, "2020-09-04");
    }

    #[test]
    fn a_year_after_a_latin_comma_in_chinese_dates_the_day() {
        let found = dates(
            "6月11日,2025年吴川——三江粤桂协作第二次联席会议在三江县召开。",
            None,
        );
        assert_eq!(found[0].0, "2025-06-11");
        // A comma inside a number is no year's.
        assert!(dates("投资1,2025万元。", None).is_empty());
    }

    #[test]
    fn a_year_that_dates_a_thing_named_does_not_date_the_day() {
        let found = dates(
            "The Chief Executive today (May 11) began a visit to Sichuan, with events on the reconstruction after the Wenchuan earthquake of 2008.",
            None,
        );
        assert_eq!(found[0].0, "XXXX-05-11");
        // A year stated for the day itself still dates it.
        let found = dates("The 2018 forum opened on May 11 in Chengdu.", None);
        assert_eq!(found[1].0, "2018-05-11");
    }

    #[test]
    fn chinese_dates_in_the_forms_news_writes_them() {
        let published = PartialDate::ymd(2023, 2, 23);
        let edtf = |text: &str| -> Vec<String> {
            dates(text, published)
                .into_iter()
                .map(|(date, _)| date)
                .collect()
        };
        // A span of days is dated by its first day, and read as one date.
        assert_eq!(edtf("1月9日至10日,代表团赴珠海市考察。"), ["2023-01-09"]);
        assert_eq!(edtf("2021年4月28日至29日,代表团考察。"), ["2021-04-28"]);
        // The year of a cited document's number, a folder's in a file's path or digits run into
        // letters is no year of the story.
        for (text, expected) in [
            (
                "按照《意见》(国发〔2016〕62号)的要求,2月21日市长率队赴佛山对接。",
                "XXXX-02-21",
            ),
            (
                "![](/Files/Pic/2012-9/10/a.jpg)\n9月10日,两市政府签约。",
                "XXXX-09-10",
            ),
            // An account's name is no year either.
            (
                "投资界(ID:pedaily2012)10月27日消息,两新区签署协议。",
                "XXXX-10-27",
            ),
        ] {
            let found: Vec<String> = dates(text, None)
                .into_iter()
                .map(|(date, _)| date)
                .collect();
            assert_eq!(found, [expected], "{text}");
        }
        // A page that lost the 月 between month and day, where only one reading is a date.
        assert_eq!(edtf("625日至26日,代表团赴上海市考察。"), ["2022-06-25"]);
        assert_eq!(edtf("1025日,代表团来秀对接。"), ["2022-10-25"]);
        assert!(
            edtf("121日至2日,代表团考察。")
                .iter()
                .all(|date| !date.contains("-12-") && !date.contains("-01-21"))
        );
        assert!(edtf("投资300日元。").is_empty());
        assert!(edtf("项目连续120日,运行平稳。").is_empty());
        assert!(edtf("活动满１２０日，").is_empty());
        assert_eq!(edtf("今年1月23日,代表团到常考察。"), ["2023-01-23"]);
        assert_eq!(edtf("今年1月23号到26号,代表团到常考察。"), ["2023-01-23"]);
        // Speech writes 号 for the day after a month; a number alone before 号 is no day.
        assert_eq!(edtf("1月26号,代表团赴上海市考察。"), ["2023-01-26"]);
        assert_eq!(edtf("2021年4月28号至29号,代表团考察。"), ["2021-04-28"]);
        assert!(edtf("代表团乘坐11号线前往安亭。").is_empty());
        assert_eq!(edtf("2021年5月20至22日,代表团考察。"), ["2021-05-20"]);
        // A lone day takes the month last named.
        assert_eq!(
            edtf("1月9日,代表团抵达。10日,两市召开座谈会。"),
            ["2023-01-09", "2023-01-10"]
        );
        // Relative words count from the page date; the year words from the article's now.
        assert_eq!(edtf("昨日,两市签署协议。"), ["2023-02-22"]);
        // A newspaper's bare 昨, and 前天 / 前昨两天 (dated by the first day); 前天津 is a name.
        assert_eq!(edtf("两市昨在澳门签署协议。"), ["2023-02-22"]);
        assert_eq!(edtf("前天,两市签署协议。"), ["2023-02-21"]);
        assert_eq!(edtf("前昨两天,两市举行座谈会。"), ["2023-02-21"]);
        assert!(edtf("会前天津市领导致辞。").is_empty());
        assert_eq!(edtf("今天,两市签署协议。"), ["2023-02-23"]);
        assert_eq!(edtf("去年12月,两地签署协议。"), ["2022-12"]);
        assert_eq!(edtf("日前,两地签署协议。"), ["2023"]);
        assert_eq!(edtf("两地近期签署协议。"), ["2023"]);
        // Chinese numerals; a relative word explained in brackets gives way to the date.
        assert_eq!(edtf("今日(二月二十二日)共同主持会议。"), ["2023-02-22"]);
        assert_eq!(edtf("二〇二三年三月一日"), ["2023-03-01"]);
        // Without a page date a relative day stays unknown; a month keeps its month.
        assert!(dates("昨日,两市签署协议。", None).is_empty());
        assert_eq!(
            dates("今年5月,两县签订了合作协议。", None)
                .into_iter()
                .map(|(date, _)| date)
                .collect::<Vec<_>>(),
            ["XXXX-05"]
        );
        // As machine translation renders 10月13日至14日; the year stays unknown without one.
        assert_eq!(
            dates("10 month 13 to 14, the delegation went to Jiangsu.", None)
                .into_iter()
                .map(|(date, _)| date)
                .collect::<Vec<_>>(),
            ["XXXX-10-13"]
        );
        assert!(dates("Sold 10 month 45 units.", None).is_empty());
    }

    #[test]
    fn full_dates_are_stated() {
        assert_eq!(
            dates("On September 24, 2020, the meeting", None)[0].0,
            "2020-09-24"
        );
        assert_eq!(dates("signed on 2024-02-23.", None)[0].0, "2024-02-23");
        assert_eq!(dates("(2024-2-3)", None)[0].0, "2024-02-03");
        assert_eq!(dates("on 7 May 2020", None)[0].0, "2020-05-07");
        assert_eq!(dates("the 29th of June, 2019", None)[0].0, "2019-06-29");
        assert!(
            dates("code 2024-02-234 x2024-02-23", None)
                .iter()
                .all(|(date, _)| date == "2024")
        );
        assert_eq!(dates("2019年7月23日签署", None)[0].0, "2019-07-23");
        assert_eq!(dates("held on Jun 8, 2018 in", None)[0].0, "2018-06-08");
    }

    #[test]
    fn a_month_and_day_without_evidence_keep_the_year_unknown() {
        assert_eq!(
            dates("On May 7, Jiangning District signed", None),
            [("XXXX-05-07".to_owned(), DateResolution::Stated)]
        );
        assert_eq!(dates("On Oct 9 they met", None)[0].0, "XXXX-10-09");
    }

    #[test]
    fn a_year_in_the_same_sentence_completes_the_date() {
        let found = dates(
            "On July 23, the 2019 China-Wujiang Regional Cooperation Meeting was held.",
            None,
        );
        assert_eq!(
            found[0],
            ("2019-07-23".to_owned(), DateResolution::FromContext)
        );
    }

    #[test]
    fn the_publication_date_gives_the_year_before_or_after() {
        let published = PartialDate::ymd(2024, 2, 23);
        assert_eq!(
            dates("In the afternoon of February 21, he said", published)[0],
            ("2024-02-21".to_owned(), DateResolution::FromPublication)
        );
        assert_eq!(
            dates("On December 30, they signed", published)[0].0,
            "2023-12-30"
        );
        assert_eq!(dates("last May the two cities", published)[0].0, "2023-05");
        assert_eq!(dates("this year the two cities", published)[0].0, "2024");
    }

    #[test]
    fn last_month_and_weekdays_count_back_from_the_page_date() {
        let published = PartialDate::ymd(2022, 6, 8);
        assert_eq!(
            dates("Last month, the two bureaus signed", published)[0].0,
            "2022-05"
        );
        let published = PartialDate::ymd(2021, 3, 3);
        assert_eq!(
            dates("cities on Wednesday launched an alliance", published)[0].0,
            "2021-03-03"
        );
        assert_eq!(
            dates("cities on Monday launched an alliance", published)[0].0,
            "2021-03-01"
        );
        assert_eq!(
            dates("on Sunday they met", PartialDate::ymd(2021, 3, 2))[0].0,
            "2021-02-28"
        );
        // A weekday under a date without a year: only its month is known.
        assert_eq!(
            dates(
                "on Friday they met",
                Some(PartialDate::month_day(9, 21).unwrap())
            )[0]
            .0,
            "XXXX-09"
        );
        // A span of two weekdays is dated by its first.
        let span = dates(
            "The delegation visited Shaanxi Monday and Tuesday.",
            PartialDate::ymd(2017, 12, 6),
        );
        assert_eq!(span.len(), 1, "{span:?}");
        assert_eq!(span[0].0, "2017-12-04");
        let two_days = dates(
            "The delegation arrived on Monday and on Tuesday signed the pact.",
            PartialDate::ymd(2017, 12, 6),
        );
        assert_eq!(two_days.len(), 2, "{two_days:?}");
    }

    #[test]
    fn an_ordinal_day_without_a_month_takes_the_page_month() {
        let published = PartialDate::ymd(2024, 3, 18);
        assert_eq!(
            dates("On the 15th, a delegation visited.", published)[0].0,
            "2024-03-15"
        );
        assert_eq!(
            dates("On the 25th, a delegation visited.", published)[0].0,
            "2024-02-25"
        );
    }

    #[test]
    fn the_page_date_outweighs_a_plan_year_in_the_sentence() {
        let published = PartialDate::ymd(2022, 1, 8);
        assert_eq!(
            dates(
                "On December 28, they signed the 2022 cooperation plan.",
                published
            )[0]
            .0,
            "2021-12-28"
        );
    }

    #[test]
    fn relative_words_without_a_reference_stay_unresolved() {
        assert!(dates("Few days ago, the two areas held a conference.", None).is_empty());
    }

    #[test]
    fn over_the_past_year_after_a_dated_event_fixes_the_year() {
        let text = "Few days ago, they held the 3rd conference. On February 28, 2020, the 1st conference was held. Over the past year, they cooperated.";
        let found = dates(text, None);
        assert_eq!(found[0], ("2021".to_owned(), DateResolution::FromContext));
        assert_eq!(found[1].0, "2020-02-28");
    }

    #[test]
    fn ordinal_days_take_the_month_of_the_last_date() {
        let found = dates("On May 7 they met. On 29th they signed.", None);
        assert_eq!(found[1].0, "XXXX-05-29");
        let found = dates(
            "On May 7 they met. It opened in October 2017. On the 29th they signed.",
            None,
        );
        assert_eq!(found[2].0, "XXXX-05-29");
        let found = dates(
            "From July 3rd to August 1st they toured. On the 4th they signed.",
            None,
        );
        assert_eq!(found[2].0, "XXXX-07-04");
        let found = dates("In October 2017 they met. On the 29th they signed.", None);
        assert_eq!(found[1].0, "2017-10-29");
    }

    #[test]
    fn a_term_of_years_is_no_date() {
        assert!(
            dates(
                "拱墅区与黄平县达成2017年至2019年三年对口帮扶行动协议。",
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn numbers_that_are_not_years_are_not_dates() {
        assert!(dates("output of 2019.5 billion yuan and 2024% growth", None).is_empty());
        assert!(dates("a fund of 12019 yuan, 1,2019 units, 2150 firms", None).is_empty());
    }

    #[test]
    fn years_stand_alone_even_side_by_side() {
        let found: Vec<String> = dates("In 2019, 2020 and 2021年, then 2022.", None)
            .into_iter()
            .map(|(date, _)| date)
            .collect();
        assert_eq!(found, ["2019", "2020", "2021", "2022"]);
        assert!(dates("a plan for the 2021-2025 period and 2016–2020", None).is_empty());
    }

    #[test]
    fn relative_phrases_are_whole_words_in_any_case() {
        let published = PartialDate::ymd(2021, 6, 1);
        let found = dates(
            "A few days ago and Last Year; todays and yesteryear",
            published,
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].0, "2020");
        let sentences = super::super::sentences::split("Signed a few days ago.");
        let mention = &find_dates("Signed a few days ago.", &sentences, published)[0];
        assert_eq!(mention.range, 7..21);
    }
    #[test]
    fn a_date_opening_the_story_before_a_dash_is_its_dateline() {
        assert_eq!(
            dateline("29th May 2023 – (Hong Kong) Hong Kong's Chief Executive met the Governor."),
            PartialDate::ymd(2023, 5, 29)
        );
        assert_eq!(dateline("29 May 2023 was a fine day."), None);
    }

    #[test]
    fn reads_datelines_and_keeps_a_missing_year_unknown() {
        assert_eq!(
            dateline("NANJING, Feb. 23, 2024 — The city said"),
            PartialDate::ymd(2024, 2, 23)
        );
        assert_eq!(
            dateline("BEIJING, June 8 (Xinhua) -- China will"),
            PartialDate::month_day(6, 8)
        );
        assert_eq!(dateline("On May 7, Jiangning District"), None);
        assert_eq!(
            dateline("GUIZHOU, China, Sept. 23, 2022 /PRNewswire/ -- A news report from X:"),
            PartialDate::ymd(2022, 9, 23)
        );
        assert_eq!(
            dateline("OREANDA-NEWS. July 28, 2011. Guangdong Delegation will come to Anhui"),
            PartialDate::ymd(2011, 7, 28)
        );
        assert_eq!(
            dateline("台海网3月10日讯(海峡导报记者 邬眉)以海带山"),
            PartialDate::month_day(3, 10)
        );
        assert_eq!(
            dateline("中評社北京7月12日電/新華社消息:位於杭州灣口的"),
            PartialDate::month_day(7, 12)
        );
        assert_eq!(
            dateline("新华社北京2023年5月7日电 记者"),
            PartialDate::ymd(2023, 5, 7)
        );
        // An outlet's name may hold a full stop.
        assert_eq!(
            dateline("WS.CN新西伯利亚8月3日电 俄罗斯"),
            PartialDate::month_day(8, 3)
        );
        // The place it was filed from between the date and 消息.
        assert_eq!(
            dateline("中国台湾网7月30日琼海消息 日前,海南琼海市"),
            PartialDate::month_day(7, 30)
        );
        // In brackets, the month and day in Chinese numerals.
        assert_eq!(
            dateline("【香港中通社三月十八日電】台北消息:台中副市長"),
            PartialDate::month_day(3, 18)
        );
        assert_eq!(
            dateline("經濟日報-中國經濟網北京10月17日訊(記者蔣波)10月16日,投洽會開幕。"),
            PartialDate::month_day(10, 17)
        );
        assert_eq!(
            dateline("投资界(ID:pedaily2012)10月27日消息,据上海证券报报道"),
            PartialDate::month_day(10, 27)
        );
        assert_eq!(dateline("好消息,两地签约。"), None);
        assert_eq!(dateline("5月7日,苏州与无锡签署协议。"), None);
        assert_eq!(dateline("温州网讯 11月23日上午"), None);
        assert_eq!(opening_credit("温州网讯 11月23日上午"), Some("温州网"));
        assert_eq!(opening_credit("台海网3月10日讯(记者)"), Some("台海网"));
        assert_eq!(opening_credit("5月7日,苏州与无锡签署协议。"), None);
        assert_eq!(
            dateline("Macau, China, 7 Mar – Macau and Guangdong signed"),
            PartialDate::month_day(3, 7)
        );
        assert_eq!(
            dateline("Lhasa, November 11 (Laba Zhuoma) On the 26th, the meeting"),
            PartialDate::month_day(11, 11)
        );
        assert_eq!(
            dateline("Xinhua News Agency, Beijing, October 20. Recently, the"),
            PartialDate::month_day(10, 20)
        );
        assert_eq!(
            dateline("Hefei, July 23, 2023 – The delegation"),
            PartialDate::ymd(2023, 7, 23)
        );
        assert_eq!(dateline("Wuxi, Xuzhou, May 7 and 8 were the days"), None);
    }

    #[test]
    fn yesterday_today_and_recently_count_from_the_page_date() {
        let published = PartialDate::ymd(2018, 1, 11);
        assert_eq!(
            dates("Macau and Guangdong yesterday signed", published)[0].0,
            "2018-01-10"
        );
        assert_eq!(dates("They met today.", published)[0].0, "2018-01-11");
        assert_eq!(
            dates("signed yesterday", PartialDate::ymd(2018, 3, 1))[0].0,
            "2018-02-28"
        );
        assert_eq!(dates("in recent days, they signed", published)[0].0, "2018");
        assert!(dates("Yesterday they signed", None).is_empty());
    }

    #[test]
    fn a_relative_day_explained_in_brackets_tells_the_storys_own_day() {
        let text =
            "He yesterday (November 30) arrived in Sanya. He met the Governor this afternoon.";
        let found = dates(text, None);
        assert_eq!(
            found.last().map(|d| d.0.as_str()),
            Some("XXXX-12-01"),
            "{found:?}"
        );
        // Across the end of February an unknown year could make either day: left unresolved.
        let text =
            "He yesterday (February 28) arrived in Sanya. He met the Governor this afternoon.";
        let found = dates(text, None);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_weekday_counts_from_the_dateline_when_the_story_has_one() {
        let text =
            "HONG KONG, March 21 (Xinhua) -- The two sides signed an agreement here on Tuesday.";
        let found = dates(text, PartialDate::ymd(2023, 3, 22));
        assert_eq!(found.last().map(|d| d.0.as_str()), Some("2023-03-21"));
    }

    #[test]
    fn day_ranges_ordinals_and_months_alone() {
        let published = PartialDate::ymd(2025, 7, 23);
        assert_eq!(
            dates("On 8-10 November, the delegation visited", None)[0].0,
            "XXXX-11-08"
        );
        assert_eq!(
            dates(
                "From the 23rd to the 24th, a delegation",
                PartialDate::ymd(2018, 5, 28)
            )[0]
            .0,
            "2018-05-23"
        );
        assert_eq!(
            dates(
                "On the afternoon of the 23rd, a meeting",
                PartialDate::ymd(2018, 5, 28)
            )[0]
            .0,
            "2018-05-23"
        );
        assert_eq!(
            dates("officials visited Baoshan in early July.", published)[0].0,
            "2025-07"
        );
        assert_eq!(dates("they met in September.", published)[0].0, "2024-09");
        assert_eq!(dates("in July 2019 they met", published)[0].0, "2019-07");
        // The year after a range of days is the range's, whatever other year the sentence names.
        assert_eq!(
            dates(
                "visited from May 10 to 12, 2016 after the quake in 2008",
                None
            )[0]
            .0,
            "2016-05-10"
        );
        assert_eq!(dates("on May 10-12, 2016 in 2008", None)[0].0, "2016-05-10");
    }

    #[test]
    fn without_a_page_date_the_story_year_completes_a_day() {
        let text = "2011 is a year of great opportunities. On March 10, the two provinces held a joint meeting.";
        assert_eq!(
            dates(text, None)[1],
            ("2011-03-10".to_owned(), DateResolution::FromContext)
        );
        let text = "Since 2015 they have cooperated. On March 10, the two provinces met.";
        assert_eq!(dates(text, None)[1].0, "XXXX-03-10");
        assert!(dates("an action plan from 2017 to 2020", None).is_empty());
    }

    #[test]
    fn a_number_that_counts_money_or_people_is_no_year() {
        assert!(dates("晋江向长汀捐赠资金2000万元。", None).is_empty());
        assert!(dates("The fund of 2010 million yuan helped 2025 people.", None).is_empty());
        assert_eq!(dates("In 2010 the two cities met.", None)[0].0, "2010");
        assert_eq!(dates("2010年两市签约。", None)[0].0, "2010");
    }

    #[test]
    fn without_a_page_date_the_headlines_one_year_is_the_storys() {
        let body = "The mayor spoke at the forum in Shanghai on August 18.";
        let sentences = super::super::sentences::split(body);
        let under = |headline: &str| {
            find_dates_under(body, &sentences, None, headline)[0]
                .date
                .to_string()
        };
        assert_eq!(
            under("Mayor Gives Speech at 2015 Taipei-Shanghai Forum"),
            "2015-08-18"
        );
        assert_eq!(under("Ten years of cooperation since 2015"), "XXXX-08-18");
        assert_eq!(under("A cooperation plan for 2025"), "XXXX-08-18");
        assert_eq!(under("From the 2014 forum to the 2015 forum"), "XXXX-08-18");
        // A page date still decides.
        let published = PartialDate::ymd(2019, 9, 1);
        let dated = find_dates_under(body, &sentences, published, "The 2015 forum");
        assert_eq!(dated[0].date.to_string(), "2019-08-18");
    }
}
