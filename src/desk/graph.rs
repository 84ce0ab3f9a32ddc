//! The relationship graph: who cooperates with whom, and how often.
//!
//! Nodes are parties ([`PartyKey`]: the gazetteer entry when linked, else the normalised name);
//! an event joins every pair of its participants (three parties make three edges, never a
//! chain). Built from a [`super::filter::Selection`]'s matching events, optionally narrowed to
//! a time window.

use std::cmp::Ordering;
use std::ops::Range;

use super::facts::EventFacts;
use super::fast_hash::FastMap;
use super::filter::event_span;
use super::party::{PartyIndex, PartyKey};
use super::time::Day;
use crate::extract::{CorpusEvent, Gazetteer, Level};

/// One party.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Which party.
    pub key: PartyKey,
    /// Its name: the gazetteer's for a linked place, else as the first article wrote it.
    pub label: String,
    /// How many events it takes part in.
    pub weight: usize,
    /// Indices into [`Graph::edges`] of its edges, in edge order.
    pub edges: Vec<usize>,
}

/// Two parties that took part in the same events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// Indices into [`Graph::nodes`], the smaller first.
    pub nodes: (usize, usize),
    /// Where its events are in the graph's shared list: see [`Graph::events_of`].
    events: Range<usize>,
}

impl Edge {
    /// How many events the two share.
    pub fn weight(&self) -> usize {
        self.events.len()
    }

    /// The node at the other end from `node`.
    pub fn other(&self, node: usize) -> usize {
        if self.nodes.0 == node {
            self.nodes.1
        } else {
            self.nodes.0
        }
    }
}

/// The parties and their ties.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    /// By weight, heaviest first, then by label: the same events always give the same order,
    /// which the layouts rely on for determinism.
    pub nodes: Vec<Node>,
    /// Sorted by their parties' order of first appearance among the events given (so also
    /// deterministic).
    pub edges: Vec<Edge>,
    /// The events of every edge, edge after edge (one allocation rather than one per edge).
    edge_events: Vec<usize>,
    index: FastMap<PartyKey, usize>,
}

/// How nodes are grouped for colouring.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GroupBy {
    /// By the province a place lies in.
    #[default]
    Province,
    /// By administrative level.
    Level,
    /// By community: parties that cooperate more among themselves than with the rest
    /// ([`super::network::communities`]).
    Community,
}

/// A colour group. The painter maps it to a colour (by [`Grouping`] index or by hashing it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    /// Places in this province (the province itself included).
    Province(crate::model::EntryId),
    /// Places at this level.
    Level(Level),
    /// Gazetteer places in no province (economic regions).
    NoProvince,
    /// Parties the gazetteer does not know (companies, bodies, ambiguous names).
    Unlinked,
    /// A community of the graph, 0 the largest.
    Community(usize),
}

/// Each node's group, and the groups present in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grouping {
    /// The groups present, sorted (provinces by gazetteer order, levels high to low, then the
    /// groups outside provinces and the gazetteer).
    pub groups: Vec<Group>,
    /// A label for each group ("Jiangsu Province", "county", "Not in the gazetteer").
    pub labels: Vec<String>,
    /// For each node, its index into `groups`.
    pub node_group: Vec<usize>,
}

/// What hovering a node shows.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeInfo {
    /// Its name.
    pub label: String,
    /// Its administrative level, when it is a gazetteer place.
    pub level: Option<Level>,
    /// The places containing it, nearest first ("Nanjing City", "Jiangsu Province").
    pub parents: Vec<String>,
    /// How many events it takes part in.
    pub events: usize,
    /// Its partners as (node index, shared events), most shared first, then by label.
    pub partners: Vec<(usize, usize)>,
}

impl Graph {
    /// The graph of `selected` events (indices into `events`).
    ///
    /// With a `window` (first and last day, inclusive), only events whose date can fall in it
    /// count, so the panel can show the network as of a period. Events without a year are then
    /// left out: nothing places them in the window. (Without a window they count like any
    /// other.)
    ///
    /// Linear in the pairs of parties (a radix sort groups them). Measured on 30,000 generated
    /// events, about 100,000 pairs (release build, the 2-core development VM shared with
    /// another build, best of 20): 9.9 ms for 2,000 parties and 78,000 distinct edges, 14 ms
    /// for 4,052 parties and 99,000 edges.
    pub fn build(
        events: &[CorpusEvent],
        selected: &[usize],
        window: Option<(Day, Day)>,
        gazetteer: &Gazetteer,
    ) -> Self {
        Self::build_by(selected, gazetteer, |event_index, parties, numbers| {
            let Some(event) = events.get(event_index) else {
                return false;
            };
            if !in_window(event_span(event), window) {
                return false;
            }
            numbers.extend(event.event.participants.iter().map(|p| parties.number(p)));
            true
        })
    }

    /// [`Self::build`] reading the events' dates and linked parties from their `facts` (of
    /// the same `events`), which the desk keeps: a participant is read from its event only
    /// the first time its party is seen, or when it is unlinked. With 300,000 events, reading
    /// every event's participants where they lie cost a cache miss per event (about 20 ms of
    /// a filter that keeps them all). The same graph as [`Self::build`].
    pub fn build_from(
        events: &[CorpusEvent],
        facts: &EventFacts,
        selected: &[usize],
        window: Option<(Day, Day)>,
        gazetteer: &Gazetteer,
    ) -> Self {
        if facts.len() != events.len() {
            return Self::build(events, selected, window, gazetteer);
        }
        Self::build_by(selected, gazetteer, |event_index, parties, numbers| {
            let (Some(span), Some(entries)) =
                (facts.span(event_index), facts.entries_of(event_index))
            else {
                return false;
            };
            if !in_window(span, window) {
                return false;
            }
            for (position, entry) in entries.iter().enumerate() {
                if let Some(number) = entry.and_then(|entry| parties.known_entry(entry)) {
                    numbers.push(number);
                } else if let Some(participant) = events
                    .get(event_index)
                    .and_then(|event| event.event.participants.get(position))
                {
                    numbers.push(parties.number(participant));
                }
            }
            true
        })
    }

    /// The graph of the `selected` events whose parties `number_parties` numbers (appending
    /// their provisional node numbers, or saying `false` to leave the event out).
    fn build_by<'e>(
        selected: &[usize],
        gazetteer: &Gazetteer,
        mut number_parties: impl FnMut(usize, &mut PartyIndex<'e>, &mut Vec<usize>) -> bool,
    ) -> Self {
        // Provisional node numbers, in order of first sight.
        let mut parties = PartyIndex::default();
        let mut weights: Vec<usize> = Vec::new();
        // Every pair of every event. Collected, then sorted, rather than looked up in a map
        // of edges: for 30,000 events the map's scattered lookups cost three times as much.
        let mut memberships: Vec<Membership> = Vec::new();
        let mut numbers: Vec<usize> = Vec::new();
        for &event_index in selected {
            numbers.clear();
            if !number_parties(event_index, &mut parties, &mut numbers) {
                continue;
            }
            numbers.sort_unstable();
            numbers.dedup();
            weights.resize(parties.len(), 0);
            for (position, &a) in numbers.iter().enumerate() {
                weights[a] += 1;
                for &b in &numbers[position + 1..] {
                    memberships.push(Membership {
                        a,
                        b,
                        event: event_index,
                    });
                }
            }
        }
        let memberships = sort_by_pair(memberships, parties.len());
        let nodes: Vec<Node> = parties
            .into_parties()
            .into_iter()
            .zip(weights)
            .map(|((key, name), weight)| Node {
                label: key.label(gazetteer, name),
                key,
                weight,
                edges: Vec::new(),
            })
            .collect();
        Self::assemble(nodes, &memberships)
    }

    /// Orders the nodes, makes one edge per run of equal pairs in the sorted memberships, and
    /// lists each node's edges.
    fn assemble(nodes: Vec<Node>, memberships: &[Membership]) -> Self {
        let mut order: Vec<usize> = (0..nodes.len()).collect();
        order.sort_by(|&a, &b| compare_nodes(&nodes[a], &nodes[b]));
        let mut new_index = vec![0; nodes.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut slots: Vec<Option<Node>> = nodes.into_iter().map(Some).collect();
        let mut nodes: Vec<Node> = order
            .iter()
            .filter_map(|&old| slots.get_mut(old).and_then(Option::take))
            .collect();

        let mut edges: Vec<Edge> = Vec::new();
        let mut previous: Option<(usize, usize)> = None;
        for (at, membership) in memberships.iter().enumerate() {
            let pair = (membership.a, membership.b);
            if previous == Some(pair) {
                if let Some(edge) = edges.last_mut() {
                    edge.events.end = at + 1;
                }
                continue;
            }
            previous = Some(pair);
            let (a, b) = (new_index[pair.0], new_index[pair.1]);
            edges.push(Edge {
                nodes: (a.min(b), a.max(b)),
                events: at..at + 1,
            });
        }
        let mut degrees = vec![0; nodes.len()];
        for edge in &edges {
            degrees[edge.nodes.0] += 1;
            degrees[edge.nodes.1] += 1;
        }
        for (node, degree) in nodes.iter_mut().zip(degrees) {
            node.edges.reserve_exact(degree);
        }
        for (edge_index, edge) in edges.iter().enumerate() {
            nodes[edge.nodes.0].edges.push(edge_index);
            nodes[edge.nodes.1].edges.push(edge_index);
        }
        let index = nodes
            .iter()
            .enumerate()
            .map(|(position, node)| (node.key.clone(), position))
            .collect();
        Self {
            nodes,
            edges,
            edge_events: memberships.iter().map(|m| m.event).collect(),
            index,
        }
    }

    /// The events an edge stands for, in the order given to [`Self::build`].
    pub fn events_of(&self, edge: usize) -> &[usize] {
        self.edges
            .get(edge)
            .and_then(|edge| self.edge_events.get(edge.events.clone()))
            .unwrap_or_default()
    }

    /// The index of a party's node, if it is in the graph.
    pub fn node_index(&self, key: &PartyKey) -> Option<usize> {
        self.index.get(key).copied()
    }

    /// A node's partners as (node index, shared events), most shared first, then by label.
    pub fn partners(&self, node: usize) -> Vec<(usize, usize)> {
        let Some(this) = self.nodes.get(node) else {
            return Vec::new();
        };
        let mut partners: Vec<(usize, usize)> = this
            .edges
            .iter()
            .filter_map(|&edge| self.edges.get(edge))
            .map(|edge| (edge.other(node), edge.weight()))
            .collect();
        partners.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| self.label(a.0).cmp(self.label(b.0)))
                .then(a.0.cmp(&b.0))
        });
        partners
    }

    fn label(&self, node: usize) -> &str {
        self.nodes.get(node).map_or("", |node| node.label.as_str())
    }

    /// What hovering a node shows: name, level, containing places and partners.
    pub fn info(&self, node: usize, gazetteer: &Gazetteer) -> Option<NodeInfo> {
        let this = self.nodes.get(node)?;
        let entry = this.key.entry().and_then(|entry| gazetteer.entry(entry));
        let parents = entry.map_or_else(Vec::new, |entry| {
            gazetteer
                .lineage(entry.id)
                .skip(1)
                .map(|parent| parent.full_name())
                .collect()
        });
        Some(NodeInfo {
            label: this.label.clone(),
            level: entry.map(|entry| entry.level),
            parents,
            events: this.weight,
            partners: self.partners(node),
        })
    }

    /// Every node's colour group.
    pub fn groups(&self, gazetteer: &Gazetteer, by: GroupBy) -> Grouping {
        let keys: Vec<Group> = if by == GroupBy::Community {
            super::network::communities(&super::network::adjacency(self))
                .into_iter()
                .map(Group::Community)
                .collect()
        } else {
            self.nodes
                .iter()
                .map(|node| group_of(&node.key, gazetteer, by))
                .collect()
        };
        let mut groups = keys.clone();
        groups.sort_unstable();
        groups.dedup();
        let node_group = keys
            .iter()
            .map(|key| groups.binary_search(key).unwrap_or_default())
            .collect();
        let labels = groups
            .iter()
            .map(|group| group_label(*group, gazetteer))
            .collect();
        Grouping {
            groups,
            labels,
            node_group,
        }
    }
}

/// One event's share in one pair of parties (provisional node numbers, `a < b`).
#[derive(Clone, Copy, Debug, Default)]
struct Membership {
    a: usize,
    b: usize,
    event: usize,
}

/// Sorts memberships by pair with a stable radix sort (least significant digit first: `b`'s
/// digits, then `a`'s), so each pair's events keep the order they were given in. Node numbers
/// are below `node_count`, which bounds the number of passes (two for up to 2,048 parties).
fn sort_by_pair(memberships: Vec<Membership>, node_count: usize) -> Vec<Membership> {
    const DIGIT_BITS: u32 = 11;
    const MASK: usize = (1 << DIGIT_BITS) - 1;
    let bits = usize::BITS - node_count.leading_zeros();
    let passes = bits.div_ceil(DIGIT_BITS);
    let mut from = memberships;
    let mut to = vec![Membership::default(); from.len()];
    let mut starts = vec![0; MASK + 2];
    let keys: [fn(&Membership) -> usize; 2] = [|m| m.b, |m| m.a];
    for key in keys {
        for pass in 0..passes {
            let digit = |m: &Membership| (key(m) >> (pass * DIGIT_BITS)) & MASK;
            starts.fill(0);
            for membership in &from {
                starts[digit(membership) + 1] += 1;
            }
            for at in 0..=MASK {
                starts[at + 1] += starts[at];
            }
            for membership in &from {
                let slot = &mut starts[digit(membership)];
                to[*slot] = *membership;
                *slot += 1;
            }
            std::mem::swap(&mut from, &mut to);
        }
    }
    from
}

/// Whether an event of this span (`None`: no year) counts in the window (always, without one).
fn in_window(span: Option<(Day, Day)>, window: Option<(Day, Day)>) -> bool {
    let Some((first, last)) = window else {
        return true;
    };
    span.is_some_and(|(start, end)| start <= last && end >= first)
}

/// Heaviest first, then by label, then by key so equal labels still order the same way.
fn compare_nodes(a: &Node, b: &Node) -> Ordering {
    b.weight
        .cmp(&a.weight)
        .then_with(|| a.label.cmp(&b.label))
        .then_with(|| a.key.cmp(&b.key))
}

/// The group of one party.
pub fn group_of(key: &PartyKey, gazetteer: &Gazetteer, by: GroupBy) -> Group {
    let Some(entry) = key.entry().and_then(|entry| gazetteer.entry(entry)) else {
        return Group::Unlinked;
    };
    match by {
        GroupBy::Level => Group::Level(entry.level),
        // Communities come from the whole graph (`Graph::groups`), not one party.
        GroupBy::Community => Group::NoProvince,
        GroupBy::Province => gazetteer
            .province_of(entry.id)
            .map_or(Group::NoProvince, Group::Province),
    }
}

fn group_label(group: Group, gazetteer: &Gazetteer) -> String {
    match group {
        Group::Province(province) => gazetteer
            .entry(province)
            .map_or_else(|| "Unknown province".to_owned(), |entry| entry.full_name()),
        Group::Level(level) => level_label(level).to_owned(),
        Group::NoProvince => "Not in a province".to_owned(),
        Group::Unlinked => "Not in the gazetteer".to_owned(),
        Group::Community(index) => format!("Community {}", index + 1),
    }
}

/// A level in words, for legends and hover text.
pub fn level_label(level: Level) -> &'static str {
    match level {
        Level::Province => "province",
        Level::Prefecture => "prefecture",
        Level::County => "county",
        Level::Zone => "zone",
        Level::Region => "region",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::filter::tests::{entry, event, linked, unlinked, ymd};
    use crate::model::EventKind;

    fn corpus() -> Vec<CorpusEvent> {
        let nanjing = || linked("Nanjing", Level::Prefecture);
        let chengdu = || linked("Chengdu", Level::Prefecture);
        vec![
            event(
                EventKind::Agreement,
                vec![nanjing(), chengdu(), unlinked("Hefei City")],
                ymd(2020, 3, 12),
            ),
            event(
                EventKind::Meeting,
                vec![chengdu(), nanjing()],
                ymd(2021, 5, 1),
            ),
            event(
                EventKind::Visit,
                vec![nanjing(), linked("Shanghai", Level::Province)],
                None,
            ),
        ]
    }

    fn build(window: Option<(Day, Day)>) -> Graph {
        Graph::build(&corpus(), &[0, 1, 2], window, Gazetteer::bundled())
    }

    fn labels(graph: &Graph) -> Vec<&str> {
        graph.nodes.iter().map(|node| node.label.as_str()).collect()
    }

    /// Edges as (label, label, weight).
    fn edges(graph: &Graph) -> Vec<(&str, &str, usize)> {
        graph
            .edges
            .iter()
            .map(|edge| {
                (
                    graph.label(edge.nodes.0),
                    graph.label(edge.nodes.1),
                    edge.weight(),
                )
            })
            .collect()
    }

    #[test]
    fn a_graph_from_the_events_facts_equals_one_from_the_events() {
        use crate::desk::facts::EventFacts;
        use crate::desk::filter::tests::{many_events, some_filters};
        use crate::desk::filter::{FilterContext, NoBodies};
        let events = many_events(3_000);
        let facts = EventFacts::of(&events);
        let gazetteer = Gazetteer::bundled();
        let context = FilterContext {
            gazetteer,
            bodies: &NoBodies,
        };
        let window = Some((Day::from_ymd(2016, 3, 1), Day::from_ymd(2018, 2, 28)));
        for filter in some_filters() {
            let selection = filter.select(&events, &context);
            for window in [None, window] {
                assert_eq!(
                    Graph::build_from(&events, &facts, &selection.matching, window, gazetteer),
                    Graph::build(&events, &selection.matching, window, gazetteer),
                    "{filter:?}, {window:?}"
                );
            }
        }
    }

    #[test]
    fn a_three_party_event_joins_every_pair() {
        let graph = build(None);
        assert_eq!(
            labels(&graph),
            [
                "Nanjing City",
                "Chengdu City",
                "Hefei City",
                "Shanghai Municipality"
            ]
        );
        assert_eq!(
            graph
                .nodes
                .iter()
                .map(|node| node.weight)
                .collect::<Vec<_>>(),
            [3, 2, 1, 1]
        );
        assert_eq!(
            edges(&graph),
            [
                ("Nanjing City", "Chengdu City", 2),
                ("Nanjing City", "Hefei City", 1),
                ("Nanjing City", "Shanghai Municipality", 1),
                ("Chengdu City", "Hefei City", 1),
            ]
        );
        assert_eq!(graph.events_of(0), [0, 1]);
        assert_eq!(graph.events_of(2), [2]);
        assert!(graph.events_of(4).is_empty());
        assert_eq!(graph.nodes[0].edges, [0, 1, 2]);
        assert_eq!(graph.node_index(&PartyKey::name("hefei")), Some(2));
    }

    #[test]
    fn a_window_leaves_out_other_periods_and_undated_events() {
        let day = Day::from_ymd;
        let graph = build(Some((day(2021, 1, 1), day(2021, 12, 31))));
        assert_eq!(labels(&graph), ["Chengdu City", "Nanjing City"]);
        assert_eq!(edges(&graph), [("Chengdu City", "Nanjing City", 1)]);
        assert_eq!(graph.events_of(0), [1]);
    }

    #[test]
    fn the_radix_sort_orders_pairs_and_keeps_each_pairs_events_in_order() {
        // More than 2,048 parties, so each key takes two passes.
        let node_count = 5_000;
        let memberships: Vec<Membership> = (0..20_000)
            .map(|event| {
                let a = (event * 7_919) % node_count;
                let b = (a + 1 + (event * 104_729) % 50) % node_count;
                Membership {
                    a: a.min(b),
                    b: a.max(b),
                    event,
                }
            })
            .collect();
        let sorted = sort_by_pair(memberships.clone(), node_count);
        let mut expected = memberships;
        expected.sort_by_key(|m| (m.a, m.b));
        let pairs =
            |list: &[Membership]| list.iter().map(|m| (m.a, m.b, m.event)).collect::<Vec<_>>();
        assert_eq!(pairs(&sorted), pairs(&expected));
    }

    #[test]
    fn one_party_named_twice_is_one_node_without_a_loop() {
        let events = [event(
            EventKind::Other,
            vec![unlinked("Wuxi"), unlinked("Wuxi City"), unlinked("Xuzhou")],
            None,
        )];
        let graph = Graph::build(&events, &[0], None, Gazetteer::bundled());
        assert_eq!(labels(&graph), ["Wuxi", "Xuzhou"]);
        assert_eq!(edges(&graph), [("Wuxi", "Xuzhou", 1)]);
    }

    #[test]
    fn hover_info_gives_level_parents_and_partners_by_count() {
        let graph = build(None);
        let info = graph.info(0, Gazetteer::bundled()).unwrap();
        assert_eq!(info.label, "Nanjing City");
        assert_eq!(info.level, Some(Level::Prefecture));
        assert_eq!(info.parents, ["Jiangsu Province"]);
        assert_eq!(info.events, 3);
        assert_eq!(info.partners, [(1, 2), (2, 1), (3, 1)]);
        let unlinked = graph.info(2, Gazetteer::bundled()).unwrap();
        assert_eq!((unlinked.level, unlinked.parents.len()), (None, 0));
        assert!(graph.info(9, Gazetteer::bundled()).is_none());
    }

    #[test]
    fn nodes_group_by_province_or_by_level() {
        let gazetteer = Gazetteer::bundled();
        let graph = build(None);
        let by_province = graph.groups(gazetteer, GroupBy::Province);
        let group = |node: usize| by_province.groups[by_province.node_group[node]];
        let jiangsu = entry("Jiangsu", Level::Province).id;
        assert_eq!(group(0), Group::Province(jiangsu));
        assert_eq!(group(2), Group::Unlinked);
        assert_eq!(
            group(3),
            Group::Province(entry("Shanghai", Level::Province).id)
        );
        assert_eq!(by_province.groups.len(), 4);
        assert_eq!(
            by_province.labels.last().map(String::as_str),
            Some("Not in the gazetteer")
        );

        let by_level = graph.groups(gazetteer, GroupBy::Level);
        assert_eq!(
            by_level.groups,
            [
                Group::Level(Level::Province),
                Group::Level(Level::Prefecture),
                Group::Unlinked
            ]
        );
        assert_eq!(by_level.node_group, [1, 1, 2, 0]);
    }
}
