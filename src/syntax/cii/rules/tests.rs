//! Tests of the CII syntax rules.
//!
//! The declarative rules are tested from the table itself: for each one,
//! the forbidden (or missing, or repeated) content is put into the valid
//! `examples/cii-invoice.xml` at a node of the rule's context, and the rule
//! must fire exactly once, at that node. With `FACTURE_CII_MUTANTS=<dir>`
//! the mutated documents are also written there (one per rule and per
//! distinct element the rule's context matches), for `tools/conformance`
//! to compare with the official artefact.

use super::path::{PathView, Test as PathTest};
use super::*;
use std::collections::BTreeSet;

const INVOICE: &str = include_str!("../../../../examples/cii-invoice.xml");
const CREDIT_NOTE: &str = include_str!("../../../../examples/cii-credit-note.xml");
const MARK: &str = "fx-mark";

// ---------------------------------------------------------------------------
// A small mutable XML tree to build the cases with.

#[derive(Clone, Debug)]
enum X {
    El(El),
    Text(String),
}

#[derive(Clone, Debug)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<X>,
}

impl El {
    fn new(name: &str) -> Self {
        El {
            name: name.to_owned(),
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    fn text(name: &str, text: &str) -> Self {
        let mut e = El::new(name);
        e.children.push(X::Text(text.to_owned()));
        e
    }

    fn push(&mut self, e: El) -> &mut El {
        self.children.push(X::El(e));
        match self.children.last_mut() {
            Some(X::El(e)) => e,
            _ => unreachable!(),
        }
    }

    fn set(&mut self, attr: &str, value: &str) {
        self.attrs.retain(|(a, _)| a != attr);
        self.attrs.push((attr.to_owned(), value.to_owned()));
    }

    fn elements_mut(&mut self) -> impl Iterator<Item = &mut El> {
        self.children.iter_mut().filter_map(|c| match c {
            X::El(e) => Some(e),
            X::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    fn child(&mut self, name: &str) -> Option<&mut El> {
        self.elements_mut().find(|e| e.name == name)
    }

    /// The first child named `name`, created when missing.
    fn child_or_new(&mut self, name: &str) -> &mut El {
        if self.child(name).is_none() {
            self.push(El::new(name));
        }
        self.child(name).unwrap()
    }

    /// Follows `path` (child names, first match each) from here.
    fn at(&mut self, path: &[&str]) -> &mut El {
        let mut cur = self;
        for name in path {
            cur = cur
                .child(name)
                .unwrap_or_else(|| panic!("no {name} on the way to {path:?}"));
        }
        cur
    }

    fn remove(&mut self, name: &str) {
        self.children
            .retain(|c| !matches!(c, X::El(e) if e.name == name));
    }

    /// The element at `index` (element and text children, as [`parse`] keeps
    /// them).
    fn by_index(&mut self, index: &[usize]) -> &mut El {
        let mut cur = self;
        for i in index {
            cur = match cur.children.get_mut(*i) {
                Some(X::El(e)) => e,
                _ => panic!("bad index"),
            };
        }
        cur
    }

    fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        for (a, v) in &self.attrs {
            out.push_str(&format!(" {a}=\"{}\"", escape(v).replace('"', "&quot;")));
        }
        out.push('>');
        for c in &self.children {
            match c {
                X::El(e) => e.write(out),
                X::Text(t) => out.push_str(&escape(t)),
            }
        }
        out.push_str(&format!("</{}>", self.name));
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn qualified(node: crate::syntax::tree::Node<'_, '_>) -> String {
    let tag = node.tag_name();
    match tag.namespace().and_then(|ns| node.lookup_prefix(ns)) {
        Some(p) if !p.is_empty() => format!("{p}:{}", tag.name()),
        _ => tag.name().to_owned(),
    }
}

fn convert(node: crate::syntax::tree::Node<'_, '_>) -> El {
    let mut el = El::new(&qualified(node));
    if node.parent().is_some_and(|p| p.is_root()) {
        for ns in node.namespaces() {
            match ns.name() {
                Some(p) => el.set(&format!("xmlns:{p}"), ns.uri()),
                None => el.set("xmlns", ns.uri()),
            }
        }
    }
    for a in node.attributes() {
        el.set(a.name(), a.value());
    }
    for c in kept_children(node) {
        if c.is_element() {
            el.children.push(X::El(convert(c)));
        } else {
            el.children.push(X::Text(c.text().unwrap_or("").to_owned()));
        }
    }
    el
}

fn kept_children<'a, 'i>(
    node: crate::syntax::tree::Node<'a, 'i>,
) -> impl Iterator<Item = crate::syntax::tree::Node<'a, 'i>> {
    node.children().filter(|c| c.is_element() || c.is_text())
}

fn parse(xml: &str) -> El {
    let doc = crate::syntax::tree::Document::parse(xml).unwrap();
    convert(doc.root_element())
}

fn serialize(root: &El) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    root.write(&mut out);
    out.push('\n');
    out
}

/// The index path of `node` from the root element, over element and text
/// children.
fn index_of(node: crate::syntax::tree::Node<'_, '_>) -> Vec<usize> {
    let mut index = Vec::new();
    let mut cur = node;
    while let Some(parent) = cur.parent().filter(|p| !p.is_root()) {
        let i = kept_children(parent).position(|c| c == cur).unwrap();
        index.push(i);
        cur = parent;
    }
    index.reverse();
    index
}

// ---------------------------------------------------------------------------
// Running the rules.

/// The `(id, context node)` of every firing, the context as the node's
/// marker value when it has one ("" otherwise).
fn run(xml: &str) -> Vec<(&'static str, String)> {
    let doc = crate::syntax::tree::Document::parse(xml).unwrap();
    let mut out = Vec::new();
    visit(&doc, |id, node| {
        out.push((id, node.attribute(MARK).unwrap_or("").to_owned()))
    });
    out
}

fn ids(xml: &str) -> BTreeSet<&'static str> {
    run(xml).into_iter().map(|(id, _)| id).collect()
}

/// The ids fired on `INVOICE` changed by `f`. With `FACTURE_CII_MUTANTS`
/// set, the document is written there as `<name>.xml`.
fn fired_on(name: &str, f: impl FnOnce(&mut El)) -> BTreeSet<&'static str> {
    let mut root = parse(INVOICE);
    f(&mut root);
    let xml = serialize(&root);
    if let Some(dir) = std::env::var_os("FACTURE_CII_MUTANTS") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("hand-{name}.xml")), &xml).unwrap();
    }
    ids(&xml)
}

/// The context index each element is given to.
fn dispatch(node: crate::syntax::tree::Node<'_, '_>) -> Option<usize> {
    COMPILED.iter().position(|c| c.matches(node))
}

// ---------------------------------------------------------------------------
// The table.

#[test]
fn every_entry_of_the_table_parses() {
    assert_eq!(COMPILED.len(), table::CONTEXTS.len());
    for (ctx, compiled) in table::CONTEXTS.iter().zip(COMPILED.iter()) {
        assert!(
            path::Pattern::parse(ctx.pattern).is_some(),
            "{}",
            ctx.pattern
        );
        assert_eq!(ctx.rules.len(), compiled.rules.len(), "{}", ctx.pattern);
        for Rule(id, test) in ctx.rules {
            if let Test::Path(t) = test {
                assert!(PathTest::parse(t).is_some(), "{id}: {t}");
            }
        }
    }
}

#[test]
fn ids_are_the_table_and_the_catalogue() {
    let in_table: BTreeSet<&str> = table::CONTEXTS
        .iter()
        .flat_map(|c| c.rules.iter().map(|Rule(id, _)| *id))
        .collect();
    let listed: BTreeSet<&str> = FAMILY.ids.iter().copied().collect();
    assert_eq!(listed.len(), FAMILY.ids.len(), "duplicate ids");
    assert_eq!(in_table, listed);
    assert_eq!(listed.len(), 583);
    let catalogued: BTreeSet<&str> = crate::rules::catalogue::all()
        .iter()
        .filter(|r| r.id().starts_with("CII-SR-") || r.id().starts_with("CII-DT-"))
        .map(|r| r.id())
        .collect();
    assert_eq!(catalogued, listed);
}

/// The table is the official artefact's: same contexts in the same order of
/// precedence, same ids and tests (checked when the artefacts are there).
#[test]
fn table_matches_the_official_xslt() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/en16931/cii/xslt/EN16931-CII-validation.xslt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not found");
        return;
    };
    let doc = crate::syntax::tree::Document::parse(&text).unwrap();
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    type Asserts = Vec<(String, String)>;
    let mut official: Vec<(i64, String, Asserts)> = Vec::new();
    for t in doc.descendants().filter(|n| n.has_tag_name("template")) {
        let asserts: Vec<(String, String)> = t
            .descendants()
            .filter(|n| n.has_tag_name("failed-assert"))
            .filter_map(|fa| {
                let id = fa
                    .children()
                    .find(|c| c.has_tag_name("attribute") && c.attribute("name") == Some("id"))?
                    .text()?
                    .to_owned();
                (id.starts_with("CII-SR-") || id.starts_with("CII-DT-"))
                    .then(|| (id, squash(fa.attribute("test").unwrap_or(""))))
            })
            .collect();
        if !asserts.is_empty() {
            let priority = t.attribute("priority").unwrap().parse().unwrap();
            official.push((priority, squash(t.attribute("match").unwrap()), asserts));
        }
    }
    official.sort_by_key(|(p, _, _)| -p);
    let ours: Vec<(String, Vec<(String, String)>)> = table::CONTEXTS
        .iter()
        .map(|c| {
            let rules = c
                .rules
                .iter()
                .map(|Rule(id, test)| {
                    let t = match test {
                        Test::Path(t) | Test::Custom(t, _) => t,
                    };
                    ((*id).to_owned(), squash(t))
                })
                .collect();
            (squash(c.pattern), rules)
        })
        .collect();
    let official: Vec<_> = official.into_iter().map(|(_, m, a)| (m, a)).collect();
    assert_eq!(ours, official);
}

// ---------------------------------------------------------------------------
// Generated cases for the declarative rules.

#[test]
fn valid_examples_fire_nothing() {
    for xml in [INVOICE, CREDIT_NOTE] {
        assert_eq!(run(xml), vec![], "a valid example fires");
    }
}

/// Puts the violation of `test` under the element `ctx`.
fn violate(ctx: &mut El, test: &PathTest) {
    let chain = |ctx: &mut El, view: &PathView| {
        let mut cur = ctx;
        for (name, pred) in &view.children {
            let mut e = El::new(name);
            if let Some((child, value)) = pred {
                e.push(El::text(child, value));
            }
            cur = cur.push(e);
        }
        if let Some(a) = &view.attr {
            cur.set(a, "x");
        }
    };
    match test {
        PathTest::Absent(p) => chain(ctx, &p.view()),
        PathTest::AtMost(p, n) | PathTest::Exactly(p, n) => {
            for _ in 0..=*n {
                chain(ctx, &p.view());
            }
        }
        PathTest::Present(p) => {
            let view = p.view();
            assert!(view.children.len() == 1 && view.attr.is_none());
            ctx.remove(&view.children[0].0);
        }
    }
}

/// Where a context that the example lacks is created.
fn create_context(root: &mut El, ctx: usize) -> &mut El {
    let pattern = COMPILED[ctx].pattern.as_ref().unwrap();
    match pattern.absolute_names() {
        Some(names) => {
            assert_eq!(names[0], root.name);
            let mut cur = root;
            for name in &names[1..] {
                cur = cur.child_or_new(name);
            }
            cur
        }
        None => panic!("no instance of context {}", table::CONTEXTS[ctx].pattern),
    }
}

/// One case: `INVOICE` with the violation of rule `r` of context `ctx` put
/// under the element at `index` (or a created context node). Returns the
/// document and whether the node is given to `ctx` (else the rule is
/// shadowed by a context of higher precedence and cannot fire there).
fn case(ctx: usize, test: &PathTest, index: Option<&[usize]>) -> (String, bool) {
    case_on(INVOICE, ctx, test, index)
}

fn case_on(base: &str, ctx: usize, test: &PathTest, index: Option<&[usize]>) -> (String, bool) {
    let mut root = parse(base);
    let node = match index {
        Some(i) => root.by_index(i),
        None => create_context(&mut root, ctx),
    };
    node.set(MARK, "target");
    violate(node, test);
    let xml = serialize(&root);
    let doc = crate::syntax::tree::Document::parse(&xml).unwrap();
    let target = doc
        .descendants()
        .find(|n| n.attribute(MARK) == Some("target"))
        .unwrap();
    let given = dispatch(target) == Some(ctx);
    (xml, given)
}

#[test]
fn every_declarative_rule_fires_on_its_violation() {
    let base = crate::syntax::tree::Document::parse(INVOICE).unwrap();
    let mutants = std::env::var_os("FACTURE_CII_MUTANTS").map(std::path::PathBuf::from);
    let mut shadowed = BTreeSet::new();
    let mut tested = 0;
    for (ctx, compiled) in COMPILED.iter().enumerate() {
        // The first element of the example given to this context.
        let home = base
            .descendants()
            .filter(|n| n.is_element())
            .find(|n| dispatch(*n) == Some(ctx))
            .map(index_of);
        // For the oracle: every distinct (parent, name) the pattern matches.
        let mut seen = BTreeSet::new();
        let others: Vec<Vec<usize>> = base
            .descendants()
            .filter(|n| n.is_element() && compiled.matches(*n))
            .filter(|n| {
                let parent = n.parent().map(|p| p.tag_name().name()).unwrap_or("");
                seen.insert((parent, n.tag_name().name()))
            })
            .map(index_of)
            .collect();
        for (id, check) in &compiled.rules {
            let Check::Path(test) = check else { continue };
            let (xml, given) = case(ctx, test, home.as_deref());
            let fired: Vec<_> = run(&xml).into_iter().filter(|(i, _)| i == id).collect();
            if given {
                assert_eq!(fired, vec![(*id, "target".to_owned())], "{id}\n{xml}");
                tested += 1;
            } else {
                assert_eq!(fired, vec![], "{id} is shadowed yet fires");
                shadowed.insert(*id);
            }
            if let Some(dir) = &mutants {
                std::fs::create_dir_all(dir).unwrap();
                let write = |n: usize, xml: &str| {
                    let xml = xml.replace(&format!(" {MARK}=\"target\""), "");
                    std::fs::write(dir.join(format!("{id}-{n}.xml")), xml).unwrap();
                };
                write(0, &xml);
                for (n, index) in others.iter().enumerate() {
                    if Some(index) != home.as_ref() {
                        write(n + 1, &case(ctx, test, Some(index)).0);
                    }
                }
            }
        }
    }
    let expected: BTreeSet<&str> = ["CII-DT-010", "CII-DT-011", "CII-DT-012"].into();
    assert_eq!(shadowed, expected);
    assert!(tested > 500, "{tested}");
}

// ---------------------------------------------------------------------------
// Hand cases for the irregular rules, and the rules other validators are
// known to get wrong.

const TX: &str = "rsm:SupplyChainTradeTransaction";
const EXCHANGED: &[&str] = &["rsm:ExchangedDocument"];
const AGREEMENT: &[&str] = &[TX, "ram:ApplicableHeaderTradeAgreement"];
const DELIVERY: &[&str] = &[TX, "ram:ApplicableHeaderTradeDelivery"];
const SETTLEMENT: &[&str] = &[TX, "ram:ApplicableHeaderTradeSettlement"];
const LINE: &[&str] = &[TX, "ram:IncludedSupplyChainTradeLineItem"];
const PRODUCT: &[&str] = &[
    TX,
    "ram:IncludedSupplyChainTradeLineItem",
    "ram:SpecifiedTradeProduct",
];
const LINE_AGREEMENT: &[&str] = &[
    TX,
    "ram:IncludedSupplyChainTradeLineItem",
    "ram:SpecifiedLineTradeAgreement",
];
const LINE_SETTLEMENT: &[&str] = &[
    TX,
    "ram:IncludedSupplyChainTradeLineItem",
    "ram:SpecifiedLineTradeSettlement",
];

fn path(a: &[&'static str], b: &[&'static str]) -> Vec<&'static str> {
    [a, b].concat()
}

#[track_caller]
fn fires(name: &str, id: &str, f: impl FnOnce(&mut El)) {
    let fired = fired_on(name, f);
    assert!(fired.contains(id), "{name}: {id} does not fire ({fired:?})");
}

#[track_caller]
fn quiet(name: &str, id: &str, f: impl FnOnce(&mut El)) {
    let fired = fired_on(name, f);
    assert!(!fired.contains(id), "{name}: {id} fires");
}

#[test]
fn sr_013_name_of_the_exchanged_document() {
    fires("sr013", "CII-SR-013", |r| {
        r.at(EXCHANGED).push(El::text("ram:Name", "Facture"));
    });
    // Names elsewhere are other rules' business.
    quiet("sr013-party", "CII-SR-013", |r| {
        r.at(&path(AGREEMENT, &["ram:SellerTradeParty"]))
            .push(El::text("ram:Name", "Autre"));
    });
    // Fires once, at rsm:ExchangedDocument.
    let mut root = parse(INVOICE);
    let doc = root.at(EXCHANGED);
    doc.set(MARK, "doc");
    doc.push(El::text("ram:Name", "a"));
    doc.push(El::text("ram:Name", "b"));
    let fired: Vec<_> = run(&serialize(&root))
        .into_iter()
        .filter(|(id, _)| *id == "CII-SR-013")
        .collect();
    assert_eq!(fired, vec![("CII-SR-013", "doc".to_owned())]);
}

#[test]
fn names_are_matched_by_namespace_not_prefix() {
    let renamed = INVOICE
        .replace("ram:", "a:")
        .replace("xmlns:ram=", "xmlns:a=")
        .replace("rsm:", "r:")
        .replace("xmlns:rsm=", "xmlns:r=");
    assert_eq!(run(&renamed), vec![]);
    let with_name = renamed.replace(
        "<a:TypeCode>380</a:TypeCode>",
        "<a:TypeCode>380</a:TypeCode><a:Name>x</a:Name>",
    );
    assert_eq!(ids(&with_name), BTreeSet::from(["CII-SR-013"]));
    // The same local name in another namespace is not the rule's.
    let foreign = renamed.replace(
        "<a:TypeCode>380</a:TypeCode>",
        "<a:TypeCode>380</a:TypeCode><Name xmlns=\"urn:other\">x</Name>",
    );
    assert_eq!(run(&foreign), vec![]);
}

#[test]
fn sr_408_payment_discount_terms() {
    let terms = path(SETTLEMENT, &["ram:SpecifiedTradePaymentTerms"]);
    fires("sr408", "CII-SR-408", |r| {
        r.at(&terms)
            .push(El::new("ram:ApplicableTradePaymentDiscountTerms"));
    });
    fires("sr408-second-terms", "CII-SR-408", |r| {
        let mut t = El::new("ram:SpecifiedTradePaymentTerms");
        t.push(El::new("ram:ApplicableTradePaymentDiscountTerms"));
        r.at(SETTLEMENT).push(t);
    });
    quiet("sr408-penalty", "CII-SR-408", |r| {
        r.at(&terms)
            .push(El::new("ram:ApplicableTradePaymentPenaltyTerms"));
    });
}

#[test]
fn sr_452_453_one_payment_terms_one_description() {
    fires("sr452", "CII-SR-452", |r| {
        r.at(SETTLEMENT)
            .push(El::new("ram:SpecifiedTradePaymentTerms"));
    });
    quiet("sr452-one", "CII-SR-452", |_| {});
    fires("sr453", "CII-SR-453", |r| {
        r.at(&path(SETTLEMENT, &["ram:SpecifiedTradePaymentTerms"]))
            .push(El::text("ram:Description", "Deux"));
    });
    // Counted over every payment terms of the settlement.
    fires("sr453-two-terms", "CII-SR-453", |r| {
        r.at(SETTLEMENT)
            .push(El::new("ram:SpecifiedTradePaymentTerms"))
            .push(El::text("ram:Description", "Deux"));
    });
    quiet("sr453-second-without", "CII-SR-453", |r| {
        r.at(SETTLEMENT)
            .push(El::new("ram:SpecifiedTradePaymentTerms"));
    });
}

#[test]
fn sr_335_delivery_note() {
    fires("sr335", "CII-SR-335", |r| {
        r.at(DELIVERY)
            .push(El::new("ram:DeliveryNoteReferencedDocument"))
            .push(El::text("ram:IssuerAssignedID", "BL"));
    });
    quiet("sr335-line", "CII-SR-335", |r| {
        r.at(&path(LINE, &["ram:SpecifiedLineTradeDelivery"]))
            .push(El::new("ram:DeliveryNoteReferencedDocument"));
    });
}

#[test]
fn sr_449_450_451_id_or_global_id() {
    let buyer = path(AGREEMENT, &["ram:BuyerTradeParty"]);
    fires("sr450", "CII-SR-450", |r| {
        r.at(&buyer).push(El::text("ram:ID", "B1"));
    });
    quiet("sr450-id-only", "CII-SR-450", |r| {
        let b = r.at(&buyer);
        b.remove("ram:GlobalID");
        b.push(El::text("ram:ID", "B1"));
    });
    quiet("sr450-neither", "CII-SR-450", |r| {
        r.at(&buyer).remove("ram:GlobalID");
    });
    // Two buyer parties, one with each: the test is over both.
    fires("sr450-split", "CII-SR-450", |r| {
        r.at(AGREEMENT)
            .push(El::new("ram:BuyerTradeParty"))
            .push(El::text("ram:ID", "B1"));
    });
    fires("sr449", "CII-SR-449", |r| {
        r.at(&path(DELIVERY, &["ram:ShipToTradeParty"]))
            .push(El::text("ram:GlobalID", "1"));
    });
    fires("sr451", "CII-SR-451", |r| {
        r.at(&path(SETTLEMENT, &["ram:PayeeTradeParty"]))
            .push(El::text("ram:ID", "P1"));
    });
    // The seller may have both.
    quiet("sr450-seller", "CII-SR-450", |_| {});
}

#[test]
fn sr_465_466_person_and_department() {
    let contact = |party: &'static str| path(AGREEMENT, &[party, "ram:DefinedTradeContact"]);
    fires("sr465", "CII-SR-465", |r| {
        r.at(&contact("ram:SellerTradeParty"))
            .push(El::text("ram:DepartmentName", "Compta"));
    });
    fires("sr466", "CII-SR-466", |r| {
        r.at(&contact("ram:BuyerTradeParty"))
            .push(El::text("ram:DepartmentName", "Compta"));
    });
    quiet("sr466-department-only", "CII-SR-466", |r| {
        let c = r.at(&contact("ram:BuyerTradeParty"));
        c.remove("ram:PersonName");
        c.push(El::text("ram:DepartmentName", "Compta"));
    });
}

#[test]
fn dt_027_formatted_issue_date_only_on_invoice_references() {
    let date = || {
        let mut f = El::new("ram:FormattedIssueDateTime");
        let mut d = El::text("qdt:DateTimeString", "20260101");
        d.set("format", "102");
        f.push(d);
        f
    };
    quiet("dt027-invoice-reference", "CII-DT-027", |_| {});
    fires("dt027-additional", "CII-DT-027", |r| {
        let ard = r.at(&path(AGREEMENT, &["ram:AdditionalReferencedDocument"]));
        ard.push(date());
    });
    fires("dt027-line-order", "CII-DT-027", |r| {
        r.at(&path(LINE_AGREEMENT, &["ram:BuyerOrderReferencedDocument"]))
            .push(date());
    });
    fires("dt027-contract", "CII-DT-027", |r| {
        r.at(&path(AGREEMENT, &["ram:ContractReferencedDocument"]))
            .push(date());
    });
    // Fires once per referenced document, at each.
    let mut root = parse(INVOICE);
    let agreement = root.at(AGREEMENT);
    for (i, name) in [
        "ram:SellerOrderReferencedDocument",
        "ram:ContractReferencedDocument",
    ]
    .iter()
    .enumerate()
    {
        let d = agreement.child(name).unwrap();
        d.set(MARK, &i.to_string());
        d.push(date());
    }
    let fired: Vec<_> = run(&serialize(&root))
        .into_iter()
        .filter(|(id, _)| *id == "CII-DT-027")
        .collect();
    assert_eq!(
        fired,
        vec![
            ("CII-DT-027", "0".to_owned()),
            ("CII-DT-027", "1".to_owned())
        ]
    );
}

#[test]
fn sr_462_one_due_date_type_code() {
    let tax = path(SETTLEMENT, &["ram:ApplicableTradeTax"]);
    quiet("sr462-same", "CII-SR-462", |_| {});
    fires("sr462", "CII-SR-462", |r| {
        let t = r.at(&tax);
        t.remove("ram:DueDateTypeCode");
        t.push(El::text("ram:DueDateTypeCode", "35"));
    });
    // Compared as written: no normalization.
    fires("sr462-space", "CII-SR-462", |r| {
        let t = r.at(&tax);
        t.remove("ram:DueDateTypeCode");
        t.push(El::text("ram:DueDateTypeCode", " 72"));
    });
    // Line taxes count too (`//ram:ApplicableTradeTax`).
    fires("sr462-line", "CII-SR-462", |r| {
        r.at(&path(LINE_SETTLEMENT, &["ram:ApplicableTradeTax"]))
            .push(El::text("ram:DueDateTypeCode", "29"));
    });
    quiet("sr462-none", "CII-SR-462", |r| {
        for t in r.at(SETTLEMENT).elements_mut() {
            t.remove("ram:DueDateTypeCode");
        }
    });
}

fn payment_means(code: &str, info: Option<&str>) -> El {
    let mut m = El::new("ram:SpecifiedTradeSettlementPaymentMeans");
    m.push(El::text("ram:TypeCode", code));
    if let Some(info) = info {
        m.push(El::text("ram:Information", info));
    }
    m
}

#[test]
fn sr_467_468_470_payment_means() {
    fires("sr467", "CII-SR-467", |r| {
        r.at(SETTLEMENT).push(payment_means("58", None));
    });
    quiet("sr467-normalized", "CII-SR-467", |r| {
        let mut m = payment_means(" 30 ", None);
        m.push(El::new("ram:PayeePartyCreditorFinancialAccount"))
            .push(El::text("ram:IBANID", "FR76"));
        r.at(SETTLEMENT).push(m);
    });
    fires("sr468", "CII-SR-468", |r| {
        r.at(SETTLEMENT).push(payment_means("30", Some("Autre")));
    });
    quiet("sr468-missing", "CII-SR-468", |r| {
        r.at(SETTLEMENT).push(payment_means("30", None));
    });
    fires("sr470", "CII-SR-470", |r| {
        r.at(SETTLEMENT).push(payment_means("58", None));
    });
    quiet("sr470-proprietary", "CII-SR-470", |r| {
        let mut m = payment_means("58", None);
        m.push(El::new("ram:PayeePartyCreditorFinancialAccount"))
            .push(El::text("ram:ProprietaryID", "123"));
        r.at(SETTLEMENT).push(m);
    });
    quiet("sr470-card", "CII-SR-470", |r| {
        r.at(SETTLEMENT).push(payment_means("48", None));
    });
    fires("sr469", "CII-SR-469", |r| {
        r.at(SETTLEMENT)
            .push(El::text("ram:PaymentReference", "Deux"));
    });
}

#[test]
fn product_rules_046_090() {
    fires("sr046", "CII-SR-046", |r| {
        r.at(PRODUCT).child("ram:GlobalID").unwrap().attrs.clear();
    });
    quiet("sr046-one-with", "CII-SR-046", |r| {
        r.at(PRODUCT).push(El::text("ram:GlobalID", "1"));
    });
    fires("sr090-none", "CII-SR-090", |r| {
        r.at(&path(PRODUCT, &["ram:OriginTradeCountry"]))
            .remove("ram:ID");
    });
    fires("sr090-two", "CII-SR-090", |r| {
        r.at(&path(PRODUCT, &["ram:OriginTradeCountry"]))
            .push(El::text("ram:ID", "DE"));
    });
}

fn gross_charge(r: &mut El) -> &mut El {
    r.at(&path(
        LINE_AGREEMENT,
        &[
            "ram:GrossPriceProductTradePrice",
            "ram:AppliedTradeAllowanceCharge",
        ],
    ))
}

fn set_indicator(r: &mut El, value: &str) {
    let ind = gross_charge(r).at(&["ram:ChargeIndicator", "udt:Indicator"]);
    ind.children = vec![X::Text(value.to_owned())];
}

#[test]
fn sr_119_gross_price_allowance() {
    quiet("sr119", "CII-SR-119", |_| {});
    fires("sr119-charge", "CII-SR-119", |r| set_indicator(r, "true"));
    quiet("sr119-zero", "CII-SR-119", |r| set_indicator(r, "0"));
    quiet("sr119-spaced", "CII-SR-119", |r| {
        set_indicator(r, " false ")
    });
    fires("sr119-no-amount", "CII-SR-119", |r| {
        gross_charge(r).remove("ram:ActualAmount");
    });
    quiet("sr119-neither", "CII-SR-119", |r| {
        let c = gross_charge(r);
        c.remove("ram:ActualAmount");
        c.remove("ram:ChargeIndicator");
    });
    fires("sr119-amount-only", "CII-SR-119", |r| {
        gross_charge(r).remove("ram:ChargeIndicator");
    });
}

fn ard(r: &mut El, i: usize) -> &mut El {
    r.at(AGREEMENT)
        .elements_mut()
        .filter(|e| e.name == "ram:AdditionalReferencedDocument")
        .nth(i)
        .unwrap()
}

#[test]
fn referenced_document_data_types() {
    // ARD 1 has URIID with 916; ARD 2 is 50; ARD 3 is 130.
    fires("dt015", "CII-DT-015", |r| {
        ard(r, 2).push(El::text("ram:URIID", "http://x"));
    });
    fires("dt015-order", "CII-DT-015", |r| {
        r.at(&path(AGREEMENT, &["ram:BuyerOrderReferencedDocument"]))
            .push(El::text("ram:URIID", "http://x"));
    });
    fires("dt018", "CII-DT-018", |r| {
        r.at(&path(AGREEMENT, &["ram:ContractReferencedDocument"]))
            .push(El::text("ram:TypeCode", "50"));
    });
    fires("dt018-code", "CII-DT-018", |r| {
        let d = ard(r, 2);
        d.remove("ram:TypeCode");
        d.push(El::text("ram:TypeCode", "51"));
    });
    // Compared as written.
    fires("dt021", "CII-DT-021", |r| {
        let d = ard(r, 0);
        d.remove("ram:TypeCode");
        d.push(El::text("ram:TypeCode", " 916"));
    });
    fires("dt022", "CII-DT-022", |r| {
        ard(r, 3).push(El::text("ram:AttachmentBinaryObject", "AA=="));
    });
    fires("dt024", "CII-DT-024", |r| {
        ard(r, 2).push(El::text("ram:ReferenceTypeCode", "ABZ"));
    });
    quiet("dt024-130", "CII-DT-024", |_| {});
}

#[test]
fn tax_data_types() {
    let line_tax = path(LINE_SETTLEMENT, &["ram:ApplicableTradeTax"]);
    let charge_tax = path(
        SETTLEMENT,
        &["ram:SpecifiedTradeAllowanceCharge", "ram:CategoryTradeTax"],
    );
    fires("dt037", "CII-DT-037", |r| {
        let t = r.at(&line_tax);
        t.remove("ram:TypeCode");
        t.push(El::text("ram:TypeCode", "vat"));
    });
    fires("dt037-spaced", "CII-DT-037", |r| {
        let t = r.at(&charge_tax);
        t.remove("ram:TypeCode");
        t.push(El::text("ram:TypeCode", " VAT "));
    });
    fires("dt041", "CII-DT-041", |r| {
        r.at(&line_tax).push(El::text("ram:BasisAmount", "1"));
    });
    fires("dt054", "CII-DT-054", |r| {
        r.at(&line_tax).push(El::new("ram:TaxPointDate"));
    });
    // Any tax under the header settlement may have them.
    quiet("dt054-header-charge", "CII-DT-054", |r| {
        r.at(&charge_tax).push(El::new("ram:TaxPointDate"));
    });
    fires("dt058", "CII-DT-058", |r| {
        r.at(&line_tax).push(El::text("ram:DueDateTypeCode", "72"));
    });
    quiet("dt041-header", "CII-DT-041", |_| {});
    fires("dt052", "CII-DT-052", |r| {
        r.at(&charge_tax)
            .push(El::text("ram:ExemptionReasonCode", "X"));
    });
    quiet("dt052-applicable", "CII-DT-052", |r| {
        r.at(&line_tax)
            .push(El::text("ram:ExemptionReasonCode", "X"));
    });
    fires("dt098", "CII-DT-098", |r| {
        r.at(&charge_tax).push(El::text("ram:ExemptionReason", "X"));
    });
}

#[test]
fn dt_033_unit_codes_need_a_billed_unit() {
    quiet("dt033", "CII-DT-033", |_| {});
    fires("dt033-no-billed-unit", "CII-DT-033", |r| {
        let tx = r.at(&[TX]);
        for line in tx
            .elements_mut()
            .filter(|e| e.name == "ram:IncludedSupplyChainTradeLineItem")
        {
            line.at(&["ram:SpecifiedLineTradeDelivery", "ram:BilledQuantity"])
                .attrs
                .clear();
        }
    });
}

#[test]
fn dt_097_dates_of_format_102() {
    let date = |r: &mut El, text: &str, format: &str| {
        let d = r.at(&[
            "rsm:ExchangedDocument",
            "ram:IssueDateTime",
            "udt:DateTimeString",
        ]);
        d.children = vec![X::Text(text.to_owned())];
        d.set("format", format);
    };
    fires("dt097-dashes", "CII-DT-097", |r| {
        date(r, "2026-03-01", "102")
    });
    fires("dt097-month", "CII-DT-097", |r| date(r, "20261301", "102"));
    quiet("dt097-feb-31", "CII-DT-097", |r| date(r, "20260231", "102"));
    quiet("dt097-spaces", "CII-DT-097", |r| {
        date(r, " 20260301\n", "102")
    });
    quiet("dt097-arabic-indic", "CII-DT-097", |r| {
        date(r, "\u{662}\u{660}\u{662}\u{666}0301", "102")
    });
    fires("dt097-fullwidth-month", "CII-DT-097", |r| {
        date(r, "2026\u{ff10}\u{ff13}01", "102")
    });
    quiet("dt097-other-format", "CII-DT-097", |r| {
        date(r, "202603", "610")
    });
    assert!(custom::is_date_102("20260101"));
    assert!(!custom::is_date_102("2026010"));
    assert!(!custom::is_date_102("202601011"));
    assert!(!custom::is_date_102("20260100"));
}

#[test]
fn through_validate_bytes_findings_have_locations() {
    let xml = INVOICE.replace(
        "<ram:TypeCode>380</ram:TypeCode>",
        "<ram:TypeCode>380</ram:TypeCode><ram:Name>Facture</ram:Name>",
    );
    let report = crate::validate_bytes(xml.as_bytes(), &crate::rules::Profile::En16931).unwrap();
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "CII-SR-013")
        .unwrap();
    let loc = f.location.as_ref().unwrap();
    assert_eq!(
        loc.xpath,
        "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument[1]"
    );
    assert!(!report.not_checked.iter().any(|id| id.starts_with("CII-")));
}

#[test]
#[ignore]
fn timing() {
    let doc = crate::syntax::tree::Document::parse(INVOICE).unwrap();
    let mut n = 0;
    visit(&doc, |_, _| n += 1);
    let t = std::time::Instant::now();
    for _ in 0..20000 {
        visit(&doc, |_, _| n += 1);
    }
    eprintln!("per invoice: {:?} ({n})", t.elapsed() / 20000);
    let t = std::time::Instant::now();
    for _ in 0..2000 {
        let d = crate::syntax::tree::Document::parse(INVOICE).unwrap();
        n += d.descendants().count();
    }
    eprintln!("parse: {:?} ({n})", t.elapsed() / 2000);
}

/// With `FACTURE_CII_MUTANTS=<dir>` and `FACTURE_CII_BASES=<file>:<file>…`,
/// writes the violation of every declarative rule at every distinct
/// element of each base document its context matches, for
/// `tools/conformance` (no assertion here).
#[test]
#[ignore]
fn write_mutants_of_other_bases() {
    let (Some(dir), Some(bases)) = (
        std::env::var_os("FACTURE_CII_MUTANTS"),
        std::env::var("FACTURE_CII_BASES").ok(),
    ) else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (b, file) in bases.split(':').enumerate() {
        let text = std::fs::read_to_string(file).unwrap();
        let base = crate::syntax::tree::Document::parse(&text).unwrap();
        for (ctx, compiled) in COMPILED.iter().enumerate() {
            let mut seen = BTreeSet::new();
            let nodes: Vec<Vec<usize>> = base
                .descendants()
                .filter(|n| n.is_element() && compiled.matches(*n))
                .filter(|n| {
                    let parent = n.parent().map(|p| p.tag_name().name()).unwrap_or("");
                    seen.insert((parent, n.tag_name().name()))
                })
                .map(index_of)
                .collect();
            for (id, check) in &compiled.rules {
                let Check::Path(test) = check else { continue };
                for (n, index) in nodes.iter().enumerate() {
                    let xml = case_on(&text, ctx, test, Some(index))
                        .0
                        .replace(&format!(" {MARK}=\"target\""), "");
                    std::fs::write(dir.join(format!("b{b}-{id}-{n}.xml")), xml).unwrap();
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The generated table

mod generated {
    use super::super::path::{Name, Path, Pattern, Pred, Step, Test};
    use super::super::path::{QDT, RAM, RSM, UDT};
    use super::super::{Test as TableTest, table};

    fn ns(uri: &str) -> &'static str {
        match uri {
            RSM => "RSM",
            RAM => "RAM",
            UDT => "UDT",
            QDT => "QDT",
            other => panic!("no constant for namespace {other}"),
        }
    }

    fn name(n: &Name) -> String {
        format!("n({}, {:?})", ns(n.ns), n.local)
    }

    fn names(ns: &[Name]) -> String {
        let v: Vec<String> = ns.iter().map(name).collect();
        format!("&[{}]", v.join(", "))
    }

    fn pattern(p: &Pattern) -> String {
        match p {
            Pattern::Absolute(n) => format!("Pattern::Absolute({})", names(n)),
            Pattern::Anywhere(n, attr) => {
                format!("Pattern::Anywhere({}, {attr:?})", names(n))
            }
            Pattern::Suffix {
                ns: n,
                suffix,
                except,
            } => format!(
                "Pattern::Suffix {{ ns: {}, suffix: {suffix:?}, except: {} }}",
                n.map_or("None".to_owned(), |u| format!("Some({})", ns(u))),
                except
                    .as_ref()
                    .map_or("None".to_owned(), |e| format!("Some({})", name(e)))
            ),
            Pattern::Union(ps) => {
                let v: Vec<String> = ps.iter().map(pattern).collect();
                format!("Pattern::Union(&[{}])", v.join(", "))
            }
        }
    }

    fn path(p: &Path) -> String {
        let steps: Vec<String> = p
            .0
            .iter()
            .map(|s| match s {
                Step::Attr(a) => format!("Step::Attr({a:?})"),
                Step::Child(n, None) => format!("Step::Child({}, None)", name(n)),
                Step::Child(
                    n,
                    Some(Pred::ChildEq {
                        child,
                        value,
                        normalize,
                    }),
                ) => format!(
                    "Step::Child({}, Some(Pred::ChildEq {{ child: {}, value: {value:?}, normalize: {normalize} }}))",
                    name(n),
                    name(child)
                ),
            })
            .collect();
        format!("Path(&[{}])", steps.join(", "))
    }

    fn test(t: &Test) -> String {
        match t {
            Test::Absent(p) => format!("Test::Absent({})", path(p)),
            Test::Present(p) => format!("Test::Present({})", path(p)),
            Test::AtMost(p, n) => format!("Test::AtMost({}, {n})", path(p)),
            Test::Exactly(p, n) => format!("Test::Exactly({}, {n})", path(p)),
        }
    }

    /// The text of `compiled.rs`.
    fn generated() -> String {
        let mut out = String::from(
            "//! The patterns and path tests of [`super::table::CONTEXTS`], parsed at\n\
             //! build time: generated by the test `compiled_table_is_the_parsed_table`\n\
             //! (run it with `FACTURE_REGENERATE=1` to rewrite this file); do not edit.\n\
             \n\
             use super::path::{Name, Path, Pattern, Pred, Step, Test};\n\
             use super::path::{NAMESPACES};\n\
             \n\
             const fn n(ns: &'static str, local: &'static str) -> Name {\n    Name { ns, local }\n}\n\
             \n\
             /// The pattern of each context, in table order.\n\
             #[rustfmt::skip]\n\
             pub(super) static PATTERNS: &[Option<Pattern>] = &[\n",
        );
        for ctx in table::CONTEXTS {
            let p = Pattern::parse(ctx.pattern)
                .map_or("None".to_owned(), |p| format!("Some({})", pattern(&p)));
            out.push_str(&format!("    {p},\n"));
        }
        out.push_str(
            "];\n\n/// The path test of each rule of each context (`None`: a custom test).\n\
             #[rustfmt::skip]\n\
             pub(super) static TESTS: &[&[Option<Test>]] = &[\n",
        );
        for ctx in table::CONTEXTS {
            let tests: Vec<String> =
                ctx.rules
                    .iter()
                    .map(|r| match r.1 {
                        TableTest::Path(t) => Test::parse(t)
                            .map_or("None".to_owned(), |t| format!("Some({})", test(&t))),
                        TableTest::Custom(..) => "None".to_owned(),
                    })
                    .collect();
            out.push_str(&format!("    &[{}],\n", tests.join(", ")));
        }
        out.push_str("];\n");
        // Import the namespace constants the table uses.
        let used: Vec<&str> = ["QDT", "RAM", "RSM", "UDT"]
            .into_iter()
            .filter(|c| out.contains(&format!("({c}, ")) || out.contains(&format!("Some({c})")))
            .collect();
        out.replace("NAMESPACES", &used.join(", "))
    }

    #[test]
    fn compiled_table_is_the_parsed_table() {
        crate::syntax::generated_file::assert_generated(
            "src/syntax/cii/rules/compiled.rs",
            &generated(),
        );
    }
}
