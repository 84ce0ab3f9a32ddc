//! The notebook reader: any file either reads or says where it is damaged, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = accord::notebook::parse_bytes(bytes);
});
