//! The relationship graph: who cooperates with whom, and how often.
//!
//! Nodes are parties ([`PartyKey`]: the gazetteer entry when linked, else the normalised name);
//! an event joins every pair of its participants (three parties make three edges, never a
//! chain). Built from a [`super::filter::Selection`]'s matching events, optionally narrowed to
//! a time window.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::filter::event_span;
use super::party::PartyKey;
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
    /// Indices of the events they share, in the order given.
    pub events: Vec<usize>,
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
    /// By their node pair.
    pub edges: Vec<Edge>,
    index: HashMap<PartyKey, usize>,
}

/// How nodes are grouped for colouring.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GroupBy {
    /// By the province a place lies in.
    #[default]
    Province,
    /// By administrative level.
    Level,
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
    pub fn build(
        events: &[CorpusEvent],
        selected: &[usize],
        window: Option<(Day, Day)>,
        gazetteer: &Gazetteer,
    ) -> Self {
        let mut index: HashMap<PartyKey, usize> = HashMap::new();
        let mut nodes: Vec<Node> = Vec::new();
        let mut edge_index: HashMap<(usize, usize), usize> = HashMap::new();
        let mut edges: Vec<Edge> = Vec::new();
        let mut parties: Vec<usize> = Vec::new();
        for &event_index in selected {
            let Some(event) = events.get(event_index) else {
                continue;
            };
            if !in_window(event, window) {
                continue;
            }
            parties.clear();
            for participant in &event.event.participants {
                let key = PartyKey::of(participant);
                let node = *index.entry(key).or_insert_with_key(|key| {
                    nodes.push(Node {
                        label: key.label(gazetteer, &participant.name),
                        key: key.clone(),
                        weight: 0,
                        edges: Vec::new(),
                    });
                    nodes.len() - 1
                });
                parties.push(node);
            }
            parties.sort_unstable();
            parties.dedup();
            for (position, &a) in parties.iter().enumerate() {
                nodes[a].weight += 1;
                for &b in &parties[position + 1..] {
                    let edge = *edge_index.entry((a, b)).or_insert_with(|| {
                        edges.push(Edge {
                            nodes: (a, b),
                            events: Vec::new(),
                        });
                        edges.len() - 1
                    });
                    edges[edge].events.push(event_index);
                }
            }
        }
        Self::ordered(nodes, edges)
    }

    /// Sorts nodes by weight and label, renumbers the edges, and fills in the node lookup and
    /// each node's edge list.
    fn ordered(nodes: Vec<Node>, mut edges: Vec<Edge>) -> Self {
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
        for edge in &mut edges {
            let (a, b) = (new_index[edge.nodes.0], new_index[edge.nodes.1]);
            edge.nodes = (a.min(b), a.max(b));
        }
        edges.sort_by_key(|edge| edge.nodes);
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
            index,
        }
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
        let keys: Vec<Group> = self
            .nodes
            .iter()
            .map(|node| group_of(&node.key, gazetteer, by))
            .collect();
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

/// Whether an event counts in the window (always, without one).
fn in_window(event: &CorpusEvent, window: Option<(Day, Day)>) -> bool {
    let Some((first, last)) = window else {
        return true;
    };
    event_span(event).is_some_and(|(start, end)| start <= last && end >= first)
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
        assert_eq!(graph.edges[0].events, [0, 1]);
        assert_eq!(graph.nodes[0].edges, [0, 1, 2]);
        assert_eq!(graph.node_index(&PartyKey::name("hefei")), Some(2));
    }

    #[test]
    fn a_window_leaves_out_other_periods_and_undated_events() {
        let day = Day::from_ymd;
        let graph = build(Some((day(2021, 1, 1), day(2021, 12, 31))));
        assert_eq!(labels(&graph), ["Chengdu City", "Nanjing City"]);
        assert_eq!(edges(&graph), [("Chengdu City", "Nanjing City", 1)]);
        assert_eq!(graph.edges[0].events, [1]);
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
