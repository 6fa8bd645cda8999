//! Hostile and broken input: every case is a typed error with a position,
//! never a panic, and the CLI exits 2 with a one-line message.

mod common;

use facture::{Error, ErrorKind};

const UBL_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
"#;

fn ubl_with(body: &str) -> String {
    format!("{UBL_HEAD}{body}\n</Invoice>\n")
}

fn err(input: &[u8]) -> Error {
    match facture::read(input) {
        Ok(doc) => panic!("accepted: {:?}", doc.invoice.number),
        Err(e) => e,
    }
}

#[test]
fn malformed_xml() {
    let e = err(b"<Invoice>\n  <cbc:ID>1</cbc:ID>\n</Invoice");
    assert_eq!(e.kind(), ErrorKind::Malformed, "{e}");
    assert!(e.pos().is_some_and(|p| p.line >= 2), "{e}");
    assert_eq!(err(b"").kind(), ErrorKind::Malformed);
    assert_eq!(err(b"just text").kind(), ErrorKind::Malformed);
}

#[test]
fn truncated_document() {
    let full = ubl_with("<cbc:ID>F1</cbc:ID>");
    let cut = full.get(..full.len() / 2).unwrap_or("");
    assert_eq!(err(cut.as_bytes()).kind(), ErrorKind::Malformed);
}

#[test]
fn wrong_root_and_missing_namespace() {
    let e = err(b"<?xml version=\"1.0\"?>\n<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>");
    assert_eq!(e.kind(), ErrorKind::UnknownDocument);
    assert_eq!(e.pos().map(|p| p.line), Some(2));
    let e = err(b"<Invoice><ID>1</ID></Invoice>");
    assert_eq!(e.kind(), ErrorKind::UnknownDocument);
    assert!(e.to_string().contains("no namespace"), "{e}");
    let e = err(b"<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:wrong\"/>");
    assert_eq!(e.kind(), ErrorKind::UnknownDocument);
}

#[test]
fn dtd_and_entities_are_refused_without_expansion() {
    let laughs = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [\n<!ENTITY a \"aaaaaaaaaa\">\n{}]>\n{}",
        (1..10)
            .map(|i| format!(
                "<!ENTITY {} \"{}\">\n",
                char::from(b'a' + i),
                format!("&{};", char::from(b'a' + i - 1)).repeat(10)
            ))
            .collect::<String>(),
        ubl_with("<cbc:ID>&j;</cbc:ID>")
    );
    let e = err(laughs.as_bytes());
    assert_eq!(e.kind(), ErrorKind::Dtd);
    assert_eq!(e.pos().map(|p| p.line), Some(2));
    let external = "<!DOCTYPE Invoice SYSTEM \"http://example.invalid/x.dtd\"><Invoice/>";
    assert_eq!(err(external.as_bytes()).kind(), ErrorKind::Dtd);
    // An entity reference with no DTD is malformed, not expanded.
    let e = err(ubl_with("<cbc:ID>&xxe;</cbc:ID>").as_bytes());
    assert_eq!(e.kind(), ErrorKind::Malformed);
}

#[test]
fn deep_nesting_is_bounded() {
    // 100 MB of nesting: refused by the node or depth limit, quickly.
    let open = "<a>".repeat(100 * 1024 * 1024 / 3);
    let e = err(open.as_bytes());
    assert_eq!(e.kind(), ErrorKind::LimitExceeded, "{e}");
    // Deep but small: refused by the depth limit, with the position.
    let deep = ubl_with(&("<x>".repeat(200) + &"</x>".repeat(200)));
    let e = err(deep.as_bytes());
    assert_eq!(e.kind(), ErrorKind::LimitExceeded, "{e}");
    assert!(e.to_string().contains("depth"), "{e}");
}

#[test]
fn input_size_is_bounded() {
    let limits = facture::Limits {
        max_input_bytes: 100,
        ..facture::Limits::default()
    };
    let e = facture::read_with_limits(ubl_with("<cbc:ID>1</cbc:ID>").as_bytes(), &limits)
        .err()
        .map(|e| e.kind());
    assert_eq!(e, Some(ErrorKind::LimitExceeded));
}

#[test]
fn non_utf8_input() {
    let mut bytes = format!("{UBL_HEAD}<cbc:ID>F").into_bytes();
    bytes.extend_from_slice(b"\xe9</cbc:ID></Invoice>");
    let e = err(&bytes);
    assert_eq!(e.kind(), ErrorKind::NotUtf8);
    assert_eq!(e.pos().map(|p| p.line), Some(5));
    let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Invoice/>";
    assert_eq!(err(latin1).kind(), ErrorKind::UnsupportedEncoding);
    let utf16 = b"\xff\xfe<\x00I\x00";
    assert_eq!(err(utf16).kind(), ErrorKind::NotUtf8);
}

#[test]
fn numbers_in_foreign_forms_are_typed_errors_with_position() {
    for bad in [
        "1e999",
        "12,50",
        "1 000.00",
        "99999999999999999999999999999999",
    ] {
        let xml = ubl_with(&format!(
            "<cbc:ID>F1</cbc:ID>\n<cac:LegalMonetaryTotal>\n<cbc:PayableAmount currencyID=\"EUR\">{bad}</cbc:PayableAmount>\n</cac:LegalMonetaryTotal>"
        ));
        let e = err(xml.as_bytes());
        assert_eq!(e.kind(), ErrorKind::InvalidValue, "{bad}: {e}");
        assert_eq!(e.pos().map(|p| p.line), Some(7), "{bad}: {e}");
        assert!(e.to_string().contains("PayableAmount"), "{e}");
    }
}

#[test]
fn bad_dates_are_typed_errors_with_position() {
    let xml = ubl_with("<cbc:ID>F1</cbc:ID>\n<cbc:IssueDate>2026-02-30</cbc:IssueDate>");
    let e = err(xml.as_bytes());
    assert_eq!(e.kind(), ErrorKind::InvalidValue, "{e}");
    assert_eq!(e.pos().map(|p| p.line), Some(6));
    let cii = format!(
        "<rsm:CrossIndustryInvoice xmlns:rsm=\"{}\" xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\" xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">\n<rsm:ExchangedDocument>\n<ram:ID>F1</ram:ID>\n<ram:IssueDateTime><udt:DateTimeString format=\"102\">2026-11-25</udt:DateTimeString></ram:IssueDateTime>\n</rsm:ExchangedDocument>\n</rsm:CrossIndustryInvoice>",
        facture::syntax::CII_NS
    );
    let e = err(cii.as_bytes());
    assert_eq!(e.kind(), ErrorKind::InvalidValue, "{e}");
    assert_eq!(e.pos().map(|p| p.line), Some(4));
}

#[test]
fn arbitrary_garbage_never_panics() {
    // A cheap deterministic sweep; the fuzz targets go much further.
    let seed = ubl_with("<cbc:ID>F1</cbc:ID><cbc:IssueDate>2026-01-01</cbc:IssueDate>");
    let bytes = seed.as_bytes();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..2000 {
        let mut copy = bytes.to_vec();
        for _ in 0..4 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = copy.len().max(1);
            let i = usize::try_from(state % len as u64).unwrap_or(0);
            if let Some(b) = copy.get_mut(i) {
                *b = (state >> 32) as u8;
            }
        }
        let _ = facture::read(&copy);
    }
}

fn facture_cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_facture"))
        .args(args)
        .output()
        .expect("the facture binary runs")
}

#[test]
fn cli_exits_2_with_one_line_message() {
    let dir = std::env::temp_dir().join(format!("facture-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases: [(&str, &[u8]); 4] = [
        ("malformed.xml", b"<Invoice>\n<a></b>"),
        ("dtd.xml", b"<!DOCTYPE x [<!ENTITY e \"x\">]><x>&e;</x>"),
        ("root.xml", b"<Order/>"),
        (
            "latin1.xml",
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Invoice/>",
        ),
    ];
    for (name, content) in cases {
        let path = dir.join(name);
        std::fs::write(&path, content).expect("write");
        for command in [&["inspect"][..], &["convert", "--to", "cii"][..]] {
            let mut args = command.to_vec();
            let p = path.to_string_lossy().into_owned();
            args.push(&p);
            let out = facture_cli(&args);
            assert_eq!(out.status.code(), Some(2), "{name} {command:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
            assert!(stderr.starts_with("facture: "), "{stderr}");
            assert!(out.stdout.is_empty());
        }
    }
    let out = facture_cli(&["inspect", "/nonexistent/file.xml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = facture_cli(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
