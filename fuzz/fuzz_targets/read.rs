#![no_main]
//! Fuzz target `read`: see `entry::read`.
#[path = "entry.rs"]
mod entry;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry::read(data));
