//! Re-attaching a quoted passage to a document's clean body after it was read again.
//!
//! A passage note stores the quote and its byte offsets. The body may change under it: a
//! changed clutter rule drops or keeps a line, and every offset after it shifts. The quote is
//! what the user meant, the offsets only which occurrence: so the quote is looked for first
//! where it was, then at the occurrence nearest the old place, then with whitespace allowed to
//! differ (lines rewrapped or joined). When none of that finds it, the note says so instead of
//! pointing at the wrong words.

use std::ops::Range;

use super::model::Passage;

/// Where a passage is in the body now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anchoring {
    /// The quote is still at its stored offsets.
    Exact(Range<usize>),
    /// The quote was found elsewhere (the occurrence nearest the old start), or with different
    /// whitespace; the stored offsets are out of date.
    Moved(Range<usize>),
    /// The quote is no longer in the body.
    Lost,
}

impl Anchoring {
    /// The byte range in the body, unless lost.
    pub fn range(&self) -> Option<Range<usize>> {
        match self {
            Self::Exact(range) | Self::Moved(range) => Some(range.clone()),
            Self::Lost => None,
        }
    }
}

/// Finds `passage` in `body`. Never panics, whatever the stored offsets: out of range or inside
/// a character, they simply do not match.
pub fn anchor(body: &str, passage: &Passage) -> Anchoring {
    let quote = passage.quote.as_str();
    if quote.trim().is_empty() {
        return Anchoring::Lost;
    }
    let stored = passage.start_byte..passage.end_byte;
    if body.get(stored.clone()) == Some(quote) {
        return Anchoring::Exact(stored);
    }
    let exact = body
        .match_indices(quote)
        .map(|(start, found)| start..start + found.len());
    if let Some(range) = nearest(exact, passage.start_byte) {
        return Anchoring::Moved(range);
    }
    match nearest(loose_matches(body, quote).into_iter(), passage.start_byte) {
        Some(range) => Anchoring::Moved(range),
        None => Anchoring::Lost,
    }
}

/// The range starting nearest `start` (the earlier one on a tie).
fn nearest(ranges: impl Iterator<Item = Range<usize>>, start: usize) -> Option<Range<usize>> {
    ranges.min_by_key(|range| range.start.abs_diff(start))
}

/// Occurrences of `quote`'s words in order with any whitespace between them (at least one
/// whitespace character wherever the quote has some).
fn loose_matches(body: &str, quote: &str) -> Vec<Range<usize>> {
    let words: Vec<String> = quote.split_whitespace().map(regex::escape).collect();
    match regex::Regex::new(&words.join(r"\s+")) {
        Ok(regex) => regex.find_iter(body).map(|found| found.range()).collect(),
        // Only a quote too long for the regex engine's size limit gets here: not found.
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocumentId;

    fn passage(quote: &str, start_byte: usize, end_byte: usize) -> Passage {
        Passage {
            document: DocumentId(1),
            quote: quote.to_owned(),
            start_byte,
            end_byte,
        }
    }

    const BODY: &str = "南京与徐州签署合作协议。\n\n双方将在港口、物流领域合作。港口建设是重点。";

    #[test]
    fn a_quote_still_at_its_offsets_is_exact() {
        let start = BODY.find("港口").unwrap();
        let quote = passage("港口", start, start + 6);
        assert_eq!(anchor(BODY, &quote), Anchoring::Exact(start..start + 6));
    }

    #[test]
    fn a_shifted_quote_moves_to_the_nearest_occurrence() {
        let shifted = format!("首页\n\n{BODY}");
        let second = BODY.rfind("港口").unwrap();
        // Stored at the second occurrence; the body gained 8 bytes in front.
        let quote = passage("港口", second, second + 6);
        let now = shifted.rfind("港口").unwrap();
        assert_eq!(anchor(&shifted, &quote), Anchoring::Moved(now..now + 6));
    }

    #[test]
    fn offsets_out_of_range_or_inside_a_character_never_panic() {
        for (start, end) in [
            (1, 4),
            (4, 1),
            (0, 10_000),
            (usize::MAX - 1, usize::MAX),
            (2, 2),
        ] {
            let quote = passage("徐州", start, end);
            let found = BODY.find("徐州").unwrap();
            assert_eq!(
                anchor(BODY, &quote),
                Anchoring::Moved(found..found + 6),
                "{start}..{end}"
            );
        }
    }

    #[test]
    fn rewrapped_whitespace_still_finds_the_quote() {
        let body = "The two cities signed\nan agreement on ports.";
        let quote = passage("cities signed an  agreement", 8, 35);
        assert_eq!(anchor(body, &quote), Anchoring::Moved(8..34));
    }

    #[test]
    fn a_quote_no_longer_there_is_lost() {
        assert_eq!(anchor(BODY, &passage("上海", 0, 6)), Anchoring::Lost);
        assert_eq!(anchor(BODY, &passage("", 0, 0)), Anchoring::Lost);
        assert_eq!(anchor(BODY, &passage(" \n", 0, 2)), Anchoring::Lost);
        assert_eq!(anchor("", &passage("港口", 0, 6)), Anchoring::Lost);
    }

    #[test]
    fn regex_characters_in_a_quote_are_literal() {
        let body = "Growth (about 5.2%) was [reported] in a.b.";
        let quote = passage("(about 5.2%)  was [reported]", 0, 0);
        assert_eq!(anchor(body, &quote), Anchoring::Moved(7..34));
        assert_eq!(anchor(body, &passage("a*b", 0, 0)), Anchoring::Lost);
    }
}
