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
//!
//! CII-DT-097 (a `udt:DateTimeString` of format 102 that is not `YYYYMMDD`)
//! is checked here as the artefact checks it, but `validate_bytes` only
//! gets here once the document has been read, and the CII reader refuses
//! an unreadable date of the model (issue date, due date, …) first; the
//! rule then reaches the report only for dates the reader accepts.
//!
//! The generated tests can write their mutated documents out
//! (`FACTURE_CII_MUTANTS=<dir>`, and `FACTURE_CII_BASES` for other base
//! documents) for `tools/conformance` to compare with the official XSLT.

pub(crate) mod business;
mod compiled;
pub(crate) mod currency;
mod custom;
mod path;
mod table;
#[cfg(test)]
mod tests;

use crate::model::Span;
use crate::rules::engine::{Checker, SyntaxFamily};
use crate::syntax::tree::Node;
use std::sync::LazyLock;

/// The rules of this family and their check.
pub(crate) const FAMILY: SyntaxFamily = SyntaxFamily {
    syntax: "cii",
    ids: table::IDS,
    replaces: &[],
    check,
};

/// A rule context of the table: an XSLT match pattern and its rules.
struct Context {
    /// Read by the generator of `compiled.rs` (a test); the library uses
    /// its parse.
    #[cfg_attr(not(test), allow(dead_code))]
    pattern: &'static str,
    rules: &'static [Rule],
}

/// One assertion: its id and test.
struct Rule(&'static str, Test);

/// How an assertion is tested.
enum Test {
    /// A test in the declarative subset of [`path::Test`] (read by the
    /// generator of `compiled.rs`; the library uses its parse).
    Path(#[cfg_attr(not(test), allow(dead_code))] &'static str),
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
    pattern: Option<&'static path::Pattern>,
    rules: Vec<(&'static str, Check)>,
    /// The path tests whose first step is a child step, by the local name
    /// of that step (sorted), so the children of a context node are walked
    /// once for all of them.
    by_first_child: Vec<(&'static str, Vec<usize>)>,
    /// For each rule, whether it is in `by_first_child` (else it is
    /// evaluated on the context node directly: attribute paths, custom
    /// tests).
    indexed: Vec<bool>,
}

impl Compiled {
    /// The context `ctx`, whose pattern and path tests, parsed at build
    /// time, are `pattern` and `tests` (one per rule, `None` for the
    /// custom ones and any that does not parse).
    fn new(
        ctx: &Context,
        pattern: Option<&'static path::Pattern>,
        tests: &'static [Option<path::Test>],
    ) -> Self {
        let rules: Vec<(&'static str, Check)> = ctx
            .rules
            .iter()
            .zip(tests)
            .filter_map(|(Rule(id, test), parsed)| match test {
                Test::Path(_) => parsed.as_ref().map(|t| (*id, Check::Path(t))),
                Test::Custom(_, f) => Some((*id, Check::Custom(*f))),
            })
            .collect();
        let mut by_first_child: Vec<(&'static str, Vec<usize>)> = Vec::new();
        let mut indexed = vec![false; rules.len()];
        for (i, (_, check)) in rules.iter().enumerate() {
            let Check::Path(t) = check else { continue };
            let Some(local) = t.first_child() else {
                continue;
            };
            match by_first_child.iter_mut().find(|(l, _)| *l == local) {
                Some((_, v)) => v.push(i),
                None => by_first_child.push((local, vec![i])),
            }
            if let Some(flag) = indexed.get_mut(i) {
                *flag = true;
            }
        }
        by_first_child.sort_unstable_by(|(a, _), (b, _)| by_length_then_bytes(a, b));
        Self {
            pattern,
            rules,
            by_first_child,
            indexed,
        }
    }

    fn matches(&self, node: Node<'_, '_>) -> bool {
        self.pattern.as_ref().is_some_and(|p| p.matches(node))
    }

    /// Checks the rules on the context element `node`; `counts` is scratch
    /// space.
    fn check<'a, 'i>(
        &self,
        node: Node<'a, 'i>,
        counts: &mut Vec<usize>,
        fire: &mut impl FnMut(&'static str, Node<'a, 'i>),
    ) {
        counts.clear();
        counts.resize(self.rules.len(), 0);
        if !self.by_first_child.is_empty() {
            for child in node.children().filter(Node::is_element) {
                let local = child.tag_name().name();
                let Ok(at) = self
                    .by_first_child
                    .binary_search_by(|(l, _)| by_length_then_bytes(l, local))
                else {
                    continue;
                };
                let Some((_, indexes)) = self.by_first_child.get(at) else {
                    continue;
                };
                for &i in indexes {
                    let (Some((_, Check::Path(test))), Some(count)) =
                        (self.rules.get(i), counts.get_mut(i))
                    else {
                        continue;
                    };
                    let limit = test.limit();
                    if *count < limit {
                        *count += test.count_under(child, limit - *count);
                    }
                }
            }
        }
        for (i, (id, check)) in self.rules.iter().enumerate() {
            let fires = match check {
                Check::Path(test) if self.indexed.get(i).copied().unwrap_or(false) => {
                    test.fails_with(counts.get(i).copied().unwrap_or(0))
                }
                Check::Path(test) => test.fires(node),
                Check::Custom(f) => f(node),
            };
            if fires {
                fire(id, node);
            }
        }
    }
}

/// The order of the name indexes: by length first, which decides most
/// comparisons without looking at the bytes.
fn by_length_then_bytes(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

enum Check {
    Path(&'static path::Test),
    Custom(fn(Node<'_, '_>) -> bool),
}

/// The table, one entry per context of the table, its patterns and tests
/// parsed at build time (`compiled.rs`, generated from the table and
/// checked by a test). A test that does not parse is left out (the unit
/// tests prove every entry parses).
static COMPILED: LazyLock<Vec<Compiled>> = LazyLock::new(|| {
    table::CONTEXTS
        .iter()
        .enumerate()
        .map(|(i, ctx)| {
            let pattern = compiled::PATTERNS.get(i).and_then(Option::as_ref);
            let tests = compiled::TESTS.get(i).copied().unwrap_or_default();
            Compiled::new(ctx, pattern, tests)
        })
        .collect()
});

/// Which contexts an element may match, by its local name.
struct Dispatch {
    /// Local name → the contexts (in precedence order) whose pattern needs
    /// that name; sorted by name.
    by_name: Vec<(&'static str, Vec<usize>)>,
    /// The contexts on a name suffix, in precedence order.
    by_suffix: Vec<usize>,
}

static DISPATCH: LazyLock<Dispatch> = LazyLock::new(|| {
    let mut by_name: Vec<(&'static str, Vec<usize>)> = Vec::new();
    let mut by_suffix = Vec::new();
    for (i, ctx) in COMPILED.iter().enumerate() {
        match ctx.pattern.and_then(path::Pattern::local_names) {
            Some(names) => {
                for local in names {
                    match by_name.iter_mut().find(|(l, _)| *l == local) {
                        Some((_, v)) => v.push(i),
                        None => by_name.push((local, vec![i])),
                    }
                }
            }
            None => by_suffix.push(i),
        }
    }
    by_name.sort_unstable_by(|(a, _), (b, _)| by_length_then_bytes(a, b));
    Dispatch { by_name, by_suffix }
});

impl Dispatch {
    /// The context the element `node` is given to: the first, in
    /// precedence order, whose pattern it matches.
    fn context(&self, node: Node<'_, '_>) -> Option<usize> {
        let local = node.tag_name().name();
        let named = self
            .by_name
            .binary_search_by(|(l, _)| by_length_then_bytes(l, local))
            .ok()
            .and_then(|at| self.by_name.get(at))
            .map(|(_, v)| v.as_slice())
            .unwrap_or_default();
        let first = |list: &[usize]| {
            list.iter()
                .copied()
                .find(|&i| COMPILED.get(i).is_some_and(|c| c.matches(node)))
        };
        // Both lists are in precedence order: the first match of each is
        // its best, and the better of the two wins.
        match (first(named), first(&self.by_suffix)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

fn check(doc: &crate::syntax::tree::Document<'_>, out: &mut Checker) {
    visit(doc, |id, node| out.fire_at(id, Span::new(node.range())));
}

/// Calls `fire` with the id and the context element of every failing
/// assertion, in document order.
fn visit<'a, 'i>(
    doc: &'a crate::syntax::tree::Document<'i>,
    mut fire: impl FnMut(&'static str, Node<'a, 'i>),
) {
    let compiled = &*COMPILED;
    let dispatch = &*DISPATCH;
    let mut counts = Vec::new();
    for node in doc.descendants().filter(Node::is_element) {
        if let Some(ctx) = dispatch.context(node).and_then(|i| compiled.get(i)) {
            ctx.check(node, &mut counts, &mut fire);
        }
    }
}
