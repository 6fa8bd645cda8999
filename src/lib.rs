//! `facture` reads, writes, converts and validates electronic invoices:
//! the EN 16931 semantic model ([`model`]), UBL 2.1 and UN/CEFACT CII D16B
//! ([`syntax`]), for French public procurement (Chorus Pro) and Europe.
//!
//! ```
//! let xml = std::fs::read("examples/ubl-invoice.xml").unwrap();
//! let doc = facture::read(&xml).unwrap();
//! println!("{:?} {}", doc.invoice.number, doc.syntax);
//! let cii = facture::convert(&xml, facture::Target::Cii).unwrap();
//! assert!(cii.is_lossless());
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod chorus;
pub mod error;
#[cfg(feature = "generate")]
pub mod generate;
pub mod limits;
pub mod model;
pub mod rules;
pub mod syntax;

pub use error::{Error, ErrorKind, Result};
pub use limits::Limits;
pub use model::Invoice;
pub use rules::{Profile, Report, ValidateOptions, validate, validate_bytes, validate_bytes_with};
pub use syntax::{
    Conversion, Document, Dropped, Ignored, ReadOptions, Syntax, Target, Unreadable, Written,
    convert, detect, read, read_with_limits, read_with_options, write,
};

/// The README's code examples, compiled as doc-tests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
