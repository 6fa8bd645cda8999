//! Unit tests of the tricky CII mappings, reader and writer side by side.

use crate::error::Error;
use crate::model::{
    CurrencyCode, Identifier, Invoice, PrecedingInvoice, Term, TermPath, TextPos, VatBreakdown,
    VatPointDateCode,
};
use crate::syntax::{Document, Target, read, write};

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100">
<rsm:ExchangedDocument>
<ram:ID>INV-1</ram:ID>
<ram:IssueDateTime><udt:DateTimeString format="102">20260228</udt:DateTimeString></ram:IssueDateTime>
</rsm:ExchangedDocument>
<rsm:SupplyChainTradeTransaction>
"#;

/// A CII document with `lines`, then the header agreement and settlement
/// contents given.
fn cii(lines: &str, agreement: &str, settlement: &str) -> String {
    format!(
        "{HEAD}{lines}<ram:ApplicableHeaderTradeAgreement>{agreement}</ram:ApplicableHeaderTradeAgreement>\n\
         <ram:ApplicableHeaderTradeDelivery/>\n\
         <ram:ApplicableHeaderTradeSettlement>{settlement}</ram:ApplicableHeaderTradeSettlement>\n\
         </rsm:SupplyChainTradeTransaction>\n</rsm:CrossIndustryInvoice>\n"
    )
}

fn read_str(xml: &str) -> Document {
    match read(xml.as_bytes()) {
        Ok(doc) => doc,
        Err(e) => panic!("{e}\n{xml}"),
    }
}

fn written(invoice: &Invoice) -> (String, Vec<crate::syntax::Dropped>) {
    let w = write(invoice, Target::Cii).expect("writes");
    (String::from_utf8(w.xml).expect("UTF-8"), w.dropped)
}

fn tax(extra: &str) -> String {
    format!(
        "<ram:ApplicableTradeTax><ram:CalculatedAmount>20.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>\
         <ram:BasisAmount>100.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode>{extra}\
         <ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>"
    )
}

fn path(steps: &[(Term, u32)]) -> TermPath {
    steps.iter().fold(TermPath::root(), |p, (t, i)| {
        if *i == 0 { p.child(*t) } else { p.nth(*t, *i) }
    })
}

#[test]
fn vat_point_date_code_is_read_from_the_breakdowns_and_written_on_each() {
    let code = "<ram:DueDateTypeCode>72</ram:DueDateTypeCode>";
    let doc = read_str(&cii("", "", &(tax(code) + &tax(code))));
    assert_eq!(
        doc.invoice.vat_point_date_code,
        Some(VatPointDateCode::PaidToDate)
    );
    assert!(doc.ignored.is_empty(), "{:?}", doc.ignored);
    let (xml, dropped) = written(&doc.invoice);
    assert!(dropped.is_empty());
    assert_eq!(
        xml.matches("<ram:DueDateTypeCode>72</ram:DueDateTypeCode>")
            .count(),
        2
    );

    // A differing second value has no place in the model: reported.
    let other = "<ram:DueDateTypeCode>5</ram:DueDateTypeCode>";
    let doc = read_str(&cii("", "", &(tax(code) + &tax(other))));
    assert_eq!(
        doc.invoice.vat_point_date_code,
        Some(VatPointDateCode::PaidToDate)
    );
    assert_eq!(doc.ignored.len(), 1);
    assert!(
        doc.ignored[0]
            .element
            .ends_with("ram:ApplicableTradeTax[2]/ram:DueDateTypeCode[1]")
    );
}

#[test]
fn vat_point_date_is_read_from_any_breakdown_and_written_once() {
    let date = r#"<ram:TaxPointDate><udt:DateString format="102">20260215</udt:DateString></ram:TaxPointDate>"#;
    let doc = read_str(&cii("", "", &(tax(date) + &tax(date))));
    assert_eq!(
        doc.invoice.vat_point_date.map(|d| d.to_string()).as_deref(),
        Some("2026-02-15")
    );
    let (xml, _) = written(&doc.invoice);
    assert_eq!(
        xml.matches(r#"<udt:DateString format="102">20260215</udt:DateString>"#)
            .count(),
        1,
        "CII-SR-461: a single ram:TaxPointDate"
    );

    // Without a breakdown CII has nowhere to put BT-7 and BT-8.
    let mut invoice = doc.invoice;
    invoice.vat_breakdown.clear();
    invoice.vat_point_date_code = Some(VatPointDateCode::IssueDate);
    let (_, dropped) = written(&invoice);
    let terms: Vec<String> = dropped.iter().map(|d| d.term.to_string()).collect();
    assert_eq!(terms, ["/BT-7", "/BT-8"]);
}

#[test]
fn seller_identifiers_are_id_without_scheme_and_global_id_with_one() {
    let seller = r#"<ram:SellerTradeParty><ram:ID>SUP-42</ram:ID><ram:ID>SUP-43</ram:ID>
        <ram:GlobalID schemeID="0009">12345678200013</ram:GlobalID><ram:Name>S</ram:Name></ram:SellerTradeParty>"#;
    let doc = read_str(&cii("", seller, ""));
    assert_eq!(
        doc.invoice.seller.identifiers,
        [
            Identifier::new("SUP-42"),
            Identifier::new("SUP-43"),
            Identifier::with_scheme("12345678200013", "0009")
        ]
    );
    let third = path(&[(Term::bg(4), 0), (Term::bt(29), 3)]);
    assert_eq!(third.to_string(), "/BG-4/BT-29[3]");
    assert!(doc.source_map.span(&third).is_some());
    let (xml, _) = written(&doc.invoice);
    let id = xml.find("<ram:ID>SUP-43</ram:ID>").expect("ID written");
    let global = xml
        .find(r#"<ram:GlobalID schemeID="0009">12345678200013</ram:GlobalID>"#)
        .expect("GlobalID written");
    assert!(id < global, "XSD order: ram:ID before ram:GlobalID");
}

#[test]
fn vat_and_fiscal_registrations_are_told_apart_by_scheme() {
    let seller = r#"<ram:SellerTradeParty><ram:Name>S</ram:Name>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">123/456</ram:ID></ram:SpecifiedTaxRegistration>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR32123456782</ram:ID></ram:SpecifiedTaxRegistration>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="XX">other</ram:ID></ram:SpecifiedTaxRegistration>
        </ram:SellerTradeParty>"#;
    let doc = read_str(&cii("", seller, ""));
    assert_eq!(doc.invoice.seller.vat_id.as_deref(), Some("FR32123456782"));
    assert_eq!(
        doc.invoice.seller.tax_registration_id.as_deref(),
        Some("123/456")
    );
    assert_eq!(doc.ignored.len(), 1, "{:?}", doc.ignored);
}

#[test]
fn tax_total_in_accounting_currency_is_told_by_currency_id() {
    let totals = r#"<ram:TaxCurrencyCode>EUR</ram:TaxCurrencyCode><ram:InvoiceCurrencyCode>DKK</ram:InvoiceCurrencyCode>
        <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:TaxTotalAmount currencyID="EUR">628.62</ram:TaxTotalAmount>
        <ram:TaxTotalAmount currencyID="DKK">675.00</ram:TaxTotalAmount>
        </ram:SpecifiedTradeSettlementHeaderMonetarySummation>"#;
    let doc = read_str(&cii("", "", totals));
    let t = &doc.invoice.totals;
    assert_eq!(
        t.tax_amount.map(|d| d.to_string()).as_deref(),
        Some("675.00")
    );
    let acc = t.tax_amount_accounting.as_ref().expect("BT-111");
    assert_eq!(acc.amount.to_string(), "628.62");
    assert_eq!(acc.currency, Some(CurrencyCode::from("EUR")));
    let (xml, _) = written(&doc.invoice);
    assert!(xml.contains(r#"<ram:TaxTotalAmount currencyID="DKK">675.00</ram:TaxTotalAmount>"#));
    assert!(xml.contains(r#"<ram:TaxTotalAmount currencyID="EUR">628.62</ram:TaxTotalAmount>"#));

    // Same currency for BT-5 and BT-6: the second amount is BT-111.
    let same = totals.replace("DKK", "EUR");
    let doc = read_str(&cii("", "", &same));
    assert_eq!(
        doc.invoice
            .totals
            .tax_amount
            .map(|d| d.to_string())
            .as_deref(),
        Some("628.62")
    );
    let acc = doc
        .invoice
        .totals
        .tax_amount_accounting
        .as_ref()
        .expect("BT-111");
    assert_eq!(acc.amount.to_string(), "675.00");
}

#[test]
fn additional_documents_are_told_apart_by_type_code() {
    let docs = r#"
        <ram:AdditionalReferencedDocument><ram:IssuerAssignedID>LOT-3</ram:IssuerAssignedID><ram:TypeCode>50</ram:TypeCode></ram:AdditionalReferencedDocument>
        <ram:AdditionalReferencedDocument><ram:IssuerAssignedID>OBJ-9</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode><ram:ReferenceTypeCode>ABZ</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument>
        <ram:AdditionalReferencedDocument><ram:IssuerAssignedID>DOC-1</ram:IssuerAssignedID><ram:TypeCode>916</ram:TypeCode><ram:Name>Timesheet</ram:Name>
          <ram:AttachmentBinaryObject mimeCode="text/csv" filename="t.csv">aGVsbG8=</ram:AttachmentBinaryObject></ram:AdditionalReferencedDocument>
        <ram:AdditionalReferencedDocument><ram:IssuerAssignedID>NO-TYPE</ram:IssuerAssignedID></ram:AdditionalReferencedDocument>"#;
    let doc = read_str(&cii("", docs, ""));
    let inv = &doc.invoice;
    assert_eq!(inv.tender_reference.as_deref(), Some("LOT-3"));
    assert_eq!(
        inv.invoiced_object_id,
        Some(Identifier::with_scheme("OBJ-9", "ABZ"))
    );
    assert_eq!(inv.supporting_documents.len(), 1);
    let sd = &inv.supporting_documents[0];
    assert_eq!(sd.reference.as_deref(), Some("DOC-1"));
    assert_eq!(sd.description.as_deref(), Some("Timesheet"));
    let att = sd.attachment.as_ref().expect("BT-125");
    assert_eq!(att.content, b"hello");
    assert_eq!(att.filename.as_deref(), Some("t.csv"));
    // Without a type code, the binding gives it no meaning.
    assert_eq!(doc.ignored.len(), 1);
    assert!(
        doc.ignored[0]
            .element
            .ends_with("ram:AdditionalReferencedDocument[4]")
    );
    let again = read_str(&written(inv).0);
    assert_eq!(&again.invoice, inv);
}

#[test]
fn line_object_identifier_is_the_line_document_of_type_130() {
    let line = r#"<ram:IncludedSupplyChainTradeLineItem>
        <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
        <ram:SpecifiedLineTradeSettlement>
        <ram:AdditionalReferencedDocument><ram:IssuerAssignedID>M-77</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode><ram:ReferenceTypeCode>AVS</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument>
        </ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>"#;
    let doc = read_str(&cii(line, "", ""));
    assert_eq!(
        doc.invoice.lines[0].object_id,
        Some(Identifier::with_scheme("M-77", "AVS"))
    );
    let p = path(&[(Term::bg(25), 1), (Term::bt(128), 0)]);
    assert!(doc.source_map.span(&p).is_some());
}

#[test]
fn price_discount_and_base_quantity_come_from_the_prices() {
    let line = r#"<ram:IncludedSupplyChainTradeLineItem>
        <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
        <ram:SpecifiedLineTradeAgreement>
        <ram:GrossPriceProductTradePrice><ram:ChargeAmount>10.00</ram:ChargeAmount><ram:BasisQuantity unitCode="H87">5</ram:BasisQuantity>
          <ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>1.50</ram:ActualAmount></ram:AppliedTradeAllowanceCharge>
        </ram:GrossPriceProductTradePrice>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount>8.50</ram:ChargeAmount><ram:BasisQuantity unitCode="H87">1</ram:BasisQuantity></ram:NetPriceProductTradePrice>
        </ram:SpecifiedLineTradeAgreement>
        <ram:SpecifiedLineTradeSettlement/></ram:IncludedSupplyChainTradeLineItem>"#;
    let doc = read_str(&cii(line, "", ""));
    let price = doc.invoice.lines[0].price.as_ref().expect("BG-29");
    assert_eq!(
        price.gross_price.map(|d| d.to_string()).as_deref(),
        Some("10.00")
    );
    assert_eq!(
        price.discount.map(|d| d.to_string()).as_deref(),
        Some("1.50")
    );
    assert_eq!(
        price.net_price.map(|d| d.to_string()).as_deref(),
        Some("8.50")
    );
    // The net price's base quantity is BT-149; the gross price's differing one is reported.
    assert_eq!(
        price.base_quantity.map(|d| d.to_string()).as_deref(),
        Some("1")
    );
    assert_eq!(doc.ignored.len(), 1);
    assert!(
        doc.ignored[0]
            .element
            .contains("GrossPriceProductTradePrice")
    );
}

#[test]
fn unmapped_and_foreign_elements_are_reported_not_lost() {
    let settlement = r#"<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
        <ram:SpecifiedLogisticsServiceCharge><ram:Description>x</ram:Description></ram:SpecifiedLogisticsServiceCharge>
        <x:Extra xmlns:x="urn:example">y</x:Extra>"#;
    let doc = read_str(&cii("", "", settlement));
    let elements: Vec<&str> = doc.ignored.iter().map(|i| i.element.as_str()).collect();
    assert_eq!(elements.len(), 2, "{elements:?}");
    assert!(elements[0].ends_with(
        "ram:ApplicableHeaderTradeSettlement[1]/ram:SpecifiedLogisticsServiceCharge[1]"
    ));
    assert!(elements[1].ends_with("x:Extra[1]"));
    assert_eq!(doc.invoice.currency, Some(CurrencyCode::from("EUR")));
}

#[test]
fn namespaces_decide_not_prefixes() {
    let xml = cii("", "<ram:BuyerReference>SERV-1</ram:BuyerReference>", "")
        .replace("ram:", "a:")
        .replace("xmlns:ram=", "xmlns:a=");
    let doc = read_str(&xml);
    assert_eq!(doc.invoice.buyer_reference.as_deref(), Some("SERV-1"));
    // A right local name in a wrong namespace is not the term.
    let wrong = cii(
        "",
        r#"<b:BuyerReference xmlns:b="urn:example">X</b:BuyerReference>"#,
        "",
    );
    let doc = read_str(&wrong);
    assert_eq!(doc.invoice.buyer_reference, None);
    assert_eq!(doc.ignored.len(), 1);
}

#[test]
fn positions_are_recorded_with_their_lines() {
    let line = |n: u32, amount: &str| {
        format!(
            "<ram:IncludedSupplyChainTradeLineItem>\n<ram:AssociatedDocumentLineDocument><ram:LineID>{n}</ram:LineID></ram:AssociatedDocumentLineDocument>\n\
             <ram:SpecifiedLineTradeSettlement><ram:SpecifiedTradeSettlementLineMonetarySummation>\n\
             <ram:LineTotalAmount>{amount}</ram:LineTotalAmount>\n\
             </ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>\n"
        )
    };
    let xml = cii(&(line(1, "10.00") + &line(2, "20.00")), "", "");
    let doc = read_str(&xml);
    let at = |p: TermPath| doc.source_map.position(&xml, &p).expect("recorded");
    assert_eq!(
        at(TermPath::of(Term::bt(1))),
        TextPos { line: 4, column: 1 }
    );
    let second = path(&[(Term::bg(25), 2), (Term::bt(131), 0)]);
    assert_eq!(second.to_string(), "/BG-25[2]/BT-131");
    assert_eq!(
        at(second),
        TextPos {
            line: 16,
            column: 1
        }
    );
    assert_eq!(
        &xml[doc.source_map.span(&second).map_or(0, |s| s.start as usize)..][..20],
        "<ram:LineTotalAmount"
    );
}

#[test]
fn a_bad_date_is_a_typed_error_with_its_position() {
    let xml = cii("", "", "").replace("20260228", "20260230");
    match read(xml.as_bytes()) {
        Err(Error::InvalidValue {
            kind,
            value,
            element,
            pos,
            ..
        }) => {
            assert_eq!(kind, "date");
            assert_eq!(value, "20260230");
            assert_eq!(element, "udt:DateTimeString");
            assert_eq!(
                pos,
                TextPos {
                    line: 5,
                    column: 53
                }
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_bad_amount_is_a_typed_error() {
    let xml = cii("", "", &tax("")).replace("100.00", "1,00");
    let e = read(xml.as_bytes()).expect_err("refused");
    assert!(
        matches!(
            e,
            Error::InvalidValue {
                kind: "decimal",
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn writer_reports_what_cii_cannot_carry() {
    let invoice = Invoice {
        preceding_invoices: vec![
            PrecedingInvoice {
                number: Some("A".into()),
                issue_date: None,
            },
            PrecedingInvoice {
                number: Some("B".into()),
                issue_date: None,
            },
        ],
        vat_breakdown: vec![VatBreakdown::default()],
        ..Invoice::default()
    };
    let (xml, dropped) = written(&invoice);
    assert_eq!(dropped.len(), 1);
    assert_eq!(dropped[0].term.to_string(), "/BG-3[2]");
    assert!(xml.contains("<ram:IssuerAssignedID>A</ram:IssuerAssignedID>"));
    assert!(!xml.contains("<ram:IssuerAssignedID>B</ram:IssuerAssignedID>"));
    // The tax type is structural: written even on an empty breakdown.
    assert!(xml.contains("<ram:TypeCode>VAT</ram:TypeCode>"));
}

#[test]
fn credit_transfers_each_get_a_payment_means() {
    let means = r#"<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>FR7630006000011234567890189</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>
        <ram:PayeeSpecifiedCreditorFinancialInstitution><ram:BICID>AGRIFRPP</ram:BICID></ram:PayeeSpecifiedCreditorFinancialInstitution>
        </ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount><ram:ProprietaryID>LOCAL-123</ram:ProprietaryID></ram:PayeePartyCreditorFinancialAccount>
        </ram:SpecifiedTradeSettlementPaymentMeans>"#;
    let doc = read_str(&cii("", "", means));
    let pay = doc.invoice.payment.as_ref().expect("BG-16");
    assert_eq!(pay.credit_transfers.len(), 2);
    assert_eq!(
        pay.credit_transfers[0].service_provider_id.as_deref(),
        Some("AGRIFRPP")
    );
    assert!(doc.ignored.is_empty(), "{:?}", doc.ignored);
    let (xml, _) = written(&doc.invoice);
    assert_eq!(xml.matches("<ram:TypeCode>58</ram:TypeCode>").count(), 2);
    assert!(xml.contains("<ram:ProprietaryID>LOCAL-123</ram:ProprietaryID>"));
    assert_eq!(read_str(&xml).invoice, doc.invoice);
}
