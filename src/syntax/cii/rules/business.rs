//! Business rules of the CII binding checked on the XML tree, because their
//! official contexts or counts depend on the shape of the document, which
//! the model does not keep. For CII documents these rules are checked here
//! and not by their model family (see [`Checker::checked_on_tree`]); a bare
//! model is still checked by the model family.
//!
//! - BR-CO-09: context `//ram:SpecifiedTaxRegistration/ram:ID[@schemeID =
//!   'VA']`, every one of them (the model keeps one VAT identifier per
//!   party), test `contains(' 1A AD … ', concat(' ', substring(., 1, 2), ' '))`.
//! - BR-CO-14: context every `ram:TaxTotalAmount` of a monetary summation
//!   whose `@currencyID` equals `ram:InvoiceCurrencyCode` (the model keeps
//!   no currency on BT-110), test `. = round(sum(…/ram:ApplicableTradeTax/
//!   ram:CalculatedAmount) * 10 * 10) div 100`, in `xs:double`.
//! - BR-CO-15 (root context): for each `ram:InvoiceCurrencyCode`, exactly
//!   one `ram:TaxTotalAmount` in that currency (the reader keeps one BT-110)
//!   and BT-112 = round((BT-109 + it) * 100) div 100 in `xs:decimal`, or
//!   BT-112 = BT-109.
//!
//! A value the official XSLT could not cast (`xs:decimal('abc')`) stops it
//! with an error, so there is no verdict to match; the rule does not fire.

use super::super::names::{RAM_NS, VAT_SCHEME};
use crate::model::Span;
use crate::rules::codelist::CodeList;
use crate::rules::en16931::totals::num::{double_sum, round2_decimal, round2_double, to_double};
use crate::rules::engine::{Checker, SyntaxFamily};
use crate::syntax::node::string_value as text;
use crate::syntax::tree::{Document, Node};
use crate::syntax::{CII_NS, lexical};
use rust_decimal::Decimal;

const IDS: &[&str] = &["BR-CO-09", "BR-CO-14", "BR-CO-15"];

/// The rules of this family and their check.
pub(crate) const FAMILY: SyntaxFamily = SyntaxFamily {
    syntax: "cii",
    ids: IDS,
    replaces: IDS,
    check,
};

const RSM_NS: &str = CII_NS;

fn children<'a, 'i>(
    node: Node<'a, 'i>,
    ns: &'static str,
    local: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |c| c.has_tag_name((ns, local)))
}

/// `xs:decimal(x)` of an untyped value; `None` when not castable.
fn decimal(node: Node<'_, '_>) -> Option<Decimal> {
    lexical::decimal(&text(node)).ok()
}

fn check(doc: &Document<'_>, out: &mut Checker) {
    let root = doc.root_element();
    if !root.has_tag_name((RSM_NS, "CrossIndustryInvoice")) {
        return;
    }
    for id in doc
        .descendants()
        .filter(|n| n.has_tag_name((RAM_NS, "ID")))
        .filter(|n| n.attribute("schemeID") == Some(VAT_SCHEME))
        .filter(|n| {
            n.parent_element()
                .is_some_and(|p| p.has_tag_name((RAM_NS, "SpecifiedTaxRegistration")))
        })
    {
        let prefix: String = text(id).chars().take(2).collect();
        if !CodeList::VatPrefixCii.xpath_contains_padded(&prefix) {
            out.fire_at("BR-CO-09", Span::new(id.range()));
        }
    }

    // /rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/
    // ram:ApplicableHeaderTradeSettlement
    let settlements: Vec<Node<'_, '_>> = children(root, RSM_NS, "SupplyChainTradeTransaction")
        .flat_map(|t| children(t, RAM_NS, "ApplicableHeaderTradeSettlement"))
        .collect();
    let currencies: Vec<String> = settlements
        .iter()
        .flat_map(|s| children(*s, RAM_NS, "InvoiceCurrencyCode"))
        .map(|c| text(c).into_owned())
        .collect();
    br_co_14(doc, &settlements, &currencies, out);
    br_co_15(root, &settlements, &currencies, out);
}

fn br_co_14(
    doc: &Document<'_>,
    settlements: &[Node<'_, '_>],
    currencies: &[String],
    out: &mut Checker,
) {
    let calculated: Option<Vec<Decimal>> = settlements
        .iter()
        .flat_map(|s| children(*s, RAM_NS, "ApplicableTradeTax"))
        .flat_map(|t| children(t, RAM_NS, "CalculatedAmount"))
        .map(decimal)
        .collect();
    let Some(calculated) = calculated else { return };
    let expected = round2_double(double_sum(calculated));
    for total in doc
        .descendants()
        .filter(|n| n.has_tag_name((RAM_NS, "TaxTotalAmount")))
        .filter(|n| {
            n.parent_element().is_some_and(|p| {
                p.has_tag_name((RAM_NS, "SpecifiedTradeSettlementHeaderMonetarySummation"))
            })
        })
        .filter(|n| {
            n.attribute("currencyID")
                .is_some_and(|c| currencies.iter().any(|x| x == c))
        })
    {
        if let Some(value) = decimal(total)
            && to_double(value) != expected
        {
            out.fire_at("BR-CO-14", Span::new(total.range()));
        }
    }
}

fn br_co_15(
    root: Node<'_, '_>,
    settlements: &[Node<'_, '_>],
    currencies: &[String],
    out: &mut Checker,
) {
    let sums: Vec<Node<'_, '_>> = settlements
        .iter()
        .flat_map(|s| {
            children(
                *s,
                RAM_NS,
                "SpecifiedTradeSettlementHeaderMonetarySummation",
            )
        })
        .collect();
    // `xs:decimal((…/ram:X)[1])`: the first in document order; an empty
    // sequence makes the comparison false, an uncastable value is an error.
    let first = |local: &'static str| -> Result<Option<Decimal>, ()> {
        match sums.iter().flat_map(|s| children(*s, RAM_NS, local)).next() {
            None => Ok(None),
            Some(node) => decimal(node).map(Some).ok_or(()),
        }
    };
    let (Ok(grand), Ok(basis)) = (first("GrandTotalAmount"), first("TaxBasisTotalAmount")) else {
        return;
    };
    let mut ok = true;
    for currency in currencies {
        let in_currency: Vec<Node<'_, '_>> = sums
            .iter()
            .flat_map(|s| children(*s, RAM_NS, "TaxTotalAmount"))
            .filter(|t| t.attribute("currencyID") == Some(currency.as_str()))
            .collect();
        let tax = match in_currency.first() {
            None => None,
            Some(node) => match decimal(*node) {
                Some(v) => Some(v),
                None => return,
            },
        };
        let with_vat = basis
            .zip(tax)
            .and_then(|(b, t)| b.checked_add(t))
            .and_then(round2_decimal);
        let equal =
            |a: Option<Decimal>, b: Option<Decimal>| matches!((a, b), (Some(a), Some(b)) if a == b);
        if !((in_currency.len() == 1 && equal(grand, with_vat)) || equal(grand, basis)) {
            ok = false;
        }
    }
    if !ok {
        out.fire_at("BR-CO-15", Span::new(root.range()));
    }
}
