//! The library: the folders and files the user opened, their loading, and what was skipped.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{AppState, Inbox, PathDialog};
use crate::ingest::{self, IngestEvent, IngestJob, IngestOptions, Root};
use crate::model::{Corpus, Document, SourceId};

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

/// The library: the sources opened, the loads under way, the documents read and the files
/// skipped. It keeps its own books; [`AppState`] tells the user and moves the viewer.
#[derive(Default)]
pub struct Library {
    /// Loaded documents and skipped files.
    pub corpus: Corpus,
    /// Loads under way.
    pub loads: Vec<LoadProgress>,
    /// Which list the library panel shows.
    pub tab: LibraryTab,
    jobs: Vec<IngestJob>,
    options: IngestOptions,
}

impl Library {
    /// Whether any load is still running.
    pub fn is_loading(&self) -> bool {
        !self.loads.is_empty()
    }

    fn has_source(&self, source: SourceId) -> bool {
        self.corpus.sources().iter().any(|s| s.id == source)
    }

    fn load_mut(&mut self, source: SourceId) -> Option<&mut LoadProgress> {
        self.loads.iter_mut().find(|load| load.source == source)
    }

    /// Counts a loaded document against its load; `false` when its source was removed
    /// meanwhile (the document is dropped).
    pub(super) fn count_loaded(&mut self, document: &Document) -> bool {
        let source = document.primary_path().map(|path| path.source);
        let Some(source) = source.filter(|&source| self.has_source(source)) else {
            return false;
        };
        if let Some(load) = self.load_mut(source) {
            load.done_files += 1;
        }
        true
    }

    /// Starts loading `root` as `source` on an ingest thread reporting to `sink`; says why
    /// not when no thread could start (the source is forgotten then).
    fn start_load(
        &mut self,
        source: SourceId,
        root: Root,
        label: String,
        sink: impl Fn(IngestEvent) + Send + Sync + 'static,
    ) -> Result<(), String> {
        match ingest::spawn(source, root, self.options.clone(), sink) {
            Ok(job) => {
                self.jobs.push(job);
                self.loads.push(LoadProgress {
                    source,
                    label,
                    done_files: 0,
                    total_files: None,
                });
                Ok(())
            }
            Err(error) => {
                self.corpus.remove_source(source);
                Err(format!(
                    "Could not start loading {label}: the system would not start a worker thread ({error})."
                ))
            }
        }
    }

    /// Books an ingest event (loaded documents are batched by `poll`, one sort per frame);
    /// returns what to tell the user, when a finished load found no article.
    fn apply_ingest(&mut self, event: IngestEvent) -> Option<String> {
        match event {
            IngestEvent::Started {
                source,
                total_files,
            } => {
                if let Some(load) = self.load_mut(source) {
                    load.total_files = Some(total_files);
                }
                None
            }
            IngestEvent::Loaded(_) => None,
            IngestEvent::Skipped(skipped) => {
                if !self.has_source(skipped.source) {
                    return None;
                }
                if let Some(load) = self.load_mut(skipped.source)
                    && load.total_files.is_some()
                {
                    load.done_files += 1;
                }
                self.corpus.add_skipped(skipped);
                None
            }
            IngestEvent::Finished { source } => {
                let said = self
                    .loads
                    .iter()
                    .find(|load| load.source == source)
                    .and_then(|load| self.nothing_found(source, &load.label));
                self.loads.retain(|load| load.source != source);
                self.jobs.retain(|job| job.source != source);
                said
            }
        }
    }

    /// What to say when a finished source gave no article, with how many files it skipped.
    fn nothing_found(&self, source: SourceId, label: &str) -> Option<String> {
        let found = self
            .corpus
            .documents()
            .iter()
            .any(|document| document.paths.iter().any(|path| path.source == source));
        if found {
            return None;
        }
        let skipped = self
            .corpus
            .skipped()
            .iter()
            .filter(|skipped| skipped.source == source)
            .count();
        Some(format!(
            "No articles were found in {label}: {skipped} file(s) were skipped (see Skipped files for why). Accord reads .txt, .md and .html files."
        ))
    }

    /// Forgets a source: cancels its load, drops its documents and skipped files. Returns its
    /// folder or file, to forget across restarts too.
    fn remove_source(&mut self, source: SourceId) -> Option<PathBuf> {
        if let Some(job) = self.jobs.iter().find(|job| job.source == source) {
            job.cancel();
        }
        self.jobs.retain(|job| job.source != source);
        self.loads.retain(|load| load.source != source);
        let root = self
            .corpus
            .sources()
            .iter()
            .find(|s| s.id == source)
            .and_then(|s| s.root.clone());
        self.corpus.remove_source(source);
        root
    }
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
            LibraryCommand::ShowPathDialog => self.dialogs.path = Some(PathDialog::default()),
            LibraryCommand::RemoveSource(source) => self.remove_source(source),
            LibraryCommand::ShowTab(tab) => self.library.tab = tab,
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
        if let Some(existing) = self.library.corpus.source_for_root(Some(&path)) {
            let already_loading = self
                .library
                .loads
                .iter()
                .any(|load| load.source == existing);
            if !already_loading {
                self.tell_info(format!("{} is already open.", path.display()));
            }
            return;
        }
        let source = self.library.corpus.add_source(Some(path.clone()));
        if !self.preferences.open_paths.contains(&path) {
            self.preferences.open_paths.push(path.clone());
        }
        let label = display_name(&path);
        self.start_load(source, Root::Path(path), label);
    }

    /// Loads `root` as `source` in the background; its results come through the inbox.
    pub(super) fn start_load(&mut self, source: SourceId, root: Root, label: String) {
        let outbox = self.outbox.clone();
        let wake = Arc::clone(&self.wake);
        let sink = move |event| {
            // The receiver is gone only while the app closes; nothing is left to tell then.
            let _ = outbox.send(Inbox::Ingest(event));
            wake();
        };
        if let Err(text) = self.library.start_load(source, root, label, sink) {
            self.tell_error(text);
        }
    }

    /// Books an ingest event; a finished load shows an article at once rather than an empty
    /// viewer.
    pub(super) fn apply_ingest(&mut self, event: IngestEvent) {
        let finished = matches!(event, IngestEvent::Finished { .. });
        if let Some(text) = self.library.apply_ingest(event) {
            self.tell_info(text);
        }
        if finished && self.selected.is_none() {
            self.selected = self.library.corpus.documents().first().map(|doc| doc.id);
        }
    }

    /// Stops showing a source and forgets it across restarts.
    pub(super) fn remove_source(&mut self, source: SourceId) {
        if let Some(root) = self.library.remove_source(source) {
            self.preferences.open_paths.retain(|path| *path != root);
        }
        if self
            .selected
            .is_some_and(|document_id| self.library.corpus.document(document_id).is_none())
        {
            self.selected = self.library.corpus.documents().first().map(|doc| doc.id);
        }
    }
}

/// A short name for a path in the status bar.
pub(super) fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
