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
mod facturx;
mod id_set;
mod locate;
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
    engine::run(invoice, None, None, profile, None)
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

/// Reads a document (UBL, CII, a Chorus Pro invoice, detected, or a
/// Factur-X PDF) and validates it: first its structure against the XML
/// Schema of its syntax (`XSD-*` findings, see [`crate::syntax::xsd`]), then
/// the syntax rules on the XML and the business rules on the model, each
/// finding with its line, column and XPath. For a Factur-X PDF the rules see
/// the embedded CII (positions are in it) and the Factur-X rules (`FX-*`)
/// run too, whatever the profile.
///
/// The document is read leniently ([`crate::ReadOptions::lenient`]): a
/// value not in the lexical form of its type (a date `123`, an empty
/// amount) is reported as a `READ-01` finding (fatal), and the rules run on
/// the rest, taking that element as present without a usable value.
/// Malformed XML, an unknown document or an exceeded limit is still an
/// error.
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
/// When the structure is invalid and the model cannot be read at all, the
/// report still comes back: the structural findings, every business rule
/// in `not_checked`, and [`Report::unreadable`] saying why. A document that
/// cannot be read and has no structural finding (or with the check off) is
/// an error, as before.
pub fn validate_bytes_with(bytes: &[u8], options: &ValidateOptions) -> Result<Report> {
    let (profile, limits) = (&options.profile, &options.limits);
    if syntax::facturx::is_pdf(bytes) {
        let extracted = syntax::facturx::extract(bytes, limits)?;
        return syntax::facturx::with_embedded(&extracted, limits, true, |text, tree, doc| {
            let source = engine::Source {
                text,
                doc: tree,
                source_map: &doc.source_map,
                unreadable: &doc.unreadable,
                container: Some(&extracted),
            };
            // The size Chorus Pro limits is that of the deposited file, the PDF.
            let report = engine::run(
                &doc.invoice,
                Some(doc.syntax),
                Some(&source),
                profile,
                u64::try_from(bytes.len()).ok(),
            );
            with_structure(report, options, tree, text)
        });
    }
    let text = syntax::xml_input::as_text(bytes, limits)?;
    let tree = syntax::xml_input::parse(text, limits)?;
    let read_options = syntax::ReadOptions {
        limits: *limits,
        lenient: true,
    };
    let doc = match syntax::read_tree_with(&tree, text, &read_options) {
        Ok(doc) => doc,
        Err(e) => {
            let syntax = syntax::syntax_of(&tree, text).ok();
            let report = Report {
                syntax,
                profile: profile.name(),
                not_checked: engine::applicable_ids(profile, syntax),
                unreadable: Some(e.to_string()),
                ..Report::default()
            };
            let report = with_structure(report, options, &tree, text);
            return if report.findings.is_empty() {
                Err(e)
            } else {
                Ok(report)
            };
        }
    };
    let source = engine::Source {
        text,
        doc: &tree,
        source_map: &doc.source_map,
        unreadable: &doc.unreadable,
        container: None,
    };
    let report = engine::run(
        &doc.invoice,
        Some(doc.syntax),
        Some(&source),
        profile,
        u64::try_from(bytes.len()).ok(),
    );
    Ok(with_structure(report, options, &tree, text))
}

/// Adds the structural check to a report: its findings first, in document
/// order, as the platforms check the schema before any business rule.
fn with_structure(
    mut report: Report,
    options: &ValidateOptions,
    tree: &crate::syntax::tree::Document<'_>,
    text: &str,
) -> Report {
    if !options.structure {
        return report;
    }
    let Some(checked) = syntax::xsd::check(tree, text) else {
        return report;
    };
    report.schema = Some(checked.schema.title);
    if !checked.violations.is_empty() {
        let business = std::mem::take(&mut report.findings);
        report.findings = structural_findings(&checked, tree, text);
        report.findings.extend(business);
    }
    report
}

fn structural_findings(
    checked: &syntax::xsd::Checked,
    tree: &crate::syntax::tree::Document<'_>,
    text: &str,
) -> Vec<Finding> {
    checked
        .violations
        .iter()
        .filter_map(|v| {
            let rule = catalogue::rule(v.rule.id())?;
            let pos = v.pos(text);
            Some(Finding {
                rule: rule.id(),
                severity: rule.severity(None),
                terms: rule.terms(),
                path: None,
                location: Some(Location {
                    line: pos.line,
                    column: pos.column,
                    xpath: v.xpath(tree),
                }),
                message_en: rule.en(),
                message_fr: rule.fr(),
                detail: Some(Detail {
                    en: v.en.clone(),
                    fr: v.fr.clone(),
                }),
                platform: None,
            })
        })
        .collect()
}
