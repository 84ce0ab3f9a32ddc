//! Sentence and clause boundaries, knowing the abbreviations of this genre ("Co., Ltd.", "Mr.").

use std::ops::Range;

/// Words ending in a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Ms", "Mrs", "Dr", "Prof", "Co", "Ltd", "Inc", "Corp", "No", "St", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "etc", "e.g", "i.e",
    "U.S", "U.K",
];

/// The bytes that may begin a sentence mark, as a table: one load per byte of the text
/// instead of seven comparisons.
const MAY_MARK: [bool; 256] = {
    let mut table = [false; 256];
    let marks = [b'\n', b'.', b';', b'!', b'?', 0xE3, 0xEF];
    let mut at = 0;
    while at < marks.len() {
        table[marks[at] as usize] = true;
        at += 1;
    }
    table
};

/// Splits text into sentences and semicolon clauses (Chinese-English translations often join
/// independent sentences with ";"). Ranges are trimmed.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // Only the bytes that can start a mark are looked at: ASCII punctuation, and the lead byte
    // of the full-width marks (U+3002 。 and U+FF01/1B/1F ！；？).
    for (index, &byte) in bytes.iter().enumerate() {
        if !MAY_MARK[usize::from(byte)] || index < start {
            continue;
        }
        let Some(c) = text.get(index..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let end = index + c.len_utf8();
        let boundary = match c {
            '\n' => !wraps(bytes, index),
            '。' | '！' | '？' | '；' => true,
            ';' | '!' | '?' => next_is_space_or_end(bytes, end),
            '.' => next_is_space_or_end(bytes, end) && !is_abbreviation(&text[start..index]),
            _ => false,
        };
        if boundary {
            push_trimmed(text, start..end, &mut ranges);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut ranges);
    ranges
}

/// A line break inside a sentence, as pages with hard-wrapped text have ("the Fifth Session
/// of\nChongqing-Sichuan … Joint Meeting was held"): one newline (not a blank line) after a
/// comma or a small word that cannot end a sentence or a heading, before a letter.
fn wraps(bytes: &[u8], newline: usize) -> bool {
    let head = bytes[..newline].trim_ascii_end();
    let after = bytes[newline + 1..]
        .iter()
        .find(|byte| !matches!(byte, b' ' | b'\t'));
    if !after.is_some_and(|&byte| byte.is_ascii_alphabetic()) {
        return false;
    }
    if head.ends_with(b",") {
        return true;
    }
    let word_start = head
        .iter()
        .rposition(|byte| !byte.is_ascii_alphabetic())
        .map_or(0, |at| at + 1);
    let word = &head[word_start..];
    const SMALL_WORDS: &[&[u8]] = &[
        b"of", b"the", b"and", b"in", b"on", b"for", b"to", b"with", b"a", b"an", b"at", b"by",
        b"from", b"between", b"its", b"their",
    ];
    SMALL_WORDS.contains(&word)
}

fn next_is_space_or_end(bytes: &[u8], at: usize) -> bool {
    bytes
        .get(at)
        .is_none_or(|b| b.is_ascii_whitespace() || *b == b'"')
}

/// Whether the word before a full stop is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    let word = word.trim_start_matches(['(', '"', '“']);
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

fn push_trimmed(text: &str, range: Range<usize>, ranges: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let leading = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = range.start + leading;
        ranges.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_and_clauses_but_not_abbreviations() {
        let text = "Chongqing Yuelai Investment Group Co., Ltd. and Mr. Zou signed. During the event, A signed; The three zones signed.\nNext";
        let parts: Vec<&str> = split(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            [
                "Chongqing Yuelai Investment Group Co., Ltd. and Mr. Zou signed.",
                "During the event, A signed;",
                "The three zones signed.",
                "Next"
            ]
        );
    }

    #[test]
    fn a_wrapped_line_does_not_end_a_sentence() {
        let text = "On June 29, the Fifth Session of\nChongqing-Sichuan Joint Meeting was held.\nNext line\n\nnew paragraph";
        let parts: Vec<&str> = split(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            [
                "On June 29, the Fifth Session of\nChongqing-Sichuan Joint Meeting was held.",
                "Next line",
                "new paragraph"
            ]
        );
    }
}
