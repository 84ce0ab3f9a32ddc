//! The timeline panel: events on a time axis in lanes, the shelf of events without a year, the
//! kind legend (which also filters by kind).
//!
//! Pan by dragging or with the arrow keys, zoom with the wheel (around the pointer) or +/-,
//! fit with the button or F. The view (visible days, vertical offset) is [`TimelinePanel`]'s,
//! kept in `ui::Panels`; everything it draws comes from [`crate::view::DeskView::timeline`].

use super::widgets::event_tooltip_ui;
use egui::{Align2, Color32, CornerRadius, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2};

use super::theme;
use crate::desk::time::{Day, ticks};
use crate::desk::timeline::{LaneMode, Timeline, TimelineItem};
use crate::model::EventKind;
use crate::state::{AppState, Command, DeskCommand};

/// The panel's view: which days are visible and how far the lanes are scrolled.
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    start: f64,
    end: f64,
    scroll: f32,
    /// The timeline this view was fitted to (its item count and span), to fit again when the
    /// data changes shape (a folder finished loading).
    fitted_to: Option<(usize, i32, i32)>,
}

/// Every kind, in legend order.
pub const KINDS: [EventKind; 5] = [
    EventKind::Agreement,
    EventKind::Meeting,
    EventKind::Alliance,
    EventKind::Visit,
    EventKind::Other,
];

const LABEL_WIDTH: f32 = 150.0;
const AXIS_HEIGHT: f32 = 22.0;
const ROW_HEIGHT: f32 = 16.0;
const LANE_GAP: f32 = 6.0;
const SHELF_WIDTH: f32 = 240.0;
const POINT_RADIUS: f32 = 5.0;
/// Zoomed out beyond this many days per pixel, nearby events in a lane merge into clusters.
const CLUSTER_DAYS_PER_PX: f64 = 3.0;
/// Narrowest gap (pixels) between two marks before they cluster.
const CLUSTER_MIN_PX: f32 = 12.0;

/// What the timeline keeps between frames: its pan and zoom (`None` until first fitted to the
/// events).
#[derive(Debug, Default)]
pub struct TimelinePanel {
    view: Option<View>,
}

impl TimelinePanel {
    /// Draws the timeline; returns the analyst's commands.
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
        timeline_ui(ui, state, &mut self.view)
    }
}

fn timeline_ui(ui: &mut egui::Ui, state: &AppState, view: &mut Option<View>) -> Vec<Command> {
    let mut commands = Vec::new();
    let desk = &state.desk;
    let mut fit = false;
    ui.horizontal_wrapped(|ui| {
        ui.strong("Timeline");
        ui.label(format!(
            "{} dated · {} without a year",
            desk.timeline.items.len(),
            desk.timeline.shelf.len()
        ));
        ui.separator();
        for (mode, label) in [
            (LaneMode::ByPlace, "By place"),
            (LaneMode::ByKind, "By kind"),
        ] {
            if ui.selectable_label(desk.lane_mode == mode, label).clicked() {
                commands.push(Command::Desk(DeskCommand::SetLaneMode(mode)));
            }
        }
        if ui
            .button("Zoom to fit")
            .on_hover_text("Show every dated event (F)")
            .clicked()
        {
            fit = true;
        }
        ui.separator();
        commands.extend(legend_ui(ui, state));
    });
    let available = ui.available_rect_before_wrap();
    let shelf_rect = Rect::from_min_max(
        Pos2::new(available.right() - SHELF_WIDTH, available.top()),
        available.right_bottom(),
    );
    let chart_rect = Rect::from_min_max(
        available.left_top(),
        Pos2::new(shelf_rect.left() - 6.0, available.bottom()),
    );
    let response = ui.allocate_rect(chart_rect, Sense::click_and_drag());
    let data_shape = shape_of(&desk.timeline);
    let mut current = match *view {
        Some(view) if !fit && view.fitted_to == data_shape => view,
        _ => fitted(&desk.timeline, data_shape),
    };
    let axis_width = (chart_rect.width() - LABEL_WIDTH).max(1.0);
    handle_input(
        ui,
        &response,
        &mut current,
        chart_rect,
        axis_width,
        &desk.timeline,
    );
    *view = Some(current);
    commands.extend(paint_chart(ui, &response, state, &current, chart_rect));
    let mut shelf_ui = ui.new_child(egui::UiBuilder::new().max_rect(shelf_rect));
    commands.extend(shelf_panel_ui(&mut shelf_ui, state));
    commands
}

/// The kind colours, each a toggle of the kind filter.
fn legend_ui(ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
    let mut commands = Vec::new();
    let filter = &state.desk.filter;
    for kind in KINDS {
        let on = filter.kinds.is_empty() || filter.kinds.contains(&kind);
        let colour = theme::kind_colour(ui.visuals(), kind);
        let text = egui::RichText::new(format!("● {}", kind.label())).color(if on {
            colour
        } else {
            ui.visuals().weak_text_color()
        });
        let response = ui
            .selectable_label(false, text)
            .on_hover_text("Show or hide this kind of event everywhere");
        if response.clicked() {
            let mut next = filter.clone();
            if next.kinds.is_empty() {
                next.kinds = KINDS.into_iter().filter(|k| *k != kind).collect();
            } else if !next.kinds.remove(&kind) {
                next.kinds.insert(kind);
            }
            if next.kinds.len() == KINDS.len() {
                next.kinds.clear();
            }
            commands.push(Command::Desk(DeskCommand::SetFilter(next)));
        }
    }
    commands
}

fn shape_of(timeline: &Timeline) -> Option<(usize, i32, i32)> {
    timeline
        .fit()
        .map(|(start, end)| (timeline.items.len(), start.0, end.0))
}

fn fitted(timeline: &Timeline, shape: Option<(usize, i32, i32)>) -> View {
    let (start, end) = timeline.fit().map_or_else(
        || {
            let today = Day::from_ymd(2024, 1, 1).as_f64();
            (today - 365.0, today + 365.0)
        },
        |(start, end)| (start.as_f64(), end.as_f64() + 1.0),
    );
    View {
        start,
        end,
        scroll: 0.0,
        fitted_to: shape,
    }
}

/// Wheel zooms around the pointer, drag pans (both ways), keys do the same when the pointer is
/// over the panel.
fn handle_input(
    ui: &egui::Ui,
    response: &egui::Response,
    view: &mut View,
    rect: Rect,
    axis_width: f32,
    timeline: &Timeline,
) {
    let days_per_px = (view.end - view.start) / f64::from(axis_width);
    if response.dragged() {
        let delta = response.drag_delta();
        let shift = -f64::from(delta.x) * days_per_px;
        view.start += shift;
        view.end += shift;
        view.scroll = (view.scroll - delta.y).max(0.0);
    }
    if !response.hovered() {
        return;
    }
    let (scroll, zoom, keys) = ui.input(|input| {
        (
            input.smooth_scroll_delta,
            input.zoom_delta(),
            (
                input.key_pressed(egui::Key::ArrowLeft),
                input.key_pressed(egui::Key::ArrowRight),
                input.key_pressed(egui::Key::Plus) || input.key_pressed(egui::Key::Equals),
                input.key_pressed(egui::Key::Minus),
                input.key_pressed(egui::Key::F),
                input.key_pressed(egui::Key::ArrowUp),
                input.key_pressed(egui::Key::ArrowDown),
            ),
        )
    });
    let pointer_day = ui
        .input(|input| input.pointer.hover_pos())
        .map_or((view.start + view.end) / 2.0, |pos| {
            view.start + f64::from(pos.x - rect.left() - LABEL_WIDTH).max(0.0) * days_per_px
        });
    let mut factor = f64::from(zoom);
    if scroll.y != 0.0 && !ui.input(|input| input.modifiers.shift) {
        factor *= (f64::from(scroll.y) / 200.0).exp();
    } else if scroll.y != 0.0 {
        view.scroll = (view.scroll - scroll.y).max(0.0);
    }
    let (left, right, zoom_in, zoom_out, fit, up, down) = keys;
    if zoom_in {
        factor *= 1.5;
    }
    if zoom_out {
        factor /= 1.5;
    }
    if (factor - 1.0).abs() > 1e-6 {
        let span = ((view.end - view.start) / factor).clamp(3.0, 365.0 * 200.0);
        let at = (pointer_day - view.start) / (view.end - view.start);
        view.start = pointer_day - at * span;
        view.end = view.start + span;
    }
    let step = (view.end - view.start) / 5.0;
    if left {
        view.start -= step;
        view.end -= step;
    }
    if right {
        view.start += step;
        view.end += step;
    }
    if up {
        view.scroll = (view.scroll - 40.0).max(0.0);
    }
    if down {
        view.scroll += 40.0;
    }
    if fit {
        *view = fitted(timeline, shape_of(timeline));
    }
}

/// Where each lane starts (relative to the top of the lane area) and how tall it is.
fn lane_layout(timeline: &Timeline) -> Vec<(f32, f32)> {
    let mut top = 0.0;
    timeline
        .lanes
        .iter()
        .map(|lane| {
            let height = lane.rows.max(1) as f32 * ROW_HEIGHT + LANE_GAP;
            let placed = (top, height);
            top += height;
            placed
        })
        .collect()
}

/// Where things go on the chart: days to x, lanes and their rows to y.
struct Geometry {
    /// Where the time axis starts (right of the lane labels).
    axis_left: f32,
    /// The first day in view.
    start: f64,
    days_per_px: f64,
    /// The top of the first lane (it moves as the lanes scroll).
    lanes_top: f32,
    /// Each lane's top (from `lanes_top`) and height.
    lanes: Vec<(f32, f32)>,
}

impl Geometry {
    fn x_of(&self, day: f64) -> f32 {
        self.axis_left + ((day - self.start) / self.days_per_px) as f32
    }

    /// The middle of a row of a lane.
    fn lane_y(&self, lane: usize, row: usize) -> f32 {
        self.lanes.get(lane).map_or(0.0, |(top, _)| {
            self.lanes_top + top + row as f32 * ROW_HEIGHT + ROW_HEIGHT / 2.0
        })
    }
}

/// The chart: axis, lane labels, then the events (one mark per cluster when zoomed far out);
/// the event under the pointer shows its tooltip and is selected by a click.
fn paint_chart(
    ui: &egui::Ui,
    response: &egui::Response,
    state: &AppState,
    view: &View,
    rect: Rect,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let desk = &state.desk;
    let timeline = &desk.timeline;
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 0.0, visuals.extreme_bg_color);
    let axis_left = rect.left() + LABEL_WIDTH;
    let axis_width = (rect.right() - axis_left).max(1.0);
    let mut geometry = Geometry {
        axis_left,
        start: view.start,
        days_per_px: (view.end - view.start) / f64::from(axis_width),
        lanes_top: rect.top() + AXIS_HEIGHT + 4.0 - view.scroll,
        lanes: Vec::new(),
    };
    paint_axis(&painter, visuals, rect, view, &geometry);
    if timeline.items.is_empty() {
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            if desk.events.is_empty() {
                "No cooperation events yet: open a folder of articles."
            } else {
                "No dated event matches the filter."
            },
            theme::body_font(),
            visuals.weak_text_color(),
        );
        return commands;
    }
    geometry.lanes = lane_layout(timeline);
    let visible_lanes = geometry
        .lanes
        .iter()
        .enumerate()
        .filter(|(_, (top, height))| {
            let y = geometry.lanes_top + top;
            y + height >= rect.top() + AXIS_HEIGHT && y <= rect.bottom()
        })
        .map(|(index, _)| index)
        .collect::<Vec<_>>();
    paint_lane_labels(ui, state, rect, &geometry, &visible_lanes);
    let chart_painter = ui.painter_at(Rect::from_min_max(
        Pos2::new(axis_left, rect.top() + AXIS_HEIGHT),
        rect.max,
    ));
    let marks = if geometry.days_per_px > CLUSTER_DAYS_PER_PX {
        paint_clusters(&chart_painter, visuals, state, &geometry, &visible_lanes)
    } else {
        paint_items(&chart_painter, visuals, state, &geometry, rect)
    };
    let hovered = response
        .hover_pos()
        .and_then(|pointer| event_at(&marks, pointer));
    if let Some(event_index) = hovered {
        if let Some(event) = desk.events.get(event_index) {
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| event_tooltip_ui(ui, event));
        }
        if response.clicked() {
            commands.push(Command::select_event(desk, event_index));
        }
    }
    commands
}

/// The event under the pointer: the last drawn (so the topmost) of the marks it is within,
/// with two points of margin. Marks are (rectangle, event index).
fn event_at(marks: &[(Rect, usize)], pointer: Pos2) -> Option<usize> {
    marks
        .iter()
        .rev()
        .find(|(mark, _)| mark.expand(2.0).contains(pointer))
        .map(|&(_, event)| event)
}

/// The time axis: ticks, their labels and the grid lines under the chart.
fn paint_axis(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    rect: Rect,
    view: &View,
    geometry: &Geometry,
) {
    let axis_rect = Rect::from_min_max(
        rect.left_top(),
        Pos2::new(rect.right(), rect.top() + AXIS_HEIGHT),
    );
    painter.rect_filled(axis_rect, 0.0, visuals.faint_bg_color);
    let axis_width = (rect.right() - geometry.axis_left).max(1.0);
    for tick in ticks((view.start, view.end), axis_width) {
        let x = geometry.x_of(tick.day);
        let colour = if tick.is_major {
            visuals.widgets.noninteractive.bg_stroke.color
        } else {
            visuals
                .widgets
                .noninteractive
                .bg_stroke
                .color
                .gamma_multiply(0.5)
        };
        painter.line_segment(
            [
                Pos2::new(x, rect.top() + AXIS_HEIGHT - 6.0),
                Pos2::new(x, rect.bottom()),
            ],
            Stroke::new(1.0, colour),
        );
        painter.text(
            Pos2::new(x + 3.0, rect.top() + 3.0),
            Align2::LEFT_TOP,
            &tick.label,
            theme::small_font(),
            if tick.is_major {
                visuals.strong_text_color()
            } else {
                visuals.text_color()
            },
        );
    }
}

/// The lanes' names down the left, every other lane shaded, the selected party's name marked.
fn paint_lane_labels(
    ui: &egui::Ui,
    state: &AppState,
    rect: Rect,
    geometry: &Geometry,
    visible_lanes: &[usize],
) {
    let desk = &state.desk;
    let timeline = &desk.timeline;
    let visuals = ui.visuals();
    let label_painter = ui.painter_at(Rect::from_min_max(
        Pos2::new(rect.left(), rect.top() + AXIS_HEIGHT),
        rect.max,
    ));
    for &lane in visible_lanes {
        let (top, height) = geometry.lanes[lane];
        let y = geometry.lanes_top + top;
        if lane % 2 == 1 {
            label_painter.rect_filled(
                Rect::from_min_max(
                    Pos2::new(rect.left(), y),
                    Pos2::new(rect.right(), y + height),
                ),
                0.0,
                visuals.faint_bg_color.gamma_multiply(0.6),
            );
        }
        let selected = desk.selected_party.as_ref().is_some_and(|party| {
            matches!(&timeline.lanes[lane].key, crate::desk::timeline::LaneKey::Party(key) if key == party)
        });
        label_painter.text(
            Pos2::new(rect.left() + 6.0, y + ROW_HEIGHT / 2.0),
            Align2::LEFT_CENTER,
            truncate(&timeline.lanes[lane].label, 22),
            theme::label_font(),
            if selected {
                theme::selection_colour(visuals)
            } else {
                visuals.text_color()
            },
        );
    }
}

/// Zoomed far out: one mark per cluster of nearby events in each lane, with their count.
/// Returns each mark with the cluster's first event, for the pointer.
fn paint_clusters(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    state: &AppState,
    geometry: &Geometry,
    visible_lanes: &[usize],
) -> Vec<(Rect, usize)> {
    let desk = &state.desk;
    let mut marks = Vec::new();
    for &lane in visible_lanes {
        for cluster in desk
            .timeline
            .clusters(lane, geometry.days_per_px, CLUSTER_MIN_PX)
        {
            let y = geometry.lane_y(lane, 0);
            let x0 = geometry.x_of(cluster.start.as_f64());
            let x1 = geometry
                .x_of(cluster.end.as_f64() + 1.0)
                .max(x0 + 2.0 * POINT_RADIUS);
            let mark = Rect::from_min_max(Pos2::new(x0, y - 6.0), Pos2::new(x1, y + 6.0));
            let first = cluster.events.first().copied();
            let kind = first
                .and_then(|event| desk.events.get(event))
                .map_or(EventKind::Other, |event| event.event.kind);
            let selected = desk
                .selected_event()
                .is_some_and(|event| cluster.events.contains(&event));
            let colour = theme::kind_colour(visuals, kind);
            painter.rect_filled(mark, CornerRadius::same(6), colour.gamma_multiply(0.8));
            if selected {
                painter.rect_stroke(
                    mark.expand(2.0),
                    CornerRadius::same(7),
                    Stroke::new(2.0, theme::selection_colour(visuals)),
                    StrokeKind::Outside,
                );
            }
            if cluster.count > 1 {
                painter.text(
                    mark.center(),
                    Align2::CENTER_CENTER,
                    cluster.count.to_string(),
                    theme::tiny_font(),
                    theme::on_mark_colour(),
                );
            }
            if let Some(first) = first {
                marks.push((mark, first));
            }
        }
    }
    marks
}

/// Each event in view as a point or a bar in each of its lanes, tied by a line when it is in
/// several; a corner mark when it has notes. Returns each drawn mark with its event.
fn paint_items(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    state: &AppState,
    geometry: &Geometry,
    rect: Rect,
) -> Vec<(Rect, usize)> {
    let desk = &state.desk;
    let mut marks = Vec::new();
    for item in &desk.timeline.items {
        let x0 = geometry.x_of(item.start.as_f64());
        let x1 = geometry.x_of(item.end.as_f64() + 1.0);
        if x1 < geometry.axis_left - POINT_RADIUS || x0 > rect.right() + POINT_RADIUS {
            continue;
        }
        let ys: Vec<f32> = desk
            .timeline
            .placements_of(item)
            .iter()
            .map(|placement| geometry.lane_y(placement.lane, placement.row))
            .collect();
        let colour = theme::kind_colour(visuals, item.kind);
        let selected = desk.selected_event() == Some(item.event);
        if ys.len() > 1 {
            let (low, high) = ys
                .iter()
                .fold((f32::MAX, f32::MIN), |(lo, hi), &y| (lo.min(y), hi.max(y)));
            let x = if item.is_point { x0 } else { (x0 + x1) / 2.0 };
            painter.line_segment(
                [Pos2::new(x, low), Pos2::new(x, high)],
                Stroke::new(if selected { 2.5 } else { 1.0 }, colour.gamma_multiply(0.7)),
            );
        }
        let noted = desk.noted_events.contains(&item.event);
        for &y in &ys {
            let hit = paint_item(painter, visuals, item, x0, x1, y, colour, selected);
            if noted {
                // A small square at the corner: this event has notes.
                painter.rect_filled(
                    Rect::from_center_size(hit.right_top(), Vec2::splat(5.0)),
                    1.0,
                    theme::selection_colour(visuals),
                );
            }
            marks.push((hit, item.event));
        }
    }
    marks
}

/// A point for a full date, a bar for a month or a year; filled when stated, hollow when the
/// year was inferred. Returns the rectangle to hit-test.
#[allow(clippy::too_many_arguments)]
fn paint_item(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    item: &TimelineItem,
    x0: f32,
    x1: f32,
    y: f32,
    colour: Color32,
    selected: bool,
) -> Rect {
    let stroke = Stroke::new(1.5, colour);
    let rect = if item.is_point {
        let centre = Pos2::new(x0, y);
        if item.inferred {
            painter.circle_stroke(centre, POINT_RADIUS - 1.0, stroke);
        } else {
            painter.circle_filled(centre, POINT_RADIUS, colour);
        }
        Rect::from_center_size(centre, Vec2::splat(2.0 * POINT_RADIUS))
    } else {
        let rect = Rect::from_min_max(
            Pos2::new(x0, y - 4.0),
            Pos2::new(x1.max(x0 + 2.0 * POINT_RADIUS), y + 4.0),
        );
        if item.inferred {
            painter.rect_stroke(rect, CornerRadius::same(3), stroke, StrokeKind::Inside);
        } else {
            painter.rect_filled(rect, CornerRadius::same(3), colour.gamma_multiply(0.75));
        }
        rect
    };
    if selected {
        painter.rect_stroke(
            rect.expand(3.0),
            CornerRadius::same(4),
            Stroke::new(2.0, theme::selection_colour(visuals)),
            StrokeKind::Outside,
        );
    }
    rect
}

/// The shelf: events whose year is unknown or that have no date, never placed on the axis.
fn shelf_panel_ui(ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
    let mut commands = Vec::new();
    let desk = &state.desk;
    ui.strong(format!("Year unknown ({})", desk.timeline.shelf.len()))
        .on_hover_text("Events whose articles do not say the year (or give no date): they are kept here, never placed at a guessed date.");
    egui::ScrollArea::vertical()
        .id_salt("timeline_shelf")
        .auto_shrink(false)
        .show_rows(
            ui,
            theme::ROW_HEIGHT,
            desk.timeline.shelf.len(),
            |ui, rows| {
                for &event_index in &desk.timeline.shelf[rows] {
                    let Some(event) = desk.events.get(event_index) else {
                        continue;
                    };
                    let data = &event.event;
                    let parties: Vec<&str> =
                        data.participants.iter().map(|p| p.name.as_str()).collect();
                    let date = data
                        .date
                        .map_or_else(|| "no date".to_owned(), |date| date.edtf());
                    let noted = if desk.noted_events.contains(&event_index) {
                        " · noted"
                    } else {
                        ""
                    };
                    let text = egui::RichText::new(format!(
                        "{date} · {} · {}{noted}",
                        data.kind.label(),
                        parties.join(", ")
                    ))
                    .color(theme::kind_colour(ui.visuals(), data.kind));
                    let response = ui
                        .selectable_label(desk.selected_event() == Some(event_index), text)
                        .on_hover_ui(|ui| event_tooltip_ui(ui, event));
                    if response.clicked() {
                        commands.push(Command::select_event(desk, event_index));
                    }
                }
            },
        );
    commands
}

fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(max_chars - 1).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(x: f32, y: f32) -> Rect {
        Rect::from_center_size(Pos2::new(x, y), Vec2::splat(8.0))
    }

    #[test]
    fn the_pointer_hits_the_topmost_mark_it_is_within_with_a_margin() {
        let marks = [
            (mark(10.0, 10.0), 1),
            (mark(14.0, 10.0), 2),
            (mark(40.0, 10.0), 3),
        ];
        // Inside both of the first two: the one drawn last (on top) wins.
        assert_eq!(event_at(&marks, Pos2::new(12.0, 10.0)), Some(2));
        assert_eq!(event_at(&marks, Pos2::new(7.0, 10.0)), Some(1));
        // Two points past the edge still hit; three do not.
        assert_eq!(event_at(&marks, Pos2::new(46.0, 10.0)), Some(3));
        assert_eq!(event_at(&marks, Pos2::new(47.5, 10.0)), None);
        assert_eq!(event_at(&[], Pos2::new(0.0, 0.0)), None);
    }

    #[test]
    fn days_and_lanes_map_to_the_chart() {
        let geometry = Geometry {
            axis_left: 100.0,
            start: 10.0,
            days_per_px: 2.0,
            lanes_top: 50.0,
            lanes: vec![(0.0, ROW_HEIGHT), (ROW_HEIGHT, 2.0 * ROW_HEIGHT)],
        };
        assert_eq!(geometry.x_of(10.0), 100.0);
        assert_eq!(geometry.x_of(30.0), 110.0);
        assert_eq!(geometry.lane_y(0, 0), 50.0 + ROW_HEIGHT / 2.0);
        assert_eq!(
            geometry.lane_y(1, 1),
            50.0 + 2.0 * ROW_HEIGHT + ROW_HEIGHT / 2.0
        );
        // A lane that is not there is drawn nowhere in particular, not a panic.
        assert_eq!(geometry.lane_y(5, 0), 0.0);
    }
}
