//! Where notebooks live: the default one in the platform's data folder, and a fresh file name
//! beside one that must not be overwritten.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The environment variable that points Accord at another notebook.
pub const NOTEBOOK_VARIABLE: &str = "ACCORD_NOTEBOOK";

/// The file name of the default notebook.
pub const DEFAULT_FILE_NAME: &str = "notebook.ron";

/// The default notebook: `notebook.ron` in the platform's data folder for Accord
/// (`~/.local/share/accord/` on Linux, `~/Library/Application Support/org.Accord.Accord/` on
/// macOS, `%APPDATA%\Accord\Accord\data\` on Windows). `None` when the system names no home
/// folder. Callers pass the path on, so tests and "Open notebook…" use any other.
pub fn default_path() -> Option<PathBuf> {
    data_folder().map(|folder| folder.join(DEFAULT_FILE_NAME))
}

/// The notebook a command or the app uses: the one given (`--notebook`), else the one
/// `ACCORD_NOTEBOOK` names, else the default. One rule for every entry point.
pub fn chosen_path(given: Option<PathBuf>) -> Option<PathBuf> {
    given
        .or_else(|| std::env::var_os(NOTEBOOK_VARIABLE).map(PathBuf::from))
        .or_else(default_path)
}

/// Whether writing `output` would replace the notebook at `notebook` or its backup: the same
/// path, or the same file reached by another path (a link, `..`).
pub fn would_replace_notebook(output: &Path, notebook: &Path) -> bool {
    let backup = super::backup_path(notebook);
    [notebook, backup.as_path()]
        .iter()
        .any(|protected| same_file(output, protected))
}

/// Whether two paths name one file (compared as written, then as resolved when both exist).
fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        // An output that does not exist yet may still be the notebook's path by another
        // spelling: compare its resolved folder and name.
        (Err(_), Ok(b)) => {
            let (Some(parent), Some(name)) = (a.parent(), a.file_name()) else {
                return false;
            };
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            std::fs::canonicalize(parent).is_ok_and(|parent| parent.join(name) == b)
        }
        _ => false,
    }
}

/// Accord's data folder on this platform (where the default notebook lives), `None` when the
/// system names no home folder.
pub fn data_folder() -> Option<PathBuf> {
    let folders = directories::ProjectDirs::from("org", "Accord", "Accord")?;
    Some(folders.data_dir().to_path_buf())
}

/// A file name next to `path` where nothing exists yet, for starting a fresh notebook beside
/// one that cannot be written: `notebook-new.ron`, then `notebook-new-2.ron`, … `None` only if
/// a thousand such names are taken.
pub fn fresh_path_beside(path: &Path) -> Option<PathBuf> {
    let stem = path
        .file_stem()
        .map_or_else(|| OsString::from("notebook"), ToOwned::to_owned);
    let extension = path.extension().map(ToOwned::to_owned);
    (1..=1000).find_map(|number| {
        let mut name = stem.clone();
        name.push("-new");
        if number > 1 {
            name.push(format!("-{number}"));
        }
        if let Some(extension) = &extension {
            name.push(".");
            name.push(extension);
        }
        let candidate = path.with_file_name(name);
        // `symlink_metadata`, not `exists`: a dangling link is taken too.
        candidate.symlink_metadata().is_err().then_some(candidate)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_notebook_is_in_a_data_folder() {
        // Some build machines have no home folder; there the answer is None, not a panic.
        if let Some(path) = default_path() {
            assert!(path.ends_with(DEFAULT_FILE_NAME));
            assert!(path.is_absolute());
        }
    }

    #[test]
    fn a_fresh_path_is_beside_and_new() {
        let folder = tempfile::tempdir().unwrap();
        let damaged = folder.path().join("notebook.ron");
        std::fs::write(&damaged, "broken").unwrap();
        let first = fresh_path_beside(&damaged).unwrap();
        assert_eq!(first, folder.path().join("notebook-new.ron"));
        std::fs::write(&first, "").unwrap();
        assert_eq!(
            fresh_path_beside(&damaged).unwrap(),
            folder.path().join("notebook-new-2.ron")
        );
        assert_eq!(
            fresh_path_beside(&folder.path().join("notes")).unwrap(),
            folder.path().join("notes-new")
        );
    }
}
