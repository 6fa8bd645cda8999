//! Running the rules: the [`Checker`] rules report into, and the families
//! of rules each profile runs.

use super::catalogue::{self, RuleInfo};
use super::locate::Locator;
use super::report::{Detail, Finding, Report};
use crate::model::{Invoice, SourceMap, Span, TermPath};
use crate::syntax::{Syntax, Unreadable};
use std::sync::{OnceLock, RwLock};

/// The validation profile: which rule sets run.
///
/// ```
/// use facture::Profile;
/// use facture::rules::chorus_pro::{ChorusPro, RecipientParameters};
/// let en = Profile::En16931;
/// assert_eq!(en.sets(), ["en16931"]);
/// let chorus = Profile::ChorusPro(ChorusPro {
///     recipient: Some(RecipientParameters { service_code_required: true, ..Default::default() }),
///     ..ChorusPro::default()
/// });
/// assert_eq!(chorus.sets(), ["en16931", "chorus-pro"]);
/// assert_eq!(chorus.name(), "chorus-pro");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Profile {
    /// The EN 16931 rules of the CEN/TC 434 artefacts (business rules, code
    /// lists, and the syntax rules of the document's syntax).
    #[default]
    En16931,
    /// EN 16931 plus the Chorus Pro rules (`rules/chorus-pro.toml`): what
    /// the platform checks before it accepts an invoice, with what it knows
    /// of the recipient.
    ChorusPro(super::chorus_pro::ChorusPro),
    /// The EN 16931 rules and the Factur-X profile rules (`FX-PROFILE-*`,
    /// `rules/facturx.toml`); for a Factur-X PDF, also the container checks
    /// (`FX-PDF-*`). A Factur-X PDF gets the Factur-X rules whatever the
    /// profile.
    FacturX,
}

impl Profile {
    /// The Chorus Pro profile with no recipient parameters (the rules that
    /// need them are reported as not checked).
    pub fn chorus_pro() -> Self {
        Profile::ChorusPro(super::chorus_pro::ChorusPro::default())
    }

    /// The catalogue sets this profile runs.
    pub fn sets(&self) -> &'static [&'static str] {
        match self {
            Profile::En16931 => &["en16931"],
            Profile::ChorusPro(_) => &["en16931", "chorus-pro"],
            Profile::FacturX => &["en16931", "facturx"],
        }
    }

    /// The profile's name on the command line and in reports.
    pub fn name(&self) -> &'static str {
        match self {
            Profile::En16931 => "en16931",
            Profile::ChorusPro(_) => "chorus-pro",
            Profile::FacturX => "factur-x",
        }
    }

    fn chorus(&self) -> Option<&super::chorus_pro::ChorusPro> {
        match self {
            Profile::ChorusPro(c) => Some(c),
            Profile::En16931 | Profile::FacturX => None,
        }
    }
}

/// The sets that run on one invoice: the profile's, plus `facturx` for a
/// Factur-X PDF; when the Factur-X rules run on an invoice whose BT-24 is
/// Factur-X MINIMUM or BASIC WL, which are not EN 16931 invoices, the
/// EN 16931 set does not (`FX-PROFILE-01` says so).
fn active_sets(profile: &Profile, syntax: Option<Syntax>, invoice: &Invoice) -> Vec<&'static str> {
    let mut sets = profile.sets().to_vec();
    if syntax == Some(Syntax::FacturX) && !sets.contains(&"facturx") {
        sets.push("facturx");
    }
    if sets.contains(&"facturx")
        && crate::syntax::facturx::FacturXProfile::of(invoice).is_some_and(|p| !p.is_en16931())
    {
        sets.retain(|s| *s != "en16931");
    }
    sets
}

/// Where a finding points before it is resolved to a line and column.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Anchor {
    /// A term or group of the model.
    Term(TermPath),
    /// A byte range of the document (syntax rules).
    Span(Span),
    /// The container of the document (the PDF of a Factur-X invoice): no
    /// position in the XML.
    Container,
}

/// What a rule reports into.
#[derive(Debug)]
pub struct Checker<'a> {
    syntax: Option<Syntax>,
    source_map: Option<&'a SourceMap>,
    unreadable: &'a [Unreadable],
    /// Whether the syntax families run after the model families (a
    /// document is being validated, not a bare model).
    tree: bool,
    /// The rule sets whose findings are kept (empty: not known yet).
    sets: Vec<&'static str>,
    fired: Vec<(&'static str, Anchor)>,
    /// Specifics of some findings, by their index in `fired`.
    details: Vec<(usize, Detail)>,
}

impl<'a> Checker<'a> {
    pub(crate) fn new(syntax: Option<Syntax>) -> Self {
        Self {
            syntax,
            source_map: None,
            unreadable: &[],
            tree: false,
            sets: Vec::new(),
            fired: Vec::new(),
            details: Vec::new(),
        }
    }

    pub(crate) fn with_source(
        syntax: Option<Syntax>,
        source_map: &'a SourceMap,
        unreadable: &'a [Unreadable],
    ) -> Self {
        Self {
            syntax,
            source_map: Some(source_map),
            unreadable,
            tree: syntax.is_some(),
            sets: Vec::new(),
            fired: Vec::new(),
            details: Vec::new(),
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

    /// Whether the term at `path` was in the document with a value a lenient
    /// read could not read (so it is `None` in the model): it exists for the
    /// official `exists(…)` tests, though its value cannot be used.
    pub fn unreadable(&self, path: &TermPath) -> bool {
        self.unreadable_value(path).is_some()
    }

    /// The value as written of an unreadable term (see [`Self::unreadable`]),
    /// for tests on the string itself such as `string-length(…)`.
    pub fn unreadable_value(&self, path: &TermPath) -> Option<&str> {
        self.unreadable
            .iter()
            .find(|u| u.term.as_ref() == Some(path))
            .map(|u| u.value.as_str())
    }

    /// The syntax of the document being checked (`None` for a bare model).
    pub fn syntax(&self) -> Option<Syntax> {
        self.syntax
    }

    /// Whether model rule `id` is checked on the document tree for this
    /// document, by a syntax family that declares it in
    /// its `replaces` list: the model family must then leave it
    /// alone. That is the case of the rules whose official contexts depend
    /// on XML details the model does not keep (an element repeated where
    /// the model holds one term, an allowance without its charge
    /// indicator, the currency written on an amount).
    pub fn checked_on_tree(&self, id: &str) -> bool {
        self.tree
            && self.syntax.is_some_and(|syntax| {
                SYNTAX_FAMILIES
                    .iter()
                    .any(|f| f.syntax == syntax.family() && f.replaces.contains(&id))
            })
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

    /// Rule `id` fired on the document bytes `span`, with the specifics of
    /// this occurrence (what was found, what was expected).
    pub fn fire_at_with(&mut self, id: &'static str, span: Span, detail: Detail) {
        self.details.push((self.fired.len(), detail));
        self.fired.push((id, Anchor::Span(span)));
    }

    /// Whether the findings of rule set `set` are kept for this invoice
    /// (families whose work is costly skip it otherwise). True when the
    /// active sets are not known (a checker built outside [`run`]).
    pub fn runs(&self, set: &str) -> bool {
        self.sets.is_empty() || self.sets.contains(&set)
    }

    /// The ids fired so far with where they fired, for families that
    /// restate other rules (the Factur-X ids of EN 16931 rules).
    pub(crate) fn fired_anchors(&self) -> Vec<(&'static str, Anchor)> {
        self.fired.clone()
    }

    /// Rule `id` fired where another finding fired (see
    /// [`Self::fired_anchors`]).
    pub(crate) fn fire_anchor(&mut self, id: &'static str, anchor: Anchor) {
        self.fired.push((id, anchor));
    }

    /// Rule `id` fired on the container of the document (the PDF).
    pub fn fire_container(&mut self, id: &'static str) {
        self.fired.push((id, Anchor::Container));
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
    /// Model rules (also in `ids`) this family checks in full on the tree
    /// for its syntax, in place of their model family (see
    /// [`Checker::checked_on_tree`]).
    pub replaces: &'static [&'static str],
    /// The check.
    pub check: fn(&crate::syntax::tree::Document<'_>, &mut Checker<'_>),
}

/// A family of rules checked by one function over the container of the
/// document (a Factur-X PDF) and the invoice it holds.
pub(crate) struct ContainerFamily {
    /// The ids the function can fire.
    pub ids: &'static [&'static str],
    /// The check.
    pub check: fn(&crate::syntax::facturx::Extracted, &Invoice, &mut Checker<'_>),
}

/// The model rule families, per rule set.
pub(crate) const MODEL_FAMILIES: &[&[ModelFamily]] =
    &[super::en16931::FAMILIES, super::facturx::FAMILIES];

/// Families that run after all others and restate what they fired (the
/// official Factur-X ids of the EN 16931 rules on MINIMUM and BASIC WL
/// invoices).
pub(crate) const RESTATING_FAMILIES: &[ModelFamily] = &[super::facturx::RESTATED];

/// The container rule families.
pub(crate) const CONTAINER_FAMILIES: &[ContainerFamily] = &[super::facturx::CONTAINER];

fn model_families() -> impl Iterator<Item = &'static ModelFamily> {
    MODEL_FAMILIES.iter().flat_map(|f| f.iter())
}

/// A family of Chorus Pro rules: checked over the model with what the
/// profile knows of the recipient and the deposit.
pub(crate) struct ChorusFamily {
    /// The ids the function can fire.
    pub ids: &'static [&'static str],
    /// Whether the family needs the recipient's parameters (otherwise its
    /// ids are reported as not checked).
    pub needs_recipient: bool,
    /// The check.
    pub check: fn(&Invoice, &super::chorus_pro::Context<'_>, &mut Checker<'_>),
}

/// The syntax rule families.
pub(crate) const SYNTAX_FAMILIES: &[SyntaxFamily] = &[
    crate::syntax::ubl::rules::FAMILY,
    crate::syntax::ubl::rules::currency::FAMILY,
    crate::syntax::ubl::rules::business::FAMILY,
    crate::syntax::cii::rules::FAMILY,
    crate::syntax::cii::rules::currency::FAMILY,
    crate::syntax::cii::rules::business::FAMILY,
    super::facturx::SCHEMA_FAMILY,
    super::facturx::codes::FAMILY,
    super::facturx::extended::FAMILY,
];

fn applicable(
    sets: &[&'static str],
    syntax: Option<Syntax>,
) -> impl Iterator<Item = &'static RuleInfo> {
    let sets = catalogue::SetMask::of(sets);
    catalogue::all()
        .iter()
        .filter(move |r| r.in_sets(sets) && r.applies_to(syntax))
        .filter(move |r| syntax.is_some() || r.kind != catalogue::RuleKind::Syntax)
}

/// Every applicable rule of a profile for a syntax (what `not_checked`
/// lists when nothing could run).
pub(crate) fn applicable_ids(profile: &Profile, syntax: Option<Syntax>) -> Vec<&'static str> {
    applicable(profile.sets(), syntax)
        .map(|rule| rule.id())
        .collect()
}

/// The applicable rules that no family checks, for a profile, the rule sets
/// active on the invoice, a syntax, and whether the document tree is there
/// (syntax rules need it) and its container (container rules need it). It
/// depends only on the code, so it is computed once per combination.
fn not_checked(
    profile: &Profile,
    sets: &[&'static str],
    syntax: Option<Syntax>,
    with_tree: bool,
    with_container: bool,
) -> Vec<&'static str> {
    type Key = (
        &'static str,
        bool,
        Vec<&'static str>,
        Option<Syntax>,
        bool,
        bool,
    );
    type Entries = Vec<(Key, Vec<&'static str>)>;
    static CACHE: OnceLock<RwLock<Entries>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| RwLock::new(Vec::new()));
    let recipient = profile.chorus().is_some_and(|c| c.recipient.is_some());
    let key = (
        profile.name(),
        recipient,
        sets.to_vec(),
        syntax,
        with_tree,
        with_container,
    );
    if let Ok(entries) = cache.read()
        && let Some((_, ids)) = entries.iter().find(|(k, _)| *k == key)
    {
        return ids.clone();
    }
    let mut checked: Vec<&'static str> = model_families()
        .chain(RESTATING_FAMILIES)
        .flat_map(|f| f.ids.iter().copied())
        .collect();
    if profile.chorus().is_some() {
        checked.extend(
            super::chorus_pro::FAMILIES
                .iter()
                .filter(|f| recipient || !f.needs_recipient)
                .flat_map(|f| f.ids.iter().copied()),
        );
    }
    if let (true, Some(syntax)) = (with_tree, syntax) {
        checked.extend(
            SYNTAX_FAMILIES
                .iter()
                .filter(|f| f.syntax == syntax.xml_syntax().family())
                .flat_map(|f| f.ids.iter().copied()),
        );
    }
    if with_container {
        checked.extend(
            CONTAINER_FAMILIES
                .iter()
                .flat_map(|f| f.ids.iter().copied()),
        );
    }
    // A set rather than a sorted list: sorting ~2 000 ids by string
    // comparison was a tenth of a one-file process.
    let checked: super::id_set::IdSet = checked.into_iter().collect();
    let ids: Vec<&'static str> = applicable(sets, syntax)
        .filter(|rule| !checked.contains(rule.id()))
        .map(|rule| rule.id())
        .collect();
    if let Ok(mut entries) = cache.write() {
        entries.push((key, ids.clone()));
    }
    ids
}

/// The document context needed to turn anchors into locations.
pub(crate) struct Source<'a, 'input> {
    pub text: &'input str,
    pub doc: &'a crate::syntax::tree::Document<'input>,
    pub source_map: &'a SourceMap,
    pub unreadable: &'a [Unreadable],
    /// The PDF the document was extracted from (Factur-X), if any.
    pub container: Option<&'a crate::syntax::facturx::Extracted>,
}

/// Runs the profile's rules over the model (and the document, when given)
/// and builds the report.
pub(crate) fn run(
    invoice: &Invoice,
    syntax: Option<Syntax>,
    source: Option<&Source<'_, '_>>,
    profile: &Profile,
    input_bytes: Option<u64>,
) -> Report {
    // The rules see the XML syntax (the embedded CII of a Factur-X PDF);
    // the catalogue and the report see the document's syntax.
    let xml_syntax = syntax.map(Syntax::xml_syntax);
    let mut checker = match source {
        Some(s) => Checker::with_source(xml_syntax, s.source_map, s.unreadable),
        None => Checker::new(xml_syntax),
    };
    let sets = active_sets(profile, syntax, invoice);
    checker.sets.clone_from(&sets);
    for family in model_families() {
        (family.check)(invoice, &mut checker);
    }
    if let Some(options) = profile.chorus() {
        let context = super::chorus_pro::Context::new(options, input_bytes);
        for family in super::chorus_pro::FAMILIES
            .iter()
            .filter(|f| options.recipient.is_some() || !f.needs_recipient)
        {
            (family.check)(invoice, &context, &mut checker);
        }
    }
    let with_tree = source.is_some() && syntax.is_some();
    if let (Some(source), Some(xml_syntax)) = (source, xml_syntax) {
        for family in SYNTAX_FAMILIES
            .iter()
            .filter(|f| f.syntax == xml_syntax.family())
        {
            (family.check)(source.doc, &mut checker);
        }
    }
    let container = source.and_then(|s| s.container);
    if let Some(container) = container {
        for family in CONTAINER_FAMILIES {
            (family.check)(container, invoice, &mut checker);
        }
    }
    for restate in RESTATING_FAMILIES {
        (restate.check)(invoice, &mut checker);
    }
    let mut report = Report {
        syntax,
        profile: profile.name(),
        not_checked: not_checked(profile, &sets, syntax, with_tree, container.is_some()),
        ..Report::default()
    };
    let kept = super::facturx::kept_en16931(&sets, invoice);
    let dropped = super::facturx::dropped_en16931(&sets, invoice);
    // Indexes the document once there are many findings to locate.
    let mut locator: Option<Locator<'_, '_>> = None;
    let mut details = checker.details.into_iter().peekable();
    for (index, (id, anchor)) in checker.fired.into_iter().enumerate() {
        let detail = details
            .next_if(|(at, _)| *at == index)
            .map(|(_, detail)| detail);
        let Some(rule) = catalogue::rule(id) else {
            debug_assert!(false, "rule {id} fired but is not catalogued");
            continue;
        };
        let kept = rule.set() == "en16931" && kept.contains(rule.id());
        let dropped = rule.set() == "en16931" && dropped.contains(rule.id());
        if !(sets.contains(&rule.set()) || kept) || dropped || !rule.applies_to(syntax) {
            continue;
        }
        let locator = source
            .map(|s| locator.get_or_insert_with(|| Locator::new(s.text, s.doc, s.source_map)));
        let (path, location) = match (anchor, locator) {
            (Anchor::Term(path), Some(l)) => (Some(path), l.span_near(&path).map(|s| l.locate(s))),
            (Anchor::Term(path), None) => (Some(path), None),
            (Anchor::Span(span), l) => (None, l.map(|l| l.locate(span))),
            (Anchor::Container, _) => (None, None),
        };
        report.findings.push(Finding {
            rule: rule.id(),
            severity: rule.severity(syntax),
            terms: rule.terms(),
            path,
            location,
            message_en: rule.en(),
            message_fr: rule.fr(),
            platform: rule.platform(syntax),
            detail,
        });
    }
    // What a lenient read could not read: reported whatever the profile.
    if let (Some(source), Some(rule)) = (source, catalogue::rule("READ-01")) {
        for u in source.unreadable {
            report.findings.push(Finding {
                rule: rule.id(),
                severity: rule.severity(syntax),
                terms: rule.terms(),
                path: u.term,
                location: Some(
                    locator
                        .get_or_insert_with(|| {
                            Locator::new(source.text, source.doc, source.source_map)
                        })
                        .locate(u.span),
                ),
                message_en: rule.en(),
                message_fr: rule.fr(),
                platform: None,
                detail: None,
            });
        }
    }
    if profile.chorus().is_some() {
        super::chorus_pro::adjust_en16931(invoice, &mut report.findings);
    }
    report.findings.sort_by(|a, b| {
        let pos = |f: &Finding| f.location.as_ref().map(|l| (l.line, l.column));
        a.rule.cmp(b.rule).then_with(|| pos(a).cmp(&pos(b)))
    });
    report
}
