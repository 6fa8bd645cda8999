//! The one engine that runs the ten checks of every category of
//! [`super::table::CATEGORIES`], plus the extra rules of O (BR-O-11…14)
//! and K (BR-IC-11, BR-IC-12).

use super::numeric::{
    cmp_double_decimal, double, plus_minus, round_double, rounded_plus_minus, sum,
};
use super::table::{
    Category, CiiPresence, CiiTaxable, Parties, Rate, TaxAmount, UblPresence, UblTaxable,
};
use crate::model::{Invoice, Term, TermPath, VatBreakdown, VatCategoryCode};
use crate::rules::en16931::vat_scheme;
use crate::rules::engine::Checker;
use crate::rules::xpath::{normalized_eq, round2};
use crate::syntax::Syntax;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// The invoice with the syntax whose artefact is reproduced.
pub(super) struct Doc<'a> {
    inv: &'a Invoice,
    cii: bool,
}

fn index(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

fn line_path(i: usize) -> TermPath {
    TermPath::root()
        .nth(Term::bg(25), index(i))
        .child(Term::bg(30))
}

fn allowance_path(i: usize) -> TermPath {
    TermPath::root().nth(Term::bg(20), index(i))
}

fn charge_path(i: usize) -> TermPath {
    TermPath::root().nth(Term::bg(21), index(i))
}

fn breakdown_path(i: usize) -> TermPath {
    TermPath::root().nth(Term::bg(23), index(i))
}

/// `cbc:ID = 'X'` / `ram:CategoryCode = 'X'`: the code exactly as written.
fn exactly(code: Option<&VatCategoryCode>, x: &str) -> bool {
    code.is_some_and(|c| c.code() == x)
}

/// `normalize-space(cbc:ID) = 'X'`.
fn normalized(code: Option<&VatCategoryCode>, x: &str) -> bool {
    code.is_some_and(|c| normalized_eq(c.code(), x))
}

fn rate_ok(rule: Rate, rate: Option<Decimal>) -> bool {
    match rule {
        Rate::Positive => rate.is_some_and(|r| r > Decimal::ZERO),
        Rate::Zero => rate.is_some_and(|r| r.is_zero()),
        Rate::NonNegative => rate.is_some_and(|r| r >= Decimal::ZERO),
        Rate::Absent => rate.is_none(),
    }
}

fn has_exemption(b: &VatBreakdown) -> bool {
    b.exemption_reason.is_some() || b.exemption_reason_code.is_some()
}

impl<'a> Doc<'a> {
    pub(super) fn new(inv: &'a Invoice, syntax: Option<Syntax>) -> Self {
        Self {
            inv,
            cii: syntax == Some(Syntax::Cii),
        }
    }

    /// Whether a category code selects category `x` the way this syntax's
    /// rule contexts compare it (UBL normalizes spaces, CII does not).
    fn is(&self, code: Option<&VatCategoryCode>, x: &str) -> bool {
        if self.cii {
            exactly(code, x)
        } else {
            normalized(code, x)
        }
    }

    /// Whether a category passes the tax scheme filter of this syntax
    /// (`cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT'`,
    /// `upper-case(ram:TypeCode) = 'VAT'`), when `filtered`.
    fn scheme_ok(&self, scheme: Option<&str>, filtered: bool) -> bool {
        !filtered || vat_scheme(scheme, self.cii)
    }

    /// Line category codes (with the line's index), of the VAT scheme only
    /// when `filtered`.
    fn line_codes(
        &self,
        filtered: bool,
    ) -> impl Iterator<Item = (usize, Option<&'a VatCategoryCode>)> + '_ {
        self.inv.lines.iter().enumerate().filter_map(move |(i, l)| {
            let vat = l.vat.as_ref();
            self.scheme_ok(vat.and_then(|v| v.tax_scheme.as_deref()), filtered)
                .then(|| (i, vat.and_then(|v| v.category.as_ref())))
        })
    }

    fn count_lines(&self, x: &str, filtered: bool) -> usize {
        self.line_codes(filtered)
            .filter(|(_, c)| self.is(*c, x))
            .count()
    }

    fn count_allowances(&self, x: &str, filtered: bool) -> usize {
        let inv = self.inv;
        inv.allowances
            .iter()
            .filter(|a| {
                self.is(a.vat_category.as_ref(), x)
                    && self.scheme_ok(a.tax_scheme.as_deref(), filtered)
            })
            .count()
    }

    fn count_charges(&self, x: &str, filtered: bool) -> usize {
        let inv = self.inv;
        inv.charges
            .iter()
            .filter(|c| {
                self.is(c.vat_category.as_ref(), x)
                    && self.scheme_ok(c.tax_scheme.as_deref(), filtered)
            })
            .count()
    }

    fn count_breakdowns(&self, x: &str, filtered: bool) -> usize {
        let inv = self.inv;
        inv.vat_breakdown
            .iter()
            .filter(|b| {
                self.is(b.category.as_ref(), x) && self.scheme_ok(b.tax_scheme.as_deref(), filtered)
            })
            .count()
    }

    /// Rules 02–04: are the VAT identifiers the category needs there?
    fn parties_ok(&self, parties: Parties) -> bool {
        let inv = self.inv;
        let seller_vat = inv.seller.vat_id.is_some();
        let rep_vat = inv
            .tax_representative
            .as_ref()
            .is_some_and(|r| r.vat_id.is_some());
        let seller_any = seller_vat || inv.seller.tax_registration_id.is_some() || rep_vat;
        let buyer_vat = inv.buyer.vat_id.is_some();
        match parties {
            Parties::SellerAny => seller_any,
            Parties::SellerAnyBuyerAny => {
                seller_any && (buyer_vat || inv.buyer.legal_registration_id.is_some())
            }
            Parties::SellerVatBuyerVat => (seller_vat || rep_vat) && buyer_vat,
            Parties::SellerVat => seller_vat || rep_vat,
            Parties::NoVatIds => !seller_vat && !rep_vat && !buyer_vat,
        }
    }

    pub(super) fn check(&self, cat: &Category, out: &mut Checker) {
        self.presence(cat, out);
        self.parties(cat, out);
        self.rates(cat, out);
        // Rules 08–10: the breakdown contexts keep the VAT scheme only,
        // except CII S and Z (`ram:ApplicableTradeTax/ram:CategoryCode[.='S']`).
        let filtered = !(self.cii && matches!(cat.code, "S" | "Z"));
        for (i, b) in self.inv.vat_breakdown.iter().enumerate() {
            if self.is(b.category.as_ref(), cat.code)
                && self.scheme_ok(b.tax_scheme.as_deref(), filtered)
            {
                self.breakdown(cat, i, b, out);
            }
        }
    }

    /// Rule 01, at the invoice root.
    fn presence(&self, cat: &Category, out: &mut Checker) {
        if out.checked_on_tree(cat.ids[0]) {
            // UBL BR-S/AF/AG-01 count `//cac:AllowanceCharge/cac:TaxCategory`
            // (see `syntax::ubl::rules::business`).
            return;
        }
        let x = cat.code;
        // CII counts every category whatever its type code; UBL filters on
        // the VAT scheme except in BR-S-01.
        let filtered = !self.cii && x != "S";
        let lines = self.count_lines(x, filtered);
        let acs = self.count_allowances(x, filtered) + self.count_charges(x, filtered);
        let breakdowns = self.count_breakdowns(x, filtered);
        let ok = if self.cii {
            match cat.presence_cii {
                CiiPresence::AtLeastTwo => {
                    (lines == 0 || lines + breakdowns >= 2) && (acs == 0 || acs + breakdowns >= 2)
                }
                CiiPresence::ExactlyOne => {
                    (breakdowns == 0 && lines == 0 && acs == 0)
                        || (breakdowns == 1 && lines + acs > 0)
                }
                CiiPresence::OnlyIfBreakdown => {
                    breakdowns == 0 || (breakdowns == 1 && lines + acs > 0)
                }
            }
        } else {
            let used = lines + acs;
            match cat.presence_ubl {
                UblPresence::Matched { exact_breakdown } => {
                    let with_use = if exact_breakdown {
                        // BR-AF-01 `cac:TaxCategory[cbc:ID = 'L']` keeps
                        // any scheme, BR-AG-01 only VAT.
                        let inv = self.inv;
                        inv.vat_breakdown
                            .iter()
                            .filter(|b| {
                                exactly(b.category.as_ref(), x)
                                    && self.scheme_ok(b.tax_scheme.as_deref(), x == "M")
                            })
                            .count()
                    } else {
                        breakdowns
                    };
                    (used > 0 && with_use > 0) || (used == 0 && breakdowns == 0)
                }
                UblPresence::ExactlyOne => used + breakdowns == 0 || breakdowns == 1,
            }
        };
        if !ok {
            out.fire(cat.ids[0], TermPath::root());
        }
    }

    /// Rules 02–04: once at the root in UBL, once per line, allowance or
    /// charge of the category in CII.
    fn parties(&self, cat: &Category, out: &mut Checker) {
        let x = cat.code;
        let inv = self.inv;
        let [_, on_line, on_allowance, on_charge, ..] = cat.ids;
        let parties_ok = self.parties_ok(cat.parties);
        // BR-S-02 passes only without any S line (`not(exists(
        // //cac:ClassifiedTaxCategory[normalize-space(cbc:ID) = 'S']))`,
        // whatever the scheme): an S line outside the VAT scheme fails it.
        if !self.cii
            && on_line == "BR-S-02"
            && self.count_lines(x, false) > 0
            && (!parties_ok || self.count_lines(x, true) == 0)
        {
            out.fire(on_line, TermPath::root());
        }
        if parties_ok {
            return;
        }
        // The contexts (CII) and the existence tests (UBL) keep the VAT
        // scheme only.
        if self.cii {
            for (i, c) in self.line_codes(true) {
                if exactly(c, x) {
                    out.fire(on_line, line_path(i));
                }
            }
            for (i, a) in inv.allowances.iter().enumerate() {
                if exactly(a.vat_category.as_ref(), x) && vat_scheme(a.tax_scheme.as_deref(), true)
                {
                    out.fire(on_allowance, allowance_path(i));
                }
            }
            for (i, c) in inv.charges.iter().enumerate() {
                if exactly(c.vat_category.as_ref(), x) && vat_scheme(c.tax_scheme.as_deref(), true)
                {
                    out.fire(on_charge, charge_path(i));
                }
            }
        } else {
            if on_line != "BR-S-02" && self.count_lines(x, true) > 0 {
                out.fire(on_line, TermPath::root());
            }
            if self.count_allowances(x, true) > 0 {
                out.fire(on_allowance, TermPath::root());
            }
            // BR-AF-04 tests `cbc:ID='L'` without normalize-space in the
            // branch that lets the invoice pass.
            let charged = if on_charge == "BR-AF-04" {
                inv.charges.iter().any(|c| {
                    exactly(c.vat_category.as_ref(), x)
                        && vat_scheme(c.tax_scheme.as_deref(), false)
                })
            } else {
                self.count_charges(x, true) > 0
            };
            if charged {
                out.fire(on_charge, TermPath::root());
            }
        }
    }

    /// Rules 05–07, once per line, allowance or charge of the category.
    fn rates(&self, cat: &Category, out: &mut Checker) {
        let x = cat.code;
        let inv = self.inv;
        let rule = if self.cii { cat.rate_cii } else { cat.rate_ubl };
        let [_, _, _, _, on_line, on_allowance, on_charge, ..] = cat.ids;
        // Contexts of the VAT scheme only, in both syntaxes.
        for (i, line) in inv.lines.iter().enumerate() {
            let vat = line.vat.as_ref();
            if self.is(vat.and_then(|v| v.category.as_ref()), x)
                && self.scheme_ok(vat.and_then(|v| v.tax_scheme.as_deref()), true)
                && !rate_ok(rule, vat.and_then(|v| v.rate))
            {
                out.fire(on_line, line_path(i).child(Term::bt(152)));
            }
        }
        for (i, a) in inv.allowances.iter().enumerate() {
            if self.is(a.vat_category.as_ref(), x)
                && self.scheme_ok(a.tax_scheme.as_deref(), true)
                && !rate_ok(rule, a.vat_rate)
            {
                out.fire(on_allowance, allowance_path(i).child(Term::bt(96)));
            }
        }
        for (i, c) in inv.charges.iter().enumerate() {
            if self.is(c.vat_category.as_ref(), x)
                && self.scheme_ok(c.tax_scheme.as_deref(), true)
                && !rate_ok(rule, c.vat_rate)
            {
                out.fire(on_charge, charge_path(i).child(Term::bt(103)));
            }
        }
    }

    /// Lines + charges − allowances of category `x` (and of `rate`, when
    /// given), as three sums; `None` on overflow.
    fn sums(&self, x: &str, rate: Option<Decimal>) -> Option<(Decimal, Decimal, Decimal)> {
        let inv = self.inv;
        let of_rate = |r: Option<Decimal>| rate.is_none_or(|rate| r == Some(rate));
        let lines = sum(inv.lines.iter().filter_map(|l| {
            let vat = l.vat.as_ref()?;
            (self.is(vat.category.as_ref(), x) && of_rate(vat.rate))
                .then_some(l.net_amount)
                .flatten()
        }))?;
        let charges = sum(inv.charges.iter().filter_map(|c| {
            (self.is(c.vat_category.as_ref(), x) && of_rate(c.vat_rate))
                .then_some(c.amount)
                .flatten()
        }))?;
        let allowances = sum(inv.allowances.iter().filter_map(|a| {
            (self.is(a.vat_category.as_ref(), x) && of_rate(a.vat_rate))
                .then_some(a.amount)
                .flatten()
        }))?;
        Some((lines, charges, allowances))
    }

    /// Whether a line, allowance or charge of category `x` and `rate` exists.
    fn used_at_rate(&self, x: &str, rate: Decimal) -> (bool, bool) {
        let inv = self.inv;
        let lines = inv.lines.iter().any(|l| {
            l.vat
                .as_ref()
                .is_some_and(|v| self.is(v.category.as_ref(), x) && v.rate == Some(rate))
        });
        let acs = inv
            .allowances
            .iter()
            .any(|a| self.is(a.vat_category.as_ref(), x) && a.vat_rate == Some(rate))
            || inv
                .charges
                .iter()
                .any(|c| self.is(c.vat_category.as_ref(), x) && c.vat_rate == Some(rate));
        (lines, acs)
    }

    /// Rules 08–10 on the `i`-th breakdown, which is of the category.
    fn breakdown(&self, cat: &Category, i: usize, b: &VatBreakdown, out: &mut Checker) {
        let path = breakdown_path(i);
        let [.., taxable_id, tax_id, exemption_id] = cat.ids;
        let taxable_ok = if self.cii {
            self.taxable_cii(cat, b)
        } else {
            self.taxable_ubl(cat, b)
        };
        if taxable_ok == Some(false) {
            out.fire(taxable_id, path.child(Term::bt(116)));
        }
        let tax = if self.cii { cat.tax_cii } else { cat.tax_ubl };
        let tax_ok = match tax {
            TaxAmount::Never => Some(true),
            TaxAmount::Zero if self.cii => Some(b.tax_amount.is_some_and(|t| double(t) == 0.0)),
            TaxAmount::Zero => Some(b.tax_amount.is_some_and(|t| t.is_zero())),
            TaxAmount::Computed if self.cii => Some(computed_tax_cii(b)),
            TaxAmount::Computed => computed_tax_ubl(b),
        };
        if tax_ok == Some(false) {
            out.fire(tax_id, path.child(Term::bt(117)));
        }
        if has_exemption(b) != cat.exemption_required {
            out.fire(exemption_id, path);
        }
    }

    /// Rule 08 in UBL; `None` when the sums overflow.
    fn taxable_ubl(&self, cat: &Category, b: &VatBreakdown) -> Option<bool> {
        let x = cat.code;
        let has_lines = !self.inv.lines.is_empty();
        match cat.taxable_ubl {
            UblTaxable::Exact => {
                let (lines, charges, allowances) = self.sums(x, None)?;
                let expected = plus_minus(lines, charges, allowances)?;
                Some(has_lines && b.taxable_amount == Some(expected))
            }
            UblTaxable::ByRate { needs_use } => {
                // every $rate in xs:decimal(cbc:Percent): true without one.
                let Some(rate) = b.rate else {
                    return Some(true);
                };
                let (lines, charges, allowances) = self.sums(x, Some(rate))?;
                let within = |total: Decimal| {
                    b.taxable_amount.is_some_and(|t| {
                        let t = double(t);
                        cmp_double_decimal(t - 1.0, total) == Some(Ordering::Less)
                            && cmp_double_decimal(t + 1.0, total) == Some(Ordering::Greater)
                    })
                };
                let with_lines = plus_minus(lines, charges, allowances)?;
                if needs_use {
                    // One branch sums the document's own lines, the other the
                    // line kind it does not have (none), each guarded by the
                    // existence of something at that rate.
                    let without_lines = plus_minus(Decimal::ZERO, charges, allowances)?;
                    let (used_lines, used_acs) = self.used_at_rate(x, rate);
                    Some(
                        ((used_lines || used_acs) && within(with_lines))
                            || (used_acs && within(without_lines)),
                    )
                } else {
                    Some(has_lines && within(with_lines))
                }
            }
        }
    }

    /// Rule 08 in CII; `None` when the sums overflow.
    fn taxable_cii(&self, cat: &Category, b: &VatBreakdown) -> Option<bool> {
        let x = cat.code;
        let basis = b.taxable_amount.map(double);
        match cat.taxable_cii {
            CiiTaxable::Never => Some(true),
            CiiTaxable::ByRate => {
                let Some(rate) = b.rate else {
                    return Some(true);
                };
                let (lines, charges, allowances) = self.sums(x, Some(rate))?;
                let expected = double(rounded_plus_minus(lines, charges, allowances)?);
                Some(basis == Some(expected))
            }
            CiiTaxable::Exact => {
                let (lines, charges, allowances) = self.sums(x, None)?;
                let expected = double(rounded_plus_minus(lines, charges, allowances)?);
                Some(basis == Some(expected))
            }
            CiiTaxable::Tolerance => {
                let (lines, charges, allowances) = self.sums(x, None)?;
                let expected = double(rounded_plus_minus(lines, charges, allowances)?);
                Some(basis.is_some_and(|t| t - 1.0 < expected && t + 1.0 > expected))
            }
        }
    }

    /// BR-O-11…14.
    pub(super) fn outside_scope(&self, out: &mut Checker) {
        const O: &str = "O";
        let inv = self.inv;
        if self.cii {
            let other_tax = inv
                .lines
                .iter()
                .filter_map(|l| l.vat.as_ref()?.category.as_ref())
                .chain(inv.vat_breakdown.iter().filter_map(|b| b.category.as_ref()))
                .any(|c| c.code() != O);
            let other_ac = inv
                .allowances
                .iter()
                .filter_map(|a| a.vat_category.as_ref())
                .chain(inv.charges.iter().filter_map(|c| c.vat_category.as_ref()))
                .any(|c| c.code() != O);
            // Context VATO: O breakdowns of the VAT type; the others are
            // counted whatever their type code.
            for (i, b) in inv.vat_breakdown.iter().enumerate() {
                if exactly(b.category.as_ref(), O) && vat_scheme(b.tax_scheme.as_deref(), true) {
                    if other_tax {
                        out.fire("BR-O-11", breakdown_path(i));
                        out.fire("BR-O-12", breakdown_path(i));
                    }
                    if other_ac {
                        out.fire("BR-O-13", breakdown_path(i));
                        out.fire("BR-O-14", breakdown_path(i));
                    }
                }
            }
            return;
        }
        if self.count_breakdowns(O, true) == 0 {
            return;
        }
        // `normalize-space(cbc:ID) != 'O'` also holds for a tax category
        // without an ID, which the model shows as a group with other terms.
        // UBL counts the other categories of the VAT scheme only.
        let other = |code: Option<&VatCategoryCode>, scheme: Option<&str>| {
            !normalized(code, O) && vat_scheme(scheme, false)
        };
        if inv.vat_breakdown.iter().any(|b| {
            (b.category.is_some() || b.rate.is_some() || has_exemption(b))
                && other(b.category.as_ref(), b.tax_scheme.as_deref())
        }) {
            out.fire("BR-O-11", TermPath::root());
        }
        if inv.lines.iter().any(|l| {
            l.vat
                .as_ref()
                .is_some_and(|v| other(v.category.as_ref(), v.tax_scheme.as_deref()))
        }) {
            out.fire("BR-O-12", TermPath::root());
        }
        if inv.allowances.iter().any(|a| {
            (a.vat_category.is_some() || a.vat_rate.is_some())
                && other(a.vat_category.as_ref(), a.tax_scheme.as_deref())
        }) {
            out.fire("BR-O-13", TermPath::root());
        }
        if inv.charges.iter().any(|c| {
            (c.vat_category.is_some() || c.vat_rate.is_some())
                && other(c.vat_category.as_ref(), c.tax_scheme.as_deref())
        }) {
            out.fire("BR-O-14", TermPath::root());
        }
    }

    /// BR-IC-11 and BR-IC-12.
    pub(super) fn intra_community(&self, out: &mut Checker) {
        const K: &str = "K";
        let inv = self.inv;
        // A date a lenient read could not read: CII tests its existence,
        // UBL `string-length(cac:Delivery/cbc:ActualDeliveryDate) > 1` and
        // `cac:InvoicePeriod/*`.
        let date_path = TermPath::of(Term::bg(13)).child(Term::bt(72));
        let unreadable_date = match out.unreadable_value(&date_path) {
            Some(value) => self.cii || value.chars().count() > 1,
            None => false,
        };
        let delivery_date = unreadable_date
            || inv
                .delivery
                .as_ref()
                .is_some_and(|d| d.actual_delivery_date.is_some());
        let period_path = TermPath::of(Term::bg(14));
        let period = inv
            .period
            .as_ref()
            .is_some_and(|p| p.start.is_some() || p.end.is_some())
            || out.unreadable(&period_path.child(Term::bt(73)))
            || out.unreadable(&period_path.child(Term::bt(74)));
        let country = inv
            .delivery
            .as_ref()
            .and_then(|d| d.address.as_ref())
            .and_then(|a| a.country.as_ref());
        if self.cii {
            // Context VATIC: K breakdowns of the VAT type.
            for (i, b) in inv.vat_breakdown.iter().enumerate() {
                if exactly(b.category.as_ref(), K) && vat_scheme(b.tax_scheme.as_deref(), true) {
                    if !(delivery_date || period) {
                        out.fire("BR-IC-11", breakdown_path(i));
                    }
                    if country.is_none() {
                        out.fire("BR-IC-12", breakdown_path(i));
                    }
                }
            }
            return;
        }
        if self.count_breakdowns(K, true) == 0 {
            return;
        }
        // `cac:InvoicePeriod/*`: BT-8 is `cac:InvoicePeriod/cbc:DescriptionCode` in UBL.
        if !(delivery_date || period || inv.vat_point_date_code.is_some()) {
            out.fire("BR-IC-11", TermPath::root());
        }
        if country.is_none_or(|c| c.code().chars().count() <= 1) {
            out.fire("BR-IC-12", TermPath::root());
        }
    }
}

/// UBL rule 09: `abs(BT-117) ∓ 1` around `round2(abs(BT-116) × BT-119 / 100)`,
/// in `xs:decimal`; `None` on overflow.
fn computed_tax_ubl(b: &VatBreakdown) -> Option<bool> {
    let (Some(tax), Some(taxable), Some(rate)) = (b.tax_amount, b.taxable_amount, b.rate) else {
        return Some(false);
    };
    let expected = round2(
        taxable
            .abs()
            .checked_mul(rate.checked_div(Decimal::ONE_HUNDRED)?)?,
    );
    let tax = tax.abs();
    Some(tax.checked_sub(Decimal::ONE)? < expected && tax.checked_add(Decimal::ONE)? > expected)
}

/// CII rule 09: `round(abs(BT-116) × BT-119) div 100` is `xs:double`
/// (the rate is untyped), compared with `abs(BT-117) ∓ 1`.
fn computed_tax_cii(b: &VatBreakdown) -> bool {
    let (Some(tax), Some(taxable), Some(rate)) = (b.tax_amount, b.taxable_amount, b.rate) else {
        return false;
    };
    let expected = round_double(double(taxable.abs()) * double(rate)) / 100.0;
    let tax = tax.abs();
    let (Some(low), Some(high)) = (tax.checked_sub(Decimal::ONE), tax.checked_add(Decimal::ONE))
    else {
        return false;
    };
    double(low) < expected && double(high) > expected
}
