//! Notes in the real app under egui_kittest: a note written on the open article is saved to
//! the notebook file and listed in the Notes panel.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test code: a failed unwrap is a failed test.

use std::time::{Duration, Instant};

use accord::app::AccordApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn a_note_on_the_article_is_saved_and_listed() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("notebook.ron");
    let notebook = path.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| AccordApp::with_notebook(cc, None, Some(notebook.clone())));
    let deadline = Instant::now() + Duration::from_secs(30);
    while harness.state().state().is_loading() || harness.state().state().selected.is_none() {
        assert!(Instant::now() < deadline, "timed out waiting for the seeds");
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run_steps(3);
    harness.get_by_label("Add note…").click();
    harness.run_steps(3);
    harness
        .get_by_role(egui::accesskit::Role::MultilineTextInput)
        .type_text("Ask the Jiangning office for the agreement text");
    harness.run_steps(2);
    harness.get_by_label("Save").click();
    harness.run_steps(3);
    assert_eq!(harness.state().state().journal.notebook.notes.len(), 1);
    // Saved in the background within a second.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !std::fs::read_to_string(&path)
        .is_ok_and(|text| text.contains("Ask the Jiangning office"))
    {
        assert!(Instant::now() < deadline, "the note was not saved");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.get_by_label("Notes").click();
    harness.run_steps(3);
    harness.get_by_label("Ask the Jiangning office for the agreement text");
}
