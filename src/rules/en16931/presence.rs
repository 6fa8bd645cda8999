//! BR-01…BR-65 and BR-B-*: the mandatory terms and the simple constraints on them.

use crate::model::Invoice;
use crate::rules::engine::{Checker, ModelFamily};

/// The rules of this family and their check.
pub(crate) const FAMILY: ModelFamily = ModelFamily { ids: &[], check };

fn check(_invoice: &Invoice, _out: &mut Checker) {}
