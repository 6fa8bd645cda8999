//! Matching the element children of an element against its content model
//! (a particle tree of sequences, choices, element declarations and
//! wildcards with their minOccurs / maxOccurs).
//!
//! The matcher follows sets of positions in the child list: each particle
//! maps the positions it may start at to the positions it may end at. The
//! schemas obey the Unique Particle Attribution constraint, so these sets
//! stay tiny, the matching is linear in practice, and no backtracking is
//! needed. While matching it remembers the furthest child it reached and
//! what it would have accepted there, which is what the finding reports.

use super::schema::{NsConstraint, Schema, Term, U, Wildcard, range};

/// One element child: namespace URI and local name.
#[derive(Clone, Copy, Debug)]
pub struct Child<'a> {
    /// Namespace URI (`""` for none).
    pub ns: &'a str,
    /// Local name.
    pub name: &'a str,
}

/// What the matcher needs of a child: its expanded name.
pub trait Named {
    /// Namespace URI (`""` for none).
    fn ns(&self) -> &str;
    /// Local name.
    fn local(&self) -> &str;
}

impl Named for Child<'_> {
    fn ns(&self) -> &str {
        self.ns
    }
    fn local(&self) -> &str {
        self.name
    }
}

impl Named for crate::syntax::tree::Node<'_, '_> {
    fn ns(&self) -> &str {
        self.tag_name().namespace().unwrap_or("")
    }
    fn local(&self) -> &str {
        self.tag_name().name()
    }
}

/// Why the children do not match.
#[derive(Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// Index of the first child that could not be matched (`children.len()`
    /// when the children stop too early).
    pub at: usize,
    /// The element particles and wildcards that would have been accepted
    /// there (particle indices, in model order, without repetitions).
    pub expected: Vec<u32>,
    /// The element particle the child matches but that already occurs its
    /// maxOccurs times.
    pub too_many: Option<u32>,
}

/// Whether a wildcard accepts an element or attribute in namespace `ns`.
pub fn wildcard_allows(schema: &Schema, w: &Wildcard, ns: &str) -> bool {
    match w.namespaces {
        NsConstraint::Any => true,
        NsConstraint::Not(other) => !ns.is_empty() && ns != schema.uri(other),
        NsConstraint::List(start, len) => range(schema.wildcard_namespaces, (start, len))
            .iter()
            .any(|n| schema.uri(*n) == ns),
    }
}

struct Matcher<'s, 'c, C> {
    schema: &'s Schema,
    children: &'c [C],
    furthest: usize,
    expected: Vec<u32>,
    too_many: Option<u32>,
}

/// Matches `children` against the particle `root`.
pub fn match_children<C: Named>(
    schema: &Schema,
    root: u32,
    children: &[C],
) -> Result<(), Mismatch> {
    let mut m = Matcher {
        schema,
        children,
        furthest: 0,
        expected: Vec::new(),
        too_many: None,
    };
    let ends = m.particle(root, vec![0]);
    if ends.last() == Some(&(children.len() as u32)) {
        return Ok(());
    }
    Err(Mismatch {
        at: m.furthest,
        expected: m.expected,
        too_many: m.too_many,
    })
}

fn union(mut a: Vec<u32>, b: &[u32]) -> Vec<u32> {
    a.extend_from_slice(b);
    a.sort_unstable();
    a.dedup();
    a
}

impl<C: Named> Matcher<'_, '_, C> {
    fn reach(&mut self, pos: usize) {
        if pos > self.furthest {
            self.furthest = pos;
            self.expected.clear();
            self.too_many = None;
        }
    }

    fn attempt(&mut self, pos: usize, particle: u32) {
        self.reach(pos);
        if pos == self.furthest && !self.expected.contains(&particle) {
            self.expected.push(particle);
        }
    }

    /// Whether child `pos` is matched by the single-element term.
    fn accepts(&self, term: Term, pos: usize) -> bool {
        let Some(child) = self.children.get(pos) else {
            return false;
        };
        match term {
            Term::Element(e) => {
                self.schema.elements.get(e as usize).is_some_and(|d| {
                    d.name() == child.local() && self.schema.uri(d.ns) == child.ns()
                })
            }
            Term::Any(w) => self
                .schema
                .wildcards
                .get(w as usize)
                .is_some_and(|w| wildcard_allows(self.schema, w, child.ns())),
            Term::Sequence(..) | Term::Choice(..) => false,
        }
    }

    /// The positions particle `index` can end at from `starts` (sorted, unique).
    fn particle(&mut self, index: u32, starts: Vec<u32>) -> Vec<u32> {
        let Some(p) = self.schema.particles.get(index as usize).copied() else {
            return Vec::new();
        };
        match p.term {
            Term::Element(_) | Term::Any(_) => {
                let mut out = Vec::new();
                for start in starts {
                    let mut pos = start as usize;
                    let mut count = 0u32;
                    loop {
                        if count >= p.min {
                            out.push(pos as u32);
                        }
                        if count == p.max {
                            if self.accepts(p.term, pos) {
                                self.reach(pos);
                                if pos == self.furthest {
                                    self.too_many = Some(index);
                                }
                            }
                            break;
                        }
                        self.attempt(pos, index);
                        if !self.accepts(p.term, pos) {
                            break;
                        }
                        pos += 1;
                        count += 1;
                        self.reach(pos);
                    }
                }
                union(out, &[])
            }
            Term::Sequence(..) | Term::Choice(..) => {
                let mut current = starts;
                let mut out = if p.min == 0 {
                    current.clone()
                } else {
                    Vec::new()
                };
                let mut count = 0u32;
                while count < p.max && !current.is_empty() {
                    let next = self.group_once(p.term, current.clone());
                    count += 1;
                    let progressed = next != current;
                    current = next;
                    if count >= p.min {
                        let before = out.len();
                        out = union(out, &current);
                        if out.len() == before && (!progressed || p.max == U) {
                            break;
                        }
                    }
                    if !progressed && count >= p.min {
                        break;
                    }
                }
                out
            }
        }
    }

    fn group_once(&mut self, term: Term, starts: Vec<u32>) -> Vec<u32> {
        match term {
            Term::Sequence(start, len) => {
                let members = range(self.schema.members, (start, len));
                let mut current = starts;
                for m in members {
                    if current.is_empty() {
                        break;
                    }
                    current = self.particle(*m, current);
                }
                current
            }
            Term::Choice(start, len) => {
                let members = range(self.schema.members, (start, len));
                let mut out = Vec::new();
                for m in members {
                    let ends = self.particle(*m, starts.clone());
                    out = union(out, &ends);
                }
                out
            }
            Term::Element(_) | Term::Any(_) => Vec::new(),
        }
    }
}

/// The fast path for the common shape, a sequence (or a choice) of element
/// declarations and wildcards, each with its own bounds: matched greedily
/// in one pass without allocating (exact under the Unique Particle
/// Attribution constraint). On success `assign` holds, for each child, the
/// particle that matched it. `None` when the model has another shape or the
/// children do not match (the general matcher then says why).
pub fn match_flat<C: Named>(
    schema: &Schema,
    root: u32,
    children: &[C],
    assign: &mut Vec<u32>,
) -> Option<()> {
    let p = schema.particles.get(root as usize)?;
    if p.min != 1 || p.max != 1 {
        return None;
    }
    let (members, choice) = match p.term {
        Term::Sequence(start, len) => (range(schema.members, (start, len)), false),
        Term::Choice(start, len) => (range(schema.members, (start, len)), true),
        Term::Element(_) | Term::Any(_) => (std::slice::from_ref(&root), false),
    };
    let leaf = |m: &u32| {
        schema
            .particles
            .get(*m as usize)
            .filter(|p| matches!(p.term, Term::Element(_) | Term::Any(_)))
    };
    let matcher = Matcher {
        schema,
        children,
        furthest: 0,
        expected: Vec::new(),
        too_many: None,
    };
    assign.clear();
    if choice {
        // One member, then its repetitions.
        let first = children.first();
        let chosen = match first {
            None => {
                return members
                    .iter()
                    .any(|m| leaf(m).is_some_and(|p| p.min == 0))
                    .then_some(());
            }
            Some(_) => members
                .iter()
                .find(|m| leaf(m).is_some_and(|p| matcher.accepts(p.term, 0)))?,
        };
        let p = leaf(chosen)?;
        let n = children.len() as u32;
        if n < p.min.max(1) || n > p.max || !(0..children.len()).all(|i| matcher.accepts(p.term, i))
        {
            return None;
        }
        assign.extend(std::iter::repeat_n(*chosen, children.len()));
        return Some(());
    }
    let mut pos = 0usize;
    for m in members {
        let p = leaf(m)?;
        let mut count = 0u32;
        while count < p.max && matcher.accepts(p.term, pos) {
            assign.push(*m);
            pos += 1;
            count += 1;
        }
        if count < p.min {
            return None;
        }
    }
    (pos == children.len()).then_some(())
}

/// Every element particle and wildcard of the model under `root`, in order.
pub fn leaves(schema: &Schema, root: u32, out: &mut Vec<u32>) {
    let Some(p) = schema.particles.get(root as usize) else {
        return;
    };
    match p.term {
        Term::Element(_) | Term::Any(_) => out.push(root),
        Term::Sequence(start, len) | Term::Choice(start, len) => {
            for m in range(schema.members, (start, len)) {
                leaves(schema, *m, out);
            }
        }
    }
}
