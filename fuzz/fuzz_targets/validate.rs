#![no_main]
//! Any bytes into the whole validation (reader, syntax rules, business
//! rules, code lists, report): an error or any verdict is fine, a panic,
//! hang or runaway allocation is not.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = facture::validate_bytes(data, &facture::Profile::En16931);
});
