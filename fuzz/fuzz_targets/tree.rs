#![no_main]
//! Fuzz target `tree`: see `entry::tree`.
#[path = "entry.rs"]
mod entry;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry::tree(data));
