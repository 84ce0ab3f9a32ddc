//! The Overview tab: what happened, where and when, as charts over the filtered events —
//! events over time stacked by kind, by province and by level, a matrix of shared events, and
//! each place's measures in the relationship graph. A bar narrows the whole desk to it; a
//! matrix cell lists its events with their evidence sentences.
//!
//! Drawn with the painter rather than `egui_plot`: stacked bars whose every segment is its own
//! click target, a heat matrix and labelled horizontal bars are a few dozen lines each, and
//! the numbers come ready from `desk::overview` (no axes to fit, no dependency to add).

use std::collections::BTreeSet;

use egui::{Align2, Rect, Sense, Vec2, pos2, vec2};
use egui_extras::{Column, TableBuilder};

use super::theme;
use super::windows::Windows;
use crate::desk::graph::GroupBy;
use crate::desk::overview::{KINDS, Overview, PlaceRow};
use crate::desk::party::PartyKey;
use crate::export::{Format, evidence_text};
use crate::model::{Memo, Revision};
use crate::state::{AppState, Command};
use crate::view::DeskCommand;

/// Height of the events-over-time chart.
const TIME_CHART_HEIGHT: f32 = 130.0;
/// Height of one bar of a count chart.
const BAR_ROW: f32 = 18.0;
/// Most bars a count chart shows (the CSV has them all).
const MOST_BARS: usize = 12;
/// Most units the matrix shows (the busiest; the CSV has them all).
const MOST_UNITS: usize = 12;
/// One matrix cell's side.
const CELL: f32 = 26.0;

/// Columns the place table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PlaceSort {
    Name,
    Events,
    Partners,
    Degree,
    Betweenness,
    Community,
}

/// The Overview tab and what it keeps between frames.
#[derive(Debug)]
pub struct OverviewPanel {
    /// The numbers, for the selection's and the graph's revisions.
    overview: Memo<(Revision, Revision), Overview>,
    /// The numbers without a filter, kept aside while a filter is set: the desk restores the
    /// unfiltered selection and graph with their revisions, so clearing the filters shows
    /// these again instead of counting 300,000 events anew.
    unfiltered: Option<((Revision, Revision), Overview)>,
    /// Whether `overview` was built without a filter.
    shows_unfiltered: bool,
    /// The matrix cell whose events are listed (row, column of `overview.matrix`).
    cell: Option<(usize, usize)>,
    sort: PlaceSort,
    descending: bool,
}

impl Default for OverviewPanel {
    fn default() -> Self {
        Self {
            overview: Memo::default(),
            unfiltered: None,
            shows_unfiltered: false,
            cell: None,
            sort: PlaceSort::Events,
            descending: true,
        }
    }
}

impl OverviewPanel {
    /// The numbers as last built (tests read them).
    pub fn overview(&self) -> &Overview {
        &self.overview
    }

    /// Brings the numbers up to date with the desk's selection and graph: the unfiltered
    /// numbers kept aside when they are for these revisions, else built anew.
    fn refresh(&mut self, state: &AppState) {
        let desk = &state.desk;
        let key = (desk.selection_revision(), desk.graph_revision());
        if self.overview.is_for(&key) {
            return;
        }
        let previous = self.overview.key().copied();
        let kept = self.unfiltered.take_if(|(kept, _)| *kept == key);
        let overview = match kept {
            Some((_, overview)) => overview,
            None => match desk.facts() {
                Some(facts) => Overview::build_from(
                    facts,
                    &desk.selection,
                    &desk.filter,
                    &desk.graph,
                    crate::extract::Gazetteer::bundled(),
                ),
                None => Overview::build(
                    &desk.events,
                    &desk.selection,
                    &desk.filter,
                    &desk.graph,
                    crate::extract::Gazetteer::bundled(),
                ),
            },
        };
        let shown = std::mem::replace(&mut *self.overview, overview);
        self.overview.stale(key);
        // The unfiltered numbers go aside when a filter replaces them.
        if self.shows_unfiltered
            && let Some(previous) = previous
        {
            self.unfiltered = Some((previous, shown));
        }
        self.shows_unfiltered = desk.filter.is_empty();
        self.cell = None;
    }

    /// Draws the tab; returns the analyst's commands.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        windows: &mut Windows,
    ) -> Vec<Command> {
        self.refresh(state);
        let mut commands = Vec::new();
        // Charts fit the tab's width (a long legend wraps rather than widening the tab).
        let width = ui.available_width();
        egui::ScrollArea::vertical()
            .id_salt("overview")
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.set_max_width(width);
                chart_heading(
                    ui,
                    "Events over time",
                    Format::OverviewTimeCsv,
                    state,
                    windows,
                );
                commands.extend(time_chart_ui(ui, state, &self.overview));
                ui.add_space(theme::PARAGRAPH_GAP);
                chart_heading(
                    ui,
                    "By province and level",
                    Format::OverviewPlacesCsv,
                    state,
                    windows,
                );
                ui.horizontal_top(|ui| {
                    let half = (ui.available_width() / 2.0 - 8.0).max(160.0);
                    ui.vertical(|ui| {
                        ui.set_width(half);
                        commands.extend(province_bars_ui(ui, state, &self.overview));
                    });
                    ui.vertical(|ui| {
                        ui.set_width(half);
                        commands.extend(level_bars_ui(ui, state, &self.overview));
                    });
                });
                ui.add_space(theme::PARAGRAPH_GAP);
                let title = match &self.overview.matrix.cities_of {
                    Some(province) => format!("Shared events: the cities of {province}"),
                    None => "Shared events between provinces".to_owned(),
                };
                chart_heading(ui, &title, Format::OverviewMatrixCsv, state, windows);
                matrix_ui(ui, &self.overview, &mut self.cell);
                commands.extend(cell_events_ui(ui, state, &self.overview, self.cell));
                ui.add_space(theme::PARAGRAPH_GAP);
                chart_heading(
                    ui,
                    "Places in the network",
                    Format::PlaceMeasuresCsv,
                    state,
                    windows,
                );
                commands.extend(self.places_ui(ui, state));
            });
        commands
    }

    /// The places' measures, sortable; a row narrows the desk to its place.
    fn places_ui(&mut self, ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
        let mut commands = Vec::new();
        let overview = &*self.overview;
        ui.horizontal(|ui| {
            ui.weak(format!(
                "{} places · {} communities",
                overview.places.len(),
                overview.communities
            ));
            let on = state.desk.group_by == GroupBy::Community;
            if ui
                .selectable_label(on, "Colour the graph by community")
                .clicked()
            {
                let by = if on {
                    GroupBy::Province
                } else {
                    GroupBy::Community
                };
                commands.push(Command::Desk(DeskCommand::SetGroupBy(by)));
            }
        });
        let mut rows: Vec<&PlaceRow> = overview.places.iter().collect();
        let sort = self.sort;
        rows.sort_by(|a, b| {
            let order = match sort {
                PlaceSort::Name => a.label.cmp(&b.label),
                PlaceSort::Events => a.events.cmp(&b.events),
                PlaceSort::Partners => a.partners.cmp(&b.partners),
                PlaceSort::Degree => a.weighted_degree.cmp(&b.weighted_degree),
                PlaceSort::Betweenness => a.betweenness.total_cmp(&b.betweenness),
                PlaceSort::Community => b.community.cmp(&a.community),
            };
            let order = if self.descending {
                order.reverse()
            } else {
                order
            };
            order.then_with(|| a.label.cmp(&b.label))
        });
        let mut clicked_sort = None;
        let width = ui.available_width();
        TableBuilder::new(ui)
            .id_salt("overview_places")
            .striped(true)
            .sense(Sense::click())
            .max_scroll_height(240.0)
            .column(Column::initial(width * 0.34).at_least(90.0).clip(true))
            .columns(Column::initial(width * 0.12).at_least(50.0), 4)
            .column(Column::remainder().at_least(60.0))
            .header(theme::ROW_HEIGHT, |mut header| {
                for (column, label, hover) in [
                    (PlaceSort::Name, "Place", "Sort by name"),
                    (PlaceSort::Events, "Events", "Events it takes part in"),
                    (
                        PlaceSort::Partners,
                        "Partners",
                        "Parties it shares an event with",
                    ),
                    (
                        PlaceSort::Degree,
                        "Degree",
                        "Weighted degree: its shared events, counted once per partner",
                    ),
                    (
                        PlaceSort::Betweenness,
                        "Between.",
                        "Betweenness: the share of shortest paths between other parties that \
                         run through it (estimated from 600 sources above 600 places)",
                    ),
                    (
                        PlaceSort::Community,
                        "Group",
                        "Community: parties that cooperate more among themselves than with \
                         the rest (1 is the largest)",
                    ),
                ] {
                    header.col(|ui| {
                        let arrow = match (sort == column, self.descending) {
                            (true, true) => " ↓",
                            (true, false) => " ↑",
                            _ => "",
                        };
                        if ui
                            .add(egui::Button::new(format!("{label}{arrow}")).frame(false))
                            .on_hover_text(hover)
                            .clicked()
                        {
                            clicked_sort = Some(column);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT, rows.len(), |mut row| {
                    let Some(place) = rows.get(row.index()) else {
                        return;
                    };
                    row.col(|ui| {
                        ui.label(&place.label);
                    });
                    for value in [
                        place.events.to_string(),
                        place.partners.to_string(),
                        place.weighted_degree.to_string(),
                        format!("{:.3}", place.betweenness),
                        (place.community + 1).to_string(),
                    ] {
                        row.col(|ui| {
                            ui.label(value);
                        });
                    }
                    if row.response().clicked() {
                        commands.extend(narrow_to_place(state, place.key.clone()));
                    }
                });
            });
        if let Some(column) = clicked_sort {
            if self.sort == column {
                self.descending = !self.descending;
            } else {
                self.sort = column;
                self.descending = column != PlaceSort::Name;
            }
        }
        commands
    }
}

/// A chart's title with its "CSV…" button (opens File → Export… on that chart's table).
fn chart_heading(
    ui: &mut egui::Ui,
    title: &str,
    format: Format,
    state: &AppState,
    windows: &mut Windows,
) {
    ui.horizontal(|ui| {
        ui.strong(title);
        if ui
            .small_button("CSV…")
            .on_hover_text(format!(
                "{} (under the current filters)",
                format.description()
            ))
            .clicked()
        {
            windows.open_export_as(state, format);
        }
    });
}

/// The filter narrowed to one place (and the graph's selection with it).
fn narrow_to_place(state: &AppState, place: PartyKey) -> Vec<Command> {
    let mut filter = state.desk.filter.clone();
    filter.place = Some(place.clone());
    vec![
        Command::Desk(DeskCommand::SetFilter(filter)),
        Command::Desk(DeskCommand::SelectParty(Some(place))),
    ]
}

/// Stacked bars per month, quarter or year; the undated and the coarsely dated counted at the
/// left of the axis. A segment narrows the desk to its period and kind.
fn time_chart_ui(ui: &mut egui::Ui, state: &AppState, overview: &Overview) -> Vec<Command> {
    let mut commands = Vec::new();
    let over_time = &overview.over_time;
    let visuals = ui.visuals().clone();
    ui.horizontal_wrapped(|ui| {
        if let Some(bin) = over_time.bin {
            ui.weak(format!("a bar per {}", bin.name()));
        }
        ui.weak(format!("· year unknown: {}", over_time.undated.len()))
            .on_hover_text("Events whose date gives no year: never placed at a guessed date");
        if !over_time.coarser.is_empty() {
            ui.weak(format!(
                "· dated more coarsely than a bar: {}",
                over_time.coarser.len()
            ))
            .on_hover_text("A year-only date is not put in one month");
        }
        for kind in KINDS {
            ui.colored_label(
                theme::kind_colour(&visuals, kind),
                format!("■ {}", kind.label()),
            );
        }
    });
    if over_time.bars.is_empty() {
        ui.weak("No dated events under the current filters.");
        return commands;
    }
    let width = ui.available_width().max(200.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, TIME_CHART_HEIGHT), Sense::hover());
    let painter = ui.painter_at(rect);
    let axis = 16.0;
    let plot = Rect::from_min_max(rect.min, pos2(rect.max.x, rect.max.y - axis));
    let most = over_time
        .bars
        .iter()
        .map(|bar| bar.total())
        .max()
        .unwrap_or(1)
        .max(1);
    let slot = plot.width() / over_time.bars.len() as f32;
    let bar_width = (slot * 0.8).max(1.0);
    painter.line_segment(
        [plot.left_bottom(), plot.right_bottom()],
        visuals.widgets.noninteractive.bg_stroke,
    );
    painter.text(
        plot.left_top(),
        Align2::LEFT_TOP,
        most.to_string(),
        theme::tiny_font(),
        visuals.weak_text_color(),
    );
    // Label about every 60 pixels.
    let label_every = ((60.0 / slot).ceil() as usize).max(1);
    for (index, bar) in over_time.bars.iter().enumerate() {
        let x = plot.left() + slot * index as f32 + (slot - bar_width) / 2.0;
        let mut bottom = plot.bottom();
        for (slot_kind, events) in bar.by_kind.iter().enumerate() {
            if events.is_empty() {
                continue;
            }
            let height = plot.height() * events.len() as f32 / most as f32;
            let segment = Rect::from_min_max(pos2(x, bottom - height), pos2(x + bar_width, bottom));
            bottom -= height;
            let kind = KINDS[slot_kind];
            painter.rect_filled(segment, 1.0, theme::kind_colour(&visuals, kind));
            let id = ui.scope_id().with(("time_bar", index, slot_kind));
            let response = ui.interact(segment, id, Sense::click());
            let name = format!("{} {}: {}", bar.label, kind.label(), events.len());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            let response = response.on_hover_text(format!(
                "{} · {}: {} (of {}); click to narrow every panel to it",
                bar.label,
                kind.label(),
                events.len(),
                bar.total()
            ));
            if response.clicked() {
                let mut filter = state.desk.filter.clone();
                filter.period = Some(bar.period);
                filter.kinds = BTreeSet::from([kind]);
                commands.push(Command::Desk(DeskCommand::SetFilter(filter)));
            }
        }
        if index % label_every == 0 {
            painter.text(
                pos2(x, plot.bottom() + 2.0),
                Align2::LEFT_TOP,
                &bar.label,
                theme::tiny_font(),
                visuals.weak_text_color(),
            );
        }
    }
    commands
}

/// Horizontal bars: a label, a bar scaled to the largest, the count. Returns the index of the
/// bar clicked.
fn bars_ui<'a>(
    ui: &mut egui::Ui,
    id: &str,
    bars: impl Iterator<Item = (&'a str, usize)>,
    most: usize,
    hover: &str,
) -> Option<usize> {
    let visuals = ui.visuals().clone();
    let mut clicked = None;
    for (index, (label, count)) in bars.enumerate() {
        let width = ui.available_width();
        let (rect, _) = ui.allocate_exact_size(vec2(width, BAR_ROW), Sense::hover());
        let label_width = (width * 0.45).min(180.0);
        let bar_space = (width - label_width - 40.0).max(10.0);
        let length = bar_space * count as f32 / most.max(1) as f32;
        let bar = Rect::from_min_size(
            pos2(rect.left() + label_width, rect.top() + 3.0),
            vec2(length.max(1.0), BAR_ROW - 6.0),
        );
        let painter = ui.painter_at(rect);
        painter.text(
            pos2(rect.left(), rect.center().y),
            Align2::LEFT_CENTER,
            label,
            theme::small_font(),
            visuals.text_color(),
        );
        painter.rect_filled(bar, 1.0, theme::heat_colour(&visuals, 0.8));
        painter.text(
            pos2(bar.right() + 4.0, rect.center().y),
            Align2::LEFT_CENTER,
            count.to_string(),
            theme::small_font(),
            visuals.weak_text_color(),
        );
        let response = ui.interact(rect, ui.scope_id().with((id, index)), Sense::click());
        // Named for screen readers (and tests): "Jiangsu Province: 5 events".
        let name = format!("{label}: {count} events");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        let response = response.on_hover_text(format!("{name}; {hover}"));
        if response.clicked() {
            clicked = Some(index);
        }
    }
    clicked
}

/// Events by province; a bar narrows the desk to the province.
fn province_bars_ui(ui: &mut egui::Ui, state: &AppState, overview: &Overview) -> Vec<Command> {
    ui.weak("by province");
    let shown = &overview.by_province[..overview.by_province.len().min(MOST_BARS)];
    let most = shown.first().map_or(1, |bar| bar.events.len());
    let clicked = bars_ui(
        ui,
        "province_bar",
        shown
            .iter()
            .map(|bar| (bar.label.as_str(), bar.events.len())),
        most,
        "click to narrow every panel to it",
    );
    let rest = overview.by_province.len().saturating_sub(MOST_BARS);
    if rest > 0 {
        ui.weak(format!("and {rest} more provinces (in the CSV)"));
    }
    if !overview.no_province.is_empty() {
        ui.weak(format!(
            "in no province: {} events",
            overview.no_province.len()
        ));
    }
    clicked
        .and_then(|index| shown.get(index))
        .map(|bar| narrow_to_place(state, PartyKey::Entry(bar.key)))
        .unwrap_or_default()
}

/// Events by level; a bar narrows the desk to events with a party at that level.
fn level_bars_ui(ui: &mut egui::Ui, state: &AppState, overview: &Overview) -> Vec<Command> {
    ui.weak("by level");
    let most = overview
        .by_level
        .iter()
        .map(|bar| bar.events.len())
        .max()
        .unwrap_or(1);
    let clicked = bars_ui(
        ui,
        "level_bar",
        overview
            .by_level
            .iter()
            .map(|bar| (bar.label.as_str(), bar.events.len())),
        most,
        "click to narrow every panel to events with a party at this level",
    );
    clicked
        .and_then(|index| overview.by_level.get(index))
        .map(|bar| {
            let mut filter = state.desk.filter.clone();
            filter.level = Some(bar.key);
            vec![Command::Desk(DeskCommand::SetFilter(filter))]
        })
        .unwrap_or_default()
}

/// The heat matrix of the busiest units; a cell is chosen to list its events.
fn matrix_ui(ui: &mut egui::Ui, overview: &Overview, cell: &mut Option<(usize, usize)>) {
    let matrix = &overview.matrix;
    if matrix.units.is_empty() {
        ui.weak("No events between places in provinces under the current filters.");
        return;
    }
    let shown = matrix.units.len().min(MOST_UNITS);
    if matrix.units.len() > shown {
        ui.weak(format!(
            "the {shown} busiest of {} (all in the CSV)",
            matrix.units.len()
        ));
    }
    let visuals = ui.visuals().clone();
    let label_width = 130.0;
    let size = vec2(
        label_width + CELL * shown as f32,
        label_width.min(90.0) + CELL * shown as f32,
    );
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    let top = rect.top() + label_width.min(90.0);
    let left = rect.left() + label_width;
    let most = matrix.max().max(1) as f32;
    for (index, (_, name)) in matrix.units.iter().take(shown).enumerate() {
        let short = short_label(name);
        painter.text(
            pos2(left - 4.0, top + CELL * (index as f32 + 0.5)),
            Align2::RIGHT_CENTER,
            &short,
            theme::tiny_font(),
            visuals.text_color(),
        );
        // Column titles stand upright, read from the bottom, so neighbours never overlap.
        let galley = painter.layout_no_wrap(short, theme::tiny_font(), visuals.text_color());
        let height = galley.size().y;
        let at = pos2(left + CELL * (index as f32 + 0.5) - height / 2.0, top - 4.0);
        painter.add(
            egui::epaint::TextShape::new(at, galley, visuals.text_color())
                .with_angle(-std::f32::consts::FRAC_PI_2),
        );
    }
    for row in 0..shown {
        for column in 0..shown {
            let events = &matrix.cells[row][column];
            let square = Rect::from_min_size(
                pos2(left + CELL * column as f32, top + CELL * row as f32),
                Vec2::splat(CELL - 1.0),
            );
            let share = events.len() as f32 / most;
            painter.rect_filled(square, 2.0, theme::heat_colour(&visuals, share));
            if *cell == Some((row, column)) {
                painter.rect_stroke(
                    square,
                    2.0,
                    egui::Stroke::new(2.0, theme::selection_colour(&visuals)),
                    egui::StrokeKind::Inside,
                );
            }
            if events.is_empty() {
                continue;
            }
            painter.text(
                square.center(),
                Align2::CENTER_CENTER,
                events.len().to_string(),
                theme::tiny_font(),
                theme::heat_text_colour(&visuals, share),
            );
            let response = ui
                .interact(
                    square,
                    ui.scope_id().with(("matrix", row, column)),
                    Sense::click(),
                )
                .on_hover_text(format!(
                    "{} – {}: {} shared events; click to list them",
                    matrix.units[row].1,
                    matrix.units[column].1,
                    events.len()
                ));
            if response.clicked() {
                *cell = Some((row, column));
            }
        }
    }
}

/// A unit's name short enough for a matrix label ("Jiangsu Province" → "Jiangsu").
fn short_label(name: &str) -> String {
    // "Guangxi Zhuang Autonomous Region" → "Guangxi"; "Hong Kong Special Administrative
    // Region" → "Hong Kong".
    let short = match name
        .find(" Autonomous Region")
        .or(name.find(" Special Administrative"))
    {
        Some(_) if name.contains(" Autonomous Region") => name.split(' ').next().unwrap_or(name),
        Some(end) => &name[..end],
        None => name
            .trim_end_matches(" Province")
            .trim_end_matches(" Municipality")
            .trim_end_matches(" City"),
    };
    let mut chars = short.chars();
    let cut: String = chars.by_ref().take(14).collect();
    if chars.next().is_some() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// The events of the chosen matrix cell with their evidence sentences; one selects its event.
fn cell_events_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    overview: &Overview,
    cell: Option<(usize, usize)>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some((row, column)) = cell else {
        return commands;
    };
    let matrix = &overview.matrix;
    let (Some(events), Some(a), Some(b)) = (
        matrix.cells.get(row).and_then(|cells| cells.get(column)),
        matrix.units.get(row),
        matrix.units.get(column),
    ) else {
        return commands;
    };
    ui.strong(format!("{} – {}: {} events", a.1, b.1, events.len()));
    for &index in events {
        let Some(event) = state.desk.events.get(index) else {
            continue;
        };
        let parties: Vec<&str> = event
            .event
            .participants
            .iter()
            .map(|participant| participant.name.as_str())
            .collect();
        let date = event
            .event
            .date
            .as_ref()
            .map_or_else(|| "no date".to_owned(), |date| date.edtf());
        if ui
            .link(format!(
                "{date} · {} · {}",
                event.event.kind.label(),
                parties.join(", ")
            ))
            .clicked()
        {
            commands.push(Command::SelectEvent(state.desk.event_id(index)));
        }
        for (document, ranges) in &event.sources {
            let text = evidence_text(&state.library.corpus, *document, ranges);
            if !text.is_empty() {
                ui.weak(format!("“{text}”"));
            }
        }
    }
    commands
}
