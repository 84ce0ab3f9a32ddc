//! The windows over the desk: the note and event editors, the export window, search and About.
//!
//! Each is a value held here while it is open (the dialog pattern of egui's demo and Ruffle):
//! a panel opens one through an opener below, [`Windows::ui`] draws them each frame and drops
//! those whose `show` says they closed. Panels reach the editors only through here, so no
//! panel imports another.

use std::ops::Range;

use super::event_editor::EventEditor;
use super::export::ExportWindow;
use super::note_editor::NoteEditor;
use super::search::SearchWindow;
use crate::model::DocumentId;
use crate::notebook::{Note, Target};
use crate::state::{AppState, Command};

/// The open windows and what each holds.
#[derive(Debug, Default)]
pub struct Windows {
    note: Option<NoteEditor>,
    event: Option<EventEditor>,
    export: Option<ExportWindow>,
    search: SearchWindow,
    about: bool,
    /// A web address the user clicked, waiting for "Open in browser?" to be answered.
    open_url: Option<String>,
}

impl Windows {
    /// Opens the note editor on a new note about `target` (named `about` in the window).
    pub fn write_note(&mut self, target: Target, about: String) {
        self.note = Some(NoteEditor::new(target, about));
    }

    /// Asks whether to open an article's web address in the system's browser (a click on a
    /// link should not leave the app unasked: the address comes from a saved file).
    pub fn ask_to_open(&mut self, url: String) {
        self.open_url = Some(url);
    }

    /// Opens the note editor on an existing note.
    pub fn edit_note(&mut self, note: &Note, about: String) {
        self.note = Some(NoteEditor::edit(note, about));
    }

    /// Opens the event editor on the desk's event `index` (read in this frame).
    pub fn correct_event(&mut self, state: &AppState, index: usize) {
        if let Some(editor) = EventEditor::correct(state, index) {
            self.event = Some(editor);
        }
    }

    /// Opens the event editor on a new event reported by a sentence of `document`.
    pub fn add_event_from(&mut self, state: &AppState, document: DocumentId, range: Range<usize>) {
        if let Some(editor) = EventEditor::add_from(state, document, range) {
            self.event = Some(editor);
        }
    }

    /// Opens File → Export….
    pub fn open_export(&mut self, state: &AppState) {
        self.open_export_as(state, crate::export::Format::EventsCsv);
    }

    /// Opens File → Export figure… (on the map: the figure a report most often wants).
    pub fn open_export_figure(&mut self, state: &AppState) {
        self.open_export_as(state, crate::export::Format::FigureMapSvg);
    }

    /// Opens the export window on one format (a chart's "CSV…" button).
    pub fn open_export_as(&mut self, state: &AppState, format: crate::export::Format) {
        self.export = Some(ExportWindow::new(state, format));
    }

    /// Opens the search window.
    pub fn open_search(&mut self) {
        self.search.open();
    }

    /// Opens Help → About.
    pub fn open_about(&mut self) {
        self.about = true;
    }

    /// Draws the open windows; returns what they ask for.
    pub fn ui(&mut self, ctx: &egui::Context, state: &AppState) -> Vec<Command> {
        let mut commands = Vec::new();
        keep_open(&mut self.note, |editor| editor.show(ctx, &mut commands));
        keep_open(&mut self.event, |editor| {
            editor.show(ctx, state, &mut commands)
        });
        keep_open(&mut self.export, |window| {
            window.show(ctx, state, &mut commands)
        });
        if self.about {
            self.about = about_ui(ctx, state);
        }
        keep_open(&mut self.open_url, |url| open_url_ui(ctx, url));
        self.search.show(ctx, state, &mut commands);
        commands
    }
}

/// Shows a window that is open, and forgets it once `show` says it closed.
fn keep_open<T>(window: &mut Option<T>, show: impl FnOnce(&mut T) -> bool) {
    if let Some(open) = window
        && !show(open)
    {
        *window = None;
    }
}

/// "Open this address in your browser?", with the whole address shown. Returns whether it
/// stays open.
fn open_url_ui(ctx: &egui::Context, url: &str) -> bool {
    let mut open = true;
    let mut answered = false;
    egui::Window::new("Open in browser?")
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .show(ctx, |ui| {
            ui.label("Open the article's web address in your browser?");
            ui.add(egui::Label::new(egui::RichText::new(url).monospace()).wrap());
            ui.horizontal(|ui| {
                if ui.button("Open").clicked() {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                    answered = true;
                }
                if ui.button("Copy address").clicked() {
                    ctx.copy_text(url.to_owned());
                    answered = true;
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    answered = true;
                }
            });
        });
    open && !answered
}

/// Help → About: version, licence, and where the user's data is. Returns whether it stays open.
fn about_ui(ctx: &egui::Context, state: &AppState) -> bool {
    let mut open = true;
    egui::Window::new("About Accord")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.heading(format!("Accord {}", env!("CARGO_PKG_VERSION")));
            ui.label("Regional economic cooperation in China, from the news: a timeline, a relationship graph, an article viewer and notes.");
            ui.label(format!("Licence: {}.", env!("CARGO_PKG_LICENSE")));
            ui.label(format!("{}.", crate::desk::basemap::SOURCE));
            ui.separator();
            let notebook = state.journal.path.as_ref().map_or_else(
                || "nowhere (this system has no data folder)".to_owned(),
                |path| path.display().to_string(),
            );
            ui.label(format!("Notes are stored in {notebook}"));
            if let Some(reason) = &state.journal.read_only_because {
                ui.colored_label(ui.visuals().warn_fg_color, format!("Read-only: {reason}"));
            }
            if let Some(folder) = crate::notebook::data_folder() {
                ui.label(format!("Data folder: {}", folder.display()));
            }
        });
    open
}
