//! The schema's declarations as names of one document: each element and
//! attribute declaration the walk meets is looked up once among the
//! document's interned names ([`Document::name_id`]), after which matching
//! a child or an attribute against it compares two integers.

use super::schema::Schema;
use crate::syntax::tree::Document;
use std::cell::Cell;

/// Not looked up yet.
const UNKNOWN: u32 = u32::MAX;
/// No element or attribute of the document has that name.
const ABSENT: u32 = u32::MAX - 1;

/// The name ids of one document for the declarations of one schema,
/// filled as the walk meets them (one table entry per declaration).
pub struct DeclNames<'d, 'i> {
    doc: &'d Document<'i>,
    elements: Vec<Cell<u32>>,
    attributes: Vec<Cell<u32>>,
}

impl<'d, 'i> DeclNames<'d, 'i> {
    /// Empty tables for `schema`'s declarations in `doc`.
    pub fn new(schema: &Schema, doc: &'d Document<'i>) -> Self {
        DeclNames {
            doc,
            elements: vec![Cell::new(UNKNOWN); schema.elements.len()],
            attributes: vec![Cell::new(UNKNOWN); schema.attributes.len()],
        }
    }

    /// The first meeting of a declaration: its name looked up in the document.
    #[cold]
    fn lookup(&self, cell: &Cell<u32>, uri: &str, local: &str) -> Option<u32> {
        let id = self
            .doc
            .name_id(Some(uri), local)
            .map_or(ABSENT, |n| n.get().min(ABSENT));
        cell.set(id);
        (id != ABSENT).then_some(id)
    }

    /// The document's name id of element declaration `e`, `None` when no
    /// element or attribute of the document has its name.
    #[inline]
    pub fn element(&self, schema: &Schema, e: u32) -> Option<u32> {
        let cell = self.elements.get(e as usize)?;
        match cell.get() {
            UNKNOWN => {
                let d = schema.elements.get(e as usize)?;
                self.lookup(cell, schema.uri(d.ns), d.name())
            }
            ABSENT => None,
            id => Some(id),
        }
    }

    /// The document's name id of attribute declaration `a`.
    #[inline]
    pub fn attribute(&self, schema: &Schema, a: u32) -> Option<u32> {
        let cell = self.attributes.get(a as usize)?;
        match cell.get() {
            UNKNOWN => {
                let d = schema.attributes.get(a as usize)?;
                self.lookup(cell, schema.uri(d.ns), d.name())
            }
            ABSENT => None,
            id => Some(id),
        }
    }
}
