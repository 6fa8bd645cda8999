//! What both XML writers share: a small element writer over quick-xml that
//! indents, escapes (including the characters XML would otherwise normalise
//! away on reading, so text round-trips exactly) and never fails half-way.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use std::borrow::Cow;

/// An XML document being written.
pub struct XmlOut {
    writer: Writer<Vec<u8>>,
    error: Option<std::io::Error>,
}

impl Default for XmlOut {
    fn default() -> Self {
        Self::new()
    }
}

impl XmlOut {
    /// A new document with an XML declaration (UTF-8), indented by two spaces.
    pub fn new() -> Self {
        let mut out = Self {
            writer: Writer::new_with_indent(Vec::with_capacity(16 * 1024), b' ', 2),
            error: None,
        };
        out.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        out
    }

    fn event(&mut self, event: Event<'_>) {
        if self.error.is_none()
            && let Err(e) = self.writer.write_event(event)
        {
            self.error = Some(e);
        }
    }

    /// Opens element `name` with `attrs` (attributes whose value is `None`
    /// are left out).
    pub fn open(&mut self, name: &str, attrs: &[(&str, Option<&str>)]) {
        let start = start_tag(name, attrs);
        self.event(Event::Start(start));
    }

    /// Closes element `name`.
    pub fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// Writes `<name attrs>text</name>`.
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, Option<&str>)], text: &str) {
        self.event(Event::Start(start_tag(name, attrs)));
        self.event(Event::Text(BytesText::from_escaped(escape_text(text))));
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// Writes `<name>text</name>` when `text` is present.
    pub fn opt(&mut self, name: &str, text: Option<&str>) {
        if let Some(text) = text {
            self.leaf(name, &[], text);
        }
    }

    /// The finished document.
    pub fn finish(self) -> std::io::Result<Vec<u8>> {
        match self.error {
            Some(e) => Err(e),
            None => {
                let mut bytes = self.writer.into_inner();
                bytes.push(b'\n');
                Ok(bytes)
            }
        }
    }
}

fn start_tag<'a>(name: &'a str, attrs: &[(&str, Option<&str>)]) -> BytesStart<'a> {
    let mut start = BytesStart::new(name);
    for (key, value) in attrs {
        if let Some(value) = value {
            start.push_attribute(quick_xml::events::attributes::Attribute {
                key: quick_xml::name::QName(key),
                value: Cow::Owned(escape_attr(value)),
            });
        }
    }
    start
}

/// Escapes element text: markup characters, and `\r` (which a reader would
/// otherwise normalise to `\n`).
fn escape_text(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Escapes an attribute value: also quotes and the whitespace characters
/// that attribute-value normalisation would turn into spaces.
fn escape_attr(text: &str) -> String {
    escape(text, true).into_owned()
}

fn escape(text: &str, attr: bool) -> Cow<'_, str> {
    let needs = |c: char| {
        matches!(c, '<' | '>' | '&' | '\r') || (attr && matches!(c, '"' | '\'' | '\n' | '\t'))
    };
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => out.push_str("&#13;"),
            '"' if attr => out.push_str("&quot;"),
            '\'' if attr => out.push_str("&apos;"),
            '\n' if attr => out.push_str("&#10;"),
            '\t' if attr => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_escaped_text_that_reads_back_identically() {
        let mut out = XmlOut::new();
        let tricky = "a < b & c > d\r\n\"q\" 'x'\ttab";
        out.open("r", &[("k", Some(tricky)), ("none", None)]);
        out.leaf("t", &[], tricky);
        out.close("r");
        let bytes = out.finish().unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let doc = crate::syntax::tree::Document::parse(&text).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("k"), Some(tricky));
        assert_eq!(root.attribute("none"), None);
        let t = root.first_element_child().unwrap();
        assert_eq!(t.text(), Some(tricky));
    }
}
