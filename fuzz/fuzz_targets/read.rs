#![no_main]
//! Any bytes into the syntax detector and readers: an error is fine, a
//! panic, hang or runaway allocation is not. A successful read must also
//! convert to both syntaxes without panicking.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = facture::read(data) {
        let _ = facture::write(&doc.invoice, facture::Target::Ubl);
        let _ = facture::write(&doc.invoice, facture::Target::Cii);
    }
});
