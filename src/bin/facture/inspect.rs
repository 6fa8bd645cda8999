//! `facture inspect`.

use crate::{Failure, print_stdout, read_file};
use facture::model::{Decimal, Identifier, Invoice};
use std::fmt::Write as _;
use std::path::PathBuf;

/// Arguments of `facture inspect`.
#[derive(clap::Args)]
pub struct Args {
    /// Print the whole canonical model as JSON instead of a summary.
    #[arg(long)]
    json: bool,
    /// The invoice to inspect (UBL Invoice/CreditNote, CII, Chorus Pro, or a
    /// Factur-X PDF: its embedded CII).
    file: PathBuf,
}

/// Runs `facture inspect`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let bytes = read_file(&args.file)?;
    let doc = facture::read(&bytes).map_err(|e| Failure::read(&args.file, e))?;
    let text = if args.json {
        let mut json = serde_json::to_string_pretty(&doc.invoice)
            .map_err(|e| Failure::Error(format!("cannot serialise the invoice: {e}")))?;
        json.push('\n');
        json
    } else {
        summary(&doc)
    };
    print_stdout(text.as_bytes())
}

fn or_dash(value: Option<&str>) -> &str {
    value.unwrap_or("-")
}

fn ids(ids: &[&Identifier]) -> String {
    ids.iter()
        .map(|id| match &id.scheme {
            Some(scheme) => format!("{} ({scheme})", id.value),
            None => id.value.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn amount(value: Option<Decimal>, currency: &str) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v} {currency}"))
}

/// The human summary printed by `facture inspect`.
pub fn summary(doc: &facture::Document) -> String {
    let inv: &Invoice = &doc.invoice;
    let currency = inv.currency.as_ref().map_or("", |c| c.code());
    let mut out = String::new();
    let _ = writeln!(out, "syntax:        {}", doc.syntax);
    let _ = writeln!(
        out,
        "profile:       {}{}",
        or_dash(inv.process.specification.as_deref()),
        facture::syntax::facturx::FacturXProfile::of(inv)
            .map_or_else(String::new, |p| format!(" (Factur-X {p})"))
    );
    if let Some(process) = &inv.process.business_process {
        let _ = writeln!(out, "process:       {process}");
    }
    let _ = writeln!(out, "number:        {}", or_dash(inv.number.as_deref()));
    let _ = writeln!(
        out,
        "type:          {}",
        inv.type_code.as_ref().map_or("-", |c| c.code())
    );
    let _ = writeln!(
        out,
        "issue date:    {}",
        inv.issue_date
            .map_or_else(|| "-".to_owned(), |d| d.to_string())
    );
    if let Some(due) = inv.due_date {
        let _ = writeln!(out, "due date:      {due}");
    }
    let _ = writeln!(
        out,
        "currency:      {}",
        if currency.is_empty() { "-" } else { currency }
    );
    let seller_ids: Vec<&Identifier> = inv
        .seller
        .identifiers
        .iter()
        .chain(inv.seller.legal_registration_id.as_ref())
        .collect();
    let _ = writeln!(
        out,
        "seller:        {}{}{}",
        or_dash(inv.seller.name.as_deref()),
        if seller_ids.is_empty() {
            String::new()
        } else {
            format!(" [{}]", ids(&seller_ids))
        },
        inv.seller
            .vat_id
            .as_ref()
            .map_or(String::new(), |v| format!(" VAT {v}"))
    );
    let buyer_ids: Vec<&Identifier> = inv
        .buyer
        .identifier
        .iter()
        .chain(inv.buyer.legal_registration_id.as_ref())
        .collect();
    let _ = writeln!(
        out,
        "buyer:         {}{}{}",
        or_dash(inv.buyer.name.as_deref()),
        if buyer_ids.is_empty() {
            String::new()
        } else {
            format!(" [{}]", ids(&buyer_ids))
        },
        inv.buyer
            .vat_id
            .as_ref()
            .map_or(String::new(), |v| format!(" VAT {v}"))
    );
    if let Some(reference) = &inv.buyer_reference {
        let _ = writeln!(out, "buyer ref:     {reference}");
    }
    if let Some(order) = &inv.purchase_order_reference {
        let _ = writeln!(out, "order ref:     {order}");
    }
    let _ = writeln!(out, "lines:         {}", inv.lines.len());
    let t = &inv.totals;
    let _ = writeln!(
        out,
        "net total:     {}",
        amount(t.tax_exclusive_amount, currency)
    );
    let _ = writeln!(out, "VAT total:     {}", amount(t.tax_amount, currency));
    let _ = writeln!(
        out,
        "gross total:   {}",
        amount(t.tax_inclusive_amount, currency)
    );
    let _ = writeln!(out, "amount due:    {}", amount(t.amount_due, currency));
    for vat in &inv.vat_breakdown {
        let _ = writeln!(
            out,
            "VAT {:<3} {:>6}% on {} = {}",
            vat.category.as_ref().map_or("-", |c| c.code()),
            vat.rate.map_or_else(|| "-".to_owned(), |r| r.to_string()),
            amount(vat.taxable_amount, currency),
            amount(vat.tax_amount, currency)
        );
    }
    if !doc.ignored.is_empty() {
        let _ = writeln!(
            out,
            "not mapped:    {} element(s) outside EN 16931",
            doc.ignored.len()
        );
    }
    out
}
