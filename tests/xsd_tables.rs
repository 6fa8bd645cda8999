//! The structural tables (`src/syntax/xsd/tables/`) are what
//! `tools/xsd-gen` writes from the schemas in the shared corpus, and every
//! pattern in them is one the native matcher reads.

mod common;

use facture::syntax::xsd::{pattern::Pattern, schema::Term, tables};

#[test]
fn tables_equal_the_generator_output() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let out = std::process::Command::new("python3")
        .arg(common::repo_file("tools/xsd-gen"))
        .arg("--check")
        .env("FACTURE_SHARED", &shared)
        .output()
        .expect("python3 runs tools/xsd-gen");
    assert!(
        out.status.success(),
        "the tables differ from the schemas in {}: {}",
        shared.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_pattern_parses_and_every_index_resolves() {
    for schema in tables::ALL.iter().chain(tables::FACTURX) {
        for p in schema.patterns {
            assert!(Pattern::parse(p).is_ok(), "{}: pattern {p:?}", schema.name);
        }
        assert!(!schema.roots.is_empty(), "{}", schema.name);
        for particle in schema.particles {
            let ok = match particle.term {
                Term::Element(e) => (e as usize) < schema.elements.len(),
                Term::Any(w) => (w as usize) < schema.wildcards.len(),
                Term::Sequence(start, len) | Term::Choice(start, len) => {
                    (start + len) as usize <= schema.members.len()
                }
            };
            assert!(ok, "{}: {particle:?}", schema.name);
        }
        for m in schema.members {
            assert!((*m as usize) < schema.particles.len(), "{}", schema.name);
        }
        for c in schema.complex {
            let (start, len) = c.attributes;
            assert!((start + len) as usize <= schema.attribute_uses.len());
        }
        // Global declarations are sorted for binary search.
        let keys: Vec<(&str, &str)> = schema
            .globals
            .iter()
            .map(|i| {
                let e = &schema.elements[*i as usize];
                (schema.uri(e.ns), e.name())
            })
            .collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{}", schema.name);
        for (uri, name) in keys {
            assert!(schema.global(uri, name).is_some());
        }
    }
}
