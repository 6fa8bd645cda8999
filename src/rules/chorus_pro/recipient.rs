//! What the recipient structure requires (its `consulterStructure`
//! parameters): CPP-SERVICE-CODE-REQUIRED, CPP-ENGAGEMENT-REQUIRED,
//! CPP-SERVICE-OR-ENGAGEMENT. Without the parameters these rules are not
//! checked (and the report says so).

use super::Context;
use crate::model::{Invoice, Term, TermPath};
use crate::rules::engine::{Checker, ChorusFamily};

pub(crate) const FAMILY: ChorusFamily = ChorusFamily {
    ids: &[
        "CPP-SERVICE-CODE-REQUIRED",
        "CPP-ENGAGEMENT-REQUIRED",
        "CPP-SERVICE-OR-ENGAGEMENT",
    ],
    needs_recipient: true,
    check,
};

fn given(value: Option<&String>) -> bool {
    value.is_some_and(|v| !v.trim().is_empty())
}

fn check(inv: &Invoice, cx: &Context<'_>, out: &mut Checker<'_>) {
    let Some(p) = cx.options.recipient else {
        return;
    };
    let service = given(inv.buyer_reference.as_ref());
    let engagement = given(inv.purchase_order_reference.as_ref());
    if p.service_code_required && !service {
        out.fire("CPP-SERVICE-CODE-REQUIRED", TermPath::of(Term::bt(10)));
    }
    if p.engagement_required && !engagement {
        out.fire("CPP-ENGAGEMENT-REQUIRED", TermPath::of(Term::bt(13)));
    }
    if p.engagement_or_service && !service && !engagement {
        out.fire("CPP-SERVICE-OR-ENGAGEMENT", TermPath::of(Term::bt(10)));
    }
}
