//! The XPath subset the CII syntax binding is written in, evaluated natively
//! over our XML tree (`syntax::tree`).
//!
//! Two languages, each parsed once from the strings of [`super::table`]:
//!
//! - rule contexts (XSLT match patterns): `/a/b/c` (absolute), `//a/b` (an
//!   element `b` whose parent is `a`, anywhere), `//ram:*[ends-with(name(),
//!   'X')]` and `//*[…]` (any element whose name ends with `X`, optionally
//!   `and not(self::ram:Y)`), `//udt:DateTimeString[@format = '102']`, and
//!   unions `p | q`;
//! - rule tests: `not(path)`, `(path)`, `count(path) <= n`,
//!   `count(path) = n`, where `path` is a chain of child steps
//!   `prefix:Name`, each with an optional predicate
//!   `[normalize-space(prefix:Child) = 'v']` or `[prefix:Child = 'v']`, and
//!   optionally a last attribute step `@name`.
//!
//! Names are matched on namespace URI and local name, whatever prefixes the
//! document uses; the prefixes `rsm`, `ram`, `udt` and `qdt` are those of
//! the official artefact.

use crate::syntax::tree::Node;

/// `rsm:` of the official artefact.
pub(super) const RSM: &str = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
/// `ram:` of the official artefact.
pub(super) const RAM: &str =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
/// `udt:` of the official artefact.
pub(super) const UDT: &str = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
/// `qdt:` of the official artefact (no pattern or path test uses it).
#[cfg_attr(not(test), allow(dead_code))]
pub(super) const QDT: &str = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

#[cfg(test)]
fn namespace(prefix: &str) -> Option<&'static str> {
    match prefix {
        "rsm" => Some(RSM),
        "ram" => Some(RAM),
        "udt" => Some(UDT),
        "qdt" => Some(QDT),
        _ => None,
    }
}

/// An expanded element name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Name {
    pub(super) ns: &'static str,
    pub(super) local: &'static str,
}

impl Name {
    /// Parses `prefix:Local`.
    #[cfg(test)]
    fn parse(qname: &'static str) -> Option<Self> {
        let (prefix, local) = qname.trim().split_once(':')?;
        if local.is_empty() || !local.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        Some(Self {
            ns: namespace(prefix)?,
            local,
        })
    }

    /// Whether `node` is an element of this name.
    pub(super) fn matches(self, node: Node<'_, '_>) -> bool {
        node.is_element() && {
            let tag = node.tag_name();
            tag.name() == self.local && tag.namespace() == Some(self.ns)
        }
    }
}

/// `true` when `node` is an element `ns:local`.
pub(super) fn is(node: Node<'_, '_>, ns: &str, local: &str) -> bool {
    node.is_element() && {
        let tag = node.tag_name();
        tag.name() == local && tag.namespace() == Some(ns)
    }
}

/// The element children of `node` named `ns:local`.
pub(super) fn children<'a, 'i>(
    node: Node<'a, 'i>,
    ns: &'static str,
    local: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> + use<'a, 'i> {
    node.children().filter(move |c| is(*c, ns, local))
}

pub(super) use crate::syntax::node::string_value;

/// A predicate on a child step.
#[derive(Debug)]
pub(super) enum Pred {
    /// `[prefix:Child = 'v']` (some such child's string value is `v`), or
    /// `[normalize-space(prefix:Child) = 'v']` (the first such child,
    /// normalized, is `v`; no such child reads as '').
    ChildEq {
        child: Name,
        value: &'static str,
        normalize: bool,
    },
}

impl Pred {
    #[cfg(test)]
    fn parse(s: &'static str) -> Option<Self> {
        let (lhs, rhs) = s.split_once('=')?;
        let value = rhs.trim().strip_prefix('\'')?.strip_suffix('\'')?;
        let lhs = lhs.trim();
        let (inner, normalize) = match lhs
            .strip_prefix("normalize-space(")
            .and_then(|x| x.strip_suffix(')'))
        {
            Some(inner) => (inner, true),
            None => (lhs, false),
        };
        Some(Pred::ChildEq {
            child: Name::parse(inner)?,
            value,
            normalize,
        })
    }

    fn holds(&self, node: Node<'_, '_>) -> bool {
        match *self {
            Pred::ChildEq {
                child,
                value,
                normalize: false,
            } => node
                .children()
                .filter(|c| child.matches(*c))
                .any(|c| string_value(c) == value),
            Pred::ChildEq {
                child,
                value,
                normalize: true,
            } => {
                let first = node.children().find(|c| child.matches(*c));
                let text = first.map(string_value).unwrap_or_default();
                crate::rules::xpath::normalized_eq(&text, value)
            }
        }
    }
}

/// One step of a relative path.
#[derive(Debug)]
pub(super) enum Step {
    Child(Name, Option<Pred>),
    Attr(&'static str),
}

/// A relative location path: child steps, optionally ending on an attribute.
#[derive(Debug)]
pub(super) struct Path(pub(super) &'static [Step]);

impl Path {
    #[cfg(test)]
    fn parse(s: &'static str) -> Option<Self> {
        let mut steps = Vec::new();
        let mut rest = s.trim();
        loop {
            let end = step_end(rest);
            let (step, tail) = rest.split_at(end);
            steps.push(parse_step(step)?);
            match tail.strip_prefix('/') {
                Some(t) => rest = t,
                None if tail.is_empty() => break,
                None => return None,
            }
        }
        // An attribute can only be the last step.
        let attrs_last = steps
            .iter()
            .rev()
            .skip(1)
            .all(|s| matches!(s, Step::Child(..)));
        attrs_last.then_some(Path(steps.leak()))
    }
}

/// Where the step starting `s` ends: at the first `/` outside a predicate.
#[cfg(test)]
fn step_end(s: &str) -> usize {
    let mut depth = 0u32;
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth = depth.saturating_sub(1),
            '/' if !quoted && depth == 0 => return i,
            _ => {}
        }
    }
    s.len()
}

#[cfg(test)]
fn parse_step(s: &'static str) -> Option<Step> {
    let s = s.trim();
    if let Some(attr) = s.strip_prefix('@') {
        return (!attr.is_empty() && attr.chars().all(|c| c.is_ascii_alphanumeric()))
            .then_some(Step::Attr(attr));
    }
    match s.split_once('[') {
        Some((name, pred)) => Some(Step::Child(
            Name::parse(name)?,
            Some(Pred::parse(pred.strip_suffix(']')?)?),
        )),
        None => Some(Step::Child(Name::parse(s)?, None)),
    }
}

/// Counts the nodes `steps` select from `node`, stopping at `limit`.
fn count_from(steps: &[Step], node: Node<'_, '_>, limit: usize) -> usize {
    let Some((first, rest)) = steps.split_first() else {
        return 1;
    };
    match first {
        Step::Attr(name) => usize::from(
            node.attributes()
                .any(|a| a.name() == *name && a.namespace().is_none()),
        ),
        Step::Child(name, pred) => {
            let mut n = 0usize;
            for child in node.children().filter(|c| name.matches(*c)) {
                if pred.as_ref().is_some_and(|p| !p.holds(child)) {
                    continue;
                }
                n = n.saturating_add(count_from(rest, child, limit - n.min(limit)));
                if n >= limit {
                    break;
                }
            }
            n
        }
    }
}

/// A declarative rule test. Each fires (returns `true`) when the official
/// assertion fails.
#[derive(Debug)]
pub(super) enum Test {
    /// `not(path)`.
    Absent(Path),
    /// `(path)`.
    Present(Path),
    /// `count(path) <= n`.
    AtMost(Path, usize),
    /// `count(path) = n`.
    Exactly(Path, usize),
}

impl Test {
    /// Parses the declarative forms; `None` for anything else.
    #[cfg(test)]
    pub(super) fn parse(s: &'static str) -> Option<Self> {
        let s = strip_parens(s.trim());
        if let Some(inner) = s.strip_prefix("not").map(str::trim_start) {
            let inner = inner.strip_prefix('(')?.strip_suffix(')')?;
            return Some(Test::Absent(Path::parse(inner)?));
        }
        if let Some(inner) = s.strip_prefix("count").map(str::trim_start) {
            let inner = inner.strip_prefix('(')?;
            let close = inner.rfind(')')?;
            let (path, cmp) = inner.split_at(close);
            let path = Path::parse(path)?;
            let cmp = cmp.strip_prefix(')')?.trim();
            return if let Some(n) = cmp.strip_prefix("<=") {
                Some(Test::AtMost(path, n.trim().parse().ok()?))
            } else if let Some(n) = cmp.strip_prefix('=') {
                Some(Test::Exactly(path, n.trim().parse().ok()?))
            } else {
                None
            };
        }
        Some(Test::Present(Path::parse(s)?))
    }

    /// Whether the assertion fails on the context `node`.
    pub(super) fn fires(&self, node: Node<'_, '_>) -> bool {
        self.fails_with(count_from(self.path().0, node, self.limit()))
    }

    fn path(&self) -> &Path {
        match self {
            Test::Absent(p) | Test::Present(p) | Test::AtMost(p, _) | Test::Exactly(p, _) => p,
        }
    }

    /// How far counting needs to go to decide.
    pub(super) fn limit(&self) -> usize {
        match self {
            Test::Absent(_) | Test::Present(_) => 1,
            Test::AtMost(_, n) | Test::Exactly(_, n) => n.saturating_add(1),
        }
    }

    /// Whether the assertion fails when the path selects `count` nodes
    /// (counted up to [`Test::limit`]).
    pub(super) fn fails_with(&self, count: usize) -> bool {
        match self {
            Test::Absent(_) => count > 0,
            Test::Present(_) => count == 0,
            Test::AtMost(_, n) => count > *n,
            Test::Exactly(_, n) => count != *n,
        }
    }

    /// The local name of the first step, when it is a child step: the
    /// path then selects only under children of that name, and
    /// [`Test::count_under`] counts per child.
    pub(super) fn first_child(&self) -> Option<&'static str> {
        match self.path().0.first() {
            Some(Step::Child(name, _)) => Some(name.local),
            _ => None,
        }
    }

    /// The nodes the path selects through `child` (a child of the context
    /// node), counted up to `limit`.
    pub(super) fn count_under(&self, child: Node<'_, '_>, limit: usize) -> usize {
        match self.path().0.split_first() {
            Some((Step::Child(name, pred), rest)) => {
                if !name.matches(child) || pred.as_ref().is_some_and(|p| !p.holds(child)) {
                    0
                } else {
                    count_from(rest, child, limit)
                }
            }
            _ => 0,
        }
    }
}

/// `(x)` → `x`, when the parentheses enclose the whole expression.
#[cfg(test)]
fn strip_parens(s: &str) -> &str {
    let mut s = s;
    while let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        // Only when the opening parenthesis closes at the very end.
        let mut depth = 0i32;
        let mut whole = true;
        for (i, c) in s.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 && i + 1 != s.len() {
                        whole = false;
                        break;
                    }
                }
                _ => {}
            }
        }
        if !whole {
            break;
        }
        s = inner.trim();
    }
    s
}

/// A rule context: the XSLT match pattern of a rule.
#[derive(Debug)]
pub(super) enum Pattern {
    /// `/a/b/c`: the element and its ancestors, up to the root, are these.
    Absolute(&'static [Name]),
    /// `//a/b`: the element and its nearest ancestors are these, optionally
    /// with an attribute of the element equal to a value.
    Anywhere(&'static [Name], Option<(&'static str, &'static str)>),
    /// `//ns:*[ends-with(name(), 'suffix') and not(self::except)]`.
    Suffix {
        ns: Option<&'static str>,
        suffix: &'static str,
        except: Option<Name>,
    },
    /// `p | q | …`.
    Union(&'static [Pattern]),
}

impl Pattern {
    /// Parses the patterns the CII binding uses; `None` for anything else.
    #[cfg(test)]
    pub(super) fn parse(s: &'static str) -> Option<Self> {
        let s = s.trim();
        if s.contains('|') {
            return s
                .split('|')
                .map(Pattern::parse)
                .collect::<Option<Vec<_>>>()
                .map(|ps| Pattern::Union(ps.leak()));
        }
        if let Some(rest) = s.strip_prefix("//") {
            if let Some((head, pred)) = rest.split_once('[') {
                let pred = pred.strip_suffix(']')?.trim();
                if let Some(p) = pred.strip_prefix("ends-with(name(),") {
                    let ns = match head.trim() {
                        "*" => None,
                        h => Some(namespace(h.strip_suffix(":*")?)?),
                    };
                    let (suffix, tail) = p.trim_start().strip_prefix('\'')?.split_once('\'')?;
                    let tail = tail.trim().strip_prefix(')')?.trim();
                    let except = if tail.is_empty() {
                        None
                    } else {
                        let e = tail.strip_prefix("and")?.trim().strip_prefix("not")?;
                        let e = e.trim().strip_prefix("(self::")?.strip_suffix(')')?;
                        Some(Name::parse(e)?)
                    };
                    return Some(Pattern::Suffix { ns, suffix, except });
                }
                // `//p:Name[@attr = 'v']`
                let name = Name::parse(head)?;
                let (attr, value) = pred.strip_prefix('@')?.split_once('=')?;
                let value = value.trim().strip_prefix('\'')?.strip_suffix('\'')?;
                return Some(Pattern::Anywhere(
                    vec![name].leak(),
                    Some((attr.trim(), value)),
                ));
            }
            let names = rest
                .split('/')
                .map(Name::parse)
                .collect::<Option<Vec<_>>>()?;
            return Some(Pattern::Anywhere(names.leak(), None));
        }
        let rest = s.strip_prefix('/')?;
        let names = rest
            .split('/')
            .map(Name::parse)
            .collect::<Option<Vec<_>>>()?;
        Some(Pattern::Absolute(names.leak()))
    }

    /// The local names an element must have to match, or `None` when the
    /// pattern is on a name suffix.
    pub(super) fn local_names(&self) -> Option<Vec<&'static str>> {
        match self {
            Pattern::Absolute(names) | Pattern::Anywhere(names, _) => {
                names.last().map(|n| vec![n.local])
            }
            Pattern::Suffix { .. } => None,
            Pattern::Union(ps) => {
                let mut all = Vec::new();
                for p in *ps {
                    all.extend(p.local_names()?);
                }
                Some(all)
            }
        }
    }

    /// Whether the element `node` matches the pattern.
    pub(super) fn matches(&self, node: Node<'_, '_>) -> bool {
        match self {
            Pattern::Absolute(names) => {
                let mut cur = Some(node);
                for name in names.iter().rev() {
                    match cur {
                        Some(n) if name.matches(n) => cur = n.parent(),
                        _ => return false,
                    }
                }
                cur.is_some_and(|n| n.is_root())
            }
            Pattern::Anywhere(names, attr) => {
                let mut cur = Some(node);
                for name in names.iter().rev() {
                    match cur {
                        Some(n) if name.matches(n) => cur = n.parent(),
                        _ => return false,
                    }
                }
                attr.is_none_or(|(a, v)| {
                    node.attributes()
                        .any(|x| x.name() == a && x.namespace().is_none() && x.value() == v)
                })
            }
            Pattern::Suffix { ns, suffix, except } => {
                let tag = node.tag_name();
                let name = tag.name().as_bytes();
                // The last byte first: it rejects most names without a
                // string comparison.
                node.is_element()
                    && name.last() == suffix.as_bytes().last()
                    && name.ends_with(suffix.as_bytes())
                    && ns.is_none_or(|ns| tag.namespace() == Some(ns))
                    && except.is_none_or(|e| !e.matches(node))
            }
            Pattern::Union(ps) => ps.iter().any(|p| p.matches(node)),
        }
    }
}

/// A view of a path for tests: `(qualified name, predicate)` per child step
/// (the predicate as `(child qualified name, value)`), and the final
/// attribute if any.
#[cfg(test)]
pub(super) struct PathView {
    pub children: Vec<(String, Option<(String, String)>)>,
    pub attr: Option<String>,
}

#[cfg(test)]
fn qname(name: Name) -> String {
    let prefix = match name.ns {
        RSM => "rsm",
        RAM => "ram",
        UDT => "udt",
        _ => "qdt",
    };
    format!("{prefix}:{}", name.local)
}

#[cfg(test)]
impl Path {
    pub(super) fn view(&self) -> PathView {
        let mut view = PathView {
            children: Vec::new(),
            attr: None,
        };
        for step in self.0 {
            match step {
                Step::Attr(a) => view.attr = Some((*a).to_owned()),
                Step::Child(name, pred) => view.children.push((
                    qname(*name),
                    pred.as_ref().map(|Pred::ChildEq { child, value, .. }| {
                        (qname(*child), (*value).to_owned())
                    }),
                )),
            }
        }
        view
    }
}

#[cfg(test)]
impl Pattern {
    /// The qualified names of an absolute pattern.
    pub(super) fn absolute_names(&self) -> Option<Vec<String>> {
        match self {
            Pattern::Absolute(names) => Some(names.iter().map(|n| qname(*n)).collect()),
            _ => None,
        }
    }
}
