//! The district-relationship panel: the graph of parties that took part in events together,
//! with its layouts, the period slider, and a side list of places (so the graph is never the
//! only way in).
//!
//! Drag the background to pan, wheel to zoom, drag a node to pin it; click a node to filter
//! every panel to it, click an edge to list the events behind it. The pan and zoom are
//! [`GraphPanel`]'s, kept in `ui::Panels`; the graph and positions come from
//! [`crate::view::DeskView`].
//!
//! Long because the canvas (projection, three layouts' drawing, drag-to-pin) and the side list
//! share the panel's state; hit-testing is pure (`node_at`, `edge_at`) and tested below.

use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, Vec2};

use super::theme;
use super::windows::Windows;
use crate::desk::basemap::Basemap;
use crate::desk::graph::{Graph, GroupBy, level_label};
use crate::desk::layout::{self, Point};
use crate::desk::party::PartyKey;
use crate::desk::time::Day;
use crate::extract::Gazetteer;
use crate::state::{AppState, Command, DeskCommand};
use crate::view::GraphLayout;

/// Pan (in points) and zoom of the graph view.
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    offset: Vec2,
    zoom: f32,
}

impl Default for View {
    fn default() -> Self {
        Self {
            offset: Vec2::ZERO,
            zoom: 1.0,
        }
    }
}

const LIST_WIDTH: f32 = 170.0;
const MARGIN: f32 = 30.0;

/// The narrowest a province column is drawn, in points: wide enough for its name and its
/// places' names, so that twenty provinces in a narrow panel do not overprint each other —
/// they run past the canvas and are panned to.
const MIN_COLUMN_POINTS: f32 = 170.0;

/// The shortest a row of the province columns is drawn, in points (11-point labels).
const MIN_ROW_POINTS: f32 = 16.0;

/// What the graph panel keeps between frames: its pan and zoom, the node being dragged (by its
/// party: the graph may be rebuilt mid-drag while a folder loads), and the place list's order.
#[derive(Debug, Default)]
pub struct GraphPanel {
    view: View,
    dragged: Option<PartyKey>,
    places_by_name: bool,
}

impl GraphPanel {
    /// Draws the relationship panel; returns the analyst's commands.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        windows: &mut Windows,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let desk = &state.desk;
        let view = &mut self.view;
        ui.horizontal_wrapped(|ui| {
            ui.strong("Relationships");
            ui.label(format!(
                "{} parties · {} ties",
                desk.graph.nodes.len(),
                desk.graph.edges.len()
            ));
            ui.separator();
            for (layout, label) in GraphLayout::ALL {
                if ui
                    .selectable_label(desk.graph_layout == layout, label)
                    .clicked()
                {
                    commands.push(Command::Desk(DeskCommand::SetGraphLayout(layout)));
                    *view = View::default();
                }
            }
            ui.separator();
            ui.label("Colour:");
            for (group_by, label) in [
                (GroupBy::Province, "province"),
                (GroupBy::Level, "level"),
                (GroupBy::Community, "community"),
            ] {
                if ui
                    .selectable_label(desk.group_by == group_by, label)
                    .clicked()
                {
                    commands.push(Command::Desk(DeskCommand::SetGroupBy(group_by)));
                }
            }
            ui.separator();
            commands.extend(period_ui(ui, state));
            if ui
                .button("Reset")
                .on_hover_text("Unpin every node, lay the graph out afresh and fit it to the panel")
                .clicked()
            {
                *view = View::default();
                commands.push(Command::Desk(DeskCommand::ResetLayout));
            }
        });
        let available = ui.available_rect_before_wrap();
        let list_rect = Rect::from_min_max(
            Pos2::new(available.right() - LIST_WIDTH, available.top()),
            available.right_bottom(),
        );
        let canvas = Rect::from_min_max(
            available.left_top(),
            Pos2::new(list_rect.left() - 6.0, available.bottom()),
        );
        commands.extend(canvas_ui(ui, state, canvas, view, &mut self.dragged));
        let mut list_ui = ui.new_child(egui::UiBuilder::new().max_rect(list_rect));
        commands.extend(side_list_ui(
            &mut list_ui,
            state,
            &mut self.places_by_name,
            windows,
        ));
        commands
    }
}

/// Two year sliders: the network as of a time window.
fn period_ui(ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some((first, last)) = state.desk.timeline.fit() else {
        return commands;
    };
    let (min_year, max_year) = (first.ymd().0, last.ymd().0);
    let window = state.desk.graph_window;
    let mut all_time = window.is_none();
    if ui
        .checkbox(&mut all_time, "All time")
        .on_hover_text("Untick to show only the ties of a period")
        .changed()
    {
        commands.push(Command::Desk(DeskCommand::SetGraphWindow(if all_time {
            None
        } else {
            Some((
                Day::from_ymd(min_year, 1, 1),
                Day::from_ymd(max_year, 12, 31),
            ))
        })));
    }
    if let Some((from, to)) = window {
        let (mut from_year, mut to_year) = (from.ymd().0, to.ymd().0);
        let from_changed = ui
            .add(egui::Slider::new(&mut from_year, min_year..=max_year).text("from"))
            .changed();
        let to_changed = ui
            .add(egui::Slider::new(&mut to_year, min_year..=max_year).text("to"))
            .changed();
        if from_changed || to_changed {
            let (from_year, to_year) = (from_year.min(to_year), to_year.max(from_year));
            commands.push(Command::Desk(DeskCommand::SetGraphWindow(Some((
                Day::from_ymd(from_year, 1, 1),
                Day::from_ymd(to_year, 12, 31),
            )))));
        }
    }
    commands
}

/// Maps layout coordinates to the screen: the layout's bounds fitted into the canvas, then the
/// analyst's pan and zoom.
struct Projection {
    min: Point,
    scale: Vec2,
    origin: Pos2,
    view: View,
}

impl Projection {
    /// `uniform` keeps the layout's aspect (a map); otherwise each axis fills the canvas (the
    /// province columns are far wider than tall).
    /// `max_scale` (points per layout unit) keeps a small graph from being stretched to the
    /// canvas corners; `min_scale` keeps a large one readable, running past the canvas from its
    /// top left corner (the analyst pans to the rest).
    fn new(
        positions: impl IntoIterator<Item = Point>,
        canvas: Rect,
        view: View,
        uniform: bool,
        (min_scale, max_scale): (Vec2, f32),
    ) -> Self {
        let (mut min, mut max) = (
            Point::new(f32::MAX, f32::MAX),
            Point::new(f32::MIN, f32::MIN),
        );
        for p in positions
            .into_iter()
            .filter(|p| p.x.is_finite() && p.y.is_finite())
        {
            min = Point::new(min.x.min(p.x), min.y.min(p.y));
            max = Point::new(max.x.max(p.x), max.y.max(p.y));
        }
        if min.x > max.x {
            min = Point::new(0.0, 0.0);
            max = Point::new(1.0, 1.0);
        }
        let inner = canvas.shrink(MARGIN);
        let width = (max.x - min.x).max(1e-3);
        let height = (max.y - min.y).max(1e-3);
        let mut scale = Vec2::new(inner.width() / width, inner.height() / height);
        if uniform {
            scale = Vec2::splat(scale.x.min(scale.y));
        }
        scale = scale.min(Vec2::splat(max_scale)).max(min_scale);
        let used = Vec2::new(width * scale.x, height * scale.y);
        let centred = inner.center() - used / 2.0;
        let origin = Pos2::new(
            if used.x > inner.width() {
                inner.left()
            } else {
                centred.x
            },
            if used.y > inner.height() {
                inner.top()
            } else {
                centred.y
            },
        );
        Self {
            min,
            scale,
            origin,
            view,
        }
    }

    fn to_screen(&self, p: Point) -> Pos2 {
        let base = self.origin
            + Vec2::new(
                (p.x - self.min.x) * self.scale.x,
                (p.y - self.min.y) * self.scale.y,
            );
        let centre = self.origin;
        centre + (base - centre) * self.view.zoom + self.view.offset
    }

    fn to_layout(&self, pos: Pos2) -> Point {
        let centre = self.origin;
        let base = centre + (pos - self.view.offset - centre) / self.view.zoom;
        Point::new(
            (base.x - self.origin.x) / self.scale.x + self.min.x,
            (base.y - self.origin.y) / self.scale.y + self.min.y,
        )
    }
}

fn node_radius(weight: usize) -> f32 {
    4.0 + 2.5 * (weight as f32).sqrt()
}

fn canvas_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    canvas: Rect,
    view: &mut View,
    dragged: &mut Option<PartyKey>,
) -> Vec<Command> {
    let desk = &state.desk;
    let graph = &desk.graph;
    let response = ui.allocate_rect(canvas, Sense::click_and_drag());
    let painter = ui.painter_at(canvas);
    let visuals = ui.visuals();
    let is_map = desk.graph_layout == GraphLayout::Map;
    let background = if is_map {
        theme::map_sea_colour(visuals)
    } else {
        visuals.extreme_bg_color
    };
    painter.rect_filled(canvas, 0.0, background);
    if graph.nodes.is_empty() {
        painter.text(
            canvas.center(),
            Align2::CENTER_CENTER,
            "No ties between parties match the filter.",
            theme::body_font(),
            visuals.weak_text_color(),
        );
        return Vec::new();
    }
    let uniform = desk.graph_layout != GraphLayout::Hierarchy;
    let max_scale = match desk.graph_layout {
        // Layout units: the force layout spreads a graph over about a unit square; the map is
        // in degrees.
        GraphLayout::Force => 320.0,
        GraphLayout::Map => 90.0,
        GraphLayout::Hierarchy => f32::INFINITY,
    };
    let min_scale = if desk.graph_layout == GraphLayout::Hierarchy {
        Vec2::new(
            MIN_COLUMN_POINTS / layout::COLUMN_WIDTH,
            MIN_ROW_POINTS / layout::ROW_HEIGHT,
        )
    } else {
        Vec2::ZERO
    };
    // The province columns' names sit above their first rows: inside the bounds too (chained,
    // not copied, each frame). The map is fitted to China, wherever its nodes are.
    let china = Basemap::bundled().bounds;
    let map_corners = [(china.west, china.north), (china.east, china.south)].map(layout::map_point);
    let bounds: Box<dyn Iterator<Item = Point>> =
        if is_map && !Basemap::bundled().regions.is_empty() {
            Box::new(map_corners.into_iter())
        } else {
            Box::new(
                desk.positions
                    .iter()
                    .copied()
                    .chain(desk.column_labels.iter().map(|(_, at)| *at)),
            )
        };
    let projection = Projection::new(bounds, canvas, *view, uniform, (min_scale, max_scale));
    // In the province columns a label is cut to its column, so that columns never overprint.
    let label_width = (desk.graph_layout == GraphLayout::Hierarchy)
        .then_some(layout::COLUMN_WIDTH * projection.scale.x * view.zoom);
    // A node the map has no place for is listed beside it, not drawn: no position on screen.
    let mut screen: Vec<Option<Pos2>> = desk
        .positions
        .iter()
        .map(|&p| Some(projection.to_screen(p)))
        .collect();
    if is_map {
        for &node in &desk.map_unplaced {
            if let Some(at) = screen.get_mut(node) {
                *at = None;
            }
        }
    }
    let pointer = response.hover_pos();
    let hovered_node = pointer.and_then(|pointer| {
        let discs = graph.nodes.iter().enumerate().map(|(index, node)| {
            (
                screen.get(index).copied().flatten(),
                node_radius(node.weight),
            )
        });
        node_at(discs, pointer)
    });
    let hovered_edge = if hovered_node.is_none() {
        pointer.and_then(|pointer| {
            let curves = graph
                .edges
                .iter()
                .map(|edge| edge_curve(&screen, edge.nodes, is_map));
            edge_at(curves, pointer)
        })
    } else {
        None
    };
    let hovered = Hovered {
        node: hovered_node,
        edge: hovered_edge,
    };
    let mut commands = drag_and_zoom(ui, &response, graph, &projection, view, dragged, hovered);
    let frame = CanvasFrame {
        painter: &painter,
        visuals,
        state,
        screen: &screen,
        projection: &projection,
        zoom: view.zoom,
        label_width,
    };
    if is_map {
        paint_map_grid(&painter, visuals, &projection, canvas);
        paint_basemap(&painter, visuals, &projection, canvas);
    }
    frame.paint_labels(canvas);
    frame.paint_edges(hovered);
    frame.paint_nodes(hovered);
    hover_tooltip(&response, graph, hovered);
    if response.clicked() {
        commands.extend(click_commands(state, hovered));
    }
    commands
}

/// The places and parties the map has no coordinates for, beside the map (they are not drawn
/// on it); a click selects one as a click on its node would.
fn unplaced_list_ui(ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
    let mut commands = Vec::new();
    let desk = &state.desk;
    let graph = &desk.graph;
    let selected = desk.selected_node();
    egui::CollapsingHeader::new(
        egui::RichText::new(format!("Not on the map ({})", desk.map_unplaced.len())).strong(),
    )
    .id_salt("graph_not_on_the_map")
    .default_open(true)
    .show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("graph_not_on_the_map_list")
            .max_height(UNPLACED_LIST_HEIGHT)
            .show(ui, |ui| {
                for &node_index in &desk.map_unplaced {
                    let Some(node) = graph.nodes.get(node_index) else {
                        continue;
                    };
                    if ui
                        .selectable_label(
                            selected == Some(node_index),
                            format!("{}  ({})", node.label, node.weight),
                        )
                        .on_hover_text("No coordinates for it or for a place it lies in: click to show only its events")
                        .clicked()
                    {
                        commands.extend(select_party_commands(state, &node.key));
                    }
                }
            });
    });
    ui.separator();
    commands
}

/// What a click on a party's node sends: select it and narrow every panel to it.
fn select_party_commands(state: &AppState, key: &PartyKey) -> Vec<Command> {
    let mut filter = state.desk.filter.clone();
    filter.place = Some(key.clone());
    vec![
        Command::Desk(DeskCommand::SelectParty(Some(key.clone()))),
        Command::Desk(DeskCommand::SetFilter(filter)),
    ]
}

/// An edge on screen as a quadratic Bézier: start, control, end. On the map a tie bows to the
/// left of its direction by a sixth of its length, so ties between neighbours do not hide each
/// other or the borders; elsewhere it is straight (the control point halfway). `None` when an
/// end has no place on screen.
fn edge_curve(screen: &[Option<Pos2>], (a, b): (usize, usize), curved: bool) -> Option<[Pos2; 3]> {
    let (start, end) = ((*screen.get(a)?)?, (*screen.get(b)?)?);
    let middle = start + (end - start) / 2.0;
    let control = if curved {
        middle + (end - start).rot90() * EDGE_BEND
    } else {
        middle
    };
    Some([start, control, end])
}

/// How far a tie on the map bows out, as a share of its length.
const EDGE_BEND: f32 = 1.0 / 6.0;

/// The shortest step of a province border on screen, in points.
const MIN_BORDER_STEP_POINTS: f32 = 1.5;

/// Tallest the "Not on the map" list grows before it scrolls, in points.
const UNPLACED_LIST_HEIGHT: f32 = 180.0;

/// The base map: provinces filled in the land colour over the sea, their borders, and their
/// names in a muted colour where the province is wide enough on screen to hold one.
fn paint_basemap(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    projection: &Projection,
    canvas: Rect,
) {
    let map = Basemap::bundled();
    let land = theme::map_land_colour(visuals);
    let border = Stroke::new(1.0, theme::map_border_colour(visuals));
    let to_screen = |lonlat| projection.to_screen(layout::map_point(lonlat));
    let visible: Vec<_> = map
        .regions
        .iter()
        .filter(|region| {
            let b = region.bounds;
            let corners =
                Rect::from_two_pos(to_screen((b.west, b.north)), to_screen((b.east, b.south)));
            corners.intersects(canvas)
        })
        .collect();
    // Every fill first, then every border: a border is never covered by a neighbour's land.
    let mut mesh = egui::Mesh::default();
    let mut outlines = Vec::new();
    for region in &visible {
        for (ring, triangles) in region.rings.iter().zip(&region.fills) {
            let first = mesh.vertices.len() as u32;
            let points: Vec<Pos2> = ring.iter().map(|&lonlat| to_screen(lonlat)).collect();
            for &point in &points {
                mesh.colored_vertex(point, land);
            }
            for &[a, b, c] in triangles {
                mesh.add_triangle(first + a, first + b, first + c);
            }
            // Points closer than a point on screen are dropped from the border: a stroke's
            // joins at such sub-pixel zigzags (a far zoom-out, a tiny island) draw as spikes.
            let mut outline: Vec<Pos2> = Vec::with_capacity(points.len());
            for point in points {
                if outline
                    .last()
                    .is_none_or(|last| last.distance(point) >= MIN_BORDER_STEP_POINTS)
                {
                    outline.push(point);
                }
            }
            if outline.len() >= 3 {
                outlines.push(egui::Shape::closed_line(outline, border));
            }
        }
    }
    painter.add(mesh);
    painter.extend(outlines);
    let colour = theme::map_label_colour(visuals);
    for region in &visible {
        let b = region.bounds;
        let width = (to_screen((b.east, b.south)).x - to_screen((b.west, b.south)).x).abs();
        let galley = painter.layout_no_wrap(region.name.clone(), theme::small_font(), colour);
        if galley.size().x > width * 0.9 {
            continue;
        }
        painter.galley(
            to_screen(region.label_at) - galley.size() / 2.0,
            galley,
            colour,
        );
    }
}

/// What the pointer is over: a node, else an edge.
#[derive(Clone, Copy, Debug)]
struct Hovered {
    node: Option<usize>,
    edge: Option<usize>,
}

/// One frame's drawing of the canvas: where each node is on screen and how labels are cut.
struct CanvasFrame<'a> {
    painter: &'a egui::Painter,
    visuals: &'a egui::Visuals,
    state: &'a AppState,
    /// Each node's position on screen, in node order (`None`: not on the map).
    screen: &'a [Option<Pos2>],
    projection: &'a Projection,
    zoom: f32,
    /// In the province columns, the width a label is cut to.
    label_width: Option<f32>,
}

/// Dragging a node pins it, dragging elsewhere pans, the wheel zooms around the pointer.
/// Returns the pin commands.
fn drag_and_zoom(
    ui: &egui::Ui,
    response: &egui::Response,
    graph: &Graph,
    projection: &Projection,
    view: &mut View,
    dragged: &mut Option<PartyKey>,
    hovered: Hovered,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let hovered_node = hovered.node;
    let pointer = response.hover_pos();
    // The node is held by its party, not its index: the graph may be rebuilt mid-drag while a
    // folder loads.
    if response.drag_started() {
        *dragged = hovered_node.and_then(|node| graph.nodes.get(node).map(|node| node.key.clone()));
    }
    if response.dragged() {
        match dragged {
            Some(key) => {
                if let Some(pointer) = response.interact_pointer_pos() {
                    commands.push(Command::Desk(DeskCommand::PinNode(
                        key.clone(),
                        projection.to_layout(pointer),
                    )));
                }
            }
            None => view.offset += response.drag_delta(),
        }
    }
    if response.drag_stopped() {
        *dragged = None;
    }
    if response.hovered() {
        let (scroll, zoom) = ui.input(|input| (input.smooth_scroll_delta.y, input.zoom_delta()));
        let factor = zoom * (scroll / 200.0).exp();
        if (factor - 1.0).abs() > 1e-4
            && let Some(pointer) = pointer
        {
            let new_zoom = (view.zoom * factor).clamp(0.2, 20.0);
            let applied = new_zoom / view.zoom;
            let centre = projection.origin;
            // Keep the point under the pointer where it is.
            let before = pointer - view.offset - centre;
            view.offset = pointer - centre - before * applied;
            view.zoom = new_zoom;
        }
    }
    commands
}

impl CanvasFrame<'_> {
    /// The province columns' names, and a line when anything lies past the canvas's edge.
    fn paint_labels(&self, canvas: Rect) {
        let (painter, visuals, projection, screen) =
            (self.painter, self.visuals, self.projection, self.screen);
        let desk = &self.state.desk;
        let label_width = self.label_width;
        for (label, at) in &desk.column_labels {
            let galley = one_line(
                painter,
                label,
                theme::label_font(),
                visuals.strong_text_color(),
                label_width.map(|width| width - 12.0),
            );
            let bottom_left = projection.to_screen(*at);
            painter.galley(
                bottom_left - Vec2::new(0.0, galley.size().y),
                galley,
                visuals.strong_text_color(),
            );
        }
        // Columns or nodes past the edge (many provinces in a narrow panel, or a zoom): say how
        // to reach them.
        if screen.iter().flatten().any(|at| !canvas.contains(*at)) {
            painter.text(
                canvas.left_bottom() + Vec2::new(8.0, -6.0),
                Align2::LEFT_BOTTOM,
                "More lies past the edge: drag to pan, scroll to zoom.",
                theme::small_font(),
                visuals.weak_text_color(),
            );
        }
    }

    /// The ties, wider for more shared events, marked when hovered or selected or when they
    /// touch the selected node.
    fn paint_edges(&self, hovered: Hovered) {
        let (painter, visuals, screen) = (self.painter, self.visuals, self.screen);
        let desk = &self.state.desk;
        let graph = &desk.graph;
        let hovered_edge = hovered.edge;
        let selected_node = desk.selected_node();
        let selected_edge = desk.selected_edge.as_ref().and_then(|(a, b)| {
            let (a, b) = (graph.node_index(a)?, graph.node_index(b)?);
            Some((a.min(b), a.max(b)))
        });
        let edge_colour = visuals
            .widgets
            .noninteractive
            .fg_stroke
            .color
            .gamma_multiply(0.35);
        let curved = desk.graph_layout == GraphLayout::Map;
        for (index, edge) in graph.edges.iter().enumerate() {
            let Some(curve) = edge_curve(screen, edge.nodes, curved) else {
                continue;
            };
            let emphasised = Some(index) == hovered_edge
                || Some(edge.nodes) == selected_edge
                || selected_node.is_some_and(|node| edge.nodes.0 == node || edge.nodes.1 == node);
            let width = 1.0 + (edge.weight() as f32).ln() * 1.5;
            let colour = if emphasised {
                theme::selection_colour(visuals)
            } else {
                edge_colour
            };
            let stroke = Stroke::new(width, colour);
            if curved {
                painter.add(egui::epaint::QuadraticBezierShape::from_points_stroke(
                    curve,
                    false,
                    egui::Color32::TRANSPARENT,
                    stroke,
                ));
            } else {
                painter.line_segment([curve[0], curve[2]], stroke);
            }
        }
    }

    /// The nodes coloured by group, marked when selected, hovered or a party of the selected
    /// event, with a note marker, a pin dot and their labels.
    fn paint_nodes(&self, hovered: Hovered) {
        let (painter, visuals, screen, projection) =
            (self.painter, self.visuals, self.screen, self.projection);
        let state = self.state;
        let desk = &state.desk;
        let graph = &desk.graph;
        let gazetteer = Gazetteer::bundled();
        let hovered_node = hovered.node;
        let label_width = self.label_width;
        let zoom = self.zoom;
        let selected_event_parties: Vec<PartyKey> = desk
            .selected_event()
            .and_then(|index| desk.events.get(index))
            .map(|event| event.event.participants.iter().map(PartyKey::of).collect())
            .unwrap_or_default();
        let selected_node = desk.selected_node();
        // Places with notes get a small marker.
        let noted: std::collections::HashSet<&crate::notebook::PlaceRef> = state
            .journal
            .notebook
            .notes
            .iter()
            .filter_map(|note| match &note.target {
                crate::notebook::Target::Place { place } => Some(place),
                _ => None,
            })
            .collect();
        let mut labels = Vec::new();
        for (index, node) in graph.nodes.iter().enumerate() {
            let Some(&Some(centre)) = screen.get(index) else {
                continue;
            };
            let has_notes = !noted.is_empty()
                && crate::notebook::PlaceRef::of_party(&node.key, gazetteer)
                    .is_some_and(|place| noted.contains(&place));
            let group = desk.grouping.node_group.get(index).copied().unwrap_or(0);
            let radius = node_radius(node.weight);
            painter.circle_filled(centre, radius, theme::group_colour(group));
            let emphasised = Some(index) == selected_node
                || Some(index) == hovered_node
                || selected_event_parties.contains(&node.key);
            if emphasised {
                painter.circle_stroke(
                    centre,
                    radius + 2.0,
                    Stroke::new(2.5, theme::selection_colour(visuals)),
                );
            }
            if has_notes {
                let radius = node_radius(node.weight);
                let corner = centre + Vec2::new(radius * 0.7, -radius * 0.7);
                painter.rect_filled(
                    Rect::from_center_size(corner, Vec2::splat(6.0)),
                    1.0,
                    theme::selection_colour(visuals),
                );
            }
            if desk.pinned.contains(&node.key) {
                painter.circle_filled(centre, 2.0, visuals.strong_text_color());
            }
            // Cut where the next column starts (the indent of a district is part of its
            // column).
            let indent = desk.positions.get(index).map_or(0.0, |at| {
                (at.x - (at.x / layout::COLUMN_WIDTH).floor() * layout::COLUMN_WIDTH)
                    * projection.scale.x
                    * zoom
            });
            let galley = one_line(
                painter,
                &node.label,
                theme::small_font(),
                visuals.text_color(),
                label_width.map(|width| width - indent - radius - 12.0),
            );
            let at = centre + Vec2::new(radius + 3.0, -galley.size().y / 2.0);
            labels.push((
                index,
                emphasised,
                Rect::from_min_size(at, galley.size()),
                galley,
            ));
        }
        // Labels never overlap: the emphasised first, then by weight (the graph's order), each
        // shown only where no label already stands; hover shows the rest in full.
        let rects: Vec<([f32; 4], bool)> = labels
            .iter()
            .map(|(_, emphasised, rect, _)| {
                (
                    [rect.min.x, rect.min.y, rect.max.x, rect.max.y],
                    *emphasised,
                )
            })
            .collect();
        let shown = layout::labels_that_fit(&rects);
        for ((_, _, rect, galley), show) in labels.into_iter().zip(shown) {
            if show {
                // A veil of the canvas colour keeps a label readable over the nodes under it.
                painter.rect_filled(
                    rect.expand(1.0),
                    2.0,
                    visuals.extreme_bg_color.gamma_multiply(0.75),
                );
                painter.galley(rect.min, galley, visuals.text_color());
            }
        }
    }
}

/// The hovered node's or tie's details at the pointer.
fn hover_tooltip(response: &egui::Response, graph: &Graph, hovered: Hovered) {
    let gazetteer = Gazetteer::bundled();
    let (hovered_node, hovered_edge) = (hovered.node, hovered.edge);
    if let Some(node) = hovered_node {
        response.clone().on_hover_ui_at_pointer(|ui| {
            if let Some(info) = graph.info(node, gazetteer) {
                ui.strong(&info.label);
                if let Some(level) = info.level {
                    ui.label(level_label(level));
                }
                if !info.parents.is_empty() {
                    ui.label(format!("In {}", info.parents.join(", ")));
                }
                ui.label(format!("{} events", info.events));
                let partners: Vec<String> = info
                    .partners
                    .iter()
                    .take(8)
                    .filter_map(|&(partner, count)| {
                        Some(format!("{} ({count})", graph.nodes.get(partner)?.label))
                    })
                    .collect();
                if !partners.is_empty() {
                    ui.label(format!("Partners: {}", partners.join(", ")));
                }
                ui.weak("Click to show only its events everywhere; drag to pin it.");
            }
        });
    } else if let Some(edge) = hovered_edge.and_then(|edge| graph.edges.get(edge)) {
        response.clone().on_hover_ui_at_pointer(|ui| {
            let label = |node: usize| graph.nodes.get(node).map_or("", |n| n.label.as_str());
            ui.strong(format!("{} – {}", label(edge.nodes.0), label(edge.nodes.1)));
            ui.label(format!("{} events together", edge.weight()));
            ui.weak("Click to list them.");
        });
    }
}

/// A click selects the node (and filters every panel to it) or the tie under the pointer, or
/// lets go of the selected tie.
fn click_commands(state: &AppState, hovered: Hovered) -> Vec<Command> {
    let desk = &state.desk;
    let graph = &desk.graph;
    if let Some(node) = hovered.node.and_then(|node| graph.nodes.get(node)) {
        return select_party_commands(state, &node.key);
    }
    if let Some(edge) = hovered.edge.and_then(|edge| graph.edges.get(edge)) {
        let key = |node: usize| graph.nodes.get(node).map(|n| n.key.clone());
        return match (key(edge.nodes.0), key(edge.nodes.1)) {
            (Some(a), Some(b)) => vec![Command::Desk(DeskCommand::SelectEdge(Some((a, b))))],
            _ => Vec::new(),
        };
    }
    vec![Command::Desk(DeskCommand::SelectEdge(None))]
}

/// `text` laid out on one line, cut with "…" at `max_width` points when one is given.
fn one_line(
    painter: &egui::Painter,
    text: &str,
    font: FontId,
    colour: egui::Color32,
    max_width: Option<f32>,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, colour);
    if let Some(width) = max_width {
        job.wrap = egui::text::TextWrapping::truncate_at_width(width.max(24.0));
    }
    painter.layout_job(job)
}

/// The least room between two meridians' labels, in points.
const MIN_GRID_POINTS: f32 = 38.0;

/// Parallels and meridians every five degrees (more when zoomed far out), labelled, under the base map's land (so they
/// show at sea). The geographic layout puts x at longitude × cos 35° and y at −latitude.
fn paint_map_grid(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    projection: &Projection,
    canvas: Rect,
) {
    let scale = layout::MAP_REFERENCE_LATITUDE.to_radians().cos();
    // Five degrees apart, or ten or twenty when five would crowd the labels.
    let points_per_degree = (projection.to_screen(Point::new(0.0, -1.0)).y
        - projection.to_screen(Point::new(0.0, 0.0)).y)
        .abs();
    let step = [5.0, 10.0, 20.0]
        .into_iter()
        .find(|step| step * points_per_degree * scale >= MIN_GRID_POINTS)
        .unwrap_or(40.0);
    let top_left = projection.to_layout(canvas.left_top());
    let bottom_right = projection.to_layout(canvas.right_bottom());
    let (west, east) = (top_left.x / scale, bottom_right.x / scale);
    let (north, south) = (-top_left.y, -bottom_right.y);
    let colour = visuals
        .widgets
        .noninteractive
        .bg_stroke
        .color
        .gamma_multiply(0.6);
    let font = theme::tiny_font();
    let lines = |from: f32, to: f32| {
        let first = (from.min(to) / step).floor() as i32;
        let last = (from.max(to) / step).ceil() as i32;
        // A far zoom-out would otherwise draw thousands of lines.
        (first..=last).take(200).map(move |k| k as f32 * step)
    };
    for longitude in lines(west, east) {
        let x = projection.to_screen(Point::new(longitude * scale, 0.0)).x;
        painter.line_segment(
            [Pos2::new(x, canvas.top()), Pos2::new(x, canvas.bottom())],
            Stroke::new(1.0, colour),
        );
        painter.text(
            Pos2::new(x + 2.0, canvas.bottom() - 2.0),
            Align2::LEFT_BOTTOM,
            format!("{longitude:.0}°E"),
            font.clone(),
            visuals.weak_text_color(),
        );
    }
    for latitude in lines(south, north) {
        let y = projection.to_screen(Point::new(0.0, -latitude)).y;
        painter.line_segment(
            [Pos2::new(canvas.left(), y), Pos2::new(canvas.right(), y)],
            Stroke::new(1.0, colour),
        );
        painter.text(
            Pos2::new(canvas.left() + 2.0, y - 2.0),
            Align2::LEFT_BOTTOM,
            format!("{latitude:.0}°N"),
            font.clone(),
            visuals.weak_text_color(),
        );
    }
}

/// The node under `pointer`: the nearest whose disc on screen (grown by 3 points, so small
/// nodes can be hit) holds it. `discs` gives each node's centre (`None`: not placed) and radius.
fn node_at(discs: impl IntoIterator<Item = (Option<Pos2>, f32)>, pointer: Pos2) -> Option<usize> {
    discs
        .into_iter()
        .enumerate()
        .filter_map(|(index, (centre, radius))| {
            let distance = centre?.distance(pointer);
            (distance <= radius + 3.0).then_some((index, distance))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(index, _)| index)
}

/// The tie under `pointer`: the nearest of `curves` (each edge on screen as a quadratic
/// Bézier — start, control, end —, `None` when an end is not placed) within 4 points of it.
fn edge_at(curves: impl IntoIterator<Item = Option<[Pos2; 3]>>, pointer: Pos2) -> Option<usize> {
    curves
        .into_iter()
        .enumerate()
        .filter_map(|(index, curve)| {
            let distance = distance_to_curve(pointer, curve?);
            (distance <= 4.0).then_some((index, distance))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(index, _)| index)
}

/// The distance from `p` to a quadratic Bézier, measured to the curve as sixteen segments
/// (a straight one, its control halfway, is one segment however it is cut).
fn distance_to_curve(p: Pos2, [start, control, end]: [Pos2; 3]) -> f32 {
    const SEGMENTS: usize = 16;
    let at = |t: f32| {
        let u = 1.0 - t;
        (start.to_vec2() * (u * u) + control.to_vec2() * (2.0 * u * t) + end.to_vec2() * (t * t))
            .to_pos2()
    };
    (0..SEGMENTS)
        .map(|k| {
            let (t0, t1) = (k as f32 / SEGMENTS as f32, (k + 1) as f32 / SEGMENTS as f32);
            distance_to_segment(p, at(t0), at(t1))
        })
        .fold(f32::INFINITY, f32::min)
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length = ab.length_sq();
    if length <= f32::EPSILON {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / length).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

/// Places by number of events (click to filter to one); the partners of the selected place;
/// the events of the selected tie.
fn side_list_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    by_name: &mut bool,
    windows: &mut Windows,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let desk = &state.desk;
    let graph = &desk.graph;
    commands.extend(edge_events_ui(ui, state));
    if let Some(node) = desk.selected_node() {
        ui.horizontal(|ui| {
            ui.strong(format!("Partners of {}", graph.nodes[node].label));
            if ui
                .small_button("×")
                .on_hover_text("Clear the place filter")
                .clicked()
            {
                commands.push(Command::Desk(DeskCommand::SelectParty(None)));
                let mut filter = desk.filter.clone();
                filter.place = None;
                commands.push(Command::Desk(DeskCommand::SetFilter(filter)));
            }
        });
        if let Some(target) = super::widgets::place_target(&graph.nodes[node].key) {
            let notes = state.journal.notebook.notes_for(&target).count();
            ui.horizontal(|ui| {
                if ui.small_button("Add note…").clicked() {
                    windows.write_note(
                        target.clone(),
                        format!("On the place {}", graph.nodes[node].label),
                    );
                }
                if notes > 0 {
                    ui.weak(format!("{notes} note(s)"));
                }
            });
        }
        for (partner, count) in graph.partners(node).into_iter().take(12) {
            ui.label(format!("{} ({count})", graph.nodes[partner].label));
        }
        ui.separator();
    }
    if desk.graph_layout == GraphLayout::Map && !desk.map_unplaced.is_empty() {
        commands.extend(unplaced_list_ui(ui, state));
    }
    ui.horizontal(|ui| {
        ui.strong("Places");
        if ui.selectable_label(!*by_name, "by events").clicked() {
            *by_name = false;
        }
        if ui.selectable_label(*by_name, "by name").clicked() {
            *by_name = true;
        }
    });
    let mut order: Vec<usize> = (0..graph.nodes.len()).collect();
    if *by_name {
        order.sort_by(|&a, &b| graph.nodes[a].label.cmp(&graph.nodes[b].label));
    } else {
        order.sort_by(|&a, &b| {
            graph.nodes[b]
                .weight
                .cmp(&graph.nodes[a].weight)
                .then_with(|| graph.nodes[a].label.cmp(&graph.nodes[b].label))
        });
    }
    let selected = desk.selected_node();
    egui::ScrollArea::vertical()
        .id_salt("graph_places")
        .auto_shrink(false)
        .show_rows(ui, theme::ROW_HEIGHT, order.len(), |ui, rows| {
            for &node_index in &order[rows] {
                let node = &graph.nodes[node_index];
                let group = desk
                    .grouping
                    .node_group
                    .get(node_index)
                    .copied()
                    .unwrap_or(0);
                let text = egui::RichText::new(format!("● {}  ({})", node.label, node.weight))
                    .color(theme::group_colour(group));
                if ui
                    .selectable_label(selected == Some(node_index), text)
                    .on_hover_text(desk.grouping.labels.get(group).cloned().unwrap_or_default())
                    .clicked()
                {
                    commands.extend(select_party_commands(state, &node.key));
                }
            }
        });
    commands
}

/// The selected tie's events, each selectable, under the two places' names.
fn edge_events_ui(ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
    let mut commands = Vec::new();
    let desk = &state.desk;
    let graph = &desk.graph;
    if let Some((a, b)) = &desk.selected_edge
        && let (Some(na), Some(nb)) = (graph.node_index(a), graph.node_index(b))
        && let Some(edge) = graph
            .edges
            .iter()
            .position(|edge| edge.nodes == (na.min(nb), na.max(nb)))
    {
        ui.horizontal(|ui| {
            ui.strong(format!(
                "{} – {}",
                graph.nodes[na].label, graph.nodes[nb].label
            ));
            if ui.small_button("×").on_hover_text("Close").clicked() {
                commands.push(Command::Desk(DeskCommand::SelectEdge(None)));
            }
        });
        for &event_index in graph.events_of(edge) {
            let Some(event) = desk.events.get(event_index) else {
                continue;
            };
            let text = format!(
                "{} · {}",
                super::widgets::event_date_text(&event.event),
                event.event.kind.label()
            );
            if ui
                .selectable_label(desk.selected_event() == Some(event_index), text)
                .on_hover_ui(|ui| super::widgets::event_tooltip_ui(ui, event))
                .clicked()
            {
                commands.push(Command::select_event(desk, event_index));
            }
        }
        ui.separator();
    }
    commands
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pointer_hits_the_nearest_node_it_is_within_and_small_nodes_have_a_margin() {
        let discs = [
            (Some(Pos2::new(0.0, 0.0)), 10.0),
            (None, 50.0),
            (Some(Pos2::new(15.0, 0.0)), 10.0),
            (Some(Pos2::new(100.0, 0.0)), 2.0),
        ];
        // Inside both of the first two placed discs: the nearer centre wins.
        assert_eq!(node_at(discs, Pos2::new(9.0, 0.0)), Some(2));
        assert_eq!(node_at(discs, Pos2::new(6.0, 0.0)), Some(0));
        // A node without a place is never hit, however large.
        assert_eq!(node_at(discs, Pos2::new(0.0, 40.0)), None);
        // A 2-point node is hit 3 points beyond its edge, not 4.
        assert_eq!(node_at(discs, Pos2::new(105.0, 0.0)), Some(3));
        assert_eq!(node_at(discs, Pos2::new(106.0, 0.0)), None);
    }

    #[test]
    fn the_pointer_hits_the_nearest_tie_within_four_points_of_its_segment() {
        let straight = |a: Pos2, b: Pos2| Some([a, a + (b - a) / 2.0, b]);
        let lines = [
            straight(Pos2::new(0.0, 0.0), Pos2::new(100.0, 0.0)),
            None,
            straight(Pos2::new(0.0, 10.0), Pos2::new(100.0, 10.0)),
        ];
        assert_eq!(edge_at(lines, Pos2::new(50.0, 3.0)), Some(0));
        assert_eq!(edge_at(lines, Pos2::new(50.0, 7.0)), Some(2));
        assert_eq!(edge_at(lines, Pos2::new(50.0, 5.0 + 4.5)), Some(2));
        // Past a segment's end the distance is to the end, not to the line.
        assert_eq!(edge_at(lines, Pos2::new(105.0, 0.0)), None);
        assert_eq!(edge_at(lines, Pos2::new(50.0, -5.0)), None);
    }

    #[test]
    fn a_tie_on_the_map_bows_and_is_hit_along_its_arc() {
        let screen = [Some(Pos2::new(0.0, 0.0)), Some(Pos2::new(120.0, 0.0)), None];
        let curve = edge_curve(&screen, (0, 1), true).unwrap();
        // Bowed by a sixth of its length to its left (up, going east on screen); the arc's
        // middle is half as far out as its control point.
        assert_eq!(curve[1], Pos2::new(60.0, -20.0));
        assert_eq!(edge_at([Some(curve)], Pos2::new(60.0, -10.0)), Some(0));
        assert_eq!(edge_at([Some(curve)], Pos2::new(60.0, 0.0)), None);
        // Straight elsewhere; an end the map has no place for leaves the tie undrawn.
        assert_eq!(
            edge_curve(&screen, (0, 1), false).unwrap()[1],
            Pos2::new(60.0, 0.0)
        );
        assert_eq!(edge_curve(&screen, (0, 2), true), None);
    }

    #[test]
    fn many_province_columns_in_a_narrow_canvas_keep_their_width_from_the_left() {
        // Twenty columns of three rows in a canvas 300 points wide.
        let positions: Vec<Point> = (0..20)
            .flat_map(|column| {
                (0..3).map(move |row| {
                    Point::new(
                        column as f32 * layout::COLUMN_WIDTH,
                        row as f32 * layout::ROW_HEIGHT,
                    )
                })
            })
            .collect();
        let canvas = Rect::from_min_size(Pos2::new(10.0, 10.0), Vec2::new(300.0, 200.0));
        let min_scale = Vec2::new(
            MIN_COLUMN_POINTS / layout::COLUMN_WIDTH,
            MIN_ROW_POINTS / layout::ROW_HEIGHT,
        );
        let projection = Projection::new(
            positions.iter().copied(),
            canvas,
            View::default(),
            false,
            (min_scale, f32::INFINITY),
        );
        let first = projection.to_screen(positions[0]);
        let second_column = projection.to_screen(positions[3]);
        assert!(second_column.x - first.x >= MIN_COLUMN_POINTS - 0.01);
        assert!((first.x - (canvas.left() + MARGIN)).abs() < 0.01);
        // A few columns still fill the canvas as before.
        let few = &positions[..6];
        let projection = Projection::new(
            few.iter().copied(),
            canvas,
            View::default(),
            false,
            (min_scale, f32::INFINITY),
        );
        let span = projection.to_screen(few[5]).x - projection.to_screen(few[0]).x;
        assert!((span - (canvas.width() - 2.0 * MARGIN)).abs() < 0.01);
    }
}
