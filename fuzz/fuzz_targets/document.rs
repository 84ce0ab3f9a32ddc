//! The whole per-file pipeline (decode, HTML, cleaning, metadata, extraction) on any bytes, as
//! text and as a page.
#![no_main]

use std::path::PathBuf;

use accord::model::{DocPath, Format, SourceId};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for format in [Format::Text, Format::Html] {
        let path = DocPath {
            source: SourceId(0),
            path: PathBuf::from("fuzz"),
            relative: "fuzz".to_owned(),
        };
        let _ = accord::ingest::read_document(bytes, format, path);
    }
});
