//! Timeline rows: which lane each event goes in, which row within the lane so that bars do not
//! overlap, the shelf of events with no year, clusters for zoomed-out views and the range that
//! fits everything.
//!
//! Built from a [`Selection`] so the timeline shows exactly what the filter lets through. An
//! event without a year is never given a made-up date: it goes on the shelf.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::ops::Range;

use super::filter::{Selection, event_span};
use super::party::{PartyIndex, PartyKey};
use super::time::Day;
use crate::extract::{CorpusEvent, Gazetteer};
use crate::model::{DateResolution, EventKind};

/// The provisional lane of events that name no party, until lanes are numbered.
const NO_PARTY: usize = usize::MAX;

/// What the timeline's lanes stand for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LaneMode {
    /// One lane per party; an event appears in the lane of every participant.
    #[default]
    ByPlace,
    /// One lane per kind of event.
    ByKind,
}

/// What one lane stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LaneKey {
    /// A party (by place).
    Party(PartyKey),
    /// A kind of event.
    Kind(EventKind),
    /// Events that name no party at all (by place); kept so none is lost.
    NoParty,
}

/// One horizontal lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// What it stands for.
    pub key: LaneKey,
    /// Its name: the gazetteer's name for a linked place, the article's for others, the kind's
    /// label.
    pub label: String,
    /// Indices into [`Timeline::items`] in this lane, by start day.
    pub items: Vec<usize>,
    /// How many rows stacking needs.
    pub rows: usize,
    /// For each of `items`, the index of its placement in this lane in
    /// [`Timeline::placements`], so stacking writes rows without searching.
    slots: Vec<usize>,
}

/// Where an item is drawn in one lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// Index into [`Timeline::lanes`].
    pub lane: usize,
    /// Row within that lane, 0 at the top.
    pub row: usize,
}

/// One dated event on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineItem {
    /// Index into the events the timeline was built from.
    pub event: usize,
    /// First day the date can mean.
    pub start: Day,
    /// Last day (inclusive): the same as `start` for a full date, the month's or year's end for
    /// a vaguer one.
    pub end: Day,
    /// A full date: drawn as a point rather than a bar.
    pub is_point: bool,
    /// The year or more was not stated but taken from the page or the context: drawn as such.
    pub inferred: bool,
    /// The event's kind.
    pub kind: EventKind,
    /// Where its placements are in [`Timeline::placements`] (see
    /// [`Timeline::placements_of`]): every lane it is in, in lane order (one by kind; one per
    /// party by place, so the painter can join them).
    pub placements: Range<usize>,
}

/// Nearby items in one lane drawn as one mark when zoomed out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// First day of the first item.
    pub start: Day,
    /// Last day of the item that ends last.
    pub end: Day,
    /// How many items it holds.
    pub count: usize,
    /// Indices of their events, by start day.
    pub events: Vec<usize>,
}

/// Everything the timeline panel draws, as data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// Lanes by number of events, most first, then by label.
    pub lanes: Vec<Lane>,
    /// Dated events by start day, then end day, then event index.
    pub items: Vec<TimelineItem>,
    /// The items' placements, item after item (one allocation rather than one per item).
    pub placements: Vec<Placement>,
    /// Events without a year (or any date) that pass the filter, in event order; never on the
    /// axis.
    pub shelf: Vec<usize>,
}

impl Timeline {
    /// Lanes, items and rows for the selected events. `min_width_days` is the narrowest an item
    /// is drawn (a point needs room), so items closer than that stack; pass the current zoom's
    /// `min_px * days_per_px` and call [`Self::stack`] again when the zoom changes a lot.
    ///
    /// O(n log n) in the events (one sort of the items; lanes by counting sort). Measured on
    /// 30,000 generated events with 2–4 parties each (release build, the 2-core development
    /// VM shared with another build, best of 20): 8.5–9.3 ms by place (2,000–4,000 lanes),
    /// 3.9 ms by kind; [`Self::stack`] alone 1.4–1.9 ms.
    pub fn build(
        events: &[CorpusEvent],
        selection: &Selection,
        mode: LaneMode,
        gazetteer: &Gazetteer,
        min_width_days: f64,
    ) -> Self {
        // Events are read once, in their own order (memory order: reading them in date order
        // instead cost a cache miss per participant); lanes get provisional numbers here.
        let mut numbering = LaneNumbering::new(mode);
        let mut provisional: Vec<usize> = Vec::new();
        let mut items: Vec<TimelineItem> = Vec::with_capacity(selection.matching.len());
        for &index in &selection.matching {
            let Some(event) = events.get(index) else {
                continue;
            };
            let Some((start, end)) = event_span(event) else {
                continue;
            };
            let first = provisional.len();
            numbering.push_lanes(event, &mut provisional);
            items.push(item(event, index, start, end, first..provisional.len()));
        }
        items.sort_unstable_by_key(|item| (item.start, item.end, item.event));
        let mut placements = Vec::with_capacity(provisional.len());
        for item in &mut items {
            let lanes = provisional.get(item.placements.clone()).unwrap_or_default();
            let first = placements.len();
            placements.extend(lanes.iter().map(|&lane| Placement { lane, row: 0 }));
            item.placements = first..placements.len();
        }
        let keys = numbering.into_keys(gazetteer);
        Self::assembled(items, placements, selection, keys, min_width_days)
    }

    /// The timeline of `selection` cut from `all`, the timeline of every event (built by
    /// [`Self::build`] from the same `events` with the same `mode`): equal to building it
    /// afresh, without the work that grows fastest.
    ///
    /// `all`'s items are already in date order and its lanes already keyed, so a subset needs
    /// no sort of the items and no party lookups: one pass keeps the selected items, then the
    /// lanes are counted, ordered and stacked as [`Self::build`] does. A lane's label is taken
    /// again from its first selected event where it depends on how an article wrote the name
    /// (an unlinked party), since building afresh takes it from there.
    pub fn subset(
        all: &Self,
        events: &[CorpusEvent],
        selection: &Selection,
        gazetteer: &Gazetteer,
        min_width_days: f64,
    ) -> Self {
        let mut selected = vec![false; events.len()];
        for &index in &selection.matching {
            if let Some(slot) = selected.get_mut(index) {
                *slot = true;
            }
        }
        let is_selected = |item: &TimelineItem| selected.get(item.event).copied().unwrap_or(false);
        if all.items.iter().all(is_selected) {
            // Every dated event (a period around them all): the same lanes and rows.
            return Self {
                shelf: selection.undated.clone(),
                ..all.clone()
            };
        }
        // The lanes of `all` the subset uses, numbered in order of first sight, with the first
        // selected event in each (the one whose wording names an unlinked party).
        let mut number_of = vec![usize::MAX; all.lanes.len()];
        let mut used: Vec<(usize, usize)> = Vec::new();
        let mut items: Vec<TimelineItem> = Vec::new();
        let mut placements: Vec<Placement> = Vec::new();
        for item in &all.items {
            if !is_selected(item) {
                continue;
            }
            let first = placements.len();
            for placement in all.placements_of(item) {
                let Some(number) = number_of.get_mut(placement.lane) else {
                    continue;
                };
                if *number == usize::MAX {
                    *number = used.len();
                    used.push((placement.lane, item.event));
                } else if let Some(lane) = used.get_mut(*number) {
                    lane.1 = lane.1.min(item.event);
                }
                placements.push(Placement {
                    lane: *number,
                    row: 0,
                });
            }
            items.push(TimelineItem {
                placements: first..placements.len(),
                ..item.clone()
            });
        }
        let keys = used
            .iter()
            .filter_map(|&(lane, first_event)| {
                let lane = all.lanes.get(lane)?;
                let label = match &lane.key {
                    LaneKey::Party(party)
                        if party.entry().and_then(|e| gazetteer.entry(e)).is_none() =>
                    {
                        written_name(events.get(first_event), party)
                            .map_or_else(|| lane.label.clone(), |name| party.label(gazetteer, name))
                    }
                    _ => lane.label.clone(),
                };
                Some((lane.key.clone(), label))
            })
            .collect();
        Self::assembled(items, placements, selection, keys, min_width_days)
    }

    /// Numbers the lanes by count (most first), label and key, renumbers the placements and
    /// lists each lane's items.
    /// A timeline of these items and placements, with the selection's undated events on the
    /// shelf, its lanes labelled by `keys`, ordered and stacked.
    fn assembled(
        items: Vec<TimelineItem>,
        placements: Vec<Placement>,
        selection: &Selection,
        keys: Vec<(LaneKey, String)>,
        min_width_days: f64,
    ) -> Self {
        let mut timeline = Self {
            lanes: Vec::new(),
            items,
            placements,
            shelf: selection.undated.clone(),
        };
        timeline.order_lanes(keys);
        timeline.stack(min_width_days);
        timeline
    }

    fn order_lanes(&mut self, keys: Vec<(LaneKey, String)>) {
        let mut counts = vec![0; keys.len()];
        for placement in &mut self.placements {
            if placement.lane == NO_PARTY {
                // `into_keys` puts the no-party lane last.
                placement.lane = keys.len().saturating_sub(1);
            }
            counts[placement.lane] += 1;
        }
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by(|&a, &b| {
            counts[b]
                .cmp(&counts[a])
                .then_with(|| keys[a].1.cmp(&keys[b].1))
                .then_with(|| lane_key_order(&keys[a].0).cmp(&lane_key_order(&keys[b].0)))
        });
        let mut new_number = vec![0; keys.len()];
        for (new, &old) in order.iter().enumerate() {
            new_number[old] = new;
        }
        for item in &self.items {
            let Some(placements) = self.placements.get_mut(item.placements.clone()) else {
                continue;
            };
            for placement in placements.iter_mut() {
                placement.lane = new_number[placement.lane];
            }
            placements.sort_unstable_by_key(|placement| placement.lane);
        }
        // Each lane's items by a counting sort over all placements (in item order, so by start
        // day), rather than pushing to a thousand growing vectors in turn.
        let mut starts = vec![0; order.len() + 1];
        for (new, &old) in order.iter().enumerate() {
            starts[new + 1] = starts[new] + counts[old];
        }
        let mut cursor = starts.clone();
        let mut lane_items = vec![0; self.placements.len()];
        let mut lane_slots = vec![0; self.placements.len()];
        for (item_index, item) in self.items.iter().enumerate() {
            for slot in item.placements.clone() {
                let Some(placement) = self.placements.get(slot) else {
                    continue;
                };
                let at = cursor[placement.lane];
                lane_items[at] = item_index;
                lane_slots[at] = slot;
                cursor[placement.lane] += 1;
            }
        }
        let mut keys: Vec<Option<(LaneKey, String)>> = keys.into_iter().map(Some).collect();
        self.lanes = order
            .iter()
            .enumerate()
            .filter_map(|(new, &old)| {
                let (key, label) = keys.get_mut(old)?.take()?;
                let range = starts[new]..starts[new + 1];
                Some(Lane {
                    key,
                    label,
                    items: lane_items.get(range.clone())?.to_vec(),
                    rows: 0,
                    slots: lane_slots.get(range)?.to_vec(),
                })
            })
            .collect();
    }

    /// Assigns rows within each lane: items whose drawn extents overlap go to different rows,
    /// each to the lowest row free at its start (greedy interval packing over items in start
    /// order, so the same items always stack the same way). An item is drawn at least
    /// `min_width_days` wide.
    pub fn stack(&mut self, min_width_days: f64) {
        use rayon::prelude::*;
        let min_width_days = if min_width_days.is_finite() {
            min_width_days.max(0.0)
        } else {
            0.0
        };
        // Lanes stack independently: in parallel, each writing its rows to a list of its own.
        let items = &self.items;
        let stacked: Vec<(usize, Vec<(usize, usize)>)> = self
            .lanes
            .par_iter()
            .map(|lane| stack_lane(lane, items, min_width_days))
            .collect();
        for (lane, (rows, slot_rows)) in self.lanes.iter_mut().zip(stacked) {
            lane.rows = rows;
            for (slot, row) in slot_rows {
                if let Some(placement) = self.placements.get_mut(slot) {
                    placement.row = row;
                }
            }
        }
    }

    /// Items of one lane merged where they are less than `min_px` apart on screen at
    /// `days_per_px`, for drawing a zoomed-out lane as counts. Every item is in exactly one
    /// cluster; a cluster of one is just that item.
    pub fn clusters(&self, lane: usize, days_per_px: f64, min_px: f32) -> Vec<Cluster> {
        let gap_days = f64::from(min_px) * days_per_px;
        let mut clusters: Vec<Cluster> = Vec::new();
        let Some(lane) = self.lanes.get(lane) else {
            return clusters;
        };
        for item in lane.items.iter().filter_map(|&index| self.items.get(index)) {
            match clusters.last_mut() {
                Some(cluster) if item.start.as_f64() - (cluster.end.as_f64() + 1.0) < gap_days => {
                    cluster.end = cluster.end.max(item.end);
                    cluster.count += 1;
                    cluster.events.push(item.event);
                }
                _ => clusters.push(Cluster {
                    start: item.start,
                    end: item.end,
                    count: 1,
                    events: vec![item.event],
                }),
            }
        }
        clusters
    }

    /// The placements of one item: the lanes it is in, in lane order, with its row in each.
    pub fn placements_of(&self, item: &TimelineItem) -> &[Placement] {
        self.placements
            .get(item.placements.clone())
            .unwrap_or_default()
    }

    /// The range "zoom to fit" shows: see [`fit`].
    pub fn fit(&self) -> Option<(Day, Day)> {
        fit(&self.items)
    }
}

/// The first and last day of all items with a margin of 5% of the range on each side (at
/// least a week, so a single point is not drawn at the very edge); `None` without items.
pub fn fit(items: &[TimelineItem]) -> Option<(Day, Day)> {
    let start = items.iter().map(|item| item.start).min()?;
    let end = items.iter().map(|item| item.end).max()?;
    let margin = ((end.0 - start.0) / 20).max(7);
    Some((start.offset(-margin), end.offset(margin)))
}

/// Provisional lane numbers in order of first sight, before lanes are ordered by count.
struct LaneNumbering<'e> {
    mode: LaneMode,
    parties: PartyIndex<'e>,
    kinds: Vec<EventKind>,
    no_party: bool,
}

impl<'e> LaneNumbering<'e> {
    fn new(mode: LaneMode) -> Self {
        Self {
            mode,
            parties: PartyIndex::default(),
            kinds: Vec::new(),
            no_party: false,
        }
    }

    /// Appends the lanes of `event` to `lanes`, each once.
    fn push_lanes(&mut self, event: &'e CorpusEvent, lanes: &mut Vec<usize>) {
        let data = &event.event;
        let first = lanes.len();
        let mut place = |lane: usize| {
            // The same party twice in one event ("Wuxi", "Wuxi City") is one lane.
            if lanes[first..].iter().all(|&other| other != lane) {
                lanes.push(lane);
            }
        };
        match self.mode {
            LaneMode::ByKind => {
                let lane = self.kinds.iter().position(|&kind| kind == data.kind);
                place(lane.unwrap_or_else(|| {
                    self.kinds.push(data.kind);
                    self.kinds.len() - 1
                }));
            }
            LaneMode::ByPlace if data.participants.is_empty() => {
                self.no_party = true;
                place(NO_PARTY);
            }
            LaneMode::ByPlace => {
                for participant in &data.participants {
                    place(self.parties.number(participant));
                }
            }
        }
    }

    /// Each provisional lane's key and label, by number; the no-party lane, if used, last
    /// (standing for [`NO_PARTY`]).
    fn into_keys(self, gazetteer: &Gazetteer) -> Vec<(LaneKey, String)> {
        let mut keys: Vec<(LaneKey, String)> = match self.mode {
            LaneMode::ByKind => self
                .kinds
                .into_iter()
                .map(|kind| (LaneKey::Kind(kind), kind.label().to_owned()))
                .collect(),
            LaneMode::ByPlace => self
                .parties
                .into_parties()
                .into_iter()
                .map(|(key, name)| {
                    let label = key.label(gazetteer, name);
                    (LaneKey::Party(key), label)
                })
                .collect(),
        };
        if self.no_party {
            keys.push((LaneKey::NoParty, "No party named".to_owned()));
        }
        keys
    }
}

/// The item for a dated event spanning `start..=end`, with provisional placements.
fn item(
    event: &CorpusEvent,
    index: usize,
    start: Day,
    end: Day,
    placements: Range<usize>,
) -> TimelineItem {
    let data = &event.event;
    TimelineItem {
        event: index,
        start,
        end,
        is_point: data.date.is_some_and(|date| date.is_full()),
        inferred: data.date_resolution != Some(DateResolution::Stated),
        kind: data.kind,
        placements,
    }
}

/// One lane's rows (see [`Timeline::stack`]): how many it needs, and the row of each of its
/// placements as (slot in [`Timeline::placements`], row).
fn stack_lane(
    lane: &Lane,
    items: &[TimelineItem],
    min_width_days: f64,
) -> (usize, Vec<(usize, usize)>) {
    let mut busy: BinaryHeap<Reverse<BusyRow>> = BinaryHeap::new();
    let mut free: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
    let mut rows = 0;
    let mut slot_rows = Vec::with_capacity(lane.items.len());
    for (&item_index, &slot) in lane.items.iter().zip(&lane.slots) {
        let Some(item) = items.get(item_index) else {
            continue;
        };
        let start = item.start.as_f64();
        while let Some(Reverse(top)) = busy.peek()
            && top.until <= start
        {
            free.push(Reverse(top.row));
            busy.pop();
        }
        let row = free.pop().map_or_else(
            || {
                rows += 1;
                rows - 1
            },
            |Reverse(row)| row,
        );
        let until = (item.end.as_f64() + 1.0).max(start + min_width_days);
        busy.push(Reverse(BusyRow { until, row }));
        slot_rows.push((slot, row));
    }
    (rows, slot_rows)
}

/// How `event` writes `party`: its first participant that is that party (the name a lane of a
/// fresh build takes from the first event it numbers).
fn written_name<'e>(event: Option<&'e CorpusEvent>, party: &PartyKey) -> Option<&'e str> {
    event?
        .event
        .participants
        .iter()
        .find(|participant| party.is(participant))
        .map(|participant| participant.name.as_str())
}

/// Breaks ties between lanes with equal counts and labels, so the order never depends on
/// input order.
fn lane_key_order(key: &LaneKey) -> (u8, Option<&PartyKey>, Option<EventKind>) {
    match key {
        LaneKey::Party(party) => (0, Some(party), None),
        LaneKey::Kind(kind) => (1, None, Some(*kind)),
        LaneKey::NoParty => (2, None, None),
    }
}

/// A row that is taken until `until` (days, exclusive); ordered by `until`, then row.
#[derive(Clone, Copy, Debug, PartialEq)]
struct BusyRow {
    until: f64,
    row: usize,
}

impl Eq for BusyRow {}

impl PartialOrd for BusyRow {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for BusyRow {
    fn cmp(&self, other: &Self) -> Ordering {
        self.until
            .total_cmp(&other.until)
            .then(self.row.cmp(&other.row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::filter::tests::{event, linked, unlinked, ymd};
    use crate::desk::filter::{EventFilter, FilterContext, NoBodies};
    use crate::extract::Level;
    use crate::model::PartialDate;

    fn corpus() -> Vec<CorpusEvent> {
        let nanjing = || linked("Nanjing", Level::Prefecture);
        let chengdu = || linked("Chengdu", Level::Prefecture);
        let mut by_publication = event(
            EventKind::Visit,
            vec![nanjing(), unlinked("Hefei")],
            ymd(2020, 3, 12),
        );
        by_publication.event.date_resolution = Some(DateResolution::FromPublication);
        vec![
            event(
                EventKind::Agreement,
                vec![nanjing(), chengdu()],
                ymd(2020, 3, 12),
            ),
            by_publication,
            event(
                EventKind::Meeting,
                vec![chengdu(), unlinked("Huawei")],
                PartialDate::year_month(2021, 6),
            ),
            event(EventKind::Agreement, vec![unlinked("Hefei City")], None),
            event(
                EventKind::Agreement,
                vec![nanjing(), linked("Shanghai", Level::Province)],
                PartialDate::month_day(5, 7),
            ),
            event(
                EventKind::Other,
                vec![nanjing(), chengdu()],
                ymd(2020, 3, 20),
            ),
        ]
    }

    fn build(mode: LaneMode, min_width_days: f64) -> Timeline {
        let events = corpus();
        let context = FilterContext {
            gazetteer: Gazetteer::bundled(),
            bodies: &NoBodies,
        };
        let selection = EventFilter::default().select(&events, &context);
        Timeline::build(
            &events,
            &selection,
            mode,
            Gazetteer::bundled(),
            min_width_days,
        )
    }

    fn labels(timeline: &Timeline) -> Vec<&str> {
        timeline
            .lanes
            .iter()
            .map(|lane| lane.label.as_str())
            .collect()
    }

    /// (event, [(lane, row)]) for every item, in item order.
    fn rows(timeline: &Timeline) -> Vec<(usize, Vec<(usize, usize)>)> {
        timeline
            .items
            .iter()
            .map(|item| {
                let placements = timeline.placements_of(item);
                (
                    item.event,
                    placements.iter().map(|p| (p.lane, p.row)).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_timeline_cut_from_every_events_equals_one_built_for_the_selection() {
        use crate::desk::filter::tests::{many_events, some_filters};
        let events = many_events(3_000);
        let gazetteer = Gazetteer::bundled();
        let context = FilterContext {
            gazetteer,
            bodies: &NoBodies,
        };
        for mode in [LaneMode::ByPlace, LaneMode::ByKind] {
            let everything = EventFilter::default().select(&events, &context);
            let all = Timeline::build(&events, &everything, mode, gazetteer, 20.0);
            for filter in some_filters() {
                let selection = filter.select(&events, &context);
                let built = Timeline::build(&events, &selection, mode, gazetteer, 20.0);
                assert_eq!(
                    Timeline::subset(&all, &events, &selection, gazetteer, 20.0),
                    built,
                    "{mode:?}, {filter:?}"
                );
            }
            // An unlinked party's lane is named as its first selected event writes it.
            let later: Vec<usize> = everything
                .matching
                .iter()
                .copied()
                .filter(|&index| index % 2 == 1)
                .collect();
            let selection = Selection {
                matching: later,
                undated: Vec::new(),
            };
            assert_eq!(
                Timeline::subset(&all, &events, &selection, gazetteer, 20.0),
                Timeline::build(&events, &selection, mode, gazetteer, 20.0),
                "{mode:?}, odd events"
            );
        }
    }

    #[test]
    fn place_lanes_hold_every_participant_ordered_by_count_then_name() {
        let timeline = build(LaneMode::ByPlace, 5.0);
        assert_eq!(
            labels(&timeline),
            ["Chengdu City", "Nanjing City", "Hefei", "Huawei"]
        );
        assert_eq!(
            timeline
                .lanes
                .iter()
                .map(|lane| lane.items.len())
                .collect::<Vec<_>>(),
            [3, 3, 1, 1]
        );
        // Shanghai is only in an event without a year: no lane.
        assert_eq!(
            rows(&timeline),
            [
                (0, vec![(0, 0), (1, 0)]),
                (1, vec![(1, 1), (2, 0)]),
                (5, vec![(0, 0), (1, 0)]),
                (2, vec![(0, 0), (3, 0)]),
            ]
        );
    }

    #[test]
    fn items_say_whether_they_are_points_and_whether_their_date_was_inferred() {
        let timeline = build(LaneMode::ByPlace, 5.0);
        let first = &timeline.items[0];
        assert!(first.is_point && !first.inferred);
        assert_eq!(first.start, Day::from_ymd(2020, 3, 12));
        assert!(timeline.items[1].inferred);
        let month = &timeline.items[3];
        assert!(!month.is_point);
        assert_eq!(
            (month.start, month.end),
            (Day::from_ymd(2021, 6, 1), Day::from_ymd(2021, 6, 30))
        );
    }

    #[test]
    fn events_without_a_year_go_on_the_shelf_not_the_axis() {
        let timeline = build(LaneMode::ByPlace, 5.0);
        assert_eq!(timeline.shelf, [3, 4]);
        assert!(
            timeline
                .items
                .iter()
                .all(|item| ![3, 4].contains(&item.event))
        );
    }

    #[test]
    fn items_closer_than_the_minimum_width_stack_in_the_lowest_free_row() {
        // Drawn 10 days wide, the agreement of 12 March still covers 20 March.
        let mut timeline = build(LaneMode::ByPlace, 10.0);
        assert_eq!(rows(&timeline)[2], (5, vec![(0, 1), (1, 2)]));
        assert_eq!(timeline.lanes[1].rows, 3);
        // Zooming in frees the rows again.
        timeline.stack(1.0);
        assert_eq!(rows(&timeline)[2], (5, vec![(0, 0), (1, 0)]));
        assert_eq!(timeline.lanes[1].rows, 2);
    }

    #[test]
    fn kind_lanes_have_one_placement_each() {
        let timeline = build(LaneMode::ByKind, 5.0);
        assert_eq!(
            labels(&timeline),
            ["agreement", "meeting", "other", "visit"]
        );
        assert!(
            timeline
                .items
                .iter()
                .all(|item| timeline.placements_of(item).len() == 1)
        );
        assert_eq!(timeline.shelf, [3, 4]);
    }

    #[test]
    fn zoomed_out_items_merge_into_clusters() {
        let timeline = build(LaneMode::ByPlace, 5.0);
        let nanjing = 1;
        let wide = timeline.clusters(nanjing, 1.0, 10.0);
        assert_eq!(wide.len(), 1);
        assert_eq!(wide[0].count, 3);
        assert_eq!(wide[0].events, [0, 1, 5]);
        assert_eq!(wide[0].end, Day::from_ymd(2020, 3, 20));
        let close = timeline.clusters(nanjing, 1.0, 5.0);
        assert_eq!(close.iter().map(|c| c.count).collect::<Vec<_>>(), [2, 1]);
        assert!(timeline.clusters(99, 1.0, 5.0).is_empty());
    }

    #[test]
    fn fit_spans_every_item_with_a_margin() {
        let timeline = build(LaneMode::ByPlace, 5.0);
        let (start, end) = timeline.fit().unwrap();
        assert!(start < Day::from_ymd(2020, 3, 12) && end > Day::from_ymd(2021, 6, 30));
        assert_eq!(
            fit(&timeline.items[..1]),
            Some((Day::from_ymd(2020, 3, 5), Day::from_ymd(2020, 3, 19)))
        );
        assert_eq!(fit(&[]), None);
    }
}
