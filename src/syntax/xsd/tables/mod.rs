//! The generated tables, one module per schema set (`tools/xsd-gen`).

pub mod cii;
pub mod cpp_pivot;
pub mod cpp_statut;
pub mod ubl;

use super::schema::Schema;

/// Every schema set.
pub static ALL: &[&Schema] = &[
    &ubl::SCHEMA,
    &cii::SCHEMA,
    &cpp_pivot::SCHEMA,
    &cpp_statut::SCHEMA,
];
