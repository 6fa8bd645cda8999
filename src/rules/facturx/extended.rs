//! The Factur-X EXTENDED variants of EN 16931 rules (`BR-FXEXT-*`), checked
//! on the CII document of an invoice whose BT-24 names EXTENDED.
//!
//! The official EXTENDED schematron (Factur-X 1.09) drops some EN 16931
//! rules and replaces others with variants of its own
//! ([`super::schematron::EXTENDED_DROPPED`], which do not run on EXTENDED
//! invoices). The variants mostly differ in two ways: only the lines whose
//! subtype (BT-X-8, `LineStatusReasonCode`) is absent or `DETAIL` count (a
//! `GROUP` or `INFORMATION` line is a subtotal or a comment), and the
//! logistics service charges (BG-X-42, `SpecifiedLogisticsServiceCharge`)
//! count as document level charges. Each check below follows the XPath of
//! its official assertion, including what it does when a value is absent
//! (an XPath `for` over an absent amount is empty, so the assertion fails).

use std::str::FromStr;

use crate::syntax::tree::{Document, Node};
use rust_decimal::Decimal;

use super::super::engine::{Checker, SyntaxFamily};
use crate::model::Span;
use crate::rules::xpath::{normalize_space, round2};
use crate::syntax::facturx::FacturXProfile;

/// The EXTENDED variants, on the CII document.
pub(crate) const FAMILY: SyntaxFamily = SyntaxFamily {
    syntax: "cii",
    ids: IDS,
    replaces: &[],
    check,
};

const IDS: &[&str] = &[
    "BR-FXEXT-BR-22",
    "BR-FXEXT-BR-23",
    "BR-FXEXT-BR-24",
    "BR-FXEXT-BR-26",
    "BR-FXEXT-CO-04",
    "BR-FXEXT-BR-38",
    "BR-FXEXT-BR-44",
    "BR-FXEXT-BR-54-1",
    "BR-FXEXT-BR-54-2",
    "BR-FXEXT-CO-10",
    "BR-FXEXT-CO-11",
    "BR-FXEXT-CO-12",
    "BR-FXEXT-CO-13",
    "BR-FXEXT-CO-15",
    "BR-FXEXT-CO-16",
    "BR-FXEXT-S-01",
    "BR-FXEXT-Z-01",
    "BR-FXEXT-E-01",
    "BR-FXEXT-AE-01",
    "BR-FXEXT-IC-01",
    "BR-FXEXT-G-01",
    "BR-FXEXT-O-01",
    "BR-FXEXT-AF-01",
    "BR-FXEXT-AG-01",
    "BR-FXEXT-S-09b",
    "BR-FXEXT-S08b",
    "BR-FXEXT-S-08ini",
    "BR-FXEXT-S-08rev",
    "BR-FXEXT-Z-08b",
    "BR-FXEXT-Z-08ini",
    "BR-FXEXT-Z-08rev",
    "BR-FXEXT-E-08b",
    "BR-FXEXT-E-08ini",
    "BR-FXEXT-E-08rev",
    "BR-FXEXT-AE-08b",
    "BR-FXEXT-AE-08ini",
    "BR-FXEXT-AE-08rev",
    "BR-FXEXT-IC-08b",
    "BR-FXEXT-IC-08ini",
    "BR-FXEXT-IC-08rev",
    "BR-FXEXT-G-08b",
    "BR-FXEXT-G-08ini",
    "BR-FXEXT-G-08rev",
    "BR-FXEXT-O-08b",
    "BR-FXEXT-O-08ini",
    "BR-FXEXT-O-08rev",
    "BR-FXEXT-AF-08b",
    "BR-FXEXT-AF-08ini",
    "BR-FXEXT-AF-08rev",
    "BR-FXEXT-AG-08b",
    "BR-FXEXT-AG-08ini",
    "BR-FXEXT-AG-08rev",
];

/// The `-01` rule of each VAT category (BT-118 code): the category is in
/// the VAT breakdown exactly when a detail line, an allowance or charge, or
/// a logistics charge has it.
pub(super) const CATEGORY_01: &[(&str, &str)] = &[
    ("S", "BR-FXEXT-S-01"),
    ("Z", "BR-FXEXT-Z-01"),
    ("E", "BR-FXEXT-E-01"),
    ("AE", "BR-FXEXT-AE-01"),
    ("K", "BR-FXEXT-IC-01"),
    ("G", "BR-FXEXT-G-01"),
    ("O", "BR-FXEXT-O-01"),
    ("L", "BR-FXEXT-AF-01"),
    ("M", "BR-FXEXT-AG-01"),
];

/// The ids of the `-08` rules of a VAT category: the taxable amount of each
/// of its VAT breakdowns (BG-23) is the sum of what has the category (and
/// rate, and in `rev` the breakdown's exemption reason).
pub(super) struct Breakdown08 {
    /// The category code (BT-118).
    pub(super) code: &'static str,
    /// Fatal: `ini` or `rev` holds.
    pub(super) b: &'static str,
    /// Warning: the sums by category and rate.
    pub(super) ini: &'static str,
    /// Warning: the sums by category, rate and exemption reason.
    pub(super) rev: &'static str,
}

#[rustfmt::skip]
pub(super) const CATEGORY_08: &[Breakdown08] = &[
    Breakdown08 { code: "S", b: "BR-FXEXT-S08b", ini: "BR-FXEXT-S-08ini", rev: "BR-FXEXT-S-08rev" },
    Breakdown08 { code: "Z", b: "BR-FXEXT-Z-08b", ini: "BR-FXEXT-Z-08ini", rev: "BR-FXEXT-Z-08rev" },
    Breakdown08 { code: "E", b: "BR-FXEXT-E-08b", ini: "BR-FXEXT-E-08ini", rev: "BR-FXEXT-E-08rev" },
    Breakdown08 { code: "AE", b: "BR-FXEXT-AE-08b", ini: "BR-FXEXT-AE-08ini", rev: "BR-FXEXT-AE-08rev" },
    Breakdown08 { code: "K", b: "BR-FXEXT-IC-08b", ini: "BR-FXEXT-IC-08ini", rev: "BR-FXEXT-IC-08rev" },
    Breakdown08 { code: "G", b: "BR-FXEXT-G-08b", ini: "BR-FXEXT-G-08ini", rev: "BR-FXEXT-G-08rev" },
    Breakdown08 { code: "O", b: "BR-FXEXT-O-08b", ini: "BR-FXEXT-O-08ini", rev: "BR-FXEXT-O-08rev" },
    Breakdown08 { code: "L", b: "BR-FXEXT-AF-08b", ini: "BR-FXEXT-AF-08ini", rev: "BR-FXEXT-AF-08rev" },
    Breakdown08 { code: "M", b: "BR-FXEXT-AG-08b", ini: "BR-FXEXT-AG-08ini", rev: "BR-FXEXT-AG-08rev" },
];

fn check(doc: &Document<'_>, out: &mut Checker<'_>) {
    if !out.runs("facturx") {
        return;
    }
    let root = doc.root_element();
    let profile = super::specification(doc).and_then(FacturXProfile::from_specification);
    if profile != Some(FacturXProfile::Extended) {
        return;
    }
    let mut settled = false;
    for node in root.descendants().filter(|n| n.is_element()) {
        match node.tag_name().name() {
            "AssociatedDocumentLineDocument" => line_rules(node, out),
            "ChargeIndicator" => charge_reason(node, out),
            "ApplicableProductCharacteristic" => item_attribute(node, out),
            // The first one only: the schema allows one (FX-SCHEMA-01), and
            // each costs a pass over the lines.
            "ApplicableHeaderTradeSettlement" if !settled => {
                settled = true;
                totals(node, out);
                breakdowns(root, node, out);
            }
            _ => {}
        }
    }
    categories(root, out);
}

fn span(node: Node<'_, '_>) -> Span {
    Span::new(node.range())
}

/// The element children of `node` named `name` (local name).
fn children<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> Option<Node<'a, 'i>> {
    children(node, name).next()
}

/// The elements at the end of a relative path of local names.
fn path<'a, 'i>(
    node: Node<'a, 'i>,
    steps: &'static [&'static str],
) -> impl Iterator<Item = Node<'a, 'i>> {
    let mut nodes = vec![node];
    for step in steps {
        nodes = nodes.into_iter().flat_map(|n| children(n, step)).collect();
    }
    nodes.into_iter()
}

fn text<'a>(node: Node<'a, '_>) -> &'a str {
    node.text().unwrap_or("")
}

/// An amount, when it reads as a decimal below 10^20 in magnitude: larger
/// values are not amounts, and bounding them keeps the sums below
/// [`Decimal::MAX`] (its arithmetic panics on overflow).
fn decimal(node: Node<'_, '_>) -> Option<Decimal> {
    let bound = Decimal::from_i128_with_scale(100_000_000_000_000_000_000, 0);
    Decimal::from_str(text(node).trim())
        .ok()
        .filter(|d| d.abs() < bound)
}

/// XPath `round(sum(values) * 100) div 100`: halves round up.
fn sum_rounded(values: impl Iterator<Item = Decimal>) -> Decimal {
    round2(values.sum())
}

/// Whether a line counts as an invoice line: its subtype (BT-X-8) is
/// absent or `DETAIL`. `line_document` is its `AssociatedDocumentLineDocument`.
fn is_detail(line_document: Node<'_, '_>) -> bool {
    subtype_is_detail(children(line_document, "LineStatusReasonCode"))
}

/// [`is_detail`] from the line (`IncludedSupplyChainTradeLineItem`).
fn is_detail_line(line: Node<'_, '_>) -> bool {
    subtype_is_detail(
        children(line, "AssociatedDocumentLineDocument")
            .flat_map(|d| children(d, "LineStatusReasonCode")),
    )
}

/// XPath `not(ram:LineStatusReasonCode) or ram:LineStatusReasonCode = 'DETAIL'`.
fn subtype_is_detail<'a, 'i: 'a>(mut codes: impl Iterator<Item = Node<'a, 'i>>) -> bool {
    let mut any = false;
    let detail = codes.any(|c| {
        any = true;
        text(c) == "DETAIL"
    });
    detail || !any
}

/// BR-FXEXT-BR-22, -23, -24, -26 and -CO-04: what each detail line must give.
fn line_rules(doc: Node<'_, '_>, out: &mut Checker<'_>) {
    let Some(line) = doc
        .parent_element()
        .filter(|p| p.tag_name().name() == "IncludedSupplyChainTradeLineItem")
    else {
        return;
    };
    if !is_detail(doc) {
        return;
    }
    let quantities: Vec<_> =
        path(line, &["SpecifiedLineTradeDelivery", "BilledQuantity"]).collect();
    if quantities.is_empty() {
        out.fire_at("BR-FXEXT-BR-22", span(doc));
    }
    if !quantities.iter().any(|q| q.has_attribute("unitCode")) {
        out.fire_at("BR-FXEXT-BR-23", span(doc));
    }
    let settlement = &[
        "SpecifiedLineTradeSettlement",
        "SpecifiedTradeSettlementLineMonetarySummation",
        "LineTotalAmount",
    ];
    if path(line, settlement).next().is_none() {
        out.fire_at("BR-FXEXT-BR-24", span(doc));
    }
    let price = &[
        "SpecifiedLineTradeAgreement",
        "NetPriceProductTradePrice",
        "ChargeAmount",
    ];
    if path(line, price).next().is_none() {
        out.fire_at("BR-FXEXT-BR-26", span(doc));
    }
    let taxes: Vec<_> = path(
        line,
        &["SpecifiedLineTradeSettlement", "ApplicableTradeTax"],
    )
    .collect();
    let vat_type = taxes
        .iter()
        .any(|t| children(*t, "TypeCode").any(|c| text(c) == "VAT"));
    let vat_category = taxes.iter().any(|t| {
        children(*t, "TypeCode").any(|c| text(c).to_uppercase() == "VAT")
            && child(*t, "CategoryCode").is_some()
    });
    if !(vat_type && vat_category) {
        out.fire_at("BR-FXEXT-CO-04", span(doc));
    }
}

/// BR-FXEXT-BR-38 (document level) and -BR-44 (line level): a charge gives
/// a reason or a reason code.
fn charge_reason(indicator: Node<'_, '_>, out: &mut Checker<'_>) {
    let Some(charge) = indicator
        .parent_element()
        .filter(|p| p.tag_name().name() == "SpecifiedTradeAllowanceCharge")
    else {
        return;
    };
    if !children(indicator, "Indicator").any(|i| text(i) == "true") {
        return;
    }
    let id = match charge.parent_element().map(|p| p.tag_name().name()) {
        Some("ApplicableHeaderTradeSettlement") => "BR-FXEXT-BR-38",
        Some("SpecifiedLineTradeSettlement") => "BR-FXEXT-BR-44",
        _ => return,
    };
    if child(charge, "Reason").is_none() && child(charge, "ReasonCode").is_none() {
        out.fire_at(id, span(indicator));
    }
}

/// BR-FXEXT-BR-54-1 and -2: an item attribute has a name or a code, and a
/// value or a measured value (with its unit), not both.
fn item_attribute(node: Node<'_, '_>, out: &mut Checker<'_>) {
    if child(node, "Description").is_none() && child(node, "TypeCode").is_none() {
        out.fire_at("BR-FXEXT-BR-54-1", span(node));
    }
    let value = child(node, "Value").is_some();
    let measures: Vec<_> = children(node, "ValueMeasure").collect();
    let measured = measures
        .iter()
        .any(|m| m.attribute("unitCode").is_some_and(|u| !u.is_empty()));
    if !((value && measures.is_empty()) || (!value && measured)) {
        out.fire_at("BR-FXEXT-BR-54-2", span(node));
    }
}

/// BR-FXEXT-CO-10, -11, -12, -13, -15, -16: the document totals of a
/// header settlement (the lines, allowances and charges collected once).
fn totals(settlement: Node<'_, '_>, out: &mut Checker<'_>) {
    let summations: Vec<_> = children(
        settlement,
        "SpecifiedTradeSettlementHeaderMonetarySummation",
    )
    .collect();
    if summations.is_empty() {
        return;
    }
    let lines: Vec<_> = settlement
        .parent_element()
        .map(|t| children(t, "IncludedSupplyChainTradeLineItem").collect())
        .unwrap_or_default();
    let detail: Vec<_> = lines
        .iter()
        .copied()
        .filter(|l| is_detail_line(*l))
        .collect();
    let line_total = sum_rounded(detail.iter().filter_map(|l| {
        path(
            *l,
            &[
                "SpecifiedLineTradeSettlement",
                "SpecifiedTradeSettlementLineMonetarySummation",
                "LineTotalAmount",
            ],
        )
        .next()
        .and_then(decimal)
    }));
    let indicator = |ac: &Node<'_, '_>, value: &str| {
        path(*ac, &["ChargeIndicator", "Indicator"]).any(|i| text(i) == value)
    };
    let allowances: Vec<_> = children(settlement, "SpecifiedTradeAllowanceCharge")
        .filter(|ac| indicator(ac, "false"))
        .collect();
    let charges: Vec<_> = children(settlement, "SpecifiedTradeAllowanceCharge")
        .filter(|ac| indicator(ac, "true"))
        .collect();
    let logistics: Vec<_> = children(settlement, "SpecifiedLogisticsServiceCharge").collect();
    let amounts = |nodes: &[Node<'_, '_>], name: &'static str| {
        sum_rounded(
            nodes
                .iter()
                .filter_map(|n| child(*n, name).and_then(decimal)),
        )
    };
    let allowance_sum = amounts(&allowances, "ActualAmount");
    let charge_sum = amounts(&charges, "ActualAmount") + amounts(&logistics, "AppliedAmount");
    let cent = Decimal::new(1, 2);
    let count = |n: usize| Decimal::from(u64::try_from(n).unwrap_or(u64::MAX));
    // Each summation, against what was collected once above.
    for summation in summations {
        let amount = |name: &'static str| child(summation, name).and_then(decimal);
        let fire = |out: &mut Checker<'_>, id: &'static str| out.fire_at(id, span(summation));

        // CO-10: the tolerance counts every line, the sum only the detail lines.
        let lines_ok = amount("LineTotalAmount")
            .is_some_and(|t| (t - line_total).abs() <= cent * count(lines.len()));
        if !lines_ok {
            fire(out, "BR-FXEXT-CO-10");
        }
        let allowance_ok = (allowances.is_empty() && amount("AllowanceTotalAmount").is_none())
            || amount("AllowanceTotalAmount")
                .is_some_and(|t| (t - allowance_sum).abs() <= cent * count(allowances.len()));
        if !allowance_ok {
            fire(out, "BR-FXEXT-CO-11");
        }
        let charge_ok = (charges.is_empty() && amount("ChargeTotalAmount").is_none())
            || amount("ChargeTotalAmount").is_some_and(|t| {
                (t - charge_sum).abs() <= cent * count(charges.len() + logistics.len())
            });
        if !charge_ok {
            fire(out, "BR-FXEXT-CO-12");
        }
        let tolerance =
            cent * count(detail.len() + allowances.len() + charges.len() + logistics.len());
        let bt109 = amount("TaxBasisTotalAmount");
        let basis_ok =
            bt109.is_some_and(|t| (t - line_total + allowance_sum - charge_sum).abs() <= tolerance);
        if !basis_ok {
            fire(out, "BR-FXEXT-CO-13");
        }
        // CO-15: BT-110 in the invoice currency, exactly once.
        let currency = child(settlement, "InvoiceCurrencyCode").map(text);
        let vat: Vec<_> = children(summation, "TaxTotalAmount")
            .filter(|t| currency.is_some() && t.attribute("currencyID") == currency)
            .collect();
        let bt110 = match vat.as_slice() {
            [one] => decimal(*one),
            _ => None,
        };
        let balanced = match (bt109, bt110, amount("GrandTotalAmount")) {
            (Some(bt109), Some(bt110), Some(bt112)) => (bt112 - bt110 - bt109).abs() <= tolerance,
            _ => false,
        };
        if !balanced {
            fire(out, "BR-FXEXT-CO-15");
        }
        // CO-16: the amount due, with the financial adjustments.
        let sum = |name: &'static str| {
            children(summation, name)
                .filter_map(decimal)
                .sum::<Decimal>()
        };
        let adjustments: Decimal = path(
            settlement,
            &["SpecifiedFinancialAdjustment", "ActualAmount"],
        )
        .filter_map(decimal)
        .sum();
        let due = sum("GrandTotalAmount") - sum("TotalPrepaidAmount")
            + sum("RoundingAmount")
            + adjustments;
        if amount("DuePayableAmount") != Some(due) {
            fire(out, "BR-FXEXT-CO-16");
        }
    }
}

/// BR-FXEXT-{S,Z,E,AE,IC,G,O,AF,AG}-01: a VAT category is in the VAT
/// breakdown (BG-23) exactly when a detail line, an allowance or charge (at
/// any level) or a logistics charge has it.
fn categories<'a>(root: Node<'a, '_>, out: &mut Checker<'_>) {
    let mut breakdown: Vec<&'a str> = Vec::new();
    let mut used: Vec<&'a str> = Vec::new();
    for node in root.descendants().filter(|n| n.is_element()) {
        let parent = node.parent_element().map(|p| p.tag_name().name());
        match (node.tag_name().name(), parent) {
            ("ApplicableTradeTax", Some("ApplicableHeaderTradeSettlement")) => {
                breakdown.extend(codes(node))
            }
            ("ApplicableTradeTax", Some("SpecifiedLineTradeSettlement")) => {
                let detail = node
                    .parent_element()
                    .and_then(|s| s.parent_element())
                    .is_some_and(is_detail_line);
                if detail {
                    used.extend(codes(node));
                }
            }
            ("CategoryTradeTax" | "AppliedTradeTax", _) => used.extend(codes(node)),
            _ => {}
        }
    }
    for (category, id) in CATEGORY_01 {
        let in_breakdown = breakdown.contains(category);
        let is_used = used.contains(category);
        if in_breakdown != is_used {
            out.fire_at(id, span(root));
        }
    }
}

/// The VAT category codes of a tax element.
fn codes<'a>(tax: Node<'a, '_>) -> impl Iterator<Item = &'a str> {
    children(tax, "CategoryCode").map(text)
}

/// A tax element's category, rate and exemption reason (text, code),
/// normalised as the `-08` rules compare them.
struct Tax<'a> {
    codes: Vec<&'a str>,
    rate: Option<Decimal>,
    reason: (String, String),
}

impl<'a> Tax<'a> {
    fn of(tax: Node<'a, '_>) -> Self {
        let reason = |name: &'static str| child(tax, name).map(|n| normalize_space(text(n)));
        Tax {
            codes: codes(tax).collect(),
            rate: child(tax, "RateApplicablePercent").and_then(decimal),
            reason: (
                reason("ExemptionReason").unwrap_or_default(),
                reason("ExemptionReasonCode").unwrap_or_default(),
            ),
        }
    }
}

/// What counts toward a breakdown: its amount and whether it has the
/// breakdown's category, rate (`None` for category O, which has none) and
/// exemption reason.
struct Item<'a> {
    amount: Option<Decimal>,
    tax: Option<Tax<'a>>,
}

impl<'a> Item<'a> {
    /// An allowance, charge or logistics charge: its amount and tax.
    fn of(node: Node<'a, '_>, amount: &'static str, tax: &'static str) -> Self {
        Item {
            amount: child(node, amount).and_then(decimal),
            tax: child(node, tax).map(Tax::of),
        }
    }

    /// Whether it counts, by category and rate (`ini`) or also by
    /// exemption reason (`rev`).
    fn counts(&self, code: &str, rate: Option<Decimal>, reason: Option<&(String, String)>) -> bool {
        self.tax.as_ref().is_some_and(|t| {
            t.codes.contains(&code)
                && rate.is_none_or(|r| t.rate == Some(r))
                && reason.is_none_or(|r| t.reason == *r)
        })
    }
}

/// XPath `xs:boolean` of a charge indicator.
fn indicator(node: Node<'_, '_>) -> Option<bool> {
    match path(node, &["ChargeIndicator", "Indicator"])
        .next()
        .map(|i| text(i).trim())
    {
        Some("true" | "1") => Some(true),
        Some("false" | "0") => Some(false),
        _ => None,
    }
}

/// BR-FXEXT-{S,Z,E,AE,IC,G,O,AF,AG}-08b, -08ini and -08rev, and
/// BR-FXEXT-S-09b, on each VAT breakdown (a header `ApplicableTradeTax`) of
/// a header settlement: the lines, allowances and charges are collected
/// once.
fn breakdowns<'a>(root: Node<'a, '_>, settlement: Node<'a, '_>, out: &mut Checker<'_>) {
    let lines: Vec<Item<'a>> = path(
        root,
        &[
            "SupplyChainTradeTransaction",
            "IncludedSupplyChainTradeLineItem",
        ],
    )
    .filter(|l| is_detail_line(*l))
    .filter_map(|l| child(l, "SpecifiedLineTradeSettlement"))
    .map(|s| Item {
        amount: path(
            s,
            &[
                "SpecifiedTradeSettlementLineMonetarySummation",
                "LineTotalAmount",
            ],
        )
        .next()
        .and_then(decimal),
        tax: child(s, "ApplicableTradeTax").map(Tax::of),
    })
    .collect();
    let allowances_charges: Vec<(Option<bool>, Item<'_>)> =
        children(settlement, "SpecifiedTradeAllowanceCharge")
            .map(|n| {
                (
                    indicator(n),
                    Item::of(n, "ActualAmount", "CategoryTradeTax"),
                )
            })
            .collect();
    let logistics: Vec<Item<'_>> = children(settlement, "SpecifiedLogisticsServiceCharge")
        .map(|n| Item::of(n, "AppliedAmount", "AppliedTradeTax"))
        .collect();
    // What counts toward a breakdown of category `code`, rate `rate` and,
    // for `rev`, exemption reason `reason`: the net amount (lines, minus
    // allowances, plus charges and logistics charges) and how many amounts.
    let tally = |code: &str, rate: Option<Decimal>, reason: Option<&(String, String)>| {
        let counts = |i: &Item<'_>| i.counts(code, rate, reason);
        let counted = |items: &[Item<'_>]| {
            let items: Vec<_> = items.iter().filter(|i| counts(i)).collect();
            (
                sum_rounded(items.iter().filter_map(|i| i.amount)),
                items.len(),
            )
        };
        let (line_sum, line_count) = counted(&lines);
        let by_kind = |charge: bool| {
            sum_rounded(
                allowances_charges
                    .iter()
                    .filter(|(c, i)| *c == Some(charge) && counts(i))
                    .filter_map(|(_, i)| i.amount),
            )
        };
        let ac_count = allowances_charges.iter().filter(|(_, i)| counts(i)).count();
        let (logistics_sum, logistics_count) = counted(&logistics);
        let net = line_sum - by_kind(false) + by_kind(true) + logistics_sum;
        let count = u64::try_from(line_count + ac_count + logistics_count).unwrap_or(u64::MAX);
        (net, Decimal::new(1, 2) * Decimal::from(count))
    };
    // Each VAT breakdown, against what was collected once above.
    for tax in children(settlement, "ApplicableTradeTax") {
        let header = Tax::of(tax);
        let basis = child(tax, "BasisAmount").and_then(decimal);
        let vat = children(tax, "TypeCode").any(|t| text(t).to_uppercase() == "VAT");
        for rule in CATEGORY_08
            .iter()
            .filter(|r| vat && header.codes.contains(&r.code))
        {
            // An absent rate (but for O) or taxable amount: the assertions fail.
            let rate = if rule.code == "O" { None } else { header.rate };
            let rated = header.rate.is_some() || rule.code == "O";
            let balanced = |reason: Option<&(String, String)>| {
                let (Some(basis), true) = (basis, rated) else {
                    return false;
                };
                let (net, tolerance) = tally(rule.code, rate, reason);
                (basis - net).abs() <= tolerance
            };
            let ini = balanced(None);
            let rev = balanced(Some(&header.reason));
            if !(ini || rev) {
                out.fire_at(rule.b, span(tax));
            }
            if !ini {
                out.fire_at(rule.ini, span(tax));
            }
            if !rev {
                out.fire_at(rule.rev, span(tax));
            }
        }
        // BR-FXEXT-S-09b: the VAT amount is the taxable amount times the rate,
        // within 0.01 per amount of the rate (by rate only, or also by
        // exemption reason: the former counts more amounts).
        if header.codes.contains(&"S") {
            let calculated = child(tax, "CalculatedAmount").and_then(decimal);
            let ok = match (header.rate, basis, calculated) {
                (Some(rate), Some(basis), Some(calculated)) => {
                    let expected =
                        (basis * rate + Decimal::new(5, 1)).floor() / Decimal::ONE_HUNDRED;
                    (calculated - expected).abs() <= tally("S", Some(rate), None).1
                }
                _ => false,
            };
            if !ok {
                out.fire_at("BR-FXEXT-S-09b", span(tax));
            }
        }
    }
}
