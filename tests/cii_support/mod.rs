//! Helpers of the CII end-to-end tests.
#![allow(dead_code)]

/// The CII documents of a file: the file itself, or, for the EN 16931 unit
/// test sets (`<testSet>` wrapping several partial invoices), each embedded
/// `rsm:CrossIndustryInvoice` (they declare their namespaces themselves).
pub fn documents(name: &str, bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let text = std::str::from_utf8(bytes).unwrap_or("");
    let Ok(doc) = roxmltree::Document::parse(text) else {
        return vec![(name.to_owned(), bytes.to_vec())];
    };
    if doc.root_element().tag_name().name() != "testSet" {
        return vec![(name.to_owned(), bytes.to_vec())];
    }
    doc.descendants()
        .filter(|n| n.has_tag_name((facture::syntax::CII_NS, "CrossIndustryInvoice")))
        .enumerate()
        .map(|(i, n)| {
            (
                format!("{name}#{}", i + 1),
                text[n.range()].as_bytes().to_vec(),
            )
        })
        .collect()
}
