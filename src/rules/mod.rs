//! The rule engine (EN 16931 business rules, code lists, Chorus Pro rules).
//!
//! Not yet implemented: the validation API, its catalogue in `rules/` and
//! `facture validate` land with the rule-engine issue. This module only
//! fixes the vocabulary findings will use.

pub mod codelist;

use crate::model::{TermPath, TextPos};

/// How serious a finding is, as the official artefacts flag it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The invoice does not conform (`flag="fatal"`).
    Fatal,
    /// The invoice conforms but something deserves attention (`flag="warning"`).
    Warning,
}

/// One broken rule in one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule id, e.g. `BR-CO-10`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// The business term concerned.
    pub term: Option<TermPath>,
    /// Where in the source, when known.
    pub pos: Option<TextPos>,
    /// What is wrong, in English.
    pub message: String,
}
