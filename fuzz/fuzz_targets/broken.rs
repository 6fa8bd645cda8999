#![no_main]
//! Raw bytes choose a plan and a rule: the rule's breaker must break that
//! rule and no other fatal rule, in the model and in each syntax where it
//! breaks alone (UBL, CII, Factur-X PDF). A failure is a bug in a breaker
//! or a rule.
use facture::generate::{self, Options, Plan};
use facture::rules::Severity;
use facture::{Profile, Syntax, Target};
use libfuzzer_sys::arbitrary::{Arbitrary, Unstructured};

fn fatal_besides(report: &facture::Report, rule: &str) -> Vec<&'static str> {
    report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Fatal && f.rule != rule)
        .filter(|f| !(generate::also_breaks_schema(rule) && f.rule.starts_with("XSD-")))
        .map(|f| f.rule)
        .collect()
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(plan) = Plan::arbitrary(&mut u) else {
        return;
    };
    let rules: Vec<&str> = generate::breakable_rules()
        .iter()
        .copied()
        .filter(|r| !generate::builds_large_documents(r))
        .collect();
    let Ok(index) = u.choose_index(rules.len()) else {
        return;
    };
    let rule = rules[index];
    let chorus = facture::rules::catalogue::rule(rule).is_some_and(|r| r.set() == "chorus-pro");
    let (options, profile) = if chorus {
        (
            Options::chorus_pro(),
            Profile::ChorusPro(generate::chorus_pro_setting(Some(rule))),
        )
    } else {
        (Options::en16931(), Profile::En16931)
    };
    let mut documents = Vec::new();
    if generate::breaks_alone_in(rule, Syntax::FacturX) {
        let pdf = generate::break_facturx(&plan, rule, &options).expect("a breaker applies");
        documents.push(("facturx", pdf));
    }
    if !generate::breaks_in_pdf(rule) {
        let invoice = generate::break_rule(&plan, rule, &options).expect("a breaker applies");
        for (name, target, syntax) in [
            ("ubl", Target::Ubl, Syntax::UblInvoice),
            ("cii", Target::Cii, Syntax::Cii),
        ] {
            if generate::breaks_alone_in(rule, syntax) {
                let xml = facture::write(&invoice, target).expect("writable").xml;
                documents.push((name, xml));
            }
        }
    }
    for (name, bytes) in documents {
        let report = facture::validate_bytes(&bytes, &profile).expect("readable");
        assert!(report.fired().contains(&rule), "{rule} {name}: not fired");
        let others = fatal_besides(&report, rule);
        assert!(others.is_empty(), "{rule} {name}: also {others:?}");
    }
});
