//! The Factur-X rules (`rules/facturx.toml`): the profile rules over the
//! model (`FX-PROFILE-*`) and the checks of the PDF container (`FX-PDF-*`).
//!
//! The profile comes from BT-24 ([`FacturXProfile::of`]). What each profile
//! carries is a table ([`MINIMUM_ABSENT`], [`MINIMUM_REQUIRED`]); the line
//! level restrictions of BASIC (fewer line terms than EN 16931) are not
//! checked.

#[cfg(test)]
mod tests;

use super::engine::{Checker, ContainerFamily, ModelFamily};
use crate::model::{Invoice, Term, TermPath};
use crate::syntax::facturx::{Extracted, FacturXProfile};

/// The model rule families of the Factur-X set.
pub(crate) const FAMILIES: &[ModelFamily] = &[ModelFamily {
    ids: &[
        "FX-PROFILE-01",
        "FX-PROFILE-02",
        "FX-PROFILE-03",
        "FX-PROFILE-04",
        "FX-PROFILE-05",
        "FX-PROFILE-06",
        "FX-PROFILE-07",
    ],
    check: profile_rules,
}];

/// The container rule family.
pub(crate) const CONTAINER: ContainerFamily = ContainerFamily {
    ids: &[
        "FX-PDF-01",
        "FX-PDF-02",
        "FX-PDF-03",
        "FX-PDF-04",
        "FX-PDF-05",
        "FX-PDF-06",
        "FX-PDF-07",
        "FX-PDF-08",
    ],
    check: container_rules,
};

const fn bt(n: u16) -> Term {
    Term::bt(n)
}

const fn bg(n: u16) -> Term {
    Term::bg(n)
}

/// Whether an invoice holds a term.
type Has = fn(&Invoice) -> bool;

/// Terms and groups a MINIMUM invoice does not carry (FX-PROFILE-04), with
/// whether the invoice has them.
pub(crate) const MINIMUM_ABSENT: &[(Term, Has)] = &[
    (bt(9), |i| i.due_date.is_some()),
    (bt(20), |i| i.payment_terms.is_some()),
    (bg(1), |i| !i.notes.is_empty()),
    (bg(3), |i| !i.preceding_invoices.is_empty()),
    (bg(10), |i| i.payee.is_some()),
    (bg(11), |i| i.tax_representative.is_some()),
    (bg(13), |i| i.delivery.is_some()),
    (bg(14), |i| i.period.is_some()),
    (bg(16), |i| i.payment.is_some()),
    (bg(20), |i| !i.allowances.is_empty()),
    (bg(21), |i| !i.charges.is_empty()),
    (bg(23), |i| !i.vat_breakdown.is_empty()),
    (bg(24), |i| !i.supporting_documents.is_empty()),
];

/// Terms a MINIMUM or BASIC WL invoice must give (FX-PROFILE-05), with
/// their paths and whether the invoice has them. The EN 16931 rules that
/// would ask for them (BR-02…BR-07, BR-12…BR-15) do not run on these
/// profiles.
pub(crate) const MINIMUM_REQUIRED: &[(&[Term], Has)] = &[
    (&[bt(1)], |i| i.number.is_some()),
    (&[bt(2)], |i| i.issue_date.is_some()),
    (&[bt(3)], |i| i.type_code.is_some()),
    (&[bt(5)], |i| i.currency.is_some()),
    (&[bg(4), bt(27)], |i| i.seller.name.is_some()),
    (&[bg(7), bt(44)], |i| i.buyer.name.is_some()),
    (&[bg(22), bt(109)], |i| {
        i.totals.tax_exclusive_amount.is_some()
    }),
    (&[bg(22), bt(112)], |i| {
        i.totals.tax_inclusive_amount.is_some()
    }),
    (&[bg(22), bt(115)], |i| i.totals.amount_due.is_some()),
];

fn path(steps: &[Term]) -> TermPath {
    steps
        .iter()
        .fold(TermPath::root(), |path, term| path.child(*term))
}

fn profile_rules(invoice: &Invoice, out: &mut Checker<'_>) {
    let bt24 = TermPath::of(bg(2)).child(bt(24));
    let Some(profile) = FacturXProfile::of(invoice) else {
        out.fire("FX-PROFILE-02", bt24);
        return;
    };
    match profile {
        FacturXProfile::Minimum | FacturXProfile::BasicWl => {
            out.fire("FX-PROFILE-01", bt24);
            for index in 1..=invoice.lines.len() {
                let index = u32::try_from(index).unwrap_or(u32::MAX);
                out.fire("FX-PROFILE-03", TermPath::root().nth(bg(25), index));
            }
            for (steps, present) in MINIMUM_REQUIRED {
                if !present(invoice) {
                    out.fire("FX-PROFILE-05", path(steps));
                }
            }
            if profile == FacturXProfile::Minimum {
                for (term, present) in MINIMUM_ABSENT {
                    if present(invoice) {
                        out.fire("FX-PROFILE-04", TermPath::of(*term));
                    }
                }
            } else if invoice.vat_breakdown.is_empty() {
                out.fire("FX-PROFILE-06", TermPath::of(bg(23)));
            }
        }
        FacturXProfile::XRechnung => out.fire("FX-PROFILE-07", bt24),
        FacturXProfile::Basic | FacturXProfile::En16931 | FacturXProfile::Extended => {}
    }
}

/// The relationships Factur-X allows for the embedded invoice.
const RELATIONSHIPS: &[&str] = &["Data", "Alternative", "Source"];

fn container_rules(pdf: &Extracted, invoice: &Invoice, out: &mut Checker<'_>) {
    let xmp = pdf.xmp.as_ref();
    let fx_complete = xmp.is_some_and(|x| {
        x.document_type.is_some()
            && x.document_file_name.is_some()
            && x.version.is_some()
            && x.conformance_level.is_some()
    });
    if !fx_complete {
        out.fire_container("FX-PDF-01");
    }
    if let Some(level) = xmp.and_then(|x| x.conformance_level.as_deref()) {
        let declared = FacturXProfile::from_conformance_level(level);
        let actual = FacturXProfile::of(invoice);
        if declared.is_none() || (actual.is_some() && declared != actual) {
            out.fire("FX-PDF-02", TermPath::of(bg(2)).child(bt(24)));
        }
    }
    if let Some(name) = xmp.and_then(|x| x.document_file_name.as_deref())
        && name.trim() != pdf.file_name
    {
        out.fire_container("FX-PDF-03");
    }
    if !pdf
        .relationship
        .as_deref()
        .is_some_and(|r| RELATIONSHIPS.contains(&r))
    {
        out.fire_container("FX-PDF-04");
    }
    if !pdf.associated {
        out.fire_container("FX-PDF-05");
    }
    if xmp.and_then(|x| x.pdfa_part.as_deref()).map(str::trim) != Some("3") {
        out.fire_container("FX-PDF-06");
    }
    if pdf.mime_type.as_deref() != Some("text/xml") {
        out.fire_container("FX-PDF-07");
    }
    if let Some(kind) = xmp.and_then(|x| x.document_type.as_deref())
        && kind.trim() != "INVOICE"
    {
        out.fire_container("FX-PDF-08");
    }
}
