//! Native file dialogs, each on a thread of its own, and the typed-path dialog when none can open.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{AppState, Inbox, NotebookChoice};
use crate::export;

/// The dialogs the app has running or asked for.
#[derive(Debug, Default)]
pub struct Dialogs {
    /// A typed-path dialog waiting to be opened by the UI.
    pub path: Option<PathDialog>,
    /// Whether a native file dialog is open (one at a time).
    pub native_open: bool,
    /// The file last chosen in the export save dialog, numbered so the export window notices
    /// a new choice.
    pub export_pick: Option<(u64, PathBuf)>,
    /// Exports being written.
    pub exporting: usize,
}

impl Dialogs {
    /// Keeps the file chosen in the export save dialog under a new number.
    pub(super) fn pick_export(&mut self, path: PathBuf) {
        let number = self.export_pick.as_ref().map_or(1, |(n, _)| n + 1);
        self.export_pick = Some((number, path));
    }
}

/// A request to open the typed-path dialog (the UI owns the dialog and its text once open).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PathDialog {
    /// Why it opened, when no native dialog could.
    pub explanation: Option<String>,
    /// What the path is for.
    pub purpose: PathPurpose,
}

/// What a typed path is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PathPurpose {
    /// A folder or file of articles (or an extraction file, by its name).
    #[default]
    Articles,
    /// An extraction file (`accord extract --jsonl` or `--json`), with the articles' folder.
    Extraction,
    /// A notebook to open, start or save as.
    Notebook(NotebookChoice),
}

/// What to tell the user when no native dialog could open.
pub(super) fn no_dialog_explanation() -> String {
    "No system file dialog could be opened (on Linux it needs the XDG desktop portal or zenity). Type or paste the folder's path instead.".to_owned()
}

/// What to tell the user when no native dialog could open to pick an extraction file.
pub(super) fn no_extraction_dialog_explanation() -> String {
    "No system file dialog could be opened (on Linux it needs the XDG desktop portal or zenity). Type or paste the extraction file's path instead.".to_owned()
}

/// A native dialog that returns nothing this fast did not really open (no portal, no zenity).
pub(super) const DIALOG_FAILED_WITHIN: Duration = Duration::from_millis(400);

impl AppState {
    pub(super) fn show_folder_dialog(&mut self) {
        let dialog = rfd::AsyncFileDialog::new().set_title("Open a folder of articles");
        self.run_dialog(
            PathPurpose::Articles,
            async move { dialog.pick_folder().await },
            |picked, elapsed| Inbox::FolderDialog { picked, elapsed },
        );
    }

    /// The native dialog for an extraction file, filtered for `.jsonl` and `.json`.
    pub(super) fn show_extraction_dialog(&mut self) {
        let dialog = rfd::AsyncFileDialog::new()
            .set_title("Open an extraction (accord extract --jsonl or --json)")
            .add_filter("Accord extraction", &["jsonl", "json"]);
        self.run_dialog(
            PathPurpose::Extraction,
            async move { dialog.pick_file().await },
            |picked, elapsed| Inbox::ExtractionDialog { picked, elapsed },
        );
    }

    /// Runs a native file dialog on its own thread (it blocks until the user answers) and
    /// sends its answer to the inbox. One dialog at a time. If no thread can start, the
    /// typed-path dialog opens instead, for `purpose`.
    pub(super) fn run_dialog(
        &mut self,
        purpose: PathPurpose,
        dialog: impl Future<Output = Option<rfd::FileHandle>> + Send + 'static,
        answer: impl FnOnce(Option<PathBuf>, Duration) -> Inbox + Send + 'static,
    ) {
        if self.dialogs.native_open {
            return;
        }
        let outbox = self.outbox.clone();
        let wake = Arc::clone(&self.wake);
        let spawned = std::thread::Builder::new()
            .name("accord-file-dialog".to_owned())
            .spawn(move || {
                let started = Instant::now();
                let picked = pollster::block_on(dialog).map(|handle| handle.path().to_path_buf());
                let _ = outbox.send(answer(picked, started.elapsed()));
                wake();
            });
        match spawned {
            Ok(_) => self.dialogs.native_open = true,
            Err(_) => {
                self.dialogs.path = Some(PathDialog {
                    explanation: Some(match purpose {
                        PathPurpose::Extraction => no_extraction_dialog_explanation(),
                        _ => no_dialog_explanation(),
                    }),
                    purpose,
                });
            }
        }
    }

    pub(super) fn show_notebook_dialog(&mut self, choice: NotebookChoice) {
        let dialog = rfd::AsyncFileDialog::new().add_filter("Accord notebook", &["ron"]);
        let folder = self
            .journal
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let dialog = match folder {
            Some(folder) => dialog.set_directory(folder),
            None => dialog,
        };
        let answer = move |picked, elapsed| Inbox::NotebookDialog {
            choice,
            picked,
            elapsed,
        };
        match choice {
            NotebookChoice::Open => {
                let dialog = dialog.set_title("Open a notebook");
                self.run_dialog(
                    PathPurpose::Notebook(choice),
                    async move { dialog.pick_file().await },
                    answer,
                );
            }
            NotebookChoice::New | NotebookChoice::SaveAs => {
                let title = if choice == NotebookChoice::New {
                    "Start a new notebook"
                } else {
                    "Save the notebook as"
                };
                let dialog = dialog.set_title(title).set_file_name("notebook.ron");
                self.run_dialog(
                    PathPurpose::Notebook(choice),
                    async move { dialog.save_file().await },
                    answer,
                );
            }
        }
    }

    /// The save dialog for an export, named and filtered for its file type (`png`: a figure
    /// drawn as PNG).
    pub(super) fn show_export_dialog(&mut self, format: export::Format, png: bool) {
        let dialog = rfd::AsyncFileDialog::new()
            .set_title("Export")
            .set_file_name(format.file_name_as(png))
            .add_filter(format.description(), &[format.extension_as(png)]);
        self.run_dialog(
            PathPurpose::Articles,
            async move { dialog.save_file().await },
            |picked, elapsed| Inbox::ExportDialog { picked, elapsed },
        );
    }
}
