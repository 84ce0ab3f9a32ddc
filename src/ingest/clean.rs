//! Separates an article from the clutter of a saved web page, and finds its headline and
//! metadata lines.
//!
//! The rules are general, about the *shape* and *position* of lines, never about particular
//! sites: navigation is short link-like text without sentences; share bars, comment forms,
//! copyright and "scroll to top" lines end an article; a breadcrumb ends the site header; the
//! headline is the first title-shaped line that leads into prose, and a generic blurb above it is
//! not part of the article; dates, sources and bylines between the headline and the first
//! paragraph are metadata.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::pattern::compiled;

use super::meta;
use crate::model::DocumentMeta;

/// What cleaning found: the body as byte ranges of the original text, and the metadata.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Paragraphs of the article body, as byte ranges into the text that was cleaned.
    pub paragraphs: Vec<Range<usize>>,
    /// The headline's byte range, when the text has one.
    pub title_range: Option<Range<usize>>,
    /// Title, date, source and byline as far as the text shows them.
    pub meta: DocumentMeta,
}

/// Hints from outside the text: a markup title, date or source (HTML), a file name.
#[derive(Debug, Default)]
pub struct Hints<'a> {
    /// Headline candidates from markup, best first.
    pub titles: &'a [String],
    /// A publication date from markup.
    pub published: Option<&'a str>,
    /// An outlet from markup.
    pub source: Option<&'a str>,
    /// An author from markup.
    pub author: Option<&'a str>,
    /// The file's name without extension, the last resort for a title.
    pub file_stem: &'a str,
    /// Whether `# ` lines are Markdown headings.
    pub markdown: bool,
}

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Blank,
    /// Site furniture. `ends_article` when it marks the end of an article (share bar, comment
    /// form, copyright); a breadcrumb marks the end of the site header.
    Clutter {
        ends_article: bool,
        breadcrumb: bool,
    },
    /// A date, source or byline line.
    Meta,
    /// A sentence-shaped paragraph.
    Prose,
    /// A short line: a headline, a subtitle, a section heading, or a menu item.
    Short,
}

#[derive(Debug)]
struct Line<'a> {
    /// Byte range of the trimmed line in the text.
    range: Range<usize>,
    text: &'a str,
    kind: Kind,
}

/// How many non-blank lines may stand between a headline and its first paragraph (subtitle,
/// date, byline, reporter names …).
const MAX_HEADER_LINES: usize = 6;

/// Cleans `text` and reads its metadata.
pub fn clean(text: &str, hints: &Hints<'_>) -> Cleaned {
    let mut lines = split_lines(text);
    classify(&mut lines);
    let header_end = header_end(&lines);
    let title_index = find_title(&lines, header_end, hints);
    let body_start = title_index.map_or(header_end, |index| index + 1);
    let body_end = body_end(&lines, body_start);
    let first_prose = (body_start..body_end).find(|&i| lines[i].kind == Kind::Prose);

    let mut cleaned = Cleaned::default();
    let meta_lines = mark_header_meta(&mut lines, body_start, first_prose.unwrap_or(body_end));
    read_meta(&lines, &meta_lines, first_prose, hints, &mut cleaned.meta);

    if let Some(index) = title_index {
        cleaned.title_range = Some(lines[index].range.clone());
        cleaned.meta.title = title_text(lines[index].text, hints.markdown);
    } else {
        cleaned.meta.title = fallback_title(&lines, hints);
    }
    cleaned.paragraphs = paragraphs(&lines, body_start, body_end);
    cleaned
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split('\n') {
        let leading = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let range = start + leading..start + leading + trimmed.len();
        lines.push(Line {
            range,
            text: trimmed,
            kind: Kind::Blank,
        });
        start += raw.len() + 1;
    }
    lines
}

fn classify(lines: &mut [Line<'_>]) {
    for line in lines.iter_mut() {
        line.kind = classify_line(line.text);
    }
    mark_menu_runs(lines);
}

fn classify_line(text: &str) -> Kind {
    if text.is_empty() {
        return Kind::Blank;
    }
    // A date line keeps its date even when share buttons trail it.
    if meta::date_line(text).is_some() || meta::labelled_date(text).is_some() {
        return Kind::Meta;
    }
    if let Some(kind) = clutter_kind(text) {
        return kind;
    }
    if meta::labelled_source(text).is_some() || (meta::is_byline(text) && !is_prose(text)) {
        return Kind::Meta;
    }
    if is_prose(text) {
        Kind::Prose
    } else {
        Kind::Short
    }
}

/// Runs of three or more consecutive one-to-four-word lines without sentence punctuation are
/// menus or link lists (a share bar, a footer's "Services / Head Office").
fn mark_menu_runs(lines: &mut [Line<'_>]) {
    let is_item = |line: &Line<'_>| {
        matches!(line.kind, Kind::Short | Kind::Clutter { .. })
            && word_count(line.text) <= 4
            && !line.text.contains(['.', ',', ';', '。', '，'])
    };
    let mut index = 0;
    while index < lines.len() {
        let run = lines[index..]
            .iter()
            .take_while(|line| is_item(line))
            .count();
        if run >= 3 {
            let ends_article = lines[index..index + run].iter().any(|line| {
                matches!(
                    line.kind,
                    Kind::Clutter {
                        ends_article: true,
                        ..
                    }
                )
            });
            for line in &mut lines[index..index + run] {
                line.kind = Kind::Clutter {
                    ends_article: ends_article || line_is_share(line.text),
                    breadcrumb: false,
                };
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
    "微博",
    "微信",
    "分享",
    "分享到",
    "打印",
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
    "首页",
    "联系我们",
    "网站地图",
    "登录",
    "注册",
    "搜索",
];

static FUNCTION_WORDS: &[&str] = &[
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
];

static LOCALE_CODE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?-u:\b)[a-z]{2}_[A-Z]{2}(?-u:\b)"));
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?-u:\b)(?:[a-z0-9-]+\.)+(?:com|net|org|cn|gov|edu|info|io|news|tv)(?:\.cn)?(?-u:\b)",
    )
});
static BREADCRUMB_START: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)^(?:your (?:current )?location|you are here|current location|location\s*[:：]|当前位置|您的位置|您现在的位置|所在位置)",
    )
});
static CAMEL_JOIN: LazyLock<Regex> = LazyLock::new(|| compiled(r"[a-z][A-Z]"));

/// Whether a line is site furniture, and which kind.
fn clutter_kind(text: &str) -> Option<Kind> {
    let clutter = |ends_article| {
        Some(Kind::Clutter {
            ends_article,
            breadcrumb: false,
        })
    };
    if !text.chars().any(char::is_alphanumeric) {
        return clutter(false);
    }
    let chars = text.chars().count();
    let lower = text.to_lowercase();
    if chars <= 160 && END_PHRASES.iter().any(|phrase| lower.contains(phrase)) {
        return clutter(true);
    }
    if line_is_share(text) || is_language_switcher(text) {
        return clutter(true);
    }
    let arrows = text.matches(" > ").count() >= 2
        || text.matches('>').count() >= 3
        || (chars <= 80 && text.contains(" > ") && !text.contains(['.', ',', '"', '“']));
    if chars <= 200 && (BREADCRUMB_START.is_match(text) || arrows) {
        return Some(Kind::Clutter {
            ends_article: false,
            breadcrumb: true,
        });
    }
    if is_navigation(text) || is_site_banner(text) {
        return clutter(false);
    }
    None
}

/// "Facebook / Twitter / LinkedIn / Telegram", one or several share targets on a line.
fn line_is_share(text: &str) -> bool {
    // Eight share targets fit in well under 120 bytes; a longer line is never a share bar.
    if text.len() > 120 {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '|' | '·' | ',' | '，' | '、'))
        .filter(|word| !word.is_empty())
        .collect();
    !words.is_empty() && words.len() <= 8 && words.iter().all(|word| SHARE_WORDS.contains(word))
        // A lone "Line" or "Link" or "X" is not a share bar.
        && !(words.len() == 1 && matches!(words[0], "x" | "line" | "link" | "copy" | "mail"))
}

/// "zh_CNChinese en_USEnglish", "中文 | English".
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

/// "Contact UsSiteMap", "Home Living community Real Estate … More": link text run together,
/// with navigation words, no sentence punctuation and none of the small words of a headline.
fn is_navigation(text: &str) -> bool {
    if text.chars().count() > 200 || text.contains(['.', ',', '。', '，', '?', '!', ':']) {
        return false;
    }
    let spaced = CAMEL_JOIN.replace_all(text, |caps: &regex::Captures<'_>| {
        let pair = &caps[0];
        let mut chars = pair.chars();
        match (chars.next(), chars.next()) {
            (Some(a), Some(b)) => format!("{a} {b}"),
            _ => pair.to_owned(),
        }
    });
    let lower = spaced.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let nav_hits = NAV_WORDS
        .iter()
        .filter(|nav| {
            if nav.contains(' ') {
                lower.contains(*nav)
            } else {
                words.contains(nav) || (!nav.is_ascii() && lower.contains(*nav))
            }
        })
        .count();
    let function_words = words
        .iter()
        .filter(|word| FUNCTION_WORDS.contains(word))
        .count();
    let joined_links = CAMEL_JOIN.is_match(text) && words.len() <= 8;
    function_words == 0 && (nav_hits >= 2 || (nav_hits >= 1 && joined_links))
}

/// "Highlights of Nanjing NEWS.LONGHOO.NET": a short line naming a web site.
fn is_site_banner(text: &str) -> bool {
    text.chars().count() <= 80 && !text.ends_with(['.', '。']) && DOMAIN.is_match(text)
}

/// A paragraph made of sentences, as opposed to a headline or a menu item.
fn is_prose(text: &str) -> bool {
    let chars = text.chars().count();
    if chars >= 250 {
        return true;
    }
    let ends_sentence = text
        .trim_end_matches(['"', '\'', '”', '’', ')', '）', '」', '』'])
        .ends_with(['.', '。', '!', '?', '！', '？', ';', '；']);
    ends_sentence && (word_count(text) >= 8 || cjk_count(text) >= 15)
}

/// A line that could be a headline.
fn is_title_shaped(line: &Line<'_>) -> bool {
    if line.kind != Kind::Short {
        return false;
    }
    let words = word_count(line.text);
    let cjk = cjk_count(line.text);
    line.text.chars().count() <= 300 && ((2..=40).contains(&words) || cjk >= 4)
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn cjk_count(text: &str) -> usize {
    text.chars()
        .filter(|c| matches!(*c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF))
        .count()
}

/// The first line after a breadcrumb near the top; lines above it are the site header.
fn header_end(lines: &[Line<'_>]) -> usize {
    let top = lines.len().div_ceil(2);
    lines[..top]
        .iter()
        .rposition(|line| {
            matches!(
                line.kind,
                Kind::Clutter {
                    breadcrumb: true,
                    ..
                }
            )
        })
        .map_or(0, |index| index + 1)
}

/// The headline: a line the markup names as the title, a Markdown `# ` heading, or else the
/// first title-shaped line that leads into prose within a few lines.
fn find_title(lines: &[Line<'_>], start: usize, hints: &Hints<'_>) -> Option<usize> {
    let candidates = || (start..lines.len()).filter(|&i| is_title_shaped(&lines[i]));
    for hint in hints.titles {
        let hint = normalise(hint);
        if hint.is_empty() {
            continue;
        }
        let matching = candidates().find(|&i| {
            let line = normalise(lines[i].text);
            line == hint || (hint.starts_with(&line) && line.len() * 2 >= hint.len())
        });
        if matching.is_some() {
            return matching;
        }
    }
    if hints.markdown
        && let Some(heading) = (start..lines.len()).find(|&i| lines[i].text.starts_with("# "))
    {
        return Some(heading);
    }
    candidates().find(|&i| leads_into_prose(lines, i))
}

/// Whether prose follows line `index` within a few non-blank lines that are all short or meta.
fn leads_into_prose(lines: &[Line<'_>], index: usize) -> bool {
    lines[index + 1..]
        .iter()
        .filter(|line| line.kind != Kind::Blank)
        .take(MAX_HEADER_LINES + 1)
        .take_while(|line| {
            // A share bar may sit under a headline; site navigation may not.
            matches!(line.kind, Kind::Prose | Kind::Short | Kind::Meta)
                || matches!(
                    line.kind,
                    Kind::Clutter {
                        ends_article: true,
                        ..
                    }
                )
        })
        .any(|line| line.kind == Kind::Prose)
}

fn normalise(text: &str) -> String {
    text.trim_start_matches('#')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The line where the article ends: the first end-of-article marker after the body has begun,
/// unless more prose follows it than came before (then it was a share bar under the headline).
fn body_end(lines: &[Line<'_>], body_start: usize) -> usize {
    let prose_chars = |range: Range<usize>| -> usize {
        lines[range]
            .iter()
            .filter(|line| line.kind == Kind::Prose)
            .map(|line| line.text.len())
            .sum()
    };
    for index in body_start..lines.len() {
        if matches!(
            lines[index].kind,
            Kind::Clutter {
                ends_article: true,
                ..
            }
        ) {
            let before = prose_chars(body_start..index);
            if before > 0 && before >= prose_chars(index..lines.len()) {
                return index;
            }
        }
    }
    lines.len()
}

/// Marks short lines between the headline and the first paragraph that continue a byline
/// ("Zha Jinzhong Zhu Yini" under "… Reporter") as metadata, and returns every metadata line
/// of that header zone.
fn mark_header_meta(lines: &mut [Line<'_>], start: usize, first_prose: usize) -> Vec<usize> {
    let mut meta_lines = Vec::new();
    let mut after_byline = false;
    for index in start..first_prose.min(lines.len()) {
        let line = &mut lines[index];
        match line.kind {
            Kind::Meta => {
                after_byline = meta::is_byline(line.text);
                meta_lines.push(index);
            }
            Kind::Short if after_byline && meta::is_names_only(line.text) => {
                line.kind = Kind::Meta;
                meta_lines.push(index);
            }
            Kind::Blank => {}
            _ => after_byline = false,
        }
    }
    meta_lines
}

/// Fills date, source and byline from the header zone, labelled lines anywhere, a dateline,
/// and the markup, in that order of trust.
fn read_meta(
    lines: &[Line<'_>],
    header_meta: &[usize],
    first_prose: Option<usize>,
    hints: &Hints<'_>,
    meta_out: &mut DocumentMeta,
) {
    let labelled = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.kind == Kind::Meta)
        .map(|(index, _)| index);
    let candidates: Vec<usize> = header_meta.iter().copied().chain(labelled).collect();

    meta_out.published = candidates
        .iter()
        .find_map(|&i| {
            meta::date_line(lines[i].text).or_else(|| meta::labelled_date(lines[i].text))
        })
        .or_else(|| first_prose.and_then(|i| meta::dateline(lines[i].text)))
        .or_else(|| hints.published.and_then(meta::find_full_date));

    meta_out.source = candidates
        .iter()
        .find_map(|&i| meta::labelled_source(lines[i].text))
        .or_else(|| {
            header_meta
                .iter()
                .find_map(|&i| meta::byline_outlet(lines[i].text))
        })
        .or_else(|| hints.source.map(str::to_owned));

    let mut byline = String::new();
    for &index in header_meta {
        let text = lines[index].text;
        if !is_credit(text) {
            continue;
        }
        let text = meta::strip_bullet(text);
        if !byline.is_empty() {
            let continues = meta::is_names_only(text) && !meta::is_byline(text);
            byline.push_str(if continues { " " } else { ", " });
        }
        byline.push_str(text);
    }
    if byline.is_empty()
        && let Some(author) = hints.author
    {
        byline = author.to_owned();
    }
    meta_out.byline = (!byline.is_empty()).then_some(byline);
}

/// A byline or a names line, as opposed to a date or a "Source:" line.
fn is_credit(text: &str) -> bool {
    (meta::is_byline(text) && meta::labelled_source(text).is_none()) || meta::is_names_only(text)
}

fn title_text(line: &str, markdown: bool) -> String {
    let line = if markdown {
        line.trim_start_matches('#').trim()
    } else {
        line
    };
    line.to_owned()
}

/// A title for a text without a headline: the markup's, trimmed of a site suffix; else the
/// first sentence, shortened; else the file name.
fn fallback_title(lines: &[Line<'_>], hints: &Hints<'_>) -> String {
    if let Some(title) = hints.titles.first() {
        let best = title
            .split(['|', '_', '—', '–'])
            .flat_map(|part| part.split(" - "))
            .map(str::trim)
            .max_by_key(|part| part.chars().count())
            .unwrap_or(title);
        return best.to_owned();
    }
    if let Some(line) = lines
        .iter()
        .find(|line| matches!(line.kind, Kind::Prose | Kind::Short))
    {
        return shorten(line.text, 120);
    }
    hints.file_stem.to_owned()
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// Body paragraphs: runs of consecutive kept lines (prose and short lines) in the body zone.
/// Short lines after the last prose line with four words or fewer are leftovers of a footer.
fn paragraphs(lines: &[Line<'_>], start: usize, end: usize) -> Vec<Range<usize>> {
    let last_prose = (start..end).rev().find(|&i| lines[i].kind == Kind::Prose);
    let keep = |index: usize| {
        let line = &lines[index];
        match line.kind {
            Kind::Prose => true,
            Kind::Short => last_prose.is_none_or(|last| index < last || word_count(line.text) > 4),
            _ => false,
        }
    };
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    for (index, line) in lines.iter().enumerate().take(end).skip(start) {
        if keep(index) {
            let range = line.range.clone();
            open = Some(match open {
                Some(current) => current.start..range.end,
                None => range,
            });
        } else if let Some(done) = open.take() {
            paragraphs.push(done);
        }
    }
    paragraphs.extend(open);
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;

    fn published(text: &str) -> Option<PartialDate> {
        clean(text, &Hints::default()).meta.published
    }

    fn body(text: &str, cleaned: &Cleaned) -> Vec<String> {
        cleaned
            .paragraphs
            .iter()
            .map(|range| text[range.clone()].to_owned())
            .collect()
    }

    const PARAGRAPH: &str = "Wuxi and Xuzhou signed a cooperation agreement on industrial parks, tourism and talent exchange in Wuxi on Tuesday, officials said.";

    #[test]
    fn drops_navigation_share_bars_and_footers() {
        let text = format!(
            "Contact UsSiteMap\nHome Living community Real Estate Agents IT Technology More\n\nWuxi and Xuzhou sign agreement\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\nFacebook\nTwitter\nLinkedIn\nTelegram\nOur design studio\n\nAn accelerator for your business, helping you grow.\n\nServices\n\nHead Office"
        );
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(cleaned.meta.title, "Wuxi and Xuzhou sign agreement");
        assert_eq!(body(&text, &cleaned), vec![PARAGRAPH, PARAGRAPH]);
    }

    #[test]
    fn a_blurb_above_the_headline_is_not_the_article() {
        let blurb = "News serves as a comprehensive source of information, offering details on recent developments and partnerships of every company you follow.";
        let text = format!("...\n\n{blurb}\n\nThe three districts sign a pact\n\n{PARAGRAPH}");
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(cleaned.meta.title, "The three districts sign a pact");
        assert_eq!(body(&text, &cleaned), vec![PARAGRAPH]);
    }

    #[test]
    fn reads_header_metadata_and_keeps_it_out_of_the_body() {
        let text = format!(
            "Highlights of Nanjing NEWS.EXAMPLE.NET\n\nYour location: News > Economy > Today\n\nDistrict chief: deepen regional cooperation\n\n2024-02-23 07:15\n\n□ Nanjing Daily/Zijinshan News Reporter\n\nZha Jinzhong Zhu Yini\n\nCorrespondent Qi Xuan\n\n{PARAGRAPH}\n\nSource: nanjing daily Editor: Jiang Xinping"
        );
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(
            cleaned.meta.title,
            "District chief: deepen regional cooperation"
        );
        assert_eq!(cleaned.meta.published, PartialDate::ymd(2024, 2, 23));
        assert_eq!(cleaned.meta.source.as_deref(), Some("nanjing daily"));
        assert_eq!(
            cleaned.meta.byline.as_deref(),
            Some(
                "Nanjing Daily/Zijinshan News Reporter Zha Jinzhong Zhu Yini, Correspondent Qi Xuan"
            )
        );
        assert_eq!(body(&text, &cleaned), vec![PARAGRAPH]);
    }

    #[test]
    fn keeps_a_subtitle_and_never_takes_a_body_date_for_the_page_date() {
        let text = format!(
            "First breakfast meeting held in Jiangning district\n\n\nStable sailing in the new pattern\n\nOn September 24, 2020, the meeting was held in Jiangning district with the heads of thirty companies.\n\n{PARAGRAPH}"
        );
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(
            cleaned.meta.title,
            "First breakfast meeting held in Jiangning district"
        );
        assert_eq!(cleaned.meta.published, None);
        assert_eq!(
            body(&text, &cleaned)[0],
            "Stable sailing in the new pattern"
        );
    }

    #[test]
    fn language_switchers_and_scroll_lines_end_the_article() {
        let text = format!(
            "Advancing integration\n\n{PARAGRAPH}\n\nzh_CNChinese en_USEnglish\nScroll to Top"
        );
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(body(&text, &cleaned), vec![PARAGRAPH]);
    }

    #[test]
    fn a_share_bar_under_the_headline_does_not_end_the_article() {
        let text = format!(
            "Cities sign a pact\n\nShare this\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
        );
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(body(&text, &cleaned).len(), 3);
    }

    #[test]
    fn a_site_name_above_the_navigation_is_not_the_headline() {
        let text = format!(
            "Xixian New Area | 西咸新区\nHome   About Xixian   News   Investment   Services\nNews Center > Xixian News\n\nDelegation visits Xixian for talks\n\nPublished: 09:05, March 3, 2024    Source: Hainan Daily    [Share to] Facebook Twitter\n\n{PARAGRAPH}"
        );
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(cleaned.meta.title, "Delegation visits Xixian for talks");
        assert_eq!(cleaned.meta.published, PartialDate::ymd(2024, 3, 3));
        assert_eq!(cleaned.meta.source.as_deref(), Some("Hainan Daily"));
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
    fn reads_a_labelled_release_time_and_a_dateline() {
        let text = format!("Title of the piece\n\nRelease time:2020-06-11\n\n{PARAGRAPH}");
        assert_eq!(published(&text), PartialDate::ymd(2020, 6, 11));
        let text = "Cities sign a pact\n\nNANJING, June 8, 2018 (Xinhua) -- Wuxi and Xuzhou signed a cooperation agreement on Friday, officials said.";
        assert_eq!(published(text), PartialDate::ymd(2018, 6, 8));
    }

    #[test]
    fn markdown_headings_and_markup_titles_win() {
        let text = format!("Some intro line here\n\n# The real headline\n\n{PARAGRAPH}");
        let hints = Hints {
            markdown: true,
            ..Hints::default()
        };
        assert_eq!(clean(&text, &hints).meta.title, "The real headline");
        let titles = vec!["Cities sign a pact - Daily News".to_owned()];
        let text = format!("Latest stories today\n\nCities sign a pact\n\n{PARAGRAPH}");
        let hints = Hints {
            titles: &titles,
            ..Hints::default()
        };
        assert_eq!(clean(&text, &hints).meta.title, "Cities sign a pact");
    }

    #[test]
    fn a_text_without_a_headline_gets_its_first_words() {
        let cleaned = clean(PARAGRAPH, &Hints::default());
        assert!(cleaned.meta.title.starts_with("Wuxi and Xuzhou signed"));
        assert_eq!(body(PARAGRAPH, &cleaned), vec![PARAGRAPH]);
    }
}
