//! The code-list tables against the official artefacts' compiled XSLTs: each
//! table must equal the list its rules test, and every list the XSLTs test
//! must be in some table.

mod common;

use facture::rules::codelist::{ARTEFACTS_VERSION, CodeList, Matching};
use std::collections::BTreeMap;

const XSL: &str = "http://www.w3.org/1999/XSL/Transform";
const SVRL: &str = "http://purl.oclc.org/dsdl/svrl";

/// Rule id → the test of its assert, for one compiled XSLT.
fn asserts(xslt: &str) -> BTreeMap<String, String> {
    let doc = facture::syntax::tree::Document::parse(xslt).expect("the XSLT parses");
    let mut out = BTreeMap::new();
    for choose in doc
        .descendants()
        .filter(|n| n.has_tag_name((XSL, "choose")))
    {
        let when = choose.children().find(|n| n.has_tag_name((XSL, "when")));
        let other = choose
            .children()
            .find(|n| n.has_tag_name((XSL, "otherwise")));
        let (Some(when), Some(other)) = (when, other) else {
            continue;
        };
        let Some(failed) = other
            .children()
            .find(|n| n.has_tag_name((SVRL, "failed-assert")))
        else {
            continue;
        };
        let id = failed
            .children()
            .find(|n| n.has_tag_name((XSL, "attribute")) && n.attribute("name") == Some("id"))
            .and_then(|n| n.text());
        if let (Some(id), Some(test)) = (id, when.attribute("test")) {
            out.insert(id.to_owned(), test.to_owned());
        }
    }
    out
}

/// The code-list literals of a test: quoted strings that start and end with
/// a space and hold something between; for a chain of `@mimeCode = '…'`, the
/// compared values joined the same way.
fn literals(test: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut mime = Vec::new();
    let mut rest = test;
    let mut before = "";
    while let Some(start) = rest.find('\'') {
        let Some(len) = rest[start + 1..].find('\'') else {
            break;
        };
        let lit = &rest[start + 1..start + 1 + len];
        let prefix = format!("{before}{}", &rest[..start]);
        if prefix
            .trim_end()
            .trim_end_matches('=')
            .trim_end()
            .ends_with("@mimeCode")
        {
            mime.push(lit.to_owned());
        } else if lit.len() > 2 && lit.starts_with(' ') && lit.ends_with(' ') {
            out.push(lit.to_owned());
        }
        before = "";
        rest = &rest[start + len + 2..];
    }
    if !mime.is_empty() {
        out.push(format!(" {} ", mime.join(" ")));
    }
    out
}

#[test]
fn tables_equal_the_lists_of_the_xslts() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let base = shared.join("en16931");
    let mut claimed = 0;
    let mut seen = 0;
    for (syntax, rel) in [
        ("ubl", "ubl/xslt/EN16931-UBL-validation.xslt"),
        ("cii", "cii/xslt/EN16931-CII-validation.xslt"),
    ] {
        let text = std::fs::read_to_string(base.join(rel)).expect("the XSLT is readable");
        assert!(
            text.contains(&format!("Schematron version {ARTEFACTS_VERSION} ")),
            "{rel} is not release {ARTEFACTS_VERSION}: re-run tools/codelist-gen"
        );
        let tests = asserts(&text);
        let uses = |list: CodeList| match syntax {
            "ubl" => list.artefact().ubl(),
            _ => list.artefact().cii(),
        };
        // Every table is in every test of its rules, with its semantics.
        for &list in CodeList::ALL.iter().filter(|&&l| uses(l)) {
            for rule in list.rules() {
                let test = tests
                    .get(*rule)
                    .unwrap_or_else(|| panic!("{syntax} has no {rule}"));
                assert!(
                    literals(test).iter().any(|l| l == list.literal()),
                    "{syntax} {rule}: {list:?} differs from the XSLT list"
                );
                // BR-CO-09 and UBL BR-CL-08 test substrings, not tokens: see
                // CodeList::xpath_contains and xpath_contains_padded.
                let substring = matches!(
                    list,
                    CodeList::VatPrefixUbl | CodeList::VatPrefixCii | CodeList::TextSubjectUbl
                );
                let ok = match list.matching() {
                    Matching::Token if substring => !test.contains("normalize-space"),
                    Matching::Token => {
                        test.contains("normalize-space") && !test.contains("upper-case(")
                    }
                    Matching::TokenUpperCase => test.contains("normalize-space(upper-case(.))"),
                    Matching::Exact => test.contains("@mimeCode =") && !test.contains("normalize"),
                };
                assert!(
                    ok,
                    "{syntax} {rule}: {list:?} is not matched as the XSLT does"
                );
            }
        }
        // Every list of the XSLT is some table's.
        for (rule, test) in &tests {
            for lit in literals(test) {
                seen += 1;
                let owner = CodeList::ALL.iter().find(|&&l| {
                    uses(l) && l.rules().contains(&rule.as_str()) && l.literal() == lit
                });
                assert!(
                    owner.is_some(),
                    "{syntax} {rule} tests a list no CodeList holds: {}…",
                    &lit[..lit.len().min(60)]
                );
                claimed += 1;
            }
        }
    }
    // 25 rules with lists in UBL (BR-CL-01 and BR-CL-10 with two), 24 in CII.
    assert_eq!(claimed, seen);
    assert!(
        seen >= 49,
        "only {seen} lists found: did the XSLT parsing break?"
    );
}

#[test]
fn ubl_and_cii_variants_differ_as_documented() {
    let diff = |a: CodeList, b: CodeList| -> (Vec<&str>, Vec<&str>) {
        let only_a = a.codes().iter().filter(|c| !b.contains(c));
        let only_b = b.codes().iter().filter(|c| !a.contains(c));
        (only_a.collect(), only_b.collect())
    };
    assert_eq!(
        diff(CodeList::CountryUbl, CodeList::CountryCii),
        (vec!["SS"], vec!["AN"])
    );
    assert_eq!(
        diff(CodeList::VatPrefixUbl, CodeList::CountryUbl),
        (vec!["EL"], vec![])
    );
    assert_eq!(
        diff(CodeList::VatPrefixCii, CodeList::CountryCii),
        (vec!["EL"], vec![])
    );
    let (ubl_only, cii_only) = diff(CodeList::TextSubjectUbl, CodeList::TextSubjectCii);
    assert!(ubl_only.is_empty());
    assert_eq!(cii_only.len(), 18);
    // CII's document types are the union of UBL's invoice and credit note types.
    let mut union: Vec<&str> = CodeList::InvoiceTypeUbl
        .codes()
        .iter()
        .chain(CodeList::CreditNoteTypeUbl.codes())
        .collect();
    union.sort_unstable();
    union.dedup();
    assert_eq!(union, CodeList::DocumentTypeCii.codes().to_vec());
}
