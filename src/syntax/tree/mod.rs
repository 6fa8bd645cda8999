//! Our own read-only XML tree: what every reader, the syntax rules, the
//! XSD walk and the locator see of a document.
//!
//! It replaces roxmltree, whose parse was ~41 % of the instructions of a
//! typical read + validate and whose tree (~70 bytes a node, a node for
//! every whitespace run between elements) was most of the peak memory.
//!
//! # Design
//!
//! - **One pass, hand-written tokenizer** ([`parse`](self::parse)): the
//!   bytes are scanned once, with a 256-entry class table for names and
//!   text, and nodes are appended as their start tags are read. Every
//!   well-formedness check is made in that pass (names, one colon, bound
//!   prefixes, duplicate attributes, `<` in attribute values, references,
//!   characters outside XML's `Char`, `]]>` in text, `--` in comments,
//!   mismatched and unclosed tags, one root, nothing but comments, PIs and
//!   spaces around it); any `<!DOCTYPE` is refused ([`Error::Dtd`]), the
//!   only entities are the five predefined ones and character references,
//!   so nothing is ever fetched and nothing expands. The node count and the
//!   nesting depth ([`Limits`]) are checked as nodes are appended.
//! - **Arena of nodes** in document order (so a node's descendants are the
//!   ids up to its following node): 32 bytes a node, `u32` links (parent,
//!   first child, last child, next sibling), the byte range of the node in
//!   the input, and a payload (the interned name of an element, where the
//!   value of a text lives). Attributes are a second arena, 20 bytes each,
//!   contiguous per element.
//! - **Only elements and text are nodes.** Comments and processing
//!   instructions are checked and skipped; text split by them, by CDATA
//!   sections or by references is merged, so an element's text is its whole
//!   string value as XPath sees it. A text that is only white space is
//!   dropped when its element also has element children (the indentation
//!   between elements); it is kept when it is all the element holds
//!   (`<a> </a>` has the text `" "`).
//! - **Values borrow the input** when they are written as they read (no
//!   reference, no carriage return, one piece); otherwise they are decoded
//!   once into an owned string (line ends normalised, attribute values
//!   normalised as XML requires).
//! - **Interned names**: each distinct (namespace, local name) pair gets a
//!   [`NameId`]; the namespace of every element and attribute is resolved
//!   while parsing, through a cache keyed by the written qualified name that
//!   is valid as long as the namespace bindings in scope do not change.
//!   Hot name tests can compare [`NameId`]s (`Document::name_id`,
//!   [`Node::name_id`]). Namespace declarations are kept per element for
//!   [`Node::namespaces`], [`Node::lookup_prefix`] and
//!   [`Node::lookup_namespace_uri`].
//!
//! The API is the subset of roxmltree's that the crate uses, with the same
//! names, so code reads the same.

mod names;
mod node;
mod parse;
#[cfg(test)]
mod tests;

pub(crate) use names::FxHasher;
pub use names::NameId;
pub use node::{
    Ancestors, Attribute, Attributes, Children, Descendants, ExpandedName, Namespace, Node,
};

use crate::error::Result;
use crate::limits::Limits;
use names::Names;

/// The namespace of the `xml` prefix, bound without declaration.
pub const NS_XML_URI: &str = "http://www.w3.org/XML/1998/namespace";

/// The index of a node in its document; ids follow document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(u32);

impl NodeId {
    /// The id as a number (the root is 0).
    pub fn get(self) -> u32 {
        self.0
    }

    /// The id as an index.
    pub fn get_usize(self) -> usize {
        self.0 as usize
    }
}

/// No node (the root's parent, an absent child or sibling): the document
/// node, id 0, is nobody's child or sibling.
const NONE: u32 = 0;
/// `NodeData::payload` bit of a text node (an element's payload is its
/// name, below this bit).
const TEXT_BIT: u32 = 0x8000_0000;
/// `NodeData::payload` of a text borrowed from the input (its range); an
/// owned text's payload is `TEXT_BIT | index in Document::owned`.
const TEXT_BORROWED: u32 = u32::MAX;

/// One node of the arena.
#[derive(Clone, Copy, Debug)]
struct NodeData {
    parent: u32,
    first_child: u32,
    last_child: u32,
    next_sibling: u32,
    /// Byte range in the input: the element from `<` to the end of its end
    /// tag; the text from its first to its last character.
    start: u32,
    end: u32,
    /// Element: its [`NameId`]; text: [`TEXT_BORROWED`] or
    /// `TEXT_BIT | index in owned`; the document node: 0.
    payload: u32,
    /// The number of attributes stored before this node: an element's
    /// attributes run from here to the next node's `attrs`.
    attrs: u32,
}

/// What a node with an out-of-range id reads as (never reached: ids come
/// from the arena).
static NO_NODE: NodeData = NodeData {
    parent: NONE,
    first_child: NONE,
    last_child: NONE,
    next_sibling: NONE,
    start: 0,
    end: 0,
    payload: TEXT_BORROWED,
    attrs: 0,
};

/// One attribute.
#[derive(Clone, Copy, Debug)]
struct AttrData {
    name: u32,
    /// Start of the written name.
    start: u32,
    /// The value between the quotes.
    value_start: u32,
    value_end: u32,
    /// Index in `Document::owned` of the normalised value, or `u32::MAX`
    /// when the value is the input between the quotes.
    owned: u32,
}

/// A namespace declaration (`xmlns` or `xmlns:p`) on an element.
#[derive(Clone, Copy, Debug)]
struct NsDecl<'input> {
    element: u32,
    prefix: Option<&'input str>,
    uri: u32,
}

/// A parsed XML document.
pub struct Document<'input> {
    text: &'input str,
    nodes: Vec<NodeData>,
    attrs: Vec<AttrData>,
    owned: Vec<Box<str>>,
    names: Names<'input>,
    ns_decls: Vec<NsDecl<'input>>,
}

impl std::fmt::Debug for Document<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("nodes", &self.nodes.len())
            .field("attributes", &self.attrs.len())
            .finish_non_exhaustive()
    }
}

impl<'input> Document<'input> {
    /// Parses `text` within the default [`Limits`] (no prolog checks beyond
    /// well-formedness and the DTD refusal; see
    /// [`crate::syntax::xml_input::parse`] for the encoding declaration).
    pub fn parse(text: &'input str) -> Result<Self> {
        parse::parse(text, &Limits::default())
    }

    /// Parses `text` within `limits` (node count and depth).
    pub fn parse_with_limits(text: &'input str, limits: &Limits) -> Result<Self> {
        parse::parse(text, limits)
    }

    /// The document node, parent of the root element.
    pub fn root(&self) -> Node<'_, 'input> {
        Node::new(self, 0)
    }

    /// The root element.
    pub fn root_element(&self) -> Node<'_, 'input> {
        self.root()
            .first_element_child()
            .unwrap_or_else(|| self.root())
    }

    /// Every node in document order, the document node first.
    pub fn descendants(&self) -> Descendants<'_, 'input> {
        self.root().descendants()
    }

    /// The node of id `id`.
    pub fn get_node(&self, id: NodeId) -> Option<Node<'_, 'input>> {
        (id.get_usize() < self.nodes.len()).then(|| Node::new(self, id.0))
    }

    /// The parsed text.
    pub fn input_text(&self) -> &'input str {
        self.text
    }

    /// The number of nodes (document node, elements, texts).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Never true: a document has at least its root element.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The interned id of the name (`namespace`, `local`), if an element
    /// or attribute of the document has it: comparing [`Node::name_id`]
    /// with it is comparing names.
    pub fn name_id(&self, namespace: Option<&str>, local: &str) -> Option<NameId> {
        self.names.find(namespace, local)
    }

    /// Bytes held by the tree (arenas and owned values), for measurements.
    pub fn heap_bytes(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<NodeData>()
            + self.attrs.capacity() * std::mem::size_of::<AttrData>()
            + self.owned.iter().map(|s| s.len() + 16).sum::<usize>()
            + self.names.heap_bytes()
    }
}
