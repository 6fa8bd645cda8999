//! The element and attribute names of the Chorus Pro (AIFE) proprietary
//! formats, in one table the reader and the writer share. These formats have
//! no namespace: names are compared as local names of un-namespaced
//! elements.

// Root elements and invoice units.
/// Root of the outbound pivot invoice flow.
pub const PIVOT_ROOT: &str = "CPPFacturePivot";
/// One invoice of a pivot flow.
pub const PIVOT_UNIT: &str = "CPPFacturePivotUnitaire";
/// Root of the inbound mixed (E2) invoice flow.
pub const MIXTE_ROOT: &str = "CPPFactureMixte";
/// One invoice of a mixed flow.
pub const MIXTE_UNIT: &str = "CPPFactureMixteUnitaire";

// Root attributes.
pub const VERSION: &str = "Version";
pub const XMLNS_XSI: &str = "xmlns:xsi";
pub const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";
pub const XSI_LOCATION: &str = "xsi:noNamespaceSchemaLocation";
pub const NUM_ORDRE: &str = "NumOrdre";
pub const COMPTEUR: &str = "Compteur";
pub const TYPE_ATTR: &str = "Type";

// Envelope.
pub const ENVELOPPE: &str = "Enveloppe";
pub const ENVELOPPE_UNITAIRE: &str = "EnveloppeUnitaire";
pub const PARAMETRES: &str = "Parametres";
pub const PARAMETRE_INDIV: &str = "ParametreIndiv";
pub const CODE: &str = "Code";
pub const VALEUR_PARAMETRE: &str = "Valeurparametre";
pub const NOTE: &str = "Note";
pub const PARTENAIRES: &str = "Partenaires";
pub const RECEPTEUR: &str = "Recepteur";
pub const EMETTEUR: &str = "Emetteur";
pub const ID: &str = "Id";
pub const LIBELLE: &str = "Libelle";

// Invoices.
pub const CPP_FACTURES: &str = "CPPFactures";
pub const FOURNISSEUR: &str = "Fournisseur";
pub const TYPE_IDENTIFIANT: &str = "TypeIdentifiant";
pub const IDENTIFIANT: &str = "Identifiant";
pub const RAISON_SOCIALE: &str = "RaisonSociale";
pub const CODE_PAYS: &str = "CodePays";
pub const REFERENCE_BANCAIRE: &str = "ReferenceBancaire";
pub const COMPTE: &str = "Compte";
pub const ETABLISSEMENT: &str = "Etablissement";
pub const RAISON_SOCIALE_ENCAISSEUR: &str = "RaisonSocialeEncaisseur";
pub const MODE_EMISSION: &str = "ModeEmission";
pub const DEBITEUR: &str = "Debiteur";
pub const NOM: &str = "Nom";
pub const CODE_SERVICE: &str = "CodeService";
pub const NOM_SERVICE: &str = "NomService";
pub const DONNEES_FACTURE: &str = "DonneesFacture";
pub const ID_CPRO: &str = "IdCPRO";
pub const RENVOI: &str = "Renvoi";
pub const ID_FACTURE_ORIGINE: &str = "IdFactureOrigine";
pub const TYPE: &str = "Type";
pub const CADRE: &str = "Cadre";
pub const DATE_EMISSION: &str = "DateEmissionFacture";
pub const DATE_LIVRAISON: &str = "DateLivraison";
pub const MODE_PAIEMENT: &str = "ModePaiement";
pub const DATE_RECEPTION: &str = "DateReception";
pub const DATE_MOE: &str = "DateMiseADispositionMOE";
pub const DEVISE: &str = "Devise";
pub const MONTANTS: &str = "Montants";
pub const MONTANT_HT: &str = "MontantHT";
pub const MONTANT_TTC: &str = "MontantTTC";
pub const MONTANT_NET: &str = "MontantNetAPayer";
/// The VAT lines wrapper as the pivot XSD spells it.
pub const TVAS_PIVOT: &str = "TVAs";
/// The VAT lines wrapper as the CPPFactureMixte sample spells it.
pub const TVAS_MIXTE: &str = "TVAS";
pub const TVA: &str = "TVA";
pub const TAUX: &str = "Taux";
pub const BASE_HT: &str = "BaseHt";
pub const MONTANT_TVA: &str = "MontantTVA";
pub const ENGAGEMENT: &str = "Engagement";
pub const NUMERO_MARCHE: &str = "NumeroMarche";
pub const NUMERO_ENGAGEMENT: &str = "NumeroEngagement";
pub const LIGNES: &str = "Lignes";
pub const LIGNE: &str = "Ligne";
pub const REFERENCE_PRODUIT: &str = "ReferenceProduit";
pub const PRIX_UNITAIRE: &str = "PrixUnitaire";
pub const QUANTITE: &str = "Quantite";
pub const TAUX_TVA: &str = "TauxTVA";

// Attachments.
pub const PJ: &str = "PJ";
pub const ID_UNIQUE: &str = "IdUnique";
pub const ID_ORIGINAL: &str = "IdOriginal";
pub const CONTENU: &str = "Contenu";
pub const NOM_PJ: &str = "NomPJ";
pub const NOM_PJ_ORIGINE: &str = "NomPJOrigine";
pub const CATEGORIE_PJ: &str = "CategoriePJ";
pub const TYPE_PJ: &str = "TypePJ";
pub const MIME_TYPE_PJ: &str = "MimeTypePJ";

// Validation cycle.
pub const CYCLE_DE_VALIDATION: &str = "CycleDeValidation";
pub const VALIDATION_UNITAIRE: &str = "ValidationUnitaire";
pub const DATE_STATUT: &str = "DateStatut";
pub const CODE_STATUT: &str = "CodeStatut";
pub const COMPLEMENT_STATUT: &str = "ComplementStatut";
pub const COMMENTAIRE: &str = "Commentaire";
pub const PRODUCTEUR_STATUT: &str = "ProducteurStatut";
