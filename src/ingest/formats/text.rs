//! Text, Markdown and HTML files: bytes decoded once (declared charset, byte-order mark or
//! detection), and a `.txt` that holds a page's markup read as the page.

use super::{Markup, Unpacked};
use crate::ingest::{Decoded, decode, html};
use crate::model::{Format, ReadWarning, SkipReason};

/// Decodes a text file; its warnings say what could not be decoded.
pub fn read(bytes: &[u8], format: Format) -> Result<Vec<Unpacked>, SkipReason> {
    let declared = match format {
        Format::Html => html::declared_charset(bytes),
        _ => None,
    };
    let decoded = decode(bytes, declared)?;
    let warnings = decode_warnings(&decoded);
    // A text file that holds a page's markup ("<p class=…>…</p><p>…") is read as the page.
    let markup = match format {
        Format::Html => Markup::Html,
        Format::Markdown => Markup::Markdown,
        _ if holds_markup(&decoded.text) => Markup::Html,
        _ => Markup::Text,
    };
    let mut unpacked = Unpacked::new(decoded.text, markup, decoded.encoding);
    unpacked.warnings = warnings;
    Ok(vec![unpacked])
}

/// What went wrong decoding, though the text was read: for every reader that decodes bytes
/// (a web archive's page too), so a damaged file reads the same whatever holds it.
pub fn decode_warnings(decoded: &Decoded) -> Vec<ReadWarning> {
    let mut warnings = Vec::new();
    if !decoded.parts.is_empty() {
        warnings.push(ReadWarning::MixedEncodings {
            encodings: decoded.parts.clone(),
        });
    }
    if decoded.damaged_bytes > 0 {
        warnings.push(ReadWarning::UndecodableBytes {
            bytes: decoded.damaged_bytes,
            encoding: decoded.encoding,
        });
    }
    warnings
}

/// Whether a text file is markup: it opens with a page or paragraph tag and closes at least two
/// elements (a story quoting "<b>" once is still text).
pub fn holds_markup(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    let opens = [
        "<!doctype",
        "<html",
        "<p",
        "<div",
        "<section",
        "<article",
        "<body",
    ]
    .iter()
    .any(|tag| {
        head.strip_prefix(tag)
            .is_some_and(|rest| rest.starts_with([' ', '>', '\n']) || tag.starts_with("<!"))
    });
    opens
        && [
            "</p>",
            "</div>",
            "</section>",
            "</article>",
            "</body>",
            "</html>",
        ]
        .iter()
        .map(|tag| text.matches(tag).take(2).count())
        .sum::<usize>()
            >= 2
}
