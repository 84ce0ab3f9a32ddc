//! The event table: the same events as the timeline and graph, as sortable rows (only visible
//! rows are built). Click a row to select the event and open its article at the evidence.

use std::sync::Arc;

use egui_extras::{Column, TableBuilder};
use rayon::slice::ParallelSliceMut;

use super::theme;
use super::windows::Windows;
use crate::extract::CorpusEvent;
use crate::model::{Memo, Revision};
use crate::notebook::Review;
use crate::state::{AppState, Command};

/// Columns the table can sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum SortBy {
    Date,
    Kind,
    Parties,
    Sources,
    Confidence,
}

/// The event table panel and what it keeps between frames: the column it sorts by and the rows
/// it sorted last.
#[derive(Debug)]
pub struct EventsTable {
    sort_by: SortBy,
    ascending: bool,
    /// The selection's rows in the table's order, for the selection's revision and the sort.
    sorted: Memo<(SortBy, bool, Revision), Arc<Vec<usize>>>,
    /// Every event in the column's ascending order, for the events' revision: a filter's rows
    /// are cut from it in one pass rather than sorted again (300,000 events).
    order: Memo<(SortBy, Revision), Arc<Vec<usize>>>,
}

impl Default for EventsTable {
    fn default() -> Self {
        Self {
            sort_by: SortBy::Date,
            ascending: true,
            sorted: Memo::default(),
            order: Memo::default(),
        }
    }
}

impl EventsTable {
    /// Draws the table; returns the analyst's commands.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        windows: &mut Windows,
    ) -> Vec<Command> {
        let rows = self.rows(state);
        let (commands, header_clicked) =
            table_ui(ui, state, &rows, (self.sort_by, self.ascending), windows);
        if let Some(column) = header_clicked {
            if column == self.sort_by {
                self.ascending = !self.ascending;
            } else {
                self.sort_by = column;
                self.ascending = true;
            }
        }
        commands
    }

    /// The selection's events in the table's order, sorted again only when the selection, the
    /// events or the sort changed.
    fn rows(&mut self, state: &AppState) -> Arc<Vec<usize>> {
        let desk = &state.desk;
        // The selection is rebuilt (a new revision) when reviews change the events: a corrected
        // date re-sorts.
        let key = (self.sort_by, self.ascending, desk.selection_revision());
        if self.sorted.stale(key) {
            if self.order.stale((self.sort_by, desk.events_revision())) {
                let every: Vec<usize> = (0..desk.events.len()).collect();
                self.order.set(Arc::new(sorted_rows(
                    &desk.events,
                    &every,
                    self.sort_by,
                    true,
                )));
            }
            self.sorted.set(Arc::new(cut_rows(
                &self.order,
                &desk.selection.matching,
                self.ascending,
            )));
        }
        Arc::clone(&self.sorted)
    }
}

/// The table itself: its rows in `rows`' order, the header marking the `sort` column and
/// direction; returns the commands and the column whose header was clicked.
fn table_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    rows: &[usize],
    (sort_by, ascending): (SortBy, bool),
    windows: &mut Windows,
) -> (Vec<Command>, Option<SortBy>) {
    let mut commands = Vec::new();
    let desk = &state.desk;
    let mut header_clicked = None;
    // The columns start as shares of the area's width, so the whole table — and its vertical
    // scroll bar, drawn at its right edge — fits beside the viewer at the default window size;
    // text longer than a column is cut (columns can be widened by dragging). Narrower than the
    // columns' minimums, the table scrolls sideways rather than running past the area's edge.
    let width = ui.available_width() - 5.0 * ui.spacing().item_spacing.x;
    egui::ScrollArea::horizontal()
        .id_salt("events_table_sideways")
        .show(ui, |ui| {
            // A click anywhere on a row, its text too, selects the row's event (selectable text
            // would take the click for itself).
            ui.style_mut().interaction.selectable_labels = false;
            TableBuilder::new(ui)
                .id_salt("events_table")
                .striped(true)
                .sense(egui::Sense::click())
                .column(Column::initial(width * 0.17).at_least(70.0).clip(true))
                .column(Column::initial(width * 0.12).at_least(50.0).clip(true))
                .column(Column::initial(width * 0.26).at_least(80.0).clip(true))
                .column(Column::initial(width * 0.14).at_least(50.0).clip(true))
                .column(Column::initial(width * 0.11).at_least(50.0).clip(true))
                .column(Column::remainder().at_least(80.0))
                .header(theme::ROW_HEIGHT, |mut header| {
                    for (column, label) in [
                        (SortBy::Date, "Date"),
                        (SortBy::Kind, "Kind"),
                        (SortBy::Parties, "Parties"),
                        (SortBy::Parties, "Fields"),
                        (SortBy::Sources, "Sources"),
                        (SortBy::Confidence, "Confidence"),
                    ] {
                        header.col(|ui| {
                            let arrow = match (column == sort_by && label != "Fields", ascending) {
                                (true, true) => " ↑",
                                (true, false) => " ↓",
                                (false, _) => "",
                            };
                            if label == "Fields" {
                                ui.strong(label);
                            } else if ui
                                .add(
                                    egui::Button::new(
                                        egui::RichText::new(format!("{label}{arrow}")).strong(),
                                    )
                                    .frame(false),
                                )
                                .on_hover_text("Sort by this column")
                                .clicked()
                            {
                                header_clicked = Some(column);
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(theme::ROW_HEIGHT, rows.len(), |mut row| {
                        let Some(&event_index) = rows.get(row.index()) else {
                            return;
                        };
                        let Some(event) = desk.events.get(event_index) else {
                            return;
                        };
                        let data = &event.event;
                        row.set_selected(desk.selected_event() == Some(event_index));
                        row.col(|ui| {
                            ui.label(super::widgets::event_date_text(data));
                        });
                        row.col(|ui| {
                            ui.colored_label(
                                theme::kind_colour(ui.visuals(), data.kind),
                                data.kind.label(),
                            );
                        });
                        row.col(|ui| {
                            let parties: Vec<&str> =
                                data.participants.iter().map(|p| p.name.as_str()).collect();
                            ui.label(parties.join(", "));
                        });
                        row.col(|ui| {
                            ui.label(data.fields.join(", "));
                        });
                        row.col(|ui| {
                            ui.label(event.sources.len().to_string());
                        });
                        row.col(|ui| {
                            ui.label(format!("{:.0} %", data.confidence * 100.0));
                        });
                        let response = row.response();
                        if response.clicked() {
                            commands.push(Command::select_event(desk, event_index));
                        }
                        response.context_menu(|ui| {
                            commands.extend(row_menu_ui(ui, state, event_index, windows));
                        });
                    });
                });
        });
    (commands, header_clicked)
}

/// A row's context menu: correct the event, or (an extracted one) accept or reject it.
fn row_menu_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    event_index: usize,
    windows: &mut Windows,
) -> Vec<Command> {
    let desk = &state.desk;
    let mut commands = Vec::new();
    if ui.button("Correct this event…").clicked() {
        windows.correct_event(state, event_index);
        ui.close();
    }
    if desk.added_event(event_index).is_none() {
        for (label, review) in [("Accept", Review::Accepted), ("Reject", Review::Rejected)] {
            if ui.button(label).clicked() {
                commands.extend(Command::review_event(desk, event_index, Some(review)));
                ui.close();
            }
        }
    }
    commands
}

/// The rows of `matching` (distinct event indices) in the order of `order`, every event sorted
/// ascending by a column with ties in event order; reversed for a descending sort. The same as
/// [`sorted_rows`] of `matching`, since keeping a subset keeps its order.
fn cut_rows(order: &[usize], matching: &[usize], ascending: bool) -> Vec<usize> {
    let mut rows = if matching.len() == order.len() {
        order.to_vec()
    } else {
        let mut selected = vec![false; order.len()];
        for &index in matching {
            if let Some(slot) = selected.get_mut(index) {
                *slot = true;
            }
        }
        order
            .iter()
            .copied()
            .filter(|&index| selected.get(index).copied().unwrap_or(false))
            .collect()
    };
    if !ascending {
        rows.reverse();
    }
    rows
}

/// The selection ordered by a column; ties keep event order (rayon's sorts are stable).
fn sorted_rows(
    events: &[CorpusEvent],
    matching: &[usize],
    sort_by: SortBy,
    ascending: bool,
) -> Vec<usize> {
    let mut rows = matching.to_vec();
    let event = |index: usize| events.get(index).map(|event| &event.event);
    match sort_by {
        SortBy::Date => rows.par_sort_by_key(|&index| {
            event(index).map(|e| {
                e.date
                    .map(|d| (d.year.is_none(), d.year, d.month, d.day))
                    .unwrap_or((true, None, None, None))
            })
        }),
        SortBy::Kind => rows.par_sort_by_key(|&index| event(index).map(|e| e.kind)),
        SortBy::Parties => rows.par_sort_by_cached_key(|&index| {
            event(index).map(|e| {
                e.participants
                    .iter()
                    .map(|p| p.name.clone())
                    .collect::<Vec<_>>()
            })
        }),
        SortBy::Sources => {
            rows.par_sort_by_key(|&index| events.get(index).map(|e| e.sources.len()));
        }
        SortBy::Confidence => rows.par_sort_by(|&a, &b| {
            let confidence = |index| event(index).map_or(0.0, |e| e.confidence);
            confidence(a).total_cmp(&confidence(b))
        }),
    }
    if !ascending {
        rows.reverse();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::filter::tests::{event, linked};
    use crate::extract::Level;
    use crate::model::{EventKind, PartialDate};

    /// Events with many ties in every column, so the order of equal rows is tested too.
    fn events() -> Vec<CorpusEvent> {
        let places = ["Nanjing", "Suzhou", "Wuxi", "Hefei"];
        (0..60)
            .map(|index| {
                let kind = [EventKind::Agreement, EventKind::Meeting, EventKind::Visit][index % 3];
                let date = (index % 4 != 0).then(|| PartialDate {
                    year: Some(2015 + (index % 5) as i32),
                    month: u8::try_from(index % 7).ok().filter(|&month| month > 0),
                    day: None,
                });
                let mut event = event(
                    kind,
                    vec![
                        linked(places[index % 4], Level::Prefecture),
                        linked(places[(index / 4) % 4], Level::Prefecture),
                    ],
                    date,
                );
                event.event.confidence = [0.5, 0.7, 0.9][index % 3];
                event
            })
            .collect()
    }

    #[test]
    fn rows_cut_from_the_whole_order_equal_sorting_the_selection() {
        let events = events();
        let every: Vec<usize> = (0..events.len()).collect();
        let selections: [Vec<usize>; 4] = [
            every.clone(),
            every
                .iter()
                .copied()
                .filter(|index| index % 3 != 1)
                .collect(),
            vec![5, 17, 42],
            Vec::new(),
        ];
        for sort_by in [
            SortBy::Date,
            SortBy::Kind,
            SortBy::Parties,
            SortBy::Sources,
            SortBy::Confidence,
        ] {
            let order = sorted_rows(&events, &every, sort_by, true);
            for matching in &selections {
                for ascending in [true, false] {
                    assert_eq!(
                        cut_rows(&order, matching, ascending),
                        sorted_rows(&events, matching, sort_by, ascending),
                        "{sort_by:?}, ascending: {ascending}, {} rows",
                        matching.len()
                    );
                }
            }
        }
    }
}
