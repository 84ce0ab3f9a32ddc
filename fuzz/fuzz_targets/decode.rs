//! Bytes to text: any bytes either decode or give a reason, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = accord::ingest::decode(bytes, None);
    let _ = accord::ingest::decode(bytes, Some(encoding_rs::GBK));
});
