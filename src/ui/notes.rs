//! Notes: the editor window (a note on an article, an event, a place or a passage, with tags)
//! and the Notes panel that lists, searches, opens, edits and deletes them (delete can be
//! undone). The draft being written is the editor's own state, in egui's memory; saving it is
//! a command.

use crate::desk::party::PartyKey;
use crate::extract::Gazetteer;
use crate::notebook::{EventKey, Note, NoteId, Passage, PlaceRef, Target, anchor};
use crate::state::{AppState, Command, DeskCommand, NotebookCommand};

/// A note being written or edited.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The note edited, or `None` for a new one.
    pub id: Option<NoteId>,
    /// What it is about.
    pub target: Target,
    /// How the target is named in the editor's title.
    pub about: String,
    /// The text so far.
    pub text: String,
    /// Tags, comma-separated as typed.
    pub tags: String,
    /// Whether the text field has been given the keyboard once (on opening).
    focused: bool,
}

fn draft_id() -> egui::Id {
    egui::Id::unique("accord_note_draft")
}

/// Opens the editor on a new note about `target`.
pub fn write_note(ctx: &egui::Context, target: Target, about: String) {
    let draft = Draft {
        id: None,
        target,
        about,
        text: String::new(),
        tags: String::new(),
        focused: false,
    };
    super::keep_draft(ctx, draft_id(), Some(draft));
}

/// Opens the editor on an existing note.
fn edit_note(ctx: &egui::Context, note: &Note, about: String) {
    let draft = Draft {
        id: Some(note.id),
        target: note.target.clone(),
        about,
        text: note.text.clone(),
        tags: note.tags.join(", "),
        focused: false,
    };
    super::keep_draft(ctx, draft_id(), Some(draft));
}

/// The editor window, when a draft is open; returns the command that saves it.
pub fn editor_ui(ctx: &egui::Context) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(mut draft) = super::draft::<Draft>(ctx, draft_id()) else {
        return commands;
    };
    let mut keep = true;
    egui::Window::new(if draft.id.is_some() {
        "Edit note"
    } else {
        "New note"
    })
    .collapsible(false)
    .default_width(420.0)
    .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
    .show(ctx, |ui| {
        ui.label(egui::RichText::new(&draft.about).weak());
        let text = ui.add(
            egui::TextEdit::multiline(&mut draft.text)
                .hint_text("Your note")
                .desired_rows(6)
                .desired_width(f32::INFINITY),
        );
        if !draft.focused {
            text.request_focus();
            draft.focused = true;
        }
        ui.horizontal(|ui| {
            ui.label("Tags:");
            ui.add(
                egui::TextEdit::singleline(&mut draft.tags)
                    .hint_text("comma, separated")
                    .desired_width(260.0),
            );
        });
        ui.horizontal(|ui| {
            let can_save = !draft.text.trim().is_empty();
            if ui
                .add_enabled(can_save, egui::Button::new("Save"))
                .clicked()
            {
                let tags: Vec<String> = draft
                    .tags
                    .split(',')
                    .map(|tag| tag.trim().to_owned())
                    .filter(|tag| !tag.is_empty())
                    .collect();
                let text = draft.text.trim().to_owned();
                commands.push(match draft.id {
                    Some(id) => Command::Notebook(NotebookCommand::EditNote { id, text, tags }),
                    None => Command::Notebook(NotebookCommand::AddNote {
                        target: draft.target.clone(),
                        text,
                        tags,
                    }),
                });
                keep = false;
            }
            if ui.button("Cancel").clicked() {
                keep = false;
            }
        });
    });
    if ctx.input(|input| input.key_pressed(egui::Key::Escape)) {
        keep = false;
    }
    super::keep_draft(ctx, draft_id(), keep.then_some(draft));
    commands
}

/// How a note's target reads in lists and titles.
pub fn target_label(state: &AppState, target: &Target) -> String {
    let title = |document| {
        state
            .corpus
            .document(document)
            .map(|document| document.meta.title.clone())
    };
    match target {
        Target::Article { document } => title(*document).map_or_else(
            || "An article that is not loaded (detached)".to_owned(),
            |title| format!("Article: {title}"),
        ),
        Target::Event { key } => {
            let event = event_of(state, key).map(|index| {
                let data = &state.desk.events[index].event;
                let parties: Vec<&str> =
                    data.participants.iter().map(|p| p.name.as_str()).collect();
                format!(
                    "Event: {} · {} · {}",
                    super::viewer::event_date_text(data),
                    data.kind.label(),
                    parties.join(", ")
                )
            });
            event.unwrap_or_else(|| match title(key.document) {
                Some(title) => format!("An event no longer extracted from “{title}” (detached)"),
                None => "An event of an article that is not loaded (detached)".to_owned(),
            })
        }
        Target::Place { place } => match place.party(Gazetteer::bundled()) {
            Some(party) => format!(
                "Place: {}",
                party.label(Gazetteer::bundled(), &place_name(place))
            ),
            None => format!(
                "Place: {} (not in the gazetteer any more)",
                place_name(place)
            ),
        },
        Target::Passage(passage) => {
            let quote: String = passage.quote.chars().take(90).collect();
            let ellipsis = if passage.quote.chars().count() > 90 {
                "…"
            } else {
                ""
            };
            let lost = state
                .corpus
                .document(passage.document)
                .is_some_and(|document| anchor(&document.body, passage).range().is_none());
            match title(passage.document) {
                Some(title) if lost => format!(
                    "Passage no longer found in “{title}” (detached; the article's text changed): “{quote}{ellipsis}”"
                ),
                Some(title) => format!("Passage of “{title}”: “{quote}{ellipsis}”"),
                None => format!(
                    "Passage of an article that is not loaded (detached): “{quote}{ellipsis}”"
                ),
            }
        }
    }
}

fn place_name(place: &PlaceRef) -> String {
    match place {
        PlaceRef::Code(code) => code.clone(),
        PlaceRef::Name(name) => name.clone(),
    }
}

/// The desk event a key names, if it is loaded: an extracted event by the keys it was merged
/// with (so a correction does not detach its notes), else an added event by its evidence.
pub fn event_of(state: &AppState, key: &EventKey) -> Option<usize> {
    let matches = |candidate: &EventKey| {
        candidate == key || candidate.same_evidence(key) && key.parties.is_none()
    };
    let desk = &state.desk;
    if let Some(index) = desk
        .event_keys
        .iter()
        .position(|keys| keys.iter().any(matches))
    {
        return Some(index);
    }
    let body_of = |document| {
        state
            .corpus
            .document(document)
            .map(|document| document.body.as_str())
    };
    (desk.event_keys.len()..desk.events.len()).find(|&index| {
        EventKey::of_corpus_event(&desk.events[index], body_of)
            .iter()
            .any(matches)
    })
}

/// The key of a desk event (its first source), for notes and reviews.
pub fn key_of_event(state: &AppState, index: usize) -> Option<EventKey> {
    if let Some(keys) = state.desk.event_keys.get(index) {
        return keys.first().cloned();
    }
    let event = state.desk.events.get(index)?;
    let body_of = |document| {
        state
            .corpus
            .document(document)
            .map(|document| document.body.as_str())
    };
    EventKey::of_corpus_event(event, body_of).into_iter().next()
}

/// A note target for a party of the panels.
pub fn place_target(party: &PartyKey) -> Option<Target> {
    PlaceRef::of_party(party, Gazetteer::bundled()).map(|place| Target::Place { place })
}

/// A note target for a passage of a document's body.
pub fn passage_target(
    state: &AppState,
    document: crate::model::DocumentId,
    range: std::ops::Range<usize>,
) -> Option<Target> {
    let body = &state.corpus.document(document)?.body;
    let quote = body.get(range.clone())?.to_owned();
    Some(Target::Passage(Passage {
        document,
        quote,
        start_byte: range.start,
        end_byte: range.end,
    }))
}

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
                .corpus
                .document(passage.document)
                .and_then(|document| anchor(&document.body, passage).range())
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
fn note_card_ui(ui: &mut egui::Ui, state: &AppState, note: &Note, height: f32) -> Vec<Command> {
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
                    edit_note(ui.ctx(), note, about.clone());
                }
                if ui.small_button("Delete").clicked() {
                    commands.push(Command::Notebook(NotebookCommand::DeleteNote(note.id)));
                }
            });
        });
    });
    commands
}

/// The Notes panel: the notebook's state, a search box and tag filter, and the notes.
pub fn notes_panel_ui(ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
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
    let search_id = ui.scope_id().with("notes_search");
    let (mut words, mut tag, mut scope): (String, Option<String>, Scope) =
        ui.data(|data| data.get_temp(search_id)).unwrap_or_default();
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut words)
                .hint_text("search notes…")
                .desired_width(200.0),
        );
        egui::ComboBox::from_id_salt("notes_tag")
            .selected_text(tag.clone().unwrap_or_else(|| "any tag".to_owned()))
            .show_ui(ui, |ui| {
                if ui.selectable_label(tag.is_none(), "any tag").clicked() {
                    tag = None;
                }
                for (name, count) in notebook.tags() {
                    let selected = tag.as_deref() == Some(name.as_str());
                    if ui
                        .selectable_label(selected, format!("{name} ({count})"))
                        .clicked()
                    {
                        tag = Some(name);
                    }
                }
            });
        egui::ComboBox::from_id_salt("notes_scope")
            .selected_text(scope.label())
            .show_ui(ui, |ui| {
                for choice in Scope::ALL {
                    ui.selectable_value(&mut scope, choice, choice.label());
                }
            });
    });
    ui.data_mut(|data| data.insert_temp(search_id, (words.clone(), tag.clone(), scope)));
    ui.separator();
    let mut notes = notebook.search_notes(&words, tag.as_deref());
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
                commands.extend(note_card_ui(ui, state, note, card_height));
            }
        });
    commands
}
