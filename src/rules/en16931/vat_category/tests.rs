//! Tests of the VAT category rules: one firing case per id on every valid
//! example, and the semantics where the syntaxes or the categories part.

use super::{FAMILY, check};
use crate::model::{
    Decimal, DocumentAllowance, DocumentCharge, Invoice, InvoiceLine, LineVat, TaxRepresentative,
    VatBreakdown, VatCategoryCode,
};
use crate::rules::en16931::tests::{Case, check_cases, valid_invoices};
use crate::rules::engine::Checker;
use crate::syntax::Syntax;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn code(c: &str) -> Option<VatCategoryCode> {
    Some(VatCategoryCode::from(c))
}

fn add_line(inv: &mut Invoice, cat: &str, rate: Option<&str>, net: &str) {
    inv.lines.push(InvoiceLine {
        id: Some("99".into()),
        net_amount: Some(d(net)),
        vat: Some(LineVat {
            category: code(cat),
            rate: rate.map(d),
            tax_scheme: None,
        }),
        ..InvoiceLine::default()
    });
}

fn add_allowance(inv: &mut Invoice, cat: &str, rate: Option<&str>, amount: &str) {
    inv.allowances.push(DocumentAllowance {
        amount: Some(d(amount)),
        vat_category: code(cat),
        vat_rate: rate.map(d),
        reason: Some("x".into()),
        ..DocumentAllowance::default()
    });
}

fn add_charge(inv: &mut Invoice, cat: &str, rate: Option<&str>, amount: &str) {
    inv.charges.push(DocumentCharge {
        amount: Some(d(amount)),
        vat_category: code(cat),
        vat_rate: rate.map(d),
        reason: Some("x".into()),
        ..DocumentCharge::default()
    });
}

fn add_breakdown(inv: &mut Invoice, cat: &str, rate: Option<&str>, taxable: &str, tax: &str) {
    inv.vat_breakdown.push(VatBreakdown {
        taxable_amount: Some(d(taxable)),
        tax_amount: Some(d(tax)),
        category: code(cat),
        rate: rate.map(d),
        ..VatBreakdown::default()
    });
}

fn with_reason(inv: &mut Invoice) {
    if let Some(b) = inv.vat_breakdown.last_mut() {
        b.exemption_reason = Some("reason".into());
    }
}

/// No seller, representative or buyer identifier any category accepts.
fn strip_ids(inv: &mut Invoice) {
    inv.seller.vat_id = None;
    inv.seller.tax_registration_id = None;
    inv.tax_representative = None;
    inv.buyer.vat_id = None;
    inv.buyer.legal_registration_id = None;
}

/// A category used on a line, with its breakdown, so that only the rule
/// under test is about it.
fn used(inv: &mut Invoice, cat: &str, rate: Option<&str>) {
    add_line(inv, cat, rate, "100");
    add_breakdown(inv, cat, rate, "100", "0");
}

fn used_with_tax(inv: &mut Invoice, cat: &str, rate: Option<&str>, tax: &str) {
    add_line(inv, cat, rate, "100");
    add_breakdown(inv, cat, rate, "100", tax);
}

const CASES: &[Case] = &[
    // S
    ("BR-S-01", |inv| {
        inv.vat_breakdown.clear();
        inv.lines.truncate(1);
        inv.allowances.clear();
        inv.charges.clear();
    }),
    ("BR-S-02", |inv| strip_ids(inv)),
    ("BR-S-03", |inv| {
        strip_ids(inv);
        add_allowance(inv, "S", Some("20"), "1");
    }),
    ("BR-S-04", |inv| {
        strip_ids(inv);
        add_charge(inv, "S", Some("20"), "1");
    }),
    ("BR-S-05", |inv| add_line(inv, "S", Some("0"), "0")),
    ("BR-S-06", |inv| add_allowance(inv, "S", None, "0")),
    ("BR-S-07", |inv| add_charge(inv, "S", Some("-1"), "0")),
    ("BR-S-08", |inv| {
        add_breakdown(inv, "S", Some("20"), "999999", "199999.80")
    }),
    ("BR-S-09", |inv| {
        add_breakdown(inv, "S", Some("3"), "0", "999")
    }),
    ("BR-S-10", |inv| {
        if let Some(b) = inv.vat_breakdown.first_mut() {
            b.exemption_reason_code = Some("VATEX-EU-79-C".into());
        }
    }),
    // Z
    ("BR-Z-01", |inv| add_line(inv, "Z", Some("0"), "0")),
    ("BR-Z-02", |inv| {
        strip_ids(inv);
        used(inv, "Z", Some("0"));
    }),
    ("BR-Z-03", |inv| {
        strip_ids(inv);
        add_allowance(inv, "Z", Some("0"), "0");
    }),
    ("BR-Z-04", |inv| {
        strip_ids(inv);
        add_charge(inv, "Z", Some("0"), "0");
    }),
    ("BR-Z-05", |inv| used(inv, "Z", Some("5"))),
    ("BR-Z-06", |inv| add_allowance(inv, "Z", None, "0")),
    ("BR-Z-07", |inv| add_charge(inv, "Z", Some("1"), "0")),
    ("BR-Z-08", |inv| {
        add_line(inv, "Z", Some("0"), "100");
        add_breakdown(inv, "Z", Some("0"), "50", "0");
    }),
    ("BR-Z-09", |inv| used_with_tax(inv, "Z", Some("0"), "3")),
    ("BR-Z-10", |inv| {
        used(inv, "Z", Some("0"));
        with_reason(inv);
    }),
    // E
    ("BR-E-01", |inv| add_allowance(inv, "E", Some("0"), "0")),
    ("BR-E-02", |inv| {
        strip_ids(inv);
        used(inv, "E", Some("0"));
    }),
    ("BR-E-03", |inv| {
        strip_ids(inv);
        add_allowance(inv, "E", Some("0"), "0");
    }),
    ("BR-E-04", |inv| {
        strip_ids(inv);
        add_charge(inv, "E", Some("0"), "0");
    }),
    ("BR-E-05", |inv| add_line(inv, "E", Some("10"), "0")),
    ("BR-E-06", |inv| add_allowance(inv, "E", Some("10"), "0")),
    ("BR-E-07", |inv| add_charge(inv, "E", None, "0")),
    ("BR-E-08", |inv| {
        used(inv, "E", Some("0"));
        add_charge(inv, "E", Some("0"), "5");
    }),
    ("BR-E-09", |inv| used_with_tax(inv, "E", Some("0"), "-2")),
    ("BR-E-10", |inv| used(inv, "E", Some("0"))),
    // AE
    ("BR-AE-01", |inv| add_charge(inv, "AE", Some("0"), "0")),
    ("BR-AE-02", |inv| {
        inv.buyer.vat_id = None;
        inv.buyer.legal_registration_id = None;
        used(inv, "AE", Some("0"));
    }),
    ("BR-AE-03", |inv| {
        strip_ids(inv);
        add_allowance(inv, "AE", Some("0"), "0");
    }),
    ("BR-AE-04", |inv| {
        strip_ids(inv);
        add_charge(inv, "AE", Some("0"), "0");
    }),
    ("BR-AE-05", |inv| add_line(inv, "AE", None, "0")),
    ("BR-AE-06", |inv| add_allowance(inv, "AE", Some("19"), "0")),
    ("BR-AE-07", |inv| add_charge(inv, "AE", Some("19"), "0")),
    ("BR-AE-08", |inv| {
        add_line(inv, "AE", Some("0"), "10");
        add_breakdown(inv, "AE", Some("0"), "12", "0");
    }),
    ("BR-AE-09", |inv| used_with_tax(inv, "AE", Some("0"), "5")),
    ("BR-AE-10", |inv| used(inv, "AE", Some("0"))),
    // K
    ("BR-IC-01", |inv| {
        used(inv, "K", Some("0"));
        add_breakdown(inv, "K", Some("0"), "0", "0");
    }),
    ("BR-IC-02", |inv| {
        inv.buyer.vat_id = None;
        used(inv, "K", Some("0"));
    }),
    ("BR-IC-03", |inv| {
        inv.seller.vat_id = None;
        inv.tax_representative = None;
        add_allowance(inv, "K", Some("0"), "0");
    }),
    ("BR-IC-04", |inv| {
        inv.buyer.vat_id = None;
        add_charge(inv, "K", Some("0"), "0");
    }),
    ("BR-IC-05", |inv| add_line(inv, "K", Some("20"), "0")),
    ("BR-IC-06", |inv| add_allowance(inv, "K", Some("20"), "0")),
    ("BR-IC-07", |inv| add_charge(inv, "K", Some("20"), "0")),
    ("BR-IC-08", |inv| {
        add_line(inv, "K", Some("0"), "10");
        add_breakdown(inv, "K", Some("0"), "8", "0");
    }),
    ("BR-IC-09", |inv| used_with_tax(inv, "K", Some("0"), "20")),
    ("BR-IC-10", |inv| used(inv, "K", Some("0"))),
    ("BR-IC-11", |inv| {
        used(inv, "K", Some("0"));
        inv.delivery = None;
        inv.period = None;
        inv.vat_point_date_code = None;
    }),
    ("BR-IC-12", |inv| {
        used(inv, "K", Some("0"));
        inv.delivery = None;
    }),
    // G
    ("BR-G-01", |inv| add_line(inv, "G", Some("0"), "0")),
    ("BR-G-02", |inv| {
        // BT-32 is not enough for G.
        inv.seller.vat_id = None;
        inv.seller.tax_registration_id = Some("123".into());
        inv.tax_representative = None;
        used(inv, "G", Some("0"));
    }),
    ("BR-G-03", |inv| {
        strip_ids(inv);
        add_allowance(inv, "G", Some("0"), "0");
    }),
    ("BR-G-04", |inv| {
        strip_ids(inv);
        add_charge(inv, "G", Some("0"), "0");
    }),
    ("BR-G-05", |inv| add_line(inv, "G", Some("1"), "0")),
    ("BR-G-06", |inv| add_allowance(inv, "G", Some("1"), "0")),
    ("BR-G-07", |inv| add_charge(inv, "G", Some("1"), "0")),
    ("BR-G-08", |inv| {
        add_breakdown(inv, "G", Some("0"), "100", "0")
    }),
    ("BR-G-09", |inv| used_with_tax(inv, "G", Some("0"), "0.01")),
    ("BR-G-10", |inv| used(inv, "G", Some("0"))),
    // O
    ("BR-O-01", |inv| {
        add_breakdown(inv, "O", None, "0", "0");
        add_breakdown(inv, "O", None, "0", "0");
    }),
    ("BR-O-02", |inv| used(inv, "O", None)),
    ("BR-O-03", |inv| add_allowance(inv, "O", None, "0")),
    ("BR-O-04", |inv| add_charge(inv, "O", None, "0")),
    ("BR-O-05", |inv| add_line(inv, "O", Some("0"), "0")),
    ("BR-O-06", |inv| add_allowance(inv, "O", Some("0"), "0")),
    ("BR-O-07", |inv| add_charge(inv, "O", Some("20"), "0")),
    ("BR-O-08", |inv| {
        add_line(inv, "O", None, "10");
        add_breakdown(inv, "O", None, "10.01", "0");
    }),
    ("BR-O-09", |inv| used_with_tax(inv, "O", None, "1")),
    ("BR-O-10", |inv| used(inv, "O", None)),
    ("BR-O-11", |inv| used(inv, "O", None)),
    ("BR-O-12", |inv| used(inv, "O", None)),
    ("BR-O-13", |inv| {
        used(inv, "O", None);
        add_allowance(inv, "S", Some("20"), "0");
    }),
    ("BR-O-14", |inv| {
        used(inv, "O", None);
        add_charge(inv, "E", Some("0"), "0");
    }),
    // L
    ("BR-AF-01", |inv| add_allowance(inv, "L", Some("7"), "0")),
    ("BR-AF-02", |inv| {
        strip_ids(inv);
        used(inv, "L", Some("7"));
    }),
    ("BR-AF-03", |inv| {
        strip_ids(inv);
        add_allowance(inv, "L", Some("7"), "0");
    }),
    ("BR-AF-04", |inv| {
        strip_ids(inv);
        add_charge(inv, "L", Some("7"), "0");
    }),
    ("BR-AF-05", |inv| add_line(inv, "L", Some("-7"), "0")),
    ("BR-AF-06", |inv| add_allowance(inv, "L", None, "0")),
    ("BR-AF-07", |inv| add_charge(inv, "L", Some("-1"), "0")),
    ("BR-AF-10", |inv| {
        used(inv, "L", Some("7"));
        with_reason(inv);
    }),
    // M
    ("BR-AG-01", |inv| add_charge(inv, "M", Some("4"), "0")),
    ("BR-AG-02", |inv| {
        strip_ids(inv);
        used(inv, "M", Some("4"));
    }),
    ("BR-AG-03", |inv| {
        strip_ids(inv);
        add_allowance(inv, "M", Some("4"), "0");
    }),
    ("BR-AG-04", |inv| {
        strip_ids(inv);
        add_charge(inv, "M", Some("4"), "0");
    }),
    ("BR-AG-05", |inv| add_line(inv, "M", Some("-4"), "0")),
    ("BR-AG-06", |inv| add_allowance(inv, "M", Some("-4"), "0")),
    ("BR-AG-07", |inv| add_charge(inv, "M", None, "0")),
    ("BR-AG-10", |inv| {
        used(inv, "M", Some("4"));
        with_reason(inv);
    }),
];

/// The rules whose CII test can never fail (`true()`, or an `every` over
/// the empty `../ram:RateApplicablePercent`): tested on UBL only.
const UBL_ONLY: &[&str] = &["BR-AF-08", "BR-AF-09", "BR-AG-08", "BR-AG-09"];

fn ours(inv: &Invoice, syntax: Syntax) -> Vec<&'static str> {
    let mut checker = Checker::new(Some(syntax));
    check(inv, &mut checker);
    let mut ids = checker.fired_ids();
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[test]
fn every_rule_fires_on_its_case_and_not_on_valid_invoices() {
    let ids: Vec<&str> = FAMILY
        .ids
        .iter()
        .copied()
        .filter(|id| !UBL_ONLY.contains(id))
        .collect();
    check_cases(CASES, &ids);
}

/// The valid examples of a syntax family.
fn examples(cii: bool) -> Vec<(Syntax, Invoice)> {
    valid_invoices()
        .into_iter()
        .filter(|(s, _)| (*s == Syntax::Cii) == cii)
        .collect()
}

fn fires_on(cii: bool, id: &str, mutate: fn(&mut Invoice)) -> bool {
    let results: Vec<bool> = examples(cii)
        .into_iter()
        .map(|(syntax, mut inv)| {
            mutate(&mut inv);
            ours(&inv, syntax).contains(&id)
        })
        .collect();
    assert!(
        results.iter().all(|r| *r == results[0]),
        "{id}: examples disagree"
    );
    results[0]
}

#[test]
fn igic_and_ipsi_amount_rules_fire_in_ubl_only() {
    let cases: &[Case] = &[
        ("BR-AF-08", |inv| {
            add_line(inv, "L", Some("7"), "100");
            add_breakdown(inv, "L", Some("7"), "102", "7.14");
        }),
        ("BR-AF-09", |inv| used_with_tax(inv, "L", Some("7"), "9")),
        ("BR-AG-08", |inv| {
            add_line(inv, "M", Some("4"), "100");
            add_breakdown(inv, "M", Some("4"), "98", "3.92");
        }),
        ("BR-AG-09", |inv| used_with_tax(inv, "M", Some("4"), "0")),
    ];
    for (id, mutate) in cases {
        assert!(fires_on(false, id, *mutate), "{id} in UBL");
        assert!(!fires_on(true, id, *mutate), "{id} in CII");
    }
}

#[test]
fn seller_tax_registration_is_enough_for_standard_rate_not_for_export() {
    fn only_bt32(inv: &mut Invoice) {
        inv.seller.vat_id = None;
        inv.seller.tax_registration_id = Some("123".into());
        inv.tax_representative = None;
    }
    for cii in [false, true] {
        assert!(!fires_on(cii, "BR-S-02", only_bt32));
        assert!(fires_on(cii, "BR-G-02", |inv| {
            only_bt32(inv);
            used(inv, "G", Some("0"));
        }));
        // The representative's VAT id stands in for the seller's.
        assert!(!fires_on(cii, "BR-G-02", |inv| {
            only_bt32(inv);
            inv.tax_representative = Some(TaxRepresentative {
                vat_id: Some("FR1".into()),
                ..TaxRepresentative::default()
            });
            used(inv, "G", Some("0"));
        }));
    }
}

#[test]
fn outside_scope_forbids_vat_identifiers() {
    for cii in [false, true] {
        assert!(fires_on(cii, "BR-O-02", |inv| used(inv, "O", None)));
        assert!(!fires_on(cii, "BR-O-02", |inv| {
            strip_ids(inv);
            used(inv, "O", None);
        }));
    }
}

#[test]
fn standard_taxable_amount_tolerance_differs_between_syntaxes() {
    // The examples' S breakdowns are exact; shift one by 0.5.
    fn shifted(inv: &mut Invoice) {
        if let Some(b) = inv.vat_breakdown.first_mut() {
            b.taxable_amount = b.taxable_amount.map(|t| t + d("0.5"));
        }
    }
    // UBL: within ±1 of the sum per rate.
    assert!(!fires_on(false, "BR-S-08", shifted));
    // CII: equal to the rounded sums.
    assert!(fires_on(true, "BR-S-08", shifted));
    // One full unit away fails in both.
    for cii in [false, true] {
        assert!(fires_on(cii, "BR-S-08", |inv| {
            if let Some(b) = inv.vat_breakdown.first_mut() {
                b.taxable_amount = b.taxable_amount.map(|t| t - Decimal::ONE);
            }
        }));
    }
}

#[test]
fn standard_rate_breakdown_without_rate_skips_the_taxable_check() {
    // `every $rate in xs:decimal(cbc:Percent)` over no rate is true.
    for cii in [false, true] {
        assert!(!fires_on(cii, "BR-S-08", |inv| {
            add_breakdown(inv, "S", None, "12345", "0");
        }));
    }
}

#[test]
fn presence_quirks_of_cii() {
    // Two S lines and no breakdown: count(lines) + count(breakdowns) >= 2.
    fn two_lines_no_breakdown(inv: &mut Invoice) {
        inv.vat_breakdown.clear();
        inv.allowances.clear();
        inv.charges.clear();
        inv.lines.truncate(1);
        add_line(inv, "S", Some("20"), "1");
    }
    assert!(fires_on(false, "BR-S-01", two_lines_no_breakdown));
    assert!(!fires_on(true, "BR-S-01", two_lines_no_breakdown));
    // An O line without an O breakdown passes BR-O-01 in CII only.
    assert!(fires_on(false, "BR-O-01", |inv| add_line(
        inv, "O", None, "0"
    )));
    assert!(!fires_on(true, "BR-O-01", |inv| add_line(
        inv, "O", None, "0"
    )));
    // A lone Z breakdown: fine in UBL, not in CII.
    assert!(!fires_on(false, "BR-Z-01", |inv| {
        add_breakdown(inv, "Z", Some("0"), "0", "0");
    }));
    assert!(fires_on(true, "BR-Z-01", |inv| {
        add_breakdown(inv, "Z", Some("0"), "0", "0");
    }));
}

#[test]
fn category_codes_are_compared_as_each_syntax_does() {
    // UBL normalizes spaces in cbc:ID; CII compares ram:CategoryCode as is.
    fn padded(inv: &mut Invoice) {
        add_line(inv, " E ", Some("10"), "0");
    }
    assert!(fires_on(false, "BR-E-05", padded));
    assert!(!fires_on(true, "BR-E-05", padded));
}

#[test]
fn igic_rate_zero_is_accepted_in_ubl_only() {
    fn zero(inv: &mut Invoice) {
        add_line(inv, "L", Some("0"), "0");
    }
    assert!(!fires_on(false, "BR-AF-05", zero));
    assert!(fires_on(true, "BR-AF-05", zero));
}

#[test]
fn exemption_reason_presence_is_element_presence() {
    for cii in [false, true] {
        assert!(!fires_on(cii, "BR-E-10", |inv| {
            used(inv, "E", Some("0"));
            if let Some(b) = inv.vat_breakdown.last_mut() {
                b.exemption_reason = Some(String::new());
            }
        }));
    }
}

#[test]
fn standard_tax_amount_tolerance() {
    for cii in [false, true] {
        // 100 × 20 % = 20: 20.99 passes, 21 does not.
        assert!(!fires_on(cii, "BR-S-09", |inv| {
            add_breakdown(inv, "S", Some("20"), "100", "20.99");
        }));
        assert!(fires_on(cii, "BR-S-09", |inv| {
            add_breakdown(inv, "S", Some("20"), "100", "21");
        }));
        // Credit-note signs: absolute values.
        assert!(!fires_on(cii, "BR-S-09", |inv| {
            add_breakdown(inv, "S", Some("20"), "-100", "-20");
        }));
    }
}

#[test]
fn igic_charge_trigger_compares_the_code_as_written_in_ubl() {
    // BR-AF-04 passes when no charge has `cbc:ID='L'` exactly.
    assert!(!fires_on(false, "BR-AF-04", |inv| {
        strip_ids(inv);
        add_charge(inv, " L", Some("7"), "0");
    }));
    // BR-AF-03 (allowances) normalizes.
    assert!(fires_on(false, "BR-AF-03", |inv| {
        strip_ids(inv);
        add_allowance(inv, " L", Some("7"), "0");
    }));
}

#[test]
fn intra_community_period_counts_the_vat_point_date_code_in_ubl() {
    fn code_only(inv: &mut Invoice) {
        used(inv, "K", Some("0"));
        inv.delivery = None;
        inv.period = None;
        inv.vat_point_date_code = Some(crate::model::VatPointDateCode::IssueDate);
    }
    assert!(!fires_on(false, "BR-IC-11", code_only));
    assert!(fires_on(true, "BR-IC-11", code_only));
}

#[test]
fn categories_outside_the_vat_scheme_are_skipped_where_the_xpath_filters() {
    fn gst_line_without_rate(inv: &mut Invoice) {
        add_line(inv, "S", None, "100");
        if let Some(vat) = inv.lines.last_mut().and_then(|l| l.vat.as_mut()) {
            vat.tax_scheme = Some("GST".into());
        }
    }
    // Rule 05's line context keeps the VAT scheme only, in both syntaxes.
    assert!(!fires_on(false, "BR-S-05", gst_line_without_rate));
    assert!(!fires_on(true, "BR-S-05", gst_line_without_rate));
    fn gst_breakdown_with_wrong_tax(inv: &mut Invoice) {
        add_breakdown(inv, "S", Some("10"), "100", "50");
        if let Some(b) = inv.vat_breakdown.last_mut() {
            b.tax_scheme = Some(String::new());
        }
    }
    // UBL's breakdown context filters on the scheme; CII's S context
    // (`ram:CategoryCode[.='S']`) does not.
    assert!(!fires_on(false, "BR-S-09", gst_breakdown_with_wrong_tax));
    assert!(fires_on(true, "BR-S-09", gst_breakdown_with_wrong_tax));
    fn zero_rated_gst_line(inv: &mut Invoice) {
        add_line(inv, "Z", Some("0"), "100");
        if let Some(vat) = inv.lines.last_mut().and_then(|l| l.vat.as_mut()) {
            vat.tax_scheme = Some("GST".into());
        }
    }
    // UBL BR-Z-01 counts VAT categories only; CII counts every type code.
    assert!(!fires_on(false, "BR-Z-01", zero_rated_gst_line));
    assert!(fires_on(true, "BR-Z-01", zero_rated_gst_line));
}

#[test]
fn standard_rate_line_of_another_scheme_fails_br_s_02_in_ubl_only() {
    fn only_gst_lines(inv: &mut Invoice) {
        for line in &mut inv.lines {
            if let Some(vat) = line.vat.as_mut() {
                vat.tax_scheme = Some("GST".into());
            }
        }
        add_line(inv, "S", Some("20"), "100");
        if let Some(vat) = inv.lines.last_mut().and_then(|l| l.vat.as_mut()) {
            vat.tax_scheme = Some("GST".into());
        }
    }
    // UBL passes BR-S-02 with a VAT S line (and the seller's id) or with no
    // S line at all, whatever its scheme; CII checks VAT S lines only.
    assert!(fires_on(false, "BR-S-02", only_gst_lines));
    assert!(!fires_on(true, "BR-S-02", only_gst_lines));
}
