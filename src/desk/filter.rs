//! The one filter the timeline, the event table and the graph share, so that what an analyst
//! narrows down in one panel is what every panel shows.
//!
//! **Undated events and the period.** An event whose date has no year cannot be placed inside or
//! outside a period. With a period set, [`EventFilter::matches`] is false for it (the table and
//! the graph show only what the evidence puts in the period), but [`EventFilter::select`] still
//! lists it in [`Selection::undated`] whenever it passes the other criteria, so the timeline's
//! shelf shows it with a count and it is never dropped silently.

use std::collections::BTreeSet;

use super::needle::Needle;
use super::overview::{LevelBucket, level_bucket};
use super::party::PartyKey;
use super::time::{Day, span};
use crate::extract::{CorpusEvent, Gazetteer};
use crate::model::{BodyRef, Corpus, DocumentId, EventKind, Participant};

/// What the analyst has narrowed the events down to. The default lets everything through.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFilter {
    /// First and last day (inclusive). An event is in the period when the days its date can
    /// mean overlap it: "2020" is in a period of March 2020, because it may have been then.
    pub period: Option<(Day, Day)>,
    /// A party. A gazetteer entry matches events any participant of which is that entry or lies
    /// inside it (choosing Nanjing includes Jiangning District); a name matches unlinked
    /// participants with that normalised name.
    pub place: Option<PartyKey>,
    /// Event kinds to show; empty means every kind.
    pub kinds: BTreeSet<EventKind>,
    /// Fields of cooperation; an event matches when it names any of them. Empty means all.
    pub fields: BTreeSet<String>,
    /// Words to find (case-insensitive) in participant names, fields, the kind's label and the
    /// evidence sentences of every source. White space only means no text criterion.
    pub text: String,
    /// A level of place (the overview's by-level chart): events a party of which is at that
    /// level, or, for [`LevelBucket::Unlinked`], is not in the gazetteer.
    pub level: Option<LevelBucket>,
}

/// Where a filter finds the evidence sentences of an event's sources.
pub trait Bodies {
    /// The clean body of a document (or its evidence sentences), if it is loaded.
    fn body(&self, document_id: DocumentId) -> Option<BodyRef<'_>>;
}

impl Bodies for Corpus {
    fn body(&self, document_id: DocumentId) -> Option<BodyRef<'_>> {
        Corpus::body(self, document_id)
    }
}

/// No document bodies: the text criterion then looks at names, fields and kinds only.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoBodies;

impl Bodies for NoBodies {
    fn body(&self, _document_id: DocumentId) -> Option<BodyRef<'_>> {
        None
    }
}

/// What a filter needs besides the events: the gazetteer for containment, the bodies for text.
#[derive(Clone, Copy)]
pub struct FilterContext<'a> {
    /// For "lies inside" when the place is a gazetteer entry.
    pub gazetteer: &'a Gazetteer,
    /// For the evidence text of sources.
    pub bodies: &'a dyn Bodies,
}

/// The events a filter lets through, as indices into the events it was given, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Events that match: the table's rows and the graph's events. Without a period this
    /// includes undated events; with one it does not (see the module docs).
    pub matching: Vec<usize>,
    /// Events without a year (or without any date) that pass every criterion but the period:
    /// the timeline's shelf, whether or not a period is set.
    pub undated: Vec<usize>,
}

impl EventFilter {
    /// Whether the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        self.period.is_none()
            && self.place.is_none()
            && self.kinds.is_empty()
            && self.fields.is_empty()
            && self.text.trim().is_empty()
            && self.level.is_none()
    }

    /// Whether one event passes. For many events use [`Self::select`], which prepares the
    /// text search once.
    pub fn matches(&self, event: &CorpusEvent, context: &FilterContext<'_>) -> bool {
        let needle = Needle::new(&self.text);
        self.passes_except_period(event, needle.as_ref(), context) && self.in_period(event)
    }

    /// Applies the filter to every event: one pass, no allocation per event beyond the result.
    ///
    /// Measured on 30,000 generated events (release build, the 2-core development VM, where
    /// sorting 100,000 24-byte tuples takes 12 ms): 0.55 ms with no criteria, 1.6 ms with a
    /// place, two kinds and a period, 4.5 ms with text matched against names, fields and kinds
    /// (evidence sentences add in proportion to their length).
    pub fn select(&self, events: &[CorpusEvent], context: &FilterContext<'_>) -> Selection {
        let needle = Needle::new(&self.text);
        let mut selection = Selection::default();
        for (index, event) in events.iter().enumerate() {
            if !self.passes_except_period(event, needle.as_ref(), context) {
                continue;
            }
            if event_span(event).is_none() {
                selection.undated.push(index);
            }
            if self.in_period(event) {
                selection.matching.push(index);
            }
        }
        selection
    }

    /// [`Self::select`] by every criterion but the words (`text` is not looked at), over
    /// chunks of the events in parallel: the desk matches words against its own index, and
    /// 300,000 events are several milliseconds for one core. The same result as `select` with
    /// the text cleared.
    pub fn select_except_text(&self, events: &[CorpusEvent], gazetteer: &Gazetteer) -> Selection {
        use rayon::prelude::*;
        /// Events per task: large enough that the tasks' overhead is nothing beside them.
        const CHUNK: usize = 16_384;
        let parts: Vec<Selection> = events
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(chunk, part)| {
                let context = FilterContext {
                    gazetteer,
                    bodies: &NoBodies,
                };
                let offset = chunk * CHUNK;
                let mut selection = Selection::default();
                for (index, event) in part.iter().enumerate() {
                    if !self.passes_except_period(event, None, &context) {
                        continue;
                    }
                    if event_span(event).is_none() {
                        selection.undated.push(offset + index);
                    }
                    if self.in_period(event) {
                        selection.matching.push(offset + index);
                    }
                }
                selection
            })
            .collect();
        let mut selection = Selection {
            matching: Vec::with_capacity(parts.iter().map(|part| part.matching.len()).sum()),
            undated: Vec::new(),
        };
        for part in parts {
            selection.matching.extend(part.matching);
            selection.undated.extend(part.undated);
        }
        selection
    }

    /// Every criterion but the period, cheapest first.
    fn passes_except_period(
        &self,
        event: &CorpusEvent,
        needle: Option<&Needle>,
        context: &FilterContext<'_>,
    ) -> bool {
        let data = &event.event;
        if !self.kinds.is_empty() && !self.kinds.contains(&data.kind) {
            return false;
        }
        if !self.fields.is_empty() && !data.fields.iter().any(|f| self.fields.contains(f)) {
            return false;
        }
        if let Some(level) = self.level
            && !data
                .participants
                .iter()
                .any(|participant| level_bucket(participant.entry, context.gazetteer) == level)
        {
            return false;
        }
        if let Some(place) = &self.place
            && !data
                .participants
                .iter()
                .any(|participant| is_at(place, participant, context.gazetteer))
        {
            return false;
        }
        needle.is_none_or(|needle| mentions(event, needle, context.bodies))
    }

    /// Whether the event's date can fall in the period; always true without a period.
    fn in_period(&self, event: &CorpusEvent) -> bool {
        let Some((first, last)) = self.period else {
            return true;
        };
        event_span(event).is_some_and(|(start, end)| start <= last && end >= first)
    }
}

/// The days an event's date can mean, if it has a year.
pub fn event_span(event: &CorpusEvent) -> Option<(Day, Day)> {
    event.event.date.as_ref().and_then(span)
}

/// Whether `participant` is `place` or, for a gazetteer entry, lies inside it.
fn is_at(place: &PartyKey, participant: &Participant, gazetteer: &Gazetteer) -> bool {
    match (place, participant.entry) {
        (PartyKey::Entry(place), Some(entry)) => {
            entry == *place || gazetteer.contains(*place, entry)
        }
        _ => place.is(participant),
    }
}

/// Whether the needle is in a participant's name, a field, the kind's label or any evidence
/// sentence.
fn mentions(event: &CorpusEvent, needle: &Needle, bodies: &dyn Bodies) -> bool {
    let data = &event.event;
    data.participants.iter().any(|p| needle.is_in(&p.name))
        || data.fields.iter().any(|field| needle.is_in(field))
        || needle.is_in(data.kind.label())
        || event.sources.iter().any(|(document_id, ranges)| {
            bodies.body(*document_id).is_some_and(|body| {
                ranges
                    .iter()
                    .filter_map(|range| body.get(range.clone()))
                    .any(|sentence| needle.is_in(sentence))
            })
        })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::{Entry, Level};
    use crate::model::{
        DateResolution, DocPath, Document, DocumentMeta, Event, Extraction, Format, PartialDate,
        SourceId,
    };

    /// The bundled entry with this English base and level (e.g. "Nanjing", prefecture).
    pub(crate) fn entry(base: &str, level: Level) -> &'static Entry {
        Gazetteer::bundled()
            .entries()
            .iter()
            .find(|entry| entry.base == base && entry.level == level)
            .unwrap()
    }

    pub(crate) fn linked(base: &str, level: Level) -> Participant {
        let entry = entry(base, level);
        Participant {
            name: entry.full_name(),
            entry: Some(entry.id),
        }
    }

    pub(crate) fn unlinked(name: &str) -> Participant {
        Participant {
            name: name.to_owned(),
            entry: None,
        }
    }

    /// A hand-built corpus event with one source.
    pub(crate) fn event(
        kind: EventKind,
        participants: Vec<Participant>,
        date: Option<PartialDate>,
    ) -> CorpusEvent {
        CorpusEvent {
            event: Event {
                kind,
                participants,
                date,
                date_resolution: date.map(|_| DateResolution::Stated),
                fields: Vec::new(),
                evidence: std::iter::once(0..10).collect(),
                confidence: 0.9,
                sources: crate::model::EventSources::default(),
            },
            sources: vec![(DocumentId(1), std::iter::once(0..10).collect())],
        }
    }

    pub(crate) fn ymd(year: i32, month: u8, day: u8) -> Option<PartialDate> {
        PartialDate::ymd(year, month, day)
    }

    /// `count` made-up events that vary everything a filter, a lane or a node looks at: two or
    /// three parties (linked ones nested in each other, unlinked ones written two ways), kinds,
    /// fields, dates from a full day to none, in several documents. Deterministic.
    pub(crate) fn many_events(count: usize) -> Vec<CorpusEvent> {
        let places = [
            linked("Nanjing", Level::Prefecture),
            linked("Suzhou", Level::Prefecture),
            linked("Chengdu", Level::Prefecture),
            linked("Shanghai", Level::Province),
            linked("Jiangning", Level::County),
            unlinked("Huawei"),
            unlinked("huawei"),
            unlinked("Hefei City"),
            unlinked("Hefei"),
        ];
        let kinds = [
            EventKind::Agreement,
            EventKind::Meeting,
            EventKind::Alliance,
            EventKind::Visit,
            EventKind::Other,
        ];
        let fields = ["tourism", "biomedicine", "aerospace"];
        (0..count)
            .map(|index| {
                // A cheap deterministic scramble, so neighbours differ in every respect.
                let mix = index.wrapping_mul(2_654_435_761) >> 7;
                let parties = 2 + mix % 2;
                let participants = (0..parties)
                    .map(|k| places[(mix / 3 + k * (1 + index % 4)) % places.len()].clone())
                    .collect();
                let year = 2015 + i32::try_from(mix % 9).unwrap_or(0);
                let month = u8::try_from(1 + mix % 12).unwrap_or(1);
                let date = match mix % 7 {
                    0 => None,
                    1 => PartialDate::month_day(month, 3),
                    2 => Some(PartialDate {
                        year: Some(year),
                        month: None,
                        day: None,
                    }),
                    3 => PartialDate::year_month(year, month),
                    _ => ymd(year, month, u8::try_from(1 + mix % 28).unwrap_or(1)),
                };
                let mut event = event(kinds[mix % kinds.len()], participants, date);
                event.event.fields = vec![fields[index % fields.len()].to_owned()];
                event.sources = vec![(
                    DocumentId(u128::try_from(index / 3).unwrap_or(0)),
                    std::iter::once(0..10).collect(),
                )];
                event
            })
            .collect()
    }

    fn context(bodies: &dyn Bodies) -> FilterContext<'_> {
        FilterContext {
            gazetteer: Gazetteer::bundled(),
            bodies,
        }
    }

    fn corpus() -> Vec<CorpusEvent> {
        let nanjing = || linked("Nanjing", Level::Prefecture);
        let jiangning = || linked("Jiangning", Level::County);
        let chengdu = || linked("Chengdu", Level::Prefecture);
        let mut with_field = event(
            EventKind::Meeting,
            vec![chengdu(), unlinked("Huawei")],
            ymd(2021, 6, 1),
        );
        with_field.event.fields.push("digital economy".to_owned());
        vec![
            event(
                EventKind::Agreement,
                vec![jiangning(), chengdu()],
                ymd(2020, 3, 12),
            ),
            event(
                EventKind::Visit,
                vec![nanjing(), unlinked("Hefei City")],
                None,
            ),
            with_field,
            event(
                EventKind::Agreement,
                vec![unlinked("Hefei"), chengdu()],
                PartialDate::month_day(5, 7),
            ),
        ]
    }

    fn select(filter: &EventFilter) -> Selection {
        filter.select(&corpus(), &context(&NoBodies))
    }

    /// Filters that exercise every criterion but the words, for comparing ways of applying them.
    pub(crate) fn some_filters() -> Vec<EventFilter> {
        let day = |year, month, day| Day::from_ymd(year, month, day);
        vec![
            EventFilter::default(),
            EventFilter {
                kinds: [EventKind::Agreement, EventKind::Visit].into(),
                ..EventFilter::default()
            },
            EventFilter {
                place: Some(PartyKey::Entry(entry("Nanjing", Level::Prefecture).id)),
                ..EventFilter::default()
            },
            EventFilter {
                place: Some(PartyKey::name("Hefei")),
                period: Some((day(2017, 1, 1), day(2019, 6, 30))),
                ..EventFilter::default()
            },
            EventFilter {
                fields: ["tourism".to_owned()].into(),
                level: Some(LevelBucket::Unlinked),
                ..EventFilter::default()
            },
            EventFilter {
                period: Some((day(2015, 1, 1), day(2030, 12, 31))),
                ..EventFilter::default()
            },
        ]
    }

    #[test]
    fn selecting_in_parallel_chunks_equals_selecting_in_one_pass() {
        // More events than one chunk holds, so the chunks' offsets are tested.
        let events = many_events(40_000);
        for filter in some_filters() {
            let one_pass = filter.select(&events, &context(&NoBodies));
            assert_eq!(
                filter.select_except_text(&events, Gazetteer::bundled()),
                one_pass,
                "{filter:?}"
            );
            assert!(
                !one_pass.matching.is_empty() || filter.period.is_some(),
                "{filter:?}"
            );
        }
    }

    #[test]
    fn the_default_filter_lets_everything_through() {
        let selection = select(&EventFilter::default());
        assert_eq!(selection.matching, [0, 1, 2, 3]);
        assert_eq!(selection.undated, [1, 3]);
        assert!(EventFilter::default().is_empty());
    }

    #[test]
    fn choosing_a_city_includes_its_districts() {
        let nanjing = entry("Nanjing", Level::Prefecture).id;
        let filter = EventFilter {
            place: Some(PartyKey::Entry(nanjing)),
            ..EventFilter::default()
        };
        assert_eq!(select(&filter).matching, [0, 1]);
        let jiangning = entry("Jiangning", Level::County).id;
        let filter = EventFilter {
            place: Some(PartyKey::Entry(jiangning)),
            ..EventFilter::default()
        };
        assert_eq!(select(&filter).matching, [0]);
    }

    #[test]
    fn an_unlinked_party_is_chosen_by_its_normalised_name() {
        let filter = EventFilter {
            place: Some(PartyKey::name("hefei")),
            ..EventFilter::default()
        };
        assert_eq!(select(&filter).matching, [1, 3]);
    }

    #[test]
    fn kinds_and_fields_narrow_and_empty_sets_mean_all() {
        let filter = EventFilter {
            kinds: [EventKind::Agreement].into(),
            ..EventFilter::default()
        };
        assert_eq!(select(&filter).matching, [0, 3]);
        let filter = EventFilter {
            fields: ["digital economy".to_owned()].into(),
            ..EventFilter::default()
        };
        assert_eq!(select(&filter).matching, [2]);
    }

    #[test]
    fn a_period_keeps_overlapping_dates_and_shelves_undated_ones() {
        let day = Day::from_ymd;
        let filter = EventFilter {
            period: Some((day(2020, 1, 1), day(2020, 12, 31))),
            ..EventFilter::default()
        };
        let selection = select(&filter);
        assert_eq!(selection.matching, [0]);
        // Not dropped silently: the shelf still lists both undated events.
        assert_eq!(selection.undated, [1, 3]);
        let events = corpus();
        assert!(!filter.matches(&events[1], &context(&NoBodies)));

        // A year-only date overlaps a month inside it.
        let mut year_only = event(EventKind::Other, vec![unlinked("A")], None);
        year_only.event.date = Some(PartialDate {
            year: Some(2020),
            month: None,
            day: None,
        });
        let march = EventFilter {
            period: Some((day(2020, 3, 1), day(2020, 3, 31))),
            ..EventFilter::default()
        };
        assert!(march.matches(&year_only, &context(&NoBodies)));
    }

    #[test]
    fn text_finds_names_fields_kinds_and_evidence_case_insensitively() {
        let text = |text: &str| EventFilter {
            text: text.to_owned(),
            ..EventFilter::default()
        };
        assert_eq!(select(&text("HUAWEI")).matching, [2]);
        assert_eq!(select(&text("Digital")).matching, [2]);
        assert_eq!(select(&text("visit")).matching, [1]);
        assert_eq!(select(&text("  ")).matching, [0, 1, 2, 3]);

        let body = "Jiangning and Chengdu signed a 人工智能 pact.";
        let mut corpus_of_one = Corpus::default();
        corpus_of_one.add_document(Document {
            id: DocumentId::of_text(body),
            format: Format::Text,
            paths: vec![DocPath {
                source: SourceId(0),
                path: "a.txt".into(),
                relative: "a.txt".to_owned(),
            }],
            encoding: "UTF-8",
            read_warnings: Vec::new(),
            meta: DocumentMeta::default(),
            text: crate::model::Text::held(body.to_owned(), body.to_owned()),
            segments: Vec::new(),
            parts: Vec::new(),
            extraction: Extraction::default(),
        });
        let mut events = corpus();
        events[0].sources = vec![(
            DocumentId::of_text(body),
            std::iter::once(0..body.len()).collect(),
        )];
        let found = text("人工智能").select(&events, &context(&corpus_of_one));
        assert_eq!(found.matching, [0]);
        // Without bodies the evidence is not read.
        assert!(
            text("人工智能")
                .select(&events, &context(&NoBodies))
                .matching
                .is_empty()
        );
        // An evidence range that is not on a character boundary is passed over, not a panic.
        events[0].sources = vec![(DocumentId::of_text(body), std::iter::once(31..33).collect())];
        let found = text("人").select(&events, &context(&corpus_of_one));
        assert!(found.matching.is_empty());
    }
}
