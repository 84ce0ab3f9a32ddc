//! A search hit and its snippet: where a word occurs in an article's body, with a line of
//! context to read it in. The search index (`desk::fulltext`) makes one per matching article
//! from the body it stores.

use std::ops::Range;

use crate::model::DocumentId;

/// Characters of context kept on each side of a hit.
pub const SNIPPET_CONTEXT_CHARS: usize = 40;

/// Marks a snippet cut short at either end.
const ELLIPSIS: &str = "…";

/// One occurrence of a word of the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The document it is in.
    pub document_id: DocumentId,
    /// Byte range in the document's body (`Document::body`).
    pub range: Range<usize>,
    /// The hit with up to [`SNIPPET_CONTEXT_CHARS`] characters either side, on one line (line
    /// breaks and tabs become spaces), with "…" where the body goes on.
    pub snippet: String,
    /// Byte range of the hit within [`Self::snippet`], for highlighting.
    pub snippet_hit: Range<usize>,
}

impl Hit {
    /// The hit at `range` of `body` (the body of `document_id`), with its one-line snippet.
    pub fn at(document_id: DocumentId, body: &str, range: Range<usize>) -> Self {
        let start = context_start(body, range.start);
        let end = context_end(body, range.end);
        let mut snippet = String::with_capacity(end - start + 2 * ELLIPSIS.len());
        if start > 0 {
            snippet.push_str(ELLIPSIS);
        }
        let hit_start = snippet.len() + (range.start - start);
        let hit_end = snippet.len() + (range.end - start);
        // Replacing one-byte characters by a one-byte space keeps the hit's offsets valid.
        snippet.extend(body.get(start..end).unwrap_or_default().chars().map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        }));
        if end < body.len() {
            snippet.push_str(ELLIPSIS);
        }
        Self {
            document_id,
            range,
            snippet,
            snippet_hit: hit_start..hit_end,
        }
    }
}

/// The byte where the context before `at` starts: up to [`SNIPPET_CONTEXT_CHARS`] characters
/// back, always on a character boundary.
fn context_start(body: &str, at: usize) -> usize {
    body.get(..at)
        .and_then(|before| {
            before
                .char_indices()
                .rev()
                .nth(SNIPPET_CONTEXT_CHARS - 1)
                .map(|(index, _)| index)
        })
        .unwrap_or(0)
}

/// The byte where the context after `at` ends.
fn context_end(body: &str, at: usize) -> usize {
    body.get(at..)
        .and_then(|after| {
            after
                .char_indices()
                .nth(SNIPPET_CONTEXT_CHARS)
                .map(|(index, _)| at + index)
        })
        .unwrap_or(body.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::needle::Needle;

    /// Every hit of `query` in `body`, as the search index makes them.
    fn hits(body: &str, query: &str) -> Vec<Hit> {
        let id = DocumentId::of_text(body);
        let Some(needle) = Needle::new(query) else {
            return Vec::new();
        };
        needle
            .find_iter(body)
            .map(|range| Hit::at(id, body, range))
            .collect()
    }

    #[test]
    fn chinese_snippets_are_cut_on_character_boundaries() {
        let body = format!(
            "{}南京市江宁区与成都市签署合作协议。\n\n{}",
            "长江三角洲区域一体化发展".repeat(5),
            "双方将在人工智能领域开展合作".repeat(5)
        );
        let found = hits(&body, "江宁");
        assert_eq!(found.len(), 1);
        let hit = &found[0];
        assert_eq!(&body[hit.range.clone()], "江宁");
        assert_eq!(&hit.snippet[hit.snippet_hit.clone()], "江宁");
        assert!(hit.snippet.starts_with('…') && hit.snippet.ends_with('…'));
        assert!(!hit.snippet.contains('\n'));
        // 40 characters each side, the hit, two ellipses.
        assert_eq!(hit.snippet.chars().count(), 40 + 2 + 40 + 2);
    }

    #[test]
    fn every_chinese_hit_has_a_valid_snippet() {
        let body = "合作".repeat(100);
        let found = hits(&body, "作合");
        assert_eq!(found.len(), 99);
        for hit in &found {
            assert_eq!(&hit.snippet[hit.snippet_hit.clone()], "作合");
        }
    }

    #[test]
    fn a_short_body_is_its_own_snippet_and_a_hit_at_the_start_marks_nothing() {
        let found = hits("Nanjing met NANJING.", "nanjing");
        assert_eq!(found[1].snippet, "Nanjing met NANJING.");
        assert_eq!(found[1].snippet_hit, 12..19);
        let start = Hit::at(DocumentId(1), "Short text", 0..0);
        assert_eq!(start.snippet, "Short text");
        assert_eq!(start.snippet_hit, 0..0);
    }
}
