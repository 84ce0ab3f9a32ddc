//! Where the graph's nodes go: a force-directed layout that is deterministic and stable as the
//! filter changes, a hierarchy of province → city → district, and a map.
//!
//! Positions are abstract coordinates with y growing downward (as on screen); the painter
//! fits their bounding box to the panel. Every layout returns one [`Point`] per
//! [`Graph::nodes`] entry, in node order.
//!
//! Over 800 lines only with its tests (about 270).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::graph::Graph;
use super::party::PartyKey;
use crate::extract::{Entry, Gazetteer};
use crate::model::EntryId;

/// A position in layout coordinates.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    /// Rightward.
    pub x: f32,
    /// Downward.
    pub y: f32,
}

impl Point {
    /// The point at `x`, `y`.
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    /// The distance to `other` (for hit-testing a node under the pointer, say).
    pub fn distance(self, other: Self) -> f32 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// A point in the unit square that depends only on `hash`: where a node with no history starts.
fn hashed_point(hash: u64) -> Point {
    // The low and high 24 bits each give a coordinate exactly representable in f32.
    let unit = |bits: u64| (bits & 0xFF_FFFF) as f32 / 16_777_216.0;
    Point::new(unit(hash), unit(hash >> 32))
}

/// Force-directed layout (Fruchterman–Reingold with a grid for repulsion), run in steps.
///
/// * **Deterministic**: a node with no previous position starts at a point hashed from its
///   [`PartyKey`] (or, if it has placed neighbours, beside their mean), nodes are visited in
///   graph order, and nothing is random, so the same graph and previous positions always give
///   the same result.
/// * **Stable**: nodes with a previous position start there, move at most a quarter as far per
///   step as new nodes, and are held by a spring to where they were; pinned nodes do not move.
///   Changing the filter therefore moves the picture only where the graph changed.
/// * **Incremental**: [`Self::step`] runs a few iterations at a time, so the UI can spread the
///   work over frames, or move the whole value to a worker thread (it owns its data).
///
/// Repulsion only acts within twice the ideal edge length (the grid variant of the
/// algorithm), found through a uniform grid, so an iteration costs about O(nodes + edges)
/// rather than O(nodes²); a weak pull toward the centre keeps separate components together.
///
/// Measured (release build, the 2-core development VM, best of 100 runs while another build
/// shared the machine): a full run of [`Self::ITERATIONS`] on a generated random graph of 300
/// nodes and 993 edges takes 3.8 ms (mean 4.7–5.5 ms); six clusters of 20 come out as six
/// clear groups. Random graphs of 2,000–4,000 nodes and 78,000–99,000 edges (30,000 events
/// over the whole gazetteer) take 160–470 ms: run those through [`Self::step`] over frames or
/// on a worker.
#[derive(Clone, Debug)]
pub struct ForceLayout {
    positions: Vec<Point>,
    /// Where each node was before, for the spring that keeps warm-started nodes in place.
    anchors: Vec<Option<Point>>,
    pinned: Vec<bool>,
    /// Node pairs with an attraction factor growing with the log of the edge weight.
    edges: Vec<(usize, usize, f32)>,
    /// The ideal edge length.
    k: f32,
    done: usize,
    displacement: Vec<Point>,
    grid: Grid,
}

/// The fraction of the unit square a step may move a new node at the start.
const START_TEMPERATURE: f32 = 0.1;
/// How much less far a node with a previous position may move.
const WARM_MOBILITY: f32 = 0.25;
/// Strength of the pull toward the centre, relative to the ideal edge length.
const GRAVITY: f32 = 0.05;
/// Strength of the spring holding a warm-started node near its previous position.
const ANCHOR: f32 = 3.0;

impl ForceLayout {
    /// Iterations of a full run; the temperature falls linearly to zero over them. Fifty (as
    /// in networkx's `spring_layout`) already separates clusters; the warm start does the rest
    /// when the filter changes.
    pub const ITERATIONS: usize = 50;

    /// Prepares a layout of `graph`. `previous` holds positions from an earlier layout (by
    /// party), `pinned` the parties the analyst has fixed in place.
    pub fn new(
        graph: &Graph,
        previous: &HashMap<PartyKey, Point>,
        pinned: &HashSet<PartyKey>,
    ) -> Self {
        let count = graph.nodes.len();
        let k = (1.0 / count.max(1) as f32).sqrt();
        let anchors: Vec<Option<Point>> = graph
            .nodes
            .iter()
            .map(|node| {
                previous
                    .get(&node.key)
                    .copied()
                    .filter(|point| point.x.is_finite() && point.y.is_finite())
            })
            .collect();
        let positions = (0..count)
            .map(|index| {
                anchors[index].unwrap_or_else(|| start_beside_neighbours(graph, index, &anchors, k))
            })
            .collect();
        let edges = graph
            .edges
            .iter()
            .map(|edge| {
                let (a, b) = edge.nodes;
                (a, b, 1.0 + (edge.weight().max(1) as f32).ln())
            })
            .collect();
        Self {
            positions,
            anchors,
            pinned: graph
                .nodes
                .iter()
                .map(|node| pinned.contains(&node.key))
                .collect(),
            edges,
            k,
            done: 0,
            displacement: vec![Point::default(); count],
            grid: Grid::default(),
        }
    }

    /// Runs up to `iterations` more iterations; returns whether any remain.
    pub fn step(&mut self, iterations: usize) -> bool {
        for _ in 0..iterations {
            if self.is_done() {
                break;
            }
            self.iterate();
        }
        !self.is_done()
    }

    /// Whether every iteration has run.
    pub fn is_done(&self) -> bool {
        self.done >= Self::ITERATIONS
    }

    /// The current positions, in node order.
    pub fn positions(&self) -> &[Point] {
        &self.positions
    }

    /// Runs to the end and returns the positions.
    pub fn run(mut self) -> Vec<Point> {
        self.step(Self::ITERATIONS);
        self.positions
    }

    /// Places a node (the analyst dragged it) and pins it there. A point that is not finite
    /// is ignored (it would spread to every node through the forces).
    pub fn pin(&mut self, node: usize, at: Point) {
        if !(at.x.is_finite() && at.y.is_finite()) {
            return;
        }
        if let (Some(position), Some(pinned)) =
            (self.positions.get_mut(node), self.pinned.get_mut(node))
        {
            *position = at;
            *pinned = true;
        }
    }

    /// The positions by party: the `previous` of the next layout, after the filter changes.
    pub fn keyed(&self, graph: &Graph) -> HashMap<PartyKey, Point> {
        graph
            .nodes
            .iter()
            .zip(&self.positions)
            .map(|(node, &position)| (node.key.clone(), position))
            .collect()
    }

    fn iterate(&mut self) {
        self.displacement.fill(Point::default());
        self.repel();
        self.attract();
        self.pull();
        let temperature =
            START_TEMPERATURE * (Self::ITERATIONS - self.done) as f32 / Self::ITERATIONS as f32;
        for (index, position) in self.positions.iter_mut().enumerate() {
            if self.pinned[index] {
                continue;
            }
            let Point { x, y } = self.displacement[index];
            let length = (x * x + y * y).sqrt();
            if length <= f32::EPSILON {
                continue;
            }
            let mobility = if self.anchors[index].is_some() {
                WARM_MOBILITY
            } else {
                1.0
            };
            let scale = length.min(temperature * mobility) / length;
            position.x += x * scale;
            position.y += y * scale;
        }
        self.done += 1;
    }

    /// Each pair closer than 2k pushes apart with force k²/d.
    fn repel(&mut self) {
        let reach = 2.0 * self.k;
        self.grid.fill(&self.positions, reach);
        self.grid.repel(Repulsion {
            k_squared: self.k * self.k,
            reach_squared: reach * reach,
        });
        let pushes = self.grid.push_x.iter().zip(&self.grid.push_y);
        for (&node, (push_x, push_y)) in self.grid.order.iter().zip(pushes) {
            self.displacement[node].x += push_x;
            self.displacement[node].y += push_y;
        }
    }

    /// Each edge pulls its ends together with force d²/k, stronger for heavier edges.
    fn attract(&mut self) {
        for &(a, b, strength) in &self.edges {
            let dx = self.positions[a].x - self.positions[b].x;
            let dy = self.positions[a].y - self.positions[b].y;
            // Direction (dx, dy)/d times d²/k.
            let factor = (dx * dx + dy * dy).sqrt() / self.k * strength;
            self.displacement[a].x -= dx * factor;
            self.displacement[a].y -= dy * factor;
            self.displacement[b].x += dx * factor;
            self.displacement[b].y += dy * factor;
        }
    }

    /// Gravity toward the centre of the unit square, and the springs to previous positions.
    fn pull(&mut self) {
        let centre = Point::new(0.5, 0.5);
        for (index, position) in self.positions.iter().enumerate() {
            let displacement = &mut self.displacement[index];
            displacement.x += (centre.x - position.x) * GRAVITY / self.k;
            displacement.y += (centre.y - position.y) * GRAVITY / self.k;
            if let Some(anchor) = self.anchors[index] {
                displacement.x += (anchor.x - position.x) * ANCHOR / self.k;
                displacement.y += (anchor.y - position.y) * ANCHOR / self.k;
            }
        }
    }
}

/// A new node's start: beside the mean of its neighbours that already have a place, else at
/// its hashed point.
fn start_beside_neighbours(
    graph: &Graph,
    index: usize,
    anchors: &[Option<Point>],
    k: f32,
) -> Point {
    let Some(node) = graph.nodes.get(index) else {
        return Point::default();
    };
    let hashed = hashed_point(node.key.stable_hash());
    let (mut sum, mut count) = (Point::default(), 0.0);
    for edge in node.edges.iter().filter_map(|&edge| graph.edges.get(edge)) {
        if let Some(Some(neighbour)) = anchors.get(edge.other(index)) {
            sum.x += neighbour.x;
            sum.y += neighbour.y;
            count += 1.0;
        }
    }
    if count == 0.0 {
        return hashed;
    }
    // Half an edge length away, in a direction hashed from the key.
    Point::new(
        sum.x / count + (hashed.x - 0.5) * k,
        sum.y / count + (hashed.y - 0.5) * k,
    )
}

/// A uniform grid over the nodes, rebuilt each iteration (a counting sort, no per-cell
/// allocation), so repulsion looks only at pairs in the same or neighbouring cells, each pair
/// once. Coordinates are kept in cell order, as separate x and y arrays, so the inner loop
/// runs over contiguous memory.
#[derive(Clone, Debug, Default)]
struct Grid {
    cell: f32,
    columns: usize,
    rows: usize,
    /// Node indices sorted by cell (stable: by index within a cell).
    order: Vec<usize>,
    /// Where each cell's nodes start in `order`; one more entry than cells.
    starts: Vec<usize>,
    /// Each node's cell.
    cell_of: Vec<usize>,
    /// Scratch for the counting sort.
    cursor: Vec<usize>,
    /// Coordinates in `order`.
    xs: Vec<f32>,
    ys: Vec<f32>,
    /// Repulsion on each node, in `order`.
    push_x: Vec<f32>,
    push_y: Vec<f32>,
}

/// Cells per side at most: a far-flung node makes cells bigger, never the grid huge.
const MAX_GRID_SIDE: usize = 256;

/// The repulsion law, with its constants worked out once per iteration.
#[derive(Clone, Copy)]
struct Repulsion {
    k_squared: f32,
    reach_squared: f32,
}

impl Repulsion {
    /// k²/d² within reach, else zero (a select rather than a jump): times (dx, dy) that is
    /// the direction times k²/d. Two nodes on exactly one spot do not push (there is no
    /// direction); starts are hashed per node, so that does not arise.
    fn factor(self, d_squared: f32) -> f32 {
        if d_squared < self.reach_squared && d_squared > 0.0 {
            self.k_squared / d_squared
        } else {
            0.0
        }
    }
}

impl Grid {
    /// Sorts the nodes into cells at least `reach` wide.
    fn fill(&mut self, positions: &[Point], reach: f32) {
        let (mut min, mut max) = (
            Point::new(f32::INFINITY, f32::INFINITY),
            Point::new(f32::NEG_INFINITY, f32::NEG_INFINITY),
        );
        for position in positions {
            min = Point::new(min.x.min(position.x), min.y.min(position.y));
            max = Point::new(max.x.max(position.x), max.y.max(position.y));
        }
        if positions.is_empty() || !(min.x.is_finite() && max.x.is_finite()) {
            (min, max) = (Point::default(), Point::default());
        }
        let extent = (max.x - min.x).max(max.y - min.y);
        // At least `reach` wide, so every neighbour within reach is in an adjacent cell.
        let cell = reach
            .max(extent / MAX_GRID_SIDE as f32)
            .max(f32::MIN_POSITIVE);
        let columns = index_along(max.x - min.x, cell) + 1;
        (self.cell, self.columns) = (cell, columns);
        self.rows = index_along(max.y - min.y, cell) + 1;
        let cells = self.columns * self.rows;
        self.cell_of.clear();
        self.cell_of.extend(positions.iter().map(|position| {
            index_along(position.x - min.x, cell) + index_along(position.y - min.y, cell) * columns
        }));
        self.starts.clear();
        self.starts.resize(cells + 1, 0);
        for &cell in &self.cell_of {
            self.starts[cell + 1] += 1;
        }
        for cell in 0..cells {
            self.starts[cell + 1] += self.starts[cell];
        }
        self.cursor.clear();
        self.cursor.extend_from_slice(&self.starts);
        self.order.clear();
        self.order.resize(positions.len(), 0);
        for (index, &cell) in self.cell_of.iter().enumerate() {
            self.order[self.cursor[cell]] = index;
            self.cursor[cell] += 1;
        }
        self.xs.clear();
        self.xs
            .extend(self.order.iter().map(|&node| positions[node].x));
        self.ys.clear();
        self.ys
            .extend(self.order.iter().map(|&node| positions[node].y));
    }

    /// Fills `push_x`/`push_y` with the repulsion on every node (in `order`): each cell with
    /// itself and with the four neighbours after it (right; below left, below, below right),
    /// so every neighbouring pair is visited exactly once.
    fn repel(&mut self, law: Repulsion) {
        self.push_x.clear();
        self.push_x.resize(self.xs.len(), 0.0);
        self.push_y.clear();
        self.push_y.resize(self.ys.len(), 0.0);
        for row in 0..self.rows {
            for column in 0..self.columns {
                let own = self.cell_range(column, row);
                for a in own.clone() {
                    self.repel_slots(law, a, a + 1..own.end);
                }
                // Column 0 has no neighbour below left: `wrapping_sub` puts it out of range.
                let neighbours = [
                    (column + 1, row),
                    (column.wrapping_sub(1), row + 1),
                    (column, row + 1),
                    (column + 1, row + 1),
                ];
                for (other_column, other_row) in neighbours {
                    if other_column >= self.columns || other_row >= self.rows {
                        continue;
                    }
                    let other = self.cell_range(other_column, other_row);
                    for a in own.clone() {
                        self.repel_slots(law, a, other.clone());
                    }
                }
            }
        }
    }

    /// Pushes slot `a` and every slot in `others` (all after `a`) apart, when within reach.
    fn repel_slots(&mut self, law: Repulsion, a: usize, others: Range<usize>) {
        let (Some(&ax), Some(&ay)) = (self.xs.get(a), self.ys.get(a)) else {
            return;
        };
        let (Some(xs), Some(ys)) = (self.xs.get(others.clone()), self.ys.get(others.clone()))
        else {
            return;
        };
        let (Some(push_x), Some(push_y)) = (
            self.push_x.get_mut(others.clone()),
            self.push_y.get_mut(others),
        ) else {
            return;
        };
        let (mut sum_x, mut sum_y) = (0.0, 0.0);
        for (((&x, &y), px), py) in xs.iter().zip(ys).zip(push_x).zip(push_y) {
            let (dx, dy) = (ax - x, ay - y);
            let factor = law.factor(dx * dx + dy * dy);
            sum_x += dx * factor;
            sum_y += dy * factor;
            *px -= dx * factor;
            *py -= dy * factor;
        }
        if let (Some(px), Some(py)) = (self.push_x.get_mut(a), self.push_y.get_mut(a)) {
            *px += sum_x;
            *py += sum_y;
        }
    }

    /// Slots in `order` of the nodes in one cell.
    fn cell_range(&self, column: usize, row: usize) -> Range<usize> {
        let cell = row * self.columns + column;
        self.starts[cell]..self.starts[cell + 1]
    }
}

/// The cell `offset` from the grid's origin falls in, along one axis. Non-negative and at most
/// [`MAX_GRID_SIDE`] by the choice of cell size; NaN becomes 0.
fn index_along(offset: f32, cell: f32) -> usize {
    ((offset / cell) as usize).min(MAX_GRID_SIDE)
}

/// Lays out `graph` from scratch or from `previous` positions, to the end.
pub fn force_layout(
    graph: &Graph,
    previous: &HashMap<PartyKey, Point>,
    pinned: &HashSet<PartyKey>,
) -> Vec<Point> {
    ForceLayout::new(graph, previous, pinned).run()
}

/// Which labels to draw so that none overlaps another, in the app and in figures: those marked
/// as emphasised (hovered, selected) first and always, then the rest in the order given
/// (heaviest node first), each kept when it overlaps none kept before. A label is its box,
/// `[left, top, right, bottom]`.
pub fn labels_that_fit(labels: &[([f32; 4], bool)]) -> Vec<bool> {
    let mut kept = vec![false; labels.len()];
    let mut placed: Vec<[f32; 4]> = Vec::new();
    let overlaps = |a: &[f32; 4], b: &[f32; 4]| {
        // A hair of room between labels: touching text reads as one name.
        a[0] - 1.0 < b[2] && b[0] < a[2] + 1.0 && a[1] - 1.0 < b[3] && b[1] < a[3] + 1.0
    };
    let order = (0..labels.len())
        .filter(|&i| labels[i].1)
        .chain((0..labels.len()).filter(|&i| !labels[i].1));
    for index in order {
        let (rect, emphasised) = labels[index];
        if emphasised || !placed.iter().any(|other| overlaps(other, &rect)) {
            kept[index] = true;
            placed.push(rect);
        }
    }
    kept
}

/// One column of the hierarchical layout.
#[derive(Clone, Debug, PartialEq)]
pub struct HierarchyGroup {
    /// The province's name, or "Other" for parties outside every province.
    pub label: String,
    /// The province, when the group is one.
    pub province: Option<EntryId>,
    /// Its nodes, top to bottom.
    pub nodes: Vec<usize>,
}

/// The hierarchical layout: positions and the groups to draw as columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hierarchy {
    /// One per node.
    pub positions: Vec<Point>,
    /// Left to right.
    pub groups: Vec<HierarchyGroup>,
}

/// Width of a column in the hierarchical layout.
pub const COLUMN_WIDTH: f32 = 1.0;
/// Indent per level below the province.
pub const INDENT: f32 = 0.15;
/// Distance between rows.
pub const ROW_HEIGHT: f32 = 0.12;

/// Provinces as columns (by name, "Other" last); within one, an outline: the province, then
/// each city followed by its districts and zones, indented by depth and sorted by name at each
/// level (the order of the gazetteer's parent chain). Parties outside the gazetteer or every
/// province go in "Other", by name. About 1–2.5 ms for 2,000–4,000 nodes (release build).
pub fn hierarchical(graph: &Graph, gazetteer: &Gazetteer) -> Hierarchy {
    // Per node: its province (the column), and its names from the province down (the outline
    // order; its length less one is the depth).
    let placed: Vec<(Option<EntryId>, Vec<String>)> = graph
        .nodes
        .iter()
        .map(|node| {
            let entry = node.key.entry().and_then(|entry| gazetteer.entry(entry));
            match entry {
                Some(entry) => {
                    let province = gazetteer.province_of(entry.id);
                    let mut path: Vec<String> =
                        gazetteer.lineage(entry.id).map(Entry::full_name).collect();
                    path.reverse();
                    (province, path)
                }
                None => (None, vec![node.label.clone()]),
            }
        })
        .collect();
    let mut groups: Vec<HierarchyGroup> = Vec::new();
    let mut group_of: HashMap<Option<EntryId>, usize> = HashMap::new();
    for (node, (province, _)) in placed.iter().enumerate() {
        let group = *group_of.entry(*province).or_insert_with(|| {
            let label = province
                .and_then(|province| gazetteer.entry(province))
                .map_or_else(|| "Other".to_owned(), Entry::full_name);
            groups.push(HierarchyGroup {
                label,
                province: *province,
                nodes: Vec::new(),
            });
            groups.len() - 1
        });
        groups[group].nodes.push(node);
    }
    groups.sort_by(|a, b| {
        (a.province.is_none(), &a.label, a.province).cmp(&(
            b.province.is_none(),
            &b.label,
            b.province,
        ))
    });
    let mut positions = vec![Point::default(); graph.nodes.len()];
    for (column, group) in groups.iter_mut().enumerate() {
        group
            .nodes
            .sort_by(|&a, &b| placed[a].1.cmp(&placed[b].1).then(a.cmp(&b)));
        for (row, &node) in group.nodes.iter().enumerate() {
            // In "Other" everything is at the top level.
            let depth = if group.province.is_some() {
                placed[node].1.len().saturating_sub(1)
            } else {
                0
            };
            positions[node] = Point::new(
                column as f32 * COLUMN_WIDTH + depth as f32 * INDENT,
                row as f32 * ROW_HEIGHT,
            );
        }
    }
    Hierarchy { positions, groups }
}

/// Where a node's map position comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapPlacement {
    /// Its own coordinates.
    Own,
    /// The coordinates of the nearest containing place that has some, nudged aside.
    Ancestor(EntryId),
    /// Nothing to place it by: the panel lists it beside the map instead of drawing it; its
    /// position, in a row below the map, only seeds the force layout should the analyst switch
    /// to it (nodes apart, not piled on one point).
    Unplaced,
}

/// The geographic layout: positions and how each was found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapLayout {
    /// One per node: x = longitude × cos(35°), y = −latitude (north up), in degrees.
    pub positions: Vec<Point>,
    /// One per node.
    pub placements: Vec<MapPlacement>,
}

/// The latitude whose cosine scales longitude: the middle of China, fixed rather than taken
/// from the data so the map does not stretch as the filter changes.
pub const MAP_REFERENCE_LATITUDE: f32 = 35.0;

/// A longitude and latitude (degrees) in the map layout's units: x = longitude × cos 35°,
/// y = −latitude (north up). The nodes, the base map and the grid all go through here, so they
/// line up.
pub fn map_point((longitude, latitude): (f32, f32)) -> Point {
    Point::new(
        longitude * MAP_REFERENCE_LATITUDE.to_radians().cos(),
        -latitude,
    )
}
/// How far (degrees) a node placed by its ancestor sits from it.
const ANCESTOR_OFFSET: f32 = 0.15;
/// Gap (degrees) between the map and the row of unplaced nodes, and between those nodes.
const UNPLACED_GAP: f32 = 1.5;

/// Nodes at their longitude and latitude (equirectangular with a cos(latitude) correction).
/// A place without coordinates sits beside its nearest ancestor that has them, in a direction
/// hashed from its key; parties with neither are `Unplaced` (not drawn; their positions, a row
/// below the southernmost node in node order, only seed another layout).
pub fn geographic(graph: &Graph, gazetteer: &Gazetteer) -> MapLayout {
    let project = map_point;
    let mut layout = MapLayout::default();
    for node in &graph.nodes {
        let located = node.key.entry().and_then(|entry| {
            gazetteer
                .lineage(entry)
                .find_map(|place| Some((place.id, place.coordinates?)))
        });
        let (position, placement) = match located {
            Some((found, coordinates)) if Some(found) == node.key.entry() => {
                (project(coordinates), MapPlacement::Own)
            }
            Some((ancestor, coordinates)) => {
                let angle = hashed_point(node.key.stable_hash()).x * std::f32::consts::TAU;
                let centre = project(coordinates);
                let position = Point::new(
                    centre.x + ANCESTOR_OFFSET * angle.cos(),
                    centre.y + ANCESTOR_OFFSET * angle.sin(),
                );
                (position, MapPlacement::Ancestor(ancestor))
            }
            None => (Point::default(), MapPlacement::Unplaced),
        };
        layout.positions.push(position);
        layout.placements.push(placement);
    }
    place_unplaced_in_a_row(&mut layout);
    layout
}

fn place_unplaced_in_a_row(layout: &mut MapLayout) {
    let placed = || {
        layout
            .positions
            .iter()
            .zip(&layout.placements)
            .filter(|(_, placement)| **placement != MapPlacement::Unplaced)
            .map(|(position, _)| *position)
    };
    let left = placed().map(|p| p.x).reduce(f32::min).unwrap_or(0.0);
    let bottom = placed()
        .map(|p| p.y)
        .reduce(f32::max)
        .map_or(0.0, |y| y + UNPLACED_GAP);
    let mut x = left;
    for (position, placement) in layout.positions.iter_mut().zip(&layout.placements) {
        if *placement == MapPlacement::Unplaced {
            *position = Point::new(x, bottom);
            x += UNPLACED_GAP;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_never_overlap_and_the_heavier_or_emphasised_one_wins() {
        let at = |x: f32, y: f32| [x, y, x + 60.0, y + 12.0];
        // The first two overlap: the first (heavier) is kept. The third overlaps the first but
        // is emphasised (hovered): it is kept and the first gives way. The fourth stands apart.
        let labels = [
            (at(0.0, 0.0), false),
            (at(30.0, 5.0), false),
            (at(10.0, -6.0), true),
            (at(200.0, 0.0), false),
        ];
        assert_eq!(labels_that_fit(&labels), vec![false, false, true, true]);
        let calm = [
            (at(0.0, 0.0), false),
            (at(30.0, 5.0), false),
            (at(0.0, 40.0), false),
        ];
        assert_eq!(labels_that_fit(&calm), vec![true, false, true]);
    }

    use crate::desk::filter::tests::{event, linked, unlinked, ymd};
    use crate::extract::{CorpusEvent, Level};
    use crate::model::{EventKind, Participant};

    /// `edges` events between `nodes` unlinked parties, chosen by a fixed linear congruential
    /// sequence (reproducible, no randomness).
    fn generated(nodes: u64, edges: usize) -> Vec<CorpusEvent> {
        let mut state: u64 = 12_345;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % nodes
        };
        (0..edges)
            .map(|_| {
                let a = next();
                let b = (a + 1 + next() % (nodes - 1)) % nodes;
                let party = |n: u64| unlinked(&format!("Party {n}"));
                event(
                    EventKind::Agreement,
                    vec![party(a), party(b)],
                    ymd(2020, 1, 1),
                )
            })
            .collect()
    }

    fn graph_of(events: &[CorpusEvent]) -> Graph {
        let all: Vec<usize> = (0..events.len()).collect();
        Graph::build(events, &all, None, Gazetteer::bundled())
    }

    fn no_history() -> (HashMap<PartyKey, Point>, HashSet<PartyKey>) {
        (HashMap::new(), HashSet::new())
    }

    #[test]
    fn the_same_graph_always_gets_the_same_layout() {
        let graph = graph_of(&generated(60, 150));
        let (previous, pinned) = no_history();
        let first = force_layout(&graph, &previous, &pinned);
        let second = force_layout(&graph, &previous, &pinned);
        assert_eq!(first, second);
        assert!(first.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
        // Nodes end up apart: no two closer than a tenth of the ideal edge length.
        let k = (1.0 / 60.0_f32).sqrt();
        for (i, a) in first.iter().enumerate() {
            for b in &first[i + 1..] {
                assert!(a.distance(*b) > k / 10.0, "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn stepping_in_pieces_gives_the_same_result_as_one_run() {
        let graph = graph_of(&generated(40, 80));
        let (previous, pinned) = no_history();
        let mut layout = ForceLayout::new(&graph, &previous, &pinned);
        let mut steps = 0;
        while layout.step(7) {
            steps += 1;
        }
        assert!(layout.is_done());
        assert_eq!(steps, ForceLayout::ITERATIONS / 7);
        assert_eq!(layout.positions(), force_layout(&graph, &previous, &pinned));
    }

    #[test]
    fn adding_a_node_keeps_the_others_near_their_previous_positions() {
        let mut events = generated(60, 150);
        let before = graph_of(&events);
        let (previous, pinned) = no_history();
        let layout = ForceLayout::new(&before, &previous, &pinned);
        let mut layout = layout;
        layout.step(ForceLayout::ITERATIONS);
        let previous = layout.keyed(&before);

        events.push(event(
            EventKind::Visit,
            vec![unlinked("Party 3"), unlinked("Newcomer")],
            ymd(2021, 1, 1),
        ));
        let after = graph_of(&events);
        let positions = force_layout(&after, &previous, &pinned);
        let k = (1.0 / 61.0_f32).sqrt();
        let mut largest_move: f32 = 0.0;
        for (node, position) in after.nodes.iter().zip(&positions) {
            if let Some(old) = previous.get(&node.key) {
                largest_move = largest_move.max(old.distance(*position));
            }
        }
        assert!(
            largest_move < k / 4.0,
            "a node moved {largest_move} (k = {k})"
        );
        let newcomer = after.node_index(&PartyKey::name("Newcomer")).unwrap();
        let partner = after.node_index(&PartyKey::name("Party 3")).unwrap();
        assert!(positions[newcomer].distance(positions[partner]) < 2.0 * k);
    }

    #[test]
    fn pinned_nodes_stay_where_they_are() {
        let graph = graph_of(&generated(20, 40));
        let key = graph.nodes[0].key.clone();
        let previous = HashMap::from([(key.clone(), Point::new(3.0, -2.0))]);
        let pinned = HashSet::from([key]);
        let positions = force_layout(&graph, &previous, &pinned);
        assert_eq!(positions[0], Point::new(3.0, -2.0));
        let mut layout = ForceLayout::new(&graph, &HashMap::new(), &HashSet::new());
        layout.pin(1, Point::new(0.25, 0.75));
        layout.step(ForceLayout::ITERATIONS);
        assert_eq!(layout.positions()[1], Point::new(0.25, 0.75));
    }

    #[test]
    fn empty_and_single_node_graphs_lay_out_without_trouble() {
        let (previous, pinned) = no_history();
        assert!(force_layout(&Graph::default(), &previous, &pinned).is_empty());
        let events = [event(EventKind::Other, vec![unlinked("Alone")], None)];
        let positions = force_layout(&graph_of(&events), &previous, &pinned);
        assert!(positions[0].x.is_finite() && positions[0].y.is_finite());
    }

    fn places_corpus() -> Vec<CorpusEvent> {
        let party = |base: &str, level: Level| linked(base, level);
        vec![
            event(
                EventKind::Agreement,
                vec![
                    party("Jiangning", Level::County),
                    party("Chengdu", Level::Prefecture),
                    unlinked("Huawei"),
                ],
                ymd(2020, 3, 12),
            ),
            event(
                EventKind::Meeting,
                vec![
                    party("Nanjing", Level::Prefecture),
                    party("Shanghai", Level::Province),
                    party("Jiangsu", Level::Province),
                ],
                ymd(2020, 4, 1),
            ),
        ]
    }

    fn labels_of(graph: &Graph, nodes: &[usize]) -> Vec<String> {
        nodes
            .iter()
            .map(|&node| graph.nodes[node].label.clone())
            .collect()
    }

    #[test]
    fn the_hierarchy_is_province_then_city_then_district_with_other_last() {
        let graph = graph_of(&places_corpus());
        let hierarchy = hierarchical(&graph, Gazetteer::bundled());
        let columns: Vec<(&str, Vec<String>)> = hierarchy
            .groups
            .iter()
            .map(|group| (group.label.as_str(), labels_of(&graph, &group.nodes)))
            .collect();
        assert_eq!(
            columns,
            [
                (
                    "Jiangsu Province",
                    vec![
                        "Jiangsu Province".to_owned(),
                        "Nanjing City".to_owned(),
                        "Jiangning District".to_owned()
                    ]
                ),
                (
                    "Shanghai Municipality",
                    vec!["Shanghai Municipality".to_owned()]
                ),
                ("Sichuan Province", vec!["Chengdu City".to_owned()]),
                ("Other", vec!["Huawei".to_owned()]),
            ]
        );
        let at = |label: &str| {
            let node = graph
                .nodes
                .iter()
                .position(|node| node.label == label)
                .unwrap();
            hierarchy.positions[node]
        };
        let (province, city, district) = (
            at("Jiangsu Province"),
            at("Nanjing City"),
            at("Jiangning District"),
        );
        assert!(province.x < city.x && city.x < district.x);
        assert!(province.y < city.y && city.y < district.y);
        assert!(at("Chengdu City").x > district.x);
        assert_eq!(hierarchical(&graph, Gazetteer::bundled()), hierarchy);
    }

    #[test]
    fn the_map_puts_shanghai_east_of_chengdu_and_north_up() {
        let graph = graph_of(&places_corpus());
        let map = geographic(&graph, Gazetteer::bundled());
        let at = |label: &str| {
            let node = graph
                .nodes
                .iter()
                .position(|node| node.label == label)
                .unwrap();
            (map.positions[node], map.placements[node])
        };
        let (shanghai, placement) = at("Shanghai Municipality");
        let (chengdu, _) = at("Chengdu City");
        assert_eq!(placement, MapPlacement::Own);
        assert!(shanghai.x > chengdu.x);
        // Shanghai (31.2° N) is north of Chengdu (30.6° N): higher on screen.
        assert!(shanghai.y < chengdu.y);
        // A party with no coordinates goes below every place.
        let (huawei, placement) = at("Huawei");
        assert_eq!(placement, MapPlacement::Unplaced);
        assert!(graph.nodes.iter().enumerate().all(|(node, _)| {
            map.placements[node] == MapPlacement::Unplaced || map.positions[node].y < huawei.y
        }));
    }

    #[test]
    fn a_place_without_coordinates_sits_beside_its_ancestor() {
        let admin = "adcode\tname_zh\tpinyin\tkind\tlevel\tparent\tlon\tlat\taliases
320000\t江苏省\tJiangsu\tprovince\tprovince\t\t118.76\t32.06\t
320100\t南京市\tNanjing\tprefecture city\tprefecture\t320000\t118.79\t32.06\t
320115\t江宁区\tJiangning\tdistrict\tcounty\t320100\t\t\t
";
        let gazetteer = Gazetteer::from_tables(admin, &[], "");
        let jiangning = gazetteer
            .entries()
            .iter()
            .find(|e| e.base == "Jiangning")
            .unwrap();
        let nanjing = gazetteer
            .entries()
            .iter()
            .find(|e| e.base == "Nanjing")
            .unwrap();
        let party = |entry: &Entry| Participant {
            name: entry.full_name(),
            entry: Some(entry.id),
        };
        let events = [event(
            EventKind::Other,
            vec![party(jiangning), party(nanjing)],
            None,
        )];
        let graph = Graph::build(&events, &[0], None, &gazetteer);
        let map = geographic(&graph, &gazetteer);
        let district = graph.node_index(&PartyKey::Entry(jiangning.id)).unwrap();
        let city = graph.node_index(&PartyKey::Entry(nanjing.id)).unwrap();
        assert_eq!(map.placements[district], MapPlacement::Ancestor(nanjing.id));
        let gap = map.positions[district].distance(map.positions[city]);
        assert!((gap - ANCESTOR_OFFSET).abs() < 1e-4, "{gap}");
    }
}
