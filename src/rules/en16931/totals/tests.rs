//! Firing cases for every rule of the family, and the rounding edges.

use super::FAMILY;
use crate::model::*;
use crate::rules::en16931::tests::{Case, check_cases, fired, valid_invoices};
use crate::syntax::Syntax;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn plus(x: Option<Decimal>, delta: &str) -> Option<Decimal> {
    Some(x.unwrap_or_default() + d(delta))
}

/// The ids that never fire in UBL (their UBL test cannot fail), tested on
/// CII only below.
const CII_ONLY_FIRING: &[&str] = &["BR-DEC-13", "BR-DEC-15"];

/// Rules whose official test is `true()`: checked by never firing.
const NEVER_FIRING: &[&str] = &["BR-CO-05", "BR-CO-06", "BR-CO-07", "BR-CO-08"];

const CASES: &[Case] = &[
    ("BR-CO-19", |inv| {
        inv.period = Some(crate::model::Period::default());
        inv.vat_point_date_code = None;
    }),
    ("BR-CO-20", |inv| {
        if let Some(line) = inv.lines.first_mut() {
            line.period = Some(crate::model::Period::default());
        }
    }),
    ("BR-CO-03", |inv| {
        inv.vat_point_date = NaiveDate::from_ymd_opt(2026, 1, 31);
        inv.vat_point_date_code = Some(VatPointDateCode::IssueDate);
    }),
    ("BR-CO-04", |inv| inv.lines[0].vat = None),
    ("BR-CO-09", |inv| {
        inv.seller.vat_id = Some("QQ123456789".into())
    }),
    ("BR-CO-10", |inv| {
        inv.totals.line_net_total = plus(inv.totals.line_net_total, "0.01")
    }),
    ("BR-CO-11", |inv| {
        inv.totals.allowance_total = Some(d("98765.43"))
    }),
    ("BR-CO-12", |inv| {
        inv.totals.charge_total = Some(d("98765.43"))
    }),
    ("BR-CO-13", |inv| {
        inv.totals.tax_exclusive_amount = plus(inv.totals.tax_exclusive_amount, "0.01")
    }),
    ("BR-CO-14", |inv| {
        inv.totals.tax_amount = plus(inv.totals.tax_amount, "0.01")
    }),
    ("BR-CO-15", |inv| {
        inv.totals.tax_inclusive_amount = plus(inv.totals.tax_inclusive_amount, "0.01")
    }),
    ("BR-CO-16", |inv| {
        inv.totals.amount_due = plus(inv.totals.amount_due, "0.01")
    }),
    ("BR-CO-17", |inv| {
        let v = &mut inv.vat_breakdown[0];
        v.taxable_amount = Some(d("100.00"));
        v.rate = Some(d("20"));
        v.tax_amount = Some(d("25.00"));
    }),
    ("BR-CO-18", |inv| inv.vat_breakdown.clear()),
    ("BR-CO-21", |inv| {
        inv.allowances.push(DocumentAllowance::default())
    }),
    ("BR-CO-22", |inv| {
        inv.charges.push(DocumentCharge::default())
    }),
    ("BR-CO-23", |inv| {
        inv.lines[0].allowances.push(LineAllowance::default())
    }),
    ("BR-CO-24", |inv| {
        inv.lines[0].charges.push(LineCharge::default())
    }),
    ("BR-CO-26", |inv| {
        inv.seller.identifiers.clear();
        inv.seller.legal_registration_id = None;
        inv.seller.vat_id = None;
    }),
    ("BR-DEC-01", |inv| {
        inv.allowances.push(DocumentAllowance {
            amount: Some(d("1.001")),
            ..Default::default()
        })
    }),
    ("BR-DEC-02", |inv| {
        inv.allowances.push(DocumentAllowance {
            base_amount: Some(d("1.000")),
            ..Default::default()
        })
    }),
    ("BR-DEC-05", |inv| {
        inv.charges.push(DocumentCharge {
            amount: Some(d("-1.001")),
            ..Default::default()
        })
    }),
    ("BR-DEC-06", |inv| {
        inv.charges.push(DocumentCharge {
            base_amount: Some(d("1.000")),
            ..Default::default()
        })
    }),
    ("BR-DEC-09", |inv| {
        inv.totals.line_net_total = Some(d("1.000"))
    }),
    ("BR-DEC-10", |inv| {
        inv.totals.allowance_total = Some(d("1.000"))
    }),
    ("BR-DEC-11", |inv| {
        inv.totals.charge_total = Some(d("1.000"))
    }),
    ("BR-DEC-12", |inv| {
        inv.totals.tax_exclusive_amount = Some(d("1.000"))
    }),
    ("BR-DEC-13", |inv| inv.totals.tax_amount = Some(d("1.005"))),
    ("BR-DEC-14", |inv| {
        inv.totals.tax_inclusive_amount = Some(d("1.000"))
    }),
    ("BR-DEC-15", |inv| {
        inv.vat_accounting_currency = Some(CurrencyCode::from("SEK"));
        inv.totals.tax_amount_accounting = Some(TaxAmountInCurrency {
            amount: d("1.005"),
            currency: Some(CurrencyCode::from("SEK")),
        });
    }),
    ("BR-DEC-16", |inv| {
        inv.totals.prepaid_amount = Some(d("1.000"))
    }),
    ("BR-DEC-17", |inv| {
        inv.totals.rounding_amount = Some(d("1.000"))
    }),
    ("BR-DEC-18", |inv| inv.totals.amount_due = Some(d("1.000"))),
    ("BR-DEC-19", |inv| {
        inv.vat_breakdown[0].taxable_amount = Some(d("1.000"))
    }),
    ("BR-DEC-20", |inv| {
        inv.vat_breakdown[0].tax_amount = Some(d("1.000"))
    }),
    ("BR-DEC-23", |inv| {
        inv.lines[0].net_amount = Some(d("1.000"))
    }),
    ("BR-DEC-24", |inv| {
        inv.lines[0].allowances.push(LineAllowance {
            amount: Some(d("1.000")),
            ..Default::default()
        })
    }),
    ("BR-DEC-25", |inv| {
        inv.lines[0].allowances.push(LineAllowance {
            base_amount: Some(d("1.000")),
            ..Default::default()
        })
    }),
    ("BR-DEC-27", |inv| {
        inv.lines[0].charges.push(LineCharge {
            amount: Some(d("1.000")),
            ..Default::default()
        })
    }),
    ("BR-DEC-28", |inv| {
        inv.lines[0].charges.push(LineCharge {
            base_amount: Some(d("1.000")),
            ..Default::default()
        })
    }),
];

#[test]
fn every_rule_fires_on_its_case_and_not_on_the_examples() {
    let both: Vec<&str> = FAMILY
        .ids
        .iter()
        .copied()
        .filter(|id| !CII_ONLY_FIRING.contains(id) && !NEVER_FIRING.contains(id))
        .collect();
    let cases: Vec<Case> = CASES
        .iter()
        .copied()
        .filter(|(id, _)| !CII_ONLY_FIRING.contains(id))
        .collect();
    check_cases(&cases, &both);
}

/// The valid example of `syntax` (an invoice, not a credit note).
fn base(syntax: Syntax) -> Invoice {
    valid_invoices()
        .into_iter()
        .find(|(s, inv)| *s == syntax && inv.type_code.as_ref().map(|c| c.code()) == Some("380"))
        .map(|(_, inv)| inv)
        .unwrap()
}

fn fires(inv: &Invoice, syntax: Syntax, id: &str) -> bool {
    fired(inv, syntax).contains(&id)
}

fn case(id: &str) -> fn(&mut Invoice) {
    CASES.iter().find(|(c, _)| *c == id).unwrap().1
}

#[test]
fn reason_code_consistency_rules_never_fire() {
    // Allowances and charges whose reason text and code disagree: the
    // official test of BR-CO-05…08 is `true()`, so nothing fires.
    for syntax in [Syntax::UblInvoice, Syntax::Cii] {
        let mut inv = base(syntax);
        for a in &mut inv.allowances {
            a.reason = Some("Transport".into());
            a.reason_code = Some("95".into());
        }
        for c in &mut inv.charges {
            c.reason = Some("Remise".into());
            c.reason_code = Some("FC".into());
        }
        let ids = fired(&inv, syntax);
        for id in NEVER_FIRING {
            assert!(!ids.contains(id), "{syntax}: {id} fired");
        }
    }
}

#[test]
fn periods_without_dates() {
    use crate::model::Period;
    for syntax in [Syntax::UblInvoice, Syntax::Cii] {
        let mut inv = base(syntax);
        inv.period = Some(Period::default());
        inv.vat_point_date_code = None;
        assert!(fires(&inv, syntax, "BR-CO-19"), "{syntax}");
        // In UBL a DescriptionCode (BT-8) alone in the period satisfies it.
        inv.vat_point_date_code = Some("3".into());
        assert_eq!(
            fires(&inv, syntax, "BR-CO-19"),
            syntax == Syntax::Cii,
            "{syntax}"
        );
        inv.period = Some(Period {
            start: None,
            end: crate::model::NaiveDate::from_ymd_opt(2026, 1, 31),
        });
        assert!(!fires(&inv, syntax, "BR-CO-19"), "{syntax}");
        let mut inv = base(syntax);
        if let Some(line) = inv.lines.first_mut() {
            line.period = Some(Period::default());
        }
        assert!(fires(&inv, syntax, "BR-CO-20"), "{syntax}");
    }
}

#[test]
fn dec_13_and_15_fire_in_cii_only() {
    for id in CII_ONLY_FIRING {
        for syntax in [Syntax::UblInvoice, Syntax::Cii] {
            let mut inv = base(syntax);
            case(id)(&mut inv);
            assert_eq!(
                fires(&inv, syntax, id),
                syntax == Syntax::Cii,
                "{id} {syntax}"
            );
        }
    }
    // Numeric, not lexical, in CII: 1.000 has two decimals as a number.
    let mut inv = base(Syntax::Cii);
    inv.totals.tax_amount = Some(d("1.000"));
    assert!(!fires(&inv, Syntax::Cii, "BR-DEC-13"));
    // BR-DEC-15: BT-6 given but no VAT total in it.
    let mut inv = base(Syntax::Cii);
    inv.vat_accounting_currency = Some(CurrencyCode::from("SEK"));
    inv.totals.tax_amount_accounting = None;
    assert!(fires(&inv, Syntax::Cii, "BR-DEC-15"));
}

/// A minimal invoice for the sums: lines with the given net amounts and the
/// totals that match, so that each test changes one thing.
fn sums(syntax: Syntax, nets: &[&str], line_total: &str) -> Invoice {
    let mut inv = base(syntax);
    inv.lines.truncate(1);
    let template = inv.lines[0].clone();
    inv.lines = nets
        .iter()
        .map(|n| InvoiceLine {
            net_amount: Some(d(n)),
            ..template.clone()
        })
        .collect();
    inv.totals.line_net_total = Some(d(line_total));
    inv
}

#[test]
fn br_co_10_half_cent_sums() {
    for syntax in [Syntax::UblInvoice, Syntax::Cii] {
        // 0.005 rounds up (towards +infinity) in both.
        assert!(!fires(
            &sums(syntax, &["0.005"], "0.01"),
            syntax,
            "BR-CO-10"
        ));
        assert!(fires(&sums(syntax, &["0.005"], "0.00"), syntax, "BR-CO-10"));
        // The shared example CII-BR-CO-10-RoundingIssue.xml.
        let lines = ["720.81", "0.01", "-720.81", "-0.01"];
        assert!(!fires(&sums(syntax, &lines, "0.00"), syntax, "BR-CO-10"));
    }
    // 1.005 is 1.00499999999999989… as a double: CII sums in doubles and
    // rounds down, UBL sums in decimals and rounds up.
    assert!(!fires(
        &sums(Syntax::UblInvoice, &["1.005"], "1.01"),
        Syntax::UblInvoice,
        "BR-CO-10"
    ));
    assert!(fires(
        &sums(Syntax::UblInvoice, &["1.005"], "1.00"),
        Syntax::UblInvoice,
        "BR-CO-10"
    ));
    assert!(fires(
        &sums(Syntax::Cii, &["1.005"], "1.01"),
        Syntax::Cii,
        "BR-CO-10"
    ));
    assert!(!fires(
        &sums(Syntax::Cii, &["1.005"], "1.00"),
        Syntax::Cii,
        "BR-CO-10"
    ));
    // -0.005 rounds to 0 in decimals (half towards +infinity); as a double
    // it is -0.00500000000000000010…, below the half: -0.01 in CII.
    assert!(!fires(
        &sums(Syntax::UblInvoice, &["-0.005"], "0.00"),
        Syntax::UblInvoice,
        "BR-CO-10"
    ));
    assert!(fires(
        &sums(Syntax::UblInvoice, &["-0.005"], "-0.01"),
        Syntax::UblInvoice,
        "BR-CO-10"
    ));
    assert!(fires(
        &sums(Syntax::Cii, &["-0.005"], "0.00"),
        Syntax::Cii,
        "BR-CO-10"
    ));
    assert!(!fires(
        &sums(Syntax::Cii, &["-0.005"], "-0.01"),
        Syntax::Cii,
        "BR-CO-10"
    ));
    // 10.005 is 10.00500000000000078… as a double: up in both.
    assert!(!fires(
        &sums(Syntax::Cii, &["10.005"], "10.01"),
        Syntax::Cii,
        "BR-CO-10"
    ));
}

#[test]
fn br_co_11_double_sums_in_cii() {
    for syntax in [Syntax::UblInvoice, Syntax::Cii] {
        let mut inv = base(syntax);
        inv.allowances = ["0.1", "0.2"]
            .iter()
            .map(|a| DocumentAllowance {
                amount: Some(d(a)),
                reason: Some("Discount".into()),
                ..Default::default()
            })
            .collect();
        inv.totals.allowance_total = Some(d("0.30"));
        assert!(!fires(&inv, syntax, "BR-CO-11"), "{syntax}");
        inv.totals.allowance_total = None;
        assert!(fires(&inv, syntax, "BR-CO-11"), "{syntax}");
        inv.allowances.clear();
        assert!(!fires(&inv, syntax, "BR-CO-11"), "{syntax}");
        // An allowance without amount still needs a total (of 0).
        inv.allowances.push(DocumentAllowance::default());
        assert!(fires(&inv, syntax, "BR-CO-11"), "{syntax}");
        inv.totals.allowance_total = Some(d("0"));
        assert!(!fires(&inv, syntax, "BR-CO-11"), "{syntax}");
    }
}

#[test]
fn br_co_13_unrounded_in_ubl_without_allowances_or_charges() {
    for syntax in [Syntax::UblInvoice, Syntax::Cii] {
        let mut inv = base(syntax);
        inv.totals.allowance_total = None;
        inv.totals.charge_total = None;
        inv.totals.line_net_total = Some(d("100.004"));
        inv.totals.tax_exclusive_amount = Some(d("100.00"));
        assert_eq!(
            fires(&inv, syntax, "BR-CO-13"),
            syntax != Syntax::Cii,
            "{syntax}"
        );
        // With an allowance both round: 100.004 - 0.001 = 100.003 → 100.00.
        inv.totals.allowance_total = Some(d("0.001"));
        assert!(!fires(&inv, syntax, "BR-CO-13"), "{syntax}");
        // Half towards +infinity on a negative total: -100.005 → -100.00.
        inv.totals.line_net_total = Some(d("-100.004"));
        inv.totals.tax_exclusive_amount = Some(d("-100.00"));
        assert!(!fires(&inv, syntax, "BR-CO-13"), "{syntax}");
        inv.totals.tax_exclusive_amount = Some(d("-100.01"));
        assert!(fires(&inv, syntax, "BR-CO-13"), "{syntax}");
    }
}

#[test]
fn br_co_16_rounded_in_ubl_exact_in_cii() {
    for syntax in [Syntax::UblInvoice, Syntax::Cii] {
        let mut inv = base(syntax);
        inv.totals.tax_inclusive_amount = Some(d("100.004"));
        inv.totals.prepaid_amount = Some(d("0.00"));
        inv.totals.rounding_amount = None;
        inv.totals.amount_due = Some(d("100.00"));
        assert_eq!(
            fires(&inv, syntax, "BR-CO-16"),
            syntax == Syntax::Cii,
            "{syntax}"
        );
        // Rounding amount: 100.004 - 0 + (-0.004) = 100.00 exactly.
        inv.totals.rounding_amount = Some(d("-0.004"));
        assert!(!fires(&inv, syntax, "BR-CO-16"), "{syntax}");
        // No paid amount, rounding: UBL compares round(due - rounding) with
        // BT-112 unrounded.
        inv.totals.prepaid_amount = None;
        inv.totals.tax_inclusive_amount = Some(d("99.99"));
        inv.totals.rounding_amount = Some(d("0.01"));
        assert!(!fires(&inv, syntax, "BR-CO-16"), "{syntax}");
    }
}

#[test]
fn br_co_15_counts_the_vat_totals_in_the_invoice_currency() {
    for syntax in [Syntax::UblInvoice, Syntax::Cii] {
        let mut inv = base(syntax);
        let currency = inv.currency.clone();
        assert!(!fires(&inv, syntax, "BR-CO-15"));
        // BT-111 in another currency does not count.
        inv.totals.tax_amount_accounting = Some(TaxAmountInCurrency {
            amount: d("1.00"),
            currency: Some(CurrencyCode::from("SEK")),
        });
        assert!(!fires(&inv, syntax, "BR-CO-15"));
        // A second VAT total in the invoice currency does.
        inv.totals.tax_amount_accounting = Some(TaxAmountInCurrency {
            amount: d("1.00"),
            currency: currency.clone(),
        });
        assert!(fires(&inv, syntax, "BR-CO-15"));
        // No VAT total at all.
        inv.totals.tax_amount_accounting = None;
        inv.totals.tax_amount = None;
        assert!(fires(&inv, syntax, "BR-CO-15"));
        // CII also accepts BT-112 = BT-109.
        inv.totals.tax_inclusive_amount = inv.totals.tax_exclusive_amount;
        assert_eq!(fires(&inv, syntax, "BR-CO-15"), syntax != Syntax::Cii);
        // No invoice currency: nothing to check.
        inv.currency = None;
        inv.totals.tax_inclusive_amount = Some(d("1"));
        assert!(!fires(&inv, syntax, "BR-CO-15"));
    }
}

#[test]
fn br_co_17_tolerance_strict_in_ubl_inclusive_in_cii() {
    use super::Binding::{Cii, Ubl};
    use super::sums::br_co_17;
    let ok = |rate: &str, tax: &str, taxable: &str, b| {
        br_co_17(Some(d(rate)), Some(d(tax)), Some(d(taxable)), b)
    };
    // 100 × 20 % = 20.00; 21.00 and 19.00 are exactly 1 away.
    for b in [Ubl, Cii] {
        assert!(ok("20", "20.00", "100.00", b));
        assert!(ok("20", "20.99", "100.00", b));
        assert!(ok("20", "19.01", "100.00", b));
        assert!(!ok("20", "21.01", "100.00", b));
        // Absolute values: a credit with negative amounts.
        assert!(ok("20", "-20.00", "-100.00", b));
        assert!(ok("20", "20.00", "-100.00", b));
    }
    assert!(!ok("20", "21.00", "100.00", Ubl));
    assert!(ok("20", "21.00", "100.00", Cii));
    assert!(!ok("20", "19.00", "100.00", Ubl));
    assert!(ok("20", "19.00", "100.00", Cii));
    // 0.25 × 10 % = 0.025 → 0.03: |1.03| - 1 = 0.03 is not < 0.03.
    assert!(!ok("10", "1.03", "0.25", Ubl));
    assert!(ok("10", "1.02", "0.25", Ubl));
    assert!(ok("10", "1.03", "0.25", Cii));
    // A rate that rounds to 0 (0.4) wants a tax that rounds to 0; -0.5
    // rounds to 0 (half towards +infinity), 0.5 to 1.
    for b in [Ubl, Cii] {
        assert!(ok("0.4", "0.49", "1000", b));
        assert!(ok("0.4", "-0.5", "1000", b));
        assert!(!ok("0.4", "0.5", "1000", b));
        assert!(!ok("0.4", "4.00", "1000", b));
        // Rate 0.5 rounds to 1: the product is checked.
        assert!(ok("0.5", "5.00", "1000", b));
        // No rate: the tax must round to 0.
        assert!(br_co_17(None, Some(d("0.49")), None, b));
        assert!(!br_co_17(None, Some(d("0.50")), None, b));
        // No tax amount: always fires.
        assert!(!br_co_17(Some(d("0")), None, Some(d("0")), b));
        // No taxable amount with a non-zero rate: fires.
        assert!(!br_co_17(Some(d("20")), Some(d("0")), None, b));
    }
}

#[test]
fn br_co_14_each_binding() {
    for syntax in [Syntax::UblInvoice, Syntax::Cii] {
        let mut inv = base(syntax);
        let v = inv.vat_breakdown[0].clone();
        inv.vat_breakdown = vec![
            VatBreakdown {
                tax_amount: Some(d("0.004")),
                ..v.clone()
            },
            VatBreakdown {
                tax_amount: Some(d("0.001")),
                ..v.clone()
            },
        ];
        // 0.005 → 0.01 (decimal in UBL; in CII 0.004e0 + 0.001e0 is
        // 0.005000000000000001 and rounds up too).
        inv.totals.tax_amount = Some(d("0.01"));
        assert!(!fires(&inv, syntax, "BR-CO-14"), "{syntax}");
        inv.totals.tax_amount = Some(d("0.00"));
        assert!(fires(&inv, syntax, "BR-CO-14"), "{syntax}");
        // Without breakdown: UBL has nothing to sum (no subtotal), CII
        // compares with a sum of 0.
        inv.vat_breakdown.clear();
        inv.totals.tax_amount = Some(d("5.00"));
        assert_eq!(
            fires(&inv, syntax, "BR-CO-14"),
            syntax == Syntax::Cii,
            "{syntax}"
        );
    }
}

#[test]
fn br_co_09_prefix_semantics() {
    for (vat, ubl, cii) in [
        ("FR123", true, true),
        ("EL123", true, true),
        ("QQ123", false, false),
        // UBL tests a substring of the literal: "R " occurs ("…BR BS…").
        ("R 123", true, false),
        // An empty identifier: substring '' is in every string; CII looks
        // for "  " (two spaces), which the literal does not contain.
        ("", true, false),
        ("fr123", false, false),
    ] {
        for (syntax, expected) in [(Syntax::UblInvoice, ubl), (Syntax::Cii, cii)] {
            let mut inv = base(syntax);
            inv.buyer.vat_id = Some(vat.into());
            assert_eq!(
                !fires(&inv, syntax, "BR-CO-09"),
                expected,
                "{vat:?} {syntax}"
            );
        }
    }
}

#[test]
fn br_co_18_cii_fires_per_line() {
    let mut inv = base(Syntax::Cii);
    inv.vat_breakdown.clear();
    assert!(fires(&inv, Syntax::Cii, "BR-CO-18"));
    inv.lines.clear();
    assert!(!fires(&inv, Syntax::Cii, "BR-CO-18"));
    let mut inv = base(Syntax::UblInvoice);
    inv.vat_breakdown.clear();
    inv.lines.clear();
    assert!(fires(&inv, Syntax::UblInvoice, "BR-CO-18"));
}

#[test]
fn decimals_as_written() {
    for syntax in [Syntax::UblInvoice, Syntax::Cii] {
        let mut inv = base(syntax);
        // Trailing zeros count: 1.000 has three decimals as written.
        inv.lines[0].net_amount = Some(d("1.000"));
        assert!(fires(&inv, syntax, "BR-DEC-23"));
        inv.lines[0].net_amount = Some(d("-1.00"));
        assert!(!fires(&inv, syntax, "BR-DEC-23"));
        inv.lines[0].net_amount = Some(d("1"));
        assert!(!fires(&inv, syntax, "BR-DEC-23"));
    }
}

#[test]
fn co_04_and_co_17_read_vat_categories_only() {
    for syntax in [Syntax::UblInvoice, Syntax::Cii] {
        let mut inv = base(syntax);
        assert!(!fires(&inv, syntax, "BR-CO-04"));
        if let Some(vat) = inv.lines.first_mut().and_then(|l| l.vat.as_mut()) {
            vat.tax_scheme = Some("GST".into());
        }
        assert!(fires(&inv, syntax, "BR-CO-04"), "{syntax:?}");
        // A breakdown of another scheme has no rate for BR-CO-17: its tax
        // must round to 0.
        let mut inv = base(syntax);
        let Some(b) = inv
            .vat_breakdown
            .iter_mut()
            .find(|b| b.tax_amount.is_some_and(|t| !t.round().is_zero()) && b.rate.is_some())
        else {
            continue;
        };
        b.tax_scheme = Some(String::new());
        assert!(fires(&inv, syntax, "BR-CO-17"), "{syntax:?}");
    }
}
