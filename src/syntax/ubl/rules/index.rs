//! The counted rules as static, pointer-free tables (generated into
//! `compiled.rs`), and their matching.
//!
//! A counted rule is a test `not(path)`, `count(path) <= n`,
//! `count(path) = n`, `exists(path)` or `path` whose path is child steps
//! (names, predicates) with an optional final `@attr`, from its context
//! node (or, for the root rules, from anywhere after a leading `//`). It
//! holds while the number of nodes the path selects from each context node
//! is within `min..=max`. The path becomes a [`Pattern`] matched backwards:
//! each element of the document looks up its name once in [`NAMES`]
//! (a static open-addressing hash table), then the patterns whose last step
//! has that name ([`BY_NAME`]), filtered by the name of the parent, walk up
//! to their context node and count there.
//!
//! Every table holds indices (into [`NAME_TEXT`], [`ALTS`], [`STEPS`],
//! [`super::table::IDS`]…), not pointers: nothing to relocate at load time
//! and nothing to compile at run time.

pub(super) use super::compiled::{
    ALTS, BY_CTX, BY_NAME, CANDIDATES, NAME_SLOTS, NAME_TEXT, NAMES, PATTERNS, PREDICATES, STEPS,
};
use super::xpath::{self, Ns};
use crate::syntax::tree::Node;

/// The kind of a [`NameEntry`] that is an attribute name (element names
/// have their namespace, [`Ns`] as `u8`, as kind).
pub(super) const ATTRIBUTE: u8 = 255;

/// An entry of the name table: `len` bytes of [`NAME_TEXT`] from `start`,
/// and its kind (the namespace of an element name, or [`ATTRIBUTE`]).
/// Name ids are 1 + the index in [`NAMES`]; 0 is any other name.
#[derive(Clone, Copy, Debug)]
pub(super) struct NameEntry {
    pub start: u16,
    pub len: u8,
    pub kind: u8,
}

/// A counted rule.
#[derive(Clone, Copy, Debug)]
pub(super) struct Pattern {
    /// Index of the rule id in [`super::table::IDS`].
    pub rule: u16,
    /// The context (`Ctx as u8`); [`PATTERNS`] is sorted by it.
    pub ctx: u8,
    /// `//…` (root rules only): the first step may be anywhere.
    pub anywhere: bool,
    /// The rule holds while the count is in `min..=max`.
    pub min: u16,
    pub max: u16,
    /// The element steps: `STEPS[first..first + len]`.
    pub first: u16,
    pub len: u8,
    /// The name id of the final `@attr` (0: none).
    pub attr: u16,
}

/// An element step: name ids `ALTS[alts..alts + n_alts]`, predicates
/// `PREDICATES[preds..preds + n_preds]`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Step {
    pub alts: u16,
    pub n_alts: u8,
    pub preds: u16,
    pub n_preds: u8,
}

/// A pattern that may match at an element or attribute of a given name:
/// `PATTERNS[pattern]`, if the parent element's name id is `parent` (any
/// parent when 0). The candidates of one name are sorted by `parent`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Candidate {
    pub pattern: u16,
    pub parent: u16,
}

/// The size of [`NAME_SLOTS`] (a power of two).
pub(super) const SLOTS: usize = 1024;

/// The hash of a name: its first and last eight bytes (or four, or the
/// bytes of a shorter name) and its length, multiplied (as rustc's
/// FxHash). The generator of the table places the names with it.
pub(super) fn name_hash(bytes: &[u8]) -> usize {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let (head, tail) =
        if let (Some(h), Some(t)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
            (u64::from_le_bytes(*h), u64::from_le_bytes(*t))
        } else if let (Some(h), Some(t)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
            (
                u64::from(u32::from_le_bytes(*h)),
                u64::from(u32::from_le_bytes(*t)),
            )
        } else {
            let short = bytes.iter().fold(0u64, |h, b| (h << 8) | u64::from(*b));
            (short, 0)
        };
    let h = (head.rotate_left(5) ^ tail ^ bytes.len() as u64).wrapping_mul(K);
    let h = (h.rotate_left(5) ^ tail).wrapping_mul(K);
    (h >> 32) as usize
}

/// The text of the name `id` (1-based).
pub(super) fn name_text(id: u16) -> &'static str {
    let Some(e) = NAMES.get(usize::from(id).wrapping_sub(1)) else {
        return "";
    };
    let start = usize::from(e.start);
    NAME_TEXT
        .get(start..start + usize::from(e.len))
        .unwrap_or("")
}

/// The id of the name `local` whose entry kind passes `kind`.
fn lookup(local: &str, mut kind: impl FnMut(u8) -> bool) -> u16 {
    let mut slot = name_hash(local.as_bytes());
    loop {
        let id = NAME_SLOTS.get(slot % SLOTS).copied().unwrap_or(0);
        if id == 0 {
            return 0;
        }
        if name_text(id) == local
            && let Some(e) = NAMES.get(usize::from(id) - 1)
            && kind(e.kind)
        {
            return id;
        }
        slot = slot.wrapping_add(1);
    }
}

/// The name id of element `node` in namespace `ns` (0 if no pattern uses
/// its name).
pub(super) fn element_id(node: Node<'_, '_>, ns: Option<Ns>) -> u16 {
    match ns {
        Some(ns) => lookup(node.tag_name().name(), |kind| kind == ns as u8),
        None => 0,
    }
}

/// The name id of element name `ns:local` (0 if no pattern uses it).
pub(super) fn id_of(ns: Ns, local: &str) -> u16 {
    lookup(local, |kind| kind == ns as u8)
}

/// The namespace and name id of each element name of one document, by the
/// tree's interned name id (dense from 0): each distinct name is looked up
/// once per document (about 100 in an invoice), not once per element.
#[derive(Default)]
pub(super) struct NameCache(Vec<Option<(Option<Ns>, u16)>>);

impl NameCache {
    /// The namespace (if one of the binding's) and the name id of element
    /// `node`.
    pub(super) fn of(&mut self, node: Node<'_, '_>) -> (Option<Ns>, u16) {
        let lookup = || {
            let ns = Ns::of(node);
            (ns, element_id(node, ns))
        };
        let Some(i) = node.name_id().and_then(|id| usize::try_from(id.get()).ok()) else {
            return lookup();
        };
        if let Some(Some(known)) = self.0.get(i) {
            return *known;
        }
        let found = lookup();
        if self.0.len() <= i {
            self.0.resize(i + 1, None);
        }
        if let Some(slot) = self.0.get_mut(i) {
            *slot = Some(found);
        }
        found
    }
}

/// The name id of the attribute (in no namespace) `name`.
pub(super) fn attribute_id(name: &str) -> u16 {
    lookup(name, |kind| kind == ATTRIBUTE)
}

/// An element on the path from the root element to the element being
/// visited: its name id and the index of its context node entry
/// ([`NO_CONTEXT`] if it is not a context node).
#[derive(Clone, Copy, Debug)]
pub(super) struct Open<'a, 'input> {
    pub node: Node<'a, 'input>,
    pub name: u16,
    pub context: u32,
}

/// [`Open::context`] of an element that is not a context node.
pub(super) const NO_CONTEXT: u32 = u32::MAX;

/// Whether `ids` (a range of [`ALTS`]) holds `id`.
pub(super) fn alts_contain(start: u16, len: u8, id: u16) -> bool {
    let start = usize::from(start);
    ALTS.get(start..start + usize::from(len))
        .is_some_and(|alts| alts.contains(&id))
}

impl Pattern {
    /// The patterns of context `ctx`: a range of [`PATTERNS`].
    pub(super) fn of_ctx(ctx: u8) -> &'static [Pattern] {
        let (start, end) = BY_CTX.get(usize::from(ctx)).copied().unwrap_or((0, 0));
        PATTERNS
            .get(usize::from(start)..usize::from(end))
            .unwrap_or(&[])
    }

    /// Whether the last element of `path` (the open elements from the
    /// root element down to it) is a node this pattern selects (with
    /// `@attr`: whether it carries that attribute); the [`Open::context`]
    /// of the node it selects from, or `None` for an `anywhere` pattern
    /// (counted at the root).
    pub(super) fn matches(&self, path: &[Open<'_, '_>]) -> Option<Option<u32>> {
        let e = path.last()?;
        if self.attr != 0 && e.node.attribute(name_text(self.attr)).is_none() {
            return None;
        }
        let first = usize::from(self.first);
        let steps = STEPS.get(first..first + usize::from(self.len))?;
        // `at`: the index in `path` of the node the step matches.
        let mut at = path.len();
        for step in steps.iter().rev() {
            at = at.checked_sub(1)?;
            let open = path.get(at)?;
            if !alts_contain(step.alts, step.n_alts, open.name) {
                return None;
            }
            let preds = usize::from(step.preds);
            let preds = PREDICATES.get(preds..preds + usize::from(step.n_preds))?;
            if !preds.iter().all(|p| xpath::truth(p, open.node)) {
                return None;
            }
        }
        if self.anywhere {
            return Some(None);
        }
        Some(Some(path.get(at.checked_sub(1)?)?.context))
    }
}

/// A [`NameEntry`] (short, for the generated table).
pub(super) const fn n(start: u16, len: u8, kind: u8) -> NameEntry {
    NameEntry { start, len, kind }
}

/// A [`Pattern`] (short, for the generated table).
#[allow(clippy::too_many_arguments)]
pub(super) const fn p(
    rule: u16,
    ctx: u8,
    anywhere: bool,
    min: u16,
    max: u16,
    first: u16,
    len: u8,
    attr: u16,
) -> Pattern {
    Pattern {
        rule,
        ctx,
        anywhere,
        min,
        max,
        first,
        len,
        attr,
    }
}

/// A [`Step`] (short, for the generated table).
pub(super) const fn s(alts: u16, n_alts: u8, preds: u16, n_preds: u8) -> Step {
    Step {
        alts,
        n_alts,
        preds,
        n_preds,
    }
}

/// A [`Candidate`] (short, for the generated table).
pub(super) const fn c(pattern: u16, parent: u16) -> Candidate {
    Candidate { pattern, parent }
}
