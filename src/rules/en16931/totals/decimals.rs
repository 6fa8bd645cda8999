//! BR-DEC-*: at most two decimals, counted as written
//! (`string-length(substring-after(x, '.')) <= 2`; the model keeps the
//! scale written). BR-DEC-13 and BR-DEC-15 differ by binding: the UBL tests
//! can never fail, the CII tests compare numerically in doubles.

use super::num::double_has_two_decimals;
use super::{Binding, bg, bt};
use crate::model::{Invoice, TermPath};
use crate::rules::engine::Checker;
use crate::rules::xpath::decimals;
use rust_decimal::Decimal;

fn too_many(x: Option<Decimal>) -> bool {
    x.is_some_and(|x| decimals(x) > 2)
}

fn index(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

pub(super) fn check(inv: &Invoice, binding: Binding, out: &mut Checker) {
    let root = TermPath::root();
    for (i, a) in inv.allowances.iter().enumerate() {
        let g = root.nth(bg(20), index(i));
        if too_many(a.amount) {
            out.fire("BR-DEC-01", g.child(bt(92)));
        }
        if too_many(a.base_amount) {
            out.fire("BR-DEC-02", g.child(bt(93)));
        }
    }
    for (i, c) in inv.charges.iter().enumerate() {
        let g = root.nth(bg(21), index(i));
        if too_many(c.amount) {
            out.fire("BR-DEC-05", g.child(bt(99)));
        }
        if too_many(c.base_amount) {
            out.fire("BR-DEC-06", g.child(bt(100)));
        }
    }
    let t = &inv.totals;
    let g = TermPath::of(bg(22));
    for (id, value, term) in [
        ("BR-DEC-09", t.line_net_total, 106),
        ("BR-DEC-10", t.allowance_total, 107),
        ("BR-DEC-11", t.charge_total, 108),
        ("BR-DEC-12", t.tax_exclusive_amount, 109),
        ("BR-DEC-14", t.tax_inclusive_amount, 112),
        ("BR-DEC-16", t.prepaid_amount, 113),
        ("BR-DEC-17", t.rounding_amount, 114),
        ("BR-DEC-18", t.amount_due, 115),
    ] {
        if too_many(value) {
            out.fire(id, g.child(bt(term)));
        }
    }
    if binding == Binding::Cii {
        cii_tax_totals(inv, out);
    }
    for (i, v) in inv.vat_breakdown.iter().enumerate() {
        if binding == Binding::Cii && !crate::rules::en16931::cii_generic_breakdown_rules(v) {
            continue;
        }
        let g = root.nth(bg(23), index(i));
        if too_many(v.taxable_amount) {
            out.fire("BR-DEC-19", g.child(bt(116)));
        }
        if too_many(v.tax_amount) {
            out.fire("BR-DEC-20", g.child(bt(117)));
        }
    }
    for (i, line) in inv.lines.iter().enumerate() {
        let l = root.nth(bg(25), index(i));
        if too_many(line.net_amount) {
            out.fire("BR-DEC-23", l.child(bt(131)));
        }
        for (j, a) in line.allowances.iter().enumerate() {
            let g = l.nth(bg(27), index(j));
            if too_many(a.amount) {
                out.fire("BR-DEC-24", g.child(bt(136)));
            }
            if too_many(a.base_amount) {
                out.fire("BR-DEC-25", g.child(bt(137)));
            }
        }
        for (j, c) in line.charges.iter().enumerate() {
            let g = l.nth(bg(28), index(j));
            if too_many(c.amount) {
                out.fire("BR-DEC-27", g.child(bt(141)));
            }
            if too_many(c.base_amount) {
                out.fire("BR-DEC-28", g.child(bt(142)));
            }
        }
    }
}

/// CII BR-DEC-13 / BR-DEC-15 (context: the header monetary summation):
/// `not(ram:TaxTotalAmount) or ram:TaxTotalAmount[(@currencyID = C and
/// . = round(. * 100) div 100) or …]`. BR-DEC-13 (C = BT-5) passes as soon
/// as one total is in another currency; BR-DEC-15 (C = BT-6) passes when
/// there is no BT-6, and otherwise needs a total in BT-6 with two decimals.
///
/// (In UBL both tests read `cbc:TaxAmount[@currencyID = cbc:DocumentCurrencyCode]`
/// relative to the amount, which has no such child: they never fail.)
fn cii_tax_totals(inv: &Invoice, out: &mut Checker) {
    let totals = super::tax_totals_with_currency(inv);
    if totals.is_empty() {
        return;
    }
    let g = TermPath::of(bg(22));
    let invoice = inv.currency.as_ref().map(|c| c.code());
    let accounting = inv.vat_accounting_currency.as_ref().map(|c| c.code());
    let is =
        |currency: Option<&str>, wanted: Option<&str>| currency.is_some() && currency == wanted;
    let dec13 = totals
        .iter()
        .any(|(amount, currency)| !is(*currency, invoice) || double_has_two_decimals(*amount));
    if !dec13 {
        out.fire("BR-DEC-13", g.child(bt(110)));
    }
    let dec15 = accounting.is_none()
        || totals.iter().any(|(amount, currency)| {
            is(*currency, accounting) && double_has_two_decimals(*amount)
        });
    if !dec15 {
        out.fire("BR-DEC-15", g.child(bt(111)));
    }
}
