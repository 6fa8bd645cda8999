//! Compiles the rule catalogue (`rules/*.toml`) into a static table
//! (`$OUT_DIR/catalogue.rs`, included by `src/rules/catalogue.rs`), so the
//! catalogue is data checked at build time and costs nothing at run time.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    rule: Vec<Rule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    id: String,
    syntax: String,
    flag: Option<String>,
    flag_ubl: Option<String>,
    flag_cii: Option<String>,
    #[serde(default)]
    terms: Vec<String>,
    kind: String,
    #[serde(default)]
    context: String,
    context_ubl: Option<String>,
    context_cii: Option<String>,
    en: String,
    fr: String,
    /// Where the rule comes from, when not the CEN artefacts.
    #[serde(default)]
    origin: String,
    /// The platform's own wording for the defect (Chorus Pro rules), for any
    /// syntax, or per syntax family.
    platform: Option<String>,
    platform_ubl: Option<String>,
    platform_cii: Option<String>,
}

fn severity(flag: &str, id: &str) -> &'static str {
    match flag {
        "fatal" => "Severity::Fatal",
        "warning" => "Severity::Warning",
        other => panic!("rule {id}: unknown flag {other:?}"),
    }
}

fn main() {
    let dir = Path::new("rules");
    println!("cargo::rerun-if-changed=rules");
    let mut sets: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .filter_map(|p| Some((p.file_stem()?.to_string_lossy().into_owned(), p)))
                .collect()
        })
        .unwrap_or_default();
    sets.sort();
    let mut rules: BTreeMap<String, String> = BTreeMap::new();
    for (set, path) in &sets {
        println!("cargo::rerun-if-changed={}", path.display());
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file: File =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for r in file.rule {
            let (ubl, cii) = match (&r.flag, &r.flag_ubl, &r.flag_cii) {
                (Some(f), None, None) => (severity(f, &r.id), severity(f, &r.id)),
                (None, Some(u), Some(c)) => (severity(u, &r.id), severity(c, &r.id)),
                _ => panic!(
                    "rule {}: give either flag or both flag_ubl and flag_cii",
                    r.id
                ),
            };
            let syntax = match r.syntax.as_str() {
                "both" => "SyntaxScope::Both",
                "ubl" => "SyntaxScope::Ubl",
                "cii" => "SyntaxScope::Cii",
                "any" => "SyntaxScope::Any",
                "facturx" => "SyntaxScope::FacturX",
                other => panic!("rule {}: unknown syntax {other:?}", r.id),
            };
            let kind = match r.kind.as_str() {
                "model" => "RuleKind::Model",
                "codelist" => "RuleKind::CodeList",
                "syntax" => "RuleKind::Syntax",
                "platform" => "RuleKind::Platform",
                "container" => "RuleKind::Container",
                other => panic!("rule {}: unknown kind {other:?}", r.id),
            };
            let context_ubl = r.context_ubl.as_deref().unwrap_or(&r.context);
            let context_cii = r.context_cii.as_deref().unwrap_or(&r.context);
            let platform_ubl = r.platform_ubl.as_ref().or(r.platform.as_ref());
            let platform_cii = r.platform_cii.as_ref().or(r.platform.as_ref());
            let mut entry = String::new();
            let _ = writeln!(
                entry,
                "RuleInfo {{ id: {:?}, set: {:?}, syntax: {syntax}, flag_ubl: {ubl}, flag_cii: {cii}, kind: {kind}, terms: &{:?}, context_ubl: {:?}, context_cii: {:?}, en: {:?}, fr: {:?}, origin: {:?}, platform_ubl: {:?}, platform_cii: {:?} }},",
                r.id,
                set,
                r.terms,
                context_ubl,
                context_cii,
                r.en,
                r.fr,
                r.origin,
                platform_ubl,
                platform_cii
            );
            if rules.insert(r.id.clone(), entry).is_some() {
                panic!("rule {} is catalogued twice", r.id);
            }
        }
    }
    let mut out = String::from(
        "/// Every catalogued rule, sorted by id.\npub static RULES: &[RuleInfo] = &[\n",
    );
    for entry in rules.values() {
        out.push_str(entry);
    }
    out.push_str("];\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("catalogue.rs");
    std::fs::write(&target, out).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
}
