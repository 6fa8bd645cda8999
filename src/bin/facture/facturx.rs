//! `facture facturx`: extract the invoice of a Factur-X PDF, or embed one.

use crate::{Failure, read_file, write_output};
use facture::syntax::facturx::{self, EmbedOptions, FacturXProfile, Relationship};
use std::path::PathBuf;

/// Arguments of `facture facturx`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Writes the invoice embedded in a Factur-X / ZUGFeRD PDF (factur-x.xml,
    /// zugferd-invoice.xml or xrechnung.xml), byte for byte, and prints what
    /// the PDF says about it (file name, relationship, XMP conformance level,
    /// PDF/A part) on stderr.
    Extract(ExtractArgs),
    /// Attaches an invoice to a PDF as its Factur-X XML: associated file
    /// (/AF) with /AFRelationship, MIME type text/xml, size, MD5 checksum
    /// and dates, XMP metadata with the Factur-X extension schema, the
    /// conformance level from BT-24, and pdfaid:part 3. Pages are kept. A CII
    /// invoice is embedded as it is; any other readable format (UBL, Chorus
    /// Pro) is converted to CII first.
    ///
    /// Embedding declares PDF/A-3; it does not make the PDF conform (fonts
    /// are not embedded, no colour profile or output intent is added, the
    /// PDF/A file structure rules are not enforced). A warning is printed
    /// when the input PDF has no PDF/A output intent (/S /GTS_PDFA1), a sign
    /// it is not PDF/A. Validate the result with a PDF/A validator
    /// (veraPDF): facture does not check PDF/A conformance.
    Embed(EmbedArgs),
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Where to write the XML (stdout when absent or `-`).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The Factur-X PDF.
    file: PathBuf,
}

#[derive(clap::Args)]
struct EmbedArgs {
    /// The PDF to attach the invoice to (ideally PDF/A already: embedding
    /// declares PDF/A-3 but does not convert fonts or colours).
    #[arg(long)]
    pdf: PathBuf,
    /// The invoice: CII (embedded unchanged), or UBL / Chorus Pro
    /// (converted to CII).
    #[arg(long)]
    xml: PathBuf,
    /// The Factur-X profile to declare, written into BT-24 (the invoice is
    /// then rewritten as CII). Without it, BT-24 must already name a
    /// Factur-X profile.
    #[arg(long, value_enum)]
    profile: Option<ProfileArg>,
    /// The /AFRelationship of the attachment.
    #[arg(long, value_enum, default_value = "data")]
    relationship: RelationshipArg,
    /// Where to write the PDF (stdout when absent or `-`).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ProfileArg {
    Minimum,
    BasicWl,
    Basic,
    En16931,
    Extended,
    Xrechnung,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum RelationshipArg {
    Data,
    Alternative,
    Source,
}

/// Runs `facture facturx`.
pub fn run(args: &Args) -> Result<(), Failure> {
    match &args.command {
        Command::Extract(a) => extract(a),
        Command::Embed(a) => embed(a),
    }
}

fn extract(args: &ExtractArgs) -> Result<(), Failure> {
    let bytes = read_file(&args.file)?;
    let extracted = facturx::extract(&bytes, &facture::Limits::default())
        .map_err(|e| Failure::read(&args.file, e))?;
    write_output(args.output.as_ref(), &extracted.xml)?;
    let xmp = extracted.xmp.as_ref();
    eprintln!(
        "facture: {}: {} ({} bytes), relationship {}, conformance level {}, PDF/A-{}{}",
        args.file.display(),
        extracted.file_name,
        extracted.xml.len(),
        extracted.relationship.as_deref().unwrap_or("-"),
        xmp.and_then(|x| x.conformance_level.as_deref())
            .unwrap_or("-"),
        xmp.and_then(|x| x.pdfa_part.as_deref()).unwrap_or("?"),
        xmp.and_then(|x| x.pdfa_conformance.as_deref())
            .unwrap_or("")
            .to_lowercase(),
    );
    Ok(())
}

fn embed(args: &EmbedArgs) -> Result<(), Failure> {
    let pdf = read_file(&args.pdf)?;
    if !facturx::has_pdfa_output_intent(&pdf, &facture::Limits::default()).unwrap_or(true) {
        eprintln!(
            "facture: warning: {} has no PDF/A output intent (/OutputIntents with /S /GTS_PDFA1): \
             it is most likely not PDF/A, and the output will declare PDF/A-3 in its XMP \
             without conforming to it (fonts, colour profile are not converted); start from a \
             PDF/A file and check the result with a PDF/A validator such as veraPDF",
            args.pdf.display()
        );
    }
    let source = read_file(&args.xml)?;
    let doc = facture::read(&source).map_err(|e| Failure::read(&args.xml, e))?;
    let profile = args.profile.map(|p| match p {
        ProfileArg::Minimum => FacturXProfile::Minimum,
        ProfileArg::BasicWl => FacturXProfile::BasicWl,
        ProfileArg::Basic => FacturXProfile::Basic,
        ProfileArg::En16931 => FacturXProfile::En16931,
        ProfileArg::Extended => FacturXProfile::Extended,
        ProfileArg::Xrechnung => FacturXProfile::XRechnung,
    });
    let xml = if doc.syntax == facture::Syntax::Cii && profile.is_none() {
        source
    } else {
        let mut invoice = doc.invoice;
        if let Some(profile) = profile {
            invoice.process.specification = Some(profile.specification().to_owned());
        }
        let written = facture::write(&invoice, facture::Target::Cii)
            .map_err(|e| Failure::read(&args.xml, e))?;
        for ignored in &doc.ignored {
            eprintln!(
                "facture: {}: not converted (outside EN 16931): {}",
                args.xml.display(),
                ignored.element
            );
        }
        for dropped in &written.dropped {
            eprintln!("facture: {}: dropped by CII: {dropped}", args.xml.display());
        }
        written.xml
    };
    let options = EmbedOptions {
        relationship: match args.relationship {
            RelationshipArg::Data => Relationship::Data,
            RelationshipArg::Alternative => Relationship::Alternative,
            RelationshipArg::Source => Relationship::Source,
        },
        ..EmbedOptions::default()
    };
    let out = facturx::embed(&pdf, &xml, &options).map_err(|e| {
        Failure::Error(format!(
            "{} + {}: {e}{}",
            args.pdf.display(),
            args.xml.display(),
            if matches!(e, facture::Error::InvalidValue { .. }) {
                " (give --profile)"
            } else {
                ""
            }
        ))
    })?;
    write_output(args.output.as_ref(), &out)
}
