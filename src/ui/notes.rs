//! The Notes panel: it lists, searches, opens, edits (in the note editor, `note_editor.rs`) and
//! deletes notes (delete can be undone).

use super::widgets::{event_of, target_label};
use super::windows::Windows;
use crate::extract::Gazetteer;
use crate::notebook::{Note, Target, anchor};
use crate::state::{AppState, Command, DeskCommand, NotebookCommand};

/// What opening a note's target does: its article at the passage or event, its place.
fn open_target(state: &AppState, target: &Target) -> Vec<Command> {
    match target {
        Target::Article { document } => vec![Command::SelectDocument(*document)],
        Target::Event { key } => match event_of(state, key) {
            Some(index) => vec![Command::select_event(&state.desk, index)],
            None => vec![Command::SelectDocument(key.document)],
        },
        Target::Place { place } => place
            .party(Gazetteer::bundled())
            .map(|party| vec![Command::Desk(DeskCommand::SelectParty(Some(party)))])
            .unwrap_or_default(),
        Target::Passage(passage) => {
            let range = state
                .library
                .corpus
                .document(passage.document)
                .and_then(|document| anchor(document.body()?, passage).range())
                .unwrap_or(passage.start_byte..passage.start_byte);
            vec![Command::ShowPassage(passage.document, range)]
        }
    }
}

/// Which notes the panel lists, by what they are about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Scope {
    #[default]
    All,
    /// Notes on the article in the viewer, its passages and its events.
    OpenArticle,
    /// Notes on the place selected in the graph, and on events it took part in.
    SelectedPlace,
    /// Notes on the selected event.
    SelectedEvent,
}

impl Scope {
    const ALL: [Self; 4] = [
        Self::All,
        Self::OpenArticle,
        Self::SelectedPlace,
        Self::SelectedEvent,
    ];

    fn label(self) -> &'static str {
        match self {
            Self::All => "about anything",
            Self::OpenArticle => "about the open article",
            Self::SelectedPlace => "about the selected place",
            Self::SelectedEvent => "about the selected event",
        }
    }

    fn includes(self, state: &AppState, note: &Note) -> bool {
        let desk = &state.desk;
        match self {
            Self::All => true,
            Self::OpenArticle => {
                state.selected.is_some() && note.target.document() == state.selected
            }
            Self::SelectedEvent => match &note.target {
                Target::Event { key } => {
                    desk.selected_event().is_some() && event_of(state, key) == desk.selected_event()
                }
                _ => false,
            },
            Self::SelectedPlace => {
                let Some(party) = &desk.selected_party else {
                    return false;
                };
                match &note.target {
                    Target::Place { place } => {
                        place.party(Gazetteer::bundled()).as_ref() == Some(party)
                    }
                    Target::Event { key } => event_of(state, key)
                        .and_then(|index| desk.events.get(index))
                        .is_some_and(|event| {
                            event
                                .event
                                .participants
                                .iter()
                                .any(|participant| party.is(participant))
                        }),
                    _ => false,
                }
            }
        }
    }
}

/// One note in the list: what it is about (a link that opens it), its text in at most two
/// lines, its tags and its buttons, in a card of `height`.
fn note_card_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    note: &Note,
    height: f32,
    windows: &mut Windows,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let about = target_label(state, &note.target);
    let width = ui.available_width();
    ui.allocate_ui(egui::vec2(width, height), |ui| {
        ui.set_max_width(width);
        ui.group(|ui| {
            ui.set_width(ui.available_width());
            // One line, elided to the card's width (in full on hover).
            let link =
                egui::Label::new(egui::RichText::new(&about).color(ui.visuals().hyperlink_color))
                    .truncate()
                    .sense(egui::Sense::click());
            let link = ui
                .add(link)
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .on_hover_text(format!("Open: {about}"));
            if link.clicked() {
                commands.extend(open_target(state, &note.target));
            }
            let mut text = egui::text::LayoutJob::simple(
                note.text.clone(),
                egui::TextStyle::Body.resolve(ui.style()),
                ui.visuals().text_color(),
                ui.available_width(),
            );
            text.wrap.max_rows = 2;
            text.wrap.overflow_character = Some('…');
            let label = ui.add(egui::Label::new(text));
            if note.text.len() > 80 {
                label.on_hover_text(&note.text);
            }
            ui.horizontal(|ui| {
                for tag in &note.tags {
                    ui.weak(format!("#{tag}"));
                }
                if ui.small_button("Edit").clicked() {
                    windows.edit_note(note, about.clone());
                }
                if ui.small_button("Delete").clicked() {
                    commands.push(Command::Notebook(NotebookCommand::DeleteNote(note.id)));
                }
            });
        });
    });
    commands
}

/// The Notes panel and what it keeps between frames: the search.
#[derive(Debug, Default)]
pub struct NotesPanel {
    /// Words to find in the notes.
    words: String,
    /// Only notes with this tag.
    tag: Option<String>,
    /// Only notes about this kind of target.
    scope: Scope,
}

impl NotesPanel {
    /// Draws the panel; returns the analyst's commands.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        windows: &mut Windows,
    ) -> Vec<Command> {
        let NotesPanel { words, tag, scope } = self;
        let mut commands = Vec::new();
        let journal = &state.journal;
        let notebook = &journal.notebook;
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("Notes ({})", notebook.notes.len()));
            let status = match (&journal.path, &journal.read_only_because) {
                (_, Some(reason)) => format!("read-only: {reason}"),
                (Some(path), None) if journal.is_dirty() => format!("saving to {}…", path.display()),
                (Some(path), None) => format!("saved in {}", path.display()),
                (None, None) => "not saved".to_owned(),
            };
            ui.weak(status);
            if journal.read_only_because.is_some()
                && journal.path.is_some()
                && ui
                    .button("Start a fresh notebook beside it")
                    .on_hover_text("A new file next to this one, holding everything that could be read; this one is left as it is")
                    .clicked()
            {
                commands.push(Command::Notebook(NotebookCommand::FreshBeside));
            }
            if journal.changed_elsewhere
                && ui
                    .button("Keep my version")
                    .on_hover_text("Another program changed the notebook file: save yours over it (the other version is kept as the .bak file)")
                    .clicked()
            {
                commands.push(Command::Notebook(NotebookCommand::KeepMine));
            }
            if let Some(deleted) = notebook.deleted_note() {
                let text: String = deleted.text.chars().take(30).collect();
                if ui.button(format!("Undo delete of “{text}”")).clicked() {
                    commands.push(Command::Notebook(NotebookCommand::UndoDelete));
                }
            }
        });
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(words)
                    .hint_text("search notes…")
                    .desired_width(200.0),
            );
            egui::ComboBox::from_id_salt("notes_tag")
                .selected_text(tag.clone().unwrap_or_else(|| "any tag".to_owned()))
                .show_ui(ui, |ui| {
                    if ui.selectable_label(tag.is_none(), "any tag").clicked() {
                        *tag = None;
                    }
                    for (name, count) in notebook.tags() {
                        let selected = tag.as_deref() == Some(name.as_str());
                        if ui
                            .selectable_label(selected, format!("{name} ({count})"))
                            .clicked()
                        {
                            *tag = Some(name);
                        }
                    }
                });
            egui::ComboBox::from_id_salt("notes_scope")
                .selected_text(scope.label())
                .show_ui(ui, |ui| {
                    for choice in Scope::ALL {
                        ui.selectable_value(scope, choice, choice.label());
                    }
                });
        });
        ui.separator();
        let mut notes = notebook.search_notes(words, tag.as_deref());
        notes.retain(|note| scope.includes(state, note));
        if notes.is_empty() {
            ui.weak(if notebook.notes.is_empty() {
                "No notes yet. Add one from the article viewer (on the article, an event, a place, or a sentence: right-click it) or from a place in the graph."
            } else {
                "No note matches."
            });
            return commands;
        }
        // One card per note, each the same height (its text elided to two lines, in full on
        // hover), so only the cards in view are laid out: 100,000 notes cost what 20 do.
        let line = ui.text_style_height(&egui::TextStyle::Body);
        let spacing = ui.spacing().item_spacing.y;
        // The link, two lines of text and the row of buttons, in a group's frame, and a gap.
        let card_height = 3.0 * line
            + ui.spacing().interact_size.y
            + 4.0 * spacing
            + 2.0 * f32::from(egui::Frame::group(ui.style()).inner_margin.top)
            + 2.0 * spacing;
        egui::ScrollArea::vertical()
            .id_salt("notes_list")
            .auto_shrink(false)
            .show_rows(ui, card_height, notes.len(), |ui, rows| {
                for note in &notes[rows] {
                    commands.extend(note_card_ui(ui, state, note, card_height, windows));
                }
            });
        commands
    }
}
