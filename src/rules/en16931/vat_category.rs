//! The VAT category rules BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G, BR-O,
//! BR-AF and BR-AG: one description per category ([`table`]), one engine
//! ([`engine`]) that reproduces the XPath of each rule in the syntax the
//! document was read from.
//!
//! The ten checks of a category, and where the two artefacts part:
//! - 01 (breakdown present when used, root context). UBL S/L/M: used ⇔ at
//!   least one breakdown (L/M compare the breakdown code without
//!   `normalize-space` when used); UBL others: a code seen anywhere,
//!   breakdowns included, needs exactly one breakdown. CII S/L/M: lines +
//!   breakdowns ≥ 2 when lines use it, allowances/charges + breakdowns ≥ 2
//!   when they do; CII O passes without a breakdown whatever the lines say.
//! - 02–04 (VAT identifiers): UBL fires once at the root (S/Z/E/AE/L/M
//!   accept any `cac:PartyTaxScheme/cbc:CompanyID` of the seller, i.e. BT-31
//!   or BT-32; G/K/O only the VAT scheme); CII fires once per line,
//!   allowance or charge of the category (`schemeID` VA or FC, resp. VA).
//! - 05–07 (rates): CII BR-AF-05…07 require > 0 where UBL accepts ≥ 0.
//! - 08 (taxable amount): UBL S/L/M group by rate with a ±1 tolerance
//!   computed in `xs:double` and cast back to `xs:decimal`, S also asks for
//!   something of that rate; UBL others compare exactly and fail without
//!   lines. CII S groups by rate and compares exactly with sums rounded to
//!   two decimals; CII Z/E/AE/K/G use ±1; CII O compares exactly; CII L/M
//!   never fire (their test reads `../ram:RateApplicablePercent` from the
//!   `ram:ApplicableTradeTax` context: an empty sequence).
//! - 09 (tax amount): CII multiplies by the untyped rate in `xs:double`; CII
//!   BR-AF-09 / BR-AG-09 are `true()`.
//! - 10 (exemption reason): element presence (`exists`), empty or not.
//! - BR-O-11…14: CII evaluates them per O breakdown, and 11/12 both look
//!   at every `ram:ApplicableTradeTax` (lines and breakdowns), 13/14 at
//!   every `ram:CategoryTradeTax`. BR-IC-11/12: UBL counts BT-8
//!   (`cac:InvoicePeriod/cbc:DescriptionCode`) as an invoicing period, and
//!   needs a country code longer than one character.
//!
//! XML details the model cannot give back, so not reproduced:
//! - The tax scheme (`tax_scheme` of the model, `None` for VAT): UBL
//!   filters on `cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT'`
//!   in the contexts of rules 05–10, in rules 01 (except BR-S-01, and the
//!   breakdown count `cbc:ID = 'L'` of BR-AF-01's first branch), 02–04 and
//!   BR-O-11…14, BR-IC-11/12, but not in the sums of rule 08; BR-S-02 fails
//!   on an S line of another scheme (its passing branch counts every S
//!   line). CII filters on `upper-case(ram:TypeCode) = 'VAT'` in the line,
//!   allowance and charge contexts (rules 02–07) and in the breakdown
//!   contexts except S and Z; rule 01, the sums of rule 08 and the "other
//!   categories" of BR-O-11…14 count every type code.
//! - A second `cac:TaxTotal` with subtotals (ignored by the UBL reader):
//!   rule 01 of Z/E/G/K/O counts its breakdowns (unit tests BR-E-01#6,
//!   BR-G-01#6, BR-IC-01#6, BR-O-01#6, BR-Z-01#6 are missed).
//! - A `cac:AllowanceCharge` without `cbc:ChargeIndicator` (dropped by the
//!   UBL reader), or a tax category on a line allowance: UBL BR-S-01,
//!   BR-AF-01 and BR-AG-01 count it, so for UBL documents these three are
//!   checked on the tree (`syntax::ubl::rules::business`).
//! - What else the readers do not map: a second `ram:ApplicableTradeTax` on a line, tax categories on line
//!   allowances/charges (the artefacts' `//cac:AllowanceCharge` and
//!   `//ram:CategoryTradeTax` see them), a second `ram:ActualAmount`, a
//!   second party tax scheme of the same kind, repeated delivery or
//!   invoicing period elements, children of `cac:InvoicePeriod` other than
//!   the start, end and description code, and a tax category without an
//!   ID and without any other term.
//! - Arbitrary precision: sums beyond the `Decimal` range make rule 08/09
//!   not fire; exact expansions of doubles are kept to 28 digits.

mod engine;
mod numeric;
mod table;

use crate::model::Invoice;
use crate::rules::engine::{Checker, ModelFamily};
use engine::Doc;
use table::CATEGORIES;

/// The rules of this family and their check.
pub(crate) const FAMILY: ModelFamily = ModelFamily { ids: IDS, check };

const IDS: &[&str] = &[
    "BR-S-01", "BR-S-02", "BR-S-03", "BR-S-04", "BR-S-05", "BR-S-06", "BR-S-07", "BR-S-08",
    "BR-S-09", "BR-S-10", //
    "BR-Z-01", "BR-Z-02", "BR-Z-03", "BR-Z-04", "BR-Z-05", "BR-Z-06", "BR-Z-07", "BR-Z-08",
    "BR-Z-09", "BR-Z-10", //
    "BR-E-01", "BR-E-02", "BR-E-03", "BR-E-04", "BR-E-05", "BR-E-06", "BR-E-07", "BR-E-08",
    "BR-E-09", "BR-E-10", //
    "BR-AE-01", "BR-AE-02", "BR-AE-03", "BR-AE-04", "BR-AE-05", "BR-AE-06", "BR-AE-07", "BR-AE-08",
    "BR-AE-09", "BR-AE-10", //
    "BR-IC-01", "BR-IC-02", "BR-IC-03", "BR-IC-04", "BR-IC-05", "BR-IC-06", "BR-IC-07", "BR-IC-08",
    "BR-IC-09", "BR-IC-10", "BR-IC-11", "BR-IC-12", //
    "BR-G-01", "BR-G-02", "BR-G-03", "BR-G-04", "BR-G-05", "BR-G-06", "BR-G-07", "BR-G-08",
    "BR-G-09", "BR-G-10", //
    "BR-O-01", "BR-O-02", "BR-O-03", "BR-O-04", "BR-O-05", "BR-O-06", "BR-O-07", "BR-O-08",
    "BR-O-09", "BR-O-10", "BR-O-11", "BR-O-12", "BR-O-13", "BR-O-14", //
    "BR-AF-01", "BR-AF-02", "BR-AF-03", "BR-AF-04", "BR-AF-05", "BR-AF-06", "BR-AF-07", "BR-AF-08",
    "BR-AF-09", "BR-AF-10", //
    "BR-AG-01", "BR-AG-02", "BR-AG-03", "BR-AG-04", "BR-AG-05", "BR-AG-06", "BR-AG-07", "BR-AG-08",
    "BR-AG-09", "BR-AG-10",
];

fn check(invoice: &Invoice, out: &mut Checker) {
    let doc = Doc::new(invoice, out.syntax());
    for category in CATEGORIES {
        doc.check(category, out);
    }
    doc.outside_scope(out);
    doc.intra_community(out);
}

#[cfg(test)]
mod tests;
