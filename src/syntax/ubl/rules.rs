//! The UBL syntax rules of the EN 16931 artefacts (UBL-CR, UBL-SR,
//! UBL-DT), checked on the XML tree in one pass.
//!
//! The rules are data ([`table::RULES`]: id, context, XPath test as the
//! binding writes it). The tests are parsed at build time, by the native
//! evaluator of the binding's XPath subset ([`xpath`]), into the generated
//! static table `compiled::TESTS` (a test checks that it is the parsed
//! table), so that a process validating one file does not parse 700
//! XPath expressions; at first use they are compiled:
//!
//! - the root rules that forbid or count a path (`not(path)`,
//!   `count(path) <= n`: all UBL-CR but two, most UBL-SR, UBL-DT-08…28)
//!   become backward [`xpath::Pattern`]s indexed by the local name of their
//!   last element (or by attribute name for `//@attr`), so that each
//!   element of the document is looked up once and each pattern counts its
//!   matches;
//! - every other rule is evaluated forward at each node of its context.
//!
//! A node is in at most one context, as in the official XSLT where one
//! template per node runs (the contexts of the binding are disjoint).
//! Rules fire once per offending context node, at that node; root rules at
//! the root element. If the root is not `ubl:Invoice` or `cn:CreditNote`,
//! no root rule runs (as the XSLT: its root template does not match).
//!
//! Hand-written, because their tests are outside the subset:
//! UBL-SR-43 (`local-name(/*)`), UBL-SR-44 and UBL-SR-47 (distinct values
//! through `preceding::`), UBL-DT-01 (`string-length(substring-after(.,'.'))`
//! on the string value as written, whitespace included) and UBL-DT-18
//! (`count(//@name) - count(//cbc:PaymentMeansCode/@name)`).
//!
//! Readings of the XSLT worth knowing:
//! - UBL-SR-19/20/21 also fail when the payee has no `cac:PartyName/cbc:Name`
//!   or the seller no `cbc:RegistrationName` (a general comparison with an
//!   empty sequence is false), and when both names are equal.
//! - `upper-case(())` is `''`: an ID without `@schemeID` counts in UBL-SR-20,
//!   a `cac:TaxScheme` without `cbc:ID` counts as not VAT in UBL-SR-13.
//! - `cbc:ChargeIndicator = false()` casts the text to a boolean
//!   (`true`/`1`, `false`/`0`, surrounding whitespace allowed).
//!
//! Where the official XSLT stops with an XPath type error, there is no
//! official verdict to match; facture then goes on as follows: a
//! `cbc:ChargeIndicator` that is not a boolean puts its allowance or charge
//! in neither context; `upper-case()` of two or more `cbc:ID` in one
//! `cac:TaxScheme` takes the first.
//!
//! Cost: one walk over the elements, an interned-name lookup each; on the
//! bundled invoice (277 elements) about 40 µs in a release build.

pub(crate) mod business;
mod compiled;
pub(crate) mod currency;
mod table;
#[cfg(test)]
mod tests;
mod xpath;

use crate::model::Span;
use crate::rules::engine::{Checker, SyntaxFamily};
use crate::syntax::tree::{Document, Node};
use std::borrow::Cow;
use std::sync::OnceLock;
use xpath::{Expr, FnvMap, NodeNames, Ns, Op, Pattern};

/// The rules of this family and their check.
pub(crate) const FAMILY: SyntaxFamily = SyntaxFamily {
    syntax: "ubl",
    ids: &table::IDS,
    replaces: &[],
    check,
};

/// The rule contexts of the binding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ctx {
    /// `/ubl:Invoice | /cn:CreditNote`
    Root,
    /// `cac:InvoiceLine | cac:CreditNoteLine`
    Line,
    /// `cac:PayeeParty`
    Payee,
    /// `cac:PaymentMeans`
    PaymentMeans,
    /// `cac:AdditionalDocumentReference`
    AdditionalDocument,
    /// `//*[ends-with(name(), 'BinaryObject')]`
    BinaryObject,
    /// `cac:BillingReference`
    BillingReference,
    /// `cac:TaxRepresentativeParty`
    TaxRepresentative,
    /// `//cac:PostalAddress | //cac:Address`
    Address,
    /// `cac:AccountingSupplierParty/cac:Party`
    SupplierParty,
    /// `//*[ends-with(name(), 'Amount') and not(ends-with(name(),
    /// 'PriceAmount')) and not(ancestor::cac:Price/cac:AllowanceCharge)]`
    Amount,
    /// `cac:Delivery`
    Delivery,
    /// `cac:AllowanceCharge[cbc:ChargeIndicator = false()]`
    Allowance,
    /// `cac:AllowanceCharge[cbc:ChargeIndicator = true()]`
    Charge,
    /// `cac:PartyTaxScheme`
    PartyTaxScheme,
    /// `cac:TaxSubtotal`
    TaxSubtotal,
}

const N_CTX: usize = Ctx::TaxSubtotal as usize + 1;

/// The rules checked by hand in this module rather than from their test
/// (left out of `compiled::TESTS` by its generator).
#[cfg_attr(not(test), allow(dead_code))]
pub(super) const HAND_WRITTEN: &[&str] = &[
    "UBL-SR-43",
    "UBL-SR-44",
    "UBL-SR-47",
    "UBL-DT-01",
    "UBL-DT-18",
];

/// A root rule that holds while its pattern matches at most `limit` nodes.
struct Counted {
    id: &'static str,
    pattern: Pattern,
    limit: usize,
}

struct Compiled {
    /// Rules evaluated forward at each node of a context, by context.
    at: [Vec<(&'static str, &'static Expr)>; N_CTX],
    counted: Vec<Counted>,
    /// The element names the patterns use.
    names: xpath::Names,
    /// By the name id of the last element step: the name ids the parent
    /// may have (empty: any) and the index into `counted`.
    by_element: Vec<Vec<(Vec<u16>, usize)>>,
    /// Indexes into `counted` of the `//@attr` patterns, by attribute name.
    by_attribute: FnvMap<&'static str, Vec<usize>>,
}

fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(compile)
}

/// The pattern and limit of a root test `not(path)` or `count(path) <= n`.
fn as_counted(expr: &Expr, names: &mut xpath::Names) -> Option<(Pattern, usize)> {
    match expr {
        Expr::Not(Expr::Path(p)) => Some((Pattern::from_path(p, names)?, 0)),
        Expr::Not(_) => None,
        Expr::Cmp(count, Op::Le, limit) => match (*count, *limit) {
            (Expr::Count(p), Expr::Num(n)) if *n >= 0.0 && n.fract() == 0.0 => {
                Some((Pattern::from_path(p, names)?, *n as usize))
            }
            _ => None,
        },
        _ => None,
    }
}

fn compile() -> Compiled {
    let mut c = Compiled {
        at: std::array::from_fn(|_| Vec::new()),
        counted: Vec::new(),
        names: xpath::Names::with_capacity(512),
        by_element: Vec::new(),
        by_attribute: FnvMap::default(),
    };
    for (id, ctx, expr) in compiled::TESTS {
        let counted = (*ctx == Ctx::Root)
            .then(|| as_counted(expr, &mut c.names))
            .flatten();
        let Some((pattern, limit)) = counted else {
            c.at[*ctx as usize].push((*id, expr));
            continue;
        };
        let index = c.counted.len();
        match pattern.steps.last() {
            Some((names, _)) => {
                let parents = match pattern.steps.len() {
                    n if n >= 2 => pattern.steps.get(n - 2).map(|s| s.0.clone()),
                    _ => None,
                };
                for &name in names {
                    let name = usize::from(name);
                    if c.by_element.len() <= name {
                        c.by_element.resize_with(name + 1, Vec::new);
                    }
                    if let Some(list) = c.by_element.get_mut(name)
                        && !list.iter().any(|(_, i)| *i == index)
                    {
                        list.push((parents.clone().unwrap_or_default(), index));
                    }
                }
            }
            None => {
                if let Some(attr) = pattern.attr {
                    c.by_attribute.entry(attr).or_default().push(index);
                }
            }
        }
        c.counted.push(Counted { id, pattern, limit });
    }
    c
}

fn is(node: Node<'_, '_>, ns: Ns, local: &str) -> bool {
    node.is_element() && node.tag_name().name() == local && Ns::of(node) == Some(ns)
}

fn children<'a, 'input>(
    node: Node<'a, 'input>,
    ns: Ns,
    local: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(move |c| is(*c, ns, local))
}

/// `cbc:ChargeIndicator = false()` / `= true()`: `Some(false)` for an
/// allowance, `Some(true)` for a charge, `None` when neither pattern
/// matches (no indicator, or one that is not a boolean).
fn charge_indicator(node: Node<'_, '_>) -> Option<bool> {
    let (mut any_false, mut any_true) = (false, false);
    for c in children(node, Ns::Cbc, "ChargeIndicator") {
        match xpath::string_value(c).trim_matches([' ', '\t', '\r', '\n']) {
            "false" | "0" => any_false = true,
            "true" | "1" => any_true = true,
            _ => return None,
        }
    }
    // The allowance template has the higher priority.
    if any_false {
        Some(false)
    } else if any_true {
        Some(true)
    } else {
        None
    }
}

/// The context of `node`, if it is in one.
fn context_of(node: Node<'_, '_>) -> Option<Ctx> {
    if !node.is_element() {
        return None;
    }
    let local = node.tag_name().name();
    let named = match Ns::of(node) {
        Some(Ns::Cac) => match local {
            "PostalAddress" | "Address" => Some(Ctx::Address),
            "Party"
                if node
                    .parent()
                    .is_some_and(|p| is(p, Ns::Cac, "AccountingSupplierParty")) =>
            {
                Some(Ctx::SupplierParty)
            }
            "AdditionalDocumentReference" => Some(Ctx::AdditionalDocument),
            "Delivery" => Some(Ctx::Delivery),
            "AllowanceCharge" => charge_indicator(node)
                .map(|charge| if charge { Ctx::Charge } else { Ctx::Allowance }),
            "PartyTaxScheme" => Some(Ctx::PartyTaxScheme),
            "InvoiceLine" | "CreditNoteLine" => Some(Ctx::Line),
            "PayeeParty" => Some(Ctx::Payee),
            "PaymentMeans" => Some(Ctx::PaymentMeans),
            "BillingReference" => Some(Ctx::BillingReference),
            "TaxRepresentativeParty" => Some(Ctx::TaxRepresentative),
            "TaxSubtotal" => Some(Ctx::TaxSubtotal),
            _ => None,
        },
        Some(Ns::Ubl) if local == "Invoice" => is_root(node).then_some(Ctx::Root),
        Some(Ns::Cn) if local == "CreditNote" => is_root(node).then_some(Ctx::Root),
        _ => None,
    };
    named.or_else(|| {
        if local.ends_with("BinaryObject") {
            Some(Ctx::BinaryObject)
        } else if local.ends_with("Amount")
            && !local.ends_with("PriceAmount")
            && !node.ancestors().skip(1).any(|a| {
                is(a, Ns::Cac, "Price") && children(a, Ns::Cac, "AllowanceCharge").next().is_some()
            })
        {
            Some(Ctx::Amount)
        } else {
            None
        }
    })
}

fn is_root(node: Node<'_, '_>) -> bool {
    node.parent().is_some_and(|p| p.is_root())
}

fn span(node: Node<'_, '_>) -> Span {
    Span::new(node.range())
}

/// UBL-SR-43 at a `cac:AdditionalDocumentReference`: `(cbc:DocumentTypeCode
/// = '130') or ((local-name(/*) = 'CreditNote') and (cbc:DocumentTypeCode =
/// '50')) or (not(cbc:ID/@schemeID) and not(cbc:DocumentTypeCode))`.
fn sr_43(node: Node<'_, '_>) -> bool {
    let codes: Vec<Cow<'_, str>> = children(node, Ns::Cbc, "DocumentTypeCode")
        .map(xpath::string_value)
        .collect();
    let credit_note = node.document().root_element().tag_name().name() == "CreditNote";
    codes.iter().any(|c| c == "130")
        || (credit_note && codes.iter().any(|c| c == "50"))
        || (codes.is_empty()
            && !children(node, Ns::Cbc, "ID").any(|id| id.attribute("schemeID").is_some()))
}

/// UBL-DT-01 at an amount: `string-length(substring-after(., '.')) <= 2`,
/// on the string value as written.
fn dt_01(node: Node<'_, '_>) -> bool {
    xpath::string_value(node)
        .split_once('.')
        .is_none_or(|(_, fraction)| fraction.chars().count() <= 2)
}

/// More than one distinct value (UBL-SR-44, UBL-SR-47:
/// `count(//x[not(preceding::x/. = .)]) <= 1`).
fn distinct_values_over_one(values: &[Cow<'_, str>]) -> bool {
    values
        .first()
        .is_some_and(|first| values.iter().any(|v| v != first))
}

fn check(doc: &Document<'_>, out: &mut Checker) {
    let c = compiled();
    let root = doc.root_element();
    let root_rules = context_of(root) == Some(Ctx::Root);
    let mut counts = vec![0usize; c.counted.len()];
    let mut ids = NodeNames::default();
    let mut payment_ids = Vec::new();
    let mut payment_means_codes = Vec::new();
    let mut name_attribute = false;

    for node in doc.descendants().filter(Node::is_element) {
        if let Some(ctx) = context_of(node) {
            for (id, test) in &c.at[ctx as usize] {
                if !xpath::truth(test, node) {
                    out.fire_at(id, span(node));
                }
            }
            match ctx {
                Ctx::AdditionalDocument if !sr_43(node) => out.fire_at("UBL-SR-43", span(node)),
                Ctx::Amount if !dt_01(node) => out.fire_at("UBL-DT-01", span(node)),
                _ => {}
            }
        }
        if !root_rules {
            continue;
        }
        let name = c.names.id_of(node);
        ids.set(node, name);
        let mut bump = |candidates: &mut dyn Iterator<Item = usize>| {
            for i in candidates {
                if c.counted
                    .get(i)
                    .is_some_and(|r| r.pattern.matches(node, root, &ids))
                    && let Some(n) = counts.get_mut(i)
                {
                    *n += 1;
                }
            }
        };
        if name != 0
            && let Some(candidates) = c.by_element.get(usize::from(name))
        {
            let parent = node.parent().map_or(0, |p| ids.get(p));
            bump(
                &mut candidates
                    .iter()
                    .filter(|(parents, _)| parents.is_empty() || parents.contains(&parent))
                    .map(|(_, i)| *i),
            );
        }
        for attr in node.attributes().filter(|a| a.namespace().is_none()) {
            if let Some(candidates) = c.by_attribute.get(attr.name()) {
                bump(&mut candidates.iter().copied());
            }
            if attr.name() == "name" && !is(node, Ns::Cbc, "PaymentMeansCode") {
                name_attribute = true;
            }
        }
        if is(node, Ns::Cbc, "PaymentID") {
            payment_ids.push(xpath::string_value(node));
        } else if is(node, Ns::Cbc, "PaymentMeansCode") {
            payment_means_codes.push(xpath::string_value(node));
        }
    }

    if !root_rules {
        return;
    }
    let at_root = span(root);
    for (rule, count) in c.counted.iter().zip(counts) {
        if count > rule.limit {
            out.fire_at(rule.id, at_root);
        }
    }
    if distinct_values_over_one(&payment_ids) {
        out.fire_at("UBL-SR-44", at_root);
    }
    if distinct_values_over_one(&payment_means_codes) {
        out.fire_at("UBL-SR-47", at_root);
    }
    if name_attribute {
        out.fire_at("UBL-DT-18", at_root);
    }
}
