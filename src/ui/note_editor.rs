//! The note editor: a window for a note on an article, an event, a place or a passage, with
//! tags. It is a value the app keeps while the window is open ([`super::windows::Windows`]);
//! saving it is a command.

use crate::notebook::{Note, NoteId, Target};
use crate::state::{Command, NotebookCommand};

/// A note being written or edited: the window's whole state.
#[derive(Clone, Debug)]
pub struct NoteEditor {
    /// The note edited, or `None` for a new one.
    id: Option<NoteId>,
    /// What it is about.
    target: Target,
    /// How the target is named in the editor's title.
    about: String,
    /// The text so far.
    text: String,
    /// Tags, comma-separated as typed.
    tags: String,
    /// Whether the text field has been given the keyboard once (on opening).
    focused: bool,
}

impl NoteEditor {
    /// An editor for a new note about `target`, named `about` in the window.
    pub fn new(target: Target, about: String) -> Self {
        Self {
            id: None,
            target,
            about,
            text: String::new(),
            tags: String::new(),
            focused: false,
        }
    }

    /// An editor on an existing note.
    pub fn edit(note: &Note, about: String) -> Self {
        Self {
            id: Some(note.id),
            target: note.target.clone(),
            about,
            text: note.text.clone(),
            tags: note.tags.join(", "),
            focused: false,
        }
    }

    /// Draws the window; pushes the command that saves the note. Returns whether the window
    /// stays open (not saved, cancelled or closed with Escape).
    pub fn show(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) -> bool {
        let mut keep = true;
        let title = if self.id.is_some() {
            "Edit note"
        } else {
            "New note"
        };
        egui::Window::new(title)
            .collapsible(false)
            .default_width(420.0)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(egui::RichText::new(&self.about).weak());
                let text = ui.add(
                    egui::TextEdit::multiline(&mut self.text)
                        .hint_text("Your note")
                        .desired_rows(6)
                        .desired_width(f32::INFINITY),
                );
                if !self.focused {
                    text.request_focus();
                    self.focused = true;
                }
                ui.horizontal(|ui| {
                    ui.label("Tags:");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.tags)
                            .hint_text("comma, separated")
                            .desired_width(260.0),
                    );
                });
                ui.horizontal(|ui| {
                    let can_save = !self.text.trim().is_empty();
                    if ui
                        .add_enabled(can_save, egui::Button::new("Save"))
                        .clicked()
                    {
                        commands.push(self.saved());
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep = false;
                    }
                });
            });
        keep && !ctx.input(|input| input.key_pressed(egui::Key::Escape))
    }

    /// The command that stores the note as written.
    fn saved(&self) -> Command {
        let tags: Vec<String> = self
            .tags
            .split(',')
            .map(|tag| tag.trim().to_owned())
            .filter(|tag| !tag.is_empty())
            .collect();
        let text = self.text.trim().to_owned();
        Command::Notebook(match self.id {
            Some(id) => NotebookCommand::EditNote { id, text, tags },
            None => NotebookCommand::AddNote {
                target: self.target.clone(),
                text,
                tags,
            },
        })
    }
}
