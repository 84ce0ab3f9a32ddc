//! What each line of a saved page is, decided once.
//!
//! A saved news page is a column of lines: site furniture (menus, breadcrumbs, page tools,
//! footers), a headline, metadata (dates, sources, bylines), captions and the article's prose.
//! [`label`] reads every line once and gives it a [`Label`], with the date, source or byline it
//! carries already parsed; `clean` then chooses the headline, the page date and the body by
//! reading labels, never by asking the recognisers again.
//!
//! A physical line can hold two logical ones: the stored copy of a page may put the page date
//! before the headline on one line ("date 2020-11-10 Minhang officials visit …"), or a headline
//! may carry its date ("… Province 2018-02-28", "… Hong Kong | Updated:2017-06-27"). Those are
//! split here, so each part gets its own label.
//!
//! The rules are about the shape of lines — their words, punctuation and length — never about
//! particular sites.
//!
//! Long because every clutter rule is a small shape test kept beside the others it must not
//! contradict; about 290 lines are tests.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::meta;
use crate::extract::{is_cjk, simplified};
use crate::model::PartialDate;
use crate::pattern::compiled;

/// One logical line of the page.
#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// Byte range of the trimmed line in the text.
    pub range: Range<usize>,
    /// The trimmed text.
    pub text: &'a str,
    /// What the line is.
    pub label: Label,
}

/// What a line is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// Nothing but whitespace.
    Blank,
    /// A paragraph made of sentences.
    Prose,
    /// A short line that is none of the below: a headline, a subtitle, a section heading, a
    /// menu item not recognised as such.
    Short,
    /// A photo caption or credit ("… [Photo/Xinhua]", "Photo: Sam Tsang").
    Caption,
    /// A date, source or byline line.
    Meta(Meta),
    /// Site furniture.
    Furniture(Furniture),
}

/// What a metadata line states.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The date it gives, when it is a date line or a labelled date.
    pub date: Option<PartialDate>,
    /// Whether a label introduces the date ("Release time:", "| Updated:"): such a line states
    /// the page's date wherever it stands.
    pub labelled: bool,
    /// The outlet after a "Source:" label.
    pub source: Option<String>,
    /// Whether it credits people or an outlet ("By Li Ming", "Reporter …").
    pub byline: bool,
    /// The outlet a byline names before its credit word ("Nanjing Daily" in "Nanjing Daily
    /// Reporter").
    pub outlet: Option<String>,
    /// Whether it is only personal names ("Zha Jinzhong Zhu Yini" under a byline).
    pub names_only: bool,
}

impl Meta {
    /// Whether the line credits people (a byline or the names that continue one), as opposed
    /// to a date or a "Source:" line.
    pub fn is_credit(&self) -> bool {
        (self.byline && self.source.is_none()) || self.names_only
    }
}

/// Reads a metadata line once: what it states, whatever it is chosen for later. `read` is the
/// line's simplified reading, which the recognisers see; the outlet names are taken from
/// `text`, the line as written.
fn meta_of(text: &str, read: &str, date: Option<PartialDate>) -> Meta {
    let byline = meta::is_byline(read);
    // As written, less a mirror site's inline pinyin ("人民網(wǎng)" is 人民網).
    let as_written = |range: Range<usize>| {
        text.get(range)
            .map(|name| crate::extract::without_inline_pinyin(name).into_owned())
    };
    Meta {
        date,
        labelled: date.is_some() && meta::labelled_date(read).is_some(),
        source: meta::labelled_source_range(read).and_then(as_written),
        outlet: byline
            .then(|| meta::byline_outlet_range(read))
            .flatten()
            .and_then(as_written),
        names_only: meta::is_names_only(read),
        byline,
    }
}

/// Kinds of site furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Furniture {
    /// "Home > News > Local", "You are here: …": ends the site header.
    Breadcrumb,
    /// Page tools: share bars, print and font-size buttons, language switchers, QR codes,
    /// advertisements, contact lines.
    Tool {
        /// Share bars and language switchers mark the end of an article when they follow it.
        ends_article: bool,
    },
    /// Navigation links and link lists.
    Menu {
        /// A run of links that holds a share bar ends the article too.
        ends_article: bool,
    },
    /// A site banner ("Highlights of Nanjing NEWS.EXAMPLE.NET").
    Banner,
    /// Copyright, comment forms, "Related news", "Scroll to top": the article is over.
    End,
}

impl Label {
    /// Whether a line of this label marks the end of an article when it follows prose.
    pub fn ends_article(&self) -> bool {
        matches!(
            self,
            Self::Furniture(
                Furniture::End
                    | Furniture::Tool { ends_article: true }
                    | Furniture::Menu { ends_article: true }
            )
        )
    }

    /// The metadata the line carries, if it is a metadata line.
    pub fn meta(&self) -> Option<&Meta> {
        match self {
            Self::Meta(meta) => Some(meta),
            _ => None,
        }
    }
}

/// Labels every line of `text`. Lines are read in their simplified reading (traditional
/// characters folded, same byte offsets), so one set of Chinese labels and page-tool words
/// serves both scripts.
pub fn label(text: &str) -> Vec<Line<'_>> {
    let folded = simplified(text);
    let pages = Pages {
        text,
        read: &folded,
    };
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split('\n') {
        let leading = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let range = start + leading..start + leading + trimmed.len();
        push_logical_lines(&pages, range, &mut lines);
        start += raw.len() + 1;
    }
    mark_menu_runs(&mut lines);
    mark_split_dates(&mut lines);
    mark_names_after_bylines(&mut lines);
    mark_author_widgets(&mut lines);
    lines
}

/// " Hu Min" / "Hu Min" / "13:58 UTC+8, 2021-09-27": an author's name printed twice in a row
/// (a photo's caption and the name) right above the time stamp is a byline, however often the
/// widget recurs on the page — not a headline repeated in the `<title>`.
fn mark_author_widgets(lines: &mut [Line<'_>]) {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].label != Label::Blank)
        .collect();
    for window in content.windows(3) {
        let [first, second, third] = [window[0], window[1], window[2]];
        let name = lines[first].text.trim();
        let widget = matches!(lines[first].label, Label::Short)
            && lines[second].text.trim() == name
            && meta::is_names_only(name)
            && (2..=3).contains(&word_count(name))
            && matches!(&lines[third].label, Label::Meta(meta) if meta.date.is_some());
        if widget {
            for index in [first, second] {
                lines[index].label = Label::Meta(Meta {
                    names_only: true,
                    ..Meta::default()
                });
            }
        }
    }
}

/// "2023" / "10/05" and "05" / "2019-12": a date widget that sets the year (or the day) on a
/// line of its own above the rest of the date is one date line, the page's date.
fn mark_split_dates(lines: &mut [Line<'_>]) {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].label != Label::Blank)
        .collect();
    for pair in content.windows(2) {
        let [first, second] = [pair[0], pair[1]];
        let Some(date) = split_date(lines[first].text.trim(), lines[second].text.trim()) else {
            continue;
        };
        lines[first].label = Label::Meta(Meta {
            date: Some(date),
            ..Meta::default()
        });
        lines[second].label = Label::Meta(Meta::default());
    }
}

/// The date two short lines give together: a year, then "MM/DD" or "MM-DD"; or a day, then
/// "YYYY-MM".
fn split_date(first: &str, second: &str) -> Option<PartialDate> {
    let number = |text: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<i32>().ok())
            .flatten()
    };
    fn pair(text: &str, separator: char) -> Option<(&str, &str)> {
        let (left, right) = text.split_once(separator)?;
        Some((left.trim(), right.trim()))
    }
    // "2024" then "04-10" (then the time on a line of its own).
    if let (Some(year), Some((month, day))) = (
        number(first, 4..=4),
        pair(second, '/').or_else(|| pair(second, '-')),
    ) {
        let (month, day) = (number(month, 1..=2)?, number(day, 1..=2)?);
        return PartialDate::ymd(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    }
    let day = number(first, 1..=2)?;
    let (year, month) = pair(second, '-')?;
    let (year, month) = (number(year, 4..=4)?, number(month, 1..=2)?);
    PartialDate::ymd(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// "□ Nanjing Daily/Zijinshan News Reporter" then "Zha Jinzhong Zhu Yini": short lines of
/// names right under a byline continue it.
fn mark_names_after_bylines(lines: &mut [Line<'_>]) {
    let mut after_byline = false;
    for line in lines.iter_mut() {
        match &line.label {
            Label::Meta(meta) => after_byline = meta.is_credit(),
            Label::Short if after_byline && meta::is_names_only(line.text) => {
                line.label = Label::Meta(Meta {
                    names_only: true,
                    ..Meta::default()
                });
            }
            Label::Blank => {}
            _ => after_byline = false,
        }
    }
}

/// A page as written and its simplified reading, byte for byte the same length.
struct Pages<'a, 'r> {
    text: &'a str,
    read: &'r str,
}

impl<'a> Pages<'a, '_> {
    /// The line at `range` as written and as read.
    fn at(&self, range: Range<usize>) -> (&'a str, &str) {
        let text = &self.text[range.clone()];
        (text, self.read.get(range).unwrap_or(text))
    }
}

/// Labels one physical line, split into its logical lines where it holds two.
fn push_logical_lines<'a>(pages: &Pages<'a, '_>, range: Range<usize>, lines: &mut Vec<Line<'a>>) {
    let (line, read) = pages.at(range.clone());
    if let Some(at) = split_point(read) {
        let (head, tail) = (&line[..at], &line[at..]);
        let head_range = range.start..range.start + head.trim_end().len();
        let tail_start = range.start + at + (tail.len() - tail.trim_start().len());
        for part in [head_range, tail_start..range.end] {
            let (part_text, part_read) = pages.at(part.clone());
            if !part_text.is_empty() {
                lines.push(Line {
                    label: label_line(part_text, part_read),
                    text: part_text,
                    range: part,
                });
            }
        }
        return;
    }
    lines.push(Line {
        range,
        text: line,
        label: label_line(line, read),
    });
}

/// "date 2020-11-10 Minhang officials visit …" or "Release time: 2020-06-11 09:30 Headline":
/// a labelled ISO date (and time) opening a line that goes on with other text; or a date and
/// clock time run into a Chinese paragraph ("2023-02-23 08:38:56香港特別行政區…").
static LEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)^(?:date|release\s*(?:time|date)|published|updated|posted)\s*[:：]?\s*\d{4}-\d{1,2}(?:-\d{1,2})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+[^\d\s]|^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*\p{Han}",
    )
});

/// "… of Beijing, Tianjin and Hebei Province 2018-02-28": a full date closing a title line.
static TRAILING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"\s(\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
});

/// Where a line holds two logical lines, the byte offset of the second.
fn split_point(line: &str) -> Option<usize> {
    if let Some(found) = LEADING_DATE.find(line) {
        // The match ends with the first character of the rest, which may be wide.
        return line[..found.end()].char_indices().last().map(|(at, _)| at);
    }
    // "粤澳合作联席会议签署8项协议 深化拓展两地合作 本报澳门1月11日电 (记者苏宁)…": a Chinese
    // headline run into its story's dateline (looked for where a headline ends: the first few
    // hundred bytes).
    let opening = &line[..line.floor_char_boundary(line.len().min(300))];
    if let Some(dateline) = CHINESE_DATELINE_AFTER.find(opening) {
        let head = &line[..dateline.start()];
        if cjk_count(head) >= 8 && !head.contains(['。', '，', ',']) {
            return Some(dateline.start());
        }
    }
    // "中新网贵阳12月9日电 题:粤黔构建协作新格局 山海携手共同富裕": a wire story's credit, then
    // the headline it carries.
    if let Some(credit) = CREDIT_THEN_TITLE.find(opening) {
        return Some(credit.end());
    }
    if line.len() > 400 {
        return None;
    }
    // "Headline | Updated:2017-06-27": a title followed by a metadata segment.
    if let Some(bar) = line.find(['|', '｜']) {
        let head = line[..bar].trim();
        let tail = line[bar..].trim_start_matches(['|', '｜']).trim();
        let tail_is_meta = meta::labelled_date(tail).is_some() || meta::date_line(tail).is_some();
        if tail_is_meta && word_count(head) >= 4 && !meta::is_byline(head) && !DOMAIN.is_match(head)
        {
            return Some(bar);
        }
    }
    let found = TRAILING_DATE.captures(line)?;
    let date = found.get(0)?;
    let head = line[..date.start()].trim_end();
    (word_count(head) >= 4 && !head.ends_with(['.', '。', ',', '，', ':', '：']))
        .then_some(date.start())
}

/// What one logical line is; `read` is its simplified reading.
fn label_line(text: &str, read: &str) -> Label {
    if text.is_empty() {
        return Label::Blank;
    }
    // A date line keeps its date even when share buttons trail it.
    if let Some(date) = meta::date_line(read)
        .or_else(|| meta::labelled_date(read))
        .or_else(|| credit_date(read))
        .or_else(|| wire_credit_date(read))
    {
        return Label::Meta(meta_of(text, read, Some(date)));
    }
    if let Some(furniture) = furniture(read) {
        return Label::Furniture(furniture);
    }
    let prose = is_prose(text);
    if meta::labelled_source(read).is_some() || (meta::is_byline(read) && !prose) {
        return Label::Meta(meta_of(text, read, None));
    }
    if is_caption(read) {
        return Label::Caption;
    }
    if prose { Label::Prose } else { Label::Short }
}

/// "0 CommentsPrint E-mail Xinhua, May 5, 2010", "chinadaily2020-07-22 10:46:35",
/// "Ends/Tuesday, September 24, 2019": a short line that is a full date with page tools and at
/// most three other words (an outlet's name) beside it.
fn credit_date(text: &str) -> Option<PartialDate> {
    if text.chars().count() > 100 || is_prose(text) {
        return None;
    }
    let date = meta::find_full_date(text)?;
    // The site's own address and a "Source:" label are furniture of the credit line
    // ("http://www.sina.com.cn  2008年11月06日14:46  金羊网-羊城晚报"); so are the writer's
    // name and an issue number ("by Zhao Binyu,September 09, 2020", "By Yuan Yuan | NO. 31
    // AUGUST 3, 2017").
    let text = BYLINE_LEAD.replace(text, " ");
    let text = ISSUE_NUMBER.replace(&text, " ");
    let rest = meta::beside_the_date(&DOMAIN_OR_URL.replace_all(&text, " "));
    let words = tool_words(&rest)
        .into_iter()
        .filter(|word| {
            !is_tool_word(word)
                && !CREDIT_LABELS.contains(&word.as_str())
                && word.chars().any(char::is_alphabetic)
        })
        .count();
    (words <= 3).then_some(date)
}

/// "By Yuan Yuan |", "by Zhao Binyu,": a writer's name opening a credit line.
static BYLINE_LEAD: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^\s*(?i:by)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s*[,|]?"));

/// "NO. 31": a magazine issue's number.
static ISSUE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?i)(?-u:\b)no\.\s*\d{1,4}(?-u:\b)"));

/// A web address or a bare domain, with its scheme and path.
static DOMAIN_OR_URL: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?:https?://)?(?:[a-z0-9-]+\.)+(?:com|net|org|cn|gov|edu|info|io|news|tv)(?:\.cn)?(?:/\S*)?",
    )
});

/// Labels a credit line carries beside its date and outlet.
const CREDIT_LABELS: &[&str] = &["source", "来源", "稿源", "作者", "责任编辑", "编辑"];

/// Runs of three or more consecutive one-to-four-word lines without sentence punctuation are
/// menus or link lists (a share bar, a footer's "Services / Head Office").
fn mark_menu_runs(lines: &mut [Line<'_>]) {
    // A Chinese line of more than a dozen characters is a headline or a deck, not a link.
    let is_item = |line: &Line<'_>| {
        matches!(line.label, Label::Short | Label::Furniture(_))
            && word_count(line.text) <= 4
            && cjk_count(line.text) <= 12
            && !line.text.contains(['.', ',', ';', '。', '，'])
    };
    let mut index = 0;
    while index < lines.len() {
        let run = lines[index..]
            .iter()
            .take_while(|line| is_item(line))
            .count();
        if run >= 3 {
            let ends_article = lines[index..index + run]
                .iter()
                .any(|line| line.label.ends_article() || line_is_share(line.text));
            for line in &mut lines[index..index + run] {
                line.label = Label::Furniture(Furniture::Menu { ends_article });
            }
        }
        index += run.max(1);
    }
}

static SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "telegram",
    "whatsapp",
    "weibo",
    "wechat",
    "qq",
    "qzone",
    "email",
    "e-mail",
    "mail",
    "print",
    "share",
    "reddit",
    "pinterest",
    "tumblr",
    "copy",
    "link",
    "vk",
    "line",
    "fb",
    "微博",
    "微信",
    "分享",
    "分享到",
    "打印",
];

/// Words of page tools besides share targets and language names: font sizes, closing,
/// scanning, searching, counters. A short line made only of tool words (and numbers) is a tool
/// bar.
static TOOL_WORDS: &[&str] = &[
    "close",
    "font",
    "size",
    "font-size",
    "fontsize",
    "text",
    "large",
    "medium",
    "small",
    "big",
    "l",
    "m",
    "s",
    "a",
    "a+",
    "a-",
    "scan",
    "qr",
    "code",
    "search",
    "app",
    "download",
    "advertisement",
    "ad",
    "comments",
    "comment",
    "french",
    "russian",
    "spanish",
    "arabic",
    "german",
    "portuguese",
    "双语",
    "interval",
    "seconds",
    "today",
    "is",
    "eyesight",
    "protection",
    "adjust",
    "zoom",
    "in",
    "out",
    "reset",
    "views",
    "hits",
    "visits",
    "favorite",
    "favourite",
    "collect",
    "like",
    "edition",
    "global",
    "asia",
    "africa",
    "europe",
    "america",
    "mobile",
    "version",
    "subscribe",
    "rss",
    "top",
    "back",
    "字号",
    "大",
    "中",
    "小",
    "关闭",
    "扫一扫",
];

/// Phrases that end an article wherever they stand on a short line.
static END_PHRASES: &[&str] = &[
    "leave comment",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "your email address will not be published",
    "required fields are marked",
    "scroll to top",
    "back to top",
    "copyright",
    "©",
    "all rights reserved",
    "related news",
    "related articles",
    "related stories",
    "related posts",
    "you may also like",
    "share this",
    "share to",
    "previous article",
    "next article",
    "previous post",
    "next post",
    "print this page",
    "close window",
    "版权所有",
    "返回顶部",
    "相关新闻",
    "相关阅读",
    "上一篇",
    "下一篇",
    "关闭窗口",
    "打印本页",
    "分享到",
];

static NAV_WORDS: &[&str] = &[
    "home",
    "homepage",
    "contact",
    "contact us",
    "about",
    "about us",
    "sitemap",
    "site map",
    "login",
    "log in",
    "sign in",
    "sign up",
    "register",
    "search",
    "subscribe",
    "more",
    "menu",
    "news",
    "latest news",
    "english",
    "services",
    "bulletin",
    "regulations",
    "mailbox",
    "首页",
    "联系我们",
    "网站地图",
    "登录",
    "注册",
    "搜索",
];

pub(super) static FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "and", "by", "from", "as", "is",
    "are", "was", "were", "will", "be", "has", "have", "than", "that", "this", "its", "their",
    "into", "over", "after", "amid",
];

static LANGUAGE_NAMES: &[&str] = &[
    "chinese",
    "english",
    "中文",
    "简体",
    "繁體",
    "繁体",
    "english版",
    "français",
    "español",
    "deutsch",
    "русский",
    "日本語",
    "한국어",
    "العربية",
    "português",
    "japanese",
    "korean",
    "simplified",
    "traditional",
];

static LOCALE_CODE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?-u:\b)[a-z]{2}_[A-Z]{2}(?-u:\b)"));
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?-u:\b)(?:[a-z0-9-]+\.)+(?:com|net|org|cn|gov|edu|info|io|news|tv)(?:\.cn)?(?-u:\b)",
    )
});
/// "您当前的位置", "当前位置", "所在位置": the words a Chinese site puts before its trail.
pub const CHINESE_LOCATION_WORDS: &str =
    "(?:您|你)的?(?:当前|现在|所在)?的?位置|当前的?位置|所在的?位置";

static BREADCRUMB_START: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i)^(?:your (?:current )?location|you are here|(?:the )?current (?:location|position)|location\s*[:：]|position\s*[:：]|{CHINESE_LOCATION_WORDS}|当前所在\s*[:：])"
    ))
});
/// "Home> Updates", "Home >Economic Accomplishments", ">> News", "» Business", "1. Home":
/// a path from the site's home page.
static BREADCRUMB_HOME: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)^(?:(?:\d\.\s*)?home(?:\s*page)?\s*(?:>|»|›|/|\||→)|(?:>>|»|›)\s*\S|\d\.\s+home$|(?:网站)?首页\s*(?:>|»|›|→|-\s*>))",
    )
});
static CAMEL_JOIN: LazyLock<Regex> = LazyLock::new(|| compiled(r"[a-z][A-Z]"));
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}"));
/// "[Photo/Xinhua]", "(Photo: Xu Mengyu)", "Photo: Sam Tsang", "/ Ti Gong".
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?:[\[(（【]\s*(?:photo|photos|image|picture|file photo)(?:\s*(?:by|provided))?\s*[/:：]?[^\])）】]{0,60}[\])）】]\s*$|(?-u:\b)(?:photo|photos|image)\s*(?:by|[:：/])\s*[A-Z][^.]{0,40}$|^(?:photo|file photo|photos|figure)\s*[:：①-⑩]|(?-u:\b)(?:photo|photos)\s+provided\s+(?:by|to)\s|资料图片|图片来源|摄影[:：]|[(（](?:左|右|前排左|前排右|后排左|后排右)[一二三四五六七八九]?[)）]|[(（]中[)）]|^(?:资料图|图为)[:：]|\s\p{Han}{2,4}\s+摄[)）]?$)",
    )
});

/// Chinese page tools and counters on a short line: "本篇文章351字,读完约1分钟", "阅读:56 次",
/// "跳转到正文内容", "字体:", "视力保护色", "我来说两句", "【打 印】", "第1页 第2页", "听全文"
/// (a read-aloud button), "本版导读" (an e-paper's page guide), "增大字体 减小字体", "打开网易新闻
/// 查看更多图片" (a news app's prompt), a font-size switch "[ 大 中 小 ]", and the fields of a government notice's information table
/// ("索引号: …", "文件编号 | … | 发布机构 | …", "效力状况 | 有效").
static CHINESE_TOOL: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^(?:跳转到|跳至|字体\s*[:：]|字号\s*[:：]|分享更多|【\s*打\s*印\s*】|本版导读)|听全文|本篇文章\s*\d+\s*字|文章字数\s*[:：]\s*\d+|文章总数\s*\d+|^(?:关注|收藏|点赞|举报|回复)$|读完约|(?:阅读|浏览|点击|访问)(?:量|次数|数)?\s*[:：]?\s*\d+\s*次?\s*$|\d+\s*(?:次阅读|人阅读|次浏览)|视力保护色|我来说两句|第\s*\d+\s*页\s*第\s*\d+\s*页|打印本页|关闭窗口|【\s*(?:关闭|打印|收藏)\s*】|增大字体|减小字体|^打开\p{Han}{0,8}(?:客户端|新闻|APP|App|app)?\s*查看(?:更多|全文|原文)|^查看更多(?:图片|精彩)|^查看本期(?:全部)?内容$|[\[【(（]\s*大\s*中\s*小\s*[\]】)）]|^(?:信息)?索引号|^(?:文件编号|发布机构|效力状况|主题分类|体裁分类|公开方式|公开范围|附件下载)\s*[:：|｜]",
    )
});

/// A news agency's or paper's dateline after a space: "本报澳门1月11日电", "新华社北京3月5日电".
static CHINESE_DATELINE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"\s(?:本报|新华社|中新社|中新网|人民网)\p{Han}{0,6}\d{1,2}月\d{1,2}日(?:电|讯)")
});

/// The date of a wire credit split from the headline it carries ("中新网贵阳12月9日电 题:").
fn wire_credit_date(text: &str) -> Option<PartialDate> {
    CREDIT_THEN_TITLE
        .find(text)
        .filter(|credit| credit.end() == text.len())
        .and_then(|_| crate::extract::dateline(text))
}

/// A wire credit with its date, then "题:" introducing the story's headline.
static CREDIT_THEN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"^\p{Han}{2,12}?\d{1,2}月\d{1,2}日(?:电|電)\s*(?:题|題)\s*[:：]\s*")
});

static FORUM_NOTICE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^(?:马上注册|立即注册)|没有账号\s*[?？]?\s*立即注册"));

/// "欢迎访问甘肃经济信息网!", "欢迎来到青海网络广播电视台!": a site greeting its visitors.
static SITE_GREETING: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^欢迎(?:访问|来到|光临|进入|登录)\p{Han}{2,20}[!！。]?$"));

/// An e-paper's masthead and page furniture: "浙江日报 数字报纸", "国内统一刊号:CN52-0017
/// 黔东南日报社出版", "00006版:要闻", "第03版", "第一版:要闻".
static EPAPER_MASTHEAD: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"数字报纸|数字报刊|电子报|电子版|统一刊号|CN\s*\d{2}\s*-\s*\d{4}|报社出版|^\s*第?\s*\d{1,5}\s*版\s*(?:[:：]|$)|^\s*第[一二三四五六七八九十]{1,3}版\s*(?:[:：]|$)|^\s*\d{2,5}版\s*[:：]",
    )
});

/// "首 页 资讯 热点聚焦 海峡观察 台海人物", "直通屏山|福建|时评|大学城|台海": five or more
/// Chinese link texts of a few characters each, nothing else.
fn is_chinese_link_run(text: &str) -> bool {
    if text.chars().count() > 200 {
        return false;
    }
    let items: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '/' | '·' | '丨'))
        .filter(|item| !item.is_empty())
        .collect();
    items.len() >= 5
        && items
            .iter()
            .all(|item| (1..=6).contains(&item.chars().count()) && item.chars().all(is_cjk))
}

/// "阜阳新闻网 首页 要闻 查看内容", "首页 新闻中心 镇江新闻 镇江政要动态": a trail of a few
/// short link texts, one of them the home page, separated by spaces only.
fn is_chinese_home_trail(text: &str) -> bool {
    // "鎮(zhèn)江新聞": a mirror site's pinyin is no part of the link texts.
    let text = &*crate::extract::without_inline_pinyin(text);
    if text.chars().count() > 80 || text.contains(['，', '。', ',', '：', ':']) {
        return false;
    }
    // "首页/ 业务工作 / 区域经济 / 正文": slashes part the steps too.
    let items: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '／')
        .filter(|item| !item.is_empty())
        .collect();
    (3..=8).contains(&items.len())
        && items.contains(&"首页")
        && items
            .iter()
            .all(|item| item.chars().count() <= 12 && cjk_count(item) >= 2)
}

/// Whether a line is site furniture, and which kind. `text` is the line's simplified reading.
fn furniture(text: &str) -> Option<Furniture> {
    if !text.chars().any(char::is_alphanumeric) {
        return Some(Furniture::Tool {
            ends_article: false,
        });
    }
    let chars = text.chars().count();
    let lower = text.to_lowercase();
    // "… signed a copyright protection agreement." is a sentence, not a footer.
    if chars <= 160 && !is_prose(text) && END_PHRASES.iter().any(|phrase| lower.contains(phrase)) {
        return Some(Furniture::End);
    }
    if line_is_share(text) || is_language_switcher(text) {
        return Some(Furniture::Tool { ends_article: true });
    }
    let arrows = text.matches(" > ").count() >= 2
        || text.matches('>').count() >= 3
        || (chars <= 80 && text.contains(" > ") && !text.contains(['.', ',', '"', '“']))
        // "人民网>>旅游", "新闻中心»本地新闻": a site and its section.
        || (chars <= 40
            && (text.contains(">>") || text.contains('»'))
            && !text.contains(['.', ',', '"', '“', '，', '。', '：', ':']));
    if chars <= 200 && (BREADCRUMB_START.is_match(text) || arrows || BREADCRUMB_HOME.is_match(text))
    {
        return Some(Furniture::Breadcrumb);
    }
    if is_chinese_home_trail(text) {
        return Some(Furniture::Breadcrumb);
    }
    if is_navigation(text) || is_chinese_link_run(text) {
        return Some(Furniture::Menu {
            ends_article: false,
        });
    }
    // "马上注册,结交更多好友…", "您需要 登录 才可以下载或查看,没有账号?立即注册": a forum's
    // sign-up notice reads as a sentence but is the forum's, not the article's.
    if chars <= 80 && (FORUM_NOTICE.is_match(text) || SITE_GREETING.is_match(text.trim())) {
        return Some(Furniture::Tool {
            ends_article: false,
        });
    }
    if chars <= 60
        && !is_prose(text)
        && (CHINESE_TOOL.is_match(text) || EPAPER_MASTHEAD.is_match(text))
    {
        return Some(Furniture::Tool {
            ends_article: false,
        });
    }
    if is_tool_bar(&lower)
        || (chars <= 120 && EMAIL.is_match(text) && !is_prose(text))
        || (chars <= 60 && SKIP_LINK.is_match(text))
    {
        return Some(Furniture::Tool {
            ends_article: false,
        });
    }
    if is_site_banner(text) {
        return Some(Furniture::Banner);
    }
    None
}

/// Splits a line into lower-case words at spaces, bars, slashes and the marks page tools use,
/// and between words run together ("CommentsPrint").
fn tool_words(lower_or_mixed: &str) -> Vec<String> {
    let spaced = CAMEL_JOIN.replace_all(lower_or_mixed, |caps: &regex::Captures<'_>| {
        let pair = &caps[0];
        let mut chars = pair.chars();
        match (chars.next(), chars.next()) {
            (Some(a), Some(b)) => format!("{a} {b}"),
            _ => pair.to_owned(),
        }
    });
    spaced
        .to_lowercase()
        .split(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '/' | '|'
                        | '·'
                        | ','
                        | '，'
                        | '、'
                        | ':'
                        | '：'
                        | '['
                        | ']'
                        | '【'
                        | '】'
                        | '〖'
                        | '〗'
                        | '('
                        | ')'
                        | '•'
                        | '×'
                        | '—'
                        | '-'
                        | '<'
                        | '>'
                )
        })
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether a word belongs to page tools: a tool word, a share target or a language name.
fn is_tool_word(word: &str) -> bool {
    TOOL_WORDS.contains(&word) || SHARE_WORDS.contains(&word) || LANGUAGE_NAMES.contains(&word)
}

/// "Print Mail Large Medium Small 0", "Font:〖L M S", "• Scan QR Code", "×Close",
/// "Interval 10 seconds", "Eyesight Protection:": a short line of page-tool words.
fn is_tool_bar(lower: &str) -> bool {
    if lower.chars().count() > 80 {
        return false;
    }
    let words = tool_words(lower);
    let tools = words.iter().filter(|word| is_tool_word(word)).count();
    let others = words
        .iter()
        .filter(|word| !is_tool_word(word) && !word.chars().all(|c| c.is_ascii_digit()))
        .count();
    tools >= 1 && others == 0 && words.len() <= 10
}

/// "Jump to the content zone at the center", "Skip to main content", "跳到主要內容區塊": the
/// link a page offers readers of screens to pass over its header, first of all its text.
static SKIP_LINK: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)^\W*(?:(?:skip|jump|go)\s+(?:directly\s+)?to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|menu|text)(?-u:\b)|(?:跳到|跳至|跳过|跳過|直接跳到)(?:主要|主|页面|頁面)?(?:内容|內容|导航|導航|正文))",
    )
});

/// "Facebook / Twitter / LinkedIn / Telegram", one or several share targets on a line.
fn line_is_share(text: &str) -> bool {
    // Eight share targets fit in well under 120 bytes; a longer line is never a share bar.
    if text.len() > 120 {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '/' | '|' | '·' | ',' | '，' | '、' | '-' | '—')
        })
        .filter(|word| !word.is_empty())
        .collect();
    !words.is_empty() && words.len() <= 8 && words.iter().all(|word| SHARE_WORDS.contains(word))
        // A lone "Line" or "Link" or "X" is not a share bar.
        && !(words.len() == 1 && matches!(words[0], "x" | "line" | "link" | "copy" | "mail"))
}

/// "zh_CNChinese en_USEnglish", "中文 | English", "Chinese Simplified".
fn is_language_switcher(text: &str) -> bool {
    if text.chars().count() > 60 {
        return false;
    }
    if LOCALE_CODE.find_iter(text).count() >= 1 {
        return true;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '|' | '·'))
        .filter(|word| !word.is_empty())
        .collect();
    words.len() >= 2 && words.iter().all(|word| LANGUAGE_NAMES.contains(word))
}

/// "Contact UsSiteMap", "Home Living community Real Estate … More", "Home | Simplified
/// Chinese | Japanese | Korean": link text run together, with navigation words, no sentence
/// punctuation and none of the small words of a headline (or several bars between them).
fn is_navigation(text: &str) -> bool {
    if text.chars().count() > 200 || text.contains(['.', ',', '。', '，', '?', '!', ':']) {
        return false;
    }
    let words = tool_words(text);
    let lower = words.join(" ");
    let nav_hits = NAV_WORDS
        .iter()
        .filter(|nav| {
            if nav.contains(' ') {
                lower.contains(*nav)
            } else {
                words.iter().any(|word| word == *nav) || (!nav.is_ascii() && lower.contains(*nav))
            }
        })
        .count();
    let function_words = words
        .iter()
        .filter(|word| FUNCTION_WORDS.contains(&word.as_str()))
        .count();
    let bars = text.matches('|').count();
    let joined_links = CAMEL_JOIN.is_match(text) && words.len() <= 8;
    let all_capitalised = text.split_whitespace().all(|word| {
        !word.starts_with(|c: char| c.is_lowercase()) || FUNCTION_WORDS.contains(&word)
    });
    (function_words == 0 && (nav_hits >= 2 || (nav_hits >= 1 && joined_links)))
        || (bars >= 2 && nav_hits >= 1)
        || (all_capitalised && nav_hits >= 3 && words.len() >= 6)
}

/// "Highlights of Nanjing NEWS.LONGHOO.NET": a short line naming a web site.
fn is_site_banner(text: &str) -> bool {
    text.chars().count() <= 80 && !text.ends_with(['.', '。']) && DOMAIN.is_match(text)
}

/// "Xu Qin, mayor of Shenzhen, shaking hands … Photo: Sam Tsang", "[Photo/Xinhua]". A press
/// release's "(with photos/video)" after its headline says what the release carries, not whose
/// photo it is.
fn is_caption(text: &str) -> bool {
    (text.chars().count() <= 400 && PHOTO_CREDIT.is_match(text) && !WITH_MEDIA.is_match(text))
        || IMAGE_FILE.is_match(text)
}

/// "National Emblem of the People's Republic of China (2).svg": an image's file name, left
/// where a wiki page showed the image.
static IMAGE_FILE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?i)^[^/\\]{1,160}\.(?:svg|png|jpe?g|gif|webp|bmp)$"));

static WITH_MEDIA: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"(?i)\(with (?:photos?|videos?)(?:\s*/\s*(?:photos?|videos?))*\)\s*$")
});

/// A paragraph made of sentences, as opposed to a headline or a menu item.
pub fn is_prose(text: &str) -> bool {
    let chars = text.chars().count();
    if chars >= 250 {
        return true;
    }
    let ends_sentence = text
        .trim_end_matches(['"', '\'', '”', '’', ')', '）', '」', '』'])
        .ends_with(['.', '。', '!', '?', '！', '？', ';', '；']);
    // A Chinese paragraph cut off or ending in a link ("…的金名片。浙江结对四川68个县开启新一轮
    // 东西部协作>>") still holds sentences.
    let chinese_sentences = text.matches('。').count() >= 2 && cjk_count(text) >= 60;
    (ends_sentence
        && (word_count(text) >= 8 || cjk_count(text) >= 15)
        && !is_title_case_question(text))
        || chinese_sentences
}

/// "How to Craft the Grand Narrative of Integration from a Distant View?": one question in
/// title case is a headline, not a sentence of the story.
fn is_title_case_question(text: &str) -> bool {
    let text = text.trim();
    if !text.ends_with('?') || text.contains(". ") || word_count(text) > 30 {
        return false;
    }
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|word| word.len() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|word| {
            word.trim_start_matches(['‘', '“', '\'', '"'])
                .starts_with(|c: char| c.is_uppercase())
        })
        .count();
    long.len() >= 4 && capitalised * 5 >= long.len() * 4
}

/// Words separated by whitespace.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Chinese characters (CJK ideographs).
pub fn cjk_count(text: &str) -> usize {
    text.chars().filter(|c| is_cjk(*c)).count()
}

/// Whether `text` is a site domain or names one ("en.nantong.gov.cn").
pub fn names_a_site(text: &str) -> bool {
    DOMAIN.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<(String, Label)> {
        label(text)
            .into_iter()
            .filter(|line| line.label != Label::Blank)
            .map(|line| (line.text.to_owned(), line.label))
            .collect()
    }

    fn furniture_of(text: &str) -> Option<Furniture> {
        furniture(text)
    }

    #[test]
    fn a_date_widget_split_over_two_lines_is_a_date_line() {
        let dated = |text: &str| {
            labels(text).into_iter().find_map(|(_, label)| match label {
                Label::Meta(meta) => meta.date,
                _ => None,
            })
        };
        assert_eq!(
            dated("辽吉两省开发区签署45个合作共建协议\n2023\n10/05\n17:15\n\n7月5日,对接会召开。"),
            PartialDate::ymd(2023, 10, 5)
        );
        assert_eq!(
            dated("05\n2019-12\n抢抓中部地区崛起战略新机遇"),
            PartialDate::ymd(2019, 12, 5)
        );
        assert_eq!(dated("2023\n13/05\nA headline of the page"), None);
        assert_eq!(split_date("2024", "04-10"), PartialDate::ymd(2024, 4, 10));
        assert_eq!(split_date("12", "2019-12"), PartialDate::ymd(2019, 12, 12));
        assert_eq!(split_date("Top 10", "2019-12"), None);
    }

    #[test]
    fn a_writer_s_credit_line_with_a_date_dates_the_page() {
        assert_eq!(
            credit_date("By Yuan Yuan | NO. 31 AUGUST 3, 2017"),
            PartialDate::ymd(2017, 8, 3)
        );
        assert_eq!(
            credit_date("by Zhao Binyu,September 09, 2020 Adjust font size:"),
            PartialDate::ymd(2020, 9, 9)
        );
        assert_eq!(
            credit_date("By the end of May 3, 2017, the two cities signed."),
            None
        );
    }

    #[test]
    fn a_question_in_title_case_is_a_headline_and_a_question_in_prose_is_prose() {
        assert!(!is_prose(
            "How to Craft the Grand Narrative of Integration from a Distant View?"
        ));
        assert!(is_prose(
            "What does the agreement mean for the two cities and their people now?"
        ));
    }

    #[test]
    fn an_author_s_name_printed_twice_over_the_time_is_a_credit() {
        let text = "Alliance formed to boost joint development\n\n Hu Min\nHu Min\n  13:58 UTC+8, 2021-09-27       0\nCities have inked a partnership agreement.";
        let found = labels(text);
        for (line, label) in &found[1..3] {
            assert!(
                matches!(label, Label::Meta(meta) if meta.is_credit()),
                "{line}: {label:?}"
            );
        }
        assert_eq!(found[0].1, Label::Short);
    }

    #[test]
    fn breadcrumbs_in_the_forms_sites_write_them() {
        for line in [
            "Home> Updates",
            "Home >Economic Accomplishments",
            "Home / Business / Macro",
            ">> News",
            "1. Home",
            "Position:HomeNews centerLatest news",
            "The current position : Home page > Gather efforts",
            "You are here : Home > News",
            "Home > News > News",
            "人民网>>旅游",
            "您当前的位置:首页>投资发展>招商信息",
            "当前所在:首页 >法制时评> 两区签署协议",
        ] {
            assert_eq!(furniture_of(line), Some(Furniture::Breadcrumb), "{line}");
        }
        assert_eq!(furniture_of("Home prices rise in Nanjing"), None);
    }

    #[test]
    fn page_tools_are_furniture_and_headlines_are_not() {
        for line in [
            "浙江日报 数字报纸",
            "国内统一刊号:CN52-0017 黔东南日报社出版",
            "00006版:要闻",
            "• Scan QR Code",
            "×Close",
            "Print Mail Large Medium  Small 0",
            "Font:〖L M S",
            "Interval 10 seconds",
            "Eyesight Protection:",
            "Small font size",
            "Advertisement",
            "Chinese Simplified",
            "Search 简体 Wechat",
            "App | 中文 |",
            "Today is",
            "E-mail lunthesis@example.com Phone 0551-6517",
            "Home | Simplified Chinese | Japanese | Korean",
            "English About Changzhou Mayor’s Mailbox Government Bulletin Latest News Laws and Regulations",
            "Jump to the content zone at the center",
            "Skip to main content",
            ":::Jump to main content block",
            "跳到主要內容區塊",
        ] {
            assert!(furniture_of(line).is_some(), "{line}");
        }
        for line in [
            "Zhejiang Delegation Visits Anhui",
            "Seminar explores further cross-Straits cooperation",
            "City Cooperation Agreement Signed by Seven Pairs of US & Chinese Cities",
            "Cooperation between East and Northeast China in the works",
            "Guests from Liangshan Economic Development Zone Visited SCODA",
            "Go to Xinjiang: Jiangsu's assistance in pictures",
        ] {
            assert_eq!(furniture_of(line), None, "{line}");
        }
    }

    #[test]
    fn a_date_before_the_headline_on_one_line_is_split_off() {
        let found = labels(" date 2025-07-23 Minhang officials visit Yunnan city to boost ties");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].1.meta().and_then(|meta| meta.date),
            PartialDate::ymd(2025, 7, 23)
        );
        assert_eq!(
            found[1].0,
            "Minhang officials visit Yunnan city to boost ties"
        );
        assert_eq!(found[1].1, Label::Short);
    }

    #[test]
    fn a_date_after_the_headline_on_one_line_is_split_off() {
        for (line, headline) in [
            (
                "Guangzhou eyes new cooperation with Hong Kong | Updated:2017-06-27",
                "Guangzhou eyes new cooperation with Hong Kong",
            ),
            (
                "Tangshan City seized the Opportunity for Coordinated Development 2018-02-28",
                "Tangshan City seized the Opportunity for Coordinated Development",
            ),
        ] {
            let found = labels(line);
            assert_eq!(found.len(), 2, "{found:?}");
            assert_eq!(found[0].0, headline);
            assert!(found[1].1.meta().and_then(|meta| meta.date).is_some());
        }
        // A credit line with its date stays one metadata line.
        let found =
            labels("By LIU JING in Zhengzhou | chinadaily.com.cn | Updated: 2023-04-27 16:02");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_release_with_photos_is_not_a_caption() {
        assert_eq!(
            label_line(
                "CS and Mayor co-chair Co-operation Meeting (with photos/video)",
                "CS and Mayor co-chair Co-operation Meeting (with photos/video)"
            ),
            Label::Short
        );
    }

    #[test]
    fn captions_are_labelled() {
        for line in [
            "Xu Qin, mayor of Shenzhen, shaking hands with Carrie Lam in Tamar. Photo: Sam Tsang",
            "A group of journalists kicks off a five-day tour to Anhui province on July 2, 2018. (Photo: Xu Mengyu)",
            "Representatives sign up to form an alliance on July 13. [Photo/Shanghai Observer]",
            "船营区委书记吕庆龙(左二)参观考察温州市规划建设情况",
            // A file photo, and a photographer's credit ending the line.
            "资料图:贵州榕江油菜花开。 王炳真 摄",
            "贵州毕节威宁县早熟马铃薯大棚。 何欢 摄",
        ] {
            assert_eq!(label_line(line, line), Label::Caption, "{line}");
        }
        assert_eq!(
            label_line(
                "The photo exhibition opened in Wuxi on Tuesday, officials said.",
                "The photo exhibition opened in Wuxi on Tuesday, officials said."
            ),
            Label::Prose
        );
    }

    #[test]
    fn headlines_with_navigation_words_stay_headlines() {
        assert!(!is_navigation(
            "Home prices rise more than expected in Nanjing"
        ));
        assert!(is_navigation("Contact UsSiteMap"));
        assert!(is_navigation(
            "Home Living community Real Estate Agents IT Technology Entertainment video Business Information More"
        ));
    }

    #[test]
    fn a_wide_character_after_a_leading_date_is_kept_whole() {
        let found = labels("date 2023-11-24 “Enclave economy” grows");
        assert_eq!(found[1].0, "“Enclave economy” grows");
        let found = labels("Updated:2015-05-07 11:27:14");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn chinese_credit_lines_and_page_tools() {
        for line in [
            "http://www.sina.com.cn  2008年11月06日14:46  金羊网-羊城晚报",
            "http://msn.finance.sina.com.cn 2012-02-29 14:53 来源: 商务部网站",
            "www.hyyz888.com 2021-04-30 07:25:25  周琳 来源:东南网    我来说两句",
            "信息来源:深圳特区报 信息提供日期:2025-02-17 12:13 【字体: 视力保护色:",
            "• 发布时间:2015-02-09 05:26:41  来源:经济日报  作者:佚名  责任编辑:罗伯特",
            "公益中國 gy.china.com.cn 時間: 2015-06-12 責任編輯: 李艷娜 |",
        ] {
            let found = labels(line);
            assert!(
                matches!(&found[0].1, Label::Meta(meta) if meta.date.is_some()),
                "{line}: {found:?}"
            );
        }
        for line in [
            "本篇文章351字,读完约1分钟",
            "跳转到正文内容",
            "首 頁 資訊 熱點聚焦 海峽觀察 臺海人物 臺商臺企 在大陸 兩岸交流",
            "直通屏山|福建|时评|大学城|台海|娱乐|体育|国内|国际|专题",
            "首頁>兩岸>資訊",
            "阜阳新闻网 首页 要闻 查看内容",
            "首页/ 业务工作 / 区域经济 / 正文",
            "首頁 新聞中心 鎮江新聞 鎮江政要動態 夏錦文",
            "首頁 新聞中心 鎮(zhèn)江新聞 鎮(zhèn)江政要動態(tài) 夏錦文",
            "您的当前位置:首页文明之光",
            "本版导读",
            "第一版:要闻",
            "• 听全文",
            "文章总数1331",
            "关注",
            "马上注册,结交更多好友,享用更多功能,让你轻松玩转社区。",
            "歡迎訪問甘肅經濟信息網!",
            "欢迎来到青海网络广播电视台!",
            "0 收藏 打印 增大字体 减小字体",
            "打开网易新闻 查看更多图片",
            "查看本期全部内容",
            // A font-size switch, and a government notice's information table.
            "文字大小: [ 大 中 小 ] 浏览次数:",
            "文件編號 | — — | 發布機構 | 無錫市發展改革委 | ||",
            "效力状况 | 有效 | 附件下载 | — — | ||",
            "索引号: 11440300589172269C/2025-00563 分类:",
        ] {
            assert!(matches!(labels(line)[0].1, Label::Furniture(_)), "{line}");
        }
        let found = labels("信息来源:深圳特区报 信息提供日期:2025-02-17 12:13");
        let Label::Meta(meta) = &found[0].1 else {
            panic!("{found:?}")
        };
        assert_eq!(meta.source.as_deref(), Some("深圳特区报"));
        let found = labels("來源:人民政協報 2024年07月03日");
        let Label::Meta(meta) = &found[0].1 else {
            panic!("{found:?}")
        };
        assert_eq!(meta.source.as_deref(), Some("人民政協報"));
        let glossed = "來源:人民網(wǎng)-黑龍江頻道";
        let meta = meta_of(glossed, &simplified(glossed), None);
        assert_eq!(meta.source.as_deref(), Some("人民網-黑龍江頻道"));
    }
}
