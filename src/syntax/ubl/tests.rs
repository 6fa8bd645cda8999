//! Unit tests of the tricky parts of the UBL binding, each on a small
//! hand-written document.

use super::{Root, write};
use crate::Error;
use crate::model::*;
use crate::syntax::{Document, read};

const NS: &str = r#"xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2""#;

fn invoice(body: &str) -> String {
    format!(
        "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" {NS}>\n{body}\n</Invoice>"
    )
}

fn credit_note(body: &str) -> String {
    format!(
        "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\" {NS}>\n{body}\n</CreditNote>"
    )
}

fn read_ok(xml: &str) -> Document {
    read(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{xml}"))
}

/// Reads, writes with `root`, reads again, and checks the model held.
fn round_trip(doc: &Document, root: Root) -> Document {
    let written = write(&doc.invoice, root).unwrap();
    let text = String::from_utf8(written.xml).unwrap();
    let again = read_ok(&text);
    assert_eq!(again.invoice, doc.invoice, "{text}");
    again
}

fn path(s: &[(Term, u32)]) -> TermPath {
    s.iter().fold(TermPath::root(), |p, (t, i)| {
        if *i == 0 { p.child(*t) } else { p.nth(*t, *i) }
    })
}

#[test]
fn bt_111_is_the_tax_total_in_the_accounting_currency() {
    let doc = read_ok(&invoice(
        r#"<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
<cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>
<cac:TaxTotal><cbc:TaxAmount currencyID="SEK">2.30</cbc:TaxAmount></cac:TaxTotal>
<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">0.20</cbc:TaxAmount>
  <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">1.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">0.20</cbc:TaxAmount>
  <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>
</cac:TaxTotal>"#,
    ));
    let t = &doc.invoice.totals;
    assert_eq!(t.tax_amount.map(|d| d.to_string()).as_deref(), Some("0.20"));
    let acc = t.tax_amount_accounting.as_ref().unwrap();
    assert_eq!(acc.amount.to_string(), "2.30");
    assert_eq!(acc.currency.as_ref().map(|c| c.code()), Some("SEK"));
    assert_eq!(doc.invoice.vat_breakdown.len(), 1);
    assert!(doc.ignored.is_empty(), "{:?}", doc.ignored);
    // Written back: BT-110 first (in EUR), then BT-111 in SEK.
    let written = String::from_utf8(write(&doc.invoice, Root::Invoice).unwrap().xml).unwrap();
    let eur = written
        .find(r#"<cbc:TaxAmount currencyID="EUR">0.20"#)
        .unwrap();
    let sek = written
        .find(r#"<cbc:TaxAmount currencyID="SEK">2.30"#)
        .unwrap();
    assert!(eur < sek);
    round_trip(&doc, Root::Invoice);
}

#[test]
fn bt_111_in_the_same_currency_is_the_second_total() {
    let doc = read_ok(&invoice(
        r#"<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
<cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>
<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">5.00</cbc:TaxAmount></cac:TaxTotal>
<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">5.00</cbc:TaxAmount></cac:TaxTotal>"#,
    ));
    let t = &doc.invoice.totals;
    assert!(t.tax_amount.is_some());
    assert!(t.tax_amount_accounting.is_some());
    round_trip(&doc, Root::Invoice);
}

#[test]
fn bt_90_is_a_sepa_party_identification_not_a_bt_29() {
    let doc = read_ok(&invoice(
        r#"<cac:AccountingSupplierParty><cac:Party>
<cac:PartyIdentification><cbc:ID schemeID="0009">12345678200010</cbc:ID></cac:PartyIdentification>
<cac:PartyIdentification><cbc:ID schemeID="SEPA">FR12ZZZ123456</cbc:ID></cac:PartyIdentification>
<cac:PartyIdentification><cbc:ID>LOCAL-7</cbc:ID></cac:PartyIdentification>
</cac:Party></cac:AccountingSupplierParty>
<cac:PaymentMeans><cbc:PaymentMeansCode>59</cbc:PaymentMeansCode>
<cac:PaymentMandate><cbc:ID>MANDATE-1</cbc:ID><cac:PayerFinancialAccount><cbc:ID>FR7612345</cbc:ID></cac:PayerFinancialAccount></cac:PaymentMandate>
</cac:PaymentMeans>"#,
    ));
    let seller = &doc.invoice.seller;
    assert_eq!(seller.identifiers.len(), 2);
    assert_eq!(
        seller.identifiers[0],
        Identifier::with_scheme("12345678200010", "0009")
    );
    assert_eq!(seller.identifiers[1], Identifier::new("LOCAL-7"));
    let debit = doc
        .invoice
        .payment
        .as_ref()
        .and_then(|p| p.direct_debit.as_ref())
        .unwrap();
    assert_eq!(debit.creditor_id.as_deref(), Some("FR12ZZZ123456"));
    assert_eq!(debit.mandate_reference.as_deref(), Some("MANDATE-1"));
    assert_eq!(debit.debited_account_id.as_deref(), Some("FR7612345"));
    let bt90 = path(&[(Term::bg(16), 0), (Term::bg(19), 0), (Term::bt(90), 0)]);
    assert!(doc.source_map.span(&bt90).is_some());
    let bt29_2 = path(&[(Term::bg(4), 0), (Term::bt(29), 2)]);
    assert!(doc.source_map.span(&bt29_2).is_some());
    round_trip(&doc, Root::Invoice);
}

#[test]
fn bt_90_of_the_payee_is_read_and_written_with_the_payee() {
    let doc = read_ok(&invoice(
        r#"<cac:PayeeParty>
<cac:PartyIdentification><cbc:ID schemeID="SEPA">FR99ZZZ000001</cbc:ID></cac:PartyIdentification>
<cac:PartyName><cbc:Name>Factor</cbc:Name></cac:PartyName>
</cac:PayeeParty>"#,
    ));
    let payee = doc.invoice.payee.as_ref().unwrap();
    assert_eq!(payee.identifier, None);
    let debit = doc
        .invoice
        .payment
        .as_ref()
        .and_then(|p| p.direct_debit.as_ref())
        .unwrap();
    assert_eq!(debit.creditor_id.as_deref(), Some("FR99ZZZ000001"));
    let written = String::from_utf8(write(&doc.invoice, Root::Invoice).unwrap().xml).unwrap();
    let payee_at = written.find("<cac:PayeeParty>").unwrap();
    assert!(written.find(r#"schemeID="SEPA""#).unwrap() > payee_at);
    round_trip(&doc, Root::Invoice);
}

#[test]
fn bt_18_is_the_additional_document_of_type_130_others_are_bg_24() {
    let doc = read_ok(&invoice(
        r#"<cac:AdditionalDocumentReference><cbc:ID>DOC-1</cbc:ID><cbc:DocumentDescription>Timesheet</cbc:DocumentDescription></cac:AdditionalDocumentReference>
<cac:AdditionalDocumentReference><cbc:ID schemeID="AAG">OBJ-9</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>
<cac:AdditionalDocumentReference><cbc:ID>DOC-2</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="text/csv" filename="a.csv">YSxiCg==</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>
<cac:AdditionalDocumentReference><cbc:ID>PRJ</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>"#,
    ));
    let inv = &doc.invoice;
    assert_eq!(
        inv.invoiced_object_id,
        Some(Identifier::with_scheme("OBJ-9", "AAG"))
    );
    // In an Invoice, type 50 is no project reference (that is cac:ProjectReference).
    assert_eq!(inv.project_reference, None);
    assert_eq!(inv.supporting_documents.len(), 3);
    assert_eq!(
        inv.supporting_documents[0].description.as_deref(),
        Some("Timesheet")
    );
    let attachment = inv.supporting_documents[1].attachment.as_ref().unwrap();
    assert_eq!(attachment.content, b"a,b\n");
    assert_eq!(
        attachment.mime_code.as_ref().map(|m| m.code()),
        Some("text/csv")
    );
    assert_eq!(attachment.filename.as_deref(), Some("a.csv"));
    // The type code 50 of the third BG-24 has no place in the model.
    assert_eq!(doc.ignored.len(), 1);
    assert!(
        doc.ignored[0].element.ends_with("cbc:DocumentTypeCode[1]"),
        "{:?}",
        doc.ignored
    );
    let bt125 = path(&[(Term::bg(24), 2), (Term::bt(125), 0)]);
    assert!(doc.source_map.span(&bt125).is_some());
}

#[test]
fn credit_note_differences() {
    let doc = read_ok(&credit_note(
        r#"<cbc:ID>CN-1</cbc:ID>
<cbc:TaxPointDate>2026-01-31</cbc:TaxPointDate>
<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
<cac:AdditionalDocumentReference><cbc:ID>PRJ-7</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>
<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentDueDate>2026-02-28</cbc:PaymentDueDate></cac:PaymentMeans>
<cac:CreditNoteLine><cbc:ID>1</cbc:ID><cbc:CreditedQuantity unitCode="C62">2</cbc:CreditedQuantity></cac:CreditNoteLine>"#,
    ));
    let inv = &doc.invoice;
    assert_eq!(inv.type_code, Some(InvoiceTypeCode::CreditNote));
    assert_eq!(inv.due_date, NaiveDate::from_ymd_opt(2026, 2, 28));
    assert_eq!(inv.project_reference.as_deref(), Some("PRJ-7"));
    assert_eq!(
        inv.lines[0].quantity.map(|q| q.to_string()).as_deref(),
        Some("2")
    );
    assert_eq!(inv.lines[0].unit_code, Some(UnitCode::from("C62")));
    assert!(doc.ignored.is_empty(), "{:?}", doc.ignored);

    let written = String::from_utf8(write(inv, Root::CreditNote).unwrap().xml).unwrap();
    assert!(!written.contains("cbc:DueDate"));
    assert!(!written.contains("cac:ProjectReference"));
    assert!(written.contains("<cbc:PaymentDueDate>2026-02-28</cbc:PaymentDueDate>"));
    assert!(written.contains(r#"<cbc:CreditedQuantity unitCode="C62">2</cbc:CreditedQuantity>"#));
    // The XSD puts TaxPointDate before the type code in a CreditNote.
    assert!(
        written.find("cbc:TaxPointDate").unwrap() < written.find("cbc:CreditNoteTypeCode").unwrap()
    );
    round_trip(&doc, Root::CreditNote);

    // The same model as an Invoice uses the Invoice's elements.
    let as_invoice = String::from_utf8(write(inv, Root::Invoice).unwrap().xml).unwrap();
    assert!(as_invoice.contains("<cbc:DueDate>2026-02-28</cbc:DueDate>"));
    assert!(as_invoice.contains("<cac:ProjectReference>"));
    assert!(as_invoice.contains("<cbc:InvoicedQuantity"));
    assert!(
        as_invoice.find("cbc:InvoiceTypeCode").unwrap()
            < as_invoice.find("cbc:TaxPointDate").unwrap()
    );
    round_trip(&doc, Root::Invoice);
}

#[test]
fn invoice_elements_in_a_credit_note_are_ignored_not_mapped() {
    let doc = read_ok(&credit_note(
        "<cbc:DueDate>2026-01-01</cbc:DueDate><cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode><cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:InvoicedQuantity unitCode=\"C62\">2</cbc:InvoicedQuantity></cac:InvoiceLine>",
    ));
    assert_eq!(doc.ignored.len(), 2);
    // Lines are the exception: the official rules read
    // `cac:InvoiceLine | cac:CreditNoteLine` (and either quantity) in both
    // documents, so the model keeps them for the rules to see.
    assert_eq!(doc.invoice.lines.len(), 1);
    assert_eq!(doc.invoice.lines[0].id.as_deref(), Some("1"));
    assert_eq!(
        doc.invoice.lines[0]
            .quantity
            .map(|q| q.to_string())
            .as_deref(),
        Some("2")
    );
    let mut without_lines = doc.invoice.clone();
    without_lines.lines.clear();
    assert_eq!(without_lines, Invoice::default());
}

#[test]
fn unmapped_elements_are_reported_with_their_location() {
    let doc = read_ok(&invoice(
        r#"<cbc:UBLVersionID>2.1</cbc:UBLVersionID>
<cbc:ID>F-1</cbc:ID>
<cac:Signature><cbc:ID>sig</cbc:ID></cac:Signature>
<cac:AccountingSupplierParty><cac:Party><cbc:WebsiteURI>https://x.example</cbc:WebsiteURI></cac:Party></cac:AccountingSupplierParty>
<cbc:Note>one</cbc:Note>"#,
    ));
    let ignored: Vec<&str> = doc.ignored.iter().map(|i| i.element.as_str()).collect();
    assert_eq!(
        ignored,
        [
            "/Invoice/cbc:UBLVersionID[1]",
            "/Invoice/cac:Signature[1]",
            "/Invoice/cac:AccountingSupplierParty[1]/cac:Party[1]/cbc:WebsiteURI[1]",
        ]
    );
    assert_eq!(doc.invoice.number.as_deref(), Some("F-1"));
}

#[test]
fn positions_are_recorded_for_each_value() {
    let text = invoice(
        r#"<cbc:ID>F-1</cbc:ID>
<cac:InvoiceLine><cbc:ID>1</cbc:ID>
  <cbc:LineExtensionAmount currencyID="EUR">10.00</cbc:LineExtensionAmount>
</cac:InvoiceLine>
<cac:InvoiceLine><cbc:ID>2</cbc:ID>
  <cbc:LineExtensionAmount currencyID="EUR">20.00</cbc:LineExtensionAmount>
</cac:InvoiceLine>"#,
    );
    let doc = read_ok(&text);
    let bt1 = TermPath::of(Term::bt(1));
    assert_eq!(
        doc.source_map.position(&text, &bt1),
        Some(TextPos { line: 2, column: 1 })
    );
    let bt131 = TermPath::root().nth(Term::bg(25), 2).child(Term::bt(131));
    assert_eq!(
        doc.source_map.position(&text, &bt131),
        Some(TextPos { line: 7, column: 3 })
    );
    assert_eq!(bt131.to_string(), "/BG-25[2]/BT-131");
}

#[test]
fn a_comma_decimal_is_a_typed_error_with_its_position() {
    let text = invoice(
        "<cac:LegalMonetaryTotal>\n  <cbc:PayableAmount currencyID=\"EUR\">12,50</cbc:PayableAmount>\n</cac:LegalMonetaryTotal>",
    );
    match read(text.as_bytes()) {
        Err(Error::InvalidValue {
            kind,
            value,
            element,
            pos,
            ..
        }) => {
            assert_eq!(kind, "decimal");
            assert_eq!(value, "12,50");
            assert_eq!(element, "cbc:PayableAmount");
            assert_eq!(
                pos,
                TextPos {
                    line: 3,
                    column: 39
                }
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_bad_charge_indicator_is_a_typed_error() {
    let text = invoice(
        "<cac:AllowanceCharge><cbc:ChargeIndicator>yes</cbc:ChargeIndicator></cac:AllowanceCharge>",
    );
    assert!(matches!(
        read(text.as_bytes()),
        Err(Error::InvalidValue {
            kind: "boolean",
            ..
        })
    ));
}

#[test]
fn allowances_and_charges_split_by_charge_indicator() {
    let doc = read_ok(&invoice(
        r#"<cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:Amount currencyID="EUR">5</cbc:Amount></cac:AllowanceCharge>
<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID="EUR">3</cbc:Amount>
<cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>"#,
    ));
    assert_eq!(doc.invoice.charges.len(), 1);
    assert_eq!(doc.invoice.allowances.len(), 1);
    assert_eq!(
        doc.invoice.allowances[0].vat_category,
        Some(VatCategoryCode::Standard)
    );
    let bt92 = TermPath::root().nth(Term::bg(20), 1).child(Term::bt(92));
    assert!(doc.source_map.span(&bt92).is_some());
    round_trip(&doc, Root::Invoice);
}

#[test]
fn vat_and_other_party_tax_schemes() {
    let doc = read_ok(&invoice(
        r#"<cac:AccountingSupplierParty><cac:Party>
<cac:PartyTaxScheme><cbc:CompanyID>FR11123456782</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
<cac:PartyTaxScheme><cbc:CompanyID>TAX-REG-1</cbc:CompanyID><cac:TaxScheme><cbc:ID>FC</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
</cac:Party></cac:AccountingSupplierParty>"#,
    ));
    assert_eq!(doc.invoice.seller.vat_id.as_deref(), Some("FR11123456782"));
    assert_eq!(
        doc.invoice.seller.tax_registration_id.as_deref(),
        Some("TAX-REG-1")
    );
    // The scheme of BT-32 has no place in the model: reported.
    assert_eq!(doc.ignored.len(), 1, "{:?}", doc.ignored);
    round_trip(&doc, Root::Invoice);
}

#[test]
fn price_discount_and_gross_price() {
    let doc = read_ok(&invoice(
        r#"<cac:InvoiceLine><cbc:ID>1</cbc:ID><cac:Price>
<cbc:PriceAmount currencyID="EUR">9.00</cbc:PriceAmount><cbc:BaseQuantity unitCode="KGM">2</cbc:BaseQuantity>
<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID="EUR">1.00</cbc:Amount><cbc:BaseAmount currencyID="EUR">10.00</cbc:BaseAmount></cac:AllowanceCharge>
</cac:Price></cac:InvoiceLine>"#,
    ));
    let price = doc.invoice.lines[0].price.as_ref().unwrap();
    assert_eq!(
        price.discount.map(|d| d.to_string()).as_deref(),
        Some("1.00")
    );
    assert_eq!(
        price.gross_price.map(|d| d.to_string()).as_deref(),
        Some("10.00")
    );
    assert_eq!(price.base_quantity_unit, Some(UnitCode::from("KGM")));
    round_trip(&doc, Root::Invoice);
}

#[test]
fn note_subject_codes_and_several_credit_transfers() {
    let doc = read_ok(&invoice(
        r#"<cbc:Note>#AAI#Hello</cbc:Note><cbc:Note>plain #x# text</cbc:Note>
<cac:PaymentMeans><cbc:PaymentMeansCode name="Transfer">30</cbc:PaymentMeansCode><cbc:PaymentID>REF</cbc:PaymentID>
  <cac:PayeeFinancialAccount><cbc:ID>IBAN1</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>
<cac:PaymentMeans><cbc:PaymentMeansCode name="Transfer">30</cbc:PaymentMeansCode><cbc:PaymentID>REF</cbc:PaymentID>
  <cac:PayeeFinancialAccount><cbc:ID>IBAN2</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>"#,
    ));
    let notes = &doc.invoice.notes;
    assert_eq!(notes[0].subject_code, Some(TextSubjectCode::from("AAI")));
    assert_eq!(notes[0].text.as_deref(), Some("Hello"));
    assert_eq!(notes[1].subject_code, None);
    let payment = doc.invoice.payment.as_ref().unwrap();
    assert_eq!(payment.means_text.as_deref(), Some("Transfer"));
    assert_eq!(payment.credit_transfers.len(), 2);
    assert!(doc.ignored.is_empty(), "{:?}", doc.ignored);
    let again = round_trip(&doc, Root::Invoice);
    assert!(again.ignored.is_empty());
}

#[test]
fn a_payment_means_that_differs_from_the_first_is_reported() {
    let doc = read_ok(&invoice(
        r#"<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>
<cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode></cac:PaymentMeans>"#,
    ));
    assert_eq!(
        doc.invoice.payment.as_ref().unwrap().means_code,
        Some(PaymentMeansCode::from("30"))
    );
    assert_eq!(doc.ignored.len(), 1);
}

#[test]
fn a_unit_without_quantity_is_dropped_not_lost_silently() {
    let mut inv = Invoice::default();
    inv.lines.push(InvoiceLine {
        unit_code: Some(UnitCode::from("C62")),
        ..Default::default()
    });
    let written = write(&inv, Root::Invoice).unwrap();
    assert_eq!(written.dropped.len(), 1);
    assert_eq!(written.dropped[0].term.to_string(), "/BT-130");
}

#[test]
fn writer_declares_namespaces_and_attributes() {
    let xml = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/ubl-invoice.xml"
    ))
    .unwrap();
    let doc = read(&xml).unwrap();
    let written = write(&doc.invoice, Root::Invoice).unwrap();
    assert!(written.dropped.is_empty());
    let text = String::from_utf8(written.xml).unwrap();
    assert!(text.contains(
        r#"xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2""#
    ));
    assert!(text.contains(r#"<cbc:EndpointID schemeID="0009">12345678200010</cbc:EndpointID>"#));
    assert!(text.contains(r#"<cbc:PayableAmount currencyID="EUR">1638.75</cbc:PayableAmount>"#));
    assert!(text.contains(r#"mimeCode="application/pdf" filename="pv-recette-03.pdf""#));
    assert!(text.contains(r#"<cbc:Percent>5.5</cbc:Percent>"#));
    assert!(text.contains("<cbc:Note>#PMD#"));
}

#[test]
fn bt_128_with_or_without_type_code_130() {
    let doc = read_ok(&invoice(
        r#"<cac:InvoiceLine><cbc:ID>1</cbc:ID><cac:DocumentReference><cbc:ID>Object2</cbc:ID></cac:DocumentReference></cac:InvoiceLine>
<cac:InvoiceLine><cbc:ID>2</cbc:ID><cac:DocumentReference><cbc:ID schemeID="ABT">229032/B</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:DocumentReference></cac:InvoiceLine>"#,
    ));
    assert_eq!(
        doc.invoice.lines[0].object_id,
        Some(Identifier::new("Object2"))
    );
    assert_eq!(
        doc.invoice.lines[1].object_id,
        Some(Identifier::with_scheme("229032/B", "ABT"))
    );
    assert!(doc.ignored.is_empty(), "{:?}", doc.ignored);
    round_trip(&doc, Root::Invoice);
}

#[test]
fn a_repeated_payment_means_may_leave_out_the_name() {
    let doc = read_ok(&invoice(
        r#"<cac:PaymentMeans><cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode></cac:PaymentMeans>
<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>"#,
    ));
    assert!(doc.ignored.is_empty(), "{:?}", doc.ignored);
    assert_eq!(
        doc.invoice.payment.unwrap().means_text.as_deref(),
        Some("Credit transfer")
    );
}
