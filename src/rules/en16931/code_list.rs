//! BR-CL-*: code-list rules.
//!
//! Each rule checks the values the model keeps against the list of its
//! syntax's artefact ([`CodeList`]), with the artefacts' matching
//! ([`CodeList::contains`]: whitespace around ignored, none inside, exact
//! case; VATEX upper-cased; MIME exact). A rule whose context is an
//! attribute-carrying element (`cbc:ID[@schemeID]`) checks a scheme only when
//! one was written.
//!
//! Where the two syntaxes put a term under different rules:
//! - BR-CL-01: UBL `Invoice` and `CreditNote` have their own lists, CII one
//!   list for both.
//! - BR-CL-06: UBL UNTDID 2005 codes, CII UNTDID 2475 codes (the model keeps
//!   the CII code as written, [`crate::model::VatPointDateCode::cii_code`]).
//! - BR-CL-08: UBL reads a `#XXX#` in the note text (three characters
//!   between the first two `#`, wherever they are, looked up as a substring
//!   of the list's literal); CII checks `ram:SubjectCode`.
//! - BR-CL-10: UBL also accepts `SEPA` for seller and payee identifiers.
//! - BR-CL-17/18: UBL checks `cac:TaxCategory` (allowances, charges and the
//!   VAT breakdown) under BR-CL-17 and `cac:ClassifiedTaxCategory` (lines)
//!   under BR-CL-18; CII checks `ram:CategoryTradeTax` (allowances and
//!   charges) under BR-CL-17 and every `ram:ApplicableTradeTax` (VAT
//!   breakdown and lines) under BR-CL-18.
//!
//! What the model cannot tell (the official result may differ):
//! - BR-CL-03 checks the `currencyID` of every amount (UBL) or of every
//!   `ram:TaxTotalAmount` (CII); the model keeps only the currency of BT-111,
//!   so that is the only one checked. It is not listed as checked: a wrong
//!   currency on any other amount would pass unseen.
//! - A term repeated where the model holds one (a second payment means
//!   code, a second buyer identifier, a second base quantity unit) is not
//!   checked; neither are codes on elements EN 16931 does not map (line-level
//!   allowance VAT categories and exemption reasons, line
//!   `cac:InvoicePeriod/cbc:DescriptionCode`, a payee's address).
//! - UBL BR-CL-07 applies to a line `cac:DocumentReference` only when its
//!   `cbc:DocumentTypeCode` is `130`; the reader maps BT-128 whatever the
//!   type code, so for UBL documents the rule is checked on the tree
//!   (`syntax::ubl::rules::business`); this module checks it on a bare model.
//! - CII identifiers: `ram:ID` and `ram:GlobalID` of a party are one list in
//!   the model. A party or deliver-to identifier with a scheme is taken to be
//!   a `ram:GlobalID` (BR-CL-10, BR-CL-26), which is how EN 16931 binds
//!   BT-29/46/60/71 with a scheme; a `ram:ID` with `schemeID` there would
//!   officially fall under BR-CL-11.
//! - UBL SEPA identifiers are recognised by the reader case-insensitively
//!   and become BT-90 without their scheme: a `schemeID="sepa"` (which the
//!   artefact refuses) is not seen.

use crate::model::{Identifier, Invoice, Term, TermPath};
use crate::rules::codelist::CodeList;
use crate::rules::engine::{Checker, ModelFamily};
use crate::syntax::Syntax;

/// The rules of this family and their check.
pub(crate) const FAMILY: ModelFamily = ModelFamily {
    ids: &[
        "BR-CL-01", "BR-CL-04", "BR-CL-05", "BR-CL-06", "BR-CL-07", "BR-CL-08", "BR-CL-10",
        "BR-CL-11", "BR-CL-13", "BR-CL-14", "BR-CL-15", "BR-CL-16", "BR-CL-17", "BR-CL-18",
        "BR-CL-19", "BR-CL-20", "BR-CL-21", "BR-CL-22", "BR-CL-23", "BR-CL-24", "BR-CL-25",
        "BR-CL-26",
    ],
    check,
};

fn bt(n: u16) -> Term {
    Term::bt(n)
}

fn bg(n: u16) -> Term {
    Term::bg(n)
}

fn sub(n: u16, s: u8) -> Term {
    Term::bt_sub(n, s)
}

fn nth(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// Fires `id` at `path` when `value` is given and not in `list`.
fn code(out: &mut Checker, id: &'static str, list: CodeList, value: Option<&str>, path: TermPath) {
    if let Some(v) = value
        && !list.contains(v)
    {
        out.fire(id, path);
    }
}

/// The scheme of an identifier, when one was written.
fn scheme(id: Option<&Identifier>) -> Option<&str> {
    id.and_then(|i| i.scheme.as_deref())
}

fn check(inv: &Invoice, out: &mut Checker) {
    let syntax = out.syntax();
    let cii = syntax == Some(Syntax::Cii);
    document(inv, out, syntax);
    notes(inv, out, cii);
    identifiers(inv, out, cii);
    countries(inv, out, cii);
    payment(inv, out);
    vat(inv, out, cii);
    allowances_charges(inv, out);
    lines(inv, out);
    attachments(inv, out);
}

/// BR-CL-01, 04, 05, 06, 07 (BT-18).
fn document(inv: &Invoice, out: &mut Checker, syntax: Option<Syntax>) {
    let type_list = match syntax {
        Some(Syntax::UblCreditNote) => CodeList::CreditNoteTypeUbl,
        Some(Syntax::Cii) => CodeList::DocumentTypeCii,
        // A bare model is checked as the UBL writer would write it: a
        // credit note type code as a `CreditNote` document.
        None if inv.type_code.as_ref().is_some_and(|c| c.is_credit_note()) => {
            CodeList::CreditNoteTypeUbl
        }
        _ => CodeList::InvoiceTypeUbl,
    };
    let top = |n: u16| TermPath::of(bt(n));
    code(
        out,
        "BR-CL-01",
        type_list,
        inv.type_code.as_ref().map(|c| c.code()),
        top(3),
    );
    code(
        out,
        "BR-CL-04",
        CodeList::Currency,
        inv.currency.as_ref().map(|c| c.code()),
        top(5),
    );
    code(
        out,
        "BR-CL-05",
        CodeList::Currency,
        inv.vat_accounting_currency.as_ref().map(|c| c.code()),
        top(6),
    );
    let cii = syntax == Some(Syntax::Cii);
    let (list, date_code) = if cii {
        (
            CodeList::VatDateCii,
            inv.vat_point_date_code.as_ref().map(|c| c.cii_code()),
        )
    } else {
        (
            CodeList::VatDateUbl,
            inv.vat_point_date_code.as_ref().map(|c| c.code()),
        )
    };
    code(out, "BR-CL-06", list, date_code, top(8));
    if !out.checked_on_tree("BR-CL-07") {
        code(
            out,
            "BR-CL-07",
            CodeList::ReferenceQualifier,
            scheme(inv.invoiced_object_id.as_ref()),
            TermPath::of(sub(18, 1)),
        );
    }
}

/// BR-CL-08.
fn notes(inv: &Invoice, out: &mut Checker, cii: bool) {
    for (i, note) in inv.notes.iter().enumerate() {
        let path = TermPath::root().nth(bg(1), nth(i)).child(bt(21));
        let subject = note.subject_code.as_ref().map(|c| c.code());
        if cii {
            code(out, "BR-CL-08", CodeList::TextSubjectCii, subject, path);
            continue;
        }
        // The `cbc:Note` as written: the reader splits a leading `#XXX#`.
        let text = note.text.as_deref().unwrap_or("");
        let raw = match subject {
            Some(s) => format!("#{s}#{text}"),
            None => text.to_owned(),
        };
        // substring-before(substring-after(., '#'), '#'): '' unless two '#'.
        let between = raw
            .split_once('#')
            .and_then(|(_, after)| after.split_once('#'))
            .map_or("", |(between, _)| between);
        if between.chars().count() == 3 && !CodeList::TextSubjectUbl.xpath_contains(between) {
            out.fire("BR-CL-08", path);
        }
    }
}

/// BR-CL-10, 11, 25, 26.
fn identifiers(inv: &Invoice, out: &mut Checker, cii: bool) {
    // UBL accepts SEPA for the seller and the payee (the reader has already
    // taken exact SEPA identifiers out as BT-90).
    let party_scheme = |s: &str, sepa: bool| {
        CodeList::Icd.contains(s) || (!cii && sepa && CodeList::SepaUbl.contains(s))
    };
    let seller = TermPath::of(bg(4));
    for (i, id) in inv.seller.identifiers.iter().enumerate() {
        if let Some(s) = id.scheme.as_deref()
            && !party_scheme(s, true)
        {
            out.fire("BR-CL-10", seller.nth(sub(29, 1), nth(i)));
        }
    }
    let buyer = TermPath::of(bg(7));
    if let Some(s) = scheme(inv.buyer.identifier.as_ref())
        && !party_scheme(s, false)
    {
        out.fire("BR-CL-10", buyer.child(sub(46, 1)));
    }
    let payee = TermPath::of(bg(10));
    if let Some(s) = scheme(inv.payee.as_ref().and_then(|p| p.identifier.as_ref()))
        && !party_scheme(s, true)
    {
        out.fire("BR-CL-10", payee.child(sub(60, 1)));
    }

    let legal = [
        (
            inv.seller.legal_registration_id.as_ref(),
            seller.child(sub(30, 1)),
        ),
        (
            inv.buyer.legal_registration_id.as_ref(),
            buyer.child(sub(47, 1)),
        ),
        (
            inv.payee
                .as_ref()
                .and_then(|p| p.legal_registration_id.as_ref()),
            payee.child(sub(61, 1)),
        ),
    ];
    for (id, path) in legal {
        code(out, "BR-CL-11", CodeList::Icd, scheme(id), path);
    }

    code(
        out,
        "BR-CL-25",
        CodeList::Eas,
        scheme(inv.seller.electronic_address.as_ref()),
        seller.child(sub(34, 1)),
    );
    code(
        out,
        "BR-CL-25",
        CodeList::Eas,
        scheme(inv.buyer.electronic_address.as_ref()),
        buyer.child(sub(49, 1)),
    );
    code(
        out,
        "BR-CL-26",
        CodeList::Icd,
        scheme(inv.delivery.as_ref().and_then(|d| d.location_id.as_ref())),
        TermPath::of(bg(13)).child(sub(71, 1)),
    );
}

/// BR-CL-14, 15.
fn countries(inv: &Invoice, out: &mut Checker, cii: bool) {
    let list = if cii {
        CodeList::CountryCii
    } else {
        CodeList::CountryUbl
    };
    let addresses = [
        (
            inv.seller.address.as_ref(),
            TermPath::of(bg(4)).child(bg(5)).child(bt(40)),
        ),
        (
            inv.buyer.address.as_ref(),
            TermPath::of(bg(7)).child(bg(8)).child(bt(55)),
        ),
        (
            inv.tax_representative
                .as_ref()
                .and_then(|r| r.address.as_ref()),
            TermPath::of(bg(11)).child(bg(12)).child(bt(69)),
        ),
        (
            inv.delivery.as_ref().and_then(|d| d.address.as_ref()),
            TermPath::of(bg(13)).child(bg(15)).child(bt(80)),
        ),
    ];
    for (address, path) in addresses {
        let country = address.and_then(|a| a.country.as_ref()).map(|c| c.code());
        code(out, "BR-CL-14", list, country, path);
    }
    for (i, line) in inv.lines.iter().enumerate() {
        let origin = line
            .item
            .as_ref()
            .and_then(|it| it.origin_country.as_ref())
            .map(|c| c.code());
        let path = TermPath::root()
            .nth(bg(25), nth(i))
            .child(bg(31))
            .child(bt(159));
        code(out, "BR-CL-15", list, origin, path);
    }
}

/// BR-CL-16.
fn payment(inv: &Invoice, out: &mut Checker) {
    let means = inv
        .payment
        .as_ref()
        .and_then(|p| p.means_code.as_ref())
        .map(|c| c.code());
    let path = TermPath::of(bg(16)).child(bt(81));
    code(out, "BR-CL-16", CodeList::PaymentMeans, means, path);
}

/// BR-CL-17, 18 (VAT breakdown and lines), 22.
fn vat(inv: &Invoice, out: &mut Checker, cii: bool) {
    // UBL: a breakdown's category is a cac:TaxCategory (BR-CL-17); CII: an
    // ram:ApplicableTradeTax (BR-CL-18).
    let breakdown_rule = if cii { "BR-CL-18" } else { "BR-CL-17" };
    for (i, v) in inv.vat_breakdown.iter().enumerate() {
        let g = TermPath::root().nth(bg(23), nth(i));
        code(
            out,
            breakdown_rule,
            CodeList::VatCategory,
            v.category.as_ref().map(|c| c.code()),
            g.child(bt(118)),
        );
        code(
            out,
            "BR-CL-22",
            CodeList::Vatex,
            v.exemption_reason_code.as_ref().map(|c| c.code()),
            g.child(bt(121)),
        );
    }
    for (i, line) in inv.lines.iter().enumerate() {
        let category = line
            .vat
            .as_ref()
            .and_then(|v| v.category.as_ref())
            .map(|c| c.code());
        let path = TermPath::root()
            .nth(bg(25), nth(i))
            .child(bg(30))
            .child(bt(151));
        code(out, "BR-CL-18", CodeList::VatCategory, category, path);
    }
}

/// BR-CL-17 (allowances and charges), 19, 20.
fn allowances_charges(inv: &Invoice, out: &mut Checker) {
    for (i, a) in inv.allowances.iter().enumerate() {
        let g = TermPath::root().nth(bg(20), nth(i));
        let category = a.vat_category.as_ref().map(|c| c.code());
        code(
            out,
            "BR-CL-17",
            CodeList::VatCategory,
            category,
            g.child(bt(95)),
        );
        let reason = a.reason_code.as_ref().map(|c| c.code());
        code(
            out,
            "BR-CL-19",
            CodeList::AllowanceReason,
            reason,
            g.child(bt(98)),
        );
    }
    for (i, c) in inv.charges.iter().enumerate() {
        let g = TermPath::root().nth(bg(21), nth(i));
        let category = c.vat_category.as_ref().map(|c| c.code());
        code(
            out,
            "BR-CL-17",
            CodeList::VatCategory,
            category,
            g.child(bt(102)),
        );
        let reason = c.reason_code.as_ref().map(|c| c.code());
        code(
            out,
            "BR-CL-20",
            CodeList::ChargeReason,
            reason,
            g.child(bt(105)),
        );
    }
    for (i, line) in inv.lines.iter().enumerate() {
        let lg = TermPath::root().nth(bg(25), nth(i));
        for (j, a) in line.allowances.iter().enumerate() {
            let reason = a.reason_code.as_ref().map(|c| c.code());
            let path = lg.nth(bg(27), nth(j)).child(bt(140));
            code(out, "BR-CL-19", CodeList::AllowanceReason, reason, path);
        }
        for (j, c) in line.charges.iter().enumerate() {
            let reason = c.reason_code.as_ref().map(|c| c.code());
            let path = lg.nth(bg(28), nth(j)).child(bt(145));
            code(out, "BR-CL-20", CodeList::ChargeReason, reason, path);
        }
    }
}

/// BR-CL-07 (BT-128), 13, 21, 23.
fn lines(inv: &Invoice, out: &mut Checker) {
    for (i, line) in inv.lines.iter().enumerate() {
        let g = TermPath::root().nth(bg(25), nth(i));
        if !out.checked_on_tree("BR-CL-07") {
            code(
                out,
                "BR-CL-07",
                CodeList::ReferenceQualifier,
                scheme(line.object_id.as_ref()),
                g.child(sub(128, 1)),
            );
        }
        code(
            out,
            "BR-CL-23",
            CodeList::Unit,
            line.unit_code.as_ref().map(|u| u.code()),
            g.child(bt(130)),
        );
        let base_unit = line
            .price
            .as_ref()
            .and_then(|p| p.base_quantity_unit.as_ref())
            .map(|u| u.code());
        let price = g.child(bg(29));
        code(
            out,
            "BR-CL-23",
            CodeList::Unit,
            base_unit,
            price.child(bt(150)),
        );
        let Some(item) = &line.item else { continue };
        let ig = g.child(bg(31));
        code(
            out,
            "BR-CL-21",
            CodeList::Icd,
            scheme(item.standard_id.as_ref()),
            ig.child(sub(157, 1)),
        );
        for (j, class) in item.classifications.iter().enumerate() {
            code(
                out,
                "BR-CL-13",
                CodeList::ItemClassification,
                class.scheme.as_deref(),
                ig.nth(sub(158, 1), nth(j)),
            );
        }
    }
}

/// BR-CL-24.
fn attachments(inv: &Invoice, out: &mut Checker) {
    for (i, d) in inv.supporting_documents.iter().enumerate() {
        let mime = d
            .attachment
            .as_ref()
            .and_then(|a| a.mime_code.as_ref())
            .map(|m| m.code());
        let path = TermPath::root().nth(bg(24), nth(i)).child(sub(125, 1));
        code(out, "BR-CL-24", CodeList::Mime, mime, path);
    }
}

#[cfg(test)]
mod tests {
    use super::FAMILY;
    use crate::model::*;
    use crate::rules::en16931::tests::{Case, check_cases, fired, valid_invoices};
    use crate::syntax::Syntax;

    fn first_line(inv: &mut Invoice) -> &mut InvoiceLine {
        if inv.lines.is_empty() {
            inv.lines.push(InvoiceLine::default());
        }
        &mut inv.lines[0]
    }

    fn item(inv: &mut Invoice) -> &mut Item {
        first_line(inv).item.get_or_insert_with(Default::default)
    }

    const CASES: &[Case] = &[
        ("BR-CL-01", |inv| inv.type_code = Some("999".into())),
        ("BR-CL-04", |inv| inv.currency = Some("eur".into())),
        ("BR-CL-05", |inv| {
            inv.vat_accounting_currency = Some("EU R".into())
        }),
        ("BR-CL-06", |inv| {
            inv.vat_point_date_code = Some(VatPointDateCode::Other("7".into()))
        }),
        ("BR-CL-07", |inv| {
            inv.invoiced_object_id = Some(Identifier::with_scheme("X", "XXA"))
        }),
        ("BR-CL-08", |inv| {
            inv.notes.push(Note {
                subject_code: Some("XQX".into()),
                text: Some("x".into()),
            })
        }),
        ("BR-CL-10", |inv| {
            inv.buyer.identifier = Some(Identifier::with_scheme("X", "SEPA"))
        }),
        ("BR-CL-11", |inv| {
            inv.seller.legal_registration_id = Some(Identifier::with_scheme("X", "9999"))
        }),
        ("BR-CL-13", |inv| {
            item(inv).classifications.push(ClassificationIdentifier {
                value: "1".into(),
                scheme: Some("XX".into()),
                scheme_version: None,
            })
        }),
        ("BR-CL-14", |inv| {
            inv.seller
                .address
                .get_or_insert_with(Default::default)
                .country = Some("fr".into())
        }),
        ("BR-CL-15", |inv| {
            item(inv).origin_country = Some("ZZ".into())
        }),
        ("BR-CL-16", |inv| {
            inv.payment.get_or_insert_with(Default::default).means_code = Some("0".into())
        }),
        ("BR-CL-17", |inv| {
            inv.allowances.push(DocumentAllowance {
                vat_category: Some("X".into()),
                ..DocumentAllowance::default()
            })
        }),
        ("BR-CL-18", |inv| {
            first_line(inv)
                .vat
                .get_or_insert_with(Default::default)
                .category = Some("AE S".into())
        }),
        ("BR-CL-19", |inv| {
            inv.allowances.push(DocumentAllowance {
                reason_code: Some("1".into()),
                ..DocumentAllowance::default()
            })
        }),
        ("BR-CL-20", |inv| {
            first_line(inv).charges.push(LineCharge {
                reason_code: Some("ZZZZ".into()),
                ..LineCharge::default()
            })
        }),
        ("BR-CL-21", |inv| {
            item(inv).standard_id = Some(Identifier::with_scheme("1", "GTIN"))
        }),
        ("BR-CL-22", |inv| {
            inv.vat_breakdown.push(VatBreakdown {
                exemption_reason_code: Some("VATEX-EU-XX".into()),
                ..VatBreakdown::default()
            })
        }),
        ("BR-CL-23", |inv| {
            first_line(inv).unit_code = Some("PCS".into())
        }),
        ("BR-CL-24", |inv| {
            inv.supporting_documents.push(SupportingDocument {
                attachment: Some(BinaryObject {
                    content: vec![1],
                    mime_code: Some("image/gif".into()),
                    filename: None,
                }),
                ..SupportingDocument::default()
            })
        }),
        ("BR-CL-25", |inv| {
            inv.seller.electronic_address = Some(Identifier::with_scheme("a@b", "EMAIL"))
        }),
        ("BR-CL-26", |inv| {
            inv.delivery
                .get_or_insert_with(Default::default)
                .location_id = Some(Identifier::with_scheme("L", "X"))
        }),
    ];

    #[test]
    fn cases_fire_and_valid_examples_pass() {
        check_cases(CASES, FAMILY.ids);
    }

    fn base(syntax: Syntax) -> Invoice {
        valid_invoices()
            .into_iter()
            .find(|(s, _)| *s == syntax)
            .map(|(_, inv)| inv)
            .unwrap()
    }

    fn fires(inv: &Invoice, syntax: Syntax, id: &str) -> bool {
        fired(inv, syntax).contains(&id)
    }

    #[test]
    fn ubl_note_subject_is_a_substring_test_on_three_characters() {
        let s = Syntax::UblInvoice;
        let mut inv = base(s);
        let note = |text: &str| Note {
            subject_code: None,
            text: Some(text.into()),
        };
        for (text, fires_) in [
            ("#AB ##", false),   // "AB " is inside the literal
            ("#XQX#", true),     // not a code
            ("#ZZZZ#", false),   // four characters: not checked
            ("a #XQX# b", true), // anywhere in the note
            ("only one # here", false),
        ] {
            inv.notes = vec![note(text)];
            assert_eq!(fires(&inv, s, "BR-CL-08"), fires_, "{text}");
        }
        // Split by the reader: `#AAI#text`.
        inv.notes = vec![Note {
            subject_code: Some("AAI".into()),
            text: Some("x".into()),
        }];
        assert!(!fires(&inv, s, "BR-CL-08"));
    }

    #[test]
    fn sepa_scheme_only_for_ubl_seller_and_payee() {
        let mut inv = base(Syntax::UblInvoice);
        inv.seller.identifiers = vec![Identifier::with_scheme("X", "SEPA")];
        assert!(!fires(&inv, Syntax::UblInvoice, "BR-CL-10"));
        let mut inv = base(Syntax::Cii);
        inv.seller.identifiers = vec![Identifier::with_scheme("X", "SEPA")];
        assert!(fires(&inv, Syntax::Cii, "BR-CL-10"));
    }

    #[test]
    fn vat_point_date_code_lists_differ() {
        let mut ubl = base(Syntax::UblInvoice);
        ubl.vat_point_date_code = Some(VatPointDateCode::IssueDate);
        assert!(!fires(&ubl, Syntax::UblInvoice, "BR-CL-06"));
        // A CII document writing the UBL code "3".
        let mut cii = base(Syntax::Cii);
        cii.vat_point_date_code = Some(VatPointDateCode::from_cii_code("3"));
        assert!(fires(&cii, Syntax::Cii, "BR-CL-06"));
        cii.vat_point_date_code = Some(VatPointDateCode::from_cii_code("5"));
        assert!(!fires(&cii, Syntax::Cii, "BR-CL-06"));
    }

    #[test]
    fn breakdown_category_rule_depends_on_syntax() {
        for (syntax, id) in [(Syntax::UblInvoice, "BR-CL-17"), (Syntax::Cii, "BR-CL-18")] {
            let mut inv = base(syntax);
            inv.vat_breakdown.push(VatBreakdown {
                category: Some("X".into()),
                ..VatBreakdown::default()
            });
            let ids = fired(&inv, syntax);
            assert!(ids.contains(&id), "{syntax}");
            let other = if id == "BR-CL-17" {
                "BR-CL-18"
            } else {
                "BR-CL-17"
            };
            assert!(!ids.contains(&other), "{syntax}");
        }
    }

    #[test]
    fn credit_note_type_codes() {
        let mut inv = base(Syntax::UblCreditNote);
        inv.type_code = Some(InvoiceTypeCode::CommercialInvoice);
        assert!(fires(&inv, Syntax::UblCreditNote, "BR-CL-01"));
        inv.type_code = Some(InvoiceTypeCode::CreditNote);
        assert!(fires(&inv, Syntax::UblInvoice, "BR-CL-01"));
        assert!(!fires(&inv, Syntax::Cii, "BR-CL-01"));
    }

    #[test]
    fn vatex_is_upper_cased_and_mime_exact() {
        let s = Syntax::UblInvoice;
        let mut inv = base(s);
        inv.vat_breakdown.push(VatBreakdown {
            exemption_reason_code: Some(" vatex-eu-ae ".into()),
            ..VatBreakdown::default()
        });
        assert!(!fires(&inv, s, "BR-CL-22"));
        inv.supporting_documents.push(SupportingDocument {
            attachment: Some(BinaryObject {
                content: vec![1],
                mime_code: Some(" image/png".into()),
                filename: None,
            }),
            ..SupportingDocument::default()
        });
        assert!(fires(&inv, s, "BR-CL-24"));
    }
}
