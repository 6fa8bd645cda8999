#![no_main]
//! Fuzz target `cpp_mixte`: see `entry::cpp_mixte`.
#[path = "entry.rs"]
mod entry;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry::cpp_mixte(data));
