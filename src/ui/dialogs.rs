//! The typed-path dialog: always available, and offered when no native dialog can open.

use std::path::PathBuf;

use crate::state::{Command, LibraryCommand, NotebookChoice, NotebookCommand};

/// An open typed-path dialog with the text typed so far.
#[derive(Clone, Debug, Default)]
pub struct PathDialog {
    /// The path as typed.
    pub text: String,
    /// Why the dialog opened instead of the native one, if it did.
    pub explanation: Option<String>,
    /// What the path is for: articles to open (`None`) or a notebook.
    pub notebook: Option<NotebookChoice>,
    /// Whether the text field has been given the keyboard focus once.
    focused_once: bool,
}

impl PathDialog {
    /// A fresh dialog, with the reason it opened and what the path is for.
    pub fn new(explanation: Option<String>, notebook: Option<NotebookChoice>) -> Self {
        Self {
            text: String::new(),
            explanation,
            notebook,
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
            ui.heading(match self.notebook {
                None => "Open a folder or file",
                Some(NotebookChoice::Open) => "Open a notebook",
                Some(NotebookChoice::New) => "Start a new notebook",
                Some(NotebookChoice::SaveAs) => "Save the notebook as",
            });
            if let Some(explanation) = &self.explanation {
                ui.label(explanation);
            }
            ui.label("Path:");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.text)
                    .hint_text(if self.notebook.is_some() {
                        "/home/me/research/notebook.ron"
                    } else {
                        "/home/me/articles"
                    })
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
                let verb = match self.notebook {
                    Some(NotebookChoice::New) => "Start",
                    Some(NotebookChoice::SaveAs) => "Save",
                    _ => "Open",
                };
                let open = ui.add_enabled(!path.is_empty(), egui::Button::new(verb));
                if (open.clicked() || entered) && !path.is_empty() {
                    let path = PathBuf::from(path);
                    command = Some(match self.notebook {
                        Some(choice) => Command::Notebook(NotebookCommand::Use(choice, path)),
                        None => Command::Library(LibraryCommand::OpenPaths(vec![path])),
                    });
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
