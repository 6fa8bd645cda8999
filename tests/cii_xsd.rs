//! The CII writer's output is valid against the CII D16B XSD, for every
//! shared CII example and the repository's own fixtures.

mod common;

use std::path::PathBuf;

/// Every shared example in `en16931/cii/examples` is XSD-valid. The unit
/// test sets in `en16931/test/cii` wrap partial invoices (only the elements
/// a rule looks at: no `rsm:ExchangedDocument`, no parties…), which are not
/// XSD-valid by design; for those the writer cannot produce a valid document
/// without inventing content, so its output is held to a weaker promise:
/// xmllint's only complaints are missing mandatory elements, never a wrong
/// order, name or value.
fn is_partial_fragment(name: &str) -> bool {
    name.contains('#')
}

/// Whether every xmllint complaint is about a missing element.
fn only_missing_elements(report: &str) -> bool {
    report
        .lines()
        .filter(|l| l.contains("validity error"))
        .all(|l| l.contains("Missing child element(s)"))
}

fn schema(shared: &std::path::Path) -> PathBuf {
    shared.join(
        "en16931/cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd",
    )
}

#[test]
fn fixtures_and_writer_output_are_xsd_valid() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let xsd = schema(&shared);
    let own = [
        common::repo_file("examples/cii-invoice.xml"),
        common::repo_file("examples/cii-credit-note.xml"),
    ];
    for file in &own {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if let Err(e) = common::xmllint_schema(&xsd, &bytes) {
            panic!("{} is not XSD-valid: {e}", file.display());
        }
    }
    let mut files: Vec<PathBuf> = own.to_vec();
    files.extend(common::xml_files(&shared.join("en16931/cii/examples")));
    files.extend(common::xml_files(&shared.join("en16931/test/cii")));
    for file in files {
        for doc in common::documents_of(&file) {
            // `BR-CO-15-2.xml#3`: the file name, and the test's number in a set.
            let name = doc.name.rsplit('/').next().unwrap_or_default().to_owned();
            let bytes = doc.xml.into_bytes();
            let partial = is_partial_fragment(&name);
            let source = common::xmllint_schema(&xsd, &bytes);
            assert_eq!(
                source.is_err(),
                partial,
                "{name}: source XSD verdict: {source:?}"
            );
            let doc = facture::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            let written = facture::write(&doc.invoice, facture::Target::Cii)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            match common::xmllint_schema(&xsd, &written.xml) {
                Ok(()) => {}
                Err(e) if partial && only_missing_elements(&e) => {}
                Err(e) => panic!(
                    "{name}: writer output is not XSD-valid: {e}\n{}",
                    String::from_utf8_lossy(&written.xml)
                ),
            }
        }
    }
}
