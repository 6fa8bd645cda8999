//! UBL 2.1 `Invoice` / `CreditNote` → EN 16931 model, as the CEN/TC 434
//! UBL binding maps it.
//!
//! One pass over the tree in document order. The nesting walked is the fixed
//! shape of the binding (at most six levels below the root), so there is no
//! recursion on input. Every element the binding does not map (or a
//! repetition the model has no room for) is recorded with
//! [`ReadContext::ignore`]; elements read only to decide where a value goes
//! (`cbc:ChargeIndicator`, `cbc:DocumentTypeCode` 130/50) are consumed
//! silently. The `cac:TaxScheme/cbc:ID` of a tax category is the model's
//! `tax_scheme`: `None` when `normalize-space(upper-case(cbc:ID)) = 'VAT'`
//! (for one of its `cac:TaxScheme`), else the identifier, `""` without one.
//!
//! Readings of the binding worth knowing:
//! - BT-21 (note subject code) has no UBL element: it is the `#CODE#` prefix
//!   of `cbc:Note`, as Peppol BIS 3 writes it.
//! - BT-90 is a `cac:PartyIdentification/cbc:ID` with `schemeID="SEPA"` of
//!   the seller or the payee.
//! - BT-111 is the `cac:TaxTotal` without subtotals whose amount is in the
//!   VAT accounting currency (BT-6); BT-110 is the one with the subtotals.
//! - Several `cac:PaymentMeans` are one BG-16 with several BG-17: the
//!   first gives BT-81/82/83, BG-18 and BG-19; later ones add their
//!   `cac:PayeeFinancialAccount`, and whatever they hold that differs from
//!   the first is reported as ignored.
//! - An empty `cac:OrderReference/cbc:ID` (which UBL requires when only
//!   BT-14 is known) is no BT-13.

use super::names as n;
use crate::error::{Error, Result};
use crate::model::*;
use crate::syntax::node::{ReadContext, elements};
use crate::syntax::tree::Node;
use crate::syntax::{Document, ReadOptions, Syntax, UBL_CREDIT_NOTE_NS, UBL_INVOICE_NS};

/// Reads a parsed UBL document.
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
    let root = doc.root_element();
    let name = root.tag_name();
    let (syntax, credit) = match (name.namespace(), name.name()) {
        (Some(UBL_INVOICE_NS), "Invoice") => (Syntax::UblInvoice, false),
        (Some(UBL_CREDIT_NOTE_NS), "CreditNote") => (Syntax::UblCreditNote, true),
        _ => {
            return Err(Error::UnknownDocument {
                root: name.name().to_owned(),
                expected: "a UBL 2.1 Invoice or CreditNote",
                pos: TextPos::at(text, root.range().start),
            });
        }
    };
    let mut r = Reader {
        cx: ReadContext::with_options(text, options),
        inv: Invoice::default(),
        credit,
    };
    r.root(root)?;
    let Reader { cx, inv, .. } = r;
    Ok(Document {
        syntax,
        invoice: inv,
        source_map: cx.source_map,
        ignored: cx.ignored,
        unreadable: cx.unreadable,
    })
}

fn bt(number: u16) -> Term {
    Term::bt(number)
}

fn bg(number: u16) -> Term {
    Term::bg(number)
}

fn top(number: u16) -> TermPath {
    TermPath::of(bt(number))
}

fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The trimmed text of the first child element named `name`.
fn child_text<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    elements(node)
        .find(|c| n::of(*c) == Some(name))
        .map(|c| c.text().unwrap_or("").trim())
}

fn attr(node: Node<'_, '_>, name: &str) -> Option<String> {
    node.attribute(name).map(str::to_owned)
}

/// `Some(v)` when `v` holds something, `None` otherwise: for the groups the
/// model gathers from several places of the document (BG-16, BG-19), which
/// exist only when one of their terms was read. Groups that are one element
/// (an address, a contact, a period…) are `Some` whenever the element is
/// present, even empty: the rules must see an empty group.
fn non_empty<T: Default + PartialEq>(v: T) -> Option<T> {
    (v != T::default()).then_some(v)
}

/// Splits a `cbc:Note` into its BT-21 subject code (a `#CODE#` prefix) and
/// the BT-22 text.
pub(super) fn split_note(raw: &str) -> (Option<&str>, &str) {
    if let Some(rest) = raw.strip_prefix('#')
        && let Some((code, text)) = rest.split_once('#')
        && !code.is_empty()
        && code.len() <= 3
        && code.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        return (Some(code), text);
    }
    (None, raw)
}

/// The business term numbers a party role uses (0: the role has no such
/// term, so the element is ignored).
struct PartyTerms {
    group: u16,
    endpoint: u16,
    id: u16,
    many_ids: bool,
    sepa: bool,
    party_name: u16,
    registration_name: u16,
    legal_id: u16,
    legal_form: u16,
    vat: u16,
    tax_registration: u16,
    address: Option<(u16, AddressTerms)>,
    contact: Option<(u16, [u16; 3])>,
}

/// BT numbers of line 1, line 2, line 3, city, post code, subdivision,
/// country.
type AddressTerms = [u16; 7];

const SELLER: PartyTerms = PartyTerms {
    group: 4,
    endpoint: 34,
    id: 29,
    many_ids: true,
    sepa: true,
    party_name: 28,
    registration_name: 27,
    legal_id: 30,
    legal_form: 33,
    vat: 31,
    tax_registration: 32,
    address: Some((5, [35, 36, 162, 37, 38, 39, 40])),
    contact: Some((6, [41, 42, 43])),
};

const BUYER: PartyTerms = PartyTerms {
    group: 7,
    endpoint: 49,
    id: 46,
    many_ids: false,
    sepa: false,
    party_name: 45,
    registration_name: 44,
    legal_id: 47,
    legal_form: 0,
    vat: 48,
    tax_registration: 0,
    address: Some((8, [50, 51, 163, 52, 53, 54, 55])),
    contact: Some((9, [56, 57, 58])),
};

const PAYEE: PartyTerms = PartyTerms {
    group: 10,
    endpoint: 0,
    id: 60,
    many_ids: false,
    sepa: true,
    party_name: 59,
    registration_name: 0,
    legal_id: 61,
    legal_form: 0,
    vat: 0,
    tax_registration: 0,
    address: None,
    contact: None,
};

const TAX_REPRESENTATIVE: PartyTerms = PartyTerms {
    group: 11,
    endpoint: 0,
    id: 0,
    many_ids: false,
    sepa: false,
    party_name: 62,
    registration_name: 0,
    legal_id: 0,
    legal_form: 0,
    vat: 63,
    tax_registration: 0,
    address: Some((12, [64, 65, 164, 66, 67, 68, 69])),
    contact: None,
};

/// BG-15 Deliver to address.
const DELIVER_TO_ADDRESS: AddressTerms = [75, 76, 165, 77, 78, 79, 80];

/// A party as UBL holds it, before it becomes a role of the model.
#[derive(Default)]
struct PartyRead {
    endpoint: Option<Identifier>,
    ids: Vec<Identifier>,
    party_name: Option<String>,
    registration_name: Option<String>,
    legal_id: Option<Identifier>,
    legal_form: Option<String>,
    vat: Option<String>,
    tax_registration: Option<String>,
    address: Option<PostalAddress>,
    contact: Option<Contact>,
}

/// An allowance or charge as UBL holds it (document, line or price level).
#[derive(Default)]
struct AllowanceCharge {
    amount: Option<Decimal>,
    base_amount: Option<Decimal>,
    percentage: Option<Decimal>,
    vat_category: Option<VatCategoryCode>,
    vat_rate: Option<Decimal>,
    tax_scheme: Option<String>,
    reason: Option<String>,
    reason_code: Option<String>,
}

/// BT numbers of amount, base amount, percentage, VAT category, VAT rate,
/// reason, reason code (0: not at this level).
type AllowanceChargeTerms = [u16; 7];

const DOC_ALLOWANCE: AllowanceChargeTerms = [92, 93, 94, 95, 96, 97, 98];
const DOC_CHARGE: AllowanceChargeTerms = [99, 100, 101, 102, 103, 104, 105];
const LINE_ALLOWANCE: AllowanceChargeTerms = [136, 137, 138, 0, 0, 139, 140];
const LINE_CHARGE: AllowanceChargeTerms = [141, 142, 143, 0, 0, 144, 145];

struct Reader<'a> {
    cx: ReadContext<'a>,
    inv: Invoice,
    credit: bool,
}

/// Sets `slot` from `read` unless it already holds a value, in which case
/// `node` is a repetition the model cannot hold and is ignored.
macro_rules! once {
    ($self:ident, $slot:expr, $node:expr, $read:expr) => {
        if $slot.is_none() {
            $slot = Some($read);
        } else {
            $self.cx.ignore($node);
        }
    };
}

/// [`once!`] for a typed read, whose value is `None` when a lenient read
/// could not read it (the slot is then left empty).
macro_rules! once_read {
    ($self:ident, $slot:expr, $node:expr, $read:expr) => {
        if $slot.is_none() {
            $slot = $read;
        } else {
            $self.cx.ignore($node);
        }
    };
}

impl Reader<'_> {
    fn string(&mut self, path: TermPath, node: Node<'_, '_>) -> String {
        self.cx.string(path, node)
    }

    fn id(&mut self, path: TermPath, node: Node<'_, '_>) -> Identifier {
        Identifier {
            value: self.cx.string(path, node),
            scheme: attr(node, n::SCHEME_ID),
            scheme_name: attr(node, n::SCHEME_NAME),
        }
    }

    fn root(&mut self, root: Node<'_, '_>) -> Result<()> {
        let mut notes = 0;
        let mut preceding = 0;
        let mut documents = 0;
        let mut allowances = 0;
        let mut charges = 0;
        let mut lines = 0;
        let mut payment_means = false;
        for c in elements(root) {
            match n::of(c) {
                Some(n::CUSTOMIZATION_ID) => {
                    let path = TermPath::of(bg(2)).child(bt(24));
                    once!(
                        self,
                        self.inv.process.specification,
                        c,
                        self.string(path, c)
                    );
                }
                Some(n::PROFILE_ID) => {
                    let path = TermPath::of(bg(2)).child(bt(23));
                    once!(
                        self,
                        self.inv.process.business_process,
                        c,
                        self.string(path, c)
                    );
                }
                Some(n::ID) => once!(self, self.inv.number, c, self.string(top(1), c)),
                Some(n::ISSUE_DATE) => {
                    once_read!(self, self.inv.issue_date, c, self.cx.iso_date(top(2), c)?)
                }
                Some(n::DUE_DATE) if !self.credit => {
                    once_read!(self, self.inv.due_date, c, self.cx.iso_date(top(9), c)?)
                }
                Some(n::INVOICE_TYPE_CODE) if !self.credit => {
                    once!(self, self.inv.type_code, c, self.string(top(3), c).into())
                }
                Some(n::CREDIT_NOTE_TYPE_CODE) if self.credit => {
                    once!(self, self.inv.type_code, c, self.string(top(3), c).into())
                }
                Some(n::NOTE) => {
                    notes += 1;
                    let path = TermPath::root().nth(bg(1), notes);
                    self.cx.record(path.child(bt(22)), c);
                    let raw = c.text().unwrap_or("");
                    let (code, text) = split_note(raw);
                    if code.is_some() {
                        self.cx.record(path.child(bt(21)), c);
                    }
                    // `#AAA#` alone is a subject code without a note text.
                    let text = (code.is_none() || !text.is_empty()).then(|| text.to_owned());
                    self.inv.notes.push(Note {
                        subject_code: code.map(TextSubjectCode::from),
                        text,
                    });
                }
                Some(n::TAX_POINT_DATE) => {
                    once_read!(
                        self,
                        self.inv.vat_point_date,
                        c,
                        self.cx.iso_date(top(7), c)?
                    )
                }
                Some(n::DOCUMENT_CURRENCY_CODE) => {
                    once!(self, self.inv.currency, c, self.string(top(5), c).into())
                }
                Some(n::TAX_CURRENCY_CODE) => {
                    once!(
                        self,
                        self.inv.vat_accounting_currency,
                        c,
                        self.string(top(6), c).into()
                    )
                }
                Some(n::ACCOUNTING_COST) => {
                    once!(
                        self,
                        self.inv.buyer_accounting_reference,
                        c,
                        self.string(top(19), c)
                    )
                }
                Some(n::BUYER_REFERENCE) => {
                    once!(self, self.inv.buyer_reference, c, self.string(top(10), c))
                }
                Some(n::INVOICE_PERIOD) if self.inv.period.is_none() => {
                    self.invoice_period(c)?;
                }
                Some(n::ORDER_REFERENCE) => self.order_reference(c),
                Some(n::BILLING_REFERENCE) => self.billing_reference(c, &mut preceding)?,
                Some(n::DESPATCH_DOCUMENT_REFERENCE) => {
                    let slot = self.inv.despatch_advice_reference.take();
                    self.inv.despatch_advice_reference = self.reference_id(c, slot, 16);
                }
                Some(n::RECEIPT_DOCUMENT_REFERENCE) => {
                    let slot = self.inv.receiving_advice_reference.take();
                    self.inv.receiving_advice_reference = self.reference_id(c, slot, 15);
                }
                Some(n::ORIGINATOR_DOCUMENT_REFERENCE) => {
                    let slot = self.inv.tender_reference.take();
                    self.inv.tender_reference = self.reference_id(c, slot, 17);
                }
                Some(n::CONTRACT_DOCUMENT_REFERENCE) => {
                    let slot = self.inv.contract_reference.take();
                    self.inv.contract_reference = self.reference_id(c, slot, 12);
                }
                Some(n::ADDITIONAL_DOCUMENT_REFERENCE) => {
                    self.additional_document(c, &mut documents)?
                }
                Some(n::PROJECT_REFERENCE) if !self.credit => {
                    let slot = self.inv.project_reference.take();
                    self.inv.project_reference = self.reference_id(c, slot, 11);
                }
                Some(n::ACCOUNTING_SUPPLIER_PARTY) => {
                    // The group element itself, even empty: the official
                    // rules evaluated on it (BR-CO-26) need to know.
                    self.cx.record(TermPath::of(bg(4)), c);
                    if let Some(p) = self.party_wrapper(c, &SELLER) {
                        self.inv.seller = Seller {
                            name: p.registration_name,
                            trading_name: p.party_name,
                            identifiers: p.ids,
                            legal_registration_id: p.legal_id,
                            vat_id: p.vat,
                            tax_registration_id: p.tax_registration,
                            additional_legal_info: p.legal_form,
                            electronic_address: p.endpoint,
                            address: p.address,
                            contact: p.contact,
                        };
                    }
                }
                Some(n::ACCOUNTING_CUSTOMER_PARTY) => {
                    self.cx.record(TermPath::of(bg(7)), c);
                    if let Some(p) = self.party_wrapper(c, &BUYER) {
                        self.inv.buyer = Buyer {
                            name: p.registration_name,
                            trading_name: p.party_name,
                            identifier: p.ids.into_iter().next(),
                            legal_registration_id: p.legal_id,
                            vat_id: p.vat,
                            electronic_address: p.endpoint,
                            address: p.address,
                            contact: p.contact,
                        };
                    }
                }
                Some(n::PAYEE_PARTY) if self.inv.payee.is_none() => {
                    let p = self.party(c, &PAYEE);
                    self.inv.payee = Some(Payee {
                        name: p.party_name,
                        identifier: p.ids.into_iter().next(),
                        legal_registration_id: p.legal_id,
                    });
                }
                Some(n::TAX_REPRESENTATIVE_PARTY) if self.inv.tax_representative.is_none() => {
                    let p = self.party(c, &TAX_REPRESENTATIVE);
                    self.inv.tax_representative = Some(TaxRepresentative {
                        name: p.party_name,
                        vat_id: p.vat,
                        address: p.address,
                    });
                }
                Some(n::DELIVERY) if self.inv.delivery.is_none() => self.delivery(c)?,
                Some(n::PAYMENT_MEANS) => {
                    payment_means = true;
                    self.payment_means(c)?
                }
                Some(n::PAYMENT_TERMS) => self.payment_terms(c),
                Some(n::ALLOWANCE_CHARGE) => {
                    self.document_allowance_charge(c, &mut allowances, &mut charges)?
                }
                Some(n::TAX_TOTAL) => self.tax_total(c)?,
                Some(n::LEGAL_MONETARY_TOTAL) => {
                    self.cx.record(TermPath::of(bg(22)), c);
                    self.monetary_total(c)?
                }
                // The official rules read `cac:InvoiceLine | cac:CreditNoteLine`
                // in either document; the XSD is what refuses the wrong one.
                Some(n::INVOICE_LINE | n::CREDIT_NOTE_LINE) => self.line(c, &mut lines)?,
                _ => self.cx.ignore(c),
            }
        }
        // BG-16 exists when a cac:PaymentMeans does (even empty: BR-49 must
        // see it), or when a term of it was read elsewhere (BT-90).
        let payment = self.inv.payment.take();
        self.inv.payment = if payment_means {
            Some(payment.unwrap_or_default())
        } else {
            payment.and_then(non_empty)
        };
        Ok(())
    }

    fn invoice_period(&mut self, node: Node<'_, '_>) -> Result<()> {
        let mut period = Period::default();
        let base = TermPath::of(bg(14));
        for c in elements(node) {
            match n::of(c) {
                Some(n::START_DATE) => {
                    once_read!(
                        self,
                        period.start,
                        c,
                        self.cx.iso_date(base.child(bt(73)), c)?
                    )
                }
                Some(n::END_DATE) => {
                    once_read!(
                        self,
                        period.end,
                        c,
                        self.cx.iso_date(base.child(bt(74)), c)?
                    )
                }
                Some(n::DESCRIPTION_CODE) => once!(
                    self,
                    self.inv.vat_point_date_code,
                    c,
                    VatPointDateCode::from(self.string(top(8), c))
                ),
                _ => self.cx.ignore(c),
            }
        }
        self.inv.period = Some(period);
        Ok(())
    }

    fn order_reference(&mut self, node: Node<'_, '_>) {
        for c in elements(node) {
            match n::of(c) {
                Some(n::ID) if c.text().unwrap_or("").trim().is_empty() => {}
                Some(n::ID) => {
                    once!(
                        self,
                        self.inv.purchase_order_reference,
                        c,
                        self.string(top(13), c)
                    )
                }
                Some(n::SALES_ORDER_ID) => {
                    once!(
                        self,
                        self.inv.sales_order_reference,
                        c,
                        self.string(top(14), c)
                    )
                }
                _ => self.cx.ignore(c),
            }
        }
    }

    /// A document reference whose `cbc:ID` is the term `number`.
    fn reference_id(
        &mut self,
        node: Node<'_, '_>,
        mut slot: Option<String>,
        number: u16,
    ) -> Option<String> {
        if slot.is_some() {
            self.cx.ignore(node);
            return slot;
        }
        for c in elements(node) {
            match n::of(c) {
                Some(n::ID) => once!(self, slot, c, self.string(top(number), c)),
                _ => self.cx.ignore(c),
            }
        }
        slot
    }

    fn billing_reference(&mut self, node: Node<'_, '_>, count: &mut u32) -> Result<()> {
        // A cac:BillingReference is one BG-3, even without its
        // cac:InvoiceDocumentReference (BR-55 must see it).
        if !elements(node).any(|c| n::of(c) == Some(n::INVOICE_DOCUMENT_REFERENCE)) {
            *count += 1;
            self.inv
                .preceding_invoices
                .push(PrecedingInvoice::default());
        }
        for c in elements(node) {
            if n::of(c) != Some(n::INVOICE_DOCUMENT_REFERENCE) {
                self.cx.ignore(c);
                continue;
            }
            *count += 1;
            let base = TermPath::root().nth(bg(3), *count);
            let mut reference = PrecedingInvoice::default();
            for d in elements(c) {
                match n::of(d) {
                    Some(n::ID) => {
                        once!(
                            self,
                            reference.number,
                            d,
                            self.string(base.child(bt(25)), d)
                        )
                    }
                    Some(n::ISSUE_DATE) => once_read!(
                        self,
                        reference.issue_date,
                        d,
                        self.cx.iso_date(base.child(bt(26)), d)?
                    ),
                    _ => self.cx.ignore(d),
                }
            }
            self.inv.preceding_invoices.push(reference);
        }
        Ok(())
    }

    /// BT-18 (type code 130), BT-11 in a credit note (type code 50), or a
    /// BG-24 supporting document.
    fn additional_document(&mut self, node: Node<'_, '_>, count: &mut u32) -> Result<()> {
        let type_code = child_text(node, n::DOCUMENT_TYPE_CODE);
        if type_code == Some(n::INVOICED_OBJECT_TYPE) && self.inv.invoiced_object_id.is_none() {
            for c in elements(node) {
                match n::of(c) {
                    Some(n::ID) => once!(self, self.inv.invoiced_object_id, c, self.id(top(18), c)),
                    Some(n::DOCUMENT_TYPE_CODE) => {}
                    _ => self.cx.ignore(c),
                }
            }
            return Ok(());
        }
        if self.credit && type_code == Some(n::PROJECT_TYPE) && self.inv.project_reference.is_none()
        {
            for c in elements(node) {
                match n::of(c) {
                    Some(n::ID) => {
                        once!(self, self.inv.project_reference, c, self.string(top(11), c))
                    }
                    Some(n::DOCUMENT_TYPE_CODE) => {}
                    _ => self.cx.ignore(c),
                }
            }
            return Ok(());
        }
        *count += 1;
        let base = TermPath::root().nth(bg(24), *count);
        let mut document = SupportingDocument::default();
        for c in elements(node) {
            match n::of(c) {
                Some(n::ID) => once!(
                    self,
                    document.reference,
                    c,
                    self.string(base.child(bt(122)), c)
                ),
                Some(n::DOCUMENT_DESCRIPTION) => once!(
                    self,
                    document.description,
                    c,
                    self.string(base.child(bt(123)), c)
                ),
                Some(n::ATTACHMENT) => {
                    for a in elements(c) {
                        match n::of(a) {
                            Some(n::EMBEDDED_DOCUMENT_BINARY_OBJECT) => once_read!(
                                self,
                                document.attachment,
                                a,
                                self.cx.base64(base.child(bt(125)), a)?.map(|content| {
                                    BinaryObject {
                                        content,
                                        mime_code: attr(a, n::MIME_CODE).map(MimeCode::from),
                                        filename: attr(a, n::FILENAME),
                                    }
                                })
                            ),
                            Some(n::EXTERNAL_REFERENCE) => {
                                for e in elements(a) {
                                    match n::of(e) {
                                        Some(n::URI) => once!(
                                            self,
                                            document.external_location,
                                            e,
                                            self.string(base.child(bt(124)), e)
                                        ),
                                        _ => self.cx.ignore(e),
                                    }
                                }
                            }
                            _ => self.cx.ignore(a),
                        }
                    }
                }
                _ => self.cx.ignore(c),
            }
        }
        self.inv.supporting_documents.push(document);
        Ok(())
    }

    /// `cac:AccountingSupplierParty` / `cac:AccountingCustomerParty`: the
    /// `cac:Party` inside.
    fn party_wrapper(&mut self, node: Node<'_, '_>, terms: &PartyTerms) -> Option<PartyRead> {
        let mut read = None;
        for c in elements(node) {
            match n::of(c) {
                Some(n::PARTY) if read.is_none() => read = Some(self.party(c, terms)),
                _ => self.cx.ignore(c),
            }
        }
        read
    }

    fn party(&mut self, node: Node<'_, '_>, t: &PartyTerms) -> PartyRead {
        let base = TermPath::of(bg(t.group));
        let path = |number: u16| base.child(bt(number));
        let mut p = PartyRead::default();
        for c in elements(node) {
            match n::of(c) {
                Some(n::ENDPOINT_ID) if t.endpoint != 0 => {
                    once!(self, p.endpoint, c, self.id(path(t.endpoint), c))
                }
                Some(n::PARTY_IDENTIFICATION) => {
                    for d in elements(c) {
                        let sepa = d
                            .attribute(n::SCHEME_ID)
                            .is_some_and(|s| s.trim().eq_ignore_ascii_case(n::SEPA));
                        match n::of(d) {
                            Some(n::ID) if sepa && t.sepa => self.sepa_creditor(d),
                            Some(n::ID) if !sepa && t.id != 0 => {
                                if t.many_ids {
                                    let i = p.ids.len() + 1;
                                    let id = self.id(base.nth(bt(t.id), idx(i)), d);
                                    p.ids.push(id);
                                } else if p.ids.is_empty() {
                                    let id = self.id(path(t.id), d);
                                    p.ids.push(id);
                                } else {
                                    self.cx.ignore(d);
                                }
                            }
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                Some(n::PARTY_NAME) if t.party_name != 0 => {
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::NAME) => {
                                once!(self, p.party_name, d, self.string(path(t.party_name), d))
                            }
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                Some(n::POSTAL_ADDRESS) if p.address.is_none() => match t.address {
                    Some((group, terms)) => {
                        p.address = self.address(c, base.child(bg(group)), &terms)
                    }
                    None => self.cx.ignore(c),
                },
                Some(n::PARTY_TAX_SCHEME) => self.party_tax_scheme(c, t, &mut p),
                Some(n::PARTY_LEGAL_ENTITY) => {
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::REGISTRATION_NAME) if t.registration_name != 0 => once!(
                                self,
                                p.registration_name,
                                d,
                                self.string(path(t.registration_name), d)
                            ),
                            Some(n::COMPANY_ID) if t.legal_id != 0 => {
                                once!(self, p.legal_id, d, self.id(path(t.legal_id), d))
                            }
                            Some(n::COMPANY_LEGAL_FORM) if t.legal_form != 0 => {
                                once!(self, p.legal_form, d, self.string(path(t.legal_form), d))
                            }
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                Some(n::CONTACT) if p.contact.is_none() => match t.contact {
                    Some((group, [name, phone, mail])) => {
                        let base = base.child(bg(group));
                        let mut contact = Contact::default();
                        for d in elements(c) {
                            match n::of(d) {
                                Some(n::NAME) => once!(
                                    self,
                                    contact.name,
                                    d,
                                    self.string(base.child(bt(name)), d)
                                ),
                                Some(n::TELEPHONE) => once!(
                                    self,
                                    contact.telephone,
                                    d,
                                    self.string(base.child(bt(phone)), d)
                                ),
                                Some(n::ELECTRONIC_MAIL) => once!(
                                    self,
                                    contact.email,
                                    d,
                                    self.string(base.child(bt(mail)), d)
                                ),
                                _ => self.cx.ignore(d),
                            }
                        }
                        p.contact = Some(contact);
                    }
                    None => self.cx.ignore(c),
                },
                _ => self.cx.ignore(c),
            }
        }
        p
    }

    /// BT-90: the seller's or payee's SEPA creditor identifier.
    fn sepa_creditor(&mut self, node: Node<'_, '_>) {
        let taken = self
            .inv
            .payment
            .as_ref()
            .and_then(|p| p.direct_debit.as_ref())
            .is_some_and(|d| d.creditor_id.is_some());
        if taken {
            self.cx.ignore(node);
            return;
        }
        let path = TermPath::of(bg(16)).child(bg(19)).child(bt(90));
        let value = self.cx.string(path, node);
        let payment = self.inv.payment.get_or_insert_with(Default::default);
        payment
            .direct_debit
            .get_or_insert_with(Default::default)
            .creditor_id = Some(value);
    }

    /// `cac:PartyTaxScheme`: BT-31/48/63 when the scheme is VAT, BT-32
    /// otherwise (its scheme identifier, which the model does not keep, is
    /// reported as ignored).
    fn party_tax_scheme(&mut self, node: Node<'_, '_>, t: &PartyTerms, p: &mut PartyRead) {
        let scheme = elements(node)
            .find(|c| n::of(*c) == Some(n::TAX_SCHEME))
            .and_then(|s| elements(s).find(|c| n::of(*c) == Some(n::ID)));
        let is_vat =
            scheme.is_some_and(|s| s.text().unwrap_or("").trim().eq_ignore_ascii_case(n::VAT));
        let (number, slot) = if is_vat {
            (t.vat, &mut p.vat)
        } else {
            (t.tax_registration, &mut p.tax_registration)
        };
        if number == 0 || slot.is_some() {
            self.cx.ignore(node);
            return;
        }
        let path = TermPath::of(bg(t.group)).child(bt(number));
        for c in elements(node) {
            match n::of(c) {
                Some(n::COMPANY_ID) if slot.is_none() => *slot = Some(self.cx.string(path, c)),
                Some(n::TAX_SCHEME) => {
                    for s in elements(c) {
                        let is_scheme_id = scheme == Some(s);
                        if !(is_scheme_id && is_vat) {
                            self.cx.ignore(s);
                        }
                    }
                }
                _ => self.cx.ignore(c),
            }
        }
    }

    fn address(
        &mut self,
        node: Node<'_, '_>,
        base: TermPath,
        t: &AddressTerms,
    ) -> Option<PostalAddress> {
        let [l1, l2, l3, city, zone, sub, country] = *t;
        let path = |number: u16| base.child(bt(number));
        let mut a = PostalAddress::default();
        for c in elements(node) {
            match n::of(c) {
                Some(n::STREET_NAME) => once!(self, a.line1, c, self.string(path(l1), c)),
                Some(n::ADDITIONAL_STREET_NAME) => {
                    once!(self, a.line2, c, self.string(path(l2), c))
                }
                Some(n::CITY_NAME) => once!(self, a.city, c, self.string(path(city), c)),
                Some(n::POSTAL_ZONE) => once!(self, a.post_code, c, self.string(path(zone), c)),
                Some(n::COUNTRY_SUBENTITY) => {
                    once!(self, a.country_subdivision, c, self.string(path(sub), c))
                }
                Some(n::ADDRESS_LINE) if a.line3.is_none() => {
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::LINE) => once!(self, a.line3, d, self.string(path(l3), d)),
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                Some(n::COUNTRY) if a.country.is_none() => {
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::IDENTIFICATION_CODE) => {
                                once!(self, a.country, d, self.string(path(country), d).into())
                            }
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                _ => self.cx.ignore(c),
            }
        }
        Some(a)
    }

    fn delivery(&mut self, node: Node<'_, '_>) -> Result<()> {
        let base = TermPath::of(bg(13));
        let mut d = Delivery::default();
        for c in elements(node) {
            match n::of(c) {
                Some(n::ACTUAL_DELIVERY_DATE) => once_read!(
                    self,
                    d.actual_delivery_date,
                    c,
                    self.cx.iso_date(base.child(bt(72)), c)?
                ),
                Some(n::DELIVERY_LOCATION) => {
                    for e in elements(c) {
                        match n::of(e) {
                            Some(n::ID) => {
                                once!(self, d.location_id, e, self.id(base.child(bt(71)), e))
                            }
                            Some(n::ADDRESS) if d.address.is_none() => {
                                d.address = self.address(e, base.child(bg(15)), &DELIVER_TO_ADDRESS)
                            }
                            _ => self.cx.ignore(e),
                        }
                    }
                }
                Some(n::DELIVERY_PARTY) => {
                    for e in elements(c) {
                        match n::of(e) {
                            Some(n::PARTY_NAME) => {
                                for f in elements(e) {
                                    match n::of(f) {
                                        Some(n::NAME) => once!(
                                            self,
                                            d.party_name,
                                            f,
                                            self.string(base.child(bt(70)), f)
                                        ),
                                        _ => self.cx.ignore(f),
                                    }
                                }
                            }
                            _ => self.cx.ignore(e),
                        }
                    }
                }
                _ => self.cx.ignore(c),
            }
        }
        self.inv.delivery = Some(d);
        Ok(())
    }

    /// One `cac:PaymentMeans`. See the module docs for repetitions.
    fn payment_means(&mut self, node: Node<'_, '_>) -> Result<()> {
        let base = TermPath::of(bg(16));
        let mut payment = self.inv.payment.take().unwrap_or_default();
        // Whether an earlier PaymentMeans already gave BT-81/82/83: then this
        // one may only repeat them.
        let first = payment.means_code.is_none()
            && payment.means_text.is_none()
            && payment.remittance_information.is_none()
            && payment.credit_transfers.is_empty()
            && payment.card.is_none();
        for c in elements(node) {
            match n::of(c) {
                Some(n::PAYMENT_MEANS_CODE) => {
                    let code = c.text().unwrap_or("");
                    let name = c.attribute(n::NAME_ATTR);
                    // A repetition may leave out the name (BT-82).
                    let same = payment.means_code.as_ref().map(|m| m.code()) == Some(code)
                        && (name.is_none() || payment.means_text.as_deref() == name);
                    if first || same {
                        payment.means_code = Some(self.string(base.child(bt(81)), c).into());
                        if let Some(name) = name {
                            self.cx.record(base.child(bt(82)), c);
                            payment.means_text = Some(name.to_owned());
                        }
                    } else {
                        self.cx.ignore(c);
                    }
                }
                Some(n::PAYMENT_ID) => {
                    let text = c.text().unwrap_or("");
                    if first && payment.remittance_information.is_none()
                        || payment.remittance_information.as_deref() == Some(text)
                    {
                        payment.remittance_information = Some(self.string(base.child(bt(83)), c));
                    } else {
                        self.cx.ignore(c);
                    }
                }
                Some(n::PAYMENT_DUE_DATE) if self.credit => {
                    let date = self.cx.iso_date(top(9), c)?;
                    match (self.inv.due_date, date) {
                        (_, None) => {}
                        (None, date) => self.inv.due_date = date,
                        (Some(d), Some(date)) if d == date => {}
                        (Some(_), Some(_)) => self.cx.ignore(c),
                    }
                }
                Some(n::CARD_ACCOUNT) if payment.card.is_none() => {
                    let card_base = base.child(bg(18));
                    let mut card = PaymentCard::default();
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::PRIMARY_ACCOUNT_NUMBER_ID) => once!(
                                self,
                                card.primary_account_number,
                                d,
                                self.string(card_base.child(bt(87)), d)
                            ),
                            Some(n::HOLDER_NAME) => once!(
                                self,
                                card.holder_name,
                                d,
                                self.string(card_base.child(bt(88)), d)
                            ),
                            _ => self.cx.ignore(d),
                        }
                    }
                    payment.card = Some(card);
                }
                Some(n::PAYEE_FINANCIAL_ACCOUNT) => {
                    let i = idx(payment.credit_transfers.len() + 1);
                    let account_base = base.nth(bg(17), i);
                    let mut account = CreditTransfer::default();
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::ID) => once!(
                                self,
                                account.account_id,
                                d,
                                self.string(account_base.child(bt(84)), d)
                            ),
                            Some(n::NAME) => once!(
                                self,
                                account.account_name,
                                d,
                                self.string(account_base.child(bt(85)), d)
                            ),
                            Some(n::FINANCIAL_INSTITUTION_BRANCH) => {
                                for e in elements(d) {
                                    match n::of(e) {
                                        Some(n::ID) => once!(
                                            self,
                                            account.service_provider_id,
                                            e,
                                            self.string(account_base.child(bt(86)), e)
                                        ),
                                        _ => self.cx.ignore(e),
                                    }
                                }
                            }
                            _ => self.cx.ignore(d),
                        }
                    }
                    payment.credit_transfers.push(account);
                }
                Some(n::PAYMENT_MANDATE) => {
                    let debit_base = base.child(bg(19));
                    let debit = payment.direct_debit.get_or_insert_with(Default::default);
                    if debit.mandate_reference.is_some() || debit.debited_account_id.is_some() {
                        self.cx.ignore(c);
                        continue;
                    }
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::ID) => once!(
                                self,
                                debit.mandate_reference,
                                d,
                                self.cx.string(debit_base.child(bt(89)), d)
                            ),
                            Some(n::PAYER_FINANCIAL_ACCOUNT) => {
                                for e in elements(d) {
                                    match n::of(e) {
                                        Some(n::ID) => once!(
                                            self,
                                            debit.debited_account_id,
                                            e,
                                            self.cx.string(debit_base.child(bt(91)), e)
                                        ),
                                        _ => self.cx.ignore(e),
                                    }
                                }
                            }
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                _ => self.cx.ignore(c),
            }
        }
        if let Some(debit) = payment.direct_debit.take() {
            payment.direct_debit = non_empty(debit);
        }
        self.inv.payment = Some(payment);
        Ok(())
    }

    fn payment_terms(&mut self, node: Node<'_, '_>) {
        for c in elements(node) {
            match n::of(c) {
                Some(n::NOTE) => once!(self, self.inv.payment_terms, c, self.string(top(20), c)),
                _ => self.cx.ignore(c),
            }
        }
    }

    /// The `cbc:ChargeIndicator` of a `cac:AllowanceCharge`: `Some(true)`
    /// for a charge, `None` (element ignored) when absent, or unreadable in
    /// a lenient read.
    fn charge_indicator(&mut self, node: Node<'_, '_>) -> Result<Option<bool>> {
        let Some(indicator) = elements(node).find(|c| n::of(*c) == Some(n::CHARGE_INDICATOR))
        else {
            self.cx.ignore(node);
            return Ok(None);
        };
        let raw = indicator.text().unwrap_or("");
        let read = match raw.trim() {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            _ => Err(self
                .cx
                .invalid("boolean", raw, indicator, "expected true or false")),
        };
        // Lenient: neither an allowance nor a charge, as in the official
        // rule contexts (`cbc:ChargeIndicator = false()` / `true()`).
        let value = self.cx.lenient(None, indicator, read)?;
        if value.is_none() {
            self.cx.ignore(node);
        }
        Ok(value)
    }

    fn allowance_charge(
        &mut self,
        node: Node<'_, '_>,
        base: TermPath,
        t: &AllowanceChargeTerms,
    ) -> Result<AllowanceCharge> {
        let [amount, base_amount, pct, cat, rate, reason, code] = *t;
        let path = |number: u16| base.child(bt(number));
        let mut ac = AllowanceCharge::default();
        let mut category_seen = false;
        for c in elements(node) {
            match n::of(c) {
                Some(n::CHARGE_INDICATOR) => {}
                Some(n::ALLOWANCE_CHARGE_REASON_CODE) => {
                    once!(self, ac.reason_code, c, self.string(path(code), c))
                }
                Some(n::ALLOWANCE_CHARGE_REASON) => {
                    once!(self, ac.reason, c, self.string(path(reason), c))
                }
                Some(n::MULTIPLIER_FACTOR_NUMERIC) => {
                    once_read!(self, ac.percentage, c, self.cx.decimal(path(pct), c)?)
                }
                Some(n::AMOUNT) => {
                    once_read!(self, ac.amount, c, self.cx.decimal(path(amount), c)?)
                }
                Some(n::BASE_AMOUNT) => {
                    once_read!(
                        self,
                        ac.base_amount,
                        c,
                        self.cx.decimal(path(base_amount), c)?
                    )
                }
                Some(n::TAX_CATEGORY) if cat != 0 && !category_seen => {
                    category_seen = true;
                    let mut scheme = Some(String::new());
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::ID) => {
                                once!(self, ac.vat_category, d, self.string(path(cat), d).into())
                            }
                            Some(n::PERCENT) => {
                                once_read!(self, ac.vat_rate, d, self.cx.decimal(path(rate), d)?)
                            }
                            Some(n::TAX_SCHEME) => self.tax_scheme(d, &mut scheme),
                            _ => self.cx.ignore(d),
                        }
                    }
                    ac.tax_scheme = scheme;
                }
                _ => self.cx.ignore(c),
            }
        }
        Ok(ac)
    }

    /// `cac:TaxScheme` of a tax category, merged into `scheme` (the scheme
    /// seen so far, `Some("")` before any): its `cbc:ID` is kept in the
    /// model when it is not VAT (`None`), anything else is ignored. Like
    /// `cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT'`, one VAT
    /// scheme among several makes the category a VAT one.
    fn tax_scheme(&mut self, node: Node<'_, '_>, scheme: &mut Option<String>) {
        let mut id = None;
        for c in elements(node) {
            if n::of(c) == Some(n::ID) && id.is_none() {
                id = Some(c.text().unwrap_or(""));
            } else {
                self.cx.ignore(c);
            }
        }
        let Some(current) = scheme.as_deref() else {
            return;
        };
        let id = id.unwrap_or("");
        if is_vat(id) {
            *scheme = None;
        } else if current.is_empty() {
            *scheme = Some(id.trim().to_owned());
        }
    }

    fn document_allowance_charge(
        &mut self,
        node: Node<'_, '_>,
        allowances: &mut u32,
        charges: &mut u32,
    ) -> Result<()> {
        match self.charge_indicator(node)? {
            None => {}
            Some(true) => {
                *charges += 1;
                let base = TermPath::root().nth(bg(21), *charges);
                let ac = self.allowance_charge(node, base, &DOC_CHARGE)?;
                self.inv.charges.push(DocumentCharge {
                    amount: ac.amount,
                    base_amount: ac.base_amount,
                    percentage: ac.percentage,
                    vat_category: ac.vat_category,
                    vat_rate: ac.vat_rate,
                    tax_scheme: ac.tax_scheme,
                    reason: ac.reason,
                    reason_code: ac.reason_code.map(ChargeReasonCode::from),
                });
            }
            Some(false) => {
                *allowances += 1;
                let base = TermPath::root().nth(bg(20), *allowances);
                let ac = self.allowance_charge(node, base, &DOC_ALLOWANCE)?;
                self.inv.allowances.push(DocumentAllowance {
                    amount: ac.amount,
                    base_amount: ac.base_amount,
                    percentage: ac.percentage,
                    vat_category: ac.vat_category,
                    vat_rate: ac.vat_rate,
                    tax_scheme: ac.tax_scheme,
                    reason: ac.reason,
                    reason_code: ac.reason_code.map(AllowanceReasonCode::from),
                });
            }
        }
        Ok(())
    }

    /// A `cac:TaxTotal`: BT-110 with the BG-23 subtotals, or BT-111.
    fn tax_total(&mut self, node: Node<'_, '_>) -> Result<()> {
        let amount = elements(node).find(|c| n::of(*c) == Some(n::TAX_AMOUNT));
        let has_subtotals = elements(node).any(|c| n::of(c) == Some(n::TAX_SUBTOTAL));
        let currency = amount.and_then(|a| a.attribute(n::CURRENCY_ID));
        let doc_currency = self.inv.currency.as_ref().map(|c| c.code());
        let vat_currency = self.inv.vat_accounting_currency.as_ref().map(|c| c.code());
        let totals = &self.inv.totals;
        let accounting = !has_subtotals
            && (totals.tax_amount.is_some()
                || (currency.is_some() && currency == vat_currency && currency != doc_currency));
        if accounting {
            if totals.tax_amount_accounting.is_some() {
                self.cx.ignore(node);
                return Ok(());
            }
            for c in elements(node) {
                match n::of(c) {
                    Some(n::TAX_AMOUNT) if self.inv.totals.tax_amount_accounting.is_none() => {
                        let path = TermPath::of(bg(22)).child(bt(111));
                        self.inv.totals.tax_amount_accounting =
                            self.cx.decimal(path, c)?.map(|amount| TaxAmountInCurrency {
                                amount,
                                currency: attr(c, n::CURRENCY_ID).map(CurrencyCode::from),
                            });
                    }
                    _ => self.cx.ignore(c),
                }
            }
            return Ok(());
        }
        if (totals.tax_amount.is_some() || !self.inv.vat_breakdown.is_empty()) && !has_subtotals {
            self.cx.ignore(node);
            return Ok(());
        }
        // A further cac:TaxTotal with subtotals (UBL-SR forbids it) adds its
        // subtotals to the breakdown: the official rules count every
        // cac:TaxTotal/cac:TaxSubtotal (BR-S-01, BR-Z-01, …).
        for c in elements(node) {
            match n::of(c) {
                Some(n::TAX_AMOUNT) if self.inv.totals.tax_amount.is_some() => self.cx.ignore(c),
                Some(n::TAX_AMOUNT) => {
                    let path = TermPath::of(bg(22)).child(bt(110));
                    once_read!(
                        self,
                        self.inv.totals.tax_amount,
                        c,
                        self.cx.decimal(path, c)?
                    )
                }
                Some(n::TAX_SUBTOTAL) => self.tax_subtotal(c)?,
                _ => self.cx.ignore(c),
            }
        }
        Ok(())
    }

    fn tax_subtotal(&mut self, node: Node<'_, '_>) -> Result<()> {
        let base = TermPath::root().nth(bg(23), idx(self.inv.vat_breakdown.len() + 1));
        let path = |number: u16| base.child(bt(number));
        let mut v = VatBreakdown::default();
        let mut category_seen = false;
        for c in elements(node) {
            match n::of(c) {
                Some(n::TAXABLE_AMOUNT) => {
                    once_read!(self, v.taxable_amount, c, self.cx.decimal(path(116), c)?)
                }
                Some(n::TAX_AMOUNT) => {
                    once_read!(self, v.tax_amount, c, self.cx.decimal(path(117), c)?)
                }
                Some(n::TAX_CATEGORY) if !category_seen => {
                    category_seen = true;
                    let mut scheme = Some(String::new());
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::ID) => {
                                once!(self, v.category, d, self.string(path(118), d).into())
                            }
                            Some(n::PERCENT) => {
                                once_read!(self, v.rate, d, self.cx.decimal(path(119), d)?)
                            }
                            Some(n::TAX_EXEMPTION_REASON_CODE) => once!(
                                self,
                                v.exemption_reason_code,
                                d,
                                self.string(path(121), d).into()
                            ),
                            Some(n::TAX_EXEMPTION_REASON) => {
                                once!(self, v.exemption_reason, d, self.string(path(120), d))
                            }
                            Some(n::TAX_SCHEME) => self.tax_scheme(d, &mut scheme),
                            _ => self.cx.ignore(d),
                        }
                    }
                    v.tax_scheme = scheme;
                }
                _ => self.cx.ignore(c),
            }
        }
        self.inv.vat_breakdown.push(v);
        Ok(())
    }

    fn monetary_total(&mut self, node: Node<'_, '_>) -> Result<()> {
        let base = TermPath::of(bg(22));
        let path = |number: u16| base.child(bt(number));
        let t = &mut self.inv.totals;
        for c in elements(node) {
            let (slot, number) = match n::of(c) {
                Some(n::LINE_EXTENSION_AMOUNT) => (&mut t.line_net_total, 106),
                Some(n::TAX_EXCLUSIVE_AMOUNT) => (&mut t.tax_exclusive_amount, 109),
                Some(n::TAX_INCLUSIVE_AMOUNT) => (&mut t.tax_inclusive_amount, 112),
                Some(n::ALLOWANCE_TOTAL_AMOUNT) => (&mut t.allowance_total, 107),
                Some(n::CHARGE_TOTAL_AMOUNT) => (&mut t.charge_total, 108),
                Some(n::PREPAID_AMOUNT) => (&mut t.prepaid_amount, 113),
                Some(n::PAYABLE_ROUNDING_AMOUNT) => (&mut t.rounding_amount, 114),
                Some(n::PAYABLE_AMOUNT) => (&mut t.amount_due, 115),
                _ => {
                    self.cx.ignore(c);
                    continue;
                }
            };
            if slot.is_some() {
                self.cx.ignore(c);
            } else {
                *slot = self.cx.decimal(path(number), c)?;
            }
        }
        Ok(())
    }

    fn line(&mut self, node: Node<'_, '_>, count: &mut u32) -> Result<()> {
        *count += 1;
        let base = TermPath::root().nth(bg(25), *count);
        let path = |number: u16| base.child(bt(number));
        let mut line = InvoiceLine::default();
        let mut allowances = 0;
        let mut charges = 0;
        for c in elements(node) {
            match n::of(c) {
                Some(n::ID) => once!(self, line.id, c, self.string(path(126), c)),
                Some(n::NOTE) => once!(self, line.note, c, self.string(path(127), c)),
                // Either quantity in either line, as the official rules read
                // them (`cbc:InvoicedQuantity | cbc:CreditedQuantity`).
                Some(n::INVOICED_QUANTITY | n::CREDITED_QUANTITY) if line.quantity.is_none() => {
                    line.quantity = self.cx.decimal(path(129), c)?;
                    if let Some(unit) = c.attribute(n::UNIT_CODE) {
                        self.cx.record(path(130), c);
                        line.unit_code = Some(UnitCode::from(unit));
                    }
                }
                Some(n::LINE_EXTENSION_AMOUNT) => {
                    once_read!(self, line.net_amount, c, self.cx.decimal(path(131), c)?)
                }
                Some(n::ACCOUNTING_COST) => {
                    once!(
                        self,
                        line.buyer_accounting_reference,
                        c,
                        self.string(path(133), c)
                    )
                }
                Some(n::INVOICE_PERIOD) if line.period.is_none() => {
                    let period_base = base.child(bg(26));
                    let mut period = Period::default();
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::START_DATE) => once_read!(
                                self,
                                period.start,
                                d,
                                self.cx.iso_date(period_base.child(bt(134)), d)?
                            ),
                            Some(n::END_DATE) => once_read!(
                                self,
                                period.end,
                                d,
                                self.cx.iso_date(period_base.child(bt(135)), d)?
                            ),
                            _ => self.cx.ignore(d),
                        }
                    }
                    line.period = Some(period);
                }
                Some(n::ORDER_LINE_REFERENCE) => {
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::LINE_ID) => once!(
                                self,
                                line.order_line_reference,
                                d,
                                self.string(path(132), d)
                            ),
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                // BT-128: type code 130 is Peppol's convention, but official
                // example 5 leaves it out; any other type code is ignored.
                Some(n::DOCUMENT_REFERENCE) if line.object_id.is_none() => {
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::ID) => once!(self, line.object_id, d, self.id(path(128), d)),
                            Some(n::DOCUMENT_TYPE_CODE)
                                if d.text().unwrap_or("").trim() == n::INVOICED_OBJECT_TYPE => {}
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                Some(n::ALLOWANCE_CHARGE) => match self.charge_indicator(c)? {
                    None => {}
                    Some(true) => {
                        charges += 1;
                        let ac_base = base.nth(bg(28), charges);
                        let ac = self.allowance_charge(c, ac_base, &LINE_CHARGE)?;
                        line.charges.push(LineCharge {
                            amount: ac.amount,
                            base_amount: ac.base_amount,
                            percentage: ac.percentage,
                            reason: ac.reason,
                            reason_code: ac.reason_code.map(ChargeReasonCode::from),
                        });
                    }
                    Some(false) => {
                        allowances += 1;
                        let ac_base = base.nth(bg(27), allowances);
                        let ac = self.allowance_charge(c, ac_base, &LINE_ALLOWANCE)?;
                        line.allowances.push(LineAllowance {
                            amount: ac.amount,
                            base_amount: ac.base_amount,
                            percentage: ac.percentage,
                            reason: ac.reason,
                            reason_code: ac.reason_code.map(AllowanceReasonCode::from),
                        });
                    }
                },
                Some(n::ITEM) if line.item.is_none() && line.vat.is_none() => {
                    self.item(c, base, &mut line)?
                }
                Some(n::PRICE) if line.price.is_none() => self.price(c, base, &mut line)?,
                _ => self.cx.ignore(c),
            }
        }
        self.inv.lines.push(line);
        Ok(())
    }

    fn item(
        &mut self,
        node: Node<'_, '_>,
        line_base: TermPath,
        line: &mut InvoiceLine,
    ) -> Result<()> {
        let base = line_base.child(bg(31));
        let path = |number: u16| base.child(bt(number));
        let mut item = Item::default();
        let mut vat = LineVat::default();
        let mut vat_seen = false;
        for c in elements(node) {
            match n::of(c) {
                Some(n::DESCRIPTION) => once!(self, item.description, c, self.string(path(154), c)),
                Some(n::NAME) => once!(self, item.name, c, self.string(path(153), c)),
                Some(n::BUYERS_ITEM_IDENTIFICATION) => {
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::ID) => once!(self, item.buyer_id, d, self.string(path(156), d)),
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                Some(n::SELLERS_ITEM_IDENTIFICATION) => {
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::ID) => {
                                once!(self, item.seller_id, d, self.string(path(155), d))
                            }
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                Some(n::STANDARD_ITEM_IDENTIFICATION) => {
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::ID) => once!(self, item.standard_id, d, self.id(path(157), d)),
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                Some(n::ORIGIN_COUNTRY) => {
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::IDENTIFICATION_CODE) => once!(
                                self,
                                item.origin_country,
                                d,
                                self.string(path(159), d).into()
                            ),
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                Some(n::COMMODITY_CLASSIFICATION) => {
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::ITEM_CLASSIFICATION_CODE) => {
                                let i = idx(item.classifications.len() + 1);
                                item.classifications.push(ClassificationIdentifier {
                                    value: self.string(base.nth(bt(158), i), d),
                                    scheme: attr(d, n::LIST_ID),
                                    scheme_version: attr(d, n::LIST_VERSION_ID),
                                });
                            }
                            _ => self.cx.ignore(d),
                        }
                    }
                }
                Some(n::CLASSIFIED_TAX_CATEGORY) if !vat_seen => {
                    vat_seen = true;
                    let vat_base = line_base.child(bg(30));
                    let mut scheme = Some(String::new());
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::ID) => once!(
                                self,
                                vat.category,
                                d,
                                self.string(vat_base.child(bt(151)), d).into()
                            ),
                            Some(n::PERCENT) => once_read!(
                                self,
                                vat.rate,
                                d,
                                self.cx.decimal(vat_base.child(bt(152)), d)?
                            ),
                            Some(n::TAX_SCHEME) => self.tax_scheme(d, &mut scheme),
                            _ => self.cx.ignore(d),
                        }
                    }
                    vat.tax_scheme = scheme;
                }
                Some(n::ADDITIONAL_ITEM_PROPERTY) => {
                    let i = idx(item.attributes.len() + 1);
                    let attr_base = base.nth(bg(32), i);
                    let mut attribute = ItemAttribute::default();
                    for d in elements(c) {
                        match n::of(d) {
                            Some(n::NAME) => once!(
                                self,
                                attribute.name,
                                d,
                                self.string(attr_base.child(bt(160)), d)
                            ),
                            Some(n::VALUE) => once!(
                                self,
                                attribute.value,
                                d,
                                self.string(attr_base.child(bt(161)), d)
                            ),
                            _ => self.cx.ignore(d),
                        }
                    }
                    item.attributes.push(attribute);
                }
                _ => self.cx.ignore(c),
            }
        }
        // cac:Item is mandatory in a UBL line: an empty one says nothing.
        line.item = non_empty(item);
        line.vat = vat_seen.then_some(vat);
        Ok(())
    }

    fn price(
        &mut self,
        node: Node<'_, '_>,
        line_base: TermPath,
        line: &mut InvoiceLine,
    ) -> Result<()> {
        let base = line_base.child(bg(29));
        let path = |number: u16| base.child(bt(number));
        let mut price = PriceDetails::default();
        let mut discount_read = false;
        for c in elements(node) {
            match n::of(c) {
                Some(n::PRICE_AMOUNT) => {
                    once_read!(self, price.net_price, c, self.cx.decimal(path(146), c)?)
                }
                Some(n::BASE_QUANTITY) if price.base_quantity.is_none() => {
                    price.base_quantity = self.cx.decimal(path(149), c)?;
                    if let Some(unit) = c.attribute(n::UNIT_CODE) {
                        self.cx.record(path(150), c);
                        price.base_quantity_unit = Some(UnitCode::from(unit));
                    }
                }
                // A price allowance is always a discount in EN 16931; one
                // without cbc:ChargeIndicator is read as one too, since the
                // official rules read its amounts whatever the indicator
                // (BR-28 on BT-148).
                Some(n::ALLOWANCE_CHARGE) if !discount_read => match self.charge_indicator(c)? {
                    Some(false) | None => {
                        discount_read = true;
                        for d in elements(c) {
                            match n::of(d) {
                                Some(n::CHARGE_INDICATOR) => {}
                                Some(n::AMOUNT) => {
                                    once_read!(
                                        self,
                                        price.discount,
                                        d,
                                        self.cx.decimal(path(147), d)?
                                    )
                                }
                                Some(n::BASE_AMOUNT) => once_read!(
                                    self,
                                    price.gross_price,
                                    d,
                                    self.cx.decimal(path(148), d)?
                                ),
                                _ => self.cx.ignore(d),
                            }
                        }
                    }
                    Some(true) => self.cx.ignore(c),
                },
                _ => self.cx.ignore(c),
            }
        }
        line.price = Some(price);
        Ok(())
    }
}

/// `normalize-space(upper-case(x)) = 'VAT'`.
fn is_vat(text: &str) -> bool {
    let upper = text.to_uppercase();
    let mut words = upper
        .split([' ', '\t', '\n', '\r'])
        .filter(|w| !w.is_empty());
    words.next() == Some(n::VAT) && words.next().is_none()
}
