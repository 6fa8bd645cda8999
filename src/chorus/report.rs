//! The flow integration reports: `consulterCR` and `consulterCRDetaille`
//! responses (Transverses API), and a reader that tells the Chorus Pro
//! responses of this module apart.

use super::Error;
use super::lifecycle::{EtatFlux, HistoriqueFacture};
use base64::Engine;
use serde::{Deserialize, Deserializer};

/// A `consulterCRDetaille` response: the state of a deposited flow and
/// why its invoices were rejected.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConsulterCrDetaille {
    /// `codeRetour`: 0 = the request succeeded (says nothing about the
    /// flow: look at [`Self::etat_courant_depot_flux`]).
    pub code_retour: i32,
    /// `libelle`: the message of `codeRetour`.
    #[serde(default)]
    pub libelle: String,
    /// `codeInterfaceDepotFlux`, e.g. `FSO1106A`.
    #[serde(default)]
    pub code_interface_depot_flux: Option<String>,
    /// `dateDepotFlux`, as sent.
    #[serde(default)]
    pub date_depot_flux: Option<String>,
    /// `dateHeureEtatCourantFlux`, as sent.
    #[serde(default)]
    pub date_heure_etat_courant_flux: Option<String>,
    /// `etatCourantDepotFlux`: the state of the flow.
    #[serde(default)]
    pub etat_courant_depot_flux: Option<EtatFlux>,
    /// `nomFichier`: the deposited file name.
    #[serde(default)]
    pub nom_fichier: Option<String>,
    /// `listeErreurDP`: the rejected invoices and why.
    #[serde(rename = "listeErreurDP", default, deserialize_with = "nullable_vec")]
    pub liste_erreur_dp: Vec<ErreurDp>,
    /// `listeErreurTechnique`: errors on the flow itself (e.g. XSD).
    #[serde(default, deserialize_with = "nullable_vec")]
    pub liste_erreur_technique: Vec<ErreurTechnique>,
}

/// Why one invoice (payment request, "DP") of a flow was rejected.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ErreurDp {
    /// `identifiantFournisseur`: the supplier's id (SIRET …).
    #[serde(default)]
    pub identifiant_fournisseur: Option<String>,
    /// `identifiantDestinataire`: the recipient's id.
    #[serde(default)]
    pub identifiant_destinataire: Option<String>,
    /// `numeroDP`: the invoice number.
    #[serde(rename = "numeroDP", default)]
    pub numero_dp: Option<String>,
    /// `libelleErreurDP`: the messages, joined by `|`.
    #[serde(rename = "libelleErreurDP", default)]
    pub libelle_erreur_dp: Option<String>,
}

impl ErreurDp {
    /// The messages of [`Self::libelle_erreur_dp`], split on `|`, trimmed,
    /// empty ones left out.
    pub fn messages(&self) -> Vec<&str> {
        self.libelle_erreur_dp
            .as_deref()
            .unwrap_or("")
            .split('|')
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .collect()
    }

    /// Each message with the id of the rule of ours that reports the same
    /// defect before the deposit (see [`super::rule_for_message`]).
    pub fn findings(&self) -> Vec<(&str, Option<&'static str>)> {
        self.messages()
            .into_iter()
            .map(|m| (m, super::rule_for_message(m)))
            .collect()
    }
}

/// A technical error on a flow (`listeErreurTechnique[]`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ErreurTechnique {
    /// `codeErreur`, e.g. `ERR_XSD_001`.
    #[serde(default)]
    pub code_erreur: Option<String>,
    /// `libelleErreur`: the message.
    #[serde(default)]
    pub libelle_erreur: Option<String>,
    /// `natureErreur`, e.g. `ERR_XSD`.
    #[serde(default)]
    pub nature_erreur: Option<String>,
}

impl ErreurTechnique {
    /// The family of our rules that reports this error before the deposit
    /// (`XSD` for a schema rejection), when there is one.
    pub fn rule_family(&self) -> Option<&'static str> {
        super::rule_family_for_technical(self.nature_erreur.as_deref(), self.code_erreur.as_deref())
    }

    /// The structural rule of ours that reports this XSD rejection before
    /// the deposit, when its Xerces key is known.
    pub fn rule(&self) -> Option<&'static str> {
        self.rule_family()?;
        super::rule_mapping::xsd_rule_for_label(self.libelle_erreur.as_deref()?)
    }

    /// The line and column an XSD error points at in the deposited file,
    /// read from the `- ligne: N - position: M` suffix of the message.
    pub fn position(&self) -> Option<(u32, u32)> {
        let text = self.libelle_erreur.as_deref()?;
        let (_, after_line) = text.rsplit_once("ligne:")?;
        let (line, rest) = after_line.split_once('-')?;
        let column = rest.trim_start().strip_prefix("position:")?;
        let digits: String = column
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        Some((line.trim().parse().ok()?, digits.parse().ok()?))
    }
}

impl ConsulterCrDetaille {
    /// Reads a `consulterCRDetaille` response.
    pub fn parse(json: &[u8]) -> Result<Self, Error> {
        serde_json::from_slice(json)
            .map_err(|e| Error::Response(format!("consulterCRDetaille: {e}")))
    }

    /// Whether the platform answered with an error (`codeRetour` ≠ 0, e.g.
    /// an unknown flow number).
    pub fn is_error(&self) -> bool {
        self.code_retour != 0
    }

    /// Whether the flow or some of its invoices were rejected: the state
    /// says so, or errors are listed.
    pub fn has_rejections(&self) -> bool {
        self.etat_courant_depot_flux
            .as_ref()
            .is_some_and(EtatFlux::is_rejected)
            || matches!(
                self.etat_courant_depot_flux,
                Some(EtatFlux::InIntegrePartiel)
            )
            || !self.liste_erreur_dp.is_empty()
            || !self.liste_erreur_technique.is_empty()
    }
}

/// A `consulterCR` response: the state of a deposited flow and its report
/// as a PDF.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConsulterCr {
    /// `codeRetour`: 0 = the request succeeded.
    pub code_retour: i32,
    /// `libelle`: the message of `codeRetour`.
    #[serde(default)]
    pub libelle: String,
    /// `codeAppliPartenaire`.
    #[serde(default)]
    pub code_appli_partenaire: Option<String>,
    /// `codeInterfaceFlux`.
    #[serde(default)]
    pub code_interface_flux: Option<String>,
    /// `dateDepotFlux`, as sent.
    #[serde(default)]
    pub date_depot_flux: Option<String>,
    /// `dateHeureEtatCourantFlux`, as sent.
    #[serde(default)]
    pub date_heure_etat_courant_flux: Option<String>,
    /// `designationPartenaire`.
    #[serde(default)]
    pub designation_partenaire: Option<String>,
    /// `etatCourantFlux`: the state of the flow.
    #[serde(default)]
    pub etat_courant_flux: Option<EtatFlux>,
    /// `fichierCR`: the report, a base64 PDF.
    #[serde(rename = "fichierCR", default)]
    pub fichier_cr: Option<String>,
    /// `nomFichierFlux`: the deposited file name.
    #[serde(default)]
    pub nom_fichier_flux: Option<String>,
    /// `numeroFluxDepot`: the flow number.
    #[serde(default)]
    pub numero_flux_depot: Option<String>,
}

impl ConsulterCr {
    /// Reads a `consulterCR` response.
    pub fn parse(json: &[u8]) -> Result<Self, Error> {
        serde_json::from_slice(json).map_err(|e| Error::Response(format!("consulterCR: {e}")))
    }

    /// Whether the platform answered with an error (`codeRetour` ≠ 0).
    pub fn is_error(&self) -> bool {
        self.code_retour != 0
    }

    /// The PDF report decoded from `fichierCR`, when there is one.
    pub fn report_pdf(&self) -> Option<Result<Vec<u8>, Error>> {
        let text = self.fichier_cr.as_deref().filter(|t| !t.is_empty())?;
        Some(
            base64::engine::general_purpose::STANDARD
                .decode(text.as_bytes())
                .map_err(|e| Error::Response(format!("fichierCR is not base64: {e}"))),
        )
    }
}

/// One of the Chorus Pro responses this module reads, told apart by the
/// fields it carries.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Response {
    /// A `consulterCRDetaille` response.
    CrDetaille(ConsulterCrDetaille),
    /// A `consulterCR` response.
    Cr(ConsulterCr),
    /// A `consulterHistoriqueFacture` response.
    Historique(HistoriqueFacture),
}

impl Response {
    /// Reads a response: one with `historiquesDesStatuts` or
    /// `statutCourantCode` is an invoice history, one with
    /// `etatCourantDepotFlux`, `listeErreurDP` or `listeErreurTechnique` a
    /// `consulterCRDetaille`, one with `etatCourantFlux`, `fichierCR` or
    /// `numeroFluxDepot` a `consulterCR`; a bare `{codeRetour, libelle}`
    /// error is read as a `consulterCRDetaille`.
    pub fn parse(json: &[u8]) -> Result<Self, Error> {
        let value: serde_json::Value =
            serde_json::from_slice(json).map_err(|e| Error::Response(e.to_string()))?;
        let Some(object) = value.as_object() else {
            return Err(Error::Response("expected a JSON object".into()));
        };
        let has = |keys: &[&str]| keys.iter().any(|k| object.contains_key(*k));
        if has(&["historiquesDesStatuts", "statutCourantCode"]) {
            HistoriqueFacture::parse(json).map(Response::Historique)
        } else if has(&[
            "etatCourantDepotFlux",
            "listeErreurDP",
            "listeErreurTechnique",
            "codeInterfaceDepotFlux",
        ]) {
            ConsulterCrDetaille::parse(json).map(Response::CrDetaille)
        } else if has(&["etatCourantFlux", "fichierCR", "numeroFluxDepot"]) {
            ConsulterCr::parse(json).map(Response::Cr)
        } else if has(&["codeRetour"]) {
            ConsulterCrDetaille::parse(json).map(Response::CrDetaille)
        } else {
            Err(Error::Response(
                "neither a consulterCR, consulterCRDetaille nor consulterHistoriqueFacture response"
                    .into(),
            ))
        }
    }
}

/// A list that may also come as `null`.
pub(crate) fn nullable_vec<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}
