//! Full-text search across every loaded article (Ctrl+K or Ctrl+Shift+F) through the search
//! index: the best-matching articles with a snippet each; click one to open its article at the
//! hit. The query is answered off the UI thread; this window only sends it and shows the answer.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::theme;
use crate::desk::fulltext::Found;
use crate::desk::search::Hit;
use crate::state::{AppState, Command};

/// Ctrl+K: search all articles.
pub const SEARCH: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::K);
/// Ctrl+Shift+F: the same.
pub const SEARCH_ALT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::F);

/// What the window says before anything is typed: the query syntax in short.
const SYNTAX_HINT: &str = "Words find articles that hold them all (title, text or places). \
\"a phrase\" · OR · NOT or -word · title:word · place:江苏. \
Chinese matches in simplified or traditional; 江宁 finds 江宁区.";

/// The search window's state, kept by the app ([`super::windows::Windows`]).
#[derive(Clone, Debug, Default)]
pub struct SearchWindow {
    open: bool,
    query: String,
    /// The query last sent to the index.
    asked: Option<String>,
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
                if !edit.has_focus() && self.asked.is_none() {
                    edit.request_focus();
                }
                if self.asked.as_deref() != Some(self.query.as_str()) {
                    commands.push(Command::Search(self.query.clone()));
                    self.asked = Some(self.query.clone());
                }
                indexing_ui(ui, state);
                if self.query.trim().is_empty() {
                    ui.weak(SYNTAX_HINT);
                    return;
                }
                let found = state.search.found.as_deref();
                match found.filter(|found| found.query == self.query) {
                    Some(found) => results_ui(ui, state, found, commands),
                    None => {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label("Searching…");
                        });
                    }
                }
            });
        self.open = open && !ctx.input(|input| input.key_pressed(Key::Escape));
    }
}

/// Says so while articles are still being indexed (their words are not found yet).
fn indexing_ui(ui: &mut egui::Ui, state: &AppState) {
    let progress = state.search.progress();
    if state.search.indexed.is_none() {
        ui.weak("The search index is opening…");
    } else if progress.is_indexing() {
        ui.weak(format!(
            "The search index is being built ({} of {} articles): results so far.",
            progress.done, progress.queued
        ));
    }
}

/// The answer: why the query cannot be run, or how many articles match and the best of them.
fn results_ui(ui: &mut egui::Ui, state: &AppState, found: &Found, commands: &mut Vec<Command>) {
    if let Some(problem) = &found.problem {
        ui.colored_label(theme::error_colour(ui.visuals()), problem);
        return;
    }
    // An article removed while another folder still loads stays in the index until the load
    // ends: it is not listed.
    let hits: Vec<(&Hit, &str)> = found
        .hits
        .iter()
        .filter_map(|hit| {
            let document = state.library.corpus.document(hit.document_id)?;
            Some((hit, document.meta.title.as_str()))
        })
        .collect();
    ui.label(format!(
        "{} {}{}",
        found.documents,
        if found.documents == 1 {
            "article matches"
        } else {
            "articles match, best first"
        },
        if found.documents > hits.len() {
            format!(" (the first {} listed)", hits.len())
        } else {
            String::new()
        }
    ));
    ui.separator();
    let row_height = theme::ROW_HEIGHT * 2.2;
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        row_height,
        hits.len(),
        |ui, rows| {
            for &(hit, title) in hits.get(rows).unwrap_or_default() {
                if hit_ui(ui, hit, title).clicked() {
                    commands.push(Command::ShowPassage(hit.document_id, hit.range.clone()));
                }
            }
        },
    );
}

/// One article: its title, and its snippet with the hit marked; clicking the snippet opens it.
fn hit_ui(ui: &mut egui::Ui, hit: &Hit, title: &str) -> egui::Response {
    let mut job = egui::text::LayoutJob::default();
    let body = egui::TextFormat::simple(theme::label_font(), ui.visuals().text_color());
    let strong = egui::TextFormat {
        background: theme::evidence_background(ui.visuals(), true),
        ..body.clone()
    };
    let snippet = &hit.snippet;
    let range = hit.snippet_hit.clone();
    job.append(snippet.get(..range.start).unwrap_or(""), 0.0, body.clone());
    job.append(snippet.get(range.clone()).unwrap_or(""), 0.0, strong);
    job.append(snippet.get(range.end..).unwrap_or(""), 0.0, body);
    ui.vertical(|ui| {
        ui.add(egui::Label::new(egui::RichText::new(title).strong()).truncate());
        ui.add(egui::Label::new(job).truncate().sense(egui::Sense::click()))
    })
    .inner
}
