//! The tax scheme of a VAT category (`tax_scheme`) survives writing and
//! reading back in UBL and CII: `None` is VAT, another scheme is kept as
//! written, `Some("")` is a category without a scheme identifier.

use facture::{Syntax, Target};

fn example() -> facture::model::Invoice {
    let xml = include_str!("../examples/ubl-invoice.xml");
    facture::read(xml.as_bytes()).unwrap().invoice
}

#[test]
fn tax_schemes_round_trip_in_both_syntaxes() {
    let mut inv = example();
    assert!(inv.vat_breakdown.iter().all(|b| b.tax_scheme.is_none()));
    inv.vat_breakdown[0].tax_scheme = Some("GST".into());
    if let Some(vat) = inv.lines[0].vat.as_mut() {
        vat.tax_scheme = Some(String::new());
    }
    for target in [Target::UblInvoice, Target::Cii] {
        let written = facture::write(&inv, target).unwrap();
        let back = facture::read(&written.xml).unwrap();
        assert_eq!(
            back.syntax == Syntax::Cii,
            target == Target::Cii,
            "{target:?}"
        );
        let back = back.invoice;
        assert_eq!(back.vat_breakdown[0].tax_scheme.as_deref(), Some("GST"));
        assert_eq!(
            back.lines[0]
                .vat
                .as_ref()
                .and_then(|v| v.tax_scheme.as_deref()),
            Some("")
        );
        assert!(
            back.vat_breakdown[1..]
                .iter()
                .all(|b| b.tax_scheme.is_none())
        );
    }
}

#[test]
fn the_vat_scheme_is_compared_as_the_xpath_does() {
    let schemes = |xml: &str| -> Vec<Option<String>> {
        let inv = facture::read(xml.as_bytes()).unwrap().invoice;
        let lines = inv.lines.iter().filter_map(|l| l.vat.as_ref());
        lines
            .map(|v| v.tax_scheme.clone())
            .chain(inv.vat_breakdown.iter().map(|b| b.tax_scheme.clone()))
            .collect()
    };
    let example = include_str!("../examples/ubl-invoice.xml");
    // `normalize-space(upper-case(cbc:ID)) = 'VAT'`.
    let spaced = example.replace("<cbc:ID>VAT</cbc:ID>", "<cbc:ID> vat </cbc:ID>");
    let found = schemes(&spaced);
    assert!(!found.is_empty() && found.iter().all(Option::is_none));
    let other = example.replace("<cbc:ID>VAT</cbc:ID>", "<cbc:ID>GST</cbc:ID>");
    assert!(schemes(&other).iter().all(|s| s.as_deref() == Some("GST")));
    // CII compares `upper-case(ram:TypeCode)` without normalizing.
    let cii = include_str!("../examples/cii-invoice.xml");
    let lower = cii.replace(
        "<ram:TypeCode>VAT</ram:TypeCode>",
        "<ram:TypeCode>vat</ram:TypeCode>",
    );
    let found = schemes(&lower);
    assert!(!found.is_empty() && found.iter().all(Option::is_none));
    let spaced = cii.replace(
        "<ram:TypeCode>VAT</ram:TypeCode>",
        "<ram:TypeCode> VAT</ram:TypeCode>",
    );
    assert!(
        schemes(&spaced)
            .iter()
            .all(|s| s.as_deref() == Some(" VAT"))
    );
}
