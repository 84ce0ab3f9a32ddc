//! The analyst's desk as data: the filter shared by the timeline, the event table and the
//! relationship graph; timeline rows and axis ticks; the graph and its layouts; full-text search
//! (the persistent index in `fulltext`, snippets in `search`); each event's date and places in
//! flat arrays for the passes over all of them.
//!
//! Nothing here draws. Panels compute these plain values from the corpus and the filter, and
//! tests check them as data (`STYLE.md`: compute, then paint).

pub mod basemap;
pub mod facts;
mod fast_hash;
pub mod filter;
pub mod fulltext;
pub mod graph;
pub mod layout;
pub mod needle;
pub mod network;
pub mod overview;
pub mod party;
pub mod search;
pub mod time;
pub mod timeline;
