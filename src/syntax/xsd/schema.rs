//! The shape of the generated tables (`tables/*.rs`, written by
//! `tools/xsd-gen`): one [`Schema`] per schema set, whose entries refer to
//! each other by index.

/// A namespace of the schema set, with the prefix its schemas use for it
/// (used in messages when the document has no prefix of its own).
#[derive(Debug)]
pub struct Namespace {
    /// The namespace URI (`""` for no namespace).
    pub uri: &'static str,
    /// The conventional prefix (`cbc`, `ram`…; `""` for no namespace).
    pub prefix: &'static str,
}

/// The type of an element declaration.
#[derive(Clone, Copy, Debug)]
pub enum Type {
    /// A simple type: index into [`Schema::simple`].
    S(u32),
    /// A complex type: index into [`Schema::complex`].
    C(u32),
}

/// A string of the generated tables: which table's text
/// ([`super::tables::TEXTS`]), and its offset and length in it. The
/// tables hold these rather than `&'static str` so that they hold no
/// pointer, which the loader would have to relocate at every start.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Str {
    at: u32,
    len: u32,
}

impl Str {
    /// The string of `len` bytes at `at` in table `table`'s text.
    pub const fn new(table: u8, at: u32, len: u32) -> Str {
        // The table index rides in the top byte of the length (strings of
        // the tables are far shorter than 16 MiB).
        Str {
            at,
            len: (table as u32) << 24 | len,
        }
    }

    /// The string (empty if the tables were inconsistent).
    pub fn get(self) -> &'static str {
        let table = (self.len >> 24) as usize;
        let (at, len) = (self.at as usize, (self.len & 0x00ff_ffff) as usize);
        super::tables::TEXTS
            .get(table)
            .and_then(|text| text.get(at..at + len))
            .unwrap_or("")
    }
}

impl std::fmt::Debug for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

/// An element declaration.
#[derive(Debug)]
pub struct Element {
    /// Namespace index.
    pub ns: u16,
    /// Local name ([`Element::name`]).
    pub name: Str,
    /// Its type.
    pub ty: Type,
    /// `nillable="true"`.
    pub nillable: bool,
    /// `abstract="true"`: the element may not appear itself.
    pub is_abstract: bool,
    /// A fixed value ([`Element::fixed`]).
    pub fixed: Option<Str>,
}

impl Element {
    /// Local name.
    pub fn name(&self) -> &'static str {
        self.name.get()
    }

    /// A fixed value.
    pub fn fixed(&self) -> Option<&'static str> {
        self.fixed.map(Str::get)
    }
}

/// An element declaration with no flags (keeps the tables short).
pub const fn el(ns: u16, name: Str, ty: Type) -> Element {
    Element {
        ns,
        name,
        ty,
        nillable: false,
        is_abstract: false,
        fixed: None,
    }
}

/// What a complex type allows inside its element.
#[derive(Clone, Copy, Debug)]
pub enum Content {
    /// Nothing: no element, no character (not even white space).
    Empty,
    /// Character data of a simple type (index into [`Schema::simple`]), no element.
    Simple(u32),
    /// Elements matching a particle; white space only between them.
    Elements(u32),
    /// Elements matching a particle, with any text between them.
    Mixed(u32),
}

/// A complex type.
#[derive(Debug)]
pub struct Complex {
    /// (start, count) in [`Schema::attribute_uses`], sorted by (namespace, name).
    pub attributes: (u32, u32),
    /// `xs:anyAttribute`: index into [`Schema::wildcards`].
    pub any_attribute: Option<u16>,
    /// Its content.
    pub content: Content,
    /// `abstract="true"`.
    pub is_abstract: bool,
}

/// Unbounded `maxOccurs`.
pub const U: u32 = u32::MAX;

/// What a particle matches once.
#[derive(Clone, Copy, Debug)]
pub enum Term {
    /// An element declaration (index into [`Schema::elements`]).
    Element(u32),
    /// A sequence of particles: (start, count) in [`Schema::members`].
    Sequence(u32, u32),
    /// A choice between particles: (start, count) in [`Schema::members`].
    Choice(u32, u32),
    /// An element wildcard: index into [`Schema::wildcards`].
    Any(u16),
}

/// A term with its occurrence bounds.
#[derive(Clone, Copy, Debug)]
pub struct Particle {
    /// minOccurs.
    pub min: u32,
    /// maxOccurs ([`U`] for unbounded).
    pub max: u32,
    /// What is repeated.
    pub term: Term,
}

/// A particle (keeps the tables short).
pub const fn p(min: u32, max: u32, term: Term) -> Particle {
    Particle { min, max, term }
}

/// An attribute declaration as a complex type uses it.
#[derive(Debug)]
pub struct Attribute {
    /// Namespace index (0 for unqualified attributes).
    pub ns: u16,
    /// Local name ([`Attribute::name`]).
    pub name: Str,
    /// Its simple type (index into [`Schema::simple`]).
    pub ty: u32,
    /// `use="required"`.
    pub required: bool,
    /// A fixed value ([`Attribute::fixed`]).
    pub fixed: Option<Str>,
}

impl Attribute {
    /// Local name.
    pub fn name(&self) -> &'static str {
        self.name.get()
    }

    /// A fixed value.
    pub fn fixed(&self) -> Option<&'static str> {
        self.fixed.map(Str::get)
    }
}

/// The namespaces a wildcard accepts.
#[derive(Clone, Copy, Debug)]
pub enum NsConstraint {
    /// `##any`.
    Any,
    /// `##other`: any namespace but this one (index) and no namespace.
    Not(u16),
    /// A list: (start, count) in [`Schema::wildcard_namespaces`].
    List(u32, u32),
}

/// How the content matched by a wildcard is validated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Process {
    /// A declaration must exist and is used.
    Strict,
    /// A declaration is used when there is one.
    Lax,
    /// Nothing is validated.
    Skip,
}

/// `xs:any` or `xs:anyAttribute`.
#[derive(Clone, Copy, Debug)]
pub struct Wildcard {
    /// Which namespaces.
    pub namespaces: NsConstraint,
    /// How to validate.
    pub process: Process,
}

/// The built-in XML Schema type a simple type derives from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    /// `xs:anySimpleType`.
    AnySimpleType,
    /// `xs:string`.
    String,
    /// `xs:normalizedString`.
    NormalizedString,
    /// `xs:token`.
    Token,
    /// `xs:language`.
    Language,
    /// `xs:Name`.
    Name,
    /// `xs:NCName`.
    NcName,
    /// `xs:ID` (unique in the document).
    Id,
    /// `xs:IDREF`.
    IdRef,
    /// `xs:NMTOKEN`.
    NmToken,
    /// `xs:anyURI`.
    AnyUri,
    /// `xs:decimal`.
    Decimal,
    /// `xs:integer`.
    Integer,
    /// `xs:nonNegativeInteger`.
    NonNegativeInteger,
    /// `xs:positiveInteger`.
    PositiveInteger,
    /// `xs:boolean`.
    Boolean,
    /// `xs:date`.
    Date,
    /// `xs:dateTime`.
    DateTime,
    /// `xs:time`.
    Time,
    /// `xs:base64Binary`.
    Base64Binary,
    /// `xs:hexBinary`.
    HexBinary,
}

/// The whiteSpace facet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhiteSpace {
    /// Kept as is.
    Preserve,
    /// Tabs and line feeds become spaces.
    Replace,
    /// Replaced, then runs of spaces collapsed and trimmed.
    Collapse,
}

/// A simple type: a built-in base and the facets of its derivation chain.
#[derive(Debug)]
pub struct Simple {
    /// The built-in type at the root of the derivation.
    pub base: Builtin,
    /// The whiteSpace facet.
    pub white_space: WhiteSpace,
    /// (start, count) in [`Schema::enumerations`]; count 0: no enumeration.
    pub enumerations: (u32, u32),
    /// (start, count) in [`Schema::patterns`]: every one must match.
    pub patterns: (u32, u32),
    /// length.
    pub length: Option<u32>,
    /// minLength.
    pub min_length: Option<u32>,
    /// maxLength.
    pub max_length: Option<u32>,
    /// totalDigits.
    pub total_digits: Option<u32>,
    /// fractionDigits.
    pub fraction_digits: Option<u32>,
    /// minInclusive (lexical form).
    pub min_inclusive: Option<&'static str>,
    /// maxInclusive.
    pub max_inclusive: Option<&'static str>,
    /// minExclusive.
    pub min_exclusive: Option<&'static str>,
    /// maxExclusive.
    pub max_exclusive: Option<&'static str>,
}

impl Simple {
    /// A built-in type without further facets.
    pub const fn of(base: Builtin) -> Simple {
        Simple {
            base,
            white_space: match base {
                Builtin::AnySimpleType | Builtin::String => WhiteSpace::Preserve,
                Builtin::NormalizedString => WhiteSpace::Replace,
                _ => WhiteSpace::Collapse,
            },
            enumerations: (0, 0),
            patterns: (0, 0),
            length: None,
            min_length: None,
            max_length: None,
            total_digits: None,
            fraction_digits: None,
            min_inclusive: None,
            max_inclusive: None,
            min_exclusive: None,
            max_exclusive: None,
        }
    }
}

/// One schema set (a document type and everything it imports).
#[derive(Debug)]
pub struct Schema {
    /// Short name (`ubl`, `cii`, `cpp_pivot`, `cpp_statut`).
    pub name: &'static str,
    /// What it is, for reports.
    pub title: &'static str,
    /// Namespaces (index 0 is no namespace).
    pub namespaces: &'static [Namespace],
    /// The element declarations a document may start with.
    pub roots: &'static [u32],
    /// Global element declarations sorted by (namespace URI, name).
    pub globals: &'static [u32],
    /// Global attribute declarations sorted by (namespace URI, name).
    pub global_attributes: &'static [u32],
    /// Element declarations.
    pub elements: &'static [Element],
    /// Complex types.
    pub complex: &'static [Complex],
    /// Simple types.
    pub simple: &'static [Simple],
    /// Particles.
    pub particles: &'static [Particle],
    /// Members of sequences and choices (particle indices).
    pub members: &'static [u32],
    /// Attribute declarations.
    pub attributes: &'static [Attribute],
    /// Attribute uses of complex types (attribute indices).
    pub attribute_uses: &'static [u32],
    /// Wildcards.
    pub wildcards: &'static [Wildcard],
    /// Namespace lists of wildcards (namespace indices).
    pub wildcard_namespaces: &'static [u16],
    /// Enumeration values.
    pub enumerations: &'static [&'static str],
    /// Patterns (XML Schema regular expressions).
    pub patterns: &'static [&'static str],
}

/// `slice[start..start + len]`, empty when out of range (tables are generated
/// consistent; this keeps lookups panic-free).
pub(crate) fn range<T>(slice: &[T], (start, len): (u32, u32)) -> &[T] {
    let start = start as usize;
    slice
        .get(start..start.saturating_add(len as usize))
        .unwrap_or(&[])
}

impl Schema {
    /// The URI of namespace `ns`.
    pub fn uri(&self, ns: u16) -> &'static str {
        self.namespaces.get(ns as usize).map_or("", |n| n.uri)
    }

    /// The global element declaration of `{uri}name`.
    pub fn global(&self, uri: &str, name: &str) -> Option<&'static Element> {
        let elements = self.elements;
        let key = |i: &u32| {
            elements
                .get(*i as usize)
                .map(|e| (self.uri(e.ns), e.name()))
                .unwrap_or_default()
        };
        let found = self
            .globals
            .binary_search_by(|i| key(i).cmp(&(uri, name)))
            .ok()?;
        let index = *self.globals.get(found)?;
        elements.get(index as usize)
    }

    /// The global attribute declaration of `{uri}name`.
    pub fn global_attribute(&self, uri: &str, name: &str) -> Option<&'static Attribute> {
        let attributes = self.attributes;
        self.global_attributes
            .iter()
            .filter_map(|i| attributes.get(*i as usize))
            .find(|a| self.uri(a.ns) == uri && a.name() == name)
    }
}
