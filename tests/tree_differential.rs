//! Our XML tree (`facture::syntax::tree`) against roxmltree, which it
//! replaced: on every XML file of the repository (and of the shared
//! corpus), and on mutants of them and generated snippets, both accept or
//! both refuse, and when both accept they agree on the elements (names,
//! byte ranges), the attributes (names, values) and the text, modulo what
//! our tree does on purpose: comments and PIs are not nodes (the text they
//! split is one text), and white-space-only text beside element children
//! is dropped.
//!
//! Known, deliberate differences, kept out of the generated inputs: an
//! element declaring the default namespace twice (roxmltree keeps the
//! first, we refuse the duplicate attribute), and character references to
//! surrogates (roxmltree reads U+FFFD, we refuse them); `xmlns=""` gives no
//! namespace here and the namespace `""` there; a carriage return right
//! before a reference is a line feed here, as XML's line-end handling says,
//! and stays a carriage return in roxmltree (its texts are compared with
//! carriage returns read as line feeds; no input here references one).

mod common;

use facture::syntax::tree;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// A comparable element: name, range, attributes, content.
#[derive(Debug, PartialEq)]
enum Item {
    Element {
        ns: String,
        name: String,
        range: std::ops::Range<usize>,
        attributes: Vec<(String, String, String)>,
        content: Vec<Item>,
    },
    Text(String),
}

fn ours(node: tree::Node<'_, '_>) -> Item {
    if node.is_text() {
        return Item::Text(node.text().unwrap_or_default().to_owned());
    }
    Item::Element {
        ns: node.tag_name().namespace().unwrap_or("").to_owned(),
        name: node.tag_name().name().to_owned(),
        range: node.range(),
        attributes: node
            .attributes()
            .map(|a| {
                (
                    a.namespace().unwrap_or("").to_owned(),
                    a.name().to_owned(),
                    a.value().to_owned(),
                )
            })
            .collect(),
        content: node.children().map(ours).collect(),
    }
}

fn theirs(node: roxmltree::Node<'_, '_>) -> Item {
    if node.is_text() {
        return Item::Text(node.text().unwrap_or_default().replace('\r', "\n"));
    }
    // Texts split by comments and PIs are one text; white space beside
    // element children is dropped.
    let mut content: Vec<Item> = Vec::new();
    let mut white: Vec<bool> = Vec::new();
    let mut last_was_text = false;
    for child in node.children() {
        if child.is_element() {
            content.push(theirs(child));
            white.push(false);
            last_was_text = false;
        } else if child.is_text() {
            let t = &child.text().unwrap_or_default().replace('\r', "\n");
            // A text node that came from CDATA or a reference is not
            // "white space as written"; roxmltree does not say, so compare
            // on the value.
            let is_white = t.chars().all(|c| matches!(c, ' ' | '\t' | '\n'));
            if last_was_text
                && let (Some(Item::Text(prev)), Some(w)) = (content.last_mut(), white.last_mut())
            {
                prev.push_str(t);
                *w &= is_white;
            } else {
                content.push(Item::Text(t.to_owned()));
                white.push(is_white);
            }
            last_was_text = true;
        }
    }
    let has_elements = content.iter().any(|c| matches!(c, Item::Element { .. }));
    if has_elements {
        content = content
            .into_iter()
            .zip(white)
            .filter(|(_, w)| !w)
            .map(|(c, _)| c)
            .collect();
    }
    Item::Element {
        ns: node.tag_name().namespace().unwrap_or("").to_owned(),
        name: node.tag_name().name().to_owned(),
        range: node.range(),
        attributes: node
            .attributes()
            .map(|a| {
                (
                    a.namespace().unwrap_or("").to_owned(),
                    a.name().to_owned(),
                    a.value().to_owned(),
                )
            })
            .collect(),
        content,
    }
}

/// Where the two parsers disagree on `text`, if they do.
fn disagreement(text: &str) -> Option<String> {
    let a = tree::Document::parse(text);
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: u32::MAX,
        ..roxmltree::ParsingOptions::default()
    };
    let b = roxmltree::Document::parse_with_options(text, options);
    match (a, b) {
        (Ok(a), Ok(b)) => {
            let (x, y) = (ours(a.root_element()), theirs(b.root_element()));
            (x != y).then(|| format!("trees differ:\n ours   {x:?}\n theirs {y:?}"))
        }
        (Err(_), Err(_)) => None,
        (Ok(_), Err(e)) => Some(format!("we accept, roxmltree refuses: {e}")),
        (Err(e), Ok(_)) => Some(format!("we refuse, roxmltree accepts: {e}")),
    }
}

fn xml_files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            xml_files_under(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xml") || e.eq_ignore_ascii_case("xsl"))
        {
            out.push(path);
        }
    }
}

static FILES: LazyLock<Vec<(PathBuf, String)>> = LazyLock::new(|| {
    let mut paths = Vec::new();
    for dir in ["examples", "tests/fixtures"] {
        xml_files_under(&common::repo_file(dir), &mut paths);
    }
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let text = String::from_utf8(std::fs::read(&p).ok()?).ok()?;
            Some((p, text))
        })
        .collect()
});

#[test]
fn agrees_on_every_repository_file() {
    assert!(FILES.len() > 20, "the repository's XML files");
    for (path, text) in FILES.iter() {
        if let Some(d) = disagreement(text) {
            panic!("{}: {d}", path.display());
        }
    }
}

#[test]
fn agrees_on_the_shared_corpus() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut paths = Vec::new();
    xml_files_under(&shared, &mut paths);
    paths.sort();
    let mut compared = 0;
    for path in &paths {
        let Ok(text) = String::from_utf8(std::fs::read(path).unwrap_or_default()) else {
            continue;
        };
        if text.contains("<!DOCTYPE") {
            continue;
        }
        if let Some(d) = disagreement(&text) {
            panic!("{}: {d}", path.display());
        }
        compared += 1;
    }
    eprintln!("{compared} files of the shared corpus compared");
    assert!(compared > 100, "{compared} files compared");
}

/// Pieces that exercise the tokenizer when spliced into a document.
const PIECES: &[&str] = &[
    "<",
    ">",
    "&",
    "&amp;",
    "&#x41;",
    "&#0;",
    "&#xFFFE;",
    "&bogus;",
    "&amp",
    "]]>",
    "<!--c-->",
    "<!-- - -->",
    "<!---->",
    "<!-- -- -->",
    "<![CDATA[x<y]]>",
    "<![CDATA[",
    "<?pi x?>",
    "<?xml version='1.0'?>",
    "<a/>",
    "<a>",
    "</a>",
    "<b x='1'/>",
    " x='1'",
    " x='1' x='2'",
    " xmlns:q='urn:q'",
    " q:y='2'",
    "<q:c/>",
    " xmlns:xml='urn:bad'",
    " xmlns=''",
    "\r\n",
    "\r",
    "\t",
    " ",
    "\u{1}",
    "é",
    "<é/>",
    "<1/>",
    "<a:b:c/>",
    "'",
    "\"",
    "=",
    "/>",
    "<!DOCTYPE a>",
    "\u{FEFF}",
    "<:a/>",
    "<a:/>",
];

fn mutant() -> impl Strategy<Value = String> {
    (
        0..FILES.len().max(1),
        proptest::collection::vec(
            (any::<prop::sample::Index>(), 0usize..4, 0..PIECES.len()),
            1..4,
        ),
    )
        .prop_map(|(file, edits)| {
            let mut text = FILES.get(file).map(|(_, t)| t.clone()).unwrap_or_default();
            for (at, op, piece) in edits {
                if text.is_empty() {
                    break;
                }
                let mut i = at.index(text.len());
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                match op {
                    // Insert a piece.
                    0 | 1 => text.insert_str(i, PIECES.get(piece).copied().unwrap_or("")),
                    // Delete a few characters.
                    2 => {
                        let mut j = (i + 1 + piece % 7).min(text.len());
                        while !text.is_char_boundary(j) {
                            j += 1;
                        }
                        text.replace_range(i..j, "");
                    }
                    // Cut the document.
                    _ => text.truncate(i),
                }
            }
            text
        })
}

fn snippet() -> impl Strategy<Value = String> {
    proptest::collection::vec(0..PIECES.len(), 0..12).prop_map(|ids| {
        let body: String = ids
            .into_iter()
            .filter_map(|i| PIECES.get(i).copied())
            .collect();
        format!("<r xmlns:p='urn:p'>{body}</r>")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn agrees_on_mutated_documents(text in mutant()) {
        prop_assert!(disagreement(&text).is_none(), "{text:?}: {:?}", disagreement(&text));
    }

    #[test]
    fn agrees_on_generated_snippets(text in snippet()) {
        prop_assert!(disagreement(&text).is_none(), "{text:?}: {:?}", disagreement(&text));
    }
}
