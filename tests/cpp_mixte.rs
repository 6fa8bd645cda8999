//! CPPFactureMixte (E2, `IN_DP_E2_CPP_FACTURE_MIN`): the AIFE sample reads
//! and writes back; UBL and CII invoices survive a trip through it.

mod common;

use common::{repo_file, shared_dir};
use facture::model::*;
use facture::syntax::cpp_mixte;
use facture::syntax::cpp_pivot::{FlowInvoice, PlatformData};
use facture::{Syntax, Target};

fn read_all(bytes: &[u8]) -> Vec<FlowInvoice> {
    cpp_mixte::read_flow(bytes).unwrap()
}

#[test]
fn the_aife_sample_reads_and_writes_back() {
    let Some(shared) = shared_dir() else { return };
    let bytes = std::fs::read(
        shared.join("chorus-pro/samples/e2-cpp/Facture-IN_DP_E2_CPP_FACTURE_MIN.xml"),
    )
    .unwrap();
    let doc = facture::read(&bytes).unwrap();
    assert_eq!(doc.syntax, Syntax::CppMixte);
    assert!(doc.ignored.is_empty(), "{:?}", doc.ignored);
    let inv = &doc.invoice;
    assert_eq!(inv.number.as_deref(), Some("FAC19-2512"));
    assert_eq!(inv.type_code, Some(InvoiceTypeCode::CommercialInvoice));
    assert_eq!(inv.process.business_process.as_deref(), Some("A1"));
    assert_eq!(inv.issue_date, NaiveDate::from_ymd_opt(2019, 3, 21));
    assert_eq!(inv.seller.name.as_deref(), Some("OST-DEVELOPPEMENT"));
    assert_eq!(
        inv.buyer.identifier,
        Some(Identifier::with_scheme("00000000000727", "1"))
    );
    assert_eq!(inv.buyer_reference.as_deref(), Some("EJ"));
    assert_eq!(
        inv.payment.as_ref().unwrap().means_code,
        Some(PaymentMeansCode::from("01"))
    );
    assert_eq!(
        inv.totals.tax_inclusive_amount,
        Some("873.99".parse().unwrap())
    );
    assert_eq!(inv.vat_breakdown.len(), 1, "TVAS is the VAT wrapper");
    assert_eq!(inv.purchase_order_reference.as_deref(), Some("3004564"));
    // The invoice itself: BG-24 with the file, known by the invoice number.
    let pj = &inv.supporting_documents[0];
    assert_eq!(pj.reference.as_deref(), Some("FAC19-2512"));
    let file = pj.attachment.as_ref().unwrap();
    assert!(file.content.len() > 100_000);
    assert_eq!(file.mime_code.as_ref().unwrap().code(), "application/pdf");

    let all = read_all(&bytes);
    let platform = &all[0].platform;
    assert_eq!(platform.service_name.as_deref(), Some("Raison Sociale"));
    assert_eq!(platform.attachments[0].kind.as_deref(), Some("01"));
    let written = cpp_mixte::write(inv, platform).unwrap();
    assert!(written.dropped.is_empty(), "{:?}", written.dropped);
    let back = read_all(&written.xml);
    assert_eq!(back[0].document.invoice, *inv);
    assert_eq!(back[0].platform, *platform);
    assert_eq!(back[0].document.syntax, Syntax::CppMixte);
    // Element names and order as in the sample.
    let text = String::from_utf8(written.xml).unwrap();
    let order = [
        "<CPPFactureMixte ",
        "<Enveloppe>",
        "<CPPFactures Compteur=\"1\">",
        "<CPPFactureMixteUnitaire NumOrdre=\"1\">",
        "<Fournisseur>",
        "<Debiteur>",
        "<DonneesFacture>",
        "<ModePaiement>",
        "<Devise>",
        "<Montants>",
        "<TVAS>",
        "<Engagement>",
        "<PJ NumOrdre=\"1\">",
        "<TypePJ>01</TypePJ>",
    ];
    let mut at = 0;
    for tag in order {
        let found = text[at..]
            .find(tag)
            .unwrap_or_else(|| panic!("{tag} after {at}"));
        at += found;
    }
    assert!(!text.contains("ModeEmission") && !text.contains("DateReception"));
}

fn example(name: &str) -> Vec<u8> {
    std::fs::read(repo_file(&format!("examples/{name}.xml"))).unwrap()
}

#[test]
fn ubl_and_cii_survive_a_trip_through_cpp_facture_mixte() {
    for name in [
        "ubl-invoice",
        "ubl-credit-note",
        "cii-invoice",
        "cii-credit-note",
    ] {
        let bytes = example(name);
        let source = facture::read(&bytes).unwrap();
        let original = &source.invoice;
        let mixte = facture::convert(&bytes, Target::CppMixte).unwrap();
        // What the mixed flow cannot carry is said, not lost silently.
        if !original.lines.is_empty() {
            assert!(
                mixte.dropped.iter().any(|d| d.term.to_string() == "/BG-25"),
                "{name}: {:?}",
                mixte.dropped
            );
        }
        let back_target = if source.syntax == Syntax::Cii {
            Target::Cii
        } else {
            Target::Ubl
        };
        let back_xml = facture::convert(&mixte.xml, back_target).unwrap();
        let back = facture::read(&back_xml.xml).unwrap().invoice;
        assert_eq!(back.number, original.number, "{name}");
        assert_eq!(back.issue_date, original.issue_date, "{name}");
        assert_eq!(back.type_code, original.type_code, "{name}");
        assert_eq!(back.currency, original.currency, "{name}");
        assert_eq!(
            back.process.business_process,
            original.process.business_process
        );
        // Parties: names, the SIRETs (scheme 0009 becomes the Chorus type 1),
        // the service code, the supplier's country.
        assert_eq!(back.seller.name, original.seller.name, "{name}");
        assert_eq!(back.buyer.name, original.buyer.name, "{name}");
        let siret = |ids: &[Identifier]| {
            ids.iter()
                .find(|i| matches!(i.scheme.as_deref(), Some("0009" | "1")))
                .map(|i| i.value.clone())
        };
        assert_eq!(
            siret(&back.seller.identifiers),
            siret(&original.seller.identifiers),
            "{name}"
        );
        assert_eq!(
            back.buyer.identifier.as_ref().map(|i| &i.value),
            original.buyer.identifier.as_ref().map(|i| &i.value),
            "{name}"
        );
        assert_eq!(back.buyer_reference, original.buyer_reference, "{name}");
        assert_eq!(
            back.seller.address.as_ref().and_then(|a| a.country.clone()),
            original
                .seller
                .address
                .as_ref()
                .and_then(|a| a.country.clone())
        );
        // Totals.
        let (b, o) = (&back.totals, &original.totals);
        assert_eq!(b.tax_exclusive_amount, o.tax_exclusive_amount, "{name}");
        assert_eq!(b.tax_inclusive_amount, o.tax_inclusive_amount, "{name}");
        assert_eq!(b.amount_due, o.amount_due, "{name}");
        assert_eq!(b.tax_amount, o.tax_amount, "{name}");
        // VAT breakdown: amounts, rates, and the S category.
        assert_eq!(back.vat_breakdown.len(), original.vat_breakdown.len());
        for (b, o) in back.vat_breakdown.iter().zip(&original.vat_breakdown) {
            assert_eq!(b.taxable_amount, o.taxable_amount, "{name}");
            assert_eq!(b.tax_amount, o.tax_amount, "{name}");
            assert_eq!(b.rate, o.rate, "{name}");
            if o.category == Some(VatCategoryCode::Standard) {
                assert_eq!(b.category, o.category, "{name}");
            }
        }
        // References.
        assert_eq!(back.contract_reference, original.contract_reference);
        assert_eq!(
            back.purchase_order_reference,
            original.purchase_order_reference
        );
        assert_eq!(
            back.preceding_invoices
                .first()
                .and_then(|p| p.number.clone()),
            original
                .preceding_invoices
                .first()
                .and_then(|p| p.number.clone()),
            "{name}"
        );
        // Attached files keep their bytes, type and name.
        let files = |inv: &Invoice| -> Vec<BinaryObject> {
            inv.supporting_documents
                .iter()
                .filter_map(|d| d.attachment.clone())
                .collect()
        };
        assert_eq!(files(&back), files(original), "{name}");
    }
}

#[test]
fn the_invoice_pdf_is_type_01_and_others_type_02() {
    let invoice = Invoice {
        number: Some("F-9".into()),
        supporting_documents: vec![
            SupportingDocument {
                reference: Some("F-9".into()),
                attachment: Some(BinaryObject {
                    content: b"%PDF-1.4 invoice".to_vec(),
                    mime_code: Some(MimeCode::from("application/pdf")),
                    filename: Some("F-9.pdf".into()),
                }),
                ..SupportingDocument::default()
            },
            SupportingDocument {
                reference: Some("annexe.pdf".into()),
                attachment: Some(BinaryObject {
                    content: b"%PDF-1.4 annex".to_vec(),
                    mime_code: Some(MimeCode::from("application/pdf")),
                    filename: Some("annexe.pdf".into()),
                }),
                ..SupportingDocument::default()
            },
            SupportingDocument {
                reference: Some("URL".into()),
                external_location: Some("https://example.org/x".into()),
                ..SupportingDocument::default()
            },
        ],
        ..Invoice::default()
    };
    let written = cpp_mixte::write(&invoice, &PlatformData::default()).unwrap();
    let text = String::from_utf8(written.xml.clone()).unwrap();
    assert_eq!(text.matches("<TypePJ>01</TypePJ>").count(), 1);
    assert_eq!(text.matches("<TypePJ>02</TypePJ>").count(), 1);
    let dropped: Vec<String> = written.dropped.iter().map(|d| d.term.to_string()).collect();
    assert!(dropped.contains(&"/BG-24[3]".to_owned()), "{dropped:?}");
    let back = facture::read(&written.xml).unwrap().invoice;
    assert_eq!(back.supporting_documents, invoice.supporting_documents[..2]);
}

#[test]
fn platform_only_data_is_reported_when_the_mixed_flow_cannot_carry_it() {
    let platform = PlatformData {
        emission_mode: Some("flux".into()),
        cpro_id: Some("42".into()),
        ..PlatformData::default()
    };
    let written = cpp_mixte::write(&Invoice::default(), &platform).unwrap();
    let reasons: Vec<&str> = written.dropped.iter().map(|d| d.reason.as_str()).collect();
    assert!(
        reasons.iter().any(|r| r.contains("ModeEmission")),
        "{reasons:?}"
    );
    assert!(reasons.iter().any(|r| r.contains("IdCPRO")), "{reasons:?}");
}
