//! The article viewer: title, metadata and the clean (or original) text.

use egui::{Label, RichText, ScrollArea};

use super::theme;
use crate::model::{DateResolution, Document, Event};
use crate::state::{AppState, Command, TextView};

/// The two views of a document's text, with their names in menus and buttons.
pub const TEXT_VIEWS: [(TextView, &str); 2] = [
    (TextView::Clean, "Clean article"),
    (TextView::Original, "Original text"),
];

/// Draws the selected document.
pub fn viewer_ui(ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(document) = state.selected.and_then(|id| state.corpus.document(id)) else {
        ui.centered_and_justified(|ui| {
            ui.weak(if state.is_loading() {
                "Loading articles…"
            } else {
                "Select a document in the library to read it."
            });
        });
        return commands;
    };
    ui.horizontal(|ui| {
        let view = state.preferences.text_view;
        for (option, label) in TEXT_VIEWS {
            if ui.selectable_label(view == option, label).clicked() {
                commands.push(Command::ShowTextView(option));
            }
        }
    });
    ui.separator();
    ScrollArea::vertical()
        .id_salt(("viewer", document.id.0))
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.set_max_width(theme::READING_WIDTH.min(ui.available_width()));
            header_ui(ui, document);
            ui.add_space(theme::PARAGRAPH_GAP);
            match state.preferences.text_view {
                TextView::Clean => {
                    if document.body.is_empty() {
                        ui.weak("No article text was found in this file; see the original text.");
                    }
                    for paragraph in document.body_paragraphs() {
                        ui.add(Label::new(paragraph).wrap());
                        ui.add_space(theme::PARAGRAPH_GAP);
                    }
                }
                TextView::Original => {
                    ui.add(Label::new(RichText::new(&document.original).monospace()).wrap());
                }
            }
        });
    commands
}

fn header_ui(ui: &mut egui::Ui, document: &Document) {
    ui.add(Label::new(RichText::new(&document.meta.title).heading()).wrap());
    let meta = &document.meta;
    let mut facts = Vec::new();
    facts.push(
        meta.published
            .map_or_else(|| "No page date".to_owned(), |date| date.edtf()),
    );
    if let Some(source) = &meta.source {
        facts.push(source.clone());
    }
    if let Some(byline) = &meta.byline {
        facts.push(byline.clone());
    }
    let colour = theme::meta_colour(ui.visuals());
    ui.label(RichText::new(facts.join("  ·  ")).color(colour));
    for path in &document.paths {
        ui.label(
            RichText::new(path.path.display().to_string())
                .small()
                .color(colour),
        );
    }
    events_ui(ui, document);
}

/// The article's cooperation events, one line each: when, what, who.
fn events_ui(ui: &mut egui::Ui, document: &Document) {
    let events = &document.extraction.events;
    if events.is_empty() {
        return;
    }
    ui.add_space(theme::PARAGRAPH_GAP);
    ui.strong(format!("Cooperation events ({})", events.len()));
    for event in events {
        let parties: Vec<&str> = event.participants.iter().map(|p| p.name.as_str()).collect();
        ui.label(format!(
            "{}  ·  {}  ·  {}",
            event_date_text(event),
            event.kind.label(),
            parties.join(", ")
        ));
    }
}

/// A date as a reader should take it: exact, inferred (and how), or year unknown.
pub fn event_date_text(event: &Event) -> String {
    match (event.date, event.date_resolution) {
        (None, _) => "date unknown".to_owned(),
        (Some(date), _) if date.year.is_none() => format!("{} (year unknown)", date.edtf()),
        (Some(date), Some(DateResolution::Stated) | None) => date.edtf(),
        (Some(date), Some(resolution)) => format!("{} ({})", date.edtf(), resolution.label()),
    }
}
