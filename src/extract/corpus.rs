//! Events across articles: the same occurrence reported by several articles is one event with
//! several sources.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use crate::model::{Document, DocumentId, Event, Participant};

/// One occurrence and every article that reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct CorpusEvent {
    /// The event as the first source reports it (kind, date, fields from all sources).
    pub event: Event,
    /// Each reporting document with its evidence ranges (in that document's body).
    pub sources: Vec<(DocumentId, Vec<Range<usize>>)>,
}

/// Merges the events of all documents: same parties (as a set) and same date make one event.
/// Events without a year are never merged across articles: nothing shows they are the same.
pub fn corpus_events(documents: &[Arc<Document>]) -> Vec<CorpusEvent> {
    let mut merger = EventMerger::default();
    let mut events = Vec::new();
    for document in documents {
        merger.add(&mut events, document);
    }
    events
}

/// Merges events as documents arrive, so a folder that is still loading costs only its new
/// articles, not the whole corpus again. It indexes the events it was given; keep passing the
/// same list.
#[derive(Clone, Debug, Default)]
pub struct EventMerger {
    index: HashMap<EventKey, usize>,
    seen: HashSet<DocumentId>,
}

/// What makes two reports one occurrence: the parties as a set and the full date.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct EventKey {
    parties: Vec<PartyPart>,
    date: (Option<i32>, Option<u8>, Option<u8>),
}

/// One party in a key: its gazetteer entry, or its normalised name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum PartyPart {
    Entry(u32),
    Name(String),
}

impl EventMerger {
    /// Adds a document's events to `events` (once: a document added again is ignored).
    pub fn add(&mut self, events: &mut Vec<CorpusEvent>, document: &Document) {
        if !self.seen.insert(document.id) {
            return;
        }
        for event in &document.extraction.events {
            let source = (document.id, event.evidence.clone());
            let Some(date) = event.date.filter(|date| date.year.is_some()) else {
                events.push(CorpusEvent {
                    event: event.clone(),
                    sources: vec![source],
                });
                continue;
            };
            let key = EventKey {
                parties: party_key(&event.participants),
                date: (date.year, date.month, date.day),
            };
            match self.index.get(&key) {
                Some(&at) => {
                    let existing = &mut events[at];
                    if !existing.sources.iter().any(|(id, _)| *id == document.id) {
                        existing.sources.push(source);
                    }
                    for field in &event.fields {
                        if !existing.event.fields.contains(field) {
                            existing.event.fields.push(field.clone());
                        }
                    }
                }
                None => {
                    self.index.insert(key, events.len());
                    events.push(CorpusEvent {
                        event: event.clone(),
                        sources: vec![source],
                    });
                }
            }
        }
    }

    /// Whether every document merged so far is still among `documents` (when one was removed,
    /// the merge must start again).
    pub fn covers_only(&self, documents: &[Arc<Document>]) -> bool {
        if self.seen.len() > documents.len() {
            return false;
        }
        let present: HashSet<DocumentId> = documents.iter().map(|document| document.id).collect();
        self.seen.iter().all(|id| present.contains(id))
    }
}

/// The parties as a sorted set: the gazetteer entry when linked, else the name without its
/// administrative suffix, lower case.
fn party_key(participants: &[Participant]) -> Vec<PartyPart> {
    let mut keys: Vec<PartyPart> = participants
        .iter()
        .map(|participant| match participant.entry {
            Some(entry) => PartyPart::Entry(entry.0),
            None => PartyPart::Name(Participant::name_key(&participant.name)),
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        DocPath, DocumentMeta, EventKind, Extraction, Format, PartialDate, SourceId,
    };

    fn document(text: &str, events: Vec<Event>) -> Arc<Document> {
        Arc::new(Document {
            id: DocumentId::of_text(text),
            format: Format::Text,
            paths: vec![DocPath {
                source: SourceId(0),
                path: text.into(),
                relative: text.to_owned(),
            }],
            encoding: "UTF-8",
            read_warnings: Vec::new(),
            meta: DocumentMeta::default(),
            original: text.to_owned(),
            body: text.to_owned(),
            segments: Vec::new(),
            parts: Vec::new(),
            extraction: Extraction {
                events,
                ..Extraction::default()
            },
        })
    }

    fn event(parties: &[&str], date: Option<PartialDate>) -> Event {
        Event {
            kind: EventKind::Agreement,
            participants: parties
                .iter()
                .map(|name| Participant {
                    name: (*name).to_owned(),
                    entry: None,
                })
                .collect(),
            date,
            date_resolution: None,
            fields: Vec::new(),
            evidence: std::iter::once(0..4).collect(),
            confidence: 0.9,
            sources: crate::model::EventSources::default(),
        }
    }

    #[test]
    fn the_same_parties_on_the_same_day_in_two_articles_are_one_event_with_two_sources() {
        let day = PartialDate::ymd(2021, 10, 9);
        let documents = [
            document("a", vec![event(&["Wuxi", "Xuzhou"], day)]),
            document("b", vec![event(&["Xuzhou City", "Wuxi"], day)]),
            document(
                "c",
                vec![event(&["Wuxi", "Xuzhou"], PartialDate::ymd(2021, 10, 10))],
            ),
            document(
                "d",
                vec![
                    event(&["Wuxi", "Xuzhou"], None),
                    event(&["Wuxi", "Xuzhou"], None),
                ],
            ),
        ];
        let merged = corpus_events(&documents);
        assert_eq!(merged.len(), 4);
        assert_eq!(merged[0].sources.len(), 2);
    }
}
