//! The `deposerFluxFacture` body: syntax codes, JSON shape against the
//! Factures API definition, size and name limits, and `facture chorus
//! payload`.

mod common;

use common::{repo_file, shared_dir};
use facture::chorus::{self, DeposerFluxFacture, MAX_FILE_BYTES, SyntaxeFlux};
use serde_json::Value;

fn example(name: &str) -> Vec<u8> {
    std::fs::read(repo_file(&format!("examples/{name}"))).unwrap()
}

fn swagger() -> Option<Value> {
    let shared = shared_dir()?;
    let text =
        std::fs::read_to_string(shared.join("chorus-pro/api-chorus-pro-factures.swagger.json"))
            .unwrap();
    Some(serde_json::from_str(&text).unwrap())
}

fn string_enum(value: &Value) -> Vec<String> {
    value["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn syntaxe_flux_has_every_value_of_the_api_enum() {
    let Some(swagger) = swagger() else { return };
    let expected = string_enum(
        &swagger["definitions"]["DeposerFluxFactureParam"]["properties"]["syntaxeFlux"],
    );
    let ours: Vec<String> = SyntaxeFlux::ALL.iter().map(|s| s.to_string()).collect();
    assert_eq!(ours, expected);
    for s in SyntaxeFlux::ALL {
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, format!("\"{}\"", s.as_str()));
        assert_eq!(serde_json::from_str::<SyntaxeFlux>(&json).unwrap(), s);
        assert_eq!(s.as_str().parse::<SyntaxeFlux>().unwrap(), s);
    }
    assert!("IN_DP_E3_UBL_INVOICE".parse::<SyntaxeFlux>().is_err());
}

#[test]
fn syntax_is_detected_from_the_file() {
    for (file, expected) in [
        ("ubl-invoice.xml", SyntaxeFlux::InDpE1UblInvoice),
        ("ubl-credit-note.xml", SyntaxeFlux::InDpE1UblInvoice),
        ("cii-invoice.xml", SyntaxeFlux::InDpE1Cii16b),
        ("cii-credit-note.xml", SyntaxeFlux::InDpE1Cii16b),
    ] {
        let bytes = example(file);
        assert_eq!(
            chorus::syntaxe_for_bytes(&bytes).unwrap(),
            expected,
            "{file}"
        );
        let doc = facture::read(&bytes).unwrap();
        assert_eq!(chorus::syntaxe_for(&doc).unwrap(), expected, "{file}");
    }
    let mixte = facture::convert(&example("ubl-invoice.xml"), facture::Target::CppMixte)
        .unwrap()
        .xml;
    assert_eq!(
        chorus::syntaxe_for_bytes(&mixte).unwrap(),
        SyntaxeFlux::InDpE2CppFactureMin
    );
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";
    assert_eq!(
        chorus::syntaxe_for_bytes(pdf).unwrap(),
        SyntaxeFlux::InDpE2CiiFacturx
    );
}

#[test]
fn pivot_is_not_depositable() {
    let pivot = facture::convert(&example("ubl-invoice.xml"), facture::Target::CppPivot)
        .unwrap()
        .xml;
    let doc = facture::read(&pivot).unwrap();
    assert!(matches!(
        chorus::syntaxe_for(&doc),
        Err(chorus::Error::NotDepositable {
            syntax: facture::Syntax::CppPivot,
            ..
        })
    ));
    assert!(matches!(
        DeposerFluxFacture::from_file(&pivot, "pivot.xml"),
        Err(chorus::Error::NotDepositable { .. })
    ));
}

#[test]
fn unreadable_file_is_a_typed_error() {
    assert!(matches!(
        DeposerFluxFacture::from_file(b"hello, world", "x.txt"),
        Err(chorus::Error::Unreadable(_))
    ));
    assert!(matches!(
        DeposerFluxFacture::from_file(b"<root/>", "x.xml"),
        Err(chorus::Error::Unreadable(_))
    ));
}

#[test]
fn payload_json_matches_the_api_definition() {
    let Some(swagger) = swagger() else { return };
    let definition = &swagger["definitions"]["DeposerFluxFactureParam"];
    let properties = definition["properties"].as_object().unwrap();
    let bytes = example("cii-invoice.xml");
    for body in [
        DeposerFluxFacture::from_file(&bytes, "cii-invoice.xml").unwrap(),
        DeposerFluxFacture::from_file(&bytes, "cii-invoice.xml")
            .unwrap()
            .user_id(331)
            .signed(true),
    ] {
        let json: Value = serde_json::from_str(&body.to_json()).unwrap();
        // The derived serialisation and the JSON text agree.
        assert_eq!(serde_json::to_value(&body).unwrap(), json);
        let object = json.as_object().unwrap();
        for (name, value) in object {
            let Some(spec) = properties.get(name) else {
                panic!("{name} is not a property of DeposerFluxFactureParam")
            };
            let ok = match spec["type"].as_str().unwrap() {
                "integer" => value.is_i64(),
                "string" => value.is_string(),
                "boolean" => value.is_boolean(),
                other => panic!("unexpected type {other}"),
            };
            assert!(ok, "{name}: {value} is not a {}", spec["type"]);
            if spec.get("enum").is_some() {
                assert!(
                    string_enum(spec).contains(&value.as_str().unwrap().to_owned()),
                    "{name}: {value} not in the enum"
                );
            }
        }
        for required in ["fichierFlux", "nomFichier", "syntaxeFlux", "avecSignature"] {
            assert!(object.contains_key(required), "{required} missing");
        }
        assert_eq!(json["syntaxeFlux"], "IN_DP_E1_CII_16B");
        assert_eq!(json["nomFichier"], "cii-invoice.xml");
        assert_eq!(body.file_bytes().unwrap(), bytes);
    }
    let with_user: Value = serde_json::from_str(
        &DeposerFluxFacture::from_file(&bytes, "f.xml")
            .unwrap()
            .user_id(331)
            .signed(true)
            .to_json(),
    )
    .unwrap();
    assert_eq!(with_user["idUtilisateurCourant"], 331);
    assert_eq!(with_user["avecSignature"], true);
    let without: Value = serde_json::from_str(
        &DeposerFluxFacture::from_file(&bytes, "f.xml")
            .unwrap()
            .to_json(),
    )
    .unwrap();
    assert!(without.get("idUtilisateurCourant").is_none());
    assert_eq!(without["avecSignature"], false);
}

#[test]
fn payload_reads_back_from_json() {
    let body = DeposerFluxFacture::from_file(&example("ubl-invoice.xml"), "u.xml")
        .unwrap()
        .user_id(7);
    let back: DeposerFluxFacture = serde_json::from_str(&body.to_json_pretty()).unwrap();
    assert_eq!(back, body);
}

#[test]
fn size_and_name_limits() {
    assert!(matches!(
        DeposerFluxFacture::with_syntaxe(b"", "a.xml", SyntaxeFlux::InDpE1Xcbl),
        Err(chorus::Error::Empty)
    ));
    let at_limit = vec![b' '; MAX_FILE_BYTES];
    assert!(DeposerFluxFacture::with_syntaxe(&at_limit, "a.xml", SyntaxeFlux::InDpE1Xcbl).is_ok());
    let over = vec![b' '; MAX_FILE_BYTES + 1];
    match DeposerFluxFacture::with_syntaxe(&over, "a.xml", SyntaxeFlux::InDpE1Xcbl) {
        Err(chorus::Error::TooLarge { size, limit }) => {
            assert_eq!((size, limit), (MAX_FILE_BYTES + 1, 10_000_000));
        }
        other => panic!("{other:?}"),
    }
    // The size is checked before the syntax is looked for.
    assert!(matches!(
        DeposerFluxFacture::from_file(&over, "a.xml"),
        Err(chorus::Error::TooLarge { .. })
    ));
    for name in ["", "  ", "dir/a.xml", "c:\\a.xml"] {
        assert!(
            matches!(
                DeposerFluxFacture::with_syntaxe(b"x", name, SyntaxeFlux::InDpE1Xcbl),
                Err(chorus::Error::BadFileName(_))
            ),
            "{name:?}"
        );
    }
}

fn facture_cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_facture"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn cli_payload_prints_the_body() {
    let out = facture_cli(&[
        "chorus",
        "payload",
        "examples/ubl-invoice.xml",
        "--user-id",
        "331",
        "--signed",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["idUtilisateurCourant"], 331);
    assert_eq!(json["avecSignature"], true);
    assert_eq!(json["nomFichier"], "ubl-invoice.xml");
    assert_eq!(json["syntaxeFlux"], "IN_DP_E1_UBL_INVOICE");
    let body: DeposerFluxFacture = serde_json::from_value(json).unwrap();
    assert_eq!(body.file_bytes().unwrap(), example("ubl-invoice.xml"));

    let out = facture_cli(&[
        "chorus",
        "payload",
        "--name",
        "depot.xml",
        "examples/cii-invoice.xml",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["nomFichier"], "depot.xml");
    assert_eq!(json["syntaxeFlux"], "IN_DP_E1_CII_16B");
    assert!(json.get("idUtilisateurCourant").is_none());
}

#[test]
fn cli_payload_refuses_an_invalid_invoice() {
    let out = facture_cli(&[
        "chorus",
        "payload",
        "tests/fixtures/chorus/ubl-invoice-no-issue-date.xml",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("BR-03"), "{stderr}");
}

#[test]
fn cli_payload_errors() {
    let dir = std::env::temp_dir().join(format!("facture-chorus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pivot = dir.join("pivot.xml");
    std::fs::write(
        &pivot,
        facture::convert(&example("ubl-invoice.xml"), facture::Target::CppPivot)
            .unwrap()
            .xml,
    )
    .unwrap();
    let garbage = dir.join("garbage.txt");
    std::fs::write(&garbage, "not an invoice").unwrap();
    let bad_pdf = dir.join("not-facturx.pdf");
    std::fs::write(&bad_pdf, b"%PDF-1.7\n%%EOF\n").unwrap();
    // A Factur-X PDF made from the bundled CII example.
    let pdf = dir.join("facturx.pdf");
    let out = facture_cli(&[
        "facturx",
        "embed",
        "--pdf",
        "tests/fixtures/facturx/blank.pdf",
        "--xml",
        "examples/cii-invoice.xml",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = facture_cli(&["chorus", "payload", pivot.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "pivot: not depositable");
    let out = facture_cli(&["chorus", "payload", garbage.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "unreadable");
    let out = facture_cli(&["chorus", "payload", "no/such/file.xml"]);
    assert_eq!(out.status.code(), Some(2), "missing file");
    let out = facture_cli(&["chorus", "payload", "--user-id", "x", "f.xml"]);
    assert_eq!(out.status.code(), Some(2), "usage");
    let out = facture_cli(&["chorus", "payload", bad_pdf.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a PDF without an invoice is unreadable"
    );
    let out = facture_cli(&["chorus", "payload", pdf.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["syntaxeFlux"], "IN_DP_E2_CII_FACTURX");
    let _ = std::fs::remove_dir_all(&dir);
}

fn untar(archive: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut out = Vec::new();
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(archive));
    for entry in tar.entries().unwrap() {
        let mut entry = entry.unwrap();
        let name = entry.path().unwrap().to_string_lossy().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        out.push((name, bytes));
    }
    out
}

#[test]
fn several_invoices_make_one_tar_gz_flow() {
    let invoice = example("ubl-invoice.xml");
    let credit = example("ubl-credit-note.xml");
    let files: [(&str, &[u8]); 2] = [("a.xml", &invoice), ("b.xml", &credit)];
    let body = DeposerFluxFacture::from_files(&files, "flux.tar.gz").unwrap();
    assert_eq!(body.syntaxe_flux, SyntaxeFlux::InDpE1UblInvoice);
    assert_eq!(body.nom_fichier, "flux.tar.gz");
    let archive = body.file_bytes().unwrap();
    assert!(archive.starts_with(&[0x1f, 0x8b]), "gzip");
    assert_eq!(
        untar(&archive),
        [
            ("a.xml".to_owned(), invoice.clone()),
            ("b.xml".to_owned(), credit.clone())
        ]
    );
    // Deterministic: the same files give the same body.
    assert_eq!(
        DeposerFluxFacture::from_files(&files, "flux.tar.gz").unwrap(),
        body
    );
}

#[test]
fn multi_file_flow_errors() {
    let ubl = example("ubl-invoice.xml");
    let cii = example("cii-invoice.xml");
    assert!(matches!(
        DeposerFluxFacture::from_files(&[], "f.tar.gz"),
        Err(chorus::Error::NoFiles)
    ));
    match DeposerFluxFacture::from_files(&[("u.xml", &ubl), ("c.xml", &cii)], "f.tar.gz") {
        Err(chorus::Error::MixedSyntaxes {
            name,
            expected,
            found,
        }) => {
            assert_eq!(name, "c.xml");
            assert_eq!(expected, SyntaxeFlux::InDpE1UblInvoice);
            assert_eq!(found, SyntaxeFlux::InDpE1Cii16b);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        DeposerFluxFacture::from_files(&[("u.xml", &ubl), ("u.xml", &ubl)], "f.tar.gz"),
        Err(chorus::Error::DuplicateName(n)) if n == "u.xml"
    ));
    assert!(matches!(
        DeposerFluxFacture::from_files(&[("d/u.xml", &ubl)], "f.tar.gz"),
        Err(chorus::Error::BadFileName(_))
    ));
    assert!(matches!(
        DeposerFluxFacture::from_files(&[("u.xml", &ubl)], ""),
        Err(chorus::Error::BadFileName(_))
    ));
}

#[test]
fn cli_payload_of_several_files() {
    let out = facture_cli(&[
        "chorus",
        "payload",
        "examples/cii-invoice.xml",
        "examples/cii-credit-note.xml",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let body: DeposerFluxFacture = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(body.syntaxe_flux, SyntaxeFlux::InDpE1Cii16b);
    assert_eq!(body.nom_fichier, "flux.tar.gz");
    let names: Vec<String> = untar(&body.file_bytes().unwrap())
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["cii-invoice.xml", "cii-credit-note.xml"]);

    // One invalid file refuses the whole flow.
    let out = facture_cli(&[
        "chorus",
        "payload",
        "examples/ubl-invoice.xml",
        "tests/fixtures/chorus/ubl-invoice-no-issue-date.xml",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}
