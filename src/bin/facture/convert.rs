//! `facture convert`.

use crate::{Failure, read_file, write_output};
use std::path::PathBuf;

/// Arguments of `facture convert`.
#[derive(clap::Args)]
pub struct Args {
    /// Target syntax: `ubl` (Invoice, or CreditNote for credit note type
    /// codes), `ubl-invoice`, `ubl-credit-note`, or `cii`.
    #[arg(long, value_enum)]
    to: To,
    /// Where to write the result (stdout when absent or `-`).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Exit 1 (after writing) if anything of the source could not be carried.
    #[arg(long)]
    strict: bool,
    /// The invoice to convert (UBL Invoice/CreditNote or CII).
    file: PathBuf,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum To {
    Ubl,
    UblInvoice,
    UblCreditNote,
    Cii,
}

/// Runs `facture convert`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let bytes = read_file(&args.file)?;
    let target = match args.to {
        To::Ubl => facture::Target::Ubl,
        To::UblInvoice => facture::Target::UblInvoice,
        To::UblCreditNote => facture::Target::UblCreditNote,
        To::Cii => facture::Target::Cii,
    };
    let conversion = facture::convert(&bytes, target).map_err(|e| Failure::read(&args.file, e))?;
    write_output(args.output.as_ref(), &conversion.xml)?;
    let file = args.file.display();
    for ignored in &conversion.ignored {
        eprintln!(
            "facture: {file}: not converted (outside EN 16931): {}",
            ignored.element
        );
    }
    for dropped in &conversion.dropped {
        eprintln!("facture: {file}: dropped by the target syntax: {dropped}");
    }
    if args.strict && !conversion.is_lossless() {
        return Err(Failure::Check(format!(
            "{file}: conversion lost {} element(s) and {} term(s)",
            conversion.ignored.len(),
            conversion.dropped.len()
        )));
    }
    Ok(())
}
