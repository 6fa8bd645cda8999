//! The generator of `compiled.rs` (a test): parses the tests of
//! [`super::table::RULES`], splits the counted rules (see [`super::index`])
//! from the others, and writes both as static tables: the counted rules as
//! pointer-free index tables, the others as parsed expressions.

use super::index::{ATTRIBUTE, SLOTS, name_hash};
use super::xpath::{self, Expr, Name, Op, Path, Step};
use super::{Ctx, HAND_WRITTEN, N_CTX, table};
use std::collections::HashMap;
use std::fmt::Write;

/// `e` as the Rust expression `compiled.rs` writes.
fn emit_expr(e: &Expr) -> String {
    match e {
        Expr::Or(a, b) => format!("E::Or(&{}, &{})", emit_expr(a), emit_expr(b)),
        Expr::And(a, b) => format!("E::And(&{}, &{})", emit_expr(a), emit_expr(b)),
        Expr::Not(a) => format!("E::Not(&{})", emit_expr(a)),
        Expr::Cmp(a, op, b) => format!("E::Cmp(&{}, Op::{op:?}, &{})", emit_expr(a), emit_expr(b)),
        Expr::Count(p) => format!("E::Count({})", emit_path(p)),
        Expr::Exists(p) => format!("E::Exists({})", emit_path(p)),
        Expr::Path(p) => format!("E::Path({})", emit_path(p)),
        Expr::Str(s) => format!("E::Str({s:?})"),
        Expr::Num(n) => format!("E::Num({n:?})"),
    }
}

fn emit_path(p: &Path) -> String {
    let steps: Vec<String> = p.steps.iter().map(emit_step).collect();
    format!("P {{ steps: &[{}] }}", steps.join(", "))
}

fn emit_step(s: &Step) -> String {
    match s {
        Step::Root => "S::Root".to_owned(),
        Step::DescendantOrSelf => "S::DescendantOrSelf".to_owned(),
        Step::Parent => "S::Parent".to_owned(),
        Step::Attr(a) => format!("S::Attr({a:?})"),
        Step::Upper(p) => format!("S::Upper({})", emit_path(p)),
        Step::Child(names, preds) => {
            let names: Vec<String> = names
                .iter()
                .map(|n| format!("{}({:?})", format!("{:?}", n.ns).to_lowercase(), n.local))
                .collect();
            let preds: Vec<String> = preds.iter().map(emit_expr).collect();
            format!("S::Child(&[{}], &[{}])", names.join(", "), preds.join(", "))
        }
    }
}

/// A counted rule before numbering: the path's shape and the bounds.
struct Counted {
    rule: usize,
    ctx: Ctx,
    anywhere: bool,
    min: u16,
    max: u16,
    steps: Vec<(&'static [Name], &'static [Expr])>,
    attr: Option<&'static str>,
}

/// The path and bounds of a counted test, if `expr` is one.
fn bounds(expr: &Expr) -> Option<(&Path, u16, u16)> {
    let int =
        |n: f64| (n >= 0.0 && n.fract() == 0.0 && n < f64::from(u16::MAX)).then_some(n as u16);
    match expr {
        Expr::Not(Expr::Path(p)) => Some((p, 0, 0)),
        Expr::Exists(p) | Expr::Path(p) => Some((p, 1, u16::MAX)),
        Expr::Cmp(Expr::Count(p), Op::Le, Expr::Num(n)) => Some((p, 0, int(*n)?)),
        Expr::Cmp(Expr::Count(p), Op::Eq, Expr::Num(n)) => Some((p, int(*n)?, int(*n)?)),
        Expr::Or(a, b) => {
            // Two bounds of one path whose ranges touch: their union.
            let (pa, mina, maxa) = bounds(a)?;
            let (pb, minb, maxb) = bounds(b)?;
            let touch = maxa.saturating_add(1) >= minb && maxb.saturating_add(1) >= mina;
            (emit_path(pa) == emit_path(pb) && touch).then_some((
                pa,
                mina.min(minb),
                maxa.max(maxb),
            ))
        }
        _ => None,
    }
}

/// The parts of a counted test: one bound, or the bounds `and` joins (the
/// rule fails when one of them fails).
fn parts(expr: &Expr) -> Option<Vec<(&Path, u16, u16)>> {
    match expr {
        Expr::And(a, b) => Some([parts(a)?, parts(b)?].concat()),
        _ => Some(vec![bounds(expr)?]),
    }
}

/// The counted rules (one per part) of test `expr` at `ctx`, if it is one.
fn counted(rule: usize, ctx: Ctx, expr: &Expr) -> Option<Vec<Counted>> {
    parts(expr)?
        .into_iter()
        .map(|(path, min, max)| shape(rule, ctx, path, min, max))
        .collect()
}

/// The counted rule of `path` within `min..=max`, if the path has the shape.
fn shape(rule: usize, ctx: Ctx, path: &Path, min: u16, max: u16) -> Option<Counted> {
    let mut steps = path.steps;
    let anywhere = matches!(steps, [Step::Root, Step::DescendantOrSelf, ..]);
    if anywhere {
        if ctx != Ctx::Root {
            return None;
        }
        steps = steps.get(2..)?;
    }
    let mut out = Counted {
        rule,
        ctx,
        anywhere,
        min,
        max,
        steps: Vec::new(),
        attr: None,
    };
    for step in steps {
        match step {
            Step::Child(names, preds) if out.attr.is_none() => out.steps.push((names, preds)),
            Step::Attr(a) if out.attr.is_none() => out.attr = Some(a),
            _ => return None,
        }
    }
    (!out.steps.is_empty() || out.attr.is_some()).then_some(out)
}

/// The name table under construction: entries `(text, kind)`.
#[derive(Default)]
struct Names {
    entries: Vec<(&'static str, u8)>,
    ids: HashMap<(&'static str, u8), u16>,
}

impl Names {
    fn id(&mut self, text: &'static str, kind: u8) -> u16 {
        *self.ids.entry((text, kind)).or_insert_with(|| {
            self.entries.push((text, kind));
            self.entries.len() as u16
        })
    }
}

/// The text of `compiled.rs`.
pub(super) fn generated() -> String {
    let mut rules = Vec::new();
    let mut forward = Vec::new();
    for (i, rule) in table::RULES.iter().enumerate() {
        if HAND_WRITTEN.contains(&rule.id) {
            continue;
        }
        let expr = xpath::parse(rule.test).unwrap();
        match counted(i, rule.ctx, &expr) {
            Some(c) => rules.extend(c),
            None => forward.push((i, rule.ctx, expr)),
        }
    }
    // Sorted by context, in table order within one.
    rules.sort_by_key(|r| r.ctx as u8);
    forward.sort_by_key(|(_, ctx, _)| *ctx as u8);

    let mut names = Names::default();
    let mut alts: Vec<u16> = Vec::new();
    let mut steps = String::new();
    let mut n_steps = 0;
    let mut preds: Vec<String> = Vec::new();
    let mut patterns = String::new();
    // By name id: (parent name id or 0 for any, pattern).
    let mut by_name: Vec<Vec<(u16, usize)>> = Vec::new();
    let candidate = |by_name: &mut Vec<Vec<(u16, usize)>>, id: u16, c: (u16, usize)| {
        let id = usize::from(id);
        if by_name.len() <= id {
            by_name.resize_with(id + 1, Vec::new);
        }
        if !by_name[id].contains(&c) {
            by_name[id].push(c);
        }
    };
    for (index, r) in rules.iter().enumerate() {
        let first = n_steps;
        let mut step_alts: Vec<(u16, u8)> = Vec::new();
        for (alternatives, predicates) in &r.steps {
            let start = alts.len() as u16;
            for name in *alternatives {
                alts.push(names.id(name.local, name.ns as u8));
            }
            step_alts.push((start, alternatives.len() as u8));
            writeln!(
                steps,
                "    s({start}, {}, {}, {}),",
                alternatives.len(),
                preds.len(),
                predicates.len()
            )
            .unwrap();
            preds.extend(predicates.iter().map(emit_expr));
            n_steps += 1;
        }
        let attr = r.attr.map_or(0, |a| names.id(a, ATTRIBUTE));
        writeln!(
            patterns,
            "    p({}, {}, {}, {}, {}, {first}, {}, {attr}), // {}",
            r.rule,
            r.ctx as u8,
            r.anywhere,
            r.min,
            r.max,
            r.steps.len(),
            table::RULES[r.rule].id
        )
        .unwrap();
        match (step_alts.last(), r.steps.last()) {
            (Some(_), Some((last, _))) => {
                let parents: Vec<u16> = match r.steps.len() {
                    n if n >= 2 => r.steps[n - 2]
                        .0
                        .iter()
                        .map(|p| names.id(p.local, p.ns as u8))
                        .collect(),
                    _ => vec![0],
                };
                for name in *last {
                    let id = names.id(name.local, name.ns as u8);
                    for parent in &parents {
                        candidate(&mut by_name, id, (*parent, index));
                    }
                }
            }
            _ => candidate(&mut by_name, attr, (0, index)),
        }
    }
    by_name.resize_with(names.entries.len() + 1, Vec::new);

    // The names: text, entries, hash slots.
    let mut text = String::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut entries = String::new();
    for (name, kind) in &names.entries {
        let start = *at.entry(name).or_insert_with(|| {
            text.push_str(name);
            text.len() - name.len()
        });
        writeln!(entries, "    n({start}, {}, {kind}), // {name}", name.len()).unwrap();
    }
    let mut slots = vec![0u16; SLOTS];
    for (i, (name, _)) in names.entries.iter().enumerate() {
        let mut slot = name_hash(name.as_bytes()) % SLOTS;
        while slots[slot] != 0 {
            slot = (slot + 1) % SLOTS;
        }
        slots[slot] = i as u16 + 1;
    }

    let mut candidates = String::new();
    let mut ranges = Vec::new();
    let mut n_candidates = 0;
    for list in &mut by_name {
        list.sort_unstable();
        let start = n_candidates;
        for (parent, p) in list.iter() {
            writeln!(candidates, "    c({p}, {parent}),").unwrap();
            n_candidates += 1;
        }
        ranges.push(format!("({start}, {n_candidates})"));
    }
    let ctx_ranges = |ctxs: Vec<u8>| -> String {
        (0..N_CTX as u8)
            .map(|c| {
                let start = ctxs.iter().take_while(|x| **x < c).count();
                let end = ctxs.iter().take_while(|x| **x <= c).count();
                format!("({start}, {end})")
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let by_ctx = ctx_ranges(rules.iter().map(|r| r.ctx as u8).collect());
    let tests_by_ctx = ctx_ranges(forward.iter().map(|(_, c, _)| *c as u8).collect());

    let mut out = String::from(
        "//! The tests of [`super::table::RULES`] (all but [`super::HAND_WRITTEN`]),\n\
         //! parsed at build time: generated by the test\n\
         //! `compiled_table_is_the_parsed_table` (`generate.rs`; run it with\n\
         //! `FACTURE_REGENERATE=1` to rewrite this file); do not edit.\n\
         \n\
         use super::Ctx;\n\
         use super::index::{Candidate, NameEntry, Pattern, Step, c, n, p, s};\n\
         use super::xpath::{PREFIXES};\n\
         \n",
    );
    writeln!(
        out,
        "/// The texts of the names of [`NAMES`], end to end.\n\
         pub(super) static NAME_TEXT: &str = {text:?};\n\n\
         /// The element and attribute names of the counted rules (id = index + 1).\n\
         #[rustfmt::skip]\n\
         pub(super) static NAMES: [NameEntry; {}] = [\n{entries}];\n\n\
         /// The name ids by `name_hash`, open addressing (0: free).\n\
         #[rustfmt::skip]\n\
         pub(super) static NAME_SLOTS: [u16; {SLOTS}] = [",
        names.entries.len()
    )
    .unwrap();
    for row in slots.chunks(32) {
        let row: Vec<String> = row.iter().map(u16::to_string).collect();
        writeln!(out, "    {},", row.join(", ")).unwrap();
    }
    writeln!(
        out,
        "];\n\n\
         /// The counted rules, by context.\n\
         #[rustfmt::skip]\n\
         pub(super) static PATTERNS: [Pattern; {}] = [\n{patterns}];\n\n\
         /// The range of [`PATTERNS`] of each context.\n\
         #[rustfmt::skip]\n\
         pub(super) static BY_CTX: [(u16, u16); {N_CTX}] = [{by_ctx}];\n\n\
         /// The element steps of [`PATTERNS`].\n\
         #[rustfmt::skip]\n\
         pub(super) static STEPS: [Step; {n_steps}] = [\n{steps}];\n\n\
         /// The name ids of the alternatives of each step.\n\
         #[rustfmt::skip]\n\
         pub(super) static ALTS: [u16; {}] = {alts:?};\n\n\
         /// The predicates of the steps.\n\
         #[rustfmt::skip]\n\
         pub(super) static PREDICATES: [E; {}] = [\n{}];\n\n\
         /// The patterns that may match at each name id: a range of [`CANDIDATES`].\n\
         #[rustfmt::skip]\n\
         pub(super) static BY_NAME: [(u16, u16); {}] = [{}];\n\n\
         /// The patterns by last name, with the names their parent step allows.\n\
         #[rustfmt::skip]\n\
         pub(super) static CANDIDATES: [Candidate; {n_candidates}] = [\n{candidates}];\n\n\
         /// The range of [`TESTS`] of each context.\n\
         #[rustfmt::skip]\n\
         pub(super) static TESTS_BY_CTX: [(u16, u16); {N_CTX}] = [{tests_by_ctx}];\n\n\
         /// The other tests: `(index in table::IDS, context, parsed test)`, by context.\n\
         #[rustfmt::skip]\n\
         pub(super) static TESTS: [(u16, Ctx, E); {}] = [",
        rules.len(),
        alts.len(),
        preds.len(),
        preds
            .iter()
            .map(|p| format!("    {p},\n"))
            .collect::<String>(),
        by_name.len(),
        ranges.join(", "),
        forward.len(),
    )
    .unwrap();
    for (i, ctx, expr) in &forward {
        writeln!(
            out,
            "    ({i}, Ctx::{ctx:?}, {}), // {}",
            emit_expr(expr),
            table::RULES[*i].id
        )
        .unwrap();
    }
    out.push_str("];\n");
    // Import the name constructors the expressions use.
    let mut used = vec!["Expr as E", "Op", "Path as P", "Step as S"];
    used.extend(
        ["cac", "cbc", "cn", "ext"]
            .into_iter()
            .filter(|f| out.contains(&format!("{f}(\""))),
    );
    out.replace("PREFIXES", &used.join(", "))
}

#[test]
fn compiled_table_is_the_parsed_table() {
    crate::syntax::generated_file::assert_generated(
        "src/syntax/ubl/rules/compiled.rs",
        &generated(),
    );
}
