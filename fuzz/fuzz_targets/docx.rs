//! The Word reader on any bytes: a damaged or hostile zip (a bomb, a lying directory, XML
//! nested deep) must come back as a skip reason, never a panic or a runaway allocation.
#![no_main]

use accord::model::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = accord::ingest::unpack(bytes, Format::Docx);
});
