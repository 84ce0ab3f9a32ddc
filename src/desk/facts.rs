//! Each event's span, kind and parties' entries in flat arrays, made once per change of the
//! desk's events, so that passes over 300,000 events for one interaction read memory in order
//! rather than one scattered allocation per event.

use super::filter::event_span;
use super::time::Day;
use crate::extract::CorpusEvent;
use crate::model::{EntryId, EventKind};

/// What the overview reads of each event — its span, kind and parties' entries — laid out in
/// flat arrays, made once for a list of events and read by [`super::overview::Overview::build_from`] and
/// [`super::graph::Graph::build_from`].
///
/// Each event's participants live in an allocation of their own: with 300,000 events, every
/// pass that read them missed the cache once per event, and the three Overview charts that
/// look at parties took 60–90 ms together on the 2-core machine, mostly waiting for memory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFacts {
    spans: Vec<Option<(Day, Day)>>,
    kinds: Vec<EventKind>,
    /// Every event's participants' entries (`None`: unlinked), event after event.
    entries: Vec<Option<EntryId>>,
    /// Where each event's entries start in `entries`; one more than there are events.
    starts: Vec<usize>,
}

impl EventFacts {
    /// The facts of `events`, in parallel over chunks of them.
    pub fn of(events: &[CorpusEvent]) -> Self {
        use rayon::prelude::*;
        /// Events per task.
        const CHUNK: usize = 16_384;
        let parts: Vec<Self> = events
            .par_chunks(CHUNK)
            .map(|part| {
                let mut facts = Self::default();
                for event in part {
                    facts.starts.push(facts.entries.len());
                    facts.spans.push(event_span(event));
                    facts.kinds.push(event.event.kind);
                    facts
                        .entries
                        .extend(event.event.participants.iter().map(|p| p.entry));
                }
                facts
            })
            .collect();
        let mut facts = Self::default();
        for part in parts {
            let offset = facts.entries.len();
            facts
                .starts
                .extend(part.starts.iter().map(|start| start + offset));
            facts.spans.extend(part.spans);
            facts.kinds.extend(part.kinds);
            facts.entries.extend(part.entries);
        }
        facts.starts.push(facts.entries.len());
        facts
    }

    /// How many events the facts are of.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether they are of no events.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The days event `index`'s date can mean (`Some(None)`: no year); `None` past the end.
    pub fn span(&self, index: usize) -> Option<Option<(Day, Day)>> {
        self.spans.get(index).copied()
    }

    /// Event `index`'s kind; `None` past the end.
    pub fn kind(&self, index: usize) -> Option<EventKind> {
        self.kinds.get(index).copied()
    }

    /// The entries of event `index`'s participants (`None` for an unlinked one), in order;
    /// `None` past the end.
    pub fn entries_of(&self, index: usize) -> Option<&[Option<EntryId>]> {
        let start = *self.starts.get(index)?;
        let end = *self.starts.get(index + 1)?;
        self.entries.get(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_facts_hold_each_events_span_kind_and_entries_across_chunks() {
        // More events than one chunk, so the offsets of later chunks are tested.
        let events = crate::desk::filter::tests::many_events(40_000);
        let facts = EventFacts::of(&events);
        assert_eq!(facts.len(), events.len());
        for (index, event) in events.iter().enumerate() {
            let entries: Vec<Option<EntryId>> =
                event.event.participants.iter().map(|p| p.entry).collect();
            assert_eq!(facts.entries_of(index), Some(entries.as_slice()));
            assert_eq!(facts.spans[index], event_span(event));
            assert_eq!(facts.kinds[index], event.event.kind);
        }
        assert_eq!(facts.entries_of(events.len()), None);
    }
}
