use super::*;
use crate::syntax::Syntax;
use crate::syntax::facturx::Xmp;

fn invoice(profile: FacturXProfile) -> Invoice {
    let xml = std::fs::read("examples/cii-invoice.xml").unwrap_or_default();
    let mut invoice = crate::read(&xml).map(|d| d.invoice).unwrap_or_default();
    invoice.process.specification = Some(profile.specification().to_owned());
    invoice
}

fn profile_ids(invoice: &Invoice) -> Vec<&'static str> {
    let mut out = Checker::new(Some(Syntax::Cii));
    profile_rules(invoice, &mut out);
    out.fired_ids()
}

#[test]
fn en16931_compliant_profiles_add_nothing_but_xrechnung_says_what_is_not_checked() {
    for p in [
        FacturXProfile::Basic,
        FacturXProfile::En16931,
        FacturXProfile::Extended,
    ] {
        assert!(profile_ids(&invoice(p)).is_empty(), "{p}");
    }
    assert_eq!(
        profile_ids(&invoice(FacturXProfile::XRechnung)),
        ["FX-PROFILE-07"]
    );
    let mut other = invoice(FacturXProfile::En16931);
    other.process.specification = Some("urn:example".into());
    assert_eq!(profile_ids(&other), ["FX-PROFILE-02"]);
}

#[test]
fn minimum_without_lines_and_extra_groups_passes_its_own_rules() {
    let mut inv = invoice(FacturXProfile::Minimum);
    let lines = inv.lines.len();
    assert!(lines > 0);
    let ids = profile_ids(&inv);
    assert_eq!(
        ids.iter().filter(|id| **id == "FX-PROFILE-03").count(),
        lines
    );
    assert!(
        ids.contains(&"FX-PROFILE-04"),
        "the example has a VAT breakdown"
    );
    inv.lines.clear();
    inv.vat_breakdown.clear();
    inv.notes.clear();
    inv.payment = None;
    inv.due_date = None;
    inv.payment_terms = None;
    inv.delivery = None;
    inv.period = None;
    inv.allowances.clear();
    inv.charges.clear();
    inv.preceding_invoices.clear();
    inv.supporting_documents.clear();
    inv.payee = None;
    inv.tax_representative = None;
    assert_eq!(profile_ids(&inv), ["FX-PROFILE-01"]);
    inv.totals.amount_due = None;
    inv.number = None;
    let mut out = Checker::new(Some(Syntax::Cii));
    profile_rules(&inv, &mut out);
    assert_eq!(
        out.fired_ids(),
        ["FX-PROFILE-01", "FX-PROFILE-05", "FX-PROFILE-05"]
    );
}

#[test]
fn basic_wl_needs_a_vat_breakdown() {
    let mut inv = invoice(FacturXProfile::BasicWl);
    inv.lines.clear();
    assert_eq!(profile_ids(&inv), ["FX-PROFILE-01"]);
    inv.vat_breakdown.clear();
    assert_eq!(profile_ids(&inv), ["FX-PROFILE-01", "FX-PROFILE-06"]);
}

fn container_ids(pdf: &Extracted, invoice: &Invoice) -> Vec<&'static str> {
    let mut out = Checker::new(Some(Syntax::Cii));
    container_rules(pdf, invoice, &mut out);
    out.fired_ids()
}

#[test]
fn container_rules_compare_the_xmp_with_the_xml() {
    let inv = invoice(FacturXProfile::En16931);
    let mut pdf = Extracted {
        xml: Vec::new(),
        file_name: "factur-x.xml".into(),
        relationship: Some("Data".into()),
        mime_type: Some("text/xml".into()),
        associated: true,
        xmp: Some(Xmp {
            document_type: Some("INVOICE".into()),
            document_file_name: Some("factur-x.xml".into()),
            version: Some("1.0".into()),
            conformance_level: Some("EN 16931".into()),
            fx_namespace: Some(crate::syntax::facturx::FX_NS.into()),
            pdfa_part: Some("3".into()),
            pdfa_conformance: Some("B".into()),
        }),
        has_metadata: true,
        attachments: vec!["factur-x.xml".into()],
        pdf_version: "1.7".into(),
        pdfa_output_intent: true,
    };
    assert!(container_ids(&pdf, &inv).is_empty());
    pdf.pdfa_output_intent = false;
    assert_eq!(container_ids(&pdf, &inv), ["FX-PDF-09"]);
    pdf.pdfa_output_intent = true;
    pdf.relationship = Some("Unspecified".into());
    pdf.mime_type = Some("application/xml".into());
    if let Some(xmp) = pdf.xmp.as_mut() {
        xmp.conformance_level = Some("COMFORT".into()); // ZUGFeRD's name of EN 16931
        xmp.document_type = Some("ORDER".into());
    }
    assert_eq!(
        container_ids(&pdf, &inv),
        ["FX-PDF-04", "FX-PDF-07", "FX-PDF-08"]
    );
    if let Some(xmp) = pdf.xmp.as_mut() {
        xmp.conformance_level = Some("GOLD".into());
        xmp.version = None;
    }
    let ids = container_ids(&pdf, &inv);
    assert!(
        ids.contains(&"FX-PDF-01") && ids.contains(&"FX-PDF-02"),
        "{ids:?}"
    );
    pdf.xmp = None;
    pdf.associated = false;
    assert_eq!(
        container_ids(&pdf, &inv),
        [
            "FX-PDF-01",
            "FX-PDF-04",
            "FX-PDF-05",
            "FX-PDF-06",
            "FX-PDF-07"
        ]
    );
}

#[test]
fn every_fx_id_is_catalogued_in_the_facturx_set() {
    let ids: Vec<&str> = FAMILIES
        .iter()
        .flat_map(|f| f.ids)
        .chain(CONTAINER.ids)
        .chain(RESTATED.ids)
        .chain(SCHEMA_FAMILY.ids)
        .chain(codes::FAMILY.ids)
        .chain(extended::FAMILY.ids)
        .copied()
        .collect();
    for id in &ids {
        let rule = crate::rules::catalogue::rule(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(rule.set(), "facturx", "{id}");
    }
    let catalogued = crate::rules::catalogue::all()
        .iter()
        .filter(|r| r.set() == "facturx")
        .count();
    assert_eq!(catalogued, ids.len());
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/facturx/profiles/{name}.xml"))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Validates a CII with the Factur-X profile: the findings as (rule, line).
fn findings(xml: &str) -> Vec<crate::rules::Finding> {
    let options = crate::rules::ValidateOptions::new(crate::Profile::FacturX);
    crate::rules::validate_bytes_with(xml.as_bytes(), &options)
        .map(|r| r.findings)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn rules_of(findings: &[crate::rules::Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.rule).collect()
}

#[test]
fn profile_fixtures_pass_their_profile_schema_and_rules() {
    assert_eq!(rules_of(&findings(&fixture("minimum"))), ["FX-PROFILE-01"]);
    assert_eq!(rules_of(&findings(&fixture("basicwl"))), ["FX-PROFILE-01"]);
    assert!(findings(&fixture("basic")).is_empty());
}

#[test]
fn an_element_the_profile_does_not_allow_fires_fx_schema_01_with_its_place() {
    // A note (BG-1) is allowed in CII and in BASIC WL, not in MINIMUM.
    let note = "<ram:IncludedNote><ram:Content>Merci.</ram:Content></ram:IncludedNote>\n  </rsm:ExchangedDocument>";
    let xml = fixture("minimum").replacen("</rsm:ExchangedDocument>", note, 1);
    let found = findings(&xml);
    let schema: Vec<_> = found.iter().filter(|f| f.rule == "FX-SCHEMA-01").collect();
    assert_eq!(schema.len(), 1, "{found:?}");
    let detail = schema[0]
        .detail
        .as_ref()
        .map(|d| d.en.as_str())
        .unwrap_or("");
    assert!(
        detail.contains("Factur-X 1.09 MINIMUM") && detail.contains("IncludedNote"),
        "{detail}"
    );
    assert!(
        schema[0]
            .location
            .as_ref()
            .is_some_and(|l| l.xpath.ends_with("ram:IncludedNote[1]"))
    );
    assert!(!rules_of(&found).iter().any(|r| r.starts_with("XSD-")));
    // The same note in BASIC WL is fine.
    let xml = fixture("basicwl").replacen("</rsm:ExchangedDocument>", note, 1);
    assert_eq!(rules_of(&findings(&xml)), ["FX-PROFILE-01"]);
}

#[test]
fn basic_line_level_restrictions_come_from_the_basic_schema() {
    // BT-155 (item seller's identifier) is EN 16931, not BASIC.
    let xml = fixture("basic").replacen(
        "<ram:Name>Ramette papier A4</ram:Name>",
        "<ram:SellerAssignedID>PAP-A4</ram:SellerAssignedID><ram:Name>Ramette papier A4</ram:Name>",
        1,
    );
    let found = findings(&xml);
    assert_eq!(rules_of(&found), ["FX-SCHEMA-01"], "{found:?}");
    let en16931 = xml.replace(
        "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic",
        "urn:cen.eu:en16931:2017",
    );
    assert!(findings(&en16931).is_empty());
}

#[test]
fn what_the_cii_schema_rejects_is_left_to_xsd_rules() {
    let xml = fixture("minimum").replacen(
        "<ram:TypeCode>380</ram:TypeCode>",
        "<ram:TypeCode>380</ram:TypeCode><ram:Unknown>1</ram:Unknown>",
        1,
    );
    let found = rules_of(&findings(&xml));
    assert!(
        found.contains(&"XSD-UNKNOWN") || found.contains(&"XSD-ORDER"),
        "{found:?}"
    );
    assert!(!found.contains(&"FX-SCHEMA-01"), "{found:?}");
}

#[test]
fn the_profile_schema_runs_only_with_the_factur_x_rules() {
    let xml = fixture("basic").replacen(
        "<ram:Name>Ramette papier A4</ram:Name>",
        "<ram:SellerAssignedID>PAP-A4</ram:SellerAssignedID><ram:Name>Ramette papier A4</ram:Name>",
        1,
    );
    let report = crate::validate_bytes(xml.as_bytes(), &crate::Profile::En16931)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn minimum_reports_the_en16931_rules_of_its_schematron_under_the_official_ids() {
    // BR-07: the buyer's name; also required by the MINIMUM schema.
    let xml = fixture("minimum").replacen("<ram:Name>Commune de Saint-Malo</ram:Name>", "", 1);
    let found = rules_of(&findings(&xml));
    assert!(found.contains(&"FX-SCH-A-000016"), "{found:?}");
    assert!(!found.contains(&"BR-07"), "{found:?}");
    // BR-CO-09: a VAT identifier without a country prefix.
    let xml = fixture("minimum").replacen("FR32123456782", "32123456782", 1);
    let found = rules_of(&findings(&xml));
    assert_eq!(found, ["FX-PROFILE-01", "FX-SCH-A-000002"]);
}

#[test]
fn every_minimum_id_restates_its_en16931_rule_on_minimum_only() {
    let minimum = invoice(FacturXProfile::Minimum);
    let basic_wl = invoice(FacturXProfile::BasicWl);
    for (fx, en) in schematron::MINIMUM {
        let en = crate::rules::catalogue::rule(en)
            .map(|r| r.id())
            .unwrap_or_else(|| panic!("{en}"));
        let path = TermPath::of(bt(1));
        let mut out = Checker::new(Some(Syntax::Cii));
        out.fire(en, path);
        restate_minimum(&minimum, &mut out);
        assert_eq!(out.fired_ids(), [en, fx], "{fx}");
        let mut out = Checker::new(Some(Syntax::Cii));
        out.fire(en, path);
        restate_minimum(&basic_wl, &mut out);
        assert_eq!(out.fired_ids(), [en], "{fx}");
        let mut out = Checker::new(Some(Syntax::Cii));
        restate_minimum(&minimum, &mut out);
        assert!(out.fired_ids().is_empty(), "{fx}");
    }
}

#[test]
fn basic_wl_keeps_the_en16931_rules_of_its_schematron() {
    // BR-CO-13: BT-109 = sum of lines - allowances + charges.
    let xml = fixture("basicwl").replacen(
        "<ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount>",
        "<ram:TaxBasisTotalAmount>101.00</ram:TaxBasisTotalAmount>",
        1,
    );
    let found = rules_of(&findings(&xml));
    assert!(found.contains(&"BR-CO-13"), "{found:?}");
    // BR-16 (at least one line) is not in the BASIC WL schematron: it fires
    // in the EN 16931 family but is not reported.
    assert!(!found.contains(&"BR-16"), "{found:?}");
    assert!(schematron::BASIC_WL.contains("BR-CO-13"));
    assert!(!schematron::BASIC_WL.contains("BR-16"));
    assert!(
        schematron::BASIC_WL
            .to_vec()
            .windows(2)
            .all(|w| w[0] < w[1])
    );
    let sets = ["facturx"];
    assert_eq!(
        kept_en16931(&sets, &invoice(FacturXProfile::BasicWl)),
        schematron::BASIC_WL
    );
    assert!(kept_en16931(&sets, &invoice(FacturXProfile::Minimum)).is_empty());
    assert!(kept_en16931(&["facturx", "en16931"], &invoice(FacturXProfile::BasicWl)).is_empty());
}

#[test]
fn code_values_outside_the_profile_lists_fire_their_official_ids() {
    // MINIMUM: type code (FX-SCH-A-000023), seller country (…036),
    // currency (…040); each value is CII-schema valid.
    let minimum = fixture("minimum");
    for (from, to, id) in [
        (
            "<ram:TypeCode>380<",
            "<ram:TypeCode>999<",
            "FX-SCH-A-000023",
        ),
        (
            "<ram:CountryID>FR<",
            "<ram:CountryID>XX<",
            "FX-SCH-A-000036",
        ),
        (
            "<ram:InvoiceCurrencyCode>EUR<",
            "<ram:InvoiceCurrencyCode>XYZ<",
            "FX-SCH-A-000040",
        ),
        ("format=\"102\"", "format=\"203\"", "FX-SCH-A-000022"),
        (
            "schemeID=\"0002\">1234",
            "schemeID=\"9999\">1234",
            "FX-SCH-A-000031",
        ),
    ] {
        let found = rules_of(&findings(&minimum.replacen(from, to, 1)));
        assert!(found.contains(&id), "{id}: {found:?}");
        // The same value in BASIC WL fires the BASIC WL id, not this one.
        let found = rules_of(&findings(&fixture("basicwl").replacen(from, to, 1)));
        assert!(!found.contains(&id), "{id} on BASIC WL: {found:?}");
    }
    // BASIC WL: a VAT category code (FX-SCH-A-000179) and an allowance
    // (charge indicator false) category code (…475).
    let basic_wl = fixture("basicwl");
    let found = rules_of(&findings(&basic_wl.replacen(
        "<ram:CategoryCode>S</ram:CategoryCode>\n        <ram:RateApplicablePercent>20</ram:RateApplicablePercent>\n      </ram:ApplicableTradeTax>",
        "<ram:CategoryCode>Q</ram:CategoryCode>\n        <ram:RateApplicablePercent>20</ram:RateApplicablePercent>\n      </ram:ApplicableTradeTax>",
        1,
    )));
    assert!(found.contains(&"FX-SCH-A-000179"), "{found:?}");
    let found = rules_of(&findings(&basic_wl.replacen(
        "<ram:CategoryCode>S</ram:CategoryCode>\n          <ram:RateApplicablePercent>20</ram:RateApplicablePercent>\n        </ram:CategoryTradeTax>",
        "<ram:CategoryCode>Q</ram:CategoryCode>\n          <ram:RateApplicablePercent>20</ram:RateApplicablePercent>\n        </ram:CategoryTradeTax>",
        1,
    )));
    assert!(
        found.contains(&"FX-SCH-A-000475") && !found.contains(&"FX-SCH-A-000482"),
        "{found:?}"
    );
    // Not on an EN 16931 profile, and not without the Factur-X rules.
    let basic = fixture("basic").replacen("<ram:TypeCode>380<", "<ram:TypeCode>999<", 1);
    assert!(
        !rules_of(&findings(&basic))
            .iter()
            .any(|r| r.starts_with("FX-SCH-A-"))
    );
    let xml = minimum.replacen("<ram:TypeCode>380<", "<ram:TypeCode>999<", 1);
    let report = crate::validate_bytes(xml.as_bytes(), &crate::Profile::En16931)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !report.fired().iter().any(|r| r.starts_with("FX-")),
        "{:?}",
        report.fired()
    );
}

#[test]
fn every_code_rule_fires_on_a_value_outside_its_list_and_not_on_one_inside() {
    // Each rule's path is built into a document; its value is first a code
    // of the list, then one that is not.
    for rule in schematron::CODE_RULES {
        let list_value = rule.list.iter().next().unwrap_or("");
        // The profile comes from BT-24 itself: its rule can only see an
        // identifier facture recognises once trimmed, that the list lacks.
        let spec = rule
            .steps
            .iter()
            .any(|(n, _)| *n == "ram:GuidelineSpecifiedDocumentContextParameter");
        let (list_value, outside) = if spec {
            let id = rule.profile.specification().to_owned();
            (id.clone(), format!(" {id} "))
        } else {
            (list_value.to_owned(), "NOT-A-CODE".to_owned())
        };
        for (value, fires) in [(list_value.as_str(), false), (outside.as_str(), true)] {
            let xml = document_at(rule, value);
            let doc = crate::syntax::tree::Document::parse(&xml)
                .unwrap_or_else(|e| panic!("{}: {e}", rule.id));
            let mut out = Checker::new(Some(Syntax::Cii));
            (codes::FAMILY.check)(&doc, &mut out);
            assert_eq!(
                out.fired_ids().contains(&rule.id),
                fires,
                "{} {value:?}:\n{xml}",
                rule.id
            );
        }
    }
}

/// A document holding just what `rule`'s path needs, with `value` where
/// the rule reads it, and BT-24 naming the rule's profile.
fn document_at(rule: &codes::CodeRule, value: &str) -> String {
    use codes::{Filter, Value};
    let mut open = String::new();
    let mut close = Vec::new();
    let spec = format!(
        "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>{}</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>",
        rule.profile.specification()
    );
    let last = rule.steps.len().saturating_sub(1);
    for (i, (name, filter)) in rule.steps.iter().enumerate() {
        let mut attrs = String::new();
        let mut inner = String::new();
        match filter {
            Filter::All | Filter::WithoutAttribute(_) => {}
            Filter::CurrencyOf(_) => attrs.push_str(&format!(" currencyID=\"{value}\"")),
            Filter::Indicator(v) => {
                inner = format!(
                    "<ram:ChargeIndicator><udt:Indicator>{v}</udt:Indicator></ram:ChargeIndicator>"
                );
            }
        }
        if i == last
            && let Value::Attribute(a) = rule.value
            && !attrs.contains(&format!(" {a}="))
        {
            attrs.push_str(&format!(" {a}=\"{value}\""));
        }
        if i == 0 {
            open.push_str(&format!(
                "<{name} xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\" xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\" xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\" xmlns:qdt=\"urn:un:unece:uncefact:data:standard:QualifiedDataType:100\">"
            ));
            if !rule
                .steps
                .iter()
                .any(|(n, _)| *n == "rsm:ExchangedDocumentContext")
            {
                open.push_str(&spec);
            }
        } else {
            open.push_str(&format!("<{name}{attrs}>{inner}"));
        }
        close.push(format!("</{name}>"));
    }
    if let Value::Text = rule.value {
        open.push_str(value);
    }
    // A CurrencyOf filter compares with a sibling two levels up.
    let mut xml = open;
    for tag in close.iter().rev() {
        xml.push_str(tag);
    }
    for (i, (_, filter)) in rule.steps.iter().enumerate() {
        if let Filter::CurrencyOf(sibling) = filter {
            // The value compared is the attribute itself: the sibling
            // two levels up holds the same code.
            let grand = rule
                .steps
                .get(i.saturating_sub(2))
                .map(|(n, _)| *n)
                .unwrap_or("");
            let marker = format!("</{grand}>");
            if let Some(at) = xml.rfind(&marker) {
                xml.insert_str(at, &format!("<ram:{sibling}>{value}</ram:{sibling}>"));
            }
        }
    }
    xml
}

/// The BASIC fixture declared EXTENDED, with `edits` (each replaces the
/// first occurrence of a text, which must be there).
fn extended(edits: &[(&str, &str)]) -> String {
    let basic = "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic";
    let mut xml = fixture("basic").replacen(basic, FacturXProfile::Extended.specification(), 1);
    for (from, to) in edits {
        assert!(xml.contains(from), "{from}");
        xml = xml.replacen(from, to, 1);
    }
    xml
}

/// The `BR-FXEXT-*` ids fired, sorted and deduplicated.
fn fxext(xml: &str) -> Vec<&'static str> {
    let mut ids: Vec<_> = rules_of(&findings(xml))
        .into_iter()
        .filter(|id| id.starts_with("BR-FXEXT-"))
        .collect();
    ids.dedup();
    ids
}

/// A text to replace, and its replacement.
type Edit<'a> = (&'a str, &'a str);

const QUANTITY: &str = r#"<ram:BilledQuantity unitCode="C62">10</ram:BilledQuantity>"#;
const LINE_SETTLEMENT: &str =
    "</ram:ApplicableTradeTax>\n        <ram:SpecifiedTradeSettlementLineMonetarySummation>";
const PRODUCT: &str = "<ram:Name>Ramette papier A4</ram:Name>";

#[test]
fn every_extended_variant_fires_on_its_own_breach_and_not_on_the_valid_invoice() {
    assert!(findings(&extended(&[])).is_empty());
    let cases: &[(&[Edit], &[&str])] = &[
        (&[(QUANTITY, "")], &["BR-FXEXT-BR-22", "BR-FXEXT-BR-23"]),
        (
            &[(QUANTITY, "<ram:BilledQuantity>10</ram:BilledQuantity>")],
            &["BR-FXEXT-BR-23"],
        ),
        (
            &[("<ram:LineTotalAmount>45.00</ram:LineTotalAmount>", "")],
            &[
                "BR-FXEXT-BR-24",
                "BR-FXEXT-CO-10",
                "BR-FXEXT-CO-13",
                "BR-FXEXT-S-08ini",
                "BR-FXEXT-S-08rev",
                "BR-FXEXT-S08b",
            ],
        ),
        (
            &[("<ram:ChargeAmount>4.50</ram:ChargeAmount>", "")],
            &["BR-FXEXT-BR-26"],
        ),
        // The type code must be written `VAT` exactly.
        (
            &[(
                "<ram:TypeCode>VAT</ram:TypeCode>",
                "<ram:TypeCode>vat</ram:TypeCode>",
            )],
            &["BR-FXEXT-CO-04"],
        ),
        (
            &[("<ram:Reason>Frais de port</ram:Reason>", "")],
            &["BR-FXEXT-BR-38"],
        ),
        (
            &[(
                LINE_SETTLEMENT,
                "</ram:ApplicableTradeTax><ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>0.00</ram:ActualAmount></ram:SpecifiedTradeAllowanceCharge><ram:SpecifiedTradeSettlementLineMonetarySummation>",
            )],
            &["BR-FXEXT-BR-44"],
        ),
        (
            &[(
                PRODUCT,
                "<ram:Name>Ramette papier A4</ram:Name><ram:ApplicableProductCharacteristic><ram:Value>A4</ram:Value></ram:ApplicableProductCharacteristic>",
            )],
            &["BR-FXEXT-BR-54-1"],
        ),
        (
            &[(
                PRODUCT,
                r#"<ram:Name>Ramette papier A4</ram:Name><ram:ApplicableProductCharacteristic><ram:Description>Format</ram:Description><ram:Value>A4</ram:Value><ram:ValueMeasure unitCode="MMT">210</ram:ValueMeasure></ram:ApplicableProductCharacteristic>"#,
            )],
            &["BR-FXEXT-BR-54-2"],
        ),
        (
            &[(
                "<ram:LineTotalAmount>105.00<",
                "<ram:LineTotalAmount>105.05<",
            )],
            &["BR-FXEXT-CO-10"],
        ),
        (
            &[(
                "<ram:AllowanceTotalAmount>10.00<",
                "<ram:AllowanceTotalAmount>10.05<",
            )],
            &["BR-FXEXT-CO-11"],
        ),
        (
            &[(
                "<ram:ChargeTotalAmount>5.00<",
                "<ram:ChargeTotalAmount>5.05<",
            )],
            &["BR-FXEXT-CO-12"],
        ),
        (
            &[
                (
                    "<ram:TaxBasisTotalAmount>100.00<",
                    "<ram:TaxBasisTotalAmount>100.10<",
                ),
                (
                    "<ram:GrandTotalAmount>120.00<",
                    "<ram:GrandTotalAmount>120.10<",
                ),
                (
                    "<ram:DuePayableAmount>120.00<",
                    "<ram:DuePayableAmount>120.10<",
                ),
            ],
            &["BR-FXEXT-CO-13"],
        ),
        (
            &[
                (
                    "<ram:GrandTotalAmount>120.00<",
                    "<ram:GrandTotalAmount>121.00<",
                ),
                (
                    "<ram:DuePayableAmount>120.00<",
                    "<ram:DuePayableAmount>121.00<",
                ),
            ],
            &["BR-FXEXT-CO-15"],
        ),
        // BT-110 must be given in the invoice currency.
        (
            &[(r#"currencyID="EUR""#, r#"currencyID="USD""#)],
            &["BR-FXEXT-CO-15"],
        ),
        (
            &[(
                "<ram:DuePayableAmount>120.00<",
                "<ram:DuePayableAmount>119.00<",
            )],
            &["BR-FXEXT-CO-16"],
        ),
        (
            &[(
                "<ram:CategoryCode>S</ram:CategoryCode>\n        <ram:RateApplicablePercent>20</ram:RateApplicablePercent>\n      </ram:ApplicableTradeTax>",
                "<ram:RateApplicablePercent>20</ram:RateApplicablePercent>\n      </ram:ApplicableTradeTax>",
            )],
            &["BR-FXEXT-S-01"],
        ),
    ];
    for (edits, expected) in cases {
        let xml = extended(edits);
        assert_eq!(fxext(&xml), *expected, "{edits:?}");
        // Declared EN 16931 (or BASIC), no variant fires.
        let en = xml.replacen(
            FacturXProfile::Extended.specification(),
            FacturXProfile::En16931.specification(),
            1,
        );
        assert!(fxext(&en).is_empty(), "{edits:?}");
    }
}

#[test]
fn the_vat_category_variants_fire_when_the_breakdown_lacks_a_category_a_detail_line_has() {
    // (S is the fixture's category: BR-FXEXT-S-01 is tested above.)
    for (code, id) in extended::CATEGORY_01.iter().filter(|(c, _)| *c != "S") {
        let category = format!("<ram:CategoryCode>{code}</ram:CategoryCode>");
        let xml = extended(&[("<ram:CategoryCode>S</ram:CategoryCode>", &category)]);
        let ids = fxext(&xml);
        let categories: Vec<_> = ids.iter().filter(|i| i.ends_with("-01")).collect();
        assert_eq!(categories, [id], "{code}");
        // A subtotal line (GROUP) does not count.
        let group =
            "<ram:LineID>1</ram:LineID><ram:LineStatusReasonCode>GROUP</ram:LineStatusReasonCode>";
        let xml = extended(&[
            ("<ram:CategoryCode>S</ram:CategoryCode>", &category),
            ("<ram:LineID>1</ram:LineID>", group),
        ]);
        assert!(!fxext(&xml).contains(id), "{code}");
    }
}

#[test]
fn extended_drops_the_en16931_rules_it_redefines_and_admits_logistics_charges() {
    // A subtotal line without quantity, price or net amount: BR-22, BR-23,
    // BR-24, BR-26 would fire, their EXTENDED variants do not.
    let group = extended(&[
        (
            "<ram:LineID>2</ram:LineID>",
            "<ram:LineID>2</ram:LineID><ram:LineStatusReasonCode>GROUP</ram:LineStatusReasonCode>",
        ),
        ("<ram:ChargeAmount>6.00</ram:ChargeAmount>", ""),
        ("<ram:LineTotalAmount>60.00</ram:LineTotalAmount>", ""),
    ]);
    let at = group.find("GROUP").unwrap_or_default();
    let group = format!("{}{}", &group[..at], group[at..].replacen(QUANTITY, "", 1));
    let ids = rules_of(&findings(&group));
    for id in [
        "BR-22",
        "BR-23",
        "BR-24",
        "BR-26",
        "BR-FXEXT-BR-22",
        "BR-FXEXT-BR-23",
    ] {
        assert!(!ids.contains(&id), "{id}: {ids:?}");
    }
    // Its net amount no longer counts in the totals.
    assert!(ids.contains(&"BR-FXEXT-CO-10"), "{ids:?}");
    // A logistics service charge counts as a document level charge.
    let logistics = "<ram:SpecifiedLogisticsServiceCharge><ram:Description>Transport</ram:Description><ram:AppliedAmount>10.00</ram:AppliedAmount><ram:AppliedTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:AppliedTradeTax></ram:SpecifiedLogisticsServiceCharge>\n      <ram:SpecifiedTradePaymentTerms>";
    let xml = extended(&[
        ("<ram:SpecifiedTradePaymentTerms>", logistics),
        (
            "<ram:CalculatedAmount>20.00<",
            "<ram:CalculatedAmount>22.00<",
        ),
        ("<ram:BasisAmount>100.00<", "<ram:BasisAmount>110.00<"),
        (
            "<ram:ChargeTotalAmount>5.00<",
            "<ram:ChargeTotalAmount>15.00<",
        ),
        (
            "<ram:TaxBasisTotalAmount>100.00<",
            "<ram:TaxBasisTotalAmount>110.00<",
        ),
        (r#"currencyID="EUR">20.00<"#, r#"currencyID="EUR">22.00<"#),
        (
            "<ram:GrandTotalAmount>120.00<",
            "<ram:GrandTotalAmount>132.00<",
        ),
        (
            "<ram:DuePayableAmount>120.00<",
            "<ram:DuePayableAmount>132.00<",
        ),
    ]);
    let ids = rules_of(&findings(&xml));
    // Nor does the CII syntax binding rule that forbids it in EN 16931
    // (CII-SR-396, which no Factur-X schematron has).
    assert!(
        ids.iter()
            .all(|id| !id.starts_with("BR-") && !id.starts_with("CII-")),
        "{ids:?}"
    );
    // Declared EN 16931, where a logistics charge is not a document level
    // charge: BR-CO-12, BR-S-08 and CII-SR-396 fire.
    let en = xml.replacen(
        FacturXProfile::Extended.specification(),
        FacturXProfile::En16931.specification(),
        1,
    );
    let ids = rules_of(&findings(&en));
    for id in ["BR-CO-12", "BR-S-08", "CII-SR-396"] {
        assert!(ids.contains(&id), "{id}: {ids:?}");
    }
}

/// The fixture with every VAT category `S` turned into `code`.
fn in_category(code: &str, edits: &[Edit]) -> String {
    let category = format!("<ram:CategoryCode>{code}</ram:CategoryCode>");
    extended(edits).replace("<ram:CategoryCode>S</ram:CategoryCode>", &category)
}

#[test]
fn the_vat_breakdown_variants_sum_by_category_rate_and_exemption_reason() {
    let reason = (
        "<ram:BasisAmount>100.00</ram:BasisAmount>",
        "<ram:BasisAmount>100.00</ram:BasisAmount><ram:ExemptionReason>Motif</ram:ExemptionReason>",
    );
    for rule in extended::CATEGORY_08 {
        let of = |xml: String| -> Vec<&str> {
            fxext(&xml)
                .into_iter()
                .filter(|id| [rule.b, rule.ini, rule.rev].contains(id))
                .collect()
        };
        assert!(of(in_category(rule.code, &[])).is_empty(), "{}", rule.code);
        let off = ("<ram:BasisAmount>100.00<", "<ram:BasisAmount>90.00<");
        let mut all = vec![rule.b, rule.ini, rule.rev];
        all.sort_unstable();
        assert_eq!(of(in_category(rule.code, &[off])), all, "{}", rule.code);
        // An exemption reason on the breakdown only: the lines do not
        // match it (rev), though the sums by rate do (ini).
        assert_eq!(
            of(in_category(rule.code, &[reason])),
            [rule.rev],
            "{}",
            rule.code
        );
    }
    // Two breakdowns of one rate, told apart by their exemption reasons:
    // each balances its own lines (rev), not the rate's (ini).
    let split = extended(&[
        (
            "<ram:TypeCode>VAT</ram:TypeCode>\n          <ram:CategoryCode>S</ram:CategoryCode>",
            "<ram:TypeCode>VAT</ram:TypeCode><ram:ExemptionReason>A</ram:ExemptionReason>\n          <ram:CategoryCode>S</ram:CategoryCode>",
        ),
        (
            "<ram:BasisAmount>100.00</ram:BasisAmount>",
            "<ram:BasisAmount>45.00</ram:BasisAmount><ram:ExemptionReason>A</ram:ExemptionReason>",
        ),
        (
            "<ram:ApplicableTradeTax>\n        <ram:CalculatedAmount>",
            "<ram:ApplicableTradeTax><ram:CalculatedAmount>11.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>55.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>\n      <ram:ApplicableTradeTax>\n        <ram:CalculatedAmount>",
        ),
    ]);
    let ids = fxext(&split);
    assert!(ids.contains(&"BR-FXEXT-S-08ini"), "{ids:?}");
    assert!(!ids.contains(&"BR-FXEXT-S-08rev"), "{ids:?}");
    assert!(!ids.contains(&"BR-FXEXT-S08b"), "{ids:?}");
}

#[test]
fn the_standard_rate_vat_amount_is_the_basis_times_the_rate_within_a_cent_per_amount() {
    // Four amounts of category S at 20 %: two lines, an allowance, a charge.
    let vat = |amount: &str| {
        let to = format!("<ram:CalculatedAmount>{amount}<");
        fxext(&extended(&[("<ram:CalculatedAmount>20.00<", &to)]))
    };
    assert!(vat("20.04").is_empty());
    assert_eq!(vat("20.05"), ["BR-FXEXT-S-09b"]);
    assert_eq!(vat("19.00"), ["BR-FXEXT-S-09b"]);
}
