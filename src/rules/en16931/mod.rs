//! The EN 16931 business rules (EN 16931-1 as the CEN/TC 434 artefacts
//! 1.3.16 check them), written over the canonical model.
//!
//! Each family lists the ids it checks; an id of the catalogue no family
//! lists is reported as not checked, never as passed.

mod code_list;
mod presence;
pub(crate) mod totals;
mod vat_category;

#[cfg(test)]
pub(crate) mod tests;

use super::engine::{Checker, ModelFamily};
use crate::model::{Invoice, Seller, Term, VatBreakdown};
use crate::syntax::Syntax;

/// The model rule families of the EN 16931 set.
pub(crate) const FAMILIES: &[ModelFamily] = &[
    presence::FAMILY,
    totals::FAMILY,
    vat_category::FAMILY,
    code_list::FAMILY,
];

/// Whether the document totals element (UBL `cac:LegalMonetaryTotal`, CII
/// `ram:SpecifiedTradeSettlementHeaderMonetarySummation`) was there: known
/// from the document when validating one (even an empty element counts,
/// as it does for the official rules evaluated on it), otherwise as far as
/// the model can tell, when one of its terms is (in CII it also holds the
/// VAT totals).
pub(crate) fn totals_present(inv: &Invoice, out: &Checker<'_>) -> bool {
    out.group_read(Term::bg(22)).unwrap_or_else(|| {
        let t = &inv.totals;
        let monetary = [
            t.line_net_total,
            t.allowance_total,
            t.charge_total,
            t.tax_exclusive_amount,
            t.tax_inclusive_amount,
            t.prepaid_amount,
            t.rounding_amount,
            t.amount_due,
        ]
        .iter()
        .any(Option::is_some);
        monetary
            || (out.syntax() == Some(Syntax::Cii)
                && (t.tax_amount.is_some() || t.tax_amount_accounting.is_some()))
    })
}

/// Whether the seller element (UBL `cac:AccountingSupplierParty`, CII
/// `ram:SellerTradeParty`) was there, even empty; for a bare model, when
/// the seller holds a term.
pub(crate) fn seller_present(inv: &Invoice, out: &Checker<'_>) -> bool {
    out.group_read(Term::bg(4))
        .unwrap_or_else(|| inv.seller != Seller::default())
}

/// Whether a category's tax scheme (`tax_scheme` of the model) passes the
/// VAT filter most official tests apply: UBL
/// `cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT'`, CII
/// `upper-case(ram:TypeCode) = 'VAT'` (`cii`). The readers keep `None` for
/// exactly these; a scheme set on a bare model is compared the same way.
pub(crate) fn vat_scheme(scheme: Option<&str>, cii: bool) -> bool {
    match scheme {
        None => true,
        Some(s) if cii => s.to_uppercase() == "VAT",
        Some(s) => vat_scheme_normalized(Some(s)),
    }
}

/// `normalize-space(upper-case(scheme)) = 'VAT'`, in both syntaxes (CII
/// BR-CO-17 normalizes `ram:TypeCode` too).
pub(crate) fn vat_scheme_normalized(scheme: Option<&str>) -> bool {
    scheme.is_none_or(|s| crate::rules::xpath::normalize_space(&s.to_uppercase()) == "VAT")
}

/// CII: whether a VAT breakdown reaches the artefact's generic breakdown
/// rule (context `//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax`:
/// BR-45…BR-48, BR-CO-03, BR-CO-17, BR-DEC-19, BR-DEC-20). The rules of
/// categories L, M and O have that same node as context
/// (`…/ram:ApplicableTradeTax[ram:CategoryCode = 'L'][upper-case(ram:TypeCode) = 'VAT']`)
/// earlier in the same pattern, and a node is checked by the first rule of
/// a pattern that matches it: such breakdowns never see the generic rules.
/// (The rules of the other categories have the `ram:CategoryCode` child as
/// context and shadow nothing; UBL has no such overlap.)
pub(crate) fn cii_generic_breakdown_rules(b: &VatBreakdown) -> bool {
    let shadowed = b
        .category
        .as_ref()
        .is_some_and(|c| matches!(c.code(), "L" | "M" | "O"))
        && vat_scheme(b.tax_scheme.as_deref(), true);
    !shadowed
}
