//! BR-CO-* (calculations and co-occurrences) and BR-DEC-* (decimals).

use crate::model::Invoice;
use crate::rules::engine::{Checker, ModelFamily};

/// The rules of this family and their check.
pub(crate) const FAMILY: ModelFamily = ModelFamily { ids: &[], check };

fn check(_invoice: &Invoice, _out: &mut Checker) {}
