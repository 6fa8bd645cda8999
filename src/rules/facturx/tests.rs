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
    };
    assert!(container_ids(&pdf, &inv).is_empty());
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
    for id in FAMILIES.iter().flat_map(|f| f.ids).chain(CONTAINER.ids) {
        let rule = crate::rules::catalogue::rule(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(rule.set, "facturx", "{id}");
    }
    let catalogued = crate::rules::catalogue::all()
        .iter()
        .filter(|r| r.set == "facturx")
        .count();
    assert_eq!(catalogued, FAMILIES[0].ids.len() + CONTAINER.ids.len());
}
