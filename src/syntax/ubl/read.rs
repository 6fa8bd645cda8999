//! UBL reader (placeholder until the UBL binding lands).
use crate::error::Result;
use crate::syntax::{Document, Syntax};

/// Reads a parsed UBL document.
pub fn read_document(_doc: &roxmltree::Document<'_>, _text: &str) -> Result<Document> {
    Ok(Document { syntax: Syntax::UblInvoice, invoice: Default::default(), source_map: Default::default(), ignored: vec![] })
}
