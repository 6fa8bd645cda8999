//! The interned names of a document: namespace URIs and (namespace, local
//! name) pairs, each numbered once.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// An interned (namespace, local name) pair: two nodes of one document have
/// the same name exactly when their ids are equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NameId(pub(super) u32);

impl NameId {
    /// The id as a number (ids are dense, from 0).
    pub fn get(self) -> u32 {
        self.0
    }
}

/// A multiply-rotate hash (the Fx hash) started from a per-document random
/// seed: a few instructions a word, and no collisions an input can plan.
#[derive(Clone, Copy)]
pub(super) struct SeededFx(u64);

impl SeededFx {
    pub(super) fn new() -> Self {
        Self(std::collections::hash_map::RandomState::new().hash_one(0x5eed_u64))
    }
}

impl BuildHasher for SeededFx {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher(self.0)
    }
}

/// The Fx multiply-rotate hash, eight bytes a step. Seeded by
/// [`SeededFx`] for a document's names; from zero (`Default`) for the
/// program's own identifiers (`rules::id_set`), never for input.
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            if let Some(head) = word.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The names room is made for at first.
pub(super) const NAMES_CAPACITY: usize = 128;

/// The namespace URIs (index 0: no namespace) and names of a document.
pub(super) struct Names<'input> {
    uris: Vec<Cow<'input, str>>,
    uri_ids: HashMap<Cow<'input, str>, u32, SeededFx>,
    names: Vec<(u32, &'input str)>,
    name_ids: HashMap<(u32, &'input str), u32, SeededFx>,
}

impl<'input> Names<'input> {
    pub(super) fn new(hasher: SeededFx) -> Self {
        let mut uri_ids = HashMap::with_capacity_and_hasher(8, hasher);
        uri_ids.insert(Cow::Borrowed(""), 0);
        // An invoice has about 100 distinct names: sized once, rarely rehashed.
        Self {
            uris: vec![Cow::Borrowed("")],
            uri_ids,
            names: Vec::with_capacity(NAMES_CAPACITY),
            name_ids: HashMap::with_capacity_and_hasher(NAMES_CAPACITY, hasher),
        }
    }

    /// The id of `uri` (0 for the empty URI, no namespace).
    pub(super) fn uri(&mut self, uri: Cow<'input, str>) -> u32 {
        if let Some(id) = self.uri_ids.get(uri.as_ref()) {
            return *id;
        }
        let id = u32::try_from(self.uris.len()).unwrap_or(u32::MAX);
        self.uris.push(uri.clone());
        self.uri_ids.insert(uri, id);
        id
    }

    /// The id of the name (`uri`, `local`).
    pub(super) fn intern(&mut self, uri: u32, local: &'input str) -> u32 {
        if let Some(id) = self.name_ids.get(&(uri, local)) {
            return *id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push((uri, local));
        self.name_ids.insert((uri, local), id);
        id
    }

    /// The id of the name, if the document has it.
    pub(super) fn find(&self, namespace: Option<&str>, local: &str) -> Option<NameId> {
        let uri = match namespace {
            None | Some("") => 0,
            Some(ns) => *self.uri_ids.get(ns)?,
        };
        // Maps are covariant in their key: look up with a shorter lifetime.
        let ids: &HashMap<(u32, &str), u32, SeededFx> = &self.name_ids;
        ids.get(&(uri, local)).map(|id| NameId(*id))
    }

    /// The URI of id `uri` (`None` for no namespace).
    pub(super) fn uri_str(&self, uri: u32) -> Option<&str> {
        match uri {
            0 => None,
            _ => self.uris.get(uri as usize).map(AsRef::as_ref),
        }
    }

    /// The URI of id `uri`, `""` for none.
    pub(super) fn uri_or_empty(&self, uri: u32) -> &str {
        self.uris.get(uri as usize).map_or("", AsRef::as_ref)
    }

    /// The namespace and local name of name `id`.
    pub(super) fn name(&self, id: u32) -> (Option<&str>, &'input str) {
        match self.names.get(id as usize) {
            Some(&(uri, local)) => (self.uri_str(uri), local),
            None => (None, ""),
        }
    }

    pub(super) fn heap_bytes(&self) -> usize {
        self.uris.capacity() * 24
            + self.names.capacity() * 24
            + (self.uri_ids.capacity() + self.name_ids.capacity()) * 33
    }
}
