//! Where a business term sits: in the semantic model ([`TermPath`], such as
//! `/BG-25[2]/BT-131`) and in the source document ([`Span`], [`TextPos`]).
//!
//! Readers record a byte span for every value they map; line and column are
//! computed only when a finding is printed ([`SourceMap::position`]).

use std::fmt;

/// A business group or business term of EN 16931, with an optional
/// sub-term number (`BT-29-1` is `Term::bt_sub(29, 1)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Term {
    group: bool,
    number: u16,
    sub: u8,
}

impl Term {
    /// Business group `BG-n`.
    pub const fn bg(number: u16) -> Self {
        Self {
            group: true,
            number,
            sub: 0,
        }
    }

    /// Business term `BT-n`.
    pub const fn bt(number: u16) -> Self {
        Self {
            group: false,
            number,
            sub: 0,
        }
    }

    /// Business sub-term `BT-n-s` (a scheme or attribute of `BT-n`).
    pub const fn bt_sub(number: u16, sub: u8) -> Self {
        Self {
            group: false,
            number,
            sub,
        }
    }

    /// Whether this is a business group.
    pub const fn is_group(self) -> bool {
        self.group
    }

    /// The number `n` of `BG-n` / `BT-n`.
    pub const fn number(self) -> u16 {
        self.number
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.group { "BG-" } else { "BT-" })?;
        write!(f, "{}", self.number)?;
        if self.sub != 0 {
            write!(f, "-{}", self.sub)?;
        }
        Ok(())
    }
}

const MAX_DEPTH: usize = 4;

/// The path of a business term in the model, such as `/BG-25[2]/BT-131`
/// (the net amount of the second line) or `/BG-4/BT-29[1]`.
///
/// Indexes are 1-based and written only for repeatable groups and terms.
/// The path is a small `Copy` value: recording one allocates nothing.
///
/// ```
/// use facture::model::{Term, TermPath};
/// let path = TermPath::root().nth(Term::bg(25), 2).child(Term::bt(131));
/// assert_eq!(path.to_string(), "/BG-25[2]/BT-131");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TermPath {
    steps: [(Term, u32); MAX_DEPTH],
    len: u8,
}

impl TermPath {
    /// The empty path (the invoice itself).
    pub const fn root() -> Self {
        Self {
            steps: [(Term::bg(0), 0); MAX_DEPTH],
            len: 0,
        }
    }

    /// The path of a single business term or group at top level.
    pub const fn of(term: Term) -> Self {
        Self::root().child(term)
    }

    /// This path extended by a non-repeatable child.
    pub const fn child(self, term: Term) -> Self {
        self.push(term, 0)
    }

    /// This path extended by the `index`-th (1-based) occurrence of a
    /// repeatable child.
    pub const fn nth(self, term: Term, index: u32) -> Self {
        self.push(term, index)
    }

    const fn push(mut self, term: Term, index: u32) -> Self {
        // The EN 16931 model nests at most four levels (BG-25/BG-31/BG-32/BT-160).
        if (self.len as usize) < MAX_DEPTH {
            self.steps[self.len as usize] = (term, index);
            self.len += 1;
        }
        self
    }

    /// The steps of the path, outermost first: each term with its 1-based
    /// index (0 for a non-repeatable step).
    pub fn steps(&self) -> &[(Term, u32)] {
        self.steps.get(..self.len as usize).unwrap_or(&[])
    }

    /// Whether `prefix` is this path or one of its ancestors.
    pub fn starts_with(&self, prefix: &TermPath) -> bool {
        self.steps().starts_with(prefix.steps())
    }

    /// The path without its innermost step (the root stays the root).
    pub fn parent(&self) -> TermPath {
        let mut parent = *self;
        parent.len = parent.len.saturating_sub(1);
        parent
    }

    /// The innermost term, if any.
    pub fn term(&self) -> Option<Term> {
        self.steps().last().map(|(t, _)| *t)
    }
}

impl fmt::Debug for TermPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TermPath({self})")
    }
}

impl fmt::Display for TermPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.len == 0 {
            return f.write_str("/");
        }
        for (term, index) in self.steps() {
            write!(f, "/{term}")?;
            if *index != 0 {
                write!(f, "[{index}]")?;
            }
        }
        Ok(())
    }
}

/// A byte range in the source document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from a byte range (offsets past `u32::MAX` saturate).
    pub fn new(range: std::ops::Range<usize>) -> Self {
        Self {
            start: u32::try_from(range.start).unwrap_or(u32::MAX),
            end: u32::try_from(range.end).unwrap_or(u32::MAX),
        }
    }
}

/// A 1-based line and column (column counted in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TextPos {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1, in characters.
    pub column: u32,
}

impl TextPos {
    /// The position of byte `offset` in `text` (an offset past the end, or
    /// inside a character, is clamped to the nearest character boundary).
    pub fn at(text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = text.get(..offset).unwrap_or("");
        let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
        let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
        let column = before.get(line_start..).unwrap_or("").chars().count() + 1;
        Self {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }
}

impl fmt::Display for TextPos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Where each business term read from a document came from: a list of
/// (term path, byte span) in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    entries: Vec<(TermPath, Span)>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that the term at `path` was read from `span`.
    pub fn record(&mut self, path: TermPath, span: Span) {
        self.entries.push((path, span));
    }

    /// The span of the first value read for `path`.
    pub fn span(&self, path: &TermPath) -> Option<Span> {
        self.entries
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, span)| *span)
    }

    /// The span of the value read for `path` or, when none was, of the first
    /// value read inside it (for a group such as `/BG-25[2]`), or of the
    /// closest enclosing group that has one.
    pub fn span_near(&self, path: &TermPath) -> Option<Span> {
        let mut path = *path;
        loop {
            if let Some(span) = self.span(&path).or_else(|| {
                self.entries
                    .iter()
                    .find(|(p, _)| p.starts_with(&path))
                    .map(|(_, span)| *span)
            }) {
                return Some(span);
            }
            if path.steps().is_empty() {
                return None;
            }
            path = path.parent();
        }
    }

    /// The line and column of the value read for `path`, in `source` (the
    /// text the document was read from).
    pub fn position(&self, source: &str, path: &TermPath) -> Option<TextPos> {
        self.span(path)
            .map(|span| TextPos::at(source, span.start as usize))
    }

    /// All recorded (path, span) pairs, in document order.
    pub fn entries(&self) -> &[(TermPath, Span)] {
        &self.entries
    }

    /// The number of recorded values.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_display_like_the_norm() {
        let p = TermPath::root()
            .nth(Term::bg(25), 3)
            .child(Term::bg(31))
            .nth(Term::bg(32), 1)
            .child(Term::bt(160));
        assert_eq!(p.to_string(), "/BG-25[3]/BG-31/BG-32[1]/BT-160");
        assert_eq!(TermPath::of(Term::bt_sub(29, 1)).to_string(), "/BT-29-1");
        assert_eq!(p.term(), Some(Term::bt(160)));
    }

    #[test]
    fn deeper_paths_are_truncated_not_panicking() {
        let mut p = TermPath::root();
        for i in 0..10 {
            p = p.nth(Term::bg(1), i);
        }
        assert_eq!(p.steps().len(), 4);
    }

    #[test]
    fn text_pos_counts_lines_and_characters() {
        let text = "ab\ncé\nxyz";
        assert_eq!(TextPos::at(text, 0), TextPos { line: 1, column: 1 });
        assert_eq!(TextPos::at(text, 3), TextPos { line: 2, column: 1 });
        // 'é' is two bytes: the byte after it is column 3.
        assert_eq!(TextPos::at(text, 6), TextPos { line: 2, column: 3 });
        // inside the 'é': clamped back to its start.
        assert_eq!(TextPos::at(text, 5), TextPos { line: 2, column: 2 });
        assert_eq!(TextPos::at(text, 999), TextPos { line: 3, column: 4 });
    }

    #[test]
    fn span_near_falls_back_to_contents_then_parents() {
        let mut map = SourceMap::new();
        let amount = TermPath::root().nth(Term::bg(25), 2).child(Term::bt(131));
        map.record(TermPath::of(Term::bt(1)), Span::new(1..2));
        map.record(amount, Span::new(10..20));
        let line = TermPath::root().nth(Term::bg(25), 2);
        assert_eq!(map.span_near(&line), Some(Span { start: 10, end: 20 }));
        let missing = line.child(Term::bt(129));
        assert_eq!(map.span_near(&missing), Some(Span { start: 10, end: 20 }));
        assert!(amount.starts_with(&line) && !line.starts_with(&amount));
        assert_eq!(
            map.span_near(&TermPath::of(Term::bt(9))),
            Some(Span { start: 1, end: 2 })
        );
    }

    #[test]
    fn source_map_finds_first_span() {
        let mut map = SourceMap::new();
        let p = TermPath::of(Term::bt(1));
        map.record(p, Span::new(3..5));
        map.record(p, Span::new(9..10));
        assert_eq!(map.span(&p), Some(Span { start: 3, end: 5 }));
        assert_eq!(
            map.position("ab\ncdef", &p),
            Some(TextPos { line: 2, column: 1 })
        );
    }
}
