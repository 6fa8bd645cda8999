//! The reference: validation with libxml2 (feature `libxml`) against schema
//! files the user points to, to cross-check the native structural check.
//!
//! The schema is found under the directory by its usual file name; for CII
//! the uncoupled code-list variant is preferred (the coupled one also checks
//! every code against UN/CEFACT lists, which is a business-rule matter).
//!
//! The document first goes through facture's own hardened parser (DTDs
//! refused, limits), so libxml2 only ever sees what facture accepted.

use crate::error::{Error, Result};
use crate::limits::Limits;
use std::path::{Path, PathBuf};

/// One complaint of libxml2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Complaint {
    /// Line, from 1, when libxml2 gives it.
    pub line: Option<u32>,
    /// Column, when libxml2 gives it.
    pub column: Option<u32>,
    /// libxml2's message.
    pub message: String,
}

/// libxml2's verdict on one document.
#[derive(Clone, Debug)]
pub struct Verdict {
    /// The schema file used.
    pub schema: PathBuf,
    /// Empty when the document is valid.
    pub complaints: Vec<Complaint>,
}

/// The schema file for a document element (`{namespace}name`), as named in
/// the published schema sets.
fn schema_file(ns: &str, name: &str) -> Option<&'static str> {
    Some(match (ns, name) {
        (crate::syntax::UBL_INVOICE_NS, "Invoice") => "UBL-Invoice-2.1.xsd",
        (crate::syntax::UBL_CREDIT_NOTE_NS, "CreditNote") => "UBL-CreditNote-2.1.xsd",
        (crate::syntax::CII_NS, "CrossIndustryInvoice") => "CrossIndustryInvoice_100pD16B.xsd",
        ("", "CPPFacturePivot") => "CPPFacturePivot_V2_02.xsd",
        ("", "CPPStatut") => "CPPStatutPivot_V1_19.xsd",
        _ => return None,
    })
}

/// Every `file` under `dir` (at most 12 levels deep), sorted.
fn find(dir: &Path, file: &str, depth: u32, out: &mut Vec<PathBuf>) {
    let candidate = dir.join(file);
    if candidate.is_file() {
        out.push(candidate);
    }
    if depth == 0 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for d in dirs {
        find(&d, file, depth - 1, out);
    }
}

/// The schema file to use: the CII schemas come with coupled code lists
/// (every code checked by the schema) and uncoupled ones (what the EN 16931
/// artefacts and facture's tables use); the uncoupled one is preferred.
fn pick(mut found: Vec<PathBuf>) -> Option<PathBuf> {
    let uncoupled = found
        .iter()
        .position(|p| p.to_string_lossy().contains("uncoupled"));
    match uncoupled {
        Some(i) => Some(found.swap_remove(i)),
        None => found.into_iter().next(),
    }
}

/// Validates `bytes` with libxml2 against the schema of its document
/// element, looked up by its usual file name under `schemas`
/// (`UBL-Invoice-2.1.xsd`, `CrossIndustryInvoice_100pD16B.xsd`,
/// `CPPFacturePivot_V2_02.xsd`…). `Ok(None)` when no schema covers the
/// document or the file is not under `schemas`.
pub fn validate(bytes: &[u8], schemas: &Path) -> Result<Option<Verdict>> {
    let limits = Limits::default();
    let text = crate::syntax::xml_input::as_text(bytes, &limits)?;
    let tree = crate::syntax::xml_input::parse(text, &limits)?;
    let root = tree.root_element();
    let Some(file) = schema_file(
        root.tag_name().namespace().unwrap_or(""),
        root.tag_name().name(),
    ) else {
        return Ok(None);
    };
    let mut found = Vec::new();
    find(schemas, file, 12, &mut found);
    let Some(schema) = pick(found) else {
        return Ok(None);
    };
    let doc = libxml::parser::Parser::default()
        .parse_string(text)
        .map_err(|e| Error::Io(std::io::Error::other(format!("libxml2: {e:?}"))))?;
    let path = schema.to_string_lossy().into_owned();
    let mut parser = libxml::schemas::SchemaParserContext::from_file(&path);
    let mut context =
        libxml::schemas::SchemaValidationContext::from_parser(&mut parser).map_err(|errors| {
            Error::Io(std::io::Error::other(format!(
                "libxml2 cannot read {path}: {}",
                errors
                    .iter()
                    .filter_map(|e| e.message.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            )))
        })?;
    let complaints = match context.validate_document(&doc) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|e| Complaint {
                line: e.line.and_then(|l| u32::try_from(l).ok()),
                column: e.col.and_then(|c| u32::try_from(c).ok()).filter(|c| *c > 0),
                message: e.message.unwrap_or_default().trim().to_owned(),
            })
            .collect(),
    };
    Ok(Some(Verdict { schema, complaints }))
}
