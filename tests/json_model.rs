//! The JSON form of the canonical model and its JSON Schema
//! (`schemas/invoice.schema.json`).

mod common;

use facture::Invoice;

fn generated_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Invoice)).expect("schema serialises")
}

fn committed_schema() -> serde_json::Value {
    let text = std::fs::read_to_string(common::repo_file("schemas/invoice.schema.json"))
        .expect("schemas/invoice.schema.json exists");
    serde_json::from_str(&text).expect("the committed schema is JSON")
}

#[test]
fn committed_schema_matches_the_model() {
    assert!(
        generated_schema() == committed_schema(),
        "schemas/invoice.schema.json is out of date with src/model: \
         regenerate it with `cargo run -- schema > schemas/invoice.schema.json`"
    );
}

fn example_invoices() -> Vec<(String, Invoice)> {
    let mut out = Vec::new();
    for file in common::xml_files(&common::repo_file("examples")) {
        let bytes = std::fs::read(&file).expect("example readable");
        let doc = facture::read(&bytes).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        out.push((file.display().to_string(), doc.invoice));
    }
    assert!(!out.is_empty(), "no example invoices in examples/");
    out
}

#[test]
fn model_json_validates_against_the_schema_and_round_trips() {
    let schema = committed_schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for (name, invoice) in example_invoices() {
        let json = serde_json::to_value(&invoice).expect("invoice serialises");
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        let back: Invoice = serde_json::from_value(json).expect("invoice deserialises");
        assert_eq!(back, invoice, "{name}: JSON round trip changed the model");
    }
}

#[test]
fn amounts_keep_their_scale_in_json() {
    let mut invoice = Invoice::default();
    invoice.totals.amount_due = Some("100.50".parse().expect("decimal"));
    invoice.totals.tax_amount = Some("20.00".parse().expect("decimal"));
    let json = serde_json::to_string(&invoice).expect("serialises");
    assert!(json.contains(r#""amount_due":"100.50""#), "{json}");
    assert!(json.contains(r#""tax_amount":"20.00""#), "{json}");
    let back: Invoice = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back.totals.tax_amount.map(|d| d.scale()), Some(2));
}

#[test]
fn json_rejected_by_the_schema_is_rejected() {
    let schema = committed_schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let bad = serde_json::json!({ "issue_date": "25/11/2026", "lines": "not an array" });
    assert!(!validator.is_valid(&bad));
}
