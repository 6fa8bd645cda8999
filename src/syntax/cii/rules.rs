//! The CII syntax rules of the EN 16931 artefacts (`CII-SR-*`, `CII-DT-*`),
//! checked on the XML tree.
//!
//! The rules are data ([`table`]): the official rule contexts in order of
//! precedence, each with its assertions. As in the official XSLT (one
//! pattern, one template per context, highest priority first), each element
//! of the document is checked against the first context it matches only,
//! and a failing assertion fires once per context element, at that
//! element. Most tests are `not(path)` or `count(path)` and are evaluated by
//! the small XPath subset of [`path`]; the irregular ones are functions of
//! [`custom`].
//!
//! Consequences of that precedence worth knowing (they are the artefact's):
//! `rsm:ExchangedDocument/ram:TypeCode` matches `//ram:TypeCode` first, so
//! CII-DT-010, 011 and 012 (on the document type code) never fire; the
//! identifiers of the union context (CII-DT-001…007) are not checked by the
//! `//ram:*[ends-with(name(), 'ID')]` context (CII-DT-101…104).
//!
//! Where the official test would stop with an XPath dynamic error (two
//! `ram:TypeCode` children under `normalize-space()`, an `udt:Indicator` that
//! is not a boolean compared with `false()`), the artefact gives no verdict;
//! here `normalize-space()` reads the first child and the comparison is
//! false.

mod custom;
mod path;
mod table;
#[cfg(test)]
mod tests;

use crate::model::Span;
use crate::rules::engine::{Checker, SyntaxFamily};
use roxmltree::Node;
use std::sync::LazyLock;

/// The rules of this family and their check.
pub(crate) const FAMILY: SyntaxFamily = SyntaxFamily {
    syntax: "cii",
    ids: table::IDS,
    check,
};

/// A rule context of the table: an XSLT match pattern and its rules.
struct Context {
    pattern: &'static str,
    rules: &'static [Rule],
}

/// One assertion: its id and test.
struct Rule(&'static str, Test);

/// How an assertion is tested.
enum Test {
    /// A test in the declarative subset of [`path::Test`].
    Path(&'static str),
    /// The official test (read by the tests only), and the function that
    /// evaluates it (returns `true` when the assertion fails).
    Custom(
        #[cfg_attr(not(test), allow(dead_code))] &'static str,
        fn(Node<'_, '_>) -> bool,
    ),
}

/// A context with its pattern and tests parsed.
struct Compiled {
    /// `None` if the pattern does not parse (never, as the tests prove).
    pattern: Option<path::Pattern>,
    rules: Vec<(&'static str, Check)>,
}

impl Compiled {
    fn matches(&self, node: Node<'_, '_>) -> bool {
        self.pattern.as_ref().is_some_and(|p| p.matches(node))
    }
}

enum Check {
    Path(path::Test),
    Custom(fn(Node<'_, '_>) -> bool),
}

/// The table, parsed once, one entry per context of the table. A test that
/// does not parse is left out (the unit tests prove every entry parses).
static COMPILED: LazyLock<Vec<Compiled>> = LazyLock::new(|| {
    table::CONTEXTS
        .iter()
        .map(|ctx| {
            let pattern = path::Pattern::parse(ctx.pattern);
            let rules = ctx
                .rules
                .iter()
                .filter_map(|Rule(id, test)| match test {
                    Test::Path(t) => path::Test::parse(t).map(|t| (*id, Check::Path(t))),
                    Test::Custom(_, f) => Some((*id, Check::Custom(*f))),
                })
                .collect();
            Compiled { pattern, rules }
        })
        .collect()
});

fn check(doc: &roxmltree::Document<'_>, out: &mut Checker) {
    visit(doc, |id, node| out.fire_at(id, Span::new(node.range())));
}

/// Calls `fire` with the id and the context element of every failing
/// assertion, in document order.
fn visit<'a, 'i>(
    doc: &'a roxmltree::Document<'i>,
    mut fire: impl FnMut(&'static str, Node<'a, 'i>),
) {
    let compiled = &*COMPILED;
    for node in doc.descendants().filter(Node::is_element) {
        let Some(ctx) = compiled.iter().find(|c| c.matches(node)) else {
            continue;
        };
        for (id, test) in &ctx.rules {
            let fires = match test {
                Check::Path(t) => t.fires(node),
                Check::Custom(f) => f(node),
            };
            if fires {
                fire(id, node);
            }
        }
    }
}
