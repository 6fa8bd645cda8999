//! CII writer (placeholder until the CII binding lands).
use crate::error::Result;
use crate::model::Invoice;
use crate::syntax::Written;

/// Writes a CII document.
pub fn write(_invoice: &Invoice) -> Result<Written> {
    Ok(Written {
        xml: vec![],
        dropped: vec![],
    })
}
