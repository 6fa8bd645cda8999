//! `convert --to cii` then `--to ubl` keeps the official EN 16931 verdict of
//! every shared example: the same fatal business rules (BR-*) fire on the
//! converted file as on the original, as the official CEN XSLT judges them
//! (`../shared/tools/en16931-oracle`, Saxon-HE through `saxonche`).
//!
//! Syntax rules (UBL-*, CII-*) are not compared: they are about the syntax
//! the file is written in, which is what conversion changes.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn oracle_available() -> bool {
    Command::new("python3")
        .args(["-c", "import saxonche"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Fatal BR-* ids per file, from the official XSLT.
fn oracle(shared: &Path, files: &[PathBuf]) -> BTreeMap<PathBuf, BTreeSet<String>> {
    let out = Command::new("python3")
        .arg(shared.join("tools/en16931-oracle"))
        .args(files)
        .output()
        .expect("the oracle runs");
    assert!(
        out.status.success(),
        "oracle failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut verdicts = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("oracle prints JSON lines");
        let file = PathBuf::from(v["file"].as_str().unwrap_or_default());
        assert_ne!(
            v["syntax"],
            "?",
            "{}: the oracle did not recognise the syntax",
            file.display()
        );
        let fired = v["fired"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["flag"] == "fatal")
            .filter_map(|f| f["id"].as_str())
            .filter(|id| id.starts_with("BR-"))
            .map(str::to_owned)
            .collect();
        verdicts.insert(file, fired);
    }
    verdicts
}

#[test]
fn conversion_keeps_the_official_verdict() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    if !oracle_available() {
        if std::env::var_os("FACTURE_SKIP_ORACLE").is_some_and(|v| v == "1") {
            eprintln!("SKIPPED: saxonche is not installed (FACTURE_SKIP_ORACLE=1)");
            return;
        }
        panic!("saxonche is missing: `pip install saxonche` (or FACTURE_SKIP_ORACLE=1 to skip)");
    }
    let work = std::env::temp_dir().join(format!("facture-verdict-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("temp dir");
    let mut originals = common::xml_files(&shared.join("en16931/ubl/examples"));
    originals.extend(common::xml_files(&shared.join("en16931/cii/examples")));
    let mut pairs = Vec::new();
    for (i, original) in originals.iter().enumerate() {
        let bytes = std::fs::read(original).expect("readable");
        let cii = facture::convert(&bytes, facture::Target::Cii)
            .unwrap_or_else(|e| panic!("{}: {e}", original.display()));
        let ubl = facture::convert(&cii.xml, facture::Target::Ubl)
            .unwrap_or_else(|e| panic!("{} (as CII): {e}", original.display()));
        let converted = work.join(format!("{i}.xml"));
        std::fs::write(&converted, &ubl.xml).expect("write");
        pairs.push((original.clone(), converted));
    }
    let all: Vec<PathBuf> = pairs
        .iter()
        .flat_map(|(a, b)| [a.clone(), b.clone()])
        .collect();
    let verdicts = oracle(&shared, &all);
    let mut differences = Vec::new();
    for (original, converted) in &pairs {
        let before = verdicts.get(original).cloned().unwrap_or_default();
        let after = verdicts.get(converted).cloned().unwrap_or_default();
        if before != after {
            differences.push(format!(
                "{}: original {before:?}, after cii→ubl {after:?} ({})",
                original.display(),
                converted.display()
            ));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    assert!(
        pairs.len() >= 30,
        "only {} shared examples found",
        pairs.len()
    );
    let _ = std::fs::remove_dir_all(&work);
}
