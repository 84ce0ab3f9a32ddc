//! The library panel: opened folders, the document list and the skipped files.

use egui::{Label, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::theme;
use crate::model::{Corpus, SkippedFile, Source};
use crate::state::{AppState, Command, LibraryCommand, LibraryTab};

/// Draws the library and returns the user's commands.
pub fn library_ui(ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
    let mut commands = Vec::new();
    sources_ui(ui, state, &mut commands);
    ui.separator();
    ui.horizontal(|ui| {
        let documents = format!("Documents ({})", state.library.corpus.documents().len());
        let skipped = format!("Skipped files ({})", state.library.corpus.skipped().len());
        for (tab, label) in [
            (LibraryTab::Documents, documents),
            (LibraryTab::Skipped, skipped),
        ] {
            if ui
                .selectable_label(state.library.tab == tab, label)
                .clicked()
            {
                commands.push(Command::Library(LibraryCommand::ShowTab(tab)));
            }
        }
    });
    ui.separator();
    match state.library.tab {
        LibraryTab::Documents => documents_ui(ui, state, &mut commands),
        LibraryTab::Skipped => skipped_ui(ui, &state.library.corpus),
    }
    commands
}

fn sources_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.strong("Folders");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add_enabled(
                    !state.dialogs.native_open,
                    egui::Button::new("Open folder…"),
                )
                .clicked()
            {
                commands.push(Command::Library(LibraryCommand::ShowFolderDialog));
            }
        });
    });
    for source in state.library.corpus.sources() {
        ui.horizontal(|ui| {
            let loading = state
                .library
                .loads
                .iter()
                .any(|load| load.source == source.id);
            if loading {
                ui.spinner();
            }
            if source.root.is_some() {
                let remove = ui.small_button("×").on_hover_text(
                    if state.library.extraction(source.id).is_some() {
                        "Remove this extraction from the library (files on disk are not touched)"
                    } else {
                        "Remove this folder from the library (files on disk are not touched)"
                    },
                );
                if remove.clicked() {
                    commands.push(Command::Library(LibraryCommand::RemoveSource(source.id)));
                }
            }
            ui.add(Label::new(source_label(source)).truncate())
                .on_hover_text(source.label());
        });
    }
}

fn source_label(source: &Source) -> String {
    match &source.root {
        Some(root) => root.file_name().map_or_else(
            || root.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        ),
        None => source.label(),
    }
}

/// The document table: title, date, source; only visible rows are built.
fn documents_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let documents = state.library.corpus.documents();
    if documents.is_empty() {
        ui.weak(if state.is_loading() {
            "Loading…"
        } else {
            "No documents yet. Open a folder to add some."
        });
        return;
    }
    TableBuilder::new(ui)
        .id_salt("documents")
        .striped(true)
        .sense(Sense::click())
        .column(Column::remainder().at_least(140.0).clip(true))
        .column(Column::auto().at_least(76.0))
        .column(Column::initial(110.0).at_least(40.0).clip(true))
        .header(theme::ROW_HEIGHT, |mut header| {
            header.col(|ui| {
                ui.strong("Title");
            });
            header.col(|ui| {
                ui.strong("Date");
            });
            header.col(|ui| {
                ui.strong("Source");
            });
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, documents.len(), |mut row| {
                let Some(document) = documents.get(row.index()) else {
                    return;
                };
                row.set_selected(state.selected == Some(document.id));
                let meta = &document.meta;
                row.col(|ui| {
                    ui.add(Label::new(&meta.title).truncate().selectable(false));
                });
                row.col(|ui| {
                    let date = meta
                        .published
                        .map_or_else(|| "—".to_owned(), |date| date.edtf());
                    ui.add(Label::new(date).selectable(false));
                });
                row.col(|ui| {
                    let source = meta.source.as_deref().unwrap_or("—");
                    ui.add(Label::new(source).truncate().selectable(false));
                });
                let response = row.response();
                if response.clicked() {
                    commands.push(Command::SelectDocument(document.id));
                }
                if let Some(path) = document.primary_path() {
                    response.on_hover_text(path.path.display().to_string());
                }
            });
        });
}

/// The skipped-file table: path and the reason in plain words.
fn skipped_ui(ui: &mut egui::Ui, corpus: &Corpus) {
    let skipped = corpus.skipped();
    if skipped.is_empty() {
        ui.weak("Every file found so far was loaded.");
        return;
    }
    TableBuilder::new(ui)
        .id_salt("skipped")
        .striped(true)
        .column(Column::initial(180.0).at_least(80.0).clip(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .header(theme::ROW_HEIGHT, |mut header| {
            header.col(|ui| {
                ui.strong("File");
            });
            header.col(|ui| {
                ui.strong("Why it was skipped");
            });
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, skipped.len(), |mut row| {
                let Some(SkippedFile { path, reason, .. }) = skipped.get(row.index()) else {
                    return;
                };
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |name| name.to_string_lossy().into_owned(),
                );
                row.col(|ui| {
                    ui.add(Label::new(name).truncate())
                        .on_hover_text(path.display().to_string());
                });
                row.col(|ui| {
                    let reason = reason.to_string();
                    ui.add(Label::new(RichText::new(&reason)).truncate())
                        .on_hover_text(reason);
                });
            });
        });
}
