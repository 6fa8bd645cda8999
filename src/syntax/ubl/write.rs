//! UBL writer (placeholder until the UBL binding lands).
use super::Root;
use crate::error::Result;
use crate::model::Invoice;
use crate::syntax::Written;

/// Writes a UBL document.
pub fn write(_invoice: &Invoice, _root: Root) -> Result<Written> {
    Ok(Written { xml: vec![], dropped: vec![] })
}
