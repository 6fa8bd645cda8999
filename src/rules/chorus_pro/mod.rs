//! The Chorus Pro rule set (`rules/chorus-pro.toml`): what the platform
//! checks before it accepts an invoice, on top of EN 16931, written over the
//! canonical model with what the caller knows of the recipient.
//!
//! Where the management rule of the Chorus Pro EDI annex is known its code
//! is the id (`G1.02`, `G1.05`, `G1.14`, `S2.05`); the other ids are ours
//! (`CPP-…`). Every catalogue entry says where the rule comes from and how
//! sure that source is.
//!
//! Some defects listed by Chorus Pro are already EN 16931 rules and are
//! reported under their EN 16931 ids, which this profile runs too: totals
//! with more than 2 decimals (BR-DEC-09…19), HT + TVA ≠ TTC (BR-CO-15), the
//! VAT total against the breakdown (BR-CO-14), the amount due (BR-CO-16).
//!
//! ```
//! use facture::Profile;
//! use facture::rules::chorus_pro::{ChorusPro, RecipientParameters};
//! let xml = std::fs::read("examples/ubl-invoice.xml").unwrap();
//! let profile = Profile::ChorusPro(ChorusPro {
//!     recipient: Some(RecipientParameters::default()),
//!     ..ChorusPro::default()
//! });
//! let report = facture::validate_bytes(&xml, &profile).unwrap();
//! for f in &report.findings {
//!     println!("{} {} {}", f.rule, f.message_en, f.platform.unwrap_or(""));
//! }
//! ```

mod attachments;
mod cadre;
mod document;
mod identifiers;
mod lengths;
mod payment;
mod recipient;

#[cfg(test)]
mod tests;

use super::engine::ChorusFamily;
use super::report::{Finding, Severity};
use crate::model::{Identifier, Invoice, NaiveDate, Term, is_siret_shaped};

/// The options of the Chorus Pro profile: what the platform knows that the
/// invoice does not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChorusPro {
    /// The recipient structure's parameters (from the Structures API,
    /// `consulterStructure`). `None`: not known, and the rules that need
    /// them are reported as not checked (the verdict is then at best
    /// "incomplete").
    pub recipient: Option<RecipientParameters>,
    /// The validating structure of an invoice in cadre A9 or A12 (its
    /// SIRET or Chorus Pro structure code), when the deposit names one.
    pub validator: Option<String>,
    /// The deposit date the issue date is compared with (default: today,
    /// from the system clock, UTC).
    pub deposit_date: Option<NaiveDate>,
}

/// The parameters of a recipient structure that decide which references an
/// invoice must carry (`consulterStructure` → `parametres`).
///
/// ```
/// use facture::rules::chorus_pro::RecipientParameters;
/// let json = r#"{"parametres": {"codeServiceDoitEtreRenseigne": true,
///                "numeroEJDoitEtreRenseigne": false,
///                "gestionNumeroEJOuCodeService": false}}"#;
/// let p = RecipientParameters::from_json(json).unwrap();
/// assert!(p.service_code_required && !p.engagement_required);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
pub struct RecipientParameters {
    /// `codeServiceDoitEtreRenseigne`: the service code (BT-10) is required.
    #[serde(rename = "codeServiceDoitEtreRenseigne", default)]
    pub service_code_required: bool,
    /// `numeroEJDoitEtreRenseigne`: the engagement number (BT-13) is required.
    #[serde(rename = "numeroEJDoitEtreRenseigne", default)]
    pub engagement_required: bool,
    /// `gestionNumeroEJOuCodeService`: one of the two is required.
    #[serde(rename = "gestionNumeroEJOuCodeService", default)]
    pub engagement_or_service: bool,
}

impl RecipientParameters {
    /// Reads the parameters from a `consulterStructure` response (the
    /// `parametres` object) or from an object holding the three flags.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        #[derive(serde::Deserialize)]
        struct Response {
            parametres: RecipientParameters,
        }
        serde_json::from_str::<Response>(text)
            .map(|r| r.parametres)
            .or_else(|_| serde_json::from_str(text))
    }
}

/// What the Chorus Pro rules see besides the invoice.
pub(crate) struct Context<'a> {
    pub options: &'a ChorusPro,
    /// The size of the deposited document, when validating bytes.
    pub input_bytes: Option<u64>,
    pub deposit_date: NaiveDate,
}

impl<'a> Context<'a> {
    pub(crate) fn new(options: &'a ChorusPro, input_bytes: Option<u64>) -> Self {
        Self {
            options,
            input_bytes,
            deposit_date: options.deposit_date.unwrap_or_else(today),
        }
    }
}

/// Today's date (UTC) from the system clock.
fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(chrono::TimeDelta::try_days(days)?))
        .unwrap_or_default()
}

/// The Chorus Pro rule families.
pub(crate) const FAMILIES: &[ChorusFamily] = &[
    cadre::FAMILY,
    identifiers::FAMILY,
    document::FAMILY,
    lengths::FAMILY,
    payment::FAMILY,
    attachments::FAMILY,
    recipient::FAMILY,
];

/// The EN 16931 findings Chorus Pro sees differently: a SIRET under the
/// Chorus Pro scheme `1` (what its E1 flows expect) is not an ISO 6523
/// scheme, so BR-CL-10 / BR-CL-11 fire on it; in this profile they are
/// warnings that say so.
pub(crate) fn adjust_en16931(invoice: &Invoice, findings: &mut [Finding]) {
    for f in findings.iter_mut() {
        if !matches!(f.rule, "BR-CL-10" | "BR-CL-11") || f.severity != Severity::Fatal {
            continue;
        }
        let Some(term) = f.path.and_then(|p| p.term()) else {
            continue;
        };
        let id = identifier_of_scheme_term(invoice, term, f.path);
        if id.is_some_and(|id| id.scheme.as_deref() == Some("1") && is_siret_shaped(&id.value)) {
            f.severity = Severity::Warning;
            f.platform = Some(
                "Chorus Pro attend ce SIRET sous le schéma 1 (flux E1) : accepté par la plateforme",
            );
        }
    }
}

/// The identifier whose scheme is the term `term` (BT-29-1, BT-30-1,
/// BT-46-1, BT-47-1, BT-60-1, BT-61-1).
fn identifier_of_scheme_term(
    invoice: &Invoice,
    term: Term,
    path: Option<crate::model::TermPath>,
) -> Option<&Identifier> {
    match term.number() {
        29 => {
            let index = path
                .and_then(|p| {
                    p.steps()
                        .iter()
                        .find(|(t, _)| *t == Term::bt(29))
                        .map(|s| s.1)
                })
                .unwrap_or(1);
            invoice
                .seller
                .identifiers
                .get(usize::try_from(index).ok()?.checked_sub(1)?)
        }
        30 => invoice.seller.legal_registration_id.as_ref(),
        46 => invoice.buyer.identifier.as_ref(),
        47 => invoice.buyer.legal_registration_id.as_ref(),
        60 => invoice.payee.as_ref()?.identifier.as_ref(),
        61 => invoice.payee.as_ref()?.legal_registration_id.as_ref(),
        _ => None,
    }
}

/// The path of a top-level business term `BT-n`.
pub(crate) fn top(n: u16) -> crate::model::TermPath {
    crate::model::TermPath::of(Term::bt(n))
}

/// A 1-based index as the model paths count.
pub(crate) fn nth(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}
