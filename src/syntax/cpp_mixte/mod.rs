//! Chorus Pro `CPPFactureMixte`: the supplier's mixed (E2) invoice flow,
//! syntax `IN_DP_E2_CPP_FACTURE_MIN`: a minimal structured part plus the
//! invoice itself as an attached file (`PJ`, base64). No namespace; root
//! element `CPPFactureMixte`.
//!
//! # What is inferred
//!
//! AIFE has not published `CPPFactureMixte_V1.14.xsd`. The structure used
//! here comes from the one public sample (`Facture-IN_DP_E2_CPP_FACTURE_MIN`,
//! from megalis-bretagne/pastell) and from its resemblance to the pivot,
//! whose XSD is known:
//!
//! - Observed in the sample, written in this order: the common envelope
//!   (`Enveloppe/EnveloppeUnitaire/Parametres` + `Partenaires`), then
//!   `CPPFactures/@Compteur` / `CPPFactureMixteUnitaire/@NumOrdre` with
//!   `Fournisseur` (`TypeIdentifiant`, `Identifiant`, `RaisonSociale`,
//!   `CodePays`), `Debiteur` (`TypeIdentifiant`, `Identifiant`, `Nom`,
//!   `CodeService`, `NomService`), `DonneesFacture` (`Id`, `Type`,
//!   `Cadre`, `DateEmissionFacture`, `ModePaiement/Code`, `Devise`,
//!   `Montants`, `TVAS/TVA`, `Engagement`), and `PJ` (`Contenu`, `NomPJ`,
//!   `TypePJ`, `MimeTypePJ`).
//! - Inferred from the pivot: the element order inside each block, the
//!   meaning of each element (as in `cpp_pivot`), `IdFactureOrigine`
//!   (written after `Id` for a credit note's original invoice: a credit
//!   note needs it, and the pivot puts it there), `ModePaiement/Libelle`.
//!   The VAT wrapper is spelt `TVAS` as in the sample (the pivot says
//!   `TVAs`); the reader accepts both.
//! - Left out as platform-assigned (the supplier does not send them, the
//!   sample has none): `ModeEmission`, `ReferenceBancaire`, `IdCPRO`,
//!   `Renvoi`, `DateReception`, `DateMiseADispositionMOE`, `DateLivraison`,
//!   `Lignes`, `CycleDeValidation`, `PJ/IdUnique`, `IdOriginal`,
//!   `NomPJOrigine`, `CategoriePJ`. The reader still reads them if present.
//! - `ModePaiement/Code` has no known list (the sample writes `01`): the
//!   code BT-81 is written as it is.
//! - The cadre may be any of A1…A25.
//!
//! The mapping to the model is the pivot's (see [`crate::syntax::cpp_pivot`]);
//! the attached invoice is a BG-24 whose BT-122 is the invoice number and
//! whose BT-125 holds the file (`TypePJ` `01`).

use crate::error::Result;
use crate::model::Invoice;
use crate::syntax::Written;
use crate::syntax::cpp_pivot::{Flavor, PlatformData};

pub use crate::syntax::cpp_pivot::{
    read_all, read_all_with_limits, read_document, read_document_with_limits, read_flow,
    read_flow_with_limits,
};

/// The `xsi:noNamespaceSchemaLocation` the writer puts on the root, as in
/// the AIFE sample.
pub const SCHEMA_LOCATION: &str = "CPPFactureMixte_V1.14.xsd";

/// Writes one invoice as a `CPPFactureMixte` flow. Of `platform`, the
/// envelope, the unit and attachment ordinals, the attachment types and
/// `NomService` are used; the rest is platform-assigned and reported as
/// dropped when present. Envelope defaults: `Recepteur` `CPP001`,
/// `Emetteur` `XXX001`, parameters `DtPrd` (the issue date) and `IdFlx`
/// (the invoice number).
pub fn write(invoice: &Invoice, platform: &PlatformData) -> Result<Written> {
    crate::syntax::cpp_pivot::write::write_units(Flavor::Mixte, &[(invoice, platform)])
}
