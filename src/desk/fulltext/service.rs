//! The search index's two threads: one keeps the index (adds the articles that arrive, deletes
//! those that went, commits in batches), one answers queries (the latest one only). Neither
//! ever runs on the UI thread; results and progress come back through a sink, as the ingest
//! worker's do.

use std::collections::HashSet;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use tantivy::{IndexReader, IndexWriter};

use super::IndexText;
use super::index::{Found, FullTextIndex, Opened};
use crate::model::DocumentId;

/// Documents written between two commits while articles keep coming.
const COMMIT_EVERY: usize = 5_000;

/// How long the indexing thread waits for more articles before committing what it has, so that
/// new articles become searchable soon after a load stops.
const IDLE_COMMIT: Duration = Duration::from_millis(300);

/// What the search threads tell the app.
#[derive(Clone, Debug)]
pub enum SearchEvent {
    /// The index is open (how, for a message when it was rebuilt or kept in memory).
    Opened(Opened),
    /// A commit made more articles searchable (or removed some): queries may find more now.
    Committed {
        /// Articles in the index.
        documents: usize,
    },
    /// The answer to a query.
    Found(Arc<Found>),
    /// A write failed; what is not written is indexed again at the next start.
    Failed(String),
}

/// How far indexing has come, for the status bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Articles handed to the index (added or found already there).
    pub done: usize,
    /// Articles sent to it so far.
    pub queued: usize,
    /// Articles written into the index this session (those already there are not).
    pub written: usize,
}

impl Progress {
    /// Whether articles are still waiting to be indexed.
    pub fn is_indexing(&self) -> bool {
        self.done < self.queued
    }
}

/// What the indexing thread is asked to do.
enum Change {
    /// Index these articles (those already in the index are passed over).
    Add(Vec<IndexText>),
    /// Delete every article not among these (the library's articles after a load).
    Retain(HashSet<DocumentId>),
}

/// A query for the query thread.
struct Ask {
    query: String,
    limit: usize,
}

/// Handle on the search threads; dropping it lets them finish (the indexing thread commits what
/// it has first).
pub struct SearchService {
    changes: Sender<Change>,
    asks: Sender<Ask>,
    done: Arc<AtomicUsize>,
    queued: Arc<AtomicUsize>,
    written: Arc<AtomicUsize>,
}

impl std::fmt::Debug for SearchService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchService")
            .field("progress", &self.progress())
            .finish_non_exhaustive()
    }
}

/// Where the events go (called from the search threads).
type Sink = Arc<dyn Fn(SearchEvent) + Send + Sync>;

impl SearchService {
    /// Starts the threads on the index in `folder` (none: in memory). The index is opened on
    /// the indexing thread, so a large or damaged one never holds up the window.
    pub fn start(
        folder: Option<PathBuf>,
        sink: impl Fn(SearchEvent) + Send + Sync + 'static,
    ) -> std::io::Result<Self> {
        let sink: Sink = Arc::new(sink);
        let (changes, changes_in) = channel();
        let (asks, asks_in) = channel();
        let done = Arc::new(AtomicUsize::new(0));
        let queued = Arc::new(AtomicUsize::new(0));
        let written = Arc::new(AtomicUsize::new(0));
        let counters = Counters {
            done: Arc::clone(&done),
            written: Arc::clone(&written),
        };
        std::thread::Builder::new()
            .name("accord-search-index".to_owned())
            .spawn(move || {
                index_thread(folder.as_deref(), &changes_in, asks_in, &counters, &sink);
            })?;
        Ok(Self {
            changes,
            asks,
            done,
            queued,
            written,
        })
    }

    /// Indexes these articles (in the background; those already indexed cost nothing).
    pub fn add(&self, texts: Vec<IndexText>) {
        if texts.is_empty() {
            return;
        }
        self.queued.fetch_add(texts.len(), Ordering::Relaxed);
        // The thread is gone only when the index could not start; search then finds nothing.
        let _ = self.changes.send(Change::Add(texts));
    }

    /// Deletes from the index every article not in `document_ids`.
    pub fn retain(&self, document_ids: HashSet<DocumentId>) {
        let _ = self.changes.send(Change::Retain(document_ids));
    }

    /// Asks for the `limit` best articles for `query`; the answer comes as
    /// [`SearchEvent::Found`]. A query asked before the last one was answered replaces it.
    pub fn query(&self, query: String, limit: usize) {
        let _ = self.asks.send(Ask { query, limit });
    }

    /// How far indexing has come.
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done.load(Ordering::Relaxed),
            queued: self.queued.load(Ordering::Relaxed),
            written: self.written.load(Ordering::Relaxed),
        }
    }
}

/// The indexing thread's share of [`Progress`].
struct Counters {
    done: Arc<AtomicUsize>,
    written: Arc<AtomicUsize>,
}

/// The index, its writer and a reader, opened on disk when possible, else in memory (the
/// reason is told).
fn open(folder: Option<&Path>) -> Option<(FullTextIndex, IndexWriter, IndexReader)> {
    let on_disk = folder.map(|folder| {
        FullTextIndex::open(folder).and_then(|index| {
            let writer = index.writer(Some(folder))?;
            Ok((index, writer))
        })
    });
    let (index, writer) = match on_disk {
        Some(Ok(opened)) => opened,
        Some(Err(error)) => {
            let index = FullTextIndex::in_memory(Some(error.to_string()));
            let writer = index.writer(None).ok()?;
            (index, writer)
        }
        None => {
            let index = FullTextIndex::in_memory(None);
            let writer = index.writer(None).ok()?;
            (index, writer)
        }
    };
    let reader = index.reader().ok()?;
    Some((index, writer, reader))
}

/// The indexing thread: opens the index, starts the query thread, then applies changes until
/// the app lets go of the service.
fn index_thread(
    folder: Option<&Path>,
    changes: &Receiver<Change>,
    asks: Receiver<Ask>,
    counters: &Counters,
    sink: &Sink,
) {
    let Some((index, mut writer, reader)) = open(folder) else {
        sink(SearchEvent::Failed(
            "The search index could not be made, even in memory; search finds nothing this session.".to_owned(),
        ));
        return;
    };
    sink(SearchEvent::Opened(index.opened.clone()));
    let mut known = index.document_ids(&reader);
    {
        let index = index.clone();
        let reader = reader.clone();
        let answers = Arc::clone(sink);
        let started = std::thread::Builder::new()
            .name("accord-search-query".to_owned())
            .spawn(move || query_thread(&index, &reader, &asks, &answers));
        if started.is_err() {
            sink(SearchEvent::Failed(
                "No thread could be started for search queries.".to_owned(),
            ));
        }
    }
    sink(SearchEvent::Committed {
        documents: known.len(),
    });
    let mut pending = 0;
    loop {
        let change = if pending > 0 {
            changes.recv_timeout(IDLE_COMMIT)
        } else {
            changes.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        match change {
            Ok(Change::Add(texts)) => {
                for text in texts {
                    if known.insert(text.document_id) {
                        if writer.add_document(index.document(&text)).is_ok() {
                            pending += 1;
                            counters.written.fetch_add(1, Ordering::Relaxed);
                        }
                        if pending >= COMMIT_EVERY {
                            commit(&mut writer, &reader, known.len(), sink);
                            pending = 0;
                        }
                    }
                    counters.done.fetch_add(1, Ordering::Relaxed);
                }
            }
            Ok(Change::Retain(keep)) => {
                for gone in known.iter().filter(|id| !keep.contains(id)) {
                    writer.delete_term(index.id_term(*gone));
                    pending += 1;
                }
                known.retain(|id| keep.contains(id));
            }
            Err(RecvTimeoutError::Timeout) => {
                commit(&mut writer, &reader, known.len(), sink);
                pending = 0;
            }
            Err(RecvTimeoutError::Disconnected) => {
                if pending > 0 {
                    commit(&mut writer, &reader, known.len(), sink);
                }
                return;
            }
        }
    }
}

/// Writes what was added and deleted, and lets queries see it.
fn commit(writer: &mut IndexWriter, reader: &IndexReader, documents: usize, sink: &Sink) {
    if let Err(error) = writer.commit() {
        sink(SearchEvent::Failed(format!(
            "The search index could not be written ({error}); the articles not written are indexed again at the next start."
        )));
        return;
    }
    if reader.reload().is_ok() {
        sink(SearchEvent::Committed { documents });
    }
}

/// The query thread: answers the latest query asked, until the app lets go of the service.
fn query_thread(index: &FullTextIndex, reader: &IndexReader, asks: &Receiver<Ask>, sink: &Sink) {
    while let Ok(mut ask) = asks.recv() {
        while let Ok(newer) = asks.try_recv() {
            ask = newer;
        }
        // tantivy may panic on a damaged file: the thread lives on, and the index is marked so
        // the next start builds it again.
        let answer = std::panic::catch_unwind(AssertUnwindSafe(|| {
            index.search(reader, &ask.query, ask.limit)
        }))
        .unwrap_or_else(|_| {
            index.mark_damaged("a query failed");
            Found {
                query: ask.query.clone(),
                problem: Some(
                    "The search index is damaged; Accord builds it again at the next start."
                        .to_owned(),
                ),
                ..Found::default()
            }
        });
        sink(SearchEvent::Found(Arc::new(answer)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::time::Instant;

    fn text(title: &str, body: &str) -> IndexText {
        IndexText {
            document_id: DocumentId::of_text(body),
            title: title.to_owned(),
            body: body.to_owned(),
            places: String::new(),
        }
    }

    /// A service whose events land in a list, with a way to wait for one.
    fn service(folder: Option<PathBuf>) -> (SearchService, Arc<Mutex<Vec<SearchEvent>>>) {
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&events);
        let service = SearchService::start(folder, move |event| {
            sink.lock().unwrap().push(event);
        })
        .unwrap();
        (service, events)
    }

    /// Waits (at most 30 s) for an event `wanted` accepts, taking the events seen so far.
    fn wait_for(
        events: &Mutex<Vec<SearchEvent>>,
        wanted: impl Fn(&SearchEvent) -> bool,
    ) -> SearchEvent {
        let start = Instant::now();
        loop {
            {
                let mut seen = events.lock().unwrap();
                if let Some(at) = seen.iter().position(&wanted) {
                    let event = seen.remove(at);
                    seen.drain(..at);
                    return event;
                }
            }
            assert!(start.elapsed() < Duration::from_secs(30), "no such event");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn found(events: &Mutex<Vec<SearchEvent>>) -> Arc<Found> {
        match wait_for(events, |event| matches!(event, SearchEvent::Found(_))) {
            SearchEvent::Found(found) => found,
            _ => unreachable!(),
        }
    }

    fn committed(events: &Mutex<Vec<SearchEvent>>, documents: usize) {
        wait_for(
            events,
            |event| matches!(event, SearchEvent::Committed { documents: n } if *n == documents),
        );
    }

    #[test]
    fn reopening_does_not_index_again_and_removed_articles_are_not_found() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("library.search");
        let texts = vec![
            text("one", "Wuxi and Changzhou sign a deal"),
            text("two", "无锡与常州签署协议"),
            text("three", "Wuxi hosts a forum"),
        ];
        let (first, events) = service(Some(path.clone()));
        first.add(texts.clone());
        committed(&events, 3);
        assert_eq!(first.progress().written, 3);
        drop(first);
        // The indexing thread lets go of the folder's lock once it has finished.
        let start = Instant::now();
        let (second, events) = loop {
            let (second, events) = service(Some(path.clone()));
            let opened = wait_for(&events, |event| matches!(event, SearchEvent::Opened(_)));
            if matches!(opened, SearchEvent::Opened(Opened::Existing)) {
                break (second, events);
            }
            assert!(start.elapsed() < Duration::from_secs(30), "{opened:?}");
            std::thread::sleep(Duration::from_millis(50));
        };
        committed(&events, 3);
        second.add(texts.clone());
        let start = Instant::now();
        while second.progress().is_indexing() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "indexing stalled"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(second.progress().done, 3);
        assert_eq!(second.progress().written, 0, "nothing indexed again");
        second.query("wuxi".to_owned(), 10);
        assert_eq!(found(&events).documents, 2);

        second.retain(texts[1..].iter().map(|t| t.document_id).collect());
        committed(&events, 2);
        second.query("wuxi".to_owned(), 10);
        let after = found(&events);
        assert_eq!(after.documents, 1);
        assert_eq!(after.hits[0].document_id, texts[2].document_id);
    }

    #[test]
    fn without_a_folder_the_index_is_kept_in_memory() {
        let (service, events) = service(None);
        let opened = wait_for(&events, |event| matches!(event, SearchEvent::Opened(_)));
        assert!(matches!(
            opened,
            SearchEvent::Opened(Opened::InMemory { reason: None })
        ));
        service.add(vec![text("one", "合肥与芜湖合作")]);
        committed(&events, 1);
        service.query("合肥".to_owned(), 10);
        assert_eq!(found(&events).documents, 1);
    }
}
