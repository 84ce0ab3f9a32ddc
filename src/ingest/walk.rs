//! Listing the files of a folder, recursively, following links without looping.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::read::io_reason;
use crate::model::{Format, SkipReason};

/// One entry the walk found.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// A file of a format Accord reads.
    File {
        /// Full path.
        path: PathBuf,
        /// Path relative to the walked folder, with `/` separators.
        relative: String,
        /// Its format, from the extension.
        format: Format,
    },
    /// Something that will not be read, and why.
    Skipped {
        /// Where it is.
        path: PathBuf,
        /// Why.
        reason: SkipReason,
    },
}

/// Walks `root` (a folder or a single file), calling `visit` for each entry in name order.
///
/// Hidden files and folders (names starting with `.`) are passed over silently, as version
/// control folders and desktop metadata are not articles; so is the resource folder of a page
/// saved "complete" (see [`is_saved_page_resources`]). Links are followed; a link that leads
/// back to a folder already being walked is reported as a loop and not entered, and a link to a
/// folder outside `root` is reported and not entered unless `follow_outside_links` (a link to
/// a parent would otherwise read the whole parent tree, a link to `/` the disk).
pub fn walk(root: &Path, follow_outside_links: bool, mut visit: impl FnMut(Found)) {
    let inside = root.canonicalize().ok();
    let leaving = std::cell::RefCell::new(Vec::new());
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.depth() > 0 && is_hidden(entry.file_name()) {
                return false;
            }
            if entry.depth() > 0
                && entry.file_type().is_dir()
                && is_saved_page_resources(entry.path())
            {
                return false;
            }
            if follow_outside_links || entry.depth() == 0 || !entry.path_is_symlink() {
                return true;
            }
            match (
                entry.file_type().is_dir(),
                &inside,
                entry.path().canonicalize(),
            ) {
                (true, Some(inside), Ok(target)) if !target.starts_with(inside) => {
                    leaving.borrow_mut().push(Found::Skipped {
                        path: entry.path().to_path_buf(),
                        reason: SkipReason::LinkLeavesFolder { target },
                    });
                    false
                }
                _ => true,
            }
        });
    for entry in walker {
        for found in leaving.borrow_mut().drain(..) {
            visit(found);
        }
        match entry {
            Ok(entry) => {
                let file_type = entry.file_type();
                if file_type.is_dir() {
                    continue;
                }
                let path = entry.path().to_path_buf();
                if !file_type.is_file() {
                    visit(Found::Skipped {
                        path,
                        reason: SkipReason::NotRegularFile,
                    });
                    continue;
                }
                let relative = relative_name(root, &path);
                visit(match format_of(&path) {
                    Ok(format) => Found::File {
                        path,
                        relative,
                        format,
                    },
                    Err(reason) => Found::Skipped { path, reason },
                });
            }
            Err(error) => {
                let path = error.path().unwrap_or(root).to_path_buf();
                let reason = walk_error_reason(&error, &path);
                visit(Found::Skipped { path, reason });
            }
        }
    }
    for found in leaving.into_inner() {
        visit(found);
    }
}

fn walk_error_reason(error: &walkdir::Error, path: &Path) -> SkipReason {
    if let Some(ancestor) = error.loop_ancestor() {
        return SkipReason::LinkLoop {
            target: ancestor.to_path_buf(),
        };
    }
    match error.io_error() {
        Some(io) if io.kind() == std::io::ErrorKind::NotFound && path.is_symlink() => {
            SkipReason::BrokenLink
        }
        Some(io) => io_reason(io),
        None => SkipReason::Io(error.to_string()),
    }
}

/// The format a path's extension stands for, or the "unsupported type" reason.
pub fn format_of(path: &Path) -> Result<Format, SkipReason> {
    let extension = path
        .extension()
        .map(|extension| extension.to_string_lossy().into_owned());
    extension
        .as_deref()
        .and_then(Format::from_extension)
        .ok_or(SkipReason::UnsupportedType { extension })
}

/// What browsers append to a page's name for the folder of its images, styles and scripts
/// when saving a "Webpage, complete" (`story.html` + `story_files/`): Chrome, Firefox and
/// English or Chinese Windows write `_files`, some tools `.files`, and localised Windows and
/// Internet Explorer their own word. Compared without regard to ASCII case.
const RESOURCE_FOLDER_SUFFIXES: &[&str] = &[
    "_files",
    ".files",
    "-Dateien",
    "_fichiers",
    "-bestanden",
    "_archivos",
    "_arquivos",
    "_file",
];

/// Page extensions whose saved resources sit in a sibling folder.
const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml"];

/// Whether `folder` holds the resources of a page saved "complete": it is named after a page
/// beside it (`story_files` next to `story.html`). Its files are the page's pictures and
/// scripts (and copies of framed pages), not articles, so it is not walked and nothing in it
/// is reported as skipped. A `_files` folder with no page beside it is an ordinary folder.
pub(super) fn is_saved_page_resources(folder: &Path) -> bool {
    let (Some(name), Some(parent)) = (folder.file_name(), folder.parent()) else {
        return false;
    };
    let name = name.to_string_lossy();
    RESOURCE_FOLDER_SUFFIXES.iter().any(|suffix| {
        let Some(split) = name.len().checked_sub(suffix.len()) else {
            return false;
        };
        let (Some(stem), Some(end)) = (name.get(..split), name.get(split..)) else {
            return false;
        };
        !stem.is_empty()
            && end.eq_ignore_ascii_case(suffix)
            && PAGE_EXTENSIONS.iter().any(|extension| {
                let page = |extension: &str| parent.join(format!("{stem}.{extension}")).is_file();
                page(extension) || page(&extension.to_ascii_uppercase())
            })
    })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// `path` relative to `root` with `/` separators; the file name when `root` is the file.
pub(super) fn relative_name(root: &Path, path: &Path) -> String {
    let relative = path
        .strip_prefix(root)
        .ok()
        .filter(|rel| !rel.as_os_str().is_empty());
    let relative =
        relative.unwrap_or_else(|| Path::new(path.file_name().unwrap_or(path.as_os_str())));
    relative
        .components()
        .map(|component| component.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(root: &Path) -> (Vec<String>, Vec<PathBuf>) {
        let mut files = Vec::new();
        let mut skipped = Vec::new();
        walk(root, false, |found| match found {
            Found::File { relative, .. } => files.push(relative),
            Found::Skipped { path, .. } => skipped.push(path),
        });
        (files, skipped)
    }

    #[test]
    fn a_complete_pages_resource_folder_is_passed_over_silently_but_an_orphan_is_walked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("story.html"), "<p>Story</p>").unwrap();
        std::fs::create_dir(root.join("story_files")).unwrap();
        for name in ["logo.png", "site.css", "app.js", "frame.html"] {
            std::fs::write(root.join("story_files").join(name), "x").unwrap();
        }
        std::fs::write(root.join("other.htm"), "<p>Other</p>").unwrap();
        std::fs::create_dir(root.join("other.files")).unwrap();
        std::fs::write(root.join("other.files").join("frame.html"), "x").unwrap();
        // No `orphan.html` beside it: an ordinary folder.
        std::fs::create_dir(root.join("orphan_files")).unwrap();
        std::fs::write(root.join("orphan_files").join("note.txt"), "A note.").unwrap();
        std::fs::write(root.join("orphan_files").join("logo.png"), "x").unwrap();

        let (files, skipped) = listed(root);
        assert_eq!(
            files,
            ["orphan_files/note.txt", "other.htm", "story.html"],
            "{skipped:?}"
        );
        assert_eq!(skipped, [root.join("orphan_files").join("logo.png")]);
    }
}
