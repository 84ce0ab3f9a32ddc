//! Which article texts the app holds while the rest are set aside (`model::text`), and
//! reading them back in the background.
//!
//! Held: the texts of the articles the notebook is about (their passages are anchored and
//! cited) and of the last few articles shown; every other text of a folder read through the
//! library index is set aside once its document is loaded, so memory does not grow with the
//! text of the library.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use crate::ingest::{self, IngestOptions, TextError};
use crate::model::{Corpus, Document, DocumentId, HeldText, SourceId};

/// How many articles shown lately keep their text held.
const RECENT: usize = 16;

/// A text read back, or why not.
pub type TextRead = Result<Arc<HeldText>, TextError>;

/// The texts held beyond those being read, and those asked for.
#[derive(Debug, Default)]
pub struct Shelf {
    /// Texts being read back.
    pending: HashSet<DocumentId>,
    /// Why a text could not be read back (said in the viewer).
    failed: HashMap<DocumentId, TextError>,
    /// Articles shown lately, the latest last.
    recent: VecDeque<DocumentId>,
    /// Articles the notebook is about.
    noted: HashSet<DocumentId>,
}

impl Shelf {
    /// Whether a loaded document's text is set aside: it came from a folder read through the
    /// library index (so it can be read back quickly), and nothing holds it.
    pub fn sets_aside(
        &self,
        document: &Document,
        options: &IngestOptions,
        folders: &HashSet<SourceId>,
    ) -> bool {
        options.index.is_some()
            && document
                .primary_path()
                .is_some_and(|path| folders.contains(&path.source))
            && !self.noted.contains(&document.id)
            && !self.recent.contains(&document.id)
    }

    /// Why the text of `document` could not be read back, if it could not.
    pub fn failure(&self, document: DocumentId) -> Option<&TextError> {
        self.failed.get(&document)
    }

    /// Asks for the text of `document` if it is set aside and not asked for yet: read on a
    /// background thread, handed to `send`.
    pub fn want(
        &mut self,
        corpus: &Corpus,
        document: DocumentId,
        options: &IngestOptions,
        send: impl FnOnce(DocumentId, TextRead) + Send + 'static,
    ) {
        let Some(document) = corpus.document(document) else {
            return;
        };
        if document.text.whole().is_some()
            || self.pending.contains(&document.id)
            || self.failed.contains_key(&document.id)
        {
            return;
        }
        self.pending.insert(document.id);
        let document = Arc::clone(document);
        let options = options.clone();
        rayon::spawn(move || send(document.id, ingest::read_back(&document, &options)));
    }

    /// Takes a text read back: held if still wanted, its failure kept otherwise.
    pub fn arrived(&mut self, corpus: &mut Corpus, document: DocumentId, read: TextRead) {
        self.pending.remove(&document);
        match read {
            Ok(text) if self.holds(document) => {
                corpus.hold_text(document, text);
                if self.noted.contains(&document) {
                    // Its passages (events added from them) can be placed now.
                    corpus.touch();
                }
            }
            Ok(_) => {}
            Err(error) => {
                self.failed.insert(document, error);
            }
        }
    }

    /// Marks `document` as shown: its text is held (asked for if set aside) and the least
    /// recently shown beyond [`RECENT`] is set aside again. Returns the documents to set aside.
    pub fn shown(&mut self, document: DocumentId) -> Vec<DocumentId> {
        if self.recent.back() == Some(&document) {
            return Vec::new();
        }
        self.recent.retain(|&other| other != document);
        self.recent.push_back(document);
        let mut released = Vec::new();
        while self.recent.len() > RECENT {
            if let Some(oldest) = self.recent.pop_front()
                && !self.noted.contains(&oldest)
            {
                released.push(oldest);
            }
        }
        released
    }

    /// The articles the notebook is about now; returns those no longer held for it.
    pub fn noted(&mut self, noted: HashSet<DocumentId>) -> Vec<DocumentId> {
        let released = self
            .noted
            .difference(&noted)
            .filter(|document| !self.recent.contains(document))
            .copied()
            .collect();
        self.noted = noted;
        released
    }

    /// Forgets failures, so a text is asked for again (after the folders are read again: a
    /// file that could not be read may be readable now).
    pub fn forget_failures(&mut self) {
        self.failed.clear();
    }

    fn holds(&self, document: DocumentId) -> bool {
        self.noted.contains(&document) || self.recent.contains(&document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_articles_shown_stay_held() {
        let mut shelf = Shelf::default();
        for n in 0..RECENT as u128 {
            assert!(shelf.shown(DocumentId(n)).is_empty());
        }
        // Showing one again moves it to the back.
        assert!(shelf.shown(DocumentId(0)).is_empty());
        assert_eq!(shelf.shown(DocumentId(100)), vec![DocumentId(1)]);
        assert!(shelf.holds(DocumentId(0)));
    }

    #[test]
    fn a_noted_article_stays_held_when_it_leaves_the_recent_ones() {
        let mut shelf = Shelf::default();
        shelf.noted(std::iter::once(DocumentId(0)).collect());
        for n in 0..=RECENT as u128 {
            assert!(shelf.shown(DocumentId(n)).is_empty());
        }
        assert!(shelf.holds(DocumentId(0)));
        assert_eq!(shelf.noted(HashSet::new()), vec![DocumentId(0)]);
    }
}
