//! The canonical invoice: the EN 16931-1 semantic model.
//!
//! Every business group (BG-1…BG-32) and business term (BT-1…BT-165) of the
//! norm has a home here, named in each field's documentation. Every term is
//! optional in the Rust types, even those the norm makes mandatory: a reader
//! maps what the document says, and the rule engine (not the type system)
//! reports what is missing, with the rule id the norm gives it.
//!
//! Amounts, quantities, rates and percentages are [`Decimal`]s that keep the
//! scale written in the source (`100.00` stays `100.00`); dates are
//! [`NaiveDate`]s.

mod allowance_charge;
mod attachment;
mod chorus;
mod code;
mod delivery;
mod identifier;
mod line;
mod negate;
mod party;
mod path;
mod payment;
mod prune;
mod totals;
mod vat_breakdown;

pub use allowance_charge::{DocumentAllowance, DocumentCharge, LineAllowance, LineCharge};
pub use attachment::{BinaryObject, SupportingDocument};
pub use chorus::{
    Cadre, ChorusIdentifier, IdentifierType, LA_POSTE_SIREN, UnknownCode, is_siret_shaped,
    is_valid_siret, luhn_valid,
};
pub use code::{
    AllowanceReasonCode, ChargeReasonCode, CountryCode, CurrencyCode, InvoiceTypeCode,
    ItemClassificationScheme, MimeCode, PaymentMeansCode, ReferenceTypeCode, TextSubjectCode,
    UnitCode, VatCategoryCode, VatExemptionReasonCode, VatPointDateCode,
};
pub use delivery::{Delivery, Period};
pub use identifier::{ClassificationIdentifier, Identifier};
pub use line::{InvoiceLine, Item, ItemAttribute, LineVat, PriceDetails};
pub use party::{Buyer, Contact, Payee, PostalAddress, Seller, TaxRepresentative};
pub use path::{SourceMap, Span, Term, TermPath, TextPos};
pub use payment::{CreditTransfer, DirectDebit, PaymentCard, PaymentInstructions};
pub use totals::{DocumentTotals, TaxAmountInCurrency};
pub use vat_breakdown::VatBreakdown;

pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An invoice or credit note in the EN 16931 semantic model.
///
/// ```
/// use facture::model::{Invoice, InvoiceTypeCode, CurrencyCode, NaiveDate};
/// let mut invoice = Invoice::default();
/// invoice.number = Some("F-2026-001".into());
/// invoice.issue_date = NaiveDate::from_ymd_opt(2026, 11, 25);
/// invoice.type_code = Some(InvoiceTypeCode::CommercialInvoice);
/// invoice.currency = Some(CurrencyCode::from("EUR"));
/// assert_eq!(invoice.type_code.as_ref().map(|c| c.code()), Some("380"));
/// ```
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Invoice {
    /// BT-1 Invoice number.
    pub number: Option<String>,
    /// BT-2 Invoice issue date.
    pub issue_date: Option<NaiveDate>,
    /// BT-3 Invoice type code (UNTDID 1001).
    pub type_code: Option<InvoiceTypeCode>,
    /// BT-5 Invoice currency code (ISO 4217).
    pub currency: Option<CurrencyCode>,
    /// BT-6 VAT accounting currency code (ISO 4217).
    pub vat_accounting_currency: Option<CurrencyCode>,
    /// BT-7 Value added tax point date.
    pub vat_point_date: Option<NaiveDate>,
    /// BT-8 Value added tax point date code.
    pub vat_point_date_code: Option<VatPointDateCode>,
    /// BT-9 Payment due date.
    pub due_date: Option<NaiveDate>,
    /// BT-10 Buyer reference (in Chorus Pro: the service code).
    pub buyer_reference: Option<String>,
    /// BT-11 Project reference.
    pub project_reference: Option<String>,
    /// BT-12 Contract reference.
    pub contract_reference: Option<String>,
    /// BT-13 Purchase order reference (in Chorus Pro: the engagement number).
    pub purchase_order_reference: Option<String>,
    /// BT-14 Sales order reference.
    pub sales_order_reference: Option<String>,
    /// BT-15 Receiving advice reference.
    pub receiving_advice_reference: Option<String>,
    /// BT-16 Despatch advice reference.
    pub despatch_advice_reference: Option<String>,
    /// BT-17 Tender or lot reference.
    pub tender_reference: Option<String>,
    /// BT-18 Invoiced object identifier, with BT-18-1 scheme (UNTDID 1153).
    pub invoiced_object_id: Option<Identifier>,
    /// BT-19 Buyer accounting reference.
    pub buyer_accounting_reference: Option<String>,
    /// BT-20 Payment terms.
    pub payment_terms: Option<String>,
    /// BG-1 Invoice notes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// BG-2 Process control.
    pub process: ProcessControl,
    /// BG-3 Preceding invoice references.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub preceding_invoices: Vec<PrecedingInvoice>,
    /// BG-4 Seller.
    pub seller: Seller,
    /// BG-7 Buyer.
    pub buyer: Buyer,
    /// BG-10 Payee.
    pub payee: Option<Payee>,
    /// BG-11 Seller tax representative party.
    pub tax_representative: Option<TaxRepresentative>,
    /// BG-13 Delivery information.
    pub delivery: Option<Delivery>,
    /// BG-14 Invoicing period.
    pub period: Option<Period>,
    /// BG-16 Payment instructions.
    pub payment: Option<PaymentInstructions>,
    /// BG-20 Document level allowances.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowances: Vec<DocumentAllowance>,
    /// BG-21 Document level charges.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub charges: Vec<DocumentCharge>,
    /// BG-22 Document totals.
    pub totals: DocumentTotals,
    /// BG-23 VAT breakdown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vat_breakdown: Vec<VatBreakdown>,
    /// BG-24 Additional supporting documents.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub supporting_documents: Vec<SupportingDocument>,
    /// BG-25 Invoice lines.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<InvoiceLine>,
}

/// BG-1 Invoice note.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Note {
    /// BT-21 Invoice note subject code (UNTDID 4451).
    pub subject_code: Option<TextSubjectCode>,
    /// BT-22 Invoice note.
    pub text: Option<String>,
}

/// BG-2 Process control.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct ProcessControl {
    /// BT-23 Business process type (in Chorus Pro: the cadre de facturation A1…A25).
    pub business_process: Option<String>,
    /// BT-24 Specification identifier (the profile, e.g. `urn:cen.eu:en16931:2017`).
    pub specification: Option<String>,
}

/// BG-3 Preceding invoice reference.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct PrecedingInvoice {
    /// BT-25 Preceding invoice reference.
    pub number: Option<String>,
    /// BT-26 Preceding invoice issue date.
    pub issue_date: Option<NaiveDate>,
}
