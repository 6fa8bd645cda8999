//! EN 16931 model + [`PlatformData`] → `CPPFacturePivot` /
//! `CPPFactureMixte`, the mirror of `read.rs`, in the element order of the
//! AIFE XSD sequences, with names from the shared table.
//!
//! Business data is never invented: a term absent from the model is not
//! written, even when the XSD makes its element mandatory (the rule engine
//! reports what is missing). Two exceptions follow the platform's own
//! defaults: an absent cadre (BT-23) is written `A1`, and an absent or
//! unlisted payment means (BT-81) is written `30` (credit transfer, EDI
//! annex rule G1.14 as reported); a replaced value is listed as dropped.
//! Platform data get the defaults documented on [`PlatformData`].

use super::names as n;
use super::read::implied_category;
use super::{Flavor, PivotOptions, PivotVersion, PlatformData};
use crate::error::Result;
use crate::model::*;
use crate::syntax::lexical::{encode_base64, format_iso};
use crate::syntax::xml_output::XmlOut;
use crate::syntax::{Dropped, Written};

/// Writes one invoice as a `CPPFacturePivot` flow of the chosen version.
pub fn write(invoice: &Invoice, options: &PivotOptions) -> Result<Written> {
    write_units(
        Flavor::Pivot(options.version),
        &[(invoice, &options.platform)],
    )
}

/// Writes several invoices in one `CPPFacturePivot` flow (the envelope is
/// the first invoice's). Dropped terms of the n-th invoice (n > 1) say so
/// in their reason.
pub fn write_flow(
    invoices: &[(&Invoice, &PlatformData)],
    version: PivotVersion,
) -> Result<Written> {
    write_units(Flavor::Pivot(version), invoices)
}

/// Writes a flow of the given flavor.
pub(crate) fn write_units(
    flavor: Flavor,
    invoices: &[(&Invoice, &PlatformData)],
) -> Result<Written> {
    let mut out = XmlOut::new();
    let mut dropped = Vec::new();
    let (root, unit_name) = match flavor {
        Flavor::Pivot(_) => (n::PIVOT_ROOT, n::PIVOT_UNIT),
        Flavor::Mixte => (n::MIXTE_ROOT, n::MIXTE_UNIT),
    };
    match flavor {
        Flavor::Pivot(v) => out.open(
            root,
            &[
                (n::VERSION, Some(v.as_str())),
                (n::XMLNS_XSI, Some(n::XSI_NS)),
                (n::XSI_LOCATION, Some(v.schema_file())),
            ],
        ),
        Flavor::Mixte => out.open(
            root,
            &[
                (n::XMLNS_XSI, Some(n::XSI_NS)),
                (
                    n::XSI_LOCATION,
                    Some(super::super::cpp_mixte::SCHEMA_LOCATION),
                ),
            ],
        ),
    }
    let empty = PlatformData::default();
    let (first_inv, first_platform) = invoices
        .first()
        .map_or((None, &empty), |(i, p)| (Some(*i), *p));
    envelope(&mut out, flavor, first_inv, first_platform);
    let count = invoices.len().to_string();
    out.open(n::CPP_FACTURES, &[(n::COMPTEUR, Some(&count))]);
    for (i, (invoice, platform)) in invoices.iter().enumerate() {
        let mut w = Unit {
            out: &mut out,
            flavor,
            inv: invoice,
            platform,
            dropped: Vec::new(),
        };
        let ordinal = platform
            .ordinal
            .clone()
            .unwrap_or_else(|| (i + 1).to_string());
        w.out.open(unit_name, &[(n::NUM_ORDRE, Some(&ordinal))]);
        w.unit();
        w.out.close(unit_name);
        let mut unit_dropped = w.dropped;
        if i > 0 {
            for d in &mut unit_dropped {
                d.reason = format!("invoice {}: {}", i + 1, d.reason);
            }
        }
        dropped.append(&mut unit_dropped);
    }
    out.close(n::CPP_FACTURES);
    out.close(root);
    Ok(Written {
        xml: out.finish()?,
        dropped,
    })
}

/// The reception date the writer uses: the platform's, or the issue date.
fn reception_date(inv: Option<&Invoice>, platform: &PlatformData) -> Option<NaiveDate> {
    platform
        .reception_date
        .or_else(|| inv.and_then(|i| i.issue_date))
}

fn envelope(out: &mut XmlOut, flavor: Flavor, inv: Option<&Invoice>, platform: &PlatformData) {
    let env = &platform.envelope;
    out.open(n::ENVELOPPE, &[]);
    let ordinal = env.ordinal.as_deref().unwrap_or("1");
    out.open(n::ENVELOPPE_UNITAIRE, &[(n::NUM_ORDRE, Some(ordinal))]);
    out.open(n::PARAMETRES, &[]);
    let defaults;
    let params = if env.parameters.is_empty() {
        let mut d = Vec::new();
        if let Some(date) = reception_date(inv, platform) {
            d.push(("DtPrd".to_owned(), format_iso(date)));
        }
        let flow_id = inv
            .and_then(|i| i.number.clone())
            .unwrap_or_else(|| "1".to_owned());
        d.push(("IdFlx".to_owned(), flow_id));
        defaults = d
            .into_iter()
            .map(|(code, value)| super::Parameter {
                code,
                value,
                ..super::Parameter::default()
            })
            .collect::<Vec<_>>();
        &defaults
    } else {
        &env.parameters
    };
    for (i, p) in params.iter().enumerate() {
        let ordinal = p.ordinal.clone().unwrap_or_else(|| format!("{:04}", i + 1));
        out.open(n::PARAMETRE_INDIV, &[(n::NUM_ORDRE, Some(&ordinal))]);
        out.leaf(n::CODE, &[], &p.code);
        out.leaf(n::VALEUR_PARAMETRE, &[], &p.value);
        out.opt(n::NOTE, p.note.as_deref());
        out.close(n::PARAMETRE_INDIV);
    }
    out.close(n::PARAMETRES);
    let (default_receiver, default_emitter) = match flavor {
        Flavor::Pivot(_) => ("XXX001", "CPP001"),
        Flavor::Mixte => ("CPP001", "XXX001"),
    };
    out.open(n::PARTENAIRES, &[]);
    for (name, partner, default) in [
        (n::RECEPTEUR, &env.receiver, default_receiver),
        (n::EMETTEUR, &env.emitter, default_emitter),
    ] {
        out.open(name, &[]);
        match partner {
            Some(p) => {
                out.leaf(n::ID, &[], &p.id);
                out.opt(n::LIBELLE, p.label.as_deref());
                out.opt(n::NOTE, p.note.as_deref());
            }
            None => out.leaf(n::ID, &[], default),
        }
        out.close(name);
    }
    out.close(n::PARTENAIRES);
    out.close(n::ENVELOPPE_UNITAIRE);
    out.close(n::ENVELOPPE);
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

fn dec(d: &Decimal) -> String {
    d.to_string()
}

/// The Chorus identifier type code (`1`…`7`) of an identifier, if it says
/// one: the model's reading ([`IdentifierType::of`]: `schemeName` or scheme
/// `1`…`7`, SIRET for ICD 0009, and for ICD 0002 or no scheme with a
/// 14-digit value).
fn chorus_type(id: &Identifier) -> Option<&'static str> {
    IdentifierType::of(id).map(IdentifierType::code)
}

/// The payment means codes the pivot XSD admits.
const PIVOT_MEANS: [&str; 8] = ["10", "20", "30", "31", "42", "48", "49", "97"];

struct Unit<'a, 'o> {
    out: &'o mut XmlOut,
    flavor: Flavor,
    inv: &'a Invoice,
    platform: &'a PlatformData,
    dropped: Vec<Dropped>,
}

impl Unit<'_, '_> {
    fn drop(&mut self, term: TermPath, reason: &str) {
        self.dropped.push(Dropped {
            term,
            reason: reason.to_owned(),
        });
    }

    fn drop_if(&mut self, present: bool, term: TermPath, reason: &str) {
        if present {
            self.drop(term, reason);
        }
    }

    fn is_pivot(&self) -> bool {
        matches!(self.flavor, Flavor::Pivot(_))
    }

    fn is_v2(&self) -> bool {
        matches!(self.flavor, Flavor::Pivot(v) if v.is_v2())
    }

    fn format_name(&self) -> &'static str {
        match self.flavor {
            Flavor::Pivot(_) => "the pivot",
            Flavor::Mixte => "CPPFactureMixte",
        }
    }

    /// Reports platform data that this format or version cannot carry.
    fn platform_dropped(&mut self, present: bool, element: &str) {
        if present {
            let reason = match self.flavor {
                Flavor::Pivot(v) => format!(
                    "platform data {element} has no element in CPPFacturePivot {}",
                    v.as_str()
                ),
                Flavor::Mixte => {
                    format!("platform data {element} has no element in CPPFactureMixte")
                }
            };
            self.dropped.push(Dropped {
                term: TermPath::root(),
                reason,
            });
        }
    }

    fn unit(&mut self) {
        self.supplier();
        self.debtor();
        self.invoice_data();
        self.attachments();
        if self.is_pivot() && !self.platform.validation_cycle.is_empty() {
            self.validation_cycle();
        } else {
            self.platform_dropped(
                !self.platform.validation_cycle.is_empty(),
                "CycleDeValidation",
            );
        }
        self.unmapped();
    }

    fn supplier(&mut self) {
        let inv = self.inv;
        let seller = &inv.seller;
        // The identifier: the first BT-29 with a Chorus type, then BT-30,
        // then the VAT identifier as type 2 (intra-EU VAT number).
        let mut chosen: Option<(TermPath, &str, &str)> = None;
        for (i, id) in seller.identifiers.iter().enumerate() {
            if let Some(t) = chorus_type(id) {
                chosen = Some((TermPath::root().nth(bt(29), idx(i + 1)), t, &id.value));
                break;
            }
        }
        if chosen.is_none()
            && let Some(id) = &seller.legal_registration_id
            && let Some(t) = chorus_type(id)
        {
            chosen = Some((top(30), t, &id.value));
        }
        if chosen.is_none()
            && let Some(vat) = &seller.vat_id
        {
            chosen = Some((top(31), "2", vat));
        }
        self.out.open(n::FOURNISSEUR, &[]);
        if let Some((_, t, value)) = chosen {
            self.out.leaf(n::TYPE_IDENTIFIANT, &[], t);
            self.out.leaf(n::IDENTIFIANT, &[], value);
        }
        let chosen_path = chosen.map(|(p, _, _)| p);
        let why = "the supplier has one identifier (TypeIdentifiant + Identifiant)";
        for i in 0..seller.identifiers.len() {
            let path = TermPath::root().nth(bt(29), idx(i + 1));
            if Some(path) != chosen_path {
                self.drop(path, why);
            }
        }
        if chosen_path != Some(top(30)) {
            self.drop_if(seller.legal_registration_id.is_some(), top(30), why);
        }
        if chosen_path != Some(top(31)) {
            self.drop_if(seller.vat_id.is_some(), top(31), why);
        }
        self.out.opt(n::RAISON_SOCIALE, seller.name.as_deref());
        let address = seller.address.as_ref();
        self.out.opt(
            n::CODE_PAYS,
            address.and_then(|a| a.country.as_ref()).map(|c| c.code()),
        );
        if let Some(a) = address {
            let base = TermPath::of(bg(5));
            let reason = "the supplier's address is only its country (CodePays)";
            for (present, term) in [
                (a.line1.is_some(), 35),
                (a.line2.is_some(), 36),
                (a.line3.is_some(), 162),
                (a.city.is_some(), 37),
                (a.post_code.is_some(), 38),
                (a.country_subdivision.is_some(), 39),
            ] {
                self.drop_if(present, base.child(bt(term)), reason);
            }
        }
        self.bank_reference();
        if self.is_pivot() {
            let mode = self.platform.emission_mode.as_deref().unwrap_or("flux");
            self.out.leaf(n::MODE_EMISSION, &[], mode);
        } else {
            self.platform_dropped(self.platform.emission_mode.is_some(), "ModeEmission");
        }
        self.out.close(n::FOURNISSEUR);
        let reason = format!("{} has no element for it", self.format_name());
        let seller = &self.inv.seller;
        for (present, term) in [
            (seller.trading_name.is_some(), 28),
            (seller.tax_registration_id.is_some(), 32),
            (seller.additional_legal_info.is_some(), 33),
            (seller.electronic_address.is_some(), 34),
        ] {
            self.drop_if(present, top(term), &reason);
        }
        self.drop_if(seller.contact.is_some(), TermPath::of(bg(6)), &reason);
    }

    fn bank_reference(&mut self) {
        let payment = self.inv.payment.as_ref();
        let transfers = payment.map_or(&[][..], |p| p.credit_transfers.as_slice());
        let base = TermPath::of(bg(16));
        if !self.is_pivot() {
            for i in 0..transfers.len() {
                self.drop(
                    base.nth(bg(17), idx(i + 1)),
                    "CPPFactureMixte has no bank reference (inferred from the AIFE sample)",
                );
            }
            self.platform_dropped(
                self.platform.bank_name.is_some() || self.platform.bank_account_type.is_some(),
                "ReferenceBancaire",
            );
            return;
        }
        let first = transfers.first();
        let account = first.and_then(|t| t.account_id.as_deref());
        let holder = first.and_then(|t| t.account_name.as_deref());
        let bank = self.platform.bank_name.as_deref();
        if account.is_some() || holder.is_some() || bank.is_some() {
            let inferred = account.filter(|a| looks_like_iban(a)).map(|_| "IBAN");
            let kind = self.platform.bank_account_type.as_deref().or(inferred);
            self.out
                .open(n::REFERENCE_BANCAIRE, &[(n::TYPE_ATTR, kind)]);
            self.out.opt(n::COMPTE, account);
            self.out.opt(n::ETABLISSEMENT, bank);
            self.out.opt(n::RAISON_SOCIALE_ENCAISSEUR, holder);
            self.out.close(n::REFERENCE_BANCAIRE);
        }
        if let Some(t) = first {
            self.drop_if(
                t.service_provider_id.is_some(),
                base.nth(bg(17), 1).child(bt(86)),
                "the pivot names the bank (Etablissement), not its BIC",
            );
        }
        for i in 1..transfers.len() {
            self.drop(
                base.nth(bg(17), idx(i + 1)),
                "the pivot has one bank reference",
            );
        }
    }

    fn debtor(&mut self) {
        let buyer = &self.inv.buyer;
        let siret_like = |id: &Identifier| IdentifierType::of(id) == Some(IdentifierType::Siret);
        let (chosen, chosen_term) = match (&buyer.identifier, &buyer.legal_registration_id) {
            (Some(id), _) if siret_like(id) => (Some(id), 46),
            (_, Some(id)) if siret_like(id) => (Some(id), 47),
            (Some(id), _) => (Some(id), 46),
            (None, Some(id)) => (Some(id), 47),
            (None, None) => (None, 0),
        };
        self.out.open(n::DEBITEUR, &[]);
        self.out.leaf(n::TYPE_IDENTIFIANT, &[], "1");
        if let Some(id) = chosen {
            self.out.leaf(n::IDENTIFIANT, &[], &id.value);
        }
        self.out.opt(n::NOM, buyer.name.as_deref());
        self.out
            .opt(n::CODE_SERVICE, self.inv.buyer_reference.as_deref());
        self.out
            .opt(n::NOM_SERVICE, self.platform.service_name.as_deref());
        self.out.close(n::DEBITEUR);
        let why = "the public buyer has one identifier, its SIRET";
        self.drop_if(
            buyer.identifier.is_some() && chosen_term != 46,
            top(46),
            why,
        );
        self.drop_if(
            buyer.legal_registration_id.is_some() && chosen_term != 47,
            top(47),
            why,
        );
        let reason = format!("{} has no element for it", self.format_name());
        for (present, term) in [
            (buyer.trading_name.is_some(), 45),
            (buyer.vat_id.is_some(), 48),
            (buyer.electronic_address.is_some(), 49),
        ] {
            self.drop_if(present, top(term), &reason);
        }
        self.drop_if(buyer.address.is_some(), TermPath::of(bg(8)), &reason);
        self.drop_if(buyer.contact.is_some(), TermPath::of(bg(9)), &reason);
    }

    fn type_code(&mut self) -> &'static str {
        match &self.inv.type_code {
            None => "380",
            Some(InvoiceTypeCode::CommercialInvoice) => "380",
            Some(InvoiceTypeCode::CreditNote) => "381",
            Some(code) => {
                let written = if code.is_credit_note() { "381" } else { "380" };
                self.drop(
                    top(3),
                    &format!(
                        "the type is 380 or 381: {} written as {written}",
                        code.code()
                    ),
                );
                written
            }
        }
    }

    fn cadre(&mut self) -> String {
        match (&self.inv.process.business_process, self.flavor) {
            (None, _) => "A1".to_owned(),
            (Some(c), Flavor::Pivot(v)) if v.admits_cadre(c.trim()) => c.trim().to_owned(),
            (Some(c), Flavor::Mixte)
                if PivotVersion::V1_20.admits_cadre(c.trim())
                    || PivotVersion::V2_02.admits_cadre(c.trim()) =>
            {
                c.trim().to_owned()
            }
            (Some(c), _) => {
                let reason = format!(
                    "cadre {c:?} is not admitted by {}{}: written as A1",
                    self.format_name(),
                    match self.flavor {
                        Flavor::Pivot(v) => format!(" {}", v.as_str()),
                        Flavor::Mixte => String::new(),
                    }
                );
                self.drop(TermPath::of(bt(23)), &reason);
                "A1".to_owned()
            }
        }
    }

    fn means_code(&mut self) -> String {
        let code = self
            .inv
            .payment
            .as_ref()
            .and_then(|p| p.means_code.as_ref())
            .map(|c| c.code().trim().to_owned());
        let Some(code) = code else {
            return "30".to_owned();
        };
        if !self.is_pivot() || PIVOT_MEANS.contains(&code.as_str()) {
            return code;
        }
        let written = match code.as_str() {
            "58" => "30",
            "59" => "49",
            "54" | "55" => "48",
            _ => "30",
        };
        self.drop(
            TermPath::of(bg(16)).child(bt(81)),
            &format!("payment means {code} is not in the pivot's list: written as {written}"),
        );
        written.to_owned()
    }

    fn invoice_data(&mut self) {
        let inv = self.inv;
        self.out.open(n::DONNEES_FACTURE, &[]);
        self.out.opt(n::ID, inv.number.as_deref());
        if self.is_v2() {
            self.out.opt(n::ID_CPRO, self.platform.cpro_id.as_deref());
            self.out.opt(n::RENVOI, self.platform.resent.as_deref());
        } else {
            self.platform_dropped(self.platform.cpro_id.is_some(), "IdCPRO");
            self.platform_dropped(self.platform.resent.is_some(), "Renvoi");
        }
        let mut preceding = inv.preceding_invoices.iter().enumerate();
        if let Some((_, first)) = preceding.next() {
            self.out.opt(n::ID_FACTURE_ORIGINE, first.number.as_deref());
            self.drop_if(
                first.issue_date.is_some(),
                TermPath::root().nth(bg(3), 1).child(bt(26)),
                "IdFactureOrigine has no date",
            );
        }
        for (i, _) in preceding {
            self.drop(
                TermPath::root().nth(bg(3), idx(i + 1)),
                "IdFactureOrigine names one preceding invoice",
            );
        }
        let type_code = self.type_code();
        self.out.leaf(n::TYPE, &[], type_code);
        let cadre = self.cadre();
        self.out.leaf(n::CADRE, &[], &cadre);
        if let Some(d) = inv.issue_date {
            self.out.leaf(n::DATE_EMISSION, &[], &format_iso(d));
        }
        let delivery = inv.delivery.as_ref();
        let delivery_date = delivery.and_then(|d| d.actual_delivery_date);
        if self.is_v2() {
            if let Some(d) = delivery_date {
                self.out.leaf(n::DATE_LIVRAISON, &[], &format_iso(d));
            }
        } else {
            self.drop_if(
                delivery_date.is_some(),
                TermPath::of(bg(13)).child(bt(72)),
                "DateLivraison exists only in CPPFacturePivot V2_02",
            );
        }
        if let Some(d) = delivery {
            let reason = "the delivery is only its date (DateLivraison)";
            self.drop_if(
                d.party_name.is_some(),
                TermPath::of(bg(13)).child(bt(70)),
                reason,
            );
            self.drop_if(
                d.location_id.is_some(),
                TermPath::of(bg(13)).child(bt(71)),
                reason,
            );
            self.drop_if(
                d.address.is_some(),
                TermPath::of(bg(13)).child(bg(15)),
                reason,
            );
        }
        let code = self.means_code();
        self.out.open(n::MODE_PAIEMENT, &[]);
        self.out.leaf(n::CODE, &[], &code);
        self.out.opt(
            n::LIBELLE,
            inv.payment.as_ref().and_then(|p| p.means_text.as_deref()),
        );
        self.out.close(n::MODE_PAIEMENT);
        if self.is_pivot() {
            if let Some(d) = reception_date(Some(inv), self.platform) {
                self.out.leaf(n::DATE_RECEPTION, &[], &format_iso(d));
            }
        } else {
            self.platform_dropped(self.platform.reception_date.is_some(), "DateReception");
        }
        if self.is_v2() {
            if let Some(d) = self.platform.moe_availability_date {
                self.out.leaf(n::DATE_MOE, &[], &format_iso(d));
            }
        } else {
            self.platform_dropped(
                self.platform.moe_availability_date.is_some(),
                "DateMiseADispositionMOE",
            );
        }
        self.out
            .opt(n::DEVISE, inv.currency.as_ref().map(|c| c.code()));
        self.out.open(n::MONTANTS, &[]);
        let t = &inv.totals;
        for (name, value) in [
            (n::MONTANT_HT, &t.tax_exclusive_amount),
            (n::MONTANT_TTC, &t.tax_inclusive_amount),
            (n::MONTANT_NET, &t.amount_due),
        ] {
            if let Some(v) = value {
                self.out.leaf(name, &[], &dec(v));
            }
        }
        self.out.close(n::MONTANTS);
        self.vat_lines();
        if inv.contract_reference.is_some() || inv.purchase_order_reference.is_some() {
            self.out.open(n::ENGAGEMENT, &[]);
            self.out
                .opt(n::NUMERO_MARCHE, inv.contract_reference.as_deref());
            self.out.opt(
                n::NUMERO_ENGAGEMENT,
                inv.purchase_order_reference.as_deref(),
            );
            self.out.close(n::ENGAGEMENT);
        }
        if self.is_pivot() {
            self.lines();
        } else {
            self.drop_if(
                !inv.lines.is_empty(),
                TermPath::of(bg(25)),
                "CPPFactureMixte carries no lines (they are in the attached invoice; \
                 inferred from the AIFE sample)",
            );
        }
        self.out.close(n::DONNEES_FACTURE);
    }

    fn vat_lines(&mut self) {
        let inv = self.inv;
        let sum = inv
            .vat_breakdown
            .iter()
            .try_fold(Decimal::ZERO, |acc, v| v.tax_amount.map(|a| acc + a));
        if let Some(total) = inv.totals.tax_amount
            && (inv.vat_breakdown.is_empty() || sum != Some(total))
        {
            self.drop(
                TermPath::of(bg(22)).child(bt(110)),
                "the total VAT is carried only as the sum of the VAT lines, which differs",
            );
        }
        if inv.vat_breakdown.is_empty() {
            return;
        }
        let wrapper = if self.is_pivot() {
            n::TVAS_PIVOT
        } else {
            n::TVAS_MIXTE
        };
        self.out.open(wrapper, &[]);
        for (i, v) in inv.vat_breakdown.iter().enumerate() {
            let base = TermPath::root().nth(bg(23), idx(i + 1));
            self.out.open(n::TVA, &[]);
            for (name, value) in [
                (n::TAUX, &v.rate),
                (n::BASE_HT, &v.taxable_amount),
                (n::MONTANT_TVA, &v.tax_amount),
            ] {
                if let Some(value) = value {
                    self.out.leaf(name, &[], &dec(value));
                }
            }
            self.out.close(n::TVA);
            if v.category.is_some() && v.category != implied_category(v.rate.as_ref()) {
                self.drop(
                    base.child(bt(118)),
                    "a VAT line has no category: only S with a non-zero rate is implied",
                );
            }
            self.drop_if(
                v.tax_scheme.is_some(),
                base.child(bt(118)),
                "a VAT line is always VAT: a category under another tax scheme is written as VAT",
            );
            let reason = "a VAT line has no exemption reason";
            self.drop_if(v.exemption_reason.is_some(), base.child(bt(120)), reason);
            self.drop_if(
                v.exemption_reason_code.is_some(),
                base.child(bt(121)),
                reason,
            );
        }
        self.out.close(wrapper);
    }

    fn lines(&mut self) {
        let inv = self.inv;
        if inv.lines.is_empty() {
            return;
        }
        self.out.open(n::LIGNES, &[]);
        for (i, line) in inv.lines.iter().enumerate() {
            let base = TermPath::root().nth(bg(25), idx(i + 1));
            let position = (i + 1).to_string();
            let ordinal = match line.id.as_deref() {
                Some(id) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) => {
                    id.to_owned()
                }
                Some(_) => {
                    self.drop(
                        base.child(bt(126)),
                        "a pivot line is numbered (NumOrdre, an integer): written as its position",
                    );
                    position
                }
                None => position,
            };
            self.out.open(n::LIGNE, &[(n::NUM_ORDRE, Some(&ordinal))]);
            let item = line.item.as_ref();
            self.out.opt(
                n::REFERENCE_PRODUIT,
                item.and_then(|it| it.seller_id.as_deref()),
            );
            let price = line.price.as_ref();
            for (name, value) in [
                (n::PRIX_UNITAIRE, price.and_then(|p| p.net_price.as_ref())),
                (n::QUANTITE, line.quantity.as_ref()),
                (n::MONTANT_HT, line.net_amount.as_ref()),
                (n::TAUX_TVA, line.vat.as_ref().and_then(|v| v.rate.as_ref())),
            ] {
                if let Some(value) = value {
                    self.out.leaf(name, &[], &dec(value));
                }
            }
            self.out.close(n::LIGNE);
            self.line_dropped(base, line);
        }
        self.out.close(n::LIGNES);
    }

    fn line_dropped(&mut self, base: TermPath, line: &InvoiceLine) {
        let reason =
            "a pivot line has only a product reference, price, quantity, amount and VAT rate";
        for (present, term) in [
            (line.note.is_some(), 127),
            (line.object_id.is_some(), 128),
            (line.unit_code.is_some(), 130),
            (line.order_line_reference.is_some(), 132),
            (line.buyer_accounting_reference.is_some(), 133),
        ] {
            self.drop_if(present, base.child(bt(term)), reason);
        }
        for (present, group) in [
            (line.period.is_some(), 26),
            (!line.allowances.is_empty(), 27),
            (!line.charges.is_empty(), 28),
        ] {
            self.drop_if(present, base.child(bg(group)), reason);
        }
        if let Some(p) = &line.price {
            let price = base.child(bg(29));
            for (present, term) in [
                (p.discount.is_some(), 147),
                (p.gross_price.is_some(), 148),
                (p.base_quantity.is_some(), 149),
                (p.base_quantity_unit.is_some(), 150),
            ] {
                self.drop_if(present, price.child(bt(term)), reason);
            }
        }
        if let Some(v) = &line.vat
            && v.category.is_some()
            && v.category != implied_category(v.rate.as_ref())
        {
            self.drop(
                base.child(bg(30)).child(bt(151)),
                "a pivot line has no VAT category: only S with a non-zero rate is implied",
            );
        }
        if let Some(item) = &line.item {
            let it = base.child(bg(31));
            for (present, term) in [
                (item.name.is_some(), 153),
                (item.description.is_some(), 154),
                (item.buyer_id.is_some(), 156),
                (item.standard_id.is_some(), 157),
                (!item.classifications.is_empty(), 158),
                (item.origin_country.is_some(), 159),
            ] {
                self.drop_if(present, it.child(bt(term)), reason);
            }
            self.drop_if(!item.attributes.is_empty(), it.child(bg(32)), reason);
        }
    }

    fn attachments(&mut self) {
        let inv = self.inv;
        let mut written = 0usize;
        for (i, doc) in inv.supporting_documents.iter().enumerate() {
            let base = TermPath::root().nth(bg(24), idx(i + 1));
            let Some(object) = &doc.attachment else {
                self.drop(
                    base,
                    &format!("{} carries attached files only (PJ)", self.format_name()),
                );
                continue;
            };
            let data = self
                .platform
                .attachments
                .get(written)
                .cloned()
                .unwrap_or_default();
            written += 1;
            let ordinal = data.ordinal.clone().unwrap_or_else(|| written.to_string());
            let is_invoice = inv.number.is_some() && doc.reference == inv.number;
            let kind = data
                .kind
                .clone()
                .unwrap_or_else(|| if is_invoice { "01" } else { "02" }.to_owned());
            self.out.open(n::PJ, &[(n::NUM_ORDRE, Some(&ordinal))]);
            if self.is_pivot() {
                self.out.opt(n::ID_UNIQUE, data.unique_id.as_deref());
                self.out.opt(n::ID_ORIGINAL, data.original_id.as_deref());
            } else {
                self.platform_dropped(
                    data.unique_id.is_some() || data.original_id.is_some(),
                    "PJ/IdUnique, PJ/IdOriginal",
                );
            }
            if !(data.without_content && object.content.is_empty()) {
                self.out
                    .leaf(n::CONTENU, &[], &encode_base64(&object.content));
            }
            let name = object.filename.as_deref().or(doc.reference.as_deref());
            self.out.opt(n::NOM_PJ, name);
            if self.is_v2() {
                self.out
                    .opt(n::NOM_PJ_ORIGINE, data.original_name.as_deref());
                self.out.opt(n::CATEGORIE_PJ, doc.description.as_deref());
            } else {
                self.platform_dropped(data.original_name.is_some(), "PJ/NomPJOrigine");
                self.drop_if(
                    doc.description.is_some(),
                    base.child(bt(123)),
                    "the description is CategoriePJ, only in CPPFacturePivot V2_02",
                );
            }
            self.out.leaf(n::TYPE_PJ, &[], &kind);
            self.out
                .opt(n::MIME_TYPE_PJ, object.mime_code.as_ref().map(|m| m.code()));
            self.out.close(n::PJ);
            let expected = if kind == "01" && inv.number.is_some() {
                inv.number.as_deref()
            } else {
                name
            };
            self.drop_if(
                doc.reference.is_some() && doc.reference.as_deref() != expected,
                base.child(bt(122)),
                "an attachment is known by its file name (NomPJ), or by the invoice number \
                 for the invoice itself",
            );
            self.drop_if(
                doc.external_location.is_some(),
                base.child(bt(124)),
                "an attachment has no external location",
            );
        }
    }

    fn validation_cycle(&mut self) {
        self.out.open(n::CYCLE_DE_VALIDATION, &[]);
        for v in &self.platform.validation_cycle {
            self.out.open(n::VALIDATION_UNITAIRE, &[]);
            if let Some(d) = v.date {
                self.out.leaf(n::DATE_STATUT, &[], &format_iso(d));
            }
            self.out.leaf(n::CODE_STATUT, &[], &v.status_code);
            self.out.opt(n::COMPLEMENT_STATUT, v.complement.as_deref());
            self.out.opt(n::COMMENTAIRE, v.comment.as_deref());
            let p = &v.producer;
            self.out.open(n::PRODUCTEUR_STATUT, &[]);
            self.out.leaf(n::TYPE_IDENTIFIANT, &[], &p.id_type);
            self.out.leaf(n::ID, &[], &p.id);
            self.out.leaf(n::RAISON_SOCIALE, &[], &p.name);
            self.out.leaf(n::CODE_PAYS, &[], &p.country);
            self.out.opt(n::NOTE, p.note.as_deref());
            self.out.close(n::PRODUCTEUR_STATUT);
            self.out.close(n::VALIDATION_UNITAIRE);
        }
        self.out.close(n::CYCLE_DE_VALIDATION);
    }

    /// Everything of the model no element of the format carries.
    fn unmapped(&mut self) {
        let inv = self.inv;
        let reason = format!("{} has no element for it", self.format_name());
        for (present, term) in [
            (inv.vat_accounting_currency.is_some(), 6),
            (inv.vat_point_date.is_some(), 7),
            (inv.vat_point_date_code.is_some(), 8),
            (inv.due_date.is_some(), 9),
            (inv.project_reference.is_some(), 11),
            (inv.sales_order_reference.is_some(), 14),
            (inv.receiving_advice_reference.is_some(), 15),
            (inv.despatch_advice_reference.is_some(), 16),
            (inv.tender_reference.is_some(), 17),
            (inv.invoiced_object_id.is_some(), 18),
            (inv.buyer_accounting_reference.is_some(), 19),
            (inv.payment_terms.is_some(), 20),
            (inv.process.specification.is_some(), 24),
        ] {
            self.drop_if(present, top(term), &reason);
        }
        for i in 0..inv.notes.len() {
            self.drop(TermPath::root().nth(bg(1), idx(i + 1)), &reason);
        }
        for (present, group) in [
            (inv.payee.is_some(), 10),
            (inv.tax_representative.is_some(), 11),
            (inv.period.is_some(), 14),
        ] {
            self.drop_if(present, TermPath::of(bg(group)), &reason);
        }
        for i in 0..inv.allowances.len() {
            self.drop(TermPath::root().nth(bg(20), idx(i + 1)), &reason);
        }
        for i in 0..inv.charges.len() {
            self.drop(TermPath::root().nth(bg(21), idx(i + 1)), &reason);
        }
        if let Some(p) = &inv.payment {
            let base = TermPath::of(bg(16));
            self.drop_if(
                p.remittance_information.is_some(),
                base.child(bt(83)),
                &reason,
            );
            self.drop_if(p.card.is_some(), base.child(bg(18)), &reason);
            self.drop_if(p.direct_debit.is_some(), base.child(bg(19)), &reason);
        }
        let t = &inv.totals;
        let base = TermPath::of(bg(22));
        for (present, term) in [
            (t.line_net_total.is_some(), 106),
            (t.allowance_total.is_some(), 107),
            (t.charge_total.is_some(), 108),
            (t.tax_amount_accounting.is_some(), 111),
            (t.prepaid_amount.is_some(), 113),
            (t.rounding_amount.is_some(), 114),
        ] {
            self.drop_if(present, base.child(bt(term)), &reason);
        }
    }
}

/// Whether an account looks like an IBAN (two letters, two digits).
fn looks_like_iban(account: &str) -> bool {
    let b = account.trim().as_bytes();
    b.len() >= 4
        && b.iter().take(2).all(u8::is_ascii_alphabetic)
        && b.iter().skip(2).take(2).all(u8::is_ascii_digit)
}
