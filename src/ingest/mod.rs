//! The document pipeline: folders and files in, documents and skip reports out.
//!
//! `walk` lists files (following links safely), `read` reads each within the size limit,
//! `decode` turns bytes into text once, `html` turns pages into text, `clean` separates the
//! article from clutter and reads its metadata. `worker` runs all of it on a background thread
//! with rayon and streams [`IngestEvent`]s to whoever listens (the app or the command line).
//! Each document read is also run through `extract`, so it arrives with its places, dates and
//! events. No egui here.

mod clean;
mod decode;
mod html;
mod lines;
mod meta;
mod read;
mod walk;
mod worker;

use std::path::Path;

pub use clean::{Cleaned, Hints, clean};

/// Each line of a page with the label the cleaner gives it ("Short  | Haikou joins hands…"):
/// for `examples/explain.rs`, when working on headline and page-date rules.
pub fn line_labels(text: &str) -> Vec<String> {
    lines::label(text)
        .iter()
        .filter(|line| line.label != lines::Label::Blank)
        .map(|line| format!("{:?} | {}", line.label, line.text))
        .collect()
}
pub use decode::{Decoded, decode};
pub use html::{HtmlText, html_to_text};
pub use meta::find_full_date;
pub use read::read_limited;
pub use walk::{Found, walk};
pub use worker::{IngestEvent, IngestJob, Root, ingest, spawn};

use crate::model::{
    BodySegment, DocPath, Document, DocumentId, Extraction, Format, ReadWarning, SkipReason,
};

/// Settings for a load.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Files larger than this are skipped with a reason instead of read.
    pub max_file_bytes: u64,
    /// Whether links to folders outside the opened folder are followed (by default they are
    /// reported, not followed).
    pub follow_outside_links: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: 20 * 1024 * 1024,
            follow_outside_links: false,
        }
    }
}

/// Whether a text file is markup: it opens with a page or paragraph tag and closes at least two
/// elements (a story quoting "<b>" once is still text).
fn holds_markup(text: &str) -> bool {
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

/// Turns one file's bytes into a document: decode, convert HTML, clean, read metadata.
///
/// A pure function of the bytes and the format; the path only names the result.
pub fn read_document(bytes: &[u8], format: Format, path: DocPath) -> Result<Document, SkipReason> {
    let declared = match format {
        Format::Html => html::declared_charset(bytes),
        Format::Text | Format::Markdown => None,
    };
    let decoded = decode(bytes, declared)?;
    let file_stem = Path::new(&path.relative)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut read_warnings = Vec::new();
    if !decoded.parts.is_empty() {
        read_warnings.push(ReadWarning::MixedEncodings {
            encodings: decoded.parts.clone(),
        });
    }
    if decoded.damaged_bytes > 0 {
        read_warnings.push(ReadWarning::UndecodableBytes {
            bytes: decoded.damaged_bytes,
            encoding: decoded.encoding,
        });
    }
    // A text file that holds a page's markup ("<p class=…>…</p><p>…") is read as the page.
    let format = match format {
        Format::Text if holds_markup(&decoded.text) => Format::Html,
        other => other,
    };
    let (original, html) = match format {
        Format::Html => {
            let html = html_to_text(&decoded.text);
            if let Some(depth) = html.flattened_from_depth {
                read_warnings.push(ReadWarning::NestingFlattened {
                    depth,
                    limit: html::MAX_NESTING,
                });
            }
            (html.text.clone(), Some(html))
        }
        Format::Text | Format::Markdown => (decoded.text, None),
    };
    if original.trim().is_empty() {
        // The file had text (decoding found some): what is left out is markup.
        return Err(SkipReason::NoText);
    }
    let hints = Hints {
        titles: html.as_ref().map_or(&[], |html| html.titles.as_slice()),
        published: html.as_ref().and_then(|html| html.published.as_deref()),
        source: html.as_ref().and_then(|html| html.source.as_deref()),
        author: html.as_ref().and_then(|html| html.author.as_deref()),
        file_stem: &file_stem,
        markdown: format == Format::Markdown,
    };
    let cleaned = clean(&original, &hints);
    let (body, segments) = join_paragraphs(&original, &cleaned.paragraphs);
    Ok(Document {
        id: DocumentId::of_text(&original),
        format,
        paths: vec![path],
        encoding: decoded.encoding,
        read_warnings,
        meta: cleaned.meta,
        original,
        body,
        segments,
        extraction: Extraction::default(),
    })
    .map(|mut document| {
        document.extraction = crate::extract::extract(&document);
        document
    })
}

/// Copies the body paragraphs out of the original, separated by blank lines, and records
/// where each came from.
fn join_paragraphs(
    original: &str,
    paragraphs: &[std::ops::Range<usize>],
) -> (String, Vec<BodySegment>) {
    let mut body = String::new();
    let mut segments = Vec::with_capacity(paragraphs.len());
    for range in paragraphs {
        let Some(text) = original.get(range.clone()) else {
            continue;
        };
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(text);
        segments.push(BodySegment {
            body: start..body.len(),
            original_start: range.start,
        });
    }
    (body, segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_file_of_markup_is_read_as_the_page_and_a_story_quoting_a_tag_is_not() {
        let page = "<p class=\"ql-block\">深港合作迈上新台阶</p><p class=\"ql-block\"><br></p><p>3月5日,深圳与香港签署合作协议。</p>";
        assert!(holds_markup(page));
        let path = DocPath {
            source: crate::model::SourceId(0),
            path: std::path::PathBuf::from("a.txt"),
            relative: "a.txt".to_owned(),
        };
        let document = read_document(page.as_bytes(), Format::Text, path);
        let body = document.map(|document| document.body).unwrap_or_default();
        assert!(!body.contains("<p"), "{body}");
        assert!(!holds_markup(
            "The <p> tag opens a paragraph.</p> So does </p> this."
        ));
        assert!(!holds_markup(
            "Nanjing and Suzhou signed an agreement on May 7."
        ));
    }
}
