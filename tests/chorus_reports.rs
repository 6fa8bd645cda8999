//! Chorus Pro responses: `consulterCR`, `consulterCRDetaille`,
//! `consulterHistoriqueFacture`, and the lifecycle statuses.

mod common;

use common::{repo_file, shared_dir};
use facture::chorus::{
    ConsulterCr, ConsulterCrDetaille, EtatFlux, HistoriqueFacture, Response, StatutFacture,
};
use serde_json::Value;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo_file(&format!("tests/fixtures/chorus/{name}"))).unwrap()
}

fn shared_sample(name: &str) -> Option<Vec<u8>> {
    let shared = shared_dir()?;
    Some(std::fs::read(shared.join("chorus-pro/samples/api").join(name)).unwrap())
}

#[test]
fn shared_rejected_crdetaille() {
    let Some(bytes) = shared_sample("consulterCRDetaille-constructed-rejected.json") else {
        return;
    };
    let cr = ConsulterCrDetaille::parse(&bytes).unwrap();
    assert!(!cr.is_error());
    assert_eq!(cr.etat_courant_depot_flux, Some(EtatFlux::InRejete));
    assert!(cr.etat_courant_depot_flux.as_ref().unwrap().is_terminal());
    assert!(cr.has_rejections());
    assert_eq!(cr.liste_erreur_dp.len(), 1);
    let dp = &cr.liste_erreur_dp[0];
    assert_eq!(dp.numero_dp.as_deref(), Some("FA-2026-0042"));
    assert_eq!(
        dp.identifiant_fournisseur.as_deref(),
        Some("32682006500083")
    );
    let messages = dp.messages();
    assert_eq!(messages.len(), 2);
    assert!(messages[1].contains("ne doit pas depasser 20 caracteres"));
    assert_eq!(cr.liste_erreur_technique.len(), 1);
    let tech = &cr.liste_erreur_technique[0];
    assert_eq!(tech.nature_erreur.as_deref(), Some("ERR_XSD"));
    assert_eq!(tech.code_erreur.as_deref(), Some("ERR_XSD_001"));
    assert_eq!(tech.position(), Some((150, 60)));
    assert!(matches!(
        Response::parse(&bytes).unwrap(),
        Response::CrDetaille(_)
    ));
}

#[test]
fn integrated_flow() {
    let cr = ConsulterCrDetaille::parse(&fixture("crdetaille-integre.json")).unwrap();
    let etat = cr.etat_courant_depot_flux.clone().unwrap();
    assert_eq!(etat, EtatFlux::InIntegre);
    assert!(etat.is_terminal() && etat.is_integrated() && !etat.is_rejected());
    assert!(!cr.has_rejections());
    assert_eq!(cr.nom_fichier.as_deref(), Some("ubl-invoice.xml"));
    assert_eq!(cr.code_interface_depot_flux.as_deref(), Some("FSO1100A"));
}

#[test]
fn partly_integrated_flow() {
    let cr = ConsulterCrDetaille::parse(&fixture("crdetaille-partiel.json")).unwrap();
    assert_eq!(cr.etat_courant_depot_flux, Some(EtatFlux::InIntegrePartiel));
    assert!(cr.has_rejections());
    assert!(cr.liste_erreur_technique.is_empty(), "null reads as empty");
    let numbers: Vec<_> = cr
        .liste_erreur_dp
        .iter()
        .map(|e| e.numero_dp.as_deref().unwrap())
        .collect();
    assert_eq!(numbers, ["F-0002", "F-0003"]);
    assert_eq!(cr.liste_erreur_dp[1].identifiant_destinataire, None);
    // The empty message after the trailing `|` is left out.
    assert_eq!(cr.liste_erreur_dp[1].messages().len(), 1);
}

#[test]
fn platform_error_and_unknown_state() {
    let bytes = fixture("crdetaille-introuvable.json");
    let cr = ConsulterCrDetaille::parse(&bytes).unwrap();
    assert!(cr.is_error());
    assert_eq!(cr.code_retour, 20001);
    assert_eq!(cr.etat_courant_depot_flux, None);
    assert!(matches!(
        Response::parse(&bytes).unwrap(),
        Response::CrDetaille(_)
    ));

    let cr = ConsulterCrDetaille::parse(&fixture("crdetaille-etat-inconnu.json")).unwrap();
    let etat = cr.etat_courant_depot_flux.unwrap();
    assert_eq!(etat, EtatFlux::Other("IN_ETAT_PAS_ENCORE_DOCUMENTE".into()));
    assert!(!etat.is_known() && !etat.is_terminal());
    assert_eq!(etat.as_str(), "IN_ETAT_PAS_ENCORE_DOCUMENTE");
}

#[test]
fn consulter_cr() {
    let bytes = fixture("consultercr.json");
    let cr = ConsulterCr::parse(&bytes).unwrap();
    assert_eq!(cr.etat_courant_flux, Some(EtatFlux::InIntegre));
    assert_eq!(
        cr.numero_flux_depot.as_deref(),
        Some("CPP0012026000000000042")
    );
    let pdf = cr.report_pdf().unwrap().unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert!(matches!(Response::parse(&bytes).unwrap(), Response::Cr(_)));
}

#[test]
fn not_a_response() {
    for text in ["[]", "{}", "not json", "{\"codeRetour\": \"zero\"}"] {
        assert!(
            matches!(
                Response::parse(text.as_bytes()),
                Err(facture::chorus::Error::Response(_))
            ),
            "{text}"
        );
    }
}

#[test]
fn shared_history_sample() {
    let Some(bytes) = shared_sample("CPPHistoStatutFacture.json") else {
        return;
    };
    let history = HistoriqueFacture::parse(&bytes).unwrap();
    assert_eq!(
        history.statut_courant,
        Some(StatutFacture::MiseADisposition)
    );
    let codes: Vec<_> = history.statuts.iter().map(|p| p.statut.clone()).collect();
    assert_eq!(
        codes,
        [
            StatutFacture::MiseADisposition,
            StatutFacture::Suspendue,
            StatutFacture::MiseADisposition
        ]
    );
    let ids: Vec<_> = history.statuts.iter().map(|p| p.id.unwrap()).collect();
    assert_eq!(ids, [2, 5, 6], "oldest first");
    assert_eq!(
        history.statuts[0].commentaire, None,
        "empty comment dropped"
    );
    assert_eq!(
        history.statuts[1].commentaire.as_deref(),
        Some("Commentaire suspension 2 dec")
    );
    assert_eq!(
        history.statuts[0].utilisateur().as_deref(),
        Some("Prenom1 Nom1")
    );
    assert!(matches!(
        Response::parse(&bytes).unwrap(),
        Response::Historique(_)
    ));
}

#[test]
fn own_history_fixture() {
    let history = HistoriqueFacture::parse(&fixture("historique.json")).unwrap();
    assert!(!history.is_error());
    assert_eq!(history.id_facture, Some(4711));
    assert_eq!(history.numero_facture.as_deref(), Some("F-0001"));
    assert_eq!(history.current(), Some(&StatutFacture::Mandatee));
    let codes: Vec<_> = history.statuts.iter().map(|p| p.statut.as_str()).collect();
    assert_eq!(
        codes,
        [
            "DEPOSEE",
            "MISE_A_DISPOSITION",
            "STATUT_FUTUR_INCONNU",
            "MANDATEE"
        ]
    );
    assert!(!history.statuts[2].statut.is_known());
    assert_eq!(
        history.statuts[1].utilisateur().as_deref(),
        Some("Camille Martin")
    );
    assert_eq!(history.statuts[3].commentaire, None);
}

#[test]
fn invoice_statuses_are_the_api_enum() {
    let Some(shared) = shared_dir() else { return };
    let text =
        std::fs::read_to_string(shared.join("chorus-pro/api-chorus-pro-factures.swagger.json"))
            .unwrap();
    let swagger: Value = serde_json::from_str(&text).unwrap();
    let expected: Vec<&str> =
        swagger["definitions"]["HistoriqueStatus"]["properties"]["histoStatutCode"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
    assert_eq!(expected.len(), 56);
    let ours: Vec<&str> = StatutFacture::KNOWN
        .iter()
        .map(StatutFacture::as_str)
        .collect();
    assert_eq!(ours, expected);
    for code in expected {
        let status: StatutFacture = serde_json::from_value(Value::from(code)).unwrap();
        assert!(status.is_known(), "{code}");
        assert_eq!(serde_json::to_value(&status).unwrap(), Value::from(code));
    }
}

#[test]
fn flow_states_and_terminality() {
    let terminal: Vec<&str> = EtatFlux::KNOWN
        .iter()
        .filter(|e| e.is_terminal())
        .map(EtatFlux::as_str)
        .collect();
    assert_eq!(terminal, ["IN_INTEGRE", "IN_INTEGRE_PARTIEL", "IN_REJETE"]);
    for code in [
        "IN_RECU",
        "IN_TRAITE_SE_CPP",
        "QP_RECEVABLE",
        "QP_IRRECEVABLE",
    ] {
        assert!(EtatFlux::from(code).is_known(), "{code}");
    }
    let unknown: EtatFlux = serde_json::from_str("\"QP_NOUVEAU\"").unwrap();
    assert_eq!(serde_json::to_string(&unknown).unwrap(), "\"QP_NOUVEAU\"");

    assert!(StatutFacture::MiseEnPaiement.is_terminal());
    assert!(StatutFacture::Rejetee.is_terminal());
    assert!(!StatutFacture::Deposee.is_terminal());
    assert!(!StatutFacture::Other("X".into()).is_terminal());
    assert!(StatutFacture::Suspendue.needs_supplier_action());
}

fn facture_cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_facture"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn cli_status() {
    let out = facture_cli(&["chorus", "status", "tests/fixtures/chorus/historique.json"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let order: Vec<usize> = [
        "DEPOSEE",
        "MISE_A_DISPOSITION by Camille Martin",
        "STATUT_FUTUR_INCONNU (unknown status)",
        "+01:00  MANDATEE",
    ]
    .iter()
    .map(|s| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s} missing in:\n{text}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(text.contains("current status MANDATEE"));

    let out = facture_cli(&[
        "chorus",
        "status",
        "tests/fixtures/chorus/crdetaille-integre.json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("IN_INTEGRE (final)")
    );

    let out = facture_cli(&[
        "chorus",
        "status",
        "tests/fixtures/chorus/crdetaille-partiel.json",
    ]);
    assert_eq!(out.status.code(), Some(1), "partly integrated: rejections");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("rejected invoice F-0002"), "{text}");
    assert!(text.contains("rejected invoice F-0003"), "{text}");

    let out = facture_cli(&[
        "chorus",
        "status",
        "tests/fixtures/chorus/crdetaille-introuvable.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("platform error 20001")
    );

    let out = facture_cli(&["chorus", "status", "tests/fixtures/chorus/README.md"]);
    assert_eq!(out.status.code(), Some(2), "not JSON");
}

#[test]
fn cli_status_on_the_shared_rejection() {
    let Some(shared) = shared_dir() else { return };
    let file = shared.join("chorus-pro/samples/api/consulterCRDetaille-constructed-rejected.json");
    let out = facture_cli(&["chorus", "status", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("IN_REJETE (final)"), "{text}");
    assert!(text.contains("at line 150, column 60"), "{text}");
}
