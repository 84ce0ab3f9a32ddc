//! The status bar: counts, loading progress and the search index's.

use crate::state::AppState;

/// Draws counts of documents and skipped files, the progress of each load, and of indexing
/// for search while articles wait to be indexed.
pub fn status_ui(ui: &mut egui::Ui, state: &AppState) {
    ui.horizontal(|ui| {
        let desk = &state.desk;
        ui.label(format!(
            "{} documents · {} events · {} places in events · {} skipped",
            state.library.corpus.documents().len(),
            desk.events.len(),
            desk.graph.nodes.len(),
            state.library.corpus.skipped().len()
        ));
        for load in &state.library.loads {
            ui.separator();
            ui.spinner();
            match load.total_files {
                Some(total) if total > 0 => {
                    let fraction = load.done_files as f32 / total as f32;
                    ui.label(format!(
                        "Loading {}: {} of {total} files",
                        load.label, load.done_files
                    ));
                    ui.add(egui::ProgressBar::new(fraction).desired_width(120.0));
                }
                _ => {
                    ui.label(format!("Looking for files in {}…", load.label));
                }
            }
        }
        let search = state.search.progress();
        if search.is_indexing() {
            ui.separator();
            ui.spinner();
            ui.label(format!(
                "Indexing for search: {} of {} articles",
                search.done, search.queued
            ));
            let fraction = search.done as f32 / search.queued.max(1) as f32;
            ui.add(egui::ProgressBar::new(fraction).desired_width(120.0));
        }
    });
}
