//! Loading on a background thread: walk, then read and clean files in parallel, streaming
//! results as they come so the UI can show documents while a large folder is still loading.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::index::{FileStamp, Lookup, SharedIndex};
use super::walk::{Found, format_of, walk};
use super::{IngestOptions, read_documents, read_limited};
use crate::model::{
    Captured, DocPath, Document, Format, PartialDate, SkipReason, SkippedFile, SourceId,
};
use crate::seeds;

/// What to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Root {
    /// The seed articles bundled in the binary.
    Bundled,
    /// A folder (walked recursively) or a single file.
    Path(PathBuf),
    /// The output of `accord extract --jsonl` or `--json`: its events and metadata, each
    /// article's text read from its file when it is there.
    Extraction {
        /// The extraction file.
        file: PathBuf,
        /// The folder the articles' relative names are read from when they are not beside
        /// the file.
        articles: Option<PathBuf>,
    },
}

/// A step of a load, sent to the listener as it happens.
#[derive(Debug)]
pub enum IngestEvent {
    /// The walk is done: this many files will be read.
    Started {
        /// The source being loaded.
        source: SourceId,
        /// Files to read (skipped entries are not counted).
        total_files: usize,
    },
    /// A document was read.
    Loaded(Box<Document>),
    /// A file was found but not loaded.
    Skipped(SkippedFile),
    /// Files of a source are read again: this many (after the [`Self::Gone`] of every path
    /// touched), because they changed on disk or because the index had them from an older
    /// extractor.
    Refreshing {
        /// The source.
        source: SourceId,
        /// Files to read.
        total_files: usize,
        /// Why.
        why: Refresh,
    },
    /// How the files of a load were had: from the library index or read (sent before
    /// [`Self::Finished`]).
    Tally {
        /// The source.
        source: SourceId,
        /// Files whose documents came from the index, as this extractor made them.
        from_index: usize,
        /// Files from the index made by an older extractor: shown, then read again.
        stale: usize,
        /// Files read (new, changed, or not in the index).
        read: usize,
    },
    /// A file or folder of a watched source changed or went away: whatever was read from it
    /// (at or below this path) is to be forgotten; what is still there follows as loaded.
    Gone {
        /// The source.
        source: SourceId,
        /// The file or folder.
        path: PathBuf,
    },
    /// Every file of the source has been handled.
    Finished {
        /// The source that finished.
        source: SourceId,
    },
}

/// Why files are read again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refresh {
    /// They changed on disk (a watched folder).
    Changed,
    /// The library index had them from an older extractor.
    NewExtractor,
}

/// A load running in the background.
#[derive(Debug)]
pub struct IngestJob {
    /// The source it loads.
    pub source: SourceId,
    cancelled: Arc<AtomicBool>,
}

impl IngestJob {
    /// Asks the load to stop early (files already sent stay sent).
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

/// Starts loading `root` on a named background thread, handing every event to `sink` (which
/// typically forwards it to the UI and asks for a repaint).
pub fn spawn(
    source: SourceId,
    root: Root,
    options: IngestOptions,
    sink: impl Fn(IngestEvent) + Send + Sync + 'static,
) -> std::io::Result<IngestJob> {
    let cancelled = Arc::new(AtomicBool::new(false));
    let job = IngestJob {
        source,
        cancelled: Arc::clone(&cancelled),
    };
    std::thread::Builder::new()
        .name(format!("accord-ingest-{}", source.0))
        .spawn(move || {
            let load = || ingest(source, &root, &options, &cancelled, &sink);
            // Its own threads: on rayon's global pool, a long load would queue the window's
            // parallel work (the desk's, the overview's) behind itself and hold the frames.
            match rayon::ThreadPoolBuilder::new()
                .thread_name(move |n| format!("accord-ingest-{}-{n}", source.0))
                .build()
            {
                Ok(pool) => pool.install(load),
                Err(_) => load(),
            }
        })?;
    Ok(job)
}

/// Loads `root` on the calling thread (reading files in parallel), sending every event to
/// `send`. The command line calls this directly; [`spawn`] calls it on a worker thread.
pub fn ingest(
    source: SourceId,
    root: &Root,
    options: &IngestOptions,
    cancelled: &AtomicBool,
    send: &(dyn Fn(IngestEvent) + Sync),
) {
    let skipped = |path: PathBuf, reason: SkipReason| {
        send(IngestEvent::Skipped(SkippedFile {
            source,
            path,
            reason,
        }));
    };
    match root {
        Root::Bundled => {
            let files = seeds::files();
            send(IngestEvent::Started {
                source,
                total_files: files.len(),
            });
            files.par_iter().for_each(|(name, bytes)| {
                let path = PathBuf::from("seeds").join(name);
                let doc_path = DocPath {
                    source,
                    path: path.clone(),
                    relative: (*name).to_owned(),
                };
                let result =
                    format_of(&path).and_then(|format| read_safely(bytes, format, doc_path));
                send_read(source, &path, result, send);
            });
        }
        Root::Path(root) => {
            let mut files = Vec::new();
            walk(root, options.follow_outside_links, |found| match found {
                Found::File {
                    path,
                    relative,
                    format,
                } => files.push((path, relative, format)),
                Found::Skipped { path, reason } => skipped(path, reason),
            });
            send(IngestEvent::Started {
                source,
                total_files: files.len(),
            });
            let tally = Tally::default();
            let stale = Mutex::new(Vec::new());
            files.par_iter().for_each(|(path, relative, format)| {
                if cancelled.load(Ordering::Relaxed) {
                    return;
                }
                let doc_path = DocPath {
                    source,
                    path: path.clone(),
                    relative: relative.clone(),
                };
                let (result, had) = read_through_index(path, *format, &doc_path, options);
                tally.count(had);
                if had == Had::Stale
                    && let Ok(mut stale) = stale.lock()
                {
                    stale.push(doc_path);
                }
                send_read(source, path, result, send);
            });
            flush_index(options);
            send(tally.event(source));
            send(IngestEvent::Finished { source });
            let stale = stale.into_inner().unwrap_or_default();
            if !stale.is_empty() && !cancelled.load(Ordering::Relaxed) {
                reread_stale(source, &stale, &files, options, cancelled, send);
            }
            return;
        }
        Root::Extraction { file, articles } => {
            super::extraction_file::load(
                source,
                file,
                articles.as_deref(),
                options,
                cancelled,
                send,
            );
            flush_index(options);
        }
    }
    send(IngestEvent::Finished { source });
}

/// How a file's documents were had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Had {
    /// From the index, as this extractor makes them.
    Indexed,
    /// From the index, made by an older extractor.
    Stale,
    /// Read from the file.
    Read,
}

/// Counts of [`Had`] over a load, from many threads.
#[derive(Default)]
struct Tally {
    from_index: AtomicUsize,
    stale: AtomicUsize,
    read: AtomicUsize,
}

impl Tally {
    fn count(&self, had: Had) {
        let counter = match had {
            Had::Indexed => &self.from_index,
            Had::Stale => &self.stale,
            Had::Read => &self.read,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    fn event(&self, source: SourceId) -> IngestEvent {
        IngestEvent::Tally {
            source,
            from_index: self.from_index.load(Ordering::Relaxed),
            stale: self.stale.load(Ordering::Relaxed),
            read: self.read.load(Ordering::Relaxed),
        }
    }
}

/// A file's documents from the library index when it holds this version of the file, else
/// read (and recorded in the index). Without an index, read.
pub(super) fn read_through_index(
    path: &Path,
    format: Format,
    doc_path: &DocPath,
    options: &IngestOptions,
) -> (Result<Vec<Document>, SkipReason>, Had) {
    let index = options.index.as_deref().and_then(SharedIndex::get);
    let stamp = index.and_then(|_| FileStamp::of(path));
    if let (Some(index), Some(stamp)) = (index, stamp) {
        match index.lookup(stamp, doc_path) {
            Lookup::Fresh(documents) => return (Ok(documents), Had::Indexed),
            Lookup::Stale(documents) => return (Ok(documents), Had::Stale),
            Lookup::Miss => {}
        }
    }
    let result = read_file(path, format, doc_path.clone(), options);
    if let (Some(index), Some(stamp), Ok(documents)) = (index, stamp, &result) {
        index.store(doc_path, stamp, documents);
    }
    (result, Had::Read)
}

/// Hands what reading a file gave to the sink: each of its documents loaded, or the file
/// skipped with the reason.
pub(super) fn send_read(
    source: SourceId,
    path: &Path,
    result: Result<Vec<Document>, SkipReason>,
    send: &(dyn Fn(IngestEvent) + Sync),
) {
    match result {
        Ok(documents) => {
            for document in documents {
                send(IngestEvent::Loaded(Box::new(document)));
            }
        }
        Err(reason) => send(IngestEvent::Skipped(SkippedFile {
            source,
            path: path.to_path_buf(),
            reason,
        })),
    }
}

/// Writes what the index has not written yet (at the end of a load).
pub(super) fn flush_index(options: &IngestOptions) {
    if let Some(index) = options.index.as_deref().and_then(SharedIndex::get) {
        index.flush();
    }
}

/// Reads again the files whose documents came from an older extractor's index entries, as a
/// refresh: each file's old documents are forgotten just before its new ones arrive.
fn reread_stale(
    source: SourceId,
    stale: &[DocPath],
    files: &[(PathBuf, String, Format)],
    options: &IngestOptions,
    cancelled: &AtomicBool,
    send: &(dyn Fn(IngestEvent) + Sync),
) {
    send(IngestEvent::Refreshing {
        source,
        total_files: stale.len(),
        why: Refresh::NewExtractor,
    });
    let formats: std::collections::HashMap<&Path, Format> = files
        .iter()
        .map(|(path, _, format)| (path.as_path(), *format))
        .collect();
    stale.par_iter().for_each(|doc_path| {
        if cancelled.load(Ordering::Relaxed) {
            return;
        }
        let path = &doc_path.path;
        let Some(&format) = formats.get(path.as_path()) else {
            return;
        };
        let stamp = FileStamp::of(path);
        let result = read_file(path, format, doc_path.clone(), options);
        send(IngestEvent::Gone {
            source,
            path: path.clone(),
        });
        if let (Ok(documents), Some(index), Some(stamp)) = (
            &result,
            options.index.as_deref().and_then(SharedIndex::get),
            stamp,
        ) {
            index.store(doc_path, stamp, documents);
        }
        send_read(source, path, result, send);
    });
    flush_index(options);
    send(IngestEvent::Finished { source });
}

/// Reads one file of the walk into its documents; a document whose file does not say when it
/// was saved takes the file's modification day, marked as such.
pub fn read_file(
    path: &Path,
    format: Format,
    doc_path: DocPath,
    options: &IngestOptions,
) -> Result<Vec<Document>, SkipReason> {
    let bytes = read_limited(path, options.max_file_bytes, format)?;
    let mut documents = read_safely(&bytes, format, doc_path)?;
    let modified = std::fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .ok()
        .and_then(day_of);
    for document in &mut documents {
        if document.meta.captured.is_none() {
            document.meta.captured = modified.map(|date| Captured {
                date,
                from_file_time: true,
            });
        }
    }
    Ok(documents)
}

/// Makes a document of a text given without a file (a line of `accord extract --stdin`): read
/// exactly as a `.txt` file holding the text would be (a text holding a page's markup as the
/// page), with `published` as the date the text's record gives — used when the text shows
/// none, as a feed item's date is. Nothing says when it was saved.
pub fn read_text(
    text: &str,
    published: Option<&str>,
    doc_path: DocPath,
) -> Result<Document, SkipReason> {
    let format = Format::Text;
    guarded(format, || {
        let mut unpacked = super::unpack(text.as_bytes(), format)?;
        for text in &mut unpacked {
            text.hints.published = published.map(str::to_owned);
        }
        let text = unpacked.into_iter().next().ok_or(SkipReason::NoText)?;
        super::document_of(text, format, doc_path)
    })
}

/// [`read_documents`], with a panic anywhere in reading, cleaning or extraction costing this
/// file only (reported as damaged) instead of the load.
fn read_safely(
    bytes: &[u8],
    format: Format,
    doc_path: DocPath,
) -> Result<Vec<Document>, SkipReason> {
    guarded(format, || read_documents(bytes, format, doc_path))
}

/// Runs `read`, turning a panic in it into the reason "damaged".
fn guarded<T>(
    format: Format,
    read: impl FnOnce() -> Result<T, SkipReason>,
) -> Result<T, SkipReason> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(SkipReason::Damaged {
            format: format.name(),
            detail: "Accord failed on it; please report the file".to_owned(),
        })
    })
}

/// The calendar day (UTC) of a system time.
fn day_of(time: std::time::SystemTime) -> Option<PartialDate> {
    let seconds = time.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    let days = i64::try_from(seconds / 86_400).ok()?;
    let (year, month, day) = civil_from_days(days);
    PartialDate::ymd(year, month, day)
}

/// Year, month and day of a count of days since 1970-01-01 (proleptic Gregorian; Howard
/// Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Loads `folder` with `options`, returning its tally and every event's kind in order.
    fn load(folder: &Path, options: &IngestOptions) -> ((usize, usize, usize), Vec<String>) {
        let events = Mutex::new(Vec::new());
        ingest(
            SourceId(1),
            &Root::Path(folder.to_path_buf()),
            options,
            &AtomicBool::new(false),
            &|event| events.lock().unwrap().push(event),
        );
        let events = events.into_inner().unwrap();
        let tally = events
            .iter()
            .find_map(|event| match event {
                IngestEvent::Tally {
                    from_index,
                    stale,
                    read,
                    ..
                } => Some((*from_index, *stale, *read)),
                _ => None,
            })
            .unwrap();
        let kinds = events
            .iter()
            .map(|event| match event {
                IngestEvent::Loaded(_) => "loaded".to_owned(),
                IngestEvent::Refreshing { why, .. } => format!("refreshing {why:?}"),
                IngestEvent::Gone { .. } => "gone".to_owned(),
                IngestEvent::Finished { .. } => "finished".to_owned(),
                other => format!("{other:?}")
                    .split([' ', '{'])
                    .next()
                    .unwrap()
                    .to_owned(),
            })
            .collect();
        (tally, kinds)
    }

    #[test]
    fn unchanged_files_come_from_the_index_changed_and_outdated_ones_are_read_again() {
        let folder = tempfile::tempdir().unwrap();
        let articles = folder.path().join("articles");
        std::fs::create_dir(&articles).unwrap();
        for (name, bytes) in seeds::files().iter().take(3) {
            std::fs::write(articles.join(name), bytes).unwrap();
        }
        let index = Arc::new(SharedIndex::new(folder.path().join("library.redb")));
        let options = IngestOptions {
            index: Some(Arc::clone(&index)),
            ..IngestOptions::default()
        };
        let (first, _) = load(&articles, &options);
        assert_eq!(first, (0, 0, 3), "all read the first time");
        let (again, kinds) = load(&articles, &options);
        assert_eq!(again, (3, 0, 0), "none read again");
        assert_eq!(kinds.iter().filter(|kind| *kind == "loaded").count(), 3);

        // A file saved again is read again; the others are not.
        let (name, bytes) = seeds::files()[0];
        let mut changed = bytes.to_vec();
        changed.extend_from_slice(b"\n\nOne more paragraph.\n");
        std::fs::write(articles.join(name), changed).unwrap();
        let (after_change, _) = load(&articles, &options);
        assert_eq!(after_change, (2, 0, 1));

        // A new extractor: the old documents are shown, then each file read again in a
        // refresh that forgets its old documents first.
        index.get().unwrap().age_entries();
        let (outdated, kinds) = load(&articles, &options);
        assert_eq!(outdated, (0, 3, 0));
        let refresh = kinds
            .iter()
            .position(|kind| kind == "refreshing NewExtractor")
            .expect("a refresh follows");
        assert_eq!(
            kinds[..refresh]
                .iter()
                .filter(|kind| *kind == "loaded")
                .count(),
            3
        );
        let after: Vec<&String> = kinds[refresh + 1..].iter().collect();
        assert_eq!(after.iter().filter(|kind| **kind == "gone").count(), 3);
        assert_eq!(after.iter().filter(|kind| **kind == "loaded").count(), 3);
        assert_eq!(after.last().map(|kind| kind.as_str()), Some("finished"));
        let (renewed, _) = load(&articles, &options);
        assert_eq!(renewed, (3, 0, 0), "the refresh recorded the new documents");
    }

    #[test]
    fn days_since_the_epoch_are_calendar_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_790), (2026, 12, 3));
    }
}
