//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use accord::app::AccordApp;
use egui_kittest::Harness;

/// The bundled seed articles' folder.
pub fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// The real app in a window of `width` × `height` points, with the default notebook.
pub fn app_harness(width: f32, height: f32) -> Harness<'static, AccordApp> {
    Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_eframe(|cc| AccordApp::new(cc, None, Vec::new()))
}

/// Runs frames until `done` holds (loading happens on background threads), then three more
/// for the desk to catch up; fails after 30 seconds.
pub fn run_until(harness: &mut Harness<'_, AccordApp>, done: impl Fn(&AccordApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for the app");
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run_steps(3);
}

/// The window's last text field: the one opened last (a dialog's, the search box), since the
/// filter bar has one too.
pub fn last_text_input<'h>(harness: &'h Harness<'_, AccordApp>) -> egui_kittest::Node<'h> {
    use egui_kittest::kittest::Queryable;
    harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .last()
        .expect("a text field")
}
