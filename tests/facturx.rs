//! Factur-X: embed and extract round trips, reading through `facture::read`
//! and `validate_bytes`, files written by other tools, bad PDFs, and the
//! independent readers (qpdf, pdfdetach, the `factur-x` Python package)
//! when they are installed.

use facture::syntax::facturx::{self, EmbedOptions, FacturXProfile, Relationship};
use facture::{Error, Limits, Syntax};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/facturx")
        .join(name)
}

fn read(path: impl AsRef<Path>) -> Vec<u8> {
    let path = path.as_ref();
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn cii() -> Vec<u8> {
    read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cii-invoice.xml"))
}

/// The example CII with another BT-24.
fn cii_with_profile(profile: FacturXProfile) -> Vec<u8> {
    String::from_utf8(cii())
        .unwrap()
        .replacen(
            "<ram:ID>urn:cen.eu:en16931:2017</ram:ID>",
            &format!("<ram:ID>{}</ram:ID>", profile.specification()),
            1,
        )
        .into_bytes()
}

/// The invoice the fixture PDFs embed.
fn fixture_xml() -> Vec<u8> {
    read(fixture("invoice.xml"))
}

fn fixed_date() -> EmbedOptions {
    EmbedOptions {
        date: chrono::NaiveDate::from_ymd_opt(2026, 4, 1).and_then(|d| d.and_hms_opt(12, 0, 0)),
        ..EmbedOptions::default()
    }
}

/// A one-page PDF with a line of text, built with lopdf.
fn page_pdf(text: &str) -> Document {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    let font_id = doc.add_object(font);
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(font_id));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    let content = format!("BT /F1 24 Tf 72 720 Td ({text}) Tj ET");
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content.into_bytes()));
    let mut page = Dictionary::new();
    page.set("Type", Object::Name(b"Page".to_vec()));
    page.set("Parent", Object::Reference(pages_id));
    page.set("Contents", Object::Reference(content_id));
    let page_id = doc.add_object(page);
    let mut pages = Dictionary::new();
    pages.set("Type", Object::Name(b"Pages".to_vec()));
    pages.set("Kids", Object::Array(vec![Object::Reference(page_id)]));
    pages.set("Count", Object::Integer(1));
    pages.set("Resources", Object::Dictionary(resources));
    pages.set(
        "MediaBox",
        Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]),
    );
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    doc
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// Attaches `files` (name, compressed content) through the name tree only,
/// as a plain PDF attachment, without /AF, relationship or XMP.
fn with_attachments(mut doc: Document, files: &[(&str, Vec<u8>)]) -> Document {
    let mut names = Vec::new();
    for (name, content) in files {
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"EmbeddedFile".to_vec()));
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let stream_id = doc.add_object(Stream::new(dict, content.clone()));
        let mut ef = Dictionary::new();
        ef.set("F", Object::Reference(stream_id));
        let mut spec = Dictionary::new();
        spec.set("Type", Object::Name(b"Filespec".to_vec()));
        spec.set("F", Object::string_literal(*name));
        spec.set("EF", Object::Dictionary(ef));
        let spec_id = doc.add_object(spec);
        names.push(Object::String(
            name.as_bytes().to_vec(),
            StringFormat::Literal,
        ));
        names.push(Object::Reference(spec_id));
    }
    let mut tree = Dictionary::new();
    tree.set("Names", Object::Array(names));
    let mut dict = Dictionary::new();
    dict.set("EmbeddedFiles", Object::Dictionary(tree));
    doc.catalog_mut()
        .unwrap()
        .set("Names", Object::Dictionary(dict));
    doc
}

#[test]
#[ignore = "regenerates tests/fixtures/facturx/blank.pdf"]
fn regenerate_blank_fixture() {
    std::fs::write(fixture("blank.pdf"), save(page_pdf("Facture F-2026-042"))).unwrap();
}

#[test]
fn embed_then_extract_is_byte_identical_and_keeps_the_page() {
    let pdf = read(fixture("blank.pdf"));
    let xml = cii();
    let out = facturx::embed(&pdf, &xml, &fixed_date()).unwrap();
    let got = facturx::extract(&out, &Limits::default()).unwrap();
    assert_eq!(got.xml, xml);
    assert_eq!(got.file_name, "factur-x.xml");
    assert_eq!(got.relationship.as_deref(), Some("Data"));
    assert_eq!(got.mime_type.as_deref(), Some("text/xml"));
    assert!(got.associated);
    assert_eq!(got.attachments, ["factur-x.xml"]);
    let xmp = got.xmp.as_ref().expect("XMP written");
    assert_eq!(xmp.conformance_level.as_deref(), Some("EN 16931"));
    assert_eq!(xmp.document_file_name.as_deref(), Some("factur-x.xml"));
    assert_eq!(xmp.document_type.as_deref(), Some("INVOICE"));
    assert_eq!(xmp.pdfa_part.as_deref(), Some("3"));
    assert_eq!(got.declared_profile(), Some(FacturXProfile::En16931));

    // The page and its content are those of the input.
    let before = Document::load_mem(&pdf).unwrap();
    let after = Document::load_mem(&out).unwrap();
    assert_eq!(after.get_pages().len(), 1);
    let page = |d: &Document| d.get_page_content(*d.get_pages().get(&1).unwrap());
    assert_eq!(page(&after), page(&before));

    // The checksum and size parameters describe the XML.
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.contains(&format!("/Size {}", xml.len())),
        "Params /Size"
    );
    assert!(
        text.contains("D:20260401120000Z"),
        "/ModDate and /CreationDate"
    );
}

#[test]
fn relationship_option_and_re_embedding_replace_the_invoice() {
    let pdf = read(fixture("blank.pdf"));
    let first = facturx::embed(&pdf, &cii(), &fixed_date()).unwrap();
    let basic = cii_with_profile(FacturXProfile::Basic);
    let options = EmbedOptions {
        relationship: Relationship::Alternative,
        ..fixed_date()
    };
    let second = facturx::embed(&first, &basic, &options).unwrap();
    let got = facturx::extract(&second, &Limits::default()).unwrap();
    assert_eq!(got.xml, basic, "the new invoice replaces the old one");
    assert_eq!(got.relationship.as_deref(), Some("Alternative"));
    assert_eq!(got.declared_profile(), Some(FacturXProfile::Basic));
    assert_eq!(got.attachments, ["factur-x.xml"]);
}

#[test]
fn embedding_keeps_other_attachments() {
    let doc = with_attachments(page_pdf("x"), &[("notes.txt", zlib(b"hello"))]);
    let out = facturx::embed(&save(doc), &cii(), &fixed_date()).unwrap();
    let got = facturx::extract(&out, &Limits::default()).unwrap();
    let mut names = got.attachments.clone();
    names.sort();
    assert_eq!(names, ["factur-x.xml", "notes.txt"]);
}

#[test]
fn embed_refuses_xml_that_is_not_factur_x_cii() {
    let pdf = read(fixture("blank.pdf"));
    let ubl = read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ubl-invoice.xml"));
    let e = facturx::embed(&pdf, &ubl, &fixed_date()).unwrap_err();
    assert!(matches!(e, Error::UnknownDocument { .. }), "{e}");
    let other = String::from_utf8(cii()).unwrap().replacen(
        "urn:cen.eu:en16931:2017<",
        "urn:example:cius<",
        1,
    );
    let e = facturx::embed(&pdf, other.as_bytes(), &fixed_date()).unwrap_err();
    assert!(matches!(e, Error::InvalidValue { .. }), "{e}");
}

#[test]
fn read_convert_and_validate_take_the_pdf() {
    let pdf = facturx::embed(&read(fixture("blank.pdf")), &cii(), &fixed_date()).unwrap();
    assert_eq!(facture::detect(&pdf).unwrap(), Syntax::FacturX);
    let doc = facture::read(&pdf).unwrap();
    assert_eq!(doc.syntax, Syntax::FacturX);
    assert_eq!(doc.syntax.family(), "facturx");
    assert_eq!(doc.invoice, facture::read(&cii()).unwrap().invoice);
    let conversion = facture::convert(&pdf, facture::Target::Ubl).unwrap();
    assert_eq!(conversion.from, Syntax::FacturX);
    assert_eq!(
        facture::read(&conversion.xml).unwrap().invoice.number,
        doc.invoice.number
    );

    let xml_report = facture::validate_bytes(&cii(), &facture::Profile::En16931).unwrap();
    let report = facture::validate_bytes(&pdf, &facture::Profile::En16931).unwrap();
    assert_eq!(report.syntax, Some(Syntax::FacturX));
    // The PDF adds one warning: blank.pdf has no PDF/A output intent.
    let mut expected = xml_report.fired();
    expected.push("FX-PDF-09");
    expected.sort_unstable();
    assert_eq!(report.fired(), expected, "{:?}", report.findings);
    assert_eq!(report.verdict(), xml_report.verdict());
    assert!(
        report.is_valid(),
        "{:?} {:?}",
        report.findings,
        report.not_checked
    );
}

#[test]
fn positions_of_findings_are_in_the_embedded_xml() {
    // BR-CO-10: the sum of line net amounts is wrong; the finding's line
    // and column are those of the same finding on the bare XML.
    let xml = String::from_utf8(cii()).unwrap();
    let line_total = xml
        .split("<ram:LineTotalAmount>")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap()
        .to_owned();
    let broken = xml.replacen(
        &format!("<ram:LineTotalAmount>{line_total}<"),
        "<ram:LineTotalAmount>1.00<",
        1,
    );
    let pdf = facturx::embed(
        &read(fixture("blank.pdf")),
        broken.as_bytes(),
        &fixed_date(),
    )
    .unwrap();
    let on_pdf = facture::validate_bytes(&pdf, &facture::Profile::En16931).unwrap();
    let on_xml = facture::validate_bytes(broken.as_bytes(), &facture::Profile::En16931).unwrap();
    assert!(!on_pdf.is_valid());
    let locations = |r: &facture::Report| {
        r.findings
            .iter()
            .map(|f| (f.rule, f.location.clone()))
            .collect::<Vec<_>>()
    };
    // The container warning (blank.pdf has no PDF/A output intent) has no
    // position in the XML; every other finding has the XML's.
    let in_xml = |r: &facture::Report| {
        locations(r)
            .into_iter()
            .filter(|(rule, _)| *rule != "FX-PDF-09")
            .collect::<Vec<_>>()
    };
    assert_eq!(in_xml(&on_pdf), locations(&on_xml));
    assert!(on_pdf.fired().contains(&"FX-PDF-09"));
    assert!(
        on_pdf
            .findings
            .iter()
            .all(|f| f.location.is_some() || f.rule == "FX-PDF-09")
    );
}

#[test]
fn minimum_and_basic_wl_are_reported_as_not_en16931() {
    let blank = read(fixture("blank.pdf"));
    for profile in [FacturXProfile::Minimum, FacturXProfile::BasicWl] {
        let pdf = facturx::embed(&blank, &cii_with_profile(profile), &fixed_date()).unwrap();
        let report = facture::validate_bytes(&pdf, &facture::Profile::En16931).unwrap();
        let fired = report.fired();
        assert!(fired.contains(&"FX-PROFILE-01"), "{profile}: {fired:?}");
        assert!(
            fired.contains(&"FX-PROFILE-03"),
            "{profile}: the example has lines"
        );
        assert!(
            fired.iter().all(|id| id.starts_with("FX-")),
            "{profile}: EN 16931 rules must not run: {fired:?}"
        );
        assert!(!report.is_valid());
        let first = report
            .findings
            .iter()
            .find(|f| f.rule == "FX-PROFILE-01")
            .unwrap();
        assert!(first.message_en.contains("Chorus Pro"));
        assert!(
            first.location.is_some(),
            "points at BT-24 in the embedded XML"
        );
        // MINIMUM carries no VAT breakdown; BASIC WL must.
        assert_eq!(
            fired.contains(&"FX-PROFILE-04"),
            profile == FacturXProfile::Minimum,
            "{fired:?}"
        );
        assert!(!fired.contains(&"FX-PROFILE-06"));
    }
    // The same rules on a bare CII, with the factur-x profile.
    let xml = cii_with_profile(FacturXProfile::Minimum);
    let report = facture::validate_bytes(&xml, &facture::Profile::FacturX).unwrap();
    assert!(report.fired().contains(&"FX-PROFILE-01"));
    assert!(!report.fired().iter().any(|id| id.starts_with("FX-PDF")));
    assert!(report.not_checked.iter().all(|id| !id.starts_with("FX-")));
    // And not with the EN 16931 profile.
    let report = facture::validate_bytes(&xml, &facture::Profile::En16931).unwrap();
    assert!(!report.fired().iter().any(|id| id.starts_with("FX-")));
}

#[test]
fn container_checks_on_a_plain_attachment() {
    // An invoice attached the way a generic PDF tool does it: name tree
    // only, no /AF, no relationship, no MIME type, no XMP.
    let doc = with_attachments(page_pdf("x"), &[("factur-x.xml", zlib(&cii()))]);
    let pdf = save(doc);
    let got = facturx::extract(&pdf, &Limits::default()).unwrap();
    assert_eq!(got.xml, cii());
    assert!(!got.associated && got.relationship.is_none() && got.xmp.is_none());
    let report = facture::validate_bytes(&pdf, &facture::Profile::En16931).unwrap();
    let fired = report.fired();
    for id in [
        "FX-PDF-01",
        "FX-PDF-04",
        "FX-PDF-05",
        "FX-PDF-06",
        "FX-PDF-07",
    ] {
        assert!(fired.contains(&id), "{id} in {fired:?}");
    }
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "FX-PDF-05")
        .unwrap();
    assert!(
        finding.location.is_none(),
        "container findings have no XML position"
    );
}

#[test]
fn xmp_that_disagrees_with_the_xml_is_reported() {
    let pdf = facturx::embed(&read(fixture("blank.pdf")), &cii(), &fixed_date()).unwrap();
    let text = pdf.clone();
    // Same length replacements keep the stream lengths right.
    let swap = |from: &[u8], to: &[u8], bytes: Vec<u8>| -> Vec<u8> {
        assert_eq!(from.len(), to.len());
        let at = memchr::memmem::find(&bytes, from).expect("present");
        let mut out = bytes;
        out[at..at + from.len()].copy_from_slice(to);
        out
    };
    let tampered = swap(
        b"<fx:ConformanceLevel>EN 16931<",
        b"<fx:ConformanceLevel>EXTENDED<",
        text,
    );
    let tampered = swap(
        b"<fx:DocumentFileName>factur-x.xml<",
        b"<fx:DocumentFileName>factur-y.xml<",
        tampered,
    );
    let tampered = swap(b"<pdfaid:part>3<", b"<pdfaid:part>2<", tampered);
    let report = facture::validate_bytes(&tampered, &facture::Profile::En16931).unwrap();
    let fired = report.fired();
    for id in ["FX-PDF-02", "FX-PDF-03", "FX-PDF-06"] {
        assert!(fired.contains(&id), "{id} in {fired:?}");
    }
    assert!(!fired.contains(&"FX-PDF-01"), "{fired:?}");
}

#[test]
fn no_attachment_and_two_attachments_are_typed_errors() {
    let blank = read(fixture("blank.pdf"));
    match facturx::extract(&blank, &Limits::default()) {
        Err(Error::NoEmbeddedInvoice { attachments }) => assert!(attachments.is_empty()),
        other => panic!("{other:?}"),
    }
    let other = save(with_attachments(
        page_pdf("x"),
        &[("photo.png", zlib(b"png"))],
    ));
    match facturx::extract(&other, &Limits::default()) {
        Err(Error::NoEmbeddedInvoice { attachments }) => assert_eq!(attachments, ["photo.png"]),
        other => panic!("{other:?}"),
    }
    let two = save(with_attachments(
        page_pdf("x"),
        &[
            ("factur-x.xml", zlib(&cii())),
            ("ZUGFeRD-invoice.xml", zlib(&cii())),
        ],
    ));
    match facturx::extract(&two, &Limits::default()) {
        Err(Error::SeveralEmbeddedInvoices { names }) => {
            assert_eq!(names, ["factur-x.xml", "ZUGFeRD-invoice.xml"]);
        }
        other => panic!("{other:?}"),
    }
    let e = facture::read(&two).unwrap_err();
    assert_eq!(e.kind(), facture::ErrorKind::SeveralEmbeddedInvoices);
}

#[test]
fn malformed_embedded_xml_is_an_error_positioned_in_it() {
    let doc = with_attachments(
        page_pdf("x"),
        &[("factur-x.xml", zlib(b"<Invoice>\n  <a></b>"))],
    );
    let e = facture::validate_bytes(&save(doc), &facture::Profile::En16931).unwrap_err();
    assert!(
        matches!(&e, Error::Embedded { name, source } if name == "factur-x.xml"
        && matches!(**source, Error::Malformed { .. })),
        "{e}"
    );
    assert_eq!(e.pos().map(|p| p.line), Some(2));
    assert!(e.to_string().contains("factur-x.xml"));
}

#[test]
fn truncated_pdfs_give_typed_errors() {
    let pdf = facturx::embed(&read(fixture("blank.pdf")), &cii(), &fixed_date()).unwrap();
    let step = (pdf.len() / 97).max(1);
    for len in (0..pdf.len()).step_by(step) {
        let cut = &pdf[..len];
        match facturx::extract(cut, &Limits::default()) {
            Ok(got) => assert_eq!(got.xml, cii(), "a truncated file that reads gives the XML"),
            Err(
                Error::Pdf { .. }
                | Error::NoEmbeddedInvoice { .. }
                | Error::LimitExceeded { .. }
                | Error::Embedded { .. },
            ) => {}
            Err(other) => panic!("{len}: {other:?}"),
        }
    }
    assert!(matches!(
        facturx::extract(b"%PDF-1.7\n", &Limits::default()),
        Err(Error::Pdf { .. } | Error::NoEmbeddedInvoice { .. })
    ));
}

#[test]
fn pdfa_output_intent_is_detected() {
    let with_intent = |subtype: &[u8]| {
        let mut doc = page_pdf("x");
        let mut intent = Dictionary::new();
        intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
        intent.set("S", Object::Name(subtype.to_vec()));
        intent.set("OutputConditionIdentifier", Object::string_literal("sRGB"));
        let id = doc.add_object(intent);
        doc.catalog_mut()
            .unwrap()
            .set("OutputIntents", Object::Array(vec![Object::Reference(id)]));
        save(doc)
    };
    let limits = Limits::default();
    assert!(facturx::has_pdfa_output_intent(&with_intent(b"GTS_PDFA1"), &limits).unwrap());
    assert!(!facturx::has_pdfa_output_intent(&with_intent(b"GTS_PDFX"), &limits).unwrap());
    assert!(!facturx::has_pdfa_output_intent(&save(page_pdf("x")), &limits).unwrap());
    // FX-PDF-09 (a warning) fires on a Factur-X PDF without one, not with.
    let fired = |pdf: &[u8]| {
        let pdf = facturx::embed(pdf, &cii(), &fixed_date()).unwrap();
        facture::validate_bytes(&pdf, &facture::Profile::En16931)
            .unwrap()
            .fired()
            .contains(&"FX-PDF-09")
    };
    assert!(!fired(&with_intent(b"GTS_PDFA1")));
    assert!(fired(&with_intent(b"GTS_PDFX")));
    // The file written by the factur-x Python package starts from a PDF/A.
    let python = read(fixture("python-factur-x-en16931.pdf"));
    println!(
        "python factur-x fixture has a PDF/A output intent: {}",
        facturx::has_pdfa_output_intent(&python, &limits).unwrap()
    );
}

#[test]
fn encrypted_pdf_is_refused() {
    let pdf = read(fixture("encrypted.pdf"));
    let e = facturx::extract(&pdf, &Limits::default()).unwrap_err();
    assert!(matches!(e, Error::PdfEncrypted), "{e:?}");
    let e = facture::read(&pdf).unwrap_err();
    assert_eq!(e.kind(), facture::ErrorKind::PdfEncrypted);
}

#[test]
fn compression_bombs_stop_at_the_stream_limit() {
    // 16 MiB of zeros compress to about 16 KiB.
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..16 {
        e.write_all(&zeros).unwrap();
    }
    let bomb = e.finish().unwrap();
    let pdf = save(with_attachments(page_pdf("x"), &[("factur-x.xml", bomb)]));
    let limits = Limits {
        max_pdf_stream_bytes: 1 << 20,
        ..Limits::default()
    };
    match facturx::extract(&pdf, &limits) {
        Err(Error::LimitExceeded { limit, .. }) => assert_eq!(limit, 1 << 20),
        other => panic!("{other:?}"),
    }
    // With room enough, the same file reads (it is zeros, not XML).
    let roomy = Limits {
        max_pdf_stream_bytes: 17 << 20,
        ..Limits::default()
    };
    assert_eq!(facturx::extract(&pdf, &roomy).unwrap().xml.len(), 16 << 20);
}

#[test]
fn python_factur_x_fixture_reads() {
    // Written by the `factur-x` Python package (see the fixtures' README).
    let pdf = read(fixture("python-factur-x-en16931.pdf"));
    let got = facturx::extract(&pdf, &Limits::default()).unwrap();
    assert_eq!(got.xml, fixture_xml());
    assert_eq!(got.file_name, "factur-x.xml");
    assert_eq!(got.relationship.as_deref(), Some("Data"));
    assert!(got.associated);
    assert_eq!(got.declared_profile(), Some(FacturXProfile::En16931));
    let report = facture::validate_bytes(&pdf, &facture::Profile::En16931).unwrap();
    assert!(report.is_valid(), "{:?}", report.findings);
}

#[test]
fn qpdf_attachment_fixture_reads() {
    // An invoice attached with `qpdf --add-attachment` under the ZUGFeRD 1
    // name: a generic attachment, no Factur-X metadata.
    let pdf = read(fixture("qpdf-zugferd-attachment.pdf"));
    let got = facturx::extract(&pdf, &Limits::default()).unwrap();
    assert_eq!(got.xml, fixture_xml());
    assert_eq!(got.file_name, "ZUGFeRD-invoice.xml");
    let report = facture::validate_bytes(&pdf, &facture::Profile::En16931).unwrap();
    assert!(report.fired().contains(&"FX-PDF-01"));
}

/// Runs an external tool when it is installed; `None` (with a clear
/// message) when it is not.
fn tool(program: &str, args: &[&std::ffi::OsStr]) -> Option<std::process::Output> {
    match Command::new(program).args(args).output() {
        Ok(out) => Some(out),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("SKIPPED: {program} is not installed (.ci/run installs it)");
            None
        }
        Err(e) => panic!("{program}: {e}"),
    }
}

fn embedded_to_temp(name: &str) -> (PathBuf, Vec<u8>) {
    let pdf = facturx::embed(&read(fixture("blank.pdf")), &cii(), &fixed_date()).unwrap();
    let dir = std::env::temp_dir().join(format!("facture-facturx-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("invoice.pdf");
    std::fs::write(&path, &pdf).unwrap();
    (path, pdf)
}

#[test]
fn qpdf_accepts_the_embedded_pdf() {
    let (path, _) = embedded_to_temp("qpdf");
    let Some(out) = tool("qpdf", &["--check".as_ref(), path.as_os_str()]) else {
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("No syntax or stream encoding errors"),
        "{stdout}"
    );
}

#[test]
fn pdfdetach_extracts_the_same_xml() {
    let (path, _) = embedded_to_temp("pdfdetach");
    let target = path.with_file_name("detached.xml");
    let Some(out) = tool(
        "pdfdetach",
        &[
            "-savefile".as_ref(),
            "factur-x.xml".as_ref(),
            "-o".as_ref(),
            target.as_os_str(),
            path.as_os_str(),
        ],
    ) else {
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(read(&target), cii());
}

#[test]
fn python_factur_x_reads_and_checks_the_embedded_pdf() {
    let (path, _) = embedded_to_temp("python");
    let script = "import sys, facturx\n\
        name, xml = facturx.get_xml_from_pdf(open(sys.argv[1], 'rb').read(), check_xsd=True)\n\
        level = facturx.get_level(__import__('lxml.etree', fromlist=['x']).fromstring(xml))\n\
        sys.stdout.buffer.write(('%s %s\\n' % (name, level)).encode())\n\
        sys.stdout.buffer.write(xml)\n";
    let Some(out) = tool(
        "python3",
        &["-c".as_ref(), script.as_ref(), path.as_os_str()],
    ) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("No module named 'facturx'") {
        eprintln!("SKIPPED: the factur-x Python package is not installed (.ci/run installs it)");
        return;
    }
    assert!(out.status.success(), "{stderr}");
    let (head, xml) = out
        .stdout
        .split_at(out.stdout.iter().position(|b| *b == b'\n').unwrap() + 1);
    assert_eq!(String::from_utf8_lossy(head).trim(), "factur-x.xml en16931");
    assert_eq!(xml, cii().as_slice());
}

fn facture_cli(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_facture"))
        .args(args)
        .output()
        .expect("the facture binary runs")
}

#[test]
fn cli_embed_extract_and_validate() {
    let dir = std::env::temp_dir().join(format!("facture-facturx-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("out.pdf");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    // UBL input is converted to CII first.
    let out = facture_cli(&[
        "facturx".as_ref(),
        "embed".as_ref(),
        "--pdf".as_ref(),
        fixture("blank.pdf").as_os_str(),
        "--xml".as_ref(),
        examples.join("ubl-invoice.xml").as_os_str(),
        "--profile".as_ref(),
        "en16931".as_ref(),
        "-o".as_ref(),
        pdf.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // blank.pdf is not PDF/A: the embedding says so.
    assert!(String::from_utf8_lossy(&out.stderr).contains("no PDF/A output intent"));
    let xml = dir.join("factur-x.xml");
    let out = facture_cli(&[
        "facturx".as_ref(),
        "extract".as_ref(),
        pdf.as_os_str(),
        "-o".as_ref(),
        xml.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("conformance level EN 16931"));
    let extracted = facture::read(&read(&xml)).unwrap();
    assert_eq!(extracted.syntax, Syntax::Cii);
    let ubl = facture::read(&read(examples.join("ubl-invoice.xml"))).unwrap();
    assert_eq!(extracted.invoice.number, ubl.invoice.number);

    let out = facture_cli(&[
        "validate".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        pdf.as_os_str(),
    ]);
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["syntax"], "facturx");
    assert_eq!(line["valid"], out.status.success());

    // A PDF without an invoice: exit 2 and a one-line message.
    let out = facture_cli(&[
        "facturx".as_ref(),
        "extract".as_ref(),
        fixture("blank.pdf").as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no embedded invoice"));
}

/// A CLI case: name, embedded XML, expected validity, rules that must fire,
/// rules that must not.
type ProfileCase<'a> = (&'a str, String, bool, &'a [&'a str], &'a [&'a str]);

/// The profile checks end to end through the CLI, on PDFs it embeds: the
/// rule ids and the exit status `facture validate` gives a user.
#[test]
fn cli_validates_each_profile_of_an_embedded_invoice() {
    let dir = std::env::temp_dir().join(format!("facture-fx-profiles-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let profiles = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/facturx/profiles");
    let basic = std::fs::read_to_string(profiles.join("basic.xml")).unwrap();
    let basic_id = "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic";
    let extended_id = FacturXProfile::Extended.specification();
    let quantity = r#"<ram:BilledQuantity unitCode="C62">10</ram:BilledQuantity>"#;
    assert!(basic.contains(basic_id) && basic.contains(quantity));
    // The EN 16931 example uses terms BASIC does not allow.
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cii-invoice.xml"),
    )
    .unwrap();
    let example_as_basic = example.replacen(
        "urn:cen.eu:en16931:2017</ram:ID>",
        &format!("{basic_id}</ram:ID>"),
        1,
    );
    assert_ne!(example, example_as_basic);
    let extended = basic.replacen(basic_id, extended_id, 1);
    let cases: [ProfileCase; 5] = [
        ("basic", basic.clone(), true, &[], &["FX-SCHEMA-01"]),
        (
            "example-as-basic",
            example_as_basic,
            false,
            &["FX-SCHEMA-01"],
            &[],
        ),
        (
            "minimum",
            std::fs::read_to_string(profiles.join("minimum.xml")).unwrap(),
            false,
            &["FX-PROFILE-01"],
            &[],
        ),
        ("extended", extended.clone(), true, &[], &["BR-FXEXT-BR-22"]),
        // EXTENDED's own variant fires, not the EN 16931 rule it replaces.
        (
            "extended-no-quantity",
            extended.replacen(quantity, "", 1),
            false,
            &["BR-FXEXT-BR-22", "BR-FXEXT-BR-23"],
            &["BR-22", "BR-23"],
        ),
    ];
    for (name, xml, valid, fired, not_fired) in cases {
        let xml_path = dir.join(format!("{name}.xml"));
        let pdf = dir.join(format!("{name}.pdf"));
        std::fs::write(&xml_path, xml).unwrap();
        let out = facture_cli(&[
            "facturx".as_ref(),
            "embed".as_ref(),
            "--pdf".as_ref(),
            fixture("blank.pdf").as_os_str(),
            "--xml".as_ref(),
            xml_path.as_os_str(),
            "-o".as_ref(),
            pdf.as_os_str(),
        ]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = facture_cli(&[
            "validate".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            pdf.as_os_str(),
        ]);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let rules: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["rule"].as_str())
            .collect();
        assert_eq!(report["valid"], valid, "{name}: {rules:?}");
        assert_eq!(out.status.code(), Some(if valid { 0 } else { 1 }), "{name}");
        for id in fired {
            assert!(rules.contains(id), "{name}: {id} not in {rules:?}");
        }
        for id in not_fired {
            assert!(!rules.contains(id), "{name}: {id} in {rules:?}");
        }
        // blank.pdf is not PDF/A: the container warning, never fatal.
        assert!(rules.contains(&"FX-PDF-09"), "{name}: {rules:?}");
    }
}
