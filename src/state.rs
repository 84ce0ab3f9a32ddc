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
use crate::export;
use crate::extract::Gazetteer;
use crate::ingest::{self, IngestEvent, IngestJob, IngestOptions, Root};
use crate::journal::Journal;
use crate::model::{Corpus, DocumentId, SourceId};
use crate::notebook::{AddedEventId, Fix, NewEvent, NoteId, Review, Target, now_unix_s};
use crate::view::{DeskView, EventId, GraphLayout};

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
    /// Select an event: its article opens at the evidence.
    SelectEvent(Option<EventId>),
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
    PinNode(PartyKey, Point),
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
    /// Record (or, with `None`, forget) the analyst's review of an extracted event.
    ReviewEvent(EventId, Option<Review>),
    /// Add an event the extractor missed, from a passage.
    AddEvent(NewEvent),
    /// Change an added event's parts.
    EditAddedEvent(AddedEventId, Fix),
    /// Remove an added event.
    RemoveAddedEvent(AddedEventId),
    /// Ask (native dialog) where to start a new notebook, which to open, or where to save
    /// this one as.
    ShowNotebookDialog(NotebookChoice),
    /// Start, open or save as the notebook at a path.
    UseNotebook(NotebookChoice, PathBuf),
    /// Start a fresh notebook beside one that cannot be written, with what could be read.
    FreshNotebookBeside,
    /// Ask (native save dialog) where to write an export.
    ShowExportDialog(export::Format),
    /// Export what the panels show.
    Export(ExportRequest),
    /// Hide the welcome (`true`) or show it again.
    SetWelcomed(bool),
    /// Open Accord's data folder in the system's file manager.
    ShowDataFolder,
}

impl Command {
    /// Select the desk's event at `index` (an index is read in the frame it was drawn; the
    /// command carries the event's identity, which does not move).
    pub fn select_event(desk: &DeskView, index: usize) -> Self {
        Self::SelectEvent(desk.event_id(index))
    }

    /// Review the desk's extracted event at `index` (`None`: it is not one).
    pub fn review_event(desk: &DeskView, index: usize, review: Option<Review>) -> Option<Self> {
        desk.event_id(index)
            .filter(|id| matches!(id, EventId::Extracted(_)))
            .map(|id| Self::ReviewEvent(id, review))
    }
}

/// What to do with a notebook file the user chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotebookChoice {
    /// Start a new, empty notebook there.
    New,
    /// Open that notebook.
    Open,
    /// Save this notebook there and keep working in it.
    SaveAs,
}

/// An export the user asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    /// What to write.
    pub format: export::Format,
    /// Keep rejected events (marked) in event exports.
    pub keep_rejected: bool,
    /// Where.
    pub path: PathBuf,
    /// Whether the user agreed to replace an existing file (in the save dialog or the export
    /// window).
    pub overwrite: bool,
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
    /// What the path is for: articles to open (`None`) or a notebook.
    pub notebook: Option<NotebookChoice>,
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
    /// The notebook the user opened or started, when it is not the default one.
    pub notebook: Option<PathBuf>,
    /// The user dismissed the first-start welcome.
    pub welcomed: bool,
    /// The article last shown in the viewer, shown again once it is loaded.
    pub last_document: Option<DocumentId>,
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

/// What a change to the notebook touched.
#[derive(Clone, Copy, Debug)]
enum Touched {
    /// Notes: the desk's note markers are found again.
    Notes,
    /// Reviews or added events: the events are reviewed again.
    Reviews,
}

/// Results of background work, delivered to the UI thread.
#[derive(Debug)]
enum Inbox {
    Ingest(IngestEvent),
    FolderDialog {
        picked: Option<PathBuf>,
        elapsed: Duration,
    },
    NotebookDialog {
        choice: NotebookChoice,
        picked: Option<PathBuf>,
        elapsed: Duration,
    },
    ExportDialog {
        picked: Option<PathBuf>,
        elapsed: Duration,
    },
    /// An export finished: what to tell the user, and whether it failed.
    Exported(String, bool),
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
    /// Whether a native file dialog is open.
    pub folder_dialog_open: bool,
    /// The file last chosen in the export save dialog, numbered so the export window notices
    /// a new choice.
    pub export_pick: Option<(u64, PathBuf)>,
    /// Exports being written.
    pub exporting: usize,
    /// The article shown when the app last closed, to show again when it has loaded.
    restore_document: Option<DocumentId>,
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
    /// Changes whenever a note is written, changed or deleted, so markers follow.
    notes_generation: usize,
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
        let mut early = Vec::new();
        let remembered = preferences.notebook.clone().filter(|path| {
            let there = path.symlink_metadata().is_ok();
            if !there {
                early.push(format!(
                    "The notebook {} used last time is no longer there (moved, renamed or deleted); notes go to the default notebook now. Open it again with File → Open notebook… if it was moved.",
                    path.display()
                ));
            }
            there
        });
        let notebook = notebook
            .or_else(|| std::env::var_os(crate::notebook::NOTEBOOK_VARIABLE).map(PathBuf::from))
            .or(remembered.clone());
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
            export_pick: None,
            exporting: 0,
            restore_document: None,
            preferences: Preferences::default(),
            desk: DeskView::default(),
            focus: None,
            journal: notebook,
            reviews_generation: 0,
            notes_generation: 0,
            corpus_generation: 0,
            desk_generation: (0, Instant::now()),
            jobs: Vec::new(),
            inbox,
            outbox,
            wake,
            options: IngestOptions::default(),
        };
        for text in early {
            state.tell_error(text);
        }
        for notice in notices {
            state.tell_info(notice);
        }
        state.preferences.notebook = remembered;
        state.preferences.welcomed = preferences.welcomed;
        state.restore_document = preferences.last_document;
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
                                notebook: None,
                            });
                        }
                        None => {}
                    }
                }
                Inbox::NotebookDialog {
                    choice,
                    picked,
                    elapsed,
                } => {
                    self.folder_dialog_open = false;
                    match picked {
                        Some(path) => self.use_notebook(choice, path),
                        None if elapsed < DIALOG_FAILED_WITHIN => {
                            self.path_dialog = Some(PathDialog {
                                explanation: Some(no_dialog_explanation()),
                                notebook: Some(choice),
                            });
                        }
                        None => {}
                    }
                }
                Inbox::ExportDialog { picked, elapsed } => {
                    self.folder_dialog_open = false;
                    match picked {
                        Some(path) => {
                            let number = self.export_pick.as_ref().map_or(1, |(n, _)| n + 1);
                            self.export_pick = Some((number, path));
                        }
                        None if elapsed < DIALOG_FAILED_WITHIN => self.tell_error(
                            "No system file dialog could be opened (on Linux it needs the XDG desktop portal or zenity). Type the file's path in the export window instead.".to_owned(),
                        ),
                        None => {}
                    }
                }
                Inbox::Exported(text, failed) => {
                    self.exporting = self.exporting.saturating_sub(1);
                    if failed {
                        self.tell_error(text);
                    } else {
                        self.tell_info(text);
                    }
                }
            }
        }
        if !loaded.is_empty() {
            self.corpus.add_documents(loaded);
            self.corpus_generation += 1;
        }
        if let Some(document) = self.restore_document
            && self.corpus.document(document).is_some()
        {
            self.selected = Some(document);
            self.restore_document = None;
        }
        if !self.is_loading() {
            self.restore_document = None;
        }
        self.preferences.last_document = self.selected;
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
        self.desk.merge(&self.corpus, self.desk_generation.0);
        self.desk.apply_reviews(
            &self.journal.notebook,
            self.reviews_generation,
            &self.corpus,
        );
        self.desk
            .refresh(&self.corpus, self.desk_generation.0, gazetteer);
        self.desk
            .mark_noted(&self.journal.notebook, self.notes_generation, &self.corpus);
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
            Command::ShowNotebookDialog(choice) => self.show_notebook_dialog(choice),
            Command::UseNotebook(choice, path) => self.use_notebook(choice, path),
            Command::FreshNotebookBeside => self.fresh_notebook_beside(),
            Command::ShowExportDialog(format) => self.show_export_dialog(format),
            Command::Export(request) => self.export(request),
            Command::SetWelcomed(welcomed) => self.preferences.welcomed = welcomed,
            Command::ShowDataFolder => self.show_data_folder(),
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
                self.notebook_changed(Touched::Notes);
            }
            Command::EditNote { id, text, tags } => {
                if self
                    .journal
                    .notebook
                    .edit_note(id, text, &tags, now_unix_s())
                {
                    self.notebook_changed(Touched::Notes);
                }
            }
            Command::DeleteNote(id) => {
                if self.journal.notebook.delete_note(id) {
                    self.notebook_changed(Touched::Notes);
                }
            }
            Command::UndoDeleteNote => {
                if self.journal.notebook.undo_delete().is_some() {
                    self.notebook_changed(Touched::Notes);
                }
            }
            Command::KeepMyNotebook => self.journal.keep_my_version(),
            Command::ReviewEvent(id, review) => {
                // Only extracted events are reviewed; an added one is edited instead.
                let EventId::Extracted(key) = &id else {
                    return;
                };
                let Some(index) = self.desk.index_of(&id) else {
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
                self.notebook_changed(Touched::Reviews);
            }
            Command::AddEvent(event) => {
                self.journal.notebook.add_event(event, now_unix_s());
                self.notebook_changed(Touched::Reviews);
            }
            Command::EditAddedEvent(id, fix) => {
                if self.journal.notebook.update_added_event(id, &fix) {
                    self.notebook_changed(Touched::Reviews);
                }
            }
            Command::RemoveAddedEvent(id) => {
                if self.journal.notebook.remove_added_event(id) {
                    self.notebook_changed(Touched::Reviews);
                    if self.desk.selected_event_id() == Some(&EventId::Added(id)) {
                        self.desk.select_event(None);
                    }
                }
            }
        }
    }

    /// Marks the notebook changed (it is saved shortly) and what the desk must match again.
    fn notebook_changed(&mut self, touched: Touched) {
        self.journal.changed();
        match touched {
            Touched::Notes => self.notes_generation += 1,
            Touched::Reviews => self.reviews_generation += 1,
        }
    }

    /// Selects an event and shows its evidence: in the article already open when that article
    /// reports it (an event reported in a Chinese and an English article is opened where the
    /// reader is), else in its first source.
    fn select_event(&mut self, id: Option<EventId>) {
        self.desk.select_event(id);
        let open = self.selected;
        let source = self
            .desk
            .selected_event()
            .and_then(|index| self.desk.events.get(index))
            .and_then(|event| {
                event
                    .sources
                    .iter()
                    .find(|(document, _)| Some(*document) == open)
                    .or_else(|| event.sources.first())
            })
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

    /// Counts changes to the loaded documents: what a panel derives from them and keys by it
    /// is stale when it moved.
    pub fn corpus_revision(&self) -> usize {
        self.corpus_generation
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
        let dialog = rfd::AsyncFileDialog::new().set_title("Open a folder of articles");
        self.run_dialog(
            None,
            async move { dialog.pick_folder().await },
            |picked, elapsed| Inbox::FolderDialog { picked, elapsed },
        );
    }

    /// Runs a native file dialog on its own thread (it blocks until the user answers) and
    /// sends its answer to the inbox. One dialog at a time. If no thread can start, the
    /// typed-path dialog opens instead.
    fn run_dialog(
        &mut self,
        notebook: Option<NotebookChoice>,
        dialog: impl Future<Output = Option<rfd::FileHandle>> + Send + 'static,
        answer: impl FnOnce(Option<PathBuf>, Duration) -> Inbox + Send + 'static,
    ) {
        if self.folder_dialog_open {
            return;
        }
        let outbox = self.outbox.clone();
        let wake = Arc::clone(&self.wake);
        let spawned = std::thread::Builder::new()
            .name("accord-file-dialog".to_owned())
            .spawn(move || {
                let started = Instant::now();
                let picked = pollster::block_on(dialog).map(|handle| handle.path().to_path_buf());
                let _ = outbox.send(answer(picked, started.elapsed()));
                wake();
            });
        match spawned {
            Ok(_) => self.folder_dialog_open = true,
            Err(_) => {
                self.path_dialog = Some(PathDialog {
                    explanation: Some(no_dialog_explanation()),
                    notebook,
                });
            }
        }
    }

    fn show_notebook_dialog(&mut self, choice: NotebookChoice) {
        let dialog = rfd::AsyncFileDialog::new().add_filter("Accord notebook", &["ron"]);
        let folder = self
            .journal
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let dialog = match folder {
            Some(folder) => dialog.set_directory(folder),
            None => dialog,
        };
        let answer = move |picked, elapsed| Inbox::NotebookDialog {
            choice,
            picked,
            elapsed,
        };
        match choice {
            NotebookChoice::Open => {
                let dialog = dialog.set_title("Open a notebook");
                self.run_dialog(
                    Some(choice),
                    async move { dialog.pick_file().await },
                    answer,
                );
            }
            NotebookChoice::New | NotebookChoice::SaveAs => {
                let title = if choice == NotebookChoice::New {
                    "Start a new notebook"
                } else {
                    "Save the notebook as"
                };
                let dialog = dialog.set_title(title).set_file_name("notebook.ron");
                self.run_dialog(
                    Some(choice),
                    async move { dialog.save_file().await },
                    answer,
                );
            }
        }
    }

    fn show_export_dialog(&mut self, format: export::Format) {
        let dialog = rfd::AsyncFileDialog::new()
            .set_title("Export")
            .set_file_name(format.file_name())
            .add_filter(format.description(), &[format.extension()]);
        self.run_dialog(
            None,
            async move { dialog.save_file().await },
            |picked, elapsed| Inbox::ExportDialog { picked, elapsed },
        );
    }

    /// Starts, opens or saves as the notebook at `path`. Nothing the app cannot read is ever
    /// written over, and a new notebook never replaces an existing file.
    fn use_notebook(&mut self, choice: NotebookChoice, path: PathBuf) {
        let path = std::path::absolute(&path).unwrap_or(path);
        if self.journal.path.as_deref() == Some(path.as_path()) {
            self.tell_info(format!("{} is the notebook already open.", path.display()));
            return;
        }
        let exists = path.symlink_metadata().is_ok();
        match choice {
            NotebookChoice::Open if !exists => self.tell_error(format!(
                "There is no notebook at {}. Check the path, or start one there with File → New notebook….",
                path.display()
            )),
            NotebookChoice::Open => {
                let (journal, notices) = Journal::open(path.clone(), Arc::clone(&self.wake));
                self.switch_journal(journal, notices, format!("Opened the notebook {}.", path.display()));
            }
            NotebookChoice::New if exists => self.tell_error(format!(
                "{} already exists. A new notebook is never started over an existing file: choose another name, or open it with File → Open notebook….",
                path.display()
            )),
            NotebookChoice::New => {
                let (mut journal, notices) = Journal::open(path.clone(), Arc::clone(&self.wake));
                journal.changed();
                self.switch_journal(journal, notices, format!("Started a new notebook at {}; notes now go there.", path.display()));
            }
            NotebookChoice::SaveAs => {
                // What opening says about the file being replaced (a migration, say) no longer applies.
                let (mut journal, _) = Journal::open(path.clone(), Arc::clone(&self.wake));
                if let Some(reason) = &journal.read_only_because {
                    self.tell_error(format!(
                        "The notebook was not saved as {}: that file cannot be replaced ({reason}).",
                        path.display()
                    ));
                    return;
                }
                journal.notebook = self.journal.notebook.clone();
                if exists {
                    // The save dialog asked before replacing it; the old file becomes the .bak.
                    journal.keep_my_version();
                } else {
                    journal.changed();
                }
                self.switch_journal(journal, Vec::new(), format!("Saved the notebook as {}; notes now go there.", path.display()));
            }
        }
    }

    /// Opens the data folder (where the default notebook lives) in the file manager, creating
    /// it if nothing was saved yet. The file manager is started, not waited for.
    fn show_data_folder(&mut self) {
        let Some(folder) = crate::notebook::data_folder() else {
            self.tell_error(
                "This system names no home folder, so Accord has no data folder.".to_owned(),
            );
            return;
        };
        if let Err(error) = std::fs::create_dir_all(&folder) {
            self.tell_error(format!(
                "Could not create the data folder {}: {error}.",
                folder.display()
            ));
            return;
        }
        let program = if cfg!(target_os = "windows") {
            "explorer"
        } else if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        match std::process::Command::new(program).arg(&folder).spawn() {
            // Reaped on a thread of its own so no zombie is left behind.
            Ok(mut child) => {
                let _ = std::thread::Builder::new()
                    .name("accord-file-manager".to_owned())
                    .spawn(move || child.wait());
            }
            Err(error) => self.tell_error(format!(
                "Could not open a file manager ({program}: {error}). The data folder is {}.",
                folder.display()
            )),
        }
    }

    /// A fresh notebook next to a read-only one, holding what could be read from it.
    fn fresh_notebook_beside(&mut self) {
        let Some(old) = self.journal.path.clone() else {
            self.show_notebook_dialog(NotebookChoice::New);
            return;
        };
        let Some(fresh) = crate::notebook::fresh_path_beside(&old) else {
            self.tell_error(format!(
                "No free file name was found next to {}; start a notebook elsewhere with File → New notebook….",
                old.display()
            ));
            return;
        };
        let (mut journal, notices) = Journal::open(fresh.clone(), Arc::clone(&self.wake));
        journal.notebook = self.journal.notebook.clone();
        journal.changed();
        self.switch_journal(
            journal,
            notices,
            format!(
                "Started a fresh notebook at {} with everything that could be read; {} is left untouched.",
                fresh.display(),
                old.display()
            ),
        );
    }

    /// Makes `journal` the open notebook: the old one's pending changes are written first.
    fn switch_journal(&mut self, journal: Journal, notices: Vec<String>, done: String) {
        self.journal.flush();
        let path = journal.path.clone();
        self.journal = journal;
        self.notes_generation += 1;
        self.reviews_generation += 1;
        self.preferences.notebook =
            path.filter(|path| Some(path) != crate::notebook::default_path().as_ref());
        for notice in notices {
            self.tell_info(notice);
        }
        self.tell_info(done);
    }

    /// Writes an export on a background thread: the events the panels show (as reviewed),
    /// every note, the graph and timeline of those events.
    fn export(&mut self, request: ExportRequest) {
        let desk = &self.desk;
        let extracted = Arc::clone(desk.extracted_events());
        let known = desk.event_keys.len();
        // Notes are not narrowed by the filters: every event stays, so a note on an event the
        // filters hide is not reported as detached.
        let mut indices: Vec<usize> = if request.format.is_notes() {
            (0..desk.events.len()).collect()
        } else {
            desk.selection.matching.clone()
        };
        if request.keep_rejected {
            indices.extend(&desk.rejected_selected);
            indices.sort_unstable();
        }
        let shown = indices.len();
        let total = desk.events.len();
        let added: std::collections::HashSet<AddedEventId> = indices
            .iter()
            .filter_map(|&index| desk.added_event(index))
            .collect();
        let mut notebook = self.journal.notebook.clone();
        notebook
            .added_events
            .retain(|event| added.contains(&event.id));
        let notes = notebook.notes.len();
        let all_notes = self.journal.notebook.clone();
        let corpus = self.corpus.clone();
        let filtered = !desk.filter.is_empty();
        let outbox = self.outbox.clone();
        let wake = Arc::clone(&self.wake);
        let spawned = std::thread::Builder::new()
            .name("accord-export".to_owned())
            .spawn(move || {
                let events: Vec<_> = indices
                    .iter()
                    .filter(|&&index| index < known)
                    .filter_map(|&index| extracted.get(index).cloned())
                    .collect();
                let notebook = if request.format.is_notes() {
                    &all_notes
                } else {
                    &notebook
                };
                let input = export::Input {
                    corpus: &corpus,
                    events: &events,
                    notebook,
                    gazetteer: Gazetteer::bundled(),
                    keep_rejected: request.keep_rejected,
                };
                let result = export::write_atomically(&request.path, request.overwrite, |file| {
                    export::write(request.format, &input, file)
                });
                let message = match result {
                    Ok(summary) => {
                        let scope = if request.format.is_notes() {
                            format!("all {notes} notes")
                        } else if filtered {
                            format!("the {shown} of {total} events the current filters show")
                        } else {
                            format!("all {shown} events")
                        };
                        (
                            format!("Exported {scope} to {}. {summary}", request.path.display()),
                            false,
                        )
                    }
                    Err(export::WriteError::Exists { path }) => (
                        format!(
                            "Nothing was exported: {} already exists. Tick “Replace it” in the export window to overwrite it.",
                            path.display()
                        ),
                        true,
                    ),
                    Err(error) => (format!("Nothing was exported: {error}."), true),
                };
                let _ = outbox.send(Inbox::Exported(message.0, message.1));
                wake();
            });
        match spawned {
            Ok(_) => self.exporting += 1,
            Err(_) => self.tell_error(
                "Nothing was exported: the system would not start a worker thread.".to_owned(),
            ),
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
    use crate::model::EventKind;
    use crate::notebook::Passage;

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

    /// The app on the seeds, loaded and on the desk, with its notebook in `folder`.
    fn seeds_with_notebook_in(folder: &Path) -> AppState {
        let mut state = AppState::with_notebook(
            Preferences::default(),
            Arc::new(|| {}),
            Some(folder.join("notebook.ron")),
        );
        settle(&mut state);
        state.refresh_desk();
        state
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

    /// Polls until no export is being written.
    fn exported(state: &mut AppState) -> Message {
        let deadline = Instant::now() + Duration::from_secs(30);
        while state.exporting > 0 {
            assert!(Instant::now() < deadline, "the export did not finish");
            std::thread::sleep(Duration::from_millis(5));
            state.poll();
        }
        state.messages.last().cloned().unwrap()
    }

    #[test]
    fn an_export_follows_the_filters_says_what_it_holds_and_never_overwrites_unasked() {
        let notebook = tempfile::tempdir().unwrap();
        let mut state = seeds_with_notebook_in(notebook.path());
        let all = state.desk.selection.matching.len();
        state.handle(Command::SetFilter(EventFilter {
            text: "Tianfu".to_owned(),
            ..EventFilter::default()
        }));
        state.refresh_desk();
        let shown = state.desk.selection.matching.len();
        assert!(0 < shown && shown < all);

        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("events.csv");
        let request = ExportRequest {
            format: export::Format::EventsCsv,
            keep_rejected: false,
            path: path.clone(),
            overwrite: false,
        };
        state.handle(Command::Export(request.clone()));
        let message = exported(&mut state);
        assert!(!message.is_error, "{}", message.text);
        assert!(
            message
                .text
                .contains(&format!("the {shown} of {all} events")),
            "{}",
            message.text
        );
        let rows = std::fs::read_to_string(&path).unwrap().lines().count();
        assert_eq!(rows, shown + 1, "a header and a row per shown event");

        std::fs::write(&path, "the user's own file").unwrap();
        state.handle(Command::Export(request.clone()));
        let message = exported(&mut state);
        assert!(message.is_error && message.text.contains("already exists"));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "the user's own file"
        );

        // A note on an event the filter hides is still attached in a notes export.
        let hidden = (0..state.desk.event_keys.len())
            .find(|index| !state.desk.selection.matching.contains(index))
            .unwrap();
        let key = state.desk.event_keys[hidden][0].clone();
        state.handle(Command::AddNote {
            target: Target::Event { key },
            text: "hidden by the filter".to_owned(),
            tags: Vec::new(),
        });
        let notes_path = folder.path().join("notes.json");
        state.handle(Command::Export(ExportRequest {
            format: export::Format::NotesJson,
            path: notes_path.clone(),
            ..request.clone()
        }));
        assert!(!exported(&mut state).is_error);
        let notes = std::fs::read_to_string(&notes_path).unwrap();
        assert!(notes.contains("hidden by the filter"));
        assert!(notes.contains("\"detached\": null"), "{notes}");

        state.handle(Command::Export(ExportRequest {
            path: folder.path().join("no such folder").join("events.csv"),
            ..request
        }));
        let message = exported(&mut state);
        assert!(message.is_error && message.text.contains("does not exist"));
    }

    #[test]
    fn a_new_notebook_never_replaces_a_file_and_save_as_keeps_the_notes() {
        let folder = tempfile::tempdir().unwrap();
        let mut state = AppState::with_notebook(
            Preferences::default(),
            Arc::new(|| {}),
            Some(folder.path().join("first.ron")),
        );
        state.handle(Command::AddNote {
            target: Target::Article {
                document: DocumentId::of_text("an article"),
            },
            text: "keep me".to_owned(),
            tags: Vec::new(),
        });
        let taken = folder.path().join("taken.ron");
        std::fs::write(&taken, "someone else's file").unwrap();
        state.handle(Command::UseNotebook(NotebookChoice::New, taken.clone()));
        assert!(state.messages.last().unwrap().is_error);
        assert_eq!(
            std::fs::read_to_string(&taken).unwrap(),
            "someone else's file"
        );
        // Save as onto a file that is not a notebook: refused, the file left alone.
        state.handle(Command::UseNotebook(NotebookChoice::SaveAs, taken.clone()));
        assert!(state.messages.last().unwrap().is_error);
        assert_eq!(
            std::fs::read_to_string(&taken).unwrap(),
            "someone else's file"
        );

        let copy = folder.path().join("copy.ron");
        state.handle(Command::UseNotebook(NotebookChoice::SaveAs, copy.clone()));
        assert_eq!(state.journal.path.as_deref(), Some(copy.as_path()));
        assert_eq!(state.journal.notebook.notes.len(), 1);
        state.journal.flush();
        assert!(std::fs::read_to_string(&copy).unwrap().contains("keep me"));
        assert_eq!(state.preferences.notebook.as_deref(), Some(copy.as_path()));

        let fresh = folder.path().join("fresh.ron");
        state.handle(Command::UseNotebook(NotebookChoice::New, fresh.clone()));
        assert!(state.journal.notebook.notes.is_empty());
        state.handle(Command::UseNotebook(NotebookChoice::Open, copy.clone()));
        assert_eq!(state.journal.notebook.notes.len(), 1);
    }

    #[test]
    fn a_damaged_notebook_gets_a_fresh_one_beside_it_with_what_could_be_read() {
        let folder = tempfile::tempdir().unwrap();
        let damaged = folder.path().join("notebook.ron");
        std::fs::write(&damaged, "(version: 1, notes: [ this is torn").unwrap();
        let mut state = AppState::with_notebook(
            Preferences::default(),
            Arc::new(|| {}),
            Some(damaged.clone()),
        );
        assert!(state.journal.read_only_because.is_some());
        assert!(
            state
                .messages
                .iter()
                .any(|m| m.text.contains("fresh notebook"))
        );
        state.handle(Command::FreshNotebookBeside);
        assert!(state.journal.read_only_because.is_none());
        let fresh = state.journal.path.clone().unwrap();
        assert_ne!(fresh, damaged);
        assert_eq!(fresh.parent(), damaged.parent());
        state.journal.flush();
        assert!(fresh.exists());
        assert_eq!(
            std::fs::read_to_string(&damaged).unwrap(),
            "(version: 1, notes: [ this is torn"
        );
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

    #[test]
    fn a_selected_event_added_by_hand_stays_selected_while_articles_load() {
        let notebook = tempfile::tempdir().unwrap();
        let mut state = seeds_with_notebook_in(notebook.path());
        let document = state.corpus.documents()[0].id;
        let body = state.corpus.documents()[0].body.clone();
        let quote: String = body.chars().take(40).collect();
        state.handle(Command::AddEvent(NewEvent {
            passage: Passage {
                document,
                quote: quote.clone(),
                start_byte: 0,
                end_byte: quote.len(),
            },
            kind: EventKind::Meeting,
            participants: vec!["Hand-made A".to_owned(), "Hand-made B".to_owned()],
            date: None,
            fields: Vec::new(),
        }));
        state.refresh_desk();
        let added = state.desk.events.len() - 1;
        assert_eq!(
            state.desk.events[added].event.participants[0].name,
            "Hand-made A"
        );
        let select = Command::select_event(&state.desk, added);
        state.handle(select);
        state.refresh_desk();

        // More articles arrive: their events join the extracted ones, before the added one.
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(
            folder.path().join("a.txt"),
            "Two cities sign\n\nWuxi and Xuzhou signed a cooperation agreement on industrial parks on Tuesday.",
        )
        .unwrap();
        state.handle(Command::OpenPaths(vec![folder.path().to_path_buf()]));
        settle(&mut state);
        state.refresh_desk();
        let selected = state.desk.selected_event().expect("still selected");
        assert_eq!(
            state.desk.events[selected].event.participants[0].name, "Hand-made A",
            "the selection moved to another event"
        );
    }
}
