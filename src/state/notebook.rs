//! The notebook concern: notes, reviews of extracted events, added events, and which notebook
//! file they are kept in.

use std::path::PathBuf;
use std::sync::Arc;

use super::AppState;
use crate::journal::Journal;
use crate::notebook::{AddedEventId, Fix, NewEvent, NoteId, Review, Target, now_unix_s};
use crate::view::EventId;

/// Commands about the notebook.
#[derive(Clone, Debug, PartialEq)]
pub enum NotebookCommand {
    /// Write a new note.
    AddNote {
        /// What it is about.
        target: Target,
        /// The note.
        text: String,
        /// Its tags.
        tags: Vec<String>,
    },
    /// Change a note's text and tags.
    EditNote {
        /// Which note.
        id: NoteId,
        /// The new text.
        text: String,
        /// The new tags.
        tags: Vec<String>,
    },
    /// Delete a note (undoable).
    DeleteNote(NoteId),
    /// Bring back the last deleted note.
    UndoDelete,
    /// Save this notebook over another program's changes to the file.
    KeepMine,
    /// Record (or, with `None`, forget) the analyst's review of an extracted event.
    ReviewEvent(EventId, Option<Review>),
    /// Add an event the extractor missed, from a passage.
    AddEvent(NewEvent),
    /// Change an added event's parts.
    EditAddedEvent(AddedEventId, Fix),
    /// Remove an added event.
    RemoveAddedEvent(AddedEventId),
    /// Ask (native dialog) where to start a new notebook, which to open, or where to save
    /// this one as.
    ShowDialog(NotebookChoice),
    /// Start, open or save as the notebook at a path.
    Use(NotebookChoice, PathBuf),
    /// Start a fresh notebook beside one that cannot be written, with what could be read.
    FreshBeside,
}

/// What to do with a notebook file the user chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotebookChoice {
    /// Start a new, empty notebook there.
    New,
    /// Open that notebook.
    Open,
    /// Save this notebook there and keep working in it.
    SaveAs,
}

impl AppState {
    /// Applies a command about the notebook. Changes renew the notebook's revisions, so the
    /// saver and the desk follow without being told.
    pub(super) fn handle_notebook(&mut self, command: NotebookCommand) {
        let notebook = &mut self.journal.notebook;
        match command {
            NotebookCommand::AddNote { target, text, tags } => {
                notebook.add_note(target, text, &tags, now_unix_s());
            }
            NotebookCommand::EditNote { id, text, tags } => {
                notebook.edit_note(id, text, &tags, now_unix_s());
            }
            NotebookCommand::DeleteNote(id) => {
                notebook.delete_note(id);
            }
            NotebookCommand::UndoDelete => {
                notebook.undo_delete();
            }
            NotebookCommand::KeepMine => self.journal.keep_my_version(),
            NotebookCommand::ReviewEvent(id, review) => self.review_event(&id, review),
            NotebookCommand::AddEvent(event) => {
                notebook.add_event(event, now_unix_s());
            }
            NotebookCommand::EditAddedEvent(id, fix) => {
                notebook.update_added_event(id, &fix);
            }
            NotebookCommand::RemoveAddedEvent(id) => {
                if notebook.remove_added_event(id)
                    && self.desk.selected_event_id() == Some(&EventId::Added(id))
                {
                    self.desk.select_event(None);
                }
            }
            NotebookCommand::ShowDialog(choice) => self.show_notebook_dialog(choice),
            NotebookCommand::Use(choice, path) => self.use_notebook(choice, path),
            NotebookCommand::FreshBeside => self.fresh_notebook_beside(),
        }
    }

    /// Records (or forgets) the review of an extracted event; an added one is edited instead.
    pub(super) fn review_event(&mut self, id: &EventId, review: Option<Review>) {
        let EventId::Extracted(key) = id else {
            return;
        };
        let Some(index) = self.desk.index_of(id) else {
            return;
        };
        let notebook = &mut self.journal.notebook;
        // Replace whatever review the event had (it may be stored under an older key).
        if let Some(Some(_)) = self.desk.reviews.get(index) {
            let stored: Vec<_> = notebook
                .reviews_for(self.desk.event_keys.get(index..=index).unwrap_or_default())
                .into_iter()
                .flatten()
                .map(|correction| correction.key.clone())
                .collect();
            for old in stored {
                notebook.clear_review(&old);
            }
        }
        if let Some(review) = review {
            notebook.set_review(key.clone(), review, now_unix_s());
        }
    }

    /// Starts, opens or saves as the notebook at `path`. Nothing the app cannot read is ever
    /// written over, and a new notebook never replaces an existing file.
    pub(super) fn use_notebook(&mut self, choice: NotebookChoice, path: PathBuf) {
        let path = std::path::absolute(&path).unwrap_or(path);
        if self.journal.path.as_deref() == Some(path.as_path()) {
            self.tell_info(format!("{} is the notebook already open.", path.display()));
            return;
        }
        let exists = path.symlink_metadata().is_ok();
        match choice {
            NotebookChoice::Open if !exists => self.tell_error(format!(
                "There is no notebook at {}. Check the path, or start one there with File → New notebook….",
                path.display()
            )),
            NotebookChoice::Open => {
                let (journal, notices) = Journal::open(path.clone(), Arc::clone(&self.wake));
                self.switch_journal(journal, notices, format!("Opened the notebook {}.", path.display()));
            }
            NotebookChoice::New if exists => self.tell_error(format!(
                "{} already exists. A new notebook is never started over an existing file: choose another name, or open it with File → Open notebook….",
                path.display()
            )),
            NotebookChoice::New => {
                let (mut journal, notices) = Journal::open(path.clone(), Arc::clone(&self.wake));
                journal.save_soon();
                self.switch_journal(journal, notices, format!("Started a new notebook at {}; notes now go there.", path.display()));
            }
            NotebookChoice::SaveAs => {
                // What opening says about the file being replaced (a migration, say) no longer applies.
                let (mut journal, _) = Journal::open(path.clone(), Arc::clone(&self.wake));
                if let Some(reason) = &journal.read_only_because {
                    self.tell_error(format!(
                        "The notebook was not saved as {}: that file cannot be replaced ({reason}).",
                        path.display()
                    ));
                    return;
                }
                journal.notebook = self.journal.notebook.clone();
                if exists {
                    // The save dialog asked before replacing it; the old file becomes the .bak.
                    journal.keep_my_version();
                }
                self.switch_journal(journal, Vec::new(), format!("Saved the notebook as {}; notes now go there.", path.display()));
            }
        }
    }

    /// A fresh notebook next to a read-only one, holding what could be read from it.
    pub(super) fn fresh_notebook_beside(&mut self) {
        let Some(old) = self.journal.path.clone() else {
            self.show_notebook_dialog(NotebookChoice::New);
            return;
        };
        let Some(fresh) = crate::notebook::fresh_path_beside(&old) else {
            self.tell_error(format!(
                "No free file name was found next to {}; start a notebook elsewhere with File → New notebook….",
                old.display()
            ));
            return;
        };
        let (mut journal, notices) = Journal::open(fresh.clone(), Arc::clone(&self.wake));
        journal.notebook = self.journal.notebook.clone();
        self.switch_journal(
            journal,
            notices,
            format!(
                "Started a fresh notebook at {} with everything that could be read; {} is left untouched.",
                fresh.display(),
                old.display()
            ),
        );
    }

    /// Makes `journal` the open notebook: the old one's pending changes are written first.
    pub(super) fn switch_journal(&mut self, journal: Journal, notices: Vec<String>, done: String) {
        self.journal.flush();
        let path = journal.path.clone();
        self.journal = journal;
        self.preferences.notebook =
            path.filter(|path| Some(path) != crate::notebook::default_path().as_ref());
        for notice in notices {
            self.tell_info(notice);
        }
        self.tell_info(done);
    }
}
