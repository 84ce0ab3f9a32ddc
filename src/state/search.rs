//! Search: the full-text index kept in step with the library (articles indexed as they arrive,
//! dropped once a load shows they went), and the query the search window asked last.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{AppState, Inbox};
use crate::desk::fulltext::{Found, IndexText, Opened, Progress, SearchEvent, SearchService};
use crate::model::{Document, Revision};

/// Most articles listed for a query (all are counted).
pub const SEARCH_LIMIT: usize = 200;

/// The search index as the app sees it.
#[derive(Debug, Default)]
pub struct Search {
    /// The index's threads; `None` when they could not start (search then finds nothing).
    service: Option<SearchService>,
    /// The query asked last ("" before any).
    asked: String,
    /// The latest answer (it may be for an earlier query while the newest one runs).
    pub found: Option<Arc<Found>>,
    /// Articles in the index at its last commit; `None` until it has opened.
    pub indexed: Option<usize>,
    /// The corpus revision the index was last trimmed to (articles gone deleted from it).
    trimmed: Option<Revision>,
}

/// Where the search index lives: beside the library index, as a folder named like it
/// (`library.redb` → `library.search`).
pub fn search_location(library_index: &Path) -> PathBuf {
    library_index.with_extension("search")
}

impl Search {
    /// Whether `query` has been answered (the answer is in [`Self::found`]).
    pub fn answered(&self, query: &str) -> bool {
        self.found
            .as_ref()
            .is_some_and(|found| found.query == query)
    }

    /// How far indexing has come.
    pub fn progress(&self) -> Progress {
        self.service
            .as_ref()
            .map(SearchService::progress)
            .unwrap_or_default()
    }

    /// Asks the index for `query` (the answer comes through the inbox).
    fn ask(&mut self, query: String) {
        self.asked.clone_from(&query);
        if let Some(service) = &self.service {
            service.query(query, SEARCH_LIMIT);
        }
    }

    /// Sends these articles to be indexed.
    fn add(&self, texts: Vec<IndexText>) {
        if let Some(service) = &self.service {
            service.add(texts);
        }
    }
}

impl AppState {
    /// Starts the search index's threads, on disk beside the library index (none: in memory).
    pub(super) fn start_search(&mut self, library_index: Option<&Path>) {
        let outbox = self.outbox.clone();
        let wake = Arc::clone(&self.wake);
        let sink = move |event| {
            // The receiver is gone only while the app closes; nothing is left to tell then.
            let _ = outbox.send(Inbox::Search(event));
            wake();
        };
        match SearchService::start(library_index.map(search_location), sink) {
            Ok(service) => self.search.service = Some(service),
            Err(error) => self.tell_error(format!(
                "Search is off this session: the system would not start its thread ({error})."
            )),
        }
    }

    /// Asks the index for what the search window's box holds.
    pub(super) fn search_for(&mut self, query: String) {
        self.search.ask(query);
    }

    /// Indexes articles as they arrive from the ingest worker, while they hold their bodies.
    pub(super) fn index_arrivals(&self, documents: &[Document]) {
        self.search.add(
            documents
                .iter()
                .filter_map(IndexText::of)
                .collect::<Vec<_>>(),
        );
    }

    /// Deletes from the index the articles no longer in the library, once no load is running
    /// (a load under way may still bring them back).
    pub(super) fn trim_search_index(&mut self) {
        let revision = self.library.corpus.revision();
        if self.is_loading() || self.search.trimmed == Some(revision) {
            return;
        }
        self.search.trimmed = Some(revision);
        if let Some(service) = &self.search.service {
            let ids = self.library.corpus.documents().iter().map(|d| d.id);
            service.retain(ids.collect());
        }
    }

    /// Books what the search threads report.
    pub(super) fn apply_search(&mut self, event: SearchEvent) {
        match event {
            SearchEvent::Opened(opened) => match opened {
                Opened::Rebuilt { reason } => {
                    eprintln!("accord: the search index is built again ({reason})");
                }
                Opened::InMemory {
                    reason: Some(reason),
                } => {
                    eprintln!("accord: search index kept in memory this session ({reason})");
                }
                _ => {}
            },
            SearchEvent::Committed { documents } => {
                self.search.indexed = Some(documents);
                // More articles are searchable: the query shown is asked again.
                if !self.search.asked.trim().is_empty() {
                    let query = self.search.asked.clone();
                    self.search.ask(query);
                }
            }
            SearchEvent::Found(found) => self.search.found = Some(found),
            SearchEvent::Failed(text) => self.tell_error(text),
        }
    }

    /// Indexes every article of a corpus given whole (benchmarks and tests).
    pub(super) fn index_corpus(&self) {
        let texts = self.library.corpus.documents().iter();
        self.search.add(
            texts
                .filter_map(|document| IndexText::of(document))
                .collect(),
        );
    }
}
