#![no_main]
//! Fuzz target `ubl`: see `entry::ubl`.
#[path = "entry.rs"]
mod entry;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry::ubl(data));
