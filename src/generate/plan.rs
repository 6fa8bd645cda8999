//! The recipe of a generated invoice: a tree of small choices.
//!
//! A [`Plan`] holds only indices and bounded numbers; [`Plan::build`] turns
//! it into a complete invoice whose amounts are computed, never drawn, so
//! every plan gives a valid invoice. Proptest draws plans with
//! [`plans`]: each choice shrinks towards 0, the plainest option, and the
//! lists (lines, allowances, charges, attachments) towards their shortest,
//! so a failing invoice shrinks to a small one. `arbitrary` draws the same
//! plans from raw bytes ([`Plan`]'s `Arbitrary` implementation).

use arbitrary::{Arbitrary, Unstructured};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;

/// Most invoice lines in a plan.
pub const MAX_LINES: usize = 8;
/// Most document level allowances (and charges) in a plan.
pub const MAX_ALLOWANCES: usize = 2;
/// Most attached documents in a plan.
pub const MAX_ATTACHMENTS: usize = 2;

/// Bounds of the numeric choices (inclusive); shared by the proptest
/// strategy and the `arbitrary` implementation.
pub(super) mod bound {
    pub const SCENARIO: u8 = 31;
    pub const SEQUENCE: u32 = 99_999;
    pub const DAY: u16 = 729;
    pub const STYLE: u8 = 2;
    pub const NAME: u8 = 15;
    pub const PLACE: u8 = 15;
    pub const ADDRESS: u8 = 2;
    pub const ITEM: u8 = 31;
    pub const CATEGORY: u8 = 7;
    pub const RATE: u8 = 7;
    pub const QUANTITY: u32 = 399;
    pub const DECIMALS: u8 = 2;
    pub const PRICE: u32 = 9_999;
    pub const DISCOUNT: u8 = 30;
    pub const PERCENT: u8 = 20;
    pub const REASON: u8 = 7;
    pub const CHARGE_CENTS: u32 = 15_000;
    pub const LINE: u8 = 7;
    pub const FORM: u8 = 2;
    pub const ATTACHMENT: u8 = 7;
    pub const PAYMENT: u8 = 5;
    pub const PREPAID: u8 = 3;
    pub const NOTES: u8 = 3;
    pub const VAT_POINT: u8 = 2;
    pub const EXEMPTION: u8 = 3;
}

/// The recipe of one invoice. Build it with [`Plan::build`]; draw it with
/// [`plans`] (proptest) or `Plan::arbitrary` (`arbitrary`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Who sells to whom (index into the scenarios: domestic French sale,
    /// intra-community supply, export, outside the scope of VAT, reverse
    /// charge, Canary Islands, Ceuta and Melilla…).
    pub scenario: u8,
    /// A credit note (381) instead of an invoice (380).
    pub credit_note: bool,
    /// The sequence number in the invoice number.
    pub sequence: u32,
    /// Days after 2024-01-01 of the issue date.
    pub day: u16,
    /// How the invoice number is spelt.
    pub number_style: u8,
    /// The seller.
    pub seller: PartyPlan,
    /// The buyer.
    pub buyer: PartyPlan,
    /// The invoice lines (at least one).
    pub lines: Vec<LinePlan>,
    /// Document level allowances.
    pub allowances: Vec<AllowanceChargePlan>,
    /// Document level charges.
    pub charges: Vec<AllowanceChargePlan>,
    /// Additional supporting documents: index of the attachment kind; odd
    /// indices are external links rather than embedded files.
    pub attachments: Vec<u8>,
    /// Everything else.
    pub extras: Extras,
}

/// The choices about one party.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartyPlan {
    /// Which company name.
    pub name: u8,
    /// Which city and street.
    pub place: u8,
    /// The number its identifiers are derived from.
    pub number: u32,
    /// Which electronic address (identifier scheme, e-mail…).
    pub address_kind: u8,
    /// Whether it has a contact (BG-6 / BG-9).
    pub contact: bool,
    /// Whether it has the optional identifiers (trading name, global
    /// identifiers, optional VAT identifier).
    pub more_ids: bool,
}

/// The choices about one invoice line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinePlan {
    /// Which item.
    pub item: u8,
    /// Which of the scenario's VAT categories.
    pub category: u8,
    /// Which of the category's rates.
    pub rate: u8,
    /// The quantity (how many units, with its decimals).
    pub quantity: u32,
    /// Decimals of the quantity (0–2).
    pub quantity_decimals: u8,
    /// Where the unit price falls in the item's price range.
    pub price: u32,
    /// Whether the unit price has four decimals.
    pub fine_price: bool,
    /// A price discount (BT-147), in percent of the gross price.
    pub discount: Option<u8>,
    /// A line allowance: reason index and percentage.
    pub allowance: Option<(u8, u8)>,
    /// A line charge: reason index and amount in cents.
    pub charge: Option<(u8, u32)>,
    /// Whether the line has a period, a note and item identifiers.
    pub details: bool,
}

/// The choices about one document level allowance or charge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AllowanceChargePlan {
    /// Which reason.
    pub reason: u8,
    /// Which line's VAT category and rate it takes.
    pub line: u8,
    /// Percentage of the lines of that category and rate (allowances), or
    /// amount in cents (charges).
    pub size: u32,
    /// Whether the base amount and percentage are given.
    pub with_base: bool,
    /// Reason as code and text (0), code only (1) or text only (2).
    pub form: u8,
}

/// The invoice-wide options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extras {
    /// Payment means: credit transfer, SEPA credit transfer, direct debit,
    /// card, none…
    pub payment: u8,
    /// Invoiced in a foreign currency (when the scenario has one).
    pub foreign_currency: bool,
    /// Part already paid: none, 30 %, 50 %, all.
    pub prepaid: u8,
    /// Amount due rounded to the unit (BT-114).
    pub rounding: bool,
    /// A payee other than the seller (factoring).
    pub payee: bool,
    /// A seller tax representative (foreign sellers).
    pub tax_representative: bool,
    /// Delivery information.
    pub delivery: bool,
    /// An invoicing period.
    pub period: bool,
    /// How many notes.
    pub notes: u8,
    /// VAT point: none, a date (BT-7), a code (BT-8).
    pub vat_point: u8,
    /// Which exemption reason, and whether code, text or both.
    pub exemption: u8,
    /// References: project, contract, order, tender…
    pub references: bool,
    /// Allowance and charge totals written even when zero.
    pub zero_totals: bool,
}

fn party() -> impl Strategy<Value = PartyPlan> {
    (
        0..=bound::NAME,
        0..=bound::PLACE,
        any::<u32>(),
        0..=bound::ADDRESS,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(name, place, number, address_kind, contact, more_ids)| PartyPlan {
                name,
                place,
                number,
                address_kind,
                contact,
                more_ids,
            },
        )
}

fn line() -> impl Strategy<Value = LinePlan> {
    (
        (0..=bound::ITEM, 0..=bound::CATEGORY, 0..=bound::RATE),
        (0..=bound::QUANTITY, 0..=bound::DECIMALS),
        (0..=bound::PRICE, any::<bool>(), of(1..=bound::DISCOUNT)),
        (
            of((0..=bound::REASON, 1..=bound::PERCENT)),
            of((0..=bound::REASON, 100..=bound::CHARGE_CENTS)),
            any::<bool>(),
        ),
    )
        .prop_map(|(a, b, c, d)| LinePlan {
            item: a.0,
            category: a.1,
            rate: a.2,
            quantity: b.0,
            quantity_decimals: b.1,
            price: c.0,
            fine_price: c.1,
            discount: c.2,
            allowance: d.0,
            charge: d.1,
            details: d.2,
        })
}

fn allowance_charge(
    sizes: std::ops::RangeInclusive<u32>,
) -> impl Strategy<Value = AllowanceChargePlan> {
    (
        0..=bound::REASON,
        0..=bound::LINE,
        sizes,
        any::<bool>(),
        0..=bound::FORM,
    )
        .prop_map(
            |(reason, line, size, with_base, form)| AllowanceChargePlan {
                reason,
                line,
                size,
                with_base,
                form,
            },
        )
}

fn extras() -> impl Strategy<Value = Extras> {
    (
        (
            0..=bound::PAYMENT,
            any::<bool>(),
            0..=bound::PREPAID,
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            any::<bool>(),
            any::<bool>(),
            0..=bound::NOTES,
            0..=bound::VAT_POINT,
            0..=bound::EXEMPTION,
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(|(a, b)| Extras {
            payment: a.0,
            foreign_currency: a.1,
            prepaid: a.2,
            rounding: a.3,
            payee: a.4,
            tax_representative: a.5,
            delivery: b.0,
            period: b.1,
            notes: b.2,
            vat_point: b.3,
            exemption: b.4,
            references: b.5,
            zero_totals: b.6,
        })
}

/// Plans of invoices, as a proptest strategy (see the module documentation
/// for how they shrink).
pub fn plans() -> impl Strategy<Value = Plan> {
    (
        (
            0..=bound::SCENARIO,
            any::<bool>(),
            0..=bound::SEQUENCE,
            0..=bound::DAY,
            0..=bound::STYLE,
        ),
        (party(), party()),
        vec(line(), 1..=MAX_LINES),
        (
            vec(allowance_charge(1..=10), 0..=MAX_ALLOWANCES),
            vec(
                allowance_charge(500..=bound::CHARGE_CENTS),
                0..=MAX_ALLOWANCES,
            ),
            vec(0..=bound::ATTACHMENT, 0..=MAX_ATTACHMENTS),
        ),
        extras(),
    )
        .prop_map(|(head, parties, lines, more, extras)| Plan {
            scenario: head.0,
            credit_note: head.1,
            sequence: head.2,
            day: head.3,
            number_style: head.4,
            seller: parties.0,
            buyer: parties.1,
            lines,
            allowances: more.0,
            charges: more.1,
            attachments: more.2,
            extras,
        })
}

// ---- arbitrary: the same choices, drawn from raw bytes ----

fn upto<T>(u: &mut Unstructured<'_>, max: T) -> arbitrary::Result<T>
where
    T: arbitrary::unstructured::Int,
{
    u.int_in_range(T::ZERO..=max)
}

fn maybe<T>(
    u: &mut Unstructured<'_>,
    f: impl FnOnce(&mut Unstructured<'_>) -> arbitrary::Result<T>,
) -> arbitrary::Result<Option<T>> {
    if u.arbitrary::<bool>()? {
        f(u).map(Some)
    } else {
        Ok(None)
    }
}

fn list<T>(
    u: &mut Unstructured<'_>,
    min: usize,
    max: usize,
    mut f: impl FnMut(&mut Unstructured<'_>) -> arbitrary::Result<T>,
) -> arbitrary::Result<Vec<T>> {
    let len = u.int_in_range(min..=max)?;
    (0..len).map(|_| f(u)).collect()
}

impl<'a> Arbitrary<'a> for PartyPlan {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(PartyPlan {
            name: upto(u, bound::NAME)?,
            place: upto(u, bound::PLACE)?,
            number: u.arbitrary()?,
            address_kind: upto(u, bound::ADDRESS)?,
            contact: u.arbitrary()?,
            more_ids: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for LinePlan {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(LinePlan {
            item: upto(u, bound::ITEM)?,
            category: upto(u, bound::CATEGORY)?,
            rate: upto(u, bound::RATE)?,
            quantity: upto(u, bound::QUANTITY)?,
            quantity_decimals: upto(u, bound::DECIMALS)?,
            price: upto(u, bound::PRICE)?,
            fine_price: u.arbitrary()?,
            discount: maybe(u, |u| u.int_in_range(1..=bound::DISCOUNT))?,
            allowance: maybe(u, |u| {
                Ok((upto(u, bound::REASON)?, u.int_in_range(1..=bound::PERCENT)?))
            })?,
            charge: maybe(u, |u| {
                Ok((
                    upto(u, bound::REASON)?,
                    u.int_in_range(100..=bound::CHARGE_CENTS)?,
                ))
            })?,
            details: u.arbitrary()?,
        })
    }
}

fn arbitrary_allowance_charge(
    u: &mut Unstructured<'_>,
    sizes: std::ops::RangeInclusive<u32>,
) -> arbitrary::Result<AllowanceChargePlan> {
    Ok(AllowanceChargePlan {
        reason: upto(u, bound::REASON)?,
        line: upto(u, bound::LINE)?,
        size: u.int_in_range(sizes)?,
        with_base: u.arbitrary()?,
        form: upto(u, bound::FORM)?,
    })
}

impl<'a> Arbitrary<'a> for Extras {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Extras {
            payment: upto(u, bound::PAYMENT)?,
            foreign_currency: u.arbitrary()?,
            prepaid: upto(u, bound::PREPAID)?,
            rounding: u.arbitrary()?,
            payee: u.arbitrary()?,
            tax_representative: u.arbitrary()?,
            delivery: u.arbitrary()?,
            period: u.arbitrary()?,
            notes: upto(u, bound::NOTES)?,
            vat_point: upto(u, bound::VAT_POINT)?,
            exemption: upto(u, bound::EXEMPTION)?,
            references: u.arbitrary()?,
            zero_totals: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for Plan {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Plan {
            scenario: upto(u, bound::SCENARIO)?,
            credit_note: u.arbitrary()?,
            sequence: upto(u, bound::SEQUENCE)?,
            day: upto(u, bound::DAY)?,
            number_style: upto(u, bound::STYLE)?,
            seller: u.arbitrary()?,
            buyer: u.arbitrary()?,
            lines: list(u, 1, MAX_LINES, |u| u.arbitrary())?,
            allowances: list(u, 0, MAX_ALLOWANCES, |u| {
                arbitrary_allowance_charge(u, 1..=10)
            })?,
            charges: list(u, 0, MAX_ALLOWANCES, |u| {
                arbitrary_allowance_charge(u, 500..=bound::CHARGE_CENTS)
            })?,
            attachments: list(u, 0, MAX_ATTACHMENTS, |u| upto(u, bound::ATTACHMENT))?,
            extras: u.arbitrary()?,
        })
    }
}
