//! Header rules: the invoice type, credit notes, the invoice number
//! (G1.05), one currency, the issue date, the size of numbers.

use super::{Context, nth, top};
use crate::model::{Decimal, Invoice, Term, TermPath};
use crate::rules::engine::{Checker, ChorusFamily};

pub(crate) const FAMILY: ChorusFamily = ChorusFamily {
    ids: &[
        "CPP-INVOICE-TYPE",
        "CPP-CREDIT-NOTE-ORIGIN",
        "CPP-CREDIT-NOTE-NEGATIVE",
        "G1.05",
        "CPP-SERVICE-CODE-CHARSET",
        "CPP-CURRENCY-SINGLE",
        "CPP-ISSUE-DATE-FUTURE",
        "CPP-AMOUNT-DIGITS",
        "CPP-QUANTITY-DIGITS",
    ],
    needs_recipient: false,
    check,
};

/// The invoice type codes Chorus Pro integrates.
const TYPES: [&str; 5] = ["380", "381", "384", "386", "389"];

/// The most digits Chorus Pro reads in a number.
const MAX_DIGITS: u32 = 19;

/// The most digits Chorus Pro reads in the integer part of a quantity.
const MAX_QUANTITY_INTEGER_DIGITS: u32 = 10;

/// G1.05: at most 20 characters, letters, digits, space, `-`, `+`, `_`, `/`.
fn number_ok(number: &str) -> bool {
    number.chars().count() <= 20
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '+' | '_' | '/'))
}

/// The characters a service code may hold: letters (accented included),
/// digits, space, `-`, `_`.
fn service_code_ok(code: &str) -> bool {
    code.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
}

/// Digits of a decimal as written (integer and fraction parts).
fn digits(d: Decimal) -> u32 {
    integer_digits(d) + d.scale()
}

/// Digits of the integer part of a decimal (at least 1).
fn integer_digits(d: Decimal) -> u32 {
    let integer = d.abs().trunc();
    if integer.is_zero() {
        1
    } else {
        integer.normalize().to_string().len() as u32
    }
}

fn check(inv: &Invoice, cx: &Context<'_>, out: &mut Checker<'_>) {
    let type_code = inv.type_code.as_ref().map(|t| t.code().to_owned());
    if let Some(code) = type_code.as_deref()
        && !TYPES.contains(&code)
    {
        out.fire("CPP-INVOICE-TYPE", top(3));
    }
    if type_code.as_deref() == Some("381") {
        let has_origin = inv
            .preceding_invoices
            .iter()
            .any(|p| p.number.as_deref().is_some_and(|n| !n.trim().is_empty()));
        if !has_origin {
            out.fire("CPP-CREDIT-NOTE-ORIGIN", top(3));
        }
        let t = &inv.totals;
        let bg22 = TermPath::of(Term::bg(22));
        if let Some((_, n)) = [(t.tax_inclusive_amount, 112), (t.amount_due, 115)]
            .into_iter()
            .find(|(a, _)| a.is_some_and(|a| a.is_sign_negative() && !a.is_zero()))
        {
            out.fire("CPP-CREDIT-NOTE-NEGATIVE", bg22.child(Term::bt(n)));
        }
    }
    if let Some(number) = &inv.number
        && !number_ok(number)
    {
        out.fire("G1.05", top(1));
    }
    if inv
        .buyer_reference
        .as_deref()
        .is_some_and(|code| !service_code_ok(code))
    {
        out.fire("CPP-SERVICE-CODE-CHARSET", top(10));
    }
    if let (Some(currency), Some(accounting)) = (&inv.currency, &inv.vat_accounting_currency)
        && currency.code() != accounting.code()
    {
        out.fire("CPP-CURRENCY-SINGLE", top(6));
    }
    if inv.issue_date.is_some_and(|d| d > cx.deposit_date) {
        out.fire("CPP-ISSUE-DATE-FUTURE", top(2));
    }
    numbers(inv, out);
}

/// CPP-AMOUNT-DIGITS and CPP-QUANTITY-DIGITS, first occurrence each.
fn numbers(inv: &Invoice, out: &mut Checker<'_>) {
    let t = &inv.totals;
    let bg22 = TermPath::of(Term::bg(22));
    let totals = [
        (t.line_net_total, 106),
        (t.allowance_total, 107),
        (t.charge_total, 108),
        (t.tax_exclusive_amount, 109),
        (t.tax_amount, 110),
        (t.tax_inclusive_amount, 112),
        (t.prepaid_amount, 113),
        (t.rounding_amount, 114),
        (t.amount_due, 115),
    ];
    let mut too_long = totals
        .iter()
        .find(|(a, _)| a.is_some_and(|a| digits(a) > MAX_DIGITS))
        .map(|(_, n)| bg22.child(Term::bt(*n)));
    let mut quantity = None;
    for (i, line) in inv.lines.iter().enumerate() {
        let base = TermPath::root().nth(Term::bg(25), nth(i));
        if too_long.is_none() {
            let price = line.price.as_ref().and_then(|p| p.net_price);
            too_long = [
                (line.net_amount, base.child(Term::bt(131))),
                (price, base.child(Term::bg(29)).child(Term::bt(146))),
                (line.quantity, base.child(Term::bt(129))),
            ]
            .into_iter()
            .find(|(a, _)| a.is_some_and(|a| digits(a) > MAX_DIGITS))
            .map(|(_, p)| p);
        }
        if quantity.is_none()
            && line
                .quantity
                .is_some_and(|q| integer_digits(q) > MAX_QUANTITY_INTEGER_DIGITS)
        {
            quantity = Some(base.child(Term::bt(129)));
        }
    }
    if let Some(path) = too_long {
        out.fire("CPP-AMOUNT-DIGITS", path);
    }
    if let Some(path) = quantity {
        out.fire("CPP-QUANTITY-DIGITS", path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn invoice_numbers() {
        assert!(number_ok("F-2026/001 +A_b"));
        assert!(number_ok("12345678901234567890"));
        assert!(!number_ok("123456789012345678901"));
        assert!(!number_ok("F.2026"));
        assert!(!number_ok("Fé2026"));
    }

    #[test]
    fn service_codes() {
        assert!(service_code_ok("SERV-DSI_01 Équipe"));
        assert!(!service_code_ok("SERV/DSI"));
        assert!(!service_code_ok("SERV.01"));
    }

    #[test]
    fn counts_digits() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(digits(d("0.50")), 3);
        assert_eq!(digits(d("-1234.5")), 5);
        assert_eq!(digits(d("12345678901234567.00")), 19);
        assert_eq!(integer_digits(d("12345678901.5")), 11);
        assert_eq!(integer_digits(d("0.001")), 1);
    }
}
