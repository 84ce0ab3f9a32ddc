//! A query string compiled once for case-insensitive substring search, shared by the filter's
//! text box and full-text search.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

/// What the user typed, ready to look for: ASCII letters match either case; Chinese matches in
/// either script (江宁 finds 江寧 and 江寧 finds 江宁); everything else matches as written.
/// UTF-8 never matches inside a character, so every hit starts and ends on a character
/// boundary.
#[derive(Clone, Debug)]
pub struct Needle {
    lower: Vec<u8>,
    /// A single-pattern automaton with a vectorised prefilter; `None` only if building it failed,
    /// in which case a plain byte scan does the same job more slowly.
    matcher: Option<AhoCorasick>,
}

impl Needle {
    /// The needle for `query`, or `None` when it is only white space (nothing to look for).
    pub fn new(query: &str) -> Option<Self> {
        let query = query.trim();
        if query.is_empty() {
            return None;
        }
        let matcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(script_forms(query))
            .ok();
        Some(Self {
            lower: query.to_ascii_lowercase().into_bytes(),
            matcher,
        })
    }

    /// Whether `haystack` contains the needle.
    pub fn is_in(&self, haystack: &str) -> bool {
        match &self.matcher {
            Some(matcher) => matcher.is_match(haystack),
            None => self.scan(haystack, 0).is_some(),
        }
    }

    /// Every non-overlapping occurrence in `haystack`, as byte ranges, left to right.
    pub fn find_iter<'h>(&'h self, haystack: &'h str) -> impl Iterator<Item = Range<usize>> + 'h {
        let mut from = 0;
        let mut matches = self
            .matcher
            .as_ref()
            .map(|matcher| matcher.find_iter(haystack));
        std::iter::from_fn(move || match matches.as_mut() {
            Some(matches) => matches.next().map(|found| found.range()),
            None => {
                let found = self.scan(haystack, from)?;
                from = found.end;
                Some(found)
            }
        })
    }

    /// The fallback: the first occurrence at or after `from`.
    fn scan(&self, haystack: &str, from: usize) -> Option<Range<usize>> {
        let bytes = haystack.as_bytes().get(from..)?;
        let at = bytes
            .windows(self.lower.len())
            .position(|window| window.eq_ignore_ascii_case(&self.lower))?;
        Some(from + at..from + at + self.lower.len())
    }
}

/// The query and its simplified and traditional forms (mainland, Taiwan and Hong Kong
/// conventions), each once, the query first.
fn script_forms(query: &str) -> Vec<String> {
    let mut forms = vec![query.to_owned()];
    if query.is_ascii() {
        return forms;
    }
    for form in [
        hanconv::t2s(query),
        hanconv::s2t(query),
        hanconv::s2tw(query),
        hanconv::s2hk(query),
    ] {
        if !form.is_empty() && !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ascii_in_either_case_and_chinese_as_written() {
        let needle = Needle::new(" nanjing ").unwrap();
        assert!(needle.is_in("Visit to NANJING"));
        let needle = Needle::new("南京").unwrap();
        let text = "江苏省南京市与南京";
        let found: Vec<_> = needle.find_iter(text).collect();
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].clone()], "南京");
        assert!(Needle::new("  ").is_none());
        // Either script finds the other.
        assert!(Needle::new("江宁").unwrap().is_in("南京市江寧區"));
        assert!(Needle::new("江寧").unwrap().is_in("南京市江宁区"));
    }

    #[test]
    fn the_fallback_scan_finds_the_same_ranges() {
        let mut needle = Needle::new("ab").unwrap();
        needle.matcher = None;
        let found: Vec<_> = needle.find_iter("xAbyaBab").collect();
        assert_eq!(found, [1..3, 4..6, 6..8]);
        assert!(needle.is_in("--AB"));
    }
}
