//! Separates an article from the clutter of a saved web page, and finds its headline and
//! metadata.
//!
//! Every line is labelled once by `lines` (prose, short line, caption, date/source/byline,
//! breadcrumb, page tool, menu, end-of-article furniture); this module only reads the labels.
//! The site header ends at a breadcrumb; the headline is the best-scored short line near the
//! top (repeated on the page, standing above the date or byline, leading into prose, not a
//! section name or a kicker); the article ends at an end-of-article marker; the page date is
//! the date line of the header zone, else the one nearest above the headline, else a labelled
//! date anywhere, else a news dateline.
//!
//! Over 800 lines with its tests (about 600): headline, page date and body are chosen together from
//! one page's lines.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::lines::{self, Furniture, Label, Line, cjk_count, word_count};
use super::meta;
use crate::extract::is_cjk;
use crate::model::DocumentMeta;
use crate::pattern::compiled;

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

/// How many non-blank lines may stand between a headline and its first paragraph (subtitle,
/// date, byline, reporter names …).
const MAX_HEADER_LINES: usize = 6;

/// Cleans `text` and reads its metadata.
pub fn clean(text: &str, hints: &Hints<'_>) -> Cleaned {
    let lines = lines::label(text);
    let header_end = header_end(&lines);
    // "京冀五区市县提…议案" / "新闻报道 > 新闻报道 来源: 北京商报": a breadcrumb set under the
    // headline leaves no headline after it.
    let title_index = find_title(&lines, header_end, hints).or_else(|| {
        trail_headline(&lines)
            .is_none()
            .then(|| find_title(&lines, 0, hints).filter(|&index| index < header_end))
            .flatten()
    });
    let continued = title_index.is_some_and(|index| continues_headline(&lines, index));
    let body_start = title_index.map_or(header_end, |index| index + 1 + usize::from(continued));
    let body_end = body_end(&lines, body_start);
    let first_prose = (body_start..body_end).find(|&i| lines[i].label == Label::Prose);

    let mut cleaned = Cleaned::default();
    let header_meta = header_meta(&lines, body_start, first_prose.unwrap_or(body_end));
    let zones = Zones {
        header_meta: &header_meta,
        title_index,
        body_end,
        first_prose,
    };
    read_meta(&lines, &zones, hints, &mut cleaned.meta);

    let title = title_index.map(|index| {
        let head = title_text(lines[index].text, hints.markdown);
        if continued {
            format!(
                "{head} {}",
                title_text(lines[index + 1].text, hints.markdown)
            )
        } else {
            head
        }
    });
    if let Some(index) = title_index {
        let last = index + usize::from(continued);
        cleaned.title_range = Some(lines[index].range.start..lines[last].range.end);
    }
    cleaned.meta.title = match title {
        Some(title) if !title.is_empty() => title,
        _ => fallback_title(&lines, hints),
    };
    let repeated_title = normalise(&cleaned.meta.title);
    cleaned.paragraphs = title_index
        .map(|index| lead_captions(&lines, index))
        .unwrap_or_default();
    cleaned
        .paragraphs
        .extend(paragraphs(&lines, body_start, body_end, &repeated_title));
    cleaned
}

/// "date 2023-05-24 Chief Executive John Lee addresses the opening ceremony of … Photo:
/// Handout": the lead photo's caption, set right above the headline (only dates and blank
/// lines between), tells of the article's occasion as the body does.
fn lead_captions(lines: &[Line<'_>], title_index: usize) -> Vec<Range<usize>> {
    let mut captions: Vec<Range<usize>> = lines[..title_index]
        .iter()
        .rev()
        .take_while(|line| matches!(line.label, Label::Blank | Label::Meta(_) | Label::Caption))
        .filter(|line| line.label == Label::Caption)
        .map(|line| line.range.clone())
        .collect();
    captions.reverse();
    captions
}

/// The first line after a breadcrumb near the top; lines above it are the site header.
fn header_end(lines: &[Line<'_>]) -> usize {
    let top = lines.len().div_ceil(2);
    lines[..top]
        .iter()
        .rposition(|line| line.label == Label::Furniture(Furniture::Breadcrumb))
        .map_or(0, |index| index + 1)
}

/// "Projects Signed for 10 Billion RMB" / "at North Jiangsu Investment and Trade Talks": a
/// headline set on two lines goes on in a short line right under it that opens in lower case.
fn continues_headline(lines: &[Line<'_>], index: usize) -> bool {
    let Some(next) = lines.get(index + 1) else {
        return false;
    };
    let ends_sentence = lines[index]
        .text
        .ends_with(['.', '!', '?', ':', '。', '：']);
    next.label == Label::Short
        && !ends_sentence
        && next.text.starts_with(|c: char| c.is_ascii_lowercase())
        // "i东莞" under a Chinese headline is an app's name, not the headline's second line.
        && cjk_count(next.text) == 0
        && word_count(next.text) <= 12
        // "updated on :0913, 2023": a page's date line the labels did not recognise.
        && !next.text.contains(|c: char| c.is_ascii_digit() || c == ':')
}

/// Whether a line could be a headline by its shape.
fn is_title_shaped(line: &Line<'_>) -> bool {
    if line.label != Label::Short {
        return false;
    }
    let words = word_count(line.text);
    let cjk = cjk_count(line.text);
    // "(资料图片)", "[Photo]": an aside in brackets is not a headline.
    let bracketed = line.text.starts_with(['(', '（', '[', '【'])
        && line.text.ends_with([')', '）', ']', '】']);
    // "SHENZHEN, China, Oct. 16, 2024 /PRNewswire/ -- A report from …": the story's first
    // sentence under its dateline; "当前版:04版", "主办:… 主管:…": an e-paper's page label and a
    // site's footer fields.
    let story_or_fields =
        crate::extract::dateline(line.text).is_some() || PAGE_FIELDS.is_match(line.text);
    !bracketed
        && !story_or_fields
        && line.text.chars().count() <= 300
        && ((2..=40).contains(&words) || cjk >= 4)
}

static PAGE_FIELDS: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^(?:当前版|當前版)\s*[:：]|主办\s*[:：].*主管\s*[:：]|^版权所有"));

/// Small words that a section name may hold ("Knowing All about Hunan", "Hongqiao Intl and YRD").
const SECTION_SMALL_WORDS: &[&str] = &[
    "about", "of", "and", "the", "for", "in", "on", "with", "to", "a", "an", "&",
];

/// "Open Governance", "Local News NEWS & EVENTS", "Knowing All about Hunan": a site section or
/// outlet name rather than a headline — at most four words, none of them a lower-case word
/// that carries meaning.
fn is_section_like(text: &str) -> bool {
    let cjk = cjk_count(text);
    // "最懂四川的本地门户", "欢迎访问…网": a site's tagline names the site, not a story; so do
    // "Welcome to …", "…, the Official Website of …", a browser notice and a line addressed to
    // the reader ("We're … travel company, book … tours with us").
    if (cjk >= 4 && SITE_TAGLINE.is_match(text)) || SITE_TAGLINE_EN.is_match(text) {
        return true;
    }
    // "刘荣山活动报道集", "乡村振兴专题": a column collecting stories names itself so.
    if cjk >= 4 && COLUMN_NAME.is_match(text.trim()) {
        return true;
    }
    // "新闻中心", "近期活动", "本地要闻": a Chinese column name is a few characters and nothing
    // else; a Chinese headline is longer.
    if cjk >= 4 {
        return cjk <= 6 && text.chars().all(is_cjk);
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .collect();
    words.len() <= 3
        || (words.len() == 4
            && words.iter().all(|word| {
                !word.starts_with(|c: char| c.is_lowercase())
                    || SECTION_SMALL_WORDS.contains(&word.to_lowercase().as_str())
            }))
}

static SITE_TAGLINE_EN: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)^welcome to(?-u:\b)|(?-u:\b)official (?:web ?site|portal)(?-u:\b)|javascript|enable cookies|your browser|^we(?:'|’)re (?-u:\b)|(?-u:\b)(?:with us|contact us|book now|book online)(?-u:\b)",
    )
});

static COLUMN_NAME: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?:报道集|專題|专题|专栏|專欄|系列报道|栏目)$"));

static SITE_TAGLINE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"门户$|门户网站|官方网站|欢迎(?:访问|光临|您)|本网站"));

/// "Yangtze River Delta G60 Science and Innovation Corridor——": a kicker over the headline.
fn is_kicker(text: &str) -> bool {
    text.ends_with(['—', '–', ':', '：', '|', '-'])
}

/// The headline: a Markdown `# ` heading, else the best-scored candidate near the top (see
/// [`title_score`]); ties go to the earlier line.
fn find_title(lines: &[Line<'_>], start: usize, hints: &Hints<'_>) -> Option<usize> {
    if hints.markdown
        && let Some(heading) = (start..lines.len()).find(|&i| lines[i].text.starts_with("# "))
    {
        return Some(heading);
    }
    let repeats = line_counts(lines);
    let breadcrumbs: Vec<String> = lines
        .iter()
        .filter(|line| line.label == Label::Furniture(Furniture::Breadcrumb))
        .map(|line| normalise(line.text))
        .collect();
    let hints: Vec<String> = hints
        .titles
        .iter()
        .cloned()
        .chain(labelled_titles(lines))
        .map(|hint| normalise(&hint))
        .filter(|hint| !hint.is_empty())
        .collect();
    let context = TitleContext {
        lines,
        repeats: &repeats,
        breadcrumbs: &breadcrumbs,
        hints: &hints,
    };
    // A page whose prose starts before any headline-like line has no headline in its text.
    candidate_window(lines, start)
        .filter(|&index| is_candidate(lines, start, index))
        .map(|index| (context.score(index), index))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, index)| index)
}

/// The lines a headline is looked for in: from the header's end to the first paragraph of
/// prose that is not a site's generic blurb (a headline never stands below the article's
/// first paragraph).
fn candidate_window(lines: &[Line<'_>], start: usize) -> Range<usize> {
    let end = (start..lines.len())
        .find(|&i| {
            lines[i].label == Label::Prose
                && !is_blurb(lines[i].text)
                && !is_candidate(lines, start, i)
        })
        .unwrap_or(lines.len());
    start..end
}

/// "News serves as a comprehensive source of information, offering details on …": a site's
/// generic blurb — prose without a name or a number (no capitalised word inside a sentence,
/// no digit), unlike any news paragraph.
fn is_blurb(text: &str) -> bool {
    // "We're … travel company, book … tours with us": the site speaking to its reader.
    if SITE_TAGLINE_EN.is_match(text) {
        return true;
    }
    if text.chars().any(|c| c.is_ascii_digit()) || cjk_count(text) > 0 {
        return false;
    }
    let mut sentence_start = true;
    for word in text.split_whitespace() {
        let capitalised = word.starts_with(|c: char| c.is_uppercase());
        if capitalised && !sentence_start {
            return false;
        }
        sentence_start = word.ends_with(['.', '!', '?']);
    }
    true
}

/// A title-shaped short line; or a one-sentence line ending in a full stop that stands first
/// under the site header directly above a date line ("A delegation … made a study tour to
/// Sichuan." / "2018-05-28 09:54:31").
fn is_candidate(lines: &[Line<'_>], start: usize, index: usize) -> bool {
    let line = &lines[index];
    if is_title_shaped(line) {
        return true;
    }
    line.label == Label::Prose
        && line.text.chars().count() <= 160
        && !(start..index).any(|i| lines[i].label == Label::Prose)
        && next_content(lines, index)
            .and_then(|next| lines[next].label.meta())
            .is_some_and(|meta| meta.date.is_some())
}

/// The next line after `index` that is neither blank nor furniture.
fn next_content(lines: &[Line<'_>], index: usize) -> Option<usize> {
    (index + 1..lines.len())
        .find(|&i| !matches!(lines[i].label, Label::Blank | Label::Furniture(_)))
}

/// The previous line before `index` that is neither blank nor furniture.
fn previous_content(lines: &[Line<'_>], index: usize) -> Option<usize> {
    (0..index)
        .rev()
        .find(|&i| !matches!(lines[i].label, Label::Blank | Label::Furniture(_)))
}

/// How often each normalised line occurs on the page (long lines are not counted).
fn line_counts(lines: &[Line<'_>]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    let mut previous: Option<String> = None;
    for line in lines {
        if line.label != Label::Blank && line.text.len() <= 400 {
            let text = normalise(&title_text(line.text, false));
            // "北京市数据库 / 北京市数据库": a site's name printed twice in a row (a logo and
            // its text) is one mention, not a headline repeated in the `<title>`.
            if previous.as_ref() != Some(&text) {
                *counts.entry(text.clone()).or_insert(0) += 1;
            }
            previous = Some(text);
        }
    }
    counts
}

/// What a headline candidate is scored against.
struct TitleContext<'a, 'b> {
    lines: &'a [Line<'b>],
    repeats: &'a HashMap<String, usize>,
    breadcrumbs: &'a [String],
    hints: &'a [String],
}

impl TitleContext<'_, '_> {
    /// A headline is named by the markup, repeated on the page (the `<title>` copy, the
    /// breadcrumb's last step), stands above the date or byline and leads into prose; a
    /// section name, a kicker or the subtitle under a headline is not one.
    fn score(&self, index: usize) -> i32 {
        let line = &self.lines[index];
        let text = normalise(&title_text(line.text, false));
        let mut score = 0;
        // A "原标题:…" line names the headline another line shows; it does not confirm itself.
        let names_itself = LABELLED_TITLE.is_match(line.text);
        if !names_itself
            && self.hints.iter().any(|hint| {
                *hint == text || (hint.starts_with(&text) && text.len() * 2 >= hint.len())
            })
        {
            score += 5;
        }
        let repeated = self.repeats.get(&text).copied().unwrap_or(0) >= 2
            || self
                .breadcrumbs
                .iter()
                .any(|crumb| is_headline_long(&text) && crumb.ends_with(&text));
        if repeated {
            score += 3;
        }
        if next_content(self.lines, index)
            .and_then(|next| self.lines[next].label.meta())
            .is_some()
        {
            score += 2;
        }
        if leads_into_prose(self.lines, index) {
            score += 1;
        }
        // A headline names what the first paragraph tells; a tagline or widget does not.
        if shares_words_with_lead(self.lines, index) > 0 {
            score += 1;
        }
        let cleaned = title_text(line.text, false);
        if is_section_like(&cleaned) {
            score -= 3;
        }
        if is_kicker(&cleaned) || self.is_slogan_over_headline(index) {
            score -= 3;
        }
        if self.is_deck(index) {
            score -= 3;
        }
        score
    }

    /// Whether the line stands right under another headline-like line, as a subtitle does: one
    /// about the same story (a site's tagline or a slogan above a headline makes no subtitle of
    /// it). A line opening with "——" is a subtitle wherever it stands.
    fn is_deck(&self, index: usize) -> bool {
        if SUBTITLE_DASH.is_match(self.lines[index].text) {
            return true;
        }
        previous_content(self.lines, index).is_some_and(|previous| {
            let line = &self.lines[previous];
            let cleaned = title_text(line.text, false);
            is_title_shaped(line)
                && !is_section_like(&cleaned)
                && !is_kicker(&cleaned)
                && !self.is_slogan_over_headline(previous)
                && shares_words_with_lead(self.lines, previous) > 0
        })
    }

    /// "相互尊重 平等协商 优势互补 互惠互利" / "天水市政府与济南市政府签订战略合作协议": a
    /// Chinese paper's kicker (引题) is a few set phrases of a few characters each, standing
    /// right above the headline. Above a "——" subtitle the phrases are the headline itself
    /// ("粤黔携手 共谱新篇" / "—— 广东省佛山市…").
    fn is_slogan_over_headline(&self, index: usize) -> bool {
        is_slogan_shaped(self.lines[index].text)
            && next_content(self.lines, index).is_some_and(|next| {
                let line = &self.lines[next];
                is_title_shaped(line)
                    && !SUBTITLE_DASH.is_match(line.text)
                    && !is_slogan_shaped(line.text)
            })
    }
}

/// Two to four set phrases of two to six Chinese characters, separated by spaces.
fn is_slogan_shaped(text: &str) -> bool {
    // "平等協(xié)商": a mirror site's pinyin is no part of the phrase.
    let text = crate::extract::without_inline_pinyin(text);
    let phrases: Vec<&str> = meta::strip_bullet(&text).split_whitespace().collect();
    (2..=4).contains(&phrases.len())
        && phrases
            .iter()
            .all(|phrase| (2..=6).contains(&phrase.chars().count()) && phrase.chars().all(is_cjk))
}

/// Long enough to be a headline rather than a section name ("区域合作", "Biz updates") when a
/// breadcrumb ends with it.
fn is_headline_long(text: &str) -> bool {
    cjk_count(text) >= 8 || (cjk_count(text) == 0 && word_count(text) >= 4)
}

/// "—— 广东省佛山市倾情帮扶…": a subtitle under a Chinese headline opens with a dash.
static SUBTITLE_DASH: LazyLock<Regex> = LazyLock::new(|| compiled(r"^\s*(?:——|--|—)"));

/// How many of line `index`'s words of substance recur in the first two paragraphs of prose
/// after it ("Haikou joins hands with Mianyang" / "The Haikou Tourism Development Committee
/// and Mianyang …"): words of three letters or more that are not function words, and pairs of
/// Chinese characters.
fn shares_words_with_lead(lines: &[Line<'_>], index: usize) -> usize {
    let lead: String = lines[index + 1..]
        .iter()
        .filter(|line| line.label == Label::Prose)
        .take(2)
        .map(|line| line.text)
        .collect::<Vec<_>>()
        .join(" ");
    if lead.is_empty() {
        return 0;
    }
    let lead_words = substance_words(&lead);
    let mut shared = substance_words(lines[index].text);
    shared.retain(|word| lead_words.contains(word));
    shared.len()
}

/// The words of substance of a text, lower-cased, each once.
fn substance_words(text: &str) -> std::collections::HashSet<String> {
    let mut words = std::collections::HashSet::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let cjk: Vec<char> = word.chars().filter(|c| is_cjk(*c)).collect();
        for pair in cjk.windows(2) {
            words.insert(pair.iter().collect::<String>());
        }
        if word.chars().count() >= 3 && cjk.is_empty() {
            let word = word.to_lowercase();
            let common = lines::FUNCTION_WORDS.contains(&word.as_str())
                || COMMON_WORDS.contains(&word.as_str());
            if !common {
                words.insert(word);
            }
        }
    }
    words
}

/// Words too common to tie a line to a paragraph, besides the function words.
const COMMON_WORDS: &[&str] = &[
    "our", "about", "more", "new", "all", "you", "your", "not", "but", "also", "been", "which",
    "who", "what",
];

/// Whether prose follows line `index` within a few non-blank lines that are all short or meta.
fn leads_into_prose(lines: &[Line<'_>], index: usize) -> bool {
    lines[index + 1..]
        .iter()
        .filter(|line| line.label != Label::Blank)
        .take(MAX_HEADER_LINES + 1)
        .take_while(|line| {
            // Page tools may sit under a headline; site navigation may not.
            matches!(
                line.label,
                Label::Prose | Label::Short | Label::Meta(_) | Label::Caption
            ) || matches!(line.label, Label::Furniture(Furniture::Tool { .. }))
                || line.label.ends_article()
        })
        .any(|line| line.label == Label::Prose)
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
    // Prose bytes before each line, so each marker's test costs nothing (a page of a thousand
    // share bars stays linear).
    let mut before = Vec::with_capacity(lines.len() + 1);
    let mut total = 0usize;
    for line in lines {
        before.push(total);
        if line.label == Label::Prose {
            total += line.text.len();
        }
    }
    before.push(total);
    let start = before.get(body_start).copied().unwrap_or(total);
    for index in body_start..lines.len() {
        if lines[index].label.ends_article() {
            let prose_before = before[index] - start;
            if prose_before > 0 && prose_before >= total - before[index] {
                return index;
            }
        }
    }
    lines.len()
}

/// The metadata lines of the header zone, between the headline and the first paragraph.
fn header_meta(lines: &[Line<'_>], start: usize, first_prose: usize) -> Vec<usize> {
    (start..first_prose.min(lines.len()))
        .filter(|&index| lines[index].label.meta().is_some())
        .collect()
}

/// Where the page's parts are, for reading its metadata.
struct Zones<'a> {
    /// Metadata lines between the headline and the first paragraph.
    header_meta: &'a [usize],
    title_index: Option<usize>,
    body_end: usize,
    first_prose: Option<usize>,
}

/// How many lines at the top of a page a full dateline on a short line is looked for in.
const DATELINE_LINES: usize = 6;

/// Fills date, source and byline: the header zone first, then metadata above the headline,
/// then labelled lines anywhere in the article, a dateline, and the markup, in that order of
/// trust.
fn read_meta(
    lines: &[Line<'_>],
    zones: &Zones<'_>,
    hints: &Hints<'_>,
    meta_out: &mut DocumentMeta,
) {
    let meta_at = |index: usize| lines[index].label.meta();
    let above_title = zones
        .title_index
        .map_or(0..0, |title| 0..title)
        .rev()
        .filter(|&index| meta_at(index).is_some());
    let in_article = (0..zones.body_end).filter(|&index| meta_at(index).is_some());
    let labelled_after = (zones.body_end..lines.len())
        .filter(|&index| meta_at(index).is_some_and(|meta| meta.labelled));
    let candidates: Vec<usize> = zones
        .header_meta
        .iter()
        .copied()
        .chain(above_title)
        .chain(in_article)
        .chain(labelled_after)
        .collect();

    meta_out.published = candidates
        .iter()
        .find_map(|&index| meta_at(index).and_then(|meta| meta.date))
        .or_else(|| {
            // The story's dateline opens its first paragraph — or its second, under a photo's
            // caption ("The Chief Executive (right) meets the Governor today." / "29th May 2023
            // – (Hong Kong) …").
            zones.first_prose.and_then(|first| {
                (first..lines.len())
                    .filter(|&i| lines[i].label == Label::Prose)
                    .take(2)
                    .find_map(|i| crate::extract::dateline(lines[i].text))
            })
        })
        .or_else(|| {
            // "GUIZHOU, China, Sept. 23, 2022 /PRNewswire/ -- A news report from …:": a
            // dateline with its year on a short line opening the page.
            lines
                .iter()
                .take(DATELINE_LINES)
                .filter(|line| matches!(line.label, Label::Prose | Label::Short))
                .find_map(|line| crate::extract::dateline(line.text))
                .filter(|date| date.year.is_some())
        })
        .or_else(|| hints.published.and_then(meta::find_full_date));

    meta_out.source = candidates
        .iter()
        .find_map(|&index| meta_at(index).and_then(|meta| meta.source.clone()))
        .or_else(|| {
            zones
                .header_meta
                .iter()
                .find_map(|&i| meta_at(i).and_then(|meta| meta.outlet.clone()))
        })
        .or_else(|| hints.source.map(str::to_owned));

    let mut byline = String::new();
    for &index in zones.header_meta {
        let Some(credit) = meta_at(index).filter(|meta| meta.is_credit()) else {
            continue;
        };
        if !byline.is_empty() {
            let continues = credit.names_only && !credit.byline;
            byline.push_str(if continues { " " } else { ", " });
        }
        byline.push_str(meta::strip_bullet(lines[index].text));
    }
    if byline.is_empty()
        && let Some(author) = hints.author
    {
        byline = author.to_owned();
    }
    meta_out.byline = (!byline.is_empty()).then_some(byline);
}

static LOCATION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i)^(?:your (?:present |current )?(?:location|position)|current (?:location|position)|{}|当前所在)\s*[:：]",
        lines::CHINESE_LOCATION_WORDS
    ))
});

static TITLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)^(?:[^:：]{0,60}?(?-u:\b)topic|(?:original\s+)?(?:title|headline)|正在阅读|正在閱讀|当前阅读|名[称稱]|原?[标標](?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))?[题題])\s*[:：]\s*",
    )
});
/// "标题:松江区与庄河市签署对口合作工作计划", "(原标题:市政府与省国贸集团签订战略合作协议)", a
/// government notice's "名称:…": a line that names the article's headline wherever it stands (also with a mirror's pinyin in it:
/// "原標(biāo)題:").
static LABELLED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^[(（]?\s*(?:原?[标標](?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))?[题題]|名[称稱])\s*[:：]\s*(.{4,200}?)\s*[)）]?$",
    )
});
/// "扫描二维码访问…", "掃一掃": a QR-code widget's words.
static QR_WIDGET: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^(?:[扫掃]描二[维維][码碼]|[扫掃]一[扫掃])"));
static LIST_NUMBER: LazyLock<Regex> = LazyLock::new(|| compiled(r"^\d{1,2}\.\s+"));
/// "![]()", "![photo](a.jpg)": an image in Markdown.
static MARKDOWN_IMAGE: LazyLock<Regex> = LazyLock::new(|| compiled(r"!\[[^\]]*\]\([^)]*\)"));
static WIKI_HEADING: LazyLock<Regex> = LazyLock::new(|| compiled(r"^=+\s*(.*?)\s*=+$"));
/// The last " – SHINE", " | China Daily", " -即嗨体育app下载" of a title line.
static SITE_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?:\s+[|｜–—-]\s*|\s*[|｜_]\s*)([^|｜–—_]+)$"));

/// The headline as it should read: without Markdown or wiki marks, a bullet, a list number, a
/// "Title:" label or the site's name after it.
fn title_text(line: &str, markdown: bool) -> String {
    let mut title = if markdown {
        line.trim_start_matches('#').trim()
    } else {
        line
    };
    if let Some(inner) = WIKI_HEADING.captures(title).and_then(|c| c.get(1)) {
        title = inner.as_str();
    }
    title = meta::strip_bullet(title);
    title = LIST_NUMBER
        .find(title)
        .map_or(title, |found| &title[found.end()..]);
    title = TITLE_LABEL
        .find(title)
        .map_or(title, |found| &title[found.end()..]);
    // "Your present location:网站首页NewsIndustry trends > Courts from Beijing, …": the trail
    // ends with the headline.
    if LOCATION_LABEL.is_match(title)
        && let Some((_, last)) = title.rsplit_once(['>', '＞'])
        && (word_count(last) >= 4 || cjk_count(last) >= 8)
    {
        title = last.trim();
    }
    // "掃描二維碼訪問中評網移動版 苗栗與上海崇明區簽… 掃描二維碼訪問中評社微信": the QR-code
    // widgets on either side of the headline are not part of it.
    let without_widgets: String;
    if QR_WIDGET.is_match(title) {
        without_widgets = title
            .split(' ')
            .filter(|part| !QR_WIDGET.is_match(part))
            .collect::<Vec<_>>()
            .join(" ");
        title = &without_widgets;
    }
    if let Some(suffix) = SITE_SUFFIX.captures(title).and_then(|c| c.get(0))
        && let Some(site) = SITE_SUFFIX.captures(title).and_then(|c| c.get(1))
        && is_site_name(site.as_str())
        && (word_count(&title[..suffix.start()]) >= 3
            || (cjk_count(&title[..suffix.start()]) >= 6
                && site.as_str().chars().count() * 2 <= title[..suffix.start()].chars().count()))
    {
        title = &title[..suffix.start()];
    }
    // "市財政五年累計援疆92.34億元 |", "广州再添两友城(组图) | ||||", "…庆典-": bars and dashes
    // left where the site's name was cut off; "CS to visit Guangzhou *********": a rule of
    // stars under it.
    let title = title
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '|' | '｜' | '*' | '=' | '-' | '–' | '_')
        })
        .trim();
    once_if_doubled(title).to_owned()
}

/// "Liaoning and Nagqu establish … Tibet Liaoning and Nagqu establish … Tibet": a headline
/// the page's text gives twice on one line is one headline.
fn once_if_doubled(title: &str) -> &str {
    let half = title.len() / 2;
    if title.len() >= 21
        && title.len() % 2 == 1
        && title.is_char_boundary(half)
        && title[half..].starts_with(' ')
        && title[..half] == title[half + 1..]
    {
        return &title[..half];
    }
    title
}

/// "SHINE", "China Daily", "即嗨体育app下载", "chinadaily.com.cn": what a site appends to its
/// titles — capitals, a short name, Chinese, or a domain.
fn is_site_name(text: &str) -> bool {
    let text = text.trim();
    let words = word_count(text);
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase());
    (1..=4).contains(&words)
        && (all_caps
            || cjk_count(text) >= 2
            || lines::names_a_site(text)
            || (words <= 2
                && text
                    .split_whitespace()
                    .all(|word| word.starts_with(|c: char| c.is_uppercase()))))
}

/// The headlines that lines labelled "标题:" or "(原标题:…)" name.
fn labelled_titles(lines: &[Line<'_>]) -> Vec<String> {
    lines
        .iter()
        .filter(|line| line.text.len() <= 600)
        .filter_map(|line| LABELLED_TITLE.captures(line.text)?.get(1))
        .map(|title| title.as_str().trim().to_owned())
        .collect()
}

/// A title for a text without a headline: the markup's, trimmed of a site suffix; else one a
/// line names ("(原标题:…)"); else the first sentence, shortened; else the file name.
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
    if let Some(title) = labelled_titles(lines).into_iter().next() {
        return title;
    }
    if let Some(title) = trail_headline(lines) {
        return title.to_owned();
    }
    // The first line with something to say: not "(资料图片)" or a stray word.
    let says_something = |line: &&Line<'_>| {
        matches!(line.label, Label::Prose | Label::Short)
            && (word_count(line.text) >= 3 || cjk_count(line.text) >= 6)
            && !(line.text.starts_with(['(', '（', '[', '【'])
                && line.text.ends_with([')', '）', ']', '】']))
    };
    if let Some(line) = lines.iter().find(says_something).or_else(|| {
        lines
            .iter()
            .find(|line| matches!(line.label, Label::Prose | Label::Short))
    }) {
        // "![]() 12月13日上午,…": an image's Markdown before the first sentence is no words.
        let text = MARKDOWN_IMAGE.replace_all(line.text, "");
        return shorten(text.trim(), 120);
    }
    hints.file_stem.to_owned()
}

/// "首页 » 问答 » 常识 » 兰溪略阳媒体协作成效显著…": the last step of a breadcrumb near the top,
/// when it is as long as a headline (a section name is shorter).
fn trail_headline<'a>(lines: &[Line<'a>]) -> Option<&'a str> {
    let top = lines.len().div_ceil(2);
    let crumb = lines[..top]
        .iter()
        .rfind(|line| line.label == Label::Furniture(Furniture::Breadcrumb))?;
    let (_, last) = crumb.text.rsplit_once(['>', '＞', '»', '›', '→'])?;
    let last = last.trim();
    // "新闻报道 > 新闻报道   来源: 北京商报": page fields after the trail are no headline.
    let fields = meta::labelled_source(last).is_some() || meta::find_full_date(last).is_some();
    (is_headline_long(last) && !fields).then_some(last)
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// "自2021年6月,东阳市与南江县签订了…以来,我市各界…两地": Chinese clauses, which a footer's
/// fields are not — a last paragraph cut off mid-sentence is still the article's (Chinese has
/// no spaces to count words by).
fn chinese_clauses(text: &str) -> bool {
    cjk_count(text) >= 15 && text.contains(['，', ',', '。'])
}

/// Body paragraphs: runs of consecutive kept lines (prose, captions and short lines) in the
/// body zone. Short lines after the last prose line with four words or fewer are leftovers of
/// a footer; a line repeating the headline is the page's second copy of it.
fn paragraphs(lines: &[Line<'_>], start: usize, end: usize, title: &str) -> Vec<Range<usize>> {
    let last_prose = (start..end).rev().find(|&i| lines[i].label == Label::Prose);
    let keep = |index: usize| {
        let line = &lines[index];
        match line.label {
            Label::Prose | Label::Caption => true,
            Label::Short => {
                normalise(&title_text(line.text, false)) != title
                    && last_prose.is_none_or(|last| {
                        index < last || word_count(line.text) > 4 || chinese_clauses(line.text)
                    })
            }
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
    fn a_last_chinese_paragraph_cut_off_mid_sentence_is_kept() {
        let last = "自2021年6月,东阳市与南江县签订了深化东西部协作和交流合作框架协议以来,我市各界在人才交流等各方面给";
        let text = format!("东阳南江携手同行\n\n{ZH_PARAGRAPH}\n{last}\n");
        let cleaned = clean(&text, &Hints::default());
        let kept = body(&text, &cleaned);
        assert!(
            kept.last()
                .is_some_and(|paragraph| paragraph.ends_with(last)),
            "{kept:?}"
        );
        // A footer's fields after the article stay out.
        let text = format!("东阳南江携手同行\n\n{ZH_PARAGRAPH}\n主办单位:东阳市人民政府办公室\n");
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(body(&text, &cleaned), vec![ZH_PARAGRAPH]);
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
    fn a_lead_photo_caption_above_the_headline_is_read_with_the_body() {
        let caption = "Chief Executive John Lee addresses the opening ceremony of the Hong Kong-Guangdong Cooperation Week in Guangzhou on Wednesday. Photo: Handout";
        let text = format!(
            " date 2023-05-24 {caption}\nHong Kong and Guangdong will deepen cooperation, John Lee says\n{PARAGRAPH}\n"
        );
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(
            cleaned.meta.title,
            "Hong Kong and Guangdong will deepen cooperation, John Lee says"
        );
        assert_eq!(body(&text, &cleaned), vec![caption, PARAGRAPH]);
    }

    #[test]
    fn a_dateline_under_a_photo_caption_dates_the_page() {
        let text = "Hong Kong's Chief Executive meets with Governor of Hunan Province\n\nThe Chief Executive, Mr John Lee (right), meets the Governor of Hunan Province, Mr Mao Weiming (left), today.\n\n29th May 2023 – (Hong Kong) Hong Kong's Chief Executive, Mr John Lee, met with the Governor of Hunan Province, Mr Mao Weiming today to deepen cooperation between the two places.\n";
        assert_eq!(published(text), PartialDate::ymd(2023, 5, 29));
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
    fn a_headline_loses_a_trailing_dash_and_a_second_copy_on_its_line() {
        assert_eq!(
            title_text("Tianjin district assists Gansu counties –", false),
            "Tianjin district assists Gansu counties"
        );
        assert_eq!(
            title_text(
                "Liaoning and Nagqu establish a mechanism Liaoning and Nagqu establish a mechanism",
                false
            ),
            "Liaoning and Nagqu establish a mechanism"
        );
    }

    #[test]
    fn an_english_site_tagline_or_browser_notice_is_no_headline() {
        assert!(is_section_like("welcome to hangzhou west lake district!"));
        assert!(is_section_like(
            "eBeijing, the Official Website of the Beijing Government"
        ));
        assert!(is_section_like(
            "Please use a Javascript-enabled browser. 050307en01006"
        ));
        assert!(!is_section_like(
            "Shanghai welcomes delegation from Yunnan to discuss cooperation"
        ));
    }

    #[test]
    fn a_trail_ending_in_the_headline_gives_it_and_a_dateline_or_page_label_does_not() {
        assert_eq!(
            title_text(
                "Your present location:网站首页NewsIndustry trends > Courts from Beijing, Tianjin, Hebei Hold Joint Conference",
                false
            ),
            "Courts from Beijing, Tianjin, Hebei Hold Joint Conference"
        );
        assert_eq!(
            title_text(
                "当前所在:首页 >法制时评> 以更高站位推动协作 两区联席会议举行",
                false
            ),
            "以更高站位推动协作 两区联席会议举行"
        );
        let short = |text: &'static str| Line {
            range: 0..text.len(),
            text,
            label: Label::Short,
        };
        assert!(!is_title_shaped(&short(
            "SHENZHEN, China, Oct. 16, 2024 /PRNewswire/ -- A report from Jiangxi:"
        )));
        assert!(!is_title_shaped(&short("当前版:04版")));
        assert!(is_title_shaped(&short(
            "Jiangxi Accelerates Deep Integration"
        )));
    }

    #[test]
    fn a_text_without_a_headline_gets_its_first_words() {
        let cleaned = clean(PARAGRAPH, &Hints::default());
        assert!(cleaned.meta.title.starts_with("Wuxi and Xuzhou signed"));
        assert_eq!(body(PARAGRAPH, &cleaned), vec![PARAGRAPH]);
    }

    #[test]
    fn a_section_name_or_kicker_above_the_headline_is_not_the_headline() {
        let text = format!(
            "Open Governance\nDelegation visits Sichuan for cooperation talks\n\n{PARAGRAPH}"
        );
        assert_eq!(
            clean(&text, &Hints::default()).meta.title,
            "Delegation visits Sichuan for cooperation talks"
        );
        let text = format!(
            "People's Network >> Economy\n\nScience and Innovation Corridor——\n\nActivate innovation momentum and promote growth\n\nOur reporter Xie Weiqun\n06:14, May 24, 2024 | Source: People's Daily\n\n{PARAGRAPH}"
        );
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(
            cleaned.meta.title,
            "Activate innovation momentum and promote growth"
        );
        assert_eq!(cleaned.meta.published, PartialDate::ymd(2024, 5, 24));
    }

    #[test]
    fn a_site_tagline_above_the_headline_is_not_the_headline() {
        let text = format!(
            "Search Tour\nTailor made tours & customised tours\nAsk Question? Ask us here\n\nXuzhou joins hands with Wuxi\n\n{PARAGRAPH}"
        );
        assert_eq!(
            clean(&text, &Hints::default()).meta.title,
            "Xuzhou joins hands with Wuxi"
        );
        let text = format!(
            "We're a local travel company, book tours with us, NO hidden costs, SAVE the biggest!\n\nXuzhou joins hands with Wuxi\n\n{PARAGRAPH}"
        );
        assert_eq!(
            clean(&text, &Hints::default()).meta.title,
            "Xuzhou joins hands with Wuxi"
        );
        let text = format!(
            "四川信息\n最懂四川的本地门户\n\n凉山州党政代表团赴宁波市对接东西部协作工作\n\n来源:596.scxinxi.com 更新时间:2025年12月16日\n\n{ZH_PARAGRAPH}"
        );
        assert_eq!(
            clean(&text, &Hints::default()).meta.title,
            "凉山州党政代表团赴宁波市对接东西部协作工作"
        );
        // A site's name printed twice in a row is not a headline repeated in the <title>.
        let text = format!(
            "北京市数据库\n北京市数据库\n\n京冀五区市县提“一河一带”议案\n\n新闻报道 > 新闻报道   来源: 北京商报\n\n{ZH_PARAGRAPH}"
        );
        assert_eq!(
            clean(&text, &Hints::default()).meta.title,
            "京冀五区市县提“一河一带”议案"
        );
    }

    #[test]
    fn the_subtitle_under_a_headline_is_not_the_headline() {
        let text = "China Daily\n\nHongqiao builds bridges to the future\n\nNational plan aims to widen the area's role\n\n- By XING YI in Shanghai\n\nHongqiao's role as a bridge to the delta will widen under a national plan, officials said.";
        assert_eq!(
            clean(text, &Hints::default()).meta.title,
            "Hongqiao builds bridges to the future"
        );
    }

    #[test]
    fn a_headline_on_two_lines_is_one_and_an_image_s_file_name_none() {
        let text = format!(
            "Home page > Year2006\n\nProjects Signed for 10 Billion RMB\nat North Jiangsu Investment and Trade Talks\n\n{PARAGRAPH}"
        );
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(
            cleaned.meta.title,
            "Projects Signed for 10 Billion RMB at North Jiangsu Investment and Trade Talks"
        );
        assert_eq!(body(&text, &cleaned), vec![PARAGRAPH]);
        let text = format!(
            "Northeast Summit\n\nLast updated\nNational Emblem of the People's Republic of China (2).svg\n\n{PARAGRAPH}"
        );
        assert_eq!(
            clean(&text, &Hints::default()).meta.title,
            "Northeast Summit"
        );
    }

    #[test]
    fn a_headline_repeated_on_the_page_wins_and_loses_its_marks() {
        let text = format!(
            "1. Home\n2. Maritime industry news - PortNews\n3. Shenzhen and Hong Kong signed seven cooperation agreements\n\n2009 December 1   13:59\n\nShenzhen and Hong Kong signed seven cooperation agreements\n\n{PARAGRAPH}"
        );
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(
            cleaned.meta.title,
            "Shenzhen and Hong Kong signed seven cooperation agreements"
        );
        assert_eq!(cleaned.meta.published, PartialDate::ymd(2009, 12, 1));
        assert_eq!(body(&text, &cleaned), vec![PARAGRAPH]);
        for (line, title) in [
            (
                "Participating firms prepare for alliance conference – SHINE",
                "Participating firms prepare for alliance conference",
            ),
            (
                "more to industrial zone that meets the eye -即嗨体育app下载",
                "more to industrial zone that meets the eye",
            ),
            (
                "Original title: 76 projects agreed to invest in the region",
                "76 projects agreed to invest in the region",
            ),
            (
                "= Coordinated Development of the Region =",
                "Coordinated Development of the Region",
            ),
            (
                "Guangdong – Guangxi Pairing-off Poverty Alleviation",
                "Guangdong – Guangxi Pairing-off Poverty Alleviation",
            ),
            (
                "上海與中國五礦簽署戰略合作協議|聚焦",
                "上海與中國五礦簽署戰略合作協議",
            ),
            // A column's name before a bar stays: "携手记|千年商都+大国重器,穗鹤合作焕发新活力".
            (
                "携手记|千年商都+大国重器,穗鹤合作焕发新活力",
                "携手记|千年商都+大国重器,穗鹤合作焕发新活力",
            ),
            ("广州再添两友城(组图) | ||||", "广州再添两友城(组图)"),
            (
                "China News Network Xining, March 3 Topic: From Jiangsu to Qinghai: Cadres Build a Bridge",
                "From Jiangsu to Qinghai: Cadres Build a Bridge",
            ),
            (
                "掃描二維碼訪問中評網移動版 苗栗與上海崇明區簽交流合作備忘錄 掃描二維碼訪問中評社微信",
                "苗栗與上海崇明區簽交流合作備忘錄",
            ),
            (
                "合肥市与久留米市举行结好40周年庆典-",
                "合肥市与久留米市举行结好40周年庆典",
            ),
            (
                "原標(biāo)題:長三角19項(xiàng)重大合作!宣城共同簽約!",
                "長三角19項(xiàng)重大合作!宣城共同簽約!",
            ),
            (
                "CS to visit Guangzhou, Huizhou and Shenzhen **********",
                "CS to visit Guangzhou, Huizhou and Shenzhen",
            ),
        ] {
            assert_eq!(title_text(line, false), title);
        }
    }

    #[test]
    fn an_image_s_markdown_is_no_part_of_a_title_made_from_the_first_sentence() {
        let text =
            "![]() 12月13日上午,五地市媒体集中采访活动启动仪式在漳州举行。漳州市委常委致辞。\n";
        let cleaned = clean(text, &Hints::default());
        assert!(
            cleaned.meta.title.starts_with("12月13日上午"),
            "{}",
            cleaned.meta.title
        );
    }

    #[test]
    fn the_date_under_the_headline_beats_a_date_widget_above_it() {
        let text = format!(
            "Thursday, 8 March 2019\n\nJiangsu, Shaanxi to make further cooperation\n\n2021-04-30 16:56\n\n{PARAGRAPH}"
        );
        assert_eq!(published(&text), PartialDate::ymd(2021, 4, 30));
        let text = format!(
            " date 2025-07-23 Minhang officials visit Yunnan city to boost ties\n{PARAGRAPH}"
        );
        let cleaned = clean(&text, &Hints::default());
        assert_eq!(cleaned.meta.published, PartialDate::ymd(2025, 7, 23));
        assert_eq!(
            cleaned.meta.title,
            "Minhang officials visit Yunnan city to boost ties"
        );
        for line in [
            "China Daily| Updated: July 20, 2018 L M S",
            "Pub Date:2018-07-20 10:58 Source:www.example.org",
            "send date:2018-07-20 17:28",
            "Update: 2018-07-20",
            "0 CommentsPrint E-mail Xinhua, July 20, 2018",
            "chinadaily2018-07-20 10:46:35",
            "09:00 UTC+8, 2018-07-20       0",
        ] {
            let text = format!("Cities sign a cooperation pact\n\n{line}\n\n{PARAGRAPH}");
            assert_eq!(published(&text), PartialDate::ymd(2018, 7, 20), "{line}");
        }
    }

    proptest::proptest! {
        /// Any text, however odd its lines, cleans without a panic and keeps its ranges on
        /// character boundaries.
        #[test]
        fn any_text_cleans(text in "(?s)(date |Home> |[0-9]{4}-[0-9]{2}-[0-9]{2} |“|丨|\\| |Updated: |\n|[a-zA-Z ,.]{0,12}|[一-龥]{0,3}){0,40}") {
            let cleaned = clean(&text, &Hints::default());
            for range in cleaned.paragraphs.iter().chain(cleaned.title_range.iter()) {
                proptest::prop_assert!(text.get(range.clone()).is_some());
            }
        }
    }

    /// A Chinese paragraph of news prose, as the body under a test's header.
    const ZH_PARAGRAPH: &str = "5月9日至10日,市委副书记、市长李世峰率黑河市政府代表团赴珠海市开展对口合作交流活动。10日,两市在珠海市召开对口合作工作座谈会,双方就推进两地对口合作进行深入交流。";

    #[test]
    fn chinese_headlines_under_column_names_and_reading_widgets() {
        for (header, title) in [
            (
                "新聞中心\n重磅!鹽城接軌上海媒體戰略合作協議在滬簽署",
                "重磅!鹽城接軌上海媒體戰略合作協議在滬簽署",
            ),
            (
                "本篇文章351字,读完约1分钟\n",
                "松江区与庄河市签署对口合作工作计划",
            ),
            (
                "跳转到路径导航栏\n跳转到正文内容\n\n谱写粤桂合作新篇\n\nhttp://www.sina.com.cn  2008年11月06日14:46  金羊网-羊城晚报",
                "谱写粤桂合作新篇",
            ),
            (
                "市財政五年累計援疆92.34億元 |\n公益中國 gy.china.com.cn 時間: 2015-06-12 責任編輯: 李艷娜 |",
                "市財政五年累計援疆92.34億元",
            ),
            (
                "刘荣山活动报道集

北京市丰台区党政代表团来十堰考察

深化交流合作 提升协作实效",
                "北京市丰台区党政代表团来十堰考察",
            ),
            (
                "正在阅读:黑河市政府代表团赴珠海开展对口合作交流",
                "黑河市政府代表团赴珠海开展对口合作交流",
            ),
            (
                "黑河市政府代表团赴珠海开展对口合作交流\n深化务实合作实现共赢发展 推动对口合作不断取得新成效\n李世峰 黄志豪参加活动",
                "黑河市政府代表团赴珠海开展对口合作交流",
            ),
            (
                "首 頁 資訊 熱點聚焦 海峽觀察 臺海人物 臺商臺企 在大陸 兩岸交流\n\n首頁>兩岸>資訊\n\n廈門金門同城生活圈多個項目簽約",
                "廈門金門同城生活圈多個項目簽約",
            ),
            // A headline run into its story's dateline on one line.
            (
                "粤澳合作联席会议签署8项协议 深化拓展两地合作 本报澳门1月11日电 (记者苏宁)粤澳合作联席会议今天在广州举行,澳门特区行政长官和广东省省长分率两地政府代表团签署8项合作协议和备忘录,内容涉及青年工作、食品安全、知识产权保护等领域。粤澳双方在会上就携手共建粤港澳大湾区、深化两地合作进行了交流,一致同意进一步完善合作机制,推动各领域合作走深走实。",
                "粤澳合作联席会议签署8项协议 深化拓展两地合作",
            ),
            // A slogan kicker above the headline; a "——" subtitle under it.
            (
                "相互尊重 平等协商 优势互补 互惠互利\n天水市政府与济南市政府签订战略合作协议",
                "天水市政府与济南市政府签订战略合作协议",
            ),
            (
                "相互尊重 平等協(xié)商 優(yōu)勢互補 互惠互利\n天水市政府與濟南市政府簽訂戰略合作協議",
                "天水市政府與濟南市政府簽訂戰略合作協議",
            ),
            (
                "粤黔携手 共谱新篇\n\n—— 广东省佛山市倾情帮扶黔东南开启东西部协作新征程",
                "粤黔携手 共谱新篇",
            ),
            // A read-aloud button between the headline and its date; an app's name under it.
            (
                "林克庆率广州市党政代表团赴贵州推进东西部协作工作\n• 听全文\n• 2022-07-28\n\n全面提升协作质量 推进乡村振兴开新局",
                "林克庆率广州市党政代表团赴贵州推进东西部协作工作",
            ),
            (
                "莞铜开展宣传文化东西部协作 助力高质量发展\ni东莞\n2021-09-07 14:24:14",
                "莞铜开展宣传文化东西部协作 助力高质量发展",
            ),
            // A trail of link texts, an e-paper's page name and a forum's notice are no headline.
            (
                "阜阳新闻网 首页 要闻 查看内容\n\n市领导赴苏州深化宣传文化项目合作对接",
                "市领导赴苏州深化宣传文化项目合作对接",
            ),
            (
                "第一版:要闻\n\n2025年09月19日\n2025年松江区·昭通市东西部协作联席会议举行",
                "2025年松江区·昭通市东西部协作联席会议举行",
            ),
            (
                "马上注册,结交更多好友,享用更多功能,让你轻松玩转社区。\nx\n遂潼签订宣传思想文化工作一体化发展协议",
                "遂潼签订宣传思想文化工作一体化发展协议",
            ),
            // A breadcrumb ending in a section name does not make it the headline.
            (
                "你現在的位置: 首頁 > 本局最新動態 > 區域合作\n\n區域合作\n\n本局武漢代表處正式啟動",
                "本局武漢代表處正式啟動",
            ),
            // A government notice's table names its headline "名称:"; a wire story's credit
            // carries it after "题:" and gives the page its day.
            (
                "索引号: 11440300589172269C/2025-00563\n名称: 深圳市大鹏新区与赣州市大余县签署结对合作框架协议\n主题词: 大余县;合作协议",
                "深圳市大鹏新区与赣州市大余县签署结对合作框架协议",
            ),
            (
                "资料图:贵州毕节威宁县早熟马铃薯大棚。 何欢 摄\n中新网贵阳12月9日电 题:粤黔构建协作新格局 山海携手共同富裕",
                "粤黔构建协作新格局 山海携手共同富裕",
            ),
            // "原标题:" names the original headline; the page's own headline wins.
            (
                "絲綢之路國際博覽會首日 江蘇集中簽約24個重點項目\n2022年08月15日07:49 | 來源:新華日報\n原標題:江蘇24個重點項目集中簽約",
                "絲綢之路國際博覽會首日 江蘇集中簽約24個重點項目",
            ),
        ] {
            let text =
                format!("{header}\n{ZH_PARAGRAPH}\n\n标题:松江区与庄河市签署对口合作工作计划\n");
            assert_eq!(
                clean(&text, &Hints::default()).meta.title,
                title,
                "{header}"
            );
        }
        // A breadcrumb under the headline; a trail that ends in the headline, with no other.
        let text = format!(
            "北京市数据库\n北京市数据库\n\n京冀五区市县提“一河一带”议案\n\n新闻报道 > 新闻报道   来源: 北京商报\n{ZH_PARAGRAPH}\n"
        );
        assert_eq!(
            clean(&text, &Hints::default()).meta.title,
            "京冀五区市县提“一河一带”议案"
        );
        let text = format!(
            "兰溪市论坛\n\n首页 » 问答 » 常识 » 兰溪略阳媒体协作成效显著浙江记协专程看\n{ZH_PARAGRAPH}\n"
        );
        assert_eq!(
            clean(&text, &Hints::default()).meta.title,
            "兰溪略阳媒体协作成效显著浙江记协专程看"
        );
        // A page that opens with its story names its headline only in a "(原标题:…)" line.
        let text = format!("{ZH_PARAGRAPH}\n(原标题:市政府与省国贸集团签订战略合作协议)\n");
        assert_eq!(
            clean(&text, &Hints::default()).meta.title,
            "市政府与省国贸集团签订战略合作协议"
        );
    }

    #[test]
    fn chinese_page_dates_and_datelines() {
        for (header, date) in [
            (
                "新一轮对口援疆已投入援助资金153亿元\n\nhttp://msn.finance.sina.com.cn 2012-02-29 14:53 来源: 商务部网站",
                PartialDate::ymd(2012, 2, 29),
            ),
            (
                "2024年05月02日 星期四\n\n去年九成对口援疆资金用于民生\n\n  • 发布时间:2015-02-09 05:26:41  来源:经济日报  作者:佚名",
                PartialDate::ymd(2015, 2, 9),
            ),
            (
                "广西壮族自治区党政代表团来深考察交流\n\n信息来源:深圳特区报 信息提供日期:2025-02-17 12:13 【字体: 视力保护色:",
                PartialDate::ymd(2025, 2, 17),
            ),
            (
                "政務司司長與深圳市市長共同主持深港合作會議\n2023-02-23 08:38:56香港特別行政區政府政務司司長陳國基今日與深圳市市長覃偉中在香港共同主持深港合作會議。",
                PartialDate::ymd(2023, 2, 23),
            ),
            (
                "台海网3月10日讯(海峡导报记者 邬眉)昨日,海峡导报社与厦门市龙岩商会正式签订战略合作框架协议。",
                PartialDate::month_day(3, 10),
            ),
        ] {
            let text = format!("{header}\n{ZH_PARAGRAPH}\n");
            assert_eq!(published(&text), date, "{header}");
        }
    }
}
