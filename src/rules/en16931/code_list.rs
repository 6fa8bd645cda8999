//! BR-CL-*: code-list rules.

use crate::model::Invoice;
use crate::rules::engine::{Checker, ModelFamily};

/// The rules of this family and their check.
pub(crate) const FAMILY: ModelFamily = ModelFamily { ids: &[], check };

fn check(_invoice: &Invoice, _out: &mut Checker) {}
