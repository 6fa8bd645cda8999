//! The tokenizer and tree builder: one pass over the bytes, every
//! well-formedness check made on the way (see the module documentation of
//! [`super`]).

use std::borrow::Cow;
use std::collections::HashMap;

use super::names::{NAMES_CAPACITY, Names, SeededFx};
use super::{AttrData, Document, NONE, NS_XML_URI, NodeData, NsDecl, TEXT_BIT, TEXT_BORROWED};
use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::model::TextPos;

/// The namespace of `xmlns` declarations, which nothing may be bound to.
const NS_XMLNS_URI: &str = "http://www.w3.org/2000/xmlns/";

/// Text class: not white space.
const T_NONWS: u8 = 1;
/// Text class: carriage return (line ends to normalise).
const T_CR: u8 = 2;
/// Text class: a control character XML does not allow.
const T_BAD: u8 = 4;
/// Text class: `>` (`]]>` is not allowed in text).
const T_GT: u8 = 8;
/// Text class: first byte of U+E000..U+FFFF (U+FFFE and U+FFFF are not
/// XML characters).
const T_EF: u8 = 16;
/// Text class: `&` (a reference).
const T_AMP: u8 = 32;
/// Text class: tab, line feed (attribute values normalise them).
const T_SPACE: u8 = 64;
/// Text class: `<`, which ends text and may not be in attribute values.
const T_LT: u8 = 128;

/// The class of each byte in text and attribute values.
static TEXT_CLASS: [u8; 256] = {
    let mut t = [T_NONWS; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = T_BAD | T_NONWS;
        i += 1;
    }
    t[b' ' as usize] = 0;
    t[b'\t' as usize] = T_SPACE;
    t[b'\n' as usize] = T_SPACE;
    t[b'\r' as usize] = T_CR;
    t[b'>' as usize] = T_GT | T_NONWS;
    t[b'&' as usize] = T_AMP | T_NONWS;
    t[b'<' as usize] = T_LT | T_NONWS;
    t[0xEF] = T_EF | T_NONWS;
    t
};

/// Name class: may start a name.
const N_START: u8 = 1;
/// Name class: may continue a name.
const N_CHAR: u8 = 2;
/// Name class: a byte of a multi-byte character (decoded and checked).
const N_HIGH: u8 = 4;

/// The class of each byte in names (`:` is handled apart).
static NAME_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphabetic() || b == b'_' {
            N_START | N_CHAR
        } else if b.is_ascii_digit() || b == b'-' || b == b'.' {
            N_CHAR
        } else if b >= 0x80 {
            N_HIGH
        } else {
            0
        };
        i += 1;
    }
    t
};

fn is_name_start_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_' || c == ':';
    }
    matches!(c as u32,
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2FF | 0x370..=0x37D | 0x37F..=0x1FFF
        | 0x200C..=0x200D | 0x2070..=0x218F | 0x2C00..=0x2FEF | 0x3001..=0xD7FF
        | 0xF900..=0xFDCF | 0xFDF0..=0xFFFD | 0x10000..=0xEFFFF)
}

fn is_name_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '-' | '.');
    }
    is_name_start_char(c) || matches!(c as u32, 0xB7 | 0x300..=0x36F | 0x203F..=0x2040)
}

fn is_xml_char(c: char) -> bool {
    matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// An open element.
struct Frame {
    id: u32,
    /// The written name, `qstart..qend`, with its colon (or `u32::MAX`).
    qstart: u32,
    qend: u32,
    colon: u32,
    /// The length of the namespace scope before the element's declarations.
    scope_len: u32,
    has_element_child: bool,
}

/// An attribute read from a start tag, before its name is resolved.
struct TempAttr {
    start: u32,
    qend: u32,
    colon: u32,
    value_start: u32,
    value_end: u32,
    owned: u32,
}

/// The text read since the last child of the open element.
#[derive(Default)]
struct Pending {
    active: bool,
    start: u32,
    end: u32,
    /// Only white space as written (no reference, no CDATA).
    white: bool,
    /// The value is in `Parser::buf` (not one piece of the input as is).
    owned: bool,
}

/// A slot of `Parser::slots`: a written name (where it was read, its length
/// with bit 31 set for an element name, its first and last eight bytes),
/// the name it resolved to and the scope generation that is valid in. An
/// empty slot has the length 0, which no name has.
#[derive(Clone, Copy, Default)]
struct Slot {
    head: u64,
    tail: u64,
    start: u32,
    len: u32,
    generation: u32,
    id: u32,
}

/// The `n` bytes (at most eight) of `b` at `at`, little-endian, zero-padded.
#[inline(always)]
fn word_at(b: &[u8], at: usize, n: usize) -> u64 {
    let mask = if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    };
    if let Some(chunk) = b.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        return u64::from_le_bytes(word) & mask;
    }
    word_near_end(b, at, n) & mask
}

/// [`word_at`] within eight bytes of the end of `b`.
#[cold]
fn word_near_end(b: &[u8], at: usize, n: usize) -> u64 {
    let mut word = [0u8; 8];
    for (k, c) in b.get(at..).unwrap_or(&[]).iter().take(n.min(8)).enumerate() {
        if let Some(w) = word.get_mut(k) {
            *w = *c;
        }
    }
    u64::from_le_bytes(word)
}

/// Whether `b[x..x + len]` and `b[y..y + len]` are the same bytes (and in
/// the input), compared eight at a time.
#[inline(always)]
fn same_bytes(b: &[u8], x: usize, y: usize, len: usize) -> bool {
    if x.max(y) + len > b.len() {
        return false;
    }
    let mut k = 0;
    while k + 8 <= len {
        if word_at(b, x + k, 8) != word_at(b, y + k, 8) {
            return false;
        }
        k += 8;
    }
    k == len || word_at(b, x + k, len - k) == word_at(b, y + k, len - k)
}

/// A name cache entry: the name a written qualified name resolved to, and
/// the scope generation it is valid in.
type Cache<'input> = HashMap<&'input str, (u32, u32), SeededFx>;

struct Parser<'input, 'l> {
    text: &'input str,
    b: &'input [u8],
    pos: usize,
    limits: &'l Limits,
    nodes: Vec<NodeData>,
    attrs: Vec<AttrData>,
    owned: Vec<Box<str>>,
    names: Names<'input>,
    ns_decls: Vec<NsDecl<'input>>,
    stack: Vec<Frame>,
    /// Namespace bindings in scope, innermost last: (prefix, URI id); the
    /// default namespace has the prefix `""`.
    scope: Vec<(&'input str, u32)>,
    /// Changes whenever `scope` does: cached resolutions of older
    /// generations are stale.
    generation: u32,
    element_names: Cache<'input>,
    attribute_names: Cache<'input>,
    /// A direct-mapped cache in front of the two maps above: the slot of a
    /// written name is found from its first and last eight bytes, with no
    /// loop over the name.
    slots: Vec<Slot>,
    /// `64 - log2(slots.len())`: a hash's top bits index `slots`.
    slot_shift: u32,
    xml_uri: u32,
    pending: Pending,
    buf: String,
    temp: Vec<TempAttr>,
    /// Scratch for the duplicate check of elements with many attributes.
    seen: Vec<u32>,
}

/// Parses `text` into a [`Document`].
pub(super) fn parse<'input>(text: &'input str, limits: &Limits) -> Result<Document<'input>> {
    if text.len() >= u32::MAX as usize {
        return Err(Error::LimitExceeded {
            what: "input size in bytes",
            limit: u64::from(u32::MAX) - 1,
            pos: TextPos { line: 1, column: 1 },
        });
    }
    let b = text.as_bytes();
    // Every element has a `<`, and so does every text but the last one
    // of an element: the count bounds the node count (roughly twice over
    // for indented documents, once for flat ones).
    let lts = memchr::memchr_iter(b'<', b).count();
    let node_capacity = (lts + 1).min(limits.max_nodes as usize);
    // A slot per 256 bytes of input, 128 to 1024 of them (4 to 32 KB).
    let slot_count = (text.len() / 256).clamp(128, 1024).next_power_of_two();
    let hasher = SeededFx::new();
    let mut names = Names::new(hasher);
    let xml_uri = names.uri(Cow::Borrowed(NS_XML_URI));
    let mut p = Parser {
        text,
        b,
        pos: 0,
        limits,
        nodes: Vec::with_capacity(node_capacity),
        attrs: Vec::new(),
        owned: Vec::new(),
        names,
        ns_decls: Vec::new(),
        stack: Vec::new(),
        scope: Vec::new(),
        generation: 0,
        element_names: HashMap::with_capacity_and_hasher(NAMES_CAPACITY, hasher),
        attribute_names: HashMap::with_capacity_and_hasher(16, hasher),
        slots: vec![Slot::default(); slot_count],
        slot_shift: 64 - slot_count.trailing_zeros(),
        xml_uri,
        pending: Pending::default(),
        buf: String::new(),
        temp: Vec::new(),
        seen: Vec::new(),
    };
    p.nodes.push(NodeData {
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        next_sibling: NONE,
        start: 0,
        end: text.len() as u32,
        payload: 0,
        attrs: 0,
    });
    p.document()?;
    p.nodes.shrink_to_fit();
    p.attrs.shrink_to_fit();
    Ok(Document {
        text,
        nodes: p.nodes,
        attrs: p.attrs,
        owned: p.owned,
        names: p.names,
        ns_decls: p.ns_decls,
    })
}

impl<'input> Parser<'input, '_> {
    fn malformed(&self, offset: usize, message: impl Into<String>) -> Error {
        Error::Malformed {
            pos: TextPos::at(self.text, offset),
            message: message.into(),
        }
    }

    fn eof(&self) -> Error {
        self.malformed(self.b.len(), "unexpected end of the document")
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    fn starts_with(&self, s: &[u8]) -> bool {
        self.b.get(self.pos..).is_some_and(|r| r.starts_with(s))
    }

    fn str(&self, start: usize, end: usize) -> &'input str {
        self.text.get(start..end).unwrap_or("")
    }

    /// Skips white space; whether there was any.
    #[inline]
    fn skip_spaces(&mut self) -> bool {
        let start = self.pos;
        while self.byte(self.pos).is_some_and(is_space) {
            self.pos += 1;
        }
        self.pos > start
    }

    #[inline]
    fn expect(&mut self, b: u8) -> Result<()> {
        if self.byte(self.pos) == Some(b) {
            self.pos += 1;
            return Ok(());
        }
        Err(self.unexpected(b))
    }

    /// The refusal of what is at `self.pos` where `b` was expected.
    #[cold]
    fn unexpected(&self, b: u8) -> Error {
        match self.byte(self.pos) {
            Some(c) => self.malformed(
                self.pos,
                format!(
                    "expected '{}', found '{}'",
                    b as char,
                    self.char_at(self.pos, c)
                ),
            ),
            None => self.eof(),
        }
    }

    fn char_at(&self, i: usize, b: u8) -> char {
        if b.is_ascii() {
            b as char
        } else {
            self.text
                .get(i..)
                .and_then(|s| s.chars().next())
                .unwrap_or('\u{FFFD}')
        }
    }

    // ---- document ------------------------------------------------------

    fn document(&mut self) -> Result<()> {
        if self.starts_with(b"\xEF\xBB\xBF") {
            self.pos = 3;
        }
        if self.starts_with(b"<?xml ") {
            self.declaration()?;
        }
        self.misc()?;
        if self.starts_with(b"<!DOCTYPE") {
            return Err(Error::Dtd {
                pos: TextPos::at(self.text, self.pos),
            });
        }
        match self.byte(self.pos) {
            Some(b'<') => {
                if self.start_tag()? {
                    self.content()?;
                }
            }
            Some(_) => {
                return Err(self.malformed(self.pos, "text before the root element"));
            }
            None => return Err(self.malformed(self.pos, "no root element")),
        }
        self.misc()?;
        if self.pos < self.b.len() {
            return Err(self.malformed(self.pos, "content after the root element"));
        }
        Ok(())
    }

    /// Comments, processing instructions and white space around the root.
    fn misc(&mut self) -> Result<()> {
        loop {
            self.skip_spaces();
            if self.starts_with(b"<!--") {
                self.comment()?;
            } else if self.starts_with(b"<?") {
                self.pi()?;
            } else {
                return Ok(());
            }
        }
    }

    /// `<?xml version="…" encoding="…"? standalone="…"? ?>` (the encoding is
    /// checked by `xml_input`, before parsing).
    fn declaration(&mut self) -> Result<()> {
        self.pos += 5;
        self.declaration_spaces()?;
        if !self.starts_with(b"version") {
            return Err(self.malformed(self.pos, "expected 'version'"));
        }
        self.declaration_attribute()?;
        self.declaration_spaces()?;
        if self.starts_with(b"encoding") {
            self.declaration_attribute()?;
            self.declaration_spaces()?;
        }
        if self.starts_with(b"standalone") {
            self.declaration_attribute()?;
        }
        self.skip_spaces();
        if !self.starts_with(b"?>") {
            return Err(self.malformed(self.pos, "expected '?>'"));
        }
        self.pos += 2;
        Ok(())
    }

    fn declaration_spaces(&mut self) -> Result<()> {
        if !self.skip_spaces() && !self.starts_with(b"?>") && self.pos < self.b.len() {
            return Err(self.malformed(self.pos, "expected a space"));
        }
        Ok(())
    }

    fn declaration_attribute(&mut self) -> Result<()> {
        let (end, _) = self.qname(self.pos)?;
        self.pos = end;
        self.skip_spaces();
        self.expect(b'=')?;
        self.skip_spaces();
        let quote = self.quote()?;
        let start = self.pos;
        let end = start
            + memchr::memchr2(quote, b'<', self.b.get(start..).unwrap_or(&[]))
                .ok_or_else(|| self.eof())?;
        self.check_chars(start, end)?;
        self.pos = end;
        self.expect(quote)
    }

    fn quote(&mut self) -> Result<u8> {
        match self.byte(self.pos) {
            Some(q @ (b'"' | b'\'')) => {
                self.pos += 1;
                Ok(q)
            }
            Some(c) => Err(self.malformed(
                self.pos,
                format!("expected a quote, found '{}'", self.char_at(self.pos, c)),
            )),
            None => Err(self.eof()),
        }
    }

    // ---- names ---------------------------------------------------------

    /// A qualified name at `start`: its end and the offset of its colon
    /// (`u32::MAX` for none); the prefix and the local name must each
    /// start with a name start character, and there is at most one colon.
    #[inline]
    fn qname(&self, start: usize) -> Result<(usize, u32)> {
        // ASCII names, the most common: one loop over the class table.
        let b = self.b;
        if b.get(start)
            .is_some_and(|&c| NAME_CLASS[c as usize] & N_START != 0)
        {
            let mut i = start + 1;
            let mut colon = u32::MAX;
            loop {
                match b.get(i) {
                    Some(&c) if NAME_CLASS[c as usize] & N_CHAR != 0 => i += 1,
                    Some(b':')
                        if colon == u32::MAX
                            && b.get(i + 1)
                                .is_some_and(|&c| NAME_CLASS[c as usize] & N_START != 0) =>
                    {
                        colon = i as u32;
                        i += 2;
                    }
                    Some(&c) if c < 0x80 && c != b':' => return Ok((i, colon)),
                    None => return Ok((i, colon)),
                    // Non-ASCII, a second colon, or a colon not followed
                    // by an ASCII name start: the general path.
                    Some(_) => break,
                }
            }
        }
        self.qname_general(start)
    }

    /// [`Self::qname`] for any name.
    fn qname_general(&self, start: usize) -> Result<(usize, u32)> {
        let mut i = start;
        let mut colon = u32::MAX;
        while let Some(b) = self.byte(i) {
            let class = NAME_CLASS[b as usize];
            if class & N_CHAR != 0 {
                i += 1;
            } else if b == b':' {
                if colon != u32::MAX {
                    return Err(self.malformed(start, "a name with two colons"));
                }
                colon = i as u32;
                i += 1;
            } else if class & N_HIGH != 0 {
                match self.text.get(i..).and_then(|s| s.chars().next()) {
                    Some(c) if is_name_char(c) => i += c.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        let starts_well = |at: usize| match self.byte(at) {
            Some(b) if b.is_ascii() => NAME_CLASS[b as usize] & N_START != 0,
            Some(_) => self
                .text
                .get(at..)
                .and_then(|s| s.chars().next())
                .is_some_and(is_name_start_char),
            None => false,
        };
        let local_start = if colon == u32::MAX {
            start
        } else {
            colon as usize + 1
        };
        let prefix_ok = colon == u32::MAX || colon as usize == start || starts_well(start);
        if !prefix_ok || local_start >= i || !starts_well(local_start) {
            return Err(self.malformed(start, "invalid name"));
        }
        Ok((i, colon))
    }

    /// Splits a written name into prefix (`""` for none) and local name.
    #[inline]
    fn split(&self, start: usize, end: usize, colon: u32) -> (&'input str, &'input str) {
        if colon == u32::MAX {
            ("", self.str(start, end))
        } else {
            (
                self.str(start, colon as usize),
                self.str(colon as usize + 1, end),
            )
        }
    }

    /// The URI id bound to `prefix` (`""`: the default namespace, id 0 when
    /// none is declared).
    fn bound(&self, prefix: &str) -> Option<u32> {
        self.scope
            .iter()
            .rev()
            .find(|(p, _)| *p == prefix)
            .map(|(_, uri)| *uri)
            .or_else(|| prefix.is_empty().then_some(0))
    }

    /// The name id of the written name `start..end`, for an element or an
    /// attribute (no default namespace, `xml` prefix bound).
    fn resolve(&mut self, start: usize, end: usize, colon: u32, element: bool) -> Result<u32> {
        let len = end - start;
        let head = word_at(self.b, start, len);
        let tail = if len > 8 {
            word_at(self.b, end - 8, 8)
        } else {
            head
        };
        let key_len = len as u32 | if element { 1 << 31 } else { 0 };
        let hash = (head ^ tail.rotate_left(29) ^ u64::from(key_len))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            >> self.slot_shift;
        let slot = hash as usize;
        if let Some(s) = self.slots.get(slot)
            && s.len == key_len
            && s.head == head
            && s.tail == tail
            && s.generation == self.generation
            && (len <= 16 || same_bytes(self.b, s.start as usize + 8, start + 8, len - 16))
        {
            return Ok(s.id);
        }
        let id = self.resolve_slow(start, end, colon, element)?;
        if let Some(s) = self.slots.get_mut(slot) {
            *s = Slot {
                head,
                tail,
                start: start as u32,
                len: key_len,
                generation: self.generation,
                id,
            };
        }
        Ok(id)
    }

    /// [`Self::resolve`] through the maps keyed by the written name.
    fn resolve_slow(&mut self, start: usize, end: usize, colon: u32, element: bool) -> Result<u32> {
        let qname = self.str(start, end);
        let cache = if element {
            &self.element_names
        } else {
            &self.attribute_names
        };
        if let Some(&(generation, id)) = cache.get(qname)
            && generation == self.generation
        {
            return Ok(id);
        }
        let (prefix, local) = self.split(start, end, colon);
        let uri = if !element && prefix.is_empty() {
            0
        } else if !element && prefix == "xml" {
            self.xml_uri
        } else {
            self.bound(prefix).ok_or_else(|| {
                self.malformed(start, format!("unknown namespace prefix '{prefix}'"))
            })?
        };
        let id = self.names.intern(uri, local);
        let cache = if element {
            &mut self.element_names
        } else {
            &mut self.attribute_names
        };
        cache.insert(qname, (self.generation, id));
        Ok(id)
    }

    // ---- nodes ---------------------------------------------------------

    /// Appends a node under the open element; `attrs` is where its
    /// attributes start (for a text, the attribute count so far).
    #[inline]
    fn push_node(&mut self, start: usize, payload: u32, attrs: u32) -> Result<u32> {
        if self.nodes.len() >= self.limits.max_nodes as usize {
            return Err(Error::LimitExceeded {
                what: "number of XML nodes",
                limit: u64::from(self.limits.max_nodes),
                pos: TextPos::at(self.text, start),
            });
        }
        let id = self.nodes.len() as u32;
        let parent = self.stack.last().map_or(0, |f| f.id);
        self.nodes.push(NodeData {
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            start: start as u32,
            end: start as u32,
            payload,
            attrs,
        });
        let last = match self.nodes.get_mut(parent as usize) {
            Some(p) => {
                let last = p.last_child;
                if last == NONE {
                    p.first_child = id;
                }
                p.last_child = id;
                last
            }
            None => NONE,
        };
        if let Some(prev) = self.nodes.get_mut(last as usize)
            && last != NONE
        {
            prev.next_sibling = id;
        }
        Ok(id)
    }

    #[inline]
    fn set_end(&mut self, id: u32, end: usize) {
        if let Some(n) = self.nodes.get_mut(id as usize) {
            n.end = end as u32;
        }
    }

    /// Ends the pending text of the open element: before a child element
    /// (`at_end` false) or at the end tag. White space is dropped when the
    /// element has element children.
    #[inline]
    fn flush(&mut self, at_end: bool) -> Result<()> {
        if !self.pending.active {
            return Ok(());
        }
        self.flush_pending(at_end)
    }

    /// [`Self::flush`] when a text is pending.
    fn flush_pending(&mut self, at_end: bool) -> Result<()> {
        self.pending.active = false;
        let has_element_child = self.stack.last().is_some_and(|f| f.has_element_child);
        if self.pending.white && (!at_end || has_element_child) {
            return Ok(());
        }
        let payload = if self.pending.owned {
            let i = self.owned.len() as u32;
            if i >= TEXT_BIT - 1 {
                return Err(self.malformed(self.pending.start as usize, "too many texts"));
            }
            self.owned.push(self.buf.as_str().into());
            TEXT_BIT | i
        } else {
            TEXT_BORROWED
        };
        let (start, end) = (self.pending.start, self.pending.end);
        let id = self.push_node(start as usize, payload, self.attrs.len() as u32)?;
        self.set_end(id, end as usize);
        Ok(())
    }

    // ---- content -------------------------------------------------------

    fn content(&mut self) -> Result<()> {
        while !self.stack.is_empty() {
            let start = self.pos;
            // Indentation (spaces, tabs, line feeds) before a start tag, or
            // before the end tag of an element with element children, with
            // no text pending: it would be dropped, skip it at once.
            let mut i = start;
            while let Some(b' ' | b'\n' | b'\t') = self.b.get(i) {
                i += 1;
            }
            if !self.pending.active
                && self.byte(i) == Some(b'<')
                && match self.byte(i + 1) {
                    Some(b'/') => self.stack.last().is_some_and(|f| f.has_element_child),
                    Some(c) => NAME_CLASS[c as usize] & N_START != 0,
                    None => false,
                }
            {
                self.pos = i;
                if self.byte(i + 1) == Some(b'/') {
                    self.end_tag()?;
                } else {
                    self.start_tag()?;
                }
                continue;
            }
            let (i, flags) = scan_text(self.b, i);
            if i > start {
                self.check_text(start, i, flags)?;
                self.piece(start, i, flags & T_NONWS == 0, flags & T_CR != 0);
            }
            self.pos = i;
            match self.byte(i) {
                None => {
                    let open = self.stack.last().map_or(0, |f| f.qstart as usize - 1);
                    return Err(self.malformed(open, "element not closed"));
                }
                Some(b'&') => {
                    let (c, end) = self.reference(i)?;
                    self.push_char(c, i, end);
                    self.pos = end;
                }
                Some(_) => match self.byte(i + 1) {
                    Some(b'/') => self.end_tag()?,
                    Some(b'!') => {
                        if self.starts_with(b"<!--") {
                            self.comment()?;
                        } else if self.starts_with(b"<![CDATA[") {
                            self.cdata()?;
                        } else if self.starts_with(b"<!DOCTYPE") {
                            return Err(Error::Dtd {
                                pos: TextPos::at(self.text, i),
                            });
                        } else {
                            return Err(self.malformed(i, "unknown markup"));
                        }
                    }
                    Some(b'?') => self.pi()?,
                    _ => {
                        self.start_tag()?;
                    }
                },
            }
        }
        Ok(())
    }

    /// Refuses the characters of `start..end` XML does not allow, and `]]>`.
    fn check_text(&self, start: usize, end: usize, flags: u8) -> Result<()> {
        if flags & (T_BAD | T_EF) != 0 {
            self.check_chars(start, end)?;
        }
        if flags & T_GT != 0
            && let Some(k) = memchr::memmem::find(self.b.get(start..end).unwrap_or(&[]), b"]]>")
        {
            return Err(self.malformed(start + k, "']]>' in text"));
        }
        Ok(())
    }

    /// Refuses control characters and U+FFFE, U+FFFF in `start..end`.
    fn check_chars(&self, start: usize, end: usize) -> Result<()> {
        let bytes = self.b.get(start..end).unwrap_or(&[]);
        for (k, &b) in bytes.iter().enumerate() {
            let bad = if b < 0x20 {
                !matches!(b, b'\t' | b'\n' | b'\r')
            } else {
                b == 0xEF
                    && bytes.get(k + 1) == Some(&0xBF)
                    && matches!(bytes.get(k + 2), Some(0xBE | 0xBF))
            };
            if bad {
                return Err(self.malformed(
                    start + k,
                    format!(
                        "character {:?} not allowed in XML",
                        self.char_at(start + k, b)
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Appends `text[start..end]` to the pending text (line ends
    /// normalised when `cr`).
    fn piece(&mut self, start: usize, end: usize, white: bool, cr: bool) {
        let p = &mut self.pending;
        if !p.active {
            *p = Pending {
                active: true,
                start: start as u32,
                end: end as u32,
                white,
                owned: cr,
            };
            if cr {
                self.buf.clear();
                push_text(&mut self.buf, self.text.get(start..end).unwrap_or(""));
            }
            return;
        }
        if !p.owned {
            p.owned = true;
            self.buf.clear();
            self.buf.push_str(
                self.text
                    .get(p.start as usize..p.end as usize)
                    .unwrap_or(""),
            );
        }
        p.end = end as u32;
        p.white &= white;
        push_text(&mut self.buf, self.text.get(start..end).unwrap_or(""));
    }

    /// Appends a referenced character to the pending text.
    fn push_char(&mut self, c: char, start: usize, end: usize) {
        let p = &mut self.pending;
        if !p.active {
            *p = Pending {
                active: true,
                start: start as u32,
                end: end as u32,
                white: false,
                owned: true,
            };
            self.buf.clear();
        } else if !p.owned {
            p.owned = true;
            self.buf.clear();
            self.buf.push_str(
                self.text
                    .get(p.start as usize..p.end as usize)
                    .unwrap_or(""),
            );
        }
        p.end = end as u32;
        p.white = false;
        self.buf.push(c);
    }

    /// `&name;`, `&#N;` or `&#xH;` at `at`: the character and the offset
    /// after the `;`.
    fn reference(&self, at: usize) -> Result<(char, usize)> {
        let bad = || self.malformed(at, "malformed reference");
        let mut i = at + 1;
        let c = if self.byte(i) == Some(b'#') {
            i += 1;
            let radix = if self.byte(i) == Some(b'x') {
                i += 1;
                16
            } else {
                10
            };
            let digits = i;
            let mut value: u32 = 0;
            while let Some(d) = self.byte(i).and_then(|b| (b as char).to_digit(radix)) {
                value = value
                    .checked_mul(radix)
                    .and_then(|v| v.checked_add(d))
                    .ok_or_else(bad)?;
                i += 1;
            }
            if i == digits {
                return Err(bad());
            }
            char::from_u32(value)
                .filter(|c| is_xml_char(*c))
                .ok_or_else(|| {
                    self.malformed(
                        at,
                        "a character reference to a character XML does not allow",
                    )
                })?
        } else {
            let end = self.name_chars_end(i);
            let name = self.str(i, end);
            let c = match name {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "apos" => '\'',
                "quot" => '"',
                "" => return Err(bad()),
                _ if self.byte(end) == Some(b';') => {
                    return Err(self.malformed(at, format!("unknown entity '{name}'")));
                }
                _ => return Err(bad()),
            };
            i = end;
            c
        };
        if self.byte(i) != Some(b';') {
            return Err(bad());
        }
        Ok((c, i + 1))
    }

    /// Where the run of XML name characters starting at `from` ends (the
    /// entity name of a reference, the target of a processing instruction).
    fn name_chars_end(&self, from: usize) -> usize {
        let mut end = from;
        while let Some(b) = self.byte(end) {
            if b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'-' | b'.') {
                end += 1;
            } else if b >= 0x80 {
                match self.text.get(end..).and_then(|s| s.chars().next()) {
                    Some(c) if is_name_char(c) => end += c.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        end
    }

    fn comment(&mut self) -> Result<()> {
        let start = self.pos;
        let body = start + 4;
        let k = body
            + memchr::memmem::find(self.b.get(body..).unwrap_or(&[]), b"--")
                .ok_or_else(|| self.eof())?;
        if self.byte(k + 2) != Some(b'>') {
            return Err(self.malformed(start, "'--' in a comment"));
        }
        self.check_chars(body, k)?;
        self.pos = k + 3;
        Ok(())
    }

    fn pi(&mut self) -> Result<()> {
        let start = self.pos;
        if self.starts_with(b"<?xml ") {
            return Err(self.malformed(start, "XML declaration not at the start"));
        }
        let name = start + 2;
        let i = self.name_chars_end(name);
        let first = self.text.get(name..).and_then(|s| s.chars().next());
        if i == name || !first.is_some_and(is_name_start_char) {
            return Err(self.malformed(name, "invalid processing instruction target"));
        }
        self.pos = i;
        self.skip_spaces();
        let body = self.pos;
        let end = body
            + memchr::memmem::find(self.b.get(body..).unwrap_or(&[]), b"?>")
                .ok_or_else(|| self.eof())?;
        self.check_chars(body, end)?;
        self.pos = end + 2;
        Ok(())
    }

    fn cdata(&mut self) -> Result<()> {
        let body = self.pos + 9;
        let end = body
            + memchr::memmem::find(self.b.get(body..).unwrap_or(&[]), b"]]>")
                .ok_or_else(|| self.eof())?;
        self.check_chars(body, end)?;
        let cr = memchr::memchr(b'\r', self.b.get(body..end).unwrap_or(&[])).is_some();
        self.piece(body, end, false, cr);
        self.pos = end + 3;
        Ok(())
    }

    // ---- tags ----------------------------------------------------------

    /// A start tag at `self.pos`; whether the element is open (not
    /// `<a/>`).
    fn start_tag(&mut self) -> Result<bool> {
        let start = self.pos;
        let qstart = start + 1;
        let (qend, colon) = self.qname(qstart)?;
        if colon != u32::MAX && self.str(qstart, colon as usize) == "xmlns" {
            return Err(self.malformed(qstart, "an element name with the prefix 'xmlns'"));
        }
        self.pos = qend;
        let scope_len = self.scope.len();
        let decls = self.ns_decls.len();
        self.temp.clear();
        let empty = loop {
            let spaced = self.skip_spaces();
            match self.byte(self.pos) {
                None => return Err(self.eof()),
                Some(b'/') => {
                    self.pos += 1;
                    self.expect(b'>')?;
                    break true;
                }
                Some(b'>') => {
                    self.pos += 1;
                    break false;
                }
                Some(c) => {
                    if !spaced {
                        return Err(self.malformed(
                            self.pos,
                            format!("expected a space, found '{}'", self.char_at(self.pos, c)),
                        ));
                    }
                    self.attribute(scope_len)?;
                }
            }
        };
        if self.scope.len() != scope_len {
            self.generation = self.generation.wrapping_add(1);
        }
        let name = self.resolve(qstart, qend, colon, true)?;
        let depth = self.stack.len() + 1;
        if depth > self.limits.max_depth as usize {
            return Err(Error::LimitExceeded {
                what: "XML element depth",
                limit: u64::from(self.limits.max_depth),
                pos: TextPos::at(self.text, start),
            });
        }
        // The parent's text ends here, before the element and its
        // attributes take their places in the arenas.
        self.flush(false)?;
        if let Some(f) = self.stack.last_mut() {
            f.has_element_child = true;
        }
        let first_attr = self.attrs.len() as u32;
        self.attributes_of()?;
        let id = self.push_node(start, name, first_attr)?;
        for d in self.ns_decls.get_mut(decls..).unwrap_or(&mut []) {
            d.element = id;
        }
        if empty {
            self.set_end(id, self.pos);
            if self.scope.len() != scope_len {
                self.scope.truncate(scope_len);
                self.generation = self.generation.wrapping_add(1);
            }
        } else {
            self.stack.push(Frame {
                id,
                qstart: qstart as u32,
                qend: qend as u32,
                colon,
                scope_len: scope_len as u32,
                has_element_child: false,
            });
        }
        Ok(!empty)
    }

    /// Resolves the names of the attributes read, refuses duplicates, and
    /// appends them (for the element about to be appended).
    fn attributes_of(&mut self) -> Result<()> {
        if self.temp.is_empty() {
            return Ok(());
        }
        let temp = std::mem::take(&mut self.temp);
        let first = self.attrs.len();
        for a in &temp {
            let name = self.resolve(a.start as usize, a.qend as usize, a.colon, false)?;
            self.attrs.push(AttrData {
                name,
                start: a.start,
                value_start: a.value_start,
                value_end: a.value_end,
                owned: a.owned,
            });
        }
        self.temp = temp;
        let ours = self.attrs.get(first..).unwrap_or(&[]);
        let duplicate = if ours.len() <= 16 {
            ours.iter()
                .enumerate()
                .find(|(k, a)| ours.iter().take(*k).any(|b| b.name == a.name))
                .map(|(_, a)| a.start)
        } else {
            // Many attributes: sorted names keep the check n log n.
            self.seen.clear();
            self.seen.extend(ours.iter().map(|a| a.name));
            self.seen.sort_unstable();
            self.seen
                .windows(2)
                .find(|w| w.first() == w.get(1))
                .and_then(|w| w.first())
                .and_then(|name| ours.iter().filter(|a| a.name == *name).nth(1))
                .map(|a| a.start)
        };
        match duplicate {
            Some(at) => Err(self.malformed(at as usize, "duplicate attribute")),
            None => Ok(()),
        }
    }

    /// One attribute of a start tag (a namespace declaration is bound in
    /// `scope` at once; `scope_len` is the scope outside the element).
    fn attribute(&mut self, scope_len: usize) -> Result<()> {
        let start = self.pos;
        let (qend, colon) = self.qname(start)?;
        self.pos = qend;
        self.skip_spaces();
        self.expect(b'=')?;
        self.skip_spaces();
        let quote = self.quote()?;
        let value_start = self.pos;
        let mut i = value_start;
        let mut flags = 0u8;
        loop {
            let Some(b) = self.byte(i) else {
                return Err(self.eof());
            };
            if b == quote {
                break;
            }
            let class = TEXT_CLASS[b as usize];
            if class & T_LT != 0 {
                return Err(self.malformed(i, "'<' in an attribute value"));
            }
            flags |= class;
            i += 1;
        }
        let value_end = i;
        self.pos = i + 1;
        if flags & (T_BAD | T_EF) != 0 {
            self.check_chars(value_start, value_end)?;
        }
        let value: Cow<'input, str> = if flags & (T_AMP | T_SPACE | T_CR) != 0 {
            Cow::Owned(self.attribute_value(value_start, value_end)?)
        } else {
            Cow::Borrowed(self.str(value_start, value_end))
        };
        let (prefix, local) = self.split(start, qend, colon);
        if prefix == "xmlns" {
            return self.declare(Some(local), value, start, scope_len);
        }
        if prefix.is_empty() && local == "xmlns" {
            return self.declare(None, value, start, scope_len);
        }
        let owned = match value {
            Cow::Borrowed(_) => u32::MAX,
            Cow::Owned(s) => {
                let i = self.owned.len() as u32;
                self.owned.push(s.into_boxed_str());
                i
            }
        };
        self.temp.push(TempAttr {
            start: start as u32,
            qend: qend as u32,
            colon,
            value_start: value_start as u32,
            value_end: value_end as u32,
            owned,
        });
        Ok(())
    }

    /// An attribute value with references resolved and white space
    /// normalised (a line end, tab or line feed is a space; referenced
    /// characters are kept as they are).
    fn attribute_value(&self, start: usize, end: usize) -> Result<String> {
        let mut out = String::with_capacity(end - start);
        let mut seg = start;
        let mut i = start;
        while i < end {
            let Some(b) = self.byte(i) else { break };
            match b {
                b'&' => {
                    out.push_str(self.str(seg, i));
                    let (c, after) = self.reference(i)?;
                    out.push(c);
                    i = after;
                    seg = i;
                }
                b'\r' | b'\n' | b'\t' => {
                    out.push_str(self.str(seg, i));
                    out.push(' ');
                    i += if b == b'\r' && self.byte(i + 1) == Some(b'\n') {
                        2
                    } else {
                        1
                    };
                    seg = i;
                }
                _ => i += 1,
            }
        }
        out.push_str(self.str(seg, end.min(self.b.len())));
        Ok(out)
    }

    /// A namespace declaration on the element being read (its id is set
    /// once the element is appended).
    fn declare(
        &mut self,
        prefix: Option<&'input str>,
        value: Cow<'input, str>,
        at: usize,
        scope_len: usize,
    ) -> Result<()> {
        if value == NS_XMLNS_URI {
            return Err(self.malformed(at, "the xmlns namespace cannot be declared"));
        }
        let is_xml = value == NS_XML_URI;
        match prefix {
            Some("xml") => {
                if !is_xml {
                    return Err(self.malformed(at, "the prefix 'xml' bound to another namespace"));
                }
                return Ok(());
            }
            _ if is_xml => {
                return Err(self.malformed(at, "the XML namespace bound to another prefix"));
            }
            Some(p) => {
                let ours = self.scope.get(scope_len..).unwrap_or(&[]);
                if ours.iter().any(|(q, _)| *q == p) {
                    return Err(
                        self.malformed(at, format!("namespace prefix '{p}' declared twice"))
                    );
                }
            }
            None => {
                if self
                    .scope
                    .get(scope_len..)
                    .unwrap_or(&[])
                    .iter()
                    .any(|(q, _)| q.is_empty())
                {
                    return Err(self.malformed(at, "default namespace declared twice"));
                }
            }
        }
        let uri = self.names.uri(value);
        self.scope.push((prefix.unwrap_or(""), uri));
        self.ns_decls.push(NsDecl {
            element: NONE,
            prefix,
            uri,
        });
        Ok(())
    }

    /// An end tag at `self.pos`, which must close the open element.
    fn end_tag(&mut self) -> Result<()> {
        let start = self.pos;
        let Some(frame) = self.stack.last() else {
            return Err(self.malformed(start, "end tag without a start tag"));
        };
        let (qstart, qend, colon) = (frame.qstart as usize, frame.qend as usize, frame.colon);
        let at = start + 2;
        let after = at + (qend - qstart);
        let same = same_bytes(self.b, qstart, at, qend - qstart)
            && self
                .byte(after)
                .is_some_and(|b| b != b':' && NAME_CLASS[b as usize] == 0);
        if same {
            self.pos = after;
        } else {
            let (end, c) = self.qname(at)?;
            if self.split(at, end, c) != self.split(qstart, qend, colon) {
                return Err(self.malformed(
                    start,
                    format!(
                        "expected '</{}>', found '</{}>'",
                        self.str(qstart, qend),
                        self.str(at, end)
                    ),
                ));
            }
            self.pos = end;
        }
        self.skip_spaces();
        self.expect(b'>')?;
        self.flush(true)?;
        if let Some(frame) = self.stack.pop() {
            self.set_end(frame.id, self.pos);
            if self.scope.len() != frame.scope_len as usize {
                self.scope.truncate(frame.scope_len as usize);
                self.generation = self.generation.wrapping_add(1);
            }
        }
        Ok(())
    }
}

/// Eight copies of a byte.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// Whether a byte of `w` is below `n` (`n` at most 0x80).
#[inline]
fn has_below(w: u64, n: u8) -> bool {
    w.wrapping_sub(splat(n)) & !w & splat(0x80) != 0
}

/// Whether a byte of `w` is `b`.
#[inline]
fn has_byte(w: u64, b: u8) -> bool {
    has_below(w ^ splat(b), 1)
}

/// Scans text from `i` to the next `<` or `&` (or the end): that offset
/// and the union of the [`TEXT_CLASS`]es of the bytes. Eight bytes at a
/// time while they are ASCII characters other than controls, `<`, `&` and
/// `>` (all of one class, `T_NONWS`, or none for eight spaces); a byte at a
/// time through a word that is not.
#[inline]
fn scan_text(b: &[u8], mut i: usize) -> (usize, u8) {
    let mut flags = 0u8;
    loop {
        if let Some(chunk) = b.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let w = u64::from_le_bytes(word);
            if w & splat(0x80) == 0
                && !has_below(w, 0x20)
                && !has_byte(w, b'<')
                && !has_byte(w, b'&')
                && !has_byte(w, b'>')
            {
                if w != splat(b' ') {
                    flags |= T_NONWS;
                }
                i += 8;
                continue;
            }
        }
        // A byte at a time up to the next word boundary (or the end).
        let stop = i + 8;
        while i < stop {
            let Some(&c) = b.get(i) else {
                return (i, flags);
            };
            let class = TEXT_CLASS[c as usize];
            if class & (T_LT | T_AMP) != 0 {
                return (i, flags);
            }
            flags |= class;
            i += 1;
        }
    }
}

/// Appends text with its line ends normalised (`\r\n` and `\r` are `\n`).
fn push_text(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(k) = memchr::memchr(b'\r', rest.as_bytes()) {
        out.push_str(rest.get(..k).unwrap_or(""));
        out.push('\n');
        let skip = if rest.as_bytes().get(k + 1) == Some(&b'\n') {
            k + 2
        } else {
            k + 1
        };
        rest = rest.get(skip..).unwrap_or("");
    }
    out.push_str(rest);
}
