//! UBL 2.1 `Invoice` and `CreditNote` (OASIS), bound to EN 16931 as the
//! CEN/TC 434 syntax binding says.
//!
//! [`read_document`] and [`write`] mirror each other group by group and
//! take every element name from one table (`names`), so they cannot drift.

mod names;
mod read;
pub(crate) mod rules;
mod write;

#[cfg(test)]
mod tests;

pub use read::{read_document, read_with};
pub use write::write;

/// The root element a UBL document is written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Root {
    /// `Invoice`.
    Invoice,
    /// `CreditNote`.
    CreditNote,
}
