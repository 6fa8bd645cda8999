//! The fuzz targets' bodies, one function per target, shared by the
//! libFuzzer binaries (`fuzz_targets/*.rs`) and the corpus replay test
//! (`tests/fuzz_regressions.rs`), so a crasher replays through exactly the
//! code that found it. Each takes any bytes: an error or any verdict is
//! fine, a panic, hang or runaway allocation is not.
#![allow(dead_code)]

use facture::{Invoice, Limits, Profile};

/// Every validation profile; add new ones here so the `validate` target
/// covers them.
pub fn profiles() -> [Profile; 3] {
    [Profile::En16931, Profile::chorus_pro(), Profile::FacturX]
}

/// A target's body.
pub type Target = fn(&[u8]);

/// The targets by name (the names of the fuzz binaries and of the corpus
/// folders).
pub const TARGETS: &[(&str, Target)] = &[
    ("tree", tree),
    ("read", read),
    ("validate", validate),
    ("ubl", ubl),
    ("cii", cii),
    ("cpp_pivot", cpp_pivot),
    ("cpp_mixte", cpp_mixte),
    ("cpp_statut", cpp_statut),
    ("facturx", facturx),
];

/// Every writer target.
const WRITERS: &[facture::Target] = &[
    facture::Target::Ubl,
    facture::Target::UblInvoice,
    facture::Target::UblCreditNote,
    facture::Target::Cii,
    facture::Target::CppPivot,
    facture::Target::CppMixte,
];

/// The XML tree alone (`facture::syntax::tree`, the one parser every
/// reader stands on), then every accessor of every node, checking what
/// the tree promises: ranges inside the text and inside the parent's,
/// names found again by `name_id`, attribute values and the namespaces in
/// scope readable.
pub fn tree(data: &[u8]) {
    with_tree(data, |tree, text| {
        assert_eq!(tree.input_text(), text, "input_text");
        let root = tree.root_element();
        assert!(root.is_element() && root.parent().is_some_and(|p| p.is_root()));
        for node in tree.descendants() {
            let range = node.range();
            assert!(
                text.get(range.clone()).is_some(),
                "range {range:?} in the text"
            );
            if let Some(parent) = node.parent().filter(|p| p.is_element()) {
                let outer = parent.range();
                assert!(
                    outer.start <= range.start && range.end <= outer.end,
                    "nested ranges"
                );
            }
            if node.is_text() {
                assert!(
                    node.text().is_some_and(|t| !t.is_empty()),
                    "empty text node"
                );
                continue;
            }
            if !node.is_element() {
                continue;
            }
            let name = node.tag_name();
            assert_eq!(
                tree.name_id(name.namespace(), name.name()),
                node.name_id(),
                "name_id of {}",
                name.name()
            );
            assert!(node.has_tag_name(name.name()));
            let _ = node.text();
            let _ = node.first_element_child();
            let _ = node.ancestors().count();
            for a in node.attributes() {
                assert!(text.get(a.range()).is_some(), "attribute range");
                let found = match a.namespace() {
                    Some(ns) => node.attribute((ns, a.name())),
                    None => node.attribute(a.name()),
                };
                assert_eq!(
                    found,
                    Some(a.value()),
                    "attribute {} found by name",
                    a.name()
                );
            }
            for ns in node.namespaces() {
                assert_eq!(
                    node.lookup_namespace_uri(ns.name()),
                    Some(ns.uri()),
                    "in-scope prefix"
                );
            }
        }
    });
}

/// Syntax detection and the detected reader, then every writer.
pub fn read(data: &[u8]) {
    if let Ok(doc) = facture::read(data) {
        write_everywhere(&doc.invoice);
    }
}

/// The whole validation with every profile.
pub fn validate(data: &[u8]) {
    for profile in profiles() {
        if let Ok(report) = facture::validate_bytes(data, &profile) {
            let _ = report.verdict();
        }
    }
}

/// The UBL reader directly (no syntax detection), then every writer.
pub fn ubl(data: &[u8]) {
    with_tree(data, |tree, text| {
        if let Ok(doc) = facture::syntax::ubl::read_document(tree, text) {
            write_everywhere(&doc.invoice);
        }
    });
}

/// The CII reader directly (no syntax detection), then every writer.
pub fn cii(data: &[u8]) {
    with_tree(data, |tree, text| {
        if let Ok(doc) = facture::syntax::cii::read_document(tree, text) {
            write_everywhere(&doc.invoice);
        }
    });
}

/// The `CPPFacturePivot` flow reader, every invoice of the flow through
/// every writer.
pub fn cpp_pivot(data: &[u8]) {
    if let Ok(flow) = facture::syntax::cpp_pivot::read_flow(data) {
        for unit in &flow {
            write_everywhere(&unit.document.invoice);
        }
    }
}

/// The `CPPFactureMixte` reader (shared with the pivot, but seeded with
/// mixte flows), then the mixte writer with the platform data read, and
/// every writer.
pub fn cpp_mixte(data: &[u8]) {
    if let Ok(flow) = facture::syntax::cpp_mixte::read_flow(data) {
        for unit in &flow {
            if let Ok(written) =
                facture::syntax::cpp_mixte::write(&unit.document.invoice, &unit.platform)
            {
                let _ = facture::syntax::cpp_mixte::read_flow(&written.xml);
            }
            write_everywhere(&unit.document.invoice);
        }
    }
}

/// The `CPPStatut` reader.
pub fn cpp_statut(data: &[u8]) {
    let _ = facture::syntax::cpp_statut::read(data);
}

/// Any bytes as a Factur-X PDF: extraction, validation of what was
/// extracted, and embedding an invoice into them (streams bounded at
/// 1 MiB). Embedding then extracting must give the invoice back.
pub fn facturx(data: &[u8]) {
    use facture::syntax::facturx::{self, EmbedOptions};
    const INVOICE: &[u8] = include_bytes!("../../examples/cii-invoice.xml");
    let limits = Limits {
        max_input_bytes: 1 << 20,
        max_pdf_stream_bytes: 1 << 20,
        ..Limits::default()
    };
    if facturx::extract(data, &limits).is_ok() {
        let _ = facture::rules::validate_bytes_with_limits(data, &Profile::En16931, &limits);
    }
    let options = EmbedOptions {
        limits,
        ..EmbedOptions::default()
    };
    if let Ok(pdf) = facturx::embed(data, INVOICE, &options) {
        let again = facturx::extract(&pdf, &Limits::default());
        assert!(again.is_ok_and(|x| x.xml == INVOICE), "embed then extract");
    }
}

/// Parses `data` as the library does (limits, no DTD, UTF-8) and hands the
/// tree to `f`; input that is not acceptable XML stops here.
fn with_tree(data: &[u8], f: impl FnOnce(&facture::syntax::tree::Document<'_>, &str)) {
    let limits = Limits::default();
    let Ok(text) = facture::syntax::xml_input::as_text(data, &limits) else {
        return;
    };
    let Ok(tree) = facture::syntax::xml_input::parse(text, &limits) else {
        return;
    };
    f(&tree, text);
}

/// Writes `invoice` with every writer and reads each output back.
fn write_everywhere(invoice: &Invoice) {
    for target in WRITERS {
        if let Ok(written) = facture::write(invoice, *target) {
            let _ = facture::read(&written.xml);
        }
    }
}
