//! `facture validate`.

use crate::{Failure, print_stdout};
use facture::rules::{Finding, Report, Severity, Verdict};
use facture::syntax::xml_output::XmlOut;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Arguments of `facture validate`.
#[derive(clap::Args)]
pub struct Args {
    /// Rule profile: `en16931` (the CEN rules), `chorus-pro` (EN 16931
    /// plus what Chorus Pro checks before it accepts an invoice; see the
    /// options below for what it needs to know of the recipient), or
    /// `factur-x` (EN 16931 and the Factur-X profile rules, by BT-24: the
    /// profile's Factur-X 1.09 XML Schema, FX-SCHEMA-01; FX-PROFILE-*; for
    /// MINIMUM and BASIC WL, which are not EN 16931 invoices, only the
    /// EN 16931 rules their official schematrons keep, MINIMUM's under its
    /// FX-SCH-A-* ids, and their code lists). A Factur-X PDF always gets
    /// the Factur-X rules, container checks FX-PDF-* included.
    #[arg(long, value_enum, default_value = "en16931")]
    profile: ProfileArg,
    #[command(flatten)]
    chorus: crate::profile::ChorusArgs,
    /// Output format: `text` (human), `json` (one object per file per
    /// line), or `svrl` (Schematron Validation Report Language).
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of the messages.
    #[arg(long, value_enum, default_value = "en")]
    lang: Lang,
    /// Skip the structural check: by default each file is first checked
    /// against the XML Schema of its syntax (UBL 2.1, CII D16B,
    /// CPPFacturePivot), natively, as Chorus Pro does before any business
    /// rule; its findings have ids `XSD-*`.
    #[arg(long)]
    no_xsd: bool,
    /// Cross-check the structure with libxml2 (feature `libxml`): validate
    /// each file also against the XML Schema found under DIR by its usual
    /// file name (`UBL-Invoice-2.1.xsd`, `CrossIndustryInvoice_100pD16B.xsd`,
    /// `CPPFacturePivot_V2_02.xsd`…) and print libxml2's verdict beside
    /// facture's; a file libxml2 rejects counts as not valid.
    #[cfg(feature = "libxml")]
    #[arg(long, value_name = "DIR")]
    schemas: Option<PathBuf>,
    /// For `--format svrl` with several files: the directory where one
    /// `NAME.svrl` per input is written.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The invoices to validate (UBL Invoice/CreditNote, CII, Chorus Pro,
    /// or a Factur-X PDF: its embedded CII, lines and columns in that XML),
    /// or directories, walked recursively for `*.xml` and `*.pdf`. Files
    /// are validated in parallel on all cores; results are printed in input
    /// order (directory contents sorted by path), then, for several files,
    /// a summary on stderr (files, valid, invalid, unreadable, time). A
    /// progress bar is shown on stderr when it is a terminal.
    #[arg(required = true, value_name = "FILE_OR_DIR")]
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ProfileArg {
    En16931,
    ChorusPro,
    #[value(name = "factur-x")]
    FacturX,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Svrl,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Lang {
    En,
    Fr,
}

impl Lang {
    fn message(self, f: &Finding) -> String {
        match self {
            Lang::En => f.text_en(),
            Lang::Fr => f.text_fr(),
        }
    }
}

/// What became of one input file.
enum Outcome {
    Report(Report),
    Unreadable(facture::Error),
}

/// Runs `facture validate`: files are checked in parallel on all cores,
/// every file even when others cannot be read, and the results are printed
/// in input order. Directories are walked recursively for `*.xml` and
/// `*.pdf`. Exit 0
/// when all are valid, 1 when any is invalid or could not be fully checked,
/// 2 when any could not be read.
pub fn run(args: &Args) -> Result<(), Failure> {
    let profile = match args.profile {
        ProfileArg::En16931 => facture::Profile::En16931,
        ProfileArg::ChorusPro => args.chorus.profile()?,
        ProfileArg::FacturX => facture::Profile::FacturX,
    };
    let options = facture::ValidateOptions::new(profile).structure(!args.no_xsd);
    let started = Instant::now();
    let files = inputs(&args.files)?;
    if args.format == Format::Svrl && files.len() > 1 && args.output.is_none() {
        return Err(Failure::Error(
            "--format svrl with several files needs -o DIR (one SVRL document per file)".into(),
        ));
    }
    let progress = progress_bar(files.len());
    let mut tally = Tally::default();
    // Chunks keep the output streaming and in input order while each chunk
    // is validated in parallel. One file starts no thread pool (asking
    // rayon for its size would start it).
    let chunk = if files.len() <= 1 {
        1
    } else {
        rayon::current_num_threads().max(1) * 16
    };
    for batch in files.chunks(chunk) {
        let check = |file: &PathBuf| {
            let outcome = match std::fs::read(file)
                .map_err(facture::Error::from)
                .and_then(|bytes| facture::validate_bytes_with(&bytes, &options))
            {
                Ok(report) => Outcome::Report(report),
                Err(e) => Outcome::Unreadable(e),
            };
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            outcome
        };
        // One file: no thread pool to start.
        let outcomes: Vec<Outcome> = if batch.len() == 1 {
            batch.iter().map(check).collect()
        } else {
            batch.par_iter().map(check).collect()
        };
        for (file, outcome) in batch.iter().zip(&outcomes) {
            let emit = || match outcome {
                Outcome::Report(report) => emit_report(args, file, report),
                Outcome::Unreadable(e) => emit_error(args, file, e),
            };
            match &progress {
                Some(bar) => bar.suspend(emit)?,
                None => emit()?,
            }
            tally.add(outcome);
            #[cfg(feature = "libxml")]
            if let (Outcome::Report(report), Some(dir)) = (outcome, &args.schemas)
                && !cross_check(args, file, dir, report)?
                && report.is_valid()
            {
                tally.valid -= 1;
                tally.not_valid += 1;
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if files.len() > 1 || files.len() != args.files.len() {
        eprintln!(
            "facture: {} file(s): {} valid, {} invalid, {} unreadable in {:.2} s",
            files.len(),
            tally.valid,
            tally.not_valid,
            tally.unreadable,
            started.elapsed().as_secs_f64()
        );
    }
    if tally.unreadable > 0 {
        Err(Failure::Error(format!(
            "{} of {} file(s) could not be read",
            tally.unreadable,
            files.len()
        )))
    } else if tally.not_valid > 0 {
        Err(Failure::Check(format!(
            "{} of {} file(s) not valid",
            tally.not_valid,
            files.len()
        )))
    } else {
        Ok(())
    }
}

/// Counts of the outcomes so far.
#[derive(Default)]
struct Tally {
    valid: usize,
    not_valid: usize,
    unreadable: usize,
}

impl Tally {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Report(r) if r.is_valid() => self.valid += 1,
            Outcome::Report(_) => self.not_valid += 1,
            Outcome::Unreadable(_) => self.unreadable += 1,
        }
    }
}

/// The files to validate, in the order given: a file as it is (whatever its
/// extension), a directory as the `*.xml` and `*.pdf` files under it, recursively,
/// sorted by path. A path that does not exist is kept, to be reported as
/// unreadable.
fn inputs(args: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let mut found = Vec::new();
            walk(arg, &mut found).map_err(|e| Failure::Error(format!("{}: {e}", arg.display())))?;
            found.sort();
            files.extend(found);
        } else {
            files.push(arg.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xml") || e.eq_ignore_ascii_case("pdf"))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// A progress bar on stderr for a batch, when stderr is a terminal.
fn progress_bar(files: usize) -> Option<ProgressBar> {
    if files < 2 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files, {elapsed} (eta {eta})")
    {
        bar.set_style(style);
    }
    Some(bar)
}

fn emit_report(args: &Args, file: &Path, report: &Report) -> Result<(), Failure> {
    match args.format {
        Format::Text => print_stdout(text(file, report, args.lang).as_bytes()),
        Format::Json => print_stdout(format!("{}\n", json(file, report, args.lang)).as_bytes()),
        Format::Svrl => {
            let svrl = svrl(report, args.lang)?;
            match &args.output {
                Some(dir) => {
                    let name = file
                        .file_name()
                        .map_or_else(|| "invoice".into(), |n| n.to_string_lossy().into_owned());
                    let target = dir.join(format!("{name}.svrl"));
                    std::fs::write(&target, svrl)
                        .map_err(|e| Failure::Error(format!("{}: {e}", target.display())))
                }
                None => print_stdout(&svrl),
            }
        }
    }
}

/// Runs libxml2 on `file` and prints its verdict (a JSON line
/// `{"file":…,"libxml2":…}` in JSON); whether libxml2 accepts the file.
#[cfg(feature = "libxml")]
fn cross_check(args: &Args, file: &Path, dir: &Path, report: &Report) -> Result<bool, Failure> {
    let bytes =
        std::fs::read(file).map_err(|e| Failure::Error(format!("{}: {e}", file.display())))?;
    let verdict = facture::syntax::xsd::libxml::validate(&bytes, dir)
        .map_err(|e| Failure::Error(format!("{}: {e}", file.display())))?;
    let Some(verdict) = verdict else {
        eprintln!(
            "facture: {}: no schema for it under {}",
            file.display(),
            dir.display()
        );
        return Ok(true);
    };
    let native = report.findings.iter().any(|f| f.rule.starts_with("XSD-"));
    let valid = verdict.complaints.is_empty();
    if args.format == Format::Json {
        let value = serde_json::json!({
            "file": file.display().to_string(),
            "libxml2": {
                "schema": verdict.schema.display().to_string(),
                "valid": valid,
                "agrees": valid != native,
                "complaints": verdict.complaints.iter().map(|c| serde_json::json!({
                    "line": c.line, "column": c.column, "message": c.message,
                })).collect::<Vec<_>>(),
            },
        });
        print_stdout(format!("{value}\n").as_bytes())?;
    } else {
        let mut out = format!(
            "  libxml2 ({}): {}{}\n",
            verdict.schema.display(),
            if valid { "valid" } else { "invalid" },
            if valid != native {
                ""
            } else {
                " (disagrees with facture's structural check)"
            }
        );
        for c in &verdict.complaints {
            let _ = writeln!(
                out,
                "    {}:{} {}",
                c.line.unwrap_or(0),
                c.column.unwrap_or(0),
                c.message
            );
        }
        print_stdout(out.as_bytes())?;
    }
    Ok(valid)
}

fn emit_error(args: &Args, file: &Path, e: &facture::Error) -> Result<(), Failure> {
    // The error also goes to stderr as one line, whatever the format.
    eprintln!("facture: {}: {e}", file.display());
    if args.format == Format::Json {
        let value = serde_json::json!({
            "file": file.display().to_string(),
            "valid": false,
            "error": {
                "kind": e.kind().to_string(),
                "message": e.to_string(),
                "line": e.pos().map(|p| p.line),
                "column": e.pos().map(|p| p.column),
            },
        });
        print_stdout(format!("{value}\n").as_bytes())?;
    }
    Ok(())
}

fn verdict_word(report: &Report) -> &'static str {
    match report.verdict() {
        Verdict::Valid => "valid",
        Verdict::Invalid => "invalid",
        Verdict::Incomplete => "incomplete",
    }
}

/// The human report of one file.
fn text(file: &Path, report: &Report, lang: Lang) -> String {
    let fatal = report.fatal().count();
    let warnings = report.findings.len() - fatal;
    let mut out = format!(
        "{}: {} ({} fatal, {} warning{})\n",
        file.display(),
        verdict_word(report),
        fatal,
        warnings,
        if warnings == 1 { "" } else { "s" }
    );
    if let Some(schema) = report.schema {
        let _ = writeln!(out, "  structure checked against {schema}");
    }
    if let Some(why) = &report.unreadable {
        let _ = writeln!(
            out,
            "  business rules not run: the invoice could not be read ({why})"
        );
    }
    for f in &report.findings {
        let at = f
            .location
            .as_ref()
            .map_or_else(String::new, |l| format!("{}:{} ", l.line, l.column));
        let terms = if f.terms.is_empty() {
            String::new()
        } else {
            format!(" [{}]", f.terms.join(", "))
        };
        let _ = writeln!(
            out,
            "  {at}{} {}{terms}: {}",
            f.severity,
            f.rule,
            lang.message(f)
        );
        if let Some(platform) = f.platform {
            let _ = writeln!(out, "      Chorus Pro: {platform}");
        }
    }
    if !report.not_checked.is_empty() {
        let _ = writeln!(
            out,
            "  not checked ({} rule(s): not implemented, or missing what they need, e.g. the recipient's parameters): {}",
            report.not_checked.len(),
            report.not_checked.join(" ")
        );
    }
    out
}

/// The JSON line of one file.
fn json(file: &Path, report: &Report, lang: Lang) -> serde_json::Value {
    let findings: Vec<serde_json::Value> = report
        .findings
        .iter()
        .map(|f| {
            serde_json::json!({
                "rule": f.rule,
                "severity": f.severity,
                "bt": f.terms,
                "line": f.location.as_ref().map(|l| l.line),
                "column": f.location.as_ref().map(|l| l.column),
                "path": f.location.as_ref().map(|l| l.xpath.as_str()),
                "term": f.path.map(|p| p.to_string()),
                "message": lang.message(f),
                "platform": f.platform,
            })
        })
        .collect();
    serde_json::json!({
        "file": file.display().to_string(),
        "syntax": report.syntax.map(|s| s.family()),
        "profile": report.profile,
        "valid": report.is_valid(),
        "verdict": verdict_word(report),
        "findings": findings,
        "not_checked": report.not_checked,
        "schema": report.schema,
        "unreadable": report.unreadable,
    })
}

/// The SVRL document of one report.
fn svrl(report: &Report, lang: Lang) -> Result<Vec<u8>, Failure> {
    const SVRL: &str = "http://purl.oclc.org/dsdl/svrl";
    let mut out = XmlOut::new();
    out.open(
        "svrl:schematron-output",
        &[
            ("xmlns:svrl", Some(SVRL)),
            ("title", Some("facture EN 16931 validation")),
            ("schemaVersion", Some("iso")),
        ],
    );
    for f in &report.findings {
        let location = f.location.as_ref().map(|l| l.xpath.as_str());
        let flag = match f.severity {
            Severity::Fatal => "fatal",
            Severity::Warning => "warning",
        };
        out.open(
            "svrl:failed-assert",
            &[
                ("id", Some(f.rule)),
                ("flag", Some(flag)),
                ("location", Some(location.unwrap_or("/"))),
                ("test", Some(f.rule)),
            ],
        );
        out.leaf(
            "svrl:text",
            &[],
            &format!("[{}]-{}", f.rule, lang.message(f)),
        );
        out.close("svrl:failed-assert");
    }
    out.close("svrl:schematron-output");
    out.finish()
        .map_err(|e| Failure::Error(format!("cannot write SVRL: {e}")))
}
