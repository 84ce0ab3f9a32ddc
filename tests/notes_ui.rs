//! Notes in the real app under egui_kittest: a note written on the open article is saved to
//! the notebook file and listed in the Notes panel.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test code: a failed unwrap is a failed test.

use std::time::{Duration, Instant};

use accord::app::AccordApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The app on the seeds with its notebook at `path`, once the seeds are loaded.
fn app_with_notebook(path: &std::path::Path) -> Harness<'static, AccordApp> {
    let notebook = path.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| AccordApp::with_notebook(cc, None, Some(notebook.clone())));
    let deadline = Instant::now() + Duration::from_secs(30);
    while harness.state().state().is_loading()
        || harness.state().state().selected.is_none()
        || harness.state().state().desk.events.is_empty()
    {
        assert!(Instant::now() < deadline, "timed out waiting for the seeds");
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run_steps(3);
    harness
}

#[test]
fn a_note_on_the_article_is_saved_and_listed() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("notebook.ron");
    let mut harness = app_with_notebook(&path);
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

#[test]
fn a_rejected_event_leaves_the_panels_and_stays_rejected_after_a_restart() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("notebook.ron");
    let mut harness = app_with_notebook(&path);
    let all = harness.state().state().desk.selection.matching.len();
    harness.get_by_label("Review").click();
    harness.run_steps(3);
    harness.get_all_by_label("Reject").next().unwrap().click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state().desk.selection.matching.len(),
        all - 1
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while harness.state().state().journal.is_dirty() {
        assert!(Instant::now() < deadline, "the review was not saved");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(harness);
    let harness = app_with_notebook(&path);
    assert_eq!(
        harness.state().state().desk.selection.matching.len(),
        all - 1
    );
}
