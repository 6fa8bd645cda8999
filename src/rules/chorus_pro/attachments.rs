//! Attachments (BG-24): file names and extensions Chorus Pro accepts,
//! sizes, and the size of the whole invoice.

use super::{Context, nth};
use crate::model::{Invoice, Term, TermPath};
use crate::rules::engine::{Checker, ChorusFamily};

pub(crate) const FAMILY: ChorusFamily = ChorusFamily {
    ids: &[
        "CPP-ATTACHMENT-NAME",
        "CPP-ATTACHMENT-EXTENSION",
        "CPP-ATTACHMENT-SIZE",
        "CPP-ATTACHMENT-EMPTY",
        "CPP-INVOICE-SIZE",
    ],
    needs_recipient: false,
    check,
};

/// The extensions Chorus Pro accepts for an attachment (compared without
/// case).
pub const EXTENSIONS: [&str; 35] = [
    "bmp", "gif", "fax", "odt", "ppt", "tiff", "xls", "bz2", "gz", "jpeg", "p7s", "rtf", "txt",
    "xml", "csv", "gzip", "jpg", "pdf", "svg", "xhtml", "xlsx", "doc", "htm", "odp", "png", "tgz",
    "xlc", "zip", "docx", "html", "ods", "pps", "tif", "xlm", "pptx",
];

/// The longest attachment file name, extension included.
pub const MAX_NAME_CHARS: usize = 50;

/// The largest attachment (10 MB, read as 10 × 2²⁰ bytes).
pub const MAX_ATTACHMENT_BYTES: u64 = 10 * 1024 * 1024;

/// The largest invoice with its attachments (120 MB, 120 × 2²⁰ bytes).
pub const MAX_INVOICE_BYTES: u64 = 120 * 1024 * 1024;

fn extension(name: &str) -> Option<&str> {
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then_some(ext)
}

fn check(inv: &Invoice, cx: &Context<'_>, out: &mut Checker<'_>) {
    let mut total: u64 = 0;
    for (i, doc) in inv.supporting_documents.iter().enumerate() {
        let Some(a) = &doc.attachment else {
            continue;
        };
        let path = TermPath::root()
            .nth(Term::bg(24), nth(i))
            .child(Term::bt(125));
        let size = u64::try_from(a.content.len()).unwrap_or(u64::MAX);
        total = total.saturating_add(size);
        let name = a.filename.as_deref().map(str::trim).unwrap_or_default();
        match extension(name) {
            Some(ext) if name.chars().count() <= MAX_NAME_CHARS => {
                if !EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext)) {
                    out.fire("CPP-ATTACHMENT-EXTENSION", path);
                }
            }
            _ => out.fire("CPP-ATTACHMENT-NAME", path),
        }
        if size == 0 {
            out.fire("CPP-ATTACHMENT-EMPTY", path);
        } else if size > MAX_ATTACHMENT_BYTES {
            out.fire("CPP-ATTACHMENT-SIZE", path);
        }
    }
    let whole = cx.input_bytes.unwrap_or(0).max(total);
    if whole > MAX_INVOICE_BYTES {
        out.fire("CPP-INVOICE-SIZE", TermPath::root());
    }
}
