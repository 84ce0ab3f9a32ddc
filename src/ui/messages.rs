//! Messages to the user (errors in plain words), shown until dismissed.

use egui::RichText;

use super::theme;
use crate::state::{AppCommand, Command, Message};

/// Draws each message with a dismiss button.
pub fn messages_ui(ui: &mut egui::Ui, messages: &[Message]) -> Vec<Command> {
    let mut commands = Vec::new();
    for (index, message) in messages.iter().enumerate() {
        egui::Frame::new()
            .fill(theme::message_background(ui.visuals()))
            .inner_margin(6.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                        commands.push(Command::App(AppCommand::DismissMessage(index)));
                    }
                    let colour = if message.is_error {
                        theme::error_colour(ui.visuals())
                    } else {
                        theme::info_colour(ui.visuals())
                    };
                    ui.add(egui::Label::new(RichText::new(&message.text).color(colour)).wrap());
                });
            });
    }
    if !messages.is_empty() {
        ui.add_space(4.0);
    }
    commands
}
