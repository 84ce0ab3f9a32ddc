//! A document's text, held in memory or set aside.
//!
//! A library of 100,000 articles would hold hundreds of megabytes of text that nobody reads at
//! once. Once the library can read an article's text again (from its library index entry or
//! its file), it sets the text aside and keeps only the evidence sentences of its events:
//! what the desk's filters, keys and exports quote. The text is read back when the article is
//! shown (`state::library` asks `ingest::texts` for it in the background).

use std::ops::Range;
use std::sync::Arc;

use super::Extraction;

/// The whole text of a document: what was decoded, and the clean body cut from it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HeldText {
    /// The whole decoded text; for HTML, the page converted to text with its clutter.
    pub original: String,
    /// The article body without site clutter, headline or metadata lines.
    pub body: String,
}

/// A document's text: held, or set aside with only its evidence sentences kept.
#[derive(Clone, Debug)]
pub enum Text {
    /// In memory: as read, or read back to be shown.
    Held(Arc<HeldText>),
    /// Set aside: the library can read it again when it is shown.
    SetAside(Arc<Excerpts>),
}

impl Text {
    /// Text held in memory.
    pub fn held(original: String, body: String) -> Self {
        Self::Held(Arc::new(HeldText { original, body }))
    }

    /// The whole text, if held.
    pub fn whole(&self) -> Option<&Arc<HeldText>> {
        match self {
            Self::Held(text) => Some(text),
            Self::SetAside(_) => None,
        }
    }

    /// The body where evidence ranges point: the whole body, or the sentences kept of it.
    pub fn evidence(&self) -> BodyRef<'_> {
        match self {
            Self::Held(text) => BodyRef::Whole(&text.body),
            Self::SetAside(excerpts) => BodyRef::Excerpts(excerpts),
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Self::held(String::new(), String::new())
    }
}

/// Passages of a body kept while the rest is set aside, by their byte ranges in it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Excerpts {
    /// Disjoint ranges in body order, each with its text.
    spans: Vec<(Range<usize>, Box<str>)>,
}

impl Excerpts {
    /// The evidence sentences of `extraction`'s events, cut from `body`.
    pub fn of_evidence(body: &str, extraction: &Extraction) -> Self {
        let ranges = extraction
            .events
            .iter()
            .flat_map(|event| event.evidence.iter().cloned());
        Self::of_ranges(body, ranges)
    }

    /// The passages of `body` at `ranges` (overlapping ones joined; those that do not fit the
    /// body left out).
    pub fn of_ranges(body: &str, ranges: impl IntoIterator<Item = Range<usize>>) -> Self {
        let mut ranges: Vec<Range<usize>> = ranges
            .into_iter()
            .filter(|range| body.get(range.clone()).is_some())
            .collect();
        ranges.sort_by_key(|range| (range.start, range.end));
        let mut joined: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match joined.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => joined.push(range),
            }
        }
        let spans = joined
            .into_iter()
            .filter_map(|range| Some((range.clone(), body.get(range)?.into())))
            .collect();
        Self { spans }
    }

    /// The text at `range` of the body, if a kept passage holds all of it.
    pub fn get(&self, range: Range<usize>) -> Option<&str> {
        let index = self.spans.partition_point(|(span, _)| span.end < range.end);
        let (span, text) = self.spans.get(index)?;
        if range.start < span.start || range.end > span.end {
            return None;
        }
        text.get(range.start - span.start..range.end - span.start)
    }

    /// Bytes of text kept.
    pub fn len(&self) -> usize {
        self.spans.iter().map(|(_, text)| text.len()).sum()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// Where evidence ranges are read: a whole body, or the passages kept of a set-aside one.
#[derive(Clone, Copy, Debug)]
pub enum BodyRef<'a> {
    /// The whole body.
    Whole(&'a str),
    /// The passages kept.
    Excerpts(&'a Excerpts),
}

impl<'a> BodyRef<'a> {
    /// The text at `range`, if the body (or a kept passage) holds it.
    pub fn get(self, range: Range<usize>) -> Option<&'a str> {
        match self {
            Self::Whole(body) => body.get(range),
            Self::Excerpts(excerpts) => excerpts.get(range),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_passages_answer_for_ranges_inside_them_only() {
        let body = "One sentence. Two sentence. Three sentence.";
        let excerpts = Excerpts::of_ranges(body, [14..27, 0..13, 20..27, 90..95]);
        assert_eq!(excerpts.get(14..27), Some("Two sentence."));
        assert_eq!(excerpts.get(0..13), Some("One sentence."));
        assert_eq!(excerpts.get(18..27), Some("sentence."));
        assert_eq!(excerpts.get(28..43), None);
        assert_eq!(excerpts.get(10..16), None);
        assert_eq!(excerpts.len(), 26);
    }

    #[test]
    fn overlapping_ranges_are_kept_once() {
        let body = "abcdefghij";
        let excerpts = Excerpts::of_ranges(body, [2..6, 4..8]);
        assert_eq!(excerpts.get(2..8), Some("cdefgh"));
        assert_eq!(excerpts.get(3..5), Some("de"));
        assert_eq!(excerpts.len(), 6);
    }

    #[test]
    fn a_held_text_answers_for_any_range() {
        let text = Text::held("raw".to_owned(), "body text".to_owned());
        assert_eq!(text.evidence().get(5..9), Some("text"));
        assert!(text.whole().is_some());
    }
}
