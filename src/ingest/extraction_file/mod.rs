//! Extraction files as a library source: the output of `accord extract --jsonl` (one document
//! per line; `--stdin` prints the same lines) or of `--json` (one object with a `documents`
//! list), opened in the app.
//!
//! Events and metadata come from the file, never from extracting again: a file made by another
//! version of Accord, or on another machine, shows what it says. Each article's text is read
//! from its `file` when that is reachable — through the same pipeline and library index as a
//! folder, so the viewer has the clean body, the original and the pages — and otherwise its body
//! is the evidence sentences the file quotes, with a warning that says so.
//!
//! Streamed: lines are read in bounded batches worked on in parallel, so a file of 100,000
//! lines is never held in memory, and a bad line is reported ("line 12: not JSON") while the
//! rest loads. Fields the reader does not know are ignored, so newer files still open.
//!
//! `record.rs` turns one record into a document (the article's text found and read, or its
//! evidence made its body); `placing.rs` places the record's events, places and people in that
//! body; this file streams the lines and hands the documents on in file order.

mod placing;
mod record;

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use self::record::{Outcome, Reader, bad, json_problem};
use super::IngestOptions;
use super::read::io_reason;
use super::worker::IngestEvent;
use crate::extract::Gazetteer;
use crate::model::{
    DocPath, Document, DocumentId, DocumentMeta, Extraction, Format, SkipReason, SkippedFile,
    SourceId, Text,
};

/// Records worked on at once: enough to keep every core busy reading articles.
const BATCH_RECORDS: usize = 64;

/// Bytes of lines a batch may hold before it is worked on, whatever their number.
const BATCH_BYTES: usize = 32 * 1024 * 1024;

/// The longest line read: a document's JSON holds no article text, so even one with hundreds
/// of events is far shorter. A longer line is skipped with a reason, never held.
const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// Whether a path names an extraction file rather than articles (`.jsonl`, `.json`: no
/// article format uses them).
pub fn is_extraction_path(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            extension.eq_ignore_ascii_case("jsonl") || extension.eq_ignore_ascii_case("json")
        })
}

/// What the lines of a file are read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// One record per line (`--jsonl`, `--stdin`).
    Lines,
    /// One JSON value over many lines (`--json`'s pretty print).
    Whole,
}

/// A line read with a bound on its length.
enum Line {
    /// A line (in the buffer, with its newline).
    Text,
    /// A line longer than the bound, passed over.
    TooLong,
    /// The end of the file.
    End,
}

/// Reads one line into `buffer`, at most `limit` bytes; a longer line is passed over to its
/// end without being kept.
fn next_line(reader: &mut impl BufRead, buffer: &mut Vec<u8>, limit: usize) -> io::Result<Line> {
    buffer.clear();
    let read = reader
        .by_ref()
        .take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_until(b'\n', buffer)?;
    if read == 0 {
        return Ok(Line::End);
    }
    if buffer.last() == Some(&b'\n') || buffer.len() <= limit {
        return Ok(Line::Text);
    }
    buffer.clear();
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        match available.iter().position(|&byte| byte == b'\n') {
            Some(at) => {
                reader.consume(at + 1);
                break;
            }
            None => {
                let length = available.len();
                reader.consume(length);
            }
        }
    }
    Ok(Line::TooLong)
}

/// Whether a line holds nothing but white space.
fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// Whether a line is a record that gives no article (a skipped file's or an error line):
/// not counted in the progress.
fn gives_nothing(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let rest = bytes.get(start..).unwrap_or_default();
    rest.starts_with(b"{\"skipped\"") || rest.starts_with(b"{\"error\"")
}

/// Opens the extraction file: a regular file only (a pipe would block the load).
fn open(path: &Path) -> Result<BufReader<File>, SkipReason> {
    let metadata = std::fs::metadata(path).map_err(|error| io_reason(&error))?;
    if !metadata.is_file() {
        return Err(SkipReason::NotRegularFile);
    }
    let file = File::open(path).map_err(|error| io_reason(&error))?;
    Ok(BufReader::new(file))
}

/// Goes back to the start of the file, past a UTF-8 byte order mark (which Windows tools
/// write and JSON does not allow).
fn rewind(reader: &mut BufReader<File>) -> io::Result<()> {
    reader.rewind()?;
    if reader.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
        reader.consume(3);
    }
    Ok(())
}

/// The shape of the file from its first line that is not blank: a lone `{` or `[` opens a
/// pretty-printed whole (`--json`); anything else is one record per line.
fn sniff(reader: &mut impl BufRead) -> io::Result<Shape> {
    let mut buffer = Vec::new();
    loop {
        match next_line(reader, &mut buffer, MAX_LINE_BYTES)? {
            Line::End | Line::TooLong => return Ok(Shape::Lines),
            Line::Text if is_blank(&buffer) => {}
            Line::Text => {
                let first = String::from_utf8_lossy(&buffer);
                let first = first.trim();
                return Ok(if first == "{" || first == "[" {
                    Shape::Whole
                } else {
                    Shape::Lines
                });
            }
        }
    }
}

/// How many records the file holds, for the progress bar: lines that may give an article,
/// or entries of the `documents` list.
fn count_records(reader: &mut BufReader<File>, shape: Shape) -> usize {
    match shape {
        Shape::Lines => {
            let mut buffer = Vec::new();
            let mut count = 0;
            loop {
                match next_line(reader, &mut buffer, MAX_LINE_BYTES) {
                    Ok(Line::Text) if is_blank(&buffer) || gives_nothing(&buffer) => {}
                    Ok(Line::Text | Line::TooLong) => count += 1,
                    Ok(Line::End) | Err(_) => return count,
                }
            }
        }
        Shape::Whole => {
            let mut count = 0;
            let mut deserializer = serde_json::Deserializer::from_reader(reader);
            // A file broken part way counts what stands before the break; reading says why.
            let _ = Whole(Entries {
                each: None,
                count: &mut count,
            })
            .deserialize(&mut deserializer);
            count
        }
    }
}

/// The entries of a whole file's `documents` list (or of a file that is a list), each handed
/// to `each` (which says whether to go on), or only counted.
struct Entries<'a> {
    /// What to do with an entry; `None`: count the entries without keeping them.
    each: Option<&'a mut dyn FnMut(serde_json::Value) -> bool>,
    /// Entries seen.
    count: &'a mut usize,
}

impl<'de> Visitor<'de> for Entries<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a list of documents")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        match self.each {
            None => {
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    *self.count += 1;
                }
            }
            Some(each) => {
                while let Some(value) = seq.next_element::<serde_json::Value>()? {
                    *self.count += 1;
                    if !each(value) {
                        return Err(serde::de::Error::custom("stopped"));
                    }
                }
            }
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Entries<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

/// A whole file: an object whose `documents` list is read entry by entry (its other fields,
/// `skipped` and `corpus_events`, are passed over unkept), or a list of documents.
struct Whole<'a>(Entries<'a>);

impl<'de> Visitor<'de> for Whole<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("an object with a `documents` list")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut entries = Some(self.0);
        while let Some(key) = map.next_key::<String>()? {
            match (key.as_str(), entries.take()) {
                ("documents", Some(documents)) => map.next_value_seed(documents)?,
                (_, unused) => {
                    entries = unused;
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        self.0.visit_seq(seq)
    }
}

impl<'de> DeserializeSeed<'de> for Whole<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// Opens the extraction file, tells its shape and counts its records (for the progress bar),
/// leaving it at its start.
fn prepare(file: &Path) -> Result<(BufReader<File>, Shape, usize), SkipReason> {
    let mut input = open(file)?;
    let shape = match rewind(&mut input) {
        Ok(()) => sniff(&mut input).unwrap_or(Shape::Lines),
        Err(_) => Shape::Lines,
    };
    let total = match rewind(&mut input) {
        Ok(()) => count_records(&mut input, shape),
        Err(_) => 0,
    };
    rewind(&mut input).map_err(|error| io_reason(&error))?;
    Ok((input, shape, total))
}

/// Reads an extraction file as source `source`, sending each article as loaded and each bad
/// line as a skipped file (the extraction file's path, "line 12: not JSON"). The caller sends
/// `Finished`.
pub(super) fn load(
    source: SourceId,
    file: &Path,
    articles: Option<&Path>,
    options: &IngestOptions,
    cancelled: &AtomicBool,
    send: &(dyn Fn(IngestEvent) + Sync),
) {
    let (mut input, shape, total_files) = match prepare(file) {
        Ok(prepared) => prepared,
        Err(reason) => {
            send(IngestEvent::Started {
                source,
                total_files: 0,
            });
            send(IngestEvent::Skipped(SkippedFile {
                source,
                path: file.to_path_buf(),
                reason,
            }));
            return;
        }
    };
    send(IngestEvent::Started {
        source,
        total_files,
    });
    let reader = Reader {
        source,
        beside: file
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from(".")),
        articles,
        options,
        gazetteer: Gazetteer::bundled(),
    };
    let mut delivery = Delivery {
        source,
        file,
        send,
        ids: HashMap::new(),
        reader: &reader,
    };
    match shape {
        Shape::Lines => read_lines(&mut input, &reader, &mut delivery, cancelled),
        Shape::Whole => read_whole(input, &reader, &mut delivery, cancelled),
    }
}

/// Hands outcomes on in file order, remembering each article's name for the `same_as` lines
/// after it.
struct Delivery<'a> {
    source: SourceId,
    file: &'a Path,
    send: &'a (dyn Fn(IngestEvent) + Sync),
    /// Each article's name with its id.
    ids: HashMap<String, DocumentId>,
    reader: &'a Reader<'a>,
}

impl Delivery<'_> {
    /// Sends what one record gave: an article as loaded, a bad record as a skipped file.
    fn deliver(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Document(document) => {
                for path in &document.paths {
                    self.ids.insert(path.relative.clone(), document.id);
                }
                (self.send)(IngestEvent::Loaded(document));
            }
            Outcome::SameAs { name, first } => {
                // The corpus adds a document it has by id as a further path of it.
                if let Some(&id) = self.ids.get(&first) {
                    let path = self
                        .reader
                        .locate(&name, None)
                        .unwrap_or_else(|looked_at| looked_at);
                    let document = further_path(id, self.reader.paths(&name, &path, &[]));
                    (self.send)(IngestEvent::Loaded(Box::new(document)));
                }
            }
            Outcome::Bad(reason) => (self.send)(IngestEvent::Skipped(SkippedFile {
                source: self.source,
                path: self.file.to_path_buf(),
                reason,
            })),
        }
    }

    /// Works on a batch of records in parallel and delivers what they give in order.
    fn batch<T: Send>(
        &mut self,
        batch: &mut Vec<T>,
        work: impl Fn(T) -> Vec<Outcome> + Sync + Send,
    ) {
        let outcomes: Vec<Vec<Outcome>> = batch.par_drain(..).map(work).collect();
        for outcome in outcomes.into_iter().flatten() {
            self.deliver(outcome);
        }
    }
}

/// A further path of the document `id` already given: the corpus merges it into that
/// document, whose text and events it keeps.
fn further_path(id: DocumentId, paths: Vec<DocPath>) -> Document {
    Document {
        id,
        format: Format::Text,
        paths,
        encoding: "UTF-8",
        read_warnings: Vec::new(),
        meta: DocumentMeta::default(),
        text: Text::default(),
        segments: Vec::new(),
        parts: Vec::new(),
        extraction: Extraction::default(),
    }
}

/// A line of a batch: its number and its bytes, or why it could not be had.
type NumberedLine = (usize, Result<Vec<u8>, String>);

/// Reads a file of one record per line, in batches.
fn read_lines(
    input: &mut impl BufRead,
    reader: &Reader<'_>,
    delivery: &mut Delivery<'_>,
    cancelled: &AtomicBool,
) {
    let work = |(number, line): NumberedLine| match line {
        Ok(bytes) => reader.line(number, &bytes),
        Err(problem) => vec![bad(&format!("line {number}"), problem)],
    };
    let mut batch: Vec<NumberedLine> = Vec::new();
    let mut batch_bytes = 0;
    let mut buffer = Vec::new();
    let mut number = 0;
    while !cancelled.load(Ordering::Relaxed) {
        number += 1;
        match next_line(input, &mut buffer, MAX_LINE_BYTES) {
            Ok(Line::End) => break,
            Ok(Line::TooLong) => batch.push((
                number,
                Err(format!(
                    "longer than {} MB, which no extraction record is",
                    MAX_LINE_BYTES / (1024 * 1024)
                )),
            )),
            Ok(Line::Text) if is_blank(&buffer) => {}
            Ok(Line::Text) => {
                batch_bytes += buffer.len();
                batch.push((number, Ok(std::mem::take(&mut buffer))));
            }
            Err(error) => {
                batch.push((number, Err(format!("could not be read ({error})"))));
                break;
            }
        }
        if batch.len() >= BATCH_RECORDS || batch_bytes >= BATCH_BYTES {
            delivery.batch(&mut batch, work);
            batch_bytes = 0;
        }
    }
    delivery.batch(&mut batch, work);
}

/// Reads a pretty-printed whole (`--json`): its `documents` list (or a list of documents)
/// entry by entry, in batches, the rest passed over. Broken JSON ends the reading there, said
/// as a bad record; what stood before it is loaded.
fn read_whole(
    input: BufReader<File>,
    reader: &Reader<'_>,
    delivery: &mut Delivery<'_>,
    cancelled: &AtomicBool,
) {
    let work = |(index, value): (usize, serde_json::Value)| {
        reader.value(&format!("document {index}"), value)
    };
    let mut batch: Vec<(usize, serde_json::Value)> = Vec::new();
    let mut count = 0;
    let mut deserializer = serde_json::Deserializer::from_reader(input);
    let read = {
        // Batches are worked on as the list is read, from inside the reading.
        let mut numbered = 0;
        let mut take = |value: serde_json::Value| -> bool {
            numbered += 1;
            batch.push((numbered, value));
            if batch.len() >= BATCH_RECORDS {
                delivery.batch(&mut batch, work);
            }
            !cancelled.load(Ordering::Relaxed)
        };
        Whole(Entries {
            each: Some(&mut take),
            count: &mut count,
        })
        .deserialize(&mut deserializer)
    };
    delivery.batch(&mut batch, work);
    if let Err(error) = read
        && !cancelled.load(Ordering::Relaxed)
    {
        delivery.deliver(bad(&format!("line {}", error.line()), json_problem(&error)));
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::ingest::Root;
    use crate::model::{Corpus, Event, EventKind, PartialDate, ReadWarning};

    /// Loads an extraction file as the app does, returning its documents and skipped lines.
    fn open_extraction(file: &Path, articles: Option<&Path>) -> (Vec<Document>, Vec<SkippedFile>) {
        let events = Mutex::new(Vec::new());
        crate::ingest::ingest(
            SourceId(1),
            &Root::Extraction {
                file: file.to_path_buf(),
                articles: articles.map(Path::to_path_buf),
            },
            &IngestOptions::default(),
            &AtomicBool::new(false),
            &|event| events.lock().unwrap().push(event),
        );
        let mut documents = Vec::new();
        let mut skipped = Vec::new();
        for event in events.into_inner().unwrap() {
            match event {
                IngestEvent::Loaded(document) => documents.push(*document),
                IngestEvent::Skipped(file) => skipped.push(file),
                _ => {}
            }
        }
        (documents, skipped)
    }

    /// A folder holding the seed articles.
    fn seed_folder() -> tempfile::TempDir {
        let folder = tempfile::tempdir().unwrap();
        for (name, bytes) in crate::seeds::files() {
            std::fs::write(folder.path().join(name), bytes).unwrap();
        }
        folder
    }

    /// What `accord extract FOLDER --jsonl` (or `--json`) prints.
    fn extract(folder: &Path, json: bool) -> Vec<u8> {
        let args = crate::cli::ExtractArgs {
            paths: vec![folder.to_path_buf()],
            json,
            jsonl: !json,
            stdin: false,
            base: None,
            max_file_size: 20,
            follow_outside_links: false,
        };
        let mut out = Vec::new();
        crate::cli::extract(&args, &mut out).unwrap();
        out
    }

    /// The folder read directly, as File → Open folder reads it.
    fn folder_corpus(folder: &Path) -> Corpus {
        crate::cli::load(&[folder.to_path_buf()], &IngestOptions::default())
    }

    /// An event as the comparisons see it: kind, date, parties (names and links), evidence.
    fn event_summary(event: &Event) -> String {
        format!(
            "{} {:?} {:?} {:?}",
            event.kind.label(),
            event.date.map(|date| date.edtf()),
            event
                .participants
                .iter()
                .map(|party| (party.name.as_str(), party.entry))
                .collect::<Vec<_>>(),
            event.evidence
        )
    }

    fn text_missing(document: &Document) -> bool {
        document
            .read_warnings
            .iter()
            .any(ReadWarning::means_text_missing)
    }

    #[test]
    fn an_extraction_beside_its_articles_gives_their_text_and_the_extractions_events() {
        let folder = seed_folder();
        let lines = extract(folder.path(), false);
        let file = folder.path().join("seeds.jsonl");
        std::fs::write(&file, &lines).unwrap();
        let (documents, skipped) = open_extraction(&file, None);
        assert!(skipped.is_empty(), "{skipped:?}");
        let corpus = folder_corpus(folder.path());
        assert_eq!(documents.len(), corpus.documents().len());
        for document in &documents {
            let read = corpus
                .document(document.id)
                .expect("the same id as the folder's");
            assert!(!text_missing(document), "{:?}", document.read_warnings);
            assert_eq!(document.body().unwrap(), read.body().unwrap());
            assert_eq!(document.meta.title, read.meta.title);
            assert_eq!(document.meta.published, read.meta.published);
            let events: Vec<String> = document
                .extraction
                .events
                .iter()
                .map(event_summary)
                .collect();
            let expected: Vec<String> = read.extraction.events.iter().map(event_summary).collect();
            assert_eq!(events, expected, "{}", document.meta.title);
            assert_eq!(
                document.extraction.place_names(),
                read.extraction.place_names()
            );
            assert_eq!(document.paths[0].source, SourceId(1));
            assert!(document.paths[0].path.starts_with(folder.path()));
        }
    }

    #[test]
    fn articles_elsewhere_are_read_from_the_folder_given() {
        let articles = seed_folder();
        let elsewhere = tempfile::tempdir().unwrap();
        let file = elsewhere.path().join("seeds.jsonl");
        std::fs::write(&file, extract(articles.path(), false)).unwrap();
        let (documents, _) = open_extraction(&file, Some(articles.path()));
        assert_eq!(documents.len(), 5);
        assert!(documents.iter().all(|document| !text_missing(document)));
    }

    #[test]
    fn an_article_not_found_shows_its_evidence_and_says_where_it_was_looked_for() {
        let articles = seed_folder();
        let elsewhere = tempfile::tempdir().unwrap();
        let file = elsewhere.path().join("seeds.jsonl");
        std::fs::write(&file, extract(articles.path(), false)).unwrap();
        let corpus = folder_corpus(articles.path());
        let (documents, skipped) = open_extraction(&file, None);
        assert!(skipped.is_empty(), "{skipped:?}");
        assert_eq!(documents.len(), 5);
        for document in &documents {
            let name = &document.paths[0].relative;
            assert_eq!(
                document.read_warnings,
                [ReadWarning::TextNotFound {
                    path: elsewhere.path().join(name)
                }]
            );
            let warning = &document.warnings()[0];
            assert!(
                warning.starts_with("the article's text was not found at ")
                    && warning.ends_with("; only its evidence sentences are shown"),
                "{warning}"
            );
            let read = corpus.document(document.id).expect("the record's id");
            assert_eq!(document.meta.title, read.meta.title);
            assert_eq!(
                document.extraction.events.len(),
                read.extraction.events.len()
            );
            for (event, original) in document
                .extraction
                .events
                .iter()
                .zip(&read.extraction.events)
            {
                assert_eq!(event.kind, original.kind);
                assert_eq!(event.date, original.date);
                let parties = |event: &Event| {
                    event
                        .participants
                        .iter()
                        .map(|p| p.name.clone())
                        .collect::<Vec<_>>()
                };
                assert_eq!(parties(event), parties(original));
                // Each sentence of the evidence is a paragraph of the body, found there.
                let quoted: Vec<&str> = event
                    .evidence
                    .iter()
                    .map(|range| &document.body().unwrap()[range.clone()])
                    .collect();
                let original_quoted: Vec<&str> = original
                    .evidence
                    .iter()
                    .map(|range| &read.body().unwrap()[range.clone()])
                    .collect();
                assert_eq!(quoted, original_quoted);
                assert!(
                    quoted
                        .iter()
                        .all(|sentence| document.body_paragraphs().any(|p| p.contains(sentence)))
                );
            }
        }
    }

    #[test]
    fn bad_lines_are_reported_with_their_number_and_the_rest_loads() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("mixed.jsonl");
        let good = r#"{"file": "a.txt", "title": "Wuxi and Xuzhou sign", "events": [{"date": "2021-10-09", "kind": "agreement", "participants": ["Wuxi", "Xuzhou"], "evidence": "Wuxi and Xuzhou signed an agreement."}], "unknown_field": {"nested": [1, 2]}}"#;
        let lines = [
            good,
            "{\"file\": \"b.txt\", \"title\": \"cut off",
            "",
            r#"{"title": "no file here"}"#,
            "[1, 2, 3]",
            r#"{"skipped": {"path": "x.odt", "reason": "unsupported type (.odt)"}}"#,
            r#"{"error": "line 3: no text"}"#,
            r#"{"file": "c.txt", "events": "not a list"}"#,
            r#"{"file": "d.txt", "title": "Second good one", "events": null, "places": null}"#,
        ];
        std::fs::write(&file, lines.join("\n")).unwrap();
        let (documents, skipped) = open_extraction(&file, None);
        let titles: Vec<&str> = documents.iter().map(|d| d.meta.title.as_str()).collect();
        assert_eq!(titles, ["Wuxi and Xuzhou sign", "Second good one"]);
        let reasons: Vec<String> = skipped.iter().map(|s| s.reason.to_string()).collect();
        assert_eq!(reasons.len(), 4, "{reasons:?}");
        assert!(reasons[0].starts_with("line 2: not JSON ("), "{reasons:?}");
        assert_eq!(reasons[1], "line 4: no `file`");
        assert_eq!(reasons[2], "line 5: not a document (a JSON object)");
        assert!(
            reasons[3].starts_with("line 8: not an extraction record ("),
            "{reasons:?}"
        );
        assert!(skipped.iter().all(|s| s.path == file));
        // The good line's event, its evidence the body.
        let event = &documents[0].extraction.events[0];
        assert_eq!(event.kind, EventKind::Agreement);
        assert_eq!(
            &documents[0].body().unwrap()[event.evidence[0].clone()],
            "Wuxi and Xuzhou signed an agreement."
        );
        assert_eq!(event.confidence, 1.0, "hand labels are taken as sure");
    }

    #[test]
    fn a_file_saved_by_windows_tools_with_a_byte_order_mark_and_crlf_opens() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("windows.jsonl");
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(b"{\"file\": \"a.txt\", \"title\": \"One\"}\r\n\r\n");
        bytes.extend_from_slice(b"{\"file\": \"b.txt\", \"title\": \"Two\"}\r\n");
        std::fs::write(&file, bytes).unwrap();
        let (documents, skipped) = open_extraction(&file, None);
        assert!(skipped.is_empty(), "{skipped:?}");
        let titles: Vec<&str> = documents.iter().map(|d| d.meta.title.as_str()).collect();
        assert_eq!(titles, ["One", "Two"]);
    }

    #[test]
    fn dates_are_read_at_the_precision_the_file_gives() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("dates.jsonl");
        let line = |name: &str, date: &str| {
            format!(
                r#"{{"file": "{name}", "published": "{date}", "events": [{{"date": "{date}", "kind": "meeting", "participants": ["Nanjing", "Suzhou"], "evidence": "They met.", "date_resolution": "from context"}}]}}"#
            )
        };
        let lines = [
            line("a.txt", "2021-10-12"),
            line("b.txt", "2021-10"),
            line("c.txt", "2021"),
            line("d.txt", "XXXX-05-07"),
            line("e.txt", "yesterday"),
        ];
        std::fs::write(&file, lines.join("\n")).unwrap();
        let (documents, _) = open_extraction(&file, None);
        let dates: Vec<Option<PartialDate>> = documents
            .iter()
            .map(|d| d.extraction.events[0].date)
            .collect();
        assert_eq!(
            dates,
            [
                PartialDate::ymd(2021, 10, 12),
                PartialDate::year_month(2021, 10),
                PartialDate::from_edtf("2021"),
                PartialDate::month_day(5, 7),
                None,
            ]
        );
        assert_eq!(documents[3].meta.published, PartialDate::month_day(5, 7));
        assert_eq!(
            documents[0].extraction.events[0].date_resolution,
            Some(crate::model::DateResolution::FromContext)
        );
    }

    #[test]
    fn a_json_report_opens_and_a_break_in_it_is_said_after_what_stood_before() {
        let articles = seed_folder();
        let elsewhere = tempfile::tempdir().unwrap();
        let report = extract(articles.path(), true);
        let file = elsewhere.path().join("seeds.json");
        std::fs::write(&file, &report).unwrap();
        let (documents, skipped) = open_extraction(&file, Some(articles.path()));
        assert!(skipped.is_empty(), "{skipped:?}");
        assert_eq!(documents.len(), 5);
        assert!(documents.iter().all(|document| !text_missing(document)));

        // Cut inside the third document: two load, the break is reported by its line.
        let text = String::from_utf8(report).unwrap();
        let third = text.match_indices("\n    {").nth(2).unwrap().0;
        let cut = elsewhere.path().join("cut.json");
        std::fs::write(&cut, &text[..third + 40]).unwrap();
        let (documents, skipped) = open_extraction(&cut, Some(articles.path()));
        assert_eq!(documents.len(), 2);
        assert_eq!(skipped.len(), 1);
        assert!(
            skipped[0].reason.to_string().contains(": not JSON ("),
            "{}",
            skipped[0].reason
        );
    }

    #[test]
    fn an_identical_file_is_a_further_path_and_an_inline_text_is_not_looked_for() {
        let folder = seed_folder();
        let (name, _) = crate::seeds::files()[0];
        let file = folder.path().join("x.jsonl");
        // `--jsonl` prints documents as they are read, in no set order: the line of `name`.
        let lines = String::from_utf8(extract(folder.path(), false)).unwrap();
        let first = lines
            .lines()
            .find(|line| line.contains(&format!(r#""file":"{name}""#)))
            .unwrap()
            .to_owned();
        let same = format!(r#"{{"file": "copy/{name}", "same_as": "{name}"}}"#);
        let mut inline: serde_json::Value = serde_json::from_str(&first).unwrap();
        inline["text_given"] = serde_json::Value::Bool(true);
        inline["id"] = serde_json::Value::String("not an id".to_owned());
        std::fs::write(&file, [first.clone(), same, inline.to_string()].join("\n")).unwrap();
        let (documents, skipped) = open_extraction(&file, None);
        assert!(skipped.is_empty(), "{skipped:?}");
        assert_eq!(documents.len(), 3);
        assert_eq!(
            documents[1].id, documents[0].id,
            "merged into the first by the corpus"
        );
        assert_eq!(documents[1].paths[0].relative, format!("copy/{name}"));
        // The inline text's name is never taken for a path, though a file of that name is there.
        assert_eq!(documents[2].read_warnings, [ReadWarning::TextGivenInline]);
        assert_ne!(
            documents[2].id, documents[0].id,
            "no id: a hash of the record"
        );
    }

    #[test]
    fn a_file_changed_since_keeps_the_extractions_events_and_says_so() {
        let folder = seed_folder();
        let lines = extract(folder.path(), false);
        let file = folder.path().join("seeds.jsonl");
        std::fs::write(&file, &lines).unwrap();
        let (name, bytes) = crate::seeds::files()[4];
        let mut changed = b"An added first line.\n\n".to_vec();
        changed.extend_from_slice(bytes);
        std::fs::write(folder.path().join(name), changed).unwrap();
        let (documents, _) = open_extraction(&file, None);
        let document = documents
            .iter()
            .find(|document| document.paths[0].relative == name)
            .unwrap();
        assert_eq!(
            document.read_warnings,
            [ReadWarning::TextChanged {
                path: folder.path().join(name)
            }]
        );
        let record: serde_json::Value = serde_json::from_str(
            String::from_utf8(lines.clone())
                .unwrap()
                .lines()
                .find(|line| line.contains(name))
                .unwrap(),
        )
        .unwrap();
        assert_eq!(document.id.to_string(), record["id"].as_str().unwrap());
        // The evidence is found again in the changed text.
        for (event, stated) in document
            .extraction
            .events
            .iter()
            .zip(record["events"].as_array().unwrap())
        {
            let quoted: Vec<&str> = event
                .evidence
                .iter()
                .map(|r| &document.body().unwrap()[r.clone()])
                .collect();
            assert_eq!(quoted.join(" … "), stated["evidence"].as_str().unwrap());
        }
    }

    #[test]
    fn a_missing_or_unreadable_extraction_file_is_one_skipped_file() {
        let folder = tempfile::tempdir().unwrap();
        let gone = folder.path().join("gone.jsonl");
        let (documents, skipped) = open_extraction(&gone, None);
        assert!(documents.is_empty());
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].path, gone);
        let (_, skipped) = open_extraction(folder.path(), None);
        assert_eq!(skipped[0].reason, SkipReason::NotRegularFile);
    }

    #[test]
    fn a_line_too_long_is_passed_over_without_being_kept() {
        let mut input = io::Cursor::new(b"short\nxxxxxxxxxxxxxxxxxxxx\nlast".to_vec());
        let mut buffer = Vec::new();
        assert!(matches!(
            next_line(&mut input, &mut buffer, 10),
            Ok(Line::Text)
        ));
        assert_eq!(buffer, b"short\n");
        assert!(matches!(
            next_line(&mut input, &mut buffer, 10),
            Ok(Line::TooLong)
        ));
        assert!(buffer.is_empty());
        assert!(matches!(
            next_line(&mut input, &mut buffer, 10),
            Ok(Line::Text)
        ));
        assert_eq!(buffer, b"last");
        assert!(matches!(
            next_line(&mut input, &mut buffer, 10),
            Ok(Line::End)
        ));
    }

    #[test]
    fn extraction_files_are_known_by_their_extension() {
        assert!(is_extraction_path(Path::new("/x/shards.jsonl")));
        assert!(is_extraction_path(Path::new("pred.JSON")));
        assert!(!is_extraction_path(Path::new("a.txt")));
        assert!(!is_extraction_path(Path::new("jsonl")));
    }
}
