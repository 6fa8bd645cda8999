//! Payment means: S2.05 (codes admitted), the code required on an
//! invoice, G1.14 (unspecified → credit transfer), 58/59, the IBAN of a
//! credit transfer.

use super::Context;
use crate::model::{Invoice, Term, TermPath};
use crate::rules::engine::{Checker, ChorusFamily};

pub(crate) const FAMILY: ChorusFamily = ChorusFamily {
    ids: &[
        "S2.05",
        "CPP-PAYMENT-MEANS-MISSING",
        "G1.14",
        "CPP-PAYMENT-58-59",
        "CPP-PAYMENT-IBAN",
    ],
    needs_recipient: false,
    check,
};

/// Payment means codes admitted by rule S2.05.
const ADMITTED: [&str; 11] = [
    "01", "10", "20", "30", "31", "42", "48", "49", "58", "59", "97",
];

/// UNTDID 4461 codes for "instrument not defined" / "mutually defined".
const UNSPECIFIED: [&str; 2] = ["1", "ZZZ"];

/// Credit transfer codes that need the account to pay into.
const TRANSFERS: [&str; 3] = ["30", "31", "42"];

fn check(inv: &Invoice, _cx: &Context<'_>, out: &mut Checker<'_>) {
    let bg16 = TermPath::of(Term::bg(16));
    let bt81 = bg16.child(Term::bt(81));
    let credit_note = inv.type_code.as_ref().is_some_and(|t| t.code() == "381");
    let payment = inv.payment.as_ref();
    let code = payment
        .and_then(|p| p.means_code.as_ref())
        .map(|c| c.code().trim().to_owned())
        .filter(|c| !c.is_empty());
    let Some(code) = code else {
        if !credit_note {
            out.fire("CPP-PAYMENT-MEANS-MISSING", bt81);
        }
        return;
    };
    let code = code.as_str();
    if UNSPECIFIED.contains(&code) {
        out.fire("G1.14", bt81);
    } else if !ADMITTED.contains(&code) {
        out.fire("S2.05", bt81);
    }
    if matches!(code, "58" | "59") {
        out.fire("CPP-PAYMENT-58-59", bt81);
    }
    let iban = payment.is_some_and(|p| {
        p.credit_transfers.iter().any(|t| {
            t.account_id
                .as_deref()
                .is_some_and(|a| !a.trim().is_empty())
        })
    });
    if TRANSFERS.contains(&code) && !iban && !credit_note {
        out.fire("CPP-PAYMENT-IBAN", bg16.child(Term::bg(17)));
    }
}
