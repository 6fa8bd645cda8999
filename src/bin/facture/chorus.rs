//! `facture chorus`: the Chorus Pro deposit body and the platform's answers.

use crate::{Failure, print_stdout, read_file};
use facture::chorus::{
    ConsulterCr, ConsulterCrDetaille, DeposerFluxFacture, EtatFlux, HistoriqueFacture, Response,
    SyntaxeFlux,
};
use facture::rules::Verdict;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Arguments of `facture chorus`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Prints the JSON body of the `deposerFluxFacture` API call for FILE
    /// (several files: one flow, a tar.gz of them, all of one syntax).
    ///
    /// The `syntaxeFlux` code comes from the file: UBL → IN_DP_E1_UBL_INVOICE,
    /// CII → IN_DP_E1_CII_16B, CPPFactureMixte → IN_DP_E2_CPP_FACTURE_MIN,
    /// Factur-X PDF → IN_DP_E2_CII_FACTURX; a
    /// CPPFacturePivot cannot be deposited. UBL, CII and Factur-X files are first
    /// validated with the `chorus-pro` profile (EN 16931 and the Chorus Pro
    /// rules) and refused (exit 1, findings on stderr) when invalid; give
    /// the recipient's parameters (--recipient or the flags) so that the
    /// service code and engagement number rules run too. Files over
    /// 10 000 000 bytes are refused (exit 1).
    Payload(PayloadArgs),
    /// Prints a Chorus Pro response as a readable history: a
    /// `consulterCRDetaille` or `consulterCR` response (flow state and
    /// rejections) or a `consulterHistoriqueFacture` response (invoice
    /// statuses, oldest first).
    ///
    /// Exit 1 when the response is a platform error (`codeRetour` ≠ 0) or
    /// reports a rejection (flow rejected or partly integrated, rejected
    /// invoices or technical errors listed, invoice status REJETEE).
    Status(StatusArgs),
}

#[derive(clap::Args)]
struct PayloadArgs {
    /// The Chorus Pro id of the depositing user (`idUtilisateurCourant`);
    /// left out when not given.
    #[arg(long, value_name = "N")]
    user_id: Option<i64>,
    /// Declares the file signed (`avecSignature: true`).
    #[arg(long)]
    signed: bool,
    /// The file name sent as `nomFichier` (default: FILE's name, or
    /// `flux.tar.gz` for several files).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// Indents the JSON.
    #[arg(long)]
    pretty: bool,
    #[command(flatten)]
    chorus: crate::profile::ChorusArgs,
    /// The invoices to deposit (UBL, CII, CPPFactureMixte or Factur-X PDF).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct StatusArgs {
    /// The JSON response (consulterCRDetaille, consulterCR or
    /// consulterHistoriqueFacture).
    file: PathBuf,
}

/// Runs `facture chorus`.
pub fn run(args: &Args) -> Result<(), Failure> {
    match &args.command {
        Command::Payload(a) => payload(a),
        Command::Status(a) => status(a),
    }
}

fn payload(args: &PayloadArgs) -> Result<(), Failure> {
    let mut files = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push((path, name, read_file(path)?));
    }
    let body = match files.as_slice() {
        [(path, name, bytes)] => {
            let name = args.name.clone().unwrap_or_else(|| name.clone());
            DeposerFluxFacture::from_file(bytes, &name).map_err(|e| chorus_failure(path, e))?
        }
        _ => {
            let name = args.name.as_deref().unwrap_or("flux.tar.gz");
            let list: Vec<(&str, &[u8])> = files
                .iter()
                .map(|(_, n, b)| (n.as_str(), b.as_slice()))
                .collect();
            DeposerFluxFacture::from_files(&list, name)
                .map_err(|e| chorus_failure(Path::new(name), e))?
        }
    };
    if matches!(
        body.syntaxe_flux,
        SyntaxeFlux::InDpE1UblInvoice | SyntaxeFlux::InDpE1Cii16b | SyntaxeFlux::InDpE2CiiFacturx
    ) {
        let profile = args.chorus.profile()?;
        let mut invalid = 0usize;
        for (path, _, bytes) in &files {
            if let Err(failure) = check_valid(path, bytes, &profile) {
                match failure {
                    Failure::Check(message) => {
                        eprintln!("facture: {message}");
                        invalid += 1;
                    }
                    error @ Failure::Error(_) => return Err(error),
                }
            }
        }
        if invalid > 0 {
            return Err(Failure::Check(format!(
                "{invalid} of {} file(s) would be rejected by Chorus Pro: no payload",
                files.len()
            )));
        }
    }
    let body = match args.user_id {
        Some(id) => body.user_id(id),
        None => body,
    }
    .signed(args.signed);
    let json = if args.pretty {
        body.to_json_pretty()
    } else {
        body.to_json()
    };
    print_stdout(format!("{json}\n").as_bytes())
}

/// Refuses a file the chorus-pro profile finds invalid, listing the
/// findings with what the platform would say.
fn check_valid(file: &Path, bytes: &[u8], profile: &facture::Profile) -> Result<(), Failure> {
    let report = facture::validate_bytes(bytes, profile).map_err(|e| Failure::read(file, e))?;
    match report.verdict() {
        Verdict::Valid => Ok(()),
        Verdict::Incomplete => {
            eprintln!(
                "facture: {}: note: {} rule(s) could not be checked: {}",
                file.display(),
                report.not_checked.len(),
                report.not_checked.join(" ")
            );
            Ok(())
        }
        Verdict::Invalid => {
            let mut out = String::new();
            for f in report.fatal() {
                let at = f
                    .location
                    .as_ref()
                    .map_or_else(String::new, |l| format!("{}:{} ", l.line, l.column));
                let _ = writeln!(out, "  {at}{} {}: {}", f.severity, f.rule, f.message_en);
                if let Some(platform) = f.platform {
                    let _ = writeln!(out, "      Chorus Pro: {platform}");
                }
            }
            eprint!("{out}");
            Err(Failure::Check(format!(
                "{}: not valid for Chorus Pro ({} fatal finding(s))",
                file.display(),
                report.fatal().count()
            )))
        }
    }
}

fn chorus_failure(file: &Path, e: facture::chorus::Error) -> Failure {
    use facture::chorus::Error;
    let message = format!("{}: {e}", file.display());
    match e {
        Error::NotDepositable { .. }
        | Error::TooLarge { .. }
        | Error::Empty
        | Error::MixedSyntaxes { .. } => Failure::Check(message),
        _ => Failure::Error(message),
    }
}

fn status(args: &StatusArgs) -> Result<(), Failure> {
    let bytes = read_file(&args.file)?;
    // A CPPStatut flow (XML) rather than an API response (JSON).
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return statut_flow(args, &bytes);
    }
    let response = Response::parse(&bytes)
        .map_err(|e| Failure::Error(format!("{}: {e}", args.file.display())))?;
    let (text, bad) = match &response {
        Response::CrDetaille(cr) => (cr_detaille_text(cr), cr.is_error() || cr.has_rejections()),
        Response::Cr(cr) => (
            cr_text(cr),
            cr.is_error()
                || cr
                    .etat_courant_flux
                    .as_ref()
                    .is_some_and(|e| e.is_rejected() || *e == EtatFlux::InIntegrePartiel),
        ),
        Response::Historique(h) => (
            history_text(h),
            h.is_error()
                || h.current()
                    .is_some_and(|s| *s == facture::chorus::StatutFacture::Rejetee),
        ),
        _ => {
            return Err(Failure::Error(format!(
                "{}: a Chorus Pro response this command cannot print",
                args.file.display()
            )));
        }
    };
    print_stdout(format!("{}: {text}", args.file.display()).as_bytes())?;
    if bad {
        Err(Failure::Check(format!(
            "{}: Chorus Pro reports an error or a rejection",
            args.file.display()
        )))
    } else {
        Ok(())
    }
}

fn opt(value: Option<&str>) -> &str {
    value.filter(|v| !v.is_empty()).unwrap_or("?")
}

fn etat_line(out: &mut String, etat: Option<&EtatFlux>, at: Option<&str>) {
    match etat {
        Some(etat) => {
            let note = if etat.is_terminal() {
                " (final)"
            } else if !etat.is_known() {
                " (unknown state)"
            } else {
                " (in progress)"
            };
            let _ = writeln!(out, "  {:<30} {etat}{note}", opt(at));
        }
        None => {
            let _ = writeln!(out, "  no flow state given");
        }
    }
}

/// The first lines of a flow report: its title, when it was deposited, and
/// its current state.
fn flow_header(
    out: &mut String,
    title: &str,
    deposited: Option<&str>,
    etat: Option<&EtatFlux>,
    at: Option<&str>,
) {
    let _ = writeln!(out, "{title}");
    let _ = writeln!(out, "  {:<30} deposited", opt(deposited));
    etat_line(out, etat, at);
}

fn platform_error(out: &mut String, code: i32, libelle: &str) -> bool {
    if code != 0 {
        let _ = writeln!(out, "platform error {code}: {libelle}");
        return true;
    }
    false
}

fn cr_detaille_text(cr: &ConsulterCrDetaille) -> String {
    let mut out = String::new();
    if platform_error(&mut out, cr.code_retour, &cr.libelle) {
        return out;
    }
    let mut title = format!("flow {}", opt(cr.nom_fichier.as_deref()));
    if let Some(code) = &cr.code_interface_depot_flux {
        let _ = write!(title, " ({code})");
    }
    flow_header(
        &mut out,
        &title,
        cr.date_depot_flux.as_deref(),
        cr.etat_courant_depot_flux.as_ref(),
        cr.date_heure_etat_courant_flux.as_deref(),
    );
    for dp in &cr.liste_erreur_dp {
        let _ = writeln!(
            out,
            "  rejected invoice {} (supplier {}, recipient {}):",
            opt(dp.numero_dp.as_deref()),
            opt(dp.identifiant_fournisseur.as_deref()),
            opt(dp.identifiant_destinataire.as_deref())
        );
        for (message, rule) in dp.findings() {
            let _ = writeln!(out, "    - {message}");
            if let Some(rule) = rule {
                let _ = writeln!(
                    out,
                    "      (facture rule {rule} reports this before the deposit)"
                );
            }
        }
    }
    for tech in &cr.liste_erreur_technique {
        let _ = write!(
            out,
            "  technical error {} ({})",
            opt(tech.code_erreur.as_deref()),
            opt(tech.nature_erreur.as_deref())
        );
        if let Some((line, column)) = tech.position() {
            let _ = write!(out, " at line {line}, column {column}");
        }
        let _ = writeln!(out, ":\n    {}", opt(tech.libelle_erreur.as_deref()));
        if let Some(rule) = tech.rule() {
            let _ = writeln!(
                out,
                "      (facture rule {rule} reports this before the deposit)"
            );
        } else if let Some(family) = tech.rule_family() {
            let _ = writeln!(
                out,
                "      (facture's {family}-… structural checks report this before the deposit)"
            );
        }
    }
    out
}

fn cr_text(cr: &ConsulterCr) -> String {
    let mut out = String::new();
    if platform_error(&mut out, cr.code_retour, &cr.libelle) {
        return out;
    }
    let mut title = format!(
        "flow {} ({})",
        opt(cr.numero_flux_depot.as_deref()),
        opt(cr.nom_fichier_flux.as_deref())
    );
    if let Some(code) = &cr.code_interface_flux {
        let _ = write!(title, " {code}");
    }
    flow_header(
        &mut out,
        &title,
        cr.date_depot_flux.as_deref(),
        cr.etat_courant_flux.as_ref(),
        cr.date_heure_etat_courant_flux.as_deref(),
    );
    if cr.fichier_cr.as_deref().is_some_and(|f| !f.is_empty()) {
        let _ = writeln!(out, "  (a PDF report is attached in fichierCR)");
    }
    out
}

fn history_text(h: &HistoriqueFacture) -> String {
    let mut out = String::new();
    if let Some(code) = h.code_retour
        && platform_error(&mut out, code, h.libelle.as_deref().unwrap_or(""))
    {
        return out;
    }
    let _ = write!(out, "invoice {}", opt(h.numero_facture.as_deref()));
    if let Some(id) = h.id_facture {
        let _ = write!(out, " (Chorus Pro id {id})");
    }
    match h.current() {
        Some(current) => {
            let _ = writeln!(
                out,
                ", current status {current}{}",
                if current.is_terminal() {
                    " (final)"
                } else {
                    ""
                }
            );
        }
        None => out.push('\n'),
    }
    for p in &h.statuts {
        let _ = write!(out, "  {:<30} {}", opt(p.date_passage.as_deref()), p.statut);
        if !p.statut.is_known() {
            out.push_str(" (unknown status)");
        }
        if let Some(who) = p.utilisateur() {
            let _ = write!(out, " by {who}");
        }
        if let Some(comment) = &p.commentaire {
            let _ = write!(out, ": {comment}");
        }
        out.push('\n');
    }
    out
}

/// Prints a `CPPStatut` flow: the flow statuses with their error lines, then
/// the invoice statuses. A flow in error or a rejected invoice exits 1.
fn statut_flow(args: &StatusArgs, bytes: &[u8]) -> Result<(), Failure> {
    use facture::syntax::cpp_statut::{self, InvoiceStatusCode};
    let file = args.file.display();
    let flow = cpp_statut::read(bytes).map_err(|e| Failure::Error(format!("{file}: {e}")))?;
    let mut out = format!("{file}: CPPStatut flow\n");
    let mut bad = false;
    for s in &flow.flow_statuses {
        bad |= s.status.is_error();
        let _ = writeln!(
            out,
            "  {}  flow {}  status {}{}",
            s.timestamp.as_deref().unwrap_or("-"),
            s.flow_id.as_deref().unwrap_or("-"),
            s.status.code(),
            if s.status.is_error() { " (error)" } else { "" }
        );
        for e in &s.errors {
            let description = e
                .description
                .as_deref()
                .map_or_else(String::new, |d| format!(" ({d})"));
            let _ = writeln!(
                out,
                "    - {} {}: {}{description}",
                e.nature, e.code, e.label
            );
        }
    }
    for s in &flow.invoice_statuses {
        bad |= s.status == InvoiceStatusCode::Rejected;
        let _ = writeln!(
            out,
            "  {}  invoice {}  status {}{}",
            s.timestamp.as_deref().unwrap_or("-"),
            s.invoice_id.as_deref().unwrap_or("-"),
            s.status.code(),
            s.status
                .api_name()
                .map_or_else(String::new, |n| format!(" {n}"))
        );
    }
    print_stdout(out.as_bytes())?;
    if bad {
        Err(Failure::Check(format!(
            "{file}: a flow in error or a rejected invoice"
        )))
    } else {
        Ok(())
    }
}
