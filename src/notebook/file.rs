//! The notebook on disk: opened leniently, saved atomically, never clobbered.
//!
//! Saving writes the whole notebook to a temporary file in the same folder, flushes and syncs
//! it, copies the file it replaces to `NAME.bak` (by way of its own synced temporary file, so
//! the backup is never half written either), renames the temporary file over the notebook and,
//! on Unix, syncs the folder so the rename itself is durable. At every moment the notebook path
//! holds a complete old or new notebook; a crash can at most leave a hidden `.NAME.*.tmp` file,
//! which a later `open` removes once it is ten minutes old.
//!
//! A file that cannot be read as a notebook of this version (damaged, newer, unreadable) is
//! opened read-only: saving it is refused, so it is never overwritten; [`super::fresh_path_beside`]
//! names a new file next to it. A file changed by another program since it was read or written
//! is noticed by its content fingerprint, and saving over it is refused unless forced.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::format::{ParseError, parse_bytes, to_ron};
use super::model::Notebook;

/// How old a leftover temporary file must be before `open` removes it: a save takes
/// milliseconds, so one this old belongs to a save that crashed, not one under way.
const STALE_TEMP_AGE: Duration = Duration::from_secs(10 * 60);

/// Why a notebook file was opened read-only (or could not be checked).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file exists but could not be read (permissions, a folder in its place, I/O error).
    #[error("could not read the notebook {}: {source}", .path.display())]
    Unreadable {
        /// The notebook file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The file is not a notebook: bad syntax, a wrong value or not UTF-8.
    #[error("the notebook {} is damaged at line {line}, column {column}: {message}", .path.display())]
    Damaged {
        /// The notebook file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column (in characters) of the problem.
        column: usize,
        /// What the reader expected.
        message: String,
    },
    /// Written by a newer Accord: shown read-only, as far as it could be read.
    #[error(
        "the notebook {} was written by a newer Accord (notebook version {found}; this one reads up to {supported})",
        .path.display()
    )]
    Newer {
        /// The notebook file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The highest version this build reads.
        supported: u32,
    },
}

/// Why a notebook was not saved. The notebook in memory is unchanged either way.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file was opened read-only because it could not be read; it is never overwritten.
    #[error("not saved: {} is open read-only because it could not be read as a notebook", .path.display())]
    ReadOnly {
        /// The notebook file.
        path: PathBuf,
    },
    /// Another program changed (or created, or removed) the file since it was read or saved.
    #[error("not saved: {} was changed by another program since it was opened", .path.display())]
    ChangedOnDisk {
        /// The notebook file.
        path: PathBuf,
    },
    /// Checking the file for changes failed.
    #[error("not saved: {0}")]
    Check(#[source] LoadError),
    /// The notebook could not be written as RON (should not happen: every value is plain data).
    #[error("not saved: the notebook could not be written as text: {0}")]
    Serialize(#[from] ron::Error),
    /// A step of writing failed.
    #[error("not saved: could not {action} {}: {source}", .path.display())]
    Io {
        /// What was being done ("write the temporary file", "keep the backup", …).
        action: &'static str,
        /// The file or folder it was done to.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// A notebook just opened, with what the user should be told.
#[derive(Debug)]
pub struct Opened {
    /// What could be read: everything, or (read-only) as much as a newer file allowed, or an
    /// empty notebook.
    pub notebook: Notebook,
    /// The file, to save to and watch.
    pub file: NotebookFile,
    /// Why the file is read-only, if it is.
    pub problem: Option<LoadError>,
    /// What changed on reading (migration, repaired ids), in plain words.
    pub notices: Vec<String>,
}

/// One notebook file: where it is, what it held when last read or written, whether it may be
/// written.
#[derive(Debug)]
pub struct NotebookFile {
    path: PathBuf,
    seen: Fingerprint,
    writable: bool,
}

/// What a file held, to notice another program changing it. Content, not modification time:
/// times are coarse on some file systems (two seconds on FAT) and some editors restore them,
/// while a notebook is small enough to hash on every check (xxh3 reads gigabytes a second).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fingerprint {
    /// There was no file.
    Absent,
    /// Its length and the xxh3 hash of its bytes.
    Present { len_bytes: u64, hash: u64 },
}

impl Fingerprint {
    fn of_bytes(bytes: &[u8]) -> Self {
        Self::Present {
            len_bytes: bytes.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_64(bytes),
        }
    }

    /// The file's fingerprint now.
    fn of_file(path: &Path) -> io::Result<Self> {
        match read_notebook_bytes(path) {
            Ok(bytes) => Ok(Self::of_bytes(&bytes)),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Self::Absent),
            Err(error) => Err(error),
        }
    }
}

impl NotebookFile {
    /// Opens the notebook at `path`. A missing file is an empty, writable notebook (created on
    /// the first save). Never fails: a file that cannot be read gives an empty or partial
    /// notebook, read-only, with the reason in [`Opened::problem`].
    pub fn open(path: impl Into<PathBuf>) -> Opened {
        let path = path.into();
        remove_stale_temps(&path);
        let (seen, result) = match read_notebook_bytes(&path) {
            Ok(bytes) => (Fingerprint::of_bytes(&bytes), parse_bytes(&bytes)),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Opened {
                    notebook: Notebook::default(),
                    file: Self::at(path),
                    problem: None,
                    notices: Vec::new(),
                };
            }
            Err(source) => {
                return Opened {
                    notebook: Notebook::default(),
                    file: Self::read_only(path.clone(), Fingerprint::Absent),
                    problem: Some(LoadError::Unreadable { path, source }),
                    notices: Vec::new(),
                };
            }
        };
        match result {
            Ok(parsed) => Opened {
                notebook: parsed.notebook,
                file: Self {
                    path,
                    seen,
                    writable: true,
                },
                problem: None,
                notices: parsed.notices,
            },
            Err(ParseError::Damaged {
                line,
                column,
                message,
            }) => Opened {
                notebook: Notebook::default(),
                file: Self::read_only(path.clone(), seen),
                problem: Some(LoadError::Damaged {
                    path,
                    line,
                    column,
                    message,
                }),
                notices: Vec::new(),
            },
            Err(ParseError::Newer { found, readable }) => Opened {
                notebook: *readable,
                file: Self::read_only(path.clone(), seen),
                problem: Some(LoadError::Newer {
                    path,
                    found,
                    supported: super::CURRENT_VERSION,
                }),
                notices: Vec::new(),
            },
        }
    }

    /// A notebook file to be created at `path` ("Save notebook as…", a fresh notebook beside
    /// a damaged one). Saving refuses if a file appears there first, unless forced (after the
    /// save dialog confirmed overwriting).
    pub fn at(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            seen: Fingerprint::Absent,
            writable: true,
        }
    }

    fn read_only(path: PathBuf, seen: Fingerprint) -> Self {
        Self {
            path,
            seen,
            writable: false,
        }
    }

    /// The notebook file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether saving is allowed: false when the file could not be read as a notebook of this
    /// version, so that it is never overwritten.
    pub fn is_writable(&self) -> bool {
        self.writable
    }

    /// Whether another program changed, created or removed the file since it was last read or
    /// written here.
    pub fn changed_on_disk(&self) -> Result<bool, LoadError> {
        let now = Fingerprint::of_file(&self.path).map_err(|source| LoadError::Unreadable {
            path: self.path.clone(),
            source,
        })?;
        Ok(now != self.seen)
    }

    /// Saves atomically (see the module docs), refusing when the file is read-only or was
    /// changed by another program since it was read or last saved.
    pub fn save(&mut self, notebook: &Notebook) -> Result<(), SaveError> {
        if self.writable && self.changed_on_disk().map_err(SaveError::Check)? {
            return Err(SaveError::ChangedOnDisk {
                path: self.path.clone(),
            });
        }
        self.save_over_changes(notebook)
    }

    /// Saves atomically even if another program changed the file (the user chose to keep this
    /// version; the other one becomes the `.bak`). Still refuses a read-only file.
    pub fn save_over_changes(&mut self, notebook: &Notebook) -> Result<(), SaveError> {
        if !self.writable {
            return Err(SaveError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let text = to_ron(notebook)?;
        write_atomically(&self.path, text.as_bytes())?;
        self.seen = Fingerprint::of_bytes(text.as_bytes());
        Ok(())
    }
}

/// Where the previous version of the notebook at `path` is kept: `NAME.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, "", ".bak")
}

/// Replaces `path` with `bytes` so that it always holds either the old or the new content, and
/// copies the old content to the backup first.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let folder = folder_of(path);
    fs::create_dir_all(folder).map_err(io_error("create the folder", folder))?;
    let temp = temp_path(path, "");
    write_synced(&temp, bytes).map_err(|error| {
        fs::remove_file(&temp).ok();
        io_error("write the temporary file", &temp)(error)
    })?;
    if let Err(error) = keep_backup(path) {
        fs::remove_file(&temp).ok();
        return Err(error);
    }
    fs::rename(&temp, path).map_err(|error| {
        fs::remove_file(&temp).ok();
        io_error("replace the notebook with", path)(error)
    })?;
    sync_folder(folder).map_err(io_error("sync the folder", folder))
}

/// The largest notebook Accord reads: far beyond any real one (200,000 notes are about
/// 100 MB), and bounded, so a path to something endless is refused instead of read.
pub const MAX_NOTEBOOK_BYTES: u64 = 1024 * 1024 * 1024;

/// A notebook file's bytes, through the guarded reader: a pipe or a device (a link to
/// `/dev/zero`) is an error, not a hang or an endless read.
fn read_notebook_bytes(path: &Path) -> io::Result<Vec<u8>> {
    crate::files::read_bounded(path, MAX_NOTEBOOK_BYTES, |_| false)
        .map_err(crate::files::ReadError::into_io)
}

/// Copies the current notebook (if there is one) to its backup, atomically as well: through a
/// synced temporary file renamed over the old backup. A copy, not a rename of the notebook, so
/// the notebook path is never without a file; not a hard link, which an editor writing in place
/// would change along with the notebook.
fn keep_backup(path: &Path) -> Result<(), SaveError> {
    let current = match read_notebook_bytes(path) {
        Ok(current) => current,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(io_error("read the previous version of", path)(error)),
    };
    let temp = temp_path(path, ".bak");
    write_synced(&temp, &current).map_err(|error| {
        fs::remove_file(&temp).ok();
        io_error("keep the backup in", &temp)(error)
    })?;
    let backup = backup_path(path);
    fs::rename(&temp, &backup).map_err(|error| {
        fs::remove_file(&temp).ok();
        io_error("keep the backup in", &backup)(error)
    })
}

/// Creates (or truncates) `path` with `bytes`, flushed and synced to the disk.
fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()
}

/// Makes a rename in `folder` durable (Unix: the folder's entry list is synced separately from
/// the files).
#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

/// Windows makes renames durable with the file; there is no folder handle to sync.
#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

/// The folder holding `path` (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A hidden temporary file beside `path`, unique to this process: `.NAME{infix}.PID.tmp`.
fn temp_path(path: &Path, infix: &str) -> PathBuf {
    sibling(path, ".", &format!("{infix}.{}.tmp", std::process::id()))
}

/// `path`'s file name with `prefix` before it and `suffix` after it, in the same folder.
fn sibling(path: &Path, prefix: &str, suffix: &str) -> PathBuf {
    let mut name = OsString::from(prefix);
    name.push(path.file_name().unwrap_or(OsStr::new("notebook")));
    name.push(suffix);
    path.with_file_name(name)
}

/// Removes temporary files that saves of this notebook left behind when they crashed, once they
/// are old enough that no save can still be writing them. Best effort: a leftover harms nothing.
fn remove_stale_temps(path: &Path) {
    let (Some(name), Ok(entries)) = (path.file_name(), fs::read_dir(folder_of(path))) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !(file_name.starts_with(&prefix) && file_name.ends_with(".tmp")) {
            continue;
        }
        let age = entry
            .metadata()
            .and_then(|metadata| metadata.modified())
            .ok()
            .and_then(|modified| now.duration_since(modified).ok());
        if age.is_some_and(|age| age >= STALE_TEMP_AGE) {
            fs::remove_file(entry.path()).ok();
        }
    }
}

/// Wraps an I/O error with the step and the path.
fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> SaveError {
    move |source| SaveError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocumentId;
    use crate::notebook::Target;

    fn notebook_with(text: &str) -> Notebook {
        let mut notebook = Notebook::default();
        notebook.add_note(
            Target::Article {
                document: DocumentId(1),
            },
            text,
            &[],
            0,
        );
        notebook
    }

    #[test]
    fn a_missing_file_opens_empty_and_is_created_on_save() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("deeper").join("notebook.ron");
        let mut opened = NotebookFile::open(&path);
        assert!(opened.problem.is_none());
        assert!(opened.file.is_writable());
        assert_eq!(opened.notebook, Notebook::default());
        opened.file.save(&notebook_with("first")).unwrap();
        assert_eq!(NotebookFile::open(&path).notebook, notebook_with("first"));
        assert!(
            !backup_path(&path).exists(),
            "nothing to back up on the first save"
        );
    }

    #[test]
    fn saving_keeps_the_previous_version_as_bak_and_leaves_no_temporary_files() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notebook.ron");
        let mut file = NotebookFile::at(&path);
        file.save(&notebook_with("one")).unwrap();
        file.save(&notebook_with("two")).unwrap();
        file.save(&notebook_with("three")).unwrap();
        assert_eq!(NotebookFile::open(&path).notebook, notebook_with("three"));
        assert_eq!(
            NotebookFile::open(backup_path(&path)).notebook,
            notebook_with("two")
        );
        let mut names: Vec<String> = fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, vec!["notebook.ron", "notebook.ron.bak"]);
    }

    #[test]
    fn a_change_by_another_program_is_noticed_and_not_clobbered() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notebook.ron");
        let mut file = NotebookFile::at(&path);
        file.save(&notebook_with("mine")).unwrap();
        assert!(!file.changed_on_disk().unwrap());

        let theirs = to_ron(&notebook_with("theirs")).unwrap();
        fs::write(&path, &theirs).unwrap();
        assert!(file.changed_on_disk().unwrap());
        assert!(matches!(
            file.save(&notebook_with("mine again")),
            Err(SaveError::ChangedOnDisk { .. })
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), theirs);

        file.save_over_changes(&notebook_with("mine again"))
            .unwrap();
        assert!(!file.changed_on_disk().unwrap());
        assert_eq!(
            NotebookFile::open(backup_path(&path)).notebook,
            notebook_with("theirs")
        );
    }

    #[test]
    fn a_file_created_at_a_new_path_meanwhile_is_not_overwritten() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("shared.ron");
        let mut file = NotebookFile::at(&path);
        fs::write(&path, "someone else's").unwrap();
        assert!(matches!(
            file.save(&Notebook::default()),
            Err(SaveError::ChangedOnDisk { .. })
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "someone else's");
    }

    #[test]
    fn a_removed_file_counts_as_changed() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notebook.ron");
        let mut file = NotebookFile::at(&path);
        file.save(&Notebook::default()).unwrap();
        fs::remove_file(&path).unwrap();
        assert!(file.changed_on_disk().unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn a_notebook_path_to_a_pipe_or_an_endless_device_is_refused_not_read() {
        let folder = tempfile::tempdir().unwrap();
        let fifo = folder.path().join("pipe.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(
            made.is_ok_and(|status| status.success()),
            "mkfifo is available"
        );
        let zero = folder.path().join("zero.ron");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for path in [fifo, zero] {
            // Before the guarded reader, the pipe hung here and /dev/zero read without end.
            let mut opened = NotebookFile::open(&path);
            assert!(
                matches!(&opened.problem, Some(LoadError::Unreadable { source, .. }) if source.to_string().contains("not a regular file")),
                "{:?}",
                opened.problem
            );
            assert!(!opened.file.is_writable());
            assert!(matches!(
                opened.file.save(&Notebook::default()),
                Err(SaveError::ReadOnly { .. })
            ));
        }
    }

    #[test]
    fn a_damaged_file_opens_read_only_and_is_never_overwritten() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notebook.ron");
        fs::write(&path, "(version: 1, notes: [(id: 1, target: ").unwrap();
        let mut opened = NotebookFile::open(&path);
        assert!(
            matches!(opened.problem, Some(LoadError::Damaged { line: 1, .. })),
            "{:?}",
            opened.problem
        );
        assert!(!opened.file.is_writable());
        assert!(matches!(
            opened.file.save(&Notebook::default()),
            Err(SaveError::ReadOnly { .. })
        ));
        assert!(matches!(
            opened.file.save_over_changes(&Notebook::default()),
            Err(SaveError::ReadOnly { .. })
        ));
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "(version: 1, notes: [(id: 1, target: "
        );
    }

    #[test]
    fn a_newer_file_opens_read_only_with_what_could_be_read() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notebook.ron");
        let text = "(version: 99, notes: [(id: 1, target: Article(document: \"1\"), text: \"hi\", created_unix_s: 0)])";
        fs::write(&path, text).unwrap();
        let mut opened = NotebookFile::open(&path);
        assert!(matches!(
            opened.problem,
            Some(LoadError::Newer { found: 99, .. })
        ));
        assert_eq!(opened.notebook.notes[0].text, "hi");
        assert!(opened.file.save(&opened.notebook).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_file_opens_read_only() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notebook.ron");
        // A folder where the file should be cannot be read as a file, even by root.
        fs::create_dir(&path).unwrap();
        let mut opened = NotebookFile::open(&path);
        assert!(
            matches!(opened.problem, Some(LoadError::Unreadable { .. })),
            "{:?}",
            opened.problem
        );
        assert!(opened.file.save(&Notebook::default()).is_err());
        assert!(path.is_dir());
    }

    #[test]
    fn errors_name_the_file() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notebook.ron");
        fs::write(&path, "(version: 1, notes: 3)").unwrap();
        let message = NotebookFile::open(&path).problem.unwrap().to_string();
        assert!(
            message.contains("notebook.ron") && message.contains("line 1"),
            "{message}"
        );
    }

    #[test]
    fn old_temporary_files_are_removed_on_open_and_recent_ones_kept() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notebook.ron");
        let old = folder.path().join(".notebook.ron.123.tmp");
        let recent = folder.path().join(".notebook.ron.bak.456.tmp");
        let unrelated = folder.path().join(".other.ron.1.tmp");
        for file in [&old, &recent, &unrelated] {
            fs::write(file, "partial").unwrap();
        }
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        File::options()
            .write(true)
            .open(&unrelated)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        NotebookFile::open(&path);
        assert!(!old.exists());
        assert!(recent.exists());
        assert!(unrelated.exists());
    }
}
