//! Exports, written on a thread of their own from what the panels show.

use std::path::PathBuf;
use std::sync::Arc;

use super::{AppState, Inbox};
use crate::export;
use crate::extract::Gazetteer;
use crate::ingest;
use crate::notebook::AddedEventId;

/// An export the user asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    /// What to write.
    pub format: export::Format,
    /// Keep rejected events (marked) in event exports.
    pub keep_rejected: bool,
    /// Draw a figure format as a PNG this many pixels wide (`None`: the format's own file).
    pub png_width: Option<u32>,
    /// Where.
    pub path: PathBuf,
    /// Whether the user agreed to replace an existing file (in the save dialog or the export
    /// window).
    pub overwrite: bool,
}

impl AppState {
    /// Writes an export on a background thread: the events the panels show (as reviewed),
    /// every note, the graph and timeline of those events.
    pub(super) fn export(&mut self, request: ExportRequest) {
        let desk = &self.desk;
        let extracted = Arc::clone(desk.extracted_events());
        let known = desk.event_keys.len();
        // Notes are not narrowed by the filters: every event stays, so a note on an event the
        // filters hide is not reported as detached.
        let mut indices: Vec<usize> = if request.format.is_notes() {
            (0..desk.events.len()).collect()
        } else {
            desk.selection.matching.clone()
        };
        if request.keep_rejected {
            indices.extend(&desk.rejected_selected);
            indices.sort_unstable();
        }
        let shown = indices.len();
        let total = desk.events.len();
        let added: std::collections::HashSet<AddedEventId> = indices
            .iter()
            .filter_map(|&index| desk.added_event(index))
            .collect();
        let mut notebook = self.journal.notebook.clone();
        notebook
            .added_events
            .retain(|event| added.contains(&event.id));
        let notes = notebook.notes.len();
        let all_notes = self.journal.notebook.clone();
        let mut corpus = self.library.corpus.clone();
        let options = self.library.options().clone();
        let noted = self.journal.notebook.documents_noted();
        let filtered = !desk.filter.is_empty();
        let outbox = self.outbox.clone();
        let wake = Arc::clone(&self.wake);
        let spawned = std::thread::Builder::new()
            .name("accord-export".to_owned())
            .spawn(move || {
                // Passages are anchored and cited in the articles' whole texts.
                for document in noted {
                    if let Some(text) = corpus
                        .document(document)
                        .and_then(|document| ingest::read_back(document, &options).ok())
                    {
                        corpus.hold_text(document, text);
                    }
                }
                let events: Vec<_> = indices
                    .iter()
                    .filter(|&&index| index < known)
                    .filter_map(|&index| extracted.get(index).cloned())
                    .collect();
                let notebook = if request.format.is_notes() {
                    &all_notes
                } else {
                    &notebook
                };
                let input = export::Input {
                    corpus: &corpus,
                    events: &events,
                    notebook,
                    gazetteer: Gazetteer::bundled(),
                    keep_rejected: request.keep_rejected,
                };
                let result = export::write_atomically(&request.path, request.overwrite, |file| {
                    export::write_drawn(request.format, request.png_width, &input, file)
                });
                let message = match result {
                    Ok(summary) => {
                        let scope = if request.format.is_notes() {
                            format!("all {notes} notes")
                        } else if filtered {
                            format!("the {shown} of {total} events the current filters show")
                        } else {
                            format!("all {shown} events")
                        };
                        (
                            format!("Exported {scope} to {}. {summary}", request.path.display()),
                            false,
                        )
                    }
                    Err(export::WriteError::Exists { path }) => (
                        format!(
                            "Nothing was exported: {} already exists. Tick “Replace it” in the export window to overwrite it.",
                            path.display()
                        ),
                        true,
                    ),
                    Err(error) => (format!("Nothing was exported: {error}."), true),
                };
                let _ = outbox.send(Inbox::Exported(message.0, message.1));
                wake();
            });
        match spawned {
            Ok(_) => self.dialogs.exporting += 1,
            Err(_) => self.tell_error(
                "Nothing was exported: the system would not start a worker thread.".to_owned(),
            ),
        }
    }
}
