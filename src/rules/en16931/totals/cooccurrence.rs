//! BR-CO-03, BR-CO-04, BR-CO-09, BR-CO-18, BR-CO-19, BR-CO-20,
//! BR-CO-21…BR-CO-24, BR-CO-26: terms that must, or must not, occur
//! together.

use super::{Binding, bg, bt};
use crate::model::{Invoice, TermPath};
use crate::rules::codelist::CodeList;
use crate::rules::en16931::vat_scheme;
use crate::rules::engine::Checker;

fn index(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

pub(super) fn check(inv: &Invoice, binding: Binding, out: &mut Checker) {
    let root = TermPath::root();

    // BR-CO-03: UBL checks once on the invoice; CII once per header
    // `ram:ApplicableTradeTax` (its context), with `//` tests.
    if inv.vat_point_date.is_some() && inv.vat_point_date_code.is_some() {
        match binding {
            Binding::Ubl => out.fire("BR-CO-03", TermPath::of(bt(7))),
            Binding::Cii => {
                for (i, v) in inv.vat_breakdown.iter().enumerate() {
                    if crate::rules::en16931::cii_generic_breakdown_rules(v) {
                        out.fire("BR-CO-03", root.nth(bg(23), index(i)));
                    }
                }
            }
        }
    }

    // BR-CO-19: an invoicing period element holds a start or an end date.
    // The readers keep an empty period element as an empty BG-14. In UBL
    // the context is any `cac:InvoicePeriod`, whose `cbc:DescriptionCode`
    // (BT-8) alone also satisfies the test; CII tests only the dates.
    // A date a lenient read could not read still exists.
    let period_path = TermPath::of(bg(14));
    if let Some(period) = &inv.period
        && period.start.is_none()
        && period.end.is_none()
        && !out.unreadable(&period_path.child(bt(73)))
        && !out.unreadable(&period_path.child(bt(74)))
        && !(binding == Binding::Ubl && inv.vat_point_date_code.is_some())
    {
        out.fire("BR-CO-19", TermPath::of(bg(14)));
    }

    // BR-CO-20: the same for each line period (BG-26). In UBL the line
    // context takes precedence over the header one, so BT-8 does not count.
    for (i, line) in inv.lines.iter().enumerate() {
        let period_path = root.nth(bg(25), index(i)).child(bg(26));
        if let Some(period) = &line.period
            && period.start.is_none()
            && period.end.is_none()
            && !out.unreadable(&period_path.child(bt(134)))
            && !out.unreadable(&period_path.child(bt(135)))
        {
            out.fire("BR-CO-20", root.nth(bg(25), index(i)).child(bg(26)));
        }
    }

    // BR-CO-04: each line has a VAT category code, in a category of the
    // VAT scheme (`cac:ClassifiedTaxCategory[VAT scheme]/cbc:ID`,
    // `ram:ApplicableTradeTax[upper-case(ram:TypeCode) = 'VAT']`).
    let cii = binding == Binding::Cii;
    for (i, line) in inv.lines.iter().enumerate() {
        let vat_category = line
            .vat
            .as_ref()
            .filter(|v| vat_scheme(v.tax_scheme.as_deref(), cii))
            .and_then(|v| v.category.as_ref());
        if vat_category.is_none() {
            out.fire("BR-CO-04", root.nth(bg(25), index(i)).child(bt(151)));
        }
    }

    // BR-CO-09: the first two characters of each VAT identifier. UBL:
    // `contains(' … ', substring(cbc:CompanyID, 1, 2))`, a substring test;
    // CII: `contains(' … ', concat(' ', substring(., 1, 2), ' '))`.
    for (vat_id, path) in [
        (
            inv.seller.vat_id.as_deref(),
            TermPath::of(bg(4)).child(bt(31)),
        ),
        (
            inv.buyer.vat_id.as_deref(),
            TermPath::of(bg(7)).child(bt(48)),
        ),
        (
            inv.tax_representative
                .as_ref()
                .and_then(|r| r.vat_id.as_deref()),
            TermPath::of(bg(11)).child(bt(63)),
        ),
    ] {
        // In a document, the official contexts are every VAT party tax
        // scheme (UBL) or VA registration (CII), repetitions included:
        // checked on the tree.
        if out.checked_on_tree("BR-CO-09") {
            break;
        }
        let Some(vat_id) = vat_id else { continue };
        let prefix: String = vat_id.chars().take(2).collect();
        let ok = match binding {
            Binding::Ubl => CodeList::VatPrefixUbl.xpath_contains(&prefix),
            Binding::Cii => CodeList::VatPrefixCii.xpath_contains_padded(&prefix),
        };
        if !ok {
            out.fire("BR-CO-09", path);
        }
    }

    // BR-CO-18: UBL on the invoice; CII on each line (its context), so an
    // invoice without lines does not fire it.
    if inv.vat_breakdown.is_empty() {
        match binding {
            Binding::Ubl => out.fire("BR-CO-18", TermPath::of(bg(23))),
            Binding::Cii => {
                for i in 0..inv.lines.len() {
                    out.fire("BR-CO-18", root.nth(bg(25), index(i)));
                }
            }
        }
    }

    // BR-CO-21…BR-CO-24: a reason or a reason code (existence of the
    // element, even empty).
    for (i, a) in inv.allowances.iter().enumerate() {
        if a.reason.is_none() && a.reason_code.is_none() {
            out.fire("BR-CO-21", root.nth(bg(20), index(i)));
        }
    }
    for (i, c) in inv.charges.iter().enumerate() {
        if c.reason.is_none() && c.reason_code.is_none() {
            out.fire("BR-CO-22", root.nth(bg(21), index(i)));
        }
    }
    for (i, line) in inv.lines.iter().enumerate() {
        let l = root.nth(bg(25), index(i));
        for (j, a) in line.allowances.iter().enumerate() {
            if a.reason.is_none() && a.reason_code.is_none() {
                out.fire("BR-CO-23", l.nth(bg(27), index(j)));
            }
        }
        for (j, c) in line.charges.iter().enumerate() {
            if c.reason.is_none() && c.reason_code.is_none() {
                out.fire("BR-CO-24", l.nth(bg(28), index(j)));
            }
        }
    }

    // BR-CO-26: the seller is identified by BT-29, BT-30 or BT-31.
    let s = &inv.seller;
    let seller_present = crate::rules::en16931::seller_present(inv, out);
    if seller_present
        && s.identifiers.is_empty()
        && s.legal_registration_id.is_none()
        && s.vat_id.is_none()
    {
        out.fire("BR-CO-26", TermPath::of(bg(4)));
    }
}
