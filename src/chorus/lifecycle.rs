//! Lifecycle statuses: of an invoice (`statutFacture`, `histoStatutCode`
//! …) and of a deposited flow (`etatCourantFlux`, `etatCourantDepotFlux`),
//! and the status history returned by `consulterHistoriqueFacture`.

use super::Error;
use serde::Deserialize;

open_code_enum! {
    /// The status of an invoice (payment request) on Chorus Pro: the 56
    /// values of the Factures API enum (`statutFacture`, `statutCourantCode`,
    /// `histoStatutCode`, `nouveauStatut`); other codes are kept in
    /// [`StatutFacture::Other`].
    StatutFacture {
        /// `BROUILLON`.
        Brouillon = "BROUILLON",
        /// `A_VALIDER_1`.
        AValider1 = "A_VALIDER_1",
        /// `ERREUR_FOURNISSEUR_SUR_VALIDEUR`.
        ErreurFournisseurSurValideur = "ERREUR_FOURNISSEUR_SUR_VALIDEUR",
        /// `REFUSEE_1`.
        Refusee1 = "REFUSEE_1",
        /// `VALIDEE_1`.
        Validee1 = "VALIDEE_1",
        /// `ABSENCE_VALIDATION_1_HORS_DELAI`.
        AbsenceValidation1HorsDelai = "ABSENCE_VALIDATION_1_HORS_DELAI",
        /// `A_VALIDER_2`.
        AValider2 = "A_VALIDER_2",
        /// `ERREUR_COTRAITANT_SUR_VALIDEUR`.
        ErreurCotraitantSurValideur = "ERREUR_COTRAITANT_SUR_VALIDEUR",
        /// `REFUSEE_2`.
        Refusee2 = "REFUSEE_2",
        /// `VALIDEE_2`.
        Validee2 = "VALIDEE_2",
        /// `ABSENCE_VALIDATION_2_HORS_DELAI`.
        AbsenceValidation2HorsDelai = "ABSENCE_VALIDATION_2_HORS_DELAI",
        /// `DEPOSEE`.
        Deposee = "DEPOSEE",
        /// `ERREUR_FOURNISSEUR_SUR_MOE`.
        ErreurFournisseurSurMoe = "ERREUR_FOURNISSEUR_SUR_MOE",
        /// `EN_COURS_ACHEMINEMENT`.
        EnCoursAcheminement = "EN_COURS_ACHEMINEMENT",
        /// `MISE_A_DISPOSITION`.
        MiseADisposition = "MISE_A_DISPOSITION",
        /// `A_RECYCLER`.
        ARecycler = "A_RECYCLER",
        /// `SUSPENDUE`.
        Suspendue = "SUSPENDUE",
        /// `REJETEE`.
        Rejetee = "REJETEE",
        /// `MANDATEE`.
        Mandatee = "MANDATEE",
        /// `MISE_EN_PAIEMENT`.
        MiseEnPaiement = "MISE_EN_PAIEMENT",
        /// `COMPTABILISEE`.
        Comptabilisee = "COMPTABILISEE",
        /// `MISE_A_DISPOSITION_COMPTABLE`.
        MiseADispositionComptable = "MISE_A_DISPOSITION_COMPTABLE",
        /// `ABANDONNEE`.
        Abandonnee = "ABANDONNEE",
        /// `SUPPRIMEE`.
        Supprimee = "SUPPRIMEE",
        /// `ASSOCIEE`.
        Associee = "ASSOCIEE",
        /// `EN_COURS_TRAITEMENT_PIVOT_S`.
        EnCoursTraitementPivotS = "EN_COURS_TRAITEMENT_PIVOT_S",
        /// `A_VALIDER_MOE`.
        AValiderMoe = "A_VALIDER_MOE",
        /// `REFUSEE_MOE`.
        RefuseeMoe = "REFUSEE_MOE",
        /// `EN_ATTENTE_RECYCLAGE_FOURNISSEUR`.
        EnAttenteRecyclageFournisseur = "EN_ATTENTE_RECYCLAGE_FOURNISSEUR",
        /// `ERREUR_MOE_SUR_FOURNISSEUR`.
        ErreurMoeSurFournisseur = "ERREUR_MOE_SUR_FOURNISSEUR",
        /// `ERREUR_MOA_SUR_FOURNISSEUR`.
        ErreurMoaSurFournisseur = "ERREUR_MOA_SUR_FOURNISSEUR",
        /// `INTERPRETEE_OCR`.
        InterpreteeOcr = "INTERPRETEE_OCR",
        /// `COMPLETEE`.
        Completee = "COMPLETEE",
        /// `ERREUR_FOURNISSEUR_SUR_MOA`.
        ErreurFournisseurSurMoa = "ERREUR_FOURNISSEUR_SUR_MOA",
        /// `ERREUR_MOE_SUR_MOA`.
        ErreurMoeSurMoa = "ERREUR_MOE_SUR_MOA",
        /// `ERREUR_DESTINATAIRE_PD`.
        ErreurDestinatairePd = "ERREUR_DESTINATAIRE_PD",
        /// `ERREUR_DESTINATAIRE_EA`.
        ErreurDestinataireEa = "ERREUR_DESTINATAIRE_EA",
        /// `SERVICE_FAIT`.
        ServiceFait = "SERVICE_FAIT",
        /// `NON_CONFORME`.
        NonConforme = "NON_CONFORME",
        /// `A_ASSOCIER_MOE`.
        AAssocierMoe = "A_ASSOCIER_MOE",
        /// `ERREUR_DE_MOE`.
        ErreurDeMoe = "ERREUR_DE_MOE",
        /// `MISE_A_DISPOSITION_MOE`.
        MiseADispositionMoe = "MISE_A_DISPOSITION_MOE",
        /// `PRISE_EN_COMPTE_MOE`.
        PriseEnCompteMoe = "PRISE_EN_COMPTE_MOE",
        /// `A_ASSOCIER_MOA`.
        AAssocierMoa = "A_ASSOCIER_MOA",
        /// `ERREUR_DE_MOA`.
        ErreurDeMoa = "ERREUR_DE_MOA",
        /// `REFUSEE_MOA`.
        RefuseeMoa = "REFUSEE_MOA",
        /// `A_ASSOCIER_FOURNISSEUR`.
        AAssocierFournisseur = "A_ASSOCIER_FOURNISSEUR",
        /// `REFUSEE_FOURNISSEUR`.
        RefuseeFournisseur = "REFUSEE_FOURNISSEUR",
        /// `A_COMPLETER`.
        ACompleter = "A_COMPLETER",
        /// `TRANSMISE_MOA`.
        TransmiseMoa = "TRANSMISE_MOA",
        /// `PRISE_EN_COMPTE_DESTINATAIRE`.
        PriseEnCompteDestinataire = "PRISE_EN_COMPTE_DESTINATAIRE",
        /// `REMPLACEE_PAR_A22`.
        RemplaceeParA22 = "REMPLACEE_PAR_A22",
        /// `DUPLIQUE_APRES_REFUS`.
        DupliqueApresRefus = "DUPLIQUE_APRES_REFUS",
        /// `MISE_A_DISPOSITION_MOA`.
        MiseADispositionMoa = "MISE_A_DISPOSITION_MOA",
        /// `PRISE_EN_COMPTE_MOA`.
        PriseEnCompteMoa = "PRISE_EN_COMPTE_MOA",
        /// `TECHNIQUE_INCONNU`.
        TechniqueInconnu = "TECHNIQUE_INCONNU",
    }
}

open_code_enum! {
    /// The processing state of a deposited flow (`etatCourantFlux` of
    /// `consulterCR`, `etatCourantDepotFlux` of `consulterCRDetaille`); the
    /// API definition declares no list, these are the codes known to be
    /// used; other codes are kept in [`EtatFlux::Other`].
    EtatFlux {
        /// `IN_RECU`: Received.
        InRecu = "IN_RECU",
        /// `IN_EN_ATTENTE_TRAITEMENT_CPP`: Waiting to be processed.
        InEnAttenteTraitementCpp = "IN_EN_ATTENTE_TRAITEMENT_CPP",
        /// `IN_EN_COURS_TRAITEMENT_CPP`: Being processed.
        InEnCoursTraitementCpp = "IN_EN_COURS_TRAITEMENT_CPP",
        /// `IN_EN_ATTENTE_RETRAITEMENT_CPP`: Waiting to be processed again.
        InEnAttenteRetraitementCpp = "IN_EN_ATTENTE_RETRAITEMENT_CPP",
        /// `IN_TRAITE_SE_CPP`: Processed.
        InTraiteSeCpp = "IN_TRAITE_SE_CPP",
        /// `IN_INCIDENTE`: Processing hit an incident.
        InIncidente = "IN_INCIDENTE",
        /// `IN_INTEGRE`: Integrated: every invoice of the flow was accepted (terminal).
        InIntegre = "IN_INTEGRE",
        /// `IN_INTEGRE_PARTIEL`: Partly integrated: some invoices were rejected, see `listeErreurDP` (terminal).
        InIntegrePartiel = "IN_INTEGRE_PARTIEL",
        /// `IN_REJETE`: Rejected (terminal).
        InRejete = "IN_REJETE",
        /// `QP_RECEVABLE`: Admissible (qualification step).
        QpRecevable = "QP_RECEVABLE",
        /// `QP_RECEVABLE_AVEC_ERREUR`: Admissible with errors (qualification step).
        QpRecevableAvecErreur = "QP_RECEVABLE_AVEC_ERREUR",
        /// `QP_IRRECEVABLE`: Not admissible (qualification step).
        QpIrrecevable = "QP_IRRECEVABLE",
        /// `IN_DEPOT_PORTAIL_EN_ATTENTE_TRAITEMENT_SE_CPP`: Deposited through the portal, waiting to be processed (observed live, not in the reference list).
        InDepotPortailEnAttenteTraitementSeCpp = "IN_DEPOT_PORTAIL_EN_ATTENTE_TRAITEMENT_SE_CPP",
    }
}

impl EtatFlux {
    /// Whether the flow will not change state any more: `IN_INTEGRE`,
    /// `IN_INTEGRE_PARTIEL` or `IN_REJETE`, after which there is no point
    /// polling `consulterCRDetaille` again. The `QP_*` qualification codes
    /// and unknown codes are not taken as terminal: no source says they are.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            EtatFlux::InIntegre | EtatFlux::InIntegrePartiel | EtatFlux::InRejete
        )
    }

    /// Whether the flow was refused as a whole (`IN_REJETE`,
    /// `QP_IRRECEVABLE`).
    pub fn is_rejected(&self) -> bool {
        matches!(self, EtatFlux::InRejete | EtatFlux::QpIrrecevable)
    }

    /// Whether the flow's invoices were (at least partly) integrated and
    /// can be looked up by flow number.
    pub fn is_integrated(&self) -> bool {
        matches!(self, EtatFlux::InIntegre | EtatFlux::InIntegrePartiel)
    }
}

impl StatutFacture {
    /// Whether the invoice is at the end of its life on Chorus Pro: paid
    /// (`MISE_EN_PAIEMENT`, the last step of the nominal path), rejected
    /// (`REJETEE`: a corrected invoice must be deposited anew), abandoned
    /// (`ABANDONNEE`) or deleted (`SUPPRIMEE`). No official transition
    /// table exists; this is our reading of the documented paths. Unknown
    /// codes are not terminal.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            StatutFacture::MiseEnPaiement
                | StatutFacture::Rejetee
                | StatutFacture::Abandonnee
                | StatutFacture::Supprimee
        )
    }

    /// Whether the supplier has to act: `SUSPENDUE` and `A_COMPLETER`
    /// (complete the invoice), `A_RECYCLER` (change its routing data),
    /// `REJETEE` (deposit a corrected invoice).
    pub fn needs_supplier_action(&self) -> bool {
        matches!(
            self,
            StatutFacture::Suspendue
                | StatutFacture::ACompleter
                | StatutFacture::ARecycler
                | StatutFacture::Rejetee
        )
    }
}

/// One status an invoice went through (`histoStatut[]`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PassageStatut {
    /// `histoStatutId`.
    #[serde(rename = "histoStatutId", default)]
    pub id: Option<i64>,
    /// `histoStatutCode`.
    #[serde(rename = "histoStatutCode")]
    pub statut: StatutFacture,
    /// `histoStatutDatePassage`, as sent (the API declares a date-time,
    /// samples also carry `YYYY-MM-DD HH:MM`).
    #[serde(rename = "histoStatutDatePassage", default)]
    pub date_passage: Option<String>,
    /// `histoStatutCommentaire` (absent when empty).
    #[serde(
        rename = "histoStatutCommentaire",
        default,
        deserialize_with = "non_empty"
    )]
    pub commentaire: Option<String>,
    /// `histoStatutUtilisateurPrenom`.
    #[serde(rename = "histoStatutUtilisateurPrenom", default)]
    pub utilisateur_prenom: Option<String>,
    /// `histoStatutUtilisateurNom`.
    #[serde(rename = "histoStatutUtilisateurNom", default)]
    pub utilisateur_nom: Option<String>,
}

impl PassageStatut {
    /// The user who made the change, `First Last`, when known.
    pub fn utilisateur(&self) -> Option<String> {
        let parts: Vec<&str> = [&self.utilisateur_prenom, &self.utilisateur_nom]
            .into_iter()
            .filter_map(|p| p.as_deref().map(str::trim).filter(|p| !p.is_empty()))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// The status history of an invoice: a `consulterHistoriqueFacture`
/// response (API definition `WsRetourConsulterHistoriqueFacture`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct HistoriqueFacture {
    /// `codeRetour` (0 = success), when present.
    pub code_retour: Option<i32>,
    /// `libelle`, when present.
    pub libelle: Option<String>,
    /// `idFacture`: the Chorus Pro invoice id.
    pub id_facture: Option<i64>,
    /// `numeroFacture`: the supplier's invoice number.
    pub numero_facture: Option<String>,
    /// `statutCourantCode`: the current status.
    pub statut_courant: Option<StatutFacture>,
    /// `historiquesDesStatuts.histoStatut`, oldest first (the API sends
    /// them newest first).
    pub statuts: Vec<PassageStatut>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawHistorique {
    code_retour: Option<i32>,
    libelle: Option<String>,
    id_facture: Option<i64>,
    numero_facture: Option<String>,
    statut_courant_code: Option<StatutFacture>,
    historiques_des_statuts: Option<RawStatuts>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawStatuts {
    #[serde(default, deserialize_with = "super::report::nullable_vec")]
    histo_statut: Vec<PassageStatut>,
}

impl HistoriqueFacture {
    /// Reads a `consulterHistoriqueFacture` response.
    pub fn parse(json: &[u8]) -> Result<Self, Error> {
        let raw: RawHistorique = serde_json::from_slice(json)
            .map_err(|e| Error::Response(format!("consulterHistoriqueFacture: {e}")))?;
        let mut statuts = raw
            .historiques_des_statuts
            .map(|h| h.histo_statut)
            .unwrap_or_default();
        // Oldest first: by date (both date forms sort as text), then id.
        statuts.sort_by(|a, b| (&a.date_passage, a.id).cmp(&(&b.date_passage, b.id)));
        Ok(HistoriqueFacture {
            code_retour: raw.code_retour,
            libelle: raw.libelle,
            id_facture: raw.id_facture,
            numero_facture: raw.numero_facture,
            statut_courant: raw.statut_courant_code,
            statuts,
        })
    }

    /// The current status: `statutCourantCode`, else the latest of the
    /// history.
    pub fn current(&self) -> Option<&StatutFacture> {
        self.statut_courant
            .as_ref()
            .or_else(|| self.statuts.last().map(|p| &p.statut))
    }

    /// Whether the platform answered with an error (`codeRetour` ≠ 0).
    pub fn is_error(&self) -> bool {
        self.code_retour.is_some_and(|c| c != 0)
    }
}

fn non_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let text = Option::<String>::deserialize(d)?;
    Ok(text.filter(|t| !t.trim().is_empty()))
}
