//! The rule catalogue: every rule's id, severity, business terms and
//! messages, compiled from `rules/*.toml` by `build.rs`.

use super::Severity;
use crate::syntax::Syntax;

/// Which syntaxes a rule exists for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxScope {
    /// Defined by both the UBL and the CII artefacts.
    Both,
    /// Only in the UBL artefacts.
    Ubl,
    /// Only in the CII artefacts.
    Cii,
    /// Independent of syntax (our own rules, Chorus Pro rules).
    Any,
    /// Only for a Factur-X PDF (checks of the PDF container).
    FacturX,
}

/// What a rule looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// A business rule over the semantic model.
    Model,
    /// A code-list rule.
    CodeList,
    /// A syntax rule over the XML document.
    Syntax,
    /// A platform rule (Chorus Pro management rules and limits).
    Platform,
    /// A check of the container of the invoice (the Factur-X PDF).
    Container,
}

/// One catalogued rule.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    /// Stable id, e.g. `BR-CO-10`.
    pub id: &'static str,
    /// The catalogue file it comes from (`en16931`, `chorus-pro`).
    pub set: &'static str,
    /// Which syntaxes it applies to.
    pub syntax: SyntaxScope,
    /// Severity when validating UBL.
    pub flag_ubl: Severity,
    /// Severity when validating CII.
    pub flag_cii: Severity,
    /// What it looks at.
    pub kind: RuleKind,
    /// Business terms and groups it concerns (`BT-106`, `BG-25`).
    pub terms: &'static [&'static str],
    /// Where the official UBL rule is evaluated (abstract context or XML path).
    pub context_ubl: &'static str,
    /// Where the official CII rule is evaluated.
    pub context_cii: &'static str,
    /// Message in English.
    pub en: &'static str,
    /// Message in French.
    pub fr: &'static str,
    /// Where the rule comes from when it is not an assertion of the CEN
    /// artefacts (e.g. `Chorus Pro EDI annex, rule G1.05 [R]`); empty for
    /// the EN 16931 set.
    pub origin: &'static str,
    /// What Chorus Pro says for this defect in a UBL flow, in its own
    /// wording pattern (Chorus Pro rules only).
    pub platform_ubl: Option<&'static str>,
    /// The same for a CII (or Factur-X) flow.
    pub platform_cii: Option<&'static str>,
}

impl RuleInfo {
    /// Whether the rule applies to documents in `syntax` (all rules apply
    /// to a model validated without a syntax, except syntax rules). The
    /// CII rules apply to a Factur-X PDF (its embedded CII).
    pub fn applies_to(&self, syntax: Option<Syntax>) -> bool {
        match (self.syntax, syntax.map(Syntax::family)) {
            (SyntaxScope::Both | SyntaxScope::Any, _) => true,
            (SyntaxScope::Ubl, Some("ubl"))
            | (SyntaxScope::Cii, Some("cii" | "facturx"))
            | (SyntaxScope::FacturX, Some("facturx")) => true,
            (SyntaxScope::Ubl | SyntaxScope::Cii | SyntaxScope::FacturX, _) => false,
        }
    }

    /// The severity for a document in `syntax` (UBL's when unknown).
    pub fn severity(&self, syntax: Option<Syntax>) -> Severity {
        match syntax {
            Some(Syntax::Cii | Syntax::FacturX) => self.flag_cii,
            _ => self.flag_ubl,
        }
    }
}

impl RuleInfo {
    /// The platform's message for a document in `syntax`, when the rule has
    /// one (CII wording for CII and Factur-X, UBL wording otherwise).
    pub fn platform(&self, syntax: Option<Syntax>) -> Option<&'static str> {
        match syntax.map(Syntax::family) {
            Some("cii" | "facturx") => self.platform_cii.or(self.platform_ubl),
            _ => self.platform_ubl.or(self.platform_cii),
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// The catalogue entry of `id`.
///
/// ```
/// let rule = facture::rules::catalogue::rule("BR-01").unwrap();
/// assert_eq!(rule.severity(None), facture::rules::Severity::Fatal);
/// ```
pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    RULES
        .binary_search_by(|r| r.id.cmp(id))
        .ok()
        .and_then(|i| RULES.get(i))
}

/// All catalogued rules, sorted by id.
pub fn all() -> &'static [RuleInfo] {
    RULES
}
