//! The harness every model rule family is tested with.
//!
//! Each family declares `FIRES`: for each rule id, one or more mutations of
//! a valid invoice that must make that rule fire. The valid invoices
//! (`examples/*.xml`) are the "does not fire" cases: no rule of any family
//! may fire on them. A test checks that every id a family claims to check
//! has at least one firing case.

#![allow(dead_code)] // Until every family uses the whole harness.

use super::FAMILIES;
use crate::model::Invoice;
use crate::rules::engine::Checker;
use crate::syntax::Syntax;

/// A named mutation of a valid invoice that must make a rule fire.
pub(crate) type Case = (&'static str, fn(&mut Invoice));

/// The valid bundled invoices, read into the model, with their syntax.
pub(crate) fn valid_invoices() -> Vec<(Syntax, Invoice)> {
    [
        include_str!("../../../examples/ubl-invoice.xml"),
        include_str!("../../../examples/ubl-credit-note.xml"),
        include_str!("../../../examples/cii-invoice.xml"),
        include_str!("../../../examples/cii-credit-note.xml"),
    ]
    .iter()
    .map(|xml| match crate::read(xml.as_bytes()) {
        Ok(doc) => (doc.syntax, doc.invoice),
        Err(e) => panic!("bundled example unreadable: {e}"),
    })
    .collect()
}

/// The ids every model family fires on `invoice` read from `syntax`.
pub(crate) fn fired(invoice: &Invoice, syntax: Syntax) -> Vec<&'static str> {
    let mut checker = Checker::new(Some(syntax));
    for family in FAMILIES {
        (family.check)(invoice, &mut checker);
    }
    let mut ids = checker.fired_ids();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Asserts that each case makes its rule fire on every valid invoice (in
/// its own syntax), and that the family's rules fire on none of the valid
/// invoices unmutated.
pub(crate) fn check_cases(cases: &[Case], ids: &[&str]) {
    for (syntax, base) in valid_invoices() {
        let on_valid = fired(&base, syntax);
        let wrong: Vec<_> = on_valid.iter().filter(|id| ids.contains(id)).collect();
        assert!(wrong.is_empty(), "{syntax}: valid invoice fires {wrong:?}");
        for (id, mutate) in cases {
            let mut invoice = base.clone();
            mutate(&mut invoice);
            let rule_applies =
                crate::rules::catalogue::rule(id).is_some_and(|r| r.applies_to(Some(syntax)));
            if rule_applies {
                assert!(
                    fired(&invoice, syntax).contains(id),
                    "{syntax}: {id} does not fire on its case"
                );
            }
        }
    }
    for id in ids {
        assert!(
            cases.iter().any(|(c, _)| c == id),
            "{id} is checked but has no firing case"
        );
    }
}

#[test]
fn every_checked_id_is_catalogued() {
    for family in FAMILIES {
        for id in family.ids {
            assert!(
                crate::rules::catalogue::rule(id).is_some(),
                "{id} is checked but not in rules/en16931.toml"
            );
        }
    }
}

/// Regression (found by `facture::generate`): a bare model of a credit note
/// (381) was checked against the UBL `Invoice` type codes and failed BR-CL-01.
#[test]
fn bare_model_credit_note_passes_br_cl_01() {
    let credit_note = valid_invoices()
        .into_iter()
        .map(|(_, invoice)| invoice)
        .find(|i| i.type_code.as_ref().is_some_and(|c| c.is_credit_note()));
    let Some(mut invoice) = credit_note else {
        panic!("no bundled credit note");
    };
    let report = crate::validate(&invoice, &crate::Profile::En16931);
    assert!(
        !report.fired().contains(&"BR-CL-01"),
        "{:?}",
        report.fired()
    );
    invoice.type_code = Some(crate::model::InvoiceTypeCode::from("999"));
    let report = crate::validate(&invoice, &crate::Profile::En16931);
    assert!(report.fired().contains(&"BR-CL-01"));
}

/// Regression (found by `facture::generate` against the official XSLT): in
/// CII the rules of L, M and O breakdowns shadow the generic breakdown rule
/// (same context node, earlier in the pattern), so BR-CO-17, BR-DEC-19 and
/// BR-DEC-20 never fail on such a breakdown; UBL still checks them.
#[test]
fn cii_generic_breakdown_rules_skip_l_m_o_breakdowns() {
    let Some(base) = valid_invoices()
        .into_iter()
        .find(|(syntax, _)| *syntax == Syntax::Cii)
        .map(|(_, invoice)| invoice)
    else {
        panic!("no bundled CII invoice");
    };
    for (code, shadowed) in [("L", true), ("M", true), ("O", true), ("S", false)] {
        let mut invoice = base.clone();
        let Some(v) = invoice.vat_breakdown.first_mut() else {
            panic!("the bundled CII invoice has no VAT breakdown");
        };
        v.category = Some(crate::model::VatCategoryCode::from(code));
        v.rate = Some(crate::model::Decimal::new(20, 0));
        let mut taxable = v.taxable_amount.unwrap_or_default();
        taxable.rescale(3);
        v.taxable_amount = Some(taxable);
        v.tax_amount = Some(v.tax_amount.unwrap_or_default() + crate::model::Decimal::TEN);
        let cii = fired(&invoice, Syntax::Cii);
        let ubl = fired(&invoice, Syntax::UblInvoice);
        for id in ["BR-CO-17", "BR-DEC-19"] {
            assert_eq!(cii.contains(&id), !shadowed, "CII {code} {id}: {cii:?}");
            assert!(ubl.contains(&id), "UBL {code} {id}: {ubl:?}");
        }
    }
}
