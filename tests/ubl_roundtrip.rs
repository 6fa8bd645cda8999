//! Round trip through the UBL syntax: read → write → read gives the same
//! model, for the official examples, the UBL unit-test documents of the
//! EN 16931 artefacts, their test files, and this repository's fixtures.

mod common;

use facture::{Error, Syntax, Target};
use std::path::{Path, PathBuf};

/// Documents of the unit tests that cannot be read, and why: each is a
/// test whose point is a value the reader refuses.
const UNREADABLE: &[(&str, &str)] = &[
    (
        "Invoice-unit-UBL/BR-03.xml#1",
        "issue date `123` is not a date",
    ),
    (
        "CreditNote-unit-UBL/BR-03.xml#1",
        "issue date `123` is not a date",
    ),
    (
        "Invoice-unit-UBL/BR-CL-23.xml#1",
        "empty cbc:InvoicedQuantity is not a decimal",
    ),
    (
        "Invoice-unit-UBL/BR-CL-23.xml#2",
        "empty cbc:InvoicedQuantity is not a decimal",
    ),
    (
        "Invoice-unit-UBL/BR-IC-11.xml#3",
        "empty cbc:ActualDeliveryDate is not a date",
    ),
    (
        "Invoice-unit-UBL/BR-IC-11.xml#5",
        "empty cbc:ActualDeliveryDate is not a date",
    ),
    (
        "Invoice-unit-UBL/BR-IC-11.xml#6",
        "empty cbc:ActualDeliveryDate is not a date",
    ),
];

fn round_trip(name: &str, xml: &[u8]) -> Result<(), String> {
    let first = facture::read(xml).map_err(|e| format!("read: {e}"))?;
    let target = match first.syntax {
        Syntax::UblCreditNote => Target::UblCreditNote,
        _ => Target::UblInvoice,
    };
    let written = facture::write(&first.invoice, target).map_err(|e| format!("write: {e}"))?;
    let mut second = facture::read(&written.xml)
        .map_err(|e| format!("re-read: {e}\n{}", String::from_utf8_lossy(&written.xml)))?;
    // A breakdown without BT-110 gets the sum of BT-117 written (UBL needs a
    // cbc:TaxAmount there); the writer says so, and only then may it differ.
    let derived_110 = written
        .dropped
        .iter()
        .any(|d| d.term.to_string() == "/BT-110");
    if derived_110 && first.invoice.totals.tax_amount.is_none() {
        second.invoice.totals.tax_amount = None;
    }
    if second.invoice != first.invoice {
        return Err(format!(
            "model differs after the round trip\nfirst:  {:?}\nsecond: {:?}",
            first.invoice, second.invoice
        ));
    }
    if second.syntax != first.syntax {
        return Err(format!("{name}: syntax changed"));
    }
    Ok(())
}

fn corpus_files(shared: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in [
        "en16931/ubl/examples",
        "en16931/test/Invoice-unit-UBL",
        "en16931/test/CreditNote-unit-UBL",
        "en16931/test/testfiles",
    ] {
        files.extend(common::xml_files(&shared.join(dir)));
    }
    files
}

#[test]
fn shared_corpus_round_trips() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut failures = Vec::new();
    let mut count = 0;
    let mut unreadable_seen = 0;
    for file in corpus_files(&shared) {
        for doc in common::documents_of(&file) {
            let (name, xml) = (doc.name, doc.xml);
            count += 1;
            if UNREADABLE.iter().any(|(n, _)| name.ends_with(n)) {
                unreadable_seen += 1;
                match facture::read(xml.as_bytes()) {
                    Err(Error::InvalidValue { .. }) => {}
                    other => failures.push(format!("{name}: expected InvalidValue, got {other:?}")),
                }
                continue;
            }
            if let Err(e) = round_trip(&name, xml.as_bytes()) {
                failures.push(format!("{name}: {e}"));
            }
        }
    }
    assert!(count > 250, "only {count} UBL documents found");
    assert_eq!(
        unreadable_seen,
        UNREADABLE.len(),
        "an UNREADABLE entry names no document"
    );
    assert!(
        failures.is_empty(),
        "{} of {count} failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn fixtures_round_trip() {
    for fixture in ["examples/ubl-invoice.xml", "examples/ubl-credit-note.xml"] {
        let xml = std::fs::read(common::repo_file(fixture)).unwrap();
        round_trip(fixture, &xml).unwrap_or_else(|e| panic!("{fixture}: {e}"));
    }
}
