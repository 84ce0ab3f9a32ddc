//! The typed-path dialog: always available, and offered when no native dialog can open.

use std::path::{Path, PathBuf};

use crate::ingest::is_extraction_path;
use crate::state::{
    Command, LibraryCommand, NotebookChoice, NotebookCommand, OpenedExtraction, PathPurpose,
};

/// An open typed-path dialog with the text typed so far.
#[derive(Clone, Debug, Default)]
pub struct PathDialog {
    /// The path as typed.
    pub text: String,
    /// The articles' folder as typed, for an extraction file.
    pub articles: String,
    /// Why the dialog opened instead of the native one, if it did.
    pub explanation: Option<String>,
    /// What the path is for.
    pub purpose: PathPurpose,
    /// Whether the text field has been given the keyboard focus once.
    focused_once: bool,
}

impl PathDialog {
    /// A fresh dialog, with the reason it opened and what the path is for.
    pub fn new(explanation: Option<String>, purpose: PathPurpose) -> Self {
        Self {
            text: String::new(),
            articles: String::new(),
            explanation,
            purpose,
            focused_once: false,
        }
    }

    /// Whether the path typed is an extraction file (asked for, or named `.jsonl`/`.json`):
    /// then the articles' folder may be given too.
    fn is_extraction(&self) -> bool {
        match self.purpose {
            PathPurpose::Extraction => true,
            PathPurpose::Articles => is_extraction_path(Path::new(self.text.trim())),
            PathPurpose::Notebook(_) => false,
        }
    }

    /// The command the typed path asks for.
    fn command(&self, path: PathBuf) -> Command {
        match self.purpose {
            PathPurpose::Notebook(choice) => Command::Notebook(NotebookCommand::Use(choice, path)),
            _ if self.is_extraction() => {
                let articles = self.articles.trim();
                Command::Library(LibraryCommand::OpenExtraction(OpenedExtraction {
                    file: path,
                    articles: (!articles.is_empty()).then(|| PathBuf::from(articles)),
                }))
            }
            _ => Command::Library(LibraryCommand::OpenPaths(vec![path])),
        }
    }

    /// Draws the dialog; returns whether it stays open, and a command when the user opens a
    /// path.
    pub fn show(&mut self, ctx: &egui::Context) -> (bool, Option<Command>) {
        let mut keep_open = true;
        let mut command = None;
        let modal = egui::Modal::new(egui::Id::unique("accord_path_dialog")).show(ctx, |ui| {
            ui.set_width(480.0);
            ui.heading(match self.purpose {
                PathPurpose::Articles => "Open a folder or file",
                PathPurpose::Extraction => "Open an extraction",
                PathPurpose::Notebook(NotebookChoice::Open) => "Open a notebook",
                PathPurpose::Notebook(NotebookChoice::New) => "Start a new notebook",
                PathPurpose::Notebook(NotebookChoice::SaveAs) => "Save the notebook as",
            });
            if let Some(explanation) = &self.explanation {
                ui.label(explanation);
            }
            ui.label("Path:");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.text)
                    .hint_text(match self.purpose {
                        PathPurpose::Notebook(_) => "/home/me/research/notebook.ron",
                        PathPurpose::Extraction => "/home/me/extraction.jsonl",
                        PathPurpose::Articles => "/home/me/articles",
                    })
                    .desired_width(f32::INFINITY),
            );
            if !self.focused_once {
                edit.request_focus();
                self.focused_once = true;
            }
            let mut entered = (edit.lost_focus() || edit.has_focus())
                && ui.input(|input| input.key_pressed(egui::Key::Enter));
            if self.is_extraction() {
                entered |= self.articles_ui(ui);
            }
            ui.horizontal(|ui| {
                let path = self.text.trim();
                let verb = match self.purpose {
                    PathPurpose::Notebook(NotebookChoice::New) => "Start",
                    PathPurpose::Notebook(NotebookChoice::SaveAs) => "Save",
                    _ => "Open",
                };
                let open = ui.add_enabled(!path.is_empty(), egui::Button::new(verb));
                if (open.clicked() || entered) && !path.is_empty() {
                    command = Some(self.command(PathBuf::from(path)));
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

    /// The field for an extraction's articles' folder; returns whether Enter was pressed in
    /// it.
    fn articles_ui(&mut self, ui: &mut egui::Ui) -> bool {
        ui.label("Folder of the articles it names (optional; else they are looked for beside it):");
        let edit = ui.add(
            egui::TextEdit::singleline(&mut self.articles)
                .hint_text("/home/me/articles")
                .desired_width(f32::INFINITY),
        );
        (edit.lost_focus() || edit.has_focus())
            && ui.input(|input| input.key_pressed(egui::Key::Enter))
    }
}
