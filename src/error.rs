//! The library's error type: why a document could not be read at all.
//!
//! An error is not a finding. A finding (a broken business rule) is data in
//! a validation report; an [`Error`] means the input could not be turned
//! into an invoice, and says where and why.

use crate::model::TextPos;
use std::fmt;

/// Why a document could not be read, written or converted.
///
/// Every variant that concerns input text carries the [`TextPos`] (line and
/// column) where the problem was found.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not well-formed XML (or not XML at all).
    #[error("malformed XML at {pos}: {message}")]
    Malformed {
        /// Where the parser stopped.
        pos: TextPos,
        /// What the XML parser said.
        message: String,
    },
    /// The input is not UTF-8 text.
    #[error("not UTF-8 text at {pos}: invalid byte sequence")]
    NotUtf8 {
        /// The position of the first invalid byte.
        pos: TextPos,
    },
    /// The XML declaration names an encoding other than UTF-8.
    #[error("unsupported encoding {encoding:?} at {pos}: only UTF-8 is accepted")]
    UnsupportedEncoding {
        /// The encoding the declaration names.
        encoding: String,
        /// Where the declaration is.
        pos: TextPos,
    },
    /// The input has a document type declaration. DTDs (and with them any
    /// entity declaration) are refused outright: nothing is ever expanded or
    /// fetched.
    #[error("document type declaration at {pos}: DTDs and entity declarations are not allowed")]
    Dtd {
        /// Where the declaration starts.
        pos: TextPos,
    },
    /// The root element is not a document this library reads.
    #[error("unknown document at {pos}: root element {root} is not {expected}")]
    UnknownDocument {
        /// The root element, as `{namespace}local` or `local`.
        root: String,
        /// What was expected instead.
        expected: &'static str,
        /// Where the root element starts.
        pos: TextPos,
    },
    /// A value does not have the lexical form its business term requires
    /// (a decimal such as `12,50` or `1e999`, a date such as `2026-13-01`).
    #[error("invalid {kind} {value:?} in {element} at {pos}: {reason}")]
    InvalidValue {
        /// The kind of value expected (`decimal`, `date`, `base64`, …).
        kind: &'static str,
        /// The value as written (truncated to 64 characters).
        value: String,
        /// The element (or attribute) holding the value.
        element: String,
        /// Why it was refused.
        reason: &'static str,
        /// Where the value is.
        pos: TextPos,
    },
    /// A limit of [`crate::Limits`] was exceeded.
    #[error("limit exceeded at {pos}: {what} is over the limit of {limit}")]
    LimitExceeded {
        /// Which limit (`input size`, `XML depth`, `XML nodes`, …).
        what: &'static str,
        /// The limit in force.
        limit: u64,
        /// Where it was exceeded (1:1 for whole-input limits).
        pos: TextPos,
    },
    /// The input is a PDF that cannot be read (truncated, damaged, or using
    /// a structure this library does not follow).
    #[error("unreadable PDF{}: {message}", at_offset(*.offset))]
    Pdf {
        /// What is wrong.
        message: String,
        /// The byte offset in the file where the problem was found, when
        /// known.
        offset: Option<u64>,
    },
    /// The PDF is encrypted. PDF/A (and so Factur-X) forbids encryption;
    /// the file is refused without trying any password.
    #[error("encrypted PDF: a Factur-X PDF/A-3 file must not be encrypted")]
    PdfEncrypted,
    /// The PDF has no embedded invoice: no attached file named
    /// `factur-x.xml`, `zugferd-invoice.xml` or `xrechnung.xml`.
    #[error("no embedded invoice: the PDF has no factur-x.xml, zugferd-invoice.xml or xrechnung.xml attachment (attachments: {})", list(.attachments))]
    NoEmbeddedInvoice {
        /// The names of the files the PDF does have attached.
        attachments: Vec<String>,
    },
    /// The PDF has more than one embedded invoice, so which one is the
    /// invoice is ambiguous.
    #[error("several embedded invoices in one PDF: {}", list(.names))]
    SeveralEmbeddedInvoices {
        /// Their file names.
        names: Vec<String>,
    },
    /// The file embedded in a PDF could not be read; `source` says why, its
    /// position is in the embedded file.
    #[error("in the embedded file {name}: {source}")]
    Embedded {
        /// The embedded file's name (e.g. `factur-x.xml`).
        name: String,
        /// The error in the embedded file.
        source: Box<Error>,
    },
    /// The invoice cannot be written in the target: something the target
    /// requires is missing from it.
    #[error("cannot write {target}: {reason}")]
    Unwritable {
        /// The target (syntax or flow).
        target: &'static str,
        /// What is missing.
        reason: String,
    },
    /// Reading or writing a file failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// The position in the input the error concerns, if any.
    pub fn pos(&self) -> Option<TextPos> {
        match self {
            Error::Malformed { pos, .. }
            | Error::NotUtf8 { pos }
            | Error::UnsupportedEncoding { pos, .. }
            | Error::Dtd { pos }
            | Error::UnknownDocument { pos, .. }
            | Error::InvalidValue { pos, .. }
            | Error::LimitExceeded { pos, .. } => Some(*pos),
            Error::Embedded { source, .. } => source.pos(),
            Error::Pdf { .. }
            | Error::PdfEncrypted
            | Error::NoEmbeddedInvoice { .. }
            | Error::SeveralEmbeddedInvoices { .. }
            | Error::Unwritable { .. }
            | Error::Io(_) => None,
        }
    }

    /// A short stable name for the kind of error (for JSON output and logs).
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Malformed { .. } => ErrorKind::Malformed,
            Error::NotUtf8 { .. } => ErrorKind::NotUtf8,
            Error::UnsupportedEncoding { .. } => ErrorKind::UnsupportedEncoding,
            Error::Dtd { .. } => ErrorKind::Dtd,
            Error::UnknownDocument { .. } => ErrorKind::UnknownDocument,
            Error::InvalidValue { .. } => ErrorKind::InvalidValue,
            Error::LimitExceeded { .. } => ErrorKind::LimitExceeded,
            Error::Pdf { .. } => ErrorKind::Pdf,
            Error::PdfEncrypted => ErrorKind::PdfEncrypted,
            Error::NoEmbeddedInvoice { .. } => ErrorKind::NoEmbeddedInvoice,
            Error::SeveralEmbeddedInvoices { .. } => ErrorKind::SeveralEmbeddedInvoices,
            Error::Embedded { source, .. } => source.kind(),
            Error::Unwritable { .. } => ErrorKind::Unwritable,
            Error::Io(_) => ErrorKind::Io,
        }
    }
}

/// The kind of an [`Error`], without its data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// See [`Error::Malformed`].
    Malformed,
    /// See [`Error::NotUtf8`].
    NotUtf8,
    /// See [`Error::UnsupportedEncoding`].
    UnsupportedEncoding,
    /// See [`Error::Dtd`].
    Dtd,
    /// See [`Error::UnknownDocument`].
    UnknownDocument,
    /// See [`Error::InvalidValue`].
    InvalidValue,
    /// See [`Error::LimitExceeded`].
    LimitExceeded,
    /// See [`Error::Pdf`].
    Pdf,
    /// See [`Error::PdfEncrypted`].
    PdfEncrypted,
    /// See [`Error::NoEmbeddedInvoice`].
    NoEmbeddedInvoice,
    /// See [`Error::SeveralEmbeddedInvoices`].
    SeveralEmbeddedInvoices,
    /// See [`Error::Unwritable`].
    Unwritable,
    /// See [`Error::Io`].
    Io,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::Malformed => "malformed",
            ErrorKind::NotUtf8 => "not-utf8",
            ErrorKind::UnsupportedEncoding => "unsupported-encoding",
            ErrorKind::Dtd => "dtd",
            ErrorKind::UnknownDocument => "unknown-document",
            ErrorKind::InvalidValue => "invalid-value",
            ErrorKind::LimitExceeded => "limit-exceeded",
            ErrorKind::Pdf => "pdf",
            ErrorKind::PdfEncrypted => "pdf-encrypted",
            ErrorKind::NoEmbeddedInvoice => "no-embedded-invoice",
            ErrorKind::SeveralEmbeddedInvoices => "several-embedded-invoices",
            ErrorKind::Unwritable => "unwritable",
            ErrorKind::Io => "io",
        })
    }
}

fn at_offset(offset: Option<u64>) -> String {
    offset.map_or_else(String::new, |o| format!(" at byte {o}"))
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_stays_small() {
        // Errors travel through every read; keep them cheap to move.
        assert!(
            std::mem::size_of::<Error>() <= 96,
            "{}",
            std::mem::size_of::<Error>()
        );
    }
}
