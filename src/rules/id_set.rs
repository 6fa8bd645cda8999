//! A set of rule ids with a cheap hash: rule ids are short ASCII strings
//! hashed a thousand times per process (the rules no family checks), where
//! the standard SipHash cost more than the rest of the lookup. The hash is
//! the XML tree's Fx hash, unseeded: these are the program's own ids.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// A set of rule ids.
pub(crate) type IdSet = HashSet<&'static str, BuildHasherDefault<crate::syntax::tree::FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_differ_hash_apart_and_are_found() {
        let ids = [
            "BR-01",
            "BR-02",
            "BR-CO-10",
            "UBL-CR-001",
            "UBL-CR-0010",
            "",
        ];
        let set: IdSet = ids.iter().copied().collect();
        assert_eq!(set.len(), ids.len());
        for id in ids {
            assert!(set.contains(id), "{id}");
        }
        assert!(!set.contains("BR-03"));
        assert!(!set.contains("BR-0"));
    }
}
