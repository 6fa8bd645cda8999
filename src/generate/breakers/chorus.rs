//! Breakers of the Chorus Pro rules (`rules/chorus-pro.toml`), on invoices
//! generated with [`Options::chorus_pro`] and judged with the `chorus-pro`
//! profile under [`chorus_pro_setting`]: a recipient that requires the
//! service code and the engagement number (except for the recipient rules
//! that need other requirements), no validating structure, the deposit
//! date of the day.
//!
//! Every broken invoice stays valid for EN 16931: Chorus Pro rules are
//! checked on top of it.

use super::{Breaker, Only, credit_note, first_line, only, with_allowance, with_attachment};
use crate::generate::build::money;
use crate::generate::{Options, Plan};
use crate::model::*;
use crate::rules::chorus_pro::{ChorusPro, RecipientParameters};

/// The recipient parameters under which a generated Chorus Pro invoice
/// has its expected verdict: both the service code and the engagement
/// number required (generated invoices carry both), except for the rule
/// `CPP-SERVICE-OR-ENGAGEMENT`, judged for a recipient that requires one
/// of the two (`gestionNumeroEJOuCodeService`).
pub fn recipient_requirements(rule: Option<&str>) -> RecipientParameters {
    match rule {
        Some("CPP-SERVICE-OR-ENGAGEMENT") => RecipientParameters {
            engagement_or_service: true,
            ..RecipientParameters::default()
        },
        _ => RecipientParameters {
            service_code_required: true,
            engagement_required: true,
            ..RecipientParameters::default()
        },
    }
}

/// The Chorus Pro profile options under which invoices generated with
/// [`Options::chorus_pro`] (valid, or broken for `rule`) get their
/// expected verdict: the recipient of [`recipient_requirements`], no
/// validating structure, the deposit date of the day (generated issue
/// dates are in 2024 and 2025).
///
/// ```
/// use facture::generate::{self, Options};
/// use facture::{Profile, Target};
///
/// let plan = &generate::sample_plans(1, 3)[0];
/// let rule = "CPP-SERVICE-OR-ENGAGEMENT";
/// let invoice = generate::break_rule(plan, rule, &Options::chorus_pro()).unwrap();
/// let xml = facture::write(&invoice, Target::Ubl).unwrap().xml;
/// let profile = Profile::ChorusPro(generate::chorus_pro_setting(Some(rule)));
/// let report = facture::validate_bytes(&xml, &profile).unwrap();
/// let fatal: Vec<_> = report.fatal().map(|f| f.rule).collect();
/// assert_eq!(fatal, [rule]);
/// ```
pub fn chorus_pro_setting(rule: Option<&str>) -> ChorusPro {
    ChorusPro {
        recipient: Some(recipient_requirements(rule)),
        validator: None,
        deposit_date: None,
    }
}

/// Invoices for Chorus Pro only.
fn chorus(_: &mut Plan, options: &Options) -> bool {
    options.chorus_pro
}

/// The domestic French scenario (a French seller with SIRET, SIREN and VAT
/// number), for Chorus Pro.
fn domestic(plan: &mut Plan, options: &Options) -> bool {
    plan.scenario = 0;
    options.chorus_pro
}

fn chorus_credit_note(plan: &mut Plan, options: &Options) -> bool {
    credit_note(plan, options) && chorus(plan, options)
}

/// An invoice (not a credit note) paid by credit transfer: code 30 when
/// `to_account` is false, else 42 (payment to a bank account).
fn chorus_pay(plan: &mut Plan, options: &Options, to_account: bool) -> bool {
    plan.credit_note = false;
    plan.extras.payment = u8::from(to_account);
    chorus(plan, options)
}

/// The Chorus Pro identifier type travels in `schemeName` in UBL; in CII
/// it is either `schemeName`, which CII-DT-101 forbids, or the `schemeID`
/// of the legal organization, where a code `2` or `3` is not ISO 6523
/// (BR-CL-11).
const TYPE_IN_UBL_ONLY: Only = Only::Ubl(
    "CII writes the Chorus Pro identifier type as @schemeName (forbidden by CII-DT-101) or as the legal organization's @schemeID (codes 2 and 3 are not ISO 6523: BR-CL-11)",
);

/// The same identifier with its last digit changed (a wrong check key).
fn wrong_last_digit(value: &str) -> String {
    let mut out = value.to_owned();
    if let Some(last) = out.pop() {
        let digit = last.to_digit(10).unwrap_or(0);
        out.push(char::from_digit((digit + 1) % 10, 10).unwrap_or('0'));
    }
    out
}

/// `text` repeated (with spaces) to more than `max` characters.
fn longer_than(text: &str, max: usize) -> String {
    let mut out = String::from(text);
    while out.chars().count() <= max {
        out.push(' ');
        out.push_str(text);
    }
    out
}

/// Puts `id` first among the seller identifiers (BT-29), where Chorus Pro
/// reads the supplier's identifier type.
fn seller_id_first(inv: &mut Invoice, id: Identifier) {
    inv.seller.identifiers.insert(0, id);
}

/// The first embedded attachment.
fn attachment(inv: &mut Invoice) -> Option<&mut BinaryObject> {
    inv.supporting_documents
        .iter_mut()
        .find_map(|d| d.attachment.as_mut())
}

/// One mebibyte, the unit of Chorus Pro's size limits.
const MIB: usize = 1024 * 1024;

/// The attachment's content padded to `size` bytes (a PDF's trailing
/// whitespace).
fn padded(content: &[u8], size: usize) -> Vec<u8> {
    let mut out = content.to_vec();
    out.resize(size.max(content.len()), b'\n');
    out
}

/// The breakers, in the catalogue's order.
pub(super) const BREAKERS: &[Breaker] = &[
    breaker!("G1.02", chorus, |i| i.process.business_process =
        Some("B1".to_owned())),
    breaker!("CPP-CADRE-MISSING", chorus, |i| i
        .process
        .business_process =
        None),
    breaker!(
        "CPP-CADRE-A2-PAID",
        |p, o| {
            p.extras.prepaid = 0;
            chorus(p, o)
        },
        |i| i.process.business_process = Some("A2".to_owned())
    ),
    // A9: an invoice of a subcontractor, deposited without the validating
    // structure.
    breaker!("CPP-CADRE-VALIDATOR", chorus, |i| i
        .process
        .business_process =
        Some("A9".to_owned())),
    // Standard-rate lines only: reverse charge (AE) needs a buyer
    // identifier (BR-AE-02).
    breaker!(
        "CPP-BUYER-ID",
        |p, o| chorus(p, o) && only(p, o, "S"),
        |i| {
            i.buyer.identifier = None;
            i.buyer.legal_registration_id = None;
        }
    ),
    // The buyer's SIREN (9 digits) where its SIRET is expected.
    breaker!("CPP-BUYER-SIRET", chorus, |i| {
        for id in [
            i.buyer.identifier.as_mut(),
            i.buyer.legal_registration_id.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            id.value = id.value.chars().take(9).collect();
            id.scheme = Some("0002".to_owned());
        }
    }),
    breaker!("CPP-BUYER-SIRET-KEY", chorus, |i| {
        for id in [
            i.buyer.identifier.as_mut(),
            i.buyer.legal_registration_id.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            id.value = wrong_last_digit(&id.value);
        }
    }),
    // A French seller identified by its VAT number only (BR-CO-26 holds).
    breaker!("CPP-SELLER-ID", domestic, |i| {
        i.seller.identifiers.clear();
        i.seller.legal_registration_id = None;
    }),
    // The SIRET with a digit missing.
    breaker!("CPP-SELLER-SIRET", domestic, |i| {
        if let Some(id) = i.seller.identifiers.first_mut() {
            id.value.pop();
        }
    }),
    breaker!("CPP-SELLER-SIRET-KEY", domestic, |i| {
        if let Some(id) = i.seller.identifiers.first_mut() {
            id.value = wrong_last_digit(&id.value);
        }
    }),
    // Identifier type 2 (EU outside France) given with a French VAT number.
    breaker!(
        "CPP-SELLER-EU-VAT",
        domestic,
        |i| {
            let vat = i.seller.vat_id.clone().unwrap_or_default();
            seller_id_first(
                i,
                Identifier {
                    value: vat,
                    scheme: None,
                    scheme_name: Some(IdentifierType::EuOutsideFrance.code().to_owned()),
                },
            );
        },
        TYPE_IN_UBL_ONLY
    ),
    // Identifier type 3 (outside the EU) for a seller with a French address.
    breaker!(
        "CPP-SELLER-OUTSIDE-EU",
        domestic,
        |i| {
            seller_id_first(
                i,
                Identifier {
                    value: "EIN-12-3456789".to_owned(),
                    scheme: None,
                    scheme_name: Some(IdentifierType::OutsideEu.code().to_owned()),
                },
            );
        },
        TYPE_IN_UBL_ONLY
    ),
    breaker!("CPP-INVOICE-TYPE", chorus, |i| {
        i.type_code = Some(InvoiceTypeCode::DebitNote);
        i.preceding_invoices.clear();
    }),
    breaker!("CPP-CREDIT-NOTE-ORIGIN", chorus_credit_note, |i| {
        i.preceding_invoices.clear();
    }),
    breaker!(
        "CPP-CREDIT-NOTE-NEGATIVE",
        |p, o| {
            p.extras.prepaid = 0;
            chorus_credit_note(p, o)
        },
        Invoice::negate_amounts
    ),
    breaker!("G1.05", chorus, |i| {
        i.number = Some(format!(
            "{}-LONG-NUMBER",
            i.number.as_deref().unwrap_or("F")
        ));
    }),
    breaker!("CPP-CURRENCY-SINGLE", chorus, |i| {
        i.vat_accounting_currency = Some(CurrencyCode::from("USD"));
        let tax = i.totals.tax_amount.unwrap_or_default();
        i.totals.tax_amount_accounting = Some(TaxAmountInCurrency {
            amount: money(tax * Decimal::new(108, 2)),
            currency: Some(CurrencyCode::from("USD")),
        });
    }),
    // The century mistyped: issued in the 22nd century, after any deposit
    // date of ours.
    breaker!("CPP-ISSUE-DATE-FUTURE", chorus, |i| {
        i.issue_date = i
            .issue_date
            .and_then(|d| d.checked_add_months(chrono::Months::new(1200)));
    }),
    // The first quantity written with 20 decimals: the same number, 21
    // digits.
    breaker!("CPP-AMOUNT-DIGITS", chorus, |i| {
        if let Some(q) = first_line(i).and_then(|l| l.quantity.as_mut()) {
            q.rescale(20);
        }
    }),
    // A quantity of 11 digits before the decimal point (EN 16931 does not
    // compare it with the line net amount).
    breaker!("CPP-QUANTITY-DIGITS", chorus, |i| {
        if let Some(q) = first_line(i).and_then(|l| l.quantity.as_mut()) {
            *q += Decimal::from(10_000_000_000u64);
        }
    }),
    breaker!("CPP-SERVICE-CODE-LENGTH", chorus, |i| {
        let code = i.buyer_reference.clone().unwrap_or_default();
        i.buyer_reference = Some(longer_than(&format!("{code} SERVICE"), 100));
    }),
    breaker!("CPP-ENGAGEMENT-LENGTH", chorus, |i| {
        i.purchase_order_reference = Some(format!("EJ{}", "0".repeat(60)));
    }),
    breaker!("CPP-CONTRACT-LENGTH", chorus, |i| {
        i.contract_reference = Some(format!("MARCHE-2025-{}", "0".repeat(45)));
    }),
    breaker!("CPP-ORIGIN-LENGTH", chorus_credit_note, |i| {
        if let Some(p) = i.preceding_invoices.first_mut() {
            p.number = Some(format!(
                "{}-RECTIF-0001",
                p.number.as_deref().unwrap_or("F")
            ));
        }
    }),
    breaker!("CPP-NAME-LENGTH", chorus, |i| {
        let name = i.buyer.name.clone().unwrap_or_default();
        i.buyer.name = Some(longer_than(&name, 99));
    }),
    breaker!("CPP-ITEM-ID-LENGTH", chorus, |i| {
        if let Some(item) = first_line(i).and_then(|l| l.item.as_mut()) {
            item.seller_id = Some(format!("REF-{}", "0123456789".repeat(4)));
        }
    }),
    breaker!(
        "CPP-TEXT-LENGTH",
        |p, o| chorus(p, o) && with_allowance(p, o),
        |i| {
            if let Some(a) = i.allowances.first_mut() {
                a.reason = Some(longer_than("Remise commerciale", 1024));
            }
        }
    ),
    breaker!("S2.05", chorus, |i| {
        if let Some(p) = i.payment.as_mut() {
            p.means_code = Some(PaymentMeansCode::from("57"));
        }
    }),
    // No payment instructions at all (without a code they fail BR-49); the
    // due date and payment terms remain (BR-CO-25).
    breaker!(
        "CPP-PAYMENT-MEANS-MISSING",
        |p, o| chorus_pay(p, o, false),
        |i| i.payment = None
    ),
    breaker!("G1.14", chorus, |i| {
        if let Some(p) = i.payment.as_mut() {
            p.means_code = Some(PaymentMeansCode::from("1"));
        }
    }),
    // SEPA credit transfer 58, with its IBAN (BR-61 holds).
    breaker!("CPP-PAYMENT-58-59", |p, o| chorus_pay(p, o, false), |i| {
        if let Some(p) = i.payment.as_mut() {
            p.means_code = Some(PaymentMeansCode::from("58"));
        }
    }),
    // Payment to a bank account (42) without the account.
    breaker!("CPP-PAYMENT-IBAN", |p, o| chorus_pay(p, o, true), |i| {
        if let Some(p) = i.payment.as_mut() {
            p.credit_transfers.clear();
        }
    }),
    breaker!(
        "CPP-ATTACHMENT-NAME",
        |p, o| chorus(p, o) && with_attachment(p, o),
        |i| {
            if let Some(file) = attachment(i) {
                file.filename = Some("piece-jointe".to_owned());
            }
        }
    ),
    breaker!(
        "CPP-ATTACHMENT-EXTENSION",
        |p, o| chorus(p, o) && with_attachment(p, o),
        |i| {
            if let Some(file) = attachment(i) {
                file.filename = Some("piece-jointe.exe".to_owned());
            }
        }
    ),
    // 10 MiB and one byte.
    breaker!(
        "CPP-ATTACHMENT-SIZE",
        |p, o| chorus(p, o) && with_attachment(p, o),
        |i| {
            if let Some(file) = attachment(i) {
                file.content = padded(&file.content, 10 * MIB + 1);
            }
        }
    ),
    breaker!(
        "CPP-ATTACHMENT-EMPTY",
        |p, o| chorus(p, o) && with_attachment(p, o),
        |i| {
            if let Some(file) = attachment(i) {
                file.content.clear();
            }
        }
    ),
    // Thirteen attachments of 9.5 MiB each (each under the 10 MiB limit):
    // 123.5 MiB in all.
    breaker!(
        "CPP-INVOICE-SIZE",
        |p, o| chorus(p, o) && with_attachment(p, o),
        |i| {
            let Some(first) = i.supporting_documents.first().cloned() else {
                return;
            };
            let content = first
                .attachment
                .as_ref()
                .map(|a| padded(&a.content, 19 * MIB / 2))
                .unwrap_or_default();
            i.supporting_documents = (1..=13)
                .map(|n| {
                    let mut doc = first.clone();
                    doc.reference = Some(format!("PJ-{n:02}"));
                    if let Some(a) = doc.attachment.as_mut() {
                        a.content = content.clone();
                        a.filename = Some(format!("scan-{n:02}.pdf"));
                        a.mime_code = Some(MimeCode::from("application/pdf"));
                    }
                    doc
                })
                .collect();
        }
    ),
    breaker!("CPP-SERVICE-CODE-REQUIRED", chorus, |i| i.buyer_reference =
        None),
    breaker!("CPP-ENGAGEMENT-REQUIRED", chorus, |i| {
        i.purchase_order_reference = None;
    }),
    breaker!("CPP-SERVICE-OR-ENGAGEMENT", chorus, |i| {
        i.buyer_reference = None;
        i.purchase_order_reference = None;
    }),
    breaker!("CPP-SERVICE-CODE-CHARSET", chorus, |i| {
        let code = i.buyer_reference.clone().unwrap_or_default();
        i.buyer_reference = Some(format!("{code}/COMPTA"));
    }),
];

/// Whether the breaker of `rule` builds documents of several megabytes
/// (the attachment and invoice size limits).
pub(super) fn is_large(rule: &str) -> bool {
    matches!(rule, "CPP-ATTACHMENT-SIZE" | "CPP-INVOICE-SIZE")
}
