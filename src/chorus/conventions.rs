//! What Chorus Pro integrates, as a model-to-model step before the UBL or
//! CII writer: the conventions of its structured flows (E1
//! `IN_DP_E1_UBL_INVOICE`, `IN_DP_E1_CII_16B`), of Factur-X
//! (`IN_DP_E2_CII_FACTURX`) and of the minimal mixed flows
//! (`IN_DP_E2_UBL_INVOICE_MIN`, `IN_DP_E2_CII_MIN_16B`).
//!
//! | convention | UBL E1 / E2 min | CII 16B E1 / E2 min | Factur-X |
//! |---|---|---|---|
//! | cadre de facturation | BT-23 (`cbc:ProfileID`) [I] | BT-23 (`BusinessProcessSpecifiedDocumentContextParameter`) | BT-23 |
//! | supplier / buyer SIRET | `cac:PartyIdentification/cbc:ID schemeName="1"` (BT-29 / BT-46) | `ram:SpecifiedLegalOrganization/ram:ID schemeID="1"` (BT-30 / BT-47) | BT-30 / BT-47 under ICD `0002` (or `0009` by option) |
//! | service code | BT-10 | BT-10 | BT-10 |
//! | engagement number | BT-13 | BT-13 | BT-13 |
//! | contract number | BT-12 | BT-12 | BT-12 |
//! | credit note | type 381, positive amounts, BT-25 | same | same |
//!
//! `[I]`: where the cadre goes in a UBL E1 invoice is not published; BT-23
//! is the EN 16931 place for it (the UBL E2 template seen in the wild puts it
//! in an extension instead). The readers take these conventions back into the
//! model as they are: the cadre is BT-23 ([`crate::model::Invoice::cadre`]),
//! the identifier type is the identifier's scheme or `schemeName`
//! ([`crate::model::IdentifierType::of`]).
//!
//! ```
//! use facture::chorus::conventions::{self, Flow, Options};
//! let xml = std::fs::read("examples/cii-invoice.xml").unwrap();
//! let doc = facture::read(&xml).unwrap();
//! let (invoice, notes) = conventions::apply(&doc.invoice, Flow::CiiE1, &Options::default());
//! let siret = invoice.seller.legal_registration_id.as_ref().unwrap();
//! assert_eq!(siret.scheme.as_deref(), Some("1"));
//! assert!(notes.is_empty());
//! ```

use crate::model::{
    Cadre, Decimal, Identifier, IdentifierType, Invoice, InvoiceTypeCode, PrecedingInvoice, Term,
    TermPath, is_siret_shaped,
};
use crate::syntax::Dropped;

/// A Chorus Pro deposit flow an invoice is prepared for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flow {
    /// `IN_DP_E1_UBL_INVOICE`: UBL 2.1, the whole invoice as data.
    UblE1,
    /// `IN_DP_E1_CII_16B`: CII D16B, the whole invoice as data.
    CiiE1,
    /// `IN_DP_E2_CII_FACTURX`: the CII embedded in a Factur-X PDF.
    FacturX,
    /// `IN_DP_E2_UBL_INVOICE_MIN`: UBL with the minimal data set, the
    /// invoice itself as an attached PDF.
    UblE2Min,
    /// `IN_DP_E2_CII_MIN_16B`: CII with the minimal data set and the PDF.
    CiiE2Min,
}

impl Flow {
    /// Whether the flow is a UBL one.
    pub fn is_ubl(self) -> bool {
        matches!(self, Flow::UblE1 | Flow::UblE2Min)
    }

    /// Whether the flow carries the minimal data set and the invoice PDF.
    pub fn is_minimal(self) -> bool {
        matches!(self, Flow::UblE2Min | Flow::CiiE2Min)
    }
}

/// How a SIRET is written in Factur-X (the E1 flows always use `1`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FacturXSiretScheme {
    /// ISO 6523 ICD `0002`, the value the Factur-X guidance gives for a
    /// SIREN or a SIRET (default).
    #[default]
    Icd0002,
    /// ISO 6523 ICD `0009` (SIRET).
    Icd0009,
}

/// Options of [`apply`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The cadre de facturation written in BT-23 (default: the invoice's
    /// own when it holds one, else A1, A2 when nothing is due).
    pub cadre: Option<Cadre>,
    /// The scheme of a SIRET in Factur-X.
    pub facturx_siret: FacturXSiretScheme,
    /// The number of the invoice a credit note corrects, when the invoice
    /// does not give it (BT-25).
    pub original_invoice: Option<String>,
}

/// The EN 16931 specification identifier Chorus Pro expects in BT-24.
pub const SPECIFICATION: &str = "urn:cen.eu:en16931:2017";

/// The invoice as Chorus Pro integrates it in `flow`, and notes on what was
/// changed or could not be done (as [`Dropped`] entries: the term and why).
pub fn apply(invoice: &Invoice, flow: Flow, options: &Options) -> (Invoice, Vec<Dropped>) {
    let mut inv = invoice.clone();
    let mut notes = Vec::new();
    cadre(&mut inv, options);
    if inv.process.specification.is_none() {
        inv.process.specification = Some(SPECIFICATION.into());
    }
    identifiers(&mut inv, flow, options);
    credit_note(&mut inv, options, &mut notes);
    (inv, notes)
}

fn cadre(inv: &mut Invoice, options: &Options) {
    let chosen = options.cadre.or_else(|| inv.cadre()).unwrap_or_else(|| {
        if inv.totals.amount_due == Some(Decimal::ZERO) {
            Cadre::A2
        } else {
            Cadre::A1
        }
    });
    inv.process.business_process = Some(chosen.code().into());
}

/// A SIRET as written for `flow`, for a party of the given role.
fn siret_for(value: &str, flow: Flow, options: &Options) -> Identifier {
    let mut id = Identifier::new(value);
    if flow.is_ubl() {
        id.scheme_name = Some(IdentifierType::Siret.code().into());
    } else if flow == Flow::FacturX {
        id.scheme = Some(
            match options.facturx_siret {
                FacturXSiretScheme::Icd0002 => "0002",
                FacturXSiretScheme::Icd0009 => "0009",
            }
            .into(),
        );
    } else {
        id.scheme = Some(IdentifierType::Siret.code().into());
    }
    id
}

fn is_siret(id: &Identifier) -> bool {
    IdentifierType::of(id) == Some(IdentifierType::Siret) && is_siret_shaped(&id.value)
}

fn identifiers(inv: &mut Invoice, flow: Flow, options: &Options) {
    // Supplier.
    let seller = &mut inv.seller;
    let siret = seller
        .identifiers
        .iter()
        .chain(seller.legal_registration_id.as_ref())
        .find(|id| is_siret(id))
        .map(|id| id.value.trim().to_owned());
    if let Some(siret) = siret {
        let id = siret_for(&siret, flow, options);
        seller.identifiers.retain(|i| i.value.trim() != siret);
        if flow.is_ubl() {
            seller.identifiers.insert(0, id);
        } else {
            seller.legal_registration_id = Some(id);
        }
    }
    // Public buyer.
    let buyer = &mut inv.buyer;
    let siret = buyer
        .identifier
        .iter()
        .chain(buyer.legal_registration_id.as_ref())
        .find(|id| is_siret(id))
        .map(|id| id.value.trim().to_owned());
    if let Some(siret) = siret {
        let id = siret_for(&siret, flow, options);
        if flow.is_ubl() {
            buyer.identifier = Some(id);
        } else {
            if buyer
                .identifier
                .as_ref()
                .is_some_and(|i| i.value.trim() == siret)
            {
                buyer.identifier = None;
            }
            buyer.legal_registration_id = Some(id);
        }
    }
}

/// A credit note goes to Chorus Pro as type 381 with positive amounts and
/// the number of the invoice it corrects; an invoice with a negative total
/// is turned into one.
fn credit_note(inv: &mut Invoice, options: &Options, notes: &mut Vec<Dropped>) {
    let negative = inv
        .totals
        .tax_inclusive_amount
        .or(inv.totals.amount_due)
        .is_some_and(|a| a.is_sign_negative() && !a.is_zero());
    let is_credit = inv
        .type_code
        .as_ref()
        .is_some_and(InvoiceTypeCode::is_credit_note);
    if negative && (is_credit || inv.type_code.as_ref().is_some_and(|t| t.code() == "380")) {
        inv.negate_amounts();
        inv.type_code = Some(InvoiceTypeCode::from("381"));
    } else if is_credit {
        inv.type_code = Some(InvoiceTypeCode::from("381"));
    } else {
        return;
    }
    if !inv.preceding_invoices.iter().any(|p| p.number.is_some()) {
        match &options.original_invoice {
            Some(number) => inv.preceding_invoices.push(PrecedingInvoice {
                number: Some(number.clone()),
                issue_date: None,
            }),
            None => notes.push(Dropped {
                term: TermPath::root().nth(Term::bg(3), 1).child(Term::bt(25)),
                reason: "Chorus Pro needs the number of the invoice a credit note corrects \
                         (give it in the options)"
                    .into(),
            }),
        }
    }
}

/// The minimal data set of the E2 flows (`IN_DP_E2_UBL_INVOICE_MIN`,
/// `IN_DP_E2_CII_MIN_16B`): the header and references, the parties'
/// names, identifiers, VAT numbers and countries, the payment means, the
/// allowances and charges, the totals and VAT breakdown, lines reduced to
/// quantity, price, allowances and charges, amount, item name and VAT, and the invoice PDF as an attachment (the document
/// that carries the invoice in a mixed flow). Everything else is left out
/// and listed.
///
/// Which terms make up the minimal set is inferred from the E2 templates
/// and the CPPFactureMixte sample: AIFE has not published the E2 schemas.
///
/// # Errors
///
/// [`crate::Error::Unwritable`] when the invoice has no PDF attachment
/// (BG-24 with MIME code `application/pdf` or a `.pdf` file name).
pub fn minimal(invoice: &Invoice) -> crate::Result<(Invoice, Vec<Dropped>)> {
    let is_pdf = |d: &crate::model::SupportingDocument| {
        d.attachment.as_ref().is_some_and(|a| {
            a.mime_code
                .as_ref()
                .is_some_and(|m| m.code() == "application/pdf")
                || a.filename
                    .as_deref()
                    .is_some_and(|f| f.to_ascii_lowercase().ends_with(".pdf"))
        })
    };
    if !invoice.supporting_documents.iter().any(is_pdf) {
        return Err(crate::Error::Unwritable {
            target: "Chorus Pro E2 minimal flow",
            reason: "the invoice PDF is missing: attach it as an additional supporting document \
                     (BG-24, MIME application/pdf)"
                .into(),
        });
    }
    let mut dropped = Vec::new();
    let mut drop = |present: bool, term: TermPath| {
        if present {
            dropped.push(Dropped {
                term,
                reason: "not part of the E2 minimal data set".into(),
            });
        }
    };
    let src = invoice;
    let mut out = Invoice {
        number: src.number.clone(),
        issue_date: src.issue_date,
        type_code: src.type_code.clone(),
        currency: src.currency.clone(),
        due_date: src.due_date,
        buyer_reference: src.buyer_reference.clone(),
        contract_reference: src.contract_reference.clone(),
        purchase_order_reference: src.purchase_order_reference.clone(),
        process: src.process.clone(),
        preceding_invoices: src.preceding_invoices.clone(),
        totals: src.totals.clone(),
        vat_breakdown: src.vat_breakdown.clone(),
        ..Invoice::default()
    };
    let top = |n: u16| TermPath::of(Term::bt(n));
    drop(src.vat_accounting_currency.is_some(), top(6));
    drop(src.vat_point_date.is_some(), top(7));
    drop(src.vat_point_date_code.is_some(), top(8));
    drop(src.project_reference.is_some(), top(11));
    drop(src.sales_order_reference.is_some(), top(14));
    drop(src.receiving_advice_reference.is_some(), top(15));
    drop(src.despatch_advice_reference.is_some(), top(16));
    drop(src.tender_reference.is_some(), top(17));
    drop(src.invoiced_object_id.is_some(), top(18));
    drop(src.buyer_accounting_reference.is_some(), top(19));
    drop(src.payment_terms.is_some(), top(20));
    drop(!src.notes.is_empty(), TermPath::of(Term::bg(1)));
    drop(src.payee.is_some(), TermPath::of(Term::bg(10)));
    drop(src.tax_representative.is_some(), TermPath::of(Term::bg(11)));
    drop(src.delivery.is_some(), TermPath::of(Term::bg(13)));
    drop(src.period.is_some(), TermPath::of(Term::bg(14)));
    out.allowances = src.allowances.clone();
    out.charges = src.charges.clone();
    // Parties: name, identifiers, VAT number, country.
    out.seller.name = src.seller.name.clone();
    out.seller.identifiers = src.seller.identifiers.clone();
    out.seller.legal_registration_id = src.seller.legal_registration_id.clone();
    out.seller.vat_id = src.seller.vat_id.clone();
    out.seller.address = src
        .seller
        .address
        .as_ref()
        .map(|a| crate::model::PostalAddress {
            country: a.country.clone(),
            ..Default::default()
        });
    out.buyer.name = src.buyer.name.clone();
    out.buyer.identifier = src.buyer.identifier.clone();
    out.buyer.legal_registration_id = src.buyer.legal_registration_id.clone();
    out.buyer.address = src
        .buyer
        .address
        .as_ref()
        .map(|a| crate::model::PostalAddress {
            country: a.country.clone(),
            ..Default::default()
        });
    let seller_rest = crate::model::Seller {
        name: None,
        identifiers: Vec::new(),
        legal_registration_id: None,
        vat_id: None,
        address: None,
        ..src.seller.clone()
    };
    drop(
        seller_rest != crate::model::Seller::default(),
        TermPath::of(Term::bg(4)),
    );
    let buyer_rest = crate::model::Buyer {
        name: None,
        identifier: None,
        legal_registration_id: None,
        address: None,
        ..src.buyer.clone()
    };
    drop(
        buyer_rest != crate::model::Buyer::default(),
        TermPath::of(Term::bg(7)),
    );
    // Payment: the means and the account.
    out.payment = src
        .payment
        .as_ref()
        .map(|p| crate::model::PaymentInstructions {
            means_code: p.means_code.clone(),
            credit_transfers: p.credit_transfers.clone(),
            ..Default::default()
        });
    // Lines.
    for (i, line) in src.lines.iter().enumerate() {
        let path = TermPath::root().nth(Term::bg(25), u32::try_from(i + 1).unwrap_or(u32::MAX));
        let reduced = crate::model::InvoiceLine {
            id: line.id.clone(),
            quantity: line.quantity,
            unit_code: line.unit_code.clone(),
            net_amount: line.net_amount,
            price: line.price.clone(),
            allowances: line.allowances.clone(),
            charges: line.charges.clone(),
            vat: line.vat.clone(),
            item: line.item.as_ref().map(|it| crate::model::Item {
                name: it.name.clone(),
                ..Default::default()
            }),
            ..Default::default()
        };
        drop(reduced != *line, path);
        out.lines.push(reduced);
    }
    for (i, doc) in src.supporting_documents.iter().enumerate() {
        if is_pdf(doc) {
            out.supporting_documents.push(doc.clone());
        } else {
            drop(
                true,
                TermPath::root().nth(Term::bg(24), u32::try_from(i + 1).unwrap_or(u32::MAX)),
            );
        }
    }
    Ok((out, dropped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn example(name: &str) -> Invoice {
        let xml = std::fs::read(format!("examples/{name}")).unwrap_or_default();
        crate::read(&xml).map(|d| d.invoice).unwrap_or_default()
    }

    #[test]
    fn siret_conventions_per_flow() {
        let inv = example("ubl-invoice.xml");
        let (ubl, _) = apply(&inv, Flow::UblE1, &Options::default());
        let first = &ubl.seller.identifiers[0];
        assert_eq!(first.scheme_name.as_deref(), Some("1"));
        assert_eq!(first.scheme, None);
        assert_eq!(
            ubl.buyer
                .identifier
                .as_ref()
                .and_then(|i| i.scheme_name.as_deref()),
            Some("1")
        );
        let (cii, _) = apply(&inv, Flow::CiiE1, &Options::default());
        let legal = cii
            .seller
            .legal_registration_id
            .as_ref()
            .map(|i| (i.value.as_str(), i.scheme.as_deref()));
        assert_eq!(legal, Some(("12345678200010", Some("1"))));
        assert!(
            cii.seller
                .identifiers
                .iter()
                .all(|i| i.value != "12345678200010")
        );
        let (fx, _) = apply(&inv, Flow::FacturX, &Options::default());
        assert_eq!(
            fx.buyer
                .legal_registration_id
                .as_ref()
                .and_then(|i| i.scheme.as_deref()),
            Some("0002")
        );
    }

    #[test]
    fn cadre_defaults() {
        let mut inv = example("cii-invoice.xml");
        inv.process.business_process = None;
        let (out, _) = apply(&inv, Flow::CiiE1, &Options::default());
        assert_eq!(out.cadre(), Some(Cadre::A1));
        inv.totals.amount_due = Some(Decimal::ZERO);
        let (out, _) = apply(&inv, Flow::CiiE1, &Options::default());
        assert_eq!(out.cadre(), Some(Cadre::A2));
        let opts = Options {
            cadre: Some(Cadre::A9),
            ..Options::default()
        };
        assert_eq!(apply(&inv, Flow::UblE1, &opts).0.cadre(), Some(Cadre::A9));
    }

    #[test]
    fn negative_invoice_becomes_a_positive_credit_note() {
        let base = example("ubl-invoice.xml");
        let mut inv = base.clone();
        inv.negate_amounts();
        inv.preceding_invoices.clear();
        let (out, notes) = apply(&inv, Flow::UblE1, &Options::default());
        assert_eq!(out.type_code.as_ref().map(|t| t.code()), Some("381"));
        assert_eq!(out.totals.amount_due, base.totals.amount_due);
        assert_eq!(out.lines[0].quantity, base.lines[0].quantity);
        assert_eq!(notes.len(), 1, "{notes:?}");
        let opts = Options {
            original_invoice: Some("FA-2026-00001".into()),
            ..Options::default()
        };
        let (out, notes) = apply(&inv, Flow::UblE1, &opts);
        assert!(notes.is_empty());
        assert_eq!(
            out.preceding_invoices[0].number.as_deref(),
            Some("FA-2026-00001")
        );
        assert!(
            out.totals
                .amount_due
                .is_some_and(|a| a > Decimal::from_str("0").unwrap_or_default())
        );
    }

    #[test]
    fn minimal_keeps_the_pdf_and_lists_the_rest() {
        let inv = example("ubl-invoice.xml");
        let (min, dropped) = minimal(&inv).expect("the example has a PDF");
        assert_eq!(min.number, inv.number);
        assert_eq!(min.totals, inv.totals);
        assert_eq!(min.vat_breakdown, inv.vat_breakdown);
        assert_eq!(min.lines.len(), inv.lines.len());
        assert!(!min.supporting_documents.is_empty());
        assert!(dropped.iter().any(|d| d.term == TermPath::of(Term::bg(1))));
        let mut without = inv.clone();
        without.supporting_documents.clear();
        assert!(matches!(
            minimal(&without),
            Err(crate::Error::Unwritable { .. })
        ));
    }
}
