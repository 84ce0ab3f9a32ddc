//! A record's events, places and people placed in the article's body: evidence found where
//! the body holds it (never a made-up range), names linked to the gazetteer only when the text
//! or the name itself decides the place.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::record::{EVIDENCE_JOINER, Record, RecordEvent};
use crate::extract::{Gazetteer, Level};
use crate::model::{
    DateResolution, EntryId, Event, EventKind, EventSources, Extraction, PagePlace, PartialDate,
    Participant, Person, PlaceMention,
};

/// An event of the record, its evidence found in the body.
pub(super) fn record_event(event: &RecordEvent, locator: &Locator<'_>, links: &Links<'_>) -> Event {
    let evidence = evidence_ranges(event, locator);
    let first = evidence.first().cloned().unwrap_or_default();
    let source = |text: &Option<String>| {
        text.as_deref()
            .and_then(|text| locator.find(text, evidence.first().map(|range| range.start)))
    };
    let sources = event.sources.as_ref();
    Event {
        kind: event
            .kind
            .as_deref()
            .and_then(EventKind::from_label)
            .unwrap_or(EventKind::Other),
        participants: links.parties(event),
        date: event.date.as_deref().and_then(PartialDate::from_edtf),
        date_resolution: event
            .date_resolution
            .as_deref()
            .and_then(DateResolution::from_label),
        fields: event.fields.clone(),
        // A file of hand labels gives no confidence: a person's reading is taken as sure.
        confidence: event.confidence.map_or(1.0, |value| value.clamp(0.0, 1.0)),
        sources: EventSources {
            kind: sources
                .and_then(|sources| source(&sources.kind))
                .unwrap_or_else(|| first.clone()),
            parties: sources
                .and_then(|sources| source(&sources.parties))
                .unwrap_or_else(|| first.clone()),
            date: sources.and_then(|sources| source(&sources.date)),
        },
        evidence,
    }
}

/// Where an event's evidence stands in the body: the ranges the record gives when they still
/// hold its sentences, else each sentence found (exactly, then ignoring white space); a
/// sentence not found has no range, never a made-up one.
fn evidence_ranges(event: &RecordEvent, locator: &Locator<'_>) -> Vec<Range<usize>> {
    let Some(text) = event
        .evidence
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
    else {
        return Vec::new();
    };
    let given: Vec<Range<usize>> = event
        .evidence_ranges
        .iter()
        .map(|&[start, end]| start..end)
        .collect();
    let slices: Option<Vec<&str>> = given
        .iter()
        .map(|range| locator.body.get(range.clone()))
        .collect();
    if !given.is_empty() && slices.is_some_and(|slices| slices.join(EVIDENCE_JOINER) == text) {
        return given;
    }
    let near = |index: usize| given.get(index).map(|range| range.start);
    if let Some(range) = locator.find(text, near(0)) {
        return vec![range];
    }
    if !text.contains(EVIDENCE_JOINER) {
        return Vec::new();
    }
    text.split(EVIDENCE_JOINER)
        .enumerate()
        .filter_map(|(index, part)| locator.find(part, near(index)))
        .collect()
}

/// The record's places found in the body: the extractor's mentions of them (which know the
/// Chinese forms and the context's choice between places of one name), then the names
/// themselves where the text writes them. A name found nowhere is left out.
pub(super) fn places(
    names: &[String],
    text: &Extraction,
    body: &str,
    links: &Links<'_>,
) -> (Vec<PlaceMention>, Vec<PagePlace>) {
    let wanted: HashSet<String> = names
        .iter()
        .map(|name| name.trim().to_lowercase())
        .collect();
    let entries: HashSet<EntryId> = text
        .places
        .iter()
        .filter(|mention| wanted.contains(&mention.name.to_lowercase()))
        .filter_map(|mention| mention.entry)
        .collect();
    let kept = |name: &str, entry: Option<EntryId>| {
        wanted.contains(&name.to_lowercase()) || entry.is_some_and(|entry| entries.contains(&entry))
    };
    let mut mentions: Vec<PlaceMention> = text
        .places
        .iter()
        .filter(|mention| kept(&mention.name, mention.entry))
        .cloned()
        .collect();
    let page_places: Vec<PagePlace> = text
        .page_places
        .iter()
        .filter(|place| kept(&place.name, place.entry))
        .cloned()
        .collect();
    let found: HashSet<String> = mentions
        .iter()
        .map(|mention| mention.name.to_lowercase())
        .chain(page_places.iter().map(|place| place.name.to_lowercase()))
        .collect();
    for name in names {
        let name = name.trim();
        if name.is_empty() || found.contains(&name.to_lowercase()) {
            continue;
        }
        let (entry, candidates) = links.place(name);
        for range in word_occurrences(body, name) {
            let overlaps = mentions
                .iter()
                .any(|mention| mention.range.start < range.end && range.start < mention.range.end);
            if !overlaps {
                mentions.push(PlaceMention {
                    range,
                    name: name.to_owned(),
                    entry,
                    candidates: candidates.clone(),
                });
            }
        }
    }
    mentions.sort_by_key(|mention| (mention.range.start, mention.range.end));
    (mentions, page_places)
}

/// Where `name` stands in `text` as a whole word (not inside a longer Latin word).
fn word_occurrences(text: &str, name: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let is_word = |at: Option<&u8>| at.is_some_and(u8::is_ascii_alphanumeric);
    text.match_indices(name)
        .map(|(start, found)| start..start + found.len())
        .filter(|range| {
            !is_word(range.start.checked_sub(1).and_then(|at| bytes.get(at)))
                && !is_word(bytes.get(range.end))
        })
        .collect()
}

/// The record's officials (the document's, then any only its events name), each where the
/// body names them (at the start when it does not).
pub(super) fn people(record: &Record, locator: &Locator<'_>) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let everyone = record
        .people
        .iter()
        .chain(record.events.iter().flat_map(|event| event.people.iter()));
    for person in everyone {
        let name = person.name.trim();
        if name.is_empty()
            || people
                .iter()
                .any(|other| other.name == name && other.role == person.role)
        {
            continue;
        }
        people.push(Person {
            name: name.to_owned(),
            role: person.role.clone(),
            place: person.place.clone(),
            range: locator.find(name, None).unwrap_or(0..0),
        });
    }
    people
}

/// Which place a name stands for: the text's own choice where its extraction linked the name
/// (in the same event, else anywhere in the text), else the one gazetteer entry the name
/// identifies; a name several places share stays unlinked.
pub(super) struct Links<'g> {
    gazetteer: &'g Gazetteer,
    /// Lower-case names the text links, with their entry (`None`: the text links the name to
    /// more than one place).
    by_name: HashMap<String, Option<EntryId>>,
    /// The text's events by kind, date and lower-case party names, with their parties' links:
    /// an event the file reports as the text does keeps the links the text gives it.
    by_event: HashMap<EventShape, Vec<Option<EntryId>>>,
}

/// What identifies an event of the text for [`Links`]: kind, date, party names in order.
type EventShape = (&'static str, Option<String>, Vec<String>);

/// The shape of an event: its kind's label, its date, its parties' names in lower case.
fn event_shape(
    kind: &str,
    date: Option<&str>,
    names: impl Iterator<Item = impl AsRef<str>>,
) -> Option<EventShape> {
    let kind = EventKind::from_label(kind)?.label();
    let names = names
        .map(|name| name.as_ref().trim().to_lowercase())
        .collect();
    Some((kind, date.map(str::to_owned), names))
}

impl<'g> Links<'g> {
    /// The links the extractor made in the text.
    pub(super) fn of(text: &Extraction, gazetteer: &'g Gazetteer) -> Self {
        let mut by_name: HashMap<String, Option<EntryId>> = HashMap::new();
        let linked = text
            .places
            .iter()
            .map(|mention| (&mention.name, mention.entry))
            .chain(
                text.page_places
                    .iter()
                    .map(|place| (&place.name, place.entry)),
            )
            .chain(
                text.events
                    .iter()
                    .flat_map(|event| event.participants.iter())
                    .map(|party| (&party.name, party.entry)),
            );
        for (name, entry) in linked {
            let Some(entry) = entry else {
                continue;
            };
            by_name
                .entry(name.trim().to_lowercase())
                .and_modify(|known| {
                    if *known != Some(entry) {
                        *known = None;
                    }
                })
                .or_insert(Some(entry));
        }
        let by_event = text
            .events
            .iter()
            .filter_map(|event| {
                let date = event.date.map(|date| date.edtf());
                let names = event.participants.iter().map(|party| &party.name);
                let shape = event_shape(event.kind.label(), date.as_deref(), names)?;
                Some((shape, event.participants.iter().map(|p| p.entry).collect()))
            })
            .collect();
        Self {
            gazetteer,
            by_name,
            by_event,
        }
    }

    /// The parties of an event of the file, linked.
    fn parties(&self, event: &RecordEvent) -> Vec<Participant> {
        let names: Vec<&str> = event
            .participants
            .iter()
            .map(|name| name.trim())
            .filter(|name| !name.is_empty())
            .collect();
        let shape = event_shape(
            event.kind.as_deref().unwrap_or_default(),
            event.date.as_deref(),
            names.iter(),
        );
        let as_in_text = shape.and_then(|shape| self.by_event.get(&shape));
        names
            .iter()
            .enumerate()
            .map(|(index, name)| Participant {
                name: (*name).to_owned(),
                entry: match as_in_text.and_then(|entries| entries.get(index)) {
                    Some(&entry) => entry,
                    None => self.party(name),
                },
            })
            .collect()
    }

    /// The entry of a party named alone: never an economic region or a river, which are
    /// places only.
    fn party(&self, name: &str) -> Option<EntryId> {
        if let Some(&linked) = self.by_name.get(&name.trim().to_lowercase()) {
            return linked;
        }
        let mut parties = self.gazetteer.entries_named(name).iter().filter(|&&id| {
            self.gazetteer
                .entry(id)
                .is_some_and(|entry| entry.level != Level::Region)
        });
        match (parties.next(), parties.next()) {
            (Some(&only), None) => Some(only),
            _ => None,
        }
    }

    /// The entry of a place mention and every entry the name could be.
    fn place(&self, name: &str) -> (Option<EntryId>, Vec<EntryId>) {
        let candidates = self.gazetteer.entries_named(name).to_vec();
        let entry = match self.by_name.get(&name.trim().to_lowercase()) {
            Some(&linked) => linked,
            None => (candidates.len() == 1).then(|| candidates[0]),
        };
        (entry, candidates)
    }
}

/// Finds quoted sentences in a body: exactly, else ignoring white space (a sentence quoted
/// across a line break, or a body cleaned a little differently).
pub(super) struct Locator<'b> {
    body: &'b str,
    /// The body without white space, and for each of its bytes the body's offset of that
    /// byte; built on the first search that needs it.
    compact: std::cell::OnceCell<(String, Vec<usize>)>,
}

impl<'b> Locator<'b> {
    pub(super) fn new(body: &'b str) -> Self {
        Self {
            body,
            compact: std::cell::OnceCell::new(),
        }
    }

    /// Where `needle` stands in the body, the occurrence at or after `near` first.
    pub(super) fn find(&self, needle: &str, near: Option<usize>) -> Option<Range<usize>> {
        let needle = needle.trim();
        if needle.is_empty() {
            return None;
        }
        let from = near
            .filter(|&at| self.body.is_char_boundary(at))
            .unwrap_or(0);
        let exact = self
            .body
            .get(from..)
            .and_then(|rest| rest.find(needle))
            .map(|at| from + at)
            .or_else(|| self.body.find(needle));
        if let Some(start) = exact {
            return Some(start..start + needle.len());
        }
        self.find_ignoring_space(needle)
    }

    /// Where `needle` stands when white space is ignored on both sides.
    fn find_ignoring_space(&self, needle: &str) -> Option<Range<usize>> {
        let needle: String = needle.chars().filter(|c| !c.is_whitespace()).collect();
        if needle.is_empty() {
            return None;
        }
        let (compact, origin) = self.compact.get_or_init(|| {
            let mut compact = String::with_capacity(self.body.len());
            let mut origin = Vec::with_capacity(self.body.len());
            for (at, c) in self.body.char_indices() {
                if c.is_whitespace() {
                    continue;
                }
                compact.push(c);
                origin.extend((0..c.len_utf8()).map(|byte| at + byte));
            }
            (compact, origin)
        });
        let start = compact.find(&needle)?;
        let last = start + needle.len() - 1;
        Some(*origin.get(start)?..*origin.get(last)? + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_found_exactly_then_ignoring_white_space_and_never_made_up() {
        let body = "First line.\n\nWuxi and Xuzhou signed\nan agreement on Tuesday.\n\n无锡与徐州 签署协议。";
        let locator = Locator::new(body);
        let exact = locator.find("First line.", None).unwrap();
        assert_eq!(&body[exact], "First line.");
        let wrapped = locator
            .find("Wuxi and Xuzhou signed an agreement on Tuesday.", None)
            .unwrap();
        assert_eq!(
            &body[wrapped],
            "Wuxi and Xuzhou signed\nan agreement on Tuesday."
        );
        let chinese = locator.find("无锡与徐州签署协议。", None).unwrap();
        assert_eq!(&body[chinese], "无锡与徐州 签署协议。");
        assert_eq!(locator.find("Nanjing and Suzhou signed.", None), None);
        assert_eq!(locator.find("   ", None), None);
    }

    #[test]
    fn the_occurrence_near_the_given_range_is_taken() {
        let body = "They met. Later: They met.";
        let locator = Locator::new(body);
        assert_eq!(locator.find("They met.", None), Some(0..9));
        assert_eq!(locator.find("They met.", Some(17)), Some(17..26));
        // An offset inside a character or past the end falls back to the start.
        assert_eq!(locator.find("They met.", Some(1000)), Some(0..9));
    }

    #[test]
    fn a_name_is_linked_only_when_the_text_or_the_name_decides() {
        let gazetteer = Gazetteer::bundled();
        let links = Links::of(&Extraction::default(), gazetteer);
        let jiangning = links.party("Jiangning District").expect("one place");
        assert_eq!(
            gazetteer
                .entry(jiangning)
                .map(|entry| entry.name_zh.as_str()),
            Some("江宁区")
        );
        assert_eq!(links.party("Suzhou"), None, "two cities are Suzhou");
        assert_eq!(links.party("Jiangsu Venture Group"), None);
        // The text's own choice decides between them.
        let suzhou = gazetteer.entries_named("Suzhou")[0];
        let text = Extraction {
            places: vec![PlaceMention {
                range: 0..6,
                name: "Suzhou".to_owned(),
                entry: Some(suzhou),
                candidates: gazetteer.entries_named("Suzhou").to_vec(),
            }],
            ..Extraction::default()
        };
        assert_eq!(Links::of(&text, gazetteer).party("suzhou"), Some(suzhou));
    }

    #[test]
    fn places_are_mentions_of_the_names_the_record_lists_and_nothing_else() {
        let gazetteer = Gazetteer::bundled();
        let body = "Jiangning District and Lishui District met in Nanjing. Nanjingese food.";
        let links = Links::of(&Extraction::default(), gazetteer);
        let names = [
            "Jiangning District".to_owned(),
            "Nanjing".to_owned(),
            "Atlantis".to_owned(),
        ];
        let (mentions, page_places) = places(&names, &Extraction::default(), body, &links);
        let found: Vec<(&str, &str)> = mentions
            .iter()
            .map(|mention| (mention.name.as_str(), &body[mention.range.clone()]))
            .collect();
        assert_eq!(
            found,
            [
                ("Jiangning District", "Jiangning District"),
                ("Nanjing", "Nanjing")
            ]
        );
        assert!(page_places.is_empty());
        assert!(mentions[0].entry.is_some());
    }
}
