//! The CII syntax rules whose tests are not a plain `not(path)` or
//! `count(path)`: each function takes the rule's context node and returns
//! `true` when the official assertion fails (the rule fires). The official
//! test is written above each function.

use super::path::{RAM, RSM, UDT, children, is, string_value};
use crate::rules::xpath::normalize_space;
use crate::syntax::tree::Node;

/// `exists(node/ram:a/ram:b)`.
fn exists2(node: Node<'_, '_>, a: &'static str, b: &'static str) -> bool {
    children(node, RAM, a).any(|x| children(x, RAM, b).next().is_some())
}

/// `exists(node/ram:a)`.
fn has(node: Node<'_, '_>, a: &'static str) -> bool {
    children(node, RAM, a).next().is_some()
}

/// `ram:TypeCode = 'v'` for one of `values`, compared as written (a general
/// comparison of untyped text with a string).
fn type_code_in(node: Node<'_, '_>, values: &[&str]) -> bool {
    children(node, RAM, "TypeCode").any(|c| values.contains(&&*string_value(c)))
}

/// `normalize-space(ram:a)` of the first `ram:a` child ('' without one).
fn normalized_child(node: Node<'_, '_>, a: &'static str) -> String {
    children(node, RAM, a)
        .next()
        .map(|c| normalize_space(&string_value(c)))
        .unwrap_or_default()
}

/// Casts untyped text to `xs:boolean` as a general comparison with
/// `false()` does (`None` where the cast fails: the official artefact
/// stops with a dynamic error there).
fn xs_boolean(text: &str) -> Option<bool> {
    match normalize_space(text).as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// `not(ram:GlobalID) or (ram:GlobalID/@schemeID)`
pub(super) fn sr_046(node: Node<'_, '_>) -> bool {
    let mut ids = children(node, RAM, "GlobalID").peekable();
    ids.peek().is_some() && !ids.any(|g| g.has_attribute("schemeID"))
}

/// `not (ram:OriginTradeCountry) or (count(ram:OriginTradeCountry/ram:ID) =1)`
pub(super) fn sr_090(node: Node<'_, '_>) -> bool {
    has(node, "OriginTradeCountry")
        && children(node, RAM, "OriginTradeCountry")
            .flat_map(|c| children(c, RAM, "ID"))
            .count()
            != 1
}

/// `(G/A/ram:ChargeIndicator[udt:Indicator=false()] and G/A/ram:ActualAmount)
/// or (not(G/A/ram:ChargeIndicator) and not(G/A/ram:ActualAmount))` with
/// `G/A` = `ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge`.
pub(super) fn sr_119(node: Node<'_, '_>) -> bool {
    let charges = || {
        children(node, RAM, "GrossPriceProductTradePrice")
            .flat_map(|g| children(g, RAM, "AppliedTradeAllowanceCharge"))
    };
    let indicators = || charges().flat_map(|c| children(c, RAM, "ChargeIndicator"));
    let has_indicator = indicators().next().is_some();
    let has_amount = charges().any(|c| has(c, "ActualAmount"));
    let allowance = indicators().any(|i| {
        children(i, UDT, "Indicator").any(|x| xs_boolean(&string_value(x)) == Some(false))
    });
    let holds = (allowance && has_amount) || (!has_indicator && !has_amount);
    !holds
}

/// `(not(P/ram:ID) and P/ram:GlobalID) or (P/ram:ID and not(P/ram:GlobalID))
/// or (not(P/ram:ID) and not(P/ram:GlobalID))`, i.e. `not(P/ram:ID and
/// P/ram:GlobalID)`.
fn id_xor_global_id(node: Node<'_, '_>, party: &'static str) -> bool {
    exists2(node, party, "ID") && exists2(node, party, "GlobalID")
}

/// CII-SR-449 on `ram:ShipToTradeParty`.
pub(super) fn sr_449(node: Node<'_, '_>) -> bool {
    id_xor_global_id(node, "ShipToTradeParty")
}

/// CII-SR-450 on `ram:BuyerTradeParty`.
pub(super) fn sr_450(node: Node<'_, '_>) -> bool {
    id_xor_global_id(node, "BuyerTradeParty")
}

/// CII-SR-451 on `ram:PayeeTradeParty`.
pub(super) fn sr_451(node: Node<'_, '_>) -> bool {
    id_xor_global_id(node, "PayeeTradeParty")
}

/// `not(P/ram:DefinedTradeContact/ram:PersonName and
/// P/ram:DefinedTradeContact/ram:DepartmentName)` (the two may be in
/// different contacts).
fn person_and_department(node: Node<'_, '_>, party: &'static str) -> bool {
    let contacts =
        || children(node, RAM, party).flat_map(|p| children(p, RAM, "DefinedTradeContact"));
    contacts().any(|c| has(c, "PersonName")) && contacts().any(|c| has(c, "DepartmentName"))
}

/// CII-SR-465 on `ram:SellerTradeParty`.
pub(super) fn sr_465(node: Node<'_, '_>) -> bool {
    person_and_department(node, "SellerTradeParty")
}

/// CII-SR-466 on `ram:BuyerTradeParty`.
pub(super) fn sr_466(node: Node<'_, '_>) -> bool {
    person_and_department(node, "BuyerTradeParty")
}

/// The elements `//ram:parent/ram:child` of the whole document, in document
/// order.
fn anywhere<'a, 'i>(
    node: Node<'a, 'i>,
    parent: &'static str,
    child: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> + use<'a, 'i> {
    node.document()
        .root()
        .descendants()
        .filter(move |n| is(*n, RAM, child) && n.parent().is_some_and(|p| is(p, RAM, parent)))
}

/// `count(//ram:ApplicableTradeTax/ram:DueDateTypeCode) = 0 or
/// count(distinct-values(//ram:ApplicableTradeTax/ram:DueDateTypeCode)) = 1`
/// (values compared as written).
pub(super) fn sr_462(node: Node<'_, '_>) -> bool {
    let mut codes = anywhere(node, "ApplicableTradeTax", "DueDateTypeCode").map(string_value);
    match codes.next() {
        None => false,
        Some(first) => codes.any(|c| c != first),
    }
}

/// `count(//ram:SpecifiedTradeSettlementPaymentMeans/ram:X[normalize-space(.)
/// != normalize-space((//ram:SpecifiedTradeSettlementPaymentMeans/ram:X)[1])]) = 0`
fn all_payment_means_agree_on(node: Node<'_, '_>, x: &'static str) -> bool {
    let mut values = anywhere(node, "SpecifiedTradeSettlementPaymentMeans", x)
        .map(|n| normalize_space(&string_value(n)));
    match values.next() {
        None => false,
        Some(first) => values.any(|v| v != first),
    }
}

/// CII-SR-467: every payment means has the type code of the first.
pub(super) fn sr_467(node: Node<'_, '_>) -> bool {
    all_payment_means_agree_on(node, "TypeCode")
}

/// CII-SR-468: every payment means has the information text of the first.
pub(super) fn sr_468(node: Node<'_, '_>) -> bool {
    all_payment_means_agree_on(node, "Information")
}

/// `count(//ram:ApplicableHeaderTradeSettlement/ram:PaymentReference) <= 1`
pub(super) fn sr_469(node: Node<'_, '_>) -> bool {
    anywhere(node, "ApplicableHeaderTradeSettlement", "PaymentReference")
        .nth(1)
        .is_some()
}

/// `count(ram:SpecifiedTradeSettlementPaymentMeans[(normalize-space(ram:TypeCode)
/// = '30' or normalize-space(ram:TypeCode) = '58') and
/// not(ram:PayeePartyCreditorFinancialAccount/ram:IBANID or
/// ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID)]) = 0`
pub(super) fn sr_470(node: Node<'_, '_>) -> bool {
    children(node, RAM, "SpecifiedTradeSettlementPaymentMeans").any(|m| {
        let code = normalized_child(m, "TypeCode");
        (code == "30" || code == "58")
            && !(exists2(m, "PayeePartyCreditorFinancialAccount", "IBANID")
                || exists2(m, "PayeePartyCreditorFinancialAccount", "ProprietaryID"))
    })
}

/// `not(ram:X) or (self::ram:AdditionalReferencedDocument and ram:TypeCode='v')`
fn only_on_additional_document(node: Node<'_, '_>, x: &'static str, code: &str) -> bool {
    has(node, x) && !(is(node, RAM, "AdditionalReferencedDocument") && type_code_in(node, &[code]))
}

/// `not(ram:URIID) or (self::ram:AdditionalReferencedDocument and ram:TypeCode='916')`
pub(super) fn dt_015(node: Node<'_, '_>) -> bool {
    only_on_additional_document(node, "URIID", "916")
}

/// `not(ram:TypeCode) or (self::ram:AdditionalReferencedDocument) and
/// (ram:TypeCode='50' or ram:TypeCode='130' or ram:TypeCode='916')`
pub(super) fn dt_018(node: Node<'_, '_>) -> bool {
    has(node, "TypeCode")
        && !(is(node, RAM, "AdditionalReferencedDocument")
            && type_code_in(node, &["50", "130", "916"]))
}

/// `not(ram:Name) or (self::ram:AdditionalReferencedDocument and ram:TypeCode='916')`
pub(super) fn dt_021(node: Node<'_, '_>) -> bool {
    only_on_additional_document(node, "Name", "916")
}

/// `not(ram:AttachmentBinaryObject) or (self::ram:AdditionalReferencedDocument
/// and ram:TypeCode='916')`
pub(super) fn dt_022(node: Node<'_, '_>) -> bool {
    only_on_additional_document(node, "AttachmentBinaryObject", "916")
}

/// `not(ram:ReferenceTypeCode) or (self::ram:AdditionalReferencedDocument and
/// ram:TypeCode='130')`
pub(super) fn dt_024(node: Node<'_, '_>) -> bool {
    only_on_additional_document(node, "ReferenceTypeCode", "130")
}

/// `not(ram:FormattedIssueDateTime) or self::ram:InvoiceReferencedDocument`
pub(super) fn dt_027(node: Node<'_, '_>) -> bool {
    has(node, "FormattedIssueDateTime") && !is(node, RAM, "InvoiceReferencedDocument")
}

/// `not(@unitCode) or (/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/
/// ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery/
/// ram:BilledQuantity/@unitCode)`
pub(super) fn dt_033(node: Node<'_, '_>) -> bool {
    if !node.has_attribute("unitCode") {
        return false;
    }
    let root = node.document().root();
    let billed_with_unit = children(root, RSM, "CrossIndustryInvoice")
        .flat_map(|n| children(n, RSM, "SupplyChainTradeTransaction"))
        .flat_map(|n| children(n, RAM, "IncludedSupplyChainTradeLineItem"))
        .flat_map(|n| children(n, RAM, "SpecifiedLineTradeDelivery"))
        .flat_map(|n| children(n, RAM, "BilledQuantity"))
        .any(|q| q.has_attribute("unitCode"));
    !billed_with_unit
}

/// `not(ram:TypeCode) or (ram:TypeCode = 'VAT')`
pub(super) fn dt_037(node: Node<'_, '_>) -> bool {
    has(node, "TypeCode") && !type_code_in(node, &["VAT"])
}

/// `not(ram:X) or (ancestor::ram:ApplicableHeaderTradeSettlement)`
fn only_in_header_settlement(node: Node<'_, '_>, x: &'static str) -> bool {
    has(node, x)
        && !node
            .ancestors()
            .skip(1)
            .any(|a| is(a, RAM, "ApplicableHeaderTradeSettlement"))
}

/// `not(ram:BasisAmount) or (ancestor::ram:ApplicableHeaderTradeSettlement)`
pub(super) fn dt_041(node: Node<'_, '_>) -> bool {
    only_in_header_settlement(node, "BasisAmount")
}

/// `not(ram:TaxPointDate) or (ancestor::ram:ApplicableHeaderTradeSettlement)`
pub(super) fn dt_054(node: Node<'_, '_>) -> bool {
    only_in_header_settlement(node, "TaxPointDate")
}

/// `not(ram:DueDateTypeCode) or (ancestor::ram:ApplicableHeaderTradeSettlement)`
pub(super) fn dt_058(node: Node<'_, '_>) -> bool {
    only_in_header_settlement(node, "DueDateTypeCode")
}

/// `not(ram:ExemptionReasonCode) or self::ram:ApplicableTradeTax`
pub(super) fn dt_052(node: Node<'_, '_>) -> bool {
    has(node, "ExemptionReasonCode") && !is(node, RAM, "ApplicableTradeTax")
}

/// `not(ram:ExemptionReason) or self::ram:ApplicableTradeTax`
pub(super) fn dt_098(node: Node<'_, '_>) -> bool {
    has(node, "ExemptionReason") && !is(node, RAM, "ApplicableTradeTax")
}

/// `matches(.,'^\s*(\d{4})(1[0-2]|0[1-9]){1}(3[01]|[12][0-9]|0[1-9]){1}\s*$')`
/// on `udt:DateTimeString[@format = '102']`.
pub(super) fn dt_097(node: Node<'_, '_>) -> bool {
    !is_date_102(&string_value(node))
}

/// The regular expression of CII-DT-097: optional XML whitespace, four
/// decimal digits (`\d` is any Unicode decimal digit), a month `01`–`12`, a
/// day `01`–`31`, optional XML whitespace.
pub(super) fn is_date_102(text: &str) -> bool {
    let s = text.trim_matches([' ', '\t', '\n', '\r']);
    let c: Vec<char> = s.chars().collect();
    let [y0, y1, y2, y3, m0, m1, d0, d1] = c.as_slice() else {
        return false;
    };
    let month = matches!((m0, m1), ('1', '0'..='2') | ('0', '1'..='9'));
    let day = matches!(
        (d0, d1),
        ('3', '0' | '1') | ('1' | '2', '0'..='9') | ('0', '1'..='9')
    );
    [y0, y1, y2, y3].iter().all(|c| is_decimal_digit(**c)) && month && day
}

/// The first code point of each run of ten Unicode decimal digits (general
/// category Nd, Unicode 14).
const DIGIT_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// XML Schema regular expressions' `\d`: a Unicode decimal digit.
fn is_decimal_digit(c: char) -> bool {
    let c = u32::from(c);
    DIGIT_ZEROS.iter().any(|z| (*z..z + 10).contains(&c))
}
