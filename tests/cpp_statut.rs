//! CPPStatut reader, on fixtures written for this project from the
//! structure of AIFE's CPPStatutPivot_V1_19.xsd (checked against it).

mod common;

use common::{repo_file, shared_dir, xmllint_schema};
use facture::model::NaiveDate;
use facture::syntax::cpp_statut::{self, FlowStatusCode, InvoiceStatusCode};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo_file(&format!("tests/fixtures/cpp-statut/{name}"))).unwrap()
}

#[test]
fn fixtures_follow_the_aife_schema() {
    let Some(shared) = shared_dir() else { return };
    let xsd = shared.join("chorus-pro/xsd/CPPStatutPivot_V1_19.xsd");
    for name in ["flux-rejete.xml", "factures.xml"] {
        xmllint_schema(&xsd, &fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn reads_flow_statuses_with_error_lines() {
    let flow = cpp_statut::read(&fixture("flux-rejete.xml")).unwrap();
    assert!(flow.ignored.is_empty(), "{:?}", flow.ignored);
    assert_eq!(flow.version.as_deref(), Some("V1_19"));
    assert_eq!(flow.envelope.emitter.as_ref().unwrap().id, "CPP001");
    assert_eq!(flow.envelope.parameters.len(), 2);
    assert!(flow.invoice_statuses.is_empty());
    let [rejected, received] = flow.flow_statuses.as_slice() else {
        panic!("{:?}", flow.flow_statuses)
    };
    assert_eq!(rejected.status, FlowStatusCode::ReceptionError);
    assert!(rejected.status.is_error());
    assert_eq!(rejected.flow_id.as_deref(), Some("FLX-2026-0042"));
    assert_eq!(rejected.timestamp.as_deref(), Some("2026-03-31T14:02:11"));
    assert_eq!(rejected.error_count.as_deref(), Some("2"));
    assert_eq!(rejected.errors.len(), 2);
    assert_eq!(rejected.errors[0].code, "ERR_XSD_001");
    assert_eq!(rejected.errors[0].nature, "ERR_XSD");
    assert_eq!(
        rejected.errors[0].description.as_deref(),
        Some("ligne: 41 - position: 30")
    );
    assert_eq!(rejected.errors[1].line_id.as_deref(), Some("2"));
    assert_eq!(rejected.errors[1].description, None);
    assert_eq!(received.status, FlowStatusCode::Received);
    assert!(!received.status.is_error());
}

#[test]
fn reads_invoice_statuses_named_and_coded() {
    let flow = cpp_statut::read(&fixture("factures.xml")).unwrap();
    assert!(flow.ignored.is_empty(), "{:?}", flow.ignored);
    let [rejected, mandated, other] = flow.invoice_statuses.as_slice() else {
        panic!("{:?}", flow.invoice_statuses)
    };
    assert_eq!(rejected.status, InvoiceStatusCode::Rejected);
    assert_eq!(rejected.status.api_name(), Some("REJETEE"));
    assert_eq!(rejected.invoice_id.as_deref(), Some("FA-2026-00042"));
    assert_eq!(rejected.invoice_date, NaiveDate::from_ymd_opt(2026, 3, 31));
    assert_eq!(rejected.producer_id.as_deref(), Some("73282932"));
    assert_eq!(rejected.debtor.service_code.as_deref(), Some("SERV-DSI-01"));
    assert_eq!(rejected.supplier.country.as_deref(), Some("FR"));
    assert_eq!(mandated.status, InvoiceStatusCode::Mandated);
    assert_eq!(mandated.mandate_id.as_deref(), Some("MDT-2026-118"));
    assert_eq!(mandated.supplier.id_type.as_deref(), Some("2"));
    assert_eq!(other.status, InvoiceStatusCode::Other("27".into()));
    assert_eq!(other.status.api_name(), None);
}

#[test]
fn bad_input_is_a_positioned_error() {
    let e = cpp_statut::read(b"<CPPFacturePivot/>").unwrap_err();
    assert!(matches!(e, facture::Error::UnknownDocument { .. }), "{e}");
    let xml = "<CPPStatut><CPPFactureStatuts><CPPFactureStatutUnitaire>\n<DonneesStatut>\
               <DateFacture>31/03/2026</DateFacture></DonneesStatut>\
               </CPPFactureStatutUnitaire></CPPFactureStatuts></CPPStatut>";
    let e = cpp_statut::read(xml.as_bytes()).unwrap_err();
    assert!(matches!(e, facture::Error::InvalidValue { .. }), "{e}");
    assert_eq!(e.pos().unwrap().line, 2);
    assert!(matches!(
        cpp_statut::read(b"<CPPStatut>"),
        Err(facture::Error::Malformed { .. })
    ));
    // Unknown elements are listed, not fatal.
    let flow = cpp_statut::read(b"<CPPStatut><Autre/></CPPStatut>").unwrap();
    assert_eq!(flow.ignored.len(), 1);
}

#[test]
fn cli_prints_a_statut_flow_and_exits_1_on_errors() {
    let run = |fixture: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_facture"))
            .args(["chorus", "status"])
            .arg(format!(
                "{}/tests/fixtures/cpp-statut/{fixture}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .output()
            .expect("the facture binary runs")
    };
    let out = run("flux-rejete.xml");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("status 93 (error)"), "{text}");
    assert!(text.contains("ERR_XSD_001"), "{text}");
    let out = run("factures.xml");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("status 05 REJETEE"), "{text}");
    assert!(text.contains("status 08 MANDATEE"), "{text}");
    assert_eq!(out.status.code(), Some(1));
}
