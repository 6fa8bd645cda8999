//! Tests of the UBL syntax rules: firing cases generated from the table
//! itself (the tested path, built into a valid example at its context),
//! the valid examples firing nothing, and hand tests of the irregular rules.

use super::xpath::{self, Expr, Name, Ns, Op, Path, Step};
use super::{Ctx, FAMILY, HAND_WRITTEN, table};
use crate::rules::engine::Checker;
use crate::syntax::Syntax;

const INVOICE: &str = include_str!("../../../../examples/ubl-invoice.xml");
const CREDIT_NOTE: &str = include_str!("../../../../examples/ubl-credit-note.xml");

fn fired(xml: &str) -> Vec<&'static str> {
    let doc = crate::syntax::tree::Document::parse(xml).unwrap();
    let mut checker = Checker::new(Some(Syntax::UblInvoice));
    (FAMILY.check)(&doc, &mut checker);
    let mut ids = checker.fired_ids();
    ids.sort_unstable();
    ids
}

/// `xml` with `fragment` inserted as the first children of the root.
fn with(xml: &str, fragment: &str) -> String {
    let at = xml.find("<cbc:CustomizationID>").unwrap();
    format!("{}{fragment}\n  {}", &xml[..at], &xml[at..])
}

fn prefix(ns: Ns) -> (&'static str, &'static str) {
    match ns {
        Ns::Cbc => (
            "cbc",
            "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
        ),
        Ns::Cac => (
            "cac",
            "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
        ),
        Ns::Ext => (
            "ext",
            "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
        ),
        Ns::Ubl => ("ubl", crate::syntax::UBL_INVOICE_NS),
        Ns::Cn => ("cn", crate::syntax::UBL_CREDIT_NOTE_NS),
    }
}

fn element(name: Name, attrs: &str, content: &str) -> String {
    let (p, uri) = prefix(name.ns);
    format!(
        "<{p}:{l} xmlns:{p}=\"{uri}\"{attrs}>{content}</{p}:{l}>",
        l = name.local
    )
}

/// Attributes and children that make a predicate true.
fn satisfy(pred: &Expr) -> (String, String) {
    match pred {
        Expr::Not(_) => Default::default(),
        Expr::Or(a, _) => satisfy(a),
        Expr::Cmp(lhs, op, rhs) => {
            let (Expr::Path(p), Expr::Str(s)) = (*lhs, *rhs) else {
                panic!("predicate {pred:?}")
            };
            let text = if *op == Op::Eq {
                s.to_string()
            } else {
                format!("not {s}")
            };
            build(p.steps, 1, &text)
        }
        other => panic!("predicate {other:?}"),
    }
}

/// `copies` copies of the nodes `steps` select, as (attributes of the
/// context, children of the context), the last element holding `text`.
fn build(steps: &[Step], copies: usize, text: &str) -> (String, String) {
    match steps.split_first() {
        None => (String::new(), text.to_owned()),
        Some((Step::Root | Step::DescendantOrSelf, rest)) => build(rest, copies, text),
        Some((Step::Upper(p), rest)) => {
            assert!(rest.is_empty());
            build(p.steps, copies, text)
        }
        Some((Step::Attr(a), rest)) => {
            assert!(rest.is_empty());
            (format!(" {a}=\"{text}\""), "x".to_owned())
        }
        Some((Step::Child(names, preds), rest)) => {
            let (mut attrs, mut children) = (String::new(), String::new());
            for pred in *preds {
                let (a, c) = satisfy(pred);
                attrs.push_str(&a);
                children.push_str(&c);
            }
            let (inner_attrs, inner) = build(rest, 1, text);
            let one = element(names[0], &(attrs + &inner_attrs), &(children + &inner));
            (String::new(), one.repeat(copies))
        }
        Some((Step::Parent, _)) => panic!("no parent steps in a tested path"),
    }
}

fn path_content(p: &Path, copies: usize) -> String {
    let (attrs, children) = build(p.steps, copies, "x");
    if attrs.is_empty() {
        children
    } else {
        // `//@attr`: any element carrying it.
        element(
            Name {
                ns: Ns::Cbc,
                local: "Note",
            },
            &attrs,
            "x",
        )
        .repeat(copies)
    }
}

/// Candidate contents of a context node that make `test` false.
fn violations(test: &Expr) -> Vec<String> {
    match test {
        Expr::Not(inner) => match *inner {
            Expr::Path(p) => vec![path_content(p, 1)],
            other => panic!("not({other:?})"),
        },
        Expr::Cmp(lhs, op, rhs) => match (*lhs, op, *rhs) {
            (Expr::Count(p), Op::Le | Op::Eq, Expr::Num(n)) => {
                vec![path_content(p, *n as usize + 1)]
            }
            (Expr::Path(p), Op::Eq, Expr::Str(_)) => vec![path_content(p, 1)],
            // Nothing to compare with: false.
            (Expr::Path(_), Op::Ne, Expr::Path(_)) => vec![String::new()],
            other => panic!("comparison {other:?}"),
        },
        Expr::Exists(_) | Expr::Path(_) => vec![String::new()],
        Expr::And(a, b) => [violations(a), violations(b)].concat(),
        Expr::Or(a, b) => [violations(a), violations(b)].concat(),
        other => panic!("test {other:?}"),
    }
}

/// A fresh context node of `ctx` holding `content`, as a child of the root
/// (`None` for the root, whose content goes directly in).
fn context(ctx: Ctx, content: &str) -> String {
    let cac =
        |local: &'static str, content: &str| element(Name { ns: Ns::Cac, local }, "", content);
    let indicator = |value: &str| {
        element(
            Name {
                ns: Ns::Cbc,
                local: "ChargeIndicator",
            },
            "",
            value,
        )
    };
    match ctx {
        Ctx::Root => content.to_owned(),
        Ctx::Line => cac("InvoiceLine", content),
        Ctx::Payee => cac("PayeeParty", content),
        Ctx::PaymentMeans => cac("PaymentMeans", content),
        Ctx::AdditionalDocument => cac("AdditionalDocumentReference", content),
        Ctx::BillingReference => cac("BillingReference", content),
        Ctx::TaxRepresentative => cac("TaxRepresentativeParty", content),
        Ctx::Address => cac("PostalAddress", content),
        Ctx::SupplierParty => cac("AccountingSupplierParty", &cac("Party", content)),
        Ctx::Delivery => cac("Delivery", content),
        Ctx::Allowance => cac("AllowanceCharge", &(indicator("false") + content)),
        Ctx::Charge => cac("AllowanceCharge", &(indicator(" true ") + content)),
        Ctx::PartyTaxScheme => cac("PartyTaxScheme", content),
        Ctx::TaxSubtotal => cac("TaxSubtotal", content),
        Ctx::BinaryObject => element(
            Name {
                ns: Ns::Cbc,
                local: "EmbeddedDocumentBinaryObject",
            },
            "",
            content,
        ),
        Ctx::Amount => element(
            Name {
                ns: Ns::Cbc,
                local: "Amount",
            },
            "",
            content,
        ),
    }
}

#[test]
fn the_table_is_the_catalogue_and_parses() {
    let catalogued: Vec<_> = crate::rules::catalogue::all()
        .iter()
        .filter(|r| r.id().starts_with("UBL-"))
        .map(|r| r.id())
        .collect();
    assert_eq!(catalogued.len(), 756);
    let mut ids = FAMILY.ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut catalogued = catalogued;
    catalogued.sort_unstable();
    assert_eq!(ids, catalogued);
    for rule in table::RULES {
        if !HAND_WRITTEN.contains(&rule.id)
            && let Err(e) = xpath::parse(rule.test)
        {
            panic!("{}: {e}", rule.id);
        }
    }
}

#[test]
fn valid_examples_fire_nothing() {
    assert_eq!(fired(INVOICE), Vec::<&str>::new());
    assert_eq!(fired(CREDIT_NOTE), Vec::<&str>::new());
}

#[test]
fn every_table_rule_fires_on_its_generated_case() {
    let mut failures = Vec::new();
    for rule in table::RULES {
        if HAND_WRITTEN.contains(&rule.id) {
            continue;
        }
        let test = xpath::parse(rule.test).unwrap();
        for (base, name) in [(INVOICE, "invoice"), (CREDIT_NOTE, "credit note")] {
            if rule.id == "UBL-CR-412" && name == "credit note" {
                continue; // `or ../cn:CreditNote`: a credit note may.
            }
            let fires = violations(&test)
                .iter()
                .any(|content| fired(&with(base, &context(rule.ctx, content))).contains(&rule.id));
            if !fires {
                failures.push(format!("{} ({name}): {}", rule.id, rule.test));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "no firing case:\n{}",
        failures.join("\n")
    );
}

#[test]
fn counted_rules_hold_at_their_limit() {
    // In a fresh context node, exactly the allowed number of occurrences
    // does not fire.
    let mut checked = 0;
    for rule in table::RULES {
        if HAND_WRITTEN.contains(&rule.id) || rule.ctx == Ctx::Root {
            continue;
        }
        let test = xpath::parse(rule.test).unwrap();
        let count = match &test {
            Expr::Cmp(lhs, Op::Le | Op::Eq, rhs) => match (*lhs, *rhs) {
                (Expr::Count(p), Expr::Num(n)) => Some((p, *n as usize)),
                _ => None,
            },
            _ => None,
        };
        let Some((path, n)) = count else { continue };
        let content = path_content(path, n);
        let xml = with(INVOICE, &context(rule.ctx, &content));
        assert!(
            !fired(&xml).contains(&rule.id),
            "{} fires at its limit",
            rule.id
        );
        checked += 1;
    }
    assert!(checked > 15, "{checked}");
}

// ---------------------------------------------------------------------------
// Hand tests

fn fires(fragment: &str, id: &str) -> bool {
    fired(&with(INVOICE, fragment)).contains(&id)
}

const CAC: &str =
    "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"";
const CBC: &str =
    "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\"";

#[test]
fn sr_43_scheme_identifier_only_for_invoiced_objects() {
    let adr = |inner: &str| {
        format!("<cac:AdditionalDocumentReference>{inner}</cac:AdditionalDocumentReference>")
    };
    assert!(fires(
        &adr(r#"<cbc:ID schemeID="ABT">1</cbc:ID>"#),
        "UBL-SR-43"
    ));
    assert!(fires(
        &adr(r#"<cbc:ID>1</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode>"#),
        "UBL-SR-43"
    ));
    assert!(!fires(
        &adr(
            r#"<cbc:ID schemeID="ABT">1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>"#
        ),
        "UBL-SR-43"
    ));
    assert!(!fires(&adr(r#"<cbc:ID>1</cbc:ID>"#), "UBL-SR-43"));
    // '130 ' is not '130': compared as written.
    assert!(fires(
        &adr(r#"<cbc:ID>1</cbc:ID><cbc:DocumentTypeCode>130 </cbc:DocumentTypeCode>"#),
        "UBL-SR-43"
    ));
    // Code 50 is allowed in a credit note only.
    let cn = with(
        CREDIT_NOTE,
        &adr(r#"<cbc:ID schemeID="ABT">1</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode>"#),
    );
    assert!(!fired(&cn).contains(&"UBL-SR-43"));
}

#[test]
fn sr_44_and_47_count_distinct_values() {
    let pm = |code: &str, id: &str| {
        format!(
            "<cac:PaymentMeans><cbc:PaymentMeansCode>{code}</cbc:PaymentMeansCode><cbc:PaymentID>{id}</cbc:PaymentID></cac:PaymentMeans>"
        )
    };
    // The example has one payment means (code 30, payment id FA-2026-00042).
    let base_code = "30";
    let base_id = "FA-2026-00042";
    assert!(INVOICE.contains(">30</cbc:PaymentMeansCode>"));
    assert!(INVOICE.contains("<cbc:PaymentID>FA-2026-00042</cbc:PaymentID>"));
    assert!(!fires(&pm(base_code, base_id), "UBL-SR-44"));
    assert!(!fires(&pm(base_code, base_id), "UBL-SR-47"));
    assert!(fires(&pm(base_code, "other"), "UBL-SR-44"));
    assert!(!fires(&pm(base_code, "other"), "UBL-SR-47"));
    assert!(fires(&pm("58", base_id), "UBL-SR-47"));
    assert!(!fires(&pm("58", base_id), "UBL-SR-44"));
}

#[test]
fn sr_48_exactly_one_classified_tax_category() {
    let line = |n: usize| {
        format!(
            "<cac:InvoiceLine><cac:Item>{}</cac:Item></cac:InvoiceLine>",
            "<cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID></cac:ClassifiedTaxCategory>".repeat(n)
        )
    };
    assert!(fires(&line(0), "UBL-SR-48"));
    assert!(!fires(&line(1), "UBL-SR-48"));
    assert!(fires(&line(2), "UBL-SR-48"));
    // Credit note lines are lines too.
    let cn_line = "<cac:CreditNoteLine><cac:Item/></cac:CreditNoteLine>";
    assert!(fired(&with(CREDIT_NOTE, cn_line)).contains(&"UBL-SR-48"));
}

#[test]
fn dt_01_two_decimals_as_written() {
    let amount =
        |v: &str| format!(r#"<cbc:PrepaidAmount currencyID="EUR">{v}</cbc:PrepaidAmount>"#);
    assert!(!fires(&amount("10.12"), "UBL-DT-01"));
    assert!(!fires(&amount("10"), "UBL-DT-01"));
    assert!(fires(&amount("10.123"), "UBL-DT-01"));
    assert!(fires(&amount("10.100"), "UBL-DT-01"));
    // Trailing whitespace counts: it is part of the string value.
    assert!(fires(&amount("10.10 "), "UBL-DT-01"));
    // Price amounts are not amounts, nor anything under a price allowance.
    assert!(!fires(
        "<cbc:PriceAmount>1.1234</cbc:PriceAmount>",
        "UBL-DT-01"
    ));
    let price = "<cac:InvoiceLine><cac:Price><cbc:PriceAmount>1.1234</cbc:PriceAmount><cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount>0.1234</cbc:Amount><cbc:BaseAmount>1.2345</cbc:BaseAmount></cac:AllowanceCharge></cac:Price></cac:InvoiceLine>";
    assert!(!fires(price, "UBL-DT-01"));
    // Any element named …Amount, in any namespace.
    assert!(fires(
        r#"<x:FooAmount xmlns:x="urn:x">1.000</x:FooAmount>"#,
        "UBL-DT-01"
    ));
}

#[test]
fn dt_06_07_binary_object_attributes() {
    let bin = |attrs: &str| {
        format!(
            "<cac:AdditionalDocumentReference><cbc:ID>1</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject{attrs}>AA==</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>"
        )
    };
    assert!(fires(&bin(""), "UBL-DT-06"));
    assert!(fires(&bin(""), "UBL-DT-07"));
    assert!(!fires(&bin(r#" mimeCode="application/pdf""#), "UBL-DT-06"));
    assert!(fires(&bin(r#" mimeCode="application/pdf""#), "UBL-DT-07"));
    assert!(!fires(
        &bin(r#" mimeCode="application/pdf" filename="a.pdf""#),
        "UBL-DT-07"
    ));
}

#[test]
fn dt_08_to_28_forbidden_attributes_anywhere() {
    let note = |attr: &str| {
        format!("<cac:InvoiceLine><cbc:Note {attr}=\"x\">n</cbc:Note></cac:InvoiceLine>")
    };
    assert!(fires(&note("schemeName"), "UBL-DT-08"));
    assert!(fires(&note("listAgencyID"), "UBL-DT-28"));
    assert!(fires(&note("languageID"), "UBL-DT-19"));
    // On the root element too.
    let root = INVOICE.replacen("<Invoice ", "<Invoice format=\"x\" ", 1);
    assert!(fired(&root).contains(&"UBL-DT-12"));
    // An attribute in a namespace is another attribute.
    assert!(!fires(
        r#"<cbc:Note xmlns:x="urn:x" x:format="y">n</cbc:Note>"#,
        "UBL-DT-12"
    ));
    // DT-18: @name only on payment means codes.
    assert!(fires(&note("name"), "UBL-DT-18"));
    assert!(!fires(
        r#"<cac:PaymentMeans><cbc:PaymentMeansCode name="Virement">30</cbc:PaymentMeansCode></cac:PaymentMeans>"#,
        "UBL-DT-18"
    ));
}

#[test]
fn sr_19_to_21_payee_must_differ_from_seller() {
    // The example's seller registration name.
    let seller = INVOICE
        .split("<cbc:RegistrationName>")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap();
    let payee = |name: &str| {
        format!(
            "<cac:PayeeParty><cac:PartyName><cbc:Name>{name}</cbc:Name></cac:PartyName></cac:PayeeParty>"
        )
    };
    for id in ["UBL-SR-19", "UBL-SR-20", "UBL-SR-21"] {
        assert!(!fires(&payee("Affacturage SA"), id));
        assert!(fires(&payee(seller), id), "{id}: same name as the seller");
        // No payee name: the comparison with an empty sequence is false.
        assert!(fires("<cac:PayeeParty/>", id), "{id}: no payee name");
    }
    // SR-20 does not count SEPA identifiers, and counts IDs without scheme.
    let ids = |a: &str, b: &str| {
        format!(
            "<cac:PayeeParty><cac:PartyIdentification><cbc:ID{a}>1</cbc:ID></cac:PartyIdentification><cac:PartyIdentification><cbc:ID{b}>2</cbc:ID></cac:PartyIdentification><cac:PartyName><cbc:Name>P</cbc:Name></cac:PartyName></cac:PayeeParty>"
        )
    };
    assert!(fires(&ids("", ""), "UBL-SR-20"));
    assert!(!fires(&ids(" schemeID=\"sepa\"", ""), "UBL-SR-20"));
}

#[test]
fn sr_12_13_vat_and_other_tax_schemes() {
    let supplier = |schemes: &str| {
        format!(
            "<cac:AccountingSupplierParty><cac:Party>{schemes}</cac:Party></cac:AccountingSupplierParty>"
        )
    };
    let pts = |scheme: &str| {
        format!(
            "<cac:PartyTaxScheme><cbc:CompanyID>1</cbc:CompanyID><cac:TaxScheme>{scheme}</cac:TaxScheme></cac:PartyTaxScheme>"
        )
    };
    // A second supplier party; its schemes add to the example's one VAT id.
    assert!(fires(&supplier(&pts("<cbc:ID>vat</cbc:ID>")), "UBL-SR-12"));
    assert!(!fires(&supplier(&pts("<cbc:ID>FC</cbc:ID>")), "UBL-SR-12"));
    // A tax scheme without ID is not VAT.
    let two_other = pts("") + &pts("<cbc:ID>FC</cbc:ID>");
    assert!(fires(&supplier(&two_other), "UBL-SR-13"));
    assert!(fires(&supplier(&pts("")), "UBL-SR-53"));
    assert!(fires(&supplier(&(pts("").repeat(3))), "UBL-SR-42"));
}

#[test]
fn allowance_and_charge_contexts_by_boolean_cast() {
    let ac = |indicator: &str| {
        format!(
            "<cac:AllowanceCharge><cbc:ChargeIndicator>{indicator}</cbc:ChargeIndicator><cbc:AllowanceChargeReason>a</cbc:AllowanceChargeReason><cbc:AllowanceChargeReason>b</cbc:AllowanceChargeReason></cac:AllowanceCharge>"
        )
    };
    assert!(fires(&ac("0"), "UBL-SR-30"));
    assert!(fires(&ac(" false\n"), "UBL-SR-30"));
    assert!(fires(&ac("1"), "UBL-SR-31"));
    assert!(!fires(&ac("1"), "UBL-SR-30"));
    // Not a boolean: in neither context.
    assert!(!fires(&ac("False"), "UBL-SR-30"));
    assert!(!fires(&ac("False"), "UBL-SR-31"));
}

#[test]
fn root_rules_fire_once_and_cr_412_spares_credit_notes() {
    let due = "<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentDueDate>2026-01-01</cbc:PaymentDueDate></cac:PaymentMeans>";
    assert!(fires(due, "UBL-CR-412"));
    assert!(!fired(&with(CREDIT_NOTE, due)).contains(&"UBL-CR-412"));
    let twice = fired(&with(INVOICE, &format!("{due}{due}")));
    assert_eq!(twice.iter().filter(|id| **id == "UBL-CR-412").count(), 1);
    assert!(twice.contains(&"UBL-SR-45"));
    // UBLVersionID 2.1 is fine, anything else is not.
    assert!(!fires(
        "<cbc:UBLVersionID>2.1</cbc:UBLVersionID>",
        "UBL-CR-002"
    ));
    assert!(fires(
        "<cbc:UBLVersionID>2.0</cbc:UBLVersionID>",
        "UBL-CR-002"
    ));
}

#[test]
fn contexts_fire_once_per_node() {
    let line = "<cac:InvoiceLine><cbc:Note>a</cbc:Note><cbc:Note>b</cbc:Note></cac:InvoiceLine>";
    let ids = fired(&with(INVOICE, &format!("{line}{line}")));
    assert_eq!(ids.iter().filter(|id| **id == "UBL-SR-34").count(), 2);
}

#[test]
fn no_rules_on_a_foreign_root() {
    let xml = format!(
        "<Other {CAC} {CBC}><cac:InvoiceLine><cbc:UUID>1</cbc:UUID></cac:InvoiceLine></Other>"
    );
    let ids = fired(&xml);
    // Root rules do not run; context rules still do.
    assert!(!ids.contains(&"UBL-CR-515"));
    assert!(ids.contains(&"UBL-SR-48"));
}

#[test]
fn findings_point_at_the_context_node() {
    let line = "<cac:InvoiceLine><cbc:Note>a</cbc:Note><cbc:Note>b</cbc:Note><cbc:UUID>u</cbc:UUID></cac:InvoiceLine>";
    let xml = with(INVOICE, line);
    let report = crate::validate_bytes(xml.as_bytes(), &crate::rules::Profile::En16931).unwrap();
    let at = |id: &str| {
        let f = report.findings.iter().find(|f| f.rule == id).unwrap();
        f.location.as_ref().unwrap().xpath.clone()
    };
    assert!(
        at("UBL-SR-34").contains("InvoiceLine"),
        "{}",
        at("UBL-SR-34")
    );
    assert!(
        !at("UBL-CR-515").contains("InvoiceLine"),
        "{}",
        at("UBL-CR-515")
    );
    assert!(at("UBL-CR-515").contains("Invoice"), "{}", at("UBL-CR-515"));
}

#[test]
fn every_name_of_the_index_is_found_by_its_hash() {
    use super::index::{self, ATTRIBUTE};
    for (i, entry) in index::NAMES.iter().enumerate() {
        let id = i as u16 + 1;
        let text = index::name_text(id);
        let found = match entry.kind {
            ATTRIBUTE => index::attribute_id(text),
            kind => {
                let ns = [Ns::Cbc, Ns::Cac, Ns::Ext, Ns::Ubl, Ns::Cn]
                    .into_iter()
                    .find(|ns| *ns as u8 == kind)
                    .unwrap();
                index::id_of(ns, text)
            }
        };
        assert_eq!(found, id, "{text}");
    }
    assert_eq!(index::id_of(Ns::Cac, "NoSuchName"), 0);
    // The hand-written rules look these up.
    assert_ne!(index::id_of(Ns::Cbc, "PaymentID"), 0);
    assert_ne!(index::id_of(Ns::Cbc, "PaymentMeansCode"), 0);
}

#[test]
fn counted_parts_joined_by_and_or_fire_once() {
    // UBL-SR-53: exists(cac:TaxScheme/cbc:ID) and exists(cbc:CompanyID),
    // two counted parts: both missing still fires once per context node.
    let pts = "<cac:PartyTaxScheme></cac:PartyTaxScheme>";
    let ids = fired(&with(INVOICE, &format!("{pts}{pts}")));
    assert_eq!(ids.iter().filter(|id| **id == "UBL-SR-53").count(), 2);
    assert!(!fires(
        "<cac:PartyTaxScheme><cbc:CompanyID>1</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>",
        "UBL-SR-53"
    ));
    // UBL-SR-51: not(cac:AddressLine) or count(cac:AddressLine) = 1, one
    // bound 0..=1.
    let address = |lines: usize| {
        format!(
            "<cac:PostalAddress>{}</cac:PostalAddress>",
            "<cac:AddressLine><cbc:Line>x</cbc:Line></cac:AddressLine>".repeat(lines)
        )
    };
    assert!(!fires(&address(0), "UBL-SR-51"));
    assert!(!fires(&address(1), "UBL-SR-51"));
    assert!(fires(&address(2), "UBL-SR-51"));
}
