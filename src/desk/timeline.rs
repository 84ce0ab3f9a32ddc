//! Timeline rows: which lane each event goes in, which row within the lane so that bars do not
//! overlap, the shelf of events with no year, clusters for zoomed-out views and the range that
//! fits everything.
//!
//! Built from a [`Selection`] so the timeline shows exactly what the filter lets through. An
//! event without a year is never given a made-up date: it goes on the shelf.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};

use super::filter::{Selection, event_span};
use super::party::PartyKey;
use super::time::Day;
use crate::extract::{CorpusEvent, Gazetteer};
use crate::model::{DateResolution, EventKind};

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
    /// Every lane it is in, in lane order (one by kind; one per party by place, so the painter
    /// can join them).
    pub placements: Vec<Placement>,
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
    /// Events without a year (or any date) that pass the filter, in event order; never on the
    /// axis.
    pub shelf: Vec<usize>,
}

impl Timeline {
    /// Lanes, items and rows for the selected events. `min_width_days` is the narrowest an item
    /// is drawn (a point needs room), so items closer than that stack; pass the current zoom's
    /// `min_px * days_per_px` and call [`Self::stack`] again when the zoom changes a lot.
    pub fn build(
        events: &[CorpusEvent],
        selection: &Selection,
        mode: LaneMode,
        gazetteer: &Gazetteer,
        min_width_days: f64,
    ) -> Self {
        let mut items: Vec<TimelineItem> = selection
            .matching
            .iter()
            .filter_map(|&index| item(events.get(index)?, index))
            .collect();
        items.sort_by_key(|item| (item.start, item.end, item.event));
        let mut timeline = Self {
            lanes: Vec::new(),
            items,
            shelf: selection.undated.clone(),
        };
        timeline.assign_lanes(events, mode, gazetteer);
        timeline.stack(min_width_days);
        timeline
    }

    /// Gives each item its lanes and orders the lanes by how many items they hold.
    fn assign_lanes(&mut self, events: &[CorpusEvent], mode: LaneMode, gazetteer: &Gazetteer) {
        let mut lane_of: HashMap<LaneKey, usize> = HashMap::new();
        let mut lanes: Vec<Lane> = Vec::new();
        for (item_index, item) in self.items.iter_mut().enumerate() {
            let Some(event) = events.get(item.event) else {
                continue;
            };
            for (key, name) in lane_keys(event, mode) {
                let lane = *lane_of.entry(key).or_insert_with_key(|key| {
                    lanes.push(Lane {
                        label: lane_label(key, name, gazetteer),
                        key: key.clone(),
                        items: Vec::new(),
                        rows: 0,
                    });
                    lanes.len() - 1
                });
                // The same party twice in one event ("Wuxi" and "Wuxi City") is one lane.
                if lanes[lane].items.last() != Some(&item_index) {
                    lanes[lane].items.push(item_index);
                    item.placements.push(Placement { lane, row: 0 });
                }
            }
        }
        let mut order: Vec<usize> = (0..lanes.len()).collect();
        order.sort_by(|&a, &b| compare_lanes(&lanes[a], &lanes[b]));
        let mut new_index = vec![0; lanes.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        for item in &mut self.items {
            for placement in &mut item.placements {
                placement.lane = new_index[placement.lane];
            }
            item.placements.sort_by_key(|placement| placement.lane);
        }
        let mut slots: Vec<Option<Lane>> = lanes.into_iter().map(Some).collect();
        self.lanes = order
            .iter()
            .filter_map(|&old| slots.get_mut(old).and_then(Option::take))
            .collect();
    }

    /// Assigns rows within each lane: items whose drawn extents overlap go to different rows,
    /// each to the lowest row free at its start (greedy interval packing over items in start
    /// order, so the same items always stack the same way). An item is drawn at least
    /// `min_width_days` wide.
    pub fn stack(&mut self, min_width_days: f64) {
        let min_width_days = if min_width_days.is_finite() {
            min_width_days.max(0.0)
        } else {
            0.0
        };
        for lane_index in 0..self.lanes.len() {
            let mut busy: BinaryHeap<Reverse<BusyRow>> = BinaryHeap::new();
            let mut free: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
            let mut rows = 0;
            for &item_index in &self.lanes[lane_index].items {
                let Some(item) = self.items.get_mut(item_index) else {
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
                if let Some(placement) = item
                    .placements
                    .iter_mut()
                    .find(|placement| placement.lane == lane_index)
                {
                    placement.row = row;
                }
            }
            self.lanes[lane_index].rows = rows;
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

/// The item for a dated event; `None` for one without a year (it belongs on the shelf).
fn item(event: &CorpusEvent, index: usize) -> Option<TimelineItem> {
    let (start, end) = event_span(event)?;
    let data = &event.event;
    Some(TimelineItem {
        event: index,
        start,
        end,
        is_point: data.date.is_some_and(|date| date.is_full()),
        inferred: data.date_resolution != Some(DateResolution::Stated),
        kind: data.kind,
        placements: Vec::new(),
    })
}

/// The lanes an event belongs in, each with the name the article gives (for labels).
fn lane_keys(event: &CorpusEvent, mode: LaneMode) -> Vec<(LaneKey, &str)> {
    let data = &event.event;
    match mode {
        LaneMode::ByKind => vec![(LaneKey::Kind(data.kind), data.kind.label())],
        LaneMode::ByPlace if data.participants.is_empty() => vec![(LaneKey::NoParty, "")],
        LaneMode::ByPlace => data
            .participants
            .iter()
            .map(|party| (LaneKey::Party(PartyKey::of(party)), party.name.as_str()))
            .collect(),
    }
}

fn lane_label(key: &LaneKey, name: &str, gazetteer: &Gazetteer) -> String {
    match key {
        LaneKey::Party(party) => party.label(gazetteer, name),
        LaneKey::Kind(kind) => kind.label().to_owned(),
        LaneKey::NoParty => "No party named".to_owned(),
    }
}

/// Most items first, then by label, then by key so that equal labels still order the same way.
fn compare_lanes(a: &Lane, b: &Lane) -> Ordering {
    b.items
        .len()
        .cmp(&a.items.len())
        .then_with(|| a.label.cmp(&b.label))
        .then_with(|| lane_key_order(&a.key).cmp(&lane_key_order(&b.key)))
}

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
                let placements = item.placements.iter().map(|p| (p.lane, p.row)).collect();
                (item.event, placements)
            })
            .collect()
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
        assert!(timeline.items.iter().all(|item| item.placements.len() == 1));
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
