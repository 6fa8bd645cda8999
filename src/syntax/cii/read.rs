//! CII D16B reader: `rsm:CrossIndustryInvoice` → [`Invoice`], following the
//! CEN/TC 434 syntax binding.
//!
//! One pass over the tree, one function per CII aggregate, no recursion on
//! input depth. Every value mapped is recorded under its [`TermPath`];
//! every element present and not mapped is reported through
//! [`ReadContext::ignore`]. A term the model holds once but the document
//! repeats keeps its first value; a differing repetition is reported as
//! ignored.

use super::names::{self as n, Name, Party, PartyTerms, key};
use crate::error::Result;
use crate::model::{
    BinaryObject, Buyer, ClassificationIdentifier, Contact, CountryCode, CreditTransfer,
    CurrencyCode, Delivery, DirectDebit, DocumentAllowance, DocumentCharge, Identifier, Invoice,
    InvoiceLine, Item, ItemAttribute, LineAllowance, LineCharge, LineVat, Note, Payee, PaymentCard,
    PaymentInstructions, Period, PostalAddress, PrecedingInvoice, PriceDetails, Seller,
    SupportingDocument, TaxAmountInCurrency, TaxRepresentative, Term, TermPath, UnitCode,
    VatBreakdown, VatPointDateCode,
};
use crate::syntax::node::{ReadContext, elements};
use crate::syntax::tree::Node;
use crate::syntax::{Document, ReadOptions, Syntax};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Reads a parsed CII document (its root is known to be
/// `rsm:CrossIndustryInvoice`).
pub fn read_document(doc: &crate::syntax::tree::Document<'_>, text: &str) -> Result<Document> {
    read_with(doc, text, &ReadOptions::default())
}

/// [`read_document`] as `options` say: leniently or not (see
/// [`ReadOptions::lenient`]), within its limits (those that apply after
/// parsing: [`crate::Limits::max_attachment_bytes`]).
pub fn read_with(
    doc: &crate::syntax::tree::Document<'_>,
    text: &str,
    options: &ReadOptions,
) -> Result<Document> {
    let mut cx = ReadContext::with_options(text, options);
    let mut inv = Invoice::default();
    for child in elements(doc.root_element()) {
        match key(child) {
            Some(n::EXCHANGED_DOCUMENT_CONTEXT) => context(&mut cx, &mut inv, child),
            Some(n::EXCHANGED_DOCUMENT) => document(&mut cx, &mut inv, child)?,
            Some(n::SUPPLY_CHAIN_TRADE_TRANSACTION) => transaction(&mut cx, &mut inv, child)?,
            _ => cx.ignore(child),
        }
    }
    Ok(Document {
        syntax: Syntax::Cii,
        invoice: inv,
        source_map: cx.source_map,
        ignored: cx.ignored,
        unreadable: cx.unreadable,
    })
}

// ---------------------------------------------------------------- helpers

type Cx<'a> = ReadContext<'a>;

fn bt(number: u16) -> TermPath {
    TermPath::of(Term::bt(number))
}

fn bg(number: u16) -> TermPath {
    TermPath::of(Term::bg(number))
}

fn is(node: Node<'_, '_>, name: Name) -> bool {
    key(node) == Some(name)
}

/// The trimmed text of the first child `name` of `node`.
fn child_text<'a>(node: Node<'a, '_>, name: Name) -> Option<&'a str> {
    elements(node)
        .find(|c| is(*c, name))
        .map(|c| c.text().unwrap_or("").trim())
}

/// Fills a single-valued text term, or reports a repetition as ignored.
fn text_into(cx: &mut Cx<'_>, slot: &mut Option<String>, path: TermPath, node: Node<'_, '_>) {
    if slot.is_some() {
        cx.ignore(node);
    } else {
        *slot = Some(cx.string(path, node));
    }
}

/// Fills a single-valued code term (any type built from its text).
fn code_into<T: From<String>>(
    cx: &mut Cx<'_>,
    slot: &mut Option<T>,
    path: TermPath,
    node: Node<'_, '_>,
) {
    if slot.is_some() {
        cx.ignore(node);
    } else {
        *slot = Some(T::from(cx.string(path, node)));
    }
}

fn decimal_into(
    cx: &mut Cx<'_>,
    slot: &mut Option<Decimal>,
    path: TermPath,
    node: Node<'_, '_>,
) -> Result<()> {
    if slot.is_some() {
        cx.ignore(node);
    } else {
        *slot = cx.decimal(path, node)?;
    }
    Ok(())
}

/// The date in a CII date container (`udt:DateTimeString`, `udt:DateString`
/// or `qdt:DateTimeString`, format 102); its other children are ignored.
fn date_of(cx: &mut Cx<'_>, path: TermPath, node: Node<'_, '_>) -> Result<Option<NaiveDate>> {
    let mut date = None;
    for c in elements(node) {
        match key(c) {
            Some(n::DATE_TIME_STRING | n::DATE_STRING | n::QDT_DATE_TIME_STRING)
                if date.is_none() =>
            {
                date = cx.date_102(path, c)?;
            }
            _ => cx.ignore(c),
        }
    }
    Ok(date)
}

fn date_into(
    cx: &mut Cx<'_>,
    slot: &mut Option<NaiveDate>,
    path: TermPath,
    node: Node<'_, '_>,
) -> Result<()> {
    if slot.is_some() {
        cx.ignore(node);
    } else {
        *slot = date_of(cx, path, node)?;
    }
    Ok(())
}

/// Reads the one child `name` of a wrapper element as text into `slot`;
/// the wrapper's other children are ignored.
fn wrapped_text(
    cx: &mut Cx<'_>,
    node: Node<'_, '_>,
    name: Name,
    slot: &mut Option<String>,
    path: TermPath,
) {
    for c in elements(node) {
        if is(c, name) {
            text_into(cx, slot, path, c);
        } else {
            cx.ignore(c);
        }
    }
}

/// An identifier and its `schemeID` (recorded under `scheme_path`).
fn identifier(
    cx: &mut Cx<'_>,
    path: TermPath,
    scheme_path: TermPath,
    node: Node<'_, '_>,
) -> Identifier {
    let value = cx.string(path, node);
    let scheme = node.attribute("schemeID").map(|s| {
        cx.record(scheme_path, node);
        s.to_owned()
    });
    let scheme_name = node.attribute("schemeName").map(str::to_owned);
    Identifier {
        value,
        scheme,
        scheme_name,
    }
}

/// The value of a `udt:Indicator` inside `node`, as `xs:boolean`.
fn indicator(node: Node<'_, '_>) -> Option<bool> {
    match child_text(node, n::INDICATOR)? {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// The `ram:TypeCode` of a tax (the tax type CII adds around every EN 16931
/// tax) into `slot`, the scheme as the model keeps it: `None` for VAT
/// (`upper-case(ram:TypeCode) = 'VAT'`, what most official tests ask),
/// otherwise the code as written. A repeated type code is ignored.
fn type_code_into(cx: &mut Cx<'_>, slot: &mut Option<String>, seen: &mut bool, node: Node<'_, '_>) {
    if *seen {
        cx.ignore(node);
        return;
    }
    *seen = true;
    let text = node.text().unwrap_or("");
    *slot = (text.to_uppercase() != n::VAT).then(|| text.to_owned());
}

// ---------------------------------------------------------------- header

fn context(cx: &mut Cx<'_>, inv: &mut Invoice, node: Node<'_, '_>) {
    let g = bg(2);
    for c in elements(node) {
        match key(c) {
            Some(n::BUSINESS_PROCESS) => {
                let path = g.child(Term::bt(23));
                wrapped_text(cx, c, n::ID, &mut inv.process.business_process, path);
            }
            Some(n::GUIDELINE) => {
                let path = g.child(Term::bt(24));
                wrapped_text(cx, c, n::ID, &mut inv.process.specification, path);
            }
            _ => cx.ignore(c),
        }
    }
}

fn document(cx: &mut Cx<'_>, inv: &mut Invoice, node: Node<'_, '_>) -> Result<()> {
    for c in elements(node) {
        match key(c) {
            Some(n::ID) => text_into(cx, &mut inv.number, bt(1), c),
            Some(n::TYPE_CODE) => code_into(cx, &mut inv.type_code, bt(3), c),
            Some(n::ISSUE_DATE_TIME) => date_into(cx, &mut inv.issue_date, bt(2), c)?,
            Some(n::INCLUDED_NOTE) => {
                let index = inv.notes.len() as u32 + 1;
                let note = header_note(cx, c, index);
                inv.notes.push(note);
            }
            _ => cx.ignore(c),
        }
    }
    Ok(())
}

fn header_note(cx: &mut Cx<'_>, node: Node<'_, '_>, index: u32) -> Note {
    let g = TermPath::root().nth(Term::bg(1), index);
    let mut note = Note::default();
    for c in elements(node) {
        match key(c) {
            Some(n::CONTENT) => text_into(cx, &mut note.text, g.child(Term::bt(22)), c),
            Some(n::SUBJECT_CODE) => {
                code_into(cx, &mut note.subject_code, g.child(Term::bt(21)), c);
            }
            _ => cx.ignore(c),
        }
    }
    note
}

fn transaction(cx: &mut Cx<'_>, inv: &mut Invoice, node: Node<'_, '_>) -> Result<()> {
    for c in elements(node) {
        match key(c) {
            Some(n::LINE_ITEM) => {
                let index = inv.lines.len() as u32 + 1;
                let line = line(cx, c, index)?;
                inv.lines.push(line);
            }
            Some(n::HEADER_AGREEMENT) => agreement(cx, inv, c)?,
            Some(n::HEADER_DELIVERY) => delivery(cx, inv, c)?,
            Some(n::HEADER_SETTLEMENT) => settlement(cx, inv, c)?,
            _ => cx.ignore(c),
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- parties

/// Reads a `ram:TradePartyType` for the role `terms` describes.
fn party(cx: &mut Cx<'_>, node: Node<'_, '_>, terms: &PartyTerms) -> Party {
    let g = bg(terms.group);
    let at = |t: Option<u16>| t.map(|t| g.child(Term::bt(t)));
    let mut p = Party::default();
    for c in elements(node) {
        match (key(c), terms) {
            (
                Some(n::ID | n::GLOBAL_ID),
                PartyTerms {
                    id: Some((t, repeats)),
                    ..
                },
            ) => {
                if !*repeats && !p.ids.is_empty() {
                    cx.ignore(c);
                    continue;
                }
                let (path, scheme_path) = if *repeats {
                    let i = p.ids.len() as u32 + 1;
                    (g.nth(Term::bt(*t), i), g.nth(Term::bt_sub(*t, 1), i))
                } else {
                    (g.child(Term::bt(*t)), g.child(Term::bt_sub(*t, 1)))
                };
                let id = identifier(cx, path, scheme_path, c);
                p.ids.push(id);
            }
            (Some(n::NAME), PartyTerms { name: Some(t), .. }) => {
                text_into(cx, &mut p.name, g.child(Term::bt(*t)), c);
            }
            (
                Some(n::DESCRIPTION),
                PartyTerms {
                    description: Some(t),
                    ..
                },
            ) => {
                text_into(cx, &mut p.description, g.child(Term::bt(*t)), c);
            }
            (Some(n::LEGAL_ORGANIZATION), _)
                if terms.legal_id.is_some() || terms.trading_name.is_some() =>
            {
                for l in elements(c) {
                    match (key(l), terms.legal_id, at(terms.trading_name)) {
                        (Some(n::ID), Some(t), _) if p.legal_id.is_none() => {
                            let path = g.child(Term::bt(t));
                            let id = identifier(cx, path, g.child(Term::bt_sub(t, 1)), l);
                            p.legal_id = Some(id);
                        }
                        (Some(n::TRADING_BUSINESS_NAME), _, Some(path)) => {
                            text_into(cx, &mut p.trading_name, path, l);
                        }
                        _ => cx.ignore(l),
                    }
                }
            }
            (
                Some(n::TRADE_CONTACT),
                PartyTerms {
                    contact: Some((group, t)),
                    ..
                },
            ) if p.contact.is_none() => {
                p.contact = Some(contact(cx, c, g.child(Term::bg(*group)), t));
            }
            (
                Some(n::POSTAL_ADDRESS),
                PartyTerms {
                    address: Some((group, t)),
                    ..
                },
            ) if p.address.is_none() => {
                p.address = Some(address(cx, c, g.child(Term::bg(*group)), t));
            }
            (Some(n::URI_COMMUNICATION), PartyTerms { uri: Some(t), .. }) if p.uri.is_none() => {
                for u in elements(c) {
                    if is(u, n::URI_ID) && p.uri.is_none() {
                        let path = g.child(Term::bt(*t));
                        p.uri = Some(identifier(cx, path, g.child(Term::bt_sub(*t, 1)), u));
                    } else {
                        cx.ignore(u);
                    }
                }
            }
            (Some(n::TAX_REGISTRATION), _) => tax_registration(cx, c, terms, &mut p),
            _ => cx.ignore(c),
        }
    }
    p
}

/// `ram:SpecifiedTaxRegistration`: a VAT identifier (`schemeID="VA"`) or a
/// tax registration identifier (`schemeID="FC"`); anything else is ignored.
fn tax_registration(cx: &mut Cx<'_>, node: Node<'_, '_>, terms: &PartyTerms, p: &mut Party) {
    let g = bg(terms.group);
    let mut mapped = false;
    for c in elements(node) {
        let slot = match (key(c), c.attribute("schemeID")) {
            (Some(n::ID), Some(n::VAT_SCHEME)) if !mapped => {
                terms.vat_id.map(|t| (&mut p.vat_id, t))
            }
            (Some(n::ID), Some(n::FISCAL_SCHEME)) if !mapped => {
                terms.tax_id.map(|t| (&mut p.tax_id, t))
            }
            _ => None,
        };
        match slot {
            Some((slot, t)) if slot.is_none() => {
                *slot = Some(cx.string(g.child(Term::bt(t)), c));
                mapped = true;
            }
            _ => cx.ignore(c),
        }
    }
}

fn contact(cx: &mut Cx<'_>, node: Node<'_, '_>, g: TermPath, t: &[u16; 3]) -> Contact {
    let [name, phone, email] = t.map(|t| g.child(Term::bt(t)));
    let mut contact = Contact::default();
    for c in elements(node) {
        match key(c) {
            // BT-41/BT-56 is the person name or, failing one, the department.
            Some(n::PERSON_NAME | n::DEPARTMENT_NAME) => text_into(cx, &mut contact.name, name, c),
            Some(n::TELEPHONE) => {
                wrapped_text(cx, c, n::COMPLETE_NUMBER, &mut contact.telephone, phone);
            }
            Some(n::EMAIL) => wrapped_text(cx, c, n::URI_ID, &mut contact.email, email),
            _ => cx.ignore(c),
        }
    }
    contact
}

fn address(cx: &mut Cx<'_>, node: Node<'_, '_>, g: TermPath, t: &[u16; 7]) -> PostalAddress {
    let [l1, l2, l3, city, post, sub, country] = t.map(|t| g.child(Term::bt(t)));
    let mut a = PostalAddress::default();
    for c in elements(node) {
        match key(c) {
            Some(n::POSTCODE) => text_into(cx, &mut a.post_code, post, c),
            Some(n::LINE_ONE) => text_into(cx, &mut a.line1, l1, c),
            Some(n::LINE_TWO) => text_into(cx, &mut a.line2, l2, c),
            Some(n::LINE_THREE) => text_into(cx, &mut a.line3, l3, c),
            Some(n::CITY_NAME) => text_into(cx, &mut a.city, city, c),
            Some(n::COUNTRY_ID) => code_into::<CountryCode>(cx, &mut a.country, country, c),
            Some(n::COUNTRY_SUBDIVISION) => text_into(cx, &mut a.country_subdivision, sub, c),
            _ => cx.ignore(c),
        }
    }
    a
}

fn seller_from(p: Party) -> Seller {
    Seller {
        name: p.name,
        trading_name: p.trading_name,
        identifiers: p.ids,
        legal_registration_id: p.legal_id,
        vat_id: p.vat_id,
        tax_registration_id: p.tax_id,
        additional_legal_info: p.description,
        electronic_address: p.uri,
        address: p.address,
        contact: p.contact,
    }
}

fn buyer_from(p: Party) -> Buyer {
    Buyer {
        name: p.name,
        trading_name: p.trading_name,
        identifier: p.ids.into_iter().next(),
        legal_registration_id: p.legal_id,
        vat_id: p.vat_id,
        electronic_address: p.uri,
        address: p.address,
        contact: p.contact,
    }
}

// ---------------------------------------------------------------- agreement

fn agreement(cx: &mut Cx<'_>, inv: &mut Invoice, node: Node<'_, '_>) -> Result<()> {
    let (mut seller, mut buyer, mut rep) = (false, false, false);
    for c in elements(node) {
        match key(c) {
            Some(n::BUYER_REFERENCE) => text_into(cx, &mut inv.buyer_reference, bt(10), c),
            Some(n::SELLER_PARTY) if !seller => {
                cx.record(TermPath::of(Term::bg(4)), c);
                seller = true;
                inv.seller = seller_from(party(cx, c, &n::SELLER));
            }
            Some(n::BUYER_PARTY) if !buyer => {
                cx.record(TermPath::of(Term::bg(7)), c);
                buyer = true;
                inv.buyer = buyer_from(party(cx, c, &n::BUYER));
            }
            Some(n::TAX_REPRESENTATIVE_PARTY) if !rep => {
                rep = true;
                let p = party(cx, c, &n::TAX_REPRESENTATIVE);
                inv.tax_representative = Some(TaxRepresentative {
                    name: p.name,
                    vat_id: p.vat_id,
                    address: p.address,
                });
            }
            Some(n::SELLER_ORDER_DOC) => {
                let slot = &mut inv.sales_order_reference;
                wrapped_text(cx, c, n::ISSUER_ASSIGNED_ID, slot, bt(14));
            }
            Some(n::BUYER_ORDER_DOC) => {
                let slot = &mut inv.purchase_order_reference;
                wrapped_text(cx, c, n::ISSUER_ASSIGNED_ID, slot, bt(13));
            }
            Some(n::CONTRACT_DOC) => {
                let slot = &mut inv.contract_reference;
                wrapped_text(cx, c, n::ISSUER_ASSIGNED_ID, slot, bt(12));
            }
            Some(n::ADDITIONAL_DOC) => additional_document(cx, inv, c)?,
            Some(n::PROCURING_PROJECT) => {
                for p in elements(c) {
                    match key(p) {
                        Some(n::ID) => text_into(cx, &mut inv.project_reference, bt(11), p),
                        Some(n::NAME) if p.text() == Some(n::PROJECT_NAME_FILLER) => {}
                        _ => cx.ignore(p),
                    }
                }
            }
            _ => cx.ignore(c),
        }
    }
    Ok(())
}

/// A header `ram:AdditionalReferencedDocument`: BT-17 (type 50), BT-18
/// (type 130) or BG-24 (type 916) by its `ram:TypeCode`.
fn additional_document(cx: &mut Cx<'_>, inv: &mut Invoice, node: Node<'_, '_>) -> Result<()> {
    match child_text(node, n::TYPE_CODE) {
        Some(n::TENDER_TYPE_CODE) if inv.tender_reference.is_none() => {
            wrapped_text_except_type(cx, node, &mut inv.tender_reference, bt(17));
        }
        Some(n::OBJECT_TYPE_CODE) if inv.invoiced_object_id.is_none() => {
            inv.invoiced_object_id = Some(object_identifier(cx, node, bt(18), bt_sub(18, 1)));
        }
        Some(n::SUPPORTING_TYPE_CODE) => {
            let index = inv.supporting_documents.len() as u32 + 1;
            let doc = supporting_document(cx, node, index)?;
            inv.supporting_documents.push(doc);
        }
        _ => cx.ignore(node),
    }
    Ok(())
}

fn bt_sub(number: u16, sub: u8) -> TermPath {
    TermPath::of(Term::bt_sub(number, sub))
}

fn wrapped_text_except_type(
    cx: &mut Cx<'_>,
    node: Node<'_, '_>,
    slot: &mut Option<String>,
    path: TermPath,
) {
    for c in elements(node) {
        match key(c) {
            Some(n::ISSUER_ASSIGNED_ID) => text_into(cx, slot, path, c),
            Some(n::TYPE_CODE) => {}
            _ => cx.ignore(c),
        }
    }
}

/// BT-18 / BT-128: `ram:IssuerAssignedID` with its scheme in
/// `ram:ReferenceTypeCode`.
fn object_identifier(
    cx: &mut Cx<'_>,
    node: Node<'_, '_>,
    path: TermPath,
    scheme_path: TermPath,
) -> Identifier {
    let (mut value, mut scheme) = (None, None);
    for c in elements(node) {
        match key(c) {
            Some(n::ISSUER_ASSIGNED_ID) => text_into(cx, &mut value, path, c),
            Some(n::REFERENCE_TYPE_CODE) => text_into(cx, &mut scheme, scheme_path, c),
            Some(n::TYPE_CODE) => {}
            _ => cx.ignore(c),
        }
    }
    Identifier {
        value: value.unwrap_or_default(),
        scheme,
        scheme_name: None,
    }
}

fn supporting_document(
    cx: &mut Cx<'_>,
    node: Node<'_, '_>,
    index: u32,
) -> Result<SupportingDocument> {
    let g = TermPath::root().nth(Term::bg(24), index);
    let mut doc = SupportingDocument::default();
    for c in elements(node) {
        match key(c) {
            Some(n::ISSUER_ASSIGNED_ID) => {
                text_into(cx, &mut doc.reference, g.child(Term::bt(122)), c)
            }
            Some(n::URI_ID) => text_into(cx, &mut doc.external_location, g.child(Term::bt(124)), c),
            Some(n::NAME) => text_into(cx, &mut doc.description, g.child(Term::bt(123)), c),
            Some(n::ATTACHMENT) if doc.attachment.is_none() => {
                let content = cx.base64(g.child(Term::bt(125)), c)?;
                let mime_code = c.attribute("mimeCode").map(|m| {
                    cx.record(g.child(Term::bt_sub(125, 1)), c);
                    m.into()
                });
                let filename = c.attribute("filename").map(|f| {
                    cx.record(g.child(Term::bt_sub(125, 2)), c);
                    f.to_owned()
                });
                doc.attachment = content.map(|content| BinaryObject {
                    content,
                    mime_code,
                    filename,
                });
            }
            Some(n::TYPE_CODE) => {}
            _ => cx.ignore(c),
        }
    }
    Ok(doc)
}

// ---------------------------------------------------------------- delivery

fn delivery(cx: &mut Cx<'_>, inv: &mut Invoice, node: Node<'_, '_>) -> Result<()> {
    let g = bg(13);
    for c in elements(node) {
        match key(c) {
            Some(n::SHIP_TO_PARTY)
                if inv.delivery.as_ref().is_none_or(|d| {
                    d.party_name.is_none() && d.location_id.is_none() && d.address.is_none()
                }) =>
            {
                let p = party(cx, c, &n::DELIVER_TO);
                let d = inv.delivery.get_or_insert_with(Delivery::default);
                d.party_name = p.name;
                d.location_id = p.ids.into_iter().next();
                d.address = p.address;
            }
            Some(n::ACTUAL_DELIVERY) => {
                let d = inv.delivery.get_or_insert_with(Delivery::default);
                for e in elements(c) {
                    if is(e, n::OCCURRENCE_DATE_TIME) {
                        let path = g.child(Term::bt(72));
                        date_into(cx, &mut d.actual_delivery_date, path, e)?;
                    } else {
                        cx.ignore(e);
                    }
                }
            }
            Some(n::DESPATCH_ADVICE_DOC) => {
                let slot = &mut inv.despatch_advice_reference;
                wrapped_text(cx, c, n::ISSUER_ASSIGNED_ID, slot, bt(16));
            }
            Some(n::RECEIVING_ADVICE_DOC) => {
                let slot = &mut inv.receiving_advice_reference;
                wrapped_text(cx, c, n::ISSUER_ASSIGNED_ID, slot, bt(15));
            }
            _ => cx.ignore(c),
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- settlement

fn payment(inv: &mut Invoice) -> &mut PaymentInstructions {
    inv.payment.get_or_insert_with(PaymentInstructions::default)
}

fn direct_debit(inv: &mut Invoice) -> &mut DirectDebit {
    payment(inv)
        .direct_debit
        .get_or_insert_with(DirectDebit::default)
}

fn settlement(cx: &mut Cx<'_>, inv: &mut Invoice, node: Node<'_, '_>) -> Result<()> {
    let pay = bg(16);
    let mut summation = None;
    let mut payee = false;
    for c in elements(node) {
        match key(c) {
            Some(n::CREDITOR_REFERENCE_ID) => {
                let path = pay.child(Term::bg(19)).child(Term::bt(90));
                text_into(cx, &mut direct_debit(inv).creditor_id, path, c);
            }
            Some(n::PAYMENT_REFERENCE) => {
                let path = pay.child(Term::bt(83));
                text_into(cx, &mut payment(inv).remittance_information, path, c);
            }
            Some(n::TAX_CURRENCY_CODE) => {
                code_into::<CurrencyCode>(cx, &mut inv.vat_accounting_currency, bt(6), c);
            }
            Some(n::INVOICE_CURRENCY_CODE) => {
                code_into::<CurrencyCode>(cx, &mut inv.currency, bt(5), c);
            }
            Some(n::PAYEE_PARTY) if !payee => {
                payee = true;
                let p = party(cx, c, &n::PAYEE);
                inv.payee = Some(Payee {
                    name: p.name,
                    identifier: p.ids.into_iter().next(),
                    legal_registration_id: p.legal_id,
                });
            }
            Some(n::PAYMENT_MEANS) => payment_means(cx, inv, c),
            Some(n::TRADE_TAX) => {
                let index = inv.vat_breakdown.len() as u32 + 1;
                let vat = vat_breakdown(cx, inv, c, index)?;
                inv.vat_breakdown.push(vat);
            }
            Some(n::BILLING_PERIOD) if inv.period.is_none() => {
                inv.period = Some(period(cx, c, bg(14), 73, 74)?);
            }
            Some(n::ALLOWANCE_CHARGE) => document_allowance_charge(cx, inv, c)?,
            Some(n::PAYMENT_TERMS) => {
                for t in elements(c) {
                    match key(t) {
                        Some(n::DESCRIPTION) => text_into(cx, &mut inv.payment_terms, bt(20), t),
                        Some(n::DUE_DATE_DATE_TIME) => date_into(cx, &mut inv.due_date, bt(9), t)?,
                        Some(n::MANDATE_ID) => {
                            let path = pay.child(Term::bg(19)).child(Term::bt(89));
                            text_into(cx, &mut direct_debit(inv).mandate_reference, path, t);
                        }
                        _ => cx.ignore(t),
                    }
                }
            }
            // Read last: telling BT-110 from BT-111 needs BT-5 and BT-6.
            Some(n::HEADER_SUMMATION) if summation.is_none() => {
                // The group element itself, even empty (BR-12…15 are
                // evaluated on it).
                cx.record(TermPath::of(Term::bg(22)), c);
                summation = Some(c);
            }
            Some(n::INVOICE_REFERENCED_DOC) => {
                let index = inv.preceding_invoices.len() as u32 + 1;
                let g = TermPath::root().nth(Term::bg(3), index);
                let mut pre = PrecedingInvoice::default();
                for d in elements(c) {
                    match key(d) {
                        Some(n::ISSUER_ASSIGNED_ID) => {
                            text_into(cx, &mut pre.number, g.child(Term::bt(25)), d);
                        }
                        Some(n::FORMATTED_ISSUE_DATE_TIME) => {
                            date_into(cx, &mut pre.issue_date, g.child(Term::bt(26)), d)?;
                        }
                        _ => cx.ignore(d),
                    }
                }
                inv.preceding_invoices.push(pre);
            }
            Some(n::RECEIVABLE_ACCOUNT) => {
                let slot = &mut inv.buyer_accounting_reference;
                wrapped_text(cx, c, n::ID, slot, bt(19));
            }
            _ => cx.ignore(c),
        }
    }
    if let Some(s) = summation {
        totals(cx, inv, s)?;
    }
    Ok(())
}

/// `ram:SpecifiedTradeSettlementPaymentMeans`. CII repeats the means per
/// account, so the type code and text repeat with each credit transfer: an
/// equal repetition is the same term, a differing one is ignored.
fn payment_means(cx: &mut Cx<'_>, inv: &mut Invoice, node: Node<'_, '_>) {
    let g = bg(16);
    let pay = payment(inv);
    let mut transfer: Option<CreditTransfer> = None;
    let index = pay.credit_transfers.len() as u32 + 1;
    let ct = g.nth(Term::bg(17), index);
    for c in elements(node) {
        match key(c) {
            Some(n::TYPE_CODE) => match &pay.means_code {
                Some(code) if code.code() == c.text().unwrap_or("") => {}
                _ => code_into(cx, &mut pay.means_code, g.child(Term::bt(81)), c),
            },
            Some(n::INFORMATION) => match &pay.means_text {
                Some(text) if Some(text.as_str()) == c.text() => {}
                _ => text_into(cx, &mut pay.means_text, g.child(Term::bt(82)), c),
            },
            Some(n::FINANCIAL_CARD) if pay.card.is_none() => {
                let card_g = g.child(Term::bg(18));
                let mut card = PaymentCard::default();
                for k in elements(c) {
                    match key(k) {
                        Some(n::ID) => {
                            let path = card_g.child(Term::bt(87));
                            text_into(cx, &mut card.primary_account_number, path, k);
                        }
                        Some(n::CARDHOLDER_NAME) => {
                            text_into(cx, &mut card.holder_name, card_g.child(Term::bt(88)), k);
                        }
                        _ => cx.ignore(k),
                    }
                }
                pay.card = Some(card);
            }
            Some(n::DEBTOR_ACCOUNT) => {
                let path = g.child(Term::bg(19)).child(Term::bt(91));
                let dd = pay.direct_debit.get_or_insert_with(DirectDebit::default);
                wrapped_text(cx, c, n::IBAN_ID, &mut dd.debited_account_id, path);
            }
            Some(n::CREDITOR_ACCOUNT) => {
                let t = transfer.get_or_insert_with(CreditTransfer::default);
                for a in elements(c) {
                    match key(a) {
                        Some(n::IBAN_ID | n::PROPRIETARY_ID) => {
                            text_into(cx, &mut t.account_id, ct.child(Term::bt(84)), a);
                        }
                        Some(n::ACCOUNT_NAME) => {
                            text_into(cx, &mut t.account_name, ct.child(Term::bt(85)), a);
                        }
                        _ => cx.ignore(a),
                    }
                }
            }
            Some(n::CREDITOR_INSTITUTION) => {
                let t = transfer.get_or_insert_with(CreditTransfer::default);
                let path = ct.child(Term::bt(86));
                wrapped_text(cx, c, n::BIC_ID, &mut t.service_provider_id, path);
            }
            _ => cx.ignore(c),
        }
    }
    if let Some(t) = transfer {
        pay.credit_transfers.push(t);
    }
}

/// A header `ram:ApplicableTradeTax` (BG-23), with BT-7 and BT-8 which CII
/// repeats on each breakdown: the first value is kept, an equal repetition
/// is the same term, a differing one is ignored.
fn vat_breakdown(
    cx: &mut Cx<'_>,
    inv: &mut Invoice,
    node: Node<'_, '_>,
    index: u32,
) -> Result<VatBreakdown> {
    let g = TermPath::root().nth(Term::bg(23), index);
    let at = |t: u16| g.child(Term::bt(t));
    let mut vat = VatBreakdown {
        tax_scheme: Some(String::new()),
        ..VatBreakdown::default()
    };
    let mut type_seen = false;
    for c in elements(node) {
        match key(c) {
            Some(n::CALCULATED_AMOUNT) => decimal_into(cx, &mut vat.tax_amount, at(117), c)?,
            Some(n::TYPE_CODE) => type_code_into(cx, &mut vat.tax_scheme, &mut type_seen, c),
            Some(n::EXEMPTION_REASON) => text_into(cx, &mut vat.exemption_reason, at(120), c),
            Some(n::BASIS_AMOUNT) => decimal_into(cx, &mut vat.taxable_amount, at(116), c)?,
            Some(n::CATEGORY_CODE) => code_into(cx, &mut vat.category, at(118), c),
            Some(n::EXEMPTION_REASON_CODE) => {
                code_into(cx, &mut vat.exemption_reason_code, at(121), c);
            }
            Some(n::TAX_POINT_DATE) => {
                let date = date_of(cx, bt(7), c)?;
                match (&inv.vat_point_date, date) {
                    (None, date) => inv.vat_point_date = date,
                    (Some(first), Some(date)) if *first == date => {}
                    _ => cx.ignore(c),
                }
            }
            Some(n::DUE_DATE_TYPE_CODE) => {
                let code = VatPointDateCode::from_cii_code(c.text().unwrap_or(""));
                match &inv.vat_point_date_code {
                    None => {
                        cx.record(bt(8), c);
                        inv.vat_point_date_code = Some(code);
                    }
                    Some(first) if *first == code => {}
                    Some(_) => cx.ignore(c),
                }
            }
            Some(n::RATE_PERCENT) => decimal_into(cx, &mut vat.rate, at(119), c)?,
            _ => cx.ignore(c),
        }
    }
    Ok(vat)
}

fn period(
    cx: &mut Cx<'_>,
    node: Node<'_, '_>,
    g: TermPath,
    start: u16,
    end: u16,
) -> Result<Period> {
    let mut p = Period::default();
    for c in elements(node) {
        match key(c) {
            Some(n::START_DATE_TIME) => date_into(cx, &mut p.start, g.child(Term::bt(start)), c)?,
            Some(n::END_DATE_TIME) => date_into(cx, &mut p.end, g.child(Term::bt(end)), c)?,
            _ => cx.ignore(c),
        }
    }
    Ok(p)
}

/// An allowance or charge as CII writes it, before it becomes one of the
/// four model groups.
#[derive(Default)]
struct AllowanceCharge {
    amount: Option<Decimal>,
    base: Option<Decimal>,
    percentage: Option<Decimal>,
    category: Option<String>,
    rate: Option<Decimal>,
    tax_scheme: Option<String>,
    reason: Option<String>,
    reason_code: Option<String>,
}

/// `ram:SpecifiedTradeAllowanceCharge` in group `g` whose terms are, in
/// order, amount, base amount, percentage, VAT category, VAT rate, reason,
/// reason code (VAT terms `None` on lines).
fn allowance_charge(
    cx: &mut Cx<'_>,
    node: Node<'_, '_>,
    g: TermPath,
    t: [Option<u16>; 7],
) -> Result<AllowanceCharge> {
    let [amount, base, pct, cat, rate, reason, code] = t.map(|t| t.map(|t| g.child(Term::bt(t))));
    let mut ac = AllowanceCharge::default();
    for c in elements(node) {
        match (key(c), amount, base, pct, reason, code) {
            (Some(n::CHARGE_INDICATOR), ..) => {}
            (Some(n::ACTUAL_AMOUNT), Some(p), ..) => decimal_into(cx, &mut ac.amount, p, c)?,
            (Some(n::BASIS_AMOUNT), _, Some(p), ..) => decimal_into(cx, &mut ac.base, p, c)?,
            (Some(n::CALCULATION_PERCENT), _, _, Some(p), ..) => {
                decimal_into(cx, &mut ac.percentage, p, c)?;
            }
            (Some(n::REASON), _, _, _, Some(p), _) => text_into(cx, &mut ac.reason, p, c),
            (Some(n::REASON_CODE), _, _, _, _, Some(p)) => text_into(cx, &mut ac.reason_code, p, c),
            (Some(n::CATEGORY_TRADE_TAX), ..)
                if cat.is_some() && ac.category.is_none() && ac.rate.is_none() =>
            {
                let mut type_seen = false;
                ac.tax_scheme = Some(String::new());
                for v in elements(c) {
                    match (key(v), cat, rate) {
                        (Some(n::TYPE_CODE), ..) => {
                            type_code_into(cx, &mut ac.tax_scheme, &mut type_seen, v)
                        }
                        (Some(n::CATEGORY_CODE), Some(p), _) => {
                            text_into(cx, &mut ac.category, p, v)
                        }
                        (Some(n::RATE_PERCENT), _, Some(p)) => {
                            decimal_into(cx, &mut ac.rate, p, v)?
                        }
                        _ => cx.ignore(v),
                    }
                }
            }
            _ => cx.ignore(c),
        }
    }
    Ok(ac)
}

fn document_allowance_charge(cx: &mut Cx<'_>, inv: &mut Invoice, node: Node<'_, '_>) -> Result<()> {
    match indicator_of(node) {
        Some(false) => {
            let g = TermPath::root().nth(Term::bg(20), inv.allowances.len() as u32 + 1);
            let t = [92, 93, 94, 95, 96, 97, 98].map(Some);
            let ac = allowance_charge(cx, node, g, t)?;
            inv.allowances.push(DocumentAllowance {
                amount: ac.amount,
                base_amount: ac.base,
                percentage: ac.percentage,
                vat_category: ac.category.map(Into::into),
                vat_rate: ac.rate,
                tax_scheme: ac.tax_scheme,
                reason: ac.reason,
                reason_code: ac.reason_code.map(Into::into),
            });
        }
        Some(true) => {
            let g = TermPath::root().nth(Term::bg(21), inv.charges.len() as u32 + 1);
            let t = [99, 100, 101, 102, 103, 104, 105].map(Some);
            let ac = allowance_charge(cx, node, g, t)?;
            inv.charges.push(DocumentCharge {
                amount: ac.amount,
                base_amount: ac.base,
                percentage: ac.percentage,
                vat_category: ac.category.map(Into::into),
                vat_rate: ac.rate,
                tax_scheme: ac.tax_scheme,
                reason: ac.reason,
                reason_code: ac.reason_code.map(Into::into),
            });
        }
        None => cx.ignore(node),
    }
    Ok(())
}

/// The `ram:ChargeIndicator/udt:Indicator` of an allowance or charge.
fn indicator_of(node: Node<'_, '_>) -> Option<bool> {
    elements(node)
        .find(|c| is(*c, n::CHARGE_INDICATOR))
        .and_then(indicator)
}

/// `ram:SpecifiedTradeSettlementHeaderMonetarySummation` (BG-22). BT-111 is
/// the `ram:TaxTotalAmount` whose `currencyID` is BT-6; when BT-6 equals
/// BT-5, the second one.
fn totals(cx: &mut Cx<'_>, inv: &mut Invoice, node: Node<'_, '_>) -> Result<()> {
    let g = bg(22);
    let at = |t: u16| g.child(Term::bt(t));
    let accounting = inv
        .vat_accounting_currency
        .as_ref()
        .map(|c| c.code().to_owned());
    let invoice = inv.currency.as_ref().map(|c| c.code().to_owned());
    let totals = &mut inv.totals;
    for c in elements(node) {
        match key(c) {
            Some(n::LINE_TOTAL_AMOUNT) => decimal_into(cx, &mut totals.line_net_total, at(106), c)?,
            Some(n::CHARGE_TOTAL_AMOUNT) => decimal_into(cx, &mut totals.charge_total, at(108), c)?,
            Some(n::ALLOWANCE_TOTAL_AMOUNT) => {
                decimal_into(cx, &mut totals.allowance_total, at(107), c)?;
            }
            Some(n::TAX_BASIS_TOTAL_AMOUNT) => {
                decimal_into(cx, &mut totals.tax_exclusive_amount, at(109), c)?;
            }
            Some(n::TAX_TOTAL_AMOUNT) => {
                let currency = c.attribute("currencyID");
                let in_accounting = accounting.is_some()
                    && currency == accounting.as_deref()
                    && (accounting != invoice || totals.tax_amount.is_some());
                if in_accounting && totals.tax_amount_accounting.is_none() {
                    totals.tax_amount_accounting =
                        cx.decimal(at(111), c)?.map(|amount| TaxAmountInCurrency {
                            amount,
                            currency: currency.map(CurrencyCode::from),
                        });
                } else {
                    decimal_into(cx, &mut totals.tax_amount, at(110), c)?;
                }
            }
            Some(n::ROUNDING_AMOUNT) => decimal_into(cx, &mut totals.rounding_amount, at(114), c)?,
            Some(n::GRAND_TOTAL_AMOUNT) => {
                decimal_into(cx, &mut totals.tax_inclusive_amount, at(112), c)?;
            }
            Some(n::TOTAL_PREPAID_AMOUNT) => {
                decimal_into(cx, &mut totals.prepaid_amount, at(113), c)?;
            }
            Some(n::DUE_PAYABLE_AMOUNT) => decimal_into(cx, &mut totals.amount_due, at(115), c)?,
            _ => cx.ignore(c),
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- lines

fn line(cx: &mut Cx<'_>, node: Node<'_, '_>, index: u32) -> Result<InvoiceLine> {
    let g = TermPath::root().nth(Term::bg(25), index);
    let at = |t: u16| g.child(Term::bt(t));
    let mut line = InvoiceLine::default();
    for c in elements(node) {
        match key(c) {
            Some(n::LINE_DOCUMENT) => {
                for d in elements(c) {
                    match key(d) {
                        Some(n::LINE_ID) => text_into(cx, &mut line.id, at(126), d),
                        Some(n::INCLUDED_NOTE) if line.note.is_none() => {
                            wrapped_text(cx, d, n::CONTENT, &mut line.note, at(127));
                        }
                        _ => cx.ignore(d),
                    }
                }
            }
            Some(n::TRADE_PRODUCT) if line.item.is_none() => {
                line.item = Some(item(cx, c, g.child(Term::bg(31))));
            }
            Some(n::LINE_AGREEMENT) => {
                // The net price first: its base quantity (BT-149) wins over
                // a differing one on the gross price.
                let price_g = g.child(Term::bg(29));
                for a in elements(c) {
                    match key(a) {
                        Some(n::BUYER_ORDER_DOC) => {
                            let slot = &mut line.order_line_reference;
                            wrapped_text(cx, a, n::LINE_ID, slot, at(132));
                        }
                        Some(n::NET_PRICE)
                            if line.price.as_ref().is_none_or(|p| p.net_price.is_none()) =>
                        {
                            let price = line.price.get_or_insert_with(PriceDetails::default);
                            price_element(cx, a, price_g, price, false)?;
                        }
                        Some(n::GROSS_PRICE) => {}
                        _ => cx.ignore(a),
                    }
                }
                for a in elements(c).filter(|a| is(*a, n::GROSS_PRICE)) {
                    let price = line.price.get_or_insert_with(PriceDetails::default);
                    if price.gross_price.is_some() {
                        cx.ignore(a);
                    } else {
                        price_element(cx, a, price_g, price, true)?;
                    }
                }
            }
            Some(n::LINE_DELIVERY) => {
                for d in elements(c) {
                    if is(d, n::BILLED_QUANTITY) && line.quantity.is_none() {
                        line.quantity = cx.decimal(at(129), d)?;
                        line.unit_code = d.attribute("unitCode").map(|u| {
                            cx.record(at(130), d);
                            UnitCode::from(u)
                        });
                    } else {
                        cx.ignore(d);
                    }
                }
            }
            Some(n::LINE_SETTLEMENT) => line_settlement(cx, c, g, &mut line)?,
            _ => cx.ignore(c),
        }
    }
    Ok(line)
}

fn line_settlement(
    cx: &mut Cx<'_>,
    node: Node<'_, '_>,
    g: TermPath,
    line: &mut InvoiceLine,
) -> Result<()> {
    let at = |t: u16| g.child(Term::bt(t));
    for s in elements(node) {
        match key(s) {
            Some(n::TRADE_TAX) if line.vat.is_none() => {
                let v = g.child(Term::bg(30));
                let mut vat = LineVat {
                    tax_scheme: Some(String::new()),
                    ..LineVat::default()
                };
                let mut type_seen = false;
                for t in elements(s) {
                    match key(t) {
                        Some(n::TYPE_CODE) => {
                            type_code_into(cx, &mut vat.tax_scheme, &mut type_seen, t)
                        }
                        Some(n::CATEGORY_CODE) => {
                            code_into(cx, &mut vat.category, v.child(Term::bt(151)), t);
                        }
                        Some(n::RATE_PERCENT) => {
                            decimal_into(cx, &mut vat.rate, v.child(Term::bt(152)), t)?;
                        }
                        _ => cx.ignore(t),
                    }
                }
                line.vat = Some(vat);
            }
            Some(n::BILLING_PERIOD) if line.period.is_none() => {
                line.period = Some(period(cx, s, g.child(Term::bg(26)), 134, 135)?);
            }
            Some(n::ALLOWANCE_CHARGE) => match indicator_of(s) {
                Some(false) => {
                    let ag = g.nth(Term::bg(27), line.allowances.len() as u32 + 1);
                    let t = [
                        Some(136),
                        Some(137),
                        Some(138),
                        None,
                        None,
                        Some(139),
                        Some(140),
                    ];
                    let ac = allowance_charge(cx, s, ag, t)?;
                    line.allowances.push(LineAllowance {
                        amount: ac.amount,
                        base_amount: ac.base,
                        percentage: ac.percentage,
                        reason: ac.reason,
                        reason_code: ac.reason_code.map(Into::into),
                    });
                }
                Some(true) => {
                    let cg = g.nth(Term::bg(28), line.charges.len() as u32 + 1);
                    let t = [
                        Some(141),
                        Some(142),
                        Some(143),
                        None,
                        None,
                        Some(144),
                        Some(145),
                    ];
                    let ac = allowance_charge(cx, s, cg, t)?;
                    line.charges.push(LineCharge {
                        amount: ac.amount,
                        base_amount: ac.base,
                        percentage: ac.percentage,
                        reason: ac.reason,
                        reason_code: ac.reason_code.map(Into::into),
                    });
                }
                None => cx.ignore(s),
            },
            Some(n::LINE_SUMMATION) => {
                for m in elements(s) {
                    if is(m, n::LINE_TOTAL_AMOUNT) {
                        decimal_into(cx, &mut line.net_amount, at(131), m)?;
                    } else {
                        cx.ignore(m);
                    }
                }
            }
            Some(n::ADDITIONAL_DOC)
                if line.object_id.is_none()
                    && child_text(s, n::TYPE_CODE) == Some(n::OBJECT_TYPE_CODE) =>
            {
                let scheme = g.child(Term::bt_sub(128, 1));
                line.object_id = Some(object_identifier(cx, s, at(128), scheme));
            }
            Some(n::RECEIVABLE_ACCOUNT) => {
                let slot = &mut line.buyer_accounting_reference;
                wrapped_text(cx, s, n::ID, slot, at(133));
            }
            _ => cx.ignore(s),
        }
    }
    Ok(())
}

/// `ram:GrossPriceProductTradePrice` (BT-148, BT-147 in its allowance) or
/// `ram:NetPriceProductTradePrice` (BT-146); both may carry BT-149/BT-150,
/// which the model holds once.
fn price_element(
    cx: &mut Cx<'_>,
    node: Node<'_, '_>,
    g: TermPath,
    price: &mut PriceDetails,
    gross: bool,
) -> Result<()> {
    let at = |t: u16| g.child(Term::bt(t));
    for c in elements(node) {
        match key(c) {
            Some(n::CHARGE_AMOUNT) => {
                let slot = if gross {
                    &mut price.gross_price
                } else {
                    &mut price.net_price
                };
                decimal_into(cx, slot, at(if gross { 148 } else { 146 }), c)?;
            }
            Some(n::BASIS_QUANTITY) => {
                let unit = c.attribute("unitCode").map(UnitCode::from);
                match &price.base_quantity {
                    None => {
                        price.base_quantity = cx.decimal(at(149), c)?;
                        if unit.is_some() {
                            cx.record(at(150), c);
                        }
                        price.base_quantity_unit = unit;
                    }
                    Some(q) => {
                        let raw = c.text().unwrap_or("");
                        let same = crate::syntax::lexical::decimal(raw).ok() == Some(*q)
                            && unit == price.base_quantity_unit;
                        if !same {
                            cx.ignore(c);
                        }
                    }
                }
            }
            Some(n::APPLIED_ALLOWANCE_CHARGE)
                if gross && price.discount.is_none() && indicator_of(c) == Some(false) =>
            {
                for a in elements(c) {
                    match key(a) {
                        Some(n::CHARGE_INDICATOR) => {}
                        Some(n::ACTUAL_AMOUNT) => {
                            decimal_into(cx, &mut price.discount, at(147), a)?
                        }
                        _ => cx.ignore(a),
                    }
                }
            }
            _ => cx.ignore(c),
        }
    }
    Ok(())
}

fn item(cx: &mut Cx<'_>, node: Node<'_, '_>, g: TermPath) -> Item {
    let at = |t: u16| g.child(Term::bt(t));
    let mut item = Item::default();
    for c in elements(node) {
        match key(c) {
            Some(n::GLOBAL_ID) if item.standard_id.is_none() => {
                item.standard_id = Some(identifier(cx, at(157), g.child(Term::bt_sub(157, 1)), c));
            }
            Some(n::SELLER_ASSIGNED_ID) => text_into(cx, &mut item.seller_id, at(155), c),
            Some(n::BUYER_ASSIGNED_ID) => text_into(cx, &mut item.buyer_id, at(156), c),
            Some(n::NAME) => text_into(cx, &mut item.name, at(153), c),
            Some(n::DESCRIPTION) => text_into(cx, &mut item.description, at(154), c),
            Some(n::PRODUCT_CHARACTERISTIC) => {
                let a = g.nth(Term::bg(32), item.attributes.len() as u32 + 1);
                let mut attr = ItemAttribute::default();
                for p in elements(c) {
                    match key(p) {
                        Some(n::DESCRIPTION) => {
                            text_into(cx, &mut attr.name, a.child(Term::bt(160)), p)
                        }
                        Some(n::VALUE) => text_into(cx, &mut attr.value, a.child(Term::bt(161)), p),
                        _ => cx.ignore(p),
                    }
                }
                item.attributes.push(attr);
            }
            Some(n::PRODUCT_CLASSIFICATION) => {
                let i = item.classifications.len() as u32 + 1;
                let mut class = None;
                for p in elements(c) {
                    if is(p, n::CLASS_CODE) && class.is_none() {
                        let value = cx.string(g.nth(Term::bt(158), i), p);
                        let scheme = p.attribute("listID").map(|s| {
                            cx.record(g.nth(Term::bt_sub(158, 1), i), p);
                            s.to_owned()
                        });
                        let scheme_version = p.attribute("listVersionID").map(|s| {
                            cx.record(g.nth(Term::bt_sub(158, 2), i), p);
                            s.to_owned()
                        });
                        class = Some(ClassificationIdentifier {
                            value,
                            scheme,
                            scheme_version,
                        });
                    } else {
                        cx.ignore(p);
                    }
                }
                item.classifications.extend(class);
            }
            Some(n::ORIGIN_COUNTRY) => {
                let mut country = None;
                wrapped_text(cx, c, n::ID, &mut country, at(159));
                if item.origin_country.is_none() {
                    item.origin_country = country.map(CountryCode::from);
                }
            }
            _ => cx.ignore(c),
        }
    }
    item
}
