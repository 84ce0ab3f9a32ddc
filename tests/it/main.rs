//! Accord's integration tests, as one binary: each file of this folder is a module, so the
//! whole app is linked once for all of them rather than once per file (on a 2-core machine the
//! links were most of a clean `cargo test`). Helpers more than one file needs are in `util`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test code: a failed unwrap is a failed test.

mod util;

mod bad_input;
mod desk;
mod export;
mod export_golden;
mod extraction;
mod extraction_file;
mod icons;
mod layers;
mod notebook_crash;
mod notebook_roundtrip;
mod notes_ui;
mod score;
mod seeds;
mod split;
mod ui;
