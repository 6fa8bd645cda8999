//! The cadre de facturation (BT-23): G1.02, CPP-CADRE-MISSING,
//! CPP-CADRE-A2-PAID, CPP-CADRE-VALIDATOR.

use super::Context;
use crate::model::{Cadre, Invoice, Term, TermPath};
use crate::rules::engine::{Checker, ChorusFamily};
use rust_decimal::Decimal;

pub(crate) const FAMILY: ChorusFamily = ChorusFamily {
    ids: &[
        "G1.02",
        "CPP-CADRE-MISSING",
        "CPP-CADRE-A2-PAID",
        "CPP-CADRE-VALIDATOR",
    ],
    needs_recipient: false,
    check,
};

fn check(inv: &Invoice, cx: &Context<'_>, out: &mut Checker<'_>) {
    let bt23 = TermPath::of(Term::bg(2)).child(Term::bt(23));
    let written = inv
        .process
        .business_process
        .as_deref()
        .filter(|s| !s.trim().is_empty());
    let Some(code) = written else {
        out.fire("CPP-CADRE-MISSING", bt23);
        return;
    };
    let Ok(cadre) = code.parse::<Cadre>() else {
        out.fire("G1.02", bt23);
        return;
    };
    if cadre.already_paid() && inv.totals.amount_due.is_some_and(|d| d != Decimal::ZERO) {
        out.fire(
            "CPP-CADRE-A2-PAID",
            TermPath::of(Term::bg(22)).child(Term::bt(115)),
        );
    }
    let validator = cx
        .options
        .validator
        .as_deref()
        .is_some_and(|v| !v.trim().is_empty());
    if cadre.needs_validator() && !validator {
        out.fire("CPP-CADRE-VALIDATOR", bt23);
    }
}
