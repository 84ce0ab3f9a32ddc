//! Writing an export to its file: into a temporary file in the same folder, then moved into
//! place, so a failed export leaves nothing half-written; an existing file is replaced only
//! when the caller says so.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

/// Why an export file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file exists and overwriting was not allowed.
    #[error("{} already exists; pass --force to overwrite it", .path.display())]
    Exists {
        /// The export file.
        path: PathBuf,
    },
    /// The folder to write in does not exist.
    #[error("cannot write {}: the folder {} does not exist", .path.display(), .folder.display())]
    NoFolder {
        /// The export file.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// A step of writing failed (permissions, a full disk, …).
    #[error("cannot write {}: could not {action}: {source}", .path.display())]
    Io {
        /// The export file.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// What the system said.
        source: io::Error,
    },
}

/// Writes `path` with what `fill` writes, through a temporary file in the same folder. Without
/// `overwrite`, an existing file (even one appearing while writing) is left alone and
/// [`WriteError::Exists`] returned. On any error nothing is left behind.
pub fn write_atomically<T>(
    path: &Path,
    overwrite: bool,
    fill: impl FnOnce(&mut BufWriter<File>) -> io::Result<T>,
) -> Result<T, WriteError> {
    let exists = || path.symlink_metadata().is_ok();
    if !overwrite && exists() {
        return Err(WriteError::Exists {
            path: path.to_owned(),
        });
    }
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_owned(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(WriteError::NoFolder {
            path: path.to_owned(),
            folder,
        });
    }
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |name| name.to_string_lossy());
    let temp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(io_error(path, "create a temporary file in its folder"))?;
    let result = fill_and_place(path, &temp, file, overwrite, fill);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// A [`WriteError::Io`] for `path` while doing `action`.
fn io_error<'p>(path: &'p Path, action: &'static str) -> impl FnOnce(io::Error) -> WriteError + 'p {
    move |source| WriteError::Io {
        path: path.to_owned(),
        action,
        source,
    }
}

/// Fills the temporary file, flushes it and puts it at `path`.
fn fill_and_place<T>(
    path: &Path,
    temp: &Path,
    file: File,
    overwrite: bool,
    fill: impl FnOnce(&mut BufWriter<File>) -> io::Result<T>,
) -> Result<T, WriteError> {
    let mut out = BufWriter::new(file);
    let value = fill(&mut out).map_err(io_error(path, "write the export"))?;
    let file = out
        .into_inner()
        .map_err(|error| io_error(path, "write the export")(error.into_error()))?;
    file.sync_all()
        .map_err(io_error(path, "flush the export to disk"))?;
    drop(file);
    if overwrite {
        fs::rename(temp, path).map_err(io_error(path, "move the export into place"))?;
        return Ok(value);
    }
    // A hard link never replaces an existing file, so one appearing meanwhile is kept.
    match fs::hard_link(temp, path) {
        Ok(()) => {
            let _ = fs::remove_file(temp);
            Ok(value)
        }
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Err(WriteError::Exists {
            path: path.to_owned(),
        }),
        // File systems without hard links: check, then rename.
        Err(_) if path.symlink_metadata().is_ok() => Err(WriteError::Exists {
            path: path.to_owned(),
        }),
        Err(_) => fs::rename(temp, path)
            .map(|()| value)
            .map_err(io_error(path, "move the export into place")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn entries(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_a_new_file_and_leaves_no_temporary() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("out.json");
        write_atomically(&path, false, |out| out.write_all(b"{}")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "{}");
        assert_eq!(entries(folder.path()), ["out.json"]);
    }

    #[test]
    fn an_existing_file_is_kept_unless_overwriting() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("out.csv");
        fs::write(&path, "mine").unwrap();
        let error = write_atomically(&path, false, |out| out.write_all(b"new")).unwrap_err();
        assert!(error.to_string().contains("--force"), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
        write_atomically(&path, true, |out| out.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(entries(folder.path()), ["out.csv"]);
    }

    #[test]
    fn a_failed_export_leaves_nothing() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("out.md");
        let error = write_atomically(&path, false, |out| {
            out.write_all(b"half")?;
            Err::<(), _>(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(error.to_string().contains("disk full"), "{error}");
        assert!(entries(folder.path()).is_empty());
    }

    #[test]
    fn a_missing_folder_is_named() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("nowhere").join("out.md");
        let error = write_atomically(&path, false, |out| out.write_all(b"x")).unwrap_err();
        assert!(matches!(error, WriteError::NoFolder { .. }), "{error}");
    }
}
