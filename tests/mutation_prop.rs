//! Property tests: no reader (UBL, CII, CPPFacturePivot, CPPFactureMixte,
//! CPPStatut, the detecting reader) and no validation panics on arbitrary
//! bytes or on mutated real documents (byte flips, truncation, element
//! duplication of the files in `examples/` and `tests/fixtures/`). Each
//! input goes through the fuzz targets' bodies (`fuzz/fuzz_targets/entry.rs`),
//! which also write every successful read with every writer and read it back.
//! Case counts are bounded so `cargo test` stays fast; the fuzzers go
//! further (`fuzz/smoke.sh`).

mod common;

#[path = "../fuzz/fuzz_targets/entry.rs"]
mod entry;

use proptest::collection::vec;
use proptest::prelude::*;
use std::sync::LazyLock;

/// A document and the byte ranges of its elements.
type Seed = (Vec<u8>, Vec<std::ops::Range<usize>>);

/// The repository's documents.
static SEEDS: LazyLock<Vec<Seed>> = LazyLock::new(|| {
    let mut files = Vec::new();
    for dir in [
        "examples",
        "tests/fixtures/cpp-pivot",
        "tests/fixtures/cpp-statut",
    ] {
        let dir = common::repo_file(dir);
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "xml"))
            .collect();
        names.sort();
        files.extend(names);
    }
    files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f).unwrap();
            let text = std::str::from_utf8(&bytes).unwrap();
            let ranges = facture::syntax::tree::Document::parse(text)
                .unwrap()
                .descendants()
                .filter(facture::syntax::tree::Node::is_element)
                .map(|n| n.range())
                .collect();
            (bytes, ranges)
        })
        .collect()
});

#[derive(Clone, Debug)]
enum Mutation {
    /// Replace the byte at (position modulo length) with a value.
    Flip(usize, u8),
    /// Keep only the first (position modulo length) bytes.
    Truncate(usize),
    /// Insert a copy of the chosen element right after it.
    Duplicate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        any::<usize>().prop_map(Mutation::Duplicate),
    ]
}

fn apply(seed: usize, mutations: &[Mutation]) -> Vec<u8> {
    let (original, elements) = &SEEDS[seed % SEEDS.len()];
    let mut bytes = original.clone();
    for m in mutations {
        match *m {
            Mutation::Flip(i, b) if !bytes.is_empty() => {
                let i = i % bytes.len();
                bytes[i] = b;
            }
            Mutation::Truncate(i) if !bytes.is_empty() => bytes.truncate(i % bytes.len()),
            Mutation::Duplicate(i) if !elements.is_empty() => {
                // Ranges are of the original; a copy is taken only while
                // they still fall inside the (possibly changed) bytes.
                let range = elements[i % elements.len()].clone();
                if let Some(copy) = bytes.get(range.clone()).map(<[u8]>::to_vec) {
                    bytes.splice(range.end..range.end, copy);
                }
            }
            _ => {}
        }
    }
    bytes
}

fn run_every_target(bytes: &[u8]) {
    for (_, run) in entry::TARGETS {
        run(bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..512)) {
        run_every_target(&bytes);
    }

    #[test]
    fn arbitrary_text_around_xml_never_panics(
        text in "(<[a-zA-Z:]{1,12}( [a-z:]{1,6}=\"[^\"]{0,8}\")?>|</[a-zA-Z:]{1,12}>|[^<]{0,10}){0,40}"
    ) {
        run_every_target(text.as_bytes());
    }

    #[test]
    fn mutated_documents_never_panic(
        seed in any::<usize>(),
        mutations in vec(mutation(), 1..4),
    ) {
        run_every_target(&apply(seed, &mutations));
    }
}

#[test]
fn mutations_change_the_documents() {
    // The generator is not a no-op: duplicating an element makes the
    // document longer, truncating shorter, and a duplicated line of an
    // example still reads (so the readers see deep, valid-looking input).
    let (original, _) = &SEEDS[0];
    assert!(apply(0, &[Mutation::Duplicate(5)]).len() > original.len());
    assert!(apply(0, &[Mutation::Truncate(100)]).len() == 100);
    let doubled = apply(0, &[Mutation::Duplicate(usize::MAX)]);
    assert_ne!(&doubled, original);
    assert!(SEEDS.len() >= 8, "{}", SEEDS.len());
}
