//! CII D16B writer: [`Invoice`] → `rsm:CrossIndustryInvoice`, in the element
//! order of the D16B XSD sequences, mirroring the reader function for
//! function (same names from [`super::names`]).
//!
//! Only what the model holds is written, plus what the XSD makes
//! structurally mandatory (the document context, the three header trade
//! aggregates, `ram:TypeCode` on taxes — VAT unless the category keeps
//! another scheme, none when it keeps a missing one —, the line's document and
//! settlement, the procuring project's name). What CII cannot carry is
//! reported as [`Dropped`].

use super::names::{self as n, Name, Ns, Party, qualified};
use crate::error::Result;
use crate::model::{
    Buyer, Contact, DocumentTotals, Identifier, Invoice, InvoiceLine, Item, Period, PostalAddress,
    PriceDetails, Seller, Term, TermPath,
};
use crate::syntax::lexical::{encode_base64, format_102};
use crate::syntax::xml_output::XmlOut;
use crate::syntax::{Dropped, Written};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Writes an invoice as a CII D16B document.
pub fn write(invoice: &Invoice) -> Result<Written> {
    let mut w = W {
        out: XmlOut::new(),
        dropped: Vec::new(),
    };
    let ns = |ns: Ns| Some(ns.uri());
    w.out.open(
        &qualified(n::ROOT),
        &[
            ("xmlns:rsm", ns(Ns::Rsm)),
            ("xmlns:ram", ns(Ns::Ram)),
            ("xmlns:qdt", ns(Ns::Qdt)),
            ("xmlns:udt", ns(Ns::Udt)),
        ],
    );
    context(&mut w, invoice);
    document(&mut w, invoice);
    w.open(n::SUPPLY_CHAIN_TRADE_TRANSACTION);
    for (i, line) in invoice.lines.iter().enumerate() {
        write_line(&mut w, line, i as u32 + 1);
    }
    agreement(&mut w, invoice);
    delivery(&mut w, invoice);
    settlement(&mut w, invoice);
    w.close(n::SUPPLY_CHAIN_TRADE_TRANSACTION);
    w.close(n::ROOT);
    Ok(Written {
        xml: w.out.finish()?,
        dropped: w.dropped,
    })
}

// ---------------------------------------------------------------- helpers

struct W {
    out: XmlOut,
    dropped: Vec<Dropped>,
}

impl W {
    fn open(&mut self, name: Name) {
        self.out.open(&qualified(name), &[]);
    }

    fn close(&mut self, name: Name) {
        self.out.close(&qualified(name));
    }

    fn leaf(&mut self, name: Name, attrs: &[(&str, Option<&str>)], text: &str) {
        self.out.leaf(&qualified(name), attrs, text);
    }

    fn opt(&mut self, name: Name, text: Option<&str>) {
        if let Some(text) = text {
            self.leaf(name, &[], text);
        }
    }

    fn decimal(&mut self, name: Name, value: Option<Decimal>) {
        if let Some(value) = value {
            self.leaf(name, &[], &value.to_string());
        }
    }

    /// An identifier with its scheme in `schemeID` (and `schemeName`).
    fn id(&mut self, name: Name, id: &Identifier) {
        self.leaf(
            name,
            &[
                ("schemeID", id.scheme.as_deref()),
                ("schemeName", id.scheme_name.as_deref()),
            ],
            &id.value,
        );
    }

    /// `<outer><inner>text</inner></outer>` when `text` is present.
    fn wrapped(&mut self, outer: Name, inner: Name, text: Option<&str>) {
        if let Some(text) = text {
            self.open(outer);
            self.leaf(inner, &[], text);
            self.close(outer);
        }
    }

    /// A date container holding `date_element` with format 102.
    fn date_as(&mut self, name: Name, date_element: Name, date: Option<NaiveDate>) {
        if let Some(date) = date {
            self.open(name);
            self.leaf(date_element, &[("format", Some("102"))], &format_102(date));
            self.close(name);
        }
    }

    fn date(&mut self, name: Name, date: Option<NaiveDate>) {
        self.date_as(name, n::DATE_TIME_STRING, date);
    }

    fn indicator(&mut self, value: bool) {
        self.open(n::CHARGE_INDICATOR);
        self.leaf(n::INDICATOR, &[], if value { "true" } else { "false" });
        self.close(n::CHARGE_INDICATOR);
    }

    fn drop(&mut self, term: TermPath, reason: &str) {
        self.dropped.push(Dropped {
            term,
            reason: reason.to_owned(),
        });
    }
}

fn bt(number: u16) -> TermPath {
    TermPath::of(Term::bt(number))
}

// ---------------------------------------------------------------- header

fn context(w: &mut W, inv: &Invoice) {
    w.open(n::EXCHANGED_DOCUMENT_CONTEXT);
    w.wrapped(
        n::BUSINESS_PROCESS,
        n::ID,
        inv.process.business_process.as_deref(),
    );
    w.wrapped(n::GUIDELINE, n::ID, inv.process.specification.as_deref());
    w.close(n::EXCHANGED_DOCUMENT_CONTEXT);
}

fn document(w: &mut W, inv: &Invoice) {
    w.open(n::EXCHANGED_DOCUMENT);
    w.opt(n::ID, inv.number.as_deref());
    w.opt(n::TYPE_CODE, inv.type_code.as_ref().map(|c| c.code()));
    w.date(n::ISSUE_DATE_TIME, inv.issue_date);
    for note in &inv.notes {
        w.open(n::INCLUDED_NOTE);
        w.opt(n::CONTENT, note.text.as_deref());
        w.opt(
            n::SUBJECT_CODE,
            note.subject_code.as_ref().map(|c| c.code()),
        );
        w.close(n::INCLUDED_NOTE);
    }
    w.close(n::EXCHANGED_DOCUMENT);
}

// ---------------------------------------------------------------- parties

fn seller_party(s: &Seller) -> Party {
    Party {
        ids: s.identifiers.clone(),
        name: s.name.clone(),
        description: s.additional_legal_info.clone(),
        legal_id: s.legal_registration_id.clone(),
        trading_name: s.trading_name.clone(),
        contact: s.contact.clone(),
        address: s.address.clone(),
        uri: s.electronic_address.clone(),
        vat_id: s.vat_id.clone(),
        tax_id: s.tax_registration_id.clone(),
    }
}

fn buyer_party(b: &Buyer) -> Party {
    Party {
        ids: b.identifier.iter().cloned().collect(),
        name: b.name.clone(),
        legal_id: b.legal_registration_id.clone(),
        trading_name: b.trading_name.clone(),
        contact: b.contact.clone(),
        address: b.address.clone(),
        uri: b.electronic_address.clone(),
        vat_id: b.vat_id.clone(),
        ..Party::default()
    }
}

/// A `ram:TradePartyType` in XSD order: identifiers without a scheme as
/// `ram:ID`, with a scheme as `ram:GlobalID`.
fn party(w: &mut W, name: Name, p: &Party) {
    w.open(name);
    for id in p.ids.iter().filter(|id| id.scheme.is_none()) {
        w.id(n::ID, id);
    }
    for id in p.ids.iter().filter(|id| id.scheme.is_some()) {
        w.id(n::GLOBAL_ID, id);
    }
    w.opt(n::NAME, p.name.as_deref());
    w.opt(n::DESCRIPTION, p.description.as_deref());
    if p.legal_id.is_some() || p.trading_name.is_some() {
        w.open(n::LEGAL_ORGANIZATION);
        if let Some(id) = &p.legal_id {
            w.id(n::ID, id);
        }
        w.opt(n::TRADING_BUSINESS_NAME, p.trading_name.as_deref());
        w.close(n::LEGAL_ORGANIZATION);
    }
    if let Some(c) = &p.contact {
        contact(w, c);
    }
    if let Some(a) = &p.address {
        address(w, a);
    }
    if let Some(uri) = &p.uri {
        w.open(n::URI_COMMUNICATION);
        w.id(n::URI_ID, uri);
        w.close(n::URI_COMMUNICATION);
    }
    for (id, scheme) in [(&p.vat_id, n::VAT_SCHEME), (&p.tax_id, n::FISCAL_SCHEME)] {
        if let Some(id) = id {
            w.open(n::TAX_REGISTRATION);
            w.leaf(n::ID, &[("schemeID", Some(scheme))], id);
            w.close(n::TAX_REGISTRATION);
        }
    }
    w.close(name);
}

fn contact(w: &mut W, c: &Contact) {
    w.open(n::TRADE_CONTACT);
    w.opt(n::PERSON_NAME, c.name.as_deref());
    w.wrapped(n::TELEPHONE, n::COMPLETE_NUMBER, c.telephone.as_deref());
    w.wrapped(n::EMAIL, n::URI_ID, c.email.as_deref());
    w.close(n::TRADE_CONTACT);
}

fn address(w: &mut W, a: &PostalAddress) {
    w.open(n::POSTAL_ADDRESS);
    w.opt(n::POSTCODE, a.post_code.as_deref());
    w.opt(n::LINE_ONE, a.line1.as_deref());
    w.opt(n::LINE_TWO, a.line2.as_deref());
    w.opt(n::LINE_THREE, a.line3.as_deref());
    w.opt(n::CITY_NAME, a.city.as_deref());
    w.opt(n::COUNTRY_ID, a.country.as_ref().map(|c| c.code()));
    w.opt(n::COUNTRY_SUBDIVISION, a.country_subdivision.as_deref());
    w.close(n::POSTAL_ADDRESS);
}

// ---------------------------------------------------------------- agreement

fn agreement(w: &mut W, inv: &Invoice) {
    w.open(n::HEADER_AGREEMENT);
    w.opt(n::BUYER_REFERENCE, inv.buyer_reference.as_deref());
    if inv.seller != Seller::default() {
        party(w, n::SELLER_PARTY, &seller_party(&inv.seller));
    }
    if inv.buyer != Buyer::default() {
        party(w, n::BUYER_PARTY, &buyer_party(&inv.buyer));
    }
    if let Some(rep) = &inv.tax_representative {
        let p = Party {
            name: rep.name.clone(),
            vat_id: rep.vat_id.clone(),
            address: rep.address.clone(),
            ..Party::default()
        };
        party(w, n::TAX_REPRESENTATIVE_PARTY, &p);
    }
    let id = n::ISSUER_ASSIGNED_ID;
    w.wrapped(
        n::SELLER_ORDER_DOC,
        id,
        inv.sales_order_reference.as_deref(),
    );
    w.wrapped(
        n::BUYER_ORDER_DOC,
        id,
        inv.purchase_order_reference.as_deref(),
    );
    w.wrapped(n::CONTRACT_DOC, id, inv.contract_reference.as_deref());
    for doc in &inv.supporting_documents {
        w.open(n::ADDITIONAL_DOC);
        w.opt(n::ISSUER_ASSIGNED_ID, doc.reference.as_deref());
        w.opt(n::URI_ID, doc.external_location.as_deref());
        w.leaf(n::TYPE_CODE, &[], n::SUPPORTING_TYPE_CODE);
        w.opt(n::NAME, doc.description.as_deref());
        if let Some(a) = &doc.attachment {
            let attrs = [
                ("mimeCode", a.mime_code.as_ref().map(|m| m.code())),
                ("filename", a.filename.as_deref()),
            ];
            w.leaf(n::ATTACHMENT, &attrs, &encode_base64(&a.content));
        }
        w.close(n::ADDITIONAL_DOC);
    }
    if let Some(tender) = &inv.tender_reference {
        w.open(n::ADDITIONAL_DOC);
        w.leaf(n::ISSUER_ASSIGNED_ID, &[], tender);
        w.leaf(n::TYPE_CODE, &[], n::TENDER_TYPE_CODE);
        w.close(n::ADDITIONAL_DOC);
    }
    if let Some(object) = &inv.invoiced_object_id {
        object_document(w, object);
    }
    if let Some(project) = &inv.project_reference {
        w.open(n::PROCURING_PROJECT);
        w.leaf(n::ID, &[], project);
        w.leaf(n::NAME, &[], n::PROJECT_NAME_FILLER);
        w.close(n::PROCURING_PROJECT);
    }
    w.close(n::HEADER_AGREEMENT);
}

/// BT-18 / BT-128: an `AdditionalReferencedDocument` of type 130 with the
/// scheme in `ram:ReferenceTypeCode`.
fn object_document(w: &mut W, object: &Identifier) {
    w.open(n::ADDITIONAL_DOC);
    w.leaf(n::ISSUER_ASSIGNED_ID, &[], &object.value);
    w.leaf(n::TYPE_CODE, &[], n::OBJECT_TYPE_CODE);
    w.opt(n::REFERENCE_TYPE_CODE, object.scheme.as_deref());
    w.close(n::ADDITIONAL_DOC);
}

// ---------------------------------------------------------------- delivery

fn delivery(w: &mut W, inv: &Invoice) {
    w.open(n::HEADER_DELIVERY);
    if let Some(d) = &inv.delivery {
        let has_party = d.party_name.is_some() || d.location_id.is_some() || d.address.is_some();
        // A delivery with neither party nor date still reads back as one.
        if has_party || d.actual_delivery_date.is_none() {
            let p = Party {
                ids: d.location_id.iter().cloned().collect(),
                name: d.party_name.clone(),
                address: d.address.clone(),
                ..Party::default()
            };
            party(w, n::SHIP_TO_PARTY, &p);
        }
        if d.actual_delivery_date.is_some() {
            w.open(n::ACTUAL_DELIVERY);
            w.date(n::OCCURRENCE_DATE_TIME, d.actual_delivery_date);
            w.close(n::ACTUAL_DELIVERY);
        }
    }
    let id = n::ISSUER_ASSIGNED_ID;
    w.wrapped(
        n::DESPATCH_ADVICE_DOC,
        id,
        inv.despatch_advice_reference.as_deref(),
    );
    w.wrapped(
        n::RECEIVING_ADVICE_DOC,
        id,
        inv.receiving_advice_reference.as_deref(),
    );
    w.close(n::HEADER_DELIVERY);
}

// ---------------------------------------------------------------- settlement

fn settlement(w: &mut W, inv: &Invoice) {
    w.open(n::HEADER_SETTLEMENT);
    let pay = inv.payment.as_ref();
    let dd = pay.and_then(|p| p.direct_debit.as_ref());
    w.opt(
        n::CREDITOR_REFERENCE_ID,
        dd.and_then(|d| d.creditor_id.as_deref()),
    );
    w.opt(
        n::PAYMENT_REFERENCE,
        pay.and_then(|p| p.remittance_information.as_deref()),
    );
    w.opt(
        n::TAX_CURRENCY_CODE,
        inv.vat_accounting_currency.as_ref().map(|c| c.code()),
    );
    w.opt(
        n::INVOICE_CURRENCY_CODE,
        inv.currency.as_ref().map(|c| c.code()),
    );
    if let Some(payee) = &inv.payee {
        let p = Party {
            ids: payee.identifier.iter().cloned().collect(),
            name: payee.name.clone(),
            legal_id: payee.legal_registration_id.clone(),
            ..Party::default()
        };
        party(w, n::PAYEE_PARTY, &p);
    }
    payment_means(w, inv);
    vat_breakdown(w, inv);
    if let Some(period) = &inv.period {
        billing_period(w, period);
    }
    for a in &inv.allowances {
        let vat = (
            a.vat_category.as_ref().map(|c| c.code()),
            a.vat_rate,
            a.tax_scheme.as_deref(),
        );
        let reason = (
            a.reason.as_deref(),
            a.reason_code.as_ref().map(|c| c.code()),
        );
        allowance_charge(
            w,
            false,
            a.amount,
            a.base_amount,
            a.percentage,
            reason,
            Some(vat),
        );
    }
    for c in &inv.charges {
        let vat = (
            c.vat_category.as_ref().map(|c| c.code()),
            c.vat_rate,
            c.tax_scheme.as_deref(),
        );
        let reason = (
            c.reason.as_deref(),
            c.reason_code.as_ref().map(|c| c.code()),
        );
        allowance_charge(
            w,
            true,
            c.amount,
            c.base_amount,
            c.percentage,
            reason,
            Some(vat),
        );
    }
    let mandate = dd.and_then(|d| d.mandate_reference.as_deref());
    if inv.payment_terms.is_some() || inv.due_date.is_some() || mandate.is_some() {
        w.open(n::PAYMENT_TERMS);
        w.opt(n::DESCRIPTION, inv.payment_terms.as_deref());
        w.date(n::DUE_DATE_DATE_TIME, inv.due_date);
        w.opt(n::MANDATE_ID, mandate);
        w.close(n::PAYMENT_TERMS);
    }
    if inv.totals != DocumentTotals::default() {
        totals(w, inv);
    }
    for (i, pre) in inv.preceding_invoices.iter().enumerate() {
        if i > 0 {
            let g = TermPath::root().nth(Term::bg(3), i as u32 + 1);
            w.drop(
                g,
                "CII D16B has a single ram:InvoiceReferencedDocument per invoice",
            );
            continue;
        }
        w.open(n::INVOICE_REFERENCED_DOC);
        w.opt(n::ISSUER_ASSIGNED_ID, pre.number.as_deref());
        w.date_as(
            n::FORMATTED_ISSUE_DATE_TIME,
            n::QDT_DATE_TIME_STRING,
            pre.issue_date,
        );
        w.close(n::INVOICE_REFERENCED_DOC);
    }
    w.wrapped(
        n::RECEIVABLE_ACCOUNT,
        n::ID,
        inv.buyer_accounting_reference.as_deref(),
    );
    w.close(n::HEADER_SETTLEMENT);
}

/// Whether a BT-84 account identifier has the shape of an IBAN (written as
/// `ram:IBANID`; anything else as `ram:ProprietaryID`).
fn looks_like_iban(id: &str) -> bool {
    let b = id.as_bytes();
    (15..=34).contains(&b.len())
        && b.iter().take(2).all(u8::is_ascii_uppercase)
        && b.iter().skip(2).take(2).all(u8::is_ascii_digit)
        && b.iter().all(u8::is_ascii_alphanumeric)
}

/// BG-16: one `ram:SpecifiedTradeSettlementPaymentMeans` per credit
/// transfer (each repeating BT-81 and BT-82), the card and the debited
/// account on the first.
fn payment_means(w: &mut W, inv: &Invoice) {
    let Some(pay) = &inv.payment else { return };
    let debited = pay
        .direct_debit
        .as_ref()
        .and_then(|d| d.debited_account_id.as_deref());
    let has_means = pay.means_code.is_some()
        || pay.means_text.is_some()
        || pay.card.is_some()
        || debited.is_some()
        || !pay.credit_transfers.is_empty();
    let elsewhere = pay.remittance_information.is_some() || pay.direct_debit.is_some();
    if !has_means && elsewhere {
        return;
    }
    let count = pay.credit_transfers.len().max(1);
    for i in 0..count {
        w.open(n::PAYMENT_MEANS);
        w.opt(n::TYPE_CODE, pay.means_code.as_ref().map(|c| c.code()));
        w.opt(n::INFORMATION, pay.means_text.as_deref());
        if i == 0 {
            if let Some(card) = &pay.card {
                w.open(n::FINANCIAL_CARD);
                w.opt(n::ID, card.primary_account_number.as_deref());
                w.opt(n::CARDHOLDER_NAME, card.holder_name.as_deref());
                w.close(n::FINANCIAL_CARD);
            }
            w.wrapped(n::DEBTOR_ACCOUNT, n::IBAN_ID, debited);
        }
        if let Some(t) = pay.credit_transfers.get(i) {
            if t.account_id.is_some() || t.account_name.is_some() || t.service_provider_id.is_none()
            {
                w.open(n::CREDITOR_ACCOUNT);
                let account = t.account_id.as_deref();
                w.opt(n::IBAN_ID, account.filter(|a| looks_like_iban(a)));
                w.opt(n::ACCOUNT_NAME, t.account_name.as_deref());
                w.opt(n::PROPRIETARY_ID, account.filter(|a| !looks_like_iban(a)));
                w.close(n::CREDITOR_ACCOUNT);
            }
            w.wrapped(
                n::CREDITOR_INSTITUTION,
                n::BIC_ID,
                t.service_provider_id.as_deref(),
            );
        }
        w.close(n::PAYMENT_MEANS);
    }
}

/// BG-23. BT-8 (one value in the model) goes on each breakdown, as
/// CII-SR-462 allows (one distinct value); BT-7 only on the first, as
/// CII-SR-461 allows a single `ram:TaxPointDate`.
fn vat_breakdown(w: &mut W, inv: &Invoice) {
    if inv.vat_breakdown.is_empty() {
        let reason =
            "CII carries it in ram:ApplicableTradeTax, and the invoice has no VAT breakdown";
        if inv.vat_point_date.is_some() {
            w.drop(bt(7), reason);
        }
        if inv.vat_point_date_code.is_some() {
            w.drop(bt(8), reason);
        }
    }
    for (i, vat) in inv.vat_breakdown.iter().enumerate() {
        w.open(n::TRADE_TAX);
        w.decimal(n::CALCULATED_AMOUNT, vat.tax_amount);
        type_code(w, vat.tax_scheme.as_deref());
        w.opt(n::EXEMPTION_REASON, vat.exemption_reason.as_deref());
        w.decimal(n::BASIS_AMOUNT, vat.taxable_amount);
        w.opt(n::CATEGORY_CODE, vat.category.as_ref().map(|c| c.code()));
        w.opt(
            n::EXEMPTION_REASON_CODE,
            vat.exemption_reason_code.as_ref().map(|c| c.code()),
        );
        let point_date = inv.vat_point_date.filter(|_| i == 0);
        w.date_as(n::TAX_POINT_DATE, n::DATE_STRING, point_date);
        w.opt(
            n::DUE_DATE_TYPE_CODE,
            inv.vat_point_date_code.as_ref().map(|c| c.cii_code()),
        );
        w.decimal(n::RATE_PERCENT, vat.rate);
        w.close(n::TRADE_TAX);
    }
}

fn billing_period(w: &mut W, period: &Period) {
    w.open(n::BILLING_PERIOD);
    w.date(n::START_DATE_TIME, period.start);
    w.date(n::END_DATE_TIME, period.end);
    w.close(n::BILLING_PERIOD);
}

/// `ram:SpecifiedTradeAllowanceCharge` in XSD order; `vat` (category,
/// rate) only on document level.
fn allowance_charge(
    w: &mut W,
    charge: bool,
    amount: Option<Decimal>,
    base: Option<Decimal>,
    percentage: Option<Decimal>,
    (reason, reason_code): (Option<&str>, Option<&str>),
    vat: Option<(Option<&str>, Option<Decimal>, Option<&str>)>,
) {
    w.open(n::ALLOWANCE_CHARGE);
    w.indicator(charge);
    w.decimal(n::CALCULATION_PERCENT, percentage);
    w.decimal(n::BASIS_AMOUNT, base);
    w.decimal(n::ACTUAL_AMOUNT, amount);
    w.opt(n::REASON_CODE, reason_code);
    w.opt(n::REASON, reason);
    if let Some((category, rate, scheme)) = vat
        && (category.is_some() || rate.is_some() || scheme.is_some())
    {
        w.open(n::CATEGORY_TRADE_TAX);
        type_code(w, scheme);
        w.opt(n::CATEGORY_CODE, category);
        w.decimal(n::RATE_PERCENT, rate);
        w.close(n::CATEGORY_TRADE_TAX);
    }
    w.close(n::ALLOWANCE_CHARGE);
}

/// BG-22, with `currencyID` on the tax totals: BT-5 on BT-110, BT-6 on
/// BT-111.
fn totals(w: &mut W, inv: &Invoice) {
    let t = &inv.totals;
    w.open(n::HEADER_SUMMATION);
    w.decimal(n::LINE_TOTAL_AMOUNT, t.line_net_total);
    w.decimal(n::CHARGE_TOTAL_AMOUNT, t.charge_total);
    w.decimal(n::ALLOWANCE_TOTAL_AMOUNT, t.allowance_total);
    w.decimal(n::TAX_BASIS_TOTAL_AMOUNT, t.tax_exclusive_amount);
    if let Some(amount) = t.tax_amount {
        let currency = inv.currency.as_ref().map(|c| c.code());
        w.leaf(
            n::TAX_TOTAL_AMOUNT,
            &[("currencyID", currency)],
            &amount.to_string(),
        );
    }
    if let Some(acc) = &t.tax_amount_accounting {
        let currency = acc
            .currency
            .as_ref()
            .or(inv.vat_accounting_currency.as_ref());
        let attrs = [("currencyID", currency.map(|c| c.code()))];
        w.leaf(n::TAX_TOTAL_AMOUNT, &attrs, &acc.amount.to_string());
    }
    w.decimal(n::ROUNDING_AMOUNT, t.rounding_amount);
    w.decimal(n::GRAND_TOTAL_AMOUNT, t.tax_inclusive_amount);
    w.decimal(n::TOTAL_PREPAID_AMOUNT, t.prepaid_amount);
    w.decimal(n::DUE_PAYABLE_AMOUNT, t.amount_due);
    w.close(n::HEADER_SUMMATION);
}

// ---------------------------------------------------------------- lines

fn write_line(w: &mut W, line: &InvoiceLine, index: u32) {
    let g = TermPath::root().nth(Term::bg(25), index);
    w.open(n::LINE_ITEM);
    w.open(n::LINE_DOCUMENT);
    w.opt(n::LINE_ID, line.id.as_deref());
    w.wrapped(n::INCLUDED_NOTE, n::CONTENT, line.note.as_deref());
    w.close(n::LINE_DOCUMENT);
    if let Some(item) = &line.item {
        write_item(w, item);
    }
    if line.order_line_reference.is_some() || line.price.is_some() {
        w.open(n::LINE_AGREEMENT);
        w.wrapped(
            n::BUYER_ORDER_DOC,
            n::LINE_ID,
            line.order_line_reference.as_deref(),
        );
        if let Some(price) = &line.price {
            write_price(w, price, g.child(Term::bg(29)));
        }
        w.close(n::LINE_AGREEMENT);
    }
    if let Some(quantity) = line.quantity {
        w.open(n::LINE_DELIVERY);
        let unit = line.unit_code.as_ref().map(|u| u.code());
        w.leaf(
            n::BILLED_QUANTITY,
            &[("unitCode", unit)],
            &quantity.to_string(),
        );
        w.close(n::LINE_DELIVERY);
    } else if line.unit_code.is_some() {
        w.drop(
            g.child(Term::bt(130)),
            "a unit of measure needs the invoiced quantity (BT-129) it qualifies",
        );
    }
    w.open(n::LINE_SETTLEMENT);
    if let Some(vat) = &line.vat {
        w.open(n::TRADE_TAX);
        type_code(w, vat.tax_scheme.as_deref());
        w.opt(n::CATEGORY_CODE, vat.category.as_ref().map(|c| c.code()));
        w.decimal(n::RATE_PERCENT, vat.rate);
        w.close(n::TRADE_TAX);
    }
    if let Some(period) = &line.period {
        billing_period(w, period);
    }
    for a in &line.allowances {
        let reason = (
            a.reason.as_deref(),
            a.reason_code.as_ref().map(|c| c.code()),
        );
        allowance_charge(
            w,
            false,
            a.amount,
            a.base_amount,
            a.percentage,
            reason,
            None,
        );
    }
    for c in &line.charges {
        let reason = (
            c.reason.as_deref(),
            c.reason_code.as_ref().map(|c| c.code()),
        );
        allowance_charge(w, true, c.amount, c.base_amount, c.percentage, reason, None);
    }
    if line.net_amount.is_some() {
        w.open(n::LINE_SUMMATION);
        w.decimal(n::LINE_TOTAL_AMOUNT, line.net_amount);
        w.close(n::LINE_SUMMATION);
    }
    if let Some(object) = &line.object_id {
        object_document(w, object);
    }
    w.wrapped(
        n::RECEIVABLE_ACCOUNT,
        n::ID,
        line.buyer_accounting_reference.as_deref(),
    );
    w.close(n::LINE_SETTLEMENT);
    w.close(n::LINE_ITEM);
}

fn write_item(w: &mut W, item: &Item) {
    w.open(n::TRADE_PRODUCT);
    if let Some(id) = &item.standard_id {
        w.id(n::GLOBAL_ID, id);
    }
    w.opt(n::SELLER_ASSIGNED_ID, item.seller_id.as_deref());
    w.opt(n::BUYER_ASSIGNED_ID, item.buyer_id.as_deref());
    w.opt(n::NAME, item.name.as_deref());
    w.opt(n::DESCRIPTION, item.description.as_deref());
    for attr in &item.attributes {
        w.open(n::PRODUCT_CHARACTERISTIC);
        w.opt(n::DESCRIPTION, attr.name.as_deref());
        w.opt(n::VALUE, attr.value.as_deref());
        w.close(n::PRODUCT_CHARACTERISTIC);
    }
    for class in &item.classifications {
        w.open(n::PRODUCT_CLASSIFICATION);
        let attrs = [
            ("listID", class.scheme.as_deref()),
            ("listVersionID", class.scheme_version.as_deref()),
        ];
        w.leaf(n::CLASS_CODE, &attrs, &class.value);
        w.close(n::PRODUCT_CLASSIFICATION);
    }
    w.wrapped(
        n::ORIGIN_COUNTRY,
        n::ID,
        item.origin_country.as_ref().map(|c| c.code()),
    );
    w.close(n::TRADE_PRODUCT);
}

/// BG-29: the gross price (with the discount as its allowance) and the net
/// price; the base quantity goes on the net price, or on the gross price
/// when there is no net price.
fn write_price(w: &mut W, price: &PriceDetails, g: TermPath) {
    let quantity_on_net = price.net_price.is_some();
    let quantity_on_gross = !quantity_on_net && price.gross_price.is_some();
    if let Some(gross) = price.gross_price {
        w.open(n::GROSS_PRICE);
        w.leaf(n::CHARGE_AMOUNT, &[], &gross.to_string());
        if quantity_on_gross {
            base_quantity(w, price, g);
        }
        if let Some(discount) = price.discount {
            w.open(n::APPLIED_ALLOWANCE_CHARGE);
            w.indicator(false);
            w.leaf(n::ACTUAL_AMOUNT, &[], &discount.to_string());
            w.close(n::APPLIED_ALLOWANCE_CHARGE);
        }
        w.close(n::GROSS_PRICE);
    } else if price.discount.is_some() {
        w.drop(
            g.child(Term::bt(147)),
            "CII carries the price discount inside the gross price (BT-148), which is absent",
        );
    }
    if let Some(net) = price.net_price {
        w.open(n::NET_PRICE);
        w.leaf(n::CHARGE_AMOUNT, &[], &net.to_string());
        base_quantity(w, price, g);
        w.close(n::NET_PRICE);
    }
    if !quantity_on_net && !quantity_on_gross {
        let reason = "CII carries the base quantity inside a price, and the line has neither net nor gross price";
        if price.base_quantity.is_some() {
            w.drop(g.child(Term::bt(149)), reason);
        }
        if price.base_quantity_unit.is_some() {
            w.drop(g.child(Term::bt(150)), reason);
        }
    }
}

fn base_quantity(w: &mut W, price: &PriceDetails, g: TermPath) {
    match price.base_quantity {
        Some(q) => {
            let unit = price.base_quantity_unit.as_ref().map(|u| u.code());
            w.leaf(n::BASIS_QUANTITY, &[("unitCode", unit)], &q.to_string());
        }
        None if price.base_quantity_unit.is_some() => {
            let reason = "a unit of measure needs the base quantity (BT-149) it qualifies";
            w.drop(g.child(Term::bt(150)), reason);
        }
        None => {}
    }
}

/// The `ram:TypeCode` of a tax: `VAT` for `None`, the scheme as kept
/// otherwise, none when it is missing (`Some("")`).
fn type_code(w: &mut W, scheme: Option<&str>) {
    match scheme {
        None => w.leaf(n::TYPE_CODE, &[], n::VAT),
        Some("") => {}
        Some(code) => w.leaf(n::TYPE_CODE, &[], code),
    }
}
