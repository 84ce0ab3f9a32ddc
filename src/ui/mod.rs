//! Drawing. Every panel reads the state and returns commands; nothing here changes the state.
//! What a panel keeps between frames (its sort, zoom, the rows it built) is in its own struct in
//! [`Panels`]; the editor windows are values in [`windows::Windows`].

mod dialogs;
pub mod event_editor;
pub mod events_table;
pub mod export;
pub mod filter_bar;
pub mod fonts;
pub mod graph;
pub mod library;
mod messages;
pub mod note_editor;
pub mod notes;
pub mod overview;
pub mod review;
mod search;
pub mod sources;
mod status;
pub mod theme;
pub mod timeline;
pub mod viewer;
pub mod widgets;
pub mod windows;

pub use dialogs::PathDialog;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::state::{
    AppCommand, AppState, Command, LibraryCommand, NotebookChoice, NotebookCommand, Theme,
};

/// Ctrl+O (Cmd+O on macOS): open a folder.
pub const OPEN_FOLDER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);

/// The panels that keep state of their own between frames (what they sort by, what they
/// built last), owned by the app rather than kept in egui's memory under string keys.
#[derive(Debug, Default)]
pub struct Panels {
    /// The timeline at the top.
    pub timeline: timeline::TimelinePanel,
    /// The event table under the timeline.
    pub events_table: events_table::EventsTable,
    /// The relationship graph under the timeline.
    pub graph: graph::GraphPanel,
    /// The outlets the articles come from.
    pub sources: sources::SourcesPanel,
    /// The overview's charts.
    pub overview: overview::OverviewPanel,
    /// The filter bar over the panels.
    pub filter_bar: filter_bar::FilterBar,
    /// The notes list and its search.
    pub notes: notes::NotesPanel,
    /// The review queue.
    pub review: review::ReviewPanel,
    /// The article viewer.
    pub viewer: viewer::ViewerPanel,
    /// The editor windows, export, search and About.
    pub windows: windows::Windows,
}

/// Draws the whole window and returns what the user asked for.
pub fn app_ui(ui: &mut egui::Ui, state: &AppState, panels: &mut Panels) -> Vec<Command> {
    let mut commands = Vec::new();
    if ui
        .ctx()
        .input_mut(|input| input.consume_shortcut(&OPEN_FOLDER))
    {
        commands.push(Command::Library(LibraryCommand::ShowFolderDialog));
    }
    ui.ctx().set_theme(match state.preferences.theme {
        Theme::System => egui::ThemePreference::System,
        Theme::Light => egui::ThemePreference::Light,
        Theme::Dark => egui::ThemePreference::Dark,
    });
    egui::Panel::top("menu_bar").show(ui, |ui| {
        menu_bar_ui(ui, state, &mut commands, &mut panels.windows);
    });
    egui::Panel::bottom("status_bar").show(ui, |ui| status::status_ui(ui, state));
    egui::Panel::left("library")
        .resizable(true)
        .default_size(theme::LIBRARY_WIDTH)
        .min_size(theme::LIBRARY_MIN_WIDTH)
        .show(ui, |ui| commands.extend(library::library_ui(ui, state)));
    egui::CentralPanel::default().show(ui, |ui| {
        commands.extend(welcome_ui(ui, state));
        commands.extend(panels.filter_bar.ui(ui, state));
        ui.separator();
        egui::Panel::top("timeline")
            .resizable(true)
            .default_size(theme::TIMELINE_HEIGHT)
            .min_size(120.0)
            .show(ui, |ui| commands.extend(panels.timeline.ui(ui, state)));
        let viewer = egui::Panel::right("viewer")
            .resizable(true)
            .default_size(theme::VIEWER_WIDTH)
            .min_size(280.0)
            .show(ui, |ui| {
                commands.extend(messages::messages_ui(ui, &state.messages));
                commands.extend(panels.viewer.ui(ui, state, &mut panels.windows));
            });
        ui.data_mut(|data| data.insert_temp(viewer_rect_id(), viewer.response.rect));
        // The lower area stays left of the viewer: a table wider than the area, or a long row,
        // is cut at its edge (the table scrolls sideways), never painted over the article.
        ui.shrink_clip_rect(ui.available_rect_before_wrap());
        commands.extend(lower_panel_ui(ui));
        match lower_tab(ui) {
            LowerTab::Graph => commands.extend(panels.graph.ui(ui, state, &mut panels.windows)),
            LowerTab::Overview => {
                commands.extend(panels.overview.ui(ui, state, &mut panels.windows));
            }
            LowerTab::Table => {
                commands.extend(panels.events_table.ui(ui, state, &mut panels.windows));
            }
            LowerTab::Notes => {
                commands.extend(panels.notes.ui(ui, state, &mut panels.windows));
            }
            LowerTab::Review => commands.extend(panels.review.ui(ui, state, &mut panels.windows)),
            LowerTab::Sources => commands.extend(panels.sources.ui(ui, state)),
        }
    });
    commands.extend(panels.windows.ui(ui.ctx(), state));
    commands.extend(dropped_files_ui(ui));
    commands
}

fn viewer_rect_id() -> egui::Id {
    egui::Id::unique("accord_viewer_rect")
}

/// Where the article viewer was drawn in the last frame (tests check that no other panel paints
/// over it).
pub fn viewer_rect(ctx: &egui::Context) -> Option<egui::Rect> {
    ctx.data(|data| data.get_temp(viewer_rect_id()))
}

/// What the area under the timeline shows (kept across restarts in egui's memory).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum LowerTab {
    #[default]
    Graph,
    Overview,
    Table,
    Notes,
    Review,
    Sources,
}

fn lower_tab(ui: &egui::Ui) -> LowerTab {
    ui.data_mut(|data| data.get_persisted(egui::Id::unique("accord_lower_tab")))
        .unwrap_or_default()
}

/// The switch between the relationship graph and the event table.
fn lower_panel_ui(ui: &mut egui::Ui) -> Vec<Command> {
    let current = lower_tab(ui);
    ui.horizontal(|ui| {
        for (tab, label) in [
            (LowerTab::Graph, "Relationship graph"),
            (LowerTab::Overview, "Overview"),
            (LowerTab::Table, "Event table"),
            (LowerTab::Notes, "Notes"),
            (LowerTab::Review, "Review"),
            (LowerTab::Sources, "Sources"),
        ] {
            if ui.selectable_label(current == tab, label).clicked() {
                ui.data_mut(|data| {
                    data.insert_persisted(egui::Id::unique("accord_lower_tab"), tab);
                });
            }
        }
    });
    ui.separator();
    Vec::new()
}

fn menu_bar_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    commands: &mut Vec<Command>,
    windows: &mut windows::Windows,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, state, commands, windows));
        ui.menu_button("View", |ui| view_menu_ui(ui, state, commands, windows));
        ui.menu_button("Help", |ui| help_menu_ui(ui, commands, windows));
    });
}

/// File: open folders and paths, notebooks, export, quit.
fn file_menu_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    commands: &mut Vec<Command>,
    windows: &mut windows::Windows,
) {
    let open =
        egui::Button::new("Open folder…").shortcut_text(ui.ctx().format_shortcut(&OPEN_FOLDER));
    if ui.add_enabled(!state.dialogs.native_open, open).clicked() {
        commands.push(Command::Library(LibraryCommand::ShowFolderDialog));
    }
    if ui
        .button("Open path…")
        .on_hover_text(
            "Type or paste the path of a folder or file (or of an extraction file, with the \
             folder of its articles)",
        )
        .clicked()
    {
        commands.push(Command::Library(LibraryCommand::ShowPathDialog));
    }
    if ui
        .add_enabled(
            !state.dialogs.native_open,
            egui::Button::new("Open extraction…"),
        )
        .on_hover_text(
            "Open what `accord extract --jsonl` (or `--json`) wrote: its articles and events, \
             each article's text read from its file when it is there",
        )
        .clicked()
    {
        commands.push(Command::Library(LibraryCommand::ShowExtractionDialog));
    }
    let has_folders = state
        .library
        .corpus
        .sources()
        .iter()
        .any(|source| source.root.is_some());
    if ui
        .add_enabled(has_folders, egui::Button::new("Reload folders"))
        .on_hover_text(
            "Read every opened folder again. Folders are watched, so new and changed files \
             show up by themselves; this is for folders that cannot be watched (network drives)",
        )
        .clicked()
    {
        commands.push(Command::Library(LibraryCommand::Reload));
    }
    ui.separator();
    let dialog_free = !state.dialogs.native_open;
    for (choice, label, hover) in [
        (
            NotebookChoice::New,
            "New notebook…",
            "Start an empty notebook in a file of your choice; notes go there from now on",
        ),
        (
            NotebookChoice::Open,
            "Open notebook…",
            "Work in another notebook (one kept beside a document folder, or shared with you)",
        ),
        (
            NotebookChoice::SaveAs,
            "Save notebook as…",
            "Copy this notebook to a file of your choice and keep working there",
        ),
    ] {
        if ui
            .add_enabled(dialog_free, egui::Button::new(label))
            .on_hover_text(hover)
            .clicked()
        {
            commands.push(Command::Notebook(NotebookCommand::ShowDialog(choice)));
        }
    }
    ui.separator();
    if ui
        .button("Export…")
        .on_hover_text(
            "Notes, events, the graph or the timeline, as files for reports and other tools",
        )
        .clicked()
    {
        windows.open_export(state);
    }
    if ui
        .button("Export figure…")
        .on_hover_text("The timeline, the network, the map or the overview as SVG or PNG")
        .clicked()
    {
        windows.open_export_figure(state);
    }
    ui.separator();
    if ui.button("Quit").clicked() {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// View: clean or original text, the theme, search.
fn view_menu_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    commands: &mut Vec<Command>,
    windows: &mut windows::Windows,
) {
    let current = state.preferences.text_view;
    for (view, label) in viewer::TEXT_VIEWS {
        if ui.radio(current == view, label).clicked() {
            commands.push(Command::App(AppCommand::ShowTextView(view)));
        }
    }
    ui.separator();
    for (theme, label) in [
        (Theme::System, "Theme as the system"),
        (Theme::Light, "Light theme"),
        (Theme::Dark, "Dark theme"),
    ] {
        if ui.radio(state.preferences.theme == theme, label).clicked() {
            commands.push(Command::App(AppCommand::SetTheme(theme)));
        }
    }
    ui.separator();
    if ui
        .button("Search all articles…")
        .on_hover_text(ui.ctx().format_shortcut(&search::SEARCH))
        .clicked()
    {
        windows.open_search();
    }
}

/// Help: About, the data folder, the welcome again, the keyboard shortcuts.
fn help_menu_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>, windows: &mut windows::Windows) {
    if ui.button("About Accord…").clicked() {
        windows.open_about();
    }
    if ui
        .button("Show data folder")
        .on_hover_text("Where the notebook is kept, in the system's file manager")
        .clicked()
    {
        commands.push(Command::App(AppCommand::ShowDataFolder));
    }
    if ui.button("Show the welcome again").clicked() {
        commands.push(Command::App(AppCommand::SetWelcomed(false)));
    }
    ui.separator();
    ui.label("Open a folder of articles with File, Open folder…, or drop it on the window.");
    ui.separator();
    ui.strong("Keyboard shortcuts");
    let ctx = ui.ctx().clone();
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for (keys, what) in [
            (ctx.format_shortcut(&OPEN_FOLDER), "Open a folder"),
            (ctx.format_shortcut(&search::SEARCH), "Search all articles"),
            (
                ctx.format_shortcut(&search::SEARCH_ALT),
                "Search all articles",
            ),
            (ctx.format_shortcut(&viewer::FIND), "Find in the article"),
            (
                "Wheel / + / −".to_owned(),
                "Timeline: zoom around the pointer",
            ),
            ("Drag / ← →".to_owned(), "Timeline: pan"),
            ("Shift+wheel / ↑ ↓".to_owned(), "Timeline: scroll the lanes"),
            ("F".to_owned(), "Timeline: zoom to fit"),
            ("Drag a node".to_owned(), "Graph: pin it where you drop it"),
            ("Wheel / drag".to_owned(), "Graph: zoom / pan"),
            ("Esc".to_owned(), "Close the search window"),
            (
                "A / R / C / U".to_owned(),
                "Review: accept, reject, correct, undo",
            ),
        ] {
            ui.label(keys);
            ui.label(what);
            ui.end_row();
        }
    });
}

/// The first-start welcome: what the panels are and how to begin, until dismissed. A banner
/// rather than a window, so it covers nothing.
fn welcome_ui(ui: &mut egui::Ui, state: &AppState) -> Option<Command> {
    if state.preferences.welcomed {
        return None;
    }
    let mut command = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.strong("Welcome to Accord.");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Got it").clicked() {
                    command = Some(Command::App(AppCommand::SetWelcomed(true)));
                }
            });
        });
        ui.label(
            "These are the five bundled seed articles. Open your own folder of articles with File → Open folder… (or drop it on the window). \
             The timeline shows when places cooperated, the relationship graph who with whom, the article viewer each article with its places, dates and events marked. \
             Click anything to narrow every panel to it; right-click a sentence or an event for notes and corrections. Notes are saved as you write, in the data folder (Help → Show data folder).",
        );
    });
    ui.add_space(4.0);
    command
}

/// Files or folders dropped on the window open like File, Open folder; while they hover, say so.
fn dropped_files_ui(ui: &egui::Ui) -> Option<Command> {
    let (hovering, dropped) = ui.ctx().input(|input| {
        (
            !input.raw.hovered_files.is_empty(),
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .collect::<Vec<_>>(),
        )
    });
    if hovering {
        let rect = ui.ctx().content_rect();
        let painter = ui.ctx().layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("accord_drop_overlay"),
        ));
        painter.rect_filled(rect, 0.0, theme::drop_overlay(ui.visuals()));
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "Drop folders or files to open them",
            egui::TextStyle::Heading.resolve(ui.style()),
            ui.visuals().strong_text_color(),
        );
    }
    (!dropped.is_empty()).then_some(Command::Library(LibraryCommand::OpenPaths(dropped)))
}
