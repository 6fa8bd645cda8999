//! Chorus Pro's own notions, as the canonical model carries them: the cadre
//! de facturation (in BT-23) and the identifier types 1…7 of a party (in
//! the scheme of BT-29/30/46/47), with the SIRET check they rely on.
//!
//! Nothing here is stored twice: the cadre *is* BT-23, and the identifier
//! type *is* the identifier's scheme (`schemeID` in CII, `schemeName` in
//! Chorus Pro's UBL, `TypeIdentifiant` in the pivot). These are typed views
//! over the model.

use super::{Identifier, Invoice, Term, TermPath};
use std::fmt;

/// A cadre de facturation (Chorus Pro billing framework), carried in BT-23.
///
/// ```
/// use facture::model::Cadre;
/// let cadre: Cadre = "A2".parse().unwrap();
/// assert_eq!(cadre, Cadre::A2);
/// assert_eq!(cadre.api_literal(), "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE");
/// assert!("M1".parse::<Cadre>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum Cadre {
    A1,
    A2,
    A3,
    A4,
    A5,
    A6,
    A7,
    A8,
    A9,
    A10,
    A11,
    A12,
    A13,
    A14,
    A15,
    A16,
    A17,
    A18,
    A19,
    A20,
    A21,
    A22,
    A23,
    A24,
    A25,
}

/// Every cadre with its code, API literal, French and English labels.
const CADRES: [(Cadre, &str, &str, &str, &str); 25] = [
    (
        Cadre::A1,
        "A1",
        "A1_FACTURE_FOURNISSEUR",
        "Dépôt par un fournisseur d'une facture",
        "Invoice deposited by a supplier",
    ),
    (
        Cadre::A2,
        "A2",
        "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE",
        "Dépôt par un fournisseur d'une facture déjà payée",
        "Supplier invoice already paid",
    ),
    (
        Cadre::A3,
        "A3",
        "A3_MEMOIRE_JUSTICE",
        "Mémoire de frais de justice",
        "Memorandum of justice costs",
    ),
    (
        Cadre::A4,
        "A4",
        "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR",
        "Projet de décompte mensuel (fournisseur)",
        "Supplier draft monthly statement",
    ),
    (
        Cadre::A5,
        "A5",
        "A5_ETAT_ACOMPTE_FOURNISSEUR",
        "État d'acompte (fournisseur)",
        "Supplier down-payment statement",
    ),
    (
        Cadre::A6,
        "A6",
        "A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR",
        "État d'acompte validé (fournisseur)",
        "Supplier validated down-payment statement",
    ),
    (
        Cadre::A7,
        "A7",
        "A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR",
        "Projet de décompte final (fournisseur)",
        "Supplier draft final statement",
    ),
    (
        Cadre::A8,
        "A8",
        "A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR",
        "Décompte général et définitif (fournisseur)",
        "Supplier general and definitive statement",
    ),
    (
        Cadre::A9,
        "A9",
        "A9_FACTURE_SOUSTRAITANT",
        "Facture d'un sous-traitant",
        "Invoice by a subcontractor",
    ),
    (
        Cadre::A10,
        "A10",
        "A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT",
        "Projet de décompte mensuel (sous-traitant)",
        "Subcontractor draft monthly statement",
    ),
    (
        Cadre::A11,
        "A11",
        "A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT",
        "Projet de décompte final (sous-traitant)",
        "Subcontractor draft final statement",
    ),
    (
        Cadre::A12,
        "A12",
        "A12_FACTURE_COTRAITANT",
        "Facture d'un cotraitant",
        "Invoice by a co-contractor",
    ),
    (
        Cadre::A13,
        "A13",
        "A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT",
        "Projet de décompte mensuel (cotraitant)",
        "Co-contractor draft monthly statement",
    ),
    (
        Cadre::A14,
        "A14",
        "A14_PROJET_DECOMPTE_FINAL_COTRAITANT",
        "Projet de décompte final (cotraitant)",
        "Co-contractor draft final statement",
    ),
    (
        Cadre::A15,
        "A15",
        "A15_ETAT_ACOMPTE_MOE",
        "État d'acompte (maîtrise d'œuvre)",
        "Project manager down-payment statement",
    ),
    (
        Cadre::A16,
        "A16",
        "A16_ETAT_ACOMPTE_VALIDE_MOE",
        "État d'acompte validé (maîtrise d'œuvre)",
        "Project manager validated down-payment statement",
    ),
    (
        Cadre::A17,
        "A17",
        "A17_PROJET_DECOMPTE_GENERAL_MOE",
        "Projet de décompte général (maîtrise d'œuvre)",
        "Project manager draft general statement",
    ),
    (
        Cadre::A18,
        "A18",
        "A18_DECOMPTE_GENERAL_MOE",
        "Décompte général (maîtrise d'œuvre)",
        "Project manager general statement",
    ),
    (
        Cadre::A19,
        "A19",
        "A19_ETAT_ACOMPTE_VALIDE_MOA",
        "État d'acompte validé (maîtrise d'ouvrage)",
        "Contracting authority validated down-payment statement",
    ),
    (
        Cadre::A20,
        "A20",
        "A20_DECOMPTE_GENERAL_MOA",
        "Décompte général (maîtrise d'ouvrage)",
        "Contracting authority general statement",
    ),
    (
        Cadre::A21,
        "A21",
        "A21_DEMANDE_REMBOURSEMENT_TIC",
        "Demande de remboursement de la TIC",
        "Energy excise (TIC) refund request",
    ),
    (
        Cadre::A22,
        "A22",
        "A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE",
        "Projet de décompte général (procédure tacite)",
        "Draft general statement, tacit procedure",
    ),
    (
        Cadre::A23,
        "A23",
        "A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR",
        "Décompte général et définitif tacite (fournisseur)",
        "Tacit general and definitive statement (supplier)",
    ),
    (
        Cadre::A24,
        "A24",
        "A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE",
        "Décompte général et définitif tacite (maîtrise d'œuvre)",
        "Tacit general and definitive statement (project manager)",
    ),
    (
        Cadre::A25,
        "A25",
        "A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE",
        "Décompte général et définitif (procédure tacite)",
        "General and definitive statement, tacit procedure",
    ),
];

impl Cadre {
    /// Every cadre, A1 to A25.
    pub fn all() -> impl Iterator<Item = Cadre> {
        CADRES.iter().map(|c| c.0)
    }

    fn entry(
        self,
    ) -> &'static (
        Cadre,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ) {
        // The table is in declaration order; the fallback never happens.
        CADRES.get(self as usize).unwrap_or(&CADRES[0])
    }

    /// The short code XML flows carry (`A1`…`A25`).
    pub fn code(self) -> &'static str {
        self.entry().1
    }

    /// The literal of the Chorus Pro API (`A1_FACTURE_FOURNISSEUR`, …).
    pub fn api_literal(self) -> &'static str {
        self.entry().2
    }

    /// The label, in French.
    pub fn label_fr(self) -> &'static str {
        self.entry().3
    }

    /// The label, in English.
    pub fn label_en(self) -> &'static str {
        self.entry().4
    }

    /// Whether an invoice in this cadre goes through a validation cycle by
    /// another structure (A9 subcontractor, A12 co-contractor), whose
    /// identity Chorus Pro then needs.
    pub fn needs_validator(self) -> bool {
        matches!(self, Cadre::A9 | Cadre::A12)
    }

    /// Whether the invoice is declared already paid (A2).
    pub fn already_paid(self) -> bool {
        self == Cadre::A2
    }
}

impl std::str::FromStr for Cadre {
    type Err = UnknownCode;

    /// Parses a code `A1`…`A25` (or an API literal such as
    /// `A1_FACTURE_FOURNISSEUR`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        CADRES
            .iter()
            .find(|c| c.1 == s || c.2 == s)
            .map(|c| c.0)
            .ok_or_else(|| UnknownCode(s.to_owned()))
    }
}

impl fmt::Display for Cadre {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A code that is not in the list it should come from.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown code {0:?}")]
pub struct UnknownCode(pub String);

/// The type of a party identifier in Chorus Pro (`TypeIdentifiant` 1…7,
/// the API's `typeIdentifiant`).
///
/// ```
/// use facture::model::{Identifier, IdentifierType};
/// let siret = Identifier::with_scheme("35600000000048", "0009");
/// assert_eq!(IdentifierType::of(&siret), Some(IdentifierType::Siret));
/// assert_eq!(IdentifierType::Siret.code(), "1");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdentifierType {
    /// 1: SIRET (French establishment, 14 digits).
    Siret,
    /// 2: structure in the EU outside France (its intra-EU VAT number).
    EuOutsideFrance,
    /// 3: structure outside the EU.
    OutsideEu,
    /// 4: RIDET (New Caledonia).
    Ridet,
    /// 5: Tahiti number (French Polynesia).
    Tahiti,
    /// 6: other.
    Other,
    /// 7: private individual.
    Individual,
}

const IDENTIFIER_TYPES: [(IdentifierType, &str, &str); 7] = [
    (IdentifierType::Siret, "1", "SIRET"),
    (IdentifierType::EuOutsideFrance, "2", "UE_HORS_FRANCE"),
    (IdentifierType::OutsideEu, "3", "HORS_UE"),
    (IdentifierType::Ridet, "4", "RIDET"),
    (IdentifierType::Tahiti, "5", "TAHITI"),
    (IdentifierType::Other, "6", "AUTRE"),
    (IdentifierType::Individual, "7", "PARTICULIER"),
];

impl IdentifierType {
    /// The numeric code of the XML flows (`1`…`7`).
    pub fn code(self) -> &'static str {
        IDENTIFIER_TYPES
            .iter()
            .find(|t| t.0 == self)
            .map_or("6", |t| t.1)
    }

    /// The literal of the Chorus Pro API (`SIRET`, `UE_HORS_FRANCE`, …).
    pub fn api_literal(self) -> &'static str {
        IDENTIFIER_TYPES
            .iter()
            .find(|t| t.0 == self)
            .map_or("AUTRE", |t| t.2)
    }

    /// The type for a numeric code `1`…`7`.
    pub fn from_code(code: &str) -> Option<Self> {
        IDENTIFIER_TYPES
            .iter()
            .find(|t| t.1 == code.trim())
            .map(|t| t.0)
    }

    /// The Chorus Pro type an identifier declares: its `schemeName` or
    /// scheme when it is a code `1`…`7`; SIRET for ICD `0009`, and for ICD
    /// `0002` or no scheme when the value has the 14 digits of a SIRET.
    /// `None` when the identifier says nothing Chorus Pro understands.
    pub fn of(id: &Identifier) -> Option<Self> {
        if let Some(t) = id.scheme_name.as_deref().and_then(Self::from_code) {
            return Some(t);
        }
        match id.scheme.as_deref() {
            Some(s) if Self::from_code(s).is_some() => Self::from_code(s),
            Some("0009") => Some(Self::Siret),
            Some("0002") | None if is_siret_shaped(&id.value) => Some(Self::Siret),
            _ => None,
        }
    }
}

impl fmt::Display for IdentifierType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.api_literal())
    }
}

/// Whether `value` is 14 ASCII digits (a SIRET's shape, key not checked).
pub fn is_siret_shaped(value: &str) -> bool {
    let value = value.trim();
    value.len() == 14 && value.bytes().all(|b| b.is_ascii_digit())
}

/// The SIREN of La Poste, whose establishments' SIRETs do not follow the
/// Luhn key: their 14 digits add up to a multiple of 5 instead (only the
/// head office, 35600000000048, passes Luhn).
pub const LA_POSTE_SIREN: &str = "356000000";

/// Whether `value` is a valid SIRET: 14 digits, with a valid Luhn key (or,
/// for La Poste's establishments, SIREN 356000000, a digit sum that is a
/// multiple of 5; the head office's SIRET passes Luhn).
///
/// ```
/// use facture::model::is_valid_siret;
/// assert!(is_valid_siret("73282932000074"));
/// assert!(!is_valid_siret("73282932000075"));
/// assert!(is_valid_siret("35600000049837")); // a La Poste office
/// ```
pub fn is_valid_siret(value: &str) -> bool {
    let value = value.trim();
    if !is_siret_shaped(value) {
        return false;
    }
    if value.starts_with(LA_POSTE_SIREN) {
        let sum: u32 = value.bytes().map(|b| u32::from(b - b'0')).sum();
        return sum.is_multiple_of(5) || luhn_valid(value);
    }
    luhn_valid(value)
}

/// Whether a string of ASCII digits passes the Luhn check (used by SIREN
/// and SIRET).
pub fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// A party's identifier as Chorus Pro reads it: the value, its type, and
/// the term it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChorusIdentifier<'a> {
    /// The identifier value.
    pub value: &'a str,
    /// Its Chorus Pro type, when the identifier declares one.
    pub kind: Option<IdentifierType>,
    /// The term it was taken from (BT-29/30 for the seller, BT-46/47 for
    /// the buyer).
    pub term: TermPath,
}

impl Invoice {
    /// The cadre de facturation in BT-23, when BT-23 holds one (`None` when
    /// BT-23 is absent or holds something else).
    pub fn cadre(&self) -> Option<Cadre> {
        self.process.business_process.as_deref()?.parse().ok()
    }

    /// The supplier's identifier as Chorus Pro takes it: the first of the
    /// seller identifiers (BT-29) and legal registration identifier (BT-30)
    /// that declares a Chorus Pro type, else the first one present.
    pub fn chorus_supplier_identifier(&self) -> Option<ChorusIdentifier<'_>> {
        let seller = &self.seller;
        let mut candidates: Vec<(&Identifier, TermPath)> = seller
            .identifiers
            .iter()
            .enumerate()
            .map(|(i, id)| {
                (
                    id,
                    TermPath::of(Term::bg(4))
                        .nth(Term::bt(29), u32::try_from(i + 1).unwrap_or(u32::MAX)),
                )
            })
            .collect();
        if let Some(id) = &seller.legal_registration_id {
            candidates.push((id, TermPath::of(Term::bg(4)).child(Term::bt(30))));
        }
        pick(&candidates)
    }

    /// The buyer's identifier as Chorus Pro takes it: BT-46 or BT-47,
    /// preferring one that declares a Chorus Pro type.
    pub fn chorus_buyer_identifier(&self) -> Option<ChorusIdentifier<'_>> {
        let buyer = &self.buyer;
        let mut candidates = Vec::new();
        if let Some(id) = &buyer.identifier {
            candidates.push((id, TermPath::of(Term::bg(7)).child(Term::bt(46))));
        }
        if let Some(id) = &buyer.legal_registration_id {
            candidates.push((id, TermPath::of(Term::bg(7)).child(Term::bt(47))));
        }
        pick(&candidates)
    }
}

fn pick<'a>(candidates: &[(&'a Identifier, TermPath)]) -> Option<ChorusIdentifier<'a>> {
    let typed = candidates
        .iter()
        .find_map(|(id, term)| IdentifierType::of(id).map(|kind| (*id, *term, Some(kind))));
    let (id, term, kind) = typed.or_else(|| {
        candidates
            .iter()
            .find(|(id, _)| !id.value.trim().is_empty())
            .map(|(id, term)| (*id, *term, None))
    })?;
    Some(ChorusIdentifier {
        value: id.value.trim(),
        kind,
        term,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cadre_table_is_in_order() {
        for (i, c) in CADRES.iter().enumerate() {
            assert_eq!(c.0 as usize, i);
            assert_eq!(c.1, format!("A{}", i + 1));
            assert!(c.2.starts_with(&format!("A{}_", i + 1)));
        }
        assert_eq!(Cadre::all().count(), 25);
    }

    #[test]
    fn parses_codes_and_literals() {
        assert_eq!("A12".parse::<Cadre>(), Ok(Cadre::A12));
        assert_eq!(" A25 ".parse::<Cadre>(), Ok(Cadre::A25));
        assert_eq!("A9_FACTURE_SOUSTRAITANT".parse::<Cadre>(), Ok(Cadre::A9));
        for bad in ["A0", "A26", "a1", "M1", "", "urn:cen.eu:en16931:2017"] {
            assert!(bad.parse::<Cadre>().is_err(), "{bad}");
        }
    }

    #[test]
    fn siret_keys() {
        assert!(is_valid_siret("73282932000074"));
        assert!(is_valid_siret("12345678200010"));
        assert!(!is_valid_siret("12345678200011"));
        assert!(!is_valid_siret("1234567820001"));
        assert!(!is_valid_siret("1234567820001a"));
        // La Poste: digit sum multiple of 5, Luhn not required; the head
        // office passes Luhn.
        assert!(is_valid_siret("35600000049837"));
        assert!(!luhn_valid("35600000049837"));
        assert!(is_valid_siret("35600000000048"));
        assert!(!is_valid_siret("35600000012345"));
        assert!(luhn_valid("732829320"));
        assert!(!luhn_valid(""));
    }

    #[test]
    fn identifier_types() {
        let mut id = Identifier::new("12345678200010");
        assert_eq!(IdentifierType::of(&id), Some(IdentifierType::Siret));
        id.scheme_name = Some("2".into());
        assert_eq!(
            IdentifierType::of(&id),
            Some(IdentifierType::EuOutsideFrance)
        );
        let vat = Identifier::with_scheme("DE123456789", "0223");
        assert_eq!(IdentifierType::of(&vat), None);
        let siren = Identifier::with_scheme("123456782", "0002");
        assert_eq!(IdentifierType::of(&siren), None);
        for t in IDENTIFIER_TYPES {
            assert_eq!(IdentifierType::from_code(t.0.code()), Some(t.0));
        }
    }

    #[test]
    fn picks_the_typed_identifier() {
        let mut inv = Invoice::default();
        inv.seller
            .identifiers
            .push(Identifier::with_scheme("X1", "0088"));
        inv.seller.legal_registration_id = Some(Identifier::with_scheme("12345678200010", "1"));
        let id = inv.chorus_supplier_identifier().unwrap();
        assert_eq!(id.value, "12345678200010");
        assert_eq!(id.kind, Some(IdentifierType::Siret));
        assert_eq!(id.term, TermPath::of(Term::bg(4)).child(Term::bt(30)));
        inv.seller.legal_registration_id = None;
        let id = inv.chorus_supplier_identifier().unwrap();
        assert_eq!((id.value, id.kind), ("X1", None));
        assert!(inv.chorus_buyer_identifier().is_none());
    }
}
