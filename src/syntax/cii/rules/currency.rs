//! BR-CL-03 in CII: the `currencyID` of every `ram:TaxTotalAmount` is an
//! ISO 4217 code. A code-list rule, but on an attribute the model does not
//! keep (it holds the currency of BT-111 only), so it is checked on the
//! tree, as the artefact does (context `ram:TaxTotalAmount[@currencyID]`).

use crate::model::Span;
use crate::rules::codelist::CodeList;
use crate::rules::engine::{Checker, SyntaxFamily};
use crate::syntax::CII_NS;

const RAM: &str =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

/// BR-CL-03 on CII documents.
pub(crate) const FAMILY: SyntaxFamily = SyntaxFamily {
    syntax: "cii",
    ids: &["BR-CL-03"],
    replaces: &[],
    check,
};

fn check(doc: &crate::syntax::tree::Document<'_>, out: &mut Checker) {
    if !doc
        .root_element()
        .has_tag_name((CII_NS, "CrossIndustryInvoice"))
    {
        return;
    }
    for node in doc
        .descendants()
        .filter(|n| n.has_tag_name((RAM, "TaxTotalAmount")))
    {
        if let Some(currency) = node.attribute("currencyID")
            && !CodeList::Currency.contains(currency)
        {
            out.fire_at("BR-CL-03", Span::new(node.range()));
        }
    }
}

#[cfg(test)]
mod tests {
    fn fired(currency: &str) -> bool {
        let xml = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/cii-invoice.xml"
        ))
        .unwrap()
        .replacen(
            "<ram:TaxTotalAmount currencyID=\"EUR\">",
            &format!("<ram:TaxTotalAmount currencyID=\"{currency}\">"),
            1,
        );
        assert!(xml.contains(&format!("currencyID=\"{currency}\"")));
        let report = crate::validate_bytes(xml.as_bytes(), &crate::Profile::En16931).unwrap();
        report.findings.iter().any(|f| f.rule == "BR-CL-03")
    }

    #[test]
    fn tax_total_currency_must_be_iso_4217() {
        assert!(!fired("EUR"));
        assert!(fired("EURO"));
        assert!(fired("eur"));
        assert!(fired(""));
    }
}
