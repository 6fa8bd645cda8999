//! The rule catalogue: every rule's id, severity, business terms and
//! messages, compiled from `rules/*.toml` by `build.rs`.

use super::Severity;
use crate::syntax::Syntax;

/// Which syntaxes a rule exists for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxScope {
    /// Defined by both the UBL and the CII artefacts.
    Both,
    /// Only in the UBL artefacts.
    Ubl,
    /// Only in the CII artefacts.
    Cii,
    /// Independent of syntax (our own rules, Chorus Pro rules).
    Any,
    /// Only for a Factur-X PDF (checks of the PDF container).
    FacturX,
}

/// What a rule looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// A business rule over the semantic model.
    Model,
    /// A code-list rule.
    CodeList,
    /// A syntax rule over the XML document.
    Syntax,
    /// A platform rule (Chorus Pro management rules and limits).
    Platform,
    /// A check of the container of the invoice (the Factur-X PDF).
    Container,
}

/// A string of the catalogue: its offset and length in the catalogue's one
/// text. The generated table holds these instead of `&'static str` so that
/// it holds no pointer and needs no relocation at load time.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Text {
    at: u32,
    len: u32,
}

impl Text {
    /// An absent optional string.
    const NONE: Text = Text {
        at: u32::MAX,
        len: 0,
    };

    const fn new(at: u32, len: u32) -> Text {
        Text { at, len }
    }

    /// The string (empty if the table were inconsistent).
    fn get(self) -> &'static str {
        let at = self.at as usize;
        TEXT.get(at..at + self.len as usize).unwrap_or("")
    }

    fn option(self) -> Option<&'static str> {
        (self != Text::NONE).then(|| self.get())
    }
}

/// The business terms and groups of a rule (`BT-106`, `BG-25`), a run of
/// the catalogue's term table.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Terms {
    start: u16,
    len: u16,
}

impl Terms {
    const fn new(start: u16, len: u16) -> Terms {
        Terms { start, len }
    }

    /// No terms.
    pub const EMPTY: Terms = Terms { start: 0, len: 0 };

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// The terms, in catalogue order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'static str> + use<> {
        let start = self.start as usize;
        TERMS
            .get(start..start + self.len as usize)
            .unwrap_or(&[])
            .iter()
            .map(|t| t.get())
    }

    /// The terms joined by `sep`.
    pub fn join(&self, sep: &str) -> String {
        self.iter().collect::<Vec<_>>().join(sep)
    }

    /// Whether `term` is one of them.
    pub fn contains(&self, term: &str) -> bool {
        self.iter().any(|t| t == term)
    }

    /// The terms as a vector.
    pub fn to_vec(&self) -> Vec<&'static str> {
        self.iter().collect()
    }
}

impl std::fmt::Debug for Terms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl serde::Serialize for Terms {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// One catalogued rule. Its strings are read through methods (the table
/// stores offsets into one text, see [`all`]).
#[derive(Clone, Copy)]
pub struct RuleInfo {
    id: Text,
    /// Index in `SETS`.
    set: u8,
    /// Which syntaxes it applies to.
    pub syntax: SyntaxScope,
    /// Severity when validating UBL.
    pub flag_ubl: Severity,
    /// Severity when validating CII.
    pub flag_cii: Severity,
    /// What it looks at.
    pub kind: RuleKind,
    terms: Terms,
    context_ubl: Text,
    context_cii: Text,
    en: Text,
    fr: Text,
    origin: Text,
    platform_ubl: Text,
    platform_cii: Text,
}

impl RuleInfo {
    /// Stable id, e.g. `BR-CO-10`.
    pub fn id(&self) -> &'static str {
        self.id.get()
    }

    /// The catalogue file it comes from (`en16931`, `chorus-pro`).
    pub fn set(&self) -> &'static str {
        SETS.get(self.set as usize).map_or("", |s| s.get())
    }

    /// Whether its set is one of a [`SetMask`].
    pub(crate) fn in_sets(&self, mask: SetMask) -> bool {
        mask.0 & (1 << self.set) != 0
    }

    /// Business terms and groups it concerns (`BT-106`, `BG-25`).
    pub fn terms(&self) -> Terms {
        self.terms
    }

    /// Where the official UBL rule is evaluated (abstract context or XML path).
    pub fn context_ubl(&self) -> &'static str {
        self.context_ubl.get()
    }

    /// Where the official CII rule is evaluated.
    pub fn context_cii(&self) -> &'static str {
        self.context_cii.get()
    }

    /// Message in English.
    pub fn en(&self) -> &'static str {
        self.en.get()
    }

    /// Message in French.
    pub fn fr(&self) -> &'static str {
        self.fr.get()
    }

    /// Where the rule comes from when it is not an assertion of the CEN
    /// artefacts (e.g. `Chorus Pro EDI annex, rule G1.05 [R]`); empty for
    /// the EN 16931 set.
    pub fn origin(&self) -> &'static str {
        self.origin.get()
    }

    /// What Chorus Pro says for this defect in a UBL flow, in its own
    /// wording pattern (Chorus Pro rules only).
    pub fn platform_ubl(&self) -> Option<&'static str> {
        self.platform_ubl.option()
    }

    /// The same for a CII (or Factur-X) flow.
    pub fn platform_cii(&self) -> Option<&'static str> {
        self.platform_cii.option()
    }
}

impl std::fmt::Debug for RuleInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleInfo")
            .field("id", &self.id())
            .field("set", &self.set())
            .field("syntax", &self.syntax)
            .field("flag_ubl", &self.flag_ubl)
            .field("flag_cii", &self.flag_cii)
            .field("kind", &self.kind)
            .field("terms", &self.terms)
            .field("context_ubl", &self.context_ubl())
            .field("context_cii", &self.context_cii())
            .field("en", &self.en())
            .field("fr", &self.fr())
            .field("origin", &self.origin())
            .field("platform_ubl", &self.platform_ubl())
            .field("platform_cii", &self.platform_cii())
            .finish()
    }
}

impl RuleInfo {
    /// Whether the rule applies to documents in `syntax` (all rules apply
    /// to a model validated without a syntax, except syntax rules). The
    /// CII rules apply to a Factur-X PDF (its embedded CII).
    pub fn applies_to(&self, syntax: Option<Syntax>) -> bool {
        match (self.syntax, syntax.map(Syntax::family)) {
            (SyntaxScope::Both | SyntaxScope::Any, _) => true,
            (SyntaxScope::Ubl, Some("ubl"))
            | (SyntaxScope::Cii, Some("cii" | "facturx"))
            | (SyntaxScope::FacturX, Some("facturx")) => true,
            (SyntaxScope::Ubl | SyntaxScope::Cii | SyntaxScope::FacturX, _) => false,
        }
    }

    /// The severity for a document in `syntax` (UBL's when unknown).
    pub fn severity(&self, syntax: Option<Syntax>) -> Severity {
        match syntax {
            Some(Syntax::Cii | Syntax::FacturX) => self.flag_cii,
            _ => self.flag_ubl,
        }
    }
}

impl RuleInfo {
    /// The platform's message for a document in `syntax`, when the rule has
    /// one (CII wording for CII and Factur-X, UBL wording otherwise).
    pub fn platform(&self, syntax: Option<Syntax>) -> Option<&'static str> {
        match syntax.map(Syntax::family) {
            Some("cii" | "facturx") => self.platform_cii().or(self.platform_ubl()),
            _ => self.platform_ubl().or(self.platform_cii()),
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// A set of rule sets (catalogue files), to filter rules by set without
/// comparing names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct SetMask(u64);

impl SetMask {
    /// The mask of the named sets (names not in the catalogue are ignored).
    pub(crate) fn of(names: &[&str]) -> SetMask {
        SetMask(
            SETS.iter()
                .enumerate()
                .filter(|(_, s)| names.contains(&s.get()))
                .fold(0, |mask, (i, _)| mask | 1 << i),
        )
    }
}

/// The catalogue entry of `id`.
///
/// ```
/// let rule = facture::rules::catalogue::rule("BR-01").unwrap();
/// assert_eq!(rule.severity(None), facture::rules::Severity::Fatal);
/// ```
pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    RULES
        .binary_search_by(|r| r.id().cmp(id))
        .ok()
        .and_then(|i| RULES.get(i))
}

/// All catalogued rules, sorted by id.
pub fn all() -> &'static [RuleInfo] {
    &RULES
}
