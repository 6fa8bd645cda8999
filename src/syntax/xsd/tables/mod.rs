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

/// The text of each table, by the index each table's strings carry
/// (`TABLE` in each module; a test checks the order).
pub(crate) const TEXTS: [&str; 9] = [
    ubl::TEXT,
    cii::TEXT,
    cpp_pivot::TEXT,
    cpp_statut::TEXT,
    facturx_minimum::TEXT,
    facturx_basicwl::TEXT,
    facturx_basic::TEXT,
    facturx_en16931::TEXT,
    facturx_extended::TEXT,
];

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

#[cfg(test)]
mod tests {
    #[test]
    fn each_text_is_at_its_table_index() {
        let tables = [
            (super::ubl::TABLE, super::ubl::TEXT),
            (super::cii::TABLE, super::cii::TEXT),
            (super::cpp_pivot::TABLE, super::cpp_pivot::TEXT),
            (super::cpp_statut::TABLE, super::cpp_statut::TEXT),
            (super::facturx_minimum::TABLE, super::facturx_minimum::TEXT),
            (super::facturx_basicwl::TABLE, super::facturx_basicwl::TEXT),
            (super::facturx_basic::TABLE, super::facturx_basic::TEXT),
            (super::facturx_en16931::TABLE, super::facturx_en16931::TEXT),
            (
                super::facturx_extended::TABLE,
                super::facturx_extended::TEXT,
            ),
        ];
        for (table, text) in tables {
            assert_eq!(
                super::TEXTS.get(table as usize),
                Some(&text),
                "table {table}"
            );
        }
    }
}
