use super::*;
use crate::error::Error;
use crate::model::TextPos;

fn parse(text: &str) -> Document<'_> {
    Document::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// The position of a refusal of `text` as a `Malformed`.
fn malformed_at(text: &str) -> (u32, u32) {
    match Document::parse(text) {
        Err(Error::Malformed { pos, .. }) => (pos.line, pos.column),
        other => panic!("{text:?}: expected Malformed, got {other:?}"),
    }
}

#[test]
fn elements_names_attributes_and_text() {
    let doc = parse(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <r xmlns=\"urn:d\" xmlns:p=\"urn:p\" a=\"1\" p:b='2'>\n  <p:x>t</p:x>\n  <y/>\n</r>",
    );
    let r = doc.root_element();
    assert!(r.has_tag_name(("urn:d", "r")));
    assert!(r.has_tag_name("r"));
    assert!(!r.has_tag_name(("urn:p", "r")));
    assert_eq!(r.attribute("a"), Some("1"));
    assert_eq!(r.attribute("b"), None);
    assert_eq!(r.attribute(("urn:p", "b")), Some("2"));
    assert_eq!(r.attributes().len(), 2);
    let kids: Vec<_> = r.children().collect();
    assert_eq!(kids.len(), 2, "indentation between elements is dropped");
    let x = kids[0];
    assert_eq!(x.tag_name().namespace(), Some("urn:p"));
    assert_eq!(x.tag_name().name(), "x");
    assert_eq!(x.text(), Some("t"));
    assert_eq!(&doc.input_text()[x.range()], "<p:x>t</p:x>");
    assert_eq!(kids[1].tag_name().namespace(), Some("urn:d"));
    assert_eq!(&doc.input_text()[kids[1].range()], "<y/>");
    assert_eq!(x.parent(), Some(r));
    assert_eq!(r.parent().map(|p| p.is_root()), Some(true));
    assert_eq!(r.first_child(), Some(x));
    assert_eq!(r.last_child(), Some(kids[1]));
    assert_eq!(x.lookup_prefix("urn:p"), Some("p"));
    assert_eq!(x.lookup_namespace_uri(None), Some("urn:d"));
    assert_eq!(
        x.ancestors()
            .map(|n| n.tag_name().name())
            .collect::<Vec<_>>(),
        ["x", "r", ""]
    );
    // Descendants are a contiguous id range in document order.
    let names: Vec<_> = doc
        .descendants()
        .filter(Node::is_element)
        .map(|n| n.tag_name().name())
        .collect();
    assert_eq!(names, ["r", "x", "y"]);
    assert_eq!(x.descendants().count(), 2);
    assert_eq!(doc.name_id(Some("urn:p"), "x"), x.name_id());
    assert_ne!(doc.name_id(Some("urn:d"), "y"), x.name_id());
    assert_eq!(doc.name_id(Some("urn:d"), "absent"), None);
}

#[test]
fn white_space_rules() {
    let doc = parse("<a> </a>");
    assert_eq!(doc.root_element().text(), Some(" "), "only content: kept");
    let doc = parse("<a> <b/> x <c/> </a>");
    let texts: Vec<_> = doc
        .descendants()
        .filter(Node::is_text)
        .map(|t| t.text().unwrap_or_default())
        .collect();
    assert_eq!(texts, [" x "], "between elements: dropped, other text kept");
    let doc = parse("<a>\n  <b>\n  </b>\n</a>");
    let b = doc.root_element().first_child().expect("b");
    assert_eq!(b.text(), Some("\n  "));
    // A reference is content, even to a space.
    let doc = parse("<a>&#32;<b/></a>");
    assert_eq!(doc.root_element().text(), Some(" "));
}

#[test]
fn text_is_merged_across_comments_cdata_and_references() {
    let doc = parse("<a>x<!-- c -->y<![CDATA[<z>]]>&amp;&#x41;&#66;<?pi d?>!</a>");
    let a = doc.root_element();
    assert_eq!(a.children().count(), 1);
    assert_eq!(a.text(), Some("xy<z>&AB!"));
    let doc = parse("<a>l1\r\nl2\rl3</a>");
    assert_eq!(doc.root_element().text(), Some("l1\nl2\nl3"));
    let doc = parse("<a><![CDATA[a\r\nb]]></a>");
    assert_eq!(doc.root_element().text(), Some("a\nb"));
    let doc = parse("<a>&lt;&gt;&apos;&quot;</a>");
    assert_eq!(doc.root_element().text(), Some("<>'\""));
}

#[test]
fn attribute_values_are_normalised() {
    let doc = parse("<a v=\"x\ty\r\nz\nw\" r='&#10;&amp;&#9;'/>");
    let a = doc.root_element();
    assert_eq!(a.attribute("v"), Some("x y z w"));
    assert_eq!(
        a.attribute("r"),
        Some("\n&\t"),
        "references are kept as written"
    );
    let attr = a.attributes().next().expect("v");
    assert_eq!(&doc.input_text()[attr.range()], "v=\"x\ty\r\nz\nw\"");
    assert_eq!(&doc.input_text()[attr.range_value()], "x\ty\r\nz\nw");
}

#[test]
fn xml_prefix_and_namespaces_in_scope() {
    let doc = parse("<a xmlns:p='urn:p' xml:lang='fr'><b xmlns='urn:d' xmlns:p='urn:q'/></a>");
    let a = doc.root_element();
    assert_eq!(a.attribute((NS_XML_URI, "lang")), Some("fr"));
    let b = a.first_child().expect("b");
    let scope: Vec<_> = b.namespaces().map(|n| (n.name(), n.uri())).collect();
    assert_eq!(scope, [(None, "urn:d"), (Some("p"), "urn:q")]);
    assert_eq!(a.lookup_prefix("urn:p"), Some("p"));
    assert_eq!(b.lookup_prefix("urn:p"), None);
    assert_eq!(b.lookup_prefix(NS_XML_URI), Some("xml"));
    let doc = parse("<a xmlns='urn:d'><b xmlns=''/></a>");
    let b = doc.root_element().first_child().expect("b");
    assert_eq!(b.tag_name().namespace(), None, "xmlns='' undeclares");
}

#[test]
fn refusals_are_malformed_with_their_position() {
    for (text, at) in [
        ("<a>\n<b></a>", (2, 4)),
        ("<a><b></b>", (1, 1)),
        ("<a b='1' b='2'/>", (1, 10)),
        ("<a xmlns:p='u' p:b='1' xmlns:q='u' q:b='2'/>", (1, 36)),
        ("<a>\n  <p:b/></a>", (2, 4)),
        ("<a q:x='1'/>", (1, 4)),
        ("<1a/>", (1, 2)),
        ("<a:b:c/>", (1, 2)),
        ("<a>x</a>y", (1, 9)),
        ("  hello <a/>", (1, 3)),
        ("<a/><b/>", (1, 5)),
        ("<a b='<'/>", (1, 7)),
        ("<a>&#0;</a>", (1, 4)),
        ("<a>&#xD800;</a>", (1, 4)),
        ("<a>&#x110000;</a>", (1, 4)),
        ("<a>&x;</a>", (1, 4)),
        ("<a>&amp</a>", (1, 4)),
        ("<a>\u{1}</a>", (1, 4)),
        ("<a>]]></a>", (1, 4)),
        ("<a><!-- a -- b --></a>", (1, 4)),
        ("<a b='1'c='2'/>", (1, 9)),
        ("<a b=1/>", (1, 6)),
        ("<a><?xml version='1.0'?></a>", (1, 4)),
        ("<a><!ELEMENT a ANY></a>", (1, 4)),
        ("", (1, 1)),
        ("<a xmlns:p='http://www.w3.org/2000/xmlns/'/>", (1, 4)),
        ("<a xmlns:xml='urn:x'/>", (1, 4)),
        (
            "<a xmlns:p='http://www.w3.org/XML/1998/namespace'/>",
            (1, 4),
        ),
        ("<xmlns:a/>", (1, 2)),
        ("<a xmlns:p='u' xmlns:p='v'/>", (1, 16)),
        ("<a>", (1, 1)),
        ("<a", (1, 3)),
        ("<?xml version='1.0'?><?xml version='1.0'?><a/>", (1, 22)),
        ("<?xml encoding='UTF-8'?><a/>", (1, 7)),
    ] {
        assert_eq!(malformed_at(text), at, "{text:?}");
    }
}

#[test]
fn any_doctype_is_refused() {
    for text in [
        "<!DOCTYPE a><a/>",
        "<?xml version='1.0'?>\n<!-- c -->\n<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>",
        "<a><!DOCTYPE a></a>",
    ] {
        assert!(
            matches!(Document::parse(text), Err(Error::Dtd { .. })),
            "{text:?}"
        );
    }
    let Err(Error::Dtd { pos }) = Document::parse("<?xml version='1.0'?>\n<!DOCTYPE a>\n<a/>")
    else {
        panic!("a DOCTYPE")
    };
    assert_eq!(pos, TextPos { line: 2, column: 1 });
}

#[test]
fn accepted_oddities() {
    // Well-formed, if unusual: comments and PIs around the root, a BOM,
    // spaces in tags, single quotes, an unprefixed attribute named like a
    // prefixed one, non-ASCII names.
    for text in [
        "\u{feff}<?xml version='1.0' standalone='yes' ?><!--c--><?pi?><a/><!--d-->\n",
        "<a  b = '1' ></a >",
        "<a xmlns:p='u' b='1' p:b='2'/>",
        "<é_ü·x ñ='1'>z</é_ü·x>",
        "<a>&#x1F600;&#65533;</a>",
    ] {
        parse(text);
    }
    assert!(Document::parse("<a>&#xFFFE;</a>").is_err());
    assert!(Document::parse("<a>&#65535;</a>").is_err());
}

#[test]
fn node_limit_is_exact() {
    // Document node, a, b, text of b: four nodes.
    let text = "<a>\n <b>x</b>\n</a>";
    let limits = |max_nodes| Limits {
        max_nodes,
        ..Limits::default()
    };
    assert_eq!(parse(text).len(), 4);
    assert!(Document::parse_with_limits(text, &limits(4)).is_ok());
    match Document::parse_with_limits(text, &limits(3)) {
        Err(Error::LimitExceeded { what, limit, pos }) => {
            assert_eq!((what, limit), ("number of XML nodes", 3));
            assert_eq!(pos, TextPos { line: 2, column: 5 });
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn depth_limit_is_exact_and_checked_while_parsing() {
    let nested = |n: usize| "<a>".repeat(n) + &"</a>".repeat(n);
    let limits = Limits {
        max_depth: 5,
        ..Limits::default()
    };
    assert!(Document::parse_with_limits(&nested(5), &limits).is_ok());
    match Document::parse_with_limits(&nested(6), &limits) {
        Err(Error::LimitExceeded { what, pos, .. }) => {
            assert_eq!(what, "XML element depth");
            assert_eq!(
                pos,
                TextPos {
                    line: 1,
                    column: 16
                }
            );
        }
        other => panic!("{other:?}"),
    }
    // Refused before the end: an unclosed deep document is over the limit,
    // not malformed.
    let unclosed = "<a>".repeat(6);
    assert!(matches!(
        Document::parse_with_limits(&unclosed, &limits),
        Err(Error::LimitExceeded { .. })
    ));
}

#[test]
fn values_borrow_the_input_unless_decoded() {
    let within = |doc: &Document<'_>, s: &str| {
        let r = doc.input_text().as_bytes().as_ptr_range();
        r.contains(&s.as_ptr())
    };
    let doc = parse("<a b='x'>text</a>");
    let a = doc.root_element();
    assert!(within(&doc, a.text().unwrap_or_default()));
    assert!(within(&doc, a.attribute("b").unwrap_or_default()));
    let doc = parse("<a b='&amp;'>t&amp;</a>");
    let a = doc.root_element();
    assert!(!within(&doc, a.text().unwrap_or_default()));
    assert!(!within(&doc, a.attribute("b").unwrap_or_default()));
}
