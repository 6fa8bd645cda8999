//! `facture convert`.

use crate::{Failure, read_file, write_output};
use std::path::PathBuf;

/// Arguments of `facture convert`.
#[derive(clap::Args)]
pub struct Args {
    /// Target syntax: `ubl` (Invoice, or CreditNote for credit note type
    /// codes), `ubl-invoice`, `ubl-credit-note`, `cii`, `cpp-pivot`
    /// (Chorus Pro CPPFacturePivot) or `cpp-mixte` (Chorus Pro
    /// CPPFactureMixte, E2), `ubl-chorus` / `cii-chorus` (Chorus Pro E1
    /// flows: cadre in BT-23, SIRET under scheme 1, credit notes as
    /// positive 381), `ubl-chorus-min` / `cii-chorus-min` (E2 minimal
    /// flows: the minimal data set and the invoice PDF, which the invoice
    /// must carry as an attachment).
    #[arg(long, value_enum)]
    to: To,
    /// CPPFacturePivot XSD version to write (with `--to cpp-pivot`).
    #[arg(long, value_enum, default_value = "v2-02")]
    pivot_version: PivotVersion,
    /// Where to write the result (stdout when absent or `-`).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Exit 1 (after writing) if anything of the source could not be carried.
    #[arg(long)]
    strict: bool,
    /// The invoice to convert (UBL Invoice/CreditNote, CII, a Chorus Pro
    /// CPPFacturePivot / CPPFactureMixte: its first invoice, or a Factur-X
    /// PDF: its embedded CII).
    file: PathBuf,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum To {
    Ubl,
    UblInvoice,
    UblCreditNote,
    Cii,
    CppPivot,
    CppMixte,
    UblChorus,
    CiiChorus,
    UblChorusMin,
    CiiChorusMin,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PivotVersion {
    #[value(name = "v1-20")]
    V1_20,
    #[value(name = "v1-21")]
    V1_21,
    #[value(name = "v1-22")]
    V1_22,
    #[value(name = "v2-02")]
    V2_02,
}

/// Converts to a CPPFacturePivot of the given version, with the default
/// platform data (see `facture::syntax::cpp_pivot::PlatformData`).
fn pivot(
    bytes: &[u8],
    version: facture::syntax::cpp_pivot::PivotVersion,
) -> facture::Result<facture::Conversion> {
    let doc = facture::read(bytes)?;
    let options = facture::syntax::cpp_pivot::PivotOptions {
        version,
        ..Default::default()
    };
    let written = facture::syntax::cpp_pivot::write(&doc.invoice, &options)?;
    Ok(facture::Conversion {
        from: doc.syntax,
        xml: written.xml,
        ignored: doc.ignored,
        dropped: written.dropped,
    })
}

/// Runs `facture convert`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let bytes = read_file(&args.file)?;
    let target = match args.to {
        To::Ubl => facture::Target::Ubl,
        To::UblInvoice => facture::Target::UblInvoice,
        To::UblCreditNote => facture::Target::UblCreditNote,
        To::Cii => facture::Target::Cii,
        To::CppPivot => facture::Target::CppPivot,
        To::CppMixte => facture::Target::CppMixte,
        To::UblChorus => facture::Target::UblChorus,
        To::CiiChorus => facture::Target::CiiChorus,
        To::UblChorusMin => facture::Target::UblChorusMin,
        To::CiiChorusMin => facture::Target::CiiChorusMin,
    };
    let conversion = match args.to {
        To::CppPivot => {
            use facture::syntax::cpp_pivot::PivotVersion as V;
            let version = match args.pivot_version {
                PivotVersion::V1_20 => V::V1_20,
                PivotVersion::V1_21 => V::V1_21,
                PivotVersion::V1_22 => V::V1_22,
                PivotVersion::V2_02 => V::V2_02,
            };
            pivot(&bytes, version)
        }
        _ => facture::convert(&bytes, target),
    }
    .map_err(|e| Failure::read(&args.file, e))?;
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
