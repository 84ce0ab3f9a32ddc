//! The event editor: correct an extracted event's date, kind, parties and fields, or add an
//! event the extractor missed from a sentence of an article. Like the note editor, it is a
//! value the app keeps while the window is open ([`super::windows::Windows`]); saving it is a
//! command.

use std::ops::Range;

use crate::model::{DocumentId, Event, EventKind};
use crate::notebook::{AddedEventId, Fix, NewEvent, Passage, Review, parse_edtf};
use crate::state::{AppState, Command, NotebookCommand};
use crate::view::EventId;

/// The kinds offered, in the order the menu lists them.
const KINDS: [EventKind; 5] = [
    EventKind::Agreement,
    EventKind::Alliance,
    EventKind::Meeting,
    EventKind::Visit,
    EventKind::Other,
];

/// Which event the draft changes.
#[derive(Clone, Debug)]
enum Subject {
    /// An extracted event: saving stores a correction.
    Extracted(EventId),
    /// An event added by hand earlier.
    Added(AddedEventId),
    /// A new event reported by this passage.
    New(Passage),
}

/// An event being corrected or added: the window's whole state.
#[derive(Clone, Debug)]
pub struct EventEditor {
    subject: Subject,
    /// What the editor is about (the evidence sentence).
    about: String,
    /// The date as typed (EDTF-style; empty for none).
    date: String,
    kind: EventKind,
    /// Parties, comma-separated as typed.
    participants: String,
    /// Fields, comma-separated as typed.
    fields: String,
}

impl EventEditor {
    /// An editor on the desk's event `index`: an extracted event is corrected, an added one
    /// edited (`None` past the end).
    pub fn correct(state: &AppState, index: usize) -> Option<Self> {
        let event = state.desk.events.get(index)?;
        let subject = match state.desk.event_id(index)? {
            EventId::Added(id) => Subject::Added(id),
            id => Subject::Extracted(id),
        };
        let about = event
            .sources
            .first()
            .map(|(document, ranges)| {
                crate::export::evidence_text(&state.library.corpus, *document, ranges.as_slice())
            })
            .unwrap_or_default();
        Some(Self::of_event(subject, about, &event.event))
    }

    /// An editor on a new event reported by `range` of `document` (a sentence), filled in with
    /// the places and the date the sentence mentions (`None` when that text is not loaded).
    pub fn add_from(state: &AppState, document: DocumentId, range: Range<usize>) -> Option<Self> {
        let target = state.library.corpus.document(document)?;
        let quote = target.evidence().get(range.clone())?;
        let inside =
            |mention: &Range<usize>| mention.start >= range.start && mention.end <= range.end;
        let mut participants: Vec<&str> = Vec::new();
        for place in target
            .extraction
            .places
            .iter()
            .filter(|place| inside(&place.range))
        {
            if !participants.contains(&place.name.as_str()) {
                participants.push(&place.name);
            }
        }
        let date = target
            .extraction
            .dates
            .iter()
            .filter(|date| inside(&date.range))
            .map(|date| date.date)
            .max_by_key(|date| {
                (
                    date.year.is_some(),
                    date.month.is_some(),
                    date.day.is_some(),
                )
            });
        let passage = Passage {
            document,
            quote: quote.to_owned(),
            start_byte: range.start,
            end_byte: range.end,
        };
        Some(Self {
            subject: Subject::New(passage),
            about: quote.trim().to_owned(),
            date: date.map(|date| date.edtf()).unwrap_or_default(),
            kind: EventKind::Agreement,
            participants: participants.join(", "),
            fields: String::new(),
        })
    }

    /// An editor filled in with an event's parts.
    fn of_event(subject: Subject, about: String, event: &Event) -> Self {
        Self {
            subject,
            about,
            date: event.date.map(|date| date.edtf()).unwrap_or_default(),
            kind: event.kind,
            participants: names(event).join(", "),
            fields: event.fields.join(", "),
        }
    }
}

fn names(event: &Event) -> Vec<String> {
    event
        .participants
        .iter()
        .map(|party| party.name.clone())
        .collect()
}

/// Splits a comma- or semicolon-separated list, dropping empty items.
fn list(text: &str) -> Vec<String> {
    text.split([',', ';', '，', '；', '、'])
        .map(|item| item.trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

/// Why the date as typed cannot be saved, if it cannot.
fn date_problem(text: &str) -> Option<&'static str> {
    let text = text.trim();
    (!text.is_empty() && parse_edtf(text).is_none()).then_some(
        "Write the date as 2019-07-23, 2019-07 or 2019; XXXX-05-07 when the article does not give the year; leave it empty when there is no date.",
    )
}

impl EventEditor {
    /// Draws the window; pushes the commands that save the event. Returns whether the window stays
    /// open (not saved, cancelled or closed with Escape).
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        commands: &mut Vec<Command>,
    ) -> bool {
        let mut keep = true;
        let title = match self.subject {
            Subject::Extracted(_) => "Correct event",
            Subject::Added(_) => "Edit added event",
            Subject::New(_) => "Add an event",
        };
        egui::Window::new(title)
        .collapsible(false)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(format!("“{}”", self.about)).weak());
            ui.separator();
            egui::Grid::new("event_editor_grid")
                .num_columns(2)
                .show(ui, |ui| {
                    let label = ui.label("Date:");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.date)
                            .hint_text("2019-07-23 · 2019-07 · XXXX-05-07")
                            .desired_width(220.0),
                    )
                    .on_hover_text("EDTF: year-month-day, as much as the article says; XXXX for an unknown year; empty for no date")
                    .labelled_by(label.id);
                    ui.end_row();
                    ui.label("Kind:");
                    egui::ComboBox::from_id_salt("event_editor_kind")
                        .selected_text(self.kind.label())
                        .show_ui(ui, |ui| {
                            for kind in KINDS {
                                ui.selectable_value(&mut self.kind, kind, kind.label());
                            }
                        });
                    ui.end_row();
                    let label = ui.label("Parties:");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.participants)
                            .hint_text("Wuxi, Xuzhou")
                            .desired_width(320.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Fields:");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.fields)
                            .hint_text("tourism, industrial parks")
                            .desired_width(320.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                });
            if matches!(self.subject, Subject::New(_)) {
                ui.weak("Filled in from the sentence: keep only the places that are parties.");
            }
            let problem = date_problem(&self.date).or_else(|| {
                list(&self.participants)
                    .is_empty()
                    .then_some("Name at least one party.")
            });
            if let Some(problem) = problem {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(problem.is_none(), egui::Button::new("Save"))
                    .clicked()
                {
                    commands.extend(save(state, self));
                    keep = false;
                }
                if ui.button("Cancel").clicked() {
                    keep = false;
                }
                let corrected = match &self.subject {
                    Subject::Extracted(id) => state
                        .desk
                        .index_of(id)
                        .and_then(|index| state.desk.reviews.get(index))
                        .is_some_and(|review| matches!(review, Some(Review::Corrected(_))))
                        .then(|| id.clone()),
                    _ => None,
                };
                if let Some(id) = corrected
                    && ui
                        .button("Undo the correction")
                        .on_hover_text("Show the event as extracted again")
                        .clicked()
                {
                    commands.push(Command::Notebook(NotebookCommand::ReviewEvent(id, None)));
                    keep = false;
                }
                if let Subject::Added(id) = self.subject
                    && ui.button("Delete this event").clicked()
                {
                    commands.push(Command::Notebook(NotebookCommand::RemoveAddedEvent(id)));
                    keep = false;
                }
            });
        });
        keep && !ctx.input(|input| input.key_pressed(egui::Key::Escape))
    }
}

/// The commands that store the draft.
fn save(state: &AppState, draft: &EventEditor) -> Vec<Command> {
    let date = draft.date.trim().to_owned();
    let participants = list(&draft.participants);
    let fields = list(&draft.fields);
    match &draft.subject {
        Subject::Extracted(id) => {
            let Some(extracted) = state
                .desk
                .index_of(id)
                .and_then(|index| state.desk.extracted_event(index))
            else {
                return Vec::new();
            };
            let fix = fix_against(&extracted.event, date, draft.kind, participants, fields);
            let review = if fix == Fix::default() {
                Review::Accepted
            } else {
                Review::Corrected(fix)
            };
            vec![Command::Notebook(NotebookCommand::ReviewEvent(
                id.clone(),
                Some(review),
            ))]
        }
        Subject::Added(id) => vec![Command::Notebook(NotebookCommand::EditAddedEvent(
            *id,
            Fix {
                date: Some(date),
                kind: Some(draft.kind.label().to_owned()),
                participants: Some(participants),
                fields: Some(fields),
            },
        ))],
        Subject::New(passage) => vec![Command::Notebook(NotebookCommand::AddEvent(NewEvent {
            passage: passage.clone(),
            kind: draft.kind,
            participants,
            date: parse_edtf(&date),
            fields,
        }))],
    }
}

/// The parts of the draft that differ from what was extracted: only those are stored, so the
/// rest keeps following the extractor.
fn fix_against(
    extracted: &Event,
    date: String,
    kind: EventKind,
    participants: Vec<String>,
    fields: Vec<String>,
) -> Fix {
    let extracted_date = extracted.date.map(|date| date.edtf()).unwrap_or_default();
    Fix {
        date: (date != extracted_date).then_some(date),
        kind: (kind != extracted.kind).then(|| kind.label().to_owned()),
        participants: (participants != names(extracted)).then_some(participants),
        fields: (fields != extracted.fields).then_some(fields),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PartialDate, Participant};

    fn event() -> Event {
        Event {
            kind: EventKind::Agreement,
            participants: vec![
                Participant {
                    name: "Wuxi".to_owned(),
                    entry: None,
                },
                Participant {
                    name: "Xuzhou".to_owned(),
                    entry: None,
                },
            ],
            date: PartialDate::month_day(5, 7),
            date_resolution: None,
            fields: vec!["tourism".to_owned()],
            evidence: Vec::new(),
            confidence: 0.8,
            sources: crate::model::EventSources::default(),
        }
    }

    #[test]
    fn only_the_changed_parts_are_stored() {
        let fix = fix_against(
            &event(),
            "2021-05-07".to_owned(),
            EventKind::Agreement,
            vec!["Wuxi".to_owned(), "Xuzhou".to_owned()],
            vec!["tourism".to_owned()],
        );
        assert_eq!(
            fix,
            Fix {
                date: Some("2021-05-07".to_owned()),
                ..Fix::default()
            }
        );
    }

    #[test]
    fn lists_split_on_commas_of_either_script() {
        assert_eq!(
            list("Wuxi, Xuzhou；，Suzhou、 "),
            ["Wuxi", "Xuzhou", "Suzhou"]
        );
        assert_eq!(list(" , "), Vec::<String>::new());
    }

    #[test]
    fn a_date_must_be_one_the_notebook_can_read() {
        assert!(date_problem("").is_none());
        assert!(date_problem("XXXX-05-07").is_none());
        assert!(date_problem("2019-02-30").is_some());
        assert!(date_problem("May 7").is_some());
    }
}
