#![no_main]
//! Fuzz target `facturx`: see `entry::facturx`.
#[path = "entry.rs"]
mod entry;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry::facturx(data));
