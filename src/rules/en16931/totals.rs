//! BR-CO-* (calculations and co-occurrences) and BR-DEC-* (decimals).
//!
//! Each rule reproduces the XPath of the binding the document was read
//! from (a bare model is checked as UBL): the two artefacts round in
//! different places, compare strictly or not, and the CII binding computes
//! several sums in `xs:double` (see [`num`]).
//!
//! # Where the model cannot see what the XPath sees
//!
//! The rules run on the model, which keeps one value per term. The official
//! verdict can differ on these documents:
//!
//! - **Currency of BT-110.** The model keeps no `currencyID` on BT-110; it
//!   is taken to be the invoice currency (BT-5). CII BR-CO-14 and BR-CO-15
//!   select the VAT totals by `@currencyID` and count them, so for CII
//!   documents they are checked on the tree (`syntax::cii::rules::business`);
//!   UBL BR-CO-15 and CII BR-DEC-13 still judge a BT-110 written in another
//!   currency, or without `currencyID`, as if it were in BT-5. BT-111 keeps
//!   its currency and is counted when it equals BT-5.
//! - **Totals the reader drops.** A repeated `cac:TaxTotal` with subtotals
//!   after the one read (UBL), a repeated `ram:LineTotalAmount`: the rules
//!   only see the first.
//! - BR-CO-09 is checked on the tree for documents (every VAT party tax
//!   scheme / VA registration, repetitions included).
//! - **Empty containers.** An empty `cac:LegalMonetaryTotal` (or CII
//!   monetary summation) cannot be told from an absent one: BR-CO-10…13 and
//!   BR-CO-16 run only when one of its terms is present. Likewise BR-CO-26
//!   runs only when the seller holds some term (an empty
//!   `cac:AccountingSupplierParty` fires it officially).
//! - **Tax scheme / type code.** BR-CO-04 and BR-CO-17 look only at a tax
//!   category whose `cac:TaxScheme/cbc:ID` (UBL) or `ram:TypeCode` (CII) is
//!   VAT (the model's `tax_scheme`): a line whose category has another
//!   scheme fails BR-CO-04, and BR-CO-17 reads no rate from a breakdown of
//!   another scheme (CII BR-CO-17 normalizes the type code, BR-CO-04 does
//!   not).
//! - **Lexical forms.** BR-DEC-* count the decimals as written, but the
//!   readers trim whitespace: `"10.12 "` has 3 characters after the point
//!   for the artefact and 2 decimals here. The CII allowance contexts of
//!   BR-CO-21…24 match `udt:Indicator = 'false'` / `'true'` exactly; the
//!   reader also accepts `0` / `1` (as `ChargeIndicator = false()` does in
//!   BR-CO-11 and BR-CO-12).
//!
//! BR-CO-05…08 are checked by never firing: their test is `true()` in
//! both artefacts 1.3.16 (the reason-code consistency they describe is not
//! enforced by the official validator), so no invoice breaks them.

mod cooccurrence;
mod decimals;
pub(crate) mod num;
mod sums;

use crate::model::{Invoice, Term};
use crate::rules::engine::{Checker, ModelFamily};
use crate::syntax::Syntax;
use rust_decimal::Decimal;

/// The rules of this family and their check.
pub(crate) const FAMILY: ModelFamily = ModelFamily {
    ids: &[
        "BR-CO-03",
        "BR-CO-04",
        "BR-CO-05",
        "BR-CO-06",
        "BR-CO-07",
        "BR-CO-08",
        "BR-CO-09",
        "BR-CO-10",
        "BR-CO-11",
        "BR-CO-12",
        "BR-CO-13",
        "BR-CO-14",
        "BR-CO-15",
        "BR-CO-16",
        "BR-CO-17",
        "BR-CO-18",
        "BR-CO-19",
        "BR-CO-20",
        "BR-CO-21",
        "BR-CO-22",
        "BR-CO-23",
        "BR-CO-24",
        "BR-CO-26",
        "BR-DEC-01",
        "BR-DEC-02",
        "BR-DEC-05",
        "BR-DEC-06",
        "BR-DEC-09",
        "BR-DEC-10",
        "BR-DEC-11",
        "BR-DEC-12",
        "BR-DEC-13",
        "BR-DEC-14",
        "BR-DEC-15",
        "BR-DEC-16",
        "BR-DEC-17",
        "BR-DEC-18",
        "BR-DEC-19",
        "BR-DEC-20",
        "BR-DEC-23",
        "BR-DEC-24",
        "BR-DEC-25",
        "BR-DEC-27",
        "BR-DEC-28",
    ],
    check,
};

/// Which artefact's XPath a rule follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Binding {
    Ubl,
    Cii,
}

fn check(invoice: &Invoice, out: &mut Checker) {
    let binding = match out.syntax() {
        Some(Syntax::Cii) => Binding::Cii,
        _ => Binding::Ubl,
    };
    sums::check(invoice, binding, out);
    decimals::check(invoice, binding, out);
    cooccurrence::check(invoice, binding, out);
}

fn bt(number: u16) -> Term {
    Term::bt(number)
}

fn bg(number: u16) -> Term {
    Term::bg(number)
}

/// The VAT totals with their currency: BT-110 (taken to be in BT-5, see the
/// module notes) and BT-111 (with the currency written on it).
fn tax_totals_with_currency(inv: &Invoice) -> Vec<(Decimal, Option<&str>)> {
    let t = &inv.totals;
    let invoice = inv.currency.as_ref().map(|c| c.code());
    t.tax_amount
        .map(|a| (a, invoice))
        .into_iter()
        .chain(
            t.tax_amount_accounting
                .as_ref()
                .map(|a| (a.amount, a.currency.as_ref().map(|c| c.code()))),
        )
        .collect()
}

/// The VAT totals whose currency is the invoice currency (BT-5).
fn tax_amounts_in_invoice_currency(inv: &Invoice) -> Vec<Decimal> {
    let invoice = inv.currency.as_ref().map(|c| c.code());
    tax_totals_with_currency(inv)
        .into_iter()
        .filter(|(_, currency)| currency.is_some() && *currency == invoice)
        .map(|(amount, _)| amount)
        .collect()
}

#[cfg(test)]
mod tests;
