//! The library: the folders, files and extraction files the user opened, their loading, and
//! what was skipped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::texts::{Shelf, TextRead};
use super::{AppState, Inbox, PathDialog};
use crate::ingest::{self, IngestEvent, IngestJob, IngestOptions, Refresh, Root, Watch};
use crate::model::{Corpus, Document, DocumentId, Revision, SkipReason, SourceId};
use crate::notebook::Notebook;

/// Commands about the library.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryCommand {
    /// Load folders or files (from the dialog, a typed path, or a drop on the window).
    OpenPaths(Vec<PathBuf>),
    /// Open the native folder dialog.
    ShowFolderDialog,
    /// Open the native file dialog for an extraction file.
    ShowExtractionDialog,
    /// Load an extraction file (`accord extract --jsonl` or `--json`); opening one already
    /// open with another articles' folder reads it again from there.
    OpenExtraction(OpenedExtraction),
    /// Ask for a path as text (always possible, even without a dialog service).
    ShowPathDialog,
    /// Stop showing a source and forget it across restarts.
    RemoveSource(SourceId),
    /// Switch the library between documents and skipped files.
    ShowTab(LibraryTab),
    /// Read every opened folder again (for folders that cannot be watched).
    Reload,
}

/// An extraction file the user opened, and the folder its articles are read from when they are
/// not beside it (kept in the preferences to reopen at start).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OpenedExtraction {
    /// The output of `accord extract --jsonl` or `--json`.
    pub file: PathBuf,
    /// The folder the articles' names are relative to, when the user named one.
    pub articles: Option<PathBuf>,
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
    /// The sources that are extraction files (read again as such; not watched).
    extractions: HashMap<SourceId, OpenedExtraction>,
    options: IngestOptions,
    /// How the files of this session's loads were had (from the library index or read).
    pub files_had: FilesHad,
    /// Which article texts are held, and those being read back.
    pub texts: Shelf,
    /// The notebook revision the held texts follow.
    noted_for: Option<(Revision, Revision)>,
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

    /// Sets aside the texts of documents just loaded unless something holds them (see
    /// [`Shelf::sets_aside`]).
    pub(super) fn settle(&self, documents: &mut [Document]) {
        let folders = self.folders();
        for document in documents {
            if self.texts.sets_aside(document, &self.options, &folders) {
                document.set_text_aside();
            }
        }
    }

    /// The opened folders (not the seeds, not extraction files): their documents' texts can
    /// be read back from the index or the files.
    fn folders(&self) -> std::collections::HashSet<SourceId> {
        self.corpus
            .sources()
            .iter()
            .filter(|source| source.root.is_some() && !self.extractions.contains_key(&source.id))
            .map(|source| source.id)
            .collect()
    }

    /// Holds the texts of the article shown and of those the notebook is about (read back
    /// through `send` when set aside), and sets aside those no longer held.
    pub(super) fn keep_texts(
        &mut self,
        shown: Option<DocumentId>,
        notebook: &Notebook,
        send: impl Fn(DocumentId, TextRead) + Clone + Send + 'static,
    ) {
        let mut released = Vec::new();
        let mut wanted = Vec::new();
        if self.noted_for != Some(notebook.revision()) {
            self.noted_for = Some(notebook.revision());
            let noted = notebook.documents_noted();
            wanted.extend(noted.iter().copied());
            released.extend(self.texts.noted(noted));
        }
        if let Some(shown) = shown {
            released.extend(self.texts.shown(shown));
            wanted.push(shown);
        }
        for document in wanted {
            self.texts
                .want(&self.corpus, document, &self.options, send.clone());
        }
        let folders = self.folders();
        for document in released {
            let sets_aside = self
                .corpus
                .document(document)
                .is_some_and(|document| self.texts.sets_aside(document, &self.options, &folders));
            if sets_aside {
                self.corpus.set_text_aside(document);
            }
        }
    }

    /// Takes a text read back on a background thread.
    pub(super) fn text_arrived(&mut self, document: DocumentId, read: TextRead) {
        self.texts.arrived(&mut self.corpus, document, read);
    }

    /// The options loads are read with (the library index among them).
    pub fn options(&self) -> &IngestOptions {
        &self.options
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
                if self.extractions.contains_key(&source) {
                    return Some(self.extraction_opened(source, &label));
                }
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

    /// The extraction file `source` was opened from, if it is one.
    pub fn extraction(&self, source: SourceId) -> Option<&OpenedExtraction> {
        self.extractions.get(&source)
    }

    /// What to say when an extraction file has been read: how many articles, how many of
    /// them without their text and where they were looked for, how many lines gave nothing;
    /// or why the file itself could not be read.
    fn extraction_opened(&self, source: SourceId, label: &str) -> String {
        let skipped: Vec<&SkipReason> = self
            .corpus
            .skipped()
            .iter()
            .filter(|skipped| skipped.source == source)
            .map(|skipped| &skipped.reason)
            .collect();
        if let Some(unread) = skipped
            .iter()
            .find(|reason| !matches!(reason, SkipReason::BadRecord { .. }))
        {
            return format!("Could not read {label}: {unread}.");
        }
        let (articles, without_text) = self.articles_of(source);
        let mut text = if articles == 0 {
            format!("No articles were opened from {label}")
        } else {
            format!(
                "Opened {} {} from {label}",
                with_thousands(articles),
                plural(articles, "article", "articles")
            )
        };
        if without_text > 0 {
            text.push_str(&format!(
                "; {} {} text was not found (their evidence sentences are shown)",
                with_thousands(without_text),
                plural(without_text, "article's", "articles'")
            ));
        }
        if !skipped.is_empty() {
            text.push_str(&format!(
                "; {} {} could not be read (see Skipped files for why)",
                with_thousands(skipped.len()),
                plural(skipped.len(), "line", "lines")
            ));
        }
        text.push('.');
        let articles_named = self
            .extraction(source)
            .is_some_and(|extraction| extraction.articles.is_some());
        if without_text > 0 && !articles_named {
            text.push_str(&format!(
                " Their files were looked for beside {label}; if they are in another folder, open {label} with File → Open path… and give that folder."
            ));
        }
        text
    }

    /// How many documents a source gave, and how many of them without their text.
    fn articles_of(&self, source: SourceId) -> (usize, usize) {
        let mut articles = 0;
        let mut without_text = 0;
        for document in self.corpus.documents() {
            if document.paths.iter().any(|path| path.source == source) {
                articles += 1;
                if document
                    .read_warnings
                    .iter()
                    .any(|warning| warning.means_text_missing())
                {
                    without_text += 1;
                }
            }
        }
        (articles, without_text)
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
        self.extractions.remove(&source);
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
            LibraryCommand::ShowExtractionDialog => self.show_extraction_dialog(),
            LibraryCommand::OpenExtraction(extraction) => self.open_extraction(extraction),
            LibraryCommand::ShowPathDialog => self.dialogs.path = Some(PathDialog::default()),
            LibraryCommand::RemoveSource(source) => self.remove_source(source),
            LibraryCommand::ShowTab(tab) => self.library.tab = tab,
            LibraryCommand::Reload => self.reload(),
        }
    }

    /// Reads every opened folder again from scratch (the seeds need not be), and watches again
    /// those that could not be watched.
    fn reload(&mut self) {
        self.library.texts.forget_failures();
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
            if let Some(extraction) = self.library.extraction(source).cloned() {
                self.start_load(source, extraction_root(extraction), label);
                continue;
            }
            self.start_load(source, Root::Path(root.clone()), label);
            if !self.library.is_watched(source) {
                self.start_watch(source, root);
            }
        }
    }

    /// Opens an extraction file as a source: its articles and events as the file gives them,
    /// each article's text from its file. Remembered across restarts; not watched. Opened
    /// again with another articles' folder, it is read again from there.
    pub(super) fn open_extraction(&mut self, extraction: OpenedExtraction) {
        let file = std::path::absolute(&extraction.file).unwrap_or(extraction.file);
        let articles = extraction
            .articles
            .map(|folder| std::path::absolute(&folder).unwrap_or(folder));
        if !file.is_file() {
            self.tell_error(format!(
                "{} is not a file. Choose the file `accord extract --jsonl` (or `--json`) wrote.",
                file.display()
            ));
            return;
        }
        if let Some(folder) = articles.as_deref().filter(|folder| !folder.is_dir()) {
            self.tell_error(format!(
                "The articles' folder {} is not a folder. Check the path and try again.",
                folder.display()
            ));
            return;
        }
        let extraction = OpenedExtraction { file, articles };
        let label = display_name(&extraction.file);
        let source = match self.library.corpus.source_for_root(Some(&extraction.file)) {
            Some(existing) if self.library.extraction(existing) == Some(&extraction) => {
                if !self
                    .library
                    .loads
                    .iter()
                    .any(|load| load.source == existing)
                {
                    self.tell_info(format!("{} is already open.", extraction.file.display()));
                }
                return;
            }
            Some(existing) if self.library.extraction(existing).is_some() => {
                // The same file with another articles' folder: read again from there, as a
                // new source, so nothing the old load still sends is taken for the new one's.
                self.library.remove_source(existing);
                if self
                    .selected
                    .is_some_and(|document| self.library.corpus.document(document).is_none())
                {
                    self.selected = None;
                }
                self.library
                    .corpus
                    .add_source(Some(extraction.file.clone()))
            }
            Some(_) => {
                self.tell_info(format!("{} is already open.", extraction.file.display()));
                return;
            }
            None => self
                .library
                .corpus
                .add_source(Some(extraction.file.clone())),
        };
        let remembered = &mut self.preferences.open_extractions;
        remembered.retain(|other| other.file != extraction.file);
        remembered.push(extraction.clone());
        self.library.extractions.insert(source, extraction.clone());
        self.start_load(source, extraction_root(extraction), label);
    }

    pub(super) fn open_path(&mut self, path: PathBuf) {
        // Absolute but not canonical: keeps the user's own spelling of the path (and avoids
        // Windows' `\\?\` prefix); links inside are still walked safely.
        let path = std::path::absolute(&path).unwrap_or(path);
        // What `accord extract` wrote is opened as such, however it came (typed, dropped).
        if ingest::is_extraction_path(&path) && path.is_file() {
            // Opened again, it keeps the articles' folder it was given.
            let articles = self
                .library
                .extractions
                .values()
                .find(|extraction| extraction.file == path)
                .and_then(|extraction| extraction.articles.clone());
            self.open_extraction(OpenedExtraction {
                file: path,
                articles,
            });
            return;
        }
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
            self.preferences
                .open_extractions
                .retain(|extraction| extraction.file != root);
        }
        if self
            .selected
            .is_some_and(|document_id| self.library.corpus.document(document_id).is_none())
        {
            self.selected = self.library.corpus.documents().first().map(|doc| doc.id);
        }
    }
}

/// What an extraction source loads.
fn extraction_root(extraction: OpenedExtraction) -> Root {
    Root::Extraction {
        file: extraction.file,
        articles: extraction.articles,
    }
}

/// A count with thousands separated ("9,812"), as messages say them.
fn with_thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `one` for a count of one, else `many`.
fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

/// A short name for a path in the status bar.
pub(super) fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_messages_have_their_thousands_apart() {
        assert_eq!(with_thousands(0), "0");
        assert_eq!(with_thousands(188), "188");
        assert_eq!(with_thousands(9_812), "9,812");
        assert_eq!(with_thousands(1_234_567), "1,234,567");
    }
}
