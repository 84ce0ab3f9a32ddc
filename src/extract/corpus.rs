//! Events across articles: the same occurrence reported by several articles is one event with
//! several sources.
//!
//! Reports join by their [`MergeKey`]: the parties as a set and the full date, written as text
//! so that it can leave the process (`accord extract --stdin` prints it beside each event, and
//! `accord merge` joins extraction shards by it with the very code the app uses).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use super::Gazetteer;
use crate::model::{Document, DocumentId, EntryId, Event, Participant};

/// One occurrence and every article that reports it.
///
/// `E` is the report's event: the extractor's [`Event`] in the app, a report read back from an
/// extraction shard in `accord merge`.
#[derive(Clone, Debug, PartialEq)]
pub struct CorpusEvent<E = Event> {
    /// The event as the first source reports it (kind, date, fields from all sources).
    pub event: E,
    /// Each reporting document with its evidence ranges (in that document's body).
    pub sources: Vec<(DocumentId, Vec<Range<usize>>)>,
}

/// What the merge needs of one document's report of an event besides its key.
pub trait Report: Clone {
    /// Fields of cooperation named for it.
    fn fields(&self) -> &[String];
    /// The same, to add the fields other reports name.
    fn fields_mut(&mut self) -> &mut Vec<String>;
    /// The evidence: byte ranges of the reporting document's body.
    fn evidence(&self) -> Vec<Range<usize>>;
}

impl Report for Event {
    fn fields(&self) -> &[String] {
        &self.fields
    }

    fn fields_mut(&mut self) -> &mut Vec<String> {
        &mut self.fields
    }

    fn evidence(&self) -> Vec<Range<usize>> {
        self.evidence.clone()
    }
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
    index: HashMap<MergeKey, usize>,
    seen: HashSet<DocumentId>,
}

/// What makes two reports one occurrence: the parties as a set and the full date, as text.
///
/// `2021-10-09/320205/320382/~suzhou industrial park`: the date (`XX` for an unknown month or
/// day), then each party once, sorted — a gazetteer entry by its code (the six-digit
/// administrative code or the zone's key), a party without an entry as `~` and its name key
/// ([`Participant::name_key`]); `/` and `\` inside a part are escaped with `\`. Two events have
/// the same key exactly when they have the same date and the same set of parties, so joining
/// by the text is joining by the parties and the date. Entries are named by code, not by their
/// number in the gazetteer, so the key means the same across builds that share the gazetteer's
/// codes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MergeKey(String);

impl MergeKey {
    /// A key as read back from an extraction shard.
    pub fn from_text(text: String) -> Self {
        Self(text)
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MergeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The key the cross-article merge joins this event by, or `None` for an event without a year,
/// which never merges.
pub fn merge_key(event: &Event) -> Option<MergeKey> {
    let date = event.date.filter(|date| date.year.is_some())?;
    let year = date.year?;
    let two_digits = |part: Option<u8>| part.map_or_else(|| "XX".to_owned(), |n| format!("{n:02}"));
    let mut key = format!(
        "{year:04}-{}-{}",
        two_digits(date.month),
        two_digits(date.day)
    );
    for part in party_key(&event.participants) {
        key.push('/');
        key.push_str(&part);
    }
    Some(MergeKey(key))
}

impl EventMerger {
    /// Adds a document's events to `events` (once: a document added again is ignored).
    pub fn add(&mut self, events: &mut Vec<CorpusEvent>, document: &Document) {
        let reports = document
            .extraction
            .events
            .iter()
            .map(|event| (merge_key(event), event));
        self.add_reports(events, document.id, reports);
    }

    /// Adds one document's reports, each with its key (`None`: it never merges), in the
    /// document's order — the merge itself, for events from the extractor ([`Self::add`]) and
    /// for events read back from extraction shards alike. A document added again is ignored.
    pub fn add_reports<'a, E: Report + 'a>(
        &mut self,
        events: &mut Vec<CorpusEvent<E>>,
        document_id: DocumentId,
        reports: impl IntoIterator<Item = (Option<MergeKey>, &'a E)>,
    ) {
        if !self.seen.insert(document_id) {
            return;
        }
        for (key, report) in reports {
            let source = (document_id, report.evidence());
            let Some(key) = key else {
                events.push(CorpusEvent {
                    event: report.clone(),
                    sources: vec![source],
                });
                continue;
            };
            match self.index.get(&key) {
                Some(&at) => {
                    let existing = &mut events[at];
                    if !existing.sources.iter().any(|(id, _)| *id == document_id) {
                        existing.sources.push(source);
                    }
                    for field in report.fields() {
                        if !existing.event.fields().contains(field) {
                            existing.event.fields_mut().push(field.clone());
                        }
                    }
                }
                None => {
                    self.index.insert(key, events.len());
                    events.push(CorpusEvent {
                        event: report.clone(),
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

/// The parties as a sorted set of key parts: the gazetteer entry's code when linked, else `~`
/// and the name without its administrative suffix, lower case.
fn party_key(participants: &[Participant]) -> Vec<String> {
    let mut keys: Vec<String> = participants
        .iter()
        .map(|participant| match participant.entry {
            Some(entry) => entry_part(entry),
            None => format!("~{}", escaped(&Participant::name_key(&participant.name))),
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// An entry in a key: its code in the bundled gazetteer (whose codes are distinct and never
/// start with `~` or `#`, so this is one-to-one), or `#` and its number when the bundled
/// gazetteer has no entry of that number (a test gazetteer's).
fn entry_part(entry: EntryId) -> String {
    match Gazetteer::bundled().entry(entry) {
        Some(found) => escaped(&found.code),
        None => format!("#{}", entry.0),
    }
}

/// A key part with `\` and `/` escaped, so the parts of a key cannot run into each other.
fn escaped(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    for c in part.chars() {
        if matches!(c, '\\' | '/') {
            out.push('\\');
        }
        out.push(c);
    }
    out
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
            text: crate::model::Text::held(text.to_owned(), text.to_owned()),
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

    #[test]
    fn a_merge_key_is_the_date_then_the_parties_sorted_once_each() {
        let day = PartialDate::ymd(2021, 10, 9);
        let key = |parties: &[&str], date| merge_key(&event(parties, date)).map(|k| k.0);
        assert_eq!(
            key(&["Xuzhou City", "Wuxi", "wuxi"], day).as_deref(),
            Some("2021-10-09/~wuxi/~xuzhou")
        );
        assert_eq!(
            key(&["Wuxi", "Xuzhou"], day),
            key(&["Xuzhou City", "Wuxi"], day)
        );
        let month = Some(PartialDate {
            year: Some(2021),
            month: Some(10),
            day: None,
        });
        assert_eq!(key(&["Wuxi"], month).as_deref(), Some("2021-10-XX/~wuxi"));
        let no_year = Some(PartialDate {
            year: None,
            month: Some(5),
            day: Some(7),
        });
        assert_eq!(key(&["Wuxi"], no_year), None);
        assert_eq!(key(&["Wuxi"], None), None);
    }

    #[test]
    fn names_holding_the_separators_cannot_make_two_party_sets_one_key() {
        let day = PartialDate::ymd(2021, 10, 9);
        let key = |parties: &[&str]| merge_key(&event(parties, day));
        assert_ne!(key(&["a/~b"]), key(&["a", "b"]));
        assert_ne!(key(&["a\\/~b"]), key(&["a\\", "b"]));
        assert_eq!(key(&["a/~b"]).unwrap().0, "2021-10-09/~a\\/~b");
    }

    #[test]
    fn linked_parties_are_keyed_by_their_gazetteer_code() {
        let gazetteer = Gazetteer::bundled();
        let jiangning = gazetteer
            .entries()
            .iter()
            .find(|entry| entry.name_zh == "江宁区")
            .unwrap();
        let mut linked = event(&["Jiangning", "Wuxi"], PartialDate::ymd(2024, 3, 5));
        linked.participants[0].entry = Some(jiangning.id);
        assert_eq!(
            merge_key(&linked).unwrap().as_str(),
            format!("2024-03-05/{}/~wuxi", jiangning.code)
        );
    }

    #[test]
    fn bundled_gazetteer_codes_are_distinct_plain_words() {
        let mut codes = HashSet::new();
        for entry in Gazetteer::bundled().entries() {
            assert!(
                !entry.code.is_empty()
                    && entry
                        .code
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{:?}",
                entry.code
            );
            assert!(codes.insert(entry.code.as_str()), "{} twice", entry.code);
        }
    }

    #[test]
    fn reports_merge_the_same_way_whatever_carries_them() {
        let day = PartialDate::ymd(2021, 10, 9);
        let mut with_fields = event(&["Xuzhou", "Wuxi"], day);
        with_fields.fields = vec!["trade".to_owned()];
        let documents = [
            document("a", vec![event(&["Wuxi", "Xuzhou"], day)]),
            document("b", vec![with_fields.clone(), with_fields]),
            document("c", vec![event(&["Wuxi"], None)]),
        ];
        let mut merger = EventMerger::default();
        let mut by_reports: Vec<CorpusEvent> = Vec::new();
        for document in &documents {
            let reports: Vec<(Option<MergeKey>, &Event)> = document
                .extraction
                .events
                .iter()
                .map(|event| (merge_key(event), event))
                .collect();
            merger.add_reports(&mut by_reports, document.id, reports);
        }
        let merged = corpus_events(&documents);
        assert_eq!(by_reports, merged);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].sources.len(), 2);
        assert_eq!(merged[0].event.fields, ["trade"]);
    }
}
