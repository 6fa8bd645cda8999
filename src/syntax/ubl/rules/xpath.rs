//! The XPath subset the UBL syntax binding writes its tests in, parsed from
//! the test text of the rule table and evaluated natively over the tree (`syntax::tree`).
//!
//! Covered: child steps with the `cbc`, `cac`, `ext`, `ubl` and `cn`
//! prefixes (compared by namespace, never by prefix), `(a|b)` unions of
//! names, a leading `/` or `//`, `..`, a final `@attr`, `upper-case(…)` as
//! a function or as the last step of a path, predicates, `not`, `count`,
//! `exists`, `and`, `or` and the general comparisons `=`, `!=`, `<=` with
//! XPath 2.0 semantics (existential over sequences, string values compared
//! as written, `upper-case(())` is `''`).
//!
//! The paths of the counted rules are also matched backwards, from the
//! static tables of [`super::index`].

use crate::syntax::tree::Node;
use std::borrow::Cow;

/// The namespaces the binding's prefixes stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Ns {
    /// `cbc`: common basic components.
    Cbc,
    /// `cac`: common aggregate components.
    Cac,
    /// `ext`: common extension components.
    Ext,
    /// `ubl`: the Invoice document.
    Ubl,
    /// `cn`: the CreditNote document.
    Cn,
}

impl Ns {
    #[cfg(test)]
    fn from_prefix(prefix: &str) -> Option<Ns> {
        Some(match prefix {
            "cbc" => Ns::Cbc,
            "cac" => Ns::Cac,
            "ext" => Ns::Ext,
            "ubl" => Ns::Ubl,
            "cn" => Ns::Cn,
            _ => return None,
        })
    }

    fn uri(self) -> &'static str {
        match self {
            Ns::Cbc => "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
            Ns::Cac => "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
            Ns::Ext => "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
            Ns::Ubl => crate::syntax::UBL_INVOICE_NS,
            Ns::Cn => crate::syntax::UBL_CREDIT_NOTE_NS,
        }
    }

    /// The namespace of an element, if it is one of the binding's.
    pub(super) fn of(node: Node<'_, '_>) -> Option<Ns> {
        let uri = node.tag_name().namespace()?;
        let tail = uri.strip_prefix("urn:oasis:names:specification:ubl:schema:xsd:")?;
        Some(match tail {
            "CommonBasicComponents-2" => Ns::Cbc,
            "CommonAggregateComponents-2" => Ns::Cac,
            "CommonExtensionComponents-2" => Ns::Ext,
            "Invoice-2" => Ns::Ubl,
            "CreditNote-2" => Ns::Cn,
            _ => return None,
        })
    }
}

/// An element name test: namespace and local name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Name {
    pub ns: Ns,
    pub local: &'static str,
}

/// `cbc:local`.
pub(super) const fn cbc(local: &'static str) -> Name {
    Name { ns: Ns::Cbc, local }
}

/// `cac:local`.
pub(super) const fn cac(local: &'static str) -> Name {
    Name { ns: Ns::Cac, local }
}

/// `ext:local` (for the generated table, which has none today).
#[allow(dead_code)]
pub(super) const fn ext(local: &'static str) -> Name {
    Name { ns: Ns::Ext, local }
}

/// `cn:local`.
pub(super) const fn cn(local: &'static str) -> Name {
    Name { ns: Ns::Cn, local }
}

impl Name {
    /// Whether `node` is an element with this name.
    pub(super) fn matches(self, node: Node<'_, '_>) -> bool {
        node.is_element()
            && node.tag_name().name() == self.local
            && node.tag_name().namespace() == Some(self.ns.uri())
    }
}

/// One step of a path.
#[derive(Clone, Debug)]
pub(super) enum Step {
    /// The leading `/`: the document node (only in counted rules today,
    /// which the generator turns into patterns).
    #[cfg_attr(not(test), allow(dead_code))]
    Root,
    /// The `//` between steps: descendant-or-self (as `Root`).
    #[cfg_attr(not(test), allow(dead_code))]
    DescendantOrSelf,
    /// Child elements with one of the names, filtered by the predicates.
    Child(&'static [Name], &'static [Expr]),
    /// The attribute (in no namespace) with this name.
    Attr(&'static str),
    /// `..`
    Parent,
    /// `upper-case(path)` evaluated for each node: one string per node.
    Upper(Path),
}

/// A location path.
#[derive(Clone, Debug)]
pub(super) struct Path {
    pub steps: &'static [Step],
}

/// A general comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Op {
    Eq,
    Ne,
    Le,
}

/// An expression of the subset.
#[derive(Clone, Debug)]
pub(super) enum Expr {
    Or(&'static Expr, &'static Expr),
    And(&'static Expr, &'static Expr),
    Not(&'static Expr),
    Cmp(&'static Expr, Op, &'static Expr),
    Count(Path),
    /// (Only in counted rules today, which the generator turns into patterns.)
    #[cfg_attr(not(test), allow(dead_code))]
    Exists(Path),
    Path(Path),
    Str(&'static str),
    Num(f64),
}

// ---------------------------------------------------------------------------
// Parsing

/// Parses a test of the binding; `Err` names what is outside the subset.
/// The tree is leaked (`'static`, as the generated table's): tests and the
/// generator of `compiled.rs` parse, the library does not.
#[cfg(test)]
pub(super) fn parse(text: &'static str) -> Result<Expr, String> {
    let mut p = Parser { s: text, pos: 0 };
    let e = p.expr()?;
    p.ws();
    if p.pos != p.s.len() {
        return Err(format!("trailing text at {} in {text}", p.pos));
    }
    Ok(e)
}

#[cfg(test)]
fn leak(e: Expr) -> &'static Expr {
    Box::leak(Box::new(e))
}

#[cfg(test)]
struct Parser {
    s: &'static str,
    pos: usize,
}

#[cfg(test)]
fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b':')
}

#[cfg(test)]
impl Parser {
    fn rest(&self) -> &'static str {
        self.s.get(self.pos..).unwrap_or("")
    }

    fn ws(&mut self) {
        let skipped = self.rest().len() - self.rest().trim_start().len();
        self.pos += skipped;
    }

    fn peek(&mut self, tok: &str) -> bool {
        self.ws();
        self.rest().starts_with(tok)
    }

    fn eat(&mut self, tok: &str) -> bool {
        let found = self.peek(tok);
        if found {
            self.pos += tok.len();
        }
        found
    }

    fn expect(&mut self, tok: &str) -> Result<(), String> {
        if self.eat(tok) {
            Ok(())
        } else {
            Err(format!("expected `{tok}` at {} in {}", self.pos, self.s))
        }
    }

    /// A keyword (`and`, `or`) not followed by a name character.
    fn eat_word(&mut self, word: &str) -> bool {
        if self.peek(word) {
            let after = self.rest().as_bytes().get(word.len()).copied();
            if !after.is_some_and(is_name_char) {
                self.pos += word.len();
                return true;
            }
        }
        false
    }

    fn name(&mut self) -> Result<&'static str, String> {
        self.ws();
        let rest = self.rest();
        let len = rest.bytes().take_while(|&c| is_name_char(c)).count();
        if len == 0 || !rest.as_bytes()[0].is_ascii_alphabetic() {
            return Err(format!("expected a name at {} in {}", self.pos, self.s));
        }
        self.pos += len;
        Ok(&rest[..len])
    }

    fn qname(&mut self) -> Result<Name, String> {
        let q = self.name()?;
        let (prefix, local) = q
            .split_once(':')
            .ok_or_else(|| format!("unprefixed name {q} in {}", self.s))?;
        let ns = Ns::from_prefix(prefix).ok_or_else(|| format!("unknown prefix {prefix}"))?;
        Ok(Name { ns, local })
    }

    fn expr(&mut self) -> Result<Expr, String> {
        let mut left = self.and_expr()?;
        while self.eat_word("or") {
            let right = self.and_expr()?;
            left = Expr::Or(leak(left), leak(right));
        }
        Ok(left)
    }

    fn and_expr(&mut self) -> Result<Expr, String> {
        let mut left = self.comparison()?;
        while self.eat_word("and") {
            let right = self.comparison()?;
            left = Expr::And(leak(left), leak(right));
        }
        Ok(left)
    }

    fn comparison(&mut self) -> Result<Expr, String> {
        let left = self.primary()?;
        let op = if self.eat("!=") {
            Op::Ne
        } else if self.eat("<=") {
            Op::Le
        } else if self.eat("=") {
            Op::Eq
        } else {
            return Ok(left);
        };
        let right = self.primary()?;
        Ok(Expr::Cmp(leak(left), op, leak(right)))
    }

    /// Whether a `(name|name…)` union step starts here.
    fn at_union(&mut self) -> bool {
        if !self.peek("(") {
            return false;
        }
        let save = self.pos;
        self.pos += 1;
        let mut names = 0;
        let ok = loop {
            if self.qname().is_err() {
                break false;
            }
            names += 1;
            if self.eat(")") {
                break names > 1;
            }
            if !self.eat("|") {
                break false;
            }
        };
        self.pos = save;
        ok
    }

    fn primary(&mut self) -> Result<Expr, String> {
        self.ws();
        if self.at_union() {
            return Ok(Expr::Path(self.path()?));
        }
        if self.eat("(") {
            let e = self.expr()?;
            self.expect(")")?;
            return Ok(e);
        }
        if self.eat("'") {
            let rest = self.rest();
            let end = rest.find('\'').ok_or("unterminated string")?;
            self.pos += end + 1;
            return Ok(Expr::Str(&rest[..end]));
        }
        let rest = self.rest();
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            self.pos += digits;
            let n = rest[..digits].parse::<f64>().map_err(|e| e.to_string())?;
            return Ok(Expr::Num(n));
        }
        for (func, wrap) in [
            ("not(", 0u8),
            ("count(", 1),
            ("exists(", 2),
            ("upper-case(", 3),
        ] {
            if self.eat(func) {
                let e = match wrap {
                    0 => Expr::Not(leak(self.expr()?)),
                    1 => Expr::Count(self.path()?),
                    2 => Expr::Exists(self.path()?),
                    _ => Expr::Path(Path {
                        steps: Vec::leak(vec![Step::Upper(self.path()?)]),
                    }),
                };
                self.expect(")")?;
                return Ok(e);
            }
        }
        Ok(Expr::Path(self.path()?))
    }

    fn path(&mut self) -> Result<Path, String> {
        let mut steps = Vec::new();
        if self.eat("//") {
            steps.extend([Step::Root, Step::DescendantOrSelf]);
        } else if self.eat("/") {
            steps.push(Step::Root);
        }
        loop {
            steps.push(self.step()?);
            if self.eat("//") {
                steps.push(Step::DescendantOrSelf);
            } else if !self.eat("/") {
                break;
            }
        }
        Ok(Path {
            steps: steps.leak(),
        })
    }

    fn step(&mut self) -> Result<Step, String> {
        if self.eat("..") {
            return Ok(Step::Parent);
        }
        if self.eat("@") {
            return Ok(Step::Attr(self.name()?));
        }
        if self.eat("upper-case(") {
            let p = self.path()?;
            self.expect(")")?;
            return Ok(Step::Upper(p));
        }
        let mut names = Vec::new();
        if self.eat("(") {
            loop {
                names.push(self.qname()?);
                if self.eat(")") {
                    break;
                }
                self.expect("|")?;
            }
        } else {
            names.push(self.qname()?);
        }
        let mut preds = Vec::new();
        while self.eat("[") {
            preds.push(self.expr()?);
            self.expect("]")?;
        }
        Ok(Step::Child(names.leak(), preds.leak()))
    }
}

// ---------------------------------------------------------------------------
// Evaluation

/// An item of a sequence: a node, or a string (attribute values and
/// function results).
#[derive(Clone, Debug)]
pub(super) enum Item<'a, 'input> {
    Node(Node<'a, 'input>),
    Str(Cow<'a, str>),
}

impl<'a> Item<'a, '_> {
    fn string(&self) -> Cow<'a, str> {
        match self {
            Item::Node(n) => string_value(*n),
            Item::Str(s) => s.clone(),
        }
    }
}

pub(super) use crate::syntax::node::string_value;

/// The sequence `path` selects from `ctx`.
pub(super) fn select<'a, 'input>(path: &Path, ctx: Node<'a, 'input>) -> Vec<Item<'a, 'input>> {
    let mut cur = vec![Item::Node(ctx)];
    for step in path.steps {
        let mut next = Vec::new();
        for item in &cur {
            let Item::Node(n) = item else { continue };
            match step {
                Step::Root => next.push(Item::Node(n.document().root())),
                Step::DescendantOrSelf => next.extend(n.descendants().map(Item::Node)),
                Step::Child(names, preds) => next.extend(
                    n.children()
                        .filter(|c| names.iter().any(|name| name.matches(*c)))
                        .filter(|c| preds.iter().all(|p| truth(p, *c)))
                        .map(Item::Node),
                ),
                Step::Attr(name) => {
                    if let Some(v) = n.attribute(*name) {
                        next.push(Item::Str(Cow::Borrowed(v)));
                    }
                }
                Step::Parent => {
                    if let Some(p) = n.parent() {
                        next.push(Item::Node(p));
                    }
                }
                Step::Upper(p) => next.push(Item::Str(upper_case(p, *n))),
            }
        }
        if cur.len() > 1 && matches!(step, Step::Parent | Step::DescendantOrSelf) {
            // Several contexts may reach the same node: keep each once, in
            // document order (node ids are in document order).
            let mut nodes: Vec<Node<'a, 'input>> = next
                .iter()
                .filter_map(|i| match i {
                    Item::Node(n) => Some(*n),
                    Item::Str(_) => None,
                })
                .collect();
            nodes.sort_by_key(|n| n.id().get());
            nodes.dedup_by_key(|n| n.id());
            next = nodes.into_iter().map(Item::Node).collect();
        }
        cur = next;
    }
    cur
}

enum Value<'a, 'input> {
    Seq(Vec<Item<'a, 'input>>),
    Num(f64),
    Str(&'static str),
    Bool(bool),
}

impl Value<'_, '_> {
    fn truth(&self) -> bool {
        match self {
            Value::Seq(s) => !s.is_empty(),
            Value::Num(n) => *n != 0.0 && !n.is_nan(),
            Value::Str(s) => !s.is_empty(),
            Value::Bool(b) => *b,
        }
    }
}

fn eval<'a, 'input>(e: &Expr, ctx: Node<'a, 'input>) -> Value<'a, 'input> {
    match e {
        Expr::Path(p) => Value::Seq(select(p, ctx)),
        Expr::Count(p) => Value::Num(count(p, ctx) as f64),
        Expr::Str(s) => Value::Str(s),
        Expr::Num(n) => Value::Num(*n),
        _ => Value::Bool(truth(e, ctx)),
    }
}

/// `upper-case(path)` at `node`: `upper-case(())` is `''`. (A sequence of
/// two or more is a type error in XPath; the first item stands in for it.)
/// Borrowed when the value has no lower-case letter to change (ASCII).
fn upper_case<'a>(path: &Path, node: Node<'a, '_>) -> Cow<'a, str> {
    let first = if streams(path) {
        let mut first = None;
        visit(path.steps, node, &mut |item| {
            first = Some(item.string());
            false
        });
        first
    } else {
        select(path, node).first().map(Item::string)
    };
    match first {
        None => Cow::Borrowed(""),
        Some(s) if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_lowercase()) => s,
        Some(s) => Cow::Owned(s.to_uppercase()),
    }
}

/// Whether `path` selects each node at most once when its items are
/// visited depth first (no `..` or `//` after the first child step), so it
/// can be evaluated without building the sequence.
fn streams(path: &Path) -> bool {
    path.steps
        .iter()
        .skip_while(|s| matches!(s, Step::Root | Step::DescendantOrSelf | Step::Parent))
        .all(|s| !matches!(s, Step::Parent | Step::DescendantOrSelf))
}

/// Calls `f` on each item `steps` selects from `node`, depth first, until
/// `f` returns false; returns false if it was stopped.
fn visit<'a, 'input>(
    steps: &[Step],
    node: Node<'a, 'input>,
    f: &mut dyn FnMut(Item<'a, 'input>) -> bool,
) -> bool {
    match steps.split_first() {
        None => f(Item::Node(node)),
        Some((Step::Root, rest)) => visit(rest, node.document().root(), f),
        Some((Step::DescendantOrSelf, rest)) => node.descendants().all(|d| visit(rest, d, f)),
        Some((Step::Child(names, preds), rest)) => node
            .children()
            .filter(|c| names.iter().any(|name| name.matches(*c)))
            .filter(|c| preds.iter().all(|p| truth(p, *c)))
            .all(|c| visit(rest, c, f)),
        Some((Step::Attr(name), rest)) => match node.attribute(*name) {
            Some(v) if rest.is_empty() => f(Item::Str(Cow::Borrowed(v))),
            _ => true,
        },
        Some((Step::Parent, rest)) => node.parent().is_none_or(|p| visit(rest, p, f)),
        Some((Step::Upper(p), rest)) => !rest.is_empty() || f(Item::Str(upper_case(p, node))),
    }
}

/// `count(path)` at `ctx`.
fn count(path: &Path, ctx: Node<'_, '_>) -> usize {
    if !streams(path) {
        return select(path, ctx).len();
    }
    let mut n = 0;
    visit(path.steps, ctx, &mut |_| {
        n += 1;
        true
    });
    n
}

/// `exists(path)` at `ctx`.
fn exists(path: &Path, ctx: Node<'_, '_>) -> bool {
    if !streams(path) {
        return !select(path, ctx).is_empty();
    }
    !visit(path.steps, ctx, &mut |_| false)
}

/// `path = 'literal'` (`equal`) or `path != 'literal'` at `ctx`: some
/// item compares true.
fn any_compares(path: &Path, ctx: Node<'_, '_>, equal: bool, literal: &str) -> bool {
    let test = |item: &Item<'_, '_>| (item.string() == literal) == equal;
    if !streams(path) {
        return select(path, ctx).iter().any(test);
    }
    !visit(path.steps, ctx, &mut |item| !test(&item))
}

fn cmp_num(a: f64, op: Op, b: f64) -> bool {
    match op {
        Op::Eq => a == b,
        Op::Ne => a != b,
        Op::Le => a <= b,
    }
}

/// XPath general comparison of two values.
fn compare(left: &Value<'_, '_>, op: Op, right: &Value<'_, '_>) -> bool {
    fn strings<'a>(v: &Value<'a, '_>) -> Vec<Cow<'a, str>> {
        match v {
            Value::Seq(items) => items.iter().map(Item::string).collect(),
            Value::Str(s) => vec![Cow::Borrowed(*s)],
            Value::Num(n) => vec![Cow::Owned(n.to_string())],
            Value::Bool(b) => vec![Cow::Owned(b.to_string())],
        }
    }
    if let (Value::Num(_), _) | (_, Value::Num(_)) = (left, right) {
        // Untyped values compare as numbers against a number.
        let nums = |v: &Value<'_, '_>| -> Vec<f64> {
            match v {
                Value::Num(n) => vec![*n],
                other => strings(other)
                    .iter()
                    .filter_map(|s| s.trim().parse::<f64>().ok())
                    .collect(),
            }
        };
        let (l, r) = (nums(left), nums(right));
        return l.iter().any(|a| r.iter().any(|b| cmp_num(*a, op, *b)));
    }
    let (l, r) = (strings(left), strings(right));
    l.iter().any(|a| {
        r.iter().any(|b| match op {
            Op::Eq => a == b,
            Op::Ne => a != b,
            Op::Le => a <= b,
        })
    })
}

/// The effective boolean value of `e` evaluated at `ctx`.
pub(super) fn truth(e: &Expr, ctx: Node<'_, '_>) -> bool {
    match e {
        Expr::Or(a, b) => truth(a, ctx) || truth(b, ctx),
        Expr::And(a, b) => truth(a, ctx) && truth(b, ctx),
        Expr::Not(a) => !truth(a, ctx),
        Expr::Exists(p) | Expr::Path(p) => exists(p, ctx),
        Expr::Cmp(a, op, b) => match (*a, *b) {
            (Expr::Path(p), Expr::Str(s)) if *op != Op::Le => {
                any_compares(p, ctx, *op == Op::Eq, s)
            }
            _ => compare(&eval(a, ctx), *op, &eval(b, ctx)),
        },
        Expr::Count(_) | Expr::Str(_) | Expr::Num(_) => eval(e, ctx).truth(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval_on(test: &'static str, xml: &str) -> bool {
        let doc = crate::syntax::tree::Document::parse(xml).unwrap();
        truth(&parse(test).unwrap(), doc.root_element())
    }

    const DOC: &str = r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
        <cac:PartyTaxScheme><b:CompanyID>1</b:CompanyID><cac:TaxScheme><b:ID>vat</b:ID></cac:TaxScheme></cac:PartyTaxScheme>
        <cac:PartyTaxScheme><b:CompanyID>2</b:CompanyID><cac:TaxScheme/></cac:PartyTaxScheme>
        <cac:PartyIdentification><b:ID>x</b:ID><b:ID schemeID="sepa">y</b:ID></cac:PartyIdentification>
        <b:Note>a<!-- c -->b</b:Note>
    </Invoice>"#;

    #[test]
    fn semantics_of_the_subset() {
        assert!(eval_on(
            "count(cac:PartyTaxScheme[cac:TaxScheme/upper-case(cbc:ID)='VAT']/cbc:CompanyID) = 1",
            DOC
        ));
        // A TaxScheme without ID upper-cases to '' which is != 'VAT'.
        assert!(eval_on(
            "count(cac:PartyTaxScheme[cac:TaxScheme/upper-case(cbc:ID)!='VAT']) = 1",
            DOC
        ));
        // A missing @schemeID upper-cases to ''.
        assert!(eval_on(
            "count(cac:PartyIdentification/cbc:ID[upper-case(@schemeID) != 'SEPA']) <= 1",
            DOC
        ));
        assert!(eval_on(
            "count(//cac:PartyIdentification/cbc:ID[upper-case(@schemeID) = 'SEPA']) = 1",
            DOC
        ));
        assert!(eval_on("cbc:Note = 'ab'", DOC));
        assert!(!eval_on("not(cbc:Note) or cbc:Note = '2.1'", DOC));
        assert!(eval_on(
            "not(cbc:UBLVersionID) or cbc:UBLVersionID = '2.1'",
            DOC
        ));
        assert!(eval_on("../ubl:Invoice", DOC));
        assert!(!eval_on("../cn:CreditNote", DOC));
        // Empty sequences compare false either way.
        assert!(!eval_on("(cbc:Missing) != (cbc:Note)", DOC));
        assert!(eval_on(
            "(cbc:Note) != (cac:PartyTaxScheme/cbc:CompanyID)",
            DOC
        ));
        assert!(eval_on(
            "exists(cac:PartyTaxScheme/cac:TaxScheme/cbc:ID) and exists(cbc:Note)",
            DOC
        ));
        assert!(eval_on(
            "not((cac:Foo|cac:PartyIdentification)/cbc:ID/@schemeName)",
            DOC
        ));
        assert!(eval_on(
            "(cac:Foo|cac:PartyIdentification)/cbc:ID/@schemeID",
            DOC
        ));
    }
}
