//! Saved pages to text: any markup converts without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = accord::ingest::html_to_text(&String::from_utf8_lossy(bytes));
});
