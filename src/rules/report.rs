//! Validation results: findings and the report that gathers them.

use crate::model::TermPath;
use crate::syntax::Syntax;
use std::fmt;

/// How serious a finding is, as the official artefacts flag it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The invoice does not conform (`flag="fatal"`).
    Fatal,
    /// The invoice conforms but something deserves attention (`flag="warning"`).
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Fatal => "fatal",
            Severity::Warning => "warning",
        })
    }
}

/// Where a finding is in the source document.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1.
    pub column: u32,
    /// XPath of the element, e.g. `/Invoice/cac:InvoiceLine[2]`.
    pub xpath: String,
}

/// One broken rule in one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule id, e.g. `BR-CO-10`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// The business terms the rule concerns.
    pub terms: crate::rules::catalogue::Terms,
    /// The term or group in the model the finding is about, when known.
    pub path: Option<TermPath>,
    /// Where in the source, when validating a document.
    pub location: Option<Location>,
    /// What is wrong, in English.
    pub message_en: &'static str,
    /// What is wrong, in French.
    pub message_fr: &'static str,
    /// What the platform says for this defect, in its own wording (Chorus
    /// Pro rules), or a note on how the platform treats an EN 16931
    /// finding (e.g. a SIRET under scheme `1`, which Chorus Pro expects).
    pub platform: Option<&'static str>,
    /// What exactly was found and expected, when the rule's message alone
    /// does not say (structural `XSD-*` findings: "expected cbc:IssueDate
    /// after cbc:ID, found cbc:DueDate").
    pub detail: Option<Detail>,
}

/// The specifics of one finding, in English and French.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    /// In English.
    pub en: String,
    /// In French.
    pub fr: String,
}

impl Finding {
    /// The message in English, with the detail when there is one.
    pub fn text_en(&self) -> String {
        match &self.detail {
            Some(d) => format!("{} {}", self.message_en, d.en),
            None => self.message_en.to_owned(),
        }
    }

    /// The message in French, with the detail when there is one.
    pub fn text_fr(&self) -> String {
        match &self.detail {
            Some(d) => format!("{} {}", self.message_fr, d.fr),
            None => self.message_fr.to_owned(),
        }
    }
}

/// The verdict of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every applicable rule ran and none fatal fired.
    Valid,
    /// At least one fatal rule fired.
    Invalid,
    /// No fatal rule fired, but some applicable rules could not run: the
    /// invoice is not known to be valid.
    Incomplete,
}

/// The result of validating one invoice.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The syntax of the validated document (`None` for a bare model).
    pub syntax: Option<Syntax>,
    /// The name of the profile the report is for (`en16931`, `chorus-pro`).
    pub profile: &'static str,
    /// Every finding, in rule-id then document order.
    pub findings: Vec<Finding>,
    /// Ids of the applicable rules that could not be checked.
    pub not_checked: Vec<&'static str>,
    /// The schema the document's structure was checked against (its
    /// title), before the business rules; `None` when the structural check
    /// did not run (turned off, a bare model, or a syntax without schema).
    pub schema: Option<&'static str>,
    /// When the structure is invalid and the model could not be read from
    /// the document: why. The business rules did not run (they are all in
    /// `not_checked`); the findings are the structural ones.
    pub unreadable: Option<String>,
}

impl Report {
    /// The verdict: invalid if any fatal finding, else incomplete if some
    /// rule could not run, else valid.
    pub fn verdict(&self) -> Verdict {
        if self.findings.iter().any(|f| f.severity == Severity::Fatal) {
            Verdict::Invalid
        } else if !self.not_checked.is_empty() {
            Verdict::Incomplete
        } else {
            Verdict::Valid
        }
    }

    /// Whether the invoice is valid: no fatal finding, and every applicable
    /// rule was checked.
    pub fn is_valid(&self) -> bool {
        self.verdict() == Verdict::Valid
    }

    /// The fatal findings.
    pub fn fatal(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Fatal)
    }

    /// The ids of the rules that fired, sorted, without duplicates.
    pub fn fired(&self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = self.findings.iter().map(|f| f.rule).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}
