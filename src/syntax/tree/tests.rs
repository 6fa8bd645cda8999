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

/// Every offset of `needle` after a run of `n` ASCII letters, for `n` around
/// the eight-byte steps of the text and name scans.
fn after_runs(n_max: usize) -> impl Iterator<Item = String> {
    (0..n_max).map(|n| "x".repeat(n))
}

#[test]
fn text_fast_path_stops_at_what_it_must_check() {
    for run in after_runs(20) {
        let col = |extra: usize| (4 + run.len() + extra) as u32;
        // A forbidden control character, U+FFFE, `]]>` after a long run.
        assert_eq!(
            malformed_at(&format!("<a>{run}\u{1}yyyyyyyy</a>")),
            (1, col(0))
        );
        assert_eq!(
            malformed_at(&format!("<a>{run}\u{FFFE}yyyyyyy</a>")),
            (1, col(0))
        );
        assert_eq!(
            malformed_at(&format!("<a>{run}]]>yyyyyyyy</a>")),
            (1, col(0))
        );
        // Accepted: non-ASCII, `>` alone, a reference, a carriage return.
        for (written, value) in [
            ("é€😀zzzzzzzz", "é€😀zzzzzzzz"),
            ("]>zzzzzzzzz", "]>zzzzzzzzz"),
            ("&amp;zzzzzzzz", "&zzzzzzzz"),
            ("\r\nzzzzzzzz", "\nzzzzzzzz"),
            ("\rzzz\r\r\nzz", "\nzzz\n\nzz"),
            ("\u{9}zzzzzzzzz", "\u{9}zzzzzzzzz"),
        ] {
            let text = format!("<a>{run}{written}</a>");
            let doc = parse(&text);
            assert_eq!(
                doc.root_element().text(),
                Some(format!("{run}{value}").as_str()),
                "{text:?}"
            );
        }
        // A carriage return at every place of a long run.
        let text = format!("<a>{run}\r\n{run}</a>");
        assert_eq!(
            parse(&text).root_element().text(),
            Some(format!("{run}\n{run}").as_str())
        );
    }
}

#[test]
fn indentation_is_dropped_and_other_white_space_kept() {
    let doc = parse("<a>\n  \t<b/>\n  <c>\n    <d/>\n  </c>\n</a>");
    let texts = doc.descendants().filter(|n| n.is_text()).count();
    assert_eq!(texts, 0);
    let doc = parse("<a>x<!--c-->  <b/></a>");
    assert_eq!(
        doc.root_element().first_child().and_then(|n| n.text()),
        Some("x  ")
    );
    let doc = parse("<a>  </a>");
    assert_eq!(doc.root_element().text(), Some("  "));
    let doc = parse("<a>\r\n  <b/>\r\n</a>");
    assert_eq!(doc.descendants().filter(|n| n.is_text()).count(), 0);
    let doc = parse("<a> <![CDATA[ ]]> <b/></a>");
    assert_eq!(
        doc.root_element().first_child().and_then(|n| n.text()),
        Some("   ")
    );
    assert_eq!(malformed_at("<a>\n  </b>"), (2, 3));
    assert_eq!(malformed_at("<a>\n  <1/></a>"), (2, 4));
}

#[test]
fn name_fast_path_hands_over_what_it_does_not_know() {
    for run in after_runs(20) {
        let name = format!("a{run}");
        // A non-ASCII name character after a long ASCII run.
        let text = format!("<{name}é xmlns='u'>t</{name}é>");
        let doc = parse(&text);
        assert_eq!(doc.root_element().tag_name().name(), format!("{name}é"));
        // A second colon, a colon before a non-name start, a bad character.
        assert_eq!(malformed_at(&format!("<p:{name}:b/>")), (1, 2));
        assert_eq!(malformed_at(&format!("<{name}:1/>")), (1, 2));
        assert_eq!(
            malformed_at(&format!("<{name}\u{2}/>")),
            (1, (2 + name.len()) as u32)
        );
        // A colon before a non-ASCII name start.
        let text = format!("<p:é{name} xmlns:p='u'/>");
        let doc = parse(&text);
        assert_eq!(doc.root_element().tag_name().name(), format!("é{name}"));
        assert_eq!(doc.root_element().tag_name().namespace(), Some("u"));
        // End tags: a name one byte off, longer or shorter.
        let off = format!("{}z", &name[..name.len() - 1]);
        let bad = [format!("<{name}></{off}>"), format!("<{name}></{name}z>")];
        for text in bad {
            assert_eq!(
                malformed_at(&text),
                (1, (3 + name.len()) as u32),
                "{text:?}"
            );
        }
        if name.len() > 1 {
            let short = &name[..name.len() - 1];
            assert_eq!(
                malformed_at(&format!("<{name}></{short}>")),
                (1, (3 + name.len()) as u32)
            );
        }
    }
}

#[test]
fn name_cache_tells_apart_what_its_key_does_not() {
    // Long names alike in length and first and last eight bytes.
    let doc = parse(
        "<r><aaaaaaaa1xbbbbbbbb/><aaaaaaaa2xbbbbbbbb/><aaaaaaaa1xbbbbbbbb/>\
         <aaaaaaaa_long_1_bbbbbbbb/><aaaaaaaa_long_2_bbbbbbbb/></r>",
    );
    let ids: Vec<u32> = doc
        .root_element()
        .children()
        .filter_map(|n| n.name_id())
        .map(|id| id.get())
        .collect();
    assert_eq!(ids.len(), 5);
    assert_ne!(ids[0], ids[1]);
    assert_eq!(ids[0], ids[2]);
    assert_ne!(ids[3], ids[4]);
    // The same written name in other scopes, as element and attribute.
    let doc =
        parse("<p:a xmlns:p='u1' xmlns='d' a='1'><p:a xmlns:p='u2' a='2'><a/></p:a><p:a/></p:a>");
    let names: Vec<(Option<&str>, &str)> = doc
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| (n.tag_name().namespace(), n.tag_name().name()))
        .collect();
    assert_eq!(
        names,
        [
            (Some("u1"), "a"),
            (Some("u2"), "a"),
            (Some("d"), "a"),
            (Some("u1"), "a")
        ]
    );
    let a = doc.root_element();
    let attr = a.attributes().next().map(|at| (at.namespace(), at.name()));
    assert_eq!(attr, Some((None, "a")));
}
