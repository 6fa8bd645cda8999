//! Lenient reading in validation, and the business rules checked on the
//! XML tree because the model cannot show what their official contexts see.
//! Fixtures: the bundled examples with one deliberate change each.

mod common;

use facture::{Profile, ReadOptions, read, read_with_options, validate_bytes};

fn example(name: &str) -> String {
    std::fs::read_to_string(common::repo_file(name)).expect("example")
}

fn changed(name: &str, from: &str, to: &str) -> String {
    let xml = example(name);
    assert!(xml.contains(from), "{name} holds {from}");
    xml.replacen(from, to, 1)
}

fn fired(xml: &str) -> Vec<&'static str> {
    validate_bytes(xml.as_bytes(), &Profile::En16931)
        .expect("validated")
        .fired()
}

const UBL: &str = "examples/ubl-invoice.xml";
const CII: &str = "examples/cii-invoice.xml";

#[test]
fn a_bad_date_fails_a_strict_read_and_is_reported_by_validation() {
    let xml = changed(
        UBL,
        "<cbc:IssueDate>2026-03-31</cbc:IssueDate>",
        "<cbc:IssueDate>31/03/2026</cbc:IssueDate>",
    );
    assert!(read(xml.as_bytes()).is_err(), "conversion stays strict");
    let lenient = ReadOptions {
        lenient: true,
        ..ReadOptions::default()
    };
    let doc = read_with_options(xml.as_bytes(), &lenient).expect("lenient read");
    assert_eq!(doc.invoice.issue_date, None);
    assert_eq!(doc.unreadable.len(), 1);
    assert_eq!(doc.unreadable[0].value, "31/03/2026");
    assert_eq!(
        doc.unreadable[0].term.map(|t| t.to_string()).as_deref(),
        Some("/BT-2")
    );

    let report = validate_bytes(xml.as_bytes(), &Profile::En16931).expect("validated");
    // The element exists: BR-03 (`exists(cbc:IssueDate)`) holds, as for the
    // official XSLT; the value itself is READ-01, which makes it invalid
    // (and the structural check, first, says it is not an xs:date).
    assert_eq!(report.fired(), vec!["READ-01", "XSD-DATATYPE"]);
    assert_eq!(report.verdict(), facture::rules::Verdict::Invalid);
    let finding = &report.findings[0];
    assert_eq!(finding.location.as_ref().map(|l| l.line), Some(9));
}

#[test]
fn an_empty_amount_counts_as_present_but_a_missing_one_does_not() {
    let line = "<cbc:LineExtensionAmount currencyID=\"EUR\">807.50</cbc:LineExtensionAmount>";
    let empty = changed(
        UBL,
        line,
        "<cbc:LineExtensionAmount currencyID=\"EUR\"></cbc:LineExtensionAmount>",
    );
    let ids = fired(&empty);
    assert!(ids.contains(&"READ-01"), "{ids:?}");
    assert!(
        !ids.contains(&"BR-24"),
        "exists(cbc:LineExtensionAmount): {ids:?}"
    );
    let missing = changed(UBL, line, "");
    let ids = fired(&missing);
    assert!(!ids.contains(&"READ-01"), "{ids:?}");
    assert!(ids.contains(&"BR-24"), "{ids:?}");
}

#[test]
fn a_bad_charge_indicator_puts_the_allowance_in_no_context() {
    let xml = example(UBL);
    let bad = xml.replacen(
        "<cbc:ChargeIndicator>false</cbc:ChargeIndicator>",
        "<cbc:ChargeIndicator>no</cbc:ChargeIndicator>",
        1,
    );
    assert_ne!(bad, xml);
    let ids = fired(&bad);
    assert!(ids.contains(&"READ-01"), "{ids:?}");
    // The allowance is not summed any more: BT-107 no longer matches.
    assert!(ids.contains(&"BR-CO-11"), "{ids:?}");
}

#[test]
fn cii_bad_date_format_is_read_leniently() {
    let xml = changed(
        CII,
        "<udt:DateTimeString format=\"102\">20260301</udt:DateTimeString>",
        "<udt:DateTimeString format=\"102\">2026-03-01</udt:DateTimeString>",
    );
    assert!(read(xml.as_bytes()).is_err());
    let ids = fired(&xml);
    assert!(ids.contains(&"READ-01"), "{ids:?}");
    // The CII syntax rule on the date's lexical form now reaches the report.
    assert!(ids.contains(&"CII-DT-097"), "{ids:?}");
    assert!(!ids.contains(&"BR-03"), "{ids:?}");
}

#[test]
fn a_second_seller_vat_identifier_is_checked_too() {
    let second = "<cac:PartyTaxScheme>\n        <cbc:CompanyID>123456782</cbc:CompanyID>\n        \
                  <cac:TaxScheme>\n          <cbc:ID>VAT</cbc:ID>\n        </cac:TaxScheme>\n      \
                  </cac:PartyTaxScheme>\n      <cac:PartyTaxScheme>\n        <cbc:CompanyID>FR11123456782";
    let xml = changed(
        UBL,
        "<cac:PartyTaxScheme>\n        <cbc:CompanyID>FR11123456782",
        second,
    );
    let ids = fired(&xml);
    assert!(ids.contains(&"UBL-SR-12"), "{ids:?}");
    assert!(
        ids.contains(&"BR-CO-09"),
        "the second VAT id has no country prefix: {ids:?}"
    );
    assert!(!fired(&example(UBL)).contains(&"BR-CO-09"));
}

#[test]
fn cii_vat_total_in_another_currency_is_no_bt_110() {
    let xml = changed(
        CII,
        "<ram:TaxTotalAmount currencyID=\"EUR\">89.23</ram:TaxTotalAmount>",
        "<ram:TaxTotalAmount currencyID=\"USD\">89.23</ram:TaxTotalAmount>",
    );
    let ids = fired(&xml);
    assert!(ids.contains(&"BR-CO-15"), "{ids:?}");
    assert!(
        !ids.contains(&"BR-CO-14"),
        "no VAT total in EUR to check: {ids:?}"
    );
    let twice = changed(
        CII,
        "<ram:TaxTotalAmount currencyID=\"EUR\">89.23</ram:TaxTotalAmount>",
        "<ram:TaxTotalAmount currencyID=\"EUR\">89.23</ram:TaxTotalAmount>\
         <ram:TaxTotalAmount currencyID=\"EUR\">89.23</ram:TaxTotalAmount>",
    );
    assert!(fired(&twice).contains(&"BR-CO-15"));
    assert!(!fired(&example(CII)).contains(&"BR-CO-15"));
}

#[test]
fn ubl_allowance_without_indicator_still_counts_for_br_s_01() {
    // BR-S-01 counts `//cac:AllowanceCharge/cac:TaxCategory` whatever the
    // charge indicator: an S allowance without one, and no S breakdown.
    let doc = |indicator: &str| {
        format!(
            r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cac:AllowanceCharge>{indicator}<cbc:Amount currencyID="EUR">5.00</cbc:Amount>
    <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent>
      <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
  </cac:AllowanceCharge>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">0.00</cbc:TaxAmount>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">0.00</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="EUR">0.00</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>Z</cbc:ID><cbc:Percent>0</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
    </cac:TaxSubtotal></cac:TaxTotal>
</Invoice>"#
        )
    };
    assert!(fired(&doc("<cbc:ChargeIndicator>false</cbc:ChargeIndicator>")).contains(&"BR-S-01"));
    assert!(fired(&doc("")).contains(&"BR-S-01"));
}
