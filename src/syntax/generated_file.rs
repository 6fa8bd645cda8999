//! The check shared by the build-time tables the crate generates from its
//! own sources (`src/syntax/{ubl,cii}/rules/compiled.rs`): the file in the
//! tree must be what the generator writes now.

/// Fails unless the file at `relative` (from the crate root) is `want`;
/// with `FACTURE_REGENERATE` set, writes `want` there first.
pub(crate) fn assert_generated(relative: &str, want: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("FACTURE_REGENERATE").is_some() {
        std::fs::write(&path, want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is not the parsed table: regenerate it with \
         FACTURE_REGENERATE=1 cargo test --lib compiled_table_is_the_parsed_table",
        path.display()
    );
}
