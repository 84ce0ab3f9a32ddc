//! Built-in regular expressions, compiled once.
//!
//! Every pattern Accord uses is a constant of its source, exercised by that module's tests;
//! failing to compile one is a programming error caught by `cargo test`, never a property of
//! the user's data — which is why this one place may panic.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::ops::Range;

/// Compiles a built-in pattern.
pub fn compiled(pattern: &str) -> Regex {
    let regex =
        Regex::new(pattern).unwrap_or_else(|error| panic!("invalid built-in pattern: {error}"));
    #[cfg(test)]
    if let Ok(mut all) = COMPILED.lock() {
        all.push(regex.clone());
    }
    regex
}

/// The matches of `pattern` around its anchor words only: a pattern whose every match holds
/// one of a few words ("Tuesday", "July", "last") is run on short windows around them, not
/// byte by byte over the whole text. A match that touches a window's edge, where the text
/// around it could change the outcome, sends the pattern over the whole text instead, so the
/// matches are the same either way.
pub fn windowed_captures<'t>(
    pattern: &Regex,
    text: &'t str,
    anchors: &[Range<usize>],
    before: usize,
    after: usize,
) -> Vec<(usize, regex::Captures<'t>)> {
    let mut found = Vec::new();
    for window in windows(text, anchors, before, after) {
        for captures in pattern.captures_iter(&text[window.clone()]) {
            let Some(whole) = captures.get(0) else {
                continue;
            };
            if touches_edge(text, &window, whole.start(), whole.end()) {
                return pattern
                    .captures_iter(text)
                    .map(|captures| (0, captures))
                    .collect();
            }
            found.push((window.start, captures));
        }
    }
    found
}

/// The match ranges of `pattern` around its anchor words only, as `windowed_captures` finds
/// them, without the cost of capture groups.
pub fn windowed_matches(
    pattern: &Regex,
    text: &str,
    anchors: &[Range<usize>],
    before: usize,
    after: usize,
) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for window in windows(text, anchors, before, after) {
        for whole in pattern.find_iter(&text[window.clone()]) {
            if touches_edge(text, &window, whole.start(), whole.end()) {
                return pattern.find_iter(text).map(|m| m.range()).collect();
            }
            found.push(window.start + whole.start()..window.start + whole.end());
        }
    }
    found
}

/// The windows of `before` bytes before and `after` bytes after each anchor, merged where
/// they meet, on character boundaries.
fn windows(text: &str, anchors: &[Range<usize>], before: usize, after: usize) -> Vec<Range<usize>> {
    let mut windows: Vec<Range<usize>> = Vec::new();
    for anchor in anchors {
        let start = text.floor_char_boundary(anchor.start.saturating_sub(before));
        let end = text.ceil_char_boundary(anchor.end.saturating_add(after).min(text.len()));
        match windows.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ => windows.push(start..end),
        }
    }
    windows
}

/// Whether a match (offsets within `window`) touches an edge of the window that is not an
/// edge of the text, where the text beyond could change it.
fn touches_edge(text: &str, window: &Range<usize>, start: usize, end: usize) -> bool {
    (start == 0 && window.start > 0) || (end == window.len() && window.end < text.len())
}

/// A matcher of a few built-in words, in any ASCII case when `any_case`.
pub fn words_matcher<'w>(words: impl IntoIterator<Item = &'w str>, any_case: bool) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(any_case)
        .match_kind(MatchKind::LeftmostFirst)
        .build(words)
        .unwrap_or_else(|error| panic!("invalid built-in words: {error}"))
}

/// Every pattern compiled so far, for the profile below.
#[cfg(test)]
static COMPILED: std::sync::Mutex<Vec<Regex>> = std::sync::Mutex::new(Vec::new());

#[cfg(test)]
mod profile {
    use super::*;

    /// `cargo test --release --lib pattern::profile -- --ignored --nocapture`: the scanning
    /// cost of each built-in pattern over the seeds, slowest first.
    #[test]
    #[ignore]
    fn profile_patterns() {
        let texts: Vec<String> = crate::seeds::files()
            .into_iter()
            .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
            .collect();
        let gazetteer = crate::extract::Gazetteer::bundled();
        for text in &texts {
            let path = crate::model::DocPath {
                source: crate::model::SourceId(0),
                path: std::path::PathBuf::from("seed.txt"),
                relative: "seed.txt".to_owned(),
            };
            crate::ingest::read_document(text.as_bytes(), crate::model::Format::Text, path).ok();
            crate::extract::extract_text(text, None, gazetteer);
        }
        let all = COMPILED.lock().map(|all| all.clone()).unwrap_or_default();
        let megabytes = texts.iter().map(String::len).sum::<usize>() as f64 * 100.0 / 1e6;
        let mut costs: Vec<(f64, String)> = all
            .iter()
            .map(|regex| {
                let started = std::time::Instant::now();
                for _ in 0..100 {
                    for text in &texts {
                        std::hint::black_box(regex.find_iter(text).count());
                    }
                }
                (
                    started.elapsed().as_secs_f64() * 1e3 / megabytes,
                    regex.as_str().chars().take(110).collect(),
                )
            })
            .collect();
        costs.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (cost, pattern) in costs {
            eprintln!("{cost:6.2} ms/MB  {pattern}");
        }
    }
}

/// Fixed phrases as news writes them: in lower case, with the first word or every word
/// capitalised, or in capitals.
///
/// One case-sensitive Aho-Corasick matcher over those spellings: it can use its fast packed
/// searcher, where a case-insensitive one (or a case-insensitive regular expression, which has
/// no literal to skip ahead with) looks at every byte.
#[derive(Debug)]
pub struct Phrases {
    matcher: AhoCorasick,
    /// For each spelling, the phrase it spells.
    phrase_of: Vec<usize>,
}

impl Phrases {
    /// Builds the matcher; phrases are given in lower case. Longer phrases win at a position.
    pub fn new(phrases: &[&str]) -> Self {
        let mut spellings: Vec<String> = Vec::new();
        let mut phrase_of = Vec::new();
        for (index, phrase) in phrases.iter().enumerate() {
            let first = capitalised(phrase);
            let every = phrase
                .split(' ')
                .map(capitalised)
                .collect::<Vec<_>>()
                .join(" ");
            for spelling in [(*phrase).to_owned(), first, every, phrase.to_uppercase()] {
                if !spellings.contains(&spelling) {
                    spellings.push(spelling);
                    phrase_of.push(index);
                }
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&spellings)
            .unwrap_or_else(|error| panic!("invalid built-in phrases: {error}"));
        Self { matcher, phrase_of }
    }

    /// Non-overlapping occurrences, with the index of the phrase each spells.
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        self.matcher.find_iter(text).map(|found| {
            let phrase = self.phrase_of[found.pattern().as_usize()];
            (found.range(), phrase)
        })
    }

    /// Whether any phrase occurs.
    pub fn occurs_in(&self, text: &str) -> bool {
        self.matcher.is_match(text)
    }
}

/// The word with its first letter in capitals.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_the_usual_spellings_only() {
        let phrases = Phrases::new(&["this year", "today"]);
        let text = "this year, This year, This Year, THIS YEAR, tHIS yEAR, Today";
        let found: Vec<usize> = phrases.find_iter(text).map(|(_, phrase)| phrase).collect();
        assert_eq!(found, [0, 0, 0, 0, 1]);
    }

    #[test]
    fn windowed_matches_are_the_matches_of_the_whole_text() {
        let pattern = compiled(r"(?-u:\b)(?:in|late) (?:May|June)(?-u:\b)");
        let anchors = words_matcher(["May", "June"], false);
        for text in [
            "Signed in May and renewed late June, not in Mayor Li's office.",
            "in June",
            "xin May: a word before the window's edge",
            "",
        ] {
            let whole: Vec<Range<usize>> = pattern.find_iter(text).map(|m| m.range()).collect();
            let at: Vec<Range<usize>> = anchors.find_iter(text).map(|m| m.range()).collect();
            // Windows at least as wide as the words a match may have before its anchor.
            for before in [5, 6, 40] {
                assert_eq!(
                    windowed_matches(&pattern, text, &at, before, 2),
                    whole,
                    "{text:?} {before}"
                );
                let captured: Vec<Range<usize>> = windowed_captures(&pattern, text, &at, before, 2)
                    .into_iter()
                    .filter_map(|(offset, captures)| {
                        captures
                            .get(0)
                            .map(|m| offset + m.start()..offset + m.end())
                    })
                    .collect();
                assert_eq!(captured, whole, "{text:?} {before}");
            }
        }
    }
}
