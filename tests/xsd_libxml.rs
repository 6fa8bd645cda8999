//! With the `libxml` feature: libxml2 through the `libxml` crate, pointed at
//! the shared schemas, agrees with the native structural check on the
//! shared examples, our own, and broken copies of ours.
#![cfg(feature = "libxml")]

mod common;

fn native_has_xsd_findings(bytes: &[u8]) -> bool {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let doc = facture::syntax::tree::Document::parse(text).expect("well-formed");
    !facture::syntax::xsd::check(&doc, text)
        .expect("a schema")
        .violations
        .is_empty()
}

#[test]
fn libxml2_agrees_with_the_native_check() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut docs: Vec<(String, Vec<u8>)> = Vec::new();
    for dir in [
        "en16931/ubl/examples",
        "en16931/cii/examples",
        "chorus-pro/samples/pivot",
    ] {
        for f in common::xml_files(&shared.join(dir)) {
            docs.push((
                f.display().to_string(),
                std::fs::read(&f).expect("readable"),
            ));
        }
    }
    for name in [
        "ubl-invoice.xml",
        "ubl-credit-note.xml",
        "cii-invoice.xml",
        "cii-credit-note.xml",
    ] {
        let text = std::fs::read_to_string(common::repo_file(&format!("examples/{name}")))
            .expect("example");
        docs.push((name.to_owned(), text.clone().into_bytes()));
        // Broken copies: the third child of the root twice, and an
        // unknown element first.
        let doc = facture::syntax::tree::Document::parse(&text).expect("well-formed");
        let mut children = doc.root_element().children().filter(|n| n.is_element());
        let first = children.next().expect("a child").range();
        let third = children.nth(1).expect("three children").range();
        docs.push((
            format!("{name} with its 3rd child twice"),
            format!("{}{}", &text[..third.end], &text[third.start..]).into_bytes(),
        ));
        docs.push((
            format!("{name} with an unknown element"),
            format!("{}<Inconnu/>{}", &text[..first.start], &text[first.start..]).into_bytes(),
        ));
    }
    let mut rejected = 0;
    for (name, bytes) in &docs {
        let verdict = facture::syntax::xsd::libxml::validate(bytes, &shared)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .unwrap_or_else(|| panic!("{name}: no schema found under {}", shared.display()));
        let libxml2_rejects = !verdict.complaints.is_empty();
        rejected += usize::from(libxml2_rejects);
        assert_eq!(
            native_has_xsd_findings(bytes),
            libxml2_rejects,
            "{name}: libxml2 says {:?}",
            verdict.complaints
        );
    }
    assert!(rejected >= 8, "the broken copies are rejected ({rejected})");
}
