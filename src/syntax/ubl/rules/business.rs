//! Business rules of the UBL binding checked on the XML tree, because their
//! official contexts or counts depend on the shape of the document, which
//! the model does not keep. For UBL documents these rules are checked here
//! and not by their model family (see [`Checker::checked_on_tree`]); a bare
//! model is still checked by the model family.
//!
//! - BR-CO-09: context `//cac:PartyTaxScheme[cac:TaxScheme/normalize-space(
//!   upper-case(cbc:ID)) = 'VAT']`, every one of them, wherever it is (the
//!   model keeps one VAT identifier per party: a second one, which UBL-SR-12
//!   and UBL-SR-18 forbid, is still checked officially), test
//!   `contains(' 1A AD … ', substring(cbc:CompanyID, 1, 2))`.
//! - BR-CL-07: context `cac:AdditionalDocumentReference[cbc:DocumentTypeCode
//!   = '130']/cbc:ID[@schemeID] | cac:DocumentReference[cbc:DocumentTypeCode
//!   = '130']/cbc:ID[@schemeID]`: the reader also takes a line
//!   `cac:DocumentReference` without type code as BT-128 (official example 5
//!   writes it so), and a second header reference of type 130 becomes a
//!   supporting document; neither is in the official context.
//! - BR-S-01, BR-AF-01, BR-AG-01 (root context): they count
//!   `//cac:AllowanceCharge/cac:TaxCategory`, which also holds an allowance
//!   or charge without `cbc:ChargeIndicator` (read neither as BG-20 nor as
//!   BG-21) and tax categories of line allowances (not in EN 16931).
//!
//! `normalize-space(upper-case(cbc:ID))` of two `cbc:ID` is an XPath type
//! error for the official XSLT (no verdict); the first is taken, as in the
//! rest of the UBL rules.

use super::xpath::{Name, Ns, cac, cbc, string_value};
use crate::model::Span;
use crate::rules::codelist::CodeList;
use crate::rules::engine::{Checker, SyntaxFamily};
use crate::rules::xpath::{normalize_space, normalized_eq};
use crate::syntax::tree::{Document, Node};

const IDS: &[&str] = &["BR-CO-09", "BR-CL-07", "BR-S-01", "BR-AF-01", "BR-AG-01"];

/// The rules of this family and their check.
pub(crate) const FAMILY: SyntaxFamily = SyntaxFamily {
    syntax: "ubl",
    ids: IDS,
    replaces: IDS,
    check,
};

const ID: Name = cbc("ID");
const TAX_CATEGORY: Name = cac("TaxCategory");
const TAX_SCHEME: Name = cac("TaxScheme");

fn children<'a, 'i>(node: Node<'a, 'i>, name: Name) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |c| name.matches(*c))
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: Name) -> Option<Node<'a, 'i>> {
    children(node, name).next()
}

/// `normalize-space(cbc:ID)` (the first `cbc:ID`; `''` without one).
fn normalized_id(node: Node<'_, '_>) -> String {
    child(node, ID)
        .map(|id| normalize_space(&string_value(id)))
        .unwrap_or_default()
}

/// `cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT'`.
fn vat_scheme(category: Node<'_, '_>) -> bool {
    children(category, TAX_SCHEME).any(|scheme| {
        child(scheme, ID).is_some_and(|id| normalized_eq(&string_value(id).to_uppercase(), "VAT"))
    })
}

fn check(doc: &Document<'_>, out: &mut Checker) {
    let root = doc.root_element();
    let is_root = matches!(
        Ns::of(root),
        Some(Ns::Ubl) if root.tag_name().name() == "Invoice"
    ) || matches!(
        Ns::of(root),
        Some(Ns::Cn) if root.tag_name().name() == "CreditNote"
    );
    if !is_root {
        return;
    }
    // The tax categories BR-S-01, BR-AF-01 and BR-AG-01 count as used:
    // `//cac:AllowanceCharge/cac:TaxCategory` and
    // `//cac:ClassifiedTaxCategory`, gathered in the same walk.
    let mut used = Vec::new();
    for node in root.descendants().filter(|n| n.is_element()) {
        // One string match on the local name, then the namespace.
        let local = node.tag_name().name();
        if !matches!(
            local,
            "PartyTaxScheme"
                | "AdditionalDocumentReference"
                | "DocumentReference"
                | "AllowanceCharge"
                | "ClassifiedTaxCategory"
        ) || Ns::of(node) != Some(Ns::Cac)
        {
            continue;
        }
        match local {
            "PartyTaxScheme" if vat_scheme(node) => br_co_09(node, out),
            "AdditionalDocumentReference" | "DocumentReference" => br_cl_07(node, out),
            "AllowanceCharge" => {
                used.extend(children(node, TAX_CATEGORY).map(|c| (normalized_id(c), c)));
            }
            "ClassifiedTaxCategory" => used.push((normalized_id(node), node)),
            _ => {}
        }
    }
    vat_category_presence(root, &used, out);
}

/// BR-CO-09 on one VAT `cac:PartyTaxScheme`.
fn br_co_09(node: Node<'_, '_>, out: &mut Checker) {
    let company = child(node, cbc("CompanyID"))
        .map(|c| string_value(c).chars().take(2).collect::<String>())
        .unwrap_or_default();
    if !CodeList::VatPrefixUbl.xpath_contains(&company) {
        out.fire_at("BR-CO-09", Span::new(node.range()));
    }
}

/// BR-CL-07 on the `cbc:ID[@schemeID]` of a document reference of type 130.
fn br_cl_07(node: Node<'_, '_>, out: &mut Checker) {
    if !children(node, cbc("DocumentTypeCode")).any(|c| string_value(c) == "130") {
        return;
    }
    for id in children(node, ID) {
        if let Some(scheme) = id.attribute("schemeID")
            && !CodeList::ReferenceQualifier.contains(scheme)
        {
            out.fire_at("BR-CL-07", Span::new(id.range()));
        }
    }
}

/// BR-S-01, BR-AF-01 and BR-AG-01: a category used by a line, an
/// allowance or a charge needs a breakdown of it, and the other way round.
fn vat_category_presence(root: Node<'_, '_>, used: &[(String, Node<'_, '_>)], out: &mut Checker) {
    let used = |code: &str, vat_only: bool| {
        used.iter()
            .filter(|(id, c)| id == code && (!vat_only || vat_scheme(*c)))
            .count()
    };
    // `cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory[pred]`.
    let breakdowns = |pred: &dyn Fn(Node<'_, '_>) -> bool| {
        children(root, cac("TaxTotal"))
            .flat_map(|t| children(t, cac("TaxSubtotal")))
            .flat_map(|s| children(s, TAX_CATEGORY))
            .filter(|c| pred(*c))
            .count()
    };
    // `cbc:ID = 'X'`: any ID exactly as written.
    let exactly = |c: Node<'_, '_>, code: &str| children(c, ID).any(|id| string_value(id) == code);

    // BR-S-01: no tax scheme filter anywhere.
    let used_s = used("S", false);
    let breakdowns_s = breakdowns(&|c| normalized_id(c) == "S");
    if !((used_s > 0 && breakdowns_s > 0) || (used_s == 0 && breakdowns_s == 0)) {
        out.fire_at("BR-S-01", Span::new(root.range()));
    }
    // BR-AF-01: the first branch counts `cac:TaxCategory[cbc:ID = 'L']` of
    // any scheme; BR-AG-01 `[cbc:ID = 'M'][VAT]`.
    for (id, code, first_vat_only) in [("BR-AF-01", "L", false), ("BR-AG-01", "M", true)] {
        let used = used(code, true);
        let with_use = breakdowns(&|c| exactly(c, code) && (!first_vat_only || vat_scheme(c)));
        let all = breakdowns(&|c| normalized_id(c) == code && vat_scheme(c));
        if !((used > 0 && with_use > 0) || (used == 0 && all == 0)) {
            out.fire_at(id, Span::new(root.range()));
        }
    }
}
