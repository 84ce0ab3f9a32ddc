//! The PDF reader on any bytes: a malformed file may be refused, never panic past the reader,
//! hang the caller beyond the read timeout or unpack without limit.
//!
//! `pdf-extract` panics on some files (an unsupported CMap, a bad font); the reader catches that
//! and reports the file as damaged. libFuzzer's panic hook aborts on every panic, caught or
//! not, so it is replaced by a quiet one: a panic that escapes the reader still aborts, at the
//! `extern "C"` boundary of the fuzz target.
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;

static QUIET_PANICS: Once = Once::new();

fuzz_target!(|bytes: &[u8]| {
    QUIET_PANICS.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let _ = accord::ingest::unpack(bytes, accord::model::Format::Pdf);
});
