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
pub mod codelist;
mod en16931;
pub mod engine;
pub mod report;
pub mod xpath;

pub use engine::{Checker, Profile};
pub use report::{Detail, Finding, Location, Report, Severity, Verdict};

use crate::error::Result;
use crate::limits::Limits;
use crate::model::Invoice;
use crate::syntax;

/// Validates a model against a profile. Syntax rules need a document and
/// are not run; positions are unknown.
pub fn validate(invoice: &Invoice, profile: &Profile) -> Report {
    engine::run(invoice, None, None, profile)
}

/// How [`validate_bytes_with`] validates.
///
/// ```
/// use facture::rules::ValidateOptions;
/// let xml = std::fs::read("examples/ubl-invoice.xml").unwrap();
/// // Business rules only, without the structural (XSD) check:
/// let options = ValidateOptions::default().structure(false);
/// let report = facture::rules::validate_bytes_with(&xml, &options).unwrap();
/// assert_eq!(report.schema, None);
/// ```
#[derive(Clone, Debug)]
pub struct ValidateOptions {
    profile: Profile,
    limits: Limits,
    structure: bool,
}

impl Default for ValidateOptions {
    /// The EN 16931 profile, default limits, structural check on.
    fn default() -> Self {
        ValidateOptions {
            profile: Profile::default(),
            limits: Limits::default(),
            structure: true,
        }
    }
}

impl ValidateOptions {
    /// Options with this profile (and the other defaults).
    pub fn new(profile: Profile) -> Self {
        ValidateOptions {
            profile,
            ..ValidateOptions::default()
        }
    }

    /// The rule profile.
    pub fn profile(mut self, profile: Profile) -> Self {
        self.profile = profile;
        self
    }

    /// Input limits.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Whether to check the structure against the syntax's XML Schema
    /// first (`XSD-*` findings; on by default).
    pub fn structure(mut self, on: bool) -> Self {
        self.structure = on;
        self
    }
}

/// Reads a document (UBL, CII or a Chorus Pro invoice, detected) and
/// validates it: first its structure against the syntax's XML Schema
/// (`XSD-*` findings, see [`crate::syntax::xsd`]), then the syntax rules on
/// the XML and the business rules on the model, each finding with its line,
/// column and XPath.
pub fn validate_bytes(bytes: &[u8], profile: &Profile) -> Result<Report> {
    validate_bytes_with(bytes, &ValidateOptions::new(profile.clone()))
}

/// [`validate_bytes`] with explicit [`Limits`].
pub fn validate_bytes_with_limits(
    bytes: &[u8],
    profile: &Profile,
    limits: &Limits,
) -> Result<Report> {
    validate_bytes_with(
        bytes,
        &ValidateOptions::new(profile.clone()).limits(*limits),
    )
}

/// [`validate_bytes`] with [`ValidateOptions`].
///
/// When the structure is invalid and the model cannot be read (a value the
/// reader refuses, a missing root child), the report still comes back:
/// the structural findings, every business rule in `not_checked`, and
/// [`Report::unreadable`] saying why. A document that cannot be read and
/// has no structural finding (or with the check off) is an error, as
/// before.
pub fn validate_bytes_with(bytes: &[u8], options: &ValidateOptions) -> Result<Report> {
    let text = syntax::xml_input::as_text(bytes, &options.limits)?;
    let tree = syntax::xml_input::parse(text, &options.limits)?;
    let structure = if options.structure {
        syntax::xsd::check(&tree, text)
    } else {
        None
    };
    let structural = structure
        .as_ref()
        .map(|c| structural_findings(c, &tree, text))
        .unwrap_or_default();
    let schema = structure.as_ref().map(|c| c.schema.title);
    let doc = match syntax::read_tree(&tree, text) {
        Ok(doc) => doc,
        Err(e) if !structural.is_empty() => {
            let syntax = syntax::syntax_of(&tree, text).ok();
            return Ok(Report {
                syntax,
                findings: structural,
                not_checked: engine::applicable_ids(&options.profile, syntax),
                schema,
                unreadable: Some(e.to_string()),
            });
        }
        Err(e) => return Err(e),
    };
    let source = engine::Source {
        text,
        doc: &tree,
        source_map: &doc.source_map,
    };
    let mut report = engine::run(
        &doc.invoice,
        Some(doc.syntax),
        Some(&source),
        &options.profile,
    );
    report.schema = schema;
    if !structural.is_empty() {
        // Structural findings first, in document order, as the platforms
        // check the schema before any business rule.
        let business = std::mem::take(&mut report.findings);
        report.findings = structural;
        report.findings.extend(business);
    }
    Ok(report)
}

fn structural_findings(
    checked: &syntax::xsd::Checked,
    tree: &roxmltree::Document<'_>,
    text: &str,
) -> Vec<Finding> {
    checked
        .violations
        .iter()
        .filter_map(|v| {
            let rule = catalogue::rule(v.rule.id())?;
            let pos = v.pos(text);
            Some(Finding {
                rule: rule.id,
                severity: rule.severity(None),
                terms: rule.terms,
                path: None,
                location: Some(Location {
                    line: pos.line,
                    column: pos.column,
                    xpath: v.xpath(tree),
                }),
                message_en: rule.en,
                message_fr: rule.fr,
                detail: Some(Detail {
                    en: v.en.clone(),
                    fr: v.fr.clone(),
                }),
            })
        })
        .collect()
}
