#![no_main]
//! Any bytes as a Factur-X PDF: extraction, validation of what was
//! extracted, and embedding an invoice into them. An error is fine; a
//! panic, hang or runaway allocation is not (streams are bounded at 1 MiB).
use facture::syntax::facturx::{self, EmbedOptions};

const INVOICE: &[u8] = include_bytes!("../../examples/cii-invoice.xml");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let limits = facture::Limits {
        max_input_bytes: 1 << 20,
        max_pdf_stream_bytes: 1 << 20,
        ..facture::Limits::default()
    };
    if facturx::extract(data, &limits).is_ok() {
        let _ =
            facture::rules::validate_bytes_with_limits(data, &facture::Profile::En16931, &limits);
    }
    let options = EmbedOptions {
        limits,
        ..EmbedOptions::default()
    };
    if let Ok(pdf) = facturx::embed(data, INVOICE, &options) {
        let again = facturx::extract(&pdf, &facture::Limits::default());
        assert!(again.is_ok_and(|x| x.xml == INVOICE), "embed then extract");
    }
});
