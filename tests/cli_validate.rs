//! `facture validate` on many files: directories walked recursively,
//! results in input order, a summary on stderr, unreadable files reported
//! without stopping the others, exit codes 0/1/2.

mod common;

use common::repo_file;
use std::path::{Path, PathBuf};
use std::process::Output;

fn facture(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_facture"))
        .args(args)
        .output()
        .unwrap()
}

/// A fresh directory with copies of the examples, nested, plus a text file
/// that is not XML (skipped when walking).
fn batch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("facture-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("b/nested")).unwrap();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    let copy = |from: &str, to: &str| std::fs::copy(repo_file(from), dir.join(to)).unwrap();
    copy("examples/ubl-invoice.xml", "b/nested/2.xml");
    copy("examples/cii-invoice.xml", "a/1.xml");
    copy("examples/ubl-credit-note.xml", "b/3.XML");
    std::fs::write(dir.join("a/notes.txt"), "not an invoice").unwrap();
    dir
}

fn json_files(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["file"].as_str().unwrap().to_owned()
        })
        .collect()
}

fn rel(dir: &Path, files: &[String]) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    files
        .iter()
        .map(|f| f.strip_prefix(&prefix).unwrap_or(f).to_owned())
        .collect()
}

#[test]
fn directories_are_walked_recursively_in_path_order() {
    let dir = batch_dir("walk");
    let out = facture(&["validate", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        rel(&dir, &json_files(&out)),
        ["a/1.xml", "b/3.XML", "b/nested/2.xml"]
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("3 file(s): 3 valid, 0 invalid, 0 unreadable in"),
        "{stderr}"
    );
    // Not a terminal: no progress bar drawing.
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "{stderr:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_keeps_the_input_order_whatever_the_parallelism() {
    // Many files, given in a scrambled order, come out in that order.
    let dir = batch_dir("order");
    let examples = [
        "examples/cii-credit-note.xml",
        "examples/ubl-invoice.xml",
        "examples/cii-invoice.xml",
        "examples/ubl-credit-note.xml",
    ];
    let mut args: Vec<String> = vec!["validate".into(), "--format".into(), "json".into()];
    for i in 0..80 {
        let name = dir.join(format!("f{:03}.xml", (i * 37) % 80));
        std::fs::copy(repo_file(examples[i % 4]), &name).unwrap();
        args.push(name.display().to_string());
    }
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = facture(&argv);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(json_files(&out), args[3..].to_vec());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unreadable_files_are_reported_and_the_others_still_checked() {
    let dir = batch_dir("unreadable");
    std::fs::write(dir.join("a/0-broken.xml"), "<Invoice").unwrap();
    let missing = dir.join("missing.xml");
    let out = facture(&[
        "validate",
        "--format",
        "json",
        dir.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "{stdout}");
    assert_eq!(lines[0]["error"]["kind"], "malformed");
    assert_eq!(lines[4]["error"]["kind"], "io");
    assert!(lines[1..4].iter().all(|l| l["valid"] == true), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("5 file(s): 3 valid, 0 invalid, 2 unreadable"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_invalid_file_gives_exit_1_and_is_counted() {
    let dir = batch_dir("invalid");
    let xml = std::fs::read_to_string(repo_file("examples/ubl-credit-note.xml")).unwrap();
    let broken = xml;
    // Drop the invoice number (BT-1): BR-02 fires.
    let start = broken.find("<cbc:ID>").unwrap();
    let end = broken[start..].find("</cbc:ID>").unwrap() + start + "</cbc:ID>".len();
    std::fs::write(
        dir.join("b/4.xml"),
        format!("{}{}", &broken[..start], &broken[end..]),
    )
    .unwrap();
    let out = facture(&["validate", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("4.xml: invalid"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("4 file(s): 3 valid, 1 invalid, 0 unreadable"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_single_file_prints_no_summary() {
    let out = facture(&[
        "validate",
        repo_file("examples/ubl-invoice.xml").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
