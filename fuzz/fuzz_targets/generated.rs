#![no_main]
//! Raw bytes drive `facture::generate` (the `arbitrary` implementation):
//! every generated invoice must be written, read back unchanged and found
//! valid in both UBL and CII. A failure is a bug in a writer, a reader, a
//! rule or the generator.
use facture::generate::GeneratedInvoice;
use facture::{Profile, Target};

libfuzzer_sys::fuzz_target!(|generated: GeneratedInvoice| {
    let invoice = generated.0;
    for target in [Target::Ubl, Target::Cii] {
        let written = facture::write(&invoice, target).expect("a generated invoice is writable");
        assert!(
            written.dropped.is_empty(),
            "{target:?} dropped {:?}",
            written.dropped
        );
        let report = facture::validate_bytes(&written.xml, &Profile::En16931)
            .expect("a written invoice is readable");
        assert!(report.is_valid(), "{target:?}: {:?}", report.fired());
        let back = facture::read(&written.xml).expect("readable").invoice;
        assert_eq!(back.lines.len(), invoice.lines.len());
        assert_eq!(back.totals, invoice.totals);
    }
});
