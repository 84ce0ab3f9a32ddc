//! Full-text search at scale: a persistent `tantivy` index of every article's title, body and
//! place names, kept beside the library index in the data folder, updated in the background as
//! articles load and go, and queried with its syntax (phrases, AND/OR/NOT, `title:`, `place:`).
//!
//! A cache, like the library index: deleting it loses nothing (it is built again from the
//! articles), a damaged one or one made by another version is rebuilt, never trusted.
//!
//! - [`tokenizer`]: how Chinese and Latin text is cut into words (the same for the articles and
//!   the query).
//! - [`index`]: the index on disk — its schema, version stamp, opening and rebuilding, adding,
//!   deleting and querying.
//! - [`service`]: the two threads that keep it (indexing) and ask it (queries), off the UI
//!   thread.

pub mod index;
pub mod service;
pub mod tokenizer;

use std::collections::BTreeSet;

use crate::extract::Gazetteer;
use crate::model::{Document, DocumentId};

pub use index::{Found, FullTextIndex, Opened, SearchIndexError};
pub use service::{Progress, SearchEvent, SearchService};

/// What the index is given of one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexText {
    /// The article's content hash: the key of its entry.
    pub document_id: DocumentId,
    /// Its headline.
    pub title: String,
    /// Its clean body; stored in the index, so hits and snippets are made without the article
    /// in memory.
    pub body: String,
    /// The places extraction found in it, one name a line: the names the text gives (in
    /// canonical English) and the gazetteer's Chinese names.
    pub places: String,
}

impl IndexText {
    /// The text of `document` to index. **The one place that reads a document's body for the
    /// index**: called when the document arrives from the ingest worker, before the library
    /// sets its text aside (`state::texts`). `None` for a document whose text is set aside
    /// already: an empty body must never replace what the index holds.
    pub fn of(document: &Document) -> Option<Self> {
        Some(Self {
            document_id: document.id,
            title: document.meta.title.clone(),
            body: document.body()?.to_owned(),
            places: place_names(document),
        })
    }
}

/// The distinct place names of a document's extraction, as the text gives them and as the
/// gazetteer names them in Chinese, one a line.
fn place_names(document: &Document) -> String {
    let gazetteer = Gazetteer::bundled();
    let mut names = BTreeSet::new();
    for mention in &document.extraction.places {
        names.insert(mention.name.as_str());
        if let Some(entry) = mention.entry.and_then(|id| gazetteer.entry(id)) {
            names.insert(entry.name_zh.as_str());
        }
    }
    names.into_iter().collect::<Vec<_>>().join("\n")
}
