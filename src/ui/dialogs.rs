//! The typed-path dialog: always available, and offered when no native dialog can open.

use std::path::PathBuf;

use crate::state::Command;

/// An open typed-path dialog with the text typed so far.
#[derive(Clone, Debug, Default)]
pub struct PathDialog {
    /// The path as typed.
    pub text: String,
    /// Why the dialog opened instead of the native one, if it did.
    pub explanation: Option<String>,
    /// Whether the text field has been given the keyboard focus once.
    focused_once: bool,
}

impl PathDialog {
    /// A fresh dialog, with the reason it opened.
    pub fn new(explanation: Option<String>) -> Self {
        Self {
            text: String::new(),
            explanation,
            focused_once: false,
        }
    }

    /// Draws the dialog; returns whether it stays open, and a command when the user opens a
    /// path.
    pub fn show(&mut self, ctx: &egui::Context) -> (bool, Option<Command>) {
        let mut keep_open = true;
        let mut command = None;
        let modal = egui::Modal::new(egui::Id::unique("accord_path_dialog")).show(ctx, |ui| {
            ui.set_width(480.0);
            ui.heading("Open a folder or file");
            if let Some(explanation) = &self.explanation {
                ui.label(explanation);
            }
            ui.label("Path:");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.text)
                    .hint_text("/home/me/articles")
                    .desired_width(f32::INFINITY),
            );
            if !self.focused_once {
                edit.request_focus();
                self.focused_once = true;
            }
            let entered = (edit.lost_focus() || edit.has_focus())
                && ui.input(|input| input.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let path = self.text.trim();
                let open = ui.add_enabled(!path.is_empty(), egui::Button::new("Open"));
                if (open.clicked() || entered) && !path.is_empty() {
                    command = Some(Command::OpenPaths(vec![PathBuf::from(path)]));
                    keep_open = false;
                }
                if ui.button("Cancel").clicked() {
                    keep_open = false;
                }
            });
        });
        if modal.should_close() {
            keep_open = false;
        }
        (keep_open, command)
    }
}
