//! Full-text search across every loaded article (Ctrl+K or Ctrl+Shift+F): hits with snippets;
//! click one to open its article at the hit.

use std::sync::Arc;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::theme;
use crate::desk::search::{SearchResults, search};
use crate::state::{AppState, Command};

/// Ctrl+K: search all articles.
pub const SEARCH: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::K);
/// Ctrl+Shift+F: the same.
pub const SEARCH_ALT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::F);

/// Most hits listed; the total is still counted.
const LIMIT: usize = 2_000;

/// The search window's state, kept by the app ([`super::windows::Windows`]).
#[derive(Clone, Debug, Default)]
pub struct SearchWindow {
    open: bool,
    query: String,
    /// The query and corpus size the results are for.
    searched: Option<(String, usize)>,
    results: Arc<SearchResults>,
}

impl SearchWindow {
    /// Opens the window (from the menu).
    pub fn open(&mut self) {
        self.open = true;
    }

    /// Draws the window when it is open (Ctrl+K opens it); pushes the passage to show when a
    /// hit is clicked.
    pub fn show(&mut self, ctx: &egui::Context, state: &AppState, commands: &mut Vec<Command>) {
        if ctx.input_mut(|input| {
            input.consume_shortcut(&SEARCH) || input.consume_shortcut(&SEARCH_ALT)
        }) {
            self.open();
        }
        if !self.open {
            return;
        }
        let documents = state.library.corpus.documents();
        let mut open = true;
        egui::Window::new("Search all articles")
            .open(&mut open)
            .default_width(520.0)
            .default_height(420.0)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .show(ctx, |ui| {
                let edit = ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("Words or 中文 to find in every article")
                        .desired_width(f32::INFINITY),
                );
                if !edit.has_focus() && self.searched.is_none() {
                    edit.request_focus();
                }
                let wanted = (self.query.clone(), documents.len());
                if self.searched.as_ref() != Some(&wanted) {
                    self.results = Arc::new(search(documents, &self.query, LIMIT));
                    self.searched = Some(wanted);
                }
                let results = Arc::clone(&self.results);
                if self.query.trim().is_empty() {
                    ui.weak("Type to search the clean text of every loaded article.");
                    return;
                }
                ui.label(format!(
                    "{} hits in {} articles{}",
                    results.total,
                    results.documents,
                    if results.total > results.hits.len() {
                        format!(" (first {} listed)", results.hits.len())
                    } else {
                        String::new()
                    }
                ));
                ui.separator();
                let row_height = theme::ROW_HEIGHT * 2.2;
                egui::ScrollArea::vertical().auto_shrink(false).show_rows(
                    ui,
                    row_height,
                    results.hits.len(),
                    |ui, rows| {
                        for hit in &results.hits[rows] {
                            let title = state
                                .library
                                .corpus
                                .document(hit.document_id)
                                .map_or("", |document| document.meta.title.as_str());
                            let mut job = egui::text::LayoutJob::default();
                            let body = egui::TextFormat::simple(
                                theme::label_font(),
                                ui.visuals().text_color(),
                            );
                            let strong = egui::TextFormat {
                                background: theme::evidence_background(ui.visuals(), true),
                                ..body.clone()
                            };
                            let snippet = &hit.snippet;
                            let range = hit.snippet_hit.clone();
                            job.append(snippet.get(..range.start).unwrap_or(""), 0.0, body.clone());
                            job.append(snippet.get(range.clone()).unwrap_or(""), 0.0, strong);
                            job.append(snippet.get(range.end..).unwrap_or(""), 0.0, body);
                            let response = ui
                                .vertical(|ui| {
                                    ui.add(
                                        egui::Label::new(egui::RichText::new(title).strong())
                                            .truncate(),
                                    );
                                    ui.add(
                                        egui::Label::new(job)
                                            .truncate()
                                            .sense(egui::Sense::click()),
                                    )
                                })
                                .inner;
                            if response.clicked() {
                                commands
                                    .push(Command::ShowPassage(hit.document_id, hit.range.clone()));
                            }
                        }
                    },
                );
            });
        self.open = open && !ctx.input(|input| input.key_pressed(Key::Escape));
    }
}
