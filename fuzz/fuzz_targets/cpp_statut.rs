#![no_main]
//! Fuzz target `cpp_statut`: see `entry::cpp_statut`.
#[path = "entry.rs"]
mod entry;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry::cpp_statut(data));
