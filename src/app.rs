//! The eframe application: owns the state, runs a frame, saves preferences.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::anyhow;

use crate::screenshot::ScreenshotJob;
use crate::state::{AppState, Preferences};
use crate::ui::{self, PathDialog};

/// When the process started (set by `main`), for `ACCORD_STARTUP_TIMING`.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// What `ACCORD_STARTUP_TIMING` reports next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Milestone {
    /// The first frame drawn.
    FirstFrame,
    /// The first frame with events on the desk (the seeds').
    Events,
    /// The first frame after every open folder was loaded and the desk caught up.
    LibraryReady,
}

/// Key of the preferences in eframe's storage.
const PREFERENCES_KEY: &str = "accord_preferences";

/// The Accord window.
pub struct AccordApp {
    state: AppState,
    path_dialog: Option<PathDialog>,
    /// The panels' own state (sort orders, caches).
    panels: ui::Panels,
    /// The preferences as last saved, to know when a save is due.
    saved_preferences: Preferences,
    /// A screenshot to take and exit (`--screenshot`); nothing is saved then.
    screenshot: Option<ScreenshotJob>,
    /// Start-up milestones still to report when `ACCORD_STARTUP_TIMING` is set.
    timing: Option<Milestone>,
}

impl AccordApp {
    /// Sets up fonts, reads preferences and starts loading the seeds and remembered folders,
    /// then opens `open` (`accord --open FOLDER`) as File → Open folder would.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        screenshot: Option<ScreenshotJob>,
        open: Vec<PathBuf>,
    ) -> Self {
        let mut app = Self::with_notebook(cc, screenshot, None);
        if !open.is_empty() {
            app.state.handle(crate::state::Command::Library(
                crate::state::LibraryCommand::OpenPaths(open),
            ));
        }
        app
    }

    /// As [`Self::new`], with the notebook at `notebook` (tests keep theirs in a temporary
    /// folder).
    pub fn with_notebook(
        cc: &eframe::CreationContext<'_>,
        screenshot: Option<ScreenshotJob>,
        notebook: Option<PathBuf>,
    ) -> Self {
        ui::fonts::install(&cc.egui_ctx);
        let preferences: Preferences = cc
            .storage
            .filter(|_| screenshot.is_none())
            .and_then(|storage| eframe::get_value(storage, PREFERENCES_KEY))
            .unwrap_or_default();
        let ctx = cc.egui_ctx.clone();
        let wake = Arc::new(move || ctx.request_repaint());
        Self {
            state: AppState::with_notebook(preferences.clone(), wake, notebook),
            path_dialog: None,
            panels: ui::Panels::default(),
            saved_preferences: preferences,
            screenshot,
            timing: std::env::var_os("ACCORD_STARTUP_TIMING").map(|_| Milestone::FirstFrame),
        }
    }

    /// Prints how long after the process started the first frame, the first frame with
    /// events, and the first frame with every document of the open folders loaded and on the
    /// desk were drawn (with where the files came from: the library index or a fresh read).
    fn report_timing(&mut self, busy: bool) {
        let Some(milestone) = self.timing else {
            return;
        };
        let elapsed = STARTED
            .get()
            .map_or(0.0, |started| started.elapsed().as_secs_f64() * 1e3);
        self.timing = match milestone {
            Milestone::FirstFrame => {
                eprintln!("accord: first frame after {elapsed:.0} ms");
                Some(Milestone::Events)
            }
            Milestone::Events if !self.state.desk.events.is_empty() => {
                eprintln!("accord: seeds and their events shown after {elapsed:.0} ms");
                Some(Milestone::LibraryReady)
            }
            Milestone::LibraryReady if !busy && !self.state.is_loading() => {
                let had = &self.state.library.files_had;
                eprintln!(
                    "accord: library ready after {elapsed:.0} ms ({} documents, {} events; files: {} from the index, {} from the index made by another version, {} read)",
                    self.state.library.corpus.documents().len(),
                    self.state.desk.events.len(),
                    had.from_index,
                    had.stale,
                    had.read
                );
                None
            }
            waiting => Some(waiting),
        };
    }

    /// The state, for tests.
    pub fn state(&self) -> &AppState {
        &self.state
    }
}

impl eframe::App for AccordApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.state.poll();
        if let Some(request) = self.state.dialogs.path.take() {
            self.path_dialog = Some(PathDialog::new(request.explanation, request.purpose));
        }
        let mut commands = ui::app_ui(ui, &self.state, &mut self.panels);
        if let Some(dialog) = &mut self.path_dialog {
            let (keep_open, command) = dialog.show(ui.ctx());
            commands.extend(command);
            if !keep_open {
                self.path_dialog = None;
            }
        }
        for command in commands {
            self.state.handle(command);
        }
        let busy = self.state.refresh_desk();
        self.report_timing(busy);
        if busy {
            ui.ctx().request_repaint();
        }
        if let Some(job) = &mut self.screenshot {
            let settled = !busy && !self.state.is_loading() && self.state.selected.is_some();
            job.frame(ui.ctx(), settled);
        }
        // eframe saves only during a frame; make sure one comes after a change, even when idle.
        if self.state.preferences != self.saved_preferences {
            ui.ctx().request_repaint_after(
                self.auto_save_interval() + std::time::Duration::from_millis(100),
            );
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_some() {
            return;
        }
        eframe::set_value(storage, PREFERENCES_KEY, &self.state.preferences);
        self.saved_preferences = self.state.preferences.clone();
    }

    /// The notebook's last changes are written before the window goes.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.state.journal.flush();
    }

    /// Preferences are tiny; saving them often means an opened folder is remembered even if
    /// the app is killed rather than closed.
    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(5)
    }
}

/// Opens the window (on `open` too, when given) and runs it until it closes; with
/// `screenshot`, saves the window there once the seeds are laid out and exits.
pub fn run(screenshot: Option<PathBuf>, open: Vec<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Accord")
        .with_app_id("accord")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../icons/accord.png")) {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        persist_window: screenshot.is_none(),
        ..eframe::NativeOptions::default()
    };
    let outcome: Arc<Mutex<Option<Result<(), String>>>> = Arc::default();
    let job = screenshot
        .clone()
        .map(|path| ScreenshotJob::new(path, Arc::clone(&outcome)));
    eframe::run_native(
        "Accord",
        options,
        Box::new(|cc| Ok(Box::new(AccordApp::new(cc, job, open)))),
    )
    .map_err(|error| anyhow!("could not open the window: {error}"))?;
    let Some(path) = screenshot else {
        return Ok(());
    };
    let result = outcome.lock().ok().and_then(|mut outcome| outcome.take());
    match result {
        Some(Ok(())) => {
            println!("Saved the window to {}", path.display());
            Ok(())
        }
        Some(Err(error)) => Err(anyhow!("could not save the screenshot: {error}")),
        None => Err(anyhow!("the window closed before the screenshot was taken")),
    }
}
