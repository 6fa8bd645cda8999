//! Invoices for testing invoice software: an endless supply of realistic,
//! valid EN 16931 invoices, and invalid ones that break one named rule,
//! each with its verdict known in advance (feature `generate`).
//!
//! - [`invoices`] is a proptest strategy of valid invoices; failing cases
//!   shrink to small invoices (one line, no allowance, plainest options).
//! - [`GeneratedInvoice`] implements `arbitrary::Arbitrary` on the same
//!   logic, for cargo-fuzz targets driven by raw bytes.
//! - [`broken_invoices`] and [`break_rule`] make an invoice that fails one
//!   rule of [`breakable_rules`] and no other fatal rule.
//! - [`sample`] draws a deterministic series from a seed (what
//!   `facture generate` writes).
//!
//! Generated invoices cover domestic French sales (standard rates 20, 10,
//! 5.5 and 2.1 %, exemptions, construction reverse charge), intra-community
//! supplies (K), exports (G, in EUR or the buyer's currency with the VAT in
//! EUR), sellers outside the scope of VAT (O), reverse charge across borders
//! (AE), Canary Islands (L) and Ceuta / Melilla (M) taxes; credit notes
//! (381) referring to their invoice; line and document allowances and
//! charges; attachments; French parties with valid SIREN / SIRET and VAT
//! keys, foreign parties with valid VAT identifiers, IBANs with their check
//! digits. Every amount is computed: line net amounts from quantity and
//! price, VAT breakdowns per category and rate, totals, paid amounts and
//! rounding, all to two decimals as the EN 16931 artefacts check them.
//!
//! ```
//! use facture::generate::{self, Options};
//! use proptest::prelude::*;
//! use proptest::strategy::ValueTree;
//! use proptest::test_runner::TestRunner;
//!
//! let mut runner = TestRunner::deterministic();
//! let strategy = generate::invoices(&Options::default());
//! for _ in 0..3 {
//!     let invoice = strategy.new_tree(&mut runner).unwrap().current();
//!     let report = facture::validate(&invoice, &facture::Profile::En16931);
//!     assert_eq!(report.fatal().count(), 0);
//! }
//! ```

mod breakers;
mod build;
mod facturx;
mod ids;
mod plan;
mod tables;

pub use breakers::{
    BreakError, also_breaks_schema, break_rule, breakable_rules, breaks_alone_in,
    builds_large_documents, chorus_pro_setting, recipient_requirements, syntax_limits,
    unbreakable_rules,
};
pub use facturx::{also_breaks_facturx_schema, break_facturx, breaks_in_pdf, facturx_pdf};
pub use plan::{AllowanceChargePlan, Extras, LinePlan, PartyPlan, Plan, plans};

use crate::model::Invoice;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// What generated invoices must satisfy besides EN 16931.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Shape invoices for Chorus Pro: a French public buyer identified by
    /// its SIRET (BT-46 and BT-47, scheme [`Options::chorus_buyer_scheme`]),
    /// a service code (BT-10), an engagement number (BT-13), a cadre de
    /// facturation (BT-23: A1, or A2 when already paid), invoice numbers of
    /// at most 20 characters of `[A-Za-z0-9_/-]`, types 380 / 381, payment
    /// means 30 or 42, no direct debit.
    pub chorus_pro: bool,
    /// The scheme written with the public buyer's SIRET (default `0009`,
    /// the ISO 6523 code of SIRET, which EN 16931 accepts).
    pub chorus_buyer_scheme: String,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            chorus_pro: false,
            chorus_buyer_scheme: "0009".to_owned(),
        }
    }
}

impl Options {
    /// Invoices for the EN 16931 rules only.
    pub fn en16931() -> Self {
        Self::default()
    }

    /// Invoices shaped for Chorus Pro as well (see [`Options::chorus_pro`]).
    pub fn chorus_pro() -> Self {
        Self {
            chorus_pro: true,
            ..Self::default()
        }
    }
}

/// Valid invoices, as a proptest strategy. They shrink through their
/// [`Plan`]: fewer lines, allowances, charges and attachments, then the
/// plainest choice of every option.
pub fn invoices(options: &Options) -> impl Strategy<Value = Invoice> + use<> {
    let options = options.clone();
    plans().prop_map(move |plan| plan.build(&options))
}

/// Invoices that break `rule` (one of [`breakable_rules`]) and no other
/// fatal rule, as a proptest strategy. `None` when the rule cannot be
/// targeted.
pub fn broken_invoices(
    rule: &str,
    options: &Options,
) -> Option<impl Strategy<Value = Invoice> + use<>> {
    let breaker = breakers::find(rule)?;
    // Whether a breaker can steer a plan depends on the options only.
    breaker.apply(Plan::default(), options).ok()?;
    let options = options.clone();
    Some(plans().prop_map(move |plan| breaker.apply(plan, &options).unwrap_or_default()))
}

/// A valid invoice drawn from raw bytes by `arbitrary`, for fuzzing:
/// short inputs give plain invoices, longer ones richer invoices.
///
/// ```
/// use arbitrary::{Arbitrary, Unstructured};
/// use facture::generate::GeneratedInvoice;
///
/// let bytes = [7u8; 64];
/// let generated = GeneratedInvoice::arbitrary(&mut Unstructured::new(&bytes)).unwrap();
/// let xml = facture::write(&generated.0, facture::Target::Cii).unwrap().xml;
/// assert!(facture::validate_bytes(&xml, &facture::Profile::En16931).unwrap().is_valid());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedInvoice(pub Invoice);

impl<'a> arbitrary::Arbitrary<'a> for GeneratedInvoice {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let plan = Plan::arbitrary(u)?;
        Ok(GeneratedInvoice(plan.build(&Options::default())))
    }
}

/// The deterministic generator behind [`sample`]: a proptest runner whose
/// random source is ChaCha seeded from `seed`.
fn runner(seed: u64) -> TestRunner {
    let mut bytes = [0u8; 32];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        let word = seed
            .wrapping_add(u64::try_from(i).unwrap_or(0))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    TestRunner::new_with_rng(Config::default(), rng)
}

/// `count` plans drawn deterministically from `seed`: the same seed gives
/// the same plans (with the same proptest version).
pub fn sample_plans(count: usize, seed: u64) -> Vec<Plan> {
    let mut runner = runner(seed);
    let strategy = plans();
    (0..count)
        .filter_map(|_| strategy.new_tree(&mut runner).ok().map(|t| t.current()))
        .collect()
}

/// `count` valid invoices drawn deterministically from `seed`.
pub fn sample(count: usize, seed: u64, options: &Options) -> Vec<Invoice> {
    sample_plans(count, seed)
        .into_iter()
        .map(|plan| plan.build(options))
        .collect()
}
