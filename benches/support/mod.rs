//! What the benchmarks share: the bundled examples, and a deterministic
//! generator of large invoices.
#![allow(dead_code)]

pub mod cpu_time;

use facture::Invoice;
use facture::model::{Decimal, VatBreakdown};
use std::path::Path;

/// The bundled examples, `(file name, bytes)`, sorted by name.
pub fn examples() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(&p).ok()?))
        })
        .collect()
}

/// The official CEN example invoices of `../shared/en16931/{ubl,cii}/examples`
/// (or `$FACTURE_SHARED/en16931/...`), `(syntax/file name, bytes)` sorted by
/// name: the "typical invoices" of real use (5–35 KB, most 5–22 KB), beside
/// the bundled examples, which carry every optional group. Empty, with a
/// note on stderr, when the shared corpus is absent.
pub fn cen_examples() -> Vec<(String, Vec<u8>)> {
    let shared = std::env::var_os("FACTURE_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let mut found = Vec::new();
    for syntax in ["ubl", "cii"] {
        let dir = shared.join("en16931").join(syntax).join("examples");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("{}: absent, CEN example benchmarks skipped", dir.display());
            return Vec::new();
        };
        let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for path in files {
            let is_xml = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xml"));
            if let (true, Some(name), Ok(bytes)) = (is_xml, path.file_name(), std::fs::read(&path))
            {
                found.push((format!("{syntax}/{}", name.to_string_lossy()), bytes));
            }
        }
    }
    found
}

/// An invoice of `lines` lines, the same every time: the bundled
/// `examples/ubl-invoice.xml` (all optional groups, a document allowance
/// and charge, an attachment) with its three lines repeated in turn (ids
/// `1`…`lines`), and the VAT breakdown and totals recomputed so that the
/// invoice stays valid. The lines keep quantity, unit, net amount, price,
/// VAT and item name and identifiers, and lose their free texts,
/// references, period, allowances, attributes and gross price (about
/// 0.8 KB a line in UBL and 1.1 KB in CII, so that 100 000 lines stay under the default 128 MiB
/// input limit).
pub fn invoice_with_lines(lines: usize) -> Invoice {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ubl-invoice.xml");
    let bytes = std::fs::read(&base).expect("examples/ubl-invoice.xml");
    let mut invoice = facture::read(&bytes).expect("the example reads").invoice;
    let templates = std::mem::take(&mut invoice.lines);
    assert!(!templates.is_empty(), "the example has lines");
    invoice.lines = (0..lines)
        .map(|i| {
            let mut line = templates[i % templates.len()].clone();
            line.id = Some((i + 1).to_string());
            line.note = None;
            line.object_id = None;
            line.buyer_accounting_reference = None;
            line.order_line_reference = None;
            line.period = None;
            line.allowances.clear();
            line.charges.clear();
            if let Some(price) = &mut line.price {
                price.gross_price = None;
                price.discount = None;
            }
            if let Some(item) = &mut line.item {
                item.description = None;
                item.classifications.clear();
                item.attributes.clear();
                item.origin_country = None;
            }
            line
        })
        .collect();
    recompute_totals(&mut invoice);
    invoice
}

/// The VAT breakdown (BG-23) and document totals (BG-22) from the lines and
/// the document allowances and charges, as EN 16931 computes them.
fn recompute_totals(invoice: &mut Invoice) {
    let zero = Decimal::ZERO;
    let mut groups: Vec<VatBreakdown> = Vec::new();
    let mut add = |category, rate: Option<Decimal>, amount: Decimal| match groups
        .iter_mut()
        .find(|g| g.category == category && g.rate == rate)
    {
        Some(g) => g.taxable_amount = Some(g.taxable_amount.unwrap_or(zero) + amount),
        None => groups.push(VatBreakdown {
            taxable_amount: Some(amount),
            category,
            rate,
            ..VatBreakdown::default()
        }),
    };
    let mut line_total = zero;
    for line in &invoice.lines {
        let amount = line.net_amount.unwrap_or(zero);
        line_total += amount;
        let vat = line.vat.clone().unwrap_or_default();
        add(vat.category, vat.rate, amount);
    }
    let mut allowances = zero;
    for a in &invoice.allowances {
        allowances += a.amount.unwrap_or(zero);
        add(
            a.vat_category.clone(),
            a.vat_rate,
            -a.amount.unwrap_or(zero),
        );
    }
    let mut charges = zero;
    for c in &invoice.charges {
        charges += c.amount.unwrap_or(zero);
        add(c.vat_category.clone(), c.vat_rate, c.amount.unwrap_or(zero));
    }
    let mut tax = zero;
    for g in &mut groups {
        let rate = g.rate.unwrap_or(zero);
        let amount = (g.taxable_amount.unwrap_or(zero) * rate / Decimal::ONE_HUNDRED).round_dp(2);
        g.tax_amount = Some(amount);
        tax += amount;
    }
    invoice.vat_breakdown = groups;
    let t = &mut invoice.totals;
    t.line_net_total = Some(line_total);
    t.allowance_total = (!invoice.allowances.is_empty()).then_some(allowances);
    t.charge_total = (!invoice.charges.is_empty()).then_some(charges);
    let exclusive = line_total - allowances + charges;
    t.tax_exclusive_amount = Some(exclusive);
    t.tax_amount = Some(tax);
    t.tax_inclusive_amount = Some(exclusive + tax);
    t.amount_due = Some(
        exclusive + tax - t.prepaid_amount.unwrap_or(zero) + t.rounding_amount.unwrap_or(zero),
    );
}

/// [`invoice_with_lines`] written in UBL and in CII, each checked to be
/// valid against EN 16931 (a generator bug must not pass for a benchmark).
pub fn generated(lines: usize) -> (Vec<u8>, Vec<u8>) {
    let invoice = invoice_with_lines(lines);
    let ubl = facture::write(&invoice, facture::Target::Ubl)
        .expect("UBL")
        .xml;
    let cii = facture::write(&invoice, facture::Target::Cii)
        .expect("CII")
        .xml;
    for (name, xml) in [("UBL", &ubl), ("CII", &cii)] {
        let report = facture::validate_bytes(xml, &facture::Profile::En16931).expect("reads");
        assert!(
            report.is_valid(),
            "generated {name} invoice of {lines} lines is not valid: {:?}",
            report.findings.iter().map(|f| f.rule).collect::<Vec<_>>()
        );
    }
    (ubl, cii)
}
