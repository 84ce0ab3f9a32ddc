//! The library: the folders and files the user opened, their loading, and what was skipped.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{AppState, Inbox, PathDialog};
use crate::ingest::{self, IngestEvent, IngestJob, IngestOptions, Refresh, Root, Watch};
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
    /// Read every opened folder again (for folders that cannot be watched).
    Reload,
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
    /// Loads and batches of changes of this source still running (each ends with a
    /// `Finished`).
    running: usize,
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
    /// The opened folders being watched for changes.
    watches: Vec<Watch>,
    options: IngestOptions,
    /// How the files of this session's loads were had (from the library index or read).
    pub files_had: FilesHad,
}

/// Files taken from the library index or read, over a session's loads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FilesHad {
    /// From the index, as this extractor makes them.
    pub from_index: usize,
    /// From the index made by an older extractor (shown, then read again).
    pub stale: usize,
    /// Read from disk.
    pub read: usize,
}

/// Where the library index lives: `ACCORD_INDEX` (`none` for no index), else beside a notebook
/// given explicitly (tests and benchmarks bring their own folder), else the data folder.
pub fn index_location(explicit_notebook: Option<&Path>) -> Option<PathBuf> {
    if let Some(value) = std::env::var_os(INDEX_VARIABLE) {
        return (!value.is_empty() && value != "none").then(|| PathBuf::from(value));
    }
    let folder = match explicit_notebook {
        Some(notebook) => notebook.parent().map(Path::to_path_buf),
        None => crate::notebook::data_folder(),
    };
    folder.map(|folder| folder.join(ingest::index::FILE_NAME))
}

/// The environment variable that places (or, with `none`, turns off) the library index.
pub const INDEX_VARIABLE: &str = "ACCORD_INDEX";

impl Library {
    /// An empty library whose loads take unchanged files from the index at `index` (none:
    /// every file is read).
    pub fn with_index(index: Option<PathBuf>) -> Self {
        let mut library = Self::default();
        library.options.index = index.map(|path| Arc::new(ingest::index::SharedIndex::new(path)));
        library
    }

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
                    running: 1,
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
            IngestEvent::Refreshing {
                source,
                total_files,
                why,
            } => {
                self.start_refresh(source, total_files, why);
                None
            }
            IngestEvent::Tally {
                from_index,
                stale,
                read,
                ..
            } => {
                self.files_had.from_index += from_index;
                self.files_had.stale += stale;
                self.files_had.read += read;
                None
            }
            IngestEvent::Gone { source, path } => {
                self.corpus.forget_path(source, &path);
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
                let load = self.load_mut(source)?;
                load.running = load.running.saturating_sub(1);
                if load.running > 0 {
                    return None;
                }
                let label = load.label.clone();
                self.loads.retain(|load| load.source != source);
                self.jobs.retain(|job| job.source != source);
                self.nothing_found(source, &label)
            }
        }
    }

    /// Books a batch of changes to a watched source as a load (or as more of the load under
    /// way), so the progress bar shows it.
    fn start_refresh(&mut self, source: SourceId, total_files: usize, why: Refresh) {
        let Some(root) = self
            .corpus
            .sources()
            .iter()
            .find(|s| s.id == source)
            .and_then(|s| s.root.clone())
        else {
            return;
        };
        match self.load_mut(source) {
            Some(load) => {
                load.running += 1;
                load.total_files = Some(load.total_files.unwrap_or(0) + total_files);
            }
            None => self.loads.push(LoadProgress {
                source,
                label: match why {
                    Refresh::Changed => format!("changes in {}", display_name(&root)),
                    Refresh::NewExtractor => format!(
                        "{} again with this version's extractor",
                        display_name(&root)
                    ),
                },
                done_files: 0,
                total_files: Some(total_files),
                running: 1,
            }),
        }
    }

    /// Watches an opened folder for changes; says why not when it cannot be watched.
    fn start_watch(
        &mut self,
        source: SourceId,
        root: PathBuf,
        sink: impl Fn(IngestEvent) + Send + Sync + 'static,
    ) -> Result<(), String> {
        let label = root.display().to_string();
        match ingest::watch(source, root, self.options.clone(), sink) {
            Ok(watch) => {
                self.watches.push(watch);
                Ok(())
            }
            Err(error) => Err(format!(
                "Accord cannot watch {label} for new or changed files ({error}). Use File → Reload folders to read it again after adding files."
            )),
        }
    }

    /// Whether `source` is being watched for changes.
    pub fn is_watched(&self, source: SourceId) -> bool {
        self.watches.iter().any(|watch| watch.source == source)
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
            "No articles were found in {label}: {skipped} file(s) were skipped (see Skipped files for why). Accord reads .txt, .md, .html, .mht, .pdf and .docx files and RSS/Atom feeds."
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
        self.watches.retain(|watch| watch.source != source);
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
            LibraryCommand::Reload => self.reload(),
        }
    }

    /// Reads every opened folder again from scratch (the seeds need not be), and watches again
    /// those that could not be watched.
    fn reload(&mut self) {
        let sources: Vec<_> = self
            .library
            .corpus
            .sources()
            .iter()
            .filter_map(|source| source.root.clone().map(|root| (source.id, root)))
            .collect();
        for (source, root) in sources {
            if self.library.loads.iter().any(|load| load.source == source) {
                continue;
            }
            self.library.corpus.clear_source(source);
            let label = display_name(&root);
            self.start_load(source, Root::Path(root.clone()), label);
            if !self.library.is_watched(source) {
                self.start_watch(source, root);
            }
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
        self.start_load(source, Root::Path(path.clone()), label);
        self.start_watch(source, path);
    }

    /// Watches an opened folder; its changes come through the inbox like a load's.
    pub(super) fn start_watch(&mut self, source: SourceId, root: PathBuf) {
        let outbox = self.outbox.clone();
        let wake = Arc::clone(&self.wake);
        let sink = move |event| {
            // The receiver is gone only while the app closes; nothing is left to tell then.
            let _ = outbox.send(Inbox::Ingest(event));
            wake();
        };
        if let Err(text) = self.library.start_watch(source, root, sink) {
            self.tell_error(text);
        }
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
