//! What the UBL writer produces is valid against the OASIS UBL 2.1 XSDs,
//! for every official UBL example and this repository's fixtures.

mod common;

use facture::{Syntax, Target};
use std::path::{Path, PathBuf};

fn schema(shared: &Path, syntax: Syntax) -> PathBuf {
    let name = match syntax {
        Syntax::UblCreditNote => "UBL-CreditNote-2.1.xsd",
        _ => "UBL-Invoice-2.1.xsd",
    };
    shared.join("schemas/ubl-2.1/maindoc").join(name)
}

/// Official examples that are not themselves valid against the UBL 2.1
/// XSD. Their output is still checked: the writer only emits what the
/// binding maps, so what made the source invalid is gone.
const SOURCE_NOT_XSD_VALID: &[(&str, &str)] = &[];

fn check(shared: &Path, file: &Path, failures: &mut Vec<String>) {
    let name = file.display();
    let xml = std::fs::read(file).unwrap_or_else(|e| panic!("{name}: {e}"));
    let doc = facture::read(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    let source_valid = common::xmllint_schema(&schema(shared, doc.syntax), &xml);
    let listed = SOURCE_NOT_XSD_VALID.iter().any(|(n, _)| file.ends_with(n));
    match (&source_valid, listed) {
        (Err(e), false) => failures.push(format!("{name}: source itself not XSD-valid:\n{e}")),
        (Ok(()), true) => failures.push(format!("{name}: listed as XSD-invalid but validates")),
        _ => {}
    }
    let target = match doc.syntax {
        Syntax::UblCreditNote => Target::UblCreditNote,
        _ => Target::UblInvoice,
    };
    let written = facture::write(&doc.invoice, target).unwrap_or_else(|e| panic!("{name}: {e}"));
    if let Err(e) = common::xmllint_schema(&schema(shared, doc.syntax), &written.xml) {
        failures.push(format!(
            "{name}: written document not XSD-valid:\n{e}\n{}",
            String::from_utf8_lossy(&written.xml)
        ));
    }
}

#[test]
fn written_documents_validate_against_the_ubl_xsd() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut files = common::xml_files(&shared.join("en16931/ubl/examples"));
    files.push(common::repo_file("examples/ubl-invoice.xml"));
    files.push(common::repo_file("examples/ubl-credit-note.xml"));
    let mut failures = Vec::new();
    for file in &files {
        check(&shared, file, &mut failures);
    }
    assert!(files.len() >= 20, "only {} files", files.len());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_credit_note_model_written_as_invoice_and_back_validates() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let xml = std::fs::read(common::repo_file("examples/ubl-credit-note.xml")).unwrap();
    let doc = facture::read(&xml).unwrap();
    let as_invoice = facture::write(&doc.invoice, Target::UblInvoice).unwrap();
    common::xmllint_schema(&schema(&shared, Syntax::UblInvoice), &as_invoice.xml).unwrap();
    let back = facture::read(&as_invoice.xml).unwrap();
    assert_eq!(back.syntax, Syntax::UblInvoice);
    assert_eq!(back.invoice, doc.invoice);
}
