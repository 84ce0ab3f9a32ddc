//! The export window (File → Export…): a format, what it will hold under the current filters,
//! and the file, chosen in the system's save dialog or typed. An existing file is replaced
//! only when the save dialog asked, or the user ticks "Replace it".

use std::path::{Path, PathBuf};

use crate::export::Format;
use crate::state::{AppCommand, AppState, Command, ExportRequest};

/// The window's choices so far.
#[derive(Clone, Debug)]
struct Draft {
    format: Format,
    keep_rejected: bool,
    path: String,
    /// The user agreed to replace an existing file (in the save dialog, or ticked).
    replace: bool,
    /// The save-dialog choice already taken in.
    seen_pick: u64,
    /// Whether a file exists at `path`, and for which text: the disk is asked when the path
    /// changes, not every frame.
    exists: (String, bool),
}

fn draft_id() -> egui::Id {
    egui::Id::unique("accord_export_draft")
}

/// Opens the export window.
pub fn open(ctx: &egui::Context, state: &AppState) {
    let seen_pick = state.export_pick.as_ref().map_or(0, |(number, _)| *number);
    let draft = Draft {
        format: Format::EventsCsv,
        keep_rejected: false,
        path: String::new(),
        replace: false,
        seen_pick,
        exists: (String::new(), false),
    };
    super::keep_draft(ctx, draft_id(), Some(draft));
}

/// The window, when open; returns the commands it gives.
pub fn export_window_ui(ctx: &egui::Context, state: &AppState) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(mut draft) = super::draft::<Draft>(ctx, draft_id()) else {
        return commands;
    };
    if let Some((number, path)) = &state.export_pick
        && *number != draft.seen_pick
    {
        draft.seen_pick = *number;
        draft.path = path.display().to_string();
        // The save dialog asked before returning a file that exists.
        draft.replace = true;
    }
    let mut keep = true;
    egui::Window::new("Export")
        .collapsible(false)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            for &format in Format::all() {
                ui.radio_value(&mut draft.format, format, format.description());
            }
            ui.separator();
            ui.label(contents(state, &draft));
            if !draft.format.is_notes() {
                ui.checkbox(
                    &mut draft.keep_rejected,
                    "Keep events rejected in review (marked rejected)",
                );
            }
            ui.horizontal(|ui| {
                ui.label("File:");
                let edit = ui.add(
                    egui::TextEdit::singleline(&mut draft.path)
                        .hint_text(draft.format.file_name())
                        .desired_width(280.0),
                );
                if edit.changed() {
                    draft.replace = false;
                }
                if ui
                    .add_enabled(!state.folder_dialog_open, egui::Button::new("Choose…"))
                    .clicked()
                {
                    commands.push(Command::App(AppCommand::ShowExportDialog(draft.format)));
                }
            });
            let path = PathBuf::from(draft.path.trim());
            if draft.exists.0 != draft.path {
                let exists = !draft.path.trim().is_empty() && path.symlink_metadata().is_ok();
                draft.exists = (draft.path.clone(), exists);
            }
            let exists = draft.exists.1;
            if exists {
                ui.checkbox(
                    &mut draft.replace,
                    format!("Replace it ({} already exists)", file_name(&path)),
                );
            }
            ui.horizontal(|ui| {
                let ready = !draft.path.trim().is_empty() && (!exists || draft.replace);
                if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
                    commands.push(Command::App(AppCommand::Export(ExportRequest {
                        format: draft.format,
                        keep_rejected: draft.keep_rejected && !draft.format.is_notes(),
                        path: path.clone(),
                        overwrite: draft.replace,
                    })));
                    keep = false;
                }
                if ui.button("Cancel").clicked() {
                    keep = false;
                }
                if state.exporting > 0 {
                    ui.spinner();
                    ui.weak("exporting…");
                }
            });
        });
    if ctx.input(|input| input.key_pressed(egui::Key::Escape)) {
        keep = false;
    }
    super::keep_draft(ctx, draft_id(), keep.then_some(draft));
    commands
}

/// What the export will hold, in plain words.
fn contents(state: &AppState, draft: &Draft) -> String {
    let desk = &state.desk;
    if draft.format.is_notes() {
        return format!(
            "All {} notes of the notebook (filters do not narrow notes).",
            state.journal.notebook.notes.len()
        );
    }
    let mut shown = desk.selection.matching.len();
    if draft.keep_rejected {
        shown += desk.rejected_selected.len();
    }
    let total = desk.events.len();
    let what = match draft.format {
        Format::Gexf | Format::Graphml => "the relationship graph of ",
        Format::TimelineJs => "the timeline of ",
        _ => "",
    };
    if desk.filter.is_empty() {
        format!("Exports {what}all {shown} events.")
    } else {
        format!("Exports {what}the {shown} of {total} events the current filters show.")
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
