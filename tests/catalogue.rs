//! The rule catalogue `rules/en16931.toml`: its shape, and (when the shared
//! corpus is present) its completeness against the official EN 16931 XSLTs.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    rule: Vec<Rule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    id: String,
    syntax: String,
    flag: Option<String>,
    flag_ubl: Option<String>,
    flag_cii: Option<String>,
    terms: Vec<String>,
    kind: String,
    context: Option<String>,
    context_ubl: Option<String>,
    context_cii: Option<String>,
    en: String,
    fr: String,
}

impl Rule {
    /// The syntaxes the rule exists in.
    fn syntaxes(&self) -> &'static [&'static str] {
        match self.syntax.as_str() {
            "both" => &["ubl", "cii"],
            "ubl" => &["ubl"],
            "cii" => &["cii"],
            other => panic!("{}: bad syntax {other:?}", self.id),
        }
    }

    /// The flag in `syntax`.
    fn flag_in(&self, syntax: &str) -> &str {
        let specific = match syntax {
            "ubl" => self.flag_ubl.as_deref(),
            _ => self.flag_cii.as_deref(),
        };
        specific
            .or(self.flag.as_deref())
            .unwrap_or_else(|| panic!("{}: no flag for {syntax}", self.id))
    }
}

/// The rule families, in catalogue order: (prefix, digits of the number, kind).
const FAMILIES: &[(&str, usize, &str)] = &[
    ("BR", 2, "model"),
    ("BR-B", 2, "model"),
    ("BR-CO", 2, "model"),
    ("BR-DEC", 2, "model"),
    ("BR-S", 2, "model"),
    ("BR-Z", 2, "model"),
    ("BR-E", 2, "model"),
    ("BR-AE", 2, "model"),
    ("BR-IC", 2, "model"),
    ("BR-G", 2, "model"),
    ("BR-O", 2, "model"),
    ("BR-AF", 2, "model"),
    ("BR-AG", 2, "model"),
    ("BR-CL", 2, "codelist"),
    ("UBL-CR", 3, "syntax"),
    ("UBL-SR", 2, "syntax"),
    ("UBL-DT", 2, "syntax"),
    ("CII-SR", 3, "syntax"),
    ("CII-DT", 3, "syntax"),
];

/// Official ids that break their family's number width: the 1.3.16 artefacts
/// (schematron and XSLT alike) spell CII-SR-004 and CII-SR-005 this way,
/// while their message texts say `[CII-SR-004]` and `[CII-SR-005]`.
const IRREGULAR_IDS: &[&str] = &["CII-SR-04", "CII-SR-05"];

/// (family index, number) of an id such as `BR-CO-10`, if it belongs to a family.
fn family_of(id: &str) -> Option<(usize, u32)> {
    let (prefix, number) = id.rsplit_once('-')?;
    let index = FAMILIES.iter().position(|(p, _, _)| *p == prefix)?;
    let digits = if IRREGULAR_IDS.contains(&id) {
        number.len()
    } else {
        FAMILIES[index].1
    };
    if number.len() != digits || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((index, number.parse().ok()?))
}

/// `BT-n`, `BG-n` or `BT-n-m`.
fn is_term(term: &str) -> bool {
    let mut parts = term.split('-');
    let head = parts.next();
    let numbers: Vec<&str> = parts.collect();
    let numeric =
        |s: &&str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0');
    match head {
        Some("BT") => (1..=2).contains(&numbers.len()) && numbers.iter().all(numeric),
        Some("BG") => numbers.len() == 1 && numbers.iter().all(numeric),
        _ => false,
    }
}

fn catalogue() -> Catalogue {
    let path = common::repo_file("rules/en16931.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn catalogue_entries_are_well_formed() {
    let rules = catalogue().rule;
    assert!(!rules.is_empty());
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    let mut previous: Option<(usize, u32)> = None;
    for r in &rules {
        let id = r.id.as_str();
        if !seen.insert(id) {
            problems.push(format!("{id}: duplicate id"));
        }
        let Some(position) = family_of(id) else {
            problems.push(format!("{id}: matches no rule family"));
            continue;
        };
        if previous.is_some_and(|p| p >= position) {
            problems.push(format!(
                "{id}: out of order (families in catalogue order, then by number)"
            ));
        }
        previous = Some(position);
        let (prefix, _, kind) = FAMILIES[position.0];
        if r.kind != kind {
            problems.push(format!("{id}: kind {:?}, expected {kind:?}", r.kind));
        }
        let expected_syntax = match prefix {
            p if p.starts_with("UBL-") => "ubl",
            p if p.starts_with("CII-") => "cii",
            _ => "both",
        };
        if r.syntax != expected_syntax {
            problems.push(format!(
                "{id}: syntax {:?}, expected {expected_syntax:?}",
                r.syntax
            ));
        }
        // Either one flag, or one per syntax for a rule of both syntaxes.
        match (&r.flag, &r.flag_ubl, &r.flag_cii) {
            (Some(_), None, None) => {}
            (None, Some(_), Some(_)) if r.syntax == "both" => {}
            _ => problems.push(format!(
                "{id}: give flag, or flag_ubl and flag_cii for a rule of both syntaxes"
            )),
        }
        for s in r.syntaxes() {
            let f = r.flag_in(s);
            if f != "fatal" && f != "warning" {
                problems.push(format!("{id}: flag {f:?} in {s}"));
            }
        }
        // Either one context, or one per syntax for a rule of both syntaxes.
        match (&r.context, &r.context_ubl, &r.context_cii) {
            (Some(c), None, None) if !c.trim().is_empty() => {}
            (None, Some(u), Some(c))
                if r.syntax == "both" && !u.trim().is_empty() && !c.trim().is_empty() => {}
            _ => problems.push(format!(
                "{id}: give context, or context_ubl and context_cii for a rule of both syntaxes"
            )),
        }
        for (lang, text) in [("en", &r.en), ("fr", &r.fr)] {
            if text.trim().is_empty() || text.contains('\n') {
                problems.push(format!("{id}: {lang} message empty or on several lines"));
            }
        }
        let terms: BTreeSet<&String> = r.terms.iter().collect();
        if terms.len() != r.terms.len() {
            problems.push(format!("{id}: repeated term"));
        }
        for t in &r.terms {
            if !is_term(t) {
                problems.push(format!("{id}: {t:?} is not a BT-n, BG-n or BT-n-m term"));
            }
        }
        if r.kind != "syntax" && r.terms.is_empty() && id != "BR-CL-03" {
            problems.push(format!(
                "{id}: a model or code-list rule names no business term"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "catalogue problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn term_and_family_patterns() {
    for ok in ["BT-1", "BT-106", "BG-25", "BT-29-1"] {
        assert!(is_term(ok), "{ok}");
    }
    for bad in ["BT", "BT-", "BT-01", "BG-5-1", "BT-1-2-3", "bt-1", "BR-1"] {
        assert!(!is_term(bad), "{bad}");
    }
    assert_eq!(
        family_of("BR-CO-10").map(|f| FAMILIES[f.0].0),
        Some("BR-CO")
    );
    assert_eq!(family_of("BR-01").map(|f| FAMILIES[f.0].0), Some("BR"));
    assert_eq!(family_of("UBL-CR-001").map(|f| f.1), Some(1));
    assert_eq!(family_of("UBL-CR-01"), None);
    assert_eq!(family_of("CII-SR-04").map(|f| f.1), Some(4));
    assert_eq!(family_of("CII-SR-06"), None);
    assert_eq!(family_of("BR-IG-01"), None);
}

/// (syntax, id) -> flags of every `svrl:failed-assert` in the official XSLTs.
fn official_assertions(artefacts: &std::path::Path) -> BTreeMap<(String, String), Vec<String>> {
    let mut out: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for syntax in ["ubl", "cii"] {
        let dir = artefacts.join(syntax).join("xslt");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "xslt"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no XSLT in {}", dir.display());
        for file in files {
            let text = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let mut rest = text.as_str();
            while let Some(start) = rest.find("<svrl:failed-assert") {
                let after = &rest[start..];
                let end = after
                    .find("</svrl:failed-assert>")
                    .unwrap_or_else(|| panic!("{}: unterminated failed-assert", file.display()));
                let block = &after[..end];
                let id = value_of(block, "id")
                    .unwrap_or_else(|| panic!("{}: failed-assert without id", file.display()));
                let flag = value_of(block, "flag")
                    .unwrap_or_else(|| panic!("{}: {id} without flag", file.display()));
                out.entry((syntax.to_string(), id)).or_default().push(flag);
                rest = &after[end..];
            }
        }
    }
    out
}

/// The value of `name` in a failed-assert block, written either as an
/// attribute (`name="…"`) or as `<xsl:attribute name="name">…</xsl:attribute>`.
fn value_of(block: &str, name: &str) -> Option<String> {
    let child = format!("<xsl:attribute name=\"{name}\">");
    if let Some(i) = block.find(&child) {
        let v = &block[i + child.len()..];
        return Some(v[..v.find('<')?].trim().to_string());
    }
    let open_tag = &block[..block.find('>')?];
    let attribute = format!(" {name}=\"");
    let i = open_tag.find(&attribute)?;
    let v = &open_tag[i + attribute.len()..];
    Some(v[..v.find('"')?].to_string())
}

#[test]
fn catalogue_matches_the_official_xslt() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let official = official_assertions(&shared.join("en16931"));
    let mut problems = Vec::new();
    let mut expected = BTreeSet::new();
    for ((syntax, id), flags) in &official {
        if flags.len() > 1 {
            problems.push(format!(
                "{syntax}: {id} asserted {} times in the XSLT",
                flags.len()
            ));
        }
        for f in flags {
            expected.insert((id.clone(), syntax.clone(), f.clone()));
        }
    }
    let mut declared = BTreeSet::new();
    for r in catalogue().rule {
        for s in r.syntaxes() {
            declared.insert((r.id.clone(), s.to_string(), r.flag_in(s).to_string()));
        }
    }
    for missing in expected.difference(&declared) {
        problems.push(format!("official {missing:?} missing from the catalogue"));
    }
    for extra in declared.difference(&expected) {
        problems.push(format!("catalogue {extra:?} not in the official XSLT"));
    }
    assert!(
        problems.is_empty(),
        "catalogue vs official XSLT:\n{}",
        problems.join("\n")
    );
}

/// Every EN 16931 id of the catalogue is checked by some rule family, for
/// both syntaxes: a report never lists a rule as "not checked", and the
/// bundled examples come out "valid" (not "incomplete").
#[test]
fn every_catalogued_rule_is_checked() {
    for example in [
        "examples/ubl-invoice.xml",
        "examples/ubl-credit-note.xml",
        "examples/cii-invoice.xml",
        "examples/cii-credit-note.xml",
    ] {
        let bytes = std::fs::read(common::repo_file(example)).expect("example");
        let report = facture::validate_bytes(&bytes, &facture::Profile::En16931).expect("readable");
        assert!(
            report.not_checked.is_empty(),
            "{example}: not checked: {:?}",
            report.not_checked
        );
        assert_eq!(
            report.verdict(),
            facture::rules::Verdict::Valid,
            "{example}"
        );
    }
}
