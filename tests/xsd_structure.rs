//! The structural check (`XSD-*` rules, `rules/xsd.toml`): every catalogued
//! rule fires on a document of ours that breaks it and on none of the valid
//! documents, with line, column, path and a message that says what was
//! expected; it runs by default in `validate_bytes`, can be turned off, and
//! still reports when the model cannot be read. The places where libxml2
//! departs from XML Schema 1.0 (and facture follows the recommendation) are
//! pinned here against `xmllint`.

mod common;

use facture::rules::{ValidateOptions, Verdict};
use facture::syntax::xsd::{self, Rule};
use std::collections::BTreeSet;

#[derive(serde::Deserialize)]
struct Catalogue {
    rule: Vec<Entry>,
}

#[derive(serde::Deserialize)]
struct Entry {
    id: String,
    syntax: String,
    flag: String,
    kind: String,
    en: String,
    fr: String,
}

fn example(name: &str) -> String {
    std::fs::read_to_string(common::repo_file(&format!("examples/{name}"))).expect("example")
}

fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} is not in the document");
    text.replacen(from, to, 1)
}

/// A CPPFacturePivot of ours: the UBL example written as a pivot.
fn pivot() -> String {
    let doc = facture::read(example("ubl-invoice.xml").as_bytes()).expect("readable");
    let written = facture::write(&doc.invoice, facture::Target::CppPivot).expect("written");
    String::from_utf8(written.xml).expect("UTF-8")
}

fn statut() -> String {
    std::fs::read_to_string(common::repo_file("tests/fixtures/cpp-statut/factures.xml"))
        .expect("fixture")
}

/// The structural violations of a document.
fn violations(text: &str) -> Vec<xsd::Violation> {
    let doc = facture::syntax::tree::Document::parse(text).expect("well-formed");
    xsd::check(&doc, text).expect("a schema").violations
}

/// (rule, what the case does, the broken document, a phrase of the English detail).
fn cases() -> Vec<(Rule, &'static str, String, &'static str)> {
    let ubl = example("ubl-invoice.xml");
    let cii = example("cii-invoice.xml");
    let pivot = pivot();
    vec![
        (
            Rule::Order,
            "UBL: DueDate before IssueDate",
            edit(
                &ubl,
                "<cbc:ID>FA-2026-00042</cbc:ID>",
                "<cbc:ID>FA-2026-00042</cbc:ID><cbc:DueDate>2026-04-30</cbc:DueDate>",
            ),
            "expected cbc:CopyIndicator, cbc:UUID or cbc:IssueDate after cbc:ID, found cbc:DueDate",
        ),
        (
            Rule::Order,
            "CII: ExchangedDocument before its context",
            {
                let context_end = cii
                    .find("</rsm:ExchangedDocumentContext>")
                    .expect("context")
                    + "</rsm:ExchangedDocumentContext>".len();
                let context_start = cii.find("<rsm:ExchangedDocumentContext>").expect("context");
                let doc_end = cii.find("</rsm:ExchangedDocument>").expect("document")
                    + "</rsm:ExchangedDocument>".len();
                let doc_start = cii.find("<rsm:ExchangedDocument>").expect("document");
                format!(
                    "{}{}{}{}",
                    &cii[..context_start],
                    &cii[doc_start..doc_end],
                    &cii[context_start..context_end],
                    &cii[doc_end..]
                )
            },
            "expected rsm:ExchangedDocumentContext at the start of rsm:CrossIndustryInvoice, found rsm:ExchangedDocument",
        ),
        (
            Rule::Cardinality,
            "UBL: IssueDate missing",
            edit(&ubl, "<cbc:IssueDate>2026-03-31</cbc:IssueDate>", ""),
            "cbc:IssueDate is missing after cbc:ID, found cbc:DueDate",
        ),
        (
            Rule::Cardinality,
            "UBL: DueDate twice",
            edit(
                &ubl,
                "<cbc:DueDate>2026-04-30</cbc:DueDate>",
                "<cbc:DueDate>2026-04-30</cbc:DueDate><cbc:DueDate>2026-04-30</cbc:DueDate>",
            ),
            "cbc:DueDate occurs more than 1 time(s) in Invoice",
        ),
        (
            Rule::Cardinality,
            "CII: no trade transaction",
            {
                let start = cii
                    .find("<rsm:SupplyChainTradeTransaction>")
                    .expect("transaction");
                let end = cii
                    .find("</rsm:SupplyChainTradeTransaction>")
                    .expect("transaction")
                    + "</rsm:SupplyChainTradeTransaction>".len();
                format!("{}{}", &cii[..start], &cii[end..])
            },
            "rsm:CrossIndustryInvoice is incomplete: expected rsm:SupplyChainTradeTransaction",
        ),
        (
            Rule::Unknown,
            "UBL: an element no schema declares",
            edit(
                &ubl,
                "<cbc:DueDate>",
                "<cbc:Urgency>high</cbc:Urgency><cbc:DueDate>",
            ),
            "cbc:Urgency is not allowed in Invoice",
        ),
        (
            Rule::Unknown,
            "UBL: an attribute the type does not have",
            edit(&ubl, "<cbc:DueDate>", "<cbc:DueDate format=\"102\">"),
            "attribute format is not allowed on cbc:DueDate",
        ),
        (
            Rule::Attribute,
            "UBL: amount without currencyID",
            edit(
                &ubl,
                "<cbc:TaxAmount currencyID=\"EUR\">276.25</cbc:TaxAmount>",
                "<cbc:TaxAmount>276.25</cbc:TaxAmount>",
            ),
            "cbc:TaxAmount must have the attribute currencyID",
        ),
        (
            Rule::Datatype,
            "UBL: a decimal comma",
            edit(
                &ubl,
                "<cbc:TaxAmount currencyID=\"EUR\">276.25</cbc:TaxAmount>",
                "<cbc:TaxAmount currencyID=\"EUR\">276,25</cbc:TaxAmount>",
            ),
            "cbc:TaxAmount: '276,25' is not a valid xs:decimal",
        ),
        (
            Rule::Datatype,
            "UBL: 30 February",
            edit(
                &ubl,
                "<cbc:DueDate>2026-04-30</cbc:DueDate>",
                "<cbc:DueDate>2026-02-30</cbc:DueDate>",
            ),
            "cbc:DueDate: '2026-02-30' is not a valid xs:date",
        ),
        (
            Rule::Datatype,
            "CII: an amount with a thousands separator",
            edit(
                &cii,
                "<ram:GrandTotalAmount>937.73</ram:GrandTotalAmount>",
                "<ram:GrandTotalAmount>1 937.73</ram:GrandTotalAmount>",
            ),
            "ram:GrandTotalAmount: '1 937.73' is not a valid xs:decimal",
        ),
        (
            Rule::Facet,
            "pivot: a currency outside the pattern",
            edit(&pivot, "<Devise>EUR</Devise>", "<Devise>eur</Devise>"),
            "Devise: 'eur' does not match the pattern [A-Z][A-Z][A-Z]",
        ),
        (
            Rule::Facet,
            "CPPStatut: a code outside the enumeration",
            edit(
                &statut(),
                "<TypeIdentifiant>1</TypeIdentifiant>",
                "<TypeIdentifiant>9</TypeIdentifiant>",
            ),
            "is not one of the allowed values",
        ),
        (
            Rule::Namespace,
            "UBL: ID in the aggregate namespace",
            edit(
                &ubl,
                "<cbc:ID>FA-2026-00042</cbc:ID>",
                "<cac:ID>FA-2026-00042</cac:ID>",
            ),
            "cac:ID is in the namespace",
        ),
        (
            Rule::Content,
            "UBL: text between elements",
            edit(&ubl, "<cac:InvoicePeriod>", "<cac:InvoicePeriod>mars"),
            "cac:InvoicePeriod may only contain elements, found text",
        ),
        (
            Rule::Content,
            "UBL: an element inside a value",
            edit(
                &ubl,
                "<cbc:DueDate>2026-04-30</cbc:DueDate>",
                "<cbc:DueDate><cbc:Date>2026-04-30</cbc:Date></cbc:DueDate>",
            ),
            "cbc:DueDate holds a value and may not contain elements",
        ),
    ]
}

#[test]
fn the_catalogue_lists_exactly_the_rules_the_checker_fires() {
    let text = std::fs::read_to_string(common::repo_file("rules/xsd.toml")).expect("catalogue");
    let catalogue: Catalogue = toml::from_str(&text).expect("TOML");
    let ids: Vec<&str> = catalogue.rule.iter().map(|r| r.id.as_str()).collect();
    let implemented: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    assert_eq!(
        ids, implemented,
        "rules/xsd.toml and xsd::Rule::ALL, in order"
    );
    for r in &catalogue.rule {
        assert_eq!(
            (r.syntax.as_str(), r.flag.as_str(), r.kind.as_str()),
            ("any", "fatal", "syntax"),
            "{}",
            r.id
        );
        assert!(
            !r.en.trim().is_empty() && !r.fr.trim().is_empty(),
            "{}",
            r.id
        );
        let compiled = facture::rules::catalogue::rule(&r.id).expect("compiled in");
        assert_eq!(compiled.set(), "xsd");
    }
    // Every rule has a case that fires it.
    let fired: BTreeSet<Rule> = cases().into_iter().map(|(rule, ..)| rule).collect();
    for rule in Rule::ALL {
        assert!(fired.contains(&rule), "no case fires {}", rule.id());
    }
}

#[test]
fn each_rule_fires_on_its_case_with_what_was_expected() {
    for (rule, what, text, phrase) in cases() {
        let found = violations(&text);
        assert_eq!(
            found.iter().map(|v| v.rule).collect::<Vec<_>>(),
            vec![rule],
            "{what}: {found:?}"
        );
        let v = &found[0];
        assert!(v.en.contains(phrase), "{what}: {:?} lacks {phrase:?}", v.en);
        assert!(
            !v.fr.is_empty() && v.fr != v.en,
            "{what}: French {:?}",
            v.fr
        );
        // Through validate_bytes: a fatal finding with line, column and path.
        if !text.contains("<CPPStatut") {
            let report = facture::validate_bytes(text.as_bytes(), &facture::Profile::En16931)
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            let f = report
                .findings
                .first()
                .unwrap_or_else(|| panic!("{what}: no finding"));
            assert_eq!(f.rule, rule.id(), "{what}: structural findings come first");
            assert_eq!(report.verdict(), Verdict::Invalid, "{what}");
            let at = f.location.as_ref().expect("a location");
            let pos = v.pos(&text);
            assert_eq!((at.line, at.column), (pos.line, pos.column), "{what}");
            assert!(at.line > 1 && at.xpath.starts_with('/'), "{what}: {at:?}");
            assert!(f.text_en().contains(phrase), "{what}: {}", f.text_en());
            assert!(f.text_fr().starts_with(f.message_fr), "{what}");
        }
    }
}

#[test]
fn the_order_message_in_both_languages() {
    let ubl = example("ubl-invoice.xml");
    let text = edit(
        &ubl,
        "<cbc:ID>FA-2026-00042</cbc:ID>",
        "<cbc:ID>FA-2026-00042</cbc:ID><cbc:DueDate>2026-04-30</cbc:DueDate>",
    );
    let found = violations(&text);
    assert_eq!(
        found[0].en,
        "expected cbc:CopyIndicator, cbc:UUID or cbc:IssueDate after cbc:ID, found cbc:DueDate"
    );
    assert_eq!(
        found[0].fr,
        "cbc:CopyIndicator, cbc:UUID ou cbc:IssueDate attendu après cbc:ID, trouvé cbc:DueDate"
    );
    let pos = found[0].pos(&text);
    assert_eq!((pos.line, pos.column), (8, 33));
}

#[test]
fn valid_documents_have_no_structural_finding() {
    let mut texts = vec![
        example("ubl-invoice.xml"),
        example("ubl-credit-note.xml"),
        example("cii-invoice.xml"),
        example("cii-credit-note.xml"),
        pivot(),
        statut(),
    ];
    texts.push(
        std::fs::read_to_string(common::repo_file(
            "tests/fixtures/cpp-statut/flux-rejete.xml",
        ))
        .expect("fixture"),
    );
    for text in &texts {
        assert_eq!(
            violations(text),
            Vec::new(),
            "{}",
            &text[..200.min(text.len())]
        );
    }
    let report =
        facture::validate_bytes(texts[0].as_bytes(), &facture::Profile::En16931).expect("valid");
    assert_eq!(report.schema, Some("OASIS UBL 2.1 Invoice and CreditNote"));
}

#[test]
fn the_check_can_be_turned_off_and_reports_what_it_checked() {
    let ubl = example("ubl-invoice.xml");
    let broken = edit(&ubl, "<cac:InvoicePeriod>", "<cac:InvoicePeriod>mars");
    let on = facture::validate_bytes(broken.as_bytes(), &facture::Profile::En16931).expect("read");
    assert!(on.findings.iter().any(|f| f.rule == "XSD-CONTENT"));
    assert!(on.schema.is_some());
    let off = facture::validate_bytes_with(
        broken.as_bytes(),
        &ValidateOptions::default().structure(false),
    )
    .expect("read");
    assert!(off.findings.iter().all(|f| !f.rule.starts_with("XSD-")));
    assert_eq!(off.schema, None);
    assert_eq!(off.verdict(), Verdict::Valid);
    // A syntax without schema: checked by the business rules only.
    let mixte = facture::write(
        &facture::read(ubl.as_bytes()).expect("read").invoice,
        facture::Target::CppMixte,
    )
    .expect("written");
    let report = facture::validate_bytes(&mixte.xml, &facture::Profile::En16931).expect("read");
    assert_eq!(report.schema, None);
}

#[test]
fn a_value_the_reader_refuses_is_reported_twice_over() {
    // The lenient read reports the value (READ-01) and the business rules
    // run on the rest; the structural check says which type it breaks.
    let ubl = example("ubl-invoice.xml");
    let broken = edit(
        &ubl,
        "<cbc:IssueDate>2026-03-31</cbc:IssueDate>",
        "<cbc:IssueDate>2026-03-32</cbc:IssueDate>",
    );
    let report =
        facture::validate_bytes(broken.as_bytes(), &facture::Profile::En16931).expect("a report");
    assert_eq!(report.fired(), vec!["READ-01", "XSD-DATATYPE"]);
    assert_eq!(report.findings[0].rule, "XSD-DATATYPE", "structure first");
    assert!(report.unreadable.is_none());
    assert_eq!(report.verdict(), Verdict::Invalid);
}

/// Where libxml2 departs from XML Schema 1.0, facture follows the
/// recommendation. Each case is pinned against xmllint so that the README's
/// list stays true.
#[test]
fn documented_departures_of_libxml2() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let schema = shared.join("schemas/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd");
    let ubl = example("ubl-invoice.xml");
    let cases = [
        // whiteSpace="collapse" applies to xs:date; libxml2 rejects the spaces.
        edit(
            &ubl,
            "<cbc:DueDate>2026-04-30</cbc:DueDate>",
            "<cbc:DueDate> 2026-04-30 </cbc:DueDate>",
        ),
        // xs:decimal has no digit limit; libxml2 refuses more than 24 digits.
        edit(
            &ubl,
            "<cbc:TaxAmount currencyID=\"EUR\">276.25</cbc:TaxAmount>",
            "<cbc:TaxAmount currencyID=\"EUR\">276.2500000000000000000000</cbc:TaxAmount>",
        ),
    ];
    for text in cases {
        assert_eq!(violations(&text), Vec::new());
        assert!(
            common::xmllint_schema(&schema, text.as_bytes()).is_err(),
            "libxml2 now accepts it: update the README and this test"
        );
    }
    // base64Binary has only the base64 alphabet; libxml2 skips other characters.
    let cii = example("cii-invoice.xml");
    let cii_schema = shared.join(
        "en16931/cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd",
    );
    let attachment = "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>PJ-1</ram:IssuerAssignedID>\
        <ram:TypeCode>916</ram:TypeCode><ram:AttachmentBinaryObject mimeCode=\"application/pdf\" \
        filename=\"a.pdf\">ZZZ-9</ram:AttachmentBinaryObject></ram:AdditionalReferencedDocument>";
    let at = cii
        .rfind("<ram:AdditionalReferencedDocument>")
        .expect("a header attachment");
    let text = format!("{}{attachment}{}", &cii[..at], &cii[at..]);
    let found = violations(&text);
    assert_eq!(
        found.iter().map(|v| v.rule).collect::<Vec<_>>(),
        vec![Rule::Datatype],
        "{found:?}"
    );
    assert!(
        common::xmllint_schema(&cii_schema, text.as_bytes()).is_ok(),
        "libxml2 now rejects it: update the README and tests/xsd_mutants.rs"
    );
}
