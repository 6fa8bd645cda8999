#![no_main]
//! Fuzz target `cpp_pivot`: see `entry::cpp_pivot`.
#[path = "entry.rs"]
mod entry;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry::cpp_pivot(data));
