//! What the app knows, and the one place it changes.
//!
//! Panels read [`AppState`] and return [`Command`]s; [`AppState::handle`] applies them at the end
//! of the frame, each by the concern it belongs to: the library (`library.rs`), the desk
//! ([`DeskView::handle`]), the notebook (`notebook.rs`), the app's own (here); native dialogs are
//! in `dialogs.rs`, exports in `export.rs`, the search index in `search.rs`. Background work
//! (loading folders, the native file dialog, the search index) reports through one inbox that
//! [`AppState::poll`] drains each frame. No drawing here.

mod dialogs;
mod export;
mod library;
mod notebook;
mod search;
mod texts;

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use self::dialogs::{
    DIALOG_FAILED_WITHIN, no_dialog_explanation, no_extraction_dialog_explanation,
};
pub use self::dialogs::{Dialogs, PathDialog, PathPurpose};
pub use self::export::ExportRequest;
pub use self::library::{Library, LibraryCommand, LibraryTab, LoadProgress, OpenedExtraction};
pub use self::notebook::{NotebookChoice, NotebookCommand};
pub use self::search::{SEARCH_LIMIT, Search, search_location};
use crate::extract::Gazetteer;
use crate::ingest::{IngestEvent, Root};
use crate::journal::Journal;
use crate::model::{Corpus, Document, DocumentId, Revision};
use crate::notebook::Review;
pub use crate::view::DeskCommand;
use crate::view::{DeskView, EventId};

/// A change the UI asks for, addressed to the concern that owns what it changes; each concern
/// has its own commands and its own `handle` (in its module), and [`AppState::handle`] only
/// routes them. The three commands after the concerns' cross them: they move the viewer and the
/// desk together; `Search` goes to the search index (`search.rs`).
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// Folders, files and loading ([`library`](self::library)).
    Library(LibraryCommand),
    /// The filter, the selection on the graph, the timeline's and graph's options
    /// ([`DeskView::handle`]).
    Desk(DeskCommand),
    /// Notes, reviews, added events and the notebook file ([`notebook`](self::notebook)).
    Notebook(NotebookCommand),
    /// Preferences, messages and exports.
    App(AppCommand),
    /// Show a document in the viewer.
    SelectDocument(DocumentId),
    /// Select an event: its article opens at the evidence.
    SelectEvent(Option<EventId>),
    /// Open a document at a passage (a search hit, an evidence mark).
    ShowPassage(DocumentId, Range<usize>),
    /// Search every article for a query (the search window's box).
    Search(String),
}

/// Commands about the app itself: preferences, messages and exports.
#[derive(Clone, Debug, PartialEq)]
pub enum AppCommand {
    /// Show the clean body or the original text.
    ShowTextView(TextView),
    /// Switch the colour theme.
    SetTheme(Theme),
    /// Remove a message from the message area.
    DismissMessage(usize),
    /// Hide the welcome (`true`) or show it again.
    SetWelcomed(bool),
    /// Open Accord's data folder in the system's file manager.
    ShowDataFolder,
    /// Ask (native save dialog) where to write an export; `true`: a figure format drawn as
    /// PNG.
    ShowExportDialog(crate::export::Format, bool),
    /// Export what the panels show.
    Export(ExportRequest),
}

impl From<LibraryCommand> for Command {
    fn from(command: LibraryCommand) -> Self {
        Self::Library(command)
    }
}

impl From<DeskCommand> for Command {
    fn from(command: DeskCommand) -> Self {
        Self::Desk(command)
    }
}

impl From<NotebookCommand> for Command {
    fn from(command: NotebookCommand) -> Self {
        Self::Notebook(command)
    }
}

impl From<AppCommand> for Command {
    fn from(command: AppCommand) -> Self {
        Self::App(command)
    }
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
            .map(|id| Self::Notebook(NotebookCommand::ReviewEvent(id, review)))
    }
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

/// Which text the viewer shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TextView {
    /// The article body without site clutter.
    #[default]
    Clean,
    /// Everything the file held, clutter included.
    Original,
}

/// A message for the user, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// What happened and what to do.
    pub text: String,
    /// Whether it is an error (otherwise information).
    pub is_error: bool,
}

/// UI preferences kept across restarts (eframe storage). Not user data: losing them loses
/// nothing the user wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Folders and files the user opened, reopened at start.
    pub open_paths: Vec<PathBuf>,
    /// Extraction files the user opened (with the articles' folder named), reopened at start.
    pub open_extractions: Vec<OpenedExtraction>,
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

/// Results of background work, delivered to the UI thread.
#[derive(Debug)]
enum Inbox {
    Ingest(IngestEvent),
    /// An article's text read back (see `texts`).
    Text(DocumentId, texts::TextRead),
    FolderDialog {
        picked: Option<PathBuf>,
        elapsed: Duration,
    },
    ExtractionDialog {
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
    /// The search index's threads report.
    Search(crate::desk::fulltext::SearchEvent),
}

/// How long one frame spends taking messages from the background threads.
const POLL_BUDGET: Duration = Duration::from_millis(25);

/// How often the desk catches up with a corpus that is still loading.
const DESK_CATCH_UP: Duration = Duration::from_millis(300);

/// Everything the app knows.
pub struct AppState {
    /// The folders and files opened, their loading, the documents and skipped files.
    pub library: Library,
    /// The document in the viewer.
    pub selected: Option<DocumentId>,
    /// Messages shown until dismissed.
    pub messages: Vec<Message>,
    /// The dialogs: native ones running, the typed-path one asked for, exports being written.
    pub dialogs: Dialogs,
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
    /// The full-text index and the last query's answer.
    pub search: Search,
    /// The corpus revision the desk last saw, and when: while folders load, the desk catches up a
    /// few times a second rather than on every batch.
    desk_caught_up: (Revision, Instant),
    inbox: Receiver<Inbox>,
    outbox: Sender<Inbox>,
    wake: Arc<dyn Fn() + Send + Sync>,
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
        let index = library::index_location(notebook.as_deref());
        let search_index = index.clone();
        let notebook = notebook
            .or_else(|| std::env::var_os(crate::notebook::NOTEBOOK_VARIABLE).map(PathBuf::from))
            .or(remembered.clone());
        let (notebook, notices) = match notebook {
            Some(path) => Journal::open(path, Arc::clone(&wake)),
            None => Journal::open_default(Arc::clone(&wake)),
        };
        let mut state = Self {
            library: Library::with_index(index),
            selected: None,
            messages: Vec::new(),
            dialogs: Dialogs::default(),
            restore_document: None,
            preferences: Preferences::default(),
            desk: DeskView::default(),
            focus: None,
            journal: notebook,
            search: Search::default(),
            desk_caught_up: (Revision::next(), Instant::now()),
            inbox,
            outbox,
            wake,
        };
        for text in early {
            state.tell_error(text);
        }
        for notice in notices {
            state.tell_info(notice);
        }
        state.start_search(search_index.as_deref());
        state.preferences.notebook = remembered;
        state.preferences.welcomed = preferences.welcomed;
        state.restore_document = preferences.last_document;
        state.preferences.text_view = preferences.text_view;
        state.preferences.theme = preferences.theme;
        let source = state.library.corpus.add_source(None);
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
        for extraction in preferences.open_extractions {
            if extraction.file.exists() {
                state.open_extraction(extraction);
            } else {
                state.tell_error(format!(
                    "The extraction {} was opened last time but is no longer there (moved, renamed or deleted). It has been removed from the library.",
                    extraction.file.display()
                ));
            }
        }
        state
    }

    /// Drains background results; call once per frame.
    pub fn poll(&mut self) {
        // Documents are added in one batch per frame (one sort), however many arrived.
        let mut loaded = Vec::new();
        let started = Instant::now();
        while let Ok(message) = self.inbox.try_recv() {
            match message {
                Inbox::Ingest(IngestEvent::Loaded(document)) => {
                    if self.library.count_loaded(&document) {
                        loaded.push(*document);
                    }
                }
                Inbox::Text(document, read) => self.library.text_arrived(document, read),
                Inbox::Ingest(event) => {
                    if !loaded.is_empty() {
                        self.take_arrivals(std::mem::take(&mut loaded));
                    }
                    self.apply_ingest(event);
                }
                Inbox::FolderDialog { picked, elapsed } => {
                    self.dialogs.native_open = false;
                    match picked {
                        Some(path) => self.open_path(path),
                        None if elapsed < DIALOG_FAILED_WITHIN => {
                            self.dialogs.path = Some(PathDialog {
                                explanation: Some(no_dialog_explanation()),
                                purpose: PathPurpose::Articles,
                            });
                        }
                        None => {}
                    }
                }
                Inbox::ExtractionDialog { picked, elapsed } => {
                    self.dialogs.native_open = false;
                    match picked {
                        Some(file) => self.open_extraction(OpenedExtraction {
                            file,
                            articles: None,
                        }),
                        None if elapsed < DIALOG_FAILED_WITHIN => {
                            self.dialogs.path = Some(PathDialog {
                                explanation: Some(no_extraction_dialog_explanation()),
                                purpose: PathPurpose::Extraction,
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
                    self.dialogs.native_open = false;
                    match picked {
                        Some(path) => self.use_notebook(choice, path),
                        None if elapsed < DIALOG_FAILED_WITHIN => {
                            self.dialogs.path = Some(PathDialog {
                                explanation: Some(no_dialog_explanation()),
                                purpose: PathPurpose::Notebook(choice),
                            });
                        }
                        None => {}
                    }
                }
                Inbox::ExportDialog { picked, elapsed } => {
                    self.dialogs.native_open = false;
                    match picked {
                        Some(path) => {
                            self.dialogs.pick_export(path);
                        }
                        None if elapsed < DIALOG_FAILED_WITHIN => self.tell_error(
                            "No system file dialog could be opened (on Linux it needs the XDG desktop portal or zenity). Type the file's path in the export window instead.".to_owned(),
                        ),
                        None => {}
                    }
                }
                Inbox::Search(event) => self.apply_search(event),
                Inbox::Exported(text, failed) => {
                    self.dialogs.exporting = self.dialogs.exporting.saturating_sub(1);
                    if failed {
                        self.tell_error(text);
                    } else {
                        self.tell_info(text);
                    }
                }
            }
            if started.elapsed() > POLL_BUDGET {
                // A folder of 100,000 files streams in faster than one frame takes it: the rest
                // waits for the next frame, so the window keeps drawing meanwhile.
                (self.wake)();
                break;
            }
        }
        if !loaded.is_empty() {
            self.take_arrivals(loaded);
        }
        self.trim_search_index();
        if let Some(document) = self.restore_document
            && self.library.corpus.document(document).is_some()
        {
            self.selected = Some(document);
            self.restore_document = None;
        }
        if !self.is_loading() {
            self.restore_document = None;
        }
        self.preferences.last_document = self.selected;
        let outbox = self.outbox.clone();
        let wake = Arc::clone(&self.wake);
        self.library.keep_texts(
            self.selected,
            &self.journal.notebook,
            move |document, read| {
                let _ = outbox.send(Inbox::Text(document, read));
                wake();
            },
        );
    }

    /// Brings the desk up to date with the corpus (a few times a second while loading) and
    /// the filter, and advances the graph layout; call once a frame, after the commands.
    /// Returns whether another frame is needed soon.
    pub fn refresh_desk(&mut self) -> bool {
        let (seen, when) = self.desk_caught_up;
        let due = !self.is_loading() || when.elapsed() >= DESK_CATCH_UP;
        if seen != self.library.corpus.revision() && due {
            self.desk_caught_up = (self.library.corpus.revision(), Instant::now());
        }
        let gazetteer = Gazetteer::bundled();
        let seen = self.desk_caught_up.0;
        self.desk.merge(&self.library.corpus, seen);
        self.desk
            .apply_reviews(&self.journal.notebook, &self.library.corpus);
        self.desk.refresh(&self.library.corpus, seen, gazetteer);
        self.desk
            .mark_noted(&self.journal.notebook, &self.library.corpus);
        if !self.is_loading() {
            self.desk.prepare_word_index(&self.library.corpus);
        }
        let (notices, save_pending) = self.journal.tick();
        for notice in notices {
            self.tell_error(notice);
        }
        let behind = self.desk_caught_up.0 != self.library.corpus.revision();
        self.desk.advance_layout(gazetteer) || behind || save_pending
    }

    /// Applies a command from the UI: each concern handles its own.
    pub fn handle(&mut self, command: Command) {
        match command {
            Command::Library(command) => self.handle_library(command),
            Command::Desk(command) => self.desk.handle(command, Gazetteer::bundled()),
            Command::Notebook(command) => self.handle_notebook(command),
            Command::App(command) => self.handle_app(command),
            Command::SelectDocument(document_id) => self.selected = Some(document_id),
            Command::SelectEvent(id) => self.select_event(id),
            Command::ShowPassage(document, range) => self.show_passage(document, range),
            Command::Search(query) => self.search_for(query),
        }
    }

    /// Applies a command about preferences, messages or exports.
    fn handle_app(&mut self, command: AppCommand) {
        match command {
            AppCommand::ShowTextView(view) => self.preferences.text_view = view,
            AppCommand::SetTheme(theme) => self.preferences.theme = theme,
            AppCommand::DismissMessage(index) => {
                if index < self.messages.len() {
                    self.messages.remove(index);
                }
            }
            AppCommand::SetWelcomed(welcomed) => self.preferences.welcomed = welcomed,
            AppCommand::ShowDataFolder => self.show_data_folder(),
            AppCommand::ShowExportDialog(format, png) => self.show_export_dialog(format, png),
            AppCommand::Export(request) => self.export(request),
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

    /// Adds documents loaded since the last batch: indexed for search while they hold their
    /// text, then their text set aside unless something holds it (`texts.rs`).
    fn take_arrivals(&mut self, mut loaded: Vec<Document>) {
        self.index_arrivals(&loaded);
        self.library.settle(&mut loaded);
        self.library.corpus.add_documents(loaded);
    }

    /// Replaces the loaded documents (benchmarks and tests build large corpora in memory).
    pub fn replace_corpus(&mut self, corpus: Corpus) {
        self.library.corpus = corpus;
        self.index_corpus();
        self.selected = self
            .library
            .corpus
            .documents()
            .first()
            .map(|document| document.id);
    }

    /// Whether any load is still running.
    pub fn is_loading(&self) -> bool {
        self.library.is_loading()
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

    pub(super) fn tell_error(&mut self, text: String) {
        self.messages.push(Message {
            text,
            is_error: true,
        });
    }

    pub(super) fn tell_info(&mut self, text: String) {
        self.messages.push(Message {
            text,
            is_error: false,
        });
    }
}

#[cfg(test)]
mod tests;
