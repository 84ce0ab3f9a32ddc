//! The domain model: documents, where they came from, and the files that could not be read.
//!
//! Plain data with no I/O and no egui, so the pipeline, the command line and the app share it and
//! tests build it by hand.

mod corpus;
mod date;
mod document;
mod extraction;
mod revision;
mod text;

pub use corpus::{Corpus, Source, SourceId};
pub use date::PartialDate;
pub use document::{
    BodySegment, Captured, DocPath, Document, DocumentId, DocumentMeta, Format, Part, ReadWarning,
    SkipReason, SkippedFile, static_encoding_name,
};
pub use extraction::{
    DateMention, DateResolution, EntryId, Event, EventKind, EventSources, Extraction, PagePlace,
    Participant, Person, PlaceMention,
};
pub use revision::{Memo, Revision};
pub use text::{BodyRef, Excerpts, HeldText, Text};
