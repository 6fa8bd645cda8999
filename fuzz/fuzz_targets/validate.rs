#![no_main]
//! Fuzz target `validate`: see `entry::validate`.
#[path = "entry.rs"]
mod entry;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry::validate(data));
