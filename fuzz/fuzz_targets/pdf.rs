//! The PDF reader on any bytes: a malformed file may be refused, never panic past the reader,
//! hang the caller beyond the read timeout or unpack without limit.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = accord::ingest::unpack(bytes, accord::model::Format::Pdf);
});
