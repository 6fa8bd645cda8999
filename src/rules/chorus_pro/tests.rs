//! Every Chorus Pro rule fires on its own defect and on nothing else: each
//! case mutates a clean invoice (the bundled examples, which follow Chorus
//! Pro's conventions) and must fire its rule; the clean invoices fire no
//! rule of this set.

use super::{ChorusPro, Context, FAMILIES, RecipientParameters};
use crate::model::{
    BinaryObject, Cadre, Decimal, Identifier, Invoice, InvoiceTypeCode, NaiveDate,
    SupportingDocument,
};
use crate::rules::catalogue;
use crate::rules::en16931::tests::valid_invoices;
use crate::rules::engine::Checker;
use crate::syntax::Syntax;
use std::str::FromStr;

type Case = (&'static str, fn(&mut Invoice));

fn options() -> ChorusPro {
    ChorusPro {
        recipient: Some(RecipientParameters {
            service_code_required: true,
            engagement_required: true,
            engagement_or_service: true,
        }),
        validator: None,
        deposit_date: NaiveDate::from_ymd_opt(2026, 11, 25),
    }
}

fn fired_with(invoice: &Invoice, syntax: Syntax, options: &ChorusPro) -> Vec<&'static str> {
    let cx = Context::new(options, Some(1000));
    let mut checker = Checker::new(Some(syntax));
    for family in FAMILIES {
        (family.check)(invoice, &cx, &mut checker);
    }
    let mut ids = checker.fired_ids();
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn fired(invoice: &Invoice, syntax: Syntax) -> Vec<&'static str> {
    fired_with(invoice, syntax, &options())
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_default()
}

fn attach(inv: &mut Invoice, name: &str, size: usize) {
    inv.supporting_documents.push(SupportingDocument {
        reference: Some("PJ-1".into()),
        attachment: Some(BinaryObject {
            content: vec![b'x'; size],
            mime_code: Some("application/pdf".into()),
            filename: Some(name.into()),
        }),
        ..SupportingDocument::default()
    });
}

fn to_credit_note(inv: &mut Invoice) {
    inv.type_code = Some(InvoiceTypeCode::from("381"));
    inv.payment = None;
}

const CASES: &[Case] = &[
    ("G1.02", |i| i.process.business_process = Some("M1".into())),
    ("G1.02", |i| i.process.business_process = Some("A26".into())),
    ("CPP-CADRE-MISSING", |i| i.process.business_process = None),
    ("CPP-CADRE-A2-PAID", |i| {
        i.process.business_process = Some("A2".into());
    }),
    ("CPP-CADRE-VALIDATOR", |i| {
        i.process.business_process = Some("A9".into())
    }),
    ("CPP-CADRE-VALIDATOR", |i| {
        i.process.business_process = Some("A12".into())
    }),
    ("CPP-BUYER-ID", |i| {
        i.buyer.identifier = None;
        i.buyer.legal_registration_id = None;
    }),
    ("CPP-BUYER-SIRET", |i| {
        i.buyer.identifier = Some(Identifier::with_scheme("732829320", "0002"));
        i.buyer.legal_registration_id = None;
    }),
    ("CPP-BUYER-SIRET", |i| {
        let mut id = Identifier::new("73282932000074");
        id.scheme_name = Some("2".into());
        i.buyer.identifier = Some(id);
        i.buyer.legal_registration_id = None;
    }),
    ("CPP-BUYER-SIRET-KEY", |i| {
        i.buyer.identifier = Some(Identifier::with_scheme("73282932000075", "0009"));
    }),
    ("CPP-SELLER-ID", |i| {
        i.seller.identifiers.clear();
        i.seller.legal_registration_id = None;
    }),
    ("CPP-SELLER-SIRET", |i| {
        i.seller.identifiers = vec![Identifier::with_scheme("1234567820001", "1")];
        i.seller.legal_registration_id = None;
    }),
    ("CPP-SELLER-SIRET", |i| {
        // A French supplier identified by its SIREN only.
        i.seller.identifiers = vec![Identifier::with_scheme("123456782", "0002")];
        i.seller.legal_registration_id = None;
    }),
    ("CPP-SELLER-SIRET-KEY", |i| {
        i.seller.identifiers = vec![Identifier::with_scheme("12345678200011", "0009")];
    }),
    ("CPP-SELLER-EU-VAT", |i| {
        i.seller.identifiers = vec![Identifier::with_scheme("FR11123456782", "2")];
        i.seller.legal_registration_id = None;
    }),
    ("CPP-SELLER-OUTSIDE-EU", |i| {
        i.seller.identifiers = vec![Identifier::with_scheme("US-ACME", "3")];
        i.seller.legal_registration_id = None;
    }),
    ("CPP-INVOICE-TYPE", |i| {
        i.type_code = Some(InvoiceTypeCode::from("261"))
    }),
    ("CPP-INVOICE-TYPE", |i| {
        i.type_code = Some(InvoiceTypeCode::from("751"))
    }),
    ("CPP-INVOICE-TYPE", |i| {
        i.type_code = Some(InvoiceTypeCode::from("393"))
    }),
    ("CPP-CREDIT-NOTE-ORIGIN", |i| {
        to_credit_note(i);
        i.preceding_invoices.clear();
    }),
    ("CPP-CREDIT-NOTE-NEGATIVE", |i| {
        to_credit_note(i);
        i.totals.amount_due = Some(d("-12.00"));
    }),
    ("G1.05", |i| i.number = Some("FA-2026-0000000000042".into())),
    ("G1.05", |i| i.number = Some("FA.2026.42".into())),
    ("CPP-CURRENCY-SINGLE", |i| {
        i.vat_accounting_currency = Some("USD".into())
    }),
    ("CPP-ISSUE-DATE-FUTURE", |i| {
        i.issue_date = NaiveDate::from_ymd_opt(2026, 11, 26)
    }),
    ("CPP-AMOUNT-DIGITS", |i| {
        i.totals.amount_due = Some(d("123456789012345678.00"))
    }),
    ("CPP-QUANTITY-DIGITS", |i| {
        if let Some(l) = i.lines.first_mut() {
            l.quantity = Some(d("12345678901"));
        }
    }),
    ("CPP-SERVICE-CODE-CHARSET", |i| {
        i.buyer_reference = Some("DSI/ACHATS".into())
    }),
    ("CPP-SERVICE-CODE-LENGTH", |i| {
        i.buyer_reference = Some("S".repeat(101))
    }),
    ("CPP-ENGAGEMENT-LENGTH", |i| {
        i.purchase_order_reference = Some("E".repeat(51))
    }),
    ("CPP-CONTRACT-LENGTH", |i| {
        i.contract_reference = Some("M".repeat(51))
    }),
    ("CPP-ORIGIN-LENGTH", |i| {
        i.preceding_invoices.push(crate::model::PrecedingInvoice {
            number: Some("F".repeat(21)),
            issue_date: None,
        })
    }),
    ("CPP-NAME-LENGTH", |i| i.buyer.name = Some("N".repeat(100))),
    ("CPP-NAME-LENGTH", |i| i.seller.name = Some("é".repeat(100))),
    ("CPP-ITEM-ID-LENGTH", |i| {
        if let Some(item) = i.lines.first_mut().and_then(|l| l.item.as_mut()) {
            item.seller_id = Some("I".repeat(41));
        }
    }),
    ("CPP-TEXT-LENGTH", |i| {
        if let Some(v) = i.vat_breakdown.first_mut() {
            v.exemption_reason = Some("R".repeat(1025));
        }
    }),
    ("S2.05", |i| {
        if let Some(p) = i.payment.as_mut() {
            p.means_code = Some("57".into());
        }
    }),
    ("CPP-PAYMENT-MEANS-MISSING", |i| i.payment = None),
    ("CPP-PAYMENT-MEANS-MISSING", |i| {
        if let Some(p) = i.payment.as_mut() {
            p.means_code = None;
        }
    }),
    ("G1.14", |i| {
        if let Some(p) = i.payment.as_mut() {
            p.means_code = Some("ZZZ".into());
        }
    }),
    ("CPP-PAYMENT-58-59", |i| {
        if let Some(p) = i.payment.as_mut() {
            p.means_code = Some("58".into());
        }
    }),
    ("CPP-PAYMENT-IBAN", |i| {
        if let Some(p) = i.payment.as_mut() {
            p.means_code = Some("30".into());
            p.credit_transfers.clear();
        }
    }),
    ("CPP-ATTACHMENT-NAME", |i| attach(i, "sans-extension", 10)),
    ("CPP-ATTACHMENT-NAME", |i| {
        attach(i, &format!("{}.pdf", "n".repeat(47)), 10)
    }),
    ("CPP-ATTACHMENT-EXTENSION", |i| attach(i, "script.exe", 10)),
    ("CPP-ATTACHMENT-SIZE", |i| {
        attach(i, "gros.pdf", 10 * 1024 * 1024 + 1)
    }),
    ("CPP-ATTACHMENT-EMPTY", |i| attach(i, "vide.pdf", 0)),
    ("CPP-INVOICE-SIZE", |i| {
        for n in 0..13 {
            attach(i, &format!("part{n}.pdf"), 10 * 1024 * 1024);
        }
    }),
    ("CPP-SERVICE-CODE-REQUIRED", |i| i.buyer_reference = None),
    ("CPP-ENGAGEMENT-REQUIRED", |i| {
        i.purchase_order_reference = None
    }),
    ("CPP-SERVICE-OR-ENGAGEMENT", |i| {
        i.buyer_reference = None;
        i.purchase_order_reference = None;
    }),
];

#[test]
fn clean_invoices_fire_nothing() {
    for (syntax, invoice) in valid_invoices() {
        assert_eq!(fired(&invoice, syntax), Vec::<&str>::new(), "{syntax}");
    }
}

#[test]
fn every_case_fires_its_rule() {
    for (syntax, base) in valid_invoices() {
        if base.type_code.as_ref().is_some_and(|t| t.is_credit_note()) {
            continue; // the cases are written against an invoice
        }
        for (id, mutate) in CASES {
            let mut invoice = base.clone();
            mutate(&mut invoice);
            let got = fired(&invoice, syntax);
            assert!(
                got.contains(id),
                "{syntax}: {id} does not fire on its case: {got:?}"
            );
        }
    }
}

#[test]
fn credit_note_cases_on_the_credit_notes() {
    for (syntax, base) in valid_invoices() {
        if !base.type_code.as_ref().is_some_and(|t| t.is_credit_note()) {
            continue;
        }
        let mut invoice = base.clone();
        invoice.preceding_invoices.clear();
        assert!(fired(&invoice, syntax).contains(&"CPP-CREDIT-NOTE-ORIGIN"));
    }
}

#[test]
fn every_rule_has_a_case_and_every_case_a_rule() {
    let catalogued: Vec<&str> = catalogue::all()
        .iter()
        .filter(|r| r.set() == "chorus-pro")
        .map(|r| r.id())
        .collect();
    let checked: Vec<&str> = FAMILIES
        .iter()
        .flat_map(|f| f.ids.iter().copied())
        .collect();
    for id in &catalogued {
        assert!(
            checked.contains(id),
            "{id} is catalogued but no family checks it"
        );
        assert!(
            CASES.iter().any(|(c, _)| c == id),
            "{id} has no firing case"
        );
    }
    for id in &checked {
        assert!(
            catalogued.contains(id),
            "{id} is checked but not in rules/chorus-pro.toml"
        );
    }
}

#[test]
fn a2_with_nothing_due_and_a9_with_a_validator_pass() {
    for (syntax, mut invoice) in valid_invoices() {
        invoice.process.business_process = Some(Cadre::A2.code().into());
        invoice.totals.amount_due = Some(Decimal::ZERO);
        assert!(!fired(&invoice, syntax).contains(&"CPP-CADRE-A2-PAID"));
        invoice.process.business_process = Some("A9".into());
        let mut opts = options();
        opts.validator = Some("73282932000074".into());
        assert!(!fired_with(&invoice, syntax, &opts).contains(&"CPP-CADRE-VALIDATOR"));
    }
}

#[test]
fn recipient_rules_pass_when_not_required() {
    let mut opts = options();
    opts.recipient = Some(RecipientParameters::default());
    for (syntax, mut invoice) in valid_invoices() {
        invoice.buyer_reference = None;
        invoice.purchase_order_reference = None;
        let got = fired_with(&invoice, syntax, &opts);
        assert!(
            !got.iter()
                .any(|id| id.ends_with("-REQUIRED") || id.contains("-OR-"))
        );
        // Either one suffices for gestionNumeroEJOuCodeService.
        opts.recipient = Some(RecipientParameters {
            engagement_or_service: true,
            ..RecipientParameters::default()
        });
        invoice.purchase_order_reference = Some("EJ-1".into());
        assert!(!fired_with(&invoice, syntax, &opts).contains(&"CPP-SERVICE-OR-ENGAGEMENT"));
        opts.recipient = Some(RecipientParameters::default());
    }
}

#[test]
fn la_poste_and_other_types_pass() {
    for (syntax, mut invoice) in valid_invoices() {
        invoice.buyer.identifier = Some(Identifier::with_scheme("35600000049837", "1"));
        invoice.seller.identifiers = vec![Identifier::with_scheme("DE123456789", "2")];
        invoice.seller.legal_registration_id = None;
        if let Some(a) = invoice.seller.address.as_mut() {
            a.country = Some("DE".into());
        }
        assert_eq!(fired(&invoice, syntax), Vec::<&str>::new(), "{syntax}");
        invoice.seller.identifiers = vec![Identifier::with_scheme("CH-ACME", "3")];
        if let Some(a) = invoice.seller.address.as_mut() {
            a.country = Some("CH".into());
        }
        assert_eq!(fired(&invoice, syntax), Vec::<&str>::new(), "{syntax}");
    }
}
