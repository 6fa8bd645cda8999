//! Shared helpers of the end-to-end tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The third-party reference corpus (`../shared` beside the checkout, or
/// `$FACTURE_SHARED`). Tests that need it call this: when it is absent the
/// test fails with an explanation, unless `FACTURE_SKIP_SHARED=1` says to
/// skip such tests, in which case it returns `None` and the test prints that
/// it was skipped.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("FACTURE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.join("en16931").is_dir() {
        return Some(dir);
    }
    if std::env::var_os("FACTURE_SKIP_SHARED").is_some_and(|v| v == "1") {
        eprintln!(
            "SKIPPED: the shared corpus is absent at {} (FACTURE_SKIP_SHARED=1)",
            dir.display()
        );
        return None;
    }
    panic!(
        "the shared reference corpus is absent at {}: put it there, point FACTURE_SHARED at it, \
         or set FACTURE_SKIP_SHARED=1 to skip the tests that need it",
        dir.display()
    );
}

/// The files directly in `dir` whose extension is `xml` (any case), sorted.
pub fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
        })
        .collect();
    files.sort();
    files
}

/// The path of a file of this repository.
pub fn repo_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Whether `xmllint` is on the PATH.
pub fn has_xmllint() -> bool {
    std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Validates `xml` against the XSD at `schema` with `xmllint --schema`;
/// returns xmllint's complaint when it rejects the document. Panics when
/// xmllint is missing (CI installs it: `apt-get install libxml2-utils`).
pub fn xmllint_schema(schema: &Path, xml: &[u8]) -> Result<(), String> {
    assert!(
        has_xmllint(),
        "xmllint is missing: apt-get install libxml2-utils"
    );
    let dir = std::env::temp_dir().join(format!("facture-xsd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let file = dir.join(format!("doc-{n}.xml"));
    std::fs::write(&file, xml).map_err(|e| e.to_string())?;
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--nonet")
        .arg("--schema")
        .arg(schema)
        .arg(&file)
        .output()
        .map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&file);
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// One invoice of the shared corpus: a whole file, or one `<test>` of an
/// EN 16931 unit-test set (`<testSet>`), cut out of it.
pub struct CorpusDocument {
    /// `path` or `path#n` (n-th test of a set, from 1).
    pub name: String,
    /// The invoice XML (unit-test invoices declare their namespaces
    /// themselves, so the cut-out text stands alone).
    pub xml: String,
    /// For a unit test: what it asserts, `("error" | "warning" | "success", rule id)`.
    pub expect: Option<(String, String)>,
}

/// The invoices of `file`: the file itself, or each `<test>`'s invoice when
/// it is a unit-test set.
pub fn documents_of(file: &Path) -> Vec<CorpusDocument> {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let name = file.display().to_string();
    let Ok(doc) = facture::syntax::tree::Document::parse(&text) else {
        return vec![CorpusDocument {
            name,
            xml: text,
            expect: None,
        }];
    };
    if doc.root_element().tag_name().name() != "testSet" {
        return vec![CorpusDocument {
            name,
            xml: text,
            expect: None,
        }];
    }
    let mut out = Vec::new();
    for (i, test) in doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("test") || n.tag_name().name() == "test")
        .enumerate()
    {
        let expect = test
            .children()
            .find(|n| n.tag_name().name() == "assert")
            .and_then(|a| {
                a.children()
                    .find(|n| matches!(n.tag_name().name(), "error" | "warning" | "success"))
            })
            .map(|n| {
                (
                    n.tag_name().name().to_owned(),
                    n.text().unwrap_or("").trim().to_owned(),
                )
            });
        let Some(invoice) = test.children().find(|n| {
            n.is_element()
                && matches!(
                    n.tag_name().name(),
                    "Invoice" | "CreditNote" | "CrossIndustryInvoice"
                )
        }) else {
            continue;
        };
        out.push(CorpusDocument {
            name: format!("{name}#{}", i + 1),
            xml: text.get(invoice.range()).unwrap_or("").to_owned(),
            expect,
        });
    }
    out
}

/// Every invoice of the shared EN 16931 corpus: the UBL and CII examples,
/// `test/testfiles`, and each test of the unit-test sets.
pub fn en16931_corpus(shared: &Path) -> Vec<CorpusDocument> {
    let mut out = Vec::new();
    for dir in [
        "en16931/ubl/examples",
        "en16931/cii/examples",
        "en16931/test/testfiles",
        "en16931/test/Invoice-unit-UBL",
        "en16931/test/CreditNote-unit-UBL",
        "en16931/test/cii",
    ] {
        for file in xml_files(&shared.join(dir)) {
            out.extend(documents_of(&file));
        }
    }
    out
}

/// This repository's own invoices of the kinds real senders produce
/// (`tests/fixtures/realworld`), which the official corpus does not have.
pub fn realworld_invoices() -> Vec<CorpusDocument> {
    xml_files(&repo_file("tests/fixtures/realworld"))
        .iter()
        .flat_map(|file| documents_of(file))
        .collect()
}
