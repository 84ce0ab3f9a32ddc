//! Watching an opened folder: files added, changed, renamed or removed are read again (or
//! forgotten) without reopening the folder.
//!
//! The system's notifications (`notify`: inotify, FSEvents, ReadDirectoryChangesW) arrive in
//! bursts — a browser saving a page writes, renames and touches several files — so they are
//! gathered until the folder has been quiet for [`QUIET`] (at most [`LONGEST_WAIT`]) and then
//! handled as one batch: every path touched is first reported [`IngestEvent::Gone`], and those
//! still there are read again, as a load with progress ([`IngestEvent::Refreshing`]). A file
//! whose content did not change comes back as the same document (ids are content hashes), so
//! notes stay attached; a removed article's notes stay in the notebook, detached.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};
use rayon::prelude::*;

use super::index::SharedIndex;
use super::walk::{Found, format_of, is_saved_page_resources, relative_name, walk};
use super::worker::{flush_index, read_through_index, send_read};
use super::{IngestEvent, IngestOptions};
use crate::model::{DocPath, SkippedFile, SourceId};

/// How long the folder must be quiet before a batch of changes is read.
pub const QUIET: Duration = Duration::from_millis(300);

/// The longest a change waits while the folder keeps changing.
pub const LONGEST_WAIT: Duration = Duration::from_millis(1500);

/// Why a folder cannot be watched (network drives, the system's watch limit).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WatchError(String);

/// A folder being watched; dropping it stops the watch and its thread.
pub struct Watch {
    /// The source it reports for.
    pub source: SourceId,
    _watcher: notify::RecommendedWatcher,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch")
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

/// Watches `root` (a folder, recursively, or a single file) and sends what changed to `sink`
/// as ingest events, from a thread of its own.
pub fn watch(
    source: SourceId,
    root: PathBuf,
    options: IngestOptions,
    sink: impl Fn(IngestEvent) + Send + Sync + 'static,
) -> Result<Watch, WatchError> {
    let (send, receive) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(send).map_err(plain)?;
    let mode = if root.is_dir() {
        RecursiveMode::Recursive
    } else {
        RecursiveMode::NonRecursive
    };
    watcher.watch(&root, mode).map_err(plain)?;
    std::thread::Builder::new()
        .name(format!("accord-watch-{}", source.0))
        .spawn(move || {
            while let Some(paths) = next_batch(&receive) {
                refresh(source, &root, &paths, &options, &sink);
            }
        })
        .map_err(|error| WatchError(error.to_string()))?;
    Ok(Watch {
        source,
        _watcher: watcher,
    })
}

/// The watch error in plain words, with what usually causes it.
fn plain(error: notify::Error) -> WatchError {
    let hint = match &error.kind {
        notify::ErrorKind::MaxFilesWatch => {
            " (the system's limit on watched folders is reached)".to_owned()
        }
        notify::ErrorKind::PathNotFound => " (the folder is gone)".to_owned(),
        _ => String::new(),
    };
    WatchError(format!("{error}{hint}"))
}

/// Waits for the next change, then gathers changes until the folder is quiet; `None` when the
/// watch has stopped.
fn next_batch(
    receive: &mpsc::Receiver<notify::Result<notify::Event>>,
) -> Option<BTreeSet<PathBuf>> {
    let mut paths = BTreeSet::new();
    let mut first = None;
    loop {
        let waited = match first {
            None => receive.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(first) => {
                let left = LONGEST_WAIT.saturating_sub(Instant::elapsed(&first));
                receive.recv_timeout(QUIET.min(left))
            }
        };
        match waited {
            Ok(Ok(event)) if counts(&event.kind) => {
                paths.extend(event.paths);
                first.get_or_insert_with(Instant::now);
            }
            // Reads (Accord's own among them) and the watcher's own errors change nothing.
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => return Some(paths),
            Err(RecvTimeoutError::Disconnected) => {
                return (!paths.is_empty()).then_some(paths);
            }
        }
        if first.is_some_and(|first| first.elapsed() >= LONGEST_WAIT) {
            return Some(paths);
        }
    }
}

/// Whether an event can change what a folder holds (opening or reading a file cannot).
fn counts(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access(_))
}

/// Reads a batch of changed paths again: each is first gone, then whatever is there now is
/// read (a folder that appeared is walked).
fn refresh(
    source: SourceId,
    root: &Path,
    paths: &BTreeSet<PathBuf>,
    options: &IngestOptions,
    send: &(dyn Fn(IngestEvent) + Sync),
) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if hidden_below(root, path) {
            continue;
        }
        if path.is_dir() {
            walk(path, options.follow_outside_links, |found| match found {
                Found::File { path, format, .. } => files.push((path, format)),
                Found::Skipped { path, reason } => skipped.push((path, reason)),
            });
        } else if path.is_file() {
            match format_of(path) {
                Ok(format) => files.push((path.clone(), format)),
                Err(reason) => skipped.push((path.clone(), reason)),
            }
        }
    }
    send(IngestEvent::Refreshing {
        source,
        total_files: files.len(),
        why: super::Refresh::Changed,
    });
    let index = options.index.as_deref().and_then(SharedIndex::get);
    for path in paths.iter().filter(|path| !hidden_below(root, path)) {
        if let Some(index) = index
            && !path.exists()
        {
            index.forget(path);
        }
        send(IngestEvent::Gone {
            source,
            path: path.clone(),
        });
    }
    for (path, reason) in skipped {
        send(IngestEvent::Skipped(SkippedFile {
            source,
            path,
            reason,
        }));
    }
    files.par_iter().for_each(|(path, format)| {
        let doc_path = DocPath {
            source,
            path: path.clone(),
            relative: relative_name(root, path),
        };
        // A renamed or moved file is still in the index under its old path only; a file
        // saved again has a new stamp: both are read, and recorded.
        let (result, _) = read_through_index(path, *format, &doc_path, options);
        send_read(source, path, result, send);
    });
    flush_index(options);
    send(IngestEvent::Finished { source });
}

/// Whether a path lies in (or is) a hidden file or folder below the root, or a saved page's
/// resources: the walk passes those over, and so does the watch (an editor's swap file, a
/// `.git` folder, the images of `story_files/`).
fn hidden_below(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let hidden = relative
        .components()
        .any(|component| component.as_os_str().to_string_lossy().starts_with('.'));
    hidden
        || path
            .ancestors()
            .take_while(|ancestor| ancestor.starts_with(root) && *ancestor != root)
            .any(is_saved_page_resources)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::sync::{Arc, Mutex};

    use super::*;

    /// Collects a watch's events until one batch has finished.
    fn finished_batch(events: &Mutex<Vec<IngestEvent>>) -> Vec<IngestEvent> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            {
                let mut events = events.lock().unwrap();
                if events
                    .iter()
                    .any(|event| matches!(event, IngestEvent::Finished { .. }))
                {
                    return std::mem::take(&mut *events);
                }
            }
            assert!(Instant::now() < deadline, "no change was reported");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn a_file_added_then_removed_is_read_then_gone() {
        let dir = tempfile::tempdir().unwrap();
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = {
            let events = Arc::clone(&events);
            move |event| events.lock().unwrap().push(event)
        };
        let root = dir.path().to_path_buf();
        let _watch = watch(SourceId(1), root.clone(), IngestOptions::default(), sink).unwrap();
        let file = root.join("new.txt");
        std::fs::write(
            &file,
            "Two cities sign\n\nWuxi and Xuzhou signed a cooperation agreement on Tuesday.",
        )
        .unwrap();
        std::fs::write(root.join(".new.txt.swp"), "editor state").unwrap();
        let batch = finished_batch(&events);
        let loaded: Vec<_> = batch
            .iter()
            .filter_map(|event| match event {
                IngestEvent::Loaded(document) => Some(document.paths[0].relative.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(loaded, ["new.txt"]);
        assert!(batch.iter().any(|event| matches!(
            event,
            IngestEvent::Gone { path, .. } if *path == file
        )));

        std::fs::remove_file(&file).unwrap();
        let batch = finished_batch(&events);
        assert!(batch.iter().any(|event| matches!(
            event,
            IngestEvent::Gone { path, .. } if *path == file
        )));
        assert!(
            !batch
                .iter()
                .any(|event| matches!(event, IngestEvent::Loaded(_)))
        );
    }
}
