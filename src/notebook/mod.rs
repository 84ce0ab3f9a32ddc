//! The user's notebook: notes on articles, events, places and passages, reviews of extracted
//! events and events added by hand, kept in a human-readable RON file.
//!
//! This is the user's own work, so the module is built around never losing it: notes point at
//! documents by content id (renaming a folder keeps them attached), passages re-anchor by their
//! quoted text ([`anchor`]), reviews are keyed by evidence text so they survive re-extraction
//! ([`EventKey`], [`attach`]), the file is written atomically with a backup and never
//! overwritten when it could not be read or was changed by another program ([`NotebookFile`]).
//! Plain data and file I/O only: no egui, so it is tested without a window.

mod anchor;
mod edtf;
mod file;
mod format;
mod key;
mod location;
mod model;
mod notes;
mod place;
mod review;

pub use anchor::{Anchoring, anchor};
pub use edtf::parse_edtf;
pub use file::{LoadError, NotebookFile, Opened, SaveError, backup_path};
pub use format::{ParseError, Parsed, parse, parse_bytes, to_ron};
pub use key::{EventKey, TextHash};
pub use location::{
    DEFAULT_FILE_NAME, NOTEBOOK_VARIABLE, chosen_path, data_folder, default_path,
    fresh_path_beside, would_replace_notebook,
};
pub use model::{
    AddedEvent, AddedEventId, CURRENT_VERSION, Correction, Fix, Note, NoteId, Notebook, Passage,
    PlaceRef, Review, Target,
};
pub use review::{NewEvent, apply_review, attach, kind_from_label};

/// Seconds since 1970-01-01 UTC now, for the `now_unix_s` arguments (0 if the clock is set
/// before 1970).
pub fn now_unix_s() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
        })
}
