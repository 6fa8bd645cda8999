//! The Chorus Pro flavours of UBL and CII (`ubl-chorus`, `cii-chorus`, and
//! the E2 minimal `ubl-chorus-min`, `cii-chorus-min`): every example written
//! in each is schema-valid, passes the chorus-pro profile, reads back with
//! the conventions intact, and writing again changes nothing.

mod common;

use facture::model::{Cadre, IdentifierType};
use facture::rules::chorus_pro::{ChorusPro, RecipientParameters};
use facture::{Profile, Syntax, Target};

const EXAMPLES: [&str; 4] = [
    "examples/ubl-invoice.xml",
    "examples/ubl-credit-note.xml",
    "examples/cii-invoice.xml",
    "examples/cii-credit-note.xml",
];

const TARGETS: [Target; 4] = [
    Target::UblChorus,
    Target::CiiChorus,
    Target::UblChorusMin,
    Target::CiiChorusMin,
];

fn profile() -> Profile {
    Profile::ChorusPro(ChorusPro {
        recipient: Some(RecipientParameters {
            service_code_required: true,
            engagement_required: true,
            engagement_or_service: false,
        }),
        deposit_date: facture::model::NaiveDate::from_ymd_opt(2026, 11, 25),
        ..ChorusPro::default()
    })
}

fn schema(shared: &std::path::Path, syntax: Syntax) -> std::path::PathBuf {
    match syntax {
        Syntax::UblInvoice => shared.join("schemas/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd"),
        Syntax::UblCreditNote => shared.join("schemas/ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd"),
        _ => shared.join(
            "en16931/cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd",
        ),
    }
}

#[test]
fn every_example_in_every_chorus_flavour() {
    let shared = common::shared_dir();
    let xmllint = common::has_xmllint();
    if shared.is_none() || !xmllint {
        eprintln!(
            "note: schema validation of the Chorus flavours skipped (no ../shared or xmllint)"
        );
    }
    for example in EXAMPLES {
        let bytes = std::fs::read(common::repo_file(example)).expect("example");
        let mut source = facture::read(&bytes).expect("readable");
        with_pdf(&mut source.invoice);
        for target in TARGETS {
            let name = format!("{example} → {target:?}");
            let written =
                facture::write(&source.invoice, target).unwrap_or_else(|e| panic!("{name}: {e}"));
            let back = facture::read(&written.xml).unwrap_or_else(|e| panic!("{name}: {e}"));
            // Conventions read back into the model.
            assert_eq!(back.invoice.cadre(), Some(Cadre::A1), "{name}");
            let seller = back
                .invoice
                .chorus_supplier_identifier()
                .expect("supplier id");
            assert_eq!(seller.kind, Some(IdentifierType::Siret), "{name}");
            let buyer = back.invoice.chorus_buyer_identifier().expect("buyer id");
            assert_eq!(
                (buyer.kind, buyer.value),
                (Some(IdentifierType::Siret), buyer.value),
                "{name}"
            );
            // Passes the chorus-pro profile (BR-CL-11 on scheme 1 is a warning there).
            let report = facture::validate_bytes(&written.xml, &profile()).expect("readable");
            let fatal: Vec<_> = report.fatal().map(|f| f.rule).collect();
            assert!(fatal.is_empty(), "{name}: {fatal:?}");
            // Idempotent.
            let again = facture::write(&back.invoice, target).expect("writes again");
            assert_eq!(
                String::from_utf8_lossy(&again.xml),
                String::from_utf8_lossy(&written.xml),
                "{name}"
            );
            if let (Some(shared), true) = (&shared, xmllint)
                && let Err(e) = common::xmllint_schema(&schema(shared, back.syntax), &written.xml)
            {
                panic!("{name}: not schema-valid: {e}");
            }
        }
    }
}

/// The minimal flows carry the invoice as a PDF: give one to the examples
/// that have none.
fn with_pdf(invoice: &mut facture::Invoice) {
    let has_pdf = invoice.supporting_documents.iter().any(|d| {
        d.attachment
            .as_ref()
            .is_some_and(|a| a.filename.as_deref().is_some_and(|f| f.ends_with(".pdf")))
    });
    if !has_pdf {
        invoice
            .supporting_documents
            .push(facture::model::SupportingDocument {
                reference: Some("FACTURE-PDF".into()),
                attachment: Some(facture::model::BinaryObject {
                    content: b"%PDF-1.4\n%%EOF\n".to_vec(),
                    mime_code: Some("application/pdf".into()),
                    filename: Some("facture.pdf".into()),
                }),
                ..Default::default()
            });
    }
}

#[test]
fn the_minimal_flavours_need_the_pdf() {
    let bytes = std::fs::read(common::repo_file("examples/cii-invoice.xml")).expect("example");
    let mut invoice = facture::read(&bytes).expect("readable").invoice;
    invoice.supporting_documents.clear();
    for target in [Target::UblChorusMin, Target::CiiChorusMin] {
        let e = facture::write(&invoice, target).expect_err("no PDF");
        assert!(matches!(e, facture::Error::Unwritable { .. }), "{e}");
    }
    assert!(facture::write(&invoice, Target::CiiChorus).is_ok());
}

#[test]
fn a_ubl_chorus_invoice_carries_scheme_name_1() {
    let bytes = std::fs::read(common::repo_file("examples/cii-invoice.xml")).expect("example");
    let invoice = facture::read(&bytes).expect("readable").invoice;
    let written = facture::write(&invoice, Target::UblChorus).expect("writes");
    let text = String::from_utf8(written.xml).expect("UTF-8");
    assert!(
        text.contains(r#"<cbc:ID schemeName="1">12345678200010</cbc:ID>"#),
        "{text}"
    );
    assert!(text.contains("<cbc:ProfileID>A1</cbc:ProfileID>"));
}

#[test]
fn convert_writes_the_chorus_flavours_from_the_command_line() {
    let run = |to: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_facture"))
            .args(["convert", "--to", to, "examples/ubl-invoice.xml"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("facture runs")
    };
    let cii = run("cii-chorus");
    assert_eq!(
        cii.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&cii.stderr)
    );
    let text = String::from_utf8_lossy(&cii.stdout);
    assert!(
        text.contains(r#"<ram:ID schemeID="1">12345678200010</ram:ID>"#),
        "{text}"
    );
    let ubl = run("ubl-chorus-min");
    assert_eq!(
        ubl.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ubl.stderr)
    );
    let back = facture::read(&ubl.stdout).expect("readable");
    assert_eq!(back.invoice.cadre(), Some(Cadre::A1));
    assert!(
        String::from_utf8_lossy(&ubl.stderr).contains("BG-1"),
        "minimal drops are listed"
    );
}
