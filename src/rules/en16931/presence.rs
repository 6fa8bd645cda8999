//! BR-01…BR-65 and BR-B-*: the mandatory terms and the simple constraints on them.
//!
//! Each rule follows the XPath of its syntax's artefact: `exists(x)` is a
//! term read at all (`Some`, even empty), `normalize-space(x) != ''` is a
//! term with text ([`has_text`]). Where the two bindings test differently,
//! the check asks [`Checker::syntax`].
//!
//! What the model cannot tell (the official result may differ; every UBL
//! disagreement left in the shared corpus is one of these, CII has none):
//! - An element present but empty of every mapped term is pruned from the
//!   model (`<cac:PostalAddress/>`, an empty `cac:TaxRepresentativeParty`,
//!   `cac:PayeeParty`, `cac:LegalMonetaryTotal`, `cac:PaymentMeans`,
//!   `cac:BillingReference`, delivery `cac:Address`): rules testing the
//!   group's existence (BR-08, BR-10) fire, and rules whose context is the
//!   group (BR-09/11/12…15/17/18/19/20/49/55/56/57) do not.
//! - BR-32/37/47/48 look only at a category of the VAT scheme (UBL
//!   `cac:TaxCategory[cac:TaxScheme/normalize-space(upper-case(cbc:ID)) =
//!   'VAT']`, CII `[upper-case(ram:TypeCode) = 'VAT']`): a category of
//!   another scheme, or without one, is as good as absent.
//! - A UBL `cac:AllowanceCharge` without `cbc:ChargeIndicator` (BR-28 on a
//!   price allowance), and `cac:InvoiceLine` inside a `CreditNote` (BR-16,
//!   BR-21…27), are not read into the model.
//! - Several `cac:PaymentMeans` / `ram:SpecifiedTradeSettlementPaymentMeans`
//!   are one BG-16: BR-49 and UBL BR-61 are checked once on it, BR-50 and CII
//!   BR-61 on each of its credit transfers with the first means code.
//! - BR-12…BR-15 and CII BR-53 have the totals element as context: it is
//!   taken as present when any of its terms is.
//! - BR-53 (UBL) takes the BT-110 amount to be in the invoice currency
//!   (BT-5), which is where the readers put it.
//! - BR-17 compares identifiers whatever their element (CII `ram:ID` and
//!   `ram:GlobalID` are one list in the model; UBL SEPA identifiers are
//!   BT-90, not compared).
//! - BR-B-01/02 see the country codes and VAT category codes the model
//!   keeps (not, e.g., line-level allowance categories, which EN 16931 does
//!   not have, or a payee's address).

use super::vat_scheme;
use crate::model::{Invoice, PostalAddress, Term, TermPath};
use crate::rules::engine::{Checker, ModelFamily};
use crate::rules::xpath::{has_text, normalize_space, normalized_eq};
use crate::syntax::Syntax;
use rust_decimal::Decimal;

/// The rules of this family and their check.
pub(crate) const FAMILY: ModelFamily = ModelFamily {
    ids: &[
        "BR-01", "BR-02", "BR-03", "BR-04", "BR-05", "BR-06", "BR-07", "BR-08", "BR-09", "BR-10",
        "BR-11", "BR-12", "BR-13", "BR-14", "BR-15", "BR-16", "BR-17", "BR-18", "BR-19", "BR-20",
        "BR-21", "BR-22", "BR-23", "BR-24", "BR-25", "BR-26", "BR-27", "BR-28", "BR-29", "BR-30",
        "BR-31", "BR-32", "BR-33", "BR-36", "BR-37", "BR-38", "BR-41", "BR-42", "BR-43", "BR-44",
        "BR-45", "BR-46", "BR-47", "BR-48", "BR-49", "BR-50", "BR-51", "BR-52", "BR-53", "BR-54",
        "BR-55", "BR-56", "BR-57", "BR-61", "BR-62", "BR-63", "BR-64", "BR-65", "BR-B-01",
        "BR-B-02",
    ],
    check,
};

fn bt(n: u16) -> Term {
    Term::bt(n)
}

fn bg(n: u16) -> Term {
    Term::bg(n)
}

fn top(n: u16) -> TermPath {
    TermPath::of(bt(n))
}

fn nth(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// `not(exists(x))` for a typed term: no value in the model, and no value
/// a lenient read found there but could not read.
fn absent<T>(value: &Option<T>, path: &TermPath, out: &Checker) -> bool {
    value.is_none() && !out.unreadable(path)
}

fn is_cii(out: &Checker) -> bool {
    out.syntax() == Some(Syntax::Cii)
}

fn check(inv: &Invoice, out: &mut Checker) {
    document(inv, out);
    parties(inv, out);
    totals(inv, out);
    lines(inv, out);
    allowances_charges(inv, out);
    vat_breakdown(inv, out);
    payment(inv, out);
    references(inv, out);
    split_payment(inv, out);
}

/// BR-01…BR-05, BR-16, BR-29.
fn document(inv: &Invoice, out: &mut Checker) {
    if !has_text(inv.process.specification.as_deref()) {
        out.fire("BR-01", TermPath::of(bg(2)).child(bt(24)));
    }
    if !has_text(inv.number.as_deref()) {
        out.fire("BR-02", top(1));
    }
    if absent(&inv.issue_date, &top(2), out) {
        out.fire("BR-03", top(2));
    }
    if !has_text(inv.type_code.as_ref().map(|c| c.code())) {
        out.fire("BR-04", top(3));
    }
    if !has_text(inv.currency.as_ref().map(|c| c.code())) {
        out.fire("BR-05", top(5));
    }
    if inv.lines.is_empty() {
        out.fire("BR-16", TermPath::of(bg(25)));
    }
    if let Some(p) = &inv.period
        && let (Some(start), Some(end)) = (p.start, p.end)
        && end < start
    {
        out.fire("BR-29", TermPath::of(bg(14)));
    }
}

fn country_text(address: Option<&PostalAddress>) -> bool {
    has_text(address.and_then(|a| a.country.as_ref()).map(|c| c.code()))
}

/// BR-06…BR-11, BR-17…BR-20, BR-56, BR-57, BR-62, BR-63.
fn parties(inv: &Invoice, out: &mut Checker) {
    let cii = is_cii(out);
    if !has_text(inv.seller.name.as_deref()) {
        out.fire("BR-06", TermPath::of(bg(4)).child(bt(27)));
    }
    if !has_text(inv.buyer.name.as_deref()) {
        out.fire("BR-07", TermPath::of(bg(7)).child(bt(44)));
    }
    let seller_address = inv.seller.address.as_ref();
    if seller_address.is_none() {
        out.fire("BR-08", TermPath::of(bg(4)).child(bg(5)));
    }
    // UBL: in the context of the address; CII: on the invoice.
    if (cii || seller_address.is_some()) && !country_text(seller_address) {
        out.fire("BR-09", TermPath::of(bg(4)).child(bg(5)).child(bt(40)));
    }
    let buyer_address = inv.buyer.address.as_ref();
    if buyer_address.is_none() {
        out.fire("BR-10", TermPath::of(bg(7)).child(bg(8)));
    }
    if (cii || buyer_address.is_some()) && !country_text(buyer_address) {
        out.fire("BR-11", TermPath::of(bg(7)).child(bg(8)).child(bt(55)));
    }

    if let Some(payee) = &inv.payee
        && payee_differs_badly(inv, payee, cii)
    {
        out.fire("BR-17", TermPath::of(bg(10)));
    }

    if let Some(rep) = &inv.tax_representative {
        let g = TermPath::of(bg(11));
        if !has_text(rep.name.as_deref()) {
            out.fire("BR-18", g.child(bt(62)));
        }
        if rep.address.is_none() {
            out.fire("BR-19", g.child(bg(12)));
        }
        // UBL: in the context of the address; CII: on the party.
        if (cii || rep.address.is_some()) && !country_text(rep.address.as_ref()) {
            out.fire("BR-20", g.child(bg(12)).child(bt(69)));
        }
        let vat = if cii {
            has_text(rep.vat_id.as_deref())
        } else {
            rep.vat_id.is_some()
        };
        if !vat {
            out.fire("BR-56", g.child(bt(63)));
        }
    }

    if let Some(address) = inv.delivery.as_ref().and_then(|d| d.address.as_ref()) {
        let country = address.country.as_ref().map(|c| c.code());
        let ok = if cii {
            has_text(country)
        } else {
            country.is_some()
        };
        if !ok {
            out.fire("BR-57", TermPath::of(bg(13)).child(bg(15)).child(bt(80)));
        }
    }

    // UBL: exists(@schemeID); CII: normalize-space(@schemeID) != ''.
    let scheme_ok = |scheme: Option<&str>| {
        if cii {
            has_text(scheme)
        } else {
            scheme.is_some()
        }
    };
    if let Some(address) = &inv.seller.electronic_address
        && !scheme_ok(address.scheme.as_deref())
    {
        out.fire("BR-62", TermPath::of(bg(4)).child(Term::bt_sub(34, 1)));
    }
    if let Some(address) = &inv.buyer.electronic_address
        && !scheme_ok(address.scheme.as_deref())
    {
        out.fire("BR-63", TermPath::of(bg(7)).child(Term::bt_sub(49, 1)));
    }
}

/// BR-17's test: the payee has no name, or shares the seller's name or one
/// of its identifiers (UBL compares the trading name BT-28, CII the name
/// BT-27 and also the legal registration identifiers). XPath `=` on strings
/// is exact.
fn payee_differs_badly(inv: &Invoice, payee: &crate::model::Payee, cii: bool) -> bool {
    let Some(name) = payee.name.as_deref() else {
        return true;
    };
    let seller_name = if cii {
        inv.seller.name.as_deref()
    } else {
        inv.seller.trading_name.as_deref()
    };
    if seller_name == Some(name) {
        return true;
    }
    if let Some(id) = &payee.identifier
        && inv.seller.identifiers.iter().any(|s| s.value == id.value)
    {
        return true;
    }
    if cii
        && let (Some(a), Some(b)) = (
            &payee.legal_registration_id,
            &inv.seller.legal_registration_id,
        )
        && a.value == b.value
    {
        return true;
    }
    false
}

/// BR-12…BR-15, BR-53.
fn totals(inv: &Invoice, out: &mut Checker) {
    let cii = is_cii(out);
    let t = &inv.totals;
    let g = TermPath::of(bg(22));
    let present = super::totals_present(inv, out);
    if present {
        for (id, value, number) in [
            ("BR-12", t.line_net_total, 106),
            ("BR-13", t.tax_exclusive_amount, 109),
            ("BR-14", t.tax_inclusive_amount, 112),
            ("BR-15", t.amount_due, 115),
        ] {
            if absent(&value, &g.child(bt(number)), out) {
                out.fire(id, g.child(bt(number)));
            }
        }
    }
    if let Some(accounting) = inv.vat_accounting_currency.as_ref().map(|c| c.code()) {
        let invoice = inv.currency.as_ref().map(|c| c.code());
        let bt111 = t
            .tax_amount_accounting
            .as_ref()
            .and_then(|a| a.currency.as_ref())
            .is_some_and(|c| c.code() == accounting);
        let fires = if cii {
            // not(BT-6) or (TaxTotalAmount/@currencyID = BT-6 and BT-6 != BT-5)
            present && (!bt111 || invoice == Some(accounting))
        } else {
            // some TaxTotal/TaxAmount in BT-6 (BT-110 is in BT-5).
            !(bt111 || (t.tax_amount.is_some() && invoice == Some(accounting)))
        };
        if fires {
            out.fire("BR-53", g.child(bt(111)));
        }
    }
}

/// BR-21…BR-28, BR-30, BR-54, BR-64, BR-65.
fn lines(inv: &Invoice, out: &mut Checker) {
    let cii = is_cii(out);
    for (i, line) in inv.lines.iter().enumerate() {
        let g = TermPath::root().nth(bg(25), nth(i));
        if !has_text(line.id.as_deref()) {
            out.fire("BR-21", g.child(bt(126)));
        }
        if absent(&line.quantity, &g.child(bt(129)), out) {
            out.fire("BR-22", g.child(bt(129)));
        }
        if line.unit_code.is_none() {
            out.fire("BR-23", g.child(bt(130)));
        }
        if absent(&line.net_amount, &g.child(bt(131)), out) {
            out.fire("BR-24", g.child(bt(131)));
        }
        let item = line.item.as_ref();
        if !has_text(item.and_then(|it| it.name.as_deref())) {
            out.fire("BR-25", g.child(bg(31)).child(bt(153)));
        }
        let price = line.price.as_ref();
        let net = price.and_then(|p| p.net_price);
        if absent(&net, &g.child(bg(29)).child(bt(146)), out) {
            out.fire("BR-26", g.child(bg(29)).child(bt(146)));
        }
        // `price >= 0` is false on an absent price too.
        if net.is_none_or(|p| p < Decimal::ZERO) {
            out.fire("BR-27", g.child(bg(29)).child(bt(146)));
        }
        if price
            .and_then(|p| p.gross_price)
            .is_some_and(|p| p < Decimal::ZERO)
        {
            out.fire("BR-28", g.child(bg(29)).child(bt(148)));
        }
        if let Some(p) = &line.period
            && let (Some(start), Some(end)) = (p.start, p.end)
            && end < start
        {
            out.fire("BR-30", g.child(bg(26)));
        }
        let Some(item) = item else { continue };
        let ig = g.child(bg(31));
        for (j, attribute) in item.attributes.iter().enumerate() {
            if attribute.name.is_none() || attribute.value.is_none() {
                out.fire("BR-54", ig.nth(bg(32), nth(j)));
            }
        }
        if let Some(id) = &item.standard_id {
            let ok = if cii {
                has_text(id.scheme.as_deref())
            } else {
                id.scheme.is_some()
            };
            if !ok {
                out.fire("BR-64", ig.child(Term::bt_sub(157, 1)));
            }
        }
        for (j, class) in item.classifications.iter().enumerate() {
            let ok = if cii {
                has_text(class.scheme.as_deref())
            } else {
                class.scheme.is_some()
            };
            if !ok {
                out.fire("BR-65", ig.nth(Term::bt_sub(158, 1), nth(j)));
            }
        }
    }
}

/// BR-31…BR-33, BR-36…BR-38, BR-41…BR-44.
fn allowances_charges(inv: &Invoice, out: &mut Checker) {
    let cii = is_cii(out);
    for (i, a) in inv.allowances.iter().enumerate() {
        let g = TermPath::root().nth(bg(20), nth(i));
        if absent(&a.amount, &g.child(bt(92)), out) {
            out.fire("BR-31", g.child(bt(92)));
        }
        // `cac:TaxCategory[VAT scheme]/cbc:ID`, `ram:CategoryTradeTax[VAT type]/ram:CategoryCode`.
        if a.vat_category.is_none() || !vat_scheme(a.tax_scheme.as_deref(), cii) {
            out.fire("BR-32", g.child(bt(95)));
        }
        if a.reason.is_none() && a.reason_code.is_none() {
            out.fire("BR-33", g.child(bt(97)));
        }
    }
    for (i, c) in inv.charges.iter().enumerate() {
        let g = TermPath::root().nth(bg(21), nth(i));
        if absent(&c.amount, &g.child(bt(99)), out) {
            out.fire("BR-36", g.child(bt(99)));
        }
        if c.vat_category.is_none() || !vat_scheme(c.tax_scheme.as_deref(), cii) {
            out.fire("BR-37", g.child(bt(102)));
        }
        if c.reason.is_none() && c.reason_code.is_none() {
            out.fire("BR-38", g.child(bt(104)));
        }
    }
    for (i, line) in inv.lines.iter().enumerate() {
        let lg = TermPath::root().nth(bg(25), nth(i));
        for (j, a) in line.allowances.iter().enumerate() {
            let g = lg.nth(bg(27), nth(j));
            if absent(&a.amount, &g.child(bt(136)), out) {
                out.fire("BR-41", g.child(bt(136)));
            }
            if a.reason.is_none() && a.reason_code.is_none() {
                out.fire("BR-42", g.child(bt(139)));
            }
        }
        for (j, c) in line.charges.iter().enumerate() {
            let g = lg.nth(bg(28), nth(j));
            if absent(&c.amount, &g.child(bt(141)), out) {
                out.fire("BR-43", g.child(bt(141)));
            }
            if c.reason.is_none() && c.reason_code.is_none() {
                out.fire("BR-44", g.child(bt(144)));
            }
        }
    }
}

/// BR-45…BR-48.
fn vat_breakdown(inv: &Invoice, out: &mut Checker) {
    let cii = is_cii(out);
    for (i, v) in inv.vat_breakdown.iter().enumerate() {
        if cii && !super::cii_generic_breakdown_rules(v) {
            continue;
        }
        let g = TermPath::root().nth(bg(23), nth(i));
        if absent(&v.taxable_amount, &g.child(bt(116)), out) {
            out.fire("BR-45", g.child(bt(116)));
        }
        if absent(&v.tax_amount, &g.child(bt(117)), out) {
            out.fire("BR-46", g.child(bt(117)));
        }
        let vat = vat_scheme(v.tax_scheme.as_deref(), cii);
        if v.category.is_none() || !vat {
            out.fire("BR-47", g.child(bt(118)));
        }
        let code = v.category.as_ref().map(|c| c.code());
        // UBL normalizes the code, CII compares it as written.
        let outside_scope = if cii {
            code == Some("O")
        } else {
            code.is_some_and(|c| normalized_eq(c, "O"))
        };
        if !vat || (absent(&v.rate, &g.child(bt(119)), out) && !outside_scope) {
            out.fire("BR-48", g.child(bt(119)));
        }
    }
}

/// BR-49…BR-51, BR-61.
fn payment(inv: &Invoice, out: &mut Checker) {
    let cii = is_cii(out);
    let Some(p) = &inv.payment else { return };
    let g = TermPath::of(bg(16));
    // Whether a payment means element was read (BT-90, and in CII BT-83 and
    // BT-89, come from elsewhere).
    let debit = p.direct_debit.as_ref();
    // In UBL the reader makes BG-16 exist for every cac:PaymentMeans, even
    // empty; the only BG-16 without one holds nothing but BT-90 (read from
    // the seller's or payee's SEPA identifier).
    let only_creditor_id = p.means_code.is_none()
        && p.means_text.is_none()
        && p.remittance_information.is_none()
        && p.credit_transfers.is_empty()
        && p.card.is_none()
        && debit.is_some_and(|d| {
            d.creditor_id.is_some()
                && d.mandate_reference.is_none()
                && d.debited_account_id.is_none()
        });
    let means_read = if cii {
        p.means_code.is_some()
            || p.means_text.is_some()
            || !p.credit_transfers.is_empty()
            || p.card.is_some()
            || debit.is_some_and(|d| d.debited_account_id.is_some())
    } else {
        !only_creditor_id
    };
    if means_read && p.means_code.is_none() {
        out.fire("BR-49", g.child(bt(81)));
    }
    let raw_code = p.means_code.as_ref().map(|c| c.code());
    // The contexts of BR-50 (both) and BR-61 (CII) compare the code as written.
    let transfer_code = matches!(raw_code, Some("30" | "58"));
    for (i, t) in p.credit_transfers.iter().enumerate() {
        let tg = g.nth(bg(17), nth(i));
        // In CII a transfer read from the BIC alone had no account element.
        let account_read = !cii
            || t.account_id.is_some()
            || t.account_name.is_some()
            || t.service_provider_id.is_none();
        if transfer_code && account_read && !has_text(t.account_id.as_deref()) {
            out.fire("BR-50", tg.child(bt(84)));
        }
        if cii && transfer_code && account_read && t.account_id.is_none() {
            out.fire("BR-61", tg.child(bt(84)));
        }
    }
    if !cii {
        let code = raw_code.map(normalize_space);
        let credit = matches!(code.as_deref(), Some("30" | "58"));
        if credit && !p.credit_transfers.iter().any(|t| t.account_id.is_some()) {
            out.fire("BR-61", g.child(bt(81)));
        }
    }
    if let Some(card) = &p.card {
        let len = card
            .primary_account_number
            .as_deref()
            .map_or(0, |n| normalize_space(n).chars().count());
        if len > 10 {
            out.fire("BR-51", g.child(bg(18)).child(bt(87)));
        }
    }
}

/// BR-52, BR-55.
fn references(inv: &Invoice, out: &mut Checker) {
    let cii = is_cii(out);
    for (i, d) in inv.supporting_documents.iter().enumerate() {
        if !has_text(d.reference.as_deref()) {
            out.fire("BR-52", TermPath::root().nth(bg(24), nth(i)).child(bt(122)));
        }
    }
    // The other document references the same element carries.
    if let Some(id) = &inv.invoiced_object_id
        && !has_text(Some(&id.value))
    {
        out.fire("BR-52", top(18));
    }
    if cii {
        if let Some(tender) = &inv.tender_reference
            && !has_text(Some(tender))
        {
            out.fire("BR-52", top(17));
        }
        for (i, line) in inv.lines.iter().enumerate() {
            if let Some(id) = &line.object_id
                && !has_text(Some(&id.value))
            {
                out.fire("BR-52", TermPath::root().nth(bg(25), nth(i)).child(bt(128)));
            }
        }
    }
    for (i, p) in inv.preceding_invoices.iter().enumerate() {
        let ok = if cii {
            has_text(p.number.as_deref())
        } else {
            p.number.is_some()
        };
        if !ok {
            out.fire("BR-55", TermPath::root().nth(bg(3), nth(i)).child(bt(25)));
        }
    }
}

/// BR-B-01, BR-B-02 (Italian split payment, VAT category `B`). XPath `=`
/// compares the codes as written.
fn split_payment(inv: &Invoice, out: &mut Checker) {
    let cii = is_cii(out);
    let doc_categories = inv
        .allowances
        .iter()
        .filter_map(|a| a.vat_category.as_ref())
        .chain(inv.charges.iter().filter_map(|c| c.vat_category.as_ref()))
        .chain(inv.vat_breakdown.iter().filter_map(|v| v.category.as_ref()));
    let line_categories = inv
        .lines
        .iter()
        .filter_map(|l| l.vat.as_ref().and_then(|v| v.category.as_ref()));
    let codes: Vec<&str> = doc_categories
        .chain(line_categories)
        .map(|c| c.code())
        .collect();
    if !codes.contains(&"B") {
        return;
    }
    let addresses = [
        inv.seller.address.as_ref(),
        inv.buyer.address.as_ref(),
        inv.tax_representative
            .as_ref()
            .and_then(|r| r.address.as_ref()),
        inv.delivery.as_ref().and_then(|d| d.address.as_ref()),
    ];
    let mut countries: Vec<&str> = addresses
        .iter()
        .flatten()
        .filter_map(|a| a.country.as_ref().map(|c| c.code()))
        .collect();
    // UBL's `//cbc:IdentificationCode` also sees the items' origin country;
    // CII writes it as `ram:ID`, not `ram:CountryID`.
    if !cii {
        countries.extend(inv.lines.iter().filter_map(|l| {
            l.item
                .as_ref()
                .and_then(|it| it.origin_country.as_ref())
                .map(|c| c.code())
        }));
    }
    if countries.iter().any(|c| *c != "IT") {
        out.fire("BR-B-01", TermPath::root());
    }
    if codes.contains(&"S") {
        out.fire("BR-B-02", TermPath::root());
    }
}

#[cfg(test)]
mod tests {
    use super::FAMILY;
    use crate::model::*;
    use crate::rules::en16931::tests::{Case, check_cases, fired, valid_invoices};
    use crate::syntax::Syntax;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    fn first_line(inv: &mut Invoice) -> &mut InvoiceLine {
        if inv.lines.is_empty() {
            inv.lines.push(InvoiceLine::default());
        }
        &mut inv.lines[0]
    }

    const CASES: &[Case] = &[
        ("BR-01", |inv| inv.process.specification = Some(" ".into())),
        ("BR-02", |inv| inv.number = None),
        ("BR-03", |inv| inv.issue_date = None),
        ("BR-04", |inv| inv.type_code = None),
        ("BR-05", |inv| inv.currency = Some("".into())),
        ("BR-06", |inv| inv.seller.name = None),
        ("BR-07", |inv| inv.buyer.name = Some("\n".into())),
        ("BR-08", |inv| inv.seller.address = None),
        ("BR-09", |inv| {
            inv.seller
                .address
                .get_or_insert_with(Default::default)
                .country = None
        }),
        ("BR-10", |inv| inv.buyer.address = None),
        ("BR-11", |inv| {
            inv.buyer
                .address
                .get_or_insert_with(Default::default)
                .country = Some(" ".into())
        }),
        ("BR-12", |inv| inv.totals.line_net_total = None),
        ("BR-13", |inv| inv.totals.tax_exclusive_amount = None),
        ("BR-14", |inv| inv.totals.tax_inclusive_amount = None),
        ("BR-15", |inv| inv.totals.amount_due = None),
        ("BR-16", |inv| inv.lines.clear()),
        ("BR-17", |inv| {
            inv.payee = Some(Payee {
                identifier: Some(Identifier::new("P1")),
                ..Payee::default()
            })
        }),
        ("BR-18", |inv| {
            inv.tax_representative = Some(TaxRepresentative {
                vat_id: Some("FR1".into()),
                ..TaxRepresentative::default()
            })
        }),
        ("BR-19", |inv| {
            inv.tax_representative = Some(TaxRepresentative {
                name: Some("Rep".into()),
                ..TaxRepresentative::default()
            })
        }),
        ("BR-20", |inv| {
            inv.tax_representative = Some(TaxRepresentative {
                address: Some(PostalAddress {
                    city: Some("Paris".into()),
                    ..PostalAddress::default()
                }),
                ..TaxRepresentative::default()
            })
        }),
        ("BR-21", |inv| first_line(inv).id = Some("".into())),
        ("BR-22", |inv| first_line(inv).quantity = None),
        ("BR-23", |inv| first_line(inv).unit_code = None),
        ("BR-24", |inv| first_line(inv).net_amount = None),
        ("BR-25", |inv| first_line(inv).item = None),
        ("BR-26", |inv| first_line(inv).price = None),
        ("BR-27", |inv| {
            first_line(inv)
                .price
                .get_or_insert_with(Default::default)
                .net_price = Some(d("-1"))
        }),
        ("BR-28", |inv| {
            first_line(inv)
                .price
                .get_or_insert_with(Default::default)
                .gross_price = Some(d("-0.01"))
        }),
        ("BR-29", |inv| {
            inv.period = Some(Period {
                start: NaiveDate::from_ymd_opt(2024, 2, 1),
                end: NaiveDate::from_ymd_opt(2024, 1, 31),
            })
        }),
        ("BR-30", |inv| {
            first_line(inv).period = Some(Period {
                start: NaiveDate::from_ymd_opt(2024, 2, 1),
                end: NaiveDate::from_ymd_opt(2024, 1, 31),
            })
        }),
        ("BR-31", |inv| {
            inv.allowances.push(DocumentAllowance::default())
        }),
        ("BR-32", |inv| {
            inv.allowances.push(DocumentAllowance::default())
        }),
        ("BR-33", |inv| {
            inv.allowances.push(DocumentAllowance::default())
        }),
        ("BR-36", |inv| inv.charges.push(DocumentCharge::default())),
        ("BR-37", |inv| inv.charges.push(DocumentCharge::default())),
        ("BR-38", |inv| inv.charges.push(DocumentCharge::default())),
        ("BR-41", |inv| {
            first_line(inv).allowances.push(LineAllowance::default())
        }),
        ("BR-42", |inv| {
            first_line(inv).allowances.push(LineAllowance::default())
        }),
        ("BR-43", |inv| {
            first_line(inv).charges.push(LineCharge::default())
        }),
        ("BR-44", |inv| {
            first_line(inv).charges.push(LineCharge::default())
        }),
        ("BR-45", |inv| {
            inv.vat_breakdown.push(VatBreakdown::default())
        }),
        ("BR-46", |inv| {
            inv.vat_breakdown.push(VatBreakdown::default())
        }),
        ("BR-47", |inv| {
            inv.vat_breakdown.push(VatBreakdown::default())
        }),
        ("BR-48", |inv| {
            inv.vat_breakdown.push(VatBreakdown {
                category: Some(VatCategoryCode::Standard),
                ..VatBreakdown::default()
            })
        }),
        ("BR-49", |inv| {
            inv.payment = Some(PaymentInstructions {
                means_text: Some("Virement".into()),
                ..PaymentInstructions::default()
            })
        }),
        ("BR-50", |inv| {
            inv.payment = Some(PaymentInstructions {
                means_code: Some("30".into()),
                credit_transfers: vec![CreditTransfer {
                    account_id: Some(" ".into()),
                    ..CreditTransfer::default()
                }],
                ..PaymentInstructions::default()
            })
        }),
        ("BR-51", |inv| {
            inv.payment = Some(PaymentInstructions {
                means_code: Some("48".into()),
                card: Some(PaymentCard {
                    primary_account_number: Some("12345678901".into()),
                    ..PaymentCard::default()
                }),
                ..PaymentInstructions::default()
            })
        }),
        ("BR-52", |inv| {
            inv.supporting_documents.push(SupportingDocument::default())
        }),
        ("BR-53", |inv| {
            inv.vat_accounting_currency = Some("SEK".into());
            inv.totals.tax_amount_accounting = None;
        }),
        ("BR-54", |inv| {
            first_line(inv)
                .item
                .get_or_insert_with(Default::default)
                .attributes
                .push(ItemAttribute::default())
        }),
        ("BR-55", |inv| {
            inv.preceding_invoices.push(PrecedingInvoice::default())
        }),
        ("BR-56", |inv| {
            inv.tax_representative = Some(TaxRepresentative {
                name: Some("Rep".into()),
                ..TaxRepresentative::default()
            })
        }),
        ("BR-57", |inv| {
            inv.delivery = Some(Delivery {
                address: Some(PostalAddress {
                    city: Some("Lyon".into()),
                    ..PostalAddress::default()
                }),
                ..Delivery::default()
            })
        }),
        ("BR-61", |inv| {
            inv.payment = Some(PaymentInstructions {
                means_code: Some("58".into()),
                credit_transfers: vec![CreditTransfer {
                    account_name: Some("Compte".into()),
                    ..CreditTransfer::default()
                }],
                ..PaymentInstructions::default()
            })
        }),
        ("BR-62", |inv| {
            inv.seller.electronic_address = Some(Identifier::new("a@b.c"))
        }),
        ("BR-63", |inv| {
            inv.buyer.electronic_address = Some(Identifier::new("a@b.c"))
        }),
        ("BR-64", |inv| {
            first_line(inv)
                .item
                .get_or_insert_with(Default::default)
                .standard_id = Some(Identifier::new("123"))
        }),
        ("BR-65", |inv| {
            first_line(inv)
                .item
                .get_or_insert_with(Default::default)
                .classifications
                .push(ClassificationIdentifier {
                    value: "x".into(),
                    ..ClassificationIdentifier::default()
                })
        }),
        ("BR-B-01", |inv| {
            inv.seller
                .address
                .get_or_insert_with(Default::default)
                .country = Some("FR".into());
            first_line(inv)
                .vat
                .get_or_insert_with(Default::default)
                .category = Some("B".into());
        }),
        ("BR-B-02", |inv| {
            first_line(inv)
                .vat
                .get_or_insert_with(Default::default)
                .category = Some("B".into());
            inv.charges.push(DocumentCharge {
                vat_category: Some(VatCategoryCode::Standard),
                ..DocumentCharge::default()
            });
        }),
    ];

    #[test]
    fn cases_fire_and_valid_examples_pass() {
        check_cases(CASES, FAMILY.ids);
    }

    fn fires(inv: &Invoice, syntax: Syntax, id: &str) -> bool {
        fired(inv, syntax).contains(&id)
    }

    fn base(syntax: Syntax) -> Invoice {
        valid_invoices()
            .into_iter()
            .find(|(s, _)| *s == syntax)
            .map(|(_, inv)| inv)
            .unwrap()
    }

    #[test]
    fn categories_outside_the_vat_scheme_count_as_absent() {
        for syntax in [Syntax::UblInvoice, Syntax::Cii] {
            let mut inv = base(syntax);
            inv.allowances.push(DocumentAllowance {
                amount: Some(d("1")),
                vat_category: Some("S".into()),
                vat_rate: Some(d("20")),
                tax_scheme: Some("GST".into()),
                reason: Some("x".into()),
                ..DocumentAllowance::default()
            });
            assert!(fires(&inv, syntax, "BR-32"), "{syntax:?}");
            let mut inv = base(syntax);
            if let Some(b) = inv.vat_breakdown.first_mut() {
                b.tax_scheme = Some(String::new());
            }
            assert!(fires(&inv, syntax, "BR-47"), "{syntax:?}");
            assert!(fires(&inv, syntax, "BR-48"), "{syntax:?}");
        }
    }

    #[test]
    fn country_without_address_fires_only_in_cii() {
        for syntax in [Syntax::UblInvoice, Syntax::Cii] {
            let mut inv = base(syntax);
            inv.seller.address = None;
            assert!(fires(&inv, syntax, "BR-08"));
            assert_eq!(fires(&inv, syntax, "BR-09"), syntax == Syntax::Cii);
        }
    }

    #[test]
    fn outside_scope_is_normalized_only_in_ubl() {
        for syntax in [Syntax::UblInvoice, Syntax::Cii] {
            let mut inv = base(syntax);
            inv.vat_breakdown.push(VatBreakdown {
                category: Some(" O ".into()),
                taxable_amount: Some(d("0")),
                tax_amount: Some(d("0")),
                ..VatBreakdown::default()
            });
            assert_eq!(fires(&inv, syntax, "BR-48"), syntax == Syntax::Cii);
        }
    }

    #[test]
    fn empty_scheme_attribute_passes_ubl_fails_cii() {
        for syntax in [Syntax::UblInvoice, Syntax::Cii] {
            let mut inv = base(syntax);
            inv.seller.electronic_address = Some(Identifier::with_scheme("x", " "));
            assert_eq!(fires(&inv, syntax, "BR-62"), syntax == Syntax::Cii);
        }
    }

    #[test]
    fn card_number_length_is_after_normalize_space() {
        let mut inv = base(Syntax::UblInvoice);
        inv.payment = Some(PaymentInstructions {
            means_code: Some("48".into()),
            card: Some(PaymentCard {
                primary_account_number: Some("  1234 567890  ".into()),
                ..PaymentCard::default()
            }),
            ..PaymentInstructions::default()
        });
        // "1234 567890" is 11 characters.
        assert!(fires(&inv, Syntax::UblInvoice, "BR-51"));
        if let Some(card) = inv.payment.as_mut().and_then(|p| p.card.as_mut()) {
            card.primary_account_number = Some("  123456789  ".into());
        }
        assert!(!fires(&inv, Syntax::UblInvoice, "BR-51"));
    }

    #[test]
    fn accounting_currency_equal_to_invoice_currency() {
        // UBL: BT-110 in BT-5 satisfies BR-53; CII requires BT-6 != BT-5.
        for syntax in [Syntax::UblInvoice, Syntax::Cii] {
            let mut inv = base(syntax);
            inv.vat_accounting_currency = inv.currency.clone();
            inv.totals.tax_amount_accounting = Some(TaxAmountInCurrency {
                amount: d("1"),
                currency: inv.currency.clone(),
            });
            assert_eq!(fires(&inv, syntax, "BR-53"), syntax == Syntax::Cii);
        }
    }

    #[test]
    fn split_payment_all_italian() {
        let mut inv = base(Syntax::UblInvoice);
        for a in [inv.seller.address.as_mut(), inv.buyer.address.as_mut()]
            .into_iter()
            .flatten()
        {
            a.country = Some("IT".into());
        }
        inv.delivery = None;
        inv.tax_representative = None;
        for line in &mut inv.lines {
            if let Some(item) = line.item.as_mut() {
                item.origin_country = None;
            }
            line.vat.get_or_insert_with(Default::default).category = Some("B".into());
        }
        inv.allowances.clear();
        inv.charges.clear();
        inv.vat_breakdown.clear();
        assert!(!fires(&inv, Syntax::UblInvoice, "BR-B-01"));
        assert!(!fires(&inv, Syntax::UblInvoice, "BR-B-02"));
    }
}
