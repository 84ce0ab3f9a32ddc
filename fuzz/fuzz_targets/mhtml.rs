//! Web archives: any bytes read as an MHTML file are unpacked or refused without a panic (and
//! in time linear in their length: a slow input shows as a timeout).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = accord::ingest::unpack(bytes, accord::model::Format::Mhtml);
});
