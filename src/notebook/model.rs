//! What a notebook holds, exactly as it is written to its RON file.
//!
//! Every type here is plain data with `serde`, so the file is the types and nothing else: a
//! reader of the file sees notes, their targets, reviews of extracted events and events the user
//! added. Documents are named by their content id ([`DocumentId`], 32 hex digits in the file),
//! never by path, so renaming or moving a folder keeps everything attached.

use serde::{Deserialize, Serialize};

use super::key::EventKey;
use crate::model::{DocumentId, Revision};

/// The notebook layout this build writes. Files with a lower version are migrated when read
/// (see `format.rs`); files with a higher one are opened read-only.
pub const CURRENT_VERSION: u32 = 1;

/// Everything the user wrote down: notes, reviews of extracted events and added events.
///
/// Equality compares what is saved, not the session's undo state.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Notebook {
    /// The layout version the file was written in; [`CURRENT_VERSION`] once loaded.
    #[serde(default)]
    pub version: u32,
    /// Notes in the order they were written.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// At most one review per extracted event.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// Events the extractor missed, added by hand from a passage.
    #[serde(default)]
    pub added_events: Vec<AddedEvent>,
    /// The last deleted note, for undo. Deletion is not written to the file: a deleted note is
    /// gone from the next save, and undo lasts as long as the session.
    #[serde(skip)]
    pub(super) last_deleted: Option<DeletedNote>,
    /// Renewed by every change to the notes, so markers and the saver follow (not saved).
    #[serde(skip)]
    pub(super) notes_revision: Revision,
    /// Renewed by every change to reviews and added events (not saved).
    #[serde(skip)]
    pub(super) reviews_revision: Revision,
}

impl Default for Notebook {
    fn default() -> Self {
        Self {
            version: CURRENT_VERSION,
            notes: Vec::new(),
            corrections: Vec::new(),
            added_events: Vec::new(),
            last_deleted: None,
            notes_revision: Revision::next(),
            reviews_revision: Revision::next(),
        }
    }
}

impl Notebook {
    /// Where the notes stand: renewed by every change to them (made through the methods
    /// here), so what is drawn from them knows when to follow.
    pub fn notes_revision(&self) -> Revision {
        self.notes_revision
    }

    /// Where the reviews and added events stand, as [`Self::notes_revision`] for notes.
    pub fn reviews_revision(&self) -> Revision {
        self.reviews_revision
    }

    /// Both revisions: any change to what is saved moves it.
    pub fn revision(&self) -> (Revision, Revision) {
        (self.notes_revision, self.reviews_revision)
    }

    /// The articles the notes and added events are about: those whose text the app keeps at
    /// hand, to anchor passages and cite them.
    pub fn documents_noted(&self) -> std::collections::HashSet<DocumentId> {
        let noted = self.notes.iter().map(|note| match &note.target {
            Target::Article { document } => Some(*document),
            Target::Event { key } => Some(key.document),
            Target::Passage(passage) => Some(passage.document),
            Target::Place { .. } => None,
        });
        let added = self
            .added_events
            .iter()
            .map(|added| Some(added.passage.document));
        noted.chain(added).flatten().collect()
    }
}

impl PartialEq for Notebook {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
            && self.notes == other.notes
            && self.corrections == other.corrections
            && self.added_events == other.added_events
    }
}

/// A deleted note and where it stood in the list, so undo puts it back in place.
#[derive(Clone, Debug)]
pub(super) struct DeletedNote {
    pub(super) index: usize,
    pub(super) note: Note,
}

/// A note's identity: unique in its notebook and never changed, so the UI can select it and
/// edits find it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NoteId(pub u64);

/// One note the user wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Unique in the notebook.
    pub id: NoteId,
    /// What it is about.
    pub target: Target,
    /// The note itself, as typed.
    pub text: String,
    /// Tags, trimmed, without repeats, in the order given.
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it was written, seconds since 1970-01-01 UTC.
    pub created_unix_s: i64,
    /// When it was last edited, seconds since 1970-01-01 UTC. Missing in version 0 files,
    /// where migration copies `created_unix_s`.
    #[serde(default)]
    pub modified_unix_s: i64,
}

/// What a note is attached to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// A whole article.
    Article {
        /// The article's content id.
        document: DocumentId,
    },
    /// An extracted event (or, through its key, an added one).
    Event {
        /// The event's key, stable across re-extraction.
        key: EventKey,
    },
    /// A place, whether or not the gazetteer knows it.
    Place {
        /// Which place.
        place: PlaceRef,
    },
    /// A quoted passage of an article.
    Passage(Passage),
}

impl Target {
    /// The document the target lies in, if it lies in one.
    pub fn document(&self) -> Option<DocumentId> {
        match self {
            Self::Article { document } => Some(*document),
            Self::Event { key } => Some(key.document),
            Self::Passage(passage) => Some(passage.document),
            Self::Place { .. } => None,
        }
    }
}

/// A place as a note names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PlaceRef {
    /// A gazetteer entry by its code (adcode such as `"320115"`, or a zone key): codes do not
    /// change when the gazetteer is rebuilt, entry numbers do.
    Code(String),
    /// A place the gazetteer does not know, by its normalised name (lower case, without an
    /// administrative suffix, as [`crate::desk::party::PartyKey`] normalises it).
    Name(String),
}

/// A quoted passage: the document, the quoted text and where it was, in bytes of the clean
/// body. The quote is what counts; the offsets only say which occurrence was meant (see
/// [`super::anchor`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Passage {
    /// The article's content id.
    pub document: DocumentId,
    /// The text as it was selected.
    pub quote: String,
    /// Byte offset in the clean body where the quote started.
    pub start_byte: usize,
    /// Byte offset in the clean body where the quote ended (exclusive).
    pub end_byte: usize,
}

/// The user's review of one extracted event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// Which event.
    pub key: EventKey,
    /// What the user decided.
    pub review: Review,
    /// When, seconds since 1970-01-01 UTC.
    #[serde(default)]
    pub modified_unix_s: i64,
}

/// A decision about an extracted event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Review {
    /// The event is right as extracted.
    Accepted,
    /// There is no such event (the extractor was wrong).
    Rejected,
    /// The event is real but some of what was extracted is wrong.
    Corrected(Fix),
}

/// The corrected parts of an event; `None` keeps what was extracted.
///
/// Values are kept as text (an EDTF date, a kind's label) so the file stays readable and a
/// value this build does not understand is kept rather than lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// EDTF-style date (`2019-07-23`, `2019-07`, `2019`, `XXXX-05-07`).
    #[serde(default)]
    pub date: Option<String>,
    /// The kind's label (`agreement`, `alliance`, `visit`, `meeting`, `other`).
    #[serde(default)]
    pub kind: Option<String>,
    /// Every party, by name.
    #[serde(default)]
    pub participants: Option<Vec<String>>,
    /// Fields of cooperation.
    #[serde(default)]
    pub fields: Option<Vec<String>>,
}

/// An added event's identity, unique in its notebook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AddedEventId(pub u64);

/// An event the extractor missed, added by the user from a passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedEvent {
    /// Unique in the notebook.
    pub id: AddedEventId,
    /// The passage that reports it (its evidence).
    pub passage: Passage,
    /// The kind's label (`agreement`, …).
    pub kind: String,
    /// Every party, by name.
    pub participants: Vec<String>,
    /// EDTF-style date, when known.
    #[serde(default)]
    pub date: Option<String>,
    /// Fields of cooperation.
    #[serde(default)]
    pub fields: Vec<String>,
    /// When it was added, seconds since 1970-01-01 UTC.
    #[serde(default)]
    pub created_unix_s: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equality_ignores_the_undo_state() {
        let with_undo = Notebook {
            last_deleted: Some(DeletedNote {
                index: 0,
                note: Note {
                    id: NoteId(1),
                    target: Target::Article {
                        document: DocumentId(7),
                    },
                    text: String::new(),
                    tags: Vec::new(),
                    created_unix_s: 0,
                    modified_unix_s: 0,
                },
            }),
            ..Notebook::default()
        };
        assert_eq!(with_undo, Notebook::default());
    }

    #[test]
    fn a_new_notebook_has_the_current_version() {
        assert_eq!(Notebook::default().version, CURRENT_VERSION);
    }
}
