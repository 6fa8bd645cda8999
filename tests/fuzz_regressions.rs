//! Replays, in the normal test build, what the fuzz targets run: every
//! crasher the fuzzers found (kept in `tests/fixtures/fuzz/<target>/`, each
//! fixed in the library) through the target that found it, and the
//! repository's documents through every target. The target bodies are the
//! fuzzers' own (`fuzz/fuzz_targets/entry.rs`), so a crasher replays
//! through exactly the code that found it, without cargo-fuzz.

mod common;

#[path = "../fuzz/fuzz_targets/entry.rs"]
mod entry;

use common::repo_file;
use std::path::{Path, PathBuf};

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn target(name: &str) -> fn(&[u8]) {
    entry::TARGETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
        .unwrap_or_else(|| panic!("tests/fixtures/fuzz/{name}: no fuzz target of that name"))
}

#[test]
fn every_kept_crasher_replays_without_panic_on_its_target() {
    let root = repo_file("tests/fixtures/fuzz");
    let mut replayed = 0;
    for dir in files_under(&root)
        .iter()
        .filter_map(|f| f.parent())
        .collect::<std::collections::BTreeSet<_>>()
    {
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let run = target(name);
        for file in files_under(dir) {
            let bytes = std::fs::read(&file).unwrap();
            run(&bytes);
            replayed += 1;
        }
    }
    // None kept yet: 3-minute runs of every target found no crash.
    eprintln!("{replayed} kept crasher(s) under {}", root.display());
}

#[test]
fn repository_documents_replay_through_every_target() {
    let mut files = files_under(&repo_file("examples"));
    files.extend(
        files_under(&repo_file("tests/fixtures"))
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "xml")),
    );
    assert!(files.len() >= 10, "{files:?}");
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        for (_, run) in entry::TARGETS {
            run(&bytes);
        }
    }
}
