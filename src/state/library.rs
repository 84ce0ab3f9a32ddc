//! The library: the folders and files the user opened, their loading, and what was skipped.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{AppState, Inbox, PathDialog};
use crate::ingest::{self, IngestEvent, Root};
use crate::model::SourceId;

/// Commands about the library.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryCommand {
    /// Load folders or files (from the dialog, a typed path, or a drop on the window).
    OpenPaths(Vec<PathBuf>),
    /// Open the native folder dialog.
    ShowFolderDialog,
    /// Ask for a path as text (always possible, even without a dialog service).
    ShowPathDialog,
    /// Stop showing a source and forget it across restarts.
    RemoveSource(SourceId),
    /// Switch the library between documents and skipped files.
    ShowTab(LibraryTab),
}

/// The two lists of the library panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LibraryTab {
    /// Loaded documents.
    #[default]
    Documents,
    /// Files that were found but not loaded, with reasons.
    Skipped,
}

/// Loading progress of one source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProgress {
    /// The source being loaded.
    pub source: SourceId,
    /// What to call it in the status bar.
    pub label: String,
    /// Files handled so far (loaded or skipped after the walk).
    pub done_files: usize,
    /// Files to read, once the walk is done.
    pub total_files: Option<usize>,
}

impl AppState {
    /// Applies a command about the library.
    pub(super) fn handle_library(&mut self, command: LibraryCommand) {
        match command {
            LibraryCommand::OpenPaths(paths) => {
                for path in paths {
                    self.open_path(path);
                }
            }
            LibraryCommand::ShowFolderDialog => self.show_folder_dialog(),
            LibraryCommand::ShowPathDialog => self.path_dialog = Some(PathDialog::default()),
            LibraryCommand::RemoveSource(source) => self.remove_source(source),
            LibraryCommand::ShowTab(tab) => self.library_tab = tab,
        }
    }

    pub(super) fn open_path(&mut self, path: PathBuf) {
        // Absolute but not canonical: keeps the user's own spelling of the path (and avoids
        // Windows' `\\?\` prefix); links inside are still walked safely.
        let path = std::path::absolute(&path).unwrap_or(path);
        if !path.exists() {
            self.tell_error(format!(
                "{} does not exist. Check the path and try again.",
                path.display()
            ));
            return;
        }
        if let Some(existing) = self.corpus.source_for_root(Some(&path)) {
            let already_loading = self.loads.iter().any(|load| load.source == existing);
            if !already_loading {
                self.tell_info(format!("{} is already open.", path.display()));
            }
            return;
        }
        let source = self.corpus.add_source(Some(path.clone()));
        if !self.preferences.open_paths.contains(&path) {
            self.preferences.open_paths.push(path.clone());
        }
        let label = display_name(&path);
        self.start_load(source, Root::Path(path), label);
    }

    pub(super) fn start_load(&mut self, source: SourceId, root: Root, label: String) {
        let outbox = self.outbox.clone();
        let wake = Arc::clone(&self.wake);
        let sink = move |event| {
            // The receiver is gone only while the app closes; nothing is left to tell then.
            let _ = outbox.send(Inbox::Ingest(event));
            wake();
        };
        match ingest::spawn(source, root, self.options.clone(), sink) {
            Ok(job) => {
                self.jobs.push(job);
                self.loads.push(LoadProgress {
                    source,
                    label,
                    done_files: 0,
                    total_files: None,
                });
            }
            Err(error) => {
                self.corpus.remove_source(source);
                self.tell_error(format!(
                    "Could not start loading {label}: the system would not start a worker thread ({error})."
                ));
            }
        }
    }

    pub(super) fn apply_ingest(&mut self, event: IngestEvent) {
        match event {
            IngestEvent::Started {
                source,
                total_files,
            } => {
                if let Some(load) = self.load_mut(source) {
                    load.total_files = Some(total_files);
                }
            }
            // Loaded documents are batched by `poll`, one sort per frame.
            IngestEvent::Loaded(_) => {}
            IngestEvent::Skipped(skipped) => {
                if !self.has_source(skipped.source) {
                    return;
                }
                if let Some(load) = self.load_mut(skipped.source)
                    && load.total_files.is_some()
                {
                    load.done_files += 1;
                }
                self.corpus.add_skipped(skipped);
            }
            IngestEvent::Finished { source } => {
                if let Some(load) = self.loads.iter().find(|load| load.source == source) {
                    let found =
                        self.corpus.documents().iter().any(|document| {
                            document.paths.iter().any(|path| path.source == source)
                        });
                    if !found {
                        let skipped = self
                            .corpus
                            .skipped()
                            .iter()
                            .filter(|skipped| skipped.source == source)
                            .count();
                        let text = format!(
                            "No articles were found in {}: {skipped} file(s) were skipped (see Skipped files for why). Accord reads .txt, .md and .html files.",
                            load.label
                        );
                        self.tell_info(text);
                    }
                }
                self.loads.retain(|load| load.source != source);
                self.jobs.retain(|job| job.source != source);
                // Show an article at once rather than an empty viewer.
                if self.selected.is_none() {
                    self.selected = self.corpus.documents().first().map(|doc| doc.id);
                }
            }
        }
    }

    pub(super) fn remove_source(&mut self, source: SourceId) {
        if let Some(job) = self.jobs.iter().find(|job| job.source == source) {
            job.cancel();
        }
        self.jobs.retain(|job| job.source != source);
        self.loads.retain(|load| load.source != source);
        if let Some(root) = self
            .corpus
            .sources()
            .iter()
            .find(|s| s.id == source)
            .and_then(|s| s.root.clone())
        {
            self.preferences.open_paths.retain(|path| *path != root);
        }
        self.corpus.remove_source(source);
        if self
            .selected
            .is_some_and(|document_id| self.corpus.document(document_id).is_none())
        {
            self.selected = self.corpus.documents().first().map(|doc| doc.id);
        }
    }

    pub(super) fn has_source(&self, source: SourceId) -> bool {
        self.corpus.sources().iter().any(|s| s.id == source)
    }

    pub(super) fn load_mut(&mut self, source: SourceId) -> Option<&mut LoadProgress> {
        self.loads.iter_mut().find(|load| load.source == source)
    }
}

/// A short name for a path in the status bar.
pub(super) fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
