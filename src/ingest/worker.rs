//! Loading on a background thread: walk, then read and clean files in parallel, streaming
//! results as they come so the UI can show documents while a large folder is still loading.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

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
    /// Files of a watched source changed: this many will be read again (after the
    /// [`Self::Gone`] of every path touched).
    Refreshing {
        /// The source.
        source: SourceId,
        /// Files to read.
        total_files: usize,
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
        .spawn(move || ingest(source, &root, &options, &cancelled, &sink))?;
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
                match format_of(&path).and_then(|format| read_safely(bytes, format, doc_path)) {
                    Ok(documents) => {
                        for document in documents {
                            send(IngestEvent::Loaded(Box::new(document)));
                        }
                    }
                    Err(reason) => skipped(path, reason),
                }
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
            files.par_iter().for_each(|(path, relative, format)| {
                if cancelled.load(Ordering::Relaxed) {
                    return;
                }
                let doc_path = DocPath {
                    source,
                    path: path.clone(),
                    relative: relative.clone(),
                };
                match read_file(path, *format, doc_path, options) {
                    Ok(documents) => {
                        for document in documents {
                            send(IngestEvent::Loaded(Box::new(document)));
                        }
                    }
                    Err(reason) => skipped(path.clone(), reason),
                }
            });
        }
    }
    send(IngestEvent::Finished { source });
}

/// Reads one file of the walk into its documents; a document whose file does not say when it
/// was saved takes the file's modification day, marked as such.
pub fn read_file(
    path: &std::path::Path,
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

/// [`read_documents`], with a panic anywhere in reading, cleaning or extraction costing this
/// file only (reported as damaged) instead of the load.
fn read_safely(
    bytes: &[u8],
    format: Format,
    doc_path: DocPath,
) -> Result<Vec<Document>, SkipReason> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_documents(bytes, format, doc_path)
    }))
    .unwrap_or_else(|_| {
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

    #[test]
    fn days_since_the_epoch_are_calendar_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_790), (2026, 12, 3));
    }
}
