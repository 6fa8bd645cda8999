//! Rule breakers: for one rule id, a change to a valid invoice that makes
//! that rule fail and no other fatal rule.

use super::{Options, Plan};
use crate::model::Invoice;

/// Why an invoice breaking a rule could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum BreakError {
    /// The rule is not one [`breakable_rules`] lists.
    #[error("rule {0} cannot be targeted (see facture::generate::unbreakable_rules)")]
    Unknown(String),
}

pub(super) struct Breaker {
    pub rule: &'static str,
    prepare: fn(&mut Plan),
    mutate: fn(&mut Invoice),
}

impl Breaker {
    pub(super) fn apply(&self, mut plan: Plan, options: &Options) -> Invoice {
        (self.prepare)(&mut plan);
        let mut invoice = plan.build(options);
        (self.mutate)(&mut invoice);
        invoice
    }
}

const BREAKERS: &[Breaker] = &[];

pub(super) fn find(rule: &str) -> Option<&'static Breaker> {
    BREAKERS.iter().find(|b| b.rule == rule)
}

/// The rule ids [`break_rule`] can target.
pub fn breakable_rules() -> &'static [&'static str] {
    &[]
}

/// The rules it cannot target alone, with the reason.
pub fn unbreakable_rules() -> &'static [(&'static str, &'static str)] {
    &[]
}

/// Builds the invoice of `plan`, changed so that it breaks `rule` and no
/// other fatal rule.
pub fn break_rule(plan: &Plan, rule: &str, options: &Options) -> Result<Invoice, BreakError> {
    find(rule)
        .map(|b| b.apply(plan.clone(), options))
        .ok_or_else(|| BreakError::Unknown(rule.to_owned()))
}
