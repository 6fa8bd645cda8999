//! What both XML readers share: turning element text into typed values with
//! positioned errors, recording where each business term came from, and
//! keeping a list of the elements a reader did not map.

use super::{Ignored, Unreadable, lexical};
use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::model::{SourceMap, Span, TermPath, TextPos};
use crate::syntax::tree::Node;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// The state of one read: the source text, the source map being built, and
/// the elements left unmapped.
pub struct ReadContext<'a> {
    text: &'a str,
    /// Where each mapped term came from.
    pub source_map: SourceMap,
    /// Elements present in the document that the reader did not map.
    pub ignored: Vec<Ignored>,
    /// Lenient read: a value that is not in its data type's lexical form is
    /// recorded in `unreadable` and left out of the model, instead of
    /// failing the read.
    pub lenient: bool,
    /// The values a lenient read could not read.
    pub unreadable: Vec<Unreadable>,
    /// [`Limits::max_attachment_bytes`].
    max_attachment_bytes: usize,
}

impl<'a> ReadContext<'a> {
    /// A context over the document text.
    pub fn new(text: &'a str) -> Self {
        Self::with_limits(text, &Limits::default())
    }

    /// A context over the document text, decoding within `limits`.
    pub fn with_limits(text: &'a str, limits: &Limits) -> Self {
        Self {
            text,
            source_map: SourceMap::new(),
            ignored: Vec::new(),
            lenient: false,
            unreadable: Vec::new(),
            max_attachment_bytes: limits.max_attachment_bytes,
        }
    }

    /// A context reading as `options` say: leniently or not, within its
    /// limits.
    pub fn with_options(text: &'a str, options: &crate::syntax::ReadOptions) -> Self {
        Self {
            lenient: options.lenient,
            ..Self::with_limits(text, &options.limits)
        }
    }

    /// A context for another part of the same document, reading as this
    /// one does (an empty source map, ignored and unreadable lists).
    pub fn sibling(&self) -> Self {
        Self {
            text: self.text,
            source_map: SourceMap::new(),
            ignored: Vec::new(),
            lenient: self.lenient,
            unreadable: Vec::new(),
            max_attachment_bytes: self.max_attachment_bytes,
        }
    }

    /// The value of a typed read: `Some` when it could be read; when it
    /// could not, the error in a strict read, and `None` in a lenient one
    /// (the value is then recorded as unreadable, for the term at `path`).
    pub fn lenient<T>(
        &mut self,
        path: Option<TermPath>,
        node: Node<'_, '_>,
        read: Result<T>,
    ) -> Result<Option<T>> {
        match read {
            Ok(value) => Ok(Some(value)),
            Err(e) if self.lenient => {
                self.unreadable.push(Unreadable {
                    term: path,
                    element: xml_path(node),
                    value: node.text().unwrap_or("").chars().take(64).collect(),
                    reason: e.to_string(),
                    span: Span::new(node.range()),
                });
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// The line and column of a byte offset.
    pub fn pos(&self, offset: usize) -> TextPos {
        TextPos::at(self.text, offset)
    }

    /// Records that the term at `path` was read from `node`.
    pub fn record(&mut self, path: TermPath, node: Node<'_, '_>) {
        self.source_map.record(path, Span::new(node.range()));
    }

    /// Records `node` as present but not mapped to the model.
    pub fn ignore(&mut self, node: Node<'_, '_>) {
        self.ignored.push(Ignored {
            element: xml_path(node),
            span: Span::new(node.range()),
        });
    }

    /// The text content of an element, records it under `path` and returns it
    /// as an owned string (whitespace kept as written).
    pub fn string(&mut self, path: TermPath, node: Node<'_, '_>) -> String {
        self.record(path, node);
        node.text().unwrap_or("").to_owned()
    }

    /// The element text parsed as a decimal, recorded under `path` (`None`:
    /// unreadable, in a lenient read).
    pub fn decimal(&mut self, path: TermPath, node: Node<'_, '_>) -> Result<Option<Decimal>> {
        self.record(path, node);
        let raw = node.text().unwrap_or("");
        let read =
            lexical::decimal(raw).map_err(|reason| self.invalid("decimal", raw, node, reason));
        self.lenient(Some(path), node, read)
    }

    /// The element text parsed as an ISO date (`YYYY-MM-DD`), recorded
    /// under `path` (`None`: unreadable, in a lenient read).
    pub fn iso_date(&mut self, path: TermPath, node: Node<'_, '_>) -> Result<Option<NaiveDate>> {
        self.record(path, node);
        let raw = node.text().unwrap_or("");
        let read = lexical::iso_date(raw).map_err(|reason| self.invalid("date", raw, node, reason));
        self.lenient(Some(path), node, read)
    }

    /// The text of a CII `DateTimeString` parsed as format `102`, recorded
    /// under `path`. Any other `format` attribute is refused (`None`:
    /// unreadable, in a lenient read).
    pub fn date_102(&mut self, path: TermPath, node: Node<'_, '_>) -> Result<Option<NaiveDate>> {
        self.record(path, node);
        let raw = node.text().unwrap_or("");
        let read = match node.attribute("format") {
            Some(format) if format != "102" => {
                Err(self.invalid("date", format, node, "only date format 102 is supported"))
            }
            _ => lexical::date_102(raw).map_err(|reason| self.invalid("date", raw, node, reason)),
        };
        self.lenient(Some(path), node, read)
    }

    /// The element text decoded from base64, recorded under `path` (`None`:
    /// unreadable, in a lenient read). Content that would decode to more
    /// than [`Limits::max_attachment_bytes`] is refused before decoding
    /// ([`Error::LimitExceeded`] at the element, lenient or not).
    pub fn base64(&mut self, path: TermPath, node: Node<'_, '_>) -> Result<Option<Vec<u8>>> {
        self.record(path, node);
        let raw = node.text().unwrap_or("");
        if lexical::base64_decoded_len(raw) > self.max_attachment_bytes {
            return Err(Error::LimitExceeded {
                what: "decoded attachment size in bytes",
                limit: u64::try_from(self.max_attachment_bytes).unwrap_or(u64::MAX),
                pos: self.pos(node.range().start),
            });
        }
        let read = lexical::base64(raw).map_err(|reason| self.invalid("base64", raw, node, reason));
        self.lenient(Some(path), node, read)
    }

    /// An [`Error::InvalidValue`] for `raw` found in `node`.
    pub fn invalid(
        &self,
        kind: &'static str,
        raw: &str,
        node: Node<'_, '_>,
        reason: &'static str,
    ) -> Error {
        let value_start = node
            .first_child()
            .filter(|c| c.is_text())
            .map_or(node.range().start, |c| c.range().start);
        Error::InvalidValue {
            kind,
            value: raw.chars().take(64).collect(),
            element: qualified_name(node),
            reason,
            pos: self.pos(value_start),
        }
    }
}

/// The element's name with the prefix written in the document
/// (`cbc:IssueDate`), or its local name when it has no prefix.
pub fn qualified_name(node: Node<'_, '_>) -> String {
    let local = node.tag_name().name();
    match node
        .tag_name()
        .namespace()
        .and_then(|ns| node.lookup_prefix(ns))
    {
        Some(prefix) if !prefix.is_empty() => format!("{prefix}:{local}"),
        _ => local.to_owned(),
    }
}

/// An XPath-like location of an element, with 1-based positions among
/// same-named siblings: `/Invoice/cac:InvoiceLine[2]/cbc:Note[1]`.
pub fn xml_path(node: Node<'_, '_>) -> String {
    let mut steps: Vec<String> = node
        .ancestors()
        .filter(Node::is_element)
        .map(|n| {
            let name = n.tag_name();
            let index = n
                .prev_siblings()
                .filter(|s| s.is_element() && s.tag_name() == name)
                .count();
            if n.parent().is_some_and(|p| p.is_root()) {
                qualified_name(n)
            } else {
                format!("{}[{}]", qualified_name(n), index)
            }
        })
        .collect();
    steps.reverse();
    format!("/{}", steps.join("/"))
}

/// The element children of `node`.
pub fn elements<'a, 'input>(node: Node<'a, 'input>) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(Node::is_element)
}

/// The XPath string value of a node: its descendant text, concatenated
/// (borrowed from the document when it is one text node).
pub(crate) fn string_value<'a>(node: Node<'a, '_>) -> Cow<'a, str> {
    if let Some(t) = node.text().filter(|_| node.is_text()) {
        return Cow::Borrowed(t);
    }
    let mut texts = node
        .descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text());
    match (texts.next(), texts.next()) {
        (None, _) => Cow::Borrowed(""),
        (Some(a), None) => Cow::Borrowed(a),
        (Some(a), Some(b)) => {
            let mut s = String::from(a);
            s.push_str(b);
            texts.for_each(|t| s.push_str(t));
            Cow::Owned(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_paths_index_same_named_siblings() {
        let text = r#"<r xmlns:c="urn:c"><c:a/><c:b/><c:a><c:x/></c:a></r>"#;
        let doc = crate::syntax::tree::Document::parse(text).unwrap();
        let x = doc.descendants().find(|n| n.has_tag_name("x")).unwrap();
        assert_eq!(xml_path(x), "/r/c:a[2]/c:x[1]");
    }

    #[test]
    fn invalid_value_points_at_the_text() {
        let text = "<r>\n  <amount>12,50</amount></r>";
        let doc = crate::syntax::tree::Document::parse(text).unwrap();
        let node = doc
            .descendants()
            .find(|n| n.has_tag_name("amount"))
            .unwrap();
        let mut cx = ReadContext::new(text);
        let e = cx.decimal(TermPath::root(), node).unwrap_err();
        match e {
            Error::InvalidValue { pos, element, .. } => {
                assert_eq!(
                    pos,
                    TextPos {
                        line: 2,
                        column: 11
                    }
                );
                assert_eq!(element, "amount");
            }
            other => panic!("{other}"),
        }
    }
}
