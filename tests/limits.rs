//! Every `Limits` bound gives a typed `LimitExceeded` error when exceeded,
//! and accepts input exactly at the bound: input size, XML nodes, nesting
//! depth, and the decoded size of an attachment (BT-125) in each reader
//! that decodes base64 (UBL, CII, CPPFacturePivot, CPPFactureMixte).

mod common;

use common::repo_file;
use facture::{Error, Limits, Profile};

fn bytes(relative: &str) -> Vec<u8> {
    std::fs::read(repo_file(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn limit_error(result: facture::Result<impl Sized>) -> (&'static str, u64, u32) {
    match result {
        Err(Error::LimitExceeded { what, limit, pos }) => (what, limit, pos.line),
        Err(other) => panic!("another error: {other}"),
        Ok(_) => panic!("accepted"),
    }
}

/// The decoded size of the first attachment of a document, and the line of
/// the element holding it.
fn attachment_of(xml: &[u8], element: &str) -> (usize, u32) {
    let doc = facture::read(xml).unwrap();
    let size = doc
        .invoice
        .supporting_documents
        .iter()
        .find_map(|d| d.attachment.as_ref())
        .map(|a| a.content.len())
        .unwrap();
    let text = std::str::from_utf8(xml).unwrap();
    let offset = text.find(element).unwrap();
    let line = text[..offset].matches('\n').count() + 1;
    (size, u32::try_from(line).unwrap())
}

#[test]
fn attachment_size_is_bounded_in_every_reader_that_decodes_one() {
    for (file, element) in [
        (
            "examples/ubl-invoice.xml",
            "<cbc:EmbeddedDocumentBinaryObject",
        ),
        ("examples/cii-invoice.xml", "<ram:AttachmentBinaryObject"),
        ("tests/fixtures/cpp-pivot/ubl-invoice.pivot.xml", "<Contenu"),
        ("tests/fixtures/cpp-pivot/ubl-invoice.mixte.xml", "<Contenu"),
    ] {
        let xml = bytes(file);
        let (size, line) = attachment_of(&xml, element);
        assert!(size > 0, "{file}: {size}");
        let at = Limits {
            max_attachment_bytes: size,
            ..Limits::default()
        };
        assert!(facture::read_with_limits(&xml, &at).is_ok(), "{file}");
        let under = Limits {
            max_attachment_bytes: size - 1,
            ..Limits::default()
        };
        let (what, limit, error_line) = limit_error(facture::read_with_limits(&xml, &under));
        assert!(what.contains("attachment"), "{file}: {what}");
        assert_eq!(limit, (size - 1) as u64, "{file}");
        assert_eq!(error_line, line, "{file}");
        // The same bound through validation and the flow reader.
        let (what, ..) = limit_error(facture::rules::validate_bytes_with_limits(
            &xml,
            &Profile::En16931,
            &under,
        ));
        assert!(what.contains("attachment"), "{file}: {what}");
        if file.contains("cpp-pivot") {
            let flow = facture::syntax::cpp_pivot::read_flow_with_limits(&xml, &under);
            assert!(limit_error(flow).0.contains("attachment"), "{file}");
        }
    }
}

#[test]
fn default_attachment_limit_is_above_chorus_pro_ceiling_and_documented() {
    let limits = Limits::default();
    // Chorus Pro takes attachments up to 10 MB: the default refuses none.
    assert!(limits.max_attachment_bytes >= 10_000_000);
    // And one attachment cannot take the whole input.
    assert!(limits.max_attachment_bytes < limits.max_input_bytes / 2);
}

#[test]
fn node_count_is_bounded() {
    let xml = bytes("examples/ubl-credit-note.xml");
    let nodes = facture::syntax::tree::Document::parse(std::str::from_utf8(&xml).unwrap())
        .unwrap()
        .descendants()
        .count();
    let tight = Limits {
        max_nodes: u32::try_from(nodes / 2).unwrap(),
        ..Limits::default()
    };
    let (what, ..) = limit_error(facture::read_with_limits(&xml, &tight));
    assert!(what.contains("nodes"), "{what}");
    let roomy = Limits {
        max_nodes: u32::try_from(nodes * 2).unwrap(),
        ..Limits::default()
    };
    assert!(facture::read_with_limits(&xml, &roomy).is_ok());
}

#[test]
fn depth_is_bounded_at_the_configured_value() {
    let xml = bytes("examples/cii-credit-note.xml");
    let tight = Limits {
        max_depth: 3,
        ..Limits::default()
    };
    let (what, limit, line) = limit_error(facture::read_with_limits(&xml, &tight));
    assert!(what.contains("depth"), "{what}");
    assert_eq!(limit, 3);
    assert!(line > 1);
    let fits = Limits {
        max_depth: 12,
        ..Limits::default()
    };
    assert!(facture::read_with_limits(&xml, &fits).is_ok());
}

#[test]
fn input_size_is_bounded_at_the_configured_value() {
    let xml = bytes("examples/ubl-credit-note.xml");
    let exact = Limits {
        max_input_bytes: xml.len(),
        ..Limits::default()
    };
    assert!(facture::read_with_limits(&xml, &exact).is_ok());
    let under = Limits {
        max_input_bytes: xml.len() - 1,
        ..Limits::default()
    };
    let (what, limit, line) = limit_error(facture::read_with_limits(&xml, &under));
    assert!(what.contains("input size"), "{what}");
    assert_eq!(limit, (xml.len() - 1) as u64);
    assert_eq!(line, 1);
    let (what, ..) = limit_error(facture::syntax::cpp_statut::read_with_limits(
        &bytes("tests/fixtures/cpp-statut/factures.xml"),
        &Limits {
            max_input_bytes: 10,
            ..Limits::default()
        },
    ));
    assert!(what.contains("input size"), "{what}");
}
