//! Field lengths Chorus Pro enforces, as a table: rule id, the terms and
//! the longest value it accepts (in characters).

use super::{Context, nth, top};
use crate::model::{Invoice, Term, TermPath};
use crate::rules::engine::{Checker, ChorusFamily};

pub(crate) const FAMILY: ChorusFamily = ChorusFamily {
    ids: &[
        "CPP-SERVICE-CODE-LENGTH",
        "CPP-ENGAGEMENT-LENGTH",
        "CPP-CONTRACT-LENGTH",
        "CPP-ORIGIN-LENGTH",
        "CPP-NAME-LENGTH",
        "CPP-ITEM-ID-LENGTH",
        "CPP-TEXT-LENGTH",
    ],
    needs_recipient: false,
    check,
};

/// A value of the invoice with where it is.
type Value<'a> = (Option<&'a str>, TermPath);

/// The limits: (rule id, longest accepted, the values it applies to).
fn limits(inv: &Invoice) -> Vec<(&'static str, usize, Vec<Value<'_>>)> {
    let seller = TermPath::of(Term::bg(4));
    let buyer = TermPath::of(Term::bg(7));
    let origins = inv
        .preceding_invoices
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                p.number.as_deref(),
                TermPath::root()
                    .nth(Term::bg(3), nth(i))
                    .child(Term::bt(25)),
            )
        })
        .collect();
    let mut items = Vec::new();
    let mut texts: Vec<Value<'_>> = Vec::new();
    for (i, a) in inv.allowances.iter().enumerate() {
        texts.push((
            a.reason.as_deref(),
            TermPath::root()
                .nth(Term::bg(20), nth(i))
                .child(Term::bt(97)),
        ));
    }
    for (i, c) in inv.charges.iter().enumerate() {
        texts.push((
            c.reason.as_deref(),
            TermPath::root()
                .nth(Term::bg(21), nth(i))
                .child(Term::bt(104)),
        ));
    }
    for (i, v) in inv.vat_breakdown.iter().enumerate() {
        texts.push((
            v.exemption_reason.as_deref(),
            TermPath::root()
                .nth(Term::bg(23), nth(i))
                .child(Term::bt(120)),
        ));
    }
    for (i, line) in inv.lines.iter().enumerate() {
        let item = TermPath::root()
            .nth(Term::bg(25), nth(i))
            .child(Term::bg(31));
        if let Some(it) = &line.item {
            items.push((it.seller_id.as_deref(), item.child(Term::bt(155))));
            items.push((it.buyer_id.as_deref(), item.child(Term::bt(156))));
            items.push((
                it.standard_id.as_ref().map(|s| s.value.as_str()),
                item.child(Term::bt(157)),
            ));
        }
    }
    vec![
        (
            "CPP-SERVICE-CODE-LENGTH",
            100,
            vec![(inv.buyer_reference.as_deref(), top(10))],
        ),
        (
            "CPP-ENGAGEMENT-LENGTH",
            50,
            vec![(inv.purchase_order_reference.as_deref(), top(13))],
        ),
        (
            "CPP-CONTRACT-LENGTH",
            50,
            vec![(inv.contract_reference.as_deref(), top(12))],
        ),
        ("CPP-ORIGIN-LENGTH", 20, origins),
        (
            "CPP-NAME-LENGTH",
            99,
            vec![
                (inv.seller.name.as_deref(), seller.child(Term::bt(27))),
                (
                    inv.seller.trading_name.as_deref(),
                    seller.child(Term::bt(28)),
                ),
                (inv.buyer.name.as_deref(), buyer.child(Term::bt(44))),
            ],
        ),
        ("CPP-ITEM-ID-LENGTH", 40, items),
        ("CPP-TEXT-LENGTH", 1024, texts),
    ]
}

fn check(inv: &Invoice, _cx: &Context<'_>, out: &mut Checker<'_>) {
    for (id, max, values) in limits(inv) {
        for (value, path) in values {
            if value.is_some_and(|v| v.chars().count() > max) {
                out.fire(id, path);
            }
        }
    }
}
