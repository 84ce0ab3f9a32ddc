//! Organisation names: companies and outlets ("Chongqing Yuelai Investment Group Co., Ltd.",
//! "Nanjing Daily"), which can be parties to an event and whose place words are not places.
//!
//! Government bodies ("Jiangning District Party Committee") are not collected here: they act
//! for the place they name, so the place mention itself stands for them.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::pattern::{Phrases, compiled, windowed_matches, words_matcher};

/// An organisation named in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgSpan {
    /// Where, legal form included.
    pub range: Range<usize>,
    /// The shortest form that still names an organisation ("… Investment Group").
    pub name: String,
}

/// Nouns that end a company, institution or outlet name.
const COMPANY_HEADS: &str = r"Group|Company|Limited|Representative Office|Corporation|Corp\.|Co\.|Ltd\.?|Center|Centre|Bank|University|Institute|Association|Chamber|Exchange|Daily|News|Times|Post|Television|TV|Radio|Press|Hospital|Laboratory|Holdings|Fund|Airlines";

/// Words that open a person's role, not an organisation ("Executive Vice President of …").
const ROLE_WORDS: &[&str] = &[
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
    "Executive",
    "Vice",
    "President",
    "Director",
    "Secretary",
    "Chairman",
    "Chairwoman",
    "Deputy",
    "Mayor",
    "General",
    "Manager",
    "Head",
    "Chief",
    "Party",
    "Governor",
    "Member",
    "Standing",
];

static COMPANY: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"[A-Z][A-Za-z0-9'’.-]*";
    compiled(&format!(
        r"(?-u:\b){word}(?:\s+(?:{word}|&|of|and|for))*?\s+(?:{COMPANY_HEADS})(?:,?\s*Co\.)?(?:,?\s*(?:Ltd\.?|LTD\.?|Limited|Inc\.))?"
    ))
});

/// The head nouns of company names, as written.
static HEAD_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let heads: Vec<String> = COMPANY_HEADS
        .split('|')
        .map(|head| head.replace("\\.?", "").replace("\\.", "."))
        .collect();
    words_matcher(heads.iter().map(String::as_str), false)
});

/// How far before its head noun a company's name may start.
const NAME_BEFORE_HEAD: usize = 240;

/// How far after its head noun a company's legal form may reach (", Co., Ltd.").
const LEGAL_FORM_AFTER: usize = 32;

/// "Bank of Nanjing", "University of Shanghai": the head noun first.
static HEAD_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:Bank|University|Port|Institute|Academy) of (?:the )?[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?",
    )
});

/// "30 enterprises, including Bank of Nanjing, Suning and …": a list of companies; the names
/// in it are companies even when they sound like places.
///
/// Matched from each whole-word collective noun (found in their usual spellings in one Aho-Corasick pass)
/// and anchored there: a case-insensitive expression alone has no literal to skip ahead with.
static COMPANY_LIST: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)^(?:enterprises|companies|firms|corporations|brands)(?-u:\b)[^.;]{0,60}?(?-u:\b)(?:including|such as|like|namely)(?-u:\b)[^.;]*",
    )
});

static COLLECTIVE_NOUNS: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "enterprises",
        "companies",
        "firms",
        "corporations",
        "brands",
    ])
});

/// Spans of text that list companies.
pub fn company_lists(text: &str) -> Vec<Range<usize>> {
    let mut lists: Vec<Range<usize>> = Vec::new();
    for (noun, _) in COLLECTIVE_NOUNS.find_iter(text) {
        let start = noun.start;
        let after_word = text[..start]
            .bytes()
            .next_back()
            .is_some_and(|byte| byte.is_ascii_alphanumeric() || byte == b'_');
        if after_word || lists.last().is_some_and(|list| start < list.end) {
            continue;
        }
        if let Some(found) = COMPANY_LIST.find(&text[start..]) {
            lists.push(start..start + found.end());
        }
    }
    lists
}

/// Spans of a text that several stages need, found once.
#[derive(Clone, Debug, Default)]
pub struct Spans {
    /// Text in double quotes (titles of agreements and events).
    pub quoted: Vec<Range<usize>>,
    /// Lists of companies ("enterprises, including …").
    pub company_lists: Vec<Range<usize>>,
    /// Companies, institutions and outlets, in text order.
    pub companies: Vec<OrgSpan>,
    /// For each company, the furthest end of it and those before it: whether a range lies in
    /// a company (names may overlap) is then a binary search, not a scan of them all.
    companies_reach: Vec<usize>,
}

impl Spans {
    /// Finds the spans of `text`.
    pub fn of(text: &str) -> Self {
        let quoted = quoted_spans(text);
        let mut companies = find_companies(text, &quoted);
        // In text order: later stages find a sentence's companies by binary search.
        companies.sort_by_key(|org| org.range.start);
        let companies_reach = reach_of(&companies);
        Self {
            company_lists: company_lists(text),
            quoted,
            companies,
            companies_reach,
        }
    }

    /// Whether `range` lies within the name of a company, institution or outlet.
    pub fn in_company(&self, range: &Range<usize>) -> bool {
        let before = self
            .companies
            .partition_point(|org| org.range.start <= range.start);
        before
            .checked_sub(1)
            .and_then(|last| self.companies_reach.get(last))
            .is_some_and(|&reach| range.end <= reach)
    }

    /// Whether `range` lies in a company list.
    pub fn in_company_list(&self, range: &Range<usize>) -> bool {
        within_one(&self.company_lists, range)
    }

    /// Whether `range` lies inside quotes.
    pub fn in_quotes(&self, range: &Range<usize>) -> bool {
        within_one(&self.quoted, range)
    }

    /// The quoted spans that lie within `range` (found by binary search: quotes are disjoint
    /// and in text order, as `quoted` finds them).
    pub fn quoted_within(&self, range: &Range<usize>) -> &[Range<usize>] {
        let from = self.quoted.partition_point(|q| q.start < range.start);
        let to = self.quoted.partition_point(|q| q.start < range.end);
        let inside = self.quoted.get(from..to.max(from)).unwrap_or_default();
        let whole = inside.partition_point(|q| q.end <= range.end);
        &inside[..whole]
    }
}

/// For each company (in order of start), the furthest end among it and those before it.
fn reach_of(companies: &[OrgSpan]) -> Vec<usize> {
    companies
        .iter()
        .scan(0, |reach, org| {
            *reach = org.range.end.max(*reach);
            Some(*reach)
        })
        .collect()
}

/// Whether `range` lies within one of `spans` — disjoint and in text order, as quotes and
/// lists are found — by binary search: the question is asked for every mention and clause, and
/// a scan of every span of the page each time made a long page cost the square of its length.
fn within_one(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    let before = spans.partition_point(|span| span.start <= range.start);
    before
        .checked_sub(1)
        .and_then(|last| spans.get(last))
        .is_some_and(|span| range.end <= span.end)
}

/// Finds company-like organisations, outside the quoted titles given (disjoint and in text
/// order, as [`quoted_spans`] gives them).
pub fn find_companies(text: &str, quoted: &[Range<usize>]) -> Vec<OrgSpan> {
    let head_first = HEAD_FIRST.find_iter(text).map(|found| OrgSpan {
        range: found.range(),
        name: found.as_str().to_owned(),
    });
    // Every company name holds a head noun: the pattern runs only around them.
    let heads: Vec<Range<usize>> = HEAD_WORDS.find_iter(text).map(|m| m.range()).collect();
    windowed_matches(&COMPANY, text, &heads, NAME_BEFORE_HEAD, LEGAL_FORM_AFTER)
        .into_iter()
        .filter(|found| !within_one(quoted, found))
        // "the Zhejiang-Macao Trade and Exchange Conference": a name that goes on past its
        // head to a meeting's head names the meeting, not a company.
        .filter(|found| {
            !text[found.end..].strip_prefix(' ').is_some_and(|after| {
                after.starts_with(char::is_uppercase) && names_an_occasion(after)
            })
        })
        .filter_map(|found| {
            let (offset, name) = strip_roles(&text[found.clone()]);
            let name = shortest_name(name);
            (name.split_whitespace().count() >= 2).then(|| OrgSpan {
                range: found.start + offset..found.end,
                name,
            })
        })
        .chain(head_first)
        .collect()
}

/// Whether `after` goes on, through capitalised words and "and", to a meeting's head noun:
/// what stands before it then opens the meeting's name ("Hong Kong Innovation and Technology
/// Cooperation Promotion Conference" has Hong Kong as its party; "Trade and Exchange
/// Conference" holds no company).
pub fn names_an_occasion(after: &str) -> bool {
    const HEADS: &[&str] = &[
        "Conference",
        "Forum",
        "Meeting",
        "Summit",
        "Symposium",
        "Week",
        "Fair",
        "Expo",
    ];
    name_reaches(after, HEADS, 8)
}

/// Whether the capitalised words after a name (joined by "and", "of", "&"), within `words`
/// words, reach one of `heads`: the name opens a longer name of that kind. Words split at any
/// white space, so a name that ends its paragraph ("… Promotion Conference.\nThe …") still
/// ends at its head.
pub fn name_reaches(after: &str, heads: &[&str], words: usize) -> bool {
    after
        .split_whitespace()
        .take(words)
        .take_while(|word| {
            word.starts_with(|c: char| c.is_uppercase()) || matches!(*word, "and" | "of" | "&")
        })
        .any(|word| heads.contains(&word.trim_end_matches([',', '.', ';'])))
}

/// Drops a leading role ("Executive Vice President of ") and returns the remaining name with
/// its byte offset.
fn strip_roles(name: &str) -> (usize, &str) {
    let mut offset = 0;
    let mut rest = name;
    while let Some(word) = rest.split_whitespace().next() {
        if ROLE_WORDS.contains(&word) || word == "of" || word == "the" {
            let skip = rest.find(word).map_or(0, |at| at + word.len());
            let trimmed = rest[skip..].trim_start();
            offset += rest.len() - trimmed.len();
            rest = trimmed;
        } else {
            break;
        }
    }
    (offset, rest)
}

/// Removes legal forms as long as what remains still ends with an organisation noun:
/// "X Investment Group Co., Ltd." → "X Investment Group"; "X Exhibition Co., Ltd." →
/// "X Exhibition Co." (without "Co." it would no longer name a company).
fn shortest_name(name: &str) -> String {
    let mut name = name.trim().trim_end_matches(',').trim().to_owned();
    for legal in ["Ltd.", "Ltd", "LTD.", "LTD", "Limited", "Inc."] {
        if let Some(rest) = name.strip_suffix(legal) {
            name = rest.trim().trim_end_matches(',').trim().to_owned();
        }
    }
    if let Some(rest) = name.strip_suffix("Co.") {
        let rest = rest.trim().trim_end_matches(',').trim();
        let ends_with_head = rest.rsplit(' ').next().is_some_and(|last| {
            COMPANY_HEADS
                .split('|')
                .any(|head| head.replace('\\', "") == last)
        });
        if ends_with_head {
            name = rest.to_owned();
        }
    }
    name
}

/// Byte ranges inside double quotes (agreement and event titles). A quotation that runs over a
/// sentence's end is someone's words ("Mrs Lam said, “Hong Kong and Shenzhen have … Since the
/// establishment of …”"), not a title, and is left out.
pub fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = quoted(text);
    spans.retain(|span| {
        let quoted = &text[span.clone()];
        !is_speech(quoted) && !names_a_meeting_of_joined_places(quoted)
    });
    spans
}

/// "“牡丹江——大连经贸合作推介会”在大连市举行,两市签署…": a meeting named by the places it joins,
/// set in quotes, still names them as its sides (as it does without the quotes), unlike a
/// document's or a slogan's title.
/// So is "the \"Sichuan-Hong Kong–Macao Cooperation Week in Hong Kong: … Conference …\"": an
/// English occasion's name that joins capitalised names by a dash.
fn names_a_meeting_of_joined_places(quoted: &str) -> bool {
    let inner = quoted
        .trim_start_matches(['“', '"', '《'])
        .trim_end_matches(['”', '"', '》']);
    let joined = ["——", "—", "－", "–"]
        .iter()
        .any(|dash| inner.contains(dash));
    let meeting = ["会", "会议", "论坛", "峰会"]
        .iter()
        .any(|head| inner.ends_with(head));
    !quoted.starts_with('《') && ((joined && meeting) || ENGLISH_JOINED_MEETING.is_match(inner))
}

/// "Sichuan-Hong Kong", "Guangdong–Macao" in the name of a week, conference, forum or meeting.
static ENGLISH_JOINED_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*[-–]\s*[A-Z][a-z]+[^.]*(?-u:\b)(?:Week|Conference|Forum|Meeting|Symposium|Summit)(?-u:\b)",
    )
});

/// Whether quoted text holds a sentence's end inside it (a title never does).
fn is_speech(quoted: &str) -> bool {
    let inner = quoted
        .trim_start_matches(['“', '"', '《'])
        .trim_end_matches(['”', '"', '》']);
    inner.len() > MAX_TITLE_BYTES
        || inner.contains(['。', '！', '？'])
        || [". ", "! ", "? "].iter().any(|end| inner.contains(end))
}

/// A title in quotes is rarely longer than this (a long Chinese agreement title is ~60
/// characters).
const MAX_TITLE_BYTES: usize = 300;

fn quoted(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (index, mark) in text.match_indices(['“', '”', '"', '《', '》']) {
        let c = mark.chars().next().unwrap_or('"');
        match c {
            '“' | '《' => open = Some(index),
            '”' | '》' => {
                if let Some(start) = open.take() {
                    spans.push(start..index + c.len_utf8());
                }
            }
            '"' => match open.take() {
                Some(start) => spans.push(start..index + 1),
                None => open = Some(index),
            },
            _ => {}
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_is_in_a_company_when_any_company_name_holds_it() {
        let org = |range: Range<usize>| OrgSpan {
            name: String::new(),
            range,
        };
        let companies = vec![org(0..30), org(5..10), org(40..50)];
        let spans = Spans {
            companies_reach: reach_of(&companies),
            companies,
            ..Spans::default()
        };
        assert!(spans.in_company(&(12..20)));
        assert!(spans.in_company(&(6..9)));
        assert!(spans.in_company(&(40..50)));
        assert!(!spans.in_company(&(25..35)));
        assert!(!spans.in_company(&(31..33)));
        assert!(!Spans::default().in_company(&(0..1)));
        let text = "Chongqing Yuelai Investment Group Co., Ltd. signed with Wuxi.";
        let spans = Spans::of(text);
        assert!(spans.in_company(&(0..9)));
        assert!(!spans.in_company(&(56..60)));
    }

    #[test]
    fn a_range_is_within_quotes_only_when_one_quote_holds_all_of_it() {
        let text = "“甲乙”与“丙丁合作”签署";
        let spans = Spans::of(text);
        let first = spans.quoted[0].clone();
        let second = spans.quoted[1].clone();
        assert!(spans.in_quotes(&first));
        assert!(spans.in_quotes(&(second.start + 3..second.end - 3)));
        assert!(!spans.in_quotes(&(first.start..second.end)));
        assert!(!spans.in_quotes(&(first.end..second.start)));
        assert_eq!(
            spans.quoted_within(&(0..text.len())),
            &[first.clone(), second.clone()]
        );
        assert_eq!(spans.quoted_within(&(0..second.end - 1)), &[first]);
        assert!(
            spans
                .quoted_within(&(second.start + 1..text.len()))
                .is_empty()
        );
    }

    #[test]
    fn a_title_in_quotes_is_quoted_and_someone_s_words_are_not() {
        let title = "They signed the “Framework Agreement on Health Cooperation” today.";
        assert_eq!(quoted_spans(title).len(), 1);
        let speech = "Mrs Lam said, “Hong Kong and Shenzhen have a solid base. Since 2004, the two cities worked together.”";
        assert!(quoted_spans(speech).is_empty());
        // A meeting named by the places it joins names them, quoted or not.
        assert!(quoted_spans("“牡丹江——大连经贸合作推介会”在大连市举行").is_empty());
        assert_eq!(quoted_spans("签署《牡丹江—大连合作会议纪要》").len(), 1);
    }

    #[test]
    fn company_lists_run_from_a_collective_noun_to_the_clause_end() {
        let text = "Over 30 Enterprises, including Bank of Nanjing and Suning; subfirms such as X.";
        let lists = company_lists(text);
        assert_eq!(lists.len(), 1);
        assert_eq!(
            &text[lists[0].clone()],
            "Enterprises, including Bank of Nanjing and Suning"
        );
        assert!(company_lists("The firms signed. Cities such as Nanjing").is_empty());
    }

    #[test]
    fn finds_companies_and_keeps_the_shortest_name_that_is_still_a_company() {
        let text = "Chongqing Yuelai Investment Group Co., Ltd. and Sichuan Tianfu International Conference & Exhibition Co., Ltd. signed a cooperation agreement on the site.";
        let names: Vec<String> = find_companies(text, &quoted_spans(text))
            .into_iter()
            .map(|org| org.name)
            .collect();
        assert_eq!(
            names,
            [
                "Chongqing Yuelai Investment Group",
                "Sichuan Tianfu International Conference & Exhibition Co."
            ]
        );
    }

    #[test]
    fn a_role_is_not_part_of_the_organisation_and_quoted_titles_are_skipped() {
        let text = "Mr. Zou Shujun, Executive Vice President of National Technology Transfer Eastern Center, signed the \"Agreement for the Eastern Center Fenhu Branch Center\".";
        let names: Vec<String> = find_companies(text, &quoted_spans(text))
            .into_iter()
            .map(|org| org.name)
            .collect();
        assert_eq!(names, ["National Technology Transfer Eastern Center"]);
    }

    #[test]
    fn a_company_head_inside_a_meeting_s_name_is_no_company() {
        let text = "The Zhejiang-Macao Trade and Exchange Conference was held, and the Shanghai Stock Exchange signed.";
        let names: Vec<String> = find_companies(text, &[])
            .into_iter()
            .map(|org| org.name)
            .collect();
        assert_eq!(names, ["Shanghai Stock Exchange"]);
    }

    #[test]
    fn a_legal_form_in_capitals_ends_the_company_s_name() {
        let text =
            "Hebei Port Group Co., LTD and Tianjin Port Group Co., LTD recently signed a letter.";
        let names: Vec<String> = find_companies(text, &[])
            .into_iter()
            .map(|org| org.name)
            .collect();
        assert_eq!(names, ["Hebei Port Group", "Tianjin Port Group"]);
    }

    #[test]
    fn a_company_s_representative_office_is_an_organisation() {
        // The office in Beijing is the company's, not the city's.
        let text = "Hong Kong Exchanges and Clearing Limited and Shaanxi signed, by HKEX's Beijing Representative Office.";
        let names: Vec<String> = find_companies(text, &[])
            .into_iter()
            .map(|org| org.name)
            .collect();
        assert_eq!(
            names,
            ["Hong Kong Exchange", "HKEX's Beijing Representative Office"]
        );
    }

    #[test]
    fn outlets_are_organisations() {
        let names: Vec<String> = find_companies("Source: Nanjing Daily reported", &[])
            .into_iter()
            .map(|org| org.name)
            .collect();
        assert_eq!(names, ["Nanjing Daily"]);
    }
}
