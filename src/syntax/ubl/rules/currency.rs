//! BR-CL-03 in UBL: the `currencyID` of every amount is an ISO 4217 code.
//! A code-list rule, but on an attribute the model does not keep (it holds
//! the currency of BT-111 only), so it is checked on the tree, on the
//! artefact's context: `cbc:Amount | cbc:BaseAmount | cbc:PriceAmount |
//! cbc:TaxAmount | cbc:TaxableAmount | cbc:LineExtensionAmount |
//! cbc:TaxExclusiveAmount | cbc:TaxInclusiveAmount | cbc:AllowanceTotalAmount
//! | cbc:ChargeTotalAmount | cbc:PrepaidAmount | cbc:PayableRoundingAmount |
//! cbc:PayableAmount`. An amount without `currencyID` fails too (the
//! normalised empty value is not in the list), as it does officially.

use crate::model::Span;
use crate::rules::codelist::CodeList;
use crate::rules::engine::{Checker, SyntaxFamily};

const CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

const AMOUNTS: &[&str] = &[
    "Amount",
    "BaseAmount",
    "PriceAmount",
    "TaxAmount",
    "TaxableAmount",
    "LineExtensionAmount",
    "TaxExclusiveAmount",
    "TaxInclusiveAmount",
    "AllowanceTotalAmount",
    "ChargeTotalAmount",
    "PrepaidAmount",
    "PayableRoundingAmount",
    "PayableAmount",
];

/// BR-CL-03 on UBL documents.
pub(crate) const FAMILY: SyntaxFamily = SyntaxFamily {
    syntax: "ubl",
    ids: &["BR-CL-03"],
    replaces: &[],
    check,
};

fn check(doc: &crate::syntax::tree::Document<'_>, out: &mut Checker) {
    for node in doc.descendants().filter(|n| {
        n.is_element()
            && n.tag_name().namespace() == Some(CBC)
            && AMOUNTS.contains(&n.tag_name().name())
    }) {
        if !CodeList::Currency.contains(node.attribute("currencyID").unwrap_or("")) {
            out.fire_at("BR-CL-03", Span::new(node.range()));
        }
    }
}

#[cfg(test)]
mod tests {
    fn fired(replace: &str, with: &str) -> bool {
        let xml = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/ubl-invoice.xml"
        ))
        .unwrap();
        assert!(xml.contains(replace));
        let xml = xml.replacen(replace, with, 1);
        let report = crate::validate_bytes(xml.as_bytes(), &crate::Profile::En16931).unwrap();
        report.findings.iter().any(|f| f.rule == "BR-CL-03")
    }

    #[test]
    fn every_amount_currency_must_be_iso_4217() {
        assert!(!fired(
            "<cbc:PayableAmount currencyID=\"EUR\">",
            "<cbc:PayableAmount currencyID=\"EUR\">"
        ));
        assert!(fired(
            "<cbc:PayableAmount currencyID=\"EUR\">",
            "<cbc:PayableAmount currencyID=\"XYZ\">"
        ));
        assert!(fired(
            "<cbc:PayableAmount currencyID=\"EUR\">",
            "<cbc:PayableAmount>"
        ));
        assert!(fired(
            "<cbc:PayableAmount currencyID=\"EUR\">",
            "<cbc:PayableAmount currencyID=\" E UR\">"
        ));
    }
}
