//! The `facture` command line: inspect and convert electronic invoices.
//!
//! Exit codes: 0 success, 1 the input is readable but the command's check
//! failed (e.g. `convert --strict` lost data), 2 usage, I/O or parse error.

mod chorus;
mod convert;
mod facturx;
#[cfg(feature = "generate")]
mod generate;
mod inspect;
mod profile;
mod validate;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Reads, writes, converts and validates electronic invoices (EN 16931,
/// UBL 2.1, UN/CEFACT CII D16B, Chorus Pro, Factur-X).
#[derive(Parser)]
#[command(name = "facture", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Shows what an invoice is: syntax, profile, number, parties, totals.
    Inspect(inspect::Args),
    /// Converts an invoice to another syntax (output to stdout by default).
    Convert(convert::Args),
    /// Validates invoices (files or directories, in parallel): first their
    /// structure against the XML Schema of their syntax (XSD-* findings),
    /// then the EN 16931 rules (exit 0 all valid, 1 some invalid or not
    /// fully checked, 2 some unreadable).
    Validate(validate::Args),
    /// Chorus Pro: builds the `deposerFluxFacture` body of an invoice, reads
    /// the platform's flow reports and invoice status histories.
    Chorus(chorus::Args),
    /// Writes generated invoices (valid, or breaking one named rule) and a
    /// `manifest.json` of their expected verdicts: a corpus for testing
    /// invoice software (deterministic for a seed).
    #[cfg(feature = "generate")]
    Generate(generate::Args),
    /// Factur-X / ZUGFeRD PDFs: extracts the embedded invoice, or embeds
    /// one into a PDF. (`inspect`, `convert` and `validate` also take a
    /// Factur-X PDF directly.)
    Facturx(facturx::Args),
    /// Prints the JSON Schema of the canonical invoice model (the JSON that
    /// `inspect --json` prints).
    Schema,
}

/// What a subcommand reports when it cannot do its job.
pub enum Failure {
    /// The input was read, but the command's check failed (exit 1).
    Check(String),
    /// Usage, I/O or parse error (exit 2).
    Error(String),
}

impl Failure {
    /// A library error about `path`, as a one-line message.
    pub fn read(path: &Path, e: facture::Error) -> Self {
        Failure::Error(format!("{}: {e}", path.display()))
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            };
        }
    };
    let result = match cli.command {
        Command::Inspect(args) => inspect::run(&args),
        Command::Convert(args) => convert::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Chorus(args) => chorus::run(&args),
        #[cfg(feature = "generate")]
        Command::Generate(args) => generate::run(&args),
        Command::Facturx(args) => facturx::run(&args),
        Command::Schema => schema(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Check(message)) => {
            eprintln!("facture: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Error(message)) => {
            eprintln!("facture: {message}");
            ExitCode::from(2)
        }
    }
}

fn schema() -> Result<(), Failure> {
    let schema = schemars::schema_for!(facture::Invoice);
    let text = serde_json::to_string_pretty(&schema)
        .map_err(|e| Failure::Error(format!("cannot serialise the schema: {e}")))?;
    print_stdout(format!("{text}\n").as_bytes())
}

/// Reads a whole input file.
pub fn read_file(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::Error(format!("{}: {e}", path.display())))
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub fn print_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Error(format!("cannot write to stdout: {e}"))),
    }
}

/// Writes `bytes` to `path`, or to stdout when `path` is `None` or `-`.
pub fn write_output(path: Option<&PathBuf>, bytes: &[u8]) -> Result<(), Failure> {
    match path {
        Some(p) if p.as_os_str() != "-" => {
            std::fs::write(p, bytes).map_err(|e| Failure::Error(format!("{}: {e}", p.display())))
        }
        _ => print_stdout(bytes),
    }
}
