//! The `syntaxeFlux` codes of a deposit and which one a file goes as.

use super::Error;
use crate::{Document, Syntax};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The syntax code of a deposited flow: the 13 values of the
/// `DeposerFluxFactureParam.syntaxeFlux` enum of the Factures API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SyntaxeFlux {
    /// E1 (structured) UBL 2.1 Invoice or CreditNote.
    #[serde(rename = "IN_DP_E1_UBL_INVOICE")]
    InDpE1UblInvoice,
    /// E1 CII (older CII version).
    #[serde(rename = "IN_DP_E1_CII")]
    InDpE1Cii,
    /// E1 PES Facture (French public sector format).
    #[serde(rename = "IN_DP_E1_PES_FACTURE")]
    InDpE1PesFacture,
    /// E1 xCBL.
    #[serde(rename = "IN_DP_E1_XCBL")]
    InDpE1Xcbl,
    /// E2 (mixed: minimal XML + PDF) UBL.
    #[serde(rename = "IN_DP_E2_UBL_INVOICE_MIN")]
    InDpE2UblInvoiceMin,
    /// E2 minimal CII (older CII version).
    #[serde(rename = "IN_DP_E2_CII_MIN")]
    InDpE2CiiMin,
    /// E2 minimal PES Facture.
    #[serde(rename = "IN_DP_E2_PES_FACTURE_MIN")]
    InDpE2PesFactureMin,
    /// E2 Chorus Pro `CPPFactureMixte`.
    #[serde(rename = "IN_DP_E2_CPP_FACTURE_MIN")]
    InDpE2CppFactureMin,
    /// PDF archive with UBL (MUG).
    #[serde(rename = "IN_DP_PDFARCHIVE_UBL_INVOICE_MUG")]
    InDpPdfarchiveUblInvoiceMug,
    /// PDF archive with CII (MUG).
    #[serde(rename = "IN_DP_PDFARCHIVE_CII_MUG")]
    InDpPdfarchiveCiiMug,
    /// E1 UN/CEFACT CII D16B.
    #[serde(rename = "IN_DP_E1_CII_16B")]
    InDpE1Cii16b,
    /// E2 minimal CII D16B.
    #[serde(rename = "IN_DP_E2_CII_MIN_16B")]
    InDpE2CiiMin16b,
    /// Factur-X (PDF/A-3 with embedded CII).
    #[serde(rename = "IN_DP_E2_CII_FACTURX")]
    InDpE2CiiFacturx,
}

impl SyntaxeFlux {
    /// Every value, in the order of the API definition.
    pub const ALL: [SyntaxeFlux; 13] = [
        SyntaxeFlux::InDpE1UblInvoice,
        SyntaxeFlux::InDpE1Cii,
        SyntaxeFlux::InDpE1PesFacture,
        SyntaxeFlux::InDpE1Xcbl,
        SyntaxeFlux::InDpE2UblInvoiceMin,
        SyntaxeFlux::InDpE2CiiMin,
        SyntaxeFlux::InDpE2PesFactureMin,
        SyntaxeFlux::InDpE2CppFactureMin,
        SyntaxeFlux::InDpPdfarchiveUblInvoiceMug,
        SyntaxeFlux::InDpPdfarchiveCiiMug,
        SyntaxeFlux::InDpE1Cii16b,
        SyntaxeFlux::InDpE2CiiMin16b,
        SyntaxeFlux::InDpE2CiiFacturx,
    ];

    /// The code as the API spells it, e.g. `IN_DP_E1_UBL_INVOICE`.
    pub fn as_str(self) -> &'static str {
        match self {
            SyntaxeFlux::InDpE1UblInvoice => "IN_DP_E1_UBL_INVOICE",
            SyntaxeFlux::InDpE1Cii => "IN_DP_E1_CII",
            SyntaxeFlux::InDpE1PesFacture => "IN_DP_E1_PES_FACTURE",
            SyntaxeFlux::InDpE1Xcbl => "IN_DP_E1_XCBL",
            SyntaxeFlux::InDpE2UblInvoiceMin => "IN_DP_E2_UBL_INVOICE_MIN",
            SyntaxeFlux::InDpE2CiiMin => "IN_DP_E2_CII_MIN",
            SyntaxeFlux::InDpE2PesFactureMin => "IN_DP_E2_PES_FACTURE_MIN",
            SyntaxeFlux::InDpE2CppFactureMin => "IN_DP_E2_CPP_FACTURE_MIN",
            SyntaxeFlux::InDpPdfarchiveUblInvoiceMug => "IN_DP_PDFARCHIVE_UBL_INVOICE_MUG",
            SyntaxeFlux::InDpPdfarchiveCiiMug => "IN_DP_PDFARCHIVE_CII_MUG",
            SyntaxeFlux::InDpE1Cii16b => "IN_DP_E1_CII_16B",
            SyntaxeFlux::InDpE2CiiMin16b => "IN_DP_E2_CII_MIN_16B",
            SyntaxeFlux::InDpE2CiiFacturx => "IN_DP_E2_CII_FACTURX",
        }
    }
}

impl fmt::Display for SyntaxeFlux {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of [`SyntaxeFlux::from_str`]: the text is not one of the codes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown syntaxeFlux code {0:?}")]
pub struct UnknownSyntaxeFlux(pub String);

impl FromStr for SyntaxeFlux {
    type Err = UnknownSyntaxeFlux;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SyntaxeFlux::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| UnknownSyntaxeFlux(s.to_owned()))
    }
}

/// The code a syntax is deposited as.
///
/// UBL Invoice and CreditNote go as `IN_DP_E1_UBL_INVOICE`, CII D16B as
/// `IN_DP_E1_CII_16B`, `CPPFactureMixte` as `IN_DP_E2_CPP_FACTURE_MIN`.
/// `CPPFacturePivot` is what Chorus Pro sends to public recipients, not an
/// input format: [`Error::NotDepositable`].
pub fn syntaxe_of(syntax: Syntax) -> Result<SyntaxeFlux, Error> {
    match syntax {
        Syntax::UblInvoice | Syntax::UblCreditNote => Ok(SyntaxeFlux::InDpE1UblInvoice),
        Syntax::Cii => Ok(SyntaxeFlux::InDpE1Cii16b),
        Syntax::CppMixte => Ok(SyntaxeFlux::InDpE2CppFactureMin),
        Syntax::FacturX => Ok(SyntaxeFlux::InDpE2CiiFacturx),
        Syntax::CppPivot => Err(Error::NotDepositable {
            syntax,
            reason: "it is the outbound format Chorus Pro sends to recipients",
        }),
    }
}

/// The code a read document is deposited as (see [`syntaxe_of`]).
pub fn syntaxe_for(doc: &Document) -> Result<SyntaxeFlux, Error> {
    syntaxe_of(doc.syntax)
}

/// Whether `bytes` are a PDF file (they start with `%PDF`).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF")
}

/// The code a file is deposited as, from its bytes: a PDF is taken as
/// Factur-X (`IN_DP_E2_CII_FACTURX`; its embedded XML is not checked), any
/// other file is read as XML and its root element decides (see
/// [`syntaxe_of`]).
pub fn syntaxe_for_bytes(bytes: &[u8]) -> Result<SyntaxeFlux, Error> {
    if is_pdf(bytes) {
        return Ok(SyntaxeFlux::InDpE2CiiFacturx);
    }
    syntaxe_of(crate::detect(bytes)?)
}
