//! Notes in the real app under egui_kittest: a note written on the open article is saved to
//! the notebook file and listed in the Notes panel.

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

/// Waits until the notebook's changes are on disk.
fn wait_saved(harness: &mut Harness<'static, AccordApp>) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while harness.state().state().journal.is_dirty() {
        assert!(Instant::now() < deadline, "the notebook was not saved");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Writes `text` in the open note editor and saves it.
fn write_in_editor(harness: &mut Harness<'static, AccordApp>, text: &str) {
    harness
        .get_by_role(egui::accesskit::Role::MultilineTextInput)
        .type_text(text);
    harness.run_steps(2);
    harness.get_by_label("Save").click();
    harness.run_steps(3);
}

#[test]
fn notes_on_an_article_and_a_passage_and_a_corrected_date_survive_a_restart() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("notebook.ron");
    let mut harness = app_with_notebook(&path);

    // A note on the open article.
    harness.get_by_label("Add note…").click();
    harness.run_steps(3);
    write_in_editor(&mut harness, "Article: compare with the 2019 plan");

    // A note on a passage: right-click a paragraph, then "Add note on this sentence…".
    let paragraph = {
        let state = harness.state().state();
        let document = state
            .library
            .corpus
            .document(state.selected.unwrap())
            .unwrap();
        document
            .body_paragraphs()
            .find(|paragraph| paragraph.len() > 80)
            .unwrap()
            .to_owned()
    };
    harness.get_by_label(&paragraph).click_secondary();
    harness.run_steps(3);
    harness.get_by_label("Add note on this sentence…").click();
    harness.run_steps(3);
    write_in_editor(&mut harness, "Passage: the figures here need a source");

    // Correct the first queued event's date in the review queue.
    harness.get_by_label("Review").click();
    harness.run_steps(3);
    harness.get_all_by_label("Correct…").next().unwrap().click();
    harness.run_steps(3);
    let date = harness.get_by_label("Date:");
    date.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness.get_by_label("Date:").type_text("2021-03-04");
    harness.run_steps(2);
    harness.get_by_label("Save").click();
    harness.run_steps(3);
    let corrected = |harness: &Harness<'static, AccordApp>| {
        let desk = &harness.state().state().desk;
        (0..desk.events.len())
            .filter(|&index| {
                desk.events[index]
                    .event
                    .date
                    .is_some_and(|date| date.edtf() == "2021-03-04")
            })
            .count()
    };
    assert_eq!(corrected(&harness), 1, "the correction applies at once");
    wait_saved(&mut harness);
    drop(harness);

    // A new app on the same notebook shows all three.
    let mut harness = app_with_notebook(&path);
    assert_eq!(
        corrected(&harness),
        1,
        "the correction survives the restart"
    );
    let notes = &harness.state().state().journal.notebook.notes;
    assert_eq!(notes.len(), 2);
    assert!(
        notes
            .iter()
            .any(|note| matches!(note.target, accord::notebook::Target::Passage(_)))
    );
    harness.get_by_label("Notes").click();
    harness.run_steps(3);
    harness.get_by_label("Article: compare with the 2019 plan");
    harness.get_by_label("Passage: the figures here need a source");
    harness.get_by_label("Event table").click();
    harness.run_steps(3);
    harness.get_by_label("2021-03-04");
}
