//! The walk over the document: each element against its declaration, its
//! attributes, its content model and its value.

use super::content::{self, Mismatch};
use super::datatype::{self, Problem, quote};
use super::schema::{Builtin, Complex, Content, Element, Process, Schema, Term, Type, range};
use super::{Rule, Violation};
use crate::syntax::tree::Node;
use std::collections::HashSet;

const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

pub(super) struct Walk<'s> {
    schema: &'s Schema,
    ids: HashSet<String>,
    /// Reused buffers for the particle of each child (one per depth).
    assign_pool: Vec<Vec<u32>>,
    pub(super) out: Vec<Violation>,
}

impl<'s> Walk<'s> {
    pub(super) fn new(schema: &'s Schema) -> Self {
        Walk {
            schema,
            ids: HashSet::new(),
            assign_pool: Vec::new(),
            out: Vec::new(),
        }
    }

    fn report(&mut self, rule: Rule, node: Node<'_, '_>, offset: usize, en: String, fr: String) {
        self.out.push(Violation {
            rule,
            offset,
            element: node.range().start,
            en,
            fr,
        });
    }

    /// `prefix:name` as the document would write it (the table's prefix
    /// when the document declares none for the namespace).
    fn display(&self, scope: Node<'_, '_>, ns: &str, name: &str) -> String {
        let prefix = scope
            .lookup_prefix(ns)
            .filter(|p| !p.is_empty())
            .or_else(|| {
                self.schema
                    .namespaces
                    .iter()
                    .find(|n| n.uri == ns && !n.prefix.is_empty() && n.prefix != "ns")
                    .map(|n| n.prefix)
            });
        match prefix {
            Some(p) if !ns.is_empty() && scope.lookup_namespace_uri(None) != Some(ns) => {
                format!("{p}:{name}")
            }
            _ => name.to_owned(),
        }
    }

    fn node_name(&self, node: Node<'_, '_>) -> String {
        let tag = node.tag_name();
        self.display(node, tag.namespace().unwrap_or(""), tag.name())
    }

    fn particle_name(&self, scope: Node<'_, '_>, particle: u32) -> String {
        let schema = self.schema;
        match schema.particles.get(particle as usize).map(|p| p.term) {
            Some(Term::Element(e)) => schema
                .elements
                .get(e as usize)
                .map_or_else(String::new, |d| {
                    self.display(scope, schema.uri(d.ns), d.name())
                }),
            Some(Term::Any(_)) => "an element of another namespace".to_owned(),
            _ => String::new(),
        }
    }

    /// Validates `node` against the element declaration `decl`.
    pub(super) fn element(&mut self, node: Node<'_, '_>, decl: &Element) {
        if decl.is_abstract {
            let name = self.node_name(node);
            self.report(
                Rule::Unknown,
                node,
                node.range().start,
                format!("{name} is abstract and may not appear in a document"),
                format!("{name} est abstrait et ne peut pas figurer dans un document"),
            );
            return;
        }
        let nil = node
            .attribute((XSI, "nil"))
            .is_some_and(|v| matches!(v.trim(), "true" | "1"));
        match decl.ty {
            Type::S(s) => {
                self.no_attributes(node);
                if nil && decl.nillable {
                    self.nil_content(node);
                    return;
                }
                self.simple_content(node, s, decl.fixed());
            }
            Type::C(c) => {
                let Some(ty) = self.schema.complex.get(c as usize) else {
                    return;
                };
                self.attributes(node, ty);
                if nil && decl.nillable {
                    self.nil_content(node);
                    return;
                }
                if ty.is_abstract {
                    let name = self.node_name(node);
                    self.report(
                        Rule::Unknown,
                        node,
                        node.range().start,
                        format!("{name} has an abstract type (xsi:type is not supported)"),
                        format!("{name} a un type abstrait (xsi:type n'est pas pris en charge)"),
                    );
                    return;
                }
                self.content(node, ty, decl.fixed());
            }
        }
    }

    fn nil_content(&mut self, node: Node<'_, '_>) {
        if node
            .children()
            .any(|c| c.is_element() || (c.is_text() && !c.text().unwrap_or("").is_empty()))
        {
            let name = self.node_name(node);
            self.report(
                Rule::Content,
                node,
                node.range().start,
                format!("{name} is nil (xsi:nil) and must be empty"),
                format!("{name} est nul (xsi:nil) et doit être vide"),
            );
        }
    }

    fn text<'a>(node: Node<'a, '_>) -> std::borrow::Cow<'a, str> {
        let mut texts = node.children().filter(Node::is_text);
        match (texts.next(), texts.next()) {
            (None, _) => std::borrow::Cow::Borrowed(""),
            (Some(one), None) => std::borrow::Cow::Borrowed(one.text().unwrap_or("")),
            _ => std::borrow::Cow::Owned(
                node.children()
                    .filter(Node::is_text)
                    .filter_map(|c| c.text())
                    .collect(),
            ),
        }
    }

    fn simple_content(&mut self, node: Node<'_, '_>, simple: u32, fixed: Option<&str>) {
        if let Some(child) = node.children().find(Node::is_element) {
            let (name, child_name) = (self.node_name(node), self.node_name(child));
            self.report(
                Rule::Content,
                child,
                child.range().start,
                format!("{name} holds a value and may not contain elements, found {child_name}"),
                format!(
                    "{name} porte une valeur et ne peut pas contenir d'élément, trouvé {child_name}"
                ),
            );
            return;
        }
        let value = Self::text(node);
        let at = node
            .children()
            .find(Node::is_text)
            .map_or(node.range().start, |t| t.range().start);
        self.value(node, at, simple, &value, fixed, None);
    }

    /// Checks a value; `attribute` names it when it is an attribute's.
    fn value(
        &mut self,
        node: Node<'_, '_>,
        at: usize,
        simple: u32,
        value: &str,
        fixed: Option<&str>,
        attribute: Option<&str>,
    ) {
        let Some(ty) = self.schema.simple.get(simple as usize) else {
            return;
        };
        let of = |walk: &Self| {
            let owner = walk.node_name(node);
            match attribute {
                Some(a) => (
                    format!("attribute {a} of {owner}"),
                    format!("attribut {a} de {owner}"),
                ),
                None => (owner.clone(), owner),
            }
        };
        if let Err(bad) = datatype::check(self.schema, ty, value) {
            let (of_en, of_fr) = of(self);
            let rule = match bad.problem {
                Problem::Datatype => Rule::Datatype,
                Problem::Facet => Rule::Facet,
            };
            self.report(
                rule,
                node,
                at,
                format!("{of_en}: {}", bad.en),
                format!("{of_fr} : {}", bad.fr),
            );
            return;
        }
        if let Some(fixed) = fixed {
            let norm = datatype::normalize(value, ty.white_space);
            let want = datatype::normalize(fixed, ty.white_space);
            let same = norm == want
                || (matches!(
                    ty.base,
                    Builtin::Decimal
                        | Builtin::Integer
                        | Builtin::NonNegativeInteger
                        | Builtin::PositiveInteger
                ) && datatype::same_number(&norm, &want));
            if !same {
                let (of_en, of_fr) = of(self);
                self.report(
                    Rule::Facet,
                    node,
                    at,
                    format!("{of_en}: {} must be {}", quote(&norm), quote(&want)),
                    format!("{of_fr} : {} doit valoir {}", quote(&norm), quote(&want)),
                );
            }
        }
    }

    fn no_attributes(&mut self, node: Node<'_, '_>) {
        for a in node.attributes() {
            if a.namespace() == Some(XSI) {
                continue;
            }
            let (name, owner) = (
                self.display(node, a.namespace().unwrap_or(""), a.name()),
                self.node_name(node),
            );
            self.report(
                Rule::Unknown,
                node,
                a.range().start,
                format!("attribute {name} is not allowed on {owner}"),
                format!("l'attribut {name} n'est pas admis sur {owner}"),
            );
        }
    }

    fn attributes(&mut self, node: Node<'_, '_>, ty: &Complex) {
        let schema = self.schema;
        let uses = || {
            range(schema.attribute_uses, ty.attributes)
                .iter()
                .filter_map(|i| schema.attributes.get(*i as usize))
        };
        for a in node.attributes() {
            let ns = a.namespace().unwrap_or("");
            if ns == XSI {
                continue;
            }
            let name = self.display(node, ns, a.name());
            if let Some(decl) = uses().find(|u| u.name() == a.name() && schema.uri(u.ns) == ns) {
                self.attribute_value(node, a, decl.ty, decl.fixed(), &name);
                continue;
            }
            let wildcard = ty
                .any_attribute
                .and_then(|w| schema.wildcards.get(w as usize))
                .filter(|w| content::wildcard_allows(schema, w, ns));
            match wildcard.map(|w| w.process) {
                Some(Process::Skip) => {}
                Some(process) => match schema.global_attribute(ns, a.name()) {
                    Some(decl) => self.attribute_value(node, a, decl.ty, decl.fixed(), &name),
                    None if process == Process::Strict => {
                        let owner = self.node_name(node);
                        self.report(
                            Rule::Unknown,
                            node,
                            a.range().start,
                            format!("attribute {name} of {owner} has no declaration"),
                            format!("l'attribut {name} de {owner} n'est déclaré nulle part"),
                        );
                    }
                    None => {}
                },
                None => {
                    let owner = self.node_name(node);
                    self.report(
                        Rule::Unknown,
                        node,
                        a.range().start,
                        format!("attribute {name} is not allowed on {owner}"),
                        format!("l'attribut {name} n'est pas admis sur {owner}"),
                    );
                }
            }
        }
        for u in uses().filter(|u| u.required) {
            let uri = schema.uri(u.ns);
            let present = node
                .attributes()
                .any(|a| a.name() == u.name() && a.namespace().unwrap_or("") == uri);
            if !present {
                let (name, owner) = (self.display(node, uri, u.name()), self.node_name(node));
                self.report(
                    Rule::Attribute,
                    node,
                    node.range().start,
                    format!("{owner} must have the attribute {name}"),
                    format!("{owner} doit porter l'attribut {name}"),
                );
            }
        }
    }

    fn attribute_value(
        &mut self,
        node: Node<'_, '_>,
        a: crate::syntax::tree::Attribute<'_, '_>,
        simple: u32,
        fixed: Option<&str>,
        name: &str,
    ) {
        let before = self.out.len();
        let value = a.value();
        self.value(node, a.range().start, simple, value, fixed, Some(name));
        if self.out.len() == before
            && self
                .schema
                .simple
                .get(simple as usize)
                .is_some_and(|s| s.base == Builtin::Id)
            && !self.ids.insert(
                datatype::normalize(value, super::schema::WhiteSpace::Collapse).into_owned(),
            )
        {
            let owner = self.node_name(node);
            self.report(
                Rule::Datatype,
                node,
                a.range().start,
                format!(
                    "attribute {name} of {owner}: the identifier {} is used twice",
                    quote(value.trim())
                ),
                format!(
                    "attribut {name} de {owner} : l'identifiant {} est employé deux fois",
                    quote(value.trim())
                ),
            );
        }
    }

    fn content(&mut self, node: Node<'_, '_>, ty: &Complex, fixed: Option<&str>) {
        match ty.content {
            Content::Empty => {
                let bad = node.children().find(|c| {
                    c.is_element() || (c.is_text() && !c.text().unwrap_or("").is_empty())
                });
                if let Some(bad) = bad {
                    let name = self.node_name(node);
                    self.report(
                        Rule::Content,
                        node,
                        bad.range().start,
                        format!("{name} must be empty (no element, no text, not even spaces)"),
                        format!("{name} doit être vide (ni élément, ni texte, ni espace)"),
                    );
                }
            }
            Content::Simple(s) => self.simple_content(node, s, fixed),
            Content::Elements(p) | Content::Mixed(p) => {
                if matches!(ty.content, Content::Elements(_))
                    && let Some(text) = node.children().find(|c| {
                        c.is_text() && !c.text().unwrap_or("").trim_matches(is_xml_space).is_empty()
                    })
                {
                    let name = self.node_name(node);
                    self.report(
                        Rule::Content,
                        node,
                        text.range().start,
                        format!("{name} may only contain elements, found text"),
                        format!("{name} ne peut contenir que des éléments, trouvé du texte"),
                    );
                }
                self.children(node, p);
            }
        }
    }

    fn children(&mut self, node: Node<'_, '_>, particle: u32) {
        let schema = self.schema;
        let kids: Vec<Node<'_, '_>> = node.children().filter(Node::is_element).collect();
        let mut assign = self.assign_pool.pop().unwrap_or_default();
        if content::match_flat(schema, particle, &kids, &mut assign).is_some() {
            for (kid, p) in kids.iter().zip(assign.iter()) {
                let (kid, p) = (*kid, *p);
                match schema.particles.get(p as usize).map(|p| p.term) {
                    Some(Term::Element(e)) => {
                        if let Some(d) = schema.elements.get(e as usize) {
                            self.element(kid, d);
                        }
                    }
                    Some(Term::Any(w)) => {
                        if let Some(w) = schema.wildcards.get(w as usize) {
                            self.wildcard(kid, w.process);
                        }
                    }
                    _ => {}
                }
            }
            self.assign_pool.push(assign);
            return;
        }
        self.assign_pool.push(assign);
        let mut leaves = Vec::new();
        content::leaves(schema, particle, &mut leaves);
        if let Err(mismatch) = content::match_children(schema, particle, &kids) {
            self.mismatch(node, &kids, &leaves, mismatch);
        }
        for kid in kids {
            let (ns, name) = (
                kid.tag_name().namespace().unwrap_or(""),
                kid.tag_name().name(),
            );
            let mut wildcard = None;
            let mut decl = None;
            for leaf in &leaves {
                match schema.particles.get(*leaf as usize).map(|p| p.term) {
                    Some(Term::Element(e)) => {
                        if let Some(d) = schema.elements.get(e as usize)
                            && d.name() == name
                            && schema.uri(d.ns) == ns
                        {
                            decl = Some(d);
                            break;
                        }
                    }
                    Some(Term::Any(w)) if wildcard.is_none() => {
                        wildcard = schema
                            .wildcards
                            .get(w as usize)
                            .filter(|w| content::wildcard_allows(schema, w, ns));
                    }
                    _ => {}
                }
            }
            match (decl, wildcard) {
                (Some(d), _) => self.element(kid, d),
                (None, Some(w)) => self.wildcard(kid, w.process),
                (None, None) => {}
            }
        }
    }

    fn wildcard(&mut self, node: Node<'_, '_>, process: Process) {
        if process == Process::Skip {
            return;
        }
        let tag = node.tag_name();
        match self
            .schema
            .global(tag.namespace().unwrap_or(""), tag.name())
        {
            Some(decl) => self.element(node, decl),
            None if process == Process::Strict => {
                let name = self.node_name(node);
                self.report(
                    Rule::Unknown,
                    node,
                    node.range().start,
                    format!("{name} is declared in none of the schemas"),
                    format!("{name} n'est déclaré dans aucun des schémas"),
                );
            }
            None => {
                // Lax: validated as xs:anyType, whose children are lax too.
                for a in node.attributes() {
                    let ns = a.namespace().unwrap_or("");
                    if ns != XSI
                        && let Some(decl) = self.schema.global_attribute(ns, a.name())
                    {
                        let name = self.display(node, ns, a.name());
                        self.attribute_value(node, a, decl.ty, decl.fixed(), &name);
                    }
                }
                for kid in node.children().filter(Node::is_element) {
                    self.wildcard(kid, Process::Lax);
                }
            }
        }
    }

    /// The required elements expected where the content stopped that do not
    /// come later either (so they are missing, not misplaced), as a list.
    fn missing_required(
        &self,
        scope: Node<'_, '_>,
        expected: &[u32],
        rest: Option<&[Node<'_, '_>]>,
    ) -> Option<String> {
        let schema = self.schema;
        let rest = rest.unwrap_or(&[]);
        let required: Vec<&Element> = expected
            .iter()
            .filter_map(|p| schema.particles.get(*p as usize))
            .filter(|p| p.min > 0)
            .filter_map(|p| match p.term {
                Term::Element(e) => schema.elements.get(e as usize),
                _ => None,
            })
            .collect();
        let later = |d: &&Element| {
            rest.iter().any(|k| {
                k.tag_name().name() == d.name()
                    && k.tag_name().namespace().unwrap_or("") == schema.uri(d.ns)
            })
        };
        if required.is_empty() || required.iter().any(later) {
            return None;
        }
        let names: Vec<String> = required
            .iter()
            .map(|d| self.display(scope, schema.uri(d.ns), d.name()))
            .collect();
        Some(names.join(" / "))
    }

    fn mismatch(&mut self, node: Node<'_, '_>, kids: &[Node<'_, '_>], leaves: &[u32], m: Mismatch) {
        let schema = self.schema;
        let parent = self.node_name(node);
        let mut expected: Vec<String> = m
            .expected
            .iter()
            .map(|p| self.particle_name(node, *p))
            .filter(|n| !n.is_empty())
            .collect();
        expected.dedup();
        let list = |or: &str| match expected.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
        };
        let after = match m.at.checked_sub(1).and_then(|i| kids.get(i)) {
            Some(prev) => (
                format!("after {}", self.node_name(*prev)),
                format!("après {}", self.node_name(*prev)),
            ),
            None => (
                format!("at the start of {parent}"),
                format!("au début de {parent}"),
            ),
        };
        let Some(found) = kids.get(m.at).copied() else {
            // The children stop too early: something required is missing.
            let offset = node.range().end.saturating_sub(1);
            self.report(
                Rule::Cardinality,
                node,
                offset,
                format!(
                    "{parent} is incomplete: expected {} {}",
                    list("or"),
                    after.0
                ),
                format!(
                    "{parent} est incomplet : {} attendu {}",
                    list("ou"),
                    after.1
                ),
            );
            return;
        };
        let (ns, local) = (
            found.tag_name().namespace().unwrap_or(""),
            found.tag_name().name(),
        );
        let found_name = self.node_name(found);
        let element_of = |p: &u32| match schema.particles.get(*p as usize).map(|p| p.term) {
            Some(Term::Element(e)) => schema.elements.get(e as usize),
            _ => None,
        };
        let in_model = leaves
            .iter()
            .filter_map(element_of)
            .find(|d| d.name() == local && schema.uri(d.ns) == ns);
        let other_ns = leaves
            .iter()
            .filter_map(element_of)
            .find(|d| d.name() == local && schema.uri(d.ns) != ns);
        let (rule, en, fr) = if let (Some(p), Some(_)) = (m.too_many, in_model) {
            let max = schema.particles.get(p as usize).map_or(0, |p| p.max);
            (
                Rule::Cardinality,
                format!("{found_name} occurs more than {max} time(s) in {parent}"),
                format!("{found_name} figure plus de {max} fois dans {parent}"),
            )
        } else if in_model.is_some()
            && let Some(missing) = self.missing_required(node, &m.expected, kids.get(m.at..))
        {
            (
                Rule::Cardinality,
                format!("{missing} is missing {}, found {found_name}", after.0),
                format!("{missing} manque {}, trouvé {found_name}", after.1),
            )
        } else if in_model.is_some() {
            let expect_en = if expected.is_empty() {
                "nothing more".to_owned()
            } else {
                list("or")
            };
            let expect_fr = if expected.is_empty() {
                "plus rien".to_owned()
            } else {
                list("ou")
            };
            (
                Rule::Order,
                format!("expected {expect_en} {}, found {found_name}", after.0),
                format!("{expect_fr} attendu {}, trouvé {found_name}", after.1),
            )
        } else if let Some(d) = other_ns {
            let right = self.display(node, schema.uri(d.ns), d.name());
            let uri = schema.uri(d.ns);
            (
                Rule::Namespace,
                format!(
                    "{found_name} is in the namespace {ns:?}; {parent} expects {right} in {uri:?}"
                ),
                format!(
                    "{found_name} est dans l'espace de noms {ns:?} ; {parent} attend {right} dans {uri:?}"
                ),
            )
        } else {
            (
                Rule::Unknown,
                format!(
                    "{found_name} is not allowed in {parent} (expected {} {})",
                    if expected.is_empty() {
                        "nothing more".to_owned()
                    } else {
                        list("or")
                    },
                    after.0
                ),
                format!(
                    "{found_name} n'est pas admis dans {parent} ({} attendu {})",
                    if expected.is_empty() {
                        "plus rien".to_owned()
                    } else {
                        list("ou")
                    },
                    after.1
                ),
            )
        };
        self.report(rule, found, found.range().start, en, fr);
    }
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}
