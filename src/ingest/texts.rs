//! Reading back the text of a document the library set aside (`model::text`): from the library
//! index, else from its file read again. The document's id is a hash of its text, so a text
//! found under that id is the very text the document was read with, whatever has happened to
//! the file since.

use std::path::PathBuf;
use std::sync::Arc;

use super::IngestOptions;
use super::index::SharedIndex;
use super::worker::read_file;
use crate::model::{Document, HeldText};

/// Why a set-aside text could not be read back.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// The document has no file to read it from.
    #[error("the article has no file to read its text from")]
    NoFile,
    /// Its file is gone and the index does not hold the text.
    #[error("the article's file {} is no longer there", .0.display())]
    Gone(PathBuf),
    /// Its file changed since it was read and the index no longer holds this version.
    #[error(
        "the article's file {} has changed since it was read; reopen its folder to read it again",
        .0.display()
    )]
    Changed(PathBuf),
    /// Its file could not be read.
    #[error("the article's file {} could not be read: {reason}", .path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why, in plain words.
        reason: String,
    },
}

/// The whole text of `document`, from the library index when it holds it, else from the
/// document's files read again (the first that still gives this very text).
pub fn read_back(document: &Document, options: &IngestOptions) -> Result<Arc<HeldText>, TextError> {
    if let Some(text) = document.text.whole() {
        return Ok(Arc::clone(text));
    }
    let index = options.index.as_deref().and_then(SharedIndex::get);
    if let Some(index) = index {
        for path in &document.paths {
            if let Some(text) = index.text_of(&path.path, document.id) {
                return Ok(Arc::new(text));
            }
        }
    }
    let mut error = TextError::NoFile;
    for path in &document.paths {
        if !path.path.exists() {
            error = TextError::Gone(path.path.clone());
            continue;
        }
        match read_file(&path.path, document.format, path.clone(), options) {
            Ok(read) => {
                if let Some(text) = read
                    .into_iter()
                    .find(|again| again.id == document.id)
                    .and_then(|again| again.text.whole().cloned())
                {
                    return Ok(text);
                }
                error = TextError::Changed(path.path.clone());
            }
            Err(reason) => {
                error = TextError::Unreadable {
                    path: path.path.clone(),
                    reason: reason.to_string(),
                }
            }
        }
    }
    Err(error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::index::SharedIndex;
    use crate::model::{DocPath, SourceId};

    fn options(index: Option<Arc<SharedIndex>>) -> IngestOptions {
        IngestOptions {
            index,
            ..IngestOptions::default()
        }
    }

    fn read(path: &std::path::Path, options: &IngestOptions) -> Document {
        let doc_path = DocPath {
            source: SourceId(1),
            path: path.to_path_buf(),
            relative: "a.txt".to_owned(),
        };
        let (read, _) = crate::ingest::worker::read_through_index(
            path,
            crate::model::Format::Text,
            &doc_path,
            options,
        );
        read.unwrap().remove(0)
    }

    const TEXT: &str = "Nanjing and Suzhou sign an agreement\n\nOn 3 March 2024 Nanjing and Suzhou signed a cooperation agreement on transport.";

    #[test]
    fn a_set_aside_text_comes_back_from_the_index_after_the_file_changed() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("a.txt");
        std::fs::write(&file, TEXT).unwrap();
        let index = Arc::new(SharedIndex::new(folder.path().join("library.redb")));
        let options = options(Some(Arc::clone(&index)));
        let mut document = read(&file, &options);
        index.get().unwrap().flush();
        let whole = document.text.whole().unwrap().clone();
        document.set_text_aside();
        assert!(document.body().is_none());
        std::fs::write(&file, "Something else entirely.").unwrap();
        assert_eq!(read_back(&document, &options).unwrap(), whole);
    }

    #[test]
    fn without_an_index_the_file_is_read_again_and_a_changed_file_is_said() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("a.txt");
        std::fs::write(&file, TEXT).unwrap();
        let options = options(None);
        let mut document = read(&file, &options);
        let whole = document.text.whole().unwrap().clone();
        document.set_text_aside();
        assert_eq!(read_back(&document, &options).unwrap(), whole);
        std::fs::write(&file, "Something else entirely.").unwrap();
        assert_eq!(
            read_back(&document, &options),
            Err(TextError::Changed(file.clone()))
        );
        std::fs::remove_file(&file).unwrap();
        assert_eq!(read_back(&document, &options), Err(TextError::Gone(file)));
    }
}
