//! UN/CEFACT Cross Industry Invoice D16B, bound to EN 16931 as the
//! CEN/TC 434 syntax binding says.
//!
//! [`names`] holds the element names both the reader and the writer use.

pub mod names;
mod read;
pub(crate) mod rules;
mod write;

pub use read::{read_document, read_with};
pub use write::write;

#[cfg(test)]
mod tests;
