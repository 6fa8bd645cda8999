//! UBL → CII and CII → UBL: reading the converted document back gives the
//! same model, for every shared example and every bundled example.
//!
//! Allowed differences, each reported by the writer or inherent in the
//! bindings, and nothing else:
//! - the order of seller identifiers (BT-29): CII writes those without a
//!   scheme (`ram:ID`) before those with one (`ram:GlobalID`);
//! - terms the writer lists in `dropped` (e.g. a second BG-3 in CII D16B,
//!   BT-110 derived for UBL).

mod common;

use facture::{Invoice, Target};
use std::path::PathBuf;

fn comparable(mut invoice: Invoice, dropped: &[facture::Dropped]) -> Invoice {
    invoice
        .seller
        .identifiers
        .sort_by_key(|id| id.scheme.is_some());
    // UBL requires cac:OrderReference/cbc:ID, so an empty one means "no BT-13".
    if invoice.purchase_order_reference.as_deref() == Some("") {
        invoice.purchase_order_reference = None;
    }
    // Terms the writer reported as not carried (or derived) are compared
    // as absent on both sides.
    for d in dropped {
        let term = d.term.to_string();
        match term.as_str() {
            "/BT-110" => invoice.totals.tax_amount = None,
            t if t.starts_with("/BG-3[") => invoice.preceding_invoices.truncate(1),
            _ => {}
        }
        if let Some(line) = term
            .strip_prefix("/BG-25[")
            .and_then(|rest| rest.split_once(']'))
            .and_then(|(i, _)| i.parse::<usize>().ok())
            .and_then(|i| invoice.lines.get_mut(i.wrapping_sub(1)))
            && let Some(price) = line.price.as_mut()
        {
            if term.ends_with("/BT-147") {
                price.discount = None;
            }
            if term.ends_with("/BT-149") {
                price.base_quantity = None;
                price.base_quantity_unit = None;
            }
        }
    }
    invoice
}

fn files() -> Vec<PathBuf> {
    let mut files = common::xml_files(&common::repo_file("examples"));
    if let Some(shared) = common::shared_dir() {
        files.extend(common::xml_files(&shared.join("en16931/ubl/examples")));
        files.extend(common::xml_files(&shared.join("en16931/cii/examples")));
    }
    files
}

#[test]
fn conversion_to_the_other_syntax_keeps_the_model() {
    let mut failures = Vec::new();
    let files = files();
    for file in &files {
        let bytes = std::fs::read(file).expect("readable");
        let doc = facture::read(&bytes).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let target = if doc.syntax == facture::Syntax::Cii {
            Target::Ubl
        } else {
            Target::Cii
        };
        let written = facture::write(&doc.invoice, target).expect("writes");
        let back = match facture::read(&written.xml) {
            Ok(back) => back,
            Err(e) => {
                failures.push(format!(
                    "{}: converted document unreadable: {e}",
                    file.display()
                ));
                continue;
            }
        };
        let (a, b) = (
            comparable(doc.invoice.clone(), &written.dropped),
            comparable(back.invoice, &written.dropped),
        );
        let mut a = a;
        // What the writer reported dropped is absent on the way back.
        if written
            .dropped
            .iter()
            .any(|d| d.term.to_string() == "/BT-110")
        {
            a.totals.tax_amount = None;
        }
        if a != b {
            failures.push(format!(
                "{} → {target:?}: model changed\n before: {a:?}\n after:  {b:?}",
                file.display()
            ));
        }
    }
    assert!(files.len() >= 4, "no files");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn cli_convert_cii_then_ubl() {
    let input = common::repo_file("examples/ubl-invoice.xml");
    let dir = std::env::temp_dir().join(format!("facture-cli-convert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cii = dir.join("invoice.cii.xml");
    let ubl = dir.join("invoice.ubl.xml");
    let run = |args: &[&std::ffi::OsStr]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_facture"))
            .args(args)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    run(&[
        "convert".as_ref(),
        "--to".as_ref(),
        "cii".as_ref(),
        "--strict".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        cii.as_os_str(),
    ]);
    run(&[
        "convert".as_ref(),
        "--to".as_ref(),
        "ubl".as_ref(),
        "--strict".as_ref(),
        cii.as_os_str(),
        "-o".as_ref(),
        ubl.as_os_str(),
    ]);
    let original = facture::read(&std::fs::read(&input).expect("input")).expect("reads");
    let again = facture::read(&std::fs::read(&ubl).expect("output")).expect("reads");
    assert_eq!(again.syntax, facture::Syntax::UblInvoice);
    assert_eq!(
        comparable(again.invoice, &[]),
        comparable(original.invoice, &[])
    );
    // stdout by default
    let out = run(&[
        "convert".as_ref(),
        "--to".as_ref(),
        "cii".as_ref(),
        input.as_os_str(),
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("CrossIndustryInvoice"));
    let _ = std::fs::remove_dir_all(&dir);
}
