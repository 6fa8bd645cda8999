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

/// One rule as the generated table holds it.
struct Entry {
    id: String,
    set: String,
    syntax: &'static str,
    ubl: &'static str,
    cii: &'static str,
    kind: &'static str,
    terms: Vec<String>,
    context_ubl: String,
    context_cii: String,
    en: String,
    fr: String,
    origin: String,
    platform_ubl: Option<String>,
    platform_cii: Option<String>,
}

/// The strings of the table, each stored once in one text, and referred to
/// by offset and length: the table holds no pointer, so it needs no
/// relocation when the program is loaded (a table of `&str` needed one per
/// string, ten thousand for the catalogue).
#[derive(Default)]
struct Text {
    text: String,
    at: std::collections::HashMap<String, usize>,
}

impl Text {
    /// `Text { at, len }` of `s`, added to the text the first time.
    fn span(&mut self, s: &str) -> String {
        let at = match self.at.get(s) {
            Some(at) => *at,
            None => {
                let at = self.text.len();
                self.text.push_str(s);
                self.at.insert(s.to_owned(), at);
                at
            }
        };
        format!("Text::new({at}, {})", s.len())
    }

    fn option(&mut self, s: Option<&String>) -> String {
        s.map_or_else(|| "Text::NONE".to_owned(), |s| self.span(s))
    }
}

fn render<'a>(rules: impl Iterator<Item = &'a Entry>) -> String {
    let mut text = Text::default();
    let mut terms: Vec<String> = Vec::new();
    let mut sets: Vec<String> = Vec::new();
    let mut table = String::new();
    let mut count = 0;
    for r in rules {
        count += 1;
        let set = sets.iter().position(|s| *s == r.set).unwrap_or_else(|| {
            sets.push(r.set.clone());
            sets.len() - 1
        });
        let first = terms.len();
        for t in &r.terms {
            terms.push(text.span(t));
        }
        let _ = writeln!(
            table,
            "RuleInfo {{ id: {}, set: {}, syntax: {}, flag_ubl: {}, flag_cii: {}, kind: {}, terms: Terms::new({first}, {}), context_ubl: {}, context_cii: {}, en: {}, fr: {}, origin: {}, platform_ubl: {}, platform_cii: {} }},",
            text.span(&r.id),
            set,
            r.syntax,
            r.ubl,
            r.cii,
            r.kind,
            r.terms.len(),
            text.span(&r.context_ubl),
            text.span(&r.context_cii),
            text.span(&r.en),
            text.span(&r.fr),
            text.span(&r.origin),
            text.option(r.platform_ubl.as_ref()),
            text.option(r.platform_cii.as_ref()),
        );
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// Every catalogued rule, sorted by id.\nstatic RULES: [RuleInfo; {count}] = [\n{table}];\n"
    );
    let _ = writeln!(
        out,
        "/// The business terms of the rules, each rule's in a run.\nstatic TERMS: [Text; {}] = [{}];\n",
        terms.len(),
        terms.join(", ")
    );
    let sets: Vec<String> = sets.iter().map(|s| text.span(s)).collect();
    let _ = writeln!(
        out,
        "/// The rule sets (catalogue files), by index.\nstatic SETS: [Text; {}] = [{}];\n",
        sets.len(),
        sets.join(", ")
    );
    let _ = writeln!(
        out,
        "/// Every string of the catalogue.\nconst TEXT: &str = {:?};",
        text.text
    );
    out
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
    let mut rules: BTreeMap<String, Entry> = BTreeMap::new();
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
            let entry = Entry {
                id: r.id.clone(),
                set: set.clone(),
                syntax,
                ubl,
                cii,
                kind,
                terms: r.terms.clone(),
                context_ubl: context_ubl.to_owned(),
                context_cii: context_cii.to_owned(),
                en: r.en.clone(),
                fr: r.fr.clone(),
                origin: r.origin.clone(),
                platform_ubl: platform_ubl.cloned(),
                platform_cii: platform_cii.cloned(),
            };
            if rules.insert(r.id.clone(), entry).is_some() {
                panic!("rule {} is catalogued twice", r.id);
            }
        }
    }
    let out = render(rules.values());
    let target =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("catalogue.rs");
    std::fs::write(&target, out).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
}
