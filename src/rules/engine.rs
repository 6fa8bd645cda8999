//! Running the rules: the [`Checker`] rules report into, and the families
//! of rules each profile runs.

use super::catalogue::{self, RuleInfo};
use super::report::{Finding, Location, Report};
use crate::model::{Invoice, SourceMap, Span, TermPath, TextPos};
use crate::syntax::{Syntax, node::xml_path};
use std::sync::{OnceLock, RwLock};

/// The validation profile: which rule sets run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Profile {
    /// The EN 16931 rules of the CEN/TC 434 artefacts (business rules, code
    /// lists, and the syntax rules of the document's syntax).
    #[default]
    En16931,
}

impl Profile {
    /// The catalogue sets this profile runs.
    pub fn sets(&self) -> &'static [&'static str] {
        match self {
            Profile::En16931 => &["en16931"],
        }
    }
}

/// Where a finding points before it is resolved to a line and column.
#[derive(Clone, Copy, Debug)]
enum Anchor {
    /// A term or group of the model.
    Term(TermPath),
    /// A byte range of the document (syntax rules).
    Span(Span),
}

/// What a rule reports into.
#[derive(Debug)]
pub struct Checker<'a> {
    syntax: Option<Syntax>,
    source_map: Option<&'a SourceMap>,
    fired: Vec<(&'static str, Anchor)>,
}

impl<'a> Checker<'a> {
    pub(crate) fn new(syntax: Option<Syntax>) -> Self {
        Self {
            syntax,
            source_map: None,
            fired: Vec::new(),
        }
    }

    pub(crate) fn with_source(syntax: Option<Syntax>, source_map: &'a SourceMap) -> Self {
        Self {
            syntax,
            source_map: Some(source_map),
            fired: Vec::new(),
        }
    }

    /// Whether the element of a top-level group (BG-4 seller, BG-7 buyer,
    /// BG-22 totals) was present in the document, even empty — which the
    /// model, where these groups always exist, cannot say. `None` for a
    /// bare model: the rule then decides from the group's content.
    pub fn group_read(&self, group: crate::model::Term) -> Option<bool> {
        let path = TermPath::of(group);
        self.source_map
            .map(|map| map.entries().iter().any(|(p, _)| *p == path))
    }

    /// The syntax of the document being checked (`None` for a bare model).
    pub fn syntax(&self) -> Option<Syntax> {
        self.syntax
    }

    /// Rule `id` fired on the model term or group at `path`.
    pub fn fire(&mut self, id: &'static str, path: TermPath) {
        self.fired.push((id, Anchor::Term(path)));
    }

    /// The ids fired so far, in firing order (with repetitions).
    pub fn fired_ids(&self) -> Vec<&'static str> {
        self.fired.iter().map(|(id, _)| *id).collect()
    }

    /// Rule `id` fired on the document bytes `span` (for syntax rules).
    pub fn fire_at(&mut self, id: &'static str, span: Span) {
        self.fired.push((id, Anchor::Span(span)));
    }
}

/// A family of rules checked by one function over the model.
pub(crate) struct ModelFamily {
    /// The ids the function can fire (and so has checked when it ran).
    pub ids: &'static [&'static str],
    /// The check.
    pub check: fn(&Invoice, &mut Checker<'_>),
}

/// A family of rules checked by one function over the XML document.
pub(crate) struct SyntaxFamily {
    /// The syntax family (`ubl`, `cii`) the rules are for.
    pub syntax: &'static str,
    /// The ids the function can fire.
    pub ids: &'static [&'static str],
    /// The check.
    pub check: fn(&roxmltree::Document<'_>, &mut Checker<'_>),
}

/// The model rule families.
pub(crate) const MODEL_FAMILIES: &[ModelFamily] = super::en16931::FAMILIES;

/// The syntax rule families.
pub(crate) const SYNTAX_FAMILIES: &[SyntaxFamily] = &[
    crate::syntax::ubl::rules::FAMILY,
    crate::syntax::ubl::rules::currency::FAMILY,
    crate::syntax::cii::rules::FAMILY,
    crate::syntax::cii::rules::currency::FAMILY,
];

fn applicable(
    profile: &Profile,
    syntax: Option<Syntax>,
) -> impl Iterator<Item = &'static RuleInfo> {
    let sets = profile.sets();
    catalogue::all()
        .iter()
        .filter(move |r| sets.contains(&r.set) && r.applies_to(syntax))
        .filter(move |r| syntax.is_some() || r.kind != catalogue::RuleKind::Syntax)
}

/// Every applicable rule of a profile for a syntax (what `not_checked`
/// lists when nothing could run).
pub(crate) fn applicable_ids(profile: &Profile, syntax: Option<Syntax>) -> Vec<&'static str> {
    applicable(profile, syntax).map(|rule| rule.id).collect()
}

/// The applicable rules that no family checks, for a profile, a syntax and
/// whether the document tree is there (syntax rules need it). It depends
/// only on the code, so it is computed once per combination.
fn not_checked(profile: &Profile, syntax: Option<Syntax>, with_tree: bool) -> Vec<&'static str> {
    type Key = (Profile, Option<Syntax>, bool);
    type Entries = Vec<(Key, Vec<&'static str>)>;
    static CACHE: OnceLock<RwLock<Entries>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| RwLock::new(Vec::new()));
    let key = (profile.clone(), syntax, with_tree);
    if let Ok(entries) = cache.read()
        && let Some((_, ids)) = entries.iter().find(|(k, _)| *k == key)
    {
        return ids.clone();
    }
    let mut checked: Vec<&'static str> = MODEL_FAMILIES
        .iter()
        .flat_map(|f| f.ids.iter().copied())
        .collect();
    if let (true, Some(syntax)) = (with_tree, syntax) {
        checked.extend(
            SYNTAX_FAMILIES
                .iter()
                .filter(|f| f.syntax == syntax.family())
                .flat_map(|f| f.ids.iter().copied()),
        );
    }
    checked.sort_unstable();
    checked.dedup();
    let ids: Vec<&'static str> = applicable(profile, syntax)
        .filter(|rule| checked.binary_search(&rule.id).is_err())
        .map(|rule| rule.id)
        .collect();
    if let Ok(mut entries) = cache.write() {
        entries.push((key, ids.clone()));
    }
    ids
}

/// The document context needed to turn anchors into locations.
pub(crate) struct Source<'a, 'input> {
    pub text: &'input str,
    pub doc: &'a roxmltree::Document<'input>,
    pub source_map: &'a SourceMap,
}

/// Runs the profile's rules over the model (and the document, when given)
/// and builds the report.
pub(crate) fn run(
    invoice: &Invoice,
    syntax: Option<Syntax>,
    source: Option<&Source<'_, '_>>,
    profile: &Profile,
) -> Report {
    let mut checker = match source {
        Some(s) => Checker::with_source(syntax, s.source_map),
        None => Checker::new(syntax),
    };
    for family in MODEL_FAMILIES {
        (family.check)(invoice, &mut checker);
    }
    let with_tree = source.is_some() && syntax.is_some();
    if let (Some(source), Some(syntax)) = (source, syntax) {
        for family in SYNTAX_FAMILIES
            .iter()
            .filter(|f| f.syntax == syntax.family())
        {
            (family.check)(source.doc, &mut checker);
        }
    }

    let mut report = Report {
        syntax,
        not_checked: not_checked(profile, syntax, with_tree),
        ..Report::default()
    };
    for (id, anchor) in checker.fired {
        let Some(rule) = catalogue::rule(id) else {
            debug_assert!(false, "rule {id} fired but is not catalogued");
            continue;
        };
        if !profile.sets().contains(&rule.set) || !rule.applies_to(syntax) {
            continue;
        }
        let (path, location) = match anchor {
            Anchor::Term(path) => (
                Some(path),
                source.and_then(|s| s.source_map.span_near(&path).map(|span| locate(s, span))),
            ),
            Anchor::Span(span) => (None, source.map(|s| locate(s, span))),
        };
        report.findings.push(Finding {
            rule: rule.id,
            severity: rule.severity(syntax),
            terms: rule.terms,
            path,
            location,
            message_en: rule.en,
            message_fr: rule.fr,
            detail: None,
        });
    }
    report.findings.sort_by(|a, b| {
        let pos = |f: &Finding| f.location.as_ref().map(|l| (l.line, l.column));
        a.rule.cmp(b.rule).then_with(|| pos(a).cmp(&pos(b)))
    });
    report
}

fn locate(source: &Source<'_, '_>, span: Span) -> Location {
    let pos = TextPos::at(source.text, span.start as usize);
    let start = span.start as usize;
    let xpath = source
        .doc
        .descendants()
        .find(|n| n.is_element() && n.range().start == start)
        .map(xml_path)
        .unwrap_or_default();
    Location {
        line: pos.line,
        column: pos.column,
        xpath,
    }
}
