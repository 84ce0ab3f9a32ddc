//! The search index on disk: a `tantivy` index in a folder of its own, keyed by document id,
//! stamped with the version of its schema and tokens.
//!
//! Opening never trusts what it finds: a folder without this build's stamp, or one tantivy
//! cannot open, is put aside and a new index made. Everything in it can be built again from
//! the articles.

use std::collections::{BTreeSet, HashSet};
use std::fs::File;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Query, QueryParser, QueryParserError};
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::IndexText;
use super::tokenizer::{self, AccordTokenizer};
use crate::desk::needle::Needle;
use crate::desk::search::Hit;
use crate::model::DocumentId;

/// Bump when the fields or how they are indexed change: an index with another stamp is
/// rebuilt. The stamp also names the tokenizer's version and the ingest pipeline's revision
/// (titles and places come from extraction).
pub const SCHEMA_VERSION: u32 = 1;

/// What the stamp of an index found damaged starts with.
const DAMAGED: &str = "damaged";

/// The file in the index's folder that holds [`stamp`].
const STAMP_FILE: &str = "accord-search-version";

/// The indexing thread's memory for documents not yet written (tantivy's minimum is 15 MB).
const WRITER_MEMORY_BYTES: usize = 32_000_000;

/// What this build writes into [`STAMP_FILE`].
fn stamp() -> String {
    format!(
        "accord search index: schema {SCHEMA_VERSION}, tokenizer {}, pipeline {}",
        tokenizer::TOKENIZER_VERSION,
        crate::ingest::index::PIPELINE_REVISION
    )
}

/// How the index was opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    /// As it was.
    Existing,
    /// Made afresh (none was there).
    Created,
    /// The old one could not be used (damaged, or made by another version): made afresh.
    Rebuilt {
        /// Why the old one could not be used.
        reason: String,
    },
    /// Kept in memory for this session only: no folder was given (`ACCORD_INDEX=none`), or the
    /// folder could not be used.
    InMemory {
        /// Why not on disk, when a folder was given.
        reason: Option<String>,
    },
}

/// Why the index could not be opened or written.
#[derive(Debug, thiserror::Error)]
pub enum SearchIndexError {
    /// Another Accord has the index open for writing.
    #[error("another Accord window is using the search index {0}")]
    InUse(PathBuf),
    /// The folder cannot be made, read or written.
    #[error("the search index {path} cannot be used: {reason}")]
    Unusable {
        /// The index's folder.
        path: PathBuf,
        /// What tantivy or the system said.
        reason: String,
    },
}

/// The fields of the index.
#[derive(Clone, Copy, Debug)]
struct Fields {
    /// The document id in hex: indexed as one term, to delete by.
    id: Field,
    /// The id's upper and lower 64 bits as fast fields, to read the ids of hits and of every
    /// document without touching the stored text.
    id_high: Field,
    id_low: Field,
    title: Field,
    /// Indexed and stored: snippets are cut from the stored body.
    body: Field,
    place: Field,
}

/// The schema and its fields.
fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer::NAME)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = TextOptions::default().set_indexing_options(indexing);
    let fields = Fields {
        id: builder.add_text_field("id", STRING),
        id_high: builder.add_u64_field("id_high", FAST),
        id_low: builder.add_u64_field("id_low", FAST),
        title: builder.add_text_field("title", text.clone()),
        body: builder.add_text_field("body", text.clone().set_stored()),
        place: builder.add_text_field("place", text),
    };
    (builder.build(), fields)
}

/// One page of results: the articles that match, best first, each with the first place its body
/// holds a word of the query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    /// The query these are for.
    pub query: String,
    /// One hit per article, best match first (BM25), at most the limit asked: the first word of
    /// the query its body holds. An article whose body holds none (it matches by its title or
    /// places) has its hit at the start of its body, with nothing marked.
    pub hits: Vec<Hit>,
    /// How many articles match, including those past the limit.
    pub documents: usize,
    /// Why the query could not be run, in plain words (nothing was searched then).
    pub problem: Option<String>,
}

/// A `tantivy` index of articles with Accord's schema and tokenizer.
#[derive(Clone)]
pub struct FullTextIndex {
    index: Index,
    fields: Fields,
    /// How it was opened.
    pub opened: Opened,
    /// The lock on the folder, held while any clone of the index lives (none in memory).
    _lock: Option<Arc<File>>,
    /// The folder it lives in (none in memory).
    folder: Option<PathBuf>,
}

impl std::fmt::Debug for FullTextIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FullTextIndex")
            .field("opened", &self.opened)
            .finish_non_exhaustive()
    }
}

impl FullTextIndex {
    /// Opens the index in `folder`, making it (and the folder) when absent; one that is
    /// damaged or stamped by another version is replaced.
    pub fn open(folder: &Path) -> Result<Self, SearchIndexError> {
        let unusable = |reason: String| SearchIndexError::Unusable {
            path: folder.to_path_buf(),
            reason,
        };
        // Only the holder of the lock reads, rebuilds or writes the folder: two windows started
        // at once never take each other's half-made index for a damaged one.
        let lock = lock_folder(folder)?;
        let (index, opened) = match open_existing(folder) {
            Ok(Some(index)) => (index, Opened::Existing),
            Ok(None) => (create(folder).map_err(unusable)?, Opened::Created),
            Err(reason) => {
                set_aside(folder).map_err(unusable)?;
                (
                    create(folder).map_err(unusable)?,
                    Opened::Rebuilt { reason },
                )
            }
        };
        let mut opened = Self::with(index, opened);
        opened._lock = Some(Arc::new(lock));
        opened.folder = Some(folder.to_path_buf());
        Ok(opened)
    }

    /// An index in memory, for this session only.
    pub fn in_memory(reason: Option<String>) -> Self {
        let (schema, _) = schema();
        Self::with(Index::create_in_ram(schema), Opened::InMemory { reason })
    }

    /// Wraps `index` with the tokenizer registered (tantivy keeps tokenizers in memory only).
    fn with(index: Index, opened: Opened) -> Self {
        index
            .tokenizers()
            .register(tokenizer::NAME, TextAnalyzer::from(AccordTokenizer));
        let (_, fields) = schema();
        Self {
            index,
            fields,
            opened,
            _lock: None,
            folder: None,
        }
    }

    /// The one writer of the index (tantivy locks the folder: a second Accord gets `InUse`).
    pub fn writer(&self, folder: Option<&Path>) -> Result<IndexWriter, SearchIndexError> {
        let path = folder.map_or_else(PathBuf::new, Path::to_path_buf);
        self.index
            .writer_with_num_threads(1, WRITER_MEMORY_BYTES)
            .map_err(|error| match error {
                tantivy::TantivyError::LockFailure(..) => SearchIndexError::InUse(path),
                other => SearchIndexError::Unusable {
                    path,
                    reason: other.to_string(),
                },
            })
    }

    /// A reader, reloaded by hand after each commit (see `service`).
    pub fn reader(&self) -> Result<IndexReader, SearchIndexError> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|error| SearchIndexError::Unusable {
                path: PathBuf::new(),
                reason: error.to_string(),
            })
    }

    /// The index's document for `text`.
    pub fn document(&self, text: &IndexText) -> TantivyDocument {
        let fields = self.fields;
        let id = text.document_id.0;
        let mut document = TantivyDocument::new();
        document.add_text(fields.id, text.document_id.to_string());
        document.add_u64(fields.id_high, (id >> 64) as u64);
        document.add_u64(fields.id_low, id as u64);
        document.add_text(fields.title, &text.title);
        document.add_text(fields.body, &text.body);
        document.add_text(fields.place, &text.places);
        document
    }

    /// The term that names the document `document_id` (to delete it).
    pub fn id_term(&self, document_id: DocumentId) -> Term {
        Term::from_field_text(self.fields.id, &document_id.to_string())
    }

    /// The ids of every document in the index as `reader` last saw it.
    pub fn document_ids(&self, reader: &IndexReader) -> HashSet<DocumentId> {
        let searcher = reader.searcher();
        let mut ids = HashSet::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let (Ok(high), Ok(low)) = (fast.u64("id_high"), fast.u64("id_low")) else {
                continue;
            };
            for doc in segment.doc_ids_alive() {
                if let (Some(high), Some(low)) = (high.first(doc), low.first(doc)) {
                    ids.insert(DocumentId((u128::from(high) << 64) | u128::from(low)));
                }
            }
        }
        ids
    }

    /// Runs `query` (tantivy's syntax over title, body and places; all words required unless
    /// joined by OR) against what `reader` sees: the matching articles, best first, at most
    /// `limit`, each with a hit in its stored body.
    pub fn search(&self, reader: &IndexReader, query: &str, limit: usize) -> Found {
        let mut found = Found {
            query: query.to_owned(),
            ..Found::default()
        };
        if query.trim().is_empty() {
            return found;
        }
        let parsed = match self.parser().parse_query(query) {
            Ok(parsed) => parsed,
            Err(error) => {
                found.problem = Some(plain_problem(&error));
                return found;
            }
        };
        let searcher = reader.searcher();
        let collector = (Count, TopDocs::with_limit(limit.max(1)).order_by_score());
        let (count, top) = match searcher.search(&*parsed, &collector) {
            Ok(results) => results,
            Err(error) => {
                self.mark_damaged(&error.to_string());
                found.problem = Some(format!(
                    "The search index could not be read ({error}); Accord builds it again at the next start."
                ));
                return found;
            }
        };
        found.documents = count;
        let words = self.query_words(&*parsed);
        let needles: Vec<Needle> = words.iter().filter_map(|word| Needle::new(word)).collect();
        for (_, address) in top.into_iter().take(limit) {
            if let Some(hit) = self.hit(&searcher, address, &needles) {
                found.hits.push(hit);
            }
        }
        found
    }

    /// Marks the index on disk as damaged (its stamp says so), so the next start builds it
    /// again rather than trusting it; called when reading it failed.
    pub fn mark_damaged(&self, reason: &str) {
        if let Some(folder) = &self.folder {
            // Best effort: if even this fails, the next failed read tries again.
            let _ = std::fs::write(folder.join(STAMP_FILE), format!("{DAMAGED}: {reason}"));
        }
    }

    /// The query parser: title, body and places by default, all words required.
    fn parser(&self) -> QueryParser {
        let fields = self.fields;
        let mut parser =
            QueryParser::for_index(&self.index, vec![fields.title, fields.body, fields.place]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(fields.title, 2.0);
        parser
    }

    /// The words `query` looks for, in any field (folded, lower case): the snippet marks the
    /// first of them the body holds, so `title:forum` still shows where the text says "forum".
    fn query_words(&self, query: &dyn Query) -> BTreeSet<String> {
        let fields = [self.fields.title, self.fields.body, self.fields.place];
        let mut words = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if fields.contains(&term.field())
                && let Some(text) = term.value().as_str()
            {
                words.insert(text.to_owned());
            }
        });
        words
    }

    /// The hit of one matching article: its id from the fast fields, its body from the store,
    /// and the first word of the query in it (none: the body's start).
    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        address: DocAddress,
        needles: &[Needle],
    ) -> Option<Hit> {
        let segment = searcher.segment_reader(address.segment_ord);
        let fast = segment.fast_fields();
        let high = fast.u64("id_high").ok()?.first(address.doc_id)?;
        let low = fast.u64("id_low").ok()?.first(address.doc_id)?;
        let document_id = DocumentId((u128::from(high) << 64) | u128::from(low));
        let stored: TantivyDocument = searcher.doc(address).ok()?;
        let body = stored
            .get_first(self.fields.body)
            .and_then(|value| value.as_str())
            .unwrap_or_default();
        let range = first_word(body, needles).unwrap_or(0..0);
        Some(Hit::at(document_id, body, range))
    }
}

/// The first place in `body` where one of `needles` stands as a whole word (Latin letters and
/// digits not running on either side; Chinese has no such edges).
fn first_word(body: &str, needles: &[Needle]) -> Option<Range<usize>> {
    needles
        .iter()
        .filter_map(|needle| {
            needle
                .find_iter(body)
                .find(|range| stands_alone(body, range.clone()))
        })
        .min_by_key(|range| range.start)
}

/// Whether the Latin word at `range` is not part of a longer word.
fn stands_alone(body: &str, range: Range<usize>) -> bool {
    let latin = |c: char| c.is_alphanumeric() && !crate::extract::is_cjk(c);
    let before = body
        .get(..range.start)
        .and_then(|text| text.chars().next_back());
    let after = body.get(range.end..).and_then(|text| text.chars().next());
    let first = body.get(range.clone()).and_then(|text| text.chars().next());
    match first {
        Some(c) if latin(c) => !before.is_some_and(latin) && !after.is_some_and(latin),
        _ => true,
    }
}

/// What to tell the user about a query the parser refused.
fn plain_problem(error: &QueryParserError) -> String {
    match error {
        QueryParserError::SyntaxError(detail) => format!(
            "This query cannot be read ({detail}). Check for an unbalanced quote or bracket, or put the words in quotes."
        ),
        QueryParserError::FieldDoesNotExist(field) => format!(
            "There is no field \"{field}\": use title:, body: or place: (or put a colon in quotes)."
        ),
        QueryParserError::AllButQueryForbidden => {
            "A query of NOT or - alone finds nothing: add a word to look for.".to_owned()
        }
        other => format!("This query cannot be run: {other}."),
    }
}

/// Takes the lock file beside `folder` (`<folder>.lock`), made when absent; `InUse` when another
/// window or process holds it.
fn lock_folder(folder: &Path) -> Result<File, SearchIndexError> {
    let unusable = |reason: String| SearchIndexError::Unusable {
        path: folder.to_path_buf(),
        reason,
    };
    if let Some(parent) = folder.parent() {
        std::fs::create_dir_all(parent).map_err(|error| unusable(error.to_string()))?;
    }
    let mut path = folder.as_os_str().to_owned();
    path.push(".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(PathBuf::from(path))
        .map_err(|error| unusable(error.to_string()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            Err(SearchIndexError::InUse(folder.to_path_buf()))
        }
        Err(std::fs::TryLockError::Error(error)) => Err(unusable(error.to_string())),
    }
}

/// The index in `folder` when it is there, stamped by this build and readable; `Ok(None)`
/// when there is none; `Err(why)` when something else is there.
fn open_existing(folder: &Path) -> Result<Option<Index>, String> {
    let empty = match std::fs::read_dir(folder) {
        Ok(mut entries) => entries.next().is_none(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error.to_string()),
    };
    if empty {
        return Ok(None);
    }
    let found = std::fs::read_to_string(folder.join(STAMP_FILE))
        .map_err(|_| "it has no version stamp".to_owned())?;
    if found.starts_with(DAMAGED) {
        return Err(format!("it was found {}", found.trim()));
    }
    if found.trim() != stamp() {
        return Err(format!("it was made by another version ({})", found.trim()));
    }
    let index = Index::open_in_dir(folder).map_err(|error| error.to_string())?;
    let (expected, _) = schema();
    if index.schema() != expected {
        return Err("its fields are not this version's".to_owned());
    }
    index
        .tokenizers()
        .register(tokenizer::NAME, TextAnalyzer::from(AccordTokenizer));
    // Opening every segment reads their footers: a file cut short or overwritten fails here.
    index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|error| error.to_string())?;
    Ok(Some(index))
}

/// A new, empty index in `folder`, stamped.
fn create(folder: &Path) -> Result<Index, String> {
    std::fs::create_dir_all(folder).map_err(|error| error.to_string())?;
    let (schema, _) = schema();
    let index = Index::create_in_dir(folder, schema).map_err(|error| error.to_string())?;
    std::fs::write(folder.join(STAMP_FILE), stamp()).map_err(|error| error.to_string())?;
    Ok(index)
}

/// Clears the way for a new index: a folder Accord made (it holds the stamp file) is removed;
/// anything else is renamed `<name>.damaged` (replacing an older one), never deleted.
fn set_aside(folder: &Path) -> Result<(), String> {
    if folder.join(STAMP_FILE).is_file() {
        return std::fs::remove_dir_all(folder).map_err(|error| error.to_string());
    }
    let mut aside = folder.as_os_str().to_owned();
    aside.push(".damaged");
    let aside = PathBuf::from(aside);
    if aside.is_dir() {
        std::fs::remove_dir_all(&aside).map_err(|error| error.to_string())?;
    } else if aside.exists() {
        std::fs::remove_file(&aside).map_err(|error| error.to_string())?;
    }
    std::fs::rename(folder, &aside).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn text(title: &str, body: &str, places: &str) -> IndexText {
        IndexText {
            document_id: DocumentId::of_text(body),
            title: title.to_owned(),
            body: body.to_owned(),
            places: places.to_owned(),
        }
    }

    /// An index in memory holding `texts`, with a reader that sees them.
    fn indexed(texts: &[IndexText]) -> (FullTextIndex, IndexReader) {
        let index = FullTextIndex::in_memory(None);
        write(&index, texts);
        let reader = index.reader().unwrap();
        (index, reader)
    }

    fn write(index: &FullTextIndex, texts: &[IndexText]) {
        let mut writer = index.writer(None).unwrap();
        for text in texts {
            writer.add_document(index.document(text)).unwrap();
        }
        writer.commit().unwrap();
    }

    fn corpus() -> Vec<IndexText> {
        vec![
            text(
                "江宁区与成都签约",
                "南京市江宁区与成都市签署合作协议。双方将在人工智能领域开展合作。",
                "Jiangning District\n江宁区\n成都市",
            ),
            text(
                "蘇州與台北交流",
                "蘇州工業園區與台北市舉行經貿交流會。",
                "Suzhou\n苏州市",
            ),
            text(
                "Yangtze River Delta forum",
                "Officials from Shanghai and Nanjing met at the Yangtze River Delta forum to sign a memorandum.",
                "Shanghai\nNanjing",
            ),
            text(
                "Nanjing signs with Chengdu",
                "The city of Nanjing signed an agreement with Chengdu on river transport and logistics.",
                "Nanjing\nChengdu",
            ),
        ]
    }

    fn titles(found: &Found, texts: &[IndexText]) -> Vec<String> {
        let mut titles: Vec<String> = found
            .hits
            .iter()
            .filter_map(|hit| texts.iter().find(|t| t.document_id == hit.document_id))
            .map(|t| t.title.clone())
            .collect();
        titles.sort();
        titles
    }

    #[test]
    fn jiangning_finds_jiangning_district_with_the_hit_in_the_body() {
        let texts = corpus();
        let (index, reader) = indexed(&texts);
        let found = index.search(&reader, "江宁", 10);
        assert_eq!(found.documents, 1);
        assert_eq!(titles(&found, &texts), ["江宁区与成都签约"]);
        let hit = &found.hits[0];
        assert_eq!(&texts[0].body[hit.range.clone()], "江宁");
        assert_eq!(&hit.snippet[hit.snippet_hit.clone()], "江宁");
        // The whole word finds it too.
        assert_eq!(index.search(&reader, "江宁区", 10).documents, 1);
    }

    #[test]
    fn simplified_finds_traditional_and_traditional_finds_simplified() {
        let texts = corpus();
        let (index, reader) = indexed(&texts);
        let found = index.search(&reader, "苏州", 10);
        assert_eq!(titles(&found, &texts), ["蘇州與台北交流"]);
        let hit = &found.hits[0];
        assert_eq!(&texts[1].body[hit.range.clone()], "蘇州");
        let found = index.search(&reader, "簽署", 10);
        assert_eq!(titles(&found, &texts), ["江宁区与成都签约"]);
    }

    #[test]
    fn phrases_and_boolean_operators() {
        let texts = corpus();
        let (index, reader) = indexed(&texts);
        let delta = index.search(&reader, "\"river delta\"", 10);
        assert_eq!(titles(&delta, &texts), ["Yangtze River Delta forum"]);
        let words = index.search(&reader, "nanjing river", 10);
        assert_eq!(words.documents, 2, "all words, any order");
        let phrase = index.search(&reader, "\"nanjing river\"", 10);
        assert_eq!(phrase.documents, 0);
        let and = index.search(&reader, "Nanjing AND Chengdu", 10);
        assert_eq!(titles(&and, &texts), ["Nanjing signs with Chengdu"]);
        let or = index.search(&reader, "Shanghai OR 苏州", 10);
        assert_eq!(or.documents, 2);
        let not = index.search(&reader, "Nanjing NOT Chengdu", 10);
        assert_eq!(titles(&not, &texts), ["Yangtze River Delta forum"]);
        let minus = index.search(&reader, "nanjing -forum", 10);
        assert_eq!(titles(&minus, &texts), ["Nanjing signs with Chengdu"]);
        let hit = &not.hits[0];
        assert_eq!(&texts[2].body[hit.range.clone()], "Nanjing");
    }

    #[test]
    fn title_and_place_fields() {
        let texts = corpus();
        let (index, reader) = indexed(&texts);
        assert_eq!(
            titles(&index.search(&reader, "title:forum", 10), &texts),
            ["Yangtze River Delta forum"]
        );
        assert_eq!(index.search(&reader, "title:memorandum", 10).documents, 0);
        assert_eq!(
            titles(&index.search(&reader, "place:chengdu", 10), &texts),
            ["Nanjing signs with Chengdu"]
        );
        assert_eq!(
            titles(
                &index.search(&reader, "place:\"jiangning district\"", 10),
                &texts
            ),
            ["江宁区与成都签约"]
        );
        // A match by title marks the word in the body when the body holds it, else nothing.
        let found = index.search(&reader, "title:forum", 10);
        assert_eq!(&texts[2].body[found.hits[0].range.clone()], "forum");
        let found = index.search(&reader, "title:signs", 10);
        assert_eq!(found.hits[0].range, 0..0);
    }

    #[test]
    fn a_query_the_parser_refuses_gets_a_plain_message() {
        let (index, reader) = indexed(&corpus());
        for bad in ["\"unbalanced", "nowhere:word", "-nanjing"] {
            let found = index.search(&reader, bad, 10);
            assert!(found.problem.is_some(), "{bad}: {found:?}");
            assert!(found.hits.is_empty());
        }
        assert_eq!(
            index.search(&reader, "  ", 10),
            Found {
                query: "  ".to_owned(),
                ..Found::default()
            }
        );
    }

    #[test]
    fn ranking_is_counted_past_the_limit() {
        let texts: Vec<IndexText> = (0..30)
            .map(|n| {
                text(
                    &format!("report {n}"),
                    &format!("Hefei report number {n}"),
                    "",
                )
            })
            .collect();
        let (index, reader) = indexed(&texts);
        let found = index.search(&reader, "hefei", 5);
        assert_eq!(found.documents, 30);
        assert_eq!(found.hits.len(), 5);
    }

    #[test]
    fn reopened_index_keeps_its_documents_and_a_damaged_one_is_rebuilt() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("library.search");
        let index = FullTextIndex::open(&path).unwrap();
        assert_eq!(index.opened, Opened::Created);
        write(&index, &corpus());
        drop(index);
        let index = FullTextIndex::open(&path).unwrap();
        assert_eq!(index.opened, Opened::Existing);
        let reader = index.reader().unwrap();
        assert_eq!(index.document_ids(&reader).len(), 4);
        assert_eq!(index.search(&reader, "江宁", 10).documents, 1);
        drop((index, reader));

        std::fs::write(path.join("meta.json"), b"{ not json").unwrap();
        let index = FullTextIndex::open(&path).unwrap();
        assert!(
            matches!(index.opened, Opened::Rebuilt { .. }),
            "{:?}",
            index.opened
        );
        let reader = index.reader().unwrap();
        assert_eq!(index.document_ids(&reader).len(), 0);
        drop((index, reader));

        std::fs::write(path.join(STAMP_FILE), "accord search index: schema 0").unwrap();
        let index = FullTextIndex::open(&path).unwrap();
        assert!(matches!(index.opened, Opened::Rebuilt { .. }));
        write(&index, &corpus());

        // A read that failed marks it, and the next start builds it again.
        index.mark_damaged("a segment could not be read");
        drop(index);
        let index = FullTextIndex::open(&path).unwrap();
        assert_eq!(
            index.opened,
            Opened::Rebuilt {
                reason: "it was found damaged: a segment could not be read".to_owned()
            }
        );
        let reader = index.reader().unwrap();
        assert_eq!(index.document_ids(&reader).len(), 0);
    }

    #[test]
    fn a_folder_that_is_not_an_index_is_set_aside_not_deleted() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("library.search");
        std::fs::create_dir_all(&path).unwrap();
        std::fs::write(path.join("mine.txt"), "keep me").unwrap();
        let index = FullTextIndex::open(&path).unwrap();
        assert!(matches!(index.opened, Opened::Rebuilt { .. }));
        let aside = folder
            .path()
            .join("library.search.damaged")
            .join("mine.txt");
        assert_eq!(std::fs::read_to_string(aside).unwrap(), "keep me");
    }

    #[test]
    fn a_second_opener_is_told_the_index_is_in_use() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("library.search");
        let first = FullTextIndex::open(&path).unwrap();
        assert!(matches!(
            FullTextIndex::open(&path),
            Err(SearchIndexError::InUse(_))
        ));
        drop(first);
        assert_eq!(FullTextIndex::open(&path).unwrap().opened, Opened::Existing);
    }
}
