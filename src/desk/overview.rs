//! The overview's numbers: events over time by kind, by province and by level, a matrix of
//! shared events between provinces (or the cities of one province), and measures of each
//! place in the relationship graph.
//!
//! Computed from the filter's selection, so the overview shows what every other panel shows;
//! every count keeps the events behind it, so a chart's mark can narrow the desk or list the
//! evidence. Nothing is dropped: events without a year, and events dated more coarsely than the
//! chart's bins, are counted beside the axis.

use super::facts::EventFacts;
use super::filter::{EventFilter, Selection};
use super::graph::Graph;
use super::network;
use super::party::PartyKey;
use super::time::{Day, days_in_month};
use crate::extract::{CorpusEvent, Gazetteer, Level};
use crate::model::{EntryId, EventKind};

/// The kinds in the order the charts stack them (the timeline legend's order).
pub const KINDS: [EventKind; 5] = [
    EventKind::Agreement,
    EventKind::Meeting,
    EventKind::Alliance,
    EventKind::Visit,
    EventKind::Other,
];

/// How wide one bar of the events-over-time chart is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bin {
    /// A calendar month (spans up to three years).
    Month,
    /// A quarter (spans up to ten years).
    Quarter,
    /// A year.
    Year,
}

impl Bin {
    /// The bin for events spanning the years `first..=last`: about 12–40 bars where possible.
    pub fn for_years(first: i32, last: i32) -> Self {
        match last - first {
            ..=2 => Self::Month,
            3..=9 => Self::Quarter,
            _ => Self::Year,
        }
    }

    /// The bin holding `day`: its first and last day.
    fn around(self, day: Day) -> (Day, Day) {
        let (year, month, _) = day.ymd();
        let (first_month, months) = match self {
            Self::Month => (month, 1),
            Self::Quarter => ((month - 1) / 3 * 3 + 1, 3),
            Self::Year => (1, 12),
        };
        let last_month = first_month + months - 1;
        (
            Day::from_ymd(year, first_month, 1),
            Day::from_ymd(year, last_month, days_in_month(year, last_month)),
        )
    }

    /// The bin's name on the axis ("2021-03", "2021 Q1", "2021").
    fn label(self, first: Day) -> String {
        let (year, month, _) = first.ymd();
        match self {
            Self::Month => format!("{year}-{month:02}"),
            Self::Quarter => format!("{year} Q{}", (month - 1) / 3 + 1),
            Self::Year => year.to_string(),
        }
    }

    /// What one bar stands for, in words ("month").
    pub fn name(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }
}

/// One bar of the events-over-time chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeBar {
    /// Its first and last day.
    pub period: (Day, Day),
    /// Its name on the axis.
    pub label: String,
    /// The events in it, per kind in [`KINDS`] order (indices into the desk's events).
    pub by_kind: [Vec<usize>; 5],
}

impl TimeBar {
    /// How many events the bar holds.
    pub fn total(&self) -> usize {
        self.by_kind.iter().map(Vec::len).sum()
    }
}

/// Events over time, stacked by kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OverTime {
    /// The bin width; `None` when no event is dated.
    pub bin: Option<Bin>,
    /// Every bin from the first dated event's to the last's, empty ones included.
    pub bars: Vec<TimeBar>,
    /// Events whose date has no year.
    pub undated: Vec<usize>,
    /// Events dated only more coarsely than a bin (a year when bars are months): placing
    /// them in one bar would invent a month.
    pub coarser: Vec<usize>,
}

/// One bar of a count chart (by province, by level).
#[derive(Clone, Debug, PartialEq)]
pub struct CountBar<K> {
    /// What it counts: a filter criterion.
    pub key: K,
    /// Its name.
    pub label: String,
    /// The events (indices into the desk's events).
    pub events: Vec<usize>,
}

/// The level buckets of the by-level chart: a gazetteer level, or parties the gazetteer does
/// not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LevelBucket {
    /// Places at this level.
    Level(Level),
    /// Companies, bodies and names the gazetteer does not know.
    Unlinked,
}

impl LevelBucket {
    /// Its name in the chart.
    pub fn label(self) -> &'static str {
        match self {
            Self::Level(Level::Province) => "province",
            Self::Level(Level::Prefecture) => "city",
            Self::Level(Level::County) => "district / county",
            Self::Level(Level::Zone) => "new area / zone",
            Self::Level(Level::Region) => "region",
            Self::Unlinked => "not in the gazetteer",
        }
    }
}

/// Shared events between units: provinces, or the cities of one province (the others by their
/// province).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matrix {
    /// The units in the rows and columns, most events first.
    pub units: Vec<(EntryId, String)>,
    /// The events two units share, `cells[row][column]`, symmetric; the diagonal holds events
    /// between two different parties of the same unit.
    pub cells: Vec<Vec<Vec<usize>>>,
    /// Whether the units are cities of one province (the place filter's).
    pub cities_of: Option<String>,
}

impl Matrix {
    /// The largest count of a cell, for the colour scale.
    pub fn max(&self) -> usize {
        self.cells
            .iter()
            .flat_map(|row| row.iter().map(Vec::len))
            .max()
            .unwrap_or(0)
    }
}

/// One place (a node of the relationship graph) and its measures.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceRow {
    /// Which party.
    pub key: PartyKey,
    /// Its name.
    pub label: String,
    /// Events it takes part in.
    pub events: usize,
    /// Parties it shares an event with.
    pub partners: usize,
    /// The sum of its ties' weights (shared events, counted per partner).
    pub weighted_degree: usize,
    /// Share of shortest paths between other parties that run through it (0–1).
    pub betweenness: f64,
    /// Its community, 0 the largest.
    pub community: usize,
}

/// Everything the overview tab draws.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    /// Events over time, by kind.
    pub over_time: OverTime,
    /// Events by the provinces their parties lie in (an event counts once per province).
    pub by_province: Vec<CountBar<EntryId>>,
    /// Events with no party in a province (zones of no province, unlinked parties only).
    pub no_province: Vec<usize>,
    /// Events by the levels of their parties (once per level).
    pub by_level: Vec<CountBar<LevelBucket>>,
    /// Shared events between provinces (or a province's cities).
    pub matrix: Matrix,
    /// The graph's places, in the graph's order (most events first).
    pub places: Vec<PlaceRow>,
    /// How many communities the places fall into.
    pub communities: usize,
}

impl Overview {
    /// The overview of the selected events. `graph` is the desk's relationship graph of the
    /// same selection; `filter` says whether a province is chosen (the matrix then shows its
    /// cities).
    pub fn build(
        events: &[CorpusEvent],
        selection: &Selection,
        filter: &EventFilter,
        graph: &Graph,
        gazetteer: &Gazetteer,
    ) -> Self {
        Self::build_from(&EventFacts::of(events), selection, filter, graph, gazetteer)
    }

    /// [`Self::build`] from the facts of the events, which the desk keeps for its events.
    ///
    /// Linear in the selected events and their parties (no set or search per event), reading
    /// flat arrays, and the four charts are built in parallel: with 300,000 events and no
    /// filter this took 107 ms on the 2-core machine when each event made its own sets, looked
    /// its bar up by name and read its parties where they lie; see the README's bench table
    /// for what it takes now.
    pub fn build_from(
        facts: &EventFacts,
        selection: &Selection,
        filter: &EventFilter,
        graph: &Graph,
        gazetteer: &Gazetteer,
    ) -> Self {
        let selected = selected_events(selection);
        let selected = selected.as_slice();
        let ((over_time, by_level), ((by_province, no_province), (matrix, (places, communities)))) =
            rayon::join(
                || {
                    rayon::join(
                        || over_time(facts, selected),
                        || by_level(facts, selected, gazetteer),
                    )
                },
                || {
                    rayon::join(
                        || by_province(facts, selected, gazetteer),
                        || {
                            rayon::join(
                                || matrix(facts, selected, filter, gazetteer),
                                || place_rows(graph),
                            )
                        },
                    )
                },
            );
        Self {
            over_time,
            by_province,
            no_province,
            by_level,
            matrix,
            places,
            communities,
        }
    }
}

/// Every selected event once, in order: the matching ones and those without a year. Both lists
/// are in event order, so this is a merge, not a set of 300,000 numbers.
fn selected_events(selection: &Selection) -> Vec<usize> {
    let mut selected = Vec::with_capacity(selection.matching.len() + selection.undated.len());
    selected.extend_from_slice(&selection.matching);
    selected.extend_from_slice(&selection.undated);
    // Two sorted runs: the stable sort merges them in linear time (and sorts anything else).
    selected.sort();
    selected.dedup();
    selected
}

/// Bins the dated events; counts the others beside the axis.
fn over_time(facts: &EventFacts, selected: &[usize]) -> OverTime {
    let mut result = OverTime::default();
    let spans: Vec<(usize, Option<(Day, Day)>)> = selected
        .iter()
        .filter_map(|&index| Some((index, facts.span(index)?)))
        .collect();
    // The first and last day, then their years (a day's year grows with the day, so this is
    // the range of the years, with two calendar conversions rather than two per event).
    let days = spans.iter().filter_map(|(_, span)| *span);
    let Some((first_day, last_day)) = days.fold(None, |range: Option<(Day, Day)>, (a, b)| {
        Some(range.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))))
    }) else {
        result.undated = spans.iter().map(|(index, _)| *index).collect();
        return result;
    };
    let (first_year, last_year) = (first_day.ymd().0, last_day.ymd().0);
    let bin = Bin::for_years(first_year, last_year);
    result.bin = Some(bin);
    let mut start = bin.around(Day::from_ymd(first_year, 1, 1)).0;
    let end = Day::from_ymd(last_year, 12, 31);
    // Bars from the first year's start to the last year's end, trimmed to the dated events.
    while start <= end {
        let period = bin.around(start);
        result.bars.push(TimeBar {
            period,
            label: bin.label(period.0),
            by_kind: Default::default(),
        });
        start = period.1.offset(1);
    }
    for (index, span) in spans {
        let Some((first, last)) = span else {
            result.undated.push(index);
            continue;
        };
        // The bars are consecutive and in order: the one that starts last at or before `first`
        // is the only one that can hold the event.
        let at = result
            .bars
            .partition_point(|bar| bar.period.0 <= first)
            .checked_sub(1);
        let bar = at
            .and_then(|at| result.bars.get_mut(at))
            .filter(|bar| last <= bar.period.1);
        let kind = facts.kind(index).unwrap_or(EventKind::Other);
        let slot = KINDS
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(KINDS.len() - 1);
        match bar {
            Some(bar) => bar.by_kind[slot].push(index),
            None => result.coarser.push(index),
        }
    }
    let first_used = result.bars.iter().position(|bar| bar.total() > 0);
    let last_used = result.bars.iter().rposition(|bar| bar.total() > 0);
    match (first_used, last_used) {
        (Some(first), Some(last)) => {
            result.bars.truncate(last + 1);
            result.bars.drain(..first);
        }
        _ => result.bars.clear(),
    }
    result
}

/// What an entry maps to, looked up once per entry rather than once per participant (a walk
/// up the gazetteer's lineage for every party of 300,000 events adds up).
struct PerEntry<T: Copy> {
    known: Vec<Option<T>>,
}

impl<T: Copy> PerEntry<T> {
    fn new() -> Self {
        Self { known: Vec::new() }
    }

    /// The value for `entry`, computed by `find` the first time.
    fn get(&mut self, entry: EntryId, find: impl FnOnce(EntryId) -> T) -> T {
        let slot = entry.0 as usize;
        if self.known.len() <= slot {
            self.known.resize(slot + 1, None);
        }
        *self.known[slot].get_or_insert_with(|| find(entry))
    }

    /// Records the value for `entry`.
    fn set(&mut self, entry: EntryId, value: T) {
        let slot = entry.0 as usize;
        if self.known.len() <= slot {
            self.known.resize(slot + 1, None);
        }
        self.known[slot] = Some(value);
    }
}

/// Events per province (an event once per province its parties lie in), most first; and the
/// events with no party in any province.
fn by_province(
    facts: &EventFacts,
    selected: &[usize],
    gazetteer: &Gazetteer,
) -> (Vec<CountBar<EntryId>>, Vec<usize>) {
    let mut bars: Vec<CountBar<EntryId>> = Vec::new();
    let mut bar_of: PerEntry<Option<usize>> = PerEntry::new();
    let mut province_of = PerEntry::new();
    let mut none = Vec::new();
    let mut provinces: Vec<EntryId> = Vec::new();
    for &index in selected {
        let Some(entries) = facts.entries_of(index) else {
            continue;
        };
        provinces.clear();
        provinces.extend(
            entries.iter().filter_map(|entry| {
                province_of.get((*entry)?, |entry| gazetteer.province_of(entry))
            }),
        );
        provinces.sort_unstable();
        provinces.dedup();
        if provinces.is_empty() {
            none.push(index);
        }
        for &province in &provinces {
            let bar = match bar_of.get(province, |_| None) {
                Some(bar) => bar,
                None => {
                    bars.push(CountBar {
                        key: province,
                        label: entry_name(gazetteer, province),
                        events: Vec::new(),
                    });
                    bar_of.set(province, Some(bars.len() - 1));
                    bars.len() - 1
                }
            };
            bars[bar].events.push(index);
        }
    }
    sort_bars(&mut bars);
    (bars, none)
}

/// Events per level of their parties (once per level), from province down.
fn by_level(
    facts: &EventFacts,
    selected: &[usize],
    gazetteer: &Gazetteer,
) -> Vec<CountBar<LevelBucket>> {
    let mut bars: Vec<CountBar<LevelBucket>> = Vec::new();
    let mut levels: Vec<LevelBucket> = Vec::new();
    for &index in selected {
        let Some(entries) = facts.entries_of(index) else {
            continue;
        };
        levels.clear();
        levels.extend(entries.iter().map(|entry| level_bucket(*entry, gazetteer)));
        levels.sort_unstable();
        levels.dedup();
        for &level in &levels {
            match bars.iter_mut().find(|bar| bar.key == level) {
                Some(bar) => bar.events.push(index),
                None => bars.push(CountBar {
                    key: level,
                    label: level.label().to_owned(),
                    events: vec![index],
                }),
            }
        }
    }
    bars.sort_by_key(|bar| bar.key);
    bars
}

/// The level bucket of a participant's entry.
pub fn level_bucket(entry: Option<EntryId>, gazetteer: &Gazetteer) -> LevelBucket {
    entry
        .and_then(|entry| gazetteer.entry(entry))
        .map_or(LevelBucket::Unlinked, |entry| {
            LevelBucket::Level(entry.level)
        })
}

/// Most events first, then by name.
fn sort_bars<K>(bars: &mut [CountBar<K>]) {
    bars.sort_by(|a, b| {
        b.events
            .len()
            .cmp(&a.events.len())
            .then_with(|| a.label.cmp(&b.label))
    });
}

/// The province × province matrix, or, when the place filter is a province, the matrix of its
/// cities (places elsewhere by their province).
///
/// Units are numbered in order of first sight and counted as the pairs are found, so the work
/// is linear in the events' pairs of parties.
fn matrix(
    facts: &EventFacts,
    selected: &[usize],
    filter: &EventFilter,
    gazetteer: &Gazetteer,
) -> Matrix {
    let chosen = filter
        .place
        .as_ref()
        .and_then(PartyKey::entry)
        .filter(|entry| {
            gazetteer
                .entry(*entry)
                .is_some_and(|entry| entry.level == Level::Province)
        });
    let unit_of = |entry: EntryId| -> Option<EntryId> {
        let province = gazetteer.province_of(entry)?;
        if Some(province) != chosen {
            return Some(province);
        }
        // Inside the chosen province: the city, or a district or zone directly under it.
        gazetteer
            .lineage(entry)
            .take_while(|place| place.id != province)
            .last()
            .map(|place| place.id)
    };
    let mut units_of = PerEntry::new();
    // Units by number (order of first sight), with how many pairs each is in.
    let mut units: Vec<EntryId> = Vec::new();
    let mut totals: Vec<usize> = Vec::new();
    let mut number_of: PerEntry<Option<usize>> = PerEntry::new();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    // Each linked party's entry and unit; two parties in one unit make its diagonal cell.
    let mut per_party: Vec<(EntryId, EntryId)> = Vec::new();
    let mut seen: Vec<(EntryId, EntryId)> = Vec::new();
    for &index in selected {
        let Some(entries) = facts.entries_of(index) else {
            continue;
        };
        per_party.clear();
        per_party.extend(entries.iter().filter_map(|entry| {
            let entry = (*entry)?;
            Some((entry, units_of.get(entry, unit_of)?))
        }));
        per_party.sort_unstable();
        per_party.dedup();
        seen.clear();
        for (i, (_, a)) in per_party.iter().enumerate() {
            for (_, b) in &per_party[i + 1..] {
                seen.push(if a <= b { (*a, *b) } else { (*b, *a) });
            }
        }
        seen.sort_unstable();
        seen.dedup();
        for &(a, b) in &seen {
            let mut number = |unit: EntryId| {
                number_of.get(unit, |_| None).unwrap_or_else(|| {
                    units.push(unit);
                    totals.push(0);
                    number_of.set(unit, Some(units.len() - 1));
                    units.len() - 1
                })
            };
            let (a, b) = (number(a), number(b));
            totals[a] += 1;
            if b != a {
                totals[b] += 1;
            }
            pairs.push((a, b, index));
        }
    }
    let names: Vec<String> = units
        .iter()
        .map(|&unit| entry_name(gazetteer, unit))
        .collect();
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by(|&a, &b| {
        totals[b]
            .cmp(&totals[a])
            .then_with(|| names[a].cmp(&names[b]))
    });
    let mut row_of = vec![0; units.len()];
    for (row, &number) in order.iter().enumerate() {
        row_of[number] = row;
    }
    let mut cells = vec![vec![Vec::new(); units.len()]; units.len()];
    for (a, b, index) in pairs {
        let (row, column) = (row_of[a], row_of[b]);
        cells[row][column].push(index);
        if row != column {
            cells[column][row].push(index);
        }
    }
    Matrix {
        units: order
            .into_iter()
            .map(|number| (units[number], names[number].clone()))
            .collect(),
        cells,
        cities_of: chosen.map(|province| entry_name(gazetteer, province)),
    }
}

/// The graph's nodes with their measures, and the number of communities.
fn place_rows(graph: &Graph) -> (Vec<PlaceRow>, usize) {
    let adjacency = network::adjacency(graph);
    let betweenness = network::betweenness(&adjacency);
    let communities = network::communities(&adjacency);
    let rows = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(index, node)| PlaceRow {
            key: node.key.clone(),
            label: node.label.clone(),
            events: node.weight,
            partners: adjacency[index].len(),
            weighted_degree: adjacency[index]
                .iter()
                .map(|(_, weight)| *weight as usize)
                .sum(),
            betweenness: betweenness[index],
            community: communities[index],
        })
        .collect();
    let count = communities.iter().max().map_or(0, |max| max + 1);
    (rows, count)
}

/// A gazetteer entry's name as panels show it.
fn entry_name(gazetteer: &Gazetteer, entry: EntryId) -> String {
    gazetteer
        .entry(entry)
        .map_or_else(|| format!("#{}", entry.0), |entry| entry.party_name())
}

/// The overview's charts as CSV, for File → Export and the charts' CSV buttons: one table per
/// chart, each a header row and its rows.
pub mod csv {
    use super::{KINDS, Overview};

    /// Events over time: one row per bar, a column per kind; then the undated and coarser
    /// counts as rows of their own.
    pub fn over_time(overview: &Overview) -> Vec<Vec<String>> {
        let mut rows = vec![
            ["period", "first_day", "last_day"]
                .into_iter()
                .map(str::to_owned)
                .chain(KINDS.iter().map(|kind| kind.label().to_owned()))
                .chain(["total".to_owned()])
                .collect(),
        ];
        for bar in &overview.over_time.bars {
            let mut row = vec![
                bar.label.clone(),
                day_text(bar.period.0),
                day_text(bar.period.1),
            ];
            row.extend(bar.by_kind.iter().map(|events| events.len().to_string()));
            row.push(bar.total().to_string());
            rows.push(row);
        }
        let blank = || vec![String::new(); KINDS.len()];
        for (label, events) in [
            ("year unknown", &overview.over_time.undated),
            (
                "dated more coarsely than a bar",
                &overview.over_time.coarser,
            ),
        ] {
            let mut row = vec![label.to_owned(), String::new(), String::new()];
            row.extend(blank());
            row.push(events.len().to_string());
            rows.push(row);
        }
        rows
    }

    /// Events by province, then by level.
    pub fn by_place(overview: &Overview) -> Vec<Vec<String>> {
        let mut rows = vec![vec!["chart".into(), "bar".into(), "events".into()]];
        for bar in &overview.by_province {
            rows.push(vec![
                "province".into(),
                bar.label.clone(),
                bar.events.len().to_string(),
            ]);
        }
        if !overview.no_province.is_empty() {
            rows.push(vec![
                "province".into(),
                "(no province)".into(),
                overview.no_province.len().to_string(),
            ]);
        }
        for bar in &overview.by_level {
            rows.push(vec![
                "level".into(),
                bar.label.clone(),
                bar.events.len().to_string(),
            ]);
        }
        rows
    }

    /// The matrix: a header of units, then a row per unit.
    pub fn matrix(overview: &Overview) -> Vec<Vec<String>> {
        let matrix = &overview.matrix;
        let mut rows = vec![
            std::iter::once(String::new())
                .chain(matrix.units.iter().map(|(_, name)| name.clone()))
                .collect::<Vec<_>>(),
        ];
        for (row, (_, name)) in matrix.units.iter().enumerate() {
            rows.push(
                std::iter::once(name.clone())
                    .chain(matrix.cells[row].iter().map(|cell| cell.len().to_string()))
                    .collect(),
            );
        }
        rows
    }

    /// The places and their measures.
    pub fn places(overview: &Overview) -> Vec<Vec<String>> {
        let mut rows = vec![
            [
                "place",
                "events",
                "partners",
                "weighted_degree",
                "betweenness",
                "community",
            ]
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>(),
        ];
        for place in &overview.places {
            rows.push(vec![
                place.label.clone(),
                place.events.to_string(),
                place.partners.to_string(),
                place.weighted_degree.to_string(),
                format!("{:.4}", place.betweenness),
                (place.community + 1).to_string(),
            ]);
        }
        rows
    }

    fn day_text(day: crate::desk::time::Day) -> String {
        let (year, month, day) = day.ymd();
        format!("{year:04}-{month:02}-{day:02}")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::desk::filter::event_span;
    use crate::model::{Event, PartialDate, Participant};

    /// A participant linked to the gazetteer entry of this Chinese name.
    fn place(gazetteer: &Gazetteer, name_zh: &str) -> Participant {
        let entry = gazetteer
            .entries()
            .iter()
            .find(|entry| entry.name_zh == name_zh)
            .unwrap_or_else(|| panic!("{name_zh} is in the gazetteer"));
        Participant {
            name: entry.party_name(),
            entry: Some(entry.id),
        }
    }

    fn event(kind: EventKind, date: Option<PartialDate>, parties: Vec<Participant>) -> CorpusEvent {
        CorpusEvent {
            event: Event {
                kind,
                date,
                participants: parties,
                date_resolution: None,
                fields: Vec::new(),
                evidence: Vec::new(),
                confidence: 1.0,
                sources: Default::default(),
            },
            sources: Vec::new(),
        }
    }

    fn date(year: i32, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
        Some(PartialDate {
            year: Some(year),
            month,
            day,
        })
    }

    fn all(events: &[CorpusEvent]) -> Selection {
        let matching: Vec<usize> = (0..events.len()).collect();
        let undated = events
            .iter()
            .enumerate()
            .filter(|(_, event)| event_span(event).is_none())
            .map(|(index, _)| index)
            .collect();
        Selection { matching, undated }
    }

    fn build(events: &[CorpusEvent], filter: &EventFilter) -> Overview {
        let gazetteer = Gazetteer::bundled();
        let selection = all(events);
        let graph = Graph::build(events, &selection.matching, None, gazetteer);
        Overview::build(events, &selection, filter, &graph, gazetteer)
    }

    /// Jiangning–Suzhou twice (agreement, meeting), Nanjing–Shanghai once, one undated
    /// Jiangning–Lishui agreement and one dated only to 2021.
    fn sample() -> Vec<CorpusEvent> {
        let g = Gazetteer::bundled();
        vec![
            event(
                EventKind::Agreement,
                date(2020, Some(3), Some(5)),
                vec![place(g, "江宁区"), place(g, "苏州市")],
            ),
            event(
                EventKind::Meeting,
                date(2020, Some(3), Some(20)),
                vec![place(g, "江宁区"), place(g, "苏州市")],
            ),
            event(
                EventKind::Agreement,
                date(2021, Some(7), None),
                vec![place(g, "南京市"), place(g, "上海市")],
            ),
            event(
                EventKind::Agreement,
                Some(PartialDate {
                    year: None,
                    month: Some(5),
                    day: Some(7),
                }),
                vec![place(g, "江宁区"), place(g, "溧水区")],
            ),
            event(
                EventKind::Visit,
                date(2021, None, None),
                vec![place(g, "苏州市"), place(g, "上海市")],
            ),
        ]
    }

    #[test]
    fn bins_follow_the_span_of_the_dates() {
        assert_eq!(Bin::for_years(2020, 2021), Bin::Month);
        assert_eq!(Bin::for_years(2015, 2021), Bin::Quarter);
        assert_eq!(Bin::for_years(2001, 2021), Bin::Year);
    }

    #[test]
    fn events_over_time_stack_by_kind_and_keep_the_undated_and_the_coarse_beside() {
        let overview = build(&sample(), &EventFilter::default());
        let over_time = &overview.over_time;
        assert_eq!(over_time.bin, Some(Bin::Month));
        assert_eq!(
            over_time.bars.first().map(|bar| bar.label.as_str()),
            Some("2020-03")
        );
        assert_eq!(
            over_time.bars.last().map(|bar| bar.label.as_str()),
            Some("2021-07")
        );
        assert_eq!(
            over_time.bars.len(),
            17,
            "March 2020 to July 2021, empty months kept"
        );
        let march = &over_time.bars[0];
        assert_eq!(march.by_kind[0], vec![0], "the agreement");
        assert_eq!(march.by_kind[1], vec![1], "the meeting");
        assert_eq!(over_time.undated, vec![3]);
        assert_eq!(over_time.coarser, vec![4], "a year is not put in a month");
        let counted: usize = over_time.bars.iter().map(TimeBar::total).sum::<usize>()
            + over_time.undated.len()
            + over_time.coarser.len();
        assert_eq!(counted, 5, "every event counted once");
    }

    #[test]
    fn provinces_and_levels_count_each_event_once_per_bar() {
        let overview = build(&sample(), &EventFilter::default());
        let names: Vec<(&str, usize)> = overview
            .by_province
            .iter()
            .map(|bar| (bar.label.as_str(), bar.events.len()))
            .collect();
        // Jiangsu: all five (Jiangning, Suzhou, Nanjing are in it); Shanghai: two.
        assert_eq!(
            names,
            vec![("Jiangsu Province", 5), ("Shanghai Municipality", 2)]
        );
        let levels: Vec<(&str, usize)> = overview
            .by_level
            .iter()
            .map(|bar| (bar.label.as_str(), bar.events.len()))
            .collect();
        assert_eq!(
            levels,
            vec![("province", 2), ("city", 4), ("district / county", 3)]
        );
    }

    #[test]
    fn the_matrix_pairs_provinces_and_a_chosen_province_shows_its_cities() {
        let events = sample();
        let overview = build(&events, &EventFilter::default());
        let matrix = &overview.matrix;
        let names: Vec<&str> = matrix.units.iter().map(|(_, name)| name.as_str()).collect();
        assert_eq!(names, vec!["Jiangsu Province", "Shanghai Municipality"]);
        assert_eq!(matrix.cells[0][0], vec![0, 1, 3], "within Jiangsu");
        assert_eq!(matrix.cells[0][1], vec![2, 4]);
        assert_eq!(matrix.cells[1][0], vec![2, 4]);
        assert_eq!(matrix.max(), 3);

        let g = Gazetteer::bundled();
        let jiangsu = overview.by_province[0].key;
        let filter = EventFilter {
            place: Some(PartyKey::Entry(jiangsu)),
            ..EventFilter::default()
        };
        let cities = build(&events, &filter).matrix;
        assert_eq!(cities.cities_of.as_deref(), Some("Jiangsu Province"));
        let names: BTreeSet<&str> = cities.units.iter().map(|(_, name)| name.as_str()).collect();
        assert_eq!(
            names,
            BTreeSet::from(["Nanjing City", "Suzhou City", "Shanghai Municipality"]),
            "Jiangning and Lishui count for Nanjing; Shanghai stays a province"
        );
        let nanjing = cities
            .units
            .iter()
            .position(|(_, name)| name == "Nanjing City")
            .unwrap();
        assert_eq!(
            cities.cells[nanjing][nanjing],
            vec![3],
            "Jiangning with Lishui"
        );
        let _ = g;
    }

    #[test]
    fn places_carry_their_measures_and_communities() {
        let overview = build(&sample(), &EventFilter::default());
        let suzhou = overview
            .places
            .iter()
            .find(|place| place.label == "Suzhou City")
            .expect("Suzhou is a node");
        assert_eq!(suzhou.events, 3);
        assert_eq!(suzhou.partners, 2, "Jiangning and Shanghai");
        assert_eq!(
            suzhou.weighted_degree, 3,
            "two events with Jiangning, one with Shanghai"
        );
        assert!(suzhou.betweenness > 0.0, "it joins Jiangning to Shanghai");
        assert!(overview.communities >= 1);
    }

    #[test]
    fn csv_tables_have_a_header_and_a_row_per_mark() {
        let overview = build(&sample(), &EventFilter::default());
        let rows = csv::over_time(&overview);
        assert_eq!(rows.len(), 1 + overview.over_time.bars.len() + 2);
        assert_eq!(rows[0][3], "agreement");
        assert_eq!(csv::matrix(&overview).len(), 3);
        assert_eq!(csv::places(&overview).len(), 1 + overview.places.len());
        assert!(
            csv::by_place(&overview)
                .iter()
                .any(|row| row[1] == "Shanghai Municipality")
        );
    }

    #[test]
    fn a_level_in_the_filter_keeps_events_with_a_party_at_that_level() {
        let events = sample();
        let filter = EventFilter {
            level: Some(LevelBucket::Level(Level::County)),
            ..EventFilter::default()
        };
        let context = crate::desk::filter::FilterContext {
            gazetteer: Gazetteer::bundled(),
            bodies: &crate::desk::filter::NoBodies,
        };
        let selection = filter.select(&events, &context);
        assert_eq!(
            selection.matching,
            vec![0, 1, 3],
            "the events of Jiangning or Lishui"
        );
        assert!(!filter.is_empty());
    }
}
