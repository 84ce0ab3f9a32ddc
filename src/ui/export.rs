//! The export window (File → Export…, and File → Export figure… for the figures): a format,
//! what it will hold under the current filters, for a figure SVG or PNG at a chosen size, and
//! the file, chosen in the system's save dialog or typed. An existing file is replaced only
//! when the save dialog asked, or the user ticks "Replace it".

use std::path::{Path, PathBuf};

use crate::export::{Format, PNG_WIDTHS, png_height, png_width_at_scale};
use crate::state::{AppCommand, AppState, Command, ExportRequest};

/// The export window's choices so far: its whole state, kept by the app while it is open
/// ([`super::windows::Windows`]).
#[derive(Clone, Debug)]
pub struct ExportWindow {
    format: Format,
    /// Export figure… (the figure formats) rather than Export… (the data formats).
    figures: bool,
    /// Draw the figure as PNG rather than SVG.
    png: bool,
    /// The PNG's width in pixels.
    png_width: u32,
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

impl ExportWindow {
    /// The window as it opens, on `format` (a chart's CSV button opens it on that chart's).
    pub fn new(state: &AppState, format: Format) -> Self {
        let seen_pick = state
            .dialogs
            .export_pick
            .as_ref()
            .map_or(0, |(number, _)| *number);
        Self {
            format,
            figures: format.view().is_some(),
            png: false,
            png_width: png_width_at_scale(2.0),
            keep_rejected: false,
            path: String::new(),
            replace: false,
            seen_pick,
            exists: (String::new(), false),
        }
    }

    /// Draws the window; pushes the commands it gives. Returns whether it stays open (not
    /// exported, cancelled or closed with Escape).
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        commands: &mut Vec<Command>,
    ) -> bool {
        if let Some((number, path)) = &state.dialogs.export_pick
            && *number != self.seen_pick
        {
            self.seen_pick = *number;
            self.path = path.display().to_string();
            // The save dialog asked before returning a file that exists.
            self.replace = true;
        }
        let mut keep = true;
        let title = if self.figures {
            "Export figure"
        } else {
            "Export"
        };
        egui::Window::new(title)
            .collapsible(false)
            .default_width(460.0)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                for &format in Format::all() {
                    match format.view() {
                        Some(view) if self.figures => {
                            ui.radio_value(&mut self.format, format, view.label());
                        }
                        None if !self.figures => {
                            ui.radio_value(&mut self.format, format, format.description());
                        }
                        _ => {}
                    }
                }
                if self.figures {
                    ui.separator();
                    self.picture_ui(ui);
                }
                ui.separator();
                ui.label(contents(state, self));
                // Figures draw the events as reviewed: a rejected event is never drawn.
                if !self.format.is_notes() && !self.figures {
                    ui.checkbox(
                        &mut self.keep_rejected,
                        "Keep events rejected in review (marked rejected)",
                    );
                }
                ui.horizontal(|ui| {
                    ui.label("File:");
                    let edit = ui.add(
                        egui::TextEdit::singleline(&mut self.path)
                            .hint_text(self.format.file_name_as(self.png))
                            .desired_width(280.0),
                    );
                    if edit.changed() {
                        self.replace = false;
                    }
                    if ui
                        .add_enabled(!state.dialogs.native_open, egui::Button::new("Choose…"))
                        .clicked()
                    {
                        commands.push(Command::App(AppCommand::ShowExportDialog(
                            self.format,
                            self.png,
                        )));
                    }
                });
                let path = PathBuf::from(self.path.trim());
                if self.exists.0 != self.path {
                    let exists = !self.path.trim().is_empty() && path.symlink_metadata().is_ok();
                    self.exists = (self.path.clone(), exists);
                }
                let exists = self.exists.1;
                if exists {
                    ui.checkbox(
                        &mut self.replace,
                        format!("Replace it ({} already exists)", file_name(&path)),
                    );
                }
                ui.horizontal(|ui| {
                    let ready = !self.path.trim().is_empty() && (!exists || self.replace);
                    if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
                        commands.push(Command::App(AppCommand::Export(ExportRequest {
                            format: self.format,
                            keep_rejected: self.keep_rejected
                                && !self.format.is_notes()
                                && !self.figures,
                            png_width: self.png.then_some(self.png_width),
                            path: path.clone(),
                            overwrite: self.replace,
                        })));
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep = false;
                    }
                    if state.dialogs.exporting > 0 {
                        ui.spinner();
                        ui.weak("exporting…");
                    }
                });
            });
        keep && !ctx.input(|input| input.key_pressed(egui::Key::Escape))
    }
}

impl ExportWindow {
    /// A figure's file type and, for a PNG, its size: 1×, 2×, 4× the SVG or any width.
    fn picture_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.radio_value(&mut self.png, false, "SVG").on_hover_text(
                "Text stays text: sharp at any size, editable in Inkscape or Illustrator",
            );
            ui.radio_value(&mut self.png, true, "PNG")
                .on_hover_text("A picture, for slides and documents that take no SVG");
        });
        if !self.png {
            return;
        }
        ui.horizontal(|ui| {
            ui.label("Size:");
            for scale in [1.0, 2.0, 4.0] {
                let width = png_width_at_scale(scale);
                if ui
                    .selectable_label(self.png_width == width, format!("{scale}×"))
                    .clicked()
                {
                    self.png_width = width;
                }
            }
            ui.add(
                egui::DragValue::new(&mut self.png_width)
                    .range(PNG_WIDTHS)
                    .speed(10.0)
                    .suffix(" px wide"),
            );
            ui.weak(format!(
                "{} × {} pixels",
                self.png_width,
                png_height(self.png_width)
            ));
        });
    }
}

/// What the export will hold, in plain words.
fn contents(state: &AppState, draft: &ExportWindow) -> String {
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
        Format::TimelineJs | Format::FigureTimelineSvg => "the timeline of ",
        Format::FigureGraphSvg => "the network of ",
        Format::FigureMapSvg => "the map of ",
        Format::FigureOverviewSvg => "the charts of ",
        Format::CslJson | Format::Ris => "a reference for each article of ",
        _ => "",
    };
    // References also cite the articles notes are on, so the notes report finds them all.
    let and_notes = if matches!(draft.format, Format::CslJson | Format::Ris) {
        ", and for each article a note is on"
    } else {
        ""
    };
    if desk.filter.is_empty() {
        format!("Exports {what}all {shown} events{and_notes}.")
    } else {
        format!("Exports {what}the {shown} of {total} events the current filters show{and_notes}.")
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
