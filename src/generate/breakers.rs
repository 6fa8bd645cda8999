//! Rule breakers: for one rule id, a change to a valid invoice that makes
//! that rule fail and no other fatal rule.
//!
//! A breaker first steers the [`Plan`] to an invoice where the rule applies
//! (a payee for BR-17, an intra-community supply for BR-IC-11…), builds it,
//! then changes what the rule checks, compensating elsewhere when the
//! change would break another rule too (BR-CO-10 moves BT-106 and every
//! total computed from it). Where no such change exists the rule is listed
//! by [`unbreakable_rules`] with the reason, not faked.

pub use chorus::{chorus_pro_setting, recipient_requirements};

use super::build::{money, scenarios};
use super::{Options, Plan};
use crate::model::*;

/// Why an invoice breaking a rule could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum BreakError {
    /// The rule is not one [`breakable_rules`] lists.
    #[error("rule {0} cannot be targeted (see facture::generate::unbreakable_rules)")]
    Unknown(String),
    /// The rule cannot be broken under these options (e.g. a card payment
    /// rule for Chorus Pro invoices, which never pay by card).
    #[error("rule {0} cannot be targeted with these generation options")]
    NotWithOptions(String),
    /// The rule is a Factur-X container rule: it breaks in the PDF around
    /// the invoice (see `facture::generate::break_facturx`).
    #[error("rule {0} breaks in a Factur-X PDF: use break_facturx")]
    InPdf(String),
    /// The broken document could not be written.
    #[error("rule {0}: cannot write the broken document: {1}")]
    Write(String, String),
}

/// One breaker: how to steer the plan, how to change the invoice.
pub(super) struct Breaker {
    pub rule: &'static str,
    prepare: fn(&mut Plan, &Options) -> bool,
    mutate: fn(&mut Invoice),
    pub only: Only,
}

/// In which syntax a breaker breaks its rule alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Only {
    /// The model, UBL and CII.
    Both,
    /// UBL (and the model) only; CII fires more, for the given reason.
    Ubl(&'static str),
    /// CII only; UBL (or the model) differs, for the given reason.
    Cii(&'static str),
}

impl Breaker {
    pub(super) fn apply(&self, mut plan: Plan, options: &Options) -> Result<Invoice, BreakError> {
        if !(self.prepare)(&mut plan, options) {
            return Err(BreakError::NotWithOptions(self.rule.to_owned()));
        }
        let mut invoice = plan.build(options);
        (self.mutate)(&mut invoice);
        Ok(invoice)
    }
}

// ---- steering the plan ----

fn any(_: &mut Plan, _: &Options) -> bool {
    true
}

/// The domestic French scenario (index 0 with any options): categories S,
/// E, AE, Z, a seller with SIREN, SIRET and VAT identifier.
fn domestic(plan: &mut Plan, _: &Options) -> bool {
    plan.scenario = 0;
    true
}

/// The first scenario with category `code`, every line in it, no document
/// level allowance or charge.
fn only(plan: &mut Plan, options: &Options, code: &str) -> bool {
    let all = scenarios(options);
    let Some((index, scenario)) = all
        .iter()
        .enumerate()
        .find(|(_, s)| s.categories.iter().any(|c| c.code == code))
    else {
        return false;
    };
    let Some(category) = scenario.categories.iter().position(|c| c.code == code) else {
        return false;
    };
    plan.scenario = u8::try_from(index).unwrap_or(0);
    for line in &mut plan.lines {
        line.category = u8::try_from(category).unwrap_or(0);
    }
    plan.allowances.clear();
    plan.charges.clear();
    true
}

/// The domestic scenario with one standard-rate line and one line of the
/// scenario's category `other` (1 E, 2 AE, 3 Z).
fn standard_and(plan: &mut Plan, _: &Options, other: u8) -> bool {
    plan.scenario = 0;
    let mut first = plan.lines.first().cloned().unwrap_or_default();
    first.category = 0;
    let mut second = first.clone();
    second.category = other;
    plan.lines = vec![first, second];
    plan.allowances.clear();
    plan.charges.clear();
    true
}

fn with_payee(plan: &mut Plan, _: &Options) -> bool {
    plan.extras.payee = true;
    true
}

fn with_period(plan: &mut Plan, _: &Options) -> bool {
    plan.extras.period = true;
    true
}

fn with_line_details(plan: &mut Plan, _: &Options) -> bool {
    if let Some(line) = plan.lines.first_mut() {
        line.details = true;
        // The first item has a classification (CPV).
        line.item = 0;
    }
    true
}

fn with_line_allowance(plan: &mut Plan, _: &Options) -> bool {
    if let Some(line) = plan.lines.first_mut() {
        line.allowance.get_or_insert((0, 5));
    }
    true
}

fn with_line_charge(plan: &mut Plan, _: &Options) -> bool {
    if let Some(line) = plan.lines.first_mut() {
        line.charge.get_or_insert((0, 500));
    }
    true
}

fn with_allowance(plan: &mut Plan, _: &Options) -> bool {
    if plan.allowances.is_empty() {
        plan.allowances.push(super::AllowanceChargePlan {
            size: 5,
            ..Default::default()
        });
    }
    plan.allowances.truncate(1);
    if let Some(a) = plan.allowances.first_mut() {
        a.with_base = true;
    }
    true
}

fn with_charge(plan: &mut Plan, _: &Options) -> bool {
    if plan.charges.is_empty() {
        plan.charges.push(super::AllowanceChargePlan {
            size: 1_250,
            ..Default::default()
        });
    }
    plan.charges.truncate(1);
    true
}

/// An invoice (not a credit note) paid with payment means `choice` (see
/// the plan's `Extras::payment`).
fn pay(plan: &mut Plan, options: &Options, choice: u8) -> bool {
    plan.credit_note = false;
    plan.extras.payment = choice;
    // Chorus Pro invoices never use SEPA codes, direct debits or cards.
    !(options.chorus_pro && matches!(choice, 1..=3))
}

/// One embedded attachment (even kinds are embedded files).
fn with_attachment(plan: &mut Plan, _: &Options) -> bool {
    plan.attachments = vec![0];
    true
}

fn credit_note(plan: &mut Plan, _: &Options) -> bool {
    plan.credit_note = true;
    true
}

fn with_delivery(plan: &mut Plan, o: &Options) -> bool {
    domestic(plan, o);
    plan.extras.delivery = true;
    true
}

fn with_prepaid(plan: &mut Plan, _: &Options) -> bool {
    if plan.extras.prepaid.is_multiple_of(4) {
        plan.extras.prepaid = 1;
    }
    true
}

fn with_foreign_currency(plan: &mut Plan, options: &Options) -> bool {
    let all = scenarios(options);
    let Some(index) = all.iter().position(|s| !s.foreign_currencies.is_empty()) else {
        return false;
    };
    plan.scenario = u8::try_from(index).unwrap_or(0);
    plan.extras.foreign_currency = true;
    true
}

// ---- changing the invoice ----

/// Which document total a compensation moves.
#[derive(Clone, Copy)]
enum Total {
    LineNet,
    Allowances,
    Charges,
    Exclusive,
    Tax,
    Inclusive,
    Due,
}

/// Adds `delta` to each of `totals`.
fn shift(inv: &mut Invoice, totals: &[Total], delta: Decimal) {
    let t = &mut inv.totals;
    for total in totals {
        let field = match total {
            Total::LineNet => &mut t.line_net_total,
            Total::Allowances => &mut t.allowance_total,
            Total::Charges => &mut t.charge_total,
            Total::Exclusive => &mut t.tax_exclusive_amount,
            Total::Tax => &mut t.tax_amount,
            Total::Inclusive => &mut t.tax_inclusive_amount,
            Total::Due => &mut t.amount_due,
        };
        *field = Some(money(field.unwrap_or_default() + delta));
    }
}

fn one() -> Decimal {
    Decimal::ONE
}

/// The same value written with three decimals (`12.340`): lexically three
/// decimals, numerically unchanged.
fn three_decimals(x: &mut Option<Decimal>) {
    let mut value = x.unwrap_or_default();
    value.rescale(3);
    *x = Some(value);
}

fn first_line(inv: &mut Invoice) -> Option<&mut InvoiceLine> {
    inv.lines.first_mut()
}

/// A line that changes no sum: the first line's item, quantity 0, net 0.
fn zero_line(inv: &mut Invoice) -> Option<&mut InvoiceLine> {
    let mut line = inv.lines.first().cloned()?;
    line.id = Some((inv.lines.len() + 1).to_string());
    line.quantity = Some(Decimal::ZERO);
    line.net_amount = Some(money(Decimal::ZERO));
    line.allowances.clear();
    line.charges.clear();
    line.period = None;
    inv.lines.push(line);
    inv.lines.last_mut()
}

/// A document level allowance that changes no sum: 0.00 in the first
/// line's VAT category and rate.
fn zero_allowance(inv: &mut Invoice) -> Option<&mut DocumentAllowance> {
    let vat = inv
        .lines
        .first()
        .and_then(|l| l.vat.clone())
        .unwrap_or_default();
    inv.allowances.push(DocumentAllowance {
        amount: Some(money(Decimal::ZERO)),
        vat_category: vat.category,
        vat_rate: vat.rate,
        reason: Some("Discount".to_owned()),
        reason_code: Some(AllowanceReasonCode::from("95")),
        ..DocumentAllowance::default()
    });
    if inv.totals.allowance_total.is_none() {
        inv.totals.allowance_total = Some(money(Decimal::ZERO));
    }
    inv.allowances.last_mut()
}

/// A document level charge that changes no sum.
fn zero_charge(inv: &mut Invoice) -> Option<&mut DocumentCharge> {
    let vat = inv
        .lines
        .first()
        .and_then(|l| l.vat.clone())
        .unwrap_or_default();
    inv.charges.push(DocumentCharge {
        amount: Some(money(Decimal::ZERO)),
        vat_category: vat.category,
        vat_rate: vat.rate,
        reason: Some("Freight service".to_owned()),
        reason_code: Some(ChargeReasonCode::from("FC")),
        ..DocumentCharge::default()
    });
    if inv.totals.charge_total.is_none() {
        inv.totals.charge_total = Some(money(Decimal::ZERO));
    }
    inv.charges.last_mut()
}

fn breakdown<'a>(inv: &'a mut Invoice, code: &str) -> Option<&'a mut VatBreakdown> {
    inv.vat_breakdown
        .iter_mut()
        .find(|v| v.category.as_ref().is_some_and(|c| c.code() == code))
}

fn tax_representative(inv: &mut Invoice) -> &mut TaxRepresentative {
    inv.tax_representative
        .get_or_insert_with(|| TaxRepresentative {
            name: Some("Représentation Fiscale Dupuis SARL".to_owned()),
            vat_id: Some(super::ids::fr_vat(&super::ids::siren(424_242))),
            address: Some(PostalAddress {
                line1: Some("5 avenue de l'Opéra".to_owned()),
                city: Some("Paris".to_owned()),
                post_code: Some("75001".to_owned()),
                country: Some(CountryCode::from("FR")),
                ..PostalAddress::default()
            }),
        })
}

/// Removes every seller identifier the VAT category rules 02 look at
/// (BT-31, BT-32, BT-63), keeping BT-29 / BT-30 for BR-CO-26.
fn without_seller_vat(inv: &mut Invoice) {
    inv.seller.vat_id = None;
    inv.seller.tax_registration_id = None;
    inv.tax_representative = None;
}

/// A zero line of category `code` at `rate`.
fn zero_line_in(inv: &mut Invoice, code: &str, rate: Option<&str>) {
    if let Some(line) = zero_line(inv) {
        line.vat = Some(LineVat {
            category: Some(VatCategoryCode::from(code)),
            rate: rate.and_then(|r| r.parse().ok()),
            tax_scheme: None,
        });
    }
}

/// A zero allowance of category `code` at `rate`.
fn zero_allowance_in(inv: &mut Invoice, code: &str, rate: Option<&str>) {
    if let Some(a) = zero_allowance(inv) {
        a.vat_category = Some(VatCategoryCode::from(code));
        a.vat_rate = rate.and_then(|r| r.parse().ok());
    }
}

/// A zero charge of category `code` at `rate`.
fn zero_charge_in(inv: &mut Invoice, code: &str, rate: Option<&str>) {
    if let Some(c) = zero_charge(inv) {
        c.vat_category = Some(VatCategoryCode::from(code));
        c.vat_rate = rate.and_then(|r| r.parse().ok());
    }
}

/// The VAT breakdown of `code` two units off in its taxable amount (the
/// UBL artefact tolerates one); the tax stays within BR-CO-17's tolerance.
fn taxable_off(inv: &mut Invoice, code: &str) {
    if let Some(v) = breakdown(inv, code) {
        v.taxable_amount = Some(money(v.taxable_amount.unwrap_or_default() + Decimal::TWO));
    }
}

/// The VAT breakdown of a zero-rated `code` with 0.01 of tax (which rounds
/// to 0 for BR-CO-17), the totals following.
fn tax_not_zero(inv: &mut Invoice, code: &str) {
    let cent = Decimal::new(1, 2);
    if let Some(v) = breakdown(inv, code) {
        v.tax_amount = Some(money(v.tax_amount.unwrap_or_default() + cent));
        shift(inv, &[Total::Tax, Total::Inclusive, Total::Due], cent);
    }
}

fn drop_breakdown(inv: &mut Invoice, code: &str) {
    inv.vat_breakdown
        .retain(|v| v.category.as_ref().is_none_or(|c| c.code() != code));
}

fn add_exemption(inv: &mut Invoice, code: &str) {
    if let Some(v) = breakdown(inv, code) {
        v.exemption_reason = Some("Exonération".to_owned());
    }
}

fn drop_exemption(inv: &mut Invoice, code: &str) {
    if let Some(v) = breakdown(inv, code) {
        v.exemption_reason = None;
        v.exemption_reason_code = None;
    }
}

/// UBL counts the decimals of every amount in one more rule.
const UBL_DECIMALS: Only =
    Only::Cii("UBL: every amount with more than two decimals also fails UBL-DT-01");

macro_rules! breaker {
    ($rule:expr, $prepare:expr, $mutate:expr) => {
        breaker!($rule, $prepare, $mutate, Only::Both)
    };
    ($rule:expr, $prepare:expr, $mutate:expr, $only:expr) => {
        Breaker {
            rule: $rule,
            prepare: $prepare,
            mutate: $mutate,
            only: $only,
        }
    };
}

/// The rules of one VAT category whose breakers have the same shape:
/// `-02` seller identifiers, `-05` line rate, `-06`/`-07` allowance and
/// charge rates, `-08` taxable amount (where `$only08` says), `-10`
/// exemption reason (`$exempt`: required, else forbidden).
macro_rules! category_breakers {
    ($p:literal, $code:literal, bad_rate: $bad:expr, exempt: $exempt:literal, taxable: $only08:expr) => {
        [
            breaker!(
                concat!($p, "-02"),
                |p, o| only(p, o, $code),
                without_seller_vat
            ),
            breaker!(concat!($p, "-05"), |p, o| only(p, o, $code), |i| {
                zero_line_in(i, $code, $bad)
            }),
            breaker!(concat!($p, "-06"), |p, o| only(p, o, $code), |i| {
                zero_allowance_in(i, $code, $bad)
            }),
            breaker!(concat!($p, "-07"), |p, o| only(p, o, $code), |i| {
                zero_charge_in(i, $code, $bad)
            }),
            breaker!(
                concat!($p, "-08"),
                |p, o| only(p, o, $code),
                |i| taxable_off(i, $code),
                $only08
            ),
            breaker!(
                concat!($p, "-10"),
                |p, o| only(p, o, $code),
                |i| if $exempt {
                    drop_exemption(i, $code)
                } else {
                    add_exemption(i, $code)
                }
            ),
        ]
    };
}

// After the macros, which it uses.
mod chorus;

/// `-08` of L and M never fails in CII: the artefact reads the rate from
/// an empty sequence there.
const NEVER_IN_CII: Only = Only::Ubl(
    "the CII artefact reads the rate of L and M breakdowns from ../ram:RateApplicablePercent, an empty sequence: the rule never fails",
);

const S: [Breaker; 6] =
    category_breakers!("BR-S", "S", bad_rate: Some("0.00"), exempt: false, taxable: Only::Both);
const Z: [Breaker; 6] =
    category_breakers!("BR-Z", "Z", bad_rate: Some("5.00"), exempt: false, taxable: Only::Both);
const E: [Breaker; 6] =
    category_breakers!("BR-E", "E", bad_rate: Some("5.00"), exempt: true, taxable: Only::Both);
const AE: [Breaker; 6] =
    category_breakers!("BR-AE", "AE", bad_rate: Some("5.00"), exempt: true, taxable: Only::Both);
const K: [Breaker; 6] =
    category_breakers!("BR-IC", "K", bad_rate: Some("5.00"), exempt: true, taxable: Only::Both);
const G: [Breaker; 6] =
    category_breakers!("BR-G", "G", bad_rate: Some("5.00"), exempt: true, taxable: Only::Both);
const O: [Breaker; 6] =
    category_breakers!("BR-O", "O", bad_rate: Some("0.00"), exempt: true, taxable: Only::Both);
const L: [Breaker; 6] =
    category_breakers!("BR-AF", "L", bad_rate: Some("-1.00"), exempt: false, taxable: NEVER_IN_CII);
const M: [Breaker; 6] =
    category_breakers!("BR-AG", "M", bad_rate: Some("-1.00"), exempt: false, taxable: NEVER_IN_CII);

/// `-01` of the categories that share the domestic scenario with S: the
/// breakdown of the category removed (its tax is zero: no total moves).
const ONES: &[Breaker] = &[
    breaker!("BR-Z-01", |p, o| standard_and(p, o, 3), |i| drop_breakdown(
        i, "Z"
    )),
    breaker!("BR-E-01", |p, o| standard_and(p, o, 1), |i| drop_breakdown(
        i, "E"
    )),
    breaker!(
        "BR-AE-01",
        |p, o| standard_and(p, o, 2),
        |i| drop_breakdown(i, "AE")
    ),
];

/// `-09` of the zero-rated categories: 0.01 of tax, which BR-CO-17 rounds
/// to zero and accepts.
const NINES: &[Breaker] = &[
    breaker!("BR-Z-09", |p, o| only(p, o, "Z"), |i| tax_not_zero(i, "Z")),
    breaker!("BR-E-09", |p, o| only(p, o, "E"), |i| tax_not_zero(i, "E")),
    breaker!("BR-AE-09", |p, o| only(p, o, "AE"), |i| tax_not_zero(
        i, "AE"
    )),
    breaker!("BR-IC-09", |p, o| only(p, o, "K"), |i| tax_not_zero(i, "K")),
    breaker!("BR-G-09", |p, o| only(p, o, "G"), |i| tax_not_zero(i, "G")),
    breaker!("BR-O-09", |p, o| only(p, o, "O"), |i| tax_not_zero(i, "O")),
];

const OTHERS: &[Breaker] = &[
    // Mandatory terms.
    breaker!(
        "BR-01",
        any,
        |i| i.process.specification = None,
        Only::Ubl(
            "CII: the context parameter that holds BT-24 goes with it (CII-SR-009, CII-SR-010)"
        )
    ),
    breaker!("BR-02", any, |i| i.number = None),
    breaker!("BR-03", any, |i| i.issue_date = None),
    breaker!(
        "BR-04",
        any,
        |i| i.type_code = None,
        Only::Ubl("CII: ram:TypeCode is mandatory (CII-SR-014)")
    ),
    breaker!(
        "BR-05",
        any,
        |i| i.currency = None,
        Only::Cii("UBL: every amount loses its currencyID too (BR-CL-03)")
    ),
    breaker!(
        "BR-06",
        any,
        |i| i.seller.name = None,
        Only::Cii(
            "UBL: the artefact then also fails the payee rules UBL-SR-19, UBL-SR-20, UBL-SR-21"
        )
    ),
    breaker!("BR-07", any, |i| i.buyer.name = None),
    breaker!(
        "BR-08",
        any,
        |i| i.seller.address = None,
        Only::Ubl(
            "CII: the artefact checks the seller country (BR-09) on the party, so it fails too"
        )
    ),
    breaker!("BR-09", any, |i| {
        if let Some(a) = i.seller.address.as_mut() {
            a.country = None;
        }
    }),
    breaker!(
        "BR-10",
        any,
        |i| i.buyer.address = None,
        Only::Ubl(
            "CII: the artefact checks the buyer country (BR-11) on the party, so it fails too"
        )
    ),
    breaker!("BR-11", any, |i| {
        if let Some(a) = i.buyer.address.as_mut() {
            a.country = None;
        }
    }),
    breaker!(
        "BR-17",
        with_payee,
        |i| {
            if let Some(p) = i.payee.as_mut() {
                p.name = None;
            }
        },
        Only::Cii("UBL: a payee without a name also fails UBL-SR-19, UBL-SR-20, UBL-SR-21")
    ),
    breaker!("BR-18", domestic, |i| tax_representative(i).name = None),
    breaker!(
        "BR-19",
        domestic,
        |i| tax_representative(i).address = None,
        Only::Ubl(
            "CII: the tax representative country (BR-20) is checked on the party and fails too"
        )
    ),
    breaker!("BR-20", domestic, |i| {
        if let Some(a) = tax_representative(i).address.as_mut() {
            a.country = None;
        }
    }),
    breaker!("BR-21", any, |i| {
        if let Some(l) = first_line(i) {
            l.id = None;
        }
    }),
    breaker!("BR-23", any, |i| {
        if let Some(l) = first_line(i) {
            l.unit_code = None;
        }
    }),
    breaker!("BR-24", any, |i| {
        if let Some(l) = zero_line(i) {
            l.net_amount = None;
        }
    }),
    breaker!("BR-25", any, |i| {
        if let Some(item) = first_line(i).and_then(|l| l.item.as_mut()) {
            item.name = None;
        }
    }),
    breaker!("BR-27", any, |i| {
        if let Some(p) = first_line(i).and_then(|l| l.price.as_mut()) {
            p.net_price = Some(-p.net_price.unwrap_or_default().abs() - one());
            p.gross_price = None;
            p.discount = None;
        }
    }),
    breaker!("BR-28", any, |i| {
        if let Some(p) = first_line(i).and_then(|l| l.price.as_mut()) {
            p.gross_price = Some(-one());
            p.discount = None;
        }
    }),
    breaker!("BR-29", with_period, |i| {
        if let Some(p) = i.period.as_mut() {
            std::mem::swap(&mut p.start, &mut p.end);
        }
    }),
    breaker!("BR-30", with_line_details, |i| {
        if let Some(p) = first_line(i).and_then(|l| l.period.as_mut()) {
            std::mem::swap(&mut p.start, &mut p.end);
        }
    }),
    breaker!("BR-31", any, |i| {
        if let Some(a) = zero_allowance(i) {
            a.amount = None;
        }
    }),
    breaker!("BR-32", any, |i| {
        if let Some(a) = zero_allowance(i) {
            a.vat_category = None;
        }
    }),
    breaker!("BR-36", any, |i| {
        if let Some(c) = zero_charge(i) {
            c.amount = None;
        }
    }),
    breaker!("BR-37", any, |i| {
        if let Some(c) = zero_charge(i) {
            c.vat_category = None;
        }
    }),
    breaker!("BR-41", any, |i| {
        if let Some(l) = first_line(i) {
            l.allowances.push(LineAllowance {
                reason: Some("Discount".to_owned()),
                ..LineAllowance::default()
            });
        }
    }),
    breaker!("BR-43", any, |i| {
        if let Some(l) = first_line(i) {
            l.charges.push(LineCharge {
                reason_code: Some(ChargeReasonCode::from("FC")),
                ..LineCharge::default()
            });
        }
    }),
    breaker!("BR-48", |p, o| only(p, o, "Z"), |i| {
        if let Some(v) = breakdown(i, "Z") {
            v.rate = None;
        }
    }),
    breaker!("BR-49", |p, o| pay(p, o, 0), |i| {
        if let Some(p) = i.payment.as_mut() {
            // UBL writes the text (BT-82) as an attribute of the code.
            p.means_code = None;
            p.means_text = None;
        }
    }),
    breaker!("BR-50", |p, o| pay(p, o, 0), |i| {
        // Blank rather than absent: BR-61 (an account on some transfer)
        // still holds.
        if let Some(t) = i
            .payment
            .as_mut()
            .and_then(|p| p.credit_transfers.first_mut())
        {
            t.account_id = Some(" ".to_owned());
        }
    }),
    breaker!("BR-51", |p, o| pay(p, o, 3), |i| {
        if let Some(c) = i.payment.as_mut().and_then(|p| p.card.as_mut()) {
            c.primary_account_number = Some("4970101234567890".to_owned());
        }
    }),
    breaker!("BR-52", with_attachment, |i| {
        if let Some(d) = i.supporting_documents.first_mut() {
            d.reference = None;
        }
    }),
    breaker!(
        "BR-53",
        any,
        |i| {
            i.vat_accounting_currency = Some(CurrencyCode::from("SEK"));
            i.totals.tax_amount_accounting = None;
        },
        Only::Ubl("CII: BR-DEC-15 needs a VAT total in BT-6 and fails with it")
    ),
    breaker!(
        "BR-54",
        with_line_details,
        |i| {
            if let Some(a) = first_line(i)
                .and_then(|l| l.item.as_mut())
                .and_then(|item| item.attributes.first_mut())
            {
                a.value = None;
            }
        },
        Only::Ubl("CII: ram:Value is mandatory in an item attribute (CII-SR-072)")
    ),
    breaker!(
        "BR-55",
        credit_note,
        |i| {
            if let Some(p) = i.preceding_invoices.first_mut() {
                p.number = None;
            }
        },
        Only::Cii("UBL: cac:InvoiceDocumentReference/cbc:ID is mandatory (UBL-SR-07)")
    ),
    breaker!("BR-56", domestic, |i| tax_representative(i).vat_id = None),
    breaker!("BR-57", with_delivery, |i| {
        if let Some(a) = i.delivery.as_mut().and_then(|d| d.address.as_mut()) {
            a.country = None;
        }
    }),
    breaker!(
        "BR-61",
        |p, o| pay(p, o, 0),
        |i| {
            if let Some(p) = i.payment.as_mut() {
                p.credit_transfers.clear();
            }
        },
        Only::Ubl(
            "CII: the rule applies to a written account; without one CII-SR-470 fails instead"
        )
    ),
    breaker!("BR-62", any, |i| {
        if let Some(a) = i.seller.electronic_address.as_mut() {
            a.scheme = None;
        }
    }),
    breaker!("BR-63", any, |i| {
        if let Some(a) = i.buyer.electronic_address.as_mut() {
            a.scheme = None;
        }
    }),
    breaker!(
        "BR-64",
        with_line_details,
        |i| {
            if let Some(id) = first_line(i)
                .and_then(|l| l.item.as_mut())
                .and_then(|item| item.standard_id.as_mut())
            {
                id.scheme = None;
            }
        },
        Only::Ubl("CII: a ram:GlobalID needs its schemeID (CII-SR-046)")
    ),
    breaker!("BR-65", with_line_details, |i| {
        if let Some(c) = first_line(i)
            .and_then(|l| l.item.as_mut())
            .and_then(|item| item.classifications.first_mut())
        {
            c.scheme = None;
        }
    }),
    // Co-occurrence and calculations.
    breaker!("BR-CO-03", domestic, |i| {
        i.vat_point_date = i.issue_date;
        i.vat_point_date_code = Some(VatPointDateCode::IssueDate);
    }),
    breaker!(
        "BR-CO-04",
        any,
        |i| {
            if let Some(l) = zero_line(i) {
                l.vat = None;
            }
        },
        Only::Cii("UBL: cac:ClassifiedTaxCategory is mandatory on a line (UBL-SR-48)")
    ),
    breaker!("BR-CO-09", domestic, |i| {
        if let Some(vat) = i.seller.vat_id.as_mut() {
            *vat = vat.trim_start_matches("FR").to_owned();
        }
    }),
    breaker!("BR-CO-10", any, |i| shift(
        i,
        &[
            Total::LineNet,
            Total::Exclusive,
            Total::Inclusive,
            Total::Due
        ],
        one()
    )),
    breaker!("BR-CO-11", with_allowance, |i| {
        shift(i, &[Total::Allowances], one());
        shift(i, &[Total::Exclusive, Total::Inclusive, Total::Due], -one());
    }),
    breaker!("BR-CO-12", with_charge, |i| shift(
        i,
        &[
            Total::Charges,
            Total::Exclusive,
            Total::Inclusive,
            Total::Due
        ],
        one()
    )),
    breaker!("BR-CO-13", any, |i| shift(
        i,
        &[Total::Exclusive, Total::Inclusive, Total::Due],
        one()
    )),
    breaker!("BR-CO-14", any, |i| shift(
        i,
        &[Total::Tax, Total::Inclusive, Total::Due],
        one()
    )),
    breaker!("BR-CO-15", any, |i| shift(
        i,
        &[Total::Inclusive, Total::Due],
        one()
    )),
    breaker!("BR-CO-16", any, |i| shift(i, &[Total::Due], one())),
    breaker!(
        "BR-CO-19",
        any,
        |i| i.period = Some(Period::default()),
        Only::Cii("UBL and the model: an empty invoicing period is no period")
    ),
    breaker!("BR-CO-20", any, |i| {
        if let Some(l) = first_line(i) {
            l.period = Some(Period::default());
        }
    }),
    breaker!("BR-CO-26", domestic, |i| {
        // The tax representative's VAT identifier keeps rules S-02… true.
        i.seller.identifiers.clear();
        i.seller.legal_registration_id = None;
        i.seller.vat_id = None;
        tax_representative(i);
    }),
    // Two decimals at most (written `12.340`).
    breaker!(
        "BR-DEC-01",
        with_allowance,
        |i| {
            if let Some(a) = i.allowances.first_mut() {
                three_decimals(&mut a.amount);
            }
        },
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-02",
        with_allowance,
        |i| {
            if let Some(a) = i.allowances.first_mut() {
                three_decimals(&mut a.base_amount);
            }
        },
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-05",
        with_charge,
        |i| {
            if let Some(c) = i.charges.first_mut() {
                three_decimals(&mut c.amount);
            }
        },
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-06",
        with_charge,
        |i| {
            if let Some(c) = i.charges.first_mut() {
                c.base_amount = c.amount;
                c.percentage = Some(Decimal::ONE_HUNDRED);
                three_decimals(&mut c.base_amount);
            }
        },
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-09",
        any,
        |i| three_decimals(&mut i.totals.line_net_total),
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-10",
        with_allowance,
        |i| three_decimals(&mut i.totals.allowance_total),
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-11",
        with_charge,
        |i| three_decimals(&mut i.totals.charge_total),
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-12",
        any,
        |i| three_decimals(&mut i.totals.tax_exclusive_amount),
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-14",
        any,
        |i| three_decimals(&mut i.totals.tax_inclusive_amount),
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-15",
        with_foreign_currency,
        |i| {
            if let Some(t) = i.totals.tax_amount_accounting.as_mut() {
                t.amount += Decimal::new(5, 3);
            }
        },
        Only::Cii("UBL: the artefact test reads a child the amount does not have: it never fails")
    ),
    breaker!(
        "BR-DEC-16",
        with_prepaid,
        |i| three_decimals(&mut i.totals.prepaid_amount),
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-17",
        any,
        |i| three_decimals(&mut i.totals.rounding_amount),
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-18",
        any,
        |i| three_decimals(&mut i.totals.amount_due),
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-19",
        domestic,
        |i| {
            if let Some(v) = i.vat_breakdown.first_mut() {
                three_decimals(&mut v.taxable_amount);
            }
        },
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-20",
        domestic,
        |i| {
            if let Some(v) = i.vat_breakdown.first_mut() {
                three_decimals(&mut v.tax_amount);
            }
        },
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-23",
        any,
        |i| {
            if let Some(l) = first_line(i) {
                three_decimals(&mut l.net_amount);
            }
        },
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-24",
        with_line_allowance,
        |i| {
            if let Some(a) = first_line(i).and_then(|l| l.allowances.first_mut()) {
                three_decimals(&mut a.amount);
            }
        },
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-25",
        with_line_allowance,
        |i| {
            if let Some(a) = first_line(i).and_then(|l| l.allowances.first_mut()) {
                three_decimals(&mut a.base_amount);
            }
        },
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-27",
        with_line_charge,
        |i| {
            if let Some(c) = first_line(i).and_then(|l| l.charges.first_mut()) {
                three_decimals(&mut c.amount);
            }
        },
        UBL_DECIMALS
    ),
    breaker!(
        "BR-DEC-28",
        with_line_charge,
        |i| {
            if let Some(c) = first_line(i).and_then(|l| l.charges.first_mut()) {
                c.base_amount = c.amount;
                c.percentage = Some(Decimal::ONE_HUNDRED);
                three_decimals(&mut c.base_amount);
            }
        },
        UBL_DECIMALS
    ),
    // VAT categories: rules that do not follow the common shape.
    breaker!("BR-S-01", |p, o| standard_and(p, o, 1), |i| {
        let tax: Decimal = i
            .vat_breakdown
            .iter()
            .filter(|v| v.category.as_ref().is_some_and(|c| c.code() == "S"))
            .filter_map(|v| v.tax_amount)
            .sum();
        i.vat_breakdown
            .retain(|v| v.category.as_ref().is_none_or(|c| c.code() != "S"));
        shift(i, &[Total::Tax, Total::Inclusive, Total::Due], -tax);
    }),
    breaker!(
        "BR-IC-11",
        |p, o| {
            p.extras.period = false;
            // UBL writes BT-8 in cac:InvoicePeriod, which the rule accepts.
            p.extras.vat_point = 0;
            for line in &mut p.lines {
                line.details = false;
            }
            only(p, o, "K")
        },
        |i| {
            if let Some(d) = i.delivery.as_mut() {
                d.actual_delivery_date = None;
            }
        }
    ),
    breaker!("BR-IC-12", |p, o| only(p, o, "K"), |i| {
        if let Some(d) = i.delivery.as_mut() {
            d.address = None;
        }
    }),
    breaker!("BR-O-02", |p, o| only(p, o, "O"), |i| {
        i.seller.vat_id = Some(super::ids::fr_vat(&super::ids::siren(7)));
    }),
    // Code lists.
    breaker!("BR-CL-01", any, |i| i.type_code =
        Some(InvoiceTypeCode::from("999"))),
    breaker!("BR-CL-06", any, |i| {
        i.vat_point_date = None;
        i.vat_point_date_code = Some(VatPointDateCode::from("7"));
    }),
    breaker!("BR-CL-07", any, |i| {
        i.invoiced_object_id = Some(Identifier::with_scheme("ABC-123", "XYZ"));
    }),
    breaker!("BR-CL-08", any, |i| i.notes.push(Note {
        subject_code: Some(TextSubjectCode::from("QQQ")),
        text: Some("Note".to_owned()),
    })),
    breaker!("BR-CL-10", domestic, |i| {
        if let Some(id) = i.seller.identifiers.first_mut() {
            id.scheme = Some("9999".to_owned());
        }
    }),
    breaker!("BR-CL-11", domestic, |i| {
        if let Some(id) = i.seller.legal_registration_id.as_mut() {
            id.scheme = Some("9999".to_owned());
        }
    }),
    breaker!("BR-CL-13", with_line_details, |i| {
        if let Some(c) = first_line(i)
            .and_then(|l| l.item.as_mut())
            .and_then(|item| item.classifications.first_mut())
        {
            c.scheme = Some("QQQ".to_owned());
        }
    }),
    breaker!("BR-CL-14", any, |i| {
        if let Some(a) = i.buyer.address.as_mut() {
            a.country = Some(CountryCode::from("XK"));
        }
    }),
    breaker!("BR-CL-15", with_line_details, |i| {
        if let Some(item) = first_line(i).and_then(|l| l.item.as_mut()) {
            item.origin_country = Some(CountryCode::from("XK"));
        }
    }),
    breaker!("BR-CL-16", |p, o| pay(p, o, 0), |i| {
        if let Some(p) = i.payment.as_mut() {
            p.means_code = Some(PaymentMeansCode::from("999"));
        }
    }),
    breaker!("BR-CL-17", domestic, |i| {
        if let Some(a) = zero_allowance(i) {
            a.vat_category = Some(VatCategoryCode::from("XX"));
        }
    }),
    breaker!("BR-CL-18", domestic, |i| {
        if let Some(vat) = zero_line(i).and_then(|l| l.vat.as_mut()) {
            vat.category = Some(VatCategoryCode::from("XX"));
        }
    }),
    breaker!("BR-CL-19", any, |i| {
        if let Some(a) = zero_allowance(i) {
            a.reason_code = Some(AllowanceReasonCode::from("999"));
        }
    }),
    breaker!("BR-CL-20", any, |i| {
        if let Some(c) = zero_charge(i) {
            c.reason_code = Some(ChargeReasonCode::from("QQQ"));
        }
    }),
    breaker!("BR-CL-21", with_line_details, |i| {
        if let Some(id) = first_line(i)
            .and_then(|l| l.item.as_mut())
            .and_then(|item| item.standard_id.as_mut())
        {
            id.scheme = Some("9999".to_owned());
        }
    }),
    breaker!("BR-CL-22", |p, o| only(p, o, "E"), |i| {
        if let Some(v) = breakdown(i, "E") {
            v.exemption_reason_code = Some(VatExemptionReasonCode::from("VATEX-EU-999"));
        }
    }),
    breaker!("BR-CL-23", any, |i| {
        if let Some(l) = first_line(i) {
            l.unit_code = Some(UnitCode::from("QQQ"));
        }
    }),
    breaker!("BR-CL-24", with_attachment, |i| {
        if let Some(d) = i.supporting_documents.first_mut() {
            d.external_location = None;
            d.attachment = Some(BinaryObject {
                content: b"PK\x03\x04".to_vec(),
                mime_code: Some(MimeCode::from("application/zip")),
                filename: Some("pieces.zip".to_owned()),
            });
        }
    }),
    breaker!("BR-CL-25", any, |i| {
        if let Some(a) = i.seller.electronic_address.as_mut() {
            a.scheme = Some("QQ".to_owned());
        }
    }),
    breaker!("BR-CL-26", with_delivery, |i| {
        if let Some(id) = i.delivery.as_mut().and_then(|d| d.location_id.as_mut()) {
            id.scheme = Some("9999".to_owned());
        }
    }),
];

/// Every breaker, category families included.
pub(super) fn all() -> impl Iterator<Item = &'static Breaker> {
    OTHERS
        .iter()
        .chain(S.iter())
        .chain(Z.iter())
        .chain(E.iter())
        .chain(AE.iter())
        .chain(K.iter())
        .chain(G.iter())
        .chain(O.iter())
        .chain(L.iter())
        .chain(M.iter())
        .chain(NINES.iter())
        .chain(ONES.iter())
        .chain(chorus::BREAKERS.iter())
}

pub(super) fn find(rule: &str) -> Option<&'static Breaker> {
    all().find(|b| b.rule == rule)
}

/// The rule ids [`break_rule`] can target: an invoice breaking the rule
/// and no other fatal rule, in UBL and CII unless [`syntax_limits`] names
/// one of them. The Chorus Pro rules (`G1.05`, `CPP-…`) need
/// [`Options::chorus_pro`] and are judged with the `chorus-pro` profile.
pub fn breakable_rules() -> &'static [&'static str] {
    static RULES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules: Vec<&'static str> = all()
            .map(|b| b.rule)
            .chain(super::facturx::rules())
            .collect();
        rules.sort_unstable();
        rules
    })
}

/// Whether the breaker of `rule` breaks it alone in documents of `syntax`
/// (UBL, CII or a Factur-X PDF; the Chorus Pro formats have no EN 16931
/// syntax binding). The Factur-X rules break alone in Factur-X PDFs only
/// ([`super::break_facturx`]).
pub fn breaks_alone_in(rule: &str, syntax: crate::Syntax) -> bool {
    if super::facturx::breaks_in_pdf(rule) {
        return syntax == crate::Syntax::FacturX;
    }
    // A Factur-X PDF carries its invoice in CII.
    let family = syntax.xml_syntax().family();
    find(rule).is_some_and(|b| {
        matches!(
            (b.only, family),
            (Only::Both, "ubl" | "cii") | (Only::Ubl(_), "ubl") | (Only::Cii(_), "cii")
        )
    })
}

/// The breakable rules that break alone in one syntax only: (rule, the
/// syntax where they do not, why).
pub fn syntax_limits() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut limits: Vec<_> = all()
        .filter_map(|b| match b.only {
            Only::Both => None,
            Only::Ubl(why) => Some((b.rule, "cii", why)),
            Only::Cii(why) => Some((b.rule, "ubl", why)),
        })
        .collect();
    limits.sort_unstable();
    limits
}

/// Whether the breaker of `rule` builds documents of megabytes: the
/// Chorus Pro size limits (`CPP-ATTACHMENT-SIZE`, an attachment of 10 MiB
/// and a byte; `CPP-INVOICE-SIZE`, attachments of 123.5 MiB in all, about
/// 165 MB of XML once in base64).
pub fn builds_large_documents(rule: &str) -> bool {
    chorus::is_large(rule)
}

/// The breakable rules whose broken document also fails the XML Schema
/// (an `XSD-*` finding of facture's structural check; the official
/// Schematron does not check the schema): the element the rule asks for is
/// mandatory in the schema too (an invoice number, a line identifier, an
/// allowance amount…), or the value is outside the schema type.
pub fn also_breaks_schema(rule: &str) -> bool {
    SCHEMA_BREAKING.contains(&rule)
}

const SCHEMA_BREAKING: &[&str] = &[
    "BR-02", "BR-03", "BR-21", "BR-24", "BR-28", "BR-31", "BR-36", "BR-41", "BR-43", "BR-49",
    "BR-52",
];

/// The rules no change can break alone, with the reason: EN 16931 model
/// rules and Factur-X rules (every Chorus Pro rule is breakable).
pub fn unbreakable_rules() -> &'static [(&'static str, &'static str)] {
    static RULES: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        UNBREAKABLE
            .iter()
            .chain(super::facturx::UNBREAKABLE)
            .copied()
            .chain(super::facturx::unbreakable_profile_ids())
            .collect()
    })
}

const SAME_AS_CO: &str = "tests the same condition as its BR-CO twin (BR-33/BR-CO-21, BR-38/BR-CO-22, BR-42/BR-CO-23, BR-44/BR-CO-24): they fail together";
const NEVER: &str = "the artefacts' test is true(): it never fails";
const ALONE_IN_SCENARIO: &str = "the category is alone in its invoices (exports, intra-community supplies, outside the scope of VAT, IGIC, IPSI): without its breakdown there is none (BR-CO-18), and a second one fails the taxable amount rule -08";
const ALLOWANCE_NEEDS_SELLER: &str = "an allowance or charge of the category needs the same seller identifiers as the lines of any category but O, so the lines' rule -02 fails with it";
const SAME_AS_CO_17: &str =
    "the product of taxable amount and rate is what BR-CO-17 checks: both fail together";
const O_ALONE: &str = "a second category beside O fails that category's own rules (its breakdown rule -01, its seller identifier rule -02)";

const UNBREAKABLE: &[(&str, &str)] = &[
    (
        "BR-12",
        "BT-106 absent also fails BR-CO-10 and BR-CO-13, which compare it",
    ),
    (
        "BR-13",
        "BT-109 absent also fails BR-CO-13 and BR-CO-15, which compare it",
    ),
    (
        "BR-14",
        "BT-112 absent also fails BR-CO-15 and BR-CO-16, which compare it",
    ),
    (
        "BR-15",
        "BT-115 absent also fails BR-CO-16, which compares it",
    ),
    (
        "BR-16",
        "without lines, BR-CO-10 and the VAT breakdown rules (-01, -08 of each category) fail with it",
    ),
    (
        "BR-22",
        "the unit code (BT-130) is an attribute of the quantity in both syntaxes: BR-23 fails with it",
    ),
    (
        "BR-26",
        "BR-27 (net price not negative) fails on an absent net price too",
    ),
    ("BR-33", SAME_AS_CO),
    ("BR-38", SAME_AS_CO),
    ("BR-42", SAME_AS_CO),
    ("BR-44", SAME_AS_CO),
    ("BR-CO-21", SAME_AS_CO),
    ("BR-CO-22", SAME_AS_CO),
    ("BR-CO-23", SAME_AS_CO),
    ("BR-CO-24", SAME_AS_CO),
    (
        "BR-45",
        "the category's taxable amount rule (-08) fails with it",
    ),
    (
        "BR-46",
        "BR-CO-17 and the category's tax amount rule (-09) fail with it",
    ),
    (
        "BR-47",
        "the lines of that category lose their breakdown (-01) and BR-48 fails with it",
    ),
    (
        "BR-B-01",
        "category B (Italian split payment) is outside the generated scenarios",
    ),
    (
        "BR-B-02",
        "category B (Italian split payment) is outside the generated scenarios",
    ),
    ("BR-CO-05", NEVER),
    ("BR-CO-06", NEVER),
    ("BR-CO-07", NEVER),
    ("BR-CO-08", NEVER),
    (
        "BR-CO-17",
        "each VAT category checks the same product in its rule -09 (S; L and M in UBL) or requires a zero tax that a failing one is not (Z, E, AE, K, G), and CII does not apply BR-CO-17 to L, M and O breakdowns",
    ),
    (
        "BR-CO-18",
        "without breakdowns, the breakdown rule -01 of every category used fails too",
    ),
    (
        "BR-DEC-13",
        "UBL: the test reads a child the amount does not have, it never fails; CII: a third decimal in BT-110 also fails BR-CO-14, which compares it as a number",
    ),
    (
        "BR-CL-03",
        "the model keeps the currencyID of BT-111 only, which must equal BT-6 (BR-53); every other amount follows BT-5 (BR-CL-04)",
    ),
    (
        "BR-CL-04",
        "every amount's currencyID is BT-5: BR-CL-03 fails with it",
    ),
    (
        "BR-CL-05",
        "BT-111 must be in the BT-6 currency (BR-53), and its currencyID then fails BR-CL-03",
    ),
    ("BR-S-03", ALLOWANCE_NEEDS_SELLER),
    ("BR-S-04", ALLOWANCE_NEEDS_SELLER),
    ("BR-S-09", SAME_AS_CO_17),
    ("BR-Z-03", ALLOWANCE_NEEDS_SELLER),
    ("BR-Z-04", ALLOWANCE_NEEDS_SELLER),
    ("BR-E-03", ALLOWANCE_NEEDS_SELLER),
    ("BR-E-04", ALLOWANCE_NEEDS_SELLER),
    ("BR-AE-03", ALLOWANCE_NEEDS_SELLER),
    ("BR-AE-04", ALLOWANCE_NEEDS_SELLER),
    ("BR-IC-01", ALONE_IN_SCENARIO),
    ("BR-IC-03", ALLOWANCE_NEEDS_SELLER),
    ("BR-IC-04", ALLOWANCE_NEEDS_SELLER),
    ("BR-G-01", ALONE_IN_SCENARIO),
    ("BR-G-03", ALLOWANCE_NEEDS_SELLER),
    ("BR-G-04", ALLOWANCE_NEEDS_SELLER),
    ("BR-O-01", ALONE_IN_SCENARIO),
    (
        "BR-O-03",
        "an allowance of category O beside O lines: the lines' BR-O-02 fails with it",
    ),
    (
        "BR-O-04",
        "a charge of category O beside O lines: the lines' BR-O-02 fails with it",
    ),
    ("BR-O-11", O_ALONE),
    ("BR-O-12", O_ALONE),
    ("BR-O-13", O_ALONE),
    ("BR-O-14", O_ALONE),
    ("BR-AF-01", ALONE_IN_SCENARIO),
    ("BR-AF-03", ALLOWANCE_NEEDS_SELLER),
    ("BR-AF-04", ALLOWANCE_NEEDS_SELLER),
    ("BR-AF-09", SAME_AS_CO_17),
    ("BR-AG-01", ALONE_IN_SCENARIO),
    ("BR-AG-03", ALLOWANCE_NEEDS_SELLER),
    ("BR-AG-04", ALLOWANCE_NEEDS_SELLER),
    ("BR-AG-09", SAME_AS_CO_17),
];

/// Builds the invoice of `plan`, changed so that it breaks `rule` and no
/// other fatal rule.
pub fn break_rule(plan: &Plan, rule: &str, options: &Options) -> Result<Invoice, BreakError> {
    if super::facturx::breaks_in_pdf(rule) {
        return Err(BreakError::InPdf(rule.to_owned()));
    }
    find(rule)
        .ok_or_else(|| BreakError::Unknown(rule.to_owned()))?
        .apply(plan.clone(), options)
}
