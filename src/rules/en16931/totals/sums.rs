//! BR-CO-10…BR-CO-17: the document totals, the VAT total and the VAT
//! breakdown amounts, with each binding's own rounding.

use super::num::{double_sum, exact_round2_of_double, round2_decimal, round2_double, to_double};
use super::{Binding, bg, bt};
use crate::model::{DocumentTotals, Invoice, TermPath};
use crate::rules::en16931::totals_present;
use crate::rules::en16931::vat_scheme_normalized;
use crate::rules::engine::Checker;
use crate::rules::xpath::round;
use rust_decimal::Decimal;

pub(super) fn check(inv: &Invoice, binding: Binding, out: &mut Checker) {
    let t = &inv.totals;
    let totals_path = TermPath::of(bg(22));
    if totals_present(inv, out) {
        if !br_co_10(inv, binding) {
            out.fire("BR-CO-10", totals_path.child(bt(106)));
        }
        if !br_co_11(inv, binding) {
            out.fire("BR-CO-11", totals_path.child(bt(107)));
        }
        if !br_co_12(inv, binding) {
            out.fire("BR-CO-12", totals_path.child(bt(108)));
        }
        if !br_co_13(t, binding) {
            out.fire("BR-CO-13", totals_path.child(bt(109)));
        }
        if !br_co_16(t, binding) {
            out.fire("BR-CO-16", totals_path.child(bt(115)));
        }
    }
    // CII documents: checked on the tree (`syntax::cii::rules::business`),
    // where the currency of each `ram:TaxTotalAmount` is seen.
    if !out.checked_on_tree("BR-CO-14") {
        br_co_14(inv, binding, out);
    }
    if !out.checked_on_tree("BR-CO-15") && !br_co_15(inv, binding) {
        out.fire("BR-CO-15", totals_path.child(bt(112)));
    }
    for (i, vat) in inv.vat_breakdown.iter().enumerate() {
        if binding == Binding::Cii && !crate::rules::en16931::cii_generic_breakdown_rules(vat) {
            continue;
        }
        // The rate is read from a category of the VAT scheme only
        // (`normalize-space(upper-case(...)) = 'VAT'` in both syntaxes).
        let rate = vat
            .rate
            .filter(|_| vat_scheme_normalized(vat.tax_scheme.as_deref()));
        let ok = br_co_17(rate, vat.tax_amount, vat.taxable_amount, binding);
        if !ok {
            let index = u32::try_from(i + 1).unwrap_or(u32::MAX);
            out.fire("BR-CO-17", TermPath::root().nth(bg(23), index));
        }
    }
}

/// `a = b` of two optional values: false when either is empty.
fn eq(a: Option<Decimal>, b: Option<Decimal>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a == b)
}

/// BR-CO-10. UBL: `xs:decimal(BT-106) = xs:decimal(round(sum(lines/
/// xs:decimal(BT-131)) * 10 * 10) div 100)`, all in decimals. CII: the sum
/// is of untyped values, so a double, cast back with `xs:decimal(…)`
/// (exactly, as Saxon does) before `round(… * 100) div 100`.
fn br_co_10(inv: &Invoice, binding: Binding) -> bool {
    let mut nets = inv.lines.iter().filter_map(|l| l.net_amount);
    let expected = match binding {
        Binding::Ubl => nets
            .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x))
            .and_then(round2_decimal),
        Binding::Cii => exact_round2_of_double(double_sum(nets)),
    };
    eq(inv.totals.line_net_total, expected)
}

/// BR-CO-11 and BR-CO-12 share their shape: the total equals the rounded
/// sum of the amounts, or neither the total nor any instance exists.
fn total_of(total: Option<Decimal>, amounts: &[Option<Decimal>], binding: Binding) -> bool {
    if total.is_none() && amounts.is_empty() {
        return true;
    }
    let Some(total) = total else { return false };
    let mut present = amounts.iter().flatten().copied();
    match binding {
        // xs:decimal(total) = round(sum(…/xs:decimal(cbc:Amount)) * 10 * 10) div 100
        Binding::Ubl => present
            .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x))
            .and_then(round2_decimal)
            .is_some_and(|sum| sum == total),
        // ram:…TotalAmount = (round(sum(…/ram:ActualAmount[1]) * 10 * 10) div 100), in doubles
        Binding::Cii => to_double(total) == round2_double(double_sum(present)),
    }
}

fn br_co_11(inv: &Invoice, binding: Binding) -> bool {
    let amounts: Vec<_> = inv.allowances.iter().map(|a| a.amount).collect();
    total_of(inv.totals.allowance_total, &amounts, binding)
}

fn br_co_12(inv: &Invoice, binding: Binding) -> bool {
    let amounts: Vec<_> = inv.charges.iter().map(|c| c.amount).collect();
    total_of(inv.totals.charge_total, &amounts, binding)
}

/// BR-CO-13, in decimals in both bindings. UBL compares BT-109 with BT-106
/// unrounded when there is neither BT-107 nor BT-108; CII rounds BT-106
/// there too, and also accepts the three-term formula whenever it holds.
fn br_co_13(t: &DocumentTotals, binding: Binding) -> bool {
    let line = t.line_net_total;
    let (allowance, charge) = (t.allowance_total, t.charge_total);
    let r2 = |x: Option<Decimal>| x.and_then(round2_decimal);
    let add = |a: Option<Decimal>, b: Option<Decimal>| a?.checked_add(b?);
    let sub = |a: Option<Decimal>, b: Option<Decimal>| a?.checked_sub(b?);
    let excl = t.tax_exclusive_amount;
    match binding {
        Binding::Ubl => match (charge.is_some(), allowance.is_some()) {
            (true, true) => eq(excl, r2(sub(add(line, charge), allowance))),
            (false, true) => eq(excl, r2(sub(line, allowance))),
            (true, false) => eq(excl, r2(add(line, charge))),
            (false, false) => eq(excl, line),
        },
        Binding::Cii => {
            eq(excl, r2(add(sub(line, allowance), charge)))
                || (eq(excl, r2(sub(line, allowance))) && charge.is_none())
                || (eq(excl, r2(add(line, charge))) && allowance.is_none())
                || (eq(excl, r2(line)) && charge.is_none() && allowance.is_none())
        }
    }
}

/// BR-CO-14 (context: UBL each `cac:TaxTotal`, fires only when it has
/// subtotals; CII each `ram:TaxTotalAmount` in the invoice currency, compared
/// as doubles with the rounded double sum of every `ram:CalculatedAmount`).
fn br_co_14(inv: &Invoice, binding: Binding, out: &mut Checker) {
    let t = &inv.totals;
    let path = TermPath::of(bg(22)).child(bt(110));
    let mut bt117 = inv.vat_breakdown.iter().filter_map(|v| v.tax_amount);
    match binding {
        Binding::Ubl => {
            if inv.vat_breakdown.is_empty() {
                return;
            }
            let expected = bt117
                .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x))
                .and_then(round2_decimal);
            if !eq(t.tax_amount, expected) {
                out.fire("BR-CO-14", path);
            }
        }
        Binding::Cii => {
            let expected = round2_double(double_sum(bt117));
            let in_invoice_currency = super::tax_amounts_in_invoice_currency(inv);
            if in_invoice_currency
                .iter()
                .any(|x| to_double(*x) != expected)
            {
                out.fire("BR-CO-14", path);
            }
        }
    }
}

/// BR-CO-15 (context: the invoice). For the invoice currency: exactly one
/// VAT total in it, and BT-112 = round((BT-109 + that total) * 100) div 100;
/// CII also accepts BT-112 = BT-109. No invoice currency: nothing to check.
fn br_co_15(inv: &Invoice, binding: Binding) -> bool {
    if inv.currency.is_none() {
        return true;
    }
    let t = &inv.totals;
    let amounts = super::tax_amounts_in_invoice_currency(inv);
    let with_vat = |tax: Option<Decimal>| {
        t.tax_exclusive_amount
            .and_then(|excl| excl.checked_add(tax?))
            .and_then(round2_decimal)
    };
    match binding {
        Binding::Ubl => {
            amounts.len() == 1 && eq(t.tax_inclusive_amount, with_vat(amounts.first().copied()))
        }
        Binding::Cii => {
            (amounts.len() == 1 && eq(t.tax_inclusive_amount, with_vat(amounts.first().copied())))
                || eq(t.tax_inclusive_amount, t.tax_exclusive_amount)
        }
    }
}

/// BR-CO-16. UBL rounds `BT-112 - BT-113` and `BT-115 - BT-114`; CII
/// compares unrounded.
fn br_co_16(t: &DocumentTotals, binding: Binding) -> bool {
    let due = t.amount_due;
    let incl = t.tax_inclusive_amount;
    let (paid, rounding) = (t.prepaid_amount, t.rounding_amount);
    let add = |a: Option<Decimal>, b: Option<Decimal>| a?.checked_add(b?);
    let sub = |a: Option<Decimal>, b: Option<Decimal>| a?.checked_sub(b?);
    let r2 = |x: Option<Decimal>| x.and_then(round2_decimal);
    match binding {
        Binding::Ubl => match (paid.is_some(), rounding.is_some()) {
            (true, false) => eq(due, r2(sub(incl, paid))),
            (false, false) => eq(due, incl),
            (true, true) => eq(r2(sub(due, rounding)), r2(sub(incl, paid))),
            (false, true) => eq(r2(sub(due, rounding)), incl),
        },
        Binding::Cii => {
            eq(due, add(sub(incl, paid), rounding))
                || (eq(due, add(incl, rounding)) && paid.is_none())
                || (eq(due, sub(incl, paid)) && rounding.is_none())
                || (eq(due, incl) && paid.is_none() && rounding.is_none())
        }
    }
}

/// BR-CO-17 on one VAT breakdown: with a rate that rounds to 0 (or no rate)
/// the tax must round to 0; otherwise |BT-117| must be within 1 of
/// `round(|BT-116| * (BT-119 div 100) * 10 * 10) div 100` — strictly in UBL
/// (`<`, `>`), inclusively in CII (`<=`, `>=`).
pub(super) fn br_co_17(
    rate: Option<Decimal>,
    tax: Option<Decimal>,
    taxable: Option<Decimal>,
    binding: Binding,
) -> bool {
    let tax_rounds_to_zero = tax.is_some_and(|t| round(t).is_zero());
    let Some(rate) = rate else {
        return tax_rounds_to_zero;
    };
    if round(rate).is_zero() {
        return tax_rounds_to_zero;
    }
    let (Some(tax), Some(taxable)) = (tax, taxable) else {
        return false;
    };
    let expected = rate
        .checked_div(Decimal::ONE_HUNDRED)
        .and_then(|r| taxable.abs().checked_mul(r))
        .and_then(round2_decimal);
    let Some(expected) = expected else {
        return false;
    };
    let tax = tax.abs();
    let (Some(low), Some(high)) = (tax.checked_sub(Decimal::ONE), tax.checked_add(Decimal::ONE))
    else {
        return false;
    };
    match binding {
        Binding::Ubl => low < expected && high > expected,
        Binding::Cii => low <= expected && high >= expected,
    }
}
