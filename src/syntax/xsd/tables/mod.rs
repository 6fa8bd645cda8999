//! The generated tables, one module per schema set (`tools/xsd-gen`).

pub mod cii;
pub mod cpp_pivot;
pub mod cpp_statut;
pub mod facturx_basic;
pub mod facturx_basicwl;
pub mod facturx_en16931;
pub mod facturx_extended;
pub mod facturx_minimum;
pub mod ubl;

use super::schema::Schema;

/// Every schema set a document is checked against by its root element.
pub static ALL: &[&Schema] = &[
    &ubl::SCHEMA,
    &cii::SCHEMA,
    &cpp_pivot::SCHEMA,
    &cpp_statut::SCHEMA,
];

/// The Factur-X 1.09 profile schemas (MINIMUM, BASIC WL, BASIC, EN 16931,
/// EXTENDED): the CII D16B schema narrowed to what each profile allows.
/// They share the CII root element, so they are not in [`ALL`]: the
/// Factur-X rules pick one by the invoice's profile
/// (`FacturXProfile::schema`).
pub static FACTURX: &[&Schema] = &[
    &facturx_minimum::SCHEMA,
    &facturx_basicwl::SCHEMA,
    &facturx_basic::SCHEMA,
    &facturx_en16931::SCHEMA,
    &facturx_extended::SCHEMA,
];
