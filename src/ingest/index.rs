//! The library index: what each file of the opened folders gave (its documents, cleaned and
//! extracted), kept in the data folder so that reopening a library reads only what changed.
//!
//! A cache and nothing more: a file's entry is used only when the file's size and modification
//! time are those recorded, and its documents are shown as "fresh" only when they were made by
//! this build's pipeline ([`PIPELINE_REVISION`]); older ones are shown at once and read again
//! in the background. An entry that cannot be decoded is a miss; an index file that cannot be
//! opened is set aside and started afresh. Deleting it loses nothing; it never holds notes.
//!
//! One redb table, keyed by the file's full path; the value is a postcard-encoded [`Entry`].
//! The body of each document is not stored: it is rebuilt from the original text and the body
//! segments, which is what the body is.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::UNIX_EPOCH;

use redb::{ReadableDatabase, ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};

use crate::model::{
    BodySegment, DocPath, Document, DocumentId, DocumentMeta, Extraction, Format, HeldText, Part,
    ReadWarning, Text, static_encoding_name,
};

/// Bump when what a file gives changes — reading, cleaning or extraction — so that indexes
/// made by older builds are read again. `pipeline_revision_names_the_seeds_output` fails until
/// it is bumped and the new output's hash recorded.
pub const PIPELINE_REVISION: u32 = 1;

/// The table of entries; a new layout of [`Entry`] takes a new name (old entries are ignored).
const FILES: TableDefinition<'static, &[u8], &[u8]> = TableDefinition::new("files-v1");

/// How many new entries are written in one transaction.
const BATCH: usize = 256;

/// The file name of the index in the data folder.
pub const FILE_NAME: &str = "library.redb";

/// What identifies a version of a file without reading it: its size and modification time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// Bytes.
    pub size: u64,
    /// Nanoseconds since 1970 (before 1970 or unknown: 0, which still has to match).
    pub modified_nanos: u128,
}

impl FileStamp {
    /// The stamp of the file at `path`; `None` when it cannot be stat'ed.
    pub fn of(path: &Path) -> Option<Self> {
        let metadata = std::fs::metadata(path).ok()?;
        let modified_nanos = metadata
            .modified()
            .ok()
            .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |since| since.as_nanos());
        Some(Self {
            size: metadata.len(),
            modified_nanos,
        })
    }
}

/// What a file gave, as stored.
#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    /// The build's `CARGO_PKG_VERSION` and [`PIPELINE_REVISION`] when it was made.
    made_by: String,
    stamp: FileStamp,
    documents: Vec<StoredDocument>,
}

/// A document without its paths (the walk gives them) and without its body (rebuilt).
#[derive(Debug, Serialize, Deserialize)]
struct StoredDocument {
    id: DocumentId,
    format: Format,
    /// What follows the file's relative path in this document's (a feed item's " › item 3").
    item: String,
    encoding: String,
    read_warnings: Vec<ReadWarning>,
    meta: DocumentMeta,
    original: String,
    segments: Vec<BodySegment>,
    parts: Vec<Part>,
    extraction: Extraction,
}

/// What the index knows of a file.
#[derive(Debug)]
pub enum Lookup {
    /// Its documents, made by this build's pipeline from this very version of the file.
    Fresh(Vec<Document>),
    /// Its documents from this version of the file, made by an older pipeline: show them, then
    /// read the file again.
    Stale(Vec<Document>),
    /// Nothing usable: read the file.
    Miss,
}

/// How the index was opened, for the user and for tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    /// As it was.
    Existing,
    /// Made afresh (none was there).
    Created,
    /// The old file could not be read: set aside as `library.redb.damaged`, and a new one made.
    Rebuilt {
        /// Why the old one could not be used.
        reason: String,
    },
}

/// The index of one data folder.
pub struct LibraryIndex {
    db: redb::Database,
    /// Entries read since the last write, written in batches.
    pending: Mutex<Vec<(Vec<u8>, Vec<u8>)>>,
    /// How it was opened.
    pub opened: Opened,
}

impl std::fmt::Debug for LibraryIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LibraryIndex")
            .field("opened", &self.opened)
            .finish_non_exhaustive()
    }
}

/// Why there is no index this time (the library loads without one).
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// Another Accord has it open.
    #[error("another Accord window is using the library index {0}")]
    InUse(PathBuf),
    /// The folder or file cannot be written or read.
    #[error("the library index {path} cannot be opened: {reason}")]
    Unusable {
        /// The index file.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
}

impl LibraryIndex {
    /// Opens the index at `path`, making it (and its folder) when absent; a file that is not a
    /// readable index is moved aside and replaced, never trusted.
    pub fn open(path: &Path) -> Result<Self, IndexError> {
        let unusable = |reason: String| IndexError::Unusable {
            path: path.to_path_buf(),
            reason,
        };
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|error| unusable(error.to_string()))?;
        }
        let existed = path.exists();
        let opened = match redb::Database::create(path) {
            Ok(db) => Ok((db, Opened::Existing)),
            Err(redb::DatabaseError::DatabaseAlreadyOpen) => {
                return Err(IndexError::InUse(path.to_path_buf()));
            }
            Err(error) => Err(error.to_string()),
        };
        let (db, opened) = match opened {
            Ok((db, opened)) => match check_table(&db) {
                Ok(()) => (db, opened),
                Err(reason) => {
                    drop(db);
                    (rebuild(path).map_err(unusable)?, Opened::Rebuilt { reason })
                }
            },
            Err(reason) if existed => {
                (rebuild(path).map_err(unusable)?, Opened::Rebuilt { reason })
            }
            Err(reason) => return Err(unusable(reason)),
        };
        let opened = match opened {
            Opened::Existing if !existed => Opened::Created,
            other => other,
        };
        Ok(Self {
            db,
            pending: Mutex::new(Vec::new()),
            opened,
        })
    }

    /// What the index holds for the file at `doc_path.path` in the version `stamp`; the
    /// documents carry `doc_path` (with a feed item's suffix).
    pub fn lookup(&self, stamp: FileStamp, doc_path: &DocPath) -> Lookup {
        let key = path_key(&doc_path.path);
        let Some(bytes) = self.read(&key) else {
            return Lookup::Miss;
        };
        let Ok(entry) = postcard::from_bytes::<Entry>(&bytes) else {
            return Lookup::Miss;
        };
        if entry.stamp != stamp {
            return Lookup::Miss;
        }
        let fresh = entry.made_by == made_by();
        let documents = entry
            .documents
            .into_iter()
            .map(|stored| stored.into_document(doc_path))
            .collect();
        if fresh {
            Lookup::Fresh(documents)
        } else {
            Lookup::Stale(documents)
        }
    }

    /// Records what the file (`file`: its path as the walk gave it) in the version `stamp`
    /// gave (written with the next batch; [`Self::flush`] writes the rest).
    pub fn store(&self, file: &DocPath, stamp: FileStamp, documents: &[Document]) {
        let path = &file.path;
        let entry = Entry {
            made_by: made_by(),
            stamp,
            documents: match documents
                .iter()
                .map(|document| StoredDocument::of(document, &file.relative))
                .collect()
            {
                Some(documents) => documents,
                // A document whose text is set aside cannot be written back whole.
                None => return,
            },
        };
        let Ok(value) = postcard::to_allocvec(&entry) else {
            return;
        };
        let full = {
            let Ok(mut pending) = self.pending.lock() else {
                return;
            };
            pending.push((path_key(path), value));
            pending.len() >= BATCH
        };
        if full {
            self.flush();
        }
    }

    /// Writes the entries recorded since the last write. A failed write loses only cache
    /// entries (those files are read again next time).
    pub fn flush(&self) {
        let batch = match self.pending.lock() {
            Ok(mut pending) => std::mem::take(&mut *pending),
            Err(_) => return,
        };
        if batch.is_empty() {
            return;
        }
        let written = (|| -> Result<(), redb::Error> {
            let transaction = self.db.begin_write()?;
            {
                let mut table = transaction.open_table(FILES)?;
                for (key, value) in &batch {
                    table.insert(key.as_slice(), value.as_slice())?;
                }
            }
            transaction.commit()?;
            Ok(())
        })();
        if let Err(error) = written {
            eprintln!(
                "accord: the library index could not be written ({error}); files will be read again next time"
            );
        }
    }

    /// Forgets the entries of files at or below `path` (a removed file or folder).
    pub fn forget(&self, path: &Path) {
        let prefix = path_key(path);
        let forgotten = (|| -> Result<(), redb::Error> {
            let transaction = self.db.begin_write()?;
            {
                let mut table = transaction.open_table(FILES)?;
                let keys: Vec<Vec<u8>> = table
                    .range(prefix.as_slice()..)?
                    .map_while(Result::ok)
                    .map(|(key, _)| key.value().to_vec())
                    .take_while(|key| is_at_or_below(key, &prefix))
                    .collect();
                for key in keys {
                    table.remove(key.as_slice())?;
                }
            }
            transaction.commit()?;
            Ok(())
        })();
        if let Err(error) = forgotten {
            eprintln!("accord: the library index could not be updated ({error})");
        }
    }

    /// The text of document `id` as the index holds it under the file at `path`, whatever
    /// version of the file the entry was made from: the id is a hash of the text, so a text
    /// found under it is that document's.
    pub fn text_of(&self, path: &Path, id: DocumentId) -> Option<HeldText> {
        let bytes = self.read(&path_key(path))?;
        let entry = postcard::from_bytes::<Entry>(&bytes).ok()?;
        let stored = entry.documents.into_iter().find(|stored| stored.id == id)?;
        let body = body_of(&stored.original, &stored.segments);
        Some(HeldText {
            original: stored.original,
            body,
        })
    }

    /// How many files the index knows.
    pub fn len(&self) -> usize {
        let counted = (|| -> Result<u64, redb::Error> {
            let transaction = self.db.begin_read()?;
            let table = transaction.open_table(FILES)?;
            Ok(redb::ReadableTableMetadata::len(&table)?)
        })();
        counted.map_or(0, |count| usize::try_from(count).unwrap_or(usize::MAX))
    }

    /// Whether the index knows no file.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn read(&self, key: &[u8]) -> Option<Vec<u8>> {
        let transaction = self.db.begin_read().ok()?;
        let table = transaction.open_table(FILES).ok()?;
        let value = table.get(key).ok()??;
        Some(value.value().to_vec())
    }
}

#[cfg(test)]
impl LibraryIndex {
    /// Marks every entry as made by an older pipeline (as an upgrade of Accord would find them).
    pub(crate) fn age_entries(&self) {
        self.flush();
        let transaction = self.db.begin_write().unwrap();
        {
            let mut table = transaction.open_table(FILES).unwrap();
            let entries: Vec<(Vec<u8>, Vec<u8>)> = table
                .iter()
                .unwrap()
                .map(Result::unwrap)
                .map(|(key, value)| (key.value().to_vec(), value.value().to_vec()))
                .collect();
            for (key, value) in entries {
                let mut entry: Entry = postcard::from_bytes(&value).unwrap();
                entry.made_by = "0.0.0+0".to_owned();
                let value = postcard::to_allocvec(&entry).unwrap();
                table.insert(key.as_slice(), value.as_slice()).unwrap();
            }
        }
        transaction.commit().unwrap();
    }
}

impl Drop for LibraryIndex {
    fn drop(&mut self) {
        self.flush();
    }
}

/// The index the app's loads share, opened by the first load that needs it (on its worker
/// thread: a large index may take a moment to check) and kept for the session.
#[derive(Debug)]
pub struct SharedIndex {
    path: PathBuf,
    index: OnceLock<Option<LibraryIndex>>,
}

impl SharedIndex {
    /// An index at `path`, not opened yet.
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            index: OnceLock::new(),
        }
    }

    /// The index, opened on first use; `None` (said once on stderr) when it cannot be.
    pub fn get(&self) -> Option<&LibraryIndex> {
        self.index
            .get_or_init(|| match LibraryIndex::open(&self.path) {
                Ok(index) => {
                    if let Opened::Rebuilt { reason } = &index.opened {
                        eprintln!(
                            "accord: the library index {} could not be read ({reason}); it was set aside and is being rebuilt",
                            self.path.display()
                        );
                    }
                    Some(index)
                }
                Err(error) => {
                    eprintln!("accord: {error}; articles are read without it");
                    None
                }
            })
            .as_ref()
    }
}

/// Which build made an entry.
fn made_by() -> String {
    format!("{}+{PIPELINE_REVISION}", env!("CARGO_PKG_VERSION"))
}

/// Moves a damaged index aside and makes a new one.
fn rebuild(path: &Path) -> Result<redb::Database, String> {
    let aside = path.with_extension("redb.damaged");
    let _ = std::fs::remove_file(&aside);
    std::fs::rename(path, &aside)
        .or_else(|_| std::fs::remove_file(path))
        .map_err(|error| error.to_string())?;
    let db = redb::Database::create(path).map_err(|error| error.to_string())?;
    check_table(&db)?;
    Ok(db)
}

/// Makes sure the table exists and can be read (a damaged file fails here).
fn check_table(db: &redb::Database) -> Result<(), String> {
    let transaction = db.begin_write().map_err(|error| error.to_string())?;
    transaction
        .open_table(FILES)
        .map_err(|error| error.to_string())?;
    transaction.commit().map_err(|error| error.to_string())
}

/// A path as a key: its bytes on Unix, its UTF-8 elsewhere (lossless for valid names).
fn path_key(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned().into_bytes()
    }
}

/// Whether `key` is the path `prefix` or a path inside it.
fn is_at_or_below(key: &[u8], prefix: &[u8]) -> bool {
    key == prefix
        || (key.starts_with(prefix)
            && (prefix.ends_with(b"/") || matches!(key.get(prefix.len()), Some(b'/' | b'\\'))))
}

impl StoredDocument {
    fn of(document: &Document, base: &str) -> Option<Self> {
        let item = document
            .primary_path()
            .and_then(|path| path.relative.strip_prefix(base))
            .unwrap_or_default()
            .to_owned();
        Some(Self {
            id: document.id,
            format: document.format,
            item,
            encoding: document.encoding.to_owned(),
            read_warnings: document.read_warnings.clone(),
            meta: document.meta.clone(),
            original: document.original()?.to_owned(),
            segments: document.segments.clone(),
            parts: document.parts.clone(),
            extraction: document.extraction.clone(),
        })
    }

    fn into_document(self, doc_path: &DocPath) -> Document {
        let mut path = doc_path.clone();
        path.relative.push_str(&self.item);
        let body = body_of(&self.original, &self.segments);
        Document {
            id: self.id,
            format: self.format,
            paths: vec![path],
            encoding: static_encoding_name(&self.encoding),
            read_warnings: self.read_warnings,
            meta: self.meta,
            text: Text::held(self.original, body),
            segments: self.segments,
            parts: self.parts,
            extraction: self.extraction,
        }
    }
}

/// The body again: its segments' text from the original, joined by blank lines (as
/// `ingest::join_paragraphs` made it).
fn body_of(original: &str, segments: &[BodySegment]) -> String {
    let mut body = String::with_capacity(segments.last().map_or(0, |last| last.body.end));
    for segment in segments {
        while body.len() < segment.body.start {
            body.push('\n');
        }
        let length = segment.body.end - segment.body.start;
        if let Some(text) = original.get(segment.original_start..segment.original_start + length) {
            body.push_str(text);
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceId;

    fn read(relative: &str, bytes: &[u8], format: Format, path: &Path) -> Vec<Document> {
        let doc_path = DocPath {
            source: SourceId(1),
            path: path.to_path_buf(),
            relative: relative.to_owned(),
        };
        super::super::read_documents(bytes, format, doc_path).unwrap()
    }

    fn seed_documents() -> Vec<Document> {
        let mut documents: Vec<Document> = crate::seeds::files()
            .iter()
            .flat_map(|(name, bytes)| {
                let path = PathBuf::from("seeds").join(name);
                let format = super::super::walk::format_of(&path).unwrap();
                read(name, bytes, format, &path)
            })
            .collect();
        documents.sort_by_key(|document| document.id);
        documents
    }

    #[test]
    fn documents_come_back_as_they_went_in_body_included() {
        let folder = tempfile::tempdir().unwrap();
        let index = LibraryIndex::open(&folder.path().join(FILE_NAME)).unwrap();
        assert_eq!(index.opened, Opened::Created);
        let stamp = FileStamp {
            size: 10,
            modified_nanos: 99,
        };
        for document in seed_documents() {
            let path = document.paths[0].path.clone();
            index.store(&document.paths[0], stamp, std::slice::from_ref(&document));
            index.flush();
            let Lookup::Fresh(back) = index.lookup(stamp, &document.paths[0]) else {
                panic!("a fresh entry for {}", path.display());
            };
            let back = &back[0];
            assert_eq!(back.id, document.id);
            assert_eq!(
                back.body().unwrap(),
                document.body().unwrap(),
                "the body is rebuilt exactly"
            );
            assert_eq!(back.meta, document.meta);
            assert_eq!(back.extraction, document.extraction);
            assert_eq!(back.paths, document.paths);
            assert_eq!(back.encoding, document.encoding);
            // Another version of the file is a miss.
            let changed = FileStamp {
                modified_nanos: 100,
                ..stamp
            };
            assert!(matches!(
                index.lookup(changed, &document.paths[0]),
                Lookup::Miss
            ));
        }
    }

    #[test]
    fn a_feeds_items_keep_their_item_names_under_another_folder() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/news.rss");
        let bytes = std::fs::read(&path).unwrap();
        let documents = read("news.rss", &bytes, Format::Feed, &path);
        assert!(documents.len() > 1);
        let folder = tempfile::tempdir().unwrap();
        let index = LibraryIndex::open(&folder.path().join(FILE_NAME)).unwrap();
        let stamp = FileStamp::of(&path).unwrap();
        let file = DocPath {
            source: SourceId(1),
            path: path.clone(),
            relative: "news.rss".to_owned(),
        };
        index.store(&file, stamp, &documents);
        index.flush();
        let opened_as = DocPath {
            source: SourceId(7),
            path: path.clone(),
            relative: "news/news.rss".to_owned(),
        };
        let Lookup::Fresh(back) = index.lookup(stamp, &opened_as) else {
            panic!("fresh");
        };
        assert_eq!(back.len(), documents.len());
        for (back, document) in back.iter().zip(&documents) {
            let item = document.paths[0].relative.strip_prefix("news.rss").unwrap();
            assert!(!item.is_empty());
            assert_eq!(back.paths[0].relative, format!("news/news.rss{item}"));
            assert_eq!(back.paths[0].source, SourceId(7));
        }
    }

    #[test]
    fn an_entry_made_by_another_pipeline_is_stale_and_a_garbled_one_a_miss() {
        let folder = tempfile::tempdir().unwrap();
        let index = LibraryIndex::open(&folder.path().join(FILE_NAME)).unwrap();
        let document = seed_documents().remove(0);
        let stamp = FileStamp {
            size: 1,
            modified_nanos: 1,
        };
        let old = Entry {
            made_by: "0.0.1+0".to_owned(),
            stamp,
            documents: vec![StoredDocument::of(&document, &document.paths[0].relative).unwrap()],
        };
        let key = path_key(&document.paths[0].path);
        index
            .pending
            .lock()
            .unwrap()
            .push((key.clone(), postcard::to_allocvec(&old).unwrap()));
        index.flush();
        assert!(matches!(
            index.lookup(stamp, &document.paths[0]),
            Lookup::Stale(_)
        ));
        index
            .pending
            .lock()
            .unwrap()
            .push((key, b"\xff\xff not an entry".to_vec()));
        index.flush();
        assert!(matches!(
            index.lookup(stamp, &document.paths[0]),
            Lookup::Miss
        ));
    }

    #[test]
    fn a_damaged_index_is_set_aside_and_rebuilt() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join(FILE_NAME);
        std::fs::write(
            &path,
            b"this is not a redb file, though it is named like one",
        )
        .unwrap();
        let index = LibraryIndex::open(&path).unwrap();
        assert!(
            matches!(index.opened, Opened::Rebuilt { .. }),
            "{:?}",
            index.opened
        );
        assert!(index.is_empty());
        assert!(folder.path().join("library.redb.damaged").exists());
    }

    #[test]
    fn forgetting_a_folder_forgets_the_files_below_it_only() {
        let folder = tempfile::tempdir().unwrap();
        let index = LibraryIndex::open(&folder.path().join(FILE_NAME)).unwrap();
        let document = seed_documents().remove(0);
        let stamp = FileStamp {
            size: 1,
            modified_nanos: 1,
        };
        for path in ["/a/b/x.txt", "/a/b/y.txt", "/a/bc/z.txt", "/a/b"] {
            let file = DocPath {
                path: PathBuf::from(path),
                ..document.paths[0].clone()
            };
            index.store(&file, stamp, std::slice::from_ref(&document));
        }
        index.flush();
        assert_eq!(index.len(), 4);
        index.forget(Path::new("/a/b"));
        assert_eq!(index.len(), 1, "only /a/bc/z.txt is left");
    }

    #[test]
    fn pipeline_revision_names_the_seeds_output() {
        // What the seeds give, hashed. When reading, cleaning or extraction changes this, old
        // indexes hold outdated documents: bump PIPELINE_REVISION and record the new hash.
        const RECORDED: (u32, u64) = (1, 10_260_532_825_860_137_662);
        let mut text = String::new();
        for document in seed_documents() {
            text.push_str(&format!(
                "{:?}\n{:?}\n{}\n{:?}\n",
                document.meta,
                document.segments,
                document.body().unwrap(),
                document.extraction
            ));
        }
        let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
        assert_eq!(
            (PIPELINE_REVISION, hash),
            RECORDED,
            "the seeds' documents changed: bump ingest::index::PIPELINE_REVISION and record ({}, {hash})",
            PIPELINE_REVISION + u32::from(RECORDED.1 != 0 && hash != RECORDED.1)
        );
    }
}
