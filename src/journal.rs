//! The notebook open in the app, saved in the background.
//!
//! The notebook lives in memory; every change marks it dirty, and a saver thread writes it
//! atomically (see [`crate::notebook::NotebookFile`]) within a second, so the UI never waits
//! for the disk. A file that could not be read is opened read-only and never written; one
//! changed by another program is not overwritten unless the user says so. No drawing here.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::model::Revision;
use crate::notebook::{Notebook, NotebookFile, SaveError, default_path};

/// How long after a change the notebook is written (changes in between are saved together).
const SAVE_AFTER: Duration = Duration::from_millis(500);
/// Longest the app waits on exit for the last save.
const EXIT_WAIT: Duration = Duration::from_secs(5);

/// What the saver thread is asked to do.
enum Job {
    /// Save, unless another program changed the file.
    Save(Notebook),
    /// Save even over another program's changes (the user chose so).
    SaveOverChanges(Notebook),
}

/// What the saver thread reports.
#[derive(Debug)]
pub enum Saved {
    /// Written.
    Ok,
    /// Not written, and why.
    Failed(SaveError),
}

/// The open notebook and its file.
pub struct Journal {
    /// The notes, reviews and added events.
    pub notebook: Notebook,
    /// Where it is saved; `None` when the system has no data folder (nothing is saved then,
    /// and the app says so).
    pub path: Option<PathBuf>,
    /// Why the file is read-only, in plain words, when it is.
    pub read_only_because: Option<String>,
    /// Another program changed the file since it was read: saving waits for the user.
    pub changed_elsewhere: bool,
    /// When the notebook last changed without being saved yet.
    dirty_since: Option<Instant>,
    /// The notebook's revision when its changes were last noticed: a change made through the
    /// notebook's methods renews it, so nobody has to report changes here.
    seen: (Revision, Revision),
    /// A save is under way.
    saving: bool,
    jobs: Option<Sender<Job>>,
    results: Receiver<Saved>,
    worker: Option<JoinHandle<()>>,
}

impl Journal {
    /// Opens the notebook in the platform's data folder (or an empty one that is never saved
    /// when there is none). `wake` asks the UI for a frame when a save finishes.
    pub fn open_default(wake: Arc<dyn Fn() + Send + Sync>) -> (Self, Vec<String>) {
        match default_path() {
            Some(path) => Self::open(path, wake),
            None => {
                let (_, results) = channel();
                let notebook = Notebook::default();
                let journal = Self {
                    seen: notebook.revision(),
                    notebook,
                    path: None,
                    read_only_because: Some(
                        "this system has no folder for application data, so notes cannot be saved"
                            .to_owned(),
                    ),
                    changed_elsewhere: false,
                    dirty_since: None,
                    saving: false,
                    jobs: None,
                    results,
                    worker: None,
                };
                (journal, Vec::new())
            }
        }
    }

    /// Opens the notebook at `path` (a missing file is a new, empty notebook). Returns it with
    /// notices for the user (a migration, a read-only file and why).
    pub fn open(path: PathBuf, wake: Arc<dyn Fn() + Send + Sync>) -> (Self, Vec<String>) {
        let opened = NotebookFile::open(path.clone());
        let mut notices = opened.notices;
        let read_only_because = opened.problem.map(|problem| {
            let text = format!(
                "{problem}. It is open read-only and will not be overwritten; your notes there are safe. To keep writing notes, choose “Start a fresh notebook beside it” in the Notes tab."
            );
            notices.push(text.clone());
            text
        });
        let (jobs, job_inbox) = channel::<Job>();
        let (result_outbox, results) = channel();
        let mut file = opened.file;
        let worker = std::thread::Builder::new()
            .name("accord-notebook-saver".to_owned())
            .spawn(move || {
                while let Ok(job) = job_inbox.recv() {
                    let outcome = match job {
                        Job::Save(notebook) => file.save(&notebook),
                        Job::SaveOverChanges(notebook) => file.save_over_changes(&notebook),
                    };
                    let saved = match outcome {
                        Ok(()) => Saved::Ok,
                        Err(error) => Saved::Failed(error),
                    };
                    // The receiver is gone only while the app closes.
                    let _ = result_outbox.send(saved);
                    wake();
                }
            })
            .ok();
        if worker.is_none() {
            notices.push(
                "Notes cannot be saved: the system would not start the saving thread.".to_owned(),
            );
        }
        let journal = Self {
            seen: opened.notebook.revision(),
            notebook: opened.notebook,
            path: Some(path),
            read_only_because,
            changed_elsewhere: false,
            dirty_since: None,
            saving: false,
            jobs: worker.is_some().then_some(jobs),
            results,
            worker,
        };
        (journal, notices)
    }

    /// Asks for a save although nothing changed (a new notebook is written so its file
    /// exists). Changes themselves are noticed without being reported.
    pub fn save_soon(&mut self) {
        self.dirty_since.get_or_insert_with(Instant::now);
    }

    /// Whether there are changes not yet written.
    pub fn is_dirty(&self) -> bool {
        self.dirty_since.is_some() || self.saving || self.notebook.revision() != self.seen
    }

    /// Starts the save delay when the notebook moved on since last looked at.
    fn notice_changes(&mut self) {
        let now = self.notebook.revision();
        if now != self.seen {
            self.seen = now;
            self.save_soon();
        }
    }

    /// Collects save results and starts a save when one is due; call once a frame. Returns
    /// messages for the user, and whether a frame is wanted later to start a pending save.
    pub fn tick(&mut self) -> (Vec<String>, bool) {
        self.notice_changes();
        let mut messages = Vec::new();
        while let Ok(saved) = self.results.try_recv() {
            self.saving = false;
            match saved {
                Saved::Ok => {}
                Saved::Failed(SaveError::ChangedOnDisk { path }) => {
                    self.changed_elsewhere = true;
                    self.dirty_since.get_or_insert_with(Instant::now);
                    messages.push(format!(
                        "Another program changed the notebook {} while Accord had it open. Accord has not overwritten it; choose Notes → Keep my version to save yours (the other becomes the .bak file).",
                        path.display()
                    ));
                }
                Saved::Failed(error) => {
                    self.dirty_since.get_or_insert_with(Instant::now);
                    messages.push(format!("Notes were not saved: {error}."));
                }
            }
        }
        let due = self
            .dirty_since
            .is_some_and(|since| since.elapsed() >= SAVE_AFTER);
        if due && !self.saving && !self.changed_elsewhere && self.read_only_because.is_none() {
            self.send(Job::Save(self.notebook.clone()));
        }
        (messages, self.dirty_since.is_some())
    }

    /// Saves over another program's changes (the user chose to keep this version).
    pub fn keep_my_version(&mut self) {
        self.changed_elsewhere = false;
        if self.read_only_because.is_none() {
            // This save holds every change so far.
            self.seen = self.notebook.revision();
            self.send(Job::SaveOverChanges(self.notebook.clone()));
        }
    }

    /// Writes any pending changes and waits (a few seconds at most) for the saver: on exit.
    pub fn flush(&mut self) {
        self.notice_changes();
        if self.dirty_since.is_some() && !self.changed_elsewhere && self.read_only_because.is_none()
        {
            self.send(Job::Save(self.notebook.clone()));
        }
        let deadline = Instant::now() + EXIT_WAIT;
        while self.saving && Instant::now() < deadline {
            if self.results.recv_timeout(Duration::from_millis(50)).is_ok() {
                self.saving = false;
            }
        }
    }

    fn send(&mut self, job: Job) {
        if let Some(jobs) = &self.jobs
            && jobs.send(job).is_ok()
        {
            self.saving = true;
            self.dirty_since = None;
        }
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        // Closing the channel ends the saver loop once its last job is written.
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::DocumentId;
    use crate::notebook::Target;

    fn wait_saved(journal: &mut Journal) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while journal.is_dirty() && Instant::now() < deadline {
            journal.tick();
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn a_change_is_saved_in_the_background_and_read_back() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notebook.ron");
        let (mut journal, notices) = Journal::open(path.clone(), Arc::new(|| {}));
        assert!(notices.is_empty());
        let target = Target::Article {
            document: DocumentId::of_text("an article"),
        };
        journal.notebook.add_note(
            target.clone(),
            "Ask the district office",
            &["follow-up".to_owned()],
            1,
        );
        wait_saved(&mut journal);
        drop(journal);
        let (journal, _) = Journal::open(path, Arc::new(|| {}));
        assert_eq!(journal.notebook.notes_for(&target).count(), 1);
    }

    #[test]
    fn a_damaged_file_is_read_only_and_left_as_it_was() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notebook.ron");
        std::fs::write(&path, "this is not a notebook (").unwrap();
        let (mut journal, notices) = Journal::open(path.clone(), Arc::new(|| {}));
        assert!(journal.read_only_because.is_some());
        assert!(!notices.is_empty());
        journal.notebook.add_note(
            Target::Article {
                document: DocumentId::of_text("x"),
            },
            "new",
            &[],
            1,
        );
        journal.flush();
        drop(journal);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "this is not a notebook ("
        );
    }
}
