//! Reviews of extracted events and events added by hand: setting them, finding which current
//! event each review belongs to after re-extraction, and applying them to an [`Event`] so the
//! timeline, graph, table and exports all show the corrected event.

use std::collections::HashMap;

use super::anchor::{Anchoring, anchor};
use super::edtf::parse_edtf;
use super::key::{EventKey, TextHash};
use super::model::{AddedEvent, AddedEventId, Correction, Fix, Notebook, Passage, Review};
use crate::model::{DocumentId, Event, EventKind, EventSources, Participant};

impl Notebook {
    /// Records the user's review of an event, replacing an earlier one.
    pub fn set_review(&mut self, key: EventKey, review: Review, now_unix_s: i64) {
        match self
            .corrections
            .iter_mut()
            .find(|correction| correction.key == key)
        {
            Some(correction) => {
                correction.review = review;
                correction.modified_unix_s = now_unix_s;
            }
            None => self.corrections.push(Correction {
                key,
                review,
                modified_unix_s: now_unix_s,
            }),
        }
        self.reviews_revision.renew();
    }

    /// The review stored under exactly this key. To find reviews for freshly extracted events,
    /// whose parties may have been extracted differently, use [`Self::reviews_for`].
    pub fn review(&self, key: &EventKey) -> Option<&Review> {
        self.corrections
            .iter()
            .find(|correction| correction.key == *key)
            .map(|correction| &correction.review)
    }

    /// Forgets the review of an event (back to "not reviewed"). Returns whether there was one.
    pub fn clear_review(&mut self, key: &EventKey) -> bool {
        let before = self.corrections.len();
        self.corrections.retain(|correction| correction.key != *key);
        let removed = self.corrections.len() != before;
        if removed {
            self.reviews_revision.renew();
        }
        removed
    }

    /// For each current event (given by its keys, one per source: see
    /// [`EventKey::of_corpus_event`]), its review if any.
    pub fn reviews_for(&self, events: &[Vec<EventKey>]) -> Vec<Option<&Correction>> {
        let stored: Vec<&EventKey> = self
            .corrections
            .iter()
            .map(|correction| &correction.key)
            .collect();
        let mut found = vec![None; events.len()];
        for (correction, event) in self.corrections.iter().zip(attach(&stored, events)) {
            if let Some(event) = event {
                found[event] = Some(correction);
            }
        }
        found
    }

    /// Adds an event the extractor missed and returns its id.
    pub fn add_event(&mut self, event: NewEvent, now_unix_s: i64) -> AddedEventId {
        let highest = self.added_events.iter().map(|added| added.id.0).max();
        let id = AddedEventId(highest.map_or(1, |id| id.saturating_add(1)));
        self.added_events.push(AddedEvent {
            id,
            passage: event.passage,
            kind: event.kind.label().to_owned(),
            participants: event.participants,
            date: event.date.map(|date| date.edtf()),
            fields: event.fields,
            created_unix_s: now_unix_s,
        });
        self.reviews_revision.renew();
        id
    }

    /// Removes an added event. Returns whether it existed.
    pub fn remove_added_event(&mut self, id: AddedEventId) -> bool {
        let before = self.added_events.len();
        self.added_events.retain(|added| added.id != id);
        let removed = self.added_events.len() != before;
        if removed {
            self.reviews_revision.renew();
        }
        removed
    }

    /// Changes an added event's parts (those `fix` gives). Returns whether it exists.
    pub fn update_added_event(&mut self, id: AddedEventId, fix: &Fix) -> bool {
        let Some(added) = self.added_events.iter_mut().find(|added| added.id == id) else {
            return false;
        };
        if let Some(date) = &fix.date {
            added.date = (!date.trim().is_empty()).then(|| date.trim().to_owned());
        }
        if let Some(kind) = &fix.kind {
            added.kind.clone_from(kind);
        }
        if let Some(participants) = &fix.participants {
            added.participants.clone_from(participants);
        }
        if let Some(fields) = &fix.fields {
            added.fields.clone_from(fields);
        }
        self.reviews_revision.renew();
        true
    }

    /// The added events reported by a document.
    pub fn added_events_in(&self, document: DocumentId) -> impl Iterator<Item = &AddedEvent> + '_ {
        self.added_events
            .iter()
            .filter(move |added| added.passage.document == document)
    }
}

/// What the user enters to add an event.
#[derive(Clone, Debug, PartialEq)]
pub struct NewEvent {
    /// The selected passage that reports it.
    pub passage: Passage,
    /// Its kind.
    pub kind: EventKind,
    /// Every party, by name.
    pub participants: Vec<String>,
    /// When, if known.
    pub date: Option<crate::model::PartialDate>,
    /// Fields of cooperation.
    pub fields: Vec<String>,
}

/// Which current event each stored key belongs to, by index into `events` (each event given by
/// one key per source), or `None` when it matches none (a detached review or note, kept and
/// listed, never dropped).
///
/// First every exact match (same document, evidence and parties). Then, for keys still
/// unmatched, the same document and evidence when exactly one unmatched event and exactly one
/// unmatched stored key share them: the parties were extracted differently, but nothing else
/// in that sentence could be meant. An event takes at most one stored key.
pub fn attach(stored: &[&EventKey], events: &[Vec<EventKey>]) -> Vec<Option<usize>> {
    let mut exact: HashMap<&EventKey, usize> = HashMap::new();
    for (index, keys) in events.iter().enumerate() {
        for key in keys {
            exact.entry(key).or_insert(index);
        }
    }
    let mut taken = vec![false; events.len()];
    let mut found: Vec<Option<usize>> = stored
        .iter()
        .map(|key| {
            let index = *exact.get(*key)?;
            (!taken[index]).then(|| {
                taken[index] = true;
                index
            })
        })
        .collect();

    type Evidence = (DocumentId, TextHash);
    let mut free_events: HashMap<Evidence, Vec<usize>> = HashMap::new();
    for (index, keys) in events
        .iter()
        .enumerate()
        .filter(|(index, _)| !taken[*index])
    {
        let mut seen: Vec<Evidence> = Vec::new();
        for key in keys {
            let evidence = (key.document, key.evidence);
            if !seen.contains(&evidence) {
                seen.push(evidence);
                free_events.entry(evidence).or_default().push(index);
            }
        }
    }
    let mut free_stored: HashMap<Evidence, usize> = HashMap::new();
    for (index, key) in stored.iter().enumerate() {
        if found[index].is_none() {
            *free_stored.entry((key.document, key.evidence)).or_default() += 1;
        }
    }
    // In the order stored, so the outcome never depends on hashing.
    for (index, key) in stored.iter().enumerate() {
        let evidence = (key.document, key.evidence);
        if found[index].is_some() || free_stored.get(&evidence) != Some(&1) {
            continue;
        }
        if let Some([event]) = free_events.get(&evidence).map(Vec::as_slice)
            && !taken[*event]
        {
            taken[*event] = true;
            found[index] = Some(*event);
        }
    }
    found
}

/// The event as the user reviewed it: `None` when rejected, else the event with the corrected
/// parts replaced (a party that keeps its name keeps its gazetteer link; a new one has none).
pub fn apply_review(event: &Event, review: &Review) -> Option<Event> {
    match review {
        Review::Rejected => None,
        Review::Accepted => Some(event.clone()),
        Review::Corrected(fix) => Some(apply_fix(event, fix)),
    }
}

/// `event` with `fix`'s parts. An empty date says the event has none; a date or kind this
/// build cannot read leaves the extracted one.
fn apply_fix(event: &Event, fix: &Fix) -> Event {
    let mut fixed = event.clone();
    match fix.date.as_deref().map(str::trim) {
        Some("") => {
            fixed.date = None;
            fixed.date_resolution = None;
        }
        Some(text) => {
            if let Some(date) = parse_edtf(text) {
                fixed.date = Some(date);
                fixed.date_resolution = None;
            }
        }
        None => {}
    }
    if let Some(kind) = fix.kind.as_deref().and_then(kind_from_label) {
        fixed.kind = kind;
    }
    if let Some(names) = &fix.participants {
        fixed.participants = participants(names, &event.participants);
    }
    if let Some(fields) = &fix.fields {
        fixed.fields.clone_from(fields);
    }
    fixed
}

/// Parties by name, keeping the extracted party (and its link) where a name is unchanged.
fn participants(names: &[String], extracted: &[Participant]) -> Vec<Participant> {
    names
        .iter()
        .map(|name| {
            extracted
                .iter()
                .find(|party| party.name.eq_ignore_ascii_case(name.trim()))
                .cloned()
                .unwrap_or_else(|| Participant {
                    name: name.trim().to_owned(),
                    entry: None,
                })
        })
        .collect()
}

/// The kind a label names (as [`EventKind::label`] writes it).
pub fn kind_from_label(label: &str) -> Option<EventKind> {
    EventKind::from_label(label)
}

impl AddedEvent {
    /// The added event as an [`Event`] of its document, whose clean body is `body`: its passage
    /// re-anchored as evidence (none when the passage is lost), confidence 1.
    pub fn to_event(&self, body: &str) -> Event {
        let evidence = match anchor(body, &self.passage) {
            Anchoring::Exact(range) | Anchoring::Moved(range) => vec![range],
            Anchoring::Lost => Vec::new(),
        };
        Event {
            kind: kind_from_label(&self.kind).unwrap_or(EventKind::Other),
            participants: participants(&self.participants, &[]),
            date: self.date.as_deref().and_then(parse_edtf),
            date_resolution: None,
            fields: self.fields.clone(),
            confidence: 1.0,
            sources: EventSources {
                kind: evidence.first().cloned().unwrap_or_default(),
                parties: evidence.first().cloned().unwrap_or_default(),
                date: None,
            },
            evidence,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntryId, PartialDate};

    const DOC: DocumentId = DocumentId(5);

    fn key(evidence: &str, parties: Option<&str>) -> EventKey {
        EventKey {
            parties: parties.map(TextHash::of_normalised),
            ..EventKey::of(DOC, evidence)
        }
    }

    fn event() -> Event {
        Event {
            kind: EventKind::Meeting,
            participants: vec![
                Participant {
                    name: "Nanjing".to_owned(),
                    entry: Some(EntryId(3)),
                },
                Participant {
                    name: "Xuzhou".to_owned(),
                    entry: Some(EntryId(9)),
                },
            ],
            date: None,
            date_resolution: None,
            fields: vec!["trade".to_owned()],
            evidence: std::iter::once(0..10).collect(),
            confidence: 0.4,
            sources: EventSources::default(),
        }
    }

    #[test]
    fn a_later_review_replaces_the_earlier_one() {
        let mut notebook = Notebook::default();
        let event = key("Nanjing met Xuzhou.", None);
        notebook.set_review(event.clone(), Review::Accepted, 1);
        notebook.set_review(event.clone(), Review::Rejected, 2);
        assert_eq!(notebook.corrections.len(), 1);
        assert_eq!(notebook.review(&event), Some(&Review::Rejected));
        assert!(notebook.clear_review(&event));
        assert_eq!(notebook.review(&event), None);
        assert!(!notebook.clear_review(&event));
    }

    #[test]
    fn exact_keys_attach_first_and_each_event_takes_one_review() {
        let a = key("s", Some("a"));
        let b = key("s", Some("b"));
        let events = vec![vec![b.clone()], vec![a.clone()]];
        assert_eq!(attach(&[&a, &b], &events), vec![Some(1), Some(0)]);
        assert_eq!(attach(&[&a, &a], &[vec![a.clone()]]), vec![Some(0), None]);
    }

    #[test]
    fn a_review_follows_its_sentence_when_the_parties_were_extracted_differently() {
        let stored = key("Nanjing met Xuzhou.", Some("nanjing\nxuzhou"));
        let now = key(
            "Nanjing  met\nXuzhou.",
            Some("nanjing\nxuzhou city council"),
        );
        assert_eq!(attach(&[&stored], &[vec![now]]), vec![Some(0)]);
    }

    #[test]
    fn a_review_stays_detached_when_its_sentence_now_reports_two_unmatched_events() {
        let stored = key("A with B, and C with D.", Some("a\nb"));
        let events = vec![
            vec![key("A with B, and C with D.", Some("a\nb2"))],
            vec![key("A with B, and C with D.", Some("c\nd"))],
        ];
        assert_eq!(attach(&[&stored], &events), vec![None]);
        // Once the other event is matched exactly, the remaining one is unambiguous.
        let other = key("A with B, and C with D.", Some("c\nd"));
        assert_eq!(attach(&[&stored, &other], &events), vec![Some(0), Some(1)]);
    }

    #[test]
    fn a_merged_event_finds_its_review_through_any_source() {
        let mut notebook = Notebook::default();
        let from_second_article = EventKey::of(DocumentId(8), "Signed today.");
        notebook.set_review(from_second_article.clone(), Review::Accepted, 0);
        let events = vec![
            vec![key("Other.", None)],
            vec![key("Signed.", None), from_second_article],
        ];
        let reviews = notebook.reviews_for(&events);
        assert!(reviews[0].is_none());
        assert_eq!(
            reviews[1].map(|correction| &correction.review),
            Some(&Review::Accepted)
        );
    }

    #[test]
    fn a_correction_replaces_only_the_parts_it_names() {
        let fix = Fix {
            date: Some("2019-07-23".to_owned()),
            kind: Some("agreement".to_owned()),
            participants: Some(vec!["nanjing".to_owned(), "Suzhou".to_owned()]),
            fields: None,
        };
        let fixed = apply_review(&event(), &Review::Corrected(fix)).unwrap();
        assert_eq!(fixed.date, PartialDate::ymd(2019, 7, 23));
        assert_eq!(fixed.kind, EventKind::Agreement);
        assert_eq!(fixed.participants[0].entry, Some(EntryId(3)));
        assert_eq!(fixed.participants[1].name, "Suzhou");
        assert_eq!(fixed.participants[1].entry, None);
        assert_eq!(fixed.fields, vec!["trade".to_owned()]);
        assert_eq!(apply_review(&event(), &Review::Rejected), None);
        assert_eq!(apply_review(&event(), &Review::Accepted), Some(event()));
    }

    #[test]
    fn an_unreadable_corrected_date_or_kind_keeps_the_extracted_one() {
        let fix = Fix {
            date: Some("next spring".to_owned()),
            kind: Some("merger".to_owned()),
            ..Fix::default()
        };
        assert_eq!(
            apply_review(&event(), &Review::Corrected(fix)),
            Some(event())
        );
    }

    #[test]
    fn an_added_event_becomes_an_event_at_its_re_anchored_passage() {
        let mut notebook = Notebook::default();
        let body = "前言。南京与徐州签署协议。";
        let id = notebook.add_event(
            NewEvent {
                passage: Passage {
                    document: DOC,
                    quote: "南京与徐州签署协议".to_owned(),
                    start_byte: 0,
                    end_byte: 27,
                },
                kind: EventKind::Agreement,
                participants: vec!["Nanjing".to_owned(), "Xuzhou".to_owned()],
                date: PartialDate::month_day(5, 7),
                fields: Vec::new(),
            },
            100,
        );
        assert_eq!(notebook.added_events_in(DOC).count(), 1);
        let added = &notebook.added_events[0];
        assert_eq!(added.date.as_deref(), Some("XXXX-05-07"));
        let event = added.to_event(body);
        assert_eq!(event.evidence, vec![9..36]);
        assert_eq!(event.kind, EventKind::Agreement);
        assert_eq!(event.date, PartialDate::month_day(5, 7));
        assert!(notebook.remove_added_event(id));
        assert!(!notebook.remove_added_event(id));
    }
}
