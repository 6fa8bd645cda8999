//! The UBL syntax rules of the EN 16931 artefacts (UBL-CR, UBL-SR,
//! UBL-DT), checked on the XML tree in one pass.
//!
//! The rules are data ([`table::RULES`]: id, context, XPath test as the
//! binding writes it). The tests are parsed at build time, by the native
//! evaluator of the binding's XPath subset ([`xpath`]), into the generated
//! static tables of `compiled.rs` (written by the test in `generate.rs`,
//! which fails when they differ from the parsed table), so that a process
//! validating one file neither parses nor compiles anything:
//!
//! - the rules that forbid, count or require a path from their context
//!   node (`not(path)`, `count(path) <= n`, `count(path) = n`,
//!   `exists(path)`: all UBL-CR but two, most UBL-SR, UBL-DT-06…28) are
//!   counted rules ([`index`]): pointer-free tables of backward patterns
//!   indexed by the name of their last element (or attribute), so that each
//!   element of the document looks its name up once in a static hash table
//!   and each pattern counts its matches at its context node;
//! - the seven others are evaluated forward at each node of their context.
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
//! Cost: one walk over the elements, a name lookup each.

pub(crate) mod business;
mod compiled;
pub(crate) mod currency;
#[cfg(test)]
mod generate;
mod index;
mod table;
#[cfg(test)]
mod tests;
mod xpath;

use crate::model::Span;
use crate::rules::engine::{Checker, SyntaxFamily};
use crate::syntax::tree::{Document, Node};
use index::{NO_CONTEXT, NameCache, Open, Pattern};
use std::borrow::Cow;
use xpath::{Expr, Ns};

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

#[cfg(test)]
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

/// The forward rules of context `ctx` (the rules not counted by
/// [`index`]): `(index in table::IDS, test)`.
fn tests_of(ctx: Ctx) -> &'static [(u16, Ctx, Expr)] {
    let (start, end) = compiled::TESTS_BY_CTX
        .get(ctx as usize)
        .copied()
        .unwrap_or((0, 0));
    compiled::TESTS
        .get(usize::from(start)..usize::from(end))
        .unwrap_or(&[])
}

/// The id of the rule at `index` of [`table::IDS`].
fn rule_id(index: u16) -> &'static str {
    table::IDS.get(usize::from(index)).copied().unwrap_or("")
}

/// The context nodes met so far (in document order) and the counters of
/// their counted rules.
#[derive(Default)]
struct Counters<'a, 'input> {
    /// Context node, its context, index of its first counter in `counts`.
    anchors: Vec<(Node<'a, 'input>, Ctx, usize)>,
    /// One counter per context node and counted rule of its context.
    counts: Vec<u16>,
}

impl<'a, 'input> Counters<'a, 'input> {
    /// Records context node `node`; its index.
    fn open(&mut self, node: Node<'a, 'input>, ctx: Ctx) -> u32 {
        let base = self.counts.len();
        let index = u32::try_from(self.anchors.len()).unwrap_or(NO_CONTEXT);
        self.anchors.push((node, ctx, base));
        self.counts
            .resize(base + Pattern::of_ctx(ctx as u8).len(), 0);
        index
    }

    /// Counts a match of `PATTERNS[pattern]` at the last element of
    /// `path`, if it matches.
    fn count(&mut self, pattern: u16, path: &[Open<'_, '_>]) {
        let Some(p) = index::PATTERNS.get(usize::from(pattern)) else {
            return;
        };
        let Some(at) = p.matches(path) else { return };
        let anchor = match at {
            // `//…`: counted at the root element, if it is in the root context.
            None => self.anchors.first().filter(|(_, ctx, _)| *ctx == Ctx::Root),
            Some(i) => usize::try_from(i).ok().and_then(|i| self.anchors.get(i)),
        };
        let Some((_, ctx, base)) = anchor else { return };
        let first = index::BY_CTX.get(usize::from(p.ctx)).map_or(0, |r| r.0);
        if *ctx as u8 == p.ctx
            && let Some(n) = self
                .counts
                .get_mut(base + usize::from(pattern).saturating_sub(usize::from(first)))
        {
            *n = n.saturating_add(1);
        }
    }

    /// Fires the counted rules with a count out of bounds (one of their
    /// parts, for the parts an `and` joins), at their context node.
    fn fire(&self, out: &mut Checker) {
        for (node, ctx, base) in &self.anchors {
            let mut at = *base;
            for rule in Pattern::of_ctx(*ctx as u8).chunk_by(|a, b| a.rule == b.rule) {
                let fails = rule.iter().zip(at..).any(|(p, i)| {
                    let n = self.counts.get(i).copied().unwrap_or(0);
                    n < p.min || n > p.max
                });
                if let (true, Some(p)) = (fails, rule.first()) {
                    out.fire_at(rule_id(p.rule), span(*node));
                }
                at += rule.len();
            }
        }
    }
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

/// The context of element `node`, in namespace `ns`, if it is in one.
fn context_of(node: Node<'_, '_>, ns: Option<Ns>) -> Option<Ctx> {
    let local = node.tag_name().name();
    let named = match ns {
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
    let root = doc.root_element();
    let mut names = NameCache::default();
    let root_rules = context_of(root, names.of(root).0) == Some(Ctx::Root);
    let payment_id = index::id_of(Ns::Cbc, "PaymentID");
    let payment_means_code = index::id_of(Ns::Cbc, "PaymentMeansCode");
    let mut counters = Counters::default();
    // The open elements from the root element to the current one.
    let mut path: Vec<Open<'_, '_>> = Vec::new();
    let mut payment_ids = Vec::new();
    let mut payment_means_codes = Vec::new();
    let mut name_attribute = false;

    for node in doc.descendants().filter(Node::is_element) {
        let parent = node.parent();
        while path.last().is_some_and(|open| Some(open.node) != parent) {
            path.pop();
        }
        let (ns, name) = names.of(node);
        let mut context = NO_CONTEXT;
        if let Some(ctx) = context_of(node, ns) {
            context = counters.open(node, ctx);
            for (rule, _, test) in tests_of(ctx) {
                if !xpath::truth(test, node) {
                    out.fire_at(rule_id(*rule), span(node));
                }
            }
            match ctx {
                Ctx::AdditionalDocument if !sr_43(node) => out.fire_at("UBL-SR-43", span(node)),
                Ctx::Amount if !dt_01(node) => out.fire_at("UBL-DT-01", span(node)),
                _ => {}
            }
        }
        let parent_name = path.last().map_or(0, |open| open.name);
        path.push(Open {
            node,
            name,
            context,
        });
        if name != 0 {
            for c in candidates(name) {
                if c.parent > parent_name {
                    break;
                }
                if c.parent == 0 || c.parent == parent_name {
                    counters.count(c.pattern, &path);
                }
            }
        }
        for attr in node.attributes().filter(|a| a.namespace().is_none()) {
            let id = index::attribute_id(attr.name());
            if id != 0 {
                for c in candidates(id) {
                    counters.count(c.pattern, &path);
                }
            }
            if root_rules && attr.name() == "name" && name != payment_means_code {
                name_attribute = true;
            }
        }
        if !root_rules {
            continue;
        }
        if name == payment_id {
            payment_ids.push(xpath::string_value(node));
        } else if name == payment_means_code {
            payment_means_codes.push(xpath::string_value(node));
        }
    }

    counters.fire(out);
    if !root_rules {
        return;
    }
    let at_root = span(root);
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

/// The candidate patterns of the element or attribute name `id`.
fn candidates(id: u16) -> &'static [index::Candidate] {
    let (start, end) = index::BY_NAME
        .get(usize::from(id))
        .copied()
        .unwrap_or((0, 0));
    index::CANDIDATES
        .get(usize::from(start)..usize::from(end))
        .unwrap_or(&[])
}
