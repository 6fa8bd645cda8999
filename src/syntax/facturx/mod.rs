//! Factur-X / ZUGFeRD: a PDF (PDF/A-3) carrying a CII invoice as an
//! embedded, associated file.
//!
//! [`extract`] finds the invoice through the catalog's `/AF` array and the
//! `EmbeddedFiles` name tree, under the names `factur-x.xml` (Factur-X,
//! ZUGFeRD 2.1+), `zugferd-invoice.xml` (ZUGFeRD 1 and 2.0) and
//! `xrechnung.xml` (ZUGFeRD XRechnung profile), compared without case; it
//! reads the XMP metadata (`fx:` and `pdfaid:` properties). [`embed`] does
//! the reverse. [`crate::read`] and [`crate::validate_bytes`] accept a
//! Factur-X PDF directly ([`Syntax::FacturX`](crate::Syntax::FacturX)):
//! the model comes from the embedded CII, and every line and column (in
//! findings, errors, the source map) is a position in the embedded XML.
//!
//! The PDF is read with `lopdf`, under [`Limits`]: the input size, and
//! [`Limits::max_pdf_stream_bytes`] for every stream decompressed (object
//! and cross-reference streams while loading, the embedded XML and the XMP
//! packet after). Encrypted PDFs are refused ([`Error::PdfEncrypted`]),
//! as PDF/A forbids encryption.
//!
//! What is checked of the PDF container (the `FX-PDF-*` rules of
//! `rules/facturx.toml`) is listed in the README; a full PDF/A validation
//! (fonts, colour spaces, the XMP schema of every property) is out of
//! scope.
//!
//! ```
//! use facture::syntax::facturx::{self, EmbedOptions};
//! let pdf = std::fs::read("tests/fixtures/facturx/blank.pdf").unwrap();
//! let xml = std::fs::read("examples/cii-invoice.xml").unwrap();
//! let out = facturx::embed(&pdf, &xml, &EmbedOptions::default()).unwrap();
//! let extracted = facturx::extract(&out, &facture::Limits::default()).unwrap();
//! assert_eq!(extracted.xml, xml);
//! assert_eq!(extracted.file_name, "factur-x.xml");
//! ```

mod embed;
mod pdf;
pub mod profile;
mod xmp;

pub use embed::{EmbedOptions, Relationship, embed};
pub use profile::FacturXProfile;
pub use xmp::{FX_NS, PDFAID_NS, Xmp};

use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::syntax::{Document, Syntax, xml_input};

/// The names an embedded invoice is attached under (compared without case:
/// ZUGFeRD 1 writes `ZUGFeRD-invoice.xml`).
pub const INVOICE_FILE_NAMES: &[&str] = &["factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml"];

/// Whether a file name is one of [`INVOICE_FILE_NAMES`].
pub fn is_invoice_name(name: &str) -> bool {
    INVOICE_FILE_NAMES
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name.trim()))
}

/// Whether `bytes` look like a PDF: `%PDF-` within the first 1024 bytes
/// (where readers look for it), and not XML.
///
/// ```
/// assert!(facture::syntax::facturx::is_pdf(b"%PDF-1.7\n"));
/// assert!(!facture::syntax::facturx::is_pdf(b"<Invoice/>"));
/// ```
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or_default();
    let first = head
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
    first != Some(b'<') && memchr::memmem::find(head, b"%PDF-").is_some()
}

/// The invoice extracted from a Factur-X PDF, and what the PDF says about it.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Extracted {
    /// The embedded XML, byte for byte.
    pub xml: Vec<u8>,
    /// The attachment's file name (e.g. `factur-x.xml`).
    pub file_name: String,
    /// Its `/AFRelationship` (`Data`, `Alternative`, `Source`, …), if set.
    pub relationship: Option<String>,
    /// Its MIME type (the embedded file stream's `/Subtype`), if set.
    pub mime_type: Option<String>,
    /// Whether the catalog's `/AF` array lists it (an associated file, as
    /// PDF/A-3 requires).
    pub associated: bool,
    /// The XMP metadata of the document, when present and well-formed.
    pub xmp: Option<Xmp>,
    /// Whether the document has an XMP metadata stream at all (present but
    /// unreadable when `xmp` is `None`).
    pub has_metadata: bool,
    /// The names of every file attached to the PDF.
    pub attachments: Vec<String>,
    /// The PDF version of the header (`1.7`).
    pub pdf_version: String,
    /// Whether the catalog has a PDF/A output intent (`/OutputIntents`
    /// with `/S /GTS_PDFA1`); see [`has_pdfa_output_intent`].
    pub pdfa_output_intent: bool,
}

impl Extracted {
    /// The Factur-X profile the XMP declares (`fx:ConformanceLevel`).
    pub fn declared_profile(&self) -> Option<FacturXProfile> {
        self.xmp
            .as_ref()
            .and_then(|x| x.conformance_level.as_deref())
            .and_then(FacturXProfile::from_conformance_level)
    }
}

/// Whether a PDF has a PDF/A output intent: an entry of the catalog's
/// `/OutputIntents` with `/S /GTS_PDFA1` (the subtype PDF/A uses in every
/// part). A PDF without one is seldom PDF/A: [`embed`] then *declares*
/// PDF/A-3 in the XMP of a file that does not conform, which `facture
/// facturx embed` warns about. This is a hint, not PDF/A validation.
///
/// ```
/// use facture::syntax::facturx;
/// let pdf = std::fs::read("tests/fixtures/facturx/blank.pdf").unwrap();
/// assert!(!facturx::has_pdfa_output_intent(&pdf, &facture::Limits::default()).unwrap());
/// ```
pub fn has_pdfa_output_intent(bytes: &[u8], limits: &Limits) -> Result<bool> {
    let doc = pdf::load(bytes, limits)?;
    Ok(pdf::has_pdfa_output_intent(&doc))
}

/// Extracts the embedded invoice of a Factur-X / ZUGFeRD PDF.
///
/// Errors: [`Error::Pdf`] for a file `lopdf` cannot read (truncated,
/// damaged), [`Error::PdfEncrypted`], [`Error::NoEmbeddedInvoice`],
/// [`Error::SeveralEmbeddedInvoices`] (two attachments with invoice names),
/// [`Error::LimitExceeded`] when the input or a decompressed stream is over
/// its limit.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted> {
    let doc = pdf::load(bytes, limits)?;
    let attachments = pdf::attachments(&doc);
    let mut invoices = attachments.iter().filter(|a| is_invoice_name(&a.name));
    let Some(invoice) = invoices.next() else {
        return Err(Error::NoEmbeddedInvoice {
            attachments: attachments.iter().map(|a| a.name.clone()).collect(),
        });
    };
    if invoices.next().is_some() {
        return Err(Error::SeveralEmbeddedInvoices {
            names: attachments
                .iter()
                .filter(|a| is_invoice_name(&a.name))
                .map(|a| a.name.clone())
                .collect(),
        });
    }
    let xml = pdf::attachment_bytes(&doc, invoice, limits)?;
    let metadata = pdf::metadata(&doc, limits);
    let has_metadata = metadata.is_some();
    let xmp = match metadata {
        Some(Ok(packet)) => Xmp::parse(&packet, limits),
        Some(Err(e @ Error::LimitExceeded { .. })) => return Err(e),
        _ => None,
    };
    Ok(Extracted {
        xml,
        file_name: invoice.name.clone(),
        relationship: invoice.relationship.clone(),
        mime_type: invoice.mime_type.clone(),
        associated: invoice.associated,
        xmp,
        has_metadata,
        attachments: attachments.iter().map(|a| a.name.clone()).collect(),
        pdf_version: doc.version.clone(),
        pdfa_output_intent: pdf::has_pdfa_output_intent(&doc),
    })
}

/// Wraps an error of the embedded file so it says where it is.
pub(crate) fn in_embedded<T>(name: &str, result: Result<T>) -> Result<T> {
    result.map_err(|source| Error::Embedded {
        name: name.to_owned(),
        source: Box::new(source),
    })
}

/// Runs `f` on the embedded CII of an extracted PDF: its text, parsed tree
/// and document (with syntax [`Syntax::FacturX`]), read leniently when
/// `lenient` (see [`crate::ReadOptions::lenient`]). The embedded XML must
/// be a CII invoice.
pub(crate) fn with_embedded<T>(
    extracted: &Extracted,
    limits: &Limits,
    lenient: bool,
    f: impl FnOnce(&str, &crate::syntax::tree::Document<'_>, Document) -> T,
) -> Result<T> {
    let name = extracted.file_name.as_str();
    let text = in_embedded(name, xml_input::as_text(&extracted.xml, limits))?;
    let tree = in_embedded(name, xml_input::parse(text, limits))?;
    let mut doc = in_embedded(
        name,
        crate::syntax::read_tree_with(
            &tree,
            text,
            &crate::syntax::ReadOptions {
                limits: *limits,
                lenient,
            },
        ),
    )?;
    if doc.syntax != Syntax::Cii {
        let root = tree.root_element();
        return Err(Error::Embedded {
            name: name.to_owned(),
            source: Box::new(Error::UnknownDocument {
                root: root.tag_name().name().to_owned(),
                expected: "a CII D16B CrossIndustryInvoice (Factur-X embeds CII)",
                pos: crate::model::TextPos::at(text, root.range().start),
            }),
        });
    }
    doc.syntax = Syntax::FacturX;
    Ok(f(text, &tree, doc))
}

/// Reads the invoice of a Factur-X PDF into the model.
pub fn read_document(bytes: &[u8], limits: &Limits) -> Result<Document> {
    let extracted = extract(bytes, limits)?;
    with_embedded(&extracted, limits, false, |_, _, doc| doc)
}
