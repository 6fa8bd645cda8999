//! Chorus Pro `CPPStatut` (AIFE `CPPStatutPivot_V1_19.xsd`): the status
//! flows the platform sends back, reader only. No namespace; root element
//! `CPPStatut`, holding either flow statuses (`CPPFluxStatuts`, codes
//! 90–96) or invoice statuses (`CPPFactureStatuts`, codes 01–41, of which
//! 01–12 are named; see chorus-pro research notes §2.4 and §5.1).
//!
//! Values are kept as written, typed where the XSD gives a closed meaning:
//! status codes become [`FlowStatusCode`] / [`InvoiceStatusCode`] (unknown
//! codes are kept in `Other`), `DateFacture` a date. `Horodatage`
//! (`xs:dateTime`) is kept as its text. Unknown elements are listed in
//! [`StatusFlow::ignored`].
//!
//! ```
//! let xml = br#"<CPPStatut><CPPFluxStatuts><CPPFluxStatutUnitaire>
//!   <DonneesStatut><IdStatut>93</IdStatut><Horodatage>2026-01-15T10:00:00</Horodatage>
//!   <IdFlux>FLX-1</IdFlux></DonneesStatut></CPPFluxStatutUnitaire></CPPFluxStatuts></CPPStatut>"#;
//! let flow = facture::syntax::cpp_statut::read(xml).unwrap();
//! use facture::syntax::cpp_statut::FlowStatusCode;
//! assert_eq!(flow.flow_statuses[0].status, FlowStatusCode::ReceptionError);
//! assert!(flow.flow_statuses[0].status.is_error());
//! ```

use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::model::{NaiveDate, TextPos};
use crate::syntax::cpp_pivot::Envelope;
use crate::syntax::cpp_pivot::read::read_envelope;
use crate::syntax::node::{ReadContext, elements};
use crate::syntax::tree::Node;
use crate::syntax::{Ignored, lexical, xml_input};

/// A `CPPStatut` flow.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatusFlow {
    /// The `Version` attribute.
    pub version: Option<String>,
    /// The envelope.
    pub envelope: Envelope,
    /// `CPPFluxStatuts/CPPFluxStatutUnitaire`: statuses of deposited flows.
    pub flow_statuses: Vec<FlowStatus>,
    /// `CPPFactureStatuts/CPPFactureStatutUnitaire`: statuses of invoices.
    pub invoice_statuses: Vec<InvoiceStatus>,
    /// Elements the reader did not map.
    pub ignored: Vec<Ignored>,
}

/// The status of a flow (`IdStatut` 90–96).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FlowStatusCode {
    /// 90 Received.
    Received,
    /// 91 Being transmitted.
    BeingTransmitted,
    /// 92 Received by the final recipient.
    ReceivedByFinalRecipient,
    /// 93 Reception error.
    ReceptionError,
    /// 94 Reception error at the final recipient.
    FinalRecipientReceptionError,
    /// 95 Transmission error to the final recipient.
    TransmissionError,
    /// 96 Received, partial integration.
    PartiallyIntegrated,
    /// A code outside 90–96, as written.
    Other(String),
}

impl FlowStatusCode {
    /// Reads a code (surrounding whitespace ignored).
    pub fn from_code(code: &str) -> Self {
        match code.trim() {
            "90" => Self::Received,
            "91" => Self::BeingTransmitted,
            "92" => Self::ReceivedByFinalRecipient,
            "93" => Self::ReceptionError,
            "94" => Self::FinalRecipientReceptionError,
            "95" => Self::TransmissionError,
            "96" => Self::PartiallyIntegrated,
            other => Self::Other(other.to_owned()),
        }
    }

    /// The code as the XSD writes it.
    pub fn code(&self) -> &str {
        match self {
            Self::Received => "90",
            Self::BeingTransmitted => "91",
            Self::ReceivedByFinalRecipient => "92",
            Self::ReceptionError => "93",
            Self::FinalRecipientReceptionError => "94",
            Self::TransmissionError => "95",
            Self::PartiallyIntegrated => "96",
            Self::Other(code) => code,
        }
    }

    /// Whether the status reports an error (93, 94, 95).
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            Self::ReceptionError | Self::FinalRecipientReceptionError | Self::TransmissionError
        )
    }
}

/// The status of an invoice (`IdStatut` 01–41). Codes 01–12 are named as
/// the Chorus Pro API names them; the meaning of 13–41 is not public, so
/// they are kept as codes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InvoiceStatusCode {
    /// 01 `DEPOSEE`: deposited.
    Deposited,
    /// 02 `EN_COURS_ACHEMINEMENT`: being routed to the recipient.
    InTransit,
    /// 03 `MISE_A_DISPOSITION`: made available to the recipient.
    MadeAvailable,
    /// 04 `A_RECYCLER`: rejected by the recipient for a routing data error.
    ToRecycle,
    /// 05 `REJETEE`: rejected by the recipient for another reason.
    Rejected,
    /// 06 `SUSPENDUE`: suspended.
    Suspended,
    /// 07 `SERVICE_FAIT`: service done.
    ServiceDone,
    /// 08 `MANDATEE`: payment order issued / payment request validated.
    Mandated,
    /// 09 `MISE_A_DISPOSITION_COMPTABLE`: made available to the accountant.
    MadeAvailableToAccountant,
    /// 10 `COMPTABILISEE`: accounted.
    Accounted,
    /// 11 `MISE_EN_PAIEMENT`: payment sent.
    PaymentSent,
    /// 12 `COMPLETEE`: completed (after a suspension).
    Completed,
    /// Any other code (13–41 have no public meaning), as written.
    Other(String),
}

impl InvoiceStatusCode {
    const NAMED: [(&'static str, &'static str, InvoiceStatusCode); 12] = [
        ("01", "DEPOSEE", Self::Deposited),
        ("02", "EN_COURS_ACHEMINEMENT", Self::InTransit),
        ("03", "MISE_A_DISPOSITION", Self::MadeAvailable),
        ("04", "A_RECYCLER", Self::ToRecycle),
        ("05", "REJETEE", Self::Rejected),
        ("06", "SUSPENDUE", Self::Suspended),
        ("07", "SERVICE_FAIT", Self::ServiceDone),
        ("08", "MANDATEE", Self::Mandated),
        (
            "09",
            "MISE_A_DISPOSITION_COMPTABLE",
            Self::MadeAvailableToAccountant,
        ),
        ("10", "COMPTABILISEE", Self::Accounted),
        ("11", "MISE_EN_PAIEMENT", Self::PaymentSent),
        ("12", "COMPLETEE", Self::Completed),
    ];

    /// Reads a code (surrounding whitespace ignored).
    pub fn from_code(code: &str) -> Self {
        let code = code.trim();
        Self::NAMED
            .iter()
            .find(|(c, _, _)| *c == code)
            .map_or_else(|| Self::Other(code.to_owned()), |(_, _, s)| s.clone())
    }

    /// The two-digit code.
    pub fn code(&self) -> &str {
        match self {
            Self::Other(code) => code,
            named => Self::NAMED
                .iter()
                .find(|(_, _, s)| s == named)
                .map_or("", |(c, _, _)| c),
        }
    }

    /// The status as the Chorus Pro API names it (`DEPOSEE`…), for 01–12.
    pub fn api_name(&self) -> Option<&'static str> {
        Self::NAMED
            .iter()
            .find(|(_, _, s)| s == self)
            .map(|(_, name, _)| *name)
    }
}

/// One flow status (`CPPFluxStatutUnitaire/DonneesStatut`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowStatus {
    /// `@NumOrdre`.
    pub ordinal: Option<String>,
    /// `IdStatut`.
    pub status: FlowStatusCode,
    /// `ComplementStatut`.
    pub complement: Option<String>,
    /// `Commentaire`.
    pub comment: Option<String>,
    /// `Note`.
    pub note: Option<String>,
    /// `Horodatage` (`xs:dateTime`), as written.
    pub timestamp: Option<String>,
    /// `IdProducteur`.
    pub producer_id: Option<String>,
    /// `IdFlux`: the flow's id at its producer.
    pub flow_id: Option<String>,
    /// `Details/@NbLignesErreur`, as written.
    pub error_count: Option<String>,
    /// `Details/LigneErreurDetail`.
    pub errors: Vec<ErrorDetail>,
}

/// One error line of a flow status (`LigneErreurDetail`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorDetail {
    /// `@IdLigne`.
    pub line_id: Option<String>,
    /// `NatureErreur`.
    pub nature: String,
    /// `CodeErreur`.
    pub code: String,
    /// `LibelleErreur`.
    pub label: String,
    /// `DescriptionErreur`.
    pub description: Option<String>,
}

/// One invoice status (`CPPFactureStatutUnitaire`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceStatus {
    /// `@NumOrdre`.
    pub ordinal: Option<String>,
    /// `Fournisseur`.
    pub supplier: StatusParty,
    /// `Debiteur`.
    pub debtor: StatusParty,
    /// `IdStatut`.
    pub status: InvoiceStatusCode,
    /// `ComplementStatut`.
    pub complement: Option<String>,
    /// `Commentaire`.
    pub comment: Option<String>,
    /// `Horodatage` (`xs:dateTime`), as written.
    pub timestamp: Option<String>,
    /// `Producteur/@Id`.
    pub producer_id: Option<String>,
    /// `IdFacture`: the invoice number at its producer.
    pub invoice_id: Option<String>,
    /// `DateFacture`.
    pub invoice_date: Option<NaiveDate>,
    /// `IdMandatDP`: the id at the recipient.
    pub mandate_id: Option<String>,
}

/// A party of an invoice status (`Fournisseur` or `Debiteur`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatusParty {
    /// `TypeIdentifiant` (Chorus type 1–7; always 1, SIRET, for the debtor).
    pub id_type: Option<String>,
    /// `Identifiant`.
    pub id: Option<String>,
    /// `RaisonSociale` (supplier) or `Nom` (debtor).
    pub name: Option<String>,
    /// `CodePays` (supplier).
    pub country: Option<String>,
    /// `CodeService` (debtor).
    pub service_code: Option<String>,
    /// `NomService` (debtor).
    pub service_name: Option<String>,
}

/// Reads a `CPPStatut` flow with the default [`Limits`].
pub fn read(bytes: &[u8]) -> Result<StatusFlow> {
    read_with_limits(bytes, &Limits::default())
}

/// [`read`] with explicit [`Limits`].
pub fn read_with_limits(bytes: &[u8], limits: &Limits) -> Result<StatusFlow> {
    let text = xml_input::as_text(bytes, limits)?;
    let doc = xml_input::parse(text, limits)?;
    read_tree(&doc, text)
}

fn local<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    if node.tag_name().namespace().is_some() {
        None
    } else {
        Some(node.tag_name().name())
    }
}

fn plain(node: Node<'_, '_>) -> Option<String> {
    node.text()
        .filter(|t| !t.trim().is_empty())
        .map(str::to_owned)
}

/// Reads an already parsed `CPPStatut` tree.
pub fn read_tree(doc: &crate::syntax::tree::Document<'_>, text: &str) -> Result<StatusFlow> {
    let root = doc.root_element();
    if local(root) != Some("CPPStatut") {
        return Err(Error::UnknownDocument {
            root: root.tag_name().name().to_owned(),
            expected: "a Chorus Pro CPPStatut",
            pos: TextPos::at(text, root.range().start),
        });
    }
    let mut cx = ReadContext::new(text);
    let mut flow = StatusFlow {
        version: root.attribute("Version").map(str::to_owned),
        ..StatusFlow::default()
    };
    for c in elements(root) {
        match local(c) {
            Some("Enveloppe") => flow.envelope = read_envelope(&mut cx, c)?,
            Some("CPPFluxStatuts") => {
                for u in elements(c) {
                    if local(u) == Some("CPPFluxStatutUnitaire") {
                        flow.flow_statuses.push(flow_status(&mut cx, u));
                    } else {
                        cx.ignore(u);
                    }
                }
            }
            Some("CPPFactureStatuts") => {
                for u in elements(c) {
                    if local(u) == Some("CPPFactureStatutUnitaire") {
                        flow.invoice_statuses.push(invoice_status(&mut cx, u)?);
                    } else {
                        cx.ignore(u);
                    }
                }
            }
            _ => cx.ignore(c),
        }
    }
    flow.ignored = cx.ignored;
    Ok(flow)
}

fn flow_status(cx: &mut ReadContext<'_>, unit: Node<'_, '_>) -> FlowStatus {
    let mut s = FlowStatus {
        ordinal: unit.attribute("NumOrdre").map(str::to_owned),
        status: FlowStatusCode::Other(String::new()),
        complement: None,
        comment: None,
        note: None,
        timestamp: None,
        producer_id: None,
        flow_id: None,
        error_count: None,
        errors: Vec::new(),
    };
    for data in elements(unit) {
        if local(data) != Some("DonneesStatut") {
            cx.ignore(data);
            continue;
        }
        for f in elements(data) {
            match local(f) {
                Some("IdStatut") => s.status = FlowStatusCode::from_code(f.text().unwrap_or("")),
                Some("ComplementStatut") => s.complement = plain(f),
                Some("Commentaire") => s.comment = plain(f),
                Some("Note") => s.note = plain(f),
                Some("Horodatage") => s.timestamp = plain(f).map(|t| t.trim().to_owned()),
                Some("IdProducteur") => s.producer_id = plain(f),
                Some("Producteur") => {}
                Some("IdFlux") => s.flow_id = plain(f),
                Some("Details") => {
                    s.error_count = f.attribute("NbLignesErreur").map(str::to_owned);
                    for l in elements(f) {
                        if local(l) != Some("LigneErreurDetail") {
                            cx.ignore(l);
                            continue;
                        }
                        let mut e = ErrorDetail {
                            line_id: l.attribute("IdLigne").map(str::to_owned),
                            ..ErrorDetail::default()
                        };
                        for g in elements(l) {
                            let text = g.text().unwrap_or("").to_owned();
                            match local(g) {
                                Some("NatureErreur") => e.nature = text,
                                Some("CodeErreur") => e.code = text,
                                Some("LibelleErreur") => e.label = text,
                                Some("DescriptionErreur") => e.description = plain(g),
                                _ => cx.ignore(g),
                            }
                        }
                        s.errors.push(e);
                    }
                }
                _ => cx.ignore(f),
            }
        }
    }
    s
}

fn party(cx: &mut ReadContext<'_>, node: Node<'_, '_>) -> StatusParty {
    let mut p = StatusParty::default();
    for f in elements(node) {
        match local(f) {
            Some("TypeIdentifiant") => p.id_type = plain(f).map(|t| t.trim().to_owned()),
            Some("Identifiant") => p.id = plain(f),
            Some("RaisonSociale" | "Nom") => p.name = plain(f),
            Some("CodePays") => p.country = plain(f),
            Some("CodeService") => p.service_code = plain(f),
            Some("NomService") => p.service_name = plain(f),
            _ => cx.ignore(f),
        }
    }
    p
}

fn invoice_status(cx: &mut ReadContext<'_>, unit: Node<'_, '_>) -> Result<InvoiceStatus> {
    let mut s = InvoiceStatus {
        ordinal: unit.attribute("NumOrdre").map(str::to_owned),
        supplier: StatusParty::default(),
        debtor: StatusParty::default(),
        status: InvoiceStatusCode::Other(String::new()),
        complement: None,
        comment: None,
        timestamp: None,
        producer_id: None,
        invoice_id: None,
        invoice_date: None,
        mandate_id: None,
    };
    for c in elements(unit) {
        match local(c) {
            Some("Fournisseur") => s.supplier = party(cx, c),
            Some("Debiteur") => s.debtor = party(cx, c),
            Some("DonneesStatut") => {
                for f in elements(c) {
                    match local(f) {
                        Some("IdStatut") => {
                            s.status = InvoiceStatusCode::from_code(f.text().unwrap_or(""));
                        }
                        Some("ComplementStatut") => s.complement = plain(f),
                        Some("Commentaire") => s.comment = plain(f),
                        Some("Horodatage") => {
                            s.timestamp = plain(f).map(|t| t.trim().to_owned());
                        }
                        Some("Producteur") => s.producer_id = f.attribute("Id").map(str::to_owned),
                        Some("IdFacture") => s.invoice_id = plain(f),
                        Some("DateFacture") => {
                            if let Some(raw) = plain(f) {
                                s.invoice_date = Some(
                                    lexical::iso_date(&raw)
                                        .map_err(|reason| cx.invalid("date", &raw, f, reason))?,
                                );
                            }
                        }
                        Some("IdMandatDP") => s.mandate_id = plain(f),
                        _ => cx.ignore(f),
                    }
                }
            }
            _ => cx.ignore(c),
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for code in ["90", "91", "92", "93", "94", "95", "96", "97"] {
            assert_eq!(FlowStatusCode::from_code(code).code(), code);
        }
        for i in 1..=41 {
            let code = format!("{i:02}");
            let status = InvoiceStatusCode::from_code(&code);
            assert_eq!(status.code(), code);
            assert_eq!(status.api_name().is_some(), i <= 12, "{code}");
        }
        assert_eq!(
            InvoiceStatusCode::from_code("05").api_name(),
            Some("REJETEE")
        );
    }
}
