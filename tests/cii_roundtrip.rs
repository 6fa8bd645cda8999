//! CII read → write → read gives the same invoice, for every shared CII
//! example and the repository's own fixtures.

mod common;

use std::path::PathBuf;

/// Shared files that cannot be read, and why (none so far).
const UNREADABLE: &[(&str, &str)] = &[];

fn corpus() -> Vec<PathBuf> {
    let mut files = vec![
        common::repo_file("examples/cii-invoice.xml"),
        common::repo_file("examples/cii-credit-note.xml"),
    ];
    if let Some(shared) = common::shared_dir() {
        files.extend(common::xml_files(&shared.join("en16931/cii/examples")));
        files.extend(common::xml_files(&shared.join("en16931/test/cii")));
    }
    files
}

#[test]
fn read_write_read_is_identity() {
    let mut checked = 0;
    for file in corpus() {
        for doc in common::documents_of(&file) {
            // `BR-CO-15-2.xml#3`: the file name, and the test's number in a set.
            let name = doc.name.rsplit('/').next().unwrap_or_default().to_owned();
            let bytes = doc.xml.into_bytes();
            let first = match facture::read(&bytes) {
                Ok(doc) => doc,
                Err(e) => {
                    assert!(
                        UNREADABLE.iter().any(|(n, _)| *n == name),
                        "{name} does not read: {e}"
                    );
                    continue;
                }
            };
            assert_eq!(first.syntax, facture::Syntax::Cii, "{name}");
            let written = facture::write(&first.invoice, facture::Target::Cii)
                .unwrap_or_else(|e| panic!("{name}: write failed: {e}"));
            assert!(
                written.dropped.is_empty(),
                "{name}: dropped {:?}",
                written.dropped
            );
            let second = facture::read(&written.xml).unwrap_or_else(|e| {
                panic!(
                    "{name}: output does not read back: {e}\n{}",
                    String::from_utf8_lossy(&written.xml)
                )
            });
            assert_eq!(
                second.invoice, first.invoice,
                "{name}: model changed in the round trip"
            );
            assert!(
                second.ignored.is_empty(),
                "{name}: the writer emitted elements its own reader ignores: {:?}",
                second.ignored
            );
            checked += 1;
        }
    }
    assert!(checked >= 2, "only {checked} documents checked");
    eprintln!("{checked} CII documents round-tripped");
}
