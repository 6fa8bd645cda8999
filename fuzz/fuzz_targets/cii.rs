#![no_main]
//! Fuzz target `cii`: see `entry::cii`.
#[path = "entry.rs"]
mod entry;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry::cii(data));
