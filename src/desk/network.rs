//! Measures of the relationship graph for the overview's place table: weighted degree,
//! betweenness and communities.
//!
//! Written here rather than taken from a crate: `petgraph` has neither measure, and
//! `rustworkx-core`, which has betweenness, would bring `ndarray`, `rand`, `rand_distr`,
//! `priority-queue` and a second hash map family for one function; no well-kept crate finds
//! communities. Both algorithms are the textbook ones (Brandes 2001; the local-moving phase of
//! Louvain, Blondel et al. 2008) and are tested on graphs whose answer is known.

use std::collections::VecDeque;

use super::graph::Graph;

/// Each node's neighbours with the weight of the tie (shared events).
pub type Adjacency = Vec<Vec<(usize, f64)>>;

/// Above this many nodes betweenness is estimated from this many sources (spread evenly over
/// the nodes, so the estimate is the same on every run) rather than from all of them: exact
/// betweenness costs a breadth-first search per node.
pub const EXACT_BETWEENNESS_NODES: usize = 600;

/// The graph's nodes and edges as adjacency lists.
pub fn adjacency(graph: &Graph) -> Adjacency {
    let mut adjacency = vec![Vec::new(); graph.nodes.len()];
    for edge in &graph.edges {
        let (a, b) = edge.nodes;
        let weight = edge.weight() as f64;
        if a < adjacency.len() && b < adjacency.len() && a != b {
            adjacency[a].push((b, weight));
            adjacency[b].push((a, weight));
        }
    }
    adjacency
}

/// Betweenness centrality of every node (Brandes' algorithm over hop distances: how many
/// shortest paths between other parties run through it), normalised to 0–1 by the number of
/// pairs of other nodes. Above [`EXACT_BETWEENNESS_NODES`] it is estimated from that many
/// evenly spread sources and scaled up.
pub fn betweenness(adjacency: &Adjacency) -> Vec<f64> {
    let n = adjacency.len();
    let mut centrality = vec![0.0; n];
    if n < 3 {
        return centrality;
    }
    let sources: Vec<usize> = if n <= EXACT_BETWEENNESS_NODES {
        (0..n).collect()
    } else {
        (0..EXACT_BETWEENNESS_NODES)
            .map(|i| i * n / EXACT_BETWEENNESS_NODES)
            .collect()
    };
    let mut order = Vec::with_capacity(n);
    let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut paths = vec![0.0f64; n];
    let mut distance = vec![-1i64; n];
    let mut dependency = vec![0.0f64; n];
    let mut queue = VecDeque::new();
    for &source in &sources {
        order.clear();
        for list in &mut predecessors {
            list.clear();
        }
        paths.fill(0.0);
        distance.fill(-1);
        dependency.fill(0.0);
        paths[source] = 1.0;
        distance[source] = 0;
        queue.push_back(source);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            for &(w, _) in &adjacency[v] {
                if distance[w] < 0 {
                    distance[w] = distance[v] + 1;
                    queue.push_back(w);
                }
                if distance[w] == distance[v] + 1 {
                    paths[w] += paths[v];
                    predecessors[w].push(v);
                }
            }
        }
        while let Some(w) = order.pop() {
            for &v in &predecessors[w] {
                dependency[v] += paths[v] / paths[w] * (1.0 + dependency[w]);
            }
            if w != source {
                centrality[w] += dependency[w];
            }
        }
    }
    // Each pair was counted from both ends; then share of the (n-1)(n-2)/2 pairs of others.
    let scale = n as f64 / sources.len() as f64 / ((n - 1) * (n - 2)) as f64;
    for value in &mut centrality {
        *value *= scale;
    }
    centrality
}

/// Communities of the weighted graph: each node moves to the neighbouring community that
/// raises modularity most, until none moves (Louvain's first phase; nodes in the graph's
/// order, heaviest first, so the same graph always gives the same answer). Returns each node's
/// community, numbered by size (0 the largest, ties by first node). An isolated node is a
/// community of its own.
pub fn communities(adjacency: &Adjacency) -> Vec<usize> {
    let n = adjacency.len();
    let strength: Vec<f64> = adjacency
        .iter()
        .map(|list| list.iter().map(|(_, weight)| weight).sum())
        .collect();
    let total: f64 = strength.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    if total <= 0.0 {
        return community;
    }
    let mut community_strength = strength.clone();
    let mut links = vec![0.0f64; n];
    let mut touched: Vec<usize> = Vec::new();
    for _pass in 0..50 {
        let mut moved = false;
        for node in 0..n {
            let own = community[node];
            for &(other, weight) in &adjacency[node] {
                if other == node {
                    continue;
                }
                let target = community[other];
                if links[target] == 0.0 {
                    touched.push(target);
                }
                links[target] += weight;
            }
            community_strength[own] -= strength[node];
            let gain = |c: usize| links[c] - community_strength[c] * strength[node] / total;
            let mut best = own;
            let mut best_gain = gain(own);
            for &candidate in &touched {
                let candidate_gain = gain(candidate);
                if candidate_gain > best_gain + 1e-12
                    || (candidate_gain > best_gain - 1e-12 && candidate < best && best != own)
                {
                    best = candidate;
                    best_gain = candidate_gain;
                }
            }
            community_strength[best] += strength[node];
            if best != own {
                community[node] = best;
                moved = true;
            }
            for &target in &touched {
                links[target] = 0.0;
            }
            touched.clear();
        }
        if !moved {
            break;
        }
    }
    renumber_by_size(&community)
}

/// Community labels renumbered 0, 1, 2, … by size, largest first (ties by first member).
fn renumber_by_size(community: &[usize]) -> Vec<usize> {
    let mut sizes: Vec<(usize, usize, usize)> = Vec::new(); // (label, size, first member)
    for (node, &label) in community.iter().enumerate() {
        match sizes.iter_mut().find(|(l, _, _)| *l == label) {
            Some(entry) => entry.1 += 1,
            None => sizes.push((label, 1, node)),
        }
    }
    sizes.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    community
        .iter()
        .map(|label| {
            sizes
                .iter()
                .position(|(l, _, _)| l == label)
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph_of(n: usize, edges: &[(usize, usize)]) -> Adjacency {
        let mut adjacency = vec![Vec::new(); n];
        for &(a, b) in edges {
            adjacency[a].push((b, 1.0));
            adjacency[b].push((a, 1.0));
        }
        adjacency
    }

    #[test]
    fn the_middle_of_a_path_lies_on_every_path_between_its_ends() {
        // 0 - 1 - 2: the only pair of others (0, 2) runs through 1.
        let values = betweenness(&graph_of(3, &[(0, 1), (1, 2)]));
        assert_eq!(values, vec![0.0, 1.0, 0.0]);
    }

    #[test]
    fn a_star_centre_has_all_betweenness_and_its_leaves_none() {
        let values = betweenness(&graph_of(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]));
        assert!((values[0] - 1.0).abs() < 1e-9, "{values:?}");
        assert!(values[1..].iter().all(|value| *value == 0.0));
    }

    #[test]
    fn a_square_shares_betweenness_evenly() {
        // Each node lies on one of the two shortest paths between its two neighbours.
        let values = betweenness(&graph_of(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]));
        for value in values {
            assert!((value - 1.0 / 6.0).abs() < 1e-9, "{value}");
        }
    }

    #[test]
    fn two_triangles_joined_by_a_bridge_are_two_communities() {
        let adjacency = graph_of(6, &[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]);
        let groups = communities(&adjacency);
        assert_eq!(groups[0], groups[1]);
        assert_eq!(groups[1], groups[2]);
        assert_eq!(groups[3], groups[4]);
        assert_eq!(groups[4], groups[5]);
        assert_ne!(groups[0], groups[3]);
        assert!(groups.iter().all(|group| *group < 2));
    }

    #[test]
    fn isolated_nodes_are_communities_of_their_own() {
        let groups = communities(&graph_of(4, &[(0, 1)]));
        assert_eq!(groups[0], groups[1]);
        assert_ne!(groups[2], groups[3]);
        assert_ne!(groups[0], groups[2]);
        assert_eq!(groups[0], 0, "the largest community is numbered first");
    }

    #[test]
    fn a_large_graph_estimates_betweenness_with_the_same_answer_every_time() {
        let n = EXACT_BETWEENNESS_NODES * 2;
        let edges: Vec<(usize, usize)> = (1..n).map(|i| (0, i)).collect();
        let adjacency = graph_of(n, &edges);
        let first = betweenness(&adjacency);
        assert_eq!(first, betweenness(&adjacency));
        assert!(first[0] > 0.9, "the hub of a star: {}", first[0]);
    }
}
