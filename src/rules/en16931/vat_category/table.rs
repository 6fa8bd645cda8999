//! One description per VAT category: which variant of each of the ten
//! checks the artefacts apply, per syntax.

/// How the UBL artefact ties the use of a category to its breakdowns
/// (rule 01, context the invoice root).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UblPresence {
    /// Used on a line or allowance/charge ⇔ at least one breakdown (S, L,
    /// M). With `exact_breakdown`, the breakdowns counted when the category
    /// is used compare `cbc:ID = 'L'` without `normalize-space` (L, M).
    Matched { exact_breakdown: bool },
    /// When the code appears anywhere (line, allowance, charge or the
    /// breakdown itself), exactly one breakdown carries it.
    ExactlyOne,
}

/// How the CII artefact ties the use of a category to its breakdowns
/// (rule 01, context the invoice root).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CiiPresence {
    /// Lines of the category plus breakdowns ≥ 2 when there are such lines,
    /// and allowances/charges of the category plus breakdowns ≥ 2 when there
    /// are such allowances/charges (S, L, M).
    AtLeastTwo,
    /// No use and no breakdown, or exactly one breakdown and some use.
    ExactlyOne,
    /// No breakdown, or exactly one breakdown and some use (O).
    OnlyIfBreakdown,
}

/// Which VAT identifiers rules 02–04 require (or forbid).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Parties {
    /// Seller VAT id or tax registration id (BT-31/BT-32), or the tax
    /// representative VAT id (BT-63).
    SellerAny,
    /// [`Parties::SellerAny`] and the buyer VAT id or legal registration
    /// id (BT-48/BT-47).
    SellerAnyBuyerAny,
    /// Seller VAT id (BT-31) or BT-63, and the buyer VAT id (BT-48).
    SellerVatBuyerVat,
    /// Seller VAT id (BT-31) or BT-63.
    SellerVat,
    /// None of BT-31, BT-63, BT-48.
    NoVatIds,
}

/// The constraint rules 05–07 put on the rate of lines, allowances and
/// charges of the category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rate {
    /// Present and > 0.
    Positive,
    /// Present and = 0.
    Zero,
    /// Present and ≥ 0.
    NonNegative,
    /// Absent.
    Absent,
}

/// Rule 08 (taxable amount of a breakdown) in UBL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UblTaxable {
    /// Per rate, within ±1 (computed in `xs:double` then cast back to
    /// `xs:decimal`), of lines + charges − allowances of the category and
    /// rate; with `needs_use`, something of that rate must also exist (S).
    ByRate { needs_use: bool },
    /// Exactly the lines + charges − allowances of the category (any rate).
    Exact,
}

/// Rule 08 (taxable amount of a breakdown) in CII.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CiiTaxable {
    /// Per rate, equal to the sums (each rounded to 2 decimals) of lines,
    /// charges and allowances of the category and rate (S).
    ByRate,
    /// Within ±1 of the rounded sums of the category (any rate).
    Tolerance,
    /// Equal to the rounded sums of the category (O).
    Exact,
    /// Never fires: the artefact reads `../ram:RateApplicablePercent` from
    /// the `ram:ApplicableTradeTax` context, an empty sequence (L, M).
    Never,
}

/// Rule 09 (tax amount of a breakdown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TaxAmount {
    /// Within ±1 of the taxable amount × rate, rounded to 2 decimals.
    Computed,
    /// Equal to 0.
    Zero,
    /// Never fires (the CII test is `true()` for L and M).
    Never,
}

/// One VAT category and the shape of its rules.
#[derive(Debug)]
pub(super) struct Category {
    /// The category code (UNTDID 5305).
    pub code: &'static str,
    /// The ids of rules 01…10 of the category.
    pub ids: [&'static str; 10],
    pub presence_ubl: UblPresence,
    pub presence_cii: CiiPresence,
    pub parties: Parties,
    pub rate_ubl: Rate,
    pub rate_cii: Rate,
    pub taxable_ubl: UblTaxable,
    pub taxable_cii: CiiTaxable,
    pub tax_ubl: TaxAmount,
    pub tax_cii: TaxAmount,
    /// Whether rule 10 requires an exemption reason (`true`) or forbids one.
    pub exemption_required: bool,
}

macro_rules! ids {
    ($p:literal) => {
        [
            concat!($p, "-01"),
            concat!($p, "-02"),
            concat!($p, "-03"),
            concat!($p, "-04"),
            concat!($p, "-05"),
            concat!($p, "-06"),
            concat!($p, "-07"),
            concat!($p, "-08"),
            concat!($p, "-09"),
            concat!($p, "-10"),
        ]
    };
}

/// A zero-rated, exempt-like category (Z, E, AE, K, G share this shape).
const fn zero_rated(
    code: &'static str,
    ids: [&'static str; 10],
    parties: Parties,
    exemption_required: bool,
) -> Category {
    Category {
        code,
        ids,
        presence_ubl: UblPresence::ExactlyOne,
        presence_cii: CiiPresence::ExactlyOne,
        parties,
        rate_ubl: Rate::Zero,
        rate_cii: Rate::Zero,
        taxable_ubl: UblTaxable::Exact,
        taxable_cii: CiiTaxable::Tolerance,
        tax_ubl: TaxAmount::Zero,
        tax_cii: TaxAmount::Zero,
        exemption_required,
    }
}

/// The nine categories.
pub(super) const CATEGORIES: &[Category] = &[
    Category {
        code: "S",
        ids: ids!("BR-S"),
        presence_ubl: UblPresence::Matched {
            exact_breakdown: false,
        },
        presence_cii: CiiPresence::AtLeastTwo,
        parties: Parties::SellerAny,
        rate_ubl: Rate::Positive,
        rate_cii: Rate::Positive,
        taxable_ubl: UblTaxable::ByRate { needs_use: true },
        taxable_cii: CiiTaxable::ByRate,
        tax_ubl: TaxAmount::Computed,
        tax_cii: TaxAmount::Computed,
        exemption_required: false,
    },
    zero_rated("Z", ids!("BR-Z"), Parties::SellerAny, false),
    zero_rated("E", ids!("BR-E"), Parties::SellerAny, true),
    zero_rated("AE", ids!("BR-AE"), Parties::SellerAnyBuyerAny, true),
    zero_rated("K", ids!("BR-IC"), Parties::SellerVatBuyerVat, true),
    zero_rated("G", ids!("BR-G"), Parties::SellerVat, true),
    Category {
        code: "O",
        ids: ids!("BR-O"),
        presence_ubl: UblPresence::ExactlyOne,
        presence_cii: CiiPresence::OnlyIfBreakdown,
        parties: Parties::NoVatIds,
        rate_ubl: Rate::Absent,
        rate_cii: Rate::Absent,
        taxable_ubl: UblTaxable::Exact,
        taxable_cii: CiiTaxable::Exact,
        tax_ubl: TaxAmount::Zero,
        tax_cii: TaxAmount::Zero,
        exemption_required: true,
    },
    Category {
        code: "L",
        ids: ids!("BR-AF"),
        presence_ubl: UblPresence::Matched {
            exact_breakdown: true,
        },
        presence_cii: CiiPresence::AtLeastTwo,
        parties: Parties::SellerAny,
        rate_ubl: Rate::NonNegative,
        rate_cii: Rate::Positive,
        taxable_ubl: UblTaxable::ByRate { needs_use: false },
        taxable_cii: CiiTaxable::Never,
        tax_ubl: TaxAmount::Computed,
        tax_cii: TaxAmount::Never,
        exemption_required: false,
    },
    Category {
        code: "M",
        ids: ids!("BR-AG"),
        presence_ubl: UblPresence::Matched {
            exact_breakdown: true,
        },
        presence_cii: CiiPresence::AtLeastTwo,
        parties: Parties::SellerAny,
        rate_ubl: Rate::NonNegative,
        rate_cii: Rate::NonNegative,
        taxable_ubl: UblTaxable::ByRate { needs_use: false },
        taxable_cii: CiiTaxable::Never,
        tax_ubl: TaxAmount::Computed,
        tax_cii: TaxAmount::Never,
        exemption_required: false,
    },
];
