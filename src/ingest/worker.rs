//! Loading on a background thread: walk, then read and clean files in parallel, streaming
//! results as they come so the UI can show documents while a large folder is still loading.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::walk::{Found, format_of, walk};
use super::{IngestOptions, read_document, read_limited};
use crate::model::{DocPath, Document, SkipReason, SkippedFile, SourceId};
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
                match format_of(&path).and_then(|format| read_document(bytes, format, doc_path)) {
                    Ok(document) => send(IngestEvent::Loaded(Box::new(document))),
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
                let result = read_limited(path, options.max_file_bytes)
                    .and_then(|bytes| read_document(&bytes, *format, doc_path));
                match result {
                    Ok(document) => send(IngestEvent::Loaded(Box::new(document))),
                    Err(reason) => skipped(path.clone(), reason),
                }
            });
        }
    }
    send(IngestEvent::Finished { source });
}
