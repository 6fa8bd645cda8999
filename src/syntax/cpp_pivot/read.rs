//! `CPPFacturePivot` / `CPPFactureMixte` → EN 16931 model + [`PlatformData`].
//!
//! One reader for both Chorus Pro invoice formats: they share the envelope
//! and the invoice unit's structure (the mixed flow is a subset, see
//! `cpp_mixte`). The reader is tolerant of order and accepts both spellings
//! of the VAT wrapper (`TVAs` in the pivot XSD, `TVAS` in the mixed sample).
//! Elements it does not know are listed as ignored; elements with a
//! namespace are foreign and ignored too. The nesting walked is fixed (at
//! most five levels), so there is no recursion on input.

use super::names as n;
use super::{
    AttachmentData, Envelope, FlowInvoice, Parameter, Partner, PlatformData, StatusProducer,
    Validation,
};
use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::model::*;
use crate::syntax::node::{ReadContext, elements};
use crate::syntax::tree::Node;
use crate::syntax::{Document, Ignored, Syntax};

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

/// The local name of an un-namespaced element (`None` for a foreign one).
fn local<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    if node.tag_name().namespace().is_some() {
        None
    } else {
        Some(node.tag_name().name())
    }
}

/// The element text, `None` when empty or blank (an empty element is no
/// value).
fn plain(node: Node<'_, '_>) -> Option<String> {
    node.text()
        .filter(|t| !t.trim().is_empty())
        .map(str::to_owned)
}

/// The syntax of a Chorus Pro invoice flow root, if it is one.
pub(crate) fn syntax_of_root(root: Node<'_, '_>) -> Option<Syntax> {
    match local(root)? {
        n::PIVOT_ROOT => Some(Syntax::CppPivot),
        n::MIXTE_ROOT => Some(Syntax::CppMixte),
        _ => None,
    }
}

/// Reads every invoice of a parsed `CPPFacturePivot` or `CPPFactureMixte`
/// flow, each with its platform data (the envelope is copied into each).
/// Elements outside the invoices that the reader does not know are listed
/// in the first invoice's `ignored`.
pub fn read_all(doc: &crate::syntax::tree::Document<'_>, text: &str) -> Result<Vec<FlowInvoice>> {
    read_all_with_limits(doc, text, &Limits::default())
}

/// [`read_all`] within `limits` (those that apply after parsing:
/// [`Limits::max_attachment_bytes`]).
pub fn read_all_with_limits(
    doc: &crate::syntax::tree::Document<'_>,
    text: &str,
    limits: &Limits,
) -> Result<Vec<FlowInvoice>> {
    let root = doc.root_element();
    let Some(syntax) = syntax_of_root(root) else {
        return Err(Error::UnknownDocument {
            root: match root.tag_name().namespace() {
                Some(ns) => format!("{{{ns}}}{}", root.tag_name().name()),
                None => format!("{} (no namespace)", root.tag_name().name()),
            },
            expected: "a Chorus Pro CPPFacturePivot or CPPFactureMixte",
            pos: TextPos::at(text, root.range().start),
        });
    };
    let unit_name = match syntax {
        Syntax::CppMixte => n::MIXTE_UNIT,
        _ => n::PIVOT_UNIT,
    };
    let mut outer = ReadContext::with_limits(text, limits);
    let mut envelope = Envelope::default();
    let mut units = Vec::new();
    let mut seen_envelope = false;
    for c in elements(root) {
        match local(c) {
            Some(n::ENVELOPPE) if !seen_envelope => {
                seen_envelope = true;
                envelope = read_envelope(&mut outer, c)?;
            }
            Some(n::CPP_FACTURES) => {
                for u in elements(c) {
                    if local(u) == Some(unit_name) {
                        units.push(u);
                    } else {
                        outer.ignore(u);
                    }
                }
            }
            _ => outer.ignore(c),
        }
    }
    let mut out = Vec::with_capacity(units.len());
    for (i, unit) in units.into_iter().enumerate() {
        let mut r = UnitReader {
            cx: outer.sibling(),
            inv: Invoice::default(),
            platform: PlatformData {
                envelope: envelope.clone(),
                ..PlatformData::default()
            },
            pj_count: 0,
        };
        if i == 0 {
            r.cx.ignored.append(&mut outer.ignored);
        }
        r.unit(unit)?;
        let UnitReader {
            cx,
            mut inv,
            platform,
            ..
        } = r;
        inv.prune_empty_groups();
        out.push(FlowInvoice {
            document: Document {
                syntax,
                invoice: inv,
                source_map: cx.source_map,
                ignored: cx.ignored,
                unreadable: Vec::new(),
            },
            platform,
        });
    }
    Ok(out)
}

/// Reads the first invoice of a parsed Chorus Pro flow; the other invoice
/// units are listed as ignored (use [`read_all`] for them). A flow without
/// invoice gives an empty invoice.
pub fn read_document(doc: &crate::syntax::tree::Document<'_>, text: &str) -> Result<Document> {
    read_document_with_limits(doc, text, &Limits::default())
}

/// [`read_document`] within `limits` (those that apply after parsing:
/// [`Limits::max_attachment_bytes`]).
pub fn read_document_with_limits(
    doc: &crate::syntax::tree::Document<'_>,
    text: &str,
    limits: &Limits,
) -> Result<Document> {
    let syntax = syntax_of_root(doc.root_element()).unwrap_or(Syntax::CppPivot);
    let mut all = read_all_with_limits(doc, text, limits)?.into_iter();
    let Some(first) = all.next() else {
        let mut cx = ReadContext::new(text);
        for c in elements(doc.root_element()) {
            if !matches!(local(c), Some(n::ENVELOPPE | n::CPP_FACTURES)) {
                cx.ignore(c);
            }
        }
        return Ok(Document {
            syntax,
            invoice: Invoice::default(),
            source_map: cx.source_map,
            ignored: cx.ignored,
            unreadable: Vec::new(),
        });
    };
    let mut document = first.document;
    let root = doc.root_element();
    let units = elements(root)
        .filter(|c| local(*c) == Some(n::CPP_FACTURES))
        .flat_map(elements)
        .filter(|u| matches!(local(*u), Some(n::PIVOT_UNIT | n::MIXTE_UNIT)))
        .skip(1);
    for unit in units {
        document.ignored.push(Ignored {
            element: crate::syntax::node::xml_path(unit),
            span: Span::new(unit.range()),
        });
    }
    Ok(document)
}

pub(crate) fn read_envelope(cx: &mut ReadContext<'_>, node: Node<'_, '_>) -> Result<Envelope> {
    let mut env = Envelope::default();
    let mut seen_unit = false;
    for u in elements(node) {
        if local(u) != Some(n::ENVELOPPE_UNITAIRE) || seen_unit {
            cx.ignore(u);
            continue;
        }
        seen_unit = true;
        env.ordinal = u.attribute(n::NUM_ORDRE).map(str::to_owned);
        for c in elements(u) {
            match local(c) {
                Some(n::PARAMETRES) => {
                    for p in elements(c) {
                        if local(p) != Some(n::PARAMETRE_INDIV) {
                            cx.ignore(p);
                            continue;
                        }
                        let mut param = Parameter {
                            ordinal: p.attribute(n::NUM_ORDRE).map(str::to_owned),
                            ..Parameter::default()
                        };
                        for f in elements(p) {
                            match local(f) {
                                Some(n::CODE) => param.code = f.text().unwrap_or("").to_owned(),
                                Some(n::VALEUR_PARAMETRE) => {
                                    param.value = f.text().unwrap_or("").to_owned();
                                }
                                Some(n::NOTE) => param.note = plain(f),
                                _ => cx.ignore(f),
                            }
                        }
                        env.parameters.push(param);
                    }
                }
                Some(n::PARTENAIRES) => {
                    for p in elements(c) {
                        let slot = match local(p) {
                            Some(n::RECEPTEUR) => &mut env.receiver,
                            Some(n::EMETTEUR) => &mut env.emitter,
                            _ => {
                                cx.ignore(p);
                                continue;
                            }
                        };
                        let mut partner = Partner::default();
                        for f in elements(p) {
                            match local(f) {
                                Some(n::ID) => partner.id = f.text().unwrap_or("").to_owned(),
                                Some(n::LIBELLE) => partner.label = plain(f),
                                Some(n::NOTE) => partner.note = plain(f),
                                _ => cx.ignore(f),
                            }
                        }
                        *slot = Some(partner);
                    }
                }
                _ => cx.ignore(c),
            }
        }
    }
    Ok(env)
}

struct UnitReader<'a> {
    cx: ReadContext<'a>,
    inv: Invoice,
    platform: PlatformData,
    pj_count: usize,
}

impl UnitReader<'_> {
    /// The element text recorded under `path`, `None` when empty.
    fn opt(&mut self, path: TermPath, node: Node<'_, '_>) -> Option<String> {
        let value = plain(node)?;
        self.cx.record(path, node);
        Some(value)
    }

    fn decimal(&mut self, path: TermPath, node: Node<'_, '_>) -> Result<Option<Decimal>> {
        if plain(node).is_none() {
            return Ok(None);
        }
        self.cx.decimal(path, node)
    }

    fn date(&mut self, path: TermPath, node: Node<'_, '_>) -> Result<Option<NaiveDate>> {
        if plain(node).is_none() {
            return Ok(None);
        }
        self.cx.iso_date(path, node)
    }

    /// A date of the platform data (not a business term).
    fn platform_date(&self, node: Node<'_, '_>) -> Result<Option<NaiveDate>> {
        let Some(raw) = plain(node) else {
            return Ok(None);
        };
        crate::syntax::lexical::iso_date(&raw)
            .map(Some)
            .map_err(|reason| self.cx.invalid("date", &raw, node, reason))
    }

    fn payment(&mut self) -> &mut PaymentInstructions {
        self.inv.payment.get_or_insert_with(Default::default)
    }

    fn unit(&mut self, node: Node<'_, '_>) -> Result<()> {
        self.platform.ordinal = node.attribute(n::NUM_ORDRE).map(str::to_owned);
        for c in elements(node) {
            match local(c) {
                Some(n::FOURNISSEUR) => self.supplier(c)?,
                Some(n::DEBITEUR) => self.debtor(c),
                Some(n::DONNEES_FACTURE) => self.invoice_data(c)?,
                Some(n::PJ) => self.attachment(c)?,
                Some(n::CYCLE_DE_VALIDATION) => self.validation_cycle(c)?,
                _ => self.cx.ignore(c),
            }
        }
        // The invoice itself (TypePJ 01) is referenced by the invoice number.
        if let Some(number) = self.inv.number.clone() {
            for (doc, data) in self
                .inv
                .supporting_documents
                .iter_mut()
                .zip(&self.platform.attachments)
            {
                if data.kind.as_deref() == Some("01") {
                    doc.reference = Some(number.clone());
                }
            }
        }
        Ok(())
    }

    /// `TypeIdentifiant` + `Identifiant` of a party, as an identifier whose
    /// scheme is the Chorus type.
    fn party_id(&mut self, node: Node<'_, '_>, path: TermPath) -> Option<Identifier> {
        let scheme = elements(node)
            .find(|c| local(*c) == Some(n::TYPE_IDENTIFIANT))
            .and_then(plain)
            .map(|s| s.trim().to_owned());
        let id = elements(node).find(|c| local(*c) == Some(n::IDENTIFIANT))?;
        let value = self.opt(path, id)?;
        Some(Identifier {
            value,
            scheme,
            scheme_name: None,
        })
    }

    fn supplier(&mut self, node: Node<'_, '_>) -> Result<()> {
        if let Some(id) = self.party_id(node, TermPath::root().nth(bt(29), 1)) {
            self.inv.seller.identifiers.push(id);
        }
        for c in elements(node) {
            match local(c) {
                Some(n::TYPE_IDENTIFIANT | n::IDENTIFIANT) => {}
                Some(n::RAISON_SOCIALE) => self.inv.seller.name = self.opt(top(27), c),
                Some(n::CODE_PAYS) => {
                    let path = TermPath::of(bg(5)).child(bt(40));
                    if let Some(code) = self.opt(path, c) {
                        self.inv
                            .seller
                            .address
                            .get_or_insert_with(Default::default)
                            .country = Some(CountryCode::from(code));
                    }
                }
                Some(n::REFERENCE_BANCAIRE) => {
                    self.platform.bank_account_type = c.attribute(n::TYPE_ATTR).map(str::to_owned);
                    let base = TermPath::of(bg(16)).nth(bg(17), 1);
                    let mut transfer = CreditTransfer::default();
                    for f in elements(c) {
                        match local(f) {
                            Some(n::COMPTE) => {
                                transfer.account_id = self.opt(base.child(bt(84)), f)
                            }
                            Some(n::ETABLISSEMENT) => self.platform.bank_name = plain(f),
                            Some(n::RAISON_SOCIALE_ENCAISSEUR) => {
                                transfer.account_name = self.opt(base.child(bt(85)), f);
                            }
                            _ => self.cx.ignore(f),
                        }
                    }
                    if transfer != CreditTransfer::default() {
                        self.payment().credit_transfers.push(transfer);
                    }
                }
                Some(n::MODE_EMISSION) => self.platform.emission_mode = plain(c),
                _ => self.cx.ignore(c),
            }
        }
        Ok(())
    }

    fn debtor(&mut self, node: Node<'_, '_>) {
        self.inv.buyer.identifier = self.party_id(node, top(46));
        for c in elements(node) {
            match local(c) {
                Some(n::TYPE_IDENTIFIANT | n::IDENTIFIANT) => {}
                Some(n::NOM) => self.inv.buyer.name = self.opt(top(44), c),
                Some(n::CODE_SERVICE) => self.inv.buyer_reference = self.opt(top(10), c),
                Some(n::NOM_SERVICE) => self.platform.service_name = plain(c),
                _ => self.cx.ignore(c),
            }
        }
    }

    fn invoice_data(&mut self, node: Node<'_, '_>) -> Result<()> {
        for c in elements(node) {
            match local(c) {
                Some(n::ID) => self.inv.number = self.opt(top(1), c),
                Some(n::ID_CPRO) => self.platform.cpro_id = plain(c),
                Some(n::RENVOI) => self.platform.resent = plain(c),
                Some(n::ID_FACTURE_ORIGINE) => {
                    let path = TermPath::root().nth(bg(3), 1).child(bt(25));
                    if let Some(number) = self.opt(path, c) {
                        self.inv.preceding_invoices.push(PrecedingInvoice {
                            number: Some(number),
                            issue_date: None,
                        });
                    }
                }
                Some(n::TYPE) => {
                    self.inv.type_code =
                        self.opt(top(3), c).map(|t| InvoiceTypeCode::from(t.trim()));
                }
                Some(n::CADRE) => {
                    self.inv.process.business_process = self.opt(TermPath::of(bt(23)), c);
                }
                Some(n::DATE_EMISSION) => self.inv.issue_date = self.date(top(2), c)?,
                Some(n::DATE_LIVRAISON) => {
                    let path = TermPath::of(bg(13)).child(bt(72));
                    if let Some(date) = self.date(path, c)? {
                        self.inv
                            .delivery
                            .get_or_insert_with(Default::default)
                            .actual_delivery_date = Some(date);
                    }
                }
                Some(n::MODE_PAIEMENT) => {
                    let base = TermPath::of(bg(16));
                    for f in elements(c) {
                        match local(f) {
                            Some(n::CODE) => {
                                if let Some(code) = self.opt(base.child(bt(81)), f) {
                                    self.payment().means_code =
                                        Some(PaymentMeansCode::from(code.trim()));
                                }
                            }
                            Some(n::LIBELLE) => {
                                if let Some(text) = self.opt(base.child(bt(82)), f) {
                                    self.payment().means_text = Some(text);
                                }
                            }
                            _ => self.cx.ignore(f),
                        }
                    }
                }
                Some(n::DATE_RECEPTION) => self.platform.reception_date = self.platform_date(c)?,
                Some(n::DATE_MOE) => self.platform.moe_availability_date = self.platform_date(c)?,
                Some(n::DEVISE) => {
                    self.inv.currency = self.opt(top(5), c).map(|d| CurrencyCode::from(d.trim()));
                }
                Some(n::MONTANTS) => {
                    let base = TermPath::of(bg(22));
                    for f in elements(c) {
                        match local(f) {
                            Some(n::MONTANT_HT) => {
                                self.inv.totals.tax_exclusive_amount =
                                    self.decimal(base.child(bt(109)), f)?;
                            }
                            Some(n::MONTANT_TTC) => {
                                self.inv.totals.tax_inclusive_amount =
                                    self.decimal(base.child(bt(112)), f)?;
                            }
                            Some(n::MONTANT_NET) => {
                                self.inv.totals.amount_due =
                                    self.decimal(base.child(bt(115)), f)?;
                            }
                            _ => self.cx.ignore(f),
                        }
                    }
                }
                Some(n::TVAS_PIVOT | n::TVAS_MIXTE) => self.vat_lines(c)?,
                Some(n::ENGAGEMENT) => {
                    for f in elements(c) {
                        match local(f) {
                            Some(n::NUMERO_MARCHE) => {
                                self.inv.contract_reference = self.opt(top(12), f);
                            }
                            Some(n::NUMERO_ENGAGEMENT) => {
                                self.inv.purchase_order_reference = self.opt(top(13), f);
                            }
                            _ => self.cx.ignore(f),
                        }
                    }
                }
                Some(n::LIGNES) => self.lines(c)?,
                _ => self.cx.ignore(c),
            }
        }
        Ok(())
    }

    fn vat_lines(&mut self, node: Node<'_, '_>) -> Result<()> {
        let mut total: Option<Decimal> = None;
        for t in elements(node) {
            if local(t) != Some(n::TVA) {
                self.cx.ignore(t);
                continue;
            }
            let base = TermPath::root().nth(bg(23), idx(self.inv.vat_breakdown.len() + 1));
            let mut vat = VatBreakdown::default();
            for f in elements(t) {
                match local(f) {
                    Some(n::TAUX) => vat.rate = self.decimal(base.child(bt(119)), f)?,
                    Some(n::BASE_HT) => {
                        vat.taxable_amount = self.decimal(base.child(bt(116)), f)?
                    }
                    Some(n::MONTANT_TVA) => {
                        vat.tax_amount = self.decimal(base.child(bt(117)), f)?
                    }
                    _ => self.cx.ignore(f),
                }
            }
            vat.category = implied_category(vat.rate.as_ref());
            if let Some(amount) = vat.tax_amount {
                total = Some(total.unwrap_or_default() + amount);
            }
            self.inv.vat_breakdown.push(vat);
        }
        if total.is_some() {
            self.cx.record(TermPath::of(bg(22)).child(bt(110)), node);
            self.inv.totals.tax_amount = total;
        }
        Ok(())
    }

    fn lines(&mut self, node: Node<'_, '_>) -> Result<()> {
        for l in elements(node) {
            if local(l) != Some(n::LIGNE) {
                self.cx.ignore(l);
                continue;
            }
            let base = TermPath::root().nth(bg(25), idx(self.inv.lines.len() + 1));
            let mut line = InvoiceLine {
                id: l.attribute(n::NUM_ORDRE).map(str::to_owned),
                ..InvoiceLine::default()
            };
            if line.id.is_some() {
                self.cx.record(base.child(bt(126)), l);
            }
            for f in elements(l) {
                match local(f) {
                    Some(n::REFERENCE_PRODUIT) => {
                        let path = base.child(bg(31)).child(bt(155));
                        if let Some(r) = self.opt(path, f) {
                            line.item.get_or_insert_with(Default::default).seller_id = Some(r);
                        }
                    }
                    Some(n::PRIX_UNITAIRE) => {
                        let path = base.child(bg(29)).child(bt(146));
                        if let Some(p) = self.decimal(path, f)? {
                            line.price.get_or_insert_with(Default::default).net_price = Some(p);
                        }
                    }
                    Some(n::QUANTITE) => line.quantity = self.decimal(base.child(bt(129)), f)?,
                    Some(n::MONTANT_HT) => {
                        line.net_amount = self.decimal(base.child(bt(131)), f)?
                    }
                    Some(n::TAUX_TVA) => {
                        let path = base.child(bg(30)).child(bt(152));
                        if let Some(rate) = self.decimal(path, f)? {
                            let vat = line.vat.get_or_insert_with(Default::default);
                            vat.category = implied_category(Some(&rate));
                            vat.rate = Some(rate);
                        }
                    }
                    _ => self.cx.ignore(f),
                }
            }
            self.inv.lines.push(line);
        }
        Ok(())
    }

    fn attachment(&mut self, node: Node<'_, '_>) -> Result<()> {
        self.pj_count += 1;
        let base = TermPath::root().nth(bg(24), idx(self.pj_count));
        let mut data = AttachmentData {
            ordinal: node.attribute(n::NUM_ORDRE).map(str::to_owned),
            without_content: true,
            ..AttachmentData::default()
        };
        let mut doc = SupportingDocument::default();
        let mut object = BinaryObject::default();
        for f in elements(node) {
            match local(f) {
                Some(n::ID_UNIQUE) => data.unique_id = plain(f),
                Some(n::ID_ORIGINAL) => data.original_id = plain(f),
                Some(n::CONTENU) => {
                    data.without_content = false;
                    object.content = self.cx.base64(base.child(bt(125)), f)?.unwrap_or_default();
                }
                Some(n::NOM_PJ) => {
                    object.filename = self.opt(base.child(bt_sub(125, 2)), f);
                    doc.reference.clone_from(&object.filename);
                }
                Some(n::NOM_PJ_ORIGINE) => data.original_name = plain(f),
                Some(n::CATEGORIE_PJ) => doc.description = self.opt(base.child(bt(123)), f),
                Some(n::TYPE_PJ) => data.kind = plain(f).map(|k| k.trim().to_owned()),
                Some(n::MIME_TYPE_PJ) => {
                    object.mime_code = self
                        .opt(base.child(bt_sub(125, 1)), f)
                        .map(|m| MimeCode::from(m.trim()));
                }
                _ => self.cx.ignore(f),
            }
        }
        doc.attachment = Some(object);
        self.inv.supporting_documents.push(doc);
        self.platform.attachments.push(data);
        Ok(())
    }

    fn validation_cycle(&mut self, node: Node<'_, '_>) -> Result<()> {
        for v in elements(node) {
            if local(v) != Some(n::VALIDATION_UNITAIRE) {
                self.cx.ignore(v);
                continue;
            }
            let mut step = Validation::default();
            for f in elements(v) {
                match local(f) {
                    Some(n::DATE_STATUT) => step.date = self.platform_date(f)?,
                    Some(n::CODE_STATUT) => step.status_code = f.text().unwrap_or("").to_owned(),
                    Some(n::COMPLEMENT_STATUT) => step.complement = plain(f),
                    Some(n::COMMENTAIRE) => step.comment = plain(f),
                    Some(n::PRODUCTEUR_STATUT) => {
                        let mut p = StatusProducer::default();
                        for g in elements(f) {
                            let text = g.text().unwrap_or("").to_owned();
                            match local(g) {
                                Some(n::TYPE_IDENTIFIANT) => p.id_type = text,
                                Some(n::ID) => p.id = text,
                                Some(n::RAISON_SOCIALE) => p.name = text,
                                Some(n::CODE_PAYS) => p.country = text,
                                Some(n::NOTE) => p.note = plain(g),
                                _ => self.cx.ignore(g),
                            }
                        }
                        step.producer = p;
                    }
                    _ => self.cx.ignore(f),
                }
            }
            self.platform.validation_cycle.push(step);
        }
        Ok(())
    }
}

fn bt_sub(number: u16, sub: u8) -> Term {
    Term::bt_sub(number, sub)
}

/// The VAT category a Chorus Pro VAT rate implies: `S` for a non-zero rate
/// (the only EN 16931 category with a non-zero French rate), none for zero.
pub(crate) fn implied_category(rate: Option<&Decimal>) -> Option<VatCategoryCode> {
    rate.filter(|r| !r.is_zero())
        .map(|_| VatCategoryCode::Standard)
}
