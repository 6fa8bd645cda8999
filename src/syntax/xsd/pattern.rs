//! A small matcher for XML Schema regular expressions (the `pattern` facet):
//! literals, `.`, character classes with ranges and negation, the escapes
//! `\d \D \s \S \w \W \i \c` and single-character escapes, groups,
//! alternation and the quantifiers `? * + {n} {n,} {n,m}`. An XML Schema
//! pattern matches the whole value (it is implicitly anchored). Unicode
//! category escapes (`\p{…}`) and class subtraction are not supported: such
//! a pattern fails to parse, which `tests` catch for every generated table.

use std::collections::BTreeSet;

/// A parse failure: the pattern uses something this matcher does not know.
#[derive(Debug, PartialEq, Eq)]
pub struct Unsupported(pub String);

#[derive(Debug, Clone)]
enum ClassItem {
    Range(char, char),
    Escape(char),
}

#[derive(Debug, Clone)]
enum Node {
    Char(char),
    Any,
    Class {
        negated: bool,
        items: Vec<ClassItem>,
    },
    Escape(char),
    Group(Box<Node>),
    Alt(Vec<Node>),
    Concat(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
    },
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern(Node);

impl Pattern {
    /// Parses `source`.
    pub fn parse(source: &str) -> Result<Pattern, Unsupported> {
        let chars: Vec<char> = source.chars().collect();
        let mut parser = Parser { chars, pos: 0 };
        let node = parser.alternation()?;
        if parser.pos != parser.chars.len() {
            return Err(Unsupported(format!("unexpected ')' in {source:?}")));
        }
        Ok(Pattern(node))
    }

    /// Whether the whole of `value` matches.
    pub fn matches(&self, value: &str) -> bool {
        let chars: Vec<char> = value.chars().collect();
        ends(&self.0, &chars, &BTreeSet::from([0])).contains(&chars.len())
    }
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        self.pos += usize::from(c.is_some());
        c
    }

    fn alternation(&mut self) -> Result<Node, Unsupported> {
        let mut branches = vec![self.concat()?];
        while self.peek() == Some('|') {
            self.pos += 1;
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Concat(Vec::new()))
        } else {
            Node::Alt(branches)
        })
    }

    fn concat(&mut self) -> Result<Node, Unsupported> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Ok(Node::Concat(items))
    }

    fn atom(&mut self) -> Result<Node, Unsupported> {
        match self.next() {
            Some('(') => {
                let inner = self.alternation()?;
                if self.next() != Some(')') {
                    return Err(Unsupported("unclosed group".into()));
                }
                Ok(Node::Group(Box::new(inner)))
            }
            Some('.') => Ok(Node::Any),
            Some('[') => self.class(),
            Some('\\') => self.escape().map(|e| match e {
                ClassItem::Escape(c) => Node::Escape(c),
                ClassItem::Range(c, _) => Node::Char(c),
            }),
            Some(c @ ('?' | '*' | '+' | '{' | '}' | ']')) => {
                Err(Unsupported(format!("unexpected {c:?}")))
            }
            Some(c) => Ok(Node::Char(c)),
            None => Err(Unsupported("unexpected end".into())),
        }
    }

    fn escape(&mut self) -> Result<ClassItem, Unsupported> {
        match self.next() {
            Some(c @ ('d' | 'D' | 's' | 'S' | 'w' | 'W' | 'i' | 'I' | 'c' | 'C')) => {
                Ok(ClassItem::Escape(c))
            }
            Some('n') => Ok(ClassItem::Range('\n', '\n')),
            Some('r') => Ok(ClassItem::Range('\r', '\r')),
            Some('t') => Ok(ClassItem::Range('\t', '\t')),
            Some(
                c @ ('\\' | '|' | '.' | '-' | '^' | '?' | '*' | '+' | '{' | '}' | '(' | ')' | '['
                | ']'),
            ) => Ok(ClassItem::Range(c, c)),
            other => Err(Unsupported(format!("escape \\{other:?}"))),
        }
    }

    fn class(&mut self) -> Result<Node, Unsupported> {
        let negated = self.peek() == Some('^');
        self.pos += usize::from(negated);
        let mut items = Vec::new();
        loop {
            let start = match self.next() {
                None => return Err(Unsupported("unclosed class".into())),
                Some(']') if !items.is_empty() => break,
                Some('[') => return Err(Unsupported("class subtraction".into())),
                Some('\\') => self.escape()?,
                Some(c) => ClassItem::Range(c, c),
            };
            match start {
                ClassItem::Range(lo, _)
                    if self.peek() == Some('-')
                        && self.chars.get(self.pos + 1).is_some_and(|c| *c != ']') =>
                {
                    self.pos += 1;
                    let hi = match self.next() {
                        Some('\\') => match self.escape()? {
                            ClassItem::Range(c, _) => c,
                            ClassItem::Escape(_) => {
                                return Err(Unsupported("range to a class escape".into()));
                            }
                        },
                        Some('[') => return Err(Unsupported("class subtraction".into())),
                        Some(c) => c,
                        None => return Err(Unsupported("unclosed class".into())),
                    };
                    items.push(ClassItem::Range(lo, hi));
                }
                item => items.push(item),
            }
        }
        Ok(Node::Class { negated, items })
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        self.chars
            .get(start..self.pos)
            .and_then(|d| d.iter().collect::<String>().parse().ok())
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, Unsupported> {
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                self.pos += 1;
                let min = self
                    .number()
                    .ok_or_else(|| Unsupported("quantifier".into()))?;
                let max = if self.peek() == Some(',') {
                    self.pos += 1;
                    if self.peek() == Some('}') {
                        None
                    } else {
                        Some(
                            self.number()
                                .ok_or_else(|| Unsupported("quantifier".into()))?,
                        )
                    }
                } else {
                    Some(min)
                };
                if self.peek() != Some('}') {
                    return Err(Unsupported("quantifier".into()));
                }
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.pos += 1;
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
        })
    }
}

fn escape_matches(escape: char, c: char) -> bool {
    let name_start = |c: char| c.is_alphabetic() || c == '_' || c == ':';
    let name_char = |c: char| name_start(c) || c.is_numeric() || matches!(c, '-' | '.' | '\u{b7}');
    match escape {
        'd' => c.is_numeric(),
        'D' => !c.is_numeric(),
        's' => matches!(c, ' ' | '\t' | '\n' | '\r'),
        'S' => !matches!(c, ' ' | '\t' | '\n' | '\r'),
        // \w: not punctuation, separator or "other" (approximated).
        'w' => c.is_alphanumeric(),
        'W' => !c.is_alphanumeric(),
        'i' => name_start(c),
        'I' => !name_start(c),
        'c' => name_char(c),
        'C' => !name_char(c),
        _ => false,
    }
}

fn class_matches(negated: bool, items: &[ClassItem], c: char) -> bool {
    let hit = items.iter().any(|item| match item {
        ClassItem::Range(lo, hi) => (*lo..=*hi).contains(&c),
        ClassItem::Escape(e) => escape_matches(*e, c),
    });
    hit != negated
}

/// The end positions `node` reaches from each of `starts` (sets of
/// positions, so the matcher never backtracks: polynomial in the value and
/// the pattern).
fn ends(node: &Node, s: &[char], starts: &BTreeSet<usize>) -> BTreeSet<usize> {
    let single = |test: &dyn Fn(char) -> bool| -> BTreeSet<usize> {
        starts
            .iter()
            .filter(|at| s.get(**at).is_some_and(|c| test(*c)))
            .map(|at| at + 1)
            .collect()
    };
    match node {
        Node::Char(c) => single(&|x| x == *c),
        Node::Any => single(&|x| x != '\n' && x != '\r'),
        Node::Escape(e) => single(&|x| escape_matches(*e, x)),
        Node::Class { negated, items } => single(&|x| class_matches(*negated, items, x)),
        Node::Group(inner) => ends(inner, s, starts),
        Node::Alt(branches) => branches.iter().flat_map(|b| ends(b, s, starts)).collect(),
        Node::Concat(items) => items
            .iter()
            .fold(starts.clone(), |at, item| ends(item, s, &at)),
        Node::Repeat { node, min, max } => {
            let mut current = starts.clone();
            let mut out = BTreeSet::new();
            let mut count = 0u32;
            loop {
                if count >= *min {
                    let before = out.len();
                    out.extend(current.iter().copied());
                    if count > *min && out.len() == before {
                        break;
                    }
                }
                if max.is_some_and(|m| count >= m) || current.is_empty() {
                    break;
                }
                current = ends(node, s, &current);
                count += 1;
                // Past the value's length nothing new can appear.
                if count > *min && count as usize > s.len() + 1 {
                    out.extend(current.iter().copied());
                    break;
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    #[test]
    fn patterns_of_the_schemas() {
        let three = Pattern::parse("[A-Z][A-Z][A-Z]").unwrap();
        assert!(three.matches("EUR"));
        assert!(!three.matches("EU"));
        assert!(!three.matches("EURO"));
        assert!(!three.matches("eur"));
        let year = Pattern::parse("[0-9][0-9][0-9][0-9]").unwrap();
        assert!(year.matches("2026") && !year.matches("20265") && !year.matches("20a6"));
    }

    #[test]
    fn quantifiers_groups_and_escapes() {
        let p = Pattern::parse("(\\d{2}|[a-c]+)(-\\d{1,3})?").unwrap();
        for ok in ["12", "abc", "12-1", "a-123"] {
            assert!(p.matches(ok), "{ok}");
        }
        for bad in ["1", "abcd", "12-1234", "12-", ""] {
            assert!(!p.matches(bad), "{bad}");
        }
        let neg = Pattern::parse("[^0-9]*").unwrap();
        assert!(neg.matches("") && neg.matches("ab") && !neg.matches("a1"));
        let dot = Pattern::parse("a.c").unwrap();
        assert!(dot.matches("abc") && !dot.matches("a\nc"));
        assert!(Pattern::parse("\\p{Lu}").is_err());
        assert!(Pattern::parse("[a-z-[aeiou]]").is_err());
        assert!(Pattern::parse("(a").is_err());
    }
}
