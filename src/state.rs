//! What the app knows, and the one place it changes.
//!
//! Panels read [`AppState`] and return [`Command`]s; [`AppState::handle`] applies them at the end
//! of the frame. Background work (loading folders, the native file dialog) reports through one
//! inbox that [`AppState::poll`] drains each frame. No drawing here.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use std::ops::Range;

use crate::desk::filter::EventFilter;
use crate::desk::graph::GroupBy;
use crate::desk::layout::Point;
use crate::desk::party::PartyKey;
use crate::desk::time::Day;
use crate::desk::timeline::LaneMode;
use crate::extract::Gazetteer;
use crate::ingest::{self, IngestEvent, IngestJob, IngestOptions, Root};
use crate::journal::Journal;
use crate::model::{Corpus, DocumentId, SourceId};
use crate::notebook::{NoteId, Review, Target, now_unix_s};
use crate::view::{DeskView, GraphLayout};

/// A change the UI asks for.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// Load folders or files (from the dialog, a typed path, or a drop on the window).
    OpenPaths(Vec<PathBuf>),
    /// Open the native folder dialog.
    ShowFolderDialog,
    /// Ask for a path as text (always possible, even without a dialog service).
    ShowPathDialog,
    /// Stop showing a source and forget it across restarts.
    RemoveSource(SourceId),
    /// Show a document in the viewer.
    SelectDocument(DocumentId),
    /// Switch the library between documents and skipped files.
    ShowLibraryTab(LibraryTab),
    /// Show the clean body or the original text.
    ShowTextView(TextView),
    /// Switch the colour theme.
    SetTheme(Theme),
    /// Remove a message from the message area.
    DismissMessage(usize),
    /// Narrow every panel down to these events.
    SetFilter(EventFilter),
    /// Select an event (index into the desk's events): its article opens at the evidence.
    SelectEvent(Option<usize>),
    /// Open a document at a passage (a search hit, an evidence mark).
    ShowPassage(DocumentId, Range<usize>),
    /// Select a party: the graph highlights it and lists its partners.
    SelectParty(Option<PartyKey>),
    /// Select the tie between two parties: the events that link them.
    SelectEdge(Option<(PartyKey, PartyKey)>),
    /// Timeline lanes by place or by kind.
    SetLaneMode(LaneMode),
    /// How the graph lays out its nodes.
    SetGraphLayout(GraphLayout),
    /// Node colours by province or by level.
    SetGroupBy(GroupBy),
    /// The graph's time window (the period slider).
    SetGraphWindow(Option<(Day, Day)>),
    /// Fix a node where the analyst dropped it.
    PinNode(usize, Point),
    /// Forget pinned nodes and lay the graph out afresh.
    ResetLayout,
    /// Write a new note.
    AddNote {
        /// What it is about.
        target: Target,
        /// The note.
        text: String,
        /// Its tags.
        tags: Vec<String>,
    },
    /// Change a note's text and tags.
    EditNote {
        /// Which note.
        id: NoteId,
        /// The new text.
        text: String,
        /// The new tags.
        tags: Vec<String>,
    },
    /// Delete a note (undoable).
    DeleteNote(NoteId),
    /// Bring back the last deleted note.
    UndoDeleteNote,
    /// Save this notebook over another program's changes to the file.
    KeepMyNotebook,
    /// Record (or, with `None`, forget) the analyst's review of an event (index into the
    /// desk's events).
    ReviewEvent(usize, Option<Review>),
}

/// A passage the viewer should bring into view and mark, once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Focus {
    /// The document.
    pub document: DocumentId,
    /// Byte range in its body.
    pub range: Range<usize>,
    /// Changes with every new focus, so the viewer scrolls once per request.
    pub generation: u64,
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

/// Which text the viewer shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TextView {
    /// The article body without site clutter.
    #[default]
    Clean,
    /// Everything the file held, clutter included.
    Original,
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

/// A message for the user, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// What happened and what to do.
    pub text: String,
    /// Whether it is an error (otherwise information).
    pub is_error: bool,
}

/// A request to open the typed-path dialog (the UI owns the dialog and its text once open).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PathDialog {
    /// Why it opened, when no native dialog could.
    pub explanation: Option<String>,
}

/// UI preferences kept across restarts (eframe storage). Not user data: losing them loses
/// nothing the user wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Folders and files the user opened, reopened at start.
    pub open_paths: Vec<PathBuf>,
    /// Clean or original text in the viewer.
    pub text_view: TextView,
    /// Light, dark, or as the system says.
    pub theme: Theme,
}

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Results of background work, delivered to the UI thread.
#[derive(Debug)]
enum Inbox {
    Ingest(IngestEvent),
    FolderDialog {
        picked: Option<PathBuf>,
        elapsed: Duration,
    },
}

/// How often the desk catches up with a corpus that is still loading.
const DESK_CATCH_UP: Duration = Duration::from_millis(300);

/// A native dialog that returns nothing this fast did not really open (no portal, no zenity).
const DIALOG_FAILED_WITHIN: Duration = Duration::from_millis(400);

/// Everything the app knows.
pub struct AppState {
    /// Loaded documents and skipped files.
    pub corpus: Corpus,
    /// The document in the viewer.
    pub selected: Option<DocumentId>,
    /// Loads under way.
    pub loads: Vec<LoadProgress>,
    /// Messages shown until dismissed.
    pub messages: Vec<Message>,
    /// Which list the library shows.
    pub library_tab: LibraryTab,
    /// A typed-path dialog waiting to be opened by the UI.
    pub path_dialog: Option<PathDialog>,
    /// Whether the native folder dialog is open.
    pub folder_dialog_open: bool,
    /// Preferences saved on exit.
    pub preferences: Preferences,
    /// The events, the filter and what the timeline, table and graph show.
    pub desk: DeskView,
    /// The passage the viewer should show.
    pub focus: Option<Focus>,
    /// The user's notes, saved in the background.
    pub journal: Journal,
    /// Changes whenever a review is recorded, so the desk re-applies them.
    reviews_generation: usize,
    /// Changes whenever documents are added or removed.
    corpus_generation: usize,
    /// The generation the desk last saw, and when: while folders load, the desk catches up a
    /// few times a second rather than on every batch.
    desk_generation: (usize, Instant),
    jobs: Vec<IngestJob>,
    inbox: Receiver<Inbox>,
    outbox: Sender<Inbox>,
    wake: Arc<dyn Fn() + Send + Sync>,
    options: IngestOptions,
}

impl AppState {
    /// A state that loads the bundled seeds and the remembered paths. `wake` is called from
    /// background threads when results arrive (the app passes a repaint request).
    pub fn new(preferences: Preferences, wake: Arc<dyn Fn() + Send + Sync>) -> Self {
        Self::with_notebook(preferences, wake, None)
    }

    /// As [`Self::new`], with the notebook at `notebook` (else `ACCORD_NOTEBOOK`, else the
    /// platform's data folder).
    pub fn with_notebook(
        preferences: Preferences,
        wake: Arc<dyn Fn() + Send + Sync>,
        notebook: Option<PathBuf>,
    ) -> Self {
        let (outbox, inbox) = channel();
        let notebook = notebook.or_else(|| std::env::var_os("ACCORD_NOTEBOOK").map(PathBuf::from));
        let (notebook, notices) = match notebook {
            Some(path) => Journal::open(path, Arc::clone(&wake)),
            None => Journal::open_default(Arc::clone(&wake)),
        };
        let mut state = Self {
            corpus: Corpus::default(),
            selected: None,
            loads: Vec::new(),
            messages: Vec::new(),
            library_tab: LibraryTab::Documents,
            path_dialog: None,
            folder_dialog_open: false,
            preferences: Preferences::default(),
            desk: DeskView::default(),
            focus: None,
            journal: notebook,
            reviews_generation: 0,
            corpus_generation: 0,
            desk_generation: (0, Instant::now()),
            jobs: Vec::new(),
            inbox,
            outbox,
            wake,
            options: IngestOptions::default(),
        };
        for notice in notices {
            state.tell_info(notice);
        }
        state.preferences.text_view = preferences.text_view;
        state.preferences.theme = preferences.theme;
        let source = state.corpus.add_source(None);
        state.start_load(source, Root::Bundled, "bundled seed articles".to_owned());
        for path in preferences.open_paths {
            if path.exists() {
                state.open_path(path);
            } else {
                state.tell_error(format!(
                    "{} was opened last time but is no longer there (moved, renamed or deleted). It has been removed from the library.",
                    path.display()
                ));
            }
        }
        state
    }

    /// Drains background results; call once per frame.
    pub fn poll(&mut self) {
        // Documents are added in one batch per frame (one sort), however many arrived.
        let mut loaded = Vec::new();
        while let Ok(message) = self.inbox.try_recv() {
            match message {
                Inbox::Ingest(IngestEvent::Loaded(document)) => {
                    let source = document.primary_path().map(|path| path.source);
                    if let Some(source) = source.filter(|&source| self.has_source(source)) {
                        if let Some(load) = self.load_mut(source) {
                            load.done_files += 1;
                        }
                        loaded.push(*document);
                    }
                }
                Inbox::Ingest(event) => {
                    if !loaded.is_empty() {
                        self.corpus.add_documents(loaded.drain(..));
                        self.corpus_generation += 1;
                    }
                    self.apply_ingest(event);
                }
                Inbox::FolderDialog { picked, elapsed } => {
                    self.folder_dialog_open = false;
                    match picked {
                        Some(path) => self.open_path(path),
                        None if elapsed < DIALOG_FAILED_WITHIN => {
                            self.path_dialog = Some(PathDialog {
                                explanation: Some(no_dialog_explanation()),
                            });
                        }
                        None => {}
                    }
                }
            }
        }
        if !loaded.is_empty() {
            self.corpus.add_documents(loaded);
            self.corpus_generation += 1;
        }
    }

    /// Brings the desk up to date with the corpus (a few times a second while loading) and
    /// the filter, and advances the graph layout; call once a frame, after the commands.
    /// Returns whether another frame is needed soon.
    pub fn refresh_desk(&mut self) -> bool {
        let (seen, when) = self.desk_generation;
        let due = !self.is_loading() || when.elapsed() >= DESK_CATCH_UP;
        if seen != self.corpus_generation && due {
            self.desk_generation = (self.corpus_generation, Instant::now());
        }
        let gazetteer = Gazetteer::bundled();
        self.desk
            .refresh(&self.corpus, self.desk_generation.0, gazetteer);
        self.desk
            .apply_reviews(&self.journal.notebook, self.reviews_generation);
        self.desk
            .refresh(&self.corpus, self.desk_generation.0, gazetteer);
        if !self.is_loading() {
            self.desk.prepare_word_index(&self.corpus);
        }
        let (notices, save_pending) = self.journal.tick();
        for notice in notices {
            self.tell_error(notice);
        }
        let behind = self.desk_generation.0 != self.corpus_generation;
        self.desk.advance_layout(gazetteer) || behind || save_pending
    }

    /// Applies a command from the UI.
    pub fn handle(&mut self, command: Command) {
        match command {
            Command::OpenPaths(paths) => {
                for path in paths {
                    self.open_path(path);
                }
            }
            Command::ShowFolderDialog => self.show_folder_dialog(),
            Command::ShowPathDialog => self.path_dialog = Some(PathDialog::default()),
            Command::RemoveSource(source) => self.remove_source(source),
            Command::SelectDocument(document_id) => self.selected = Some(document_id),
            Command::ShowLibraryTab(tab) => self.library_tab = tab,
            Command::ShowTextView(view) => self.preferences.text_view = view,
            Command::SetTheme(theme) => self.preferences.theme = theme,
            Command::DismissMessage(index) => {
                if index < self.messages.len() {
                    self.messages.remove(index);
                }
            }
            Command::SetFilter(filter) => self.desk.filter = filter,
            Command::SelectEvent(index) => self.select_event(index),
            Command::ShowPassage(document, range) => self.show_passage(document, range),
            Command::SelectParty(party) => {
                self.desk.selected_edge = None;
                self.desk.selected_party = party;
            }
            Command::SelectEdge(edge) => self.desk.selected_edge = edge,
            Command::SetLaneMode(mode) => self.desk.lane_mode = mode,
            Command::SetGraphLayout(layout) => self.desk.graph_layout = layout,
            Command::SetGroupBy(group_by) => self.desk.group_by = group_by,
            Command::SetGraphWindow(window) => self.desk.graph_window = window,
            Command::PinNode(node, at) => self.desk.pin(node, at),
            Command::ResetLayout => self.desk.reset_layout(Gazetteer::bundled()),
            Command::AddNote { target, text, tags } => {
                self.journal
                    .notebook
                    .add_note(target, text, &tags, now_unix_s());
                self.journal.changed();
            }
            Command::EditNote { id, text, tags } => {
                if self
                    .journal
                    .notebook
                    .edit_note(id, text, &tags, now_unix_s())
                {
                    self.journal.changed();
                }
            }
            Command::DeleteNote(id) => {
                if self.journal.notebook.delete_note(id) {
                    self.journal.changed();
                }
            }
            Command::UndoDeleteNote => {
                if self.journal.notebook.undo_delete().is_some() {
                    self.journal.changed();
                }
            }
            Command::KeepMyNotebook => self.journal.keep_my_version(),
            Command::ReviewEvent(index, review) => {
                let Some(key) = self
                    .desk
                    .event_keys
                    .get(index)
                    .and_then(|keys| keys.first())
                else {
                    return;
                };
                let key = key.clone();
                // Replace whatever review the event had (it may be stored under an older key).
                if let Some(Some(_)) = self.desk.reviews.get(index) {
                    let stored: Vec<_> = self
                        .journal
                        .notebook
                        .reviews_for(&self.desk.event_keys[index..=index])
                        .into_iter()
                        .flatten()
                        .map(|correction| correction.key.clone())
                        .collect();
                    for old in stored {
                        self.journal.notebook.clear_review(&old);
                    }
                }
                if let Some(review) = review {
                    self.journal.notebook.set_review(key, review, now_unix_s());
                }
                self.journal.changed();
                self.reviews_generation += 1;
            }
        }
    }

    /// Selects an event and opens its first source at the evidence.
    fn select_event(&mut self, index: Option<usize>) {
        self.desk.selected_event = index;
        let source = index
            .and_then(|index| self.desk.events.get(index))
            .and_then(|event| event.sources.first())
            .map(|(document, evidence)| (*document, evidence.first().cloned().unwrap_or(0..0)));
        if let Some((document, range)) = source {
            self.show_passage(document, range);
        }
    }

    /// Opens a document and asks the viewer to bring a passage into view.
    fn show_passage(&mut self, document: DocumentId, range: Range<usize>) {
        self.selected = Some(document);
        let generation = self.focus.as_ref().map_or(1, |focus| focus.generation + 1);
        self.focus = Some(Focus {
            document,
            range,
            generation,
        });
    }

    /// Replaces the loaded documents (benchmarks and tests build large corpora in memory).
    pub fn replace_corpus(&mut self, corpus: Corpus) {
        self.corpus = corpus;
        self.corpus_generation += 1;
        self.selected = self.corpus.documents().first().map(|document| document.id);
    }

    /// Whether any load is still running.
    pub fn is_loading(&self) -> bool {
        !self.loads.is_empty()
    }

    fn open_path(&mut self, path: PathBuf) {
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

    fn start_load(&mut self, source: SourceId, root: Root, label: String) {
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

    fn apply_ingest(&mut self, event: IngestEvent) {
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

    fn show_folder_dialog(&mut self) {
        if self.folder_dialog_open {
            return;
        }
        let outbox = self.outbox.clone();
        let wake = Arc::clone(&self.wake);
        let spawned = std::thread::Builder::new()
            .name("accord-folder-dialog".to_owned())
            .spawn(move || {
                let started = Instant::now();
                let picked = pollster::block_on(
                    rfd::AsyncFileDialog::new()
                        .set_title("Open a folder of articles")
                        .pick_folder(),
                )
                .map(|handle| handle.path().to_path_buf());
                let _ = outbox.send(Inbox::FolderDialog {
                    picked,
                    elapsed: started.elapsed(),
                });
                wake();
            });
        match spawned {
            Ok(_) => self.folder_dialog_open = true,
            Err(_) => {
                self.path_dialog = Some(PathDialog {
                    explanation: Some(no_dialog_explanation()),
                });
            }
        }
    }

    fn remove_source(&mut self, source: SourceId) {
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
        self.corpus_generation += 1;
        if self
            .selected
            .is_some_and(|document_id| self.corpus.document(document_id).is_none())
        {
            self.selected = self.corpus.documents().first().map(|doc| doc.id);
        }
    }

    fn has_source(&self, source: SourceId) -> bool {
        self.corpus.sources().iter().any(|s| s.id == source)
    }

    fn load_mut(&mut self, source: SourceId) -> Option<&mut LoadProgress> {
        self.loads.iter_mut().find(|load| load.source == source)
    }

    fn tell_error(&mut self, text: String) {
        self.messages.push(Message {
            text,
            is_error: true,
        });
    }

    fn tell_info(&mut self, text: String) {
        self.messages.push(Message {
            text,
            is_error: false,
        });
    }
}

/// What to tell the user when no native dialog could open.
fn no_dialog_explanation() -> String {
    "No system file dialog could be opened (on Linux it needs the XDG desktop portal or zenity). Type or paste the folder's path instead.".to_owned()
}

/// A short name for a path in the status bar.
fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state_with(preferences: Preferences) -> AppState {
        AppState::new(preferences, Arc::new(|| {}))
    }

    /// Polls until no load is running (loads run on background threads).
    fn settle(state: &mut AppState) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while state.is_loading() {
            assert!(Instant::now() < deadline, "loading did not finish");
            std::thread::sleep(Duration::from_millis(5));
            state.poll();
        }
    }

    #[test]
    fn starts_on_the_seeds_with_the_first_one_selected() {
        let mut state = state_with(Preferences::default());
        settle(&mut state);
        assert_eq!(state.corpus.documents().len(), 5);
        assert_eq!(
            state.selected,
            state.corpus.documents().first().map(|d| d.id)
        );
    }

    #[test]
    fn an_opened_folder_is_remembered_and_forgotten_when_removed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Two cities sign\n\nWuxi and Xuzhou signed a cooperation agreement on industrial parks on Tuesday.",
        )
        .unwrap();
        let mut state = state_with(Preferences::default());
        state.handle(Command::OpenPaths(vec![dir.path().to_path_buf()]));
        settle(&mut state);
        assert_eq!(state.corpus.documents().len(), 6);
        assert_eq!(state.preferences.open_paths, vec![dir.path().to_path_buf()]);

        let source = state.corpus.source_for_root(Some(dir.path())).unwrap();
        state.handle(Command::RemoveSource(source));
        assert_eq!(state.corpus.documents().len(), 5);
        assert!(state.preferences.open_paths.is_empty());
    }

    #[test]
    fn a_missing_or_empty_folder_is_explained() {
        let mut state = state_with(Preferences {
            open_paths: vec![PathBuf::from("/no/such/accord/folder")],
            ..Preferences::default()
        });
        assert!(state.messages[0].text.contains("no longer there"));
        state.handle(Command::OpenPaths(vec![PathBuf::from(
            "/another/missing/path",
        )]));
        assert!(state.messages[1].text.contains("does not exist"));

        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("scan.pdf"), b"%PDF-1.7").unwrap();
        state.handle(Command::OpenPaths(vec![dir.path().to_path_buf()]));
        settle(&mut state);
        let last = state.messages.last().unwrap();
        assert!(
            last.text.contains("No articles were found"),
            "{}",
            last.text
        );
        assert_eq!(state.corpus.skipped().len(), 1);
    }
}
