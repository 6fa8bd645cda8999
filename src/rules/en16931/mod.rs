//! The EN 16931 business rules (EN 16931-1 as the CEN/TC 434 artefacts
//! 1.3.16 check them), written over the canonical model.
//!
//! Each family lists the ids it checks; an id of the catalogue no family
//! lists is reported as not checked, never as passed.

mod code_list;
mod presence;
mod totals;
mod vat_category;

#[cfg(test)]
pub(crate) mod tests;

use super::engine::ModelFamily;

/// The model rule families of the EN 16931 set.
pub(crate) const FAMILIES: &[ModelFamily] = &[
    presence::FAMILY,
    totals::FAMILY,
    vat_category::FAMILY,
    code_list::FAMILY,
];
