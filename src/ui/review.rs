//! The review queue: extracted events not yet reviewed, least confident first, to accept,
//! reject or correct one after another (A / R / C, or the buttons). A rejected event leaves the timeline, the
//! graph and the table; reviews are saved in the notebook and survive re-extraction.

use egui::Key;

use super::theme;
use super::windows::Windows;
use crate::notebook::Review;
use crate::state::{AppState, Command};
use crate::view::DeskView;

/// The Review panel and what it keeps between frames.
#[derive(Debug, Default)]
pub struct ReviewPanel {
    /// List reviewed events too, not only those waiting.
    show_all: bool,
}

impl ReviewPanel {
    /// Draws the queue; returns the analyst's commands.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        windows: &mut Windows,
    ) -> Vec<Command> {
        let show_all = &mut self.show_all;
        let mut commands = Vec::new();
        let desk = &state.desk;
        let reviewed = desk
            .reviews
            .iter()
            .filter(|review| review.is_some())
            .count();
        let rejected = (0..desk.events.len())
            .filter(|&index| desk.is_rejected(index))
            .count();
        ui.horizontal_wrapped(|ui| {
            ui.strong("Review");
            ui.label(format!(
                "{reviewed} of {} extracted events reviewed ({rejected} rejected, hidden everywhere)",
                desk.event_keys.len()
            ));
            ui.checkbox(show_all, "show reviewed too");
            ui.weak("A accept · R reject · C correct · U undo the review · ↑↓ move");
        });
        ui.separator();
        // Extracted events only: an event added by hand is the analyst's own, nothing to review.
        let mut queue: Vec<usize> = (0..desk.event_keys.len())
            .filter(|&index| *show_all || desk.reviews.get(index).is_none_or(Option::is_none))
            .collect();
        queue.sort_by(|&a, &b| {
            let confidence = |index: usize| desk.events[index].event.confidence;
            confidence(a).total_cmp(&confidence(b)).then(a.cmp(&b))
        });
        if queue.is_empty() {
            ui.weak("Every event has been reviewed.");
            return commands;
        }
        let current = desk
            .selected_event()
            .filter(|event| queue.contains(event))
            .or_else(|| queue.first().copied());
        commands.extend(keys(ui, desk, &queue, current));
        if let Some(current) = current
            && !ui.ctx().egui_wants_keyboard_input()
            && ui.input(|input| input.key_pressed(Key::C))
        {
            windows.correct_event(state, current);
        }
        egui::ScrollArea::vertical()
            .id_salt("review_queue")
            .auto_shrink(false)
            .show_rows(ui, theme::ROW_HEIGHT, queue.len(), |ui, rows| {
                for &index in &queue[rows] {
                    let event = &desk.events[index].event;
                    let parties: Vec<&str> =
                        event.participants.iter().map(|p| p.name.as_str()).collect();
                    ui.horizontal(|ui| {
                        if ui.small_button("Accept").clicked() {
                            commands.extend(Command::review_event(
                                desk,
                                index,
                                Some(Review::Accepted),
                            ));
                        }
                        if ui.small_button("Reject").clicked() {
                            commands.extend(Command::review_event(
                                desk,
                                index,
                                Some(Review::Rejected),
                            ));
                        }
                        if ui
                            .small_button("Correct…")
                            .on_hover_text("Fix its date, kind, parties or fields")
                            .clicked()
                        {
                            windows.correct_event(state, index);
                        }
                        let state_text = match desk.reviews.get(index).and_then(Option::as_ref) {
                            Some(Review::Accepted) => "accepted · ",
                            Some(Review::Rejected) => "rejected · ",
                            Some(Review::Corrected(_)) => "corrected · ",
                            None => "",
                        };
                        let line = format!(
                            "{state_text}{:.0} % · {} · {} · {}",
                            event.confidence * 100.0,
                            super::widgets::event_date_text(event),
                            event.kind.label(),
                            parties.join(", ")
                        );
                        let text = egui::RichText::new(line.as_str())
                            .color(theme::kind_colour(ui.visuals(), event.kind));
                        // Cut at the panel's edge (a long list of parties would run over the next
                        // panel); the whole line shows on hover.
                        let row = egui::Button::selectable(current == Some(index), text).truncate();
                        if ui.add(row).on_hover_text(line).clicked() {
                            commands.push(Command::select_event(desk, index));
                        }
                    });
                }
            });
        commands
    }
}

/// A, R and U review the current event and move on; ↑ and ↓ move. Not while typing.
fn keys(ui: &egui::Ui, desk: &DeskView, queue: &[usize], current: Option<usize>) -> Vec<Command> {
    let mut commands = Vec::new();
    if ui.ctx().egui_wants_keyboard_input() {
        return commands;
    }
    let Some(current) = current else {
        return commands;
    };
    let position = queue
        .iter()
        .position(|&index| index == current)
        .unwrap_or(0);
    let next = queue
        .get(position + 1)
        .or(queue.get(position.wrapping_sub(1)))
        .copied();
    let (accept, reject, undo, down, up) = ui.input(|input| {
        (
            input.key_pressed(Key::A),
            input.key_pressed(Key::R),
            input.key_pressed(Key::U),
            input.key_pressed(Key::ArrowDown),
            input.key_pressed(Key::ArrowUp),
        )
    });
    let reviewed = |review| {
        let mut commands: Vec<Command> = Command::review_event(desk, current, review)
            .into_iter()
            .collect();
        if let Some(next) = next {
            commands.push(Command::select_event(desk, next));
        }
        commands
    };
    if accept {
        commands.extend(reviewed(Some(Review::Accepted)));
    } else if reject {
        commands.extend(reviewed(Some(Review::Rejected)));
    } else if undo {
        commands.extend(Command::review_event(desk, current, None));
    } else if down {
        if let Some(&below) = queue.get(position + 1) {
            commands.push(Command::select_event(desk, below));
        }
    } else if up && position > 0 {
        commands.push(Command::select_event(desk, queue[position - 1]));
    }
    commands
}
