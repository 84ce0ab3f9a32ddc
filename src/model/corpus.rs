//! The set of loaded documents and skipped files, across every opened folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Document, DocumentId, Revision, SkippedFile};

/// Identifies one opened folder (or the bundled seeds) within a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceId(pub u32);

/// An opened folder or file, or the seed articles bundled in the binary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Its id.
    pub id: SourceId,
    /// The folder or file on disk; `None` for the bundled seeds.
    pub root: Option<PathBuf>,
}

impl Source {
    /// How the library names this source.
    pub fn label(&self) -> String {
        match &self.root {
            Some(root) => root.display().to_string(),
            None => "Bundled seed articles".to_owned(),
        }
    }
}

/// Every document and skipped file loaded so far.
///
/// Documents are shared (`Arc`) so the UI can hold a cheap snapshot; two files with the same
/// content are one document with two paths. Documents stay sorted by source, then path, so the
/// list does not reshuffle as a folder streams in.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    sources: Vec<Source>,
    documents: Vec<Arc<Document>>,
    index: HashMap<DocumentId, usize>,
    skipped: Vec<SkippedFile>,
    next_source: u32,
    /// Renewed whenever documents are added, removed or gain a path.
    revision: Revision,
}

impl Corpus {
    /// Registers a folder, file or (with `None`) the bundled seeds, and returns its id.
    pub fn add_source(&mut self, root: Option<PathBuf>) -> SourceId {
        let id = SourceId(self.next_source);
        self.next_source += 1;
        self.sources.push(Source { id, root });
        id
    }

    /// The source registered for `root`, if any.
    pub fn source_for_root(&self, root: Option<&Path>) -> Option<SourceId> {
        self.sources
            .iter()
            .find(|source| source.root.as_deref() == root)
            .map(|source| source.id)
    }

    /// The opened sources, in the order they were opened.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// All documents, sorted by source and path.
    pub fn documents(&self) -> &[Arc<Document>] {
        &self.documents
    }

    /// The clean body of the document with this id (what evidence ranges and keys point into).
    pub fn body(&self, document_id: DocumentId) -> Option<&str> {
        self.document(document_id)
            .map(|document| document.body.as_str())
    }

    /// Files that were found but not loaded.
    pub fn skipped(&self) -> &[SkippedFile] {
        &self.skipped
    }

    /// The document with this id.
    pub fn document(&self, document_id: DocumentId) -> Option<&Arc<Document>> {
        self.index
            .get(&document_id)
            .and_then(|&position| self.documents.get(position))
    }

    /// Adds a document, or adds its paths to the identical document already loaded.
    pub fn add_document(&mut self, document: Document) {
        self.add_documents([document]);
    }

    /// Adds a batch of documents at once: one sort per batch, so a folder streaming in
    /// thousands of documents costs O(n log n) per frame rather than O(n) per document.
    pub fn add_documents(&mut self, documents: impl IntoIterator<Item = Document>) {
        let before = self.documents.len();
        let mut changed = false;
        for document in documents {
            changed = true;
            if let Some(&position) = self.index.get(&document.id) {
                if let Some(existing) = self.documents.get_mut(position) {
                    merge_paths(Arc::make_mut(existing), document.paths);
                }
                continue;
            }
            self.index.insert(document.id, self.documents.len());
            self.documents.push(Arc::new(document));
        }
        if self.documents.len() != before {
            self.documents.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
            self.reindex();
        }
        if changed {
            self.revision.renew();
        }
    }

    /// Where the documents stand: a new revision after every change to them (skipped files
    /// do not count), so what is derived from them knows when to follow.
    pub fn revision(&self) -> Revision {
        self.revision
    }

    /// Records a file that could not be loaded.
    pub fn add_skipped(&mut self, skipped: SkippedFile) {
        if self.skipped.contains(&skipped) {
            return;
        }
        // Kept in source and path order so the list is the same however the work was split.
        let key = (skipped.source, skipped.path.clone());
        let position = self
            .skipped
            .partition_point(|other| (other.source, other.path.clone()) <= key);
        self.skipped.insert(position, skipped);
    }

    /// Forgets a source: its skipped files, and documents found only through it.
    pub fn remove_source(&mut self, source_id: SourceId) {
        self.sources.retain(|source| source.id != source_id);
        self.skipped.retain(|skipped| skipped.source != source_id);
        self.documents.retain_mut(|document| {
            if document.paths.iter().all(|path| path.source != source_id) {
                return true;
            }
            let document = Arc::make_mut(document);
            document.paths.retain(|path| path.source != source_id);
            !document.paths.is_empty()
        });
        self.documents.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        self.reindex();
        self.revision.renew();
    }

    fn reindex(&mut self) {
        self.index.clear();
        for (position, document) in self.documents.iter().enumerate() {
            self.index.insert(document.id, position);
        }
    }
}

fn merge_paths(existing: &mut Document, paths: Vec<super::DocPath>) {
    for path in paths {
        if !existing.paths.contains(&path) {
            existing.paths.push(path);
        }
    }
}

fn sort_key(document: &Document) -> (Option<u32>, Option<&str>) {
    let path = document.primary_path();
    (
        path.map(|path| path.source.0),
        path.map(|path| path.relative.as_str()),
    )
}
