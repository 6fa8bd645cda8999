//! The rule engine: the rule catalogue (`rules/*.toml`, compiled in), the
//! EN 16931 rule sets, and the validation API.
//!
//! ```
//! let xml = std::fs::read("examples/ubl-invoice.xml").unwrap();
//! let report = facture::validate_bytes(&xml, &facture::Profile::En16931).unwrap();
//! for finding in &report.findings {
//!     println!("{} {} {}", finding.rule, finding.severity, finding.message_en);
//! }
//! ```

pub mod catalogue;
pub mod chorus_pro;
pub mod codelist;
pub(crate) mod en16931;
pub mod engine;
pub mod report;
pub mod xpath;

pub use engine::{Checker, Profile};
pub use report::{Finding, Location, Report, Severity, Verdict};

use crate::error::Result;
use crate::limits::Limits;
use crate::model::Invoice;
use crate::syntax;

/// Validates a model against a profile. Syntax rules need a document and
/// are not run; positions are unknown.
pub fn validate(invoice: &Invoice, profile: &Profile) -> Report {
    engine::run(invoice, None, None, profile, None)
}

/// Reads a document (UBL or CII, detected) and validates it: syntax rules
/// on the XML, business rules on the model, each finding with its line,
/// column and XPath.
///
/// The document is read leniently ([`crate::ReadOptions::lenient`]): a
/// value not in the lexical form of its type (a date `123`, an empty
/// amount) is reported as a `READ-01` finding (fatal), and the rules run on
/// the rest, taking that element as present without a usable value.
/// Malformed XML, an unknown document or an exceeded limit is still an
/// error.
pub fn validate_bytes(bytes: &[u8], profile: &Profile) -> Result<Report> {
    validate_bytes_with_limits(bytes, profile, &Limits::default())
}

/// [`validate_bytes`] with explicit [`Limits`].
pub fn validate_bytes_with_limits(
    bytes: &[u8],
    profile: &Profile,
    limits: &Limits,
) -> Result<Report> {
    let text = syntax::xml_input::as_text(bytes, limits)?;
    let tree = syntax::xml_input::parse(text, limits)?;
    let doc = syntax::read_tree_with(&tree, text, true)?;
    let source = engine::Source {
        text,
        doc: &tree,
        source_map: &doc.source_map,
        unreadable: &doc.unreadable,
    };
    Ok(engine::run(
        &doc.invoice,
        Some(doc.syntax),
        Some(&source),
        profile,
        u64::try_from(bytes.len()).ok(),
    ))
}
