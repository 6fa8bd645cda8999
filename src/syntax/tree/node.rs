//! Nodes, attributes and namespaces of a [`Document`], and the iterators
//! over them.

use std::ops::Range;

use super::{
    AttrData, Document, NO_NODE, NONE, NS_XML_URI, NameId, NodeData, NodeId, TEXT_BIT,
    TEXT_BORROWED,
};

/// An expanded name: namespace URI (if any) and local name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExpandedName<'a, 'b> {
    uri: Option<&'a str>,
    name: &'b str,
}

impl<'a, 'b> ExpandedName<'a, 'b> {
    /// The namespace URI.
    pub fn namespace(&self) -> Option<&'a str> {
        self.uri
    }

    /// The local name.
    pub fn name(&self) -> &'b str {
        self.name
    }
}

impl<'b> From<&'b str> for ExpandedName<'static, 'b> {
    fn from(name: &'b str) -> Self {
        Self { uri: None, name }
    }
}

impl<'a, 'b> From<(&'a str, &'b str)> for ExpandedName<'a, 'b> {
    fn from((uri, name): (&'a str, &'b str)) -> Self {
        Self {
            uri: Some(uri),
            name,
        }
    }
}

/// A node: the document node, an element or a text.
#[derive(Clone, Copy)]
pub struct Node<'a, 'input: 'a> {
    id: u32,
    d: &'a NodeData,
    doc: &'a Document<'input>,
}

impl PartialEq for Node<'_, '_> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && std::ptr::eq(self.doc, other.doc)
    }
}

impl Eq for Node<'_, '_> {}

impl std::fmt::Debug for Node<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_element() {
            write!(
                f,
                "Element {{ id: {}, name: {:?} }}",
                self.id,
                self.tag_name()
            )
        } else if self.is_text() {
            write!(f, "Text {{ id: {}, text: {:?} }}", self.id, self.text())
        } else {
            write!(f, "Root")
        }
    }
}

impl<'a, 'input: 'a> Node<'a, 'input> {
    pub(super) fn new(doc: &'a Document<'input>, id: u32) -> Self {
        Self {
            id,
            d: doc.nodes.get(id as usize).unwrap_or(&NO_NODE),
            doc,
        }
    }

    fn at(&self, id: u32) -> Option<Self> {
        (id != NONE).then(|| Self::new(self.doc, id))
    }

    /// The node's id (document order).
    pub fn id(&self) -> NodeId {
        NodeId(self.id)
    }

    /// The document the node belongs to.
    pub fn document(&self) -> &'a Document<'input> {
        self.doc
    }

    /// Whether this is the document node.
    pub fn is_root(&self) -> bool {
        self.id == 0
    }

    /// Whether this is an element.
    pub fn is_element(&self) -> bool {
        self.id != 0 && self.d.payload < TEXT_BIT
    }

    /// Whether this is a text.
    pub fn is_text(&self) -> bool {
        self.id != 0 && self.d.payload >= TEXT_BIT
    }

    /// The interned name of an element.
    pub fn name_id(&self) -> Option<NameId> {
        self.is_element().then_some(NameId(self.d.payload))
    }

    /// The element's name (empty for other nodes).
    pub fn tag_name(&self) -> ExpandedName<'a, 'input> {
        if self.is_element() {
            let (uri, name) = self.doc.names.name(self.d.payload);
            ExpandedName { uri, name }
        } else {
            ExpandedName {
                uri: None,
                name: "",
            }
        }
    }

    /// Whether the node is an element named `name`: a bare `&str` tests
    /// the local name only, a `(namespace, name)` pair both.
    pub fn has_tag_name<'n, 'm, N>(&self, name: N) -> bool
    where
        N: Into<ExpandedName<'n, 'm>>,
    {
        if !self.is_element() {
            return false;
        }
        let name = name.into();
        let (uri, local) = self.doc.names.name(self.d.payload);
        match name.uri {
            Some(ns) => local == name.name && uri == Some(ns),
            None => local == name.name,
        }
    }

    /// The byte range of the node in the input.
    pub fn range(&self) -> Range<usize> {
        self.d.start as usize..self.d.end as usize
    }

    /// A text's value; an element's first child's, if it is a text.
    pub fn text(&self) -> Option<&'a str> {
        if self.is_text() {
            Some(self.text_value())
        } else if self.is_element() {
            self.first_child()
                .filter(Node::is_text)
                .map(|t| t.text_value())
        } else {
            None
        }
    }

    fn text_value(&self) -> &'a str {
        match self.d.payload {
            TEXT_BORROWED => self
                .doc
                .text
                .get(self.d.start as usize..self.d.end as usize)
                .unwrap_or(""),
            owned => self
                .doc
                .owned
                .get((owned & !TEXT_BIT) as usize)
                .map_or("", AsRef::as_ref),
        }
    }

    fn attr_data(&self) -> &'a [AttrData] {
        if !self.is_element() {
            return &[];
        }
        let start = self.d.attrs as usize;
        let end = self
            .doc
            .nodes
            .get(self.id as usize + 1)
            .map_or(self.doc.attrs.len(), |next| next.attrs as usize);
        self.doc.attrs.get(start..end).unwrap_or(&[])
    }

    /// The element's attributes, in document order (namespace declarations
    /// are not attributes).
    pub fn attributes(&self) -> Attributes<'a, 'input> {
        Attributes {
            doc: self.doc,
            iter: self.attr_data().iter(),
        }
    }

    /// The value of the attribute `name`: a bare `&str` is a name in no
    /// namespace.
    pub fn attribute<'n, 'm, N>(&self, name: N) -> Option<&'a str>
    where
        N: Into<ExpandedName<'n, 'm>>,
    {
        let name = name.into();
        self.attributes()
            .find(|a| a.name() == name.name && a.namespace() == name.uri)
            .map(|a| a.value())
    }

    /// Whether the element has the attribute `name`.
    pub fn has_attribute<'n, 'm, N>(&self, name: N) -> bool
    where
        N: Into<ExpandedName<'n, 'm>>,
    {
        self.attribute(name).is_some()
    }

    /// The parent (none for the document node).
    pub fn parent(&self) -> Option<Self> {
        if self.id == 0 {
            None
        } else {
            Some(Self::new(self.doc, self.d.parent))
        }
    }

    /// The nearest ancestor that is an element.
    pub fn parent_element(&self) -> Option<Self> {
        self.ancestors().skip(1).find(Node::is_element)
    }

    /// The first child.
    pub fn first_child(&self) -> Option<Self> {
        self.at(self.d.first_child)
    }

    /// The last child.
    pub fn last_child(&self) -> Option<Self> {
        self.at(self.d.last_child)
    }

    /// The first child that is an element.
    pub fn first_element_child(&self) -> Option<Self> {
        self.children().find(Node::is_element)
    }

    /// The next sibling.
    pub fn next_sibling(&self) -> Option<Self> {
        self.at(self.d.next_sibling)
    }

    /// This node and its following siblings.
    pub fn next_siblings(&self) -> Children<'a, 'input> {
        Children { next: Some(*self) }
    }

    /// This node and its preceding siblings, nearest first.
    pub fn prev_siblings(&self) -> std::iter::Rev<std::vec::IntoIter<Self>> {
        let mut before: Vec<Self> = match self.parent() {
            Some(p) => p.children().take_while(|c| c.id < self.id).collect(),
            None => Vec::new(),
        };
        before.push(*self);
        before.into_iter().rev()
    }

    /// The children, in document order.
    pub fn children(&self) -> Children<'a, 'input> {
        Children {
            next: self.first_child(),
        }
    }

    /// This node and its descendants, in document order.
    pub fn descendants(&self) -> Descendants<'a, 'input> {
        // Ids are in document order: the subtree is the ids up to the
        // first node after it (the next sibling of this node or of its
        // nearest ancestor that has one).
        let mut end = self.doc.nodes.len() as u32;
        let mut cur = *self;
        loop {
            if cur.d.next_sibling != NONE {
                end = cur.d.next_sibling;
                break;
            }
            match cur.parent() {
                Some(p) => cur = p,
                None => break,
            }
        }
        Descendants {
            doc: self.doc,
            next: self.id,
            end,
        }
    }

    /// This node and its ancestors, nearest first.
    pub fn ancestors(&self) -> Ancestors<'a, 'input> {
        Ancestors { next: Some(*self) }
    }

    /// The namespaces in scope on an element: its own declarations first,
    /// then those of its ancestors that it does not redeclare.
    pub fn namespaces(&self) -> std::vec::IntoIter<Namespace<'a>> {
        let mut out: Vec<Namespace<'a>> = Vec::new();
        if !self.is_element() {
            return out.into_iter();
        }
        for el in self.ancestors().filter(Node::is_element) {
            let decls = &self.doc.ns_decls;
            let first = decls.partition_point(|d| d.element < el.id);
            for d in decls.get(first..).unwrap_or(&[]) {
                if d.element != el.id {
                    break;
                }
                if !out.iter().any(|n| n.name == d.prefix) {
                    out.push(Namespace {
                        name: d.prefix,
                        uri: self.doc.names.uri_or_empty(d.uri),
                    });
                }
            }
        }
        out.into_iter()
    }

    /// The prefix bound to `uri` in scope (`xml` for the XML namespace).
    pub fn lookup_prefix(&self, uri: &str) -> Option<&'a str> {
        if uri == NS_XML_URI {
            return Some("xml");
        }
        self.namespaces()
            .find(|ns| ns.uri == uri)
            .and_then(|ns| ns.name)
    }

    /// The URI bound to `prefix` in scope (`None`: the default namespace).
    pub fn lookup_namespace_uri(&self, prefix: Option<&str>) -> Option<&'a str> {
        self.namespaces()
            .find(|ns| ns.name == prefix)
            .map(|ns| ns.uri)
    }
}

/// A namespace declaration in scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Namespace<'a> {
    name: Option<&'a str>,
    uri: &'a str,
}

impl<'a> Namespace<'a> {
    /// The prefix (`None` for the default namespace).
    pub fn name(&self) -> Option<&'a str> {
        self.name
    }

    /// The URI.
    pub fn uri(&self) -> &'a str {
        self.uri
    }
}

/// An attribute of an element.
#[derive(Clone, Copy)]
pub struct Attribute<'a, 'input: 'a> {
    doc: &'a Document<'input>,
    d: &'a AttrData,
}

impl std::fmt::Debug for Attribute<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Attribute {{ name: {:?}, namespace: {:?}, value: {:?} }}",
            self.name(),
            self.namespace(),
            self.value()
        )
    }
}

impl<'a, 'input: 'a> Attribute<'a, 'input> {
    /// The local name.
    pub fn name(&self) -> &'input str {
        self.doc.names.name(self.d.name).1
    }

    /// The namespace URI.
    pub fn namespace(&self) -> Option<&'a str> {
        self.doc.names.name(self.d.name).0
    }

    /// The interned name.
    pub fn name_id(&self) -> NameId {
        NameId(self.d.name)
    }

    /// The value, references resolved and white space normalised.
    pub fn value(&self) -> &'a str {
        match self.d.owned {
            u32::MAX => self
                .doc
                .text
                .get(self.d.value_start as usize..self.d.value_end as usize)
                .unwrap_or(""),
            i => self.doc.owned.get(i as usize).map_or("", AsRef::as_ref),
        }
    }

    /// The byte range of `name="value"` in the input.
    pub fn range(&self) -> Range<usize> {
        self.d.start as usize..self.d.value_end as usize + 1
    }

    /// The byte range of the value as written, between the quotes.
    pub fn range_value(&self) -> Range<usize> {
        self.d.value_start as usize..self.d.value_end as usize
    }
}

/// The attributes of an element.
#[derive(Clone)]
pub struct Attributes<'a, 'input: 'a> {
    doc: &'a Document<'input>,
    iter: std::slice::Iter<'a, AttrData>,
}

impl<'a, 'input: 'a> Iterator for Attributes<'a, 'input> {
    type Item = Attribute<'a, 'input>;
    fn next(&mut self) -> Option<Self::Item> {
        self.iter.next().map(|d| Attribute { doc: self.doc, d })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.iter.size_hint()
    }
}

impl ExactSizeIterator for Attributes<'_, '_> {}

/// The children of a node (or a node and its following siblings).
#[derive(Clone)]
pub struct Children<'a, 'input: 'a> {
    next: Option<Node<'a, 'input>>,
}

impl<'a, 'input: 'a> Iterator for Children<'a, 'input> {
    type Item = Node<'a, 'input>;
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let cur = self.next?;
        self.next = cur.next_sibling();
        Some(cur)
    }
}

/// A node and its descendants in document order.
#[derive(Clone)]
pub struct Descendants<'a, 'input: 'a> {
    doc: &'a Document<'input>,
    next: u32,
    end: u32,
}

impl<'a, 'input: 'a> Iterator for Descendants<'a, 'input> {
    type Item = Node<'a, 'input>;
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.next >= self.end {
            return None;
        }
        let node = Node::new(self.doc, self.next);
        self.next += 1;
        Some(node)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (self.end - self.next) as usize;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Descendants<'_, '_> {}

/// A node and its ancestors, nearest first.
#[derive(Clone)]
pub struct Ancestors<'a, 'input: 'a> {
    next: Option<Node<'a, 'input>>,
}

impl<'a, 'input: 'a> Iterator for Ancestors<'a, 'input> {
    type Item = Node<'a, 'input>;
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let cur = self.next?;
        self.next = cur.parent();
        Some(cur)
    }
}
