//! The CII syntax rules of the EN 16931 artefacts, checked on the XML tree.

use crate::rules::engine::{Checker, SyntaxFamily};

/// The rules of this family and their check.
pub(crate) const FAMILY: SyntaxFamily = SyntaxFamily {
    syntax: "cii",
    ids: &[],
    check,
};

fn check(_doc: &roxmltree::Document<'_>, _out: &mut Checker) {}
