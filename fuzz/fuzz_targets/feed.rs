//! The feed reader on any bytes: malformed XML, repaired entities, odd dates and encodings
//! must come back as items or a skip reason, never a panic.
#![no_main]

use accord::model::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = accord::ingest::unpack(bytes, Format::Feed);
});
