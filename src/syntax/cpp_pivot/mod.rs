//! Chorus Pro `CPPFacturePivot`: the pivot invoice flow the platform sends
//! to public recipients (flow FEN0036A), AIFE XSD versions V1_20, V1_21,
//! V1_22 and V2_02. No namespace; root element `CPPFacturePivot`.
//!
//! The pivot carries a subset of EN 16931. What it carries maps as follows
//! (the reader and the writer mirror each other; names in `names`):
//!
//! | pivot | model |
//! |---|---|
//! | `Fournisseur/TypeIdentifiant` + `Identifiant` | BT-29 (first seller identifier), scheme = the Chorus type `1`…`7` |
//! | `Fournisseur/RaisonSociale`, `CodePays` | BT-27, BT-40 |
//! | `Fournisseur/ReferenceBancaire/Compte`, `RaisonSocialeEncaisseur` | BG-17 BT-84, BT-85 (first credit transfer) |
//! | `Debiteur/TypeIdentifiant` + `Identifiant` | BT-46, scheme `1` (SIRET) |
//! | `Debiteur/Nom`, `CodeService` | BT-44, BT-10 |
//! | `DonneesFacture/Id`, `Type`, `Cadre`, `DateEmissionFacture`, `Devise` | BT-1, BT-3, BT-23, BT-2, BT-5 |
//! | `IdFactureOrigine` | BG-3 BT-25 (first preceding invoice) |
//! | `DateLivraison` (V2_02) | BT-72 |
//! | `ModePaiement/Code`, `Libelle` | BT-81, BT-82 |
//! | `Montants/MontantHT`, `MontantTTC`, `MontantNetAPayer` | BT-109, BT-112, BT-115 |
//! | `TVAs/TVA` `Taux`, `BaseHt`, `MontantTVA` | BG-23 BT-119, BT-116, BT-117 |
//! | `Engagement/NumeroMarche`, `NumeroEngagement` | BT-12, BT-13 |
//! | `Lignes/Ligne` `@NumOrdre`, `ReferenceProduit`, `PrixUnitaire`, `Quantite`, `MontantHT`, `TauxTVA` | BG-25 BT-126, BT-155, BT-146, BT-129, BT-131, BT-152 |
//! | `PJ` `Contenu`, `NomPJ`, `MimeTypePJ` | BG-24 BT-125, BT-125-2, BT-125-1 |
//! | `PJ/CategoriePJ` (V2_02) | BT-123 |
//!
//! Readings worth knowing:
//! - BT-110 (total VAT) and BT-118 / BT-151 (VAT category) have no element.
//!   The reader derives BT-110 as the sum of the `MontantTVA` (BR-CO-14)
//!   when there are VAT lines, and the category `S` for a non-zero rate (the
//!   only EN 16931 category with a non-zero French rate); a zero rate gets no
//!   category. The writer counts these terms as carried when they agree with
//!   that derivation, and reports them as dropped otherwise.
//! - `TypePJ` `01` is the invoice itself, `02` a complementary attachment.
//!   The reader gives the `01` document the invoice number as its BT-122;
//!   the writer marks as `01` the document whose BT-122 is the invoice
//!   number (unless the platform data say otherwise). A `02` document's
//!   BT-122 is its `NomPJ`.
//! - An empty element (`<NumeroMarche/>`) is no term.
//! - `Taux` is copied as written: the AIFE samples write both `5.5` and
//!   `0.021` (2.1 % as a fraction?); the pivot does not say which.
//! - A flow may hold several invoices: [`read_all`] returns each;
//!   [`read_document`] (and `facture::read`) returns the first and lists
//!   the others as ignored elements.
//!
//! What only the platform assigns (envelope, `ModeEmission`, `IdCPRO`,
//! `Renvoi`, `DateReception`, `DateMiseADispositionMOE`, `NomService`, bank
//! establishment, attachment ids, `CycleDeValidation`) is [`PlatformData`],
//! not the model. Everything of the model the pivot cannot carry is listed
//! in [`Written::dropped`](crate::syntax::Written).

pub(crate) mod names;
pub(crate) mod read;
pub(crate) mod write;

use crate::model::NaiveDate;
use crate::syntax::Document;

pub use read::{read_all, read_all_with_limits, read_document, read_document_with_limits};
pub use write::{write, write_flow};

use crate::error::Result;
use crate::limits::Limits;

/// Reads every invoice of a `CPPFacturePivot` or `CPPFactureMixte` flow,
/// each with its [`PlatformData`], with the default [`Limits`] (the same
/// hardened parsing as [`crate::read`]).
///
/// ```
/// let xml = std::fs::read("examples/ubl-invoice.xml").unwrap();
/// let invoice = facture::read(&xml).unwrap().invoice;
/// let pivot = facture::write(&invoice, facture::Target::CppPivot).unwrap();
/// let flow = facture::syntax::cpp_pivot::read_flow(&pivot.xml).unwrap();
/// assert_eq!(flow.len(), 1);
/// assert_eq!(flow[0].platform.emission_mode.as_deref(), Some("flux"));
/// ```
pub fn read_flow(bytes: &[u8]) -> Result<Vec<FlowInvoice>> {
    read_flow_with_limits(bytes, &Limits::default())
}

/// [`read_flow`] with explicit [`Limits`].
pub fn read_flow_with_limits(bytes: &[u8], limits: &Limits) -> Result<Vec<FlowInvoice>> {
    let text = crate::syntax::xml_input::as_text(bytes, limits)?;
    let doc = crate::syntax::xml_input::parse(text, limits)?;
    read_all_with_limits(&doc, text, limits)
}

/// A version of the AIFE `CPPFacturePivot` XSD.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PivotVersion {
    /// V1_20: cadres A1…A21 (with A11).
    V1_20,
    /// V1_21: as V1_20 (`TypePJ` becomes a string).
    V1_21,
    /// V1_22: cadres A1…A25 without A11.
    V1_22,
    /// V2_02 (2022): adds `IdCPRO`, `Renvoi`, `DateLivraison`,
    /// `DateMiseADispositionMOE`, `NomPJOrigine`, `CategoriePJ`.
    #[default]
    V2_02,
}

impl PivotVersion {
    /// Every version, oldest first.
    pub const ALL: [PivotVersion; 4] = [Self::V1_20, Self::V1_21, Self::V1_22, Self::V2_02];

    /// The version as the `Version` attribute writes it (`V2_02`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::V1_20 => "V1_20",
            Self::V1_21 => "V1_21",
            Self::V1_22 => "V1_22",
            Self::V2_02 => "V2_02",
        }
    }

    /// The XSD file name AIFE publishes for the version.
    pub fn schema_file(self) -> &'static str {
        match self {
            Self::V1_20 => "CPPFacturePivot_V1_20.xsd",
            Self::V1_21 => "CPPFacturePivot_V1_21.xsd",
            Self::V1_22 => "CPPFacturePivot_V1_22.xsd",
            Self::V2_02 => "CPPFacturePivot_V2_02.xsd",
        }
    }

    /// Whether the version has the 2022 (IPM4) elements.
    pub fn is_v2(self) -> bool {
        self == Self::V2_02
    }

    /// Whether the XSD of this version admits the cadre `code`.
    pub fn admits_cadre(self, code: &str) -> bool {
        let Some(n) = code.strip_prefix('A').and_then(|n| n.parse::<u8>().ok()) else {
            return false;
        };
        if code.len() > 1 && code.as_bytes().get(1) == Some(&b'0') {
            return false;
        }
        match self {
            Self::V1_20 | Self::V1_21 => (1..=21).contains(&n),
            Self::V1_22 | Self::V2_02 => (1..=25).contains(&n) && n != 11,
        }
    }
}

/// Options of the pivot writer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PivotOptions {
    /// The XSD version to write (default V2_02).
    pub version: PivotVersion,
    /// What only the platform assigns; see [`PlatformData`] for the defaults
    /// used when a field is absent.
    pub platform: PlatformData,
}

/// What the Chorus Pro platform assigns to an invoice flow and that has no
/// place in EN 16931. The writers use these values when present, and
/// deterministic defaults otherwise (documented on each field), so the same
/// input always gives the same output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlatformData {
    /// The flow envelope.
    pub envelope: Envelope,
    /// `NumOrdre` of the invoice unit (default: its position in the flow).
    pub ordinal: Option<String>,
    /// `Fournisseur/ModeEmission`: `flux`, `numérisation`, `saisie`, `PDF`
    /// (pivot only; default `flux`).
    pub emission_mode: Option<String>,
    /// `ReferenceBancaire/@Type`: `IBAN` or `RIB` (default: `IBAN` when the
    /// account BT-84 starts with two letters and two digits, none otherwise).
    pub bank_account_type: Option<String>,
    /// `ReferenceBancaire/Etablissement`: the bank's name (no default).
    pub bank_name: Option<String>,
    /// `IdCPRO` (V2_02): the platform's internal invoice id, as written.
    pub cpro_id: Option<String>,
    /// `Renvoi` (V2_02): `Non`, `Complétée`, `Recyclée`.
    pub resent: Option<String>,
    /// `DateReception` (pivot, mandatory). Default: the issue date BT-2 —
    /// a deterministic choice; the platform's real reception date is never
    /// earlier.
    pub reception_date: Option<NaiveDate>,
    /// `DateMiseADispositionMOE` (V2_02).
    pub moe_availability_date: Option<NaiveDate>,
    /// `Debiteur/NomService`: the name of the service whose code is BT-10.
    pub service_name: Option<String>,
    /// Per `PJ`, in document order (the n-th entry goes with the n-th
    /// written attachment).
    pub attachments: Vec<AttachmentData>,
    /// `CycleDeValidation` (pivot only).
    pub validation_cycle: Vec<Validation>,
}

/// The envelope of a Chorus Pro flow (`Enveloppe/EnveloppeUnitaire`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Envelope {
    /// `EnveloppeUnitaire/@NumOrdre` (default `1`).
    pub ordinal: Option<String>,
    /// `Parametres/ParametreIndiv`. Default: `DtPrd` = the reception date
    /// (see [`PlatformData::reception_date`]) and `IdFlx` = the invoice
    /// number, the two the XSD requires.
    pub parameters: Vec<Parameter>,
    /// `Partenaires/Recepteur` (default pivot: `XXX001`; mixed: `CPP001`).
    pub receiver: Option<Partner>,
    /// `Partenaires/Emetteur` (default pivot: `CPP001`; mixed: `XXX001`).
    pub emitter: Option<Partner>,
}

/// A flow parameter (`ParametreIndiv`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parameter {
    /// `@NumOrdre` (four digits; default the position, `0001`…).
    pub ordinal: Option<String>,
    /// `Code` (5 characters, e.g. `DtPrd`, `IdFlx`).
    pub code: String,
    /// `Valeurparametre`.
    pub value: String,
    /// `Note`.
    pub note: Option<String>,
}

/// A flow partner (`Recepteur` / `Emetteur`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Partner {
    /// `Id` (3 to 8 characters, e.g. `CPP001`).
    pub id: String,
    /// `Libelle`.
    pub label: Option<String>,
    /// `Note`.
    pub note: Option<String>,
}

/// What the platform says about one attachment (`PJ`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttachmentData {
    /// `@NumOrdre` (default: the position).
    pub ordinal: Option<String>,
    /// `TypePJ`: `01` the invoice itself, `02` a complementary attachment
    /// (default: `01` for the document whose BT-122 is the invoice number).
    pub kind: Option<String>,
    /// `IdUnique`.
    pub unique_id: Option<String>,
    /// `IdOriginal`.
    pub original_id: Option<String>,
    /// `NomPJOrigine` (V2_02).
    pub original_name: Option<String>,
    /// Whether the `PJ` had no `Contenu` (its BT-125 content is then empty).
    pub without_content: bool,
}

/// One step of a `CycleDeValidation`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validation {
    /// `DateStatut`.
    pub date: Option<NaiveDate>,
    /// `CodeStatut`, as written.
    pub status_code: String,
    /// `ComplementStatut`.
    pub complement: Option<String>,
    /// `Commentaire`.
    pub comment: Option<String>,
    /// `ProducteurStatut`.
    pub producer: StatusProducer,
}

/// Who produced a validation status (`ProducteurStatut`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatusProducer {
    /// `TypeIdentifiant` (1…6).
    pub id_type: String,
    /// `Id`.
    pub id: String,
    /// `RaisonSociale`.
    pub name: String,
    /// `CodePays`.
    pub country: String,
    /// `Note`.
    pub note: Option<String>,
}

/// One invoice read from a Chorus Pro flow, with what the platform said
/// about it.
#[derive(Clone, Debug)]
pub struct FlowInvoice {
    /// The invoice, its source map and unmapped elements.
    pub document: Document,
    /// The platform's data.
    pub platform: PlatformData,
}

/// Which of the two Chorus Pro invoice formats a reader or writer handles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flavor {
    Pivot(PivotVersion),
    Mixte,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cadres_per_version() {
        assert!(PivotVersion::V1_20.admits_cadre("A11"));
        assert!(!PivotVersion::V1_20.admits_cadre("A22"));
        assert!(!PivotVersion::V2_02.admits_cadre("A11"));
        assert!(PivotVersion::V2_02.admits_cadre("A25"));
        for bad in ["A0", "A01", "B1", "A", "", "A26"] {
            assert!(!PivotVersion::V2_02.admits_cadre(bad), "{bad}");
        }
    }
}
