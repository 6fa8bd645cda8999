//! CII reader (placeholder until the CII binding lands).
use crate::error::Result;
use crate::syntax::{Document, Syntax};

/// Reads a parsed CII document.
pub fn read_document(_doc: &roxmltree::Document<'_>, _text: &str) -> Result<Document> {
    Ok(Document {
        syntax: Syntax::Cii,
        invoice: Default::default(),
        source_map: Default::default(),
        ignored: vec![],
    })
}
