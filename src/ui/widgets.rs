//! What several panels draw or name the same way: an event's date and tooltip, the labels and
//! targets of notes. Panels share these here rather than importing one another.

use crate::desk::party::PartyKey;
use crate::extract::{CorpusEvent, Gazetteer};
use crate::model::{DateResolution, Event};
use crate::notebook::{EventKey, Passage, PlaceRef, Target, anchor};
use crate::state::AppState;

/// A date as a reader should take it: exact, inferred (and how), or year unknown.
pub fn event_date_text(event: &Event) -> String {
    match (event.date, event.date_resolution) {
        (None, _) => "date unknown".to_owned(),
        (Some(date), _) if date.year.is_none() => format!("{} (year unknown)", date.edtf()),
        (Some(date), Some(DateResolution::Stated) | None) => date.edtf(),
        (Some(date), Some(resolution)) => format!("{} ({})", date.edtf(), resolution.label()),
    }
}

/// Date (and how it was found), kind, parties, fields and sources of one event.
pub fn event_tooltip_ui(ui: &mut egui::Ui, event: &CorpusEvent) {
    let data = &event.event;
    ui.strong(event_date_text(data));
    if let Some(resolution) = data.date_resolution
        && resolution != DateResolution::Stated
    {
        ui.weak(match resolution {
            DateResolution::FromPublication => {
                "The year is not in the sentence: it was taken from the page's date."
            }
            _ => "The year is not in the sentence: it was taken from elsewhere in the article.",
        });
    }
    ui.label(format!("{} ({})", data.kind.label(), data.kind.cameo()));
    let parties: Vec<&str> = data.participants.iter().map(|p| p.name.as_str()).collect();
    ui.label(parties.join(", "));
    if !data.fields.is_empty() {
        ui.label(format!("Fields: {}", data.fields.join(", ")));
    }
    ui.weak(match event.sources.len() {
        1 => "Reported by 1 article".to_owned(),
        n => format!("Reported by {n} articles"),
    });
}

/// How a note's target reads in lists and titles.
pub fn target_label(state: &AppState, target: &Target) -> String {
    let title = |document| {
        state
            .library
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
                    event_date_text(data),
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
                .library
                .corpus
                .document(passage.document)
                .is_some_and(|document| {
                    // Unknown while the text is read back: not said to be lost.
                    document
                        .body()
                        .is_some_and(|body| anchor(body, passage).range().is_none())
                });
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
    let body_of = |document| state.library.corpus.body(document);
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
    let body_of = |document| state.library.corpus.body(document);
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
    // An evidence sentence is at hand even while the rest of the text is set aside.
    let body = state.library.corpus.body(document)?;
    let quote = body.get(range.clone())?.to_owned();
    Some(Target::Passage(Passage {
        document,
        quote,
        start_byte: range.start,
        end_byte: range.end,
    }))
}
