//! One record of an extraction file made a document: the article's text read from its file
//! when that is there (through the pipeline and the library index, as a folder's), else its
//! evidence sentences as its body; its metadata and events from the record.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::super::IngestOptions;
use super::super::walk::format_of;
use super::super::worker::read_through_index;
use super::placing::{Links, Locator, people, places, record_event};
use crate::extract::Gazetteer;
use crate::model::{
    BodySegment, Captured, DocPath, Document, DocumentId, DocumentMeta, Extraction, Format,
    PartialDate, ReadWarning, SkipReason, SourceId, Text, static_encoding_name,
};

/// How `extract` joins the sentences of one event's evidence.
pub(super) const EVIDENCE_JOINER: &str = " … ";

/// One line of a JSONL file or one entry of a `documents` list, as `cli::JsonDocument` writes
/// it, with the other lines a stream holds (`same_as`, `skipped`, `error`) and a whole report
/// on one line (`documents`). Every field may be missing or null.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Record {
    /// The path relative to the folder extracted.
    pub(super) file: Option<String>,
    /// The full path as bytes, when it is not valid Unicode.
    pub(super) file_bytes: Option<Vec<u8>>,
    /// The headline.
    pub(super) title: Option<String>,
    /// EDTF-style.
    pub(super) published: Option<String>,
    /// Canonical names of the places mentioned.
    #[serde(deserialize_with = "null_as_default")]
    pub(super) places: Vec<String>,
    /// The events.
    #[serde(deserialize_with = "null_as_default")]
    pub(super) events: Vec<RecordEvent>,
    /// Officials named with their roles.
    #[serde(deserialize_with = "null_as_default")]
    pub(super) people: Vec<RecordPerson>,
    /// The document id (32 hex digits).
    pub(super) id: Option<String>,
    /// The outlet.
    pub(super) source: Option<String>,
    /// The byline.
    pub(super) byline: Option<String>,
    /// Where the page was published.
    pub(super) url: Option<String>,
    /// When the file was saved.
    pub(super) captured: Option<RecordCaptured>,
    /// The encoding the file was read in.
    pub(super) encoding: Option<String>,
    /// Further names of an identical file.
    #[serde(deserialize_with = "null_as_default")]
    pub(super) also_at: Vec<String>,
    /// The text came inline to `extract --stdin`: `file` is a name, not a path.
    #[serde(deserialize_with = "null_as_default")]
    pub(super) text_given: bool,
    /// A file identical to an earlier line's (`{"file": …, "same_as": …}`).
    pub(super) same_as: Option<String>,
    /// A skipped file's line (`{"skipped": …}`): not a document.
    pub(super) skipped: Option<IgnoredAny>,
    /// An error line of `extract --stdin`: not a document.
    pub(super) error: Option<IgnoredAny>,
    /// A whole `--json` report on one line.
    pub(super) documents: Option<Vec<serde_json::Value>>,
}

/// An event as the JSON gives it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RecordEvent {
    pub(super) date: Option<String>,
    pub(super) date_resolution: Option<String>,
    pub(super) kind: Option<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub(super) participants: Vec<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub(super) fields: Vec<String>,
    pub(super) evidence: Option<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub(super) evidence_ranges: Vec<[usize; 2]>,
    pub(super) confidence: Option<f32>,
    pub(super) sources: Option<RecordSources>,
    #[serde(deserialize_with = "null_as_default")]
    pub(super) people: Vec<RecordPerson>,
}

/// The sentences behind an event's parts.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RecordSources {
    pub(super) kind: Option<String>,
    pub(super) parties: Option<String>,
    pub(super) date: Option<String>,
}

/// An official.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RecordPerson {
    pub(super) name: String,
    pub(super) role: String,
    pub(super) place: Option<String>,
}

/// When the file was saved.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RecordCaptured {
    pub(super) date: String,
    pub(super) from_file_time: bool,
}

/// A field that may be null as well as missing: both are its default (an empty list).
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

impl Record {
    /// The name the record goes by: `file`, else its bytes shown with replacement marks.
    fn name(&self) -> Option<String> {
        self.file
            .clone()
            .filter(|file| !file.trim().is_empty())
            .or_else(|| {
                self.file_bytes
                    .as_deref()
                    .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
            })
    }
}

/// What one record gives, in file order.
#[derive(Debug)]
pub(super) enum Outcome {
    /// An article.
    Document(Box<Document>),
    /// A further name of an article given earlier.
    SameAs {
        /// This line's name.
        name: String,
        /// The earlier line's name.
        first: String,
    },
    /// A line that gives nothing, and why.
    Bad(SkipReason),
}

/// A bad record at `at` ("line 12").
pub(super) fn bad(at: &str, problem: impl Into<String>) -> Outcome {
    Outcome::Bad(SkipReason::BadRecord {
        at: at.to_owned(),
        problem: problem.into(),
    })
}

/// A JSON error in plain words, without serde's "at line 1 column 7" (the line is said
/// already): "not JSON (EOF while parsing a string, column 31)" for broken syntax, "not an
/// extraction record (invalid type: …)" for JSON of another shape.
pub(super) fn json_problem(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = text.strip_suffix(&suffix).unwrap_or(&text);
    match error.classify() {
        serde_json::error::Category::Data => format!("not an extraction record ({message})"),
        _ => format!("not JSON ({message}, column {})", error.column()),
    }
}

/// The document id a record states, if it is one (32 hex digits).
fn parse_document_id(text: &str) -> Option<DocumentId> {
    let text = text.trim();
    (text.len() == 32 && text.bytes().all(|byte| byte.is_ascii_hexdigit()))
        .then(|| u128::from_str_radix(text, 16).ok())
        .flatten()
        .map(DocumentId)
}

/// The id of a record that states none: a hash of its bytes, so the same line is the same
/// document in every session.
fn record_hash(bytes: &[u8]) -> DocumentId {
    DocumentId(xxhash_rust::xxh3::xxh3_128(bytes))
}

/// What every record of one extraction file is read with.
pub(super) struct Reader<'a> {
    pub(super) source: SourceId,
    /// The folder holding the extraction file: relative names are looked for there first.
    pub(super) beside: PathBuf,
    /// The folder of the articles the user named, if any.
    pub(super) articles: Option<&'a Path>,
    pub(super) options: &'a IngestOptions,
    pub(super) gazetteer: &'static Gazetteer,
}

/// Where an article's own file was looked for and what it gave.
struct ArticleText {
    /// The article as the pipeline read it, when its file was read.
    read: Option<Document>,
    /// The file, or where it was looked for.
    path: PathBuf,
    /// What the reader should know about the text.
    warning: Option<ReadWarning>,
}

impl Reader<'_> {
    /// A line of a JSONL file.
    pub(super) fn line(&self, number: usize, bytes: &[u8]) -> Vec<Outcome> {
        let at = format!("line {number}");
        let first = bytes.iter().find(|byte| !byte.is_ascii_whitespace());
        if first != Some(&b'{') {
            let problem = match serde_json::from_slice::<IgnoredAny>(bytes) {
                Ok(_) => "not a document (a JSON object)".to_owned(),
                Err(error) => json_problem(&error),
            };
            return vec![bad(&at, problem)];
        }
        match serde_json::from_slice::<Record>(bytes) {
            Ok(record) => self.record(&at, record, || record_hash(bytes)),
            Err(error) => vec![bad(&at, json_problem(&error))],
        }
    }

    /// An entry of a `documents` list.
    pub(super) fn value(&self, at: &str, value: serde_json::Value) -> Vec<Outcome> {
        if !value.is_object() {
            return vec![bad(at, "not a document (a JSON object)")];
        }
        let stated = value
            .get("id")
            .and_then(serde_json::Value::as_str)
            .and_then(parse_document_id);
        // Hashed before the value is taken apart, and only when no id is stated.
        let hash = match stated {
            Some(id) => id,
            None => record_hash(&serde_json::to_vec(&value).unwrap_or_default()),
        };
        match serde_json::from_value::<Record>(value) {
            Ok(record) => self.record(at, record, || hash),
            Err(error) => vec![bad(at, json_problem(&error))],
        }
    }

    /// What a parsed record gives: its documents (a report on one line), nothing (a skipped
    /// file's line), a further name, or an article.
    fn record(&self, at: &str, mut record: Record, hash: impl Fn() -> DocumentId) -> Vec<Outcome> {
        if let Some(documents) = record.documents.take() {
            return documents
                .into_iter()
                .enumerate()
                .flat_map(|(index, value)| {
                    self.value(&format!("{at}, document {}", index + 1), value)
                })
                .collect();
        }
        if record.skipped.is_some() || record.error.is_some() {
            return Vec::new();
        }
        let Some(name) = record.name() else {
            return vec![bad(at, "no `file`")];
        };
        if let Some(first) = record.same_as.take() {
            return vec![Outcome::SameAs { name, first }];
        }
        vec![Outcome::Document(Box::new(self.document(
            &name,
            record,
            hash(),
        )))]
    }

    /// The article a record describes: its text from its file when that is there, its events
    /// and metadata from the record.
    fn document(&self, name: &str, record: Record, hash: DocumentId) -> Document {
        let stated_id = record.id.as_deref().and_then(parse_document_id);
        let article = if record.text_given {
            ArticleText {
                read: None,
                path: PathBuf::from(name),
                warning: Some(ReadWarning::TextGivenInline),
            }
        } else {
            self.article_text(name, record.file_bytes.as_deref(), stated_id)
        };
        let read_id = article.read.as_ref().map(|document| document.id);
        let mut document = match article.read {
            Some(document) => document,
            None => self.evidence_document(name, &record),
        };
        document.id = stated_id.or(read_id).unwrap_or(hash);
        document.read_warnings.extend(article.warning);
        document.paths = self.paths(name, &article.path, &record.also_at);
        document.meta = record_meta(&record, std::mem::take(&mut document.meta), name);
        let text = std::mem::take(&mut document.extraction);
        document.extraction = self.extraction(&record, text, document.body().unwrap_or_default());
        document
    }

    /// Looks for the article's file and reads it.
    fn article_text(
        &self,
        name: &str,
        file_bytes: Option<&[u8]>,
        stated_id: Option<DocumentId>,
    ) -> ArticleText {
        let path = match self.locate(name, file_bytes) {
            Ok(path) => path,
            Err(looked_at) => {
                return ArticleText {
                    read: None,
                    warning: Some(ReadWarning::TextNotFound {
                        path: looked_at.clone(),
                    }),
                    path: looked_at,
                };
            }
        };
        let unreadable = |path: PathBuf, reason: String| ArticleText {
            read: None,
            warning: Some(ReadWarning::TextUnreadable {
                path: path.clone(),
                reason,
            }),
            path,
        };
        let format = match format_of(&path) {
            Ok(format) => format,
            Err(reason) => return unreadable(path, reason.to_string()),
        };
        let doc_path = DocPath {
            source: self.source,
            path: path.clone(),
            relative: file_part(name).to_owned(),
        };
        let (read, _) = read_through_index(&path, format, &doc_path, self.options);
        let documents = match read {
            Ok(documents) => documents,
            Err(reason) => return unreadable(path, reason.to_string()),
        };
        match pick(documents, stated_id, name) {
            Some((document, same)) => ArticleText {
                read: Some(document),
                warning: (!same).then(|| ReadWarning::TextChanged { path: path.clone() }),
                path,
            },
            None => unreadable(path, "it no longer holds this article".to_owned()),
        }
    }

    /// Where the article's file is: its bytes' path, then its name as an absolute path, beside
    /// the extraction file, or in the articles' folder; a feed item's name ("feed.xml › item
    /// 3") is looked for as its feed. `Err`: none is there, with the place the user expects it
    /// (the articles' folder when given, else beside the extraction file).
    pub(super) fn locate(&self, name: &str, file_bytes: Option<&[u8]>) -> Result<PathBuf, PathBuf> {
        let mut candidates: Vec<PathBuf> = Vec::new();
        if let Some(path) = file_bytes.and_then(path_of_bytes) {
            candidates.push(path);
        }
        let mut names = vec![name];
        if file_part(name) != name {
            names.push(file_part(name));
        }
        for name in names {
            let path = Path::new(name);
            if path.is_absolute() {
                candidates.push(path.to_path_buf());
                continue;
            }
            candidates.push(self.beside.join(path));
            if let Some(articles) = self.articles {
                candidates.push(articles.join(path));
            }
        }
        if let Some(found) = candidates
            .iter()
            .find(|candidate| candidate.symlink_metadata().is_ok())
        {
            return Ok(found.clone());
        }
        let path = Path::new(name);
        let expected = if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.articles.unwrap_or(&self.beside).join(path)
        };
        Err(expected)
    }

    /// The document's paths: where its text is (or was looked for), named as the record
    /// names it, and the names of identical files.
    pub(super) fn paths(&self, name: &str, path: &Path, also_at: &[String]) -> Vec<DocPath> {
        let mut paths = vec![DocPath {
            source: self.source,
            path: path.to_path_buf(),
            relative: name.to_owned(),
        }];
        for other in also_at {
            let path = self
                .locate(other, None)
                .unwrap_or_else(|looked_at| looked_at);
            paths.push(DocPath {
                source: self.source,
                path,
                relative: other.clone(),
            });
        }
        paths
    }

    /// An article whose file could not be read: its body is the record's evidence sentences,
    /// one paragraph each, and what the extractor finds in them is kept only to place the
    /// record's names (never its events).
    fn evidence_document(&self, name: &str, record: &Record) -> Document {
        let sentences = evidence_sentences(record);
        let mut body = String::new();
        let mut segments = Vec::with_capacity(sentences.len());
        for sentence in sentences {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            let start = body.len();
            body.push_str(sentence);
            segments.push(BodySegment {
                body: start..body.len(),
                original_start: start,
            });
        }
        let mut document = Document {
            id: DocumentId::of_text(&body),
            format: format_of(Path::new(file_part(name))).unwrap_or(Format::Text),
            paths: Vec::new(),
            encoding: static_encoding_name(record.encoding.as_deref().unwrap_or("UTF-8")),
            read_warnings: Vec::new(),
            meta: DocumentMeta {
                published: record.published.as_deref().and_then(PartialDate::from_edtf),
                ..DocumentMeta::default()
            },
            text: Text::held(body.clone(), body),
            segments,
            parts: Vec::new(),
            extraction: Extraction::default(),
        };
        document.extraction = crate::extract::extract(&document);
        document
    }

    /// The record's events, places and people placed in `body`; `text` is what the extractor
    /// found in the body, used for its place mentions and dates and to link names to places.
    fn extraction(&self, record: &Record, text: Extraction, body: &str) -> Extraction {
        let links = Links::of(&text, self.gazetteer);
        let locator = Locator::new(body);
        let events = record
            .events
            .iter()
            .map(|event| record_event(event, &locator, &links))
            .collect();
        let (places, page_places) = places(&record.places, &text, body, &links);
        Extraction {
            places,
            dates: text.dates,
            events,
            people: people(record, &locator),
            page_places,
        }
    }
}

/// The file part of a name: a feed item's name ("feed.xml › item 3") without its item.
fn file_part(name: &str) -> &str {
    name.split_once(" › ").map_or(name, |(file, _)| file)
}

/// A path given as bytes (`file_bytes`); only Unix paths are bytes.
#[cfg(unix)]
fn path_of_bytes(bytes: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Some(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
}

/// A path given as bytes (`file_bytes`); elsewhere the name is used.
#[cfg(not(unix))]
fn path_of_bytes(_bytes: &[u8]) -> Option<PathBuf> {
    None
}

/// The record's article among the documents its file gives (a feed gives several): the one
/// with its id, else the one of its name, else the only one. `true` with it when it is the
/// text the extraction read (its id is the record's, or the record states none).
fn pick(
    documents: Vec<Document>,
    stated_id: Option<DocumentId>,
    name: &str,
) -> Option<(Document, bool)> {
    let Some(stated_id) = stated_id else {
        let only = documents.len() == 1;
        let mut documents = documents.into_iter();
        return if only {
            documents.next().map(|document| (document, true))
        } else {
            documents
                .find(|document| {
                    document
                        .primary_path()
                        .is_some_and(|path| path.relative == name)
                })
                .map(|document| (document, true))
        };
    };
    let by_id = documents
        .iter()
        .position(|document| document.id == stated_id);
    let by_name = || {
        documents.iter().position(|document| {
            document
                .primary_path()
                .is_some_and(|path| path.relative == name)
        })
    };
    let at = by_id
        .or_else(by_name)
        .or((documents.len() == 1).then_some(0))?;
    let mut documents = documents;
    let document = documents.swap_remove(at);
    let same = document.id == stated_id;
    Some((document, same))
}

/// The record's metadata, with what the file's own reading found where the record says
/// nothing (a file of hand labels gives no outlet).
fn record_meta(record: &Record, read: DocumentMeta, name: &str) -> DocumentMeta {
    let text = |value: &Option<String>| value.clone().filter(|value| !value.trim().is_empty());
    let title = text(&record.title)
        .or_else(|| Some(read.title.clone()).filter(|title| !title.trim().is_empty()))
        .unwrap_or_else(|| name.to_owned());
    let captured = record.captured.as_ref().and_then(|captured| {
        PartialDate::from_edtf(&captured.date).map(|date| Captured {
            date,
            from_file_time: captured.from_file_time,
        })
    });
    DocumentMeta {
        title,
        published: record
            .published
            .as_deref()
            .and_then(PartialDate::from_edtf)
            .or(read.published),
        source: text(&record.source).or(read.source),
        byline: text(&record.byline).or(read.byline),
        url: text(&record.url).or(read.url),
        captured: captured.or(read.captured),
    }
}

/// The distinct evidence sentences of a record's events, in the order they stand in the
/// article (by the ranges given, else as listed); a sentence inside another is left out.
fn evidence_sentences(record: &Record) -> Vec<&str> {
    let mut sentences: Vec<(usize, usize, &str)> = Vec::new();
    for event in &record.events {
        let Some(evidence) = event.evidence.as_deref() else {
            continue;
        };
        for (index, part) in evidence.split(EVIDENCE_JOINER).enumerate() {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let position = event
                .evidence_ranges
                .get(index)
                .map_or(usize::MAX, |range| range[0]);
            sentences.push((position, sentences.len(), part));
        }
    }
    sentences.sort_unstable_by_key(|&(position, order, _)| (position, order));
    let mut kept: Vec<&str> = Vec::new();
    for (_, _, sentence) in sentences {
        if !kept.iter().any(|other| other.contains(sentence)) {
            kept.retain(|other| !sentence.contains(*other));
            kept.push(sentence);
        }
    }
    kept
}
