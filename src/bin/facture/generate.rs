//! `facture generate`: a corpus of generated invoices with their expected
//! verdicts.

use crate::{Failure, print_stdout};
use facture::generate::{self, Options};
use std::fmt::Write as _;
use std::path::PathBuf;

/// Arguments of `facture generate`.
#[derive(clap::Args)]
pub struct Args {
    /// How many invoices to write.
    #[arg(long, default_value_t = 10)]
    count: usize,
    /// Output syntax: `ubl` (Invoice, or CreditNote for credit notes),
    /// `cii`, `cpp-mixte` (Chorus Pro CPPFactureMixte, which carries a
    /// subset of the invoice: the manifest's verdicts are those of the
    /// invoice it was written from) or `facturx` (the CII embedded in a
    /// one-page PDF summary: Factur-X EN 16931 profile; the PDF declares
    /// PDF/A-3 but uses a standard, unembedded font).
    #[arg(long, value_enum, default_value = "ubl")]
    to: To,
    /// Seed of the generator: the same seed, count and options give the
    /// same files.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Directory to write the invoices and `manifest.json` into (created
    /// if missing).
    #[arg(long, required_unless_present = "list_rules")]
    out: Option<PathBuf>,
    /// What the invoices must also satisfy: `en16931` only, or
    /// `chorus-pro` (a French public buyer with its SIRET, service code,
    /// engagement number, cadre de facturation, short invoice numbers).
    #[arg(long, value_enum, default_value = "en16931")]
    profile: ProfileArg,
    /// Make every invoice break this rule (and no other fatal rule), e.g.
    /// `BR-CO-10`; Chorus Pro rules (`G1.05`, `CPP-…`) need `--profile
    /// chorus-pro`, Factur-X rules (`FX-…`) `--to facturx`. The manifest's
    /// `validate_with` gives the `facture validate` options the verdicts
    /// hold under (for Chorus Pro, the recipient requirements).
    /// `--list-rules` shows which rules can be broken.
    #[arg(long = "break", value_name = "RULE_ID")]
    break_rule: Option<String>,
    /// List the rules `--break` can target, those it can target in one
    /// syntax only, and those it cannot target, with the reason; then exit.
    #[arg(long)]
    list_rules: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum To {
    Ubl,
    Cii,
    CppMixte,
    Facturx,
}

impl To {
    fn name(self) -> &'static str {
        match self {
            To::Ubl => "ubl",
            To::Cii => "cii",
            To::CppMixte => "cpp-mixte",
            To::Facturx => "facturx",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ProfileArg {
    En16931,
    ChorusPro,
}

fn list_rules() -> Result<(), Failure> {
    let mut out = String::new();
    let limits = generate::syntax_limits();
    out.push_str(
        "# breakable in UBL and CII (Chorus Pro rules, G1.*, S2.* and CPP-*: with --profile chorus-pro)\n",
    );
    for rule in generate::breakable_rules() {
        if !limits.iter().any(|(r, _, _)| r == rule) && !generate::breaks_in_pdf(rule) {
            let _ = writeln!(out, "{rule}");
        }
    }
    out.push_str("\n# breakable in a Factur-X PDF (--to facturx)\n");
    for rule in generate::breakable_rules() {
        if generate::breaks_in_pdf(rule) {
            let _ = writeln!(out, "{rule}");
        }
    }
    out.push_str("\n# breakable in one syntax only (rule, syntax where it is not, why)\n");
    for (rule, syntax, why) in &limits {
        let _ = writeln!(out, "{rule}\tnot in {syntax}\t{why}");
    }
    out.push_str("\n# not breakable alone (rule, why)\n");
    for (rule, why) in generate::unbreakable_rules() {
        let _ = writeln!(out, "{rule}\t{why}");
    }
    print_stdout(out.as_bytes())
}

/// Runs `facture generate`.
pub fn run(args: &Args) -> Result<(), Failure> {
    if args.list_rules {
        return list_rules();
    }
    let Some(dir) = args.out.as_ref() else {
        return Err(Failure::Error("--out DIR is required".to_owned()));
    };
    let target = match args.to {
        To::Ubl => facture::Target::Ubl,
        To::Cii => facture::Target::Cii,
        To::CppMixte => facture::Target::CppMixte,
        // Written by generate::facturx_pdf.
        To::Facturx => facture::Target::Cii,
    };
    let options = match args.profile {
        ProfileArg::En16931 => Options::en16931(),
        ProfileArg::ChorusPro => Options::chorus_pro(),
    };
    if let Some(rule) = args.break_rule.as_deref() {
        check_breakable(rule, args.to)?;
        let chorus_rule =
            facture::rules::catalogue::rule(rule).is_some_and(|r| r.set() == "chorus-pro");
        if chorus_rule && args.profile != ProfileArg::ChorusPro {
            return Err(Failure::Error(format!(
                "{rule} is a Chorus Pro rule: add --profile chorus-pro"
            )));
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| Failure::Error(format!("{}: {e}", dir.display())))?;

    let width = args.count.max(1).to_string().len().max(4);
    let mut files = Vec::new();
    for (i, plan) in generate::sample_plans(args.count, args.seed)
        .iter()
        .enumerate()
    {
        let failed = |e: &dyn std::fmt::Display| Failure::Error(format!("invoice {}: {e}", i + 1));
        let (invoice, name, bytes, dropped) = if args.to == To::Facturx {
            // The invoice as built (a Factur-X breaker may change the PDF
            // or the embedded XML afterwards).
            let invoice = match args.break_rule.as_deref() {
                Some(rule) if generate::breaks_in_pdf(rule) => plan.build(&options),
                Some(rule) => generate::break_rule(plan, rule, &options).map_err(|e| failed(&e))?,
                None => plan.build(&options),
            };
            let pdf = match args.break_rule.as_deref() {
                Some(rule) => {
                    generate::break_facturx(plan, rule, &options).map_err(|e| failed(&e))?
                }
                None => generate::facturx_pdf(&invoice).map_err(|e| failed(&e))?,
            };
            (
                invoice,
                format!("invoice-{:0width$}.pdf", i + 1),
                pdf,
                Vec::new(),
            )
        } else {
            let invoice = match args.break_rule.as_deref() {
                Some(rule) => generate::break_rule(plan, rule, &options).map_err(|e| failed(&e))?,
                None => plan.build(&options),
            };
            let written = facture::write(&invoice, target).map_err(|e| failed(&e))?;
            let name = format!("invoice-{:0width$}.xml", i + 1);
            (invoice, name, written.xml, written.dropped)
        };
        let path = dir.join(&name);
        std::fs::write(&path, &bytes)
            .map_err(|e| Failure::Error(format!("{}: {e}", path.display())))?;
        let warning = args
            .break_rule
            .as_deref()
            .and_then(facture::rules::catalogue::rule)
            .is_some_and(|r| r.severity(None) == facture::rules::Severity::Warning);
        let mut entry = serde_json::json!({
            "file": name,
            "number": invoice.number,
            "type": invoice.type_code.as_ref().map(|c| c.code().to_owned()),
            "valid": args.break_rule.is_none() || warning,
            "fired": args.break_rule.iter().collect::<Vec<_>>(),
            // Whether the XML Schema holds (facture's XSD-* checks): a few
            // breakers remove an element the schema requires too.
            "schema_valid": !args.break_rule.as_deref().is_some_and(generate::also_breaks_schema),
        });
        if !dropped.is_empty() {
            entry["dropped"] =
                serde_json::json!(dropped.iter().map(ToString::to_string).collect::<Vec<_>>());
        }
        files.push(entry);
    }
    let manifest = serde_json::json!({
        "generator": concat!("facture ", env!("CARGO_PKG_VERSION")),
        "seed": args.seed,
        "count": args.count,
        "to": args.to.name(),
        "profile": match args.profile {
            ProfileArg::En16931 => "en16931",
            ProfileArg::ChorusPro => "chorus-pro",
        },
        "break": args.break_rule,
        "validate_with": validate_with(args),
        "files": files,
    });
    let text = serde_json::to_string_pretty(&manifest)
        .map_err(|e| Failure::Error(format!("cannot write the manifest: {e}")))?;
    let path = dir.join("manifest.json");
    std::fs::write(&path, format!("{text}\n"))
        .map_err(|e| Failure::Error(format!("{}: {e}", path.display())))?;
    eprintln!(
        "facture: wrote {} invoices and manifest.json to {}",
        args.count,
        dir.display()
    );
    Ok(())
}

/// Refuses a rule that cannot be broken alone in the chosen syntax.
fn check_breakable(rule: &str, to: To) -> Result<(), Failure> {
    if let Some((_, why)) = generate::unbreakable_rules()
        .iter()
        .find(|(r, _)| *r == rule)
    {
        return Err(Failure::Error(format!(
            "{rule} cannot be broken alone: {why}"
        )));
    }
    if !generate::breakable_rules().contains(&rule) {
        return Err(Failure::Error(format!(
            "{rule} is not a rule --break can target (see facture generate --list-rules)"
        )));
    }
    let syntax = match to {
        To::Ubl => facture::Syntax::UblInvoice,
        To::Cii => facture::Syntax::Cii,
        To::Facturx => facture::Syntax::FacturX,
        To::CppMixte => {
            return Err(Failure::Error(format!(
                "--break needs --to ubl or --to cii: the EN 16931 rules are bound to those syntaxes, not to {}",
                to.name()
            )));
        }
    };
    if !generate::breaks_alone_in(rule, syntax) {
        let why = generate::syntax_limits()
            .into_iter()
            .find(|(r, _, _)| *r == rule)
            .map_or(
                "a Factur-X rule breaks in a Factur-X PDF (--to facturx)",
                |(_, _, why)| why,
            );
        return Err(Failure::Error(format!(
            "{rule} cannot be broken alone in {}: {why}",
            to.name()
        )));
    }
    Ok(())
}

/// How to get the expected verdicts back with `facture validate`: the
/// profile, and for Chorus Pro the recipient requirements the verdicts
/// assume (the deposit date is the day of validation).
fn validate_with(args: &Args) -> serde_json::Value {
    if args.to == To::CppMixte {
        return serde_json::json!({
            "profile": null,
            "command": null,
            "note": "CPPFactureMixte carries a subset of the invoice (see dropped) and has no EN 16931 binding: valid and fired are the verdicts of the invoice it was written from; facture validate on the file reports the terms it lacks",
        });
    }
    match args.profile {
        ProfileArg::En16931 => serde_json::json!({
            "profile": "en16931",
            "command": "facture validate --profile en16931",
        }),
        ProfileArg::ChorusPro => {
            let p = generate::recipient_requirements(args.break_rule.as_deref());
            let requires = crate::profile::Requires::of(p);
            let name = requires.name();
            serde_json::json!({
                "profile": "chorus-pro",
                "recipient_requires": name,
                "recipient": {
                    "codeServiceDoitEtreRenseigne": p.service_code_required,
                    "numeroEJDoitEtreRenseigne": p.engagement_required,
                    "gestionNumeroEJOuCodeService": p.engagement_or_service,
                },
                "validator": null,
                "deposit_date": null,
                "command": format!("facture validate --profile chorus-pro --recipient-requires {name}"),
            })
        }
    }
}
