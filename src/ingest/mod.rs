//! The document pipeline: folders and files in, documents and skip reports out.
//!
//! `walk` lists files (following links safely), `read` reads each within the size limit,
//! `decode` turns bytes into text once, `html` turns pages into text, `clean` separates the
//! article from clutter and reads its metadata. `worker` runs all of it on a background thread
//! with rayon and streams [`IngestEvent`]s to whoever listens (the app or the command line).
//! Each document read is also run through `extract`, so it arrives with its places, dates and
//! events. No egui here. `extraction_file` opens what `accord extract --jsonl` or `--json`
//! wrote as a source: its events as the file gives them, each article's text from its file.

mod clean;
mod decode;
mod extraction_file;
mod formats;
mod html;
pub mod index;
mod lines;
mod meta;
mod provenance;
mod read;
mod texts;
mod walk;
mod watch;
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
pub use extraction_file::is_extraction_path;
pub use html::{HtmlText, html_to_text};
pub use meta::find_full_date;
pub use read::read_limited;
pub use texts::{TextError, read_back};
pub use walk::{Found, format_of, walk};
pub use watch::{Watch, WatchError, watch};
pub use worker::{IngestEvent, IngestJob, Refresh, Root, ingest, read_file, read_text, spawn};

use crate::model::{
    BodySegment, Captured, DocPath, Document, DocumentId, Extraction, Format, Part, ReadWarning,
    SkipReason, Text,
};
pub use formats::{FileHints, Markup, Unpacked, unpack};

/// Settings for a load.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Files larger than this are skipped with a reason instead of read.
    pub max_file_bytes: u64,
    /// Whether links to folders outside the opened folder are followed (by default they are
    /// reported, not followed).
    pub follow_outside_links: bool,
    /// The library index to take unchanged files from and record new ones in (the app's; the
    /// command line reads every file).
    pub index: Option<std::sync::Arc<index::SharedIndex>>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: 20 * 1024 * 1024,
            follow_outside_links: false,
            index: None,
        }
    }
}

/// Turns one file's bytes into its documents (a feed holds many; every other format one):
/// the format's reader, then markup to text, cleaning, metadata and extraction.
///
/// A pure function of the bytes and the format; the path only names the results (a feed's
/// items as "feed.xml › item 3").
pub fn read_documents(
    bytes: &[u8],
    format: Format,
    path: DocPath,
) -> Result<Vec<Document>, SkipReason> {
    let unpacked = unpack(bytes, format)?;
    let many = unpacked.len() > 1;
    let mut documents = Vec::with_capacity(unpacked.len());
    let mut first_error = None;
    for text in unpacked {
        let mut path = path.clone();
        if let (true, Some(item)) = (many, &text.item) {
            path.relative = format!("{} › {item}", path.relative);
        }
        match document_of(text, format, path) {
            Ok(document) => documents.push(document),
            Err(reason) => {
                first_error.get_or_insert(reason);
            }
        }
    }
    match (documents.is_empty(), first_error) {
        (true, Some(reason)) => Err(reason),
        (true, None) => Err(SkipReason::NoText),
        (false, _) => Ok(documents),
    }
}

/// Reads a file that holds one document (text, a page, a PDF): the first of
/// [`read_documents`].
pub fn read_document(bytes: &[u8], format: Format, path: DocPath) -> Result<Document, SkipReason> {
    read_documents(bytes, format, path)
        .and_then(|documents| documents.into_iter().next().ok_or(SkipReason::NoText))
}

/// One unpacked text made a document: markup converted, cleaned, its metadata read, extracted.
fn document_of(unpacked: Unpacked, format: Format, path: DocPath) -> Result<Document, SkipReason> {
    let file_stem = Path::new(&path.relative)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut read_warnings = unpacked.warnings;
    let mut hints = unpacked.hints;
    let (original, html) = match unpacked.markup {
        Markup::Html => {
            let html = html_to_text(&unpacked.text);
            if let Some(depth) = html.flattened_from_depth {
                read_warnings.push(ReadWarning::NestingFlattened {
                    depth,
                    limit: html::MAX_NESTING,
                });
            }
            (html.text.clone(), Some(html))
        }
        Markup::Text | Markup::Markdown => (unpacked.text, None),
    };
    if original.trim().is_empty() {
        // The file had text (decoding found some): what is left out is markup.
        return Err(SkipReason::NoText);
    }
    if let Some(html) = html {
        // The file's own statements (a feed item's title, an archive's address) come first;
        // the page's markup fills in the rest.
        hints.titles.extend(html.titles);
        hints.published = hints.published.or(html.published);
        hints.source = hints.source.or(html.source);
        hints.author = hints.author.or(html.author);
        hints.url = hints.url.or(html.url);
        hints.captured = hints.captured.or(html.captured);
    }
    hints.titles.append(&mut hints.titles_after_page);
    let format = match (format, unpacked.markup) {
        (Format::Text, Markup::Html) => Format::Html,
        (other, _) => other,
    };
    let clean_hints = Hints {
        titles: &hints.titles,
        published: hints.published.as_deref(),
        source: hints.source.as_deref(),
        author: hints.author.as_deref(),
        file_stem: &file_stem,
        markdown: unpacked.markup == Markup::Markdown,
    };
    let cleaned = clean(&original, &clean_hints);
    let (body, segments) = join_paragraphs(&original, &cleaned.paragraphs);
    let mut meta = cleaned.meta;
    meta.url = hints.url.filter(|url| !url.trim().is_empty());
    meta.captured = hints
        .captured
        .as_deref()
        .and_then(find_full_date)
        .map(|date| Captured {
            date,
            from_file_time: false,
        });
    let parts = unpacked
        .parts
        .into_iter()
        .map(|(start, label)| Part { start, label })
        .collect();
    let mut document = Document {
        id: DocumentId::of_text(&original),
        format,
        paths: vec![path],
        encoding: unpacked.encoding,
        read_warnings,
        meta,
        text: Text::held(original, body),
        segments,
        parts,
        extraction: Extraction::default(),
    };
    document.extraction = crate::extract::extract(&document);
    Ok(document)
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

    /// A test file made by `tools/make_test_docs/archives.py`, read as a folder would read it.
    fn read_test_file(name: &str) -> Result<Vec<Document>, SkipReason> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/formats")
            .join(name);
        let bytes = std::fs::read(&path).unwrap();
        let format = format_of(&path).unwrap();
        let path = DocPath {
            source: crate::model::SourceId(0),
            path,
            relative: name.to_owned(),
        };
        read_documents(&bytes, format, path)
    }

    #[test]
    fn a_web_archive_gives_its_article_address_capture_day_and_events() {
        let documents = read_test_file("page.mhtml").unwrap();
        assert_eq!(documents.len(), 1);
        let document = &documents[0];
        assert_eq!(document.format, Format::Mhtml);
        assert_eq!(
            document.meta.url.as_deref(),
            Some(
                "https://news.example.com/regional/2024/03/05/jiangning-suzhou-industrial-transfer.html"
            )
        );
        let captured = document.meta.captured.unwrap();
        assert_eq!(
            captured.date,
            crate::model::PartialDate::ymd(2024, 3, 5).unwrap()
        );
        assert!(!captured.from_file_time);
        assert_eq!(
            document.meta.title,
            "Jiangning and Suzhou Industrial Park sign industrial transfer agreement"
        );
        assert!(
            document.body().unwrap().contains(
                "Suzhou Industrial Park signed a cooperation agreement on industrial transfer"
            ),
            "{}",
            document.body().unwrap()
        );
        assert!(
            !document.body().unwrap().contains("Home"),
            "{}",
            document.body().unwrap()
        );
        assert!(
            !document.extraction.events.is_empty(),
            "{:#?}",
            document.extraction
        );
    }

    #[test]
    fn a_chinese_web_archive_is_decoded_from_its_charset() {
        let documents = read_test_file("zh.mht").unwrap();
        let document = &documents[0];
        assert_eq!(document.encoding, "GBK");
        assert!(
            document
                .body()
                .unwrap()
                .contains("2024年3月5日，南京市江宁区与苏州工业园区签署战略合作协议。"),
            "{}",
            document.body().unwrap()
        );
        assert_eq!(
            document.meta.url.as_deref(),
            Some("http://www.example.cn/xwzx/2024/0305/zh.html")
        );
        assert_eq!(
            document.meta.captured.map(|captured| captured.date),
            crate::model::PartialDate::ymd(2024, 3, 6)
        );
        assert!(!document.extraction.events.is_empty());
    }

    #[test]
    fn a_damaged_web_archive_is_skipped_with_its_reason() {
        match read_test_file("damaged.mhtml") {
            Err(SkipReason::Damaged { format, detail }) => {
                assert_eq!(format, Format::Mhtml.name());
                assert!(detail.contains("no parts"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn saved_pages_say_where_they_came_from() {
        let single_file = read_test_file("singlefile.html").unwrap();
        assert_eq!(
            single_file[0].meta.url.as_deref(),
            Some("https://www.example.org/news/2024/03/07/wuxi-changzhou-cooperation.html")
        );
        assert_eq!(
            single_file[0].meta.captured.map(|captured| captured.date),
            crate::model::PartialDate::ymd(2024, 3, 7)
        );
        let complete = read_test_file("complete/story.html").unwrap();
        assert_eq!(
            complete[0].meta.url.as_deref(),
            Some("https://www.example.net/city/2024-03/04/changzhou-taizhou-park.html")
        );
        // A "complete" page says where, not when.
        assert_eq!(complete[0].meta.captured, None);
    }

    #[test]
    fn a_text_file_of_markup_is_read_as_the_page_and_a_story_quoting_a_tag_is_not() {
        let page = "<p class=\"ql-block\">深港合作迈上新台阶</p><p class=\"ql-block\"><br></p><p>3月5日,深圳与香港签署合作协议。</p>";
        assert!(formats::holds_markup(page));
        let path = DocPath {
            source: crate::model::SourceId(0),
            path: std::path::PathBuf::from("a.txt"),
            relative: "a.txt".to_owned(),
        };
        let document = read_document(page.as_bytes(), Format::Text, path);
        let body = document
            .map(|document| document.body().unwrap().to_owned())
            .unwrap_or_default();
        assert!(!body.contains("<p"), "{body}");
        assert!(!formats::holds_markup(
            "The <p> tag opens a paragraph.</p> So does </p> this."
        ));
        assert!(!formats::holds_markup(
            "Nanjing and Suzhou signed an agreement on May 7."
        ));
    }
}
