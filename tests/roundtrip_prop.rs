//! Property tests: arbitrary canonical invoices survive every writer/reader
//! pair unchanged, and UBL → CII → UBL is idempotent after the first pass.
//!
//! The strategy builds models that respect what the EN 16931 syntax
//! bindings can express (e.g. BT-111 needs a distinct BT-6 to be told apart
//! from BT-110; BT-7 travels on each CII VAT breakdown, so at least one is
//! generated); empty groups are normalised to `None` before comparing.

use facture::model::*;
use facture::{Invoice, Target};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    // Printable text including the characters a writer must escape.
    "[A-Za-z0-9éèàç€ <>&'\"./:-]{1,24}".prop_map(|s| {
        let trimmed = s.trim().to_owned();
        if trimmed.is_empty() {
            "x".to_owned()
        } else {
            trimmed
        }
    })
}

fn code() -> impl Strategy<Value = String> {
    "[A-Z0-9]{1,6}"
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (-1_000_000_000_000i64..1_000_000_000_000i64, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s))
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1950i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
}

fn identifier() -> impl Strategy<Value = Identifier> {
    (code(), of("[0-9]{4}")).prop_map(|(value, scheme)| Identifier {
        value,
        scheme,
        scheme_name: None,
    })
}

fn address() -> impl Strategy<Value = PostalAddress> {
    (
        of(text()),
        of(text()),
        of(text()),
        of(text()),
        of(code()),
        of(text()),
        of("[A-Z]{2}"),
    )
        .prop_map(
            |(line1, line2, line3, city, post_code, country_subdivision, country)| PostalAddress {
                line1,
                line2,
                line3,
                city,
                post_code,
                country_subdivision,
                country: country.map(CountryCode),
            },
        )
}

fn contact() -> impl Strategy<Value = Contact> {
    (of(text()), of(text()), of(text())).prop_map(|(name, telephone, email)| Contact {
        name,
        telephone,
        email,
    })
}

fn seller() -> impl Strategy<Value = Seller> {
    (
        (
            of(text()),
            of(text()),
            vec(identifier(), 0..3),
            of(identifier()),
        ),
        (of(code()), of(code()), of(text()), of(identifier())),
        (of(address()), of(contact())),
    )
        .prop_map(|(a, b, c)| Seller {
            name: a.0,
            trading_name: a.1,
            identifiers: a.2,
            legal_registration_id: a.3,
            vat_id: b.0,
            tax_registration_id: b.1,
            additional_legal_info: b.2,
            electronic_address: b.3,
            address: c.0,
            contact: c.1,
        })
}

fn buyer() -> impl Strategy<Value = Buyer> {
    (
        (of(text()), of(text()), of(identifier()), of(identifier())),
        (of(code()), of(identifier()), of(address()), of(contact())),
    )
        .prop_map(|(a, b)| Buyer {
            name: a.0,
            trading_name: a.1,
            identifier: a.2,
            legal_registration_id: a.3,
            vat_id: b.0,
            electronic_address: b.1,
            address: b.2,
            contact: b.3,
        })
}

fn vat_category() -> impl Strategy<Value = VatCategoryCode> {
    prop_oneof![
        Just(VatCategoryCode::Standard),
        Just(VatCategoryCode::ZeroRated),
        Just(VatCategoryCode::Exempt),
        Just(VatCategoryCode::ReverseCharge),
        Just(VatCategoryCode::IntraCommunity),
        Just(VatCategoryCode::Export),
        Just(VatCategoryCode::OutsideScope),
        Just(VatCategoryCode::CanaryIslands),
        Just(VatCategoryCode::CeutaMelilla),
    ]
}

fn vat_breakdown() -> impl Strategy<Value = VatBreakdown> {
    (
        of(decimal()),
        of(decimal()),
        of(vat_category()),
        of(decimal()),
        of(text()),
        of(code()),
    )
        .prop_map(
            |(taxable_amount, tax_amount, category, rate, reason, code)| VatBreakdown {
                taxable_amount,
                tax_amount,
                category,
                rate,
                tax_scheme: None,
                exemption_reason: reason,
                exemption_reason_code: code.map(VatExemptionReasonCode),
            },
        )
}

fn document_allowance() -> impl Strategy<Value = DocumentAllowance> {
    (
        of(decimal()),
        of(decimal()),
        of(decimal()),
        of(vat_category()),
        of(decimal()),
        of(text()),
        of(code()),
    )
        .prop_map(
            |(amount, base_amount, percentage, vat_category, vat_rate, reason, rc)| {
                DocumentAllowance {
                    amount,
                    base_amount,
                    percentage,
                    vat_category,
                    vat_rate,
                    tax_scheme: None,
                    reason,
                    reason_code: rc.map(AllowanceReasonCode),
                }
            },
        )
}

fn document_charge() -> impl Strategy<Value = DocumentCharge> {
    document_allowance().prop_map(|a| DocumentCharge {
        amount: a.amount,
        base_amount: a.base_amount,
        percentage: a.percentage,
        vat_category: a.vat_category,
        vat_rate: a.vat_rate,
        tax_scheme: a.tax_scheme,
        reason: a.reason,
        reason_code: a.reason_code.map(|c| ChargeReasonCode(c.0)),
    })
}

fn line_allowance() -> impl Strategy<Value = LineAllowance> {
    (
        of(decimal()),
        of(decimal()),
        of(decimal()),
        of(text()),
        of(code()),
    )
        .prop_map(
            |(amount, base_amount, percentage, reason, rc)| LineAllowance {
                amount,
                base_amount,
                percentage,
                reason,
                reason_code: rc.map(AllowanceReasonCode),
            },
        )
}

fn line_charge() -> impl Strategy<Value = LineCharge> {
    line_allowance().prop_map(|a| LineCharge {
        amount: a.amount,
        base_amount: a.base_amount,
        percentage: a.percentage,
        reason: a.reason,
        reason_code: a.reason_code.map(|c| ChargeReasonCode(c.0)),
    })
}

fn period() -> impl Strategy<Value = Period> {
    (of(date()), of(date())).prop_map(|(start, end)| Period { start, end })
}

fn item() -> impl Strategy<Value = Item> {
    (
        (
            of(text()),
            of(text()),
            of(code()),
            of(code()),
            of(identifier()),
        ),
        (
            vec(
                (code(), of("[A-Z]{2,3}"), of("[0-9]{1,3}")).prop_map(|(value, scheme, v)| {
                    ClassificationIdentifier {
                        value,
                        scheme,
                        scheme_version: v,
                    }
                }),
                0..3,
            ),
            of("[A-Z]{2}"),
            vec(
                (of(text()), of(text())).prop_map(|(name, value)| ItemAttribute { name, value }),
                0..3,
            ),
        ),
    )
        .prop_map(|(a, b)| Item {
            name: a.0,
            description: a.1,
            seller_id: a.2,
            buyer_id: a.3,
            standard_id: a.4,
            classifications: b.0,
            origin_country: b.1.map(CountryCode),
            attributes: b.2,
        })
}

fn price() -> impl Strategy<Value = PriceDetails> {
    // BT-146 is always present: both syntaxes carry the other price terms
    // inside it, and CII the discount (BT-147) inside the gross price (BT-148).
    (
        decimal(),
        of(decimal()),
        of(decimal()),
        of((decimal(), of("[A-Z0-9]{1,3}"))),
    )
        .prop_map(|(net_price, discount, gross_price, base)| PriceDetails {
            net_price: Some(net_price),
            discount: discount.filter(|_| gross_price.is_some()),
            gross_price,
            base_quantity: base.as_ref().map(|b| b.0),
            base_quantity_unit: base.and_then(|b| b.1).map(UnitCode),
        })
}

fn line() -> impl Strategy<Value = InvoiceLine> {
    (
        (
            of(code()),
            of(text()),
            of(identifier()),
            of((decimal(), of("[A-Z0-9]{1,3}"))),
        ),
        (of(decimal()), of(code()), of(text()), of(period())),
        (
            vec(line_allowance(), 0..2),
            vec(line_charge(), 0..2),
            of(price()),
        ),
        (of((of(vat_category()), of(decimal()))), of(item())),
    )
        .prop_map(|(a, b, c, d)| InvoiceLine {
            id: a.0,
            note: a.1,
            object_id: a.2,
            quantity: a.3.as_ref().map(|q| q.0),
            unit_code: a.3.and_then(|q| q.1).map(UnitCode),
            net_amount: b.0,
            order_line_reference: b.1,
            buyer_accounting_reference: b.2,
            period: b.3,
            allowances: c.0,
            charges: c.1,
            price: c.2,
            vat: d.0.map(|(category, rate)| LineVat {
                category,
                rate,
                tax_scheme: None,
            }),
            item: d.1,
        })
}

fn payment() -> impl Strategy<Value = PaymentInstructions> {
    (
        ("[0-9]{1,2}", of(text()), of(text())),
        vec(
            (of(code()), of(text()), of(code())).prop_map(|(account_id, account_name, bic)| {
                CreditTransfer {
                    account_id,
                    account_name,
                    service_provider_id: bic,
                }
            }),
            0..3,
        ),
        of(
            (of("[0-9]{4,6}"), of(text())).prop_map(|(pan, holder)| PaymentCard {
                primary_account_number: pan,
                holder_name: holder,
            }),
        ),
        of(
            (of(code()), of(code())).prop_map(|(mandate, debited)| DirectDebit {
                mandate_reference: mandate,
                creditor_id: None,
                debited_account_id: debited,
            }),
        ),
    )
        .prop_map(
            |(a, credit_transfers, card, direct_debit)| PaymentInstructions {
                means_code: Some(PaymentMeansCode(a.0)),
                means_text: a.1,
                remittance_information: a.2,
                credit_transfers,
                card,
                direct_debit,
            },
        )
}

fn totals() -> impl Strategy<Value = (DocumentTotals, bool)> {
    (
        (
            of(decimal()),
            of(decimal()),
            of(decimal()),
            of(decimal()),
            of(decimal()),
        ),
        (
            of(decimal()),
            of(decimal()),
            of(decimal()),
            of(decimal()),
            of(decimal()),
        ),
    )
        .prop_map(|(a, b)| {
            let with_accounting = b.4.is_some();
            (
                DocumentTotals {
                    line_net_total: a.0,
                    allowance_total: a.1,
                    charge_total: a.2,
                    tax_exclusive_amount: a.3,
                    // UBL cannot write the VAT breakdown without BT-110
                    // (it would write their sum and say so).
                    tax_amount: Some(a.4.unwrap_or_default()),
                    tax_amount_accounting: b.4.map(|amount| TaxAmountInCurrency {
                        amount,
                        currency: Some(CurrencyCode::from("USD")),
                    }),
                    tax_inclusive_amount: b.0,
                    prepaid_amount: b.1,
                    rounding_amount: b.2,
                    amount_due: b.3,
                },
                with_accounting,
            )
        })
}

prop_compose! {
    fn invoice()(
        head in (of(code()), of(date()), of(prop_oneof![Just("380"), Just("381"), Just("384"), Just("389"), Just("751")]), of(date())),
        vat_point in of(prop_oneof![Just("3"), Just("35"), Just("432")]),
        refs in (of(text()), of(code()), of(code()), of(code()), of(code()), of(code()), of(code()), of(code())),
        more in (of(identifier()), of(text()), of(text())),
        notes in vec((of("[A-Z]{3}"), of(text())).prop_map(|(c, t)| Note { subject_code: c.map(TextSubjectCode), text: t }), 0..3),
        process in (of(code()), of(text())),
        // CII D16B carries a single preceding invoice reference (BG-3).
        preceding in vec((of(code()), of(date())).prop_map(|(number, issue_date)| PrecedingInvoice { number, issue_date }), 0..2),
        parties in (seller(), buyer()),
        payee in of((of(text()), of(identifier()), of(identifier())).prop_map(|(name, identifier, legal_registration_id)| Payee { name, identifier, legal_registration_id })),
        rep in of((of(text()), of(code()), of(address())).prop_map(|(name, vat_id, address)| TaxRepresentative { name, vat_id, address })),
        delivery in of((of(text()), of(identifier()), of(date()), of(address())).prop_map(|(party_name, location_id, actual_delivery_date, address)| Delivery { party_name, location_id, actual_delivery_date, address })),
        period in of(period()),
        payment in of(payment()),
        creditor in of(code()),
        ac in (vec(document_allowance(), 0..3), vec(document_charge(), 0..3)),
        totals in totals(),
        vat in vec(vat_breakdown(), 1..4),
        docs in vec((of(code()), of(text()), of(text()), of((vec(any::<u8>(), 0..64), of("[a-z]{4}/[a-z]{3,5}"), of("[a-z]{1,8}\\.[a-z]{3}")))).prop_map(|(reference, description, external_location, att)| SupportingDocument {
            reference, description, external_location,
            attachment: att.map(|(content, mime, filename)| BinaryObject { content, mime_code: mime.map(MimeCode), filename }),
        }), 0..3),
        lines in vec(line(), 1..4),
    ) -> Invoice {
        let (totals, with_accounting) = totals;
        let mut payment = payment;
        if let (Some(p), Some(c)) = (payment.as_mut(), creditor) {
            p.direct_debit.get_or_insert_with(Default::default).creditor_id = Some(c);
        }
        Invoice {
            number: head.0,
            issue_date: head.1,
            type_code: head.2.map(InvoiceTypeCode::from),
            currency: Some(CurrencyCode::from("EUR")),
            vat_accounting_currency: with_accounting.then(|| CurrencyCode::from("USD")),
            vat_point_date: head.3,
            vat_point_date_code: vat_point.map(VatPointDateCode::from),
            due_date: refs.1.as_ref().map(|_| NaiveDate::from_ymd_opt(2030, 1, 31).unwrap_or_default()),
            buyer_reference: refs.0,
            project_reference: refs.2,
            contract_reference: refs.3,
            purchase_order_reference: refs.4,
            sales_order_reference: refs.5,
            receiving_advice_reference: refs.6,
            despatch_advice_reference: refs.7,
            tender_reference: more.1.clone(),
            invoiced_object_id: more.0,
            buyer_accounting_reference: more.2,
            payment_terms: refs.1,
            notes,
            process: ProcessControl { business_process: process.0, specification: process.1 },
            preceding_invoices: preceding,
            seller: parties.0,
            buyer: parties.1,
            payee,
            tax_representative: rep,
            delivery,
            period,
            payment,
            allowances: ac.0,
            charges: ac.1,
            totals,
            vat_breakdown: vat,
            supporting_documents: docs,
            lines,
        }
    }
}

/// Turns groups that hold nothing into `None` (a syntax cannot tell an empty
/// group from an absent one).
fn normalise(mut inv: Invoice) -> Invoice {
    // CII's sequence puts identifiers without a scheme (ram:ID) before those
    // with one (ram:GlobalID): the order of BT-29 is not significant.
    inv.seller.identifiers.sort_by_key(|id| id.scheme.is_some());
    inv.prune_empty_groups();
    // Entries of repeatable groups holding nothing are not generated on
    // purpose (writers leave them out).
    if let Some(p) = inv.payment.as_mut() {
        p.credit_transfers
            .retain(|c| *c != CreditTransfer::default());
    }
    inv.notes.retain(|n| *n != Note::default());
    inv.preceding_invoices
        .retain(|p| *p != PrecedingInvoice::default());
    inv.supporting_documents
        .retain(|d| *d != SupportingDocument::default());
    for line in &mut inv.lines {
        if let Some(item) = line.item.as_mut() {
            item.attributes.retain(|a| *a != ItemAttribute::default());
        }
    }
    inv.prune_empty_groups();
    inv
}

fn roundtrip(invoice: &Invoice, target: Target) -> Result<Invoice, TestCaseError> {
    let written = facture::write(invoice, target)
        .map_err(|e| TestCaseError::fail(format!("{target:?} write: {e}")))?;
    prop_assert!(
        written.dropped.is_empty(),
        "{target:?} dropped {:?}",
        written.dropped
    );
    let doc = facture::read(&written.xml).map_err(|e| {
        TestCaseError::fail(format!(
            "{target:?} read back: {e}\n{}",
            String::from_utf8_lossy(&written.xml)
        ))
    })?;
    Ok(normalise(doc.invoice))
}

/// The JSON lines that differ between two models.
fn diff(before: &Invoice, after: &Invoice) -> String {
    let a = serde_json::to_string_pretty(before).unwrap_or_default();
    let b = serde_json::to_string_pretty(after).unwrap_or_default();
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let mut out = String::new();
    for i in 0..a.len().max(b.len()) {
        let (x, y) = (
            a.get(i).copied().unwrap_or(""),
            b.get(i).copied().unwrap_or(""),
        );
        if x != y {
            out.push_str(&format!("line {i}: - {x}\n        + {y}\n"));
            if out.len() > 2000 {
                break;
            }
        }
    }
    out
}

/// Runs a property in a thread with a large stack: the invoice strategy is a
/// deep tree of combinators, too deep for the default test-thread stack in
/// debug builds.
fn check(test: fn(Invoice) -> Result<(), TestCaseError>) {
    let handle = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let config = ProptestConfig {
                cases: 256,
                max_shrink_iters: 2000,
                ..ProptestConfig::default()
            };
            let mut runner = proptest::test_runner::TestRunner::new(config);
            let result = runner.run(&invoice(), test);
            if let Err(e) = result {
                panic!("{e}");
            }
        })
        .expect("test thread starts");
    if let Err(panic) = handle.join() {
        std::panic::resume_unwind(panic);
    }
}

#[test]
fn every_writer_reader_pair_preserves_the_model() {
    check(|invoice| {
        let invoice = normalise(invoice);
        for target in [Target::Ubl, Target::Cii] {
            let back = roundtrip(&invoice, target)?;
            prop_assert!(
                back == invoice,
                "{target:?} changed the model:\n{}",
                diff(&invoice, &back)
            );
        }
        Ok(())
    });
}

#[test]
fn ubl_cii_ubl_is_idempotent() {
    check(|invoice| {
        let invoice = normalise(invoice);
        let once = roundtrip(&roundtrip(&invoice, Target::Cii)?, Target::Ubl)?;
        let twice = roundtrip(&roundtrip(&once, Target::Cii)?, Target::Ubl)?;
        prop_assert_eq!(once, twice);
        Ok(())
    });
}

/// Valid invoices from `facture::generate` (realistic, with every VAT
/// category, allowances, charges, attachments): every writer/reader pair
/// keeps the model, and the converted documents are still valid.
#[cfg(feature = "generate")]
#[test]
fn generated_valid_invoices_round_trip_and_stay_valid() {
    let handle = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            let config = ProptestConfig {
                cases: 128,
                max_shrink_iters: 2000,
                ..ProptestConfig::default()
            };
            let mut runner = proptest::test_runner::TestRunner::new(config);
            let options = facture::generate::Options::default();
            let result = runner.run(&facture::generate::invoices(&options), |invoice| {
                let invoice = normalise(invoice);
                for target in [Target::Ubl, Target::Cii] {
                    let back = roundtrip(&invoice, target)?;
                    prop_assert!(
                        back == invoice,
                        "{target:?} changed the model:\n{}",
                        diff(&invoice, &back)
                    );
                    let xml = facture::write(&back, target)
                        .map_err(|e| TestCaseError::fail(e.to_string()))?
                        .xml;
                    let report = facture::validate_bytes(&xml, &facture::Profile::En16931)
                        .map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert!(report.is_valid(), "{target:?}: {:?}", report.fired());
                }
                Ok(())
            });
            if let Err(e) = result {
                panic!("{e}");
            }
        })
        .expect("test thread starts");
    if let Err(panic) = handle.join() {
        std::panic::resume_unwind(panic);
    }
}
