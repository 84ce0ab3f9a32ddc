//! Accord: a desktop reader for news on regional economic cooperation in China.
//!
//! The domain core ([`model`], [`extract`], [`ingest`], [`desk`], [`notebook`], [`export`],
//! [`view`]) knows nothing of egui and is tested without a window; [`state`] holds what the app
//! knows and changes it through commands; [`ui`] draws; [`app`] ties them to eframe; [`cli`] is
//! the command line over the same pipeline. Each module uses only those below it
//! (`tools/check-layers`, ARCHITECTURE.md's "Shape").

/// Extraction allocates many small, short-lived values (a page's mentions, clauses and
/// candidates); mimalloc serves them faster than the system allocator (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod app;
pub mod cli;
pub mod desk;
pub mod export;
pub mod extract;
pub mod files;
pub mod font;
pub mod ingest;
pub mod journal;
pub mod model;
pub mod notebook;
pub mod pattern;
pub mod screenshot;
pub mod seeds;
pub mod state;
pub mod ui;
pub mod view;
