//! End to end: `facture validate --profile chorus-pro --format json` on a
//! clean Chorus Pro invoice reports nothing, and on that invoice with one
//! defect reports the rule for that defect (Chorus Pro rules, and the
//! EN 16931 rules the profile runs underneath for totals and decimals).

mod common;

use std::path::Path;
use std::process::Command;

fn validate(file: &Path, extra: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_facture"))
        .args(["validate", "--profile", "chorus-pro", "--format", "json"])
        .args(["--recipient-requires", "service-and-engagement"])
        .args(["--deposit-date", "2026-11-25"])
        .args(extra)
        .arg(file)
        .output()
        .expect("facture runs");
    let text = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(text.lines().next().unwrap_or("")).unwrap_or_else(|e| {
        panic!(
            "{}: no JSON line ({e}): {text}{}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn rules_of(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|f| f["rule"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// (rule expected, text replaced, replacement) on examples/ubl-invoice.xml.
const UBL_DEFECTS: &[(&str, &str, &str)] = &[
    ("G1.02", "<cbc:ProfileID>A1<", "<cbc:ProfileID>M1<"),
    (
        "CPP-CADRE-A2-PAID",
        "<cbc:ProfileID>A1<",
        "<cbc:ProfileID>A2<",
    ),
    (
        "CPP-CADRE-VALIDATOR",
        "<cbc:ProfileID>A1<",
        "<cbc:ProfileID>A9<",
    ),
    ("CPP-CADRE-MISSING", "<cbc:ProfileID>A1</cbc:ProfileID>", ""),
    (
        "G1.05",
        "<cbc:ID>FA-2026-00042<",
        "<cbc:ID>FA-2026-00042-0000000001<",
    ),
    (
        "CPP-INVOICE-TYPE",
        "<cbc:InvoiceTypeCode>380<",
        "<cbc:InvoiceTypeCode>751<",
    ),
    (
        "CPP-ISSUE-DATE-FUTURE",
        "<cbc:IssueDate>2026-03-31<",
        "<cbc:IssueDate>2026-12-31<",
    ),
    (
        "CPP-SERVICE-CODE-REQUIRED",
        "<cbc:BuyerReference>SERV-DSI-01</cbc:BuyerReference>",
        "",
    ),
    (
        "CPP-SERVICE-CODE-CHARSET",
        "<cbc:BuyerReference>SERV-DSI-01<",
        "<cbc:BuyerReference>SERV/DSI<",
    ),
    (
        "CPP-ENGAGEMENT-REQUIRED",
        "<cbc:ID>EJ-2026-000123</cbc:ID>",
        "",
    ),
    (
        "CPP-ENGAGEMENT-LENGTH",
        "<cbc:ID>EJ-2026-000123<",
        "<cbc:ID>EJ-2026-000123-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA<",
    ),
    (
        "CPP-CONTRACT-LENGTH",
        "<cbc:ID>MARCHE-2025-0456<",
        "<cbc:ID>MARCHE-2025-0456-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA<",
    ),
    (
        "CPP-BUYER-SIRET-KEY",
        "<cbc:ID schemeID=\"0009\">73282932000017<",
        "<cbc:ID schemeID=\"0009\">73282932000018<",
    ),
    (
        "CPP-SELLER-SIRET-KEY",
        "<cbc:ID schemeID=\"0009\">12345678200010<",
        "<cbc:ID schemeID=\"0009\">12345678200011<",
    ),
    (
        "CPP-PAYMENT-MEANS-MISSING",
        "<cbc:PaymentMeansCode name=\"Virement SEPA\">30</cbc:PaymentMeansCode>",
        "",
    ),
    (
        "S2.05",
        "<cbc:PaymentMeansCode name=\"Virement SEPA\">30<",
        "<cbc:PaymentMeansCode>57<",
    ),
    (
        "CPP-ATTACHMENT-EXTENSION",
        "filename=\"pv-recette-03.pdf\"",
        "filename=\"pv-recette-03.exe\"",
    ),
    (
        "CPP-ATTACHMENT-NAME",
        "filename=\"pv-recette-03.pdf\"",
        "filename=\"proces-verbal-de-recette-numero-03-du-marche-2025.pdf\"",
    ),
    (
        "CPP-CURRENCY-SINGLE",
        "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>",
        "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>USD</cbc:TaxCurrencyCode>",
    ),
    // Reported by the EN 16931 rules the profile runs.
    (
        "BR-CO-15",
        "<cbc:TaxInclusiveAmount currencyID=\"EUR\">1838.75<",
        "<cbc:TaxInclusiveAmount currencyID=\"EUR\">1838.76<",
    ),
    (
        "BR-DEC-14",
        "<cbc:TaxInclusiveAmount currencyID=\"EUR\">1838.75<",
        "<cbc:TaxInclusiveAmount currencyID=\"EUR\">1838.750<",
    ),
];

#[test]
fn clean_invoices_have_no_finding() {
    for example in [
        "examples/ubl-invoice.xml",
        "examples/ubl-credit-note.xml",
        "examples/cii-invoice.xml",
        "examples/cii-credit-note.xml",
    ] {
        let report = validate(&common::repo_file(example), &[]);
        assert_eq!(rules_of(&report), Vec::<String>::new(), "{example}");
        assert_eq!(report["verdict"], "valid", "{example}");
        assert_eq!(report["profile"], "chorus-pro");
    }
}

#[test]
fn each_defect_is_reported_with_its_rule() {
    let source =
        std::fs::read_to_string(common::repo_file("examples/ubl-invoice.xml")).expect("example");
    let dir = std::env::temp_dir().join(format!("facture-chorus-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (rule, from, to) in UBL_DEFECTS {
        assert!(source.contains(from), "{rule}: {from:?} not in the example");
        let file = dir.join(format!("{rule}.xml"));
        std::fs::write(&file, source.replacen(from, to, 1)).expect("write");
        let report = validate(&file, &[]);
        let rules = rules_of(&report);
        assert!(
            rules.iter().any(|r| r == rule),
            "{rule} not reported: {rules:?}"
        );
        let finding = report["findings"]
            .as_array()
            .and_then(|a| a.iter().find(|f| f["rule"] == *rule))
            .cloned()
            .unwrap_or_default();
        assert!(
            finding["line"].as_u64().is_some(),
            "{rule}: no line in {finding}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn platform_wording_comes_with_the_finding() {
    let source =
        std::fs::read_to_string(common::repo_file("examples/cii-invoice.xml")).expect("example");
    let dir = std::env::temp_dir().join(format!("facture-chorus-wording-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("no-service.xml");
    let start = source
        .find("<ram:BuyerReference>")
        .expect("BT-10 in the example");
    let end = source[start..]
        .find("</ram:BuyerReference>")
        .expect("closed")
        + start;
    let mutated = format!(
        "{}{}",
        &source[..start],
        &source[end + "</ram:BuyerReference>".len()..]
    );
    std::fs::write(&file, mutated).expect("write");
    let report = validate(&file, &[]);
    let finding = report["findings"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["rule"] == "CPP-SERVICE-CODE-REQUIRED"))
        .cloned()
        .expect("CPP-SERVICE-CODE-REQUIRED reported");
    assert_eq!(
        finding["platform"],
        "L'element FichierXml.SupplyChainTradeTransaction.ApplicableHeaderTradeAgreement.BuyerReference.value est obligatoire"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_recipient_parameters_the_verdict_is_incomplete() {
    let out = Command::new(env!("CARGO_BIN_EXE_facture"))
        .args(["validate", "--profile", "chorus-pro", "--format", "json"])
        .arg(common::repo_file("examples/ubl-invoice.xml"))
        .output()
        .expect("facture runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(report["verdict"], "incomplete");
    let not_checked = report["not_checked"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(not_checked.iter().any(|r| r == "CPP-SERVICE-CODE-REQUIRED"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_scheme_1_siret_is_accepted_in_the_chorus_profile_only() {
    let source =
        std::fs::read_to_string(common::repo_file("examples/cii-invoice.xml")).expect("example");
    assert!(source.contains("<ram:ID schemeID=\"0002\">123456782</ram:ID>"));
    let mutated = source.replacen(
        "<ram:ID schemeID=\"0002\">123456782</ram:ID>",
        "<ram:ID schemeID=\"1\">12345678200010</ram:ID>",
        1,
    );
    let en = facture::validate_bytes(mutated.as_bytes(), &facture::Profile::En16931).expect("read");
    assert!(en.fatal().any(|f| f.rule == "BR-CL-11"), "{:?}", en.fired());
    let chorus =
        facture::validate_bytes(mutated.as_bytes(), &facture::Profile::chorus_pro()).expect("read");
    let f = chorus
        .findings
        .iter()
        .find(|f| f.rule == "BR-CL-11")
        .expect("still reported");
    assert_eq!(f.severity, facture::rules::Severity::Warning);
    assert!(chorus.fatal().next().is_none(), "{:?}", chorus.fired());
}
