//! The set of loaded documents and skipped files, across every opened folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{BodyRef, Document, DocumentId, HeldText, Revision, SkippedFile, Text};

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

    /// Where the evidence ranges and keys of the document with this id point: its clean body,
    /// or the evidence sentences kept of it while its text is set aside.
    pub fn body(&self, document_id: DocumentId) -> Option<BodyRef<'_>> {
        self.document(document_id)
            .map(|document| document.evidence())
    }

    /// Puts a document's text, read back, in place of the sentences kept of it. The revision
    /// stays: what the desk derives reads evidence sentences, which were kept.
    pub fn hold_text(&mut self, document_id: DocumentId, text: Arc<HeldText>) {
        if let Some(&position) = self.index.get(&document_id)
            && let Some(document) = self.documents.get_mut(position)
            && document.text.whole().is_none()
        {
            Arc::make_mut(document).text = Text::Held(text);
        }
    }

    /// Renews the revision, so what is derived from the documents follows (the events added
    /// from a passage of a text read back).
    pub fn touch(&mut self) {
        self.revision.renew();
    }

    /// Sets a document's text aside again (see [`Document::set_text_aside`]).
    pub fn set_text_aside(&mut self, document_id: DocumentId) {
        if let Some(&position) = self.index.get(&document_id)
            && let Some(document) = self.documents.get_mut(position)
            && document.text.whole().is_some()
        {
            Arc::make_mut(document).set_text_aside();
        }
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
            // The batch is sorted and merged in: a frame's batch costs O(batch log batch + n),
            // not a sort of the whole library (100,000 documents stream in over many frames).
            let mut added = self.documents.split_off(before);
            added.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
            self.documents = merge_sorted(std::mem::take(&mut self.documents), added);
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

    /// Forgets what a source read from `path` or below it (a file or folder that changed or
    /// went away): those paths of documents, documents left without a path, skipped files.
    /// Returns whether a document changed.
    pub fn forget_path(&mut self, source_id: SourceId, path: &Path) -> bool {
        let under = |doc_path: &super::DocPath| {
            doc_path.source == source_id && doc_path.path.starts_with(path)
        };
        self.skipped
            .retain(|skipped| !(skipped.source == source_id && skipped.path.starts_with(path)));
        let before = self.documents.len();
        let mut changed = false;
        self.documents.retain_mut(|document| {
            if !document.paths.iter().any(under) {
                return true;
            }
            changed = true;
            let document = Arc::make_mut(document);
            document.paths.retain(|doc_path| !under(doc_path));
            !document.paths.is_empty()
        });
        if changed {
            if self.documents.len() != before {
                self.reindex();
            }
            self.revision.renew();
        }
        changed
    }

    /// Forgets every document and skipped file of a source but keeps the source, to read it
    /// again. Every path the source gave goes, wherever it is: an extraction file's articles
    /// need not lie below the file.
    pub fn clear_source(&mut self, source_id: SourceId) {
        self.skipped.retain(|skipped| skipped.source != source_id);
        let mut changed = false;
        self.documents.retain_mut(|document| {
            if document.paths.iter().all(|path| path.source != source_id) {
                return true;
            }
            changed = true;
            let document = Arc::make_mut(document);
            document.paths.retain(|path| path.source != source_id);
            !document.paths.is_empty()
        });
        if changed {
            self.documents.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
            self.reindex();
            self.revision.renew();
        }
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

/// Two lists in [`sort_key`] order as one, the first's before the second's on a tie.
fn merge_sorted(old: Vec<Arc<Document>>, new: Vec<Arc<Document>>) -> Vec<Arc<Document>> {
    let mut merged = Vec::with_capacity(old.len() + new.len());
    let mut old = old.into_iter().peekable();
    let mut new = new.into_iter().peekable();
    loop {
        let take_new = match (old.peek(), new.peek()) {
            (Some(a), Some(b)) => sort_key(b) < sort_key(a),
            (None, Some(_)) => true,
            (Some(_), None) => false,
            (None, None) => break,
        };
        let next = if take_new { new.next() } else { old.next() };
        merged.extend(next);
    }
    merged
}

fn sort_key(document: &Document) -> (Option<u32>, Option<&str>) {
    let path = document.primary_path();
    (
        path.map(|path| path.source.0),
        path.map(|path| path.relative.as_str()),
    )
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::{DocPath, DocumentMeta, Extraction, Format};

    fn document(text: &str, source: SourceId, path: &str) -> Document {
        Document {
            id: DocumentId::of_text(text),
            format: Format::Text,
            paths: vec![DocPath {
                source,
                path: PathBuf::from(path),
                relative: path.to_owned(),
            }],
            encoding: "UTF-8",
            read_warnings: Vec::new(),
            meta: DocumentMeta::default(),
            text: Text::held(text.to_owned(), text.to_owned()),
            segments: Vec::new(),
            parts: Vec::new(),
            extraction: Extraction::default(),
        }
    }

    #[test]
    fn batches_arriving_in_any_order_keep_the_documents_sorted() {
        let mut corpus = Corpus::default();
        let source = corpus.add_source(Some(PathBuf::from("/news")));
        corpus.add_documents([
            document("d", source, "/news/d.txt"),
            document("b", source, "/news/b.txt"),
        ]);
        corpus.add_documents([
            document("e", source, "/news/e.txt"),
            document("a", source, "/news/a.txt"),
            document("c", source, "/news/c.txt"),
        ]);
        corpus.add_document(document("b2", source, "/news/b2.txt"));
        let order: Vec<&str> = corpus
            .documents()
            .iter()
            .map(|document| document.paths[0].relative.as_str())
            .collect();
        assert_eq!(
            order,
            [
                "/news/a.txt",
                "/news/b.txt",
                "/news/b2.txt",
                "/news/c.txt",
                "/news/d.txt",
                "/news/e.txt"
            ]
        );
        for document in corpus.documents() {
            assert_eq!(
                corpus.document(document.id).map(|d| d.id),
                Some(document.id)
            );
        }
    }

    #[test]
    fn forgetting_a_path_drops_documents_found_only_there() {
        let mut corpus = Corpus::default();
        let source = corpus.add_source(Some(PathBuf::from("/news")));
        corpus.add_documents([
            document("a", source, "/news/a.txt"),
            document("a", source, "/news/copy/a.txt"),
            document("b", source, "/news/copy/b.txt"),
        ]);
        let revision = corpus.revision();
        assert!(corpus.forget_path(source, Path::new("/news/copy")));
        assert_ne!(corpus.revision(), revision);
        let left: Vec<_> = corpus
            .documents()
            .iter()
            .flat_map(|document| document.paths.iter().map(|path| path.relative.clone()))
            .collect();
        assert_eq!(left, ["/news/a.txt"]);
        assert!(!corpus.forget_path(source, Path::new("/news/other")));
        corpus.clear_source(source);
        assert!(corpus.documents().is_empty());
        assert_eq!(corpus.sources().len(), 1);
    }
}
