//! Turning finding anchors into line, column and XPath in time independent
//! of the number of findings.
//!
//! Done naively, each finding costs a scan of the text (line and column), of
//! the tree (the element at a byte offset), of its same-named siblings (the
//! `[n]` of the XPath) and of the source map (the span of a term): an
//! invoice of 10 000 lines with one finding per line took seconds. A
//! [`Locator`] indexes each of them once, on the first finding, so each
//! finding then costs a few binary searches and hash lookups.

use super::report::Location;
use crate::model::{SourceMap, Span, TermPath, TextPos};
use crate::syntax::node::{qualified_name, xml_path};
use crate::syntax::tree::{Document, Node};
use std::collections::HashMap;

/// Findings located by direct scans before the indexes are built: for a
/// few findings, scanning costs less than indexing the whole document.
const DIRECT_LOOKUPS: usize = 8;

/// Locates the findings of one document, indexing it on demand.
pub(crate) struct Locator<'a, 'input> {
    text: &'input str,
    doc: &'a Document<'input>,
    source_map: &'a SourceMap,
    /// Lookups made so far of each kind (terms, spans).
    term_lookups: usize,
    span_lookups: usize,
    terms: Option<TermIndex>,
    tree: Option<TreeIndex<'a, 'input>>,
}

/// The source map indexed by path.
struct TermIndex {
    /// The first recorded entry whose path equals a given path (as
    /// `TermPath` compares).
    exact: HashMap<TermPath, Span>,
    /// The first recorded entry whose path starts with a given path, by
    /// canonical prefix (see [`canonical`]).
    within: HashMap<TermPath, Span>,
}

/// The text and tree indexed by offset.
struct TreeIndex<'a, 'input> {
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// Elements in document order (so by increasing start offset).
    elements: Vec<Node<'a, 'input>>,
    /// By node id: the 1-based position of an element among its
    /// same-named element siblings.
    sibling_index: Vec<u32>,
}

impl<'a, 'input> Locator<'a, 'input> {
    /// A locator over `text`, its tree `doc` and the `source_map` read from
    /// it; nothing is indexed yet.
    pub(crate) fn new(
        text: &'input str,
        doc: &'a Document<'input>,
        source_map: &'a SourceMap,
    ) -> Self {
        Self {
            text,
            doc,
            source_map,
            term_lookups: 0,
            span_lookups: 0,
            terms: None,
            tree: None,
        }
    }

    /// As [`SourceMap::span_near`]: the span of `path`, else of the first
    /// value read inside it, else of its closest enclosing group that has
    /// one.
    pub(crate) fn span_near(&mut self, path: &TermPath) -> Option<Span> {
        self.term_lookups += 1;
        if self.term_lookups <= DIRECT_LOOKUPS {
            return self.source_map.span_near(path);
        }
        let index = self
            .terms
            .get_or_insert_with(|| TermIndex::new(self.source_map));
        // The same steps as `SourceMap::span_near`, each a lookup: `exact`
        // keeps its comparison of whole paths, `within` its `starts_with`.
        let mut path = *path;
        loop {
            if let Some(span) = index
                .exact
                .get(&path)
                .or_else(|| index.within.get(&canonical(&path)))
            {
                return Some(*span);
            }
            if path.steps().is_empty() {
                return None;
            }
            path = path.parent();
        }
    }

    /// The line, column and XPath of the element starting at `span`.
    pub(crate) fn locate(&mut self, span: Span) -> Location {
        let start = span.start as usize;
        self.span_lookups += 1;
        if self.span_lookups <= DIRECT_LOOKUPS {
            let pos = TextPos::at(self.text, start);
            let xpath = self
                .doc
                .descendants()
                .find(|n| n.is_element() && n.range().start == start)
                .map(xml_path)
                .unwrap_or_default();
            return Location {
                line: pos.line,
                column: pos.column,
                xpath,
            };
        }
        let (text, doc) = (self.text, self.doc);
        let index = self.tree.get_or_insert_with(|| TreeIndex::new(text, doc));
        let pos = index.pos(text, start);
        let xpath = index
            .elements
            .binary_search_by_key(&start, |n| n.range().start)
            .ok()
            .and_then(|i| index.elements.get(i))
            .map(|n| index.xml_path(*n))
            .unwrap_or_default();
        Location {
            line: pos.line,
            column: pos.column,
            xpath,
        }
    }
}

impl TermIndex {
    fn new(source_map: &SourceMap) -> Self {
        let mut exact = HashMap::new();
        let mut within = HashMap::new();
        for (path, span) in source_map.entries() {
            exact.entry(*path).or_insert(*span);
            for len in 0..=path.steps().len() {
                within.entry(canonical_prefix(path, len)).or_insert(*span);
            }
        }
        Self { exact, within }
    }
}

impl<'a, 'input> TreeIndex<'a, 'input> {
    fn new(text: &str, doc: &'a Document<'input>) -> Self {
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        let elements: Vec<Node<'a, 'input>> = doc.descendants().filter(Node::is_element).collect();
        let mut sibling_index =
            vec![0u32; elements.last().map_or(0, |n| n.id().get() as usize + 1)];
        // Few distinct names under one parent: a list beats a hash map.
        let mut counts: Vec<(Option<&str>, &str, u32)> = Vec::new();
        for parent in std::iter::once(doc.root()).chain(elements.iter().copied()) {
            counts.clear();
            for child in parent.children().filter(Node::is_element) {
                let name = child.tag_name();
                let key = (name.namespace(), name.name());
                let n = match counts.iter_mut().find(|(ns, l, _)| (*ns, *l) == key) {
                    Some((_, _, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        counts.push((key.0, key.1, 1));
                        1
                    }
                };
                if let Some(slot) = sibling_index.get_mut(child.id().get() as usize) {
                    *slot = n;
                }
            }
        }
        Self {
            line_starts,
            elements,
            sibling_index,
        }
    }

    /// As [`TextPos::at`], from the line index.
    fn pos(&self, text: &str, offset: usize) -> TextPos {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let line_start = line
            .checked_sub(1)
            .and_then(|i| self.line_starts.get(i))
            .copied()
            .unwrap_or(0);
        let column = text.get(line_start..offset).unwrap_or("").chars().count() + 1;
        TextPos {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }

    /// As [`xml_path`], from the sibling index.
    fn xml_path(&self, node: Node<'_, '_>) -> String {
        let mut steps: Vec<String> = node
            .ancestors()
            .filter(Node::is_element)
            .map(|n| {
                if n.parent().is_some_and(|p| p.is_root()) {
                    qualified_name(n)
                } else {
                    let index = self
                        .sibling_index
                        .get(n.id().get() as usize)
                        .copied()
                        .unwrap_or(0);
                    format!("{}[{}]", qualified_name(n), index)
                }
            })
            .collect();
        steps.reverse();
        format!("/{}", steps.join("/"))
    }
}

/// The path rebuilt from its steps: `TermPath` compares its whole step
/// array, and `parent()` leaves the removed step behind, so only paths
/// built step by step compare and hash by their steps.
fn canonical(path: &TermPath) -> TermPath {
    canonical_prefix(path, path.steps().len())
}

/// The first `len` steps of `path`, rebuilt (see [`canonical`]).
fn canonical_prefix(path: &TermPath, len: usize) -> TermPath {
    path.steps()
        .iter()
        .take(len)
        .fold(TermPath::root(), |p, (term, index)| p.nth(*term, *index))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every element and every recorded term of the examples is located
    /// exactly as the direct (per-finding scanning) computation does.
    #[test]
    fn locator_agrees_with_the_direct_computation() {
        for file in ["examples/ubl-invoice.xml", "examples/cii-invoice.xml"] {
            let text = std::fs::read_to_string(file).unwrap();
            let doc = crate::syntax::tree::Document::parse(&text).unwrap();
            let read = crate::syntax::read_tree(&doc, &text).unwrap();
            let map = &read.source_map;
            let mut locator = Locator::new(&text, &doc, map);
            let mut checked = 0;
            for node in doc.descendants().filter(Node::is_element) {
                let span = Span::new(node.range());
                let located = locator.locate(span);
                let pos = TextPos::at(&text, node.range().start);
                assert_eq!((located.line, located.column), (pos.line, pos.column));
                assert_eq!(located.xpath, xml_path(node), "{file}");
                checked += 1;
            }
            let mut paths: Vec<TermPath> = map.entries().iter().map(|(p, _)| *p).collect();
            // Parents (built with `parent()`) and absent children too.
            let extra: Vec<TermPath> = paths
                .iter()
                .flat_map(|p| [p.parent(), p.child(crate::model::Term::bt(999))])
                .collect();
            paths.extend(extra);
            for path in &paths {
                assert_eq!(
                    locator.span_near(path),
                    map.span_near(path),
                    "{file} {path}"
                );
                checked += 1;
            }
            assert!(checked > 500, "{file}: {checked}");
        }
    }
}
