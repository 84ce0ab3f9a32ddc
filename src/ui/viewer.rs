//! The article viewer: title, metadata, the article's events, and the clean (or original) text
//! with places, dates and event evidence marked.
//!
//! Hover a place for its gazetteer entry and parents (ambiguous ones are underlined and list
//! their candidates), a date for its normalised value and how it was resolved; click a place to
//! select it everywhere, click an evidence sentence to select its event. Ctrl+F finds words in
//! the article.
//!
//! Long because the article is one scroll area whose parts (header, events, paragraphs with marks,
//! find bar, context menus) share its layout and hit-testing; what several panels draw alike is in
//! `widgets.rs`.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Key, KeyboardShortcut, Label, Modifiers, RichText, ScrollArea, Sense, Stroke};

use super::theme;
use super::widgets::event_date_text;
use super::windows::Windows;
use crate::desk::party::PartyKey;
use crate::extract::Gazetteer;
use crate::model::{DateResolution, Document, DocumentId, Memo};
use crate::notebook::{NoteId, Review, Target, anchor};
use crate::state::{AppCommand, AppState, Command, DeskCommand, TextView};

/// The two views of a document's text, with their names in menus and buttons.
pub const TEXT_VIEWS: [(TextView, &str); 2] = [
    (TextView::Clean, "Clean article"),
    (TextView::Original, "Original text"),
];

/// Ctrl+F: find in the article.
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// What a stretch of the article is marked as.
#[derive(Clone, Debug, PartialEq)]
enum Mark {
    /// A place mention (index into the extraction's places).
    Place(usize),
    /// A date mention (index into the extraction's dates).
    Date(usize),
    /// An event's evidence (index into the desk's events, when it is there).
    Evidence(Option<usize>),
    /// A find-in-article hit (index into the hits).
    Hit(usize),
    /// A passage with a note on it.
    Note(NoteId),
}

/// The article viewer and what it keeps between frames.
#[derive(Debug, Default)]
pub struct ViewerPanel {
    /// The find bar.
    find: Find,
    /// The focus request (its generation) last scrolled to, so each request scrolls once.
    scrolled: u64,
    /// The document shown last frame: a newly opened one starts at its top.
    shown: Option<DocumentId>,
    /// Paragraph heights of a long article at a width, measured as paragraphs are drawn.
    heights: Memo<(DocumentId, u32), Vec<f32>>,
    /// The lines of a long original text.
    lines: Memo<DocumentId, Arc<Vec<Range<usize>>>>,
}

/// The find bar's state.
#[derive(Clone, Debug, Default)]
struct Find {
    open: bool,
    query: String,
    current: usize,
    /// The document and query the hits are for.
    for_query: Option<(u128, String)>,
    hits: Vec<Range<usize>>,
    scroll_to_current: bool,
}

impl ViewerPanel {
    /// Draws the selected document; returns the reader's commands.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        windows: &mut Windows,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let ViewerPanel {
            find,
            scrolled,
            shown,
            heights,
            lines,
        } = self;
        let Some(document) = state
            .selected
            .and_then(|id| state.library.corpus.document(id))
        else {
            ui.centered_and_justified(|ui| {
                ui.weak(if state.is_loading() {
                    "Loading articles…"
                } else {
                    "Select a document in the library, or an event, to read it."
                });
            });
            return commands;
        };
        // Everything below reads the text: held for the article shown (the library reads a
        // set-aside text back as soon as the article is selected).
        if document.text.whole().is_none() {
            not_at_hand_ui(ui, state, document);
            return commands;
        }
        if ui.input_mut(|input| input.consume_shortcut(&FIND)) {
            find.open = true;
        }
        ui.horizontal(|ui| {
            let view = state.preferences.text_view;
            for (option, label) in TEXT_VIEWS {
                if ui.selectable_label(view == option, label).clicked() {
                    commands.push(Command::App(AppCommand::ShowTextView(option)));
                }
            }
            if ui
                .button("Find…")
                .on_hover_text(format!(
                    "Find in this article ({})",
                    ui.ctx().format_shortcut(&FIND)
                ))
                .clicked()
            {
                find.open = !find.open;
            }
        });
        if find.open {
            find_bar_ui(ui, document, find);
        }
        ui.separator();
        let focus = state
            .focus
            .as_ref()
            .filter(|focus| focus.document == document.id);
        let scroll_to_focus = focus.filter(|focus| focus.generation != *scrolled);
        // A newly opened article starts at its top (unless a passage is to be shown).
        let newly_opened = shown.replace(document.id) != Some(document.id);
        let mut scroll_area = ScrollArea::vertical()
            .id_salt(("viewer", document.id.0))
            .auto_shrink(false);
        if newly_opened && scroll_to_focus.is_none() {
            scroll_area = scroll_area.vertical_scroll_offset(0.0);
        }
        scroll_area.show(ui, |ui| {
            ui.set_max_width(theme::READING_WIDTH.min(ui.available_width()));
            header_ui(ui, state, document, windows);
            // Found once a frame, for the event list and the evidence marks.
            let events = document_events(state, document);
            commands.extend(events_ui(ui, state, document, &events, windows));
            ui.add_space(theme::PARAGRAPH_GAP);
            match state.preferences.text_view {
                TextView::Clean => {
                    if document.body().unwrap_or_default().is_empty() {
                        ui.weak("No article text was found in this file; see the original text.");
                    }
                    let marks = marks_of(state, document, &events, find);
                    let target = if find.scroll_to_current {
                        find.hits.get(find.current).cloned()
                    } else {
                        scroll_to_focus.map(|focus| focus.range.clone())
                    };
                    let paragraphs = Paragraphs {
                        state,
                        document,
                        marks: &marks,
                        target: target.as_ref(),
                    };
                    if document.segments.len() < VIRTUAL_FROM_PARAGRAPHS {
                        commands.extend(paragraphs.all_ui(ui, windows));
                    } else {
                        commands.extend(paragraphs.visible_ui(ui, windows, heights));
                    }
                }
                TextView::Original => original_ui(ui, document, lines),
            }
        });
        if let Some(focus) = scroll_to_focus {
            *scrolled = focus.generation;
        }
        find.scroll_to_current = false;
        commands
    }
}

/// The headline, and what stands between the reader and the text: it is being read back, or
/// why it could not be.
fn not_at_hand_ui(ui: &mut egui::Ui, state: &AppState, document: &Document) {
    ui.heading(&document.meta.title);
    ui.add_space(theme::PARAGRAPH_GAP);
    match state.library.texts.failure(document.id) {
        Some(error) => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("The article's text could not be read again: {error}."),
            );
        }
        None => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.weak("Reading the article's text…");
            });
        }
    }
}

/// From this many paragraphs on, only those in view are laid out (a long report or a 20 MB
/// file scrolls as smoothly as a news story).
const VIRTUAL_FROM_PARAGRAPHS: usize = 200;
/// From this many bytes on, the original text is shown line by line, only the lines in view.
const VIRTUAL_ORIGINAL_FROM_BYTES: usize = 200_000;

/// The clean text's paragraphs with their marks.
struct Paragraphs<'a> {
    state: &'a AppState,
    document: &'a Document,
    marks: &'a [(Range<usize>, Mark)],
    /// A passage to bring into view this frame.
    target: Option<&'a Range<usize>>,
}

impl Paragraphs<'_> {
    fn contains_target(&self, range: &Range<usize>) -> bool {
        self.target
            .is_some_and(|target| range.start <= target.start && target.start <= range.end)
    }

    /// One paragraph and the gap after it.
    fn paragraph_ui(
        &self,
        ui: &mut egui::Ui,
        index: usize,
        commands: &mut Vec<Command>,
        windows: &mut Windows,
    ) -> f32 {
        let Some(segment) = self.document.segments.get(index) else {
            return 0.0;
        };
        let range = segment.body.clone();
        let Some(text) = self.document.body().unwrap_or_default().get(range.clone()) else {
            return 0.0;
        };
        let top = ui.cursor().top();
        let response = paragraph_ui(
            ui,
            self.state,
            self.document,
            text,
            range.clone(),
            self.marks,
            commands,
            windows,
        );
        if self.contains_target(&range) {
            response.scroll_to_me(Some(Align::Center));
        }
        ui.add_space(theme::PARAGRAPH_GAP);
        ui.cursor().top() - top
    }

    /// Every paragraph: exact, for articles of ordinary length.
    fn all_ui(&self, ui: &mut egui::Ui, windows: &mut Windows) -> Vec<Command> {
        let mut commands = Vec::new();
        for index in 0..self.document.segments.len() {
            self.paragraph_ui(ui, index, &mut commands, windows);
        }
        commands
    }

    /// Only the paragraphs in view, with space standing for the others. Heights not yet seen
    /// are estimated from the text's length and corrected once a paragraph has been drawn.
    fn visible_ui(
        &self,
        ui: &mut egui::Ui,
        windows: &mut Windows,
        measured: &mut Memo<(DocumentId, u32), Vec<f32>>,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let width = ui.available_width();
        if measured.stale((self.document.id, width as u32))
            || measured.len() != self.document.segments.len()
        {
            measured.set(self.estimated_heights(ui, width));
        }
        let heights: &mut Vec<f32> = measured;
        let visible = ui.clip_rect();
        let top = ui.cursor().top();
        let margin = visible.height();
        let mut y = top;
        let mut index = 0;
        while index < heights.len() && y + heights[index] < visible.top() - margin {
            if self
                .document
                .segments
                .get(index)
                .is_some_and(|s| self.contains_target(&s.body))
            {
                break;
            }
            y += heights[index];
            index += 1;
        }
        ui.add_space(y - top);
        while index < heights.len() && ui.cursor().top() < visible.bottom() + margin {
            heights[index] = self.paragraph_ui(ui, index, &mut commands, windows);
            index += 1;
        }
        let target_below = self.target.and_then(|_| {
            (index..heights.len()).find(|&i| {
                self.document
                    .segments
                    .get(i)
                    .is_some_and(|s| self.contains_target(&s.body))
            })
        });
        if let Some(target) = target_below {
            // Draw from the target on, so it can scroll into view.
            ui.add_space(heights[index..target].iter().sum());
            index = target;
            while index < heights.len() && index < target + 20 {
                heights[index] = self.paragraph_ui(ui, index, &mut commands, windows);
                index += 1;
            }
        }
        ui.add_space(heights[index..].iter().sum());
        commands
    }

    /// Heights from the number of characters per line: wide (CJK) characters count double.
    fn estimated_heights(&self, ui: &egui::Ui, width: f32) -> Vec<f32> {
        let row = ui.text_style_height(&egui::TextStyle::Body) + 3.0;
        let narrow = row * 0.45;
        self.document
            .segments
            .iter()
            .map(|segment| {
                let text = self
                    .document
                    .body()
                    .unwrap_or_default()
                    .get(segment.body.clone())
                    .unwrap_or("");
                let run: f32 = text
                    .chars()
                    .map(|c| {
                        if c.len_utf8() >= 3 {
                            2.0 * narrow
                        } else {
                            narrow
                        }
                    })
                    .sum();
                (run / width.max(1.0)).ceil().max(1.0) * row + theme::PARAGRAPH_GAP
            })
            .collect()
    }
}

/// The original text: as one wrapped label when it is small, else line by line (no wrapping),
/// only the lines in view.
fn original_ui(
    ui: &mut egui::Ui,
    document: &Document,
    lines: &mut Memo<DocumentId, Arc<Vec<Range<usize>>>>,
) {
    if document.original().unwrap_or_default().len() < VIRTUAL_ORIGINAL_FROM_BYTES {
        ui.add(
            Label::new(RichText::new(document.original().unwrap_or_default()).monospace()).wrap(),
        );
        return;
    }
    let row = ui.text_style_height(&egui::TextStyle::Monospace) + 2.0;
    if lines.stale(document.id) {
        let mut start = 0;
        lines.set(Arc::new(
            document
                .original()
                .unwrap_or_default()
                .split_inclusive('\n')
                .map(|line| {
                    let range = start..start + line.trim_end_matches(['\n', '\r']).len();
                    start += line.len();
                    range
                })
                .collect(),
        ));
    }
    let lines = Arc::clone(lines);
    let visible = ui.clip_rect();
    let top = ui.cursor().top();
    let first = (((visible.top() - top) / row).floor().max(0.0) as usize).min(lines.len());
    let last = ((((visible.bottom() - top) / row).ceil().max(0.0)) as usize + 1).min(lines.len());
    ui.scope(|ui| {
        ui.spacing_mut().item_spacing.y = 0.0;
        ui.add_space(first as f32 * row);
        for line in &lines[first..last] {
            let text = document
                .original()
                .unwrap_or_default()
                .get(line.clone())
                .unwrap_or("");
            ui.add_sized(
                [ui.available_width(), row],
                Label::new(RichText::new(text).monospace()).truncate(),
            );
        }
        ui.add_space((lines.len() - last) as f32 * row);
    });
}

/// Find in the article: the words, the hit count, next and previous.
fn find_bar_ui(ui: &mut egui::Ui, document: &Document, find: &mut Find) {
    ui.horizontal(|ui| {
        let edit = ui.add(
            egui::TextEdit::singleline(&mut find.query)
                .hint_text("Find in article")
                .desired_width(180.0),
        );
        let wanted = (document.id.0, find.query.clone());
        if find.for_query.as_ref() != Some(&wanted) {
            find.hits = find_all(document.body().unwrap_or_default(), &find.query);
            find.current = 0;
            find.for_query = Some(wanted);
            find.scroll_to_current = !find.hits.is_empty();
        }
        let enter = edit.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter));
        if find.hits.is_empty() {
            ui.weak(if find.query.trim().is_empty() {
                ""
            } else {
                "no match"
            });
        } else {
            ui.label(format!("{} of {}", find.current + 1, find.hits.len()));
        }
        let count = find.hits.len().max(1);
        if ui.small_button("↑").on_hover_text("Previous").clicked() {
            find.current = (find.current + count - 1) % count;
            find.scroll_to_current = true;
        }
        if ui.small_button("↓").on_hover_text("Next (Enter)").clicked() || enter {
            find.current = (find.current + 1) % count;
            find.scroll_to_current = true;
            if enter {
                edit.request_focus();
            }
        }
        if ui.small_button("×").on_hover_text("Close").clicked() {
            find.open = false;
            find.query.clear();
        }
    });
}

/// Every occurrence of `query` in `text`, ignoring ASCII case and Chinese script (江宁 finds
/// 江寧), as the filter and search do.
fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    crate::desk::needle::Needle::new(query)
        .map(|needle| needle.find_iter(text).collect())
        .unwrap_or_default()
}

/// Every mark of the article, by start.
fn marks_of(
    state: &AppState,
    document: &Document,
    events: &[(usize, &[Range<usize>])],
    find: &Find,
) -> Vec<(Range<usize>, Mark)> {
    let extraction = &document.extraction;
    let mut marks: Vec<(Range<usize>, Mark)> = Vec::new();
    for &(index, evidence) in events {
        if state.desk.is_rejected(index) {
            continue;
        }
        for range in evidence {
            marks.push((range.clone(), Mark::Evidence(Some(index))));
        }
    }
    marks.extend(
        extraction
            .places
            .iter()
            .enumerate()
            .map(|(index, place)| (place.range.clone(), Mark::Place(index))),
    );
    marks.extend(
        extraction
            .dates
            .iter()
            .enumerate()
            .map(|(index, date)| (date.range.clone(), Mark::Date(index))),
    );
    if find.open {
        marks.extend(
            find.hits
                .iter()
                .enumerate()
                .map(|(index, hit)| (hit.clone(), Mark::Hit(index))),
        );
    }
    for note in state.journal.notebook.notes_in_document(document.id) {
        if let Target::Passage(passage) = &note.target
            && let Some(range) = anchor(document.body().unwrap_or_default(), passage).range()
        {
            marks.push((range, Mark::Note(note.id)));
        }
    }
    marks.sort_by_key(|(range, _)| range.start);
    marks
}

/// The desk's events this article reports (as reviewed: corrected, added, rejected), each with
/// its evidence here, in the order of the evidence.
fn document_events<'a>(
    state: &'a AppState,
    document: &Document,
) -> Vec<(usize, &'a [Range<usize>])> {
    // The desk's index of events by article, not a pass over every event each frame.
    let mut events: Vec<(usize, &[Range<usize>])> = state
        .desk
        .events_of_document(document.id)
        .into_iter()
        .filter_map(|index| {
            state
                .desk
                .events
                .get(index)?
                .sources
                .iter()
                .find(|(id, _)| *id == document.id)
                .map(|(_, evidence)| (index, evidence.as_slice()))
        })
        .collect();
    events.sort_by_key(|(index, evidence)| {
        (evidence.first().map_or(usize::MAX, |r| r.start), *index)
    });
    events
}

/// One paragraph with its marks; hover and click act on the mark under the pointer.
#[allow(clippy::too_many_arguments)]
fn paragraph_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    document: &Document,
    text: &str,
    range: Range<usize>,
    marks: &[(Range<usize>, Mark)],
    commands: &mut Vec<Command>,
    windows: &mut Windows,
) -> egui::Response {
    let here: Vec<&(Range<usize>, Mark)> = marks
        .iter()
        .filter(|(mark, _)| mark.start < range.end && mark.end > range.start)
        .collect();
    let job = paragraph_job(ui, state, document, text, range.start, &here);
    let (pos, galley, response) = Label::new(job).sense(Sense::click()).layout_in_ui(ui);
    ui.painter()
        .galley(pos, galley.clone(), ui.visuals().text_color());
    // Screen readers (and UI tests) read the paragraph as a label.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    paragraph_menu(
        ui,
        state,
        document,
        text,
        range.clone(),
        &galley,
        pos,
        &response,
        windows,
    );
    let Some(pointer) = response.hover_pos() else {
        return response;
    };
    let char_index = galley.cursor_from_pos(pointer - pos).index.0;
    let byte = range.start
        + text
            .char_indices()
            .nth(char_index)
            .map_or(text.len(), |(at, _)| at);
    let under: Vec<&Mark> = here
        .iter()
        .filter(|(mark, _)| mark.start <= byte && byte < mark.end)
        .map(|(_, mark)| mark)
        .collect();
    let place = under.iter().find_map(|mark| match mark {
        Mark::Place(index) => document.extraction.places.get(*index),
        _ => None,
    });
    let date = under.iter().find_map(|mark| match mark {
        Mark::Date(index) => document.extraction.dates.get(*index),
        _ => None,
    });
    let evidence = under.iter().find_map(|mark| match mark {
        Mark::Evidence(event) => Some(*event),
        _ => None,
    });
    let notes: Vec<&crate::notebook::Note> = under
        .iter()
        .filter_map(|mark| match mark {
            Mark::Note(id) => state.journal.notebook.note(*id),
            _ => None,
        })
        .collect();
    if place.is_none() && date.is_none() && evidence.is_none() && notes.is_empty() {
        return response;
    }
    let gazetteer = Gazetteer::bundled();
    let response = response.on_hover_ui_at_pointer(|ui| {
        if let Some(place) = place {
            place_tooltip_ui(ui, place, gazetteer);
        }
        if let Some(date) = date {
            date_tooltip_ui(ui, date);
        }
        if let Some(event) = evidence
            .flatten()
            .and_then(|index| state.desk.events.get(index))
        {
            if place.is_some() || date.is_some() {
                ui.separator();
            }
            ui.weak("Evidence for:");
            super::widgets::event_tooltip_ui(ui, event);
            if let Some((_, evidence)) = event.sources.iter().find(|(id, _)| *id == document.id) {
                assembled_from_ui(ui, document, evidence);
            }
            ui.weak("Click to select this event.");
        }
        for note in &notes {
            note_tooltip_ui(ui, note);
        }
    });
    if response.clicked() {
        if let Some(place) = place {
            let key = match place.entry {
                Some(entry) => PartyKey::Entry(entry),
                None => PartyKey::name(&place.name),
            };
            commands.push(Command::Desk(DeskCommand::SelectParty(Some(key))));
        } else if let Some(Some(event)) = evidence {
            commands.push(Command::select_event(&state.desk, event));
        }
    }
    response
}

/// A date mark's tooltip: the date and where its year came from.
fn date_tooltip_ui(ui: &mut egui::Ui, date: &crate::model::DateMention) {
    ui.strong(format!("Date {}", date.date.edtf()));
    ui.label(match date.resolution {
        DateResolution::Stated => "As the text states it.",
        DateResolution::FromPublication => "The year comes from the page's publication date.",
        DateResolution::FromContext => "The year comes from elsewhere in the article.",
    });
    if date.date.year.is_none() {
        ui.weak("The article does not say the year.");
    }
}

/// A noted passage's tooltip: the note and its tags.
fn note_tooltip_ui(ui: &mut egui::Ui, note: &crate::notebook::Note) {
    ui.separator();
    ui.weak("Your note on this passage:");
    ui.label(&note.text);
    if !note.tags.is_empty() {
        ui.weak(
            note.tags
                .iter()
                .map(|tag| format!("#{tag}"))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
}

/// For an event put together from several sentences of this article ("… led a delegation to
/// visit Wuxi. … the two mayors signed …"), which sentence gave its kind, its parties and its
/// date.
fn assembled_from_ui(ui: &mut egui::Ui, document: &Document, evidence: &[Range<usize>]) {
    let Some(lines) = assembly_lines(document, evidence) else {
        return;
    };
    ui.separator();
    ui.weak(format!(
        "Put together from {} sentences:",
        evidence.len().max(2)
    ));
    for line in lines {
        ui.label(line);
    }
}

/// The lines that say where an assembled event's kind, parties and date come from; `None`
/// for an event one sentence reports whole.
fn assembly_lines(document: &Document, evidence: &[Range<usize>]) -> Option<Vec<String>> {
    let event = document
        .extraction
        .events
        .iter()
        .find(|event| event.evidence == evidence)?;
    let sources = &event.sources;
    let one_sentence = evidence.len() < 2
        && sources.parties == sources.kind
        && sources
            .date
            .as_ref()
            .is_none_or(|date| *date == sources.kind);
    if one_sentence {
        return None;
    }
    let body = document.body().unwrap_or_default();
    let sentence = |range: &Range<usize>| quoted(body.get(range.clone()).unwrap_or_default());
    Some(vec![
        format!(
            "Kind ({}) from {}",
            event.kind.label(),
            sentence(&sources.kind)
        ),
        format!("Parties from {}", sentence(&sources.parties)),
        match &sources.date {
            Some(range) => format!("Date from {}", sentence(range)),
            None => "No sentence gives a date.".to_owned(),
        },
    ])
}

/// A sentence in quotes, cut to a tooltip's width on a character boundary.
fn quoted(sentence: &str) -> String {
    const MAX_CHARS: usize = 90;
    let trimmed = sentence.trim();
    if trimmed.chars().count() <= MAX_CHARS {
        return format!("“{trimmed}”");
    }
    let cut: String = trimmed.chars().take(MAX_CHARS).collect();
    format!("“{}…”", cut.trim_end())
}

/// Right-click on a paragraph: a note on the sentence, the paragraph or the place under the
/// pointer (egui's labels do not expose a text selection, so the sentence stands for it).
#[allow(clippy::too_many_arguments)]
fn paragraph_menu(
    ui: &egui::Ui,
    state: &AppState,
    document: &Document,
    text: &str,
    range: Range<usize>,
    galley: &Arc<egui::Galley>,
    pos: egui::Pos2,
    response: &egui::Response,
    windows: &mut Windows,
) {
    // Where the menu was opened, kept while it is open.
    let at_id = response.id.with("menu_at");
    if response.secondary_clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let char_index = galley.cursor_from_pos(pointer - pos).index.0;
        let byte = text
            .char_indices()
            .nth(char_index)
            .map_or(text.len(), |(at, _)| at);
        ui.data_mut(|data| data.insert_temp(at_id, byte));
    }
    response.context_menu(|ui| {
        let byte: usize = ui.data(|data| data.get_temp(at_id)).unwrap_or(0);
        let sentence = crate::extract::sentences::split(text)
            .into_iter()
            .find(|sentence| sentence.start <= byte && byte <= sentence.end)
            .unwrap_or(0..text.len());
        let passages = [
            (
                "Add note on this sentence…",
                range.start + sentence.start..range.start + sentence.end,
            ),
            ("Add note on this paragraph…", range.clone()),
        ];
        let sentence_range = passages[0].1.clone();
        for (label, passage) in passages {
            if ui.button(label).clicked() {
                if let Some(target) = super::widgets::passage_target(state, document.id, passage) {
                    let about = super::widgets::target_label(state, &target);
                    windows.write_note(target, about);
                }
                ui.close();
            }
        }
        if ui
            .button("Add an event from this sentence…")
            .on_hover_text("An event the extractor missed: its date, kind and parties")
            .clicked()
        {
            windows.add_event_from(state, document.id, sentence_range);
            ui.close();
        }
        let at = range.start + byte;
        let place = document
            .extraction
            .places
            .iter()
            .find(|place| place.range.start <= at && at < place.range.end);
        if let Some(place) = place {
            let party = match place.entry {
                Some(entry) => PartyKey::Entry(entry),
                None => PartyKey::name(&place.name),
            };
            if let Some(target) = super::widgets::place_target(&party)
                && ui.button(format!("Add note on {}…", place.name)).clicked()
            {
                windows.write_note(target, format!("On the place {}", place.name));
                ui.close();
            }
        }
    });
}

/// The paragraph's text in sections: evidence on a tinted background (stronger for the
/// selected event), places coloured by level (ambiguous ones underlined), dates coloured, find
/// hits on a highlight.
fn paragraph_job(
    ui: &egui::Ui,
    state: &AppState,
    document: &Document,
    text: &str,
    offset: usize,
    marks: &[&(Range<usize>, Mark)],
) -> LayoutJob {
    let visuals = ui.visuals();
    let base = TextFormat::simple(theme::body_font(), visuals.text_color());
    let gazetteer = Gazetteer::bundled();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (range, _) in marks {
        for at in [range.start, range.end] {
            let at = at.saturating_sub(offset).min(text.len());
            if text.is_char_boundary(at) {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let Some(piece) = text.get(start..end) else {
            continue;
        };
        let absolute = offset + start..offset + end;
        let mut format = base.clone();
        for (range, mark) in marks {
            if !(range.start <= absolute.start && absolute.end <= range.end) {
                continue;
            }
            match mark {
                Mark::Evidence(event) => {
                    let selected = event.is_some() && *event == state.desk.selected_event();
                    if format.background == egui::Color32::TRANSPARENT || selected {
                        format.background = theme::evidence_background(visuals, selected);
                    }
                }
                Mark::Place(index) => {
                    if let Some(place) = document.extraction.places.get(*index) {
                        let level = place
                            .entry
                            .and_then(|entry| gazetteer.entry(entry))
                            .map(|entry| entry.level);
                        format.color = theme::place_colour(visuals, level);
                        if place.is_ambiguous() {
                            format.underline = Stroke::new(1.0, format.color);
                        }
                    }
                }
                Mark::Date(_) => {
                    format.color = theme::date_colour(visuals);
                    format.italics = true;
                }
                Mark::Hit(_) => {
                    format.background = theme::find_background(visuals);
                }
                Mark::Note(_) => {
                    format.underline = Stroke::new(2.0, theme::selection_colour(visuals));
                }
            }
        }
        job.append(piece, 0.0, format);
    }
    job
}

/// A place's gazetteer entry and its parents, or its candidates when ambiguous.
fn place_tooltip_ui(ui: &mut egui::Ui, place: &crate::model::PlaceMention, gazetteer: &Gazetteer) {
    ui.strong(&place.name);
    match place.entry.and_then(|entry| gazetteer.entry(entry)) {
        Some(entry) => {
            ui.label(format!("{} · {}", entry.name_zh, entry.kind));
            let parents: Vec<String> = gazetteer
                .lineage(entry.id)
                .skip(1)
                .map(|parent| parent.full_name())
                .collect();
            if !parents.is_empty() {
                ui.label(format!("In {}", parents.join(", ")));
            }
            ui.weak("Click to select it in the graph.");
        }
        None if place.is_ambiguous() => {
            ui.label("Ambiguous: the article does not say which of these it means:");
            for candidate in place
                .candidates
                .iter()
                .filter_map(|id| gazetteer.entry(*id))
            {
                let parents: Vec<String> = gazetteer
                    .lineage(candidate.id)
                    .skip(1)
                    .map(|parent| parent.full_name())
                    .collect();
                ui.label(format!(
                    "• {} ({}) in {}",
                    candidate.full_name(),
                    candidate.name_zh,
                    parents.join(", ")
                ));
            }
        }
        None => {
            ui.label("Not in the gazetteer.");
        }
    }
}

fn header_ui(ui: &mut egui::Ui, state: &AppState, document: &Document, windows: &mut Windows) {
    ui.add(Label::new(RichText::new(&document.meta.title).heading()).wrap());
    let target = Target::Article {
        document: document.id,
    };
    let in_document = state
        .journal
        .notebook
        .notes_in_document(document.id)
        .count();
    ui.horizontal(|ui| {
        if ui
            .small_button("Add note…")
            .on_hover_text("A note on this article (right-click a sentence, a place or an event for a note on it)")
            .clicked()
        {
            windows.write_note(
                target.clone(),
                format!("On the article “{}”", document.meta.title),
            );
        }
        if in_document > 0 {
            ui.weak(format!("{in_document} note(s) on this article, listed under Notes"));
        }
    });
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
    origin_ui(ui, document, windows);
    for warning in document.warnings() {
        ui.label(
            RichText::new(format!("Warning: {warning}")).color(theme::error_colour(ui.visuals())),
        );
    }
    for path in &document.paths {
        ui.label(
            RichText::new(path.path.display().to_string())
                .small()
                .color(colour),
        );
    }
}

/// Where the article came from: its web address (a click asks, then opens the browser) and
/// when it was saved — "file dated" when only the file's time says so.
fn origin_ui(ui: &mut egui::Ui, document: &Document, windows: &mut Windows) {
    let meta = &document.meta;
    if meta.url.is_none() && meta.captured.is_none() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        if let Some(url) = &meta.url {
            let link = ui
                .link(RichText::new(url).small())
                .on_hover_text("Where the page was published (as the saved file says); click to open it in your browser");
            if link.clicked() {
                windows.ask_to_open(url.clone());
            }
        }
        if let Some(captured) = &meta.captured {
            let (text, hover) = if captured.from_file_time {
                (
                    format!("file dated {}", captured.date.edtf()),
                    "The file does not say when it was saved; this is its modification date",
                )
            } else {
                (
                    format!("saved {}", captured.date.edtf()),
                    "When the page was saved from the web, as the file says",
                )
            };
            ui.label(RichText::new(text).small().color(theme::meta_colour(ui.visuals())))
                .on_hover_text(hover);
        }
    });
}

/// The article's cooperation events, one line each (when, what, who, who signed); click one to
/// select it everywhere.
fn events_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    document: &Document,
    events: &[(usize, &[Range<usize>])],
    windows: &mut Windows,
) -> Vec<Command> {
    let mut commands = Vec::new();
    if events.is_empty() {
        return commands;
    }
    let desk = &state.desk;
    ui.add_space(theme::PARAGRAPH_GAP);
    ui.strong(format!("Cooperation events ({})", events.len()));
    for &(index, ranges) in events {
        let Some(event) = desk.events.get(index).map(|event| &event.event) else {
            continue;
        };
        let parties: Vec<&str> = event.participants.iter().map(|p| p.name.as_str()).collect();
        let people: Vec<String> = document
            .extraction
            .people_for(event)
            .map(|person| format!("{} ({})", person.name, person.role))
            .collect();
        let review = if desk.added_event(index).is_some() {
            "added by you  ·  "
        } else {
            match desk.reviews.get(index).and_then(Option::as_ref) {
                Some(Review::Accepted) => "accepted  ·  ",
                Some(Review::Rejected) => "rejected  ·  ",
                Some(Review::Corrected(_)) => "corrected  ·  ",
                None => "",
            }
        };
        let mut text = format!(
            "{review}{}  ·  {}  ·  {}",
            event_date_text(event),
            event.kind.label(),
            parties.join(", ")
        );
        if !people.is_empty() {
            text.push_str(&format!("  ·  {}", people.join("; ")));
        }
        // A PDF's event says on which page its sentence is: this article's sentence, since a
        // desk event merges the reports of several articles and its own evidence is the first's.
        if let Some(page) = ranges
            .first()
            .and_then(|range| document.part_at(range.start))
        {
            text.push_str(&format!("  ·  {page}"));
        }
        let key = super::widgets::key_of_event(state, index);
        let notes = key.as_ref().map_or(0, |key| {
            state
                .journal
                .notebook
                .notes_for(&Target::Event { key: key.clone() })
                .count()
        });
        if notes > 0 {
            text.push_str(&format!("  ·  {notes} note(s)"));
        }
        let mut label = RichText::new(text).color(theme::kind_colour(ui.visuals(), event.kind));
        if desk.is_rejected(index) {
            label = label.strikethrough();
        }
        let response = ui
            .selectable_label(desk.selected_event() == Some(index), label)
            .on_hover_text("Click to select it; right-click to correct it or add a note");
        if response.clicked() {
            commands.push(Command::select_event(desk, index));
        }
        response.context_menu(|ui| {
            if ui.button("Correct this event…").clicked() {
                windows.correct_event(state, index);
                ui.close();
            }
            if let Some(key) = &key
                && ui.button("Add note on this event…").clicked()
            {
                windows.write_note(
                    Target::Event { key: key.clone() },
                    format!("On the event: {}", parties.join(", ")),
                );
                ui.close();
            }
        });
    }
    commands
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

    use super::*;
    use crate::model::{DocPath, Format, SourceId};

    fn document(text: &str) -> Document {
        let path = DocPath {
            source: SourceId(0),
            path: std::path::PathBuf::from("visit.txt"),
            relative: "visit.txt".to_owned(),
        };
        crate::ingest::read_document(text.as_bytes(), Format::Text, path).unwrap()
    }

    #[test]
    fn an_assembled_event_says_which_sentence_gave_what() {
        let document = document(
            "Delegation visits Wujiang\n\nOn April 13, a delegation from Jiangning District visited Wujiang District for talks. After the talks, the two sides signed a framework agreement.\n",
        );
        let event = &document.extraction.events[0];
        assert_eq!(event.evidence.len(), 2, "both sentences are evidence");
        let lines = assembly_lines(&document, &event.evidence).unwrap();
        assert!(
            lines[0].starts_with("Kind (agreement) from “After the talks"),
            "{lines:?}"
        );
        assert!(
            lines[1].starts_with("Parties from “On April 13"),
            "{lines:?}"
        );
        assert!(lines[2].starts_with("Date from “On April 13"), "{lines:?}");
    }

    #[test]
    fn an_event_of_one_sentence_needs_no_such_lines() {
        let document = document(
            "Cities sign\n\nOn May 7, Jiangning District and Wujiang District signed a cooperation agreement in Wujiang.\n",
        );
        let event = &document.extraction.events[0];
        assert_eq!(assembly_lines(&document, &event.evidence), None);
        assert!(quoted(&"word ".repeat(40)).ends_with("…”"));
    }
}
