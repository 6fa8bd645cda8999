//! EN 16931 model → UBL 2.1 `Invoice` / `CreditNote`, the mirror of
//! `read.rs`: the same groups, in the element order of the UBL 2.1 XSD
//! sequences, with names from the shared table.
//!
//! Nothing is invented: an element is written when the model has its term,
//! plus what the XSD makes mandatory around it (`cac:TaxScheme` in a tax
//! category, with `cbc:ID` `VAT` unless the category keeps another scheme
//! or none, `cac:TaxScheme/cbc:ID` `VAT` in a VAT party tax scheme, an empty
//! `cac:TaxScheme` for BT-32, `cbc:ChargeIndicator`, an empty
//! `cac:OrderReference/cbc:ID` when only BT-14 is known, an empty
//! `cac:Item` for a line without item, and `cbc:NetworkID` `NA` in a
//! payment card, which EN 16931 does not have).

use super::Root;
use super::names as n;
use super::read::split_note;
use crate::error::Result;
use crate::model::*;
use crate::syntax::lexical::{encode_base64, format_iso};
use crate::syntax::xml_output::XmlOut;
use crate::syntax::{UBL_CREDIT_NOTE_NS, UBL_INVOICE_NS, Written};

/// Writes a UBL document.
pub fn write(invoice: &Invoice, root: Root) -> Result<Written> {
    let mut w = Writer {
        out: XmlOut::new(),
        currency: invoice.currency.as_ref().map(|c| c.code().to_owned()),
        credit: root == Root::CreditNote,
        dropped: Vec::new(),
    };
    w.invoice(invoice);
    let xml = w.out.finish()?;
    Ok(Written {
        xml,
        dropped: w.dropped,
    })
}

type Attrs<'a> = [(&'a str, Option<&'a str>)];

struct Writer {
    out: XmlOut,
    currency: Option<String>,
    credit: bool,
    dropped: Vec<Dropped>,
}

use crate::syntax::Dropped;

fn dec(d: &Decimal) -> String {
    d.to_string()
}

impl Writer {
    fn text(&mut self, name: &str, value: Option<&str>) {
        self.out.opt(name, value);
    }

    fn text_attrs(&mut self, name: &str, value: Option<&str>, attrs: &Attrs<'_>) {
        if let Some(value) = value {
            self.out.leaf(name, attrs, value);
        }
    }

    fn id(&mut self, name: &str, id: Option<&Identifier>) {
        if let Some(id) = id {
            self.out.leaf(
                name,
                &[
                    (n::SCHEME_ID, id.scheme.as_deref()),
                    (n::SCHEME_NAME, id.scheme_name.as_deref()),
                ],
                &id.value,
            );
        }
    }

    fn date(&mut self, name: &str, date: Option<NaiveDate>) {
        if let Some(date) = date {
            self.out.leaf(name, &[], &format_iso(date));
        }
    }

    fn decimal(&mut self, name: &str, value: Option<&Decimal>) {
        if let Some(value) = value {
            self.out.leaf(name, &[], &dec(value));
        }
    }

    fn amount(&mut self, name: &str, value: Option<&Decimal>) {
        if let Some(value) = value {
            let currency = self.currency.clone();
            self.out
                .leaf(name, &[(n::CURRENCY_ID, currency.as_deref())], &dec(value));
        }
    }

    fn quantity(&mut self, name: &str, value: Option<&Decimal>, unit: Option<&UnitCode>) {
        if let Some(value) = value {
            self.out
                .leaf(name, &[(n::UNIT_CODE, unit.map(|u| u.code()))], &dec(value));
        } else if unit.is_some() {
            let term = if name == n::BASE_QUANTITY { 150 } else { 130 };
            self.dropped.push(Dropped {
                term: TermPath::of(Term::bt(term)),
                reason: "UBL carries a unit of measure only as an attribute of its quantity, \
                         and the quantity is absent"
                    .into(),
            });
        }
    }

    /// `<wrapper><cbc:ID>value</cbc:ID></wrapper>` when `value` is present.
    fn wrapped_id(&mut self, wrapper: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.out.open(wrapper, &[]);
            self.out.leaf(n::ID, &[], value);
            self.out.close(wrapper);
        }
    }

    fn vat_scheme(&mut self) {
        self.tax_scheme(None);
    }

    /// `cac:TaxScheme` of a tax category: `VAT` for `None`, the scheme as
    /// kept otherwise, without `cbc:ID` when it is missing (`Some("")`).
    fn tax_scheme(&mut self, scheme: Option<&str>) {
        self.out.open(n::TAX_SCHEME, &[]);
        match scheme {
            None => self.out.leaf(n::ID, &[], n::VAT),
            Some("") => {}
            Some(id) => self.out.leaf(n::ID, &[], id),
        }
        self.out.close(n::TAX_SCHEME);
    }

    fn invoice(&mut self, inv: &Invoice) {
        let (root, ns) = if self.credit {
            ("CreditNote", UBL_CREDIT_NOTE_NS)
        } else {
            ("Invoice", UBL_INVOICE_NS)
        };
        self.out.open(
            root,
            &[
                ("xmlns", Some(ns)),
                ("xmlns:cac", Some(n::CAC_NS)),
                ("xmlns:cbc", Some(n::CBC_NS)),
            ],
        );
        self.text(n::CUSTOMIZATION_ID, inv.process.specification.as_deref());
        self.text(n::PROFILE_ID, inv.process.business_process.as_deref());
        self.text(n::ID, inv.number.as_deref());
        self.date(n::ISSUE_DATE, inv.issue_date);
        let type_code = inv.type_code.as_ref().map(|c| c.code());
        if self.credit {
            self.date(n::TAX_POINT_DATE, inv.vat_point_date);
            self.text(n::CREDIT_NOTE_TYPE_CODE, type_code);
        } else {
            self.date(n::DUE_DATE, inv.due_date);
            self.text(n::INVOICE_TYPE_CODE, type_code);
        }
        for note in &inv.notes {
            let text = note.text.as_deref().unwrap_or("");
            let written = match &note.subject_code {
                Some(code) => format!("#{}#{text}", code.code()),
                None => {
                    if split_note(text).0.is_some() {
                        self.dropped.push(Dropped {
                            term: TermPath::of(Term::bg(1)),
                            reason: "a note without subject code whose text starts like \
                                     #CODE# reads back as a subject code"
                                .into(),
                        });
                    }
                    text.to_owned()
                }
            };
            self.out.leaf(n::NOTE, &[], &written);
        }
        if !self.credit {
            self.date(n::TAX_POINT_DATE, inv.vat_point_date);
        }
        self.text(
            n::DOCUMENT_CURRENCY_CODE,
            inv.currency.as_ref().map(|c| c.code()),
        );
        self.text(
            n::TAX_CURRENCY_CODE,
            inv.vat_accounting_currency.as_ref().map(|c| c.code()),
        );
        self.text(
            n::ACCOUNTING_COST,
            inv.buyer_accounting_reference.as_deref(),
        );
        self.text(n::BUYER_REFERENCE, inv.buyer_reference.as_deref());
        if inv.period.is_some() || inv.vat_point_date_code.is_some() {
            let period = inv.period.clone().unwrap_or_default();
            self.out.open(n::INVOICE_PERIOD, &[]);
            self.date(n::START_DATE, period.start);
            self.date(n::END_DATE, period.end);
            self.text(
                n::DESCRIPTION_CODE,
                inv.vat_point_date_code.as_ref().map(|c| c.code()),
            );
            self.out.close(n::INVOICE_PERIOD);
        }
        if inv.purchase_order_reference.is_some() || inv.sales_order_reference.is_some() {
            self.out.open(n::ORDER_REFERENCE, &[]);
            self.out.leaf(
                n::ID,
                &[],
                inv.purchase_order_reference.as_deref().unwrap_or(""),
            );
            self.text(n::SALES_ORDER_ID, inv.sales_order_reference.as_deref());
            self.out.close(n::ORDER_REFERENCE);
        }
        for preceding in &inv.preceding_invoices {
            self.out.open(n::BILLING_REFERENCE, &[]);
            self.out.open(n::INVOICE_DOCUMENT_REFERENCE, &[]);
            self.text(n::ID, preceding.number.as_deref());
            self.date(n::ISSUE_DATE, preceding.issue_date);
            self.out.close(n::INVOICE_DOCUMENT_REFERENCE);
            self.out.close(n::BILLING_REFERENCE);
        }
        self.wrapped_id(
            n::DESPATCH_DOCUMENT_REFERENCE,
            inv.despatch_advice_reference.as_deref(),
        );
        self.wrapped_id(
            n::RECEIPT_DOCUMENT_REFERENCE,
            inv.receiving_advice_reference.as_deref(),
        );
        if !self.credit {
            self.wrapped_id(
                n::ORIGINATOR_DOCUMENT_REFERENCE,
                inv.tender_reference.as_deref(),
            );
        }
        self.wrapped_id(
            n::CONTRACT_DOCUMENT_REFERENCE,
            inv.contract_reference.as_deref(),
        );
        if let Some(object) = &inv.invoiced_object_id {
            self.out.open(n::ADDITIONAL_DOCUMENT_REFERENCE, &[]);
            self.id(n::ID, Some(object));
            self.out
                .leaf(n::DOCUMENT_TYPE_CODE, &[], n::INVOICED_OBJECT_TYPE);
            self.out.close(n::ADDITIONAL_DOCUMENT_REFERENCE);
        }
        if self.credit
            && let Some(project) = &inv.project_reference
        {
            self.out.open(n::ADDITIONAL_DOCUMENT_REFERENCE, &[]);
            self.out.leaf(n::ID, &[], project);
            self.out.leaf(n::DOCUMENT_TYPE_CODE, &[], n::PROJECT_TYPE);
            self.out.close(n::ADDITIONAL_DOCUMENT_REFERENCE);
        }
        for document in &inv.supporting_documents {
            self.supporting_document(document);
        }
        if self.credit {
            self.wrapped_id(
                n::ORIGINATOR_DOCUMENT_REFERENCE,
                inv.tender_reference.as_deref(),
            );
        } else {
            self.wrapped_id(n::PROJECT_REFERENCE, inv.project_reference.as_deref());
        }
        let sepa = inv
            .payment
            .as_ref()
            .and_then(|p| p.direct_debit.as_ref())
            .and_then(|d| d.creditor_id.as_deref());
        // BT-90 goes with the payee when there is one, else with the seller.
        let (seller_sepa, payee_sepa) = if inv.payee.is_some() {
            (None, sepa)
        } else {
            (sepa, None)
        };
        self.seller(&inv.seller, seller_sepa);
        self.buyer(&inv.buyer);
        if let Some(payee) = &inv.payee {
            self.payee(payee, payee_sepa);
        }
        if let Some(rep) = &inv.tax_representative {
            self.tax_representative(rep);
        }
        if let Some(delivery) = &inv.delivery {
            self.delivery(delivery);
        }
        self.payment(inv);
        if let Some(terms) = &inv.payment_terms {
            self.out.open(n::PAYMENT_TERMS, &[]);
            self.out.leaf(n::NOTE, &[], terms);
            self.out.close(n::PAYMENT_TERMS);
        }
        for a in &inv.allowances {
            self.allowance_charge(
                false,
                a.reason_code.as_ref().map(|c| c.code()),
                a.reason.as_deref(),
                a.percentage.as_ref(),
                a.amount.as_ref(),
                a.base_amount.as_ref(),
                Some((
                    a.vat_category.as_ref(),
                    a.vat_rate.as_ref(),
                    a.tax_scheme.as_deref(),
                )),
            );
        }
        for c in &inv.charges {
            self.allowance_charge(
                true,
                c.reason_code.as_ref().map(|c| c.code()),
                c.reason.as_deref(),
                c.percentage.as_ref(),
                c.amount.as_ref(),
                c.base_amount.as_ref(),
                Some((
                    c.vat_category.as_ref(),
                    c.vat_rate.as_ref(),
                    c.tax_scheme.as_deref(),
                )),
            );
        }
        self.tax_totals(inv);
        self.monetary_total(&inv.totals);
        for line in &inv.lines {
            self.line(line);
        }
        self.out.close(root);
    }

    fn supporting_document(&mut self, d: &SupportingDocument) {
        self.out.open(n::ADDITIONAL_DOCUMENT_REFERENCE, &[]);
        self.text(n::ID, d.reference.as_deref());
        self.text(n::DOCUMENT_DESCRIPTION, d.description.as_deref());
        if d.attachment.is_some() || d.external_location.is_some() {
            self.out.open(n::ATTACHMENT, &[]);
            if let Some(object) = &d.attachment {
                self.out.leaf(
                    n::EMBEDDED_DOCUMENT_BINARY_OBJECT,
                    &[
                        (n::MIME_CODE, object.mime_code.as_ref().map(|m| m.code())),
                        (n::FILENAME, object.filename.as_deref()),
                    ],
                    &encode_base64(&object.content),
                );
            }
            if let Some(uri) = &d.external_location {
                self.out.open(n::EXTERNAL_REFERENCE, &[]);
                self.out.leaf(n::URI, &[], uri);
                self.out.close(n::EXTERNAL_REFERENCE);
            }
            self.out.close(n::ATTACHMENT);
        }
        self.out.close(n::ADDITIONAL_DOCUMENT_REFERENCE);
    }

    fn party_identification(&mut self, id: &Identifier) {
        self.out.open(n::PARTY_IDENTIFICATION, &[]);
        self.id(n::ID, Some(id));
        self.out.close(n::PARTY_IDENTIFICATION);
    }

    fn sepa(&mut self, creditor: Option<&str>) {
        if let Some(creditor) = creditor {
            self.out.open(n::PARTY_IDENTIFICATION, &[]);
            self.out
                .leaf(n::ID, &[(n::SCHEME_ID, Some(n::SEPA))], creditor);
            self.out.close(n::PARTY_IDENTIFICATION);
        }
    }

    fn party_name(&mut self, name: Option<&str>) {
        if let Some(name) = name {
            self.out.open(n::PARTY_NAME, &[]);
            self.out.leaf(n::NAME, &[], name);
            self.out.close(n::PARTY_NAME);
        }
    }

    fn party_tax_scheme(&mut self, company_id: Option<&str>, vat: bool) {
        if let Some(company_id) = company_id {
            self.out.open(n::PARTY_TAX_SCHEME, &[]);
            self.out.leaf(n::COMPANY_ID, &[], company_id);
            if vat {
                self.vat_scheme();
            } else {
                // BT-32: any tax scheme but VAT; UBL-SR-53 wants one named.
                // `FC` (fiscal code) is what XRechnung and Peppol use.
                self.out.open(n::TAX_SCHEME, &[]);
                self.out.leaf(n::ID, &[], "FC");
                self.out.close(n::TAX_SCHEME);
            }
            self.out.close(n::PARTY_TAX_SCHEME);
        }
    }

    fn legal_entity(
        &mut self,
        name: Option<&str>,
        id: Option<&Identifier>,
        legal_form: Option<&str>,
    ) {
        if name.is_some() || id.is_some() || legal_form.is_some() {
            self.out.open(n::PARTY_LEGAL_ENTITY, &[]);
            self.text(n::REGISTRATION_NAME, name);
            self.id(n::COMPANY_ID, id);
            self.text(n::COMPANY_LEGAL_FORM, legal_form);
            self.out.close(n::PARTY_LEGAL_ENTITY);
        }
    }

    fn address(&mut self, name: &str, a: Option<&PostalAddress>) {
        let Some(a) = a else { return };
        self.out.open(name, &[]);
        self.text(n::STREET_NAME, a.line1.as_deref());
        self.text(n::ADDITIONAL_STREET_NAME, a.line2.as_deref());
        self.text(n::CITY_NAME, a.city.as_deref());
        self.text(n::POSTAL_ZONE, a.post_code.as_deref());
        self.text(n::COUNTRY_SUBENTITY, a.country_subdivision.as_deref());
        if let Some(line) = &a.line3 {
            self.out.open(n::ADDRESS_LINE, &[]);
            self.out.leaf(n::LINE, &[], line);
            self.out.close(n::ADDRESS_LINE);
        }
        if let Some(country) = &a.country {
            self.out.open(n::COUNTRY, &[]);
            self.out.leaf(n::IDENTIFICATION_CODE, &[], country.code());
            self.out.close(n::COUNTRY);
        }
        self.out.close(name);
    }

    fn contact(&mut self, c: Option<&Contact>) {
        let Some(c) = c else { return };
        self.out.open(n::CONTACT, &[]);
        self.text(n::NAME, c.name.as_deref());
        self.text(n::TELEPHONE, c.telephone.as_deref());
        self.text(n::ELECTRONIC_MAIL, c.email.as_deref());
        self.out.close(n::CONTACT);
    }

    fn seller(&mut self, s: &Seller, sepa: Option<&str>) {
        self.out.open(n::ACCOUNTING_SUPPLIER_PARTY, &[]);
        self.out.open(n::PARTY, &[]);
        self.id(n::ENDPOINT_ID, s.electronic_address.as_ref());
        for id in &s.identifiers {
            self.party_identification(id);
        }
        self.sepa(sepa);
        self.party_name(s.trading_name.as_deref());
        self.address(n::POSTAL_ADDRESS, s.address.as_ref());
        self.party_tax_scheme(s.vat_id.as_deref(), true);
        self.party_tax_scheme(s.tax_registration_id.as_deref(), false);
        self.legal_entity(
            s.name.as_deref(),
            s.legal_registration_id.as_ref(),
            s.additional_legal_info.as_deref(),
        );
        self.contact(s.contact.as_ref());
        self.out.close(n::PARTY);
        self.out.close(n::ACCOUNTING_SUPPLIER_PARTY);
    }

    fn buyer(&mut self, b: &Buyer) {
        self.out.open(n::ACCOUNTING_CUSTOMER_PARTY, &[]);
        self.out.open(n::PARTY, &[]);
        self.id(n::ENDPOINT_ID, b.electronic_address.as_ref());
        if let Some(id) = &b.identifier {
            self.party_identification(id);
        }
        self.party_name(b.trading_name.as_deref());
        self.address(n::POSTAL_ADDRESS, b.address.as_ref());
        self.party_tax_scheme(b.vat_id.as_deref(), true);
        self.legal_entity(b.name.as_deref(), b.legal_registration_id.as_ref(), None);
        self.contact(b.contact.as_ref());
        self.out.close(n::PARTY);
        self.out.close(n::ACCOUNTING_CUSTOMER_PARTY);
    }

    fn payee(&mut self, p: &Payee, sepa: Option<&str>) {
        self.out.open(n::PAYEE_PARTY, &[]);
        if let Some(id) = &p.identifier {
            self.party_identification(id);
        }
        self.sepa(sepa);
        self.party_name(p.name.as_deref());
        self.legal_entity(None, p.legal_registration_id.as_ref(), None);
        self.out.close(n::PAYEE_PARTY);
    }

    fn tax_representative(&mut self, t: &TaxRepresentative) {
        self.out.open(n::TAX_REPRESENTATIVE_PARTY, &[]);
        self.party_name(t.name.as_deref());
        self.address(n::POSTAL_ADDRESS, t.address.as_ref());
        self.party_tax_scheme(t.vat_id.as_deref(), true);
        self.out.close(n::TAX_REPRESENTATIVE_PARTY);
    }

    fn delivery(&mut self, d: &Delivery) {
        self.out.open(n::DELIVERY, &[]);
        self.date(n::ACTUAL_DELIVERY_DATE, d.actual_delivery_date);
        if d.location_id.is_some() || d.address.is_some() {
            self.out.open(n::DELIVERY_LOCATION, &[]);
            self.id(n::ID, d.location_id.as_ref());
            self.address(n::ADDRESS, d.address.as_ref());
            self.out.close(n::DELIVERY_LOCATION);
        }
        if let Some(name) = &d.party_name {
            self.out.open(n::DELIVERY_PARTY, &[]);
            self.party_name(Some(name));
            self.out.close(n::DELIVERY_PARTY);
        }
        self.out.close(n::DELIVERY);
    }

    /// BG-16: one `cac:PaymentMeans` per BG-17 credit transfer (at least
    /// one), each repeating BT-81/82/83 (and, in a credit note, BT-9);
    /// BG-18 and BG-19 in the first.
    fn payment(&mut self, inv: &Invoice) {
        let due = if self.credit { inv.due_date } else { None };
        let Some(p) = inv.payment.as_ref() else {
            if let Some(due) = due {
                self.out.open(n::PAYMENT_MEANS, &[]);
                self.date(n::PAYMENT_DUE_DATE, Some(due));
                self.out.close(n::PAYMENT_MEANS);
            }
            return;
        };
        let mandate = p
            .direct_debit
            .as_ref()
            .filter(|d| d.mandate_reference.is_some() || d.debited_account_id.is_some());
        let means_present = p.means_code.is_some()
            || p.means_text.is_some()
            || p.remittance_information.is_some()
            || !p.credit_transfers.is_empty()
            || p.card.is_some()
            || mandate.is_some()
            || due.is_some()
            // An empty BG-16 came from an empty cac:PaymentMeans: keep it.
            || *p == PaymentInstructions::default();
        if !means_present {
            return;
        }
        let count = p.credit_transfers.len().max(1);
        for i in 0..count {
            self.out.open(n::PAYMENT_MEANS, &[]);
            match &p.means_code {
                Some(code) => self.out.leaf(
                    n::PAYMENT_MEANS_CODE,
                    &[(n::NAME_ATTR, p.means_text.as_deref())],
                    code.code(),
                ),
                None => {
                    if p.means_text.is_some() && i == 0 {
                        self.dropped.push(Dropped {
                            term: TermPath::of(Term::bg(16)).child(Term::bt(82)),
                            reason: "UBL carries the payment means text only as an attribute \
                                     of the payment means code (BT-81), which is absent"
                                .into(),
                        });
                    }
                }
            }
            self.date(n::PAYMENT_DUE_DATE, due);
            self.text(n::PAYMENT_ID, p.remittance_information.as_deref());
            if i == 0
                && let Some(card) = &p.card
            {
                self.out.open(n::CARD_ACCOUNT, &[]);
                self.text(
                    n::PRIMARY_ACCOUNT_NUMBER_ID,
                    card.primary_account_number.as_deref(),
                );
                self.out.leaf(n::NETWORK_ID, &[], "NA");
                self.text(n::HOLDER_NAME, card.holder_name.as_deref());
                self.out.close(n::CARD_ACCOUNT);
            }
            if let Some(account) = p.credit_transfers.get(i) {
                self.out.open(n::PAYEE_FINANCIAL_ACCOUNT, &[]);
                self.text(n::ID, account.account_id.as_deref());
                self.text(n::NAME, account.account_name.as_deref());
                self.wrapped_id(
                    n::FINANCIAL_INSTITUTION_BRANCH,
                    account.service_provider_id.as_deref(),
                );
                self.out.close(n::PAYEE_FINANCIAL_ACCOUNT);
            }
            if i == 0
                && let Some(debit) = mandate
            {
                self.out.open(n::PAYMENT_MANDATE, &[]);
                self.text(n::ID, debit.mandate_reference.as_deref());
                self.wrapped_id(
                    n::PAYER_FINANCIAL_ACCOUNT,
                    debit.debited_account_id.as_deref(),
                );
                self.out.close(n::PAYMENT_MANDATE);
            }
            self.out.close(n::PAYMENT_MEANS);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn allowance_charge(
        &mut self,
        charge: bool,
        reason_code: Option<&str>,
        reason: Option<&str>,
        percentage: Option<&Decimal>,
        amount: Option<&Decimal>,
        base_amount: Option<&Decimal>,
        vat: Option<(Option<&VatCategoryCode>, Option<&Decimal>, Option<&str>)>,
    ) {
        self.out.open(n::ALLOWANCE_CHARGE, &[]);
        self.out.leaf(
            n::CHARGE_INDICATOR,
            &[],
            if charge { "true" } else { "false" },
        );
        self.text(n::ALLOWANCE_CHARGE_REASON_CODE, reason_code);
        self.text(n::ALLOWANCE_CHARGE_REASON, reason);
        self.decimal(n::MULTIPLIER_FACTOR_NUMERIC, percentage);
        self.amount(n::AMOUNT, amount);
        self.amount(n::BASE_AMOUNT, base_amount);
        if let Some((category, rate, scheme)) = vat
            && (category.is_some() || rate.is_some() || scheme.is_some())
        {
            self.tax_category(n::TAX_CATEGORY, category, rate, scheme);
        }
        self.out.close(n::ALLOWANCE_CHARGE);
    }

    fn tax_category(
        &mut self,
        name: &str,
        category: Option<&VatCategoryCode>,
        rate: Option<&Decimal>,
        scheme: Option<&str>,
    ) {
        self.out.open(name, &[]);
        self.text(n::ID, category.map(|c| c.code()));
        self.decimal(n::PERCENT, rate);
        self.tax_scheme(scheme);
        self.out.close(name);
    }

    fn tax_totals(&mut self, inv: &Invoice) {
        let t = &inv.totals;
        if t.tax_amount.is_some() || !inv.vat_breakdown.is_empty() {
            self.out.open(n::TAX_TOTAL, &[]);
            match t.tax_amount.as_ref() {
                Some(amount) => self.amount(n::TAX_AMOUNT, Some(amount)),
                None => {
                    // UBL requires cbc:TaxAmount in a cac:TaxTotal holding the
                    // breakdown; with no BT-110 the one value consistent with
                    // BR-CO-14 is the sum of the BT-117s.
                    let sum: Decimal = inv.vat_breakdown.iter().filter_map(|v| v.tax_amount).sum();
                    self.amount(n::TAX_AMOUNT, Some(&sum));
                    self.dropped.push(Dropped {
                        term: TermPath::of(Term::bt(110)),
                        reason: "absent, but UBL requires cac:TaxTotal/cbc:TaxAmount beside the \
                                 VAT breakdown: the sum of the VAT category tax amounts (BT-117) \
                                 was written"
                            .into(),
                    });
                }
            }
            for v in &inv.vat_breakdown {
                self.out.open(n::TAX_SUBTOTAL, &[]);
                self.amount(n::TAXABLE_AMOUNT, v.taxable_amount.as_ref());
                self.amount(n::TAX_AMOUNT, v.tax_amount.as_ref());
                self.out.open(n::TAX_CATEGORY, &[]);
                self.text(n::ID, v.category.as_ref().map(|c| c.code()));
                self.decimal(n::PERCENT, v.rate.as_ref());
                self.text(
                    n::TAX_EXEMPTION_REASON_CODE,
                    v.exemption_reason_code.as_ref().map(|c| c.code()),
                );
                self.text(n::TAX_EXEMPTION_REASON, v.exemption_reason.as_deref());
                self.tax_scheme(v.tax_scheme.as_deref());
                self.out.close(n::TAX_CATEGORY);
                self.out.close(n::TAX_SUBTOTAL);
            }
            self.out.close(n::TAX_TOTAL);
        }
        if let Some(accounting) = &t.tax_amount_accounting {
            let currency = accounting
                .currency
                .as_ref()
                .or(inv.vat_accounting_currency.as_ref())
                .map(|c| c.code());
            self.out.open(n::TAX_TOTAL, &[]);
            self.out.leaf(
                n::TAX_AMOUNT,
                &[(n::CURRENCY_ID, currency)],
                &dec(&accounting.amount),
            );
            self.out.close(n::TAX_TOTAL);
        }
    }

    fn monetary_total(&mut self, t: &DocumentTotals) {
        self.out.open(n::LEGAL_MONETARY_TOTAL, &[]);
        self.amount(n::LINE_EXTENSION_AMOUNT, t.line_net_total.as_ref());
        self.amount(n::TAX_EXCLUSIVE_AMOUNT, t.tax_exclusive_amount.as_ref());
        self.amount(n::TAX_INCLUSIVE_AMOUNT, t.tax_inclusive_amount.as_ref());
        self.amount(n::ALLOWANCE_TOTAL_AMOUNT, t.allowance_total.as_ref());
        self.amount(n::CHARGE_TOTAL_AMOUNT, t.charge_total.as_ref());
        self.amount(n::PREPAID_AMOUNT, t.prepaid_amount.as_ref());
        self.amount(n::PAYABLE_ROUNDING_AMOUNT, t.rounding_amount.as_ref());
        self.amount(n::PAYABLE_AMOUNT, t.amount_due.as_ref());
        self.out.close(n::LEGAL_MONETARY_TOTAL);
    }

    fn line(&mut self, line: &InvoiceLine) {
        let (name, quantity) = if self.credit {
            (n::CREDIT_NOTE_LINE, n::CREDITED_QUANTITY)
        } else {
            (n::INVOICE_LINE, n::INVOICED_QUANTITY)
        };
        self.out.open(name, &[]);
        self.text(n::ID, line.id.as_deref());
        self.text(n::NOTE, line.note.as_deref());
        self.quantity(quantity, line.quantity.as_ref(), line.unit_code.as_ref());
        self.amount(n::LINE_EXTENSION_AMOUNT, line.net_amount.as_ref());
        self.text(
            n::ACCOUNTING_COST,
            line.buyer_accounting_reference.as_deref(),
        );
        if let Some(period) = &line.period {
            self.out.open(n::INVOICE_PERIOD, &[]);
            self.date(n::START_DATE, period.start);
            self.date(n::END_DATE, period.end);
            self.out.close(n::INVOICE_PERIOD);
        }
        if let Some(order_line) = &line.order_line_reference {
            self.out.open(n::ORDER_LINE_REFERENCE, &[]);
            self.out.leaf(n::LINE_ID, &[], order_line);
            self.out.close(n::ORDER_LINE_REFERENCE);
        }
        if let Some(object) = &line.object_id {
            self.out.open(n::DOCUMENT_REFERENCE, &[]);
            self.id(n::ID, Some(object));
            self.out
                .leaf(n::DOCUMENT_TYPE_CODE, &[], n::INVOICED_OBJECT_TYPE);
            self.out.close(n::DOCUMENT_REFERENCE);
        }
        for a in &line.allowances {
            self.allowance_charge(
                false,
                a.reason_code.as_ref().map(|c| c.code()),
                a.reason.as_deref(),
                a.percentage.as_ref(),
                a.amount.as_ref(),
                a.base_amount.as_ref(),
                None,
            );
        }
        for c in &line.charges {
            self.allowance_charge(
                true,
                c.reason_code.as_ref().map(|c| c.code()),
                c.reason.as_deref(),
                c.percentage.as_ref(),
                c.amount.as_ref(),
                c.base_amount.as_ref(),
                None,
            );
        }
        self.item(line);
        if let Some(price) = &line.price {
            self.out.open(n::PRICE, &[]);
            self.amount(n::PRICE_AMOUNT, price.net_price.as_ref());
            self.quantity(
                n::BASE_QUANTITY,
                price.base_quantity.as_ref(),
                price.base_quantity_unit.as_ref(),
            );
            if price.discount.is_some() || price.gross_price.is_some() {
                self.out.open(n::ALLOWANCE_CHARGE, &[]);
                self.out.leaf(n::CHARGE_INDICATOR, &[], "false");
                self.amount(n::AMOUNT, price.discount.as_ref());
                self.amount(n::BASE_AMOUNT, price.gross_price.as_ref());
                self.out.close(n::ALLOWANCE_CHARGE);
            }
            self.out.close(n::PRICE);
        }
        self.out.close(name);
    }

    fn item(&mut self, line: &InvoiceLine) {
        let empty = Item::default();
        let item = line.item.as_ref().unwrap_or(&empty);
        self.out.open(n::ITEM, &[]);
        self.text(n::DESCRIPTION, item.description.as_deref());
        self.text(n::NAME, item.name.as_deref());
        self.wrapped_id(n::BUYERS_ITEM_IDENTIFICATION, item.buyer_id.as_deref());
        self.wrapped_id(n::SELLERS_ITEM_IDENTIFICATION, item.seller_id.as_deref());
        if let Some(id) = &item.standard_id {
            self.out.open(n::STANDARD_ITEM_IDENTIFICATION, &[]);
            self.id(n::ID, Some(id));
            self.out.close(n::STANDARD_ITEM_IDENTIFICATION);
        }
        if let Some(country) = &item.origin_country {
            self.out.open(n::ORIGIN_COUNTRY, &[]);
            self.out.leaf(n::IDENTIFICATION_CODE, &[], country.code());
            self.out.close(n::ORIGIN_COUNTRY);
        }
        for class in &item.classifications {
            self.out.open(n::COMMODITY_CLASSIFICATION, &[]);
            self.text_attrs(
                n::ITEM_CLASSIFICATION_CODE,
                Some(&class.value),
                &[
                    (n::LIST_ID, class.scheme.as_deref()),
                    (n::LIST_VERSION_ID, class.scheme_version.as_deref()),
                ],
            );
            self.out.close(n::COMMODITY_CLASSIFICATION);
        }
        if let Some(vat) = &line.vat {
            self.tax_category(
                n::CLASSIFIED_TAX_CATEGORY,
                vat.category.as_ref(),
                vat.rate.as_ref(),
                vat.tax_scheme.as_deref(),
            );
        }
        for attribute in &item.attributes {
            self.out.open(n::ADDITIONAL_ITEM_PROPERTY, &[]);
            self.text(n::NAME, attribute.name.as_deref());
            self.text(n::VALUE, attribute.value.as_deref());
            self.out.close(n::ADDITIONAL_ITEM_PROPERTY);
        }
        self.out.close(n::ITEM);
    }
}
