//! Wire formats: detection, and one reader and one writer per syntax.
//!
//! Data flows one way: bytes → [`read`] → [`Document`] (the canonical
//! [`Invoice`] plus where each term came from) and
//! [`Invoice`] → [`write`] → bytes.

pub mod cii;
pub mod cpp_mixte;
pub mod cpp_pivot;
pub mod cpp_statut;
pub mod lexical;
pub mod node;
pub mod ubl;
pub mod xml_input;
pub mod xml_output;
pub mod xsd;

use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::model::{Invoice, SourceMap, Span, TermPath, TextPos};
use std::fmt;

/// Namespace of the UBL 2.1 Invoice document.
pub const UBL_INVOICE_NS: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
/// Namespace of the UBL 2.1 CreditNote document.
pub const UBL_CREDIT_NOTE_NS: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
/// Namespace of the UN/CEFACT CII D16B CrossIndustryInvoice document.
pub const CII_NS: &str = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

/// A wire format this library reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Syntax {
    /// UBL 2.1 `Invoice`.
    UblInvoice,
    /// UBL 2.1 `CreditNote`.
    UblCreditNote,
    /// UN/CEFACT Cross Industry Invoice D16B.
    Cii,
    /// Chorus Pro `CPPFacturePivot` (outbound pivot invoice flow).
    CppPivot,
    /// Chorus Pro `CPPFactureMixte` (E2 mixed invoice flow).
    CppMixte,
}

impl Syntax {
    /// The short name used on the command line and in reports: `ubl`,
    /// `cii`, `cpp-pivot` or `cpp-mixte`.
    pub fn family(self) -> &'static str {
        match self {
            Syntax::UblInvoice | Syntax::UblCreditNote => "ubl",
            Syntax::Cii => "cii",
            Syntax::CppPivot => "cpp-pivot",
            Syntax::CppMixte => "cpp-mixte",
        }
    }
}

impl fmt::Display for Syntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Syntax::UblInvoice => "UBL 2.1 Invoice",
            Syntax::UblCreditNote => "UBL 2.1 CreditNote",
            Syntax::Cii => "UN/CEFACT CII D16B",
            Syntax::CppPivot => "Chorus Pro CPPFacturePivot",
            Syntax::CppMixte => "Chorus Pro CPPFactureMixte",
        })
    }
}

/// An element present in the source that the reader did not map to the
/// model (content outside EN 16931, or a repetition the model cannot hold).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    /// XPath-like location, e.g. `/Invoice/cac:Signature[1]`.
    pub element: String,
    /// Where it is in the source.
    pub span: Span,
}

/// A business term the target syntax of a writer cannot carry, so the
/// writer left it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    /// The term (with its group indexes), e.g. `/BG-13/BT-72`.
    pub term: TermPath,
    /// Why it could not be written.
    pub reason: String,
}

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.term, self.reason)
    }
}

/// A document read into the model.
#[derive(Clone, Debug)]
pub struct Document {
    /// The syntax it was written in.
    pub syntax: Syntax,
    /// The invoice it holds.
    pub invoice: Invoice,
    /// Where each business term was read from.
    pub source_map: SourceMap,
    /// Elements present in the source that have no place in the model.
    pub ignored: Vec<Ignored>,
}

/// A document written from the model.
#[derive(Clone, Debug)]
pub struct Written {
    /// The XML document, UTF-8.
    pub xml: Vec<u8>,
    /// Business terms the target syntax could not carry (empty when nothing
    /// was lost).
    pub dropped: Vec<Dropped>,
}

/// Tells which syntax a document is in from its root element and namespace,
/// without reading it further.
///
/// ```
/// use facture::syntax::{detect, Syntax};
/// let xml = br#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"#;
/// assert_eq!(detect(xml).unwrap(), Syntax::UblInvoice);
/// ```
pub fn detect(bytes: &[u8]) -> Result<Syntax> {
    let limits = Limits::default();
    let text = xml_input::as_text(bytes, &limits)?;
    let doc = xml_input::parse(text, &limits)?;
    syntax_of(&doc, text)
}

pub(crate) fn syntax_of(doc: &roxmltree::Document<'_>, text: &str) -> Result<Syntax> {
    let root = doc.root_element();
    if let Some(syntax) = cpp_pivot::read::syntax_of_root(root) {
        return Ok(syntax);
    }
    let name = root.tag_name();
    match (name.namespace(), name.name()) {
        (Some(UBL_INVOICE_NS), "Invoice") => Ok(Syntax::UblInvoice),
        (Some(UBL_CREDIT_NOTE_NS), "CreditNote") => Ok(Syntax::UblCreditNote),
        (Some(CII_NS), "CrossIndustryInvoice") => Ok(Syntax::Cii),
        (ns, local) => Err(Error::UnknownDocument {
            root: match ns {
                Some(ns) => format!("{{{ns}}}{local}"),
                None => format!("{local} (no namespace)"),
            },
            expected: "a UBL 2.1 Invoice or CreditNote, a CII D16B CrossIndustryInvoice, \
                       or a Chorus Pro CPPFacturePivot or CPPFactureMixte",
            pos: TextPos::at(text, root.range().start),
        }),
    }
}

/// Reads a UBL Invoice, UBL CreditNote, CII invoice, or Chorus Pro
/// `CPPFacturePivot` / `CPPFactureMixte` flow (its first invoice), detected
/// by its root element and namespace, with the default [`Limits`].
///
/// ```
/// let xml = std::fs::read("examples/ubl-invoice.xml").unwrap();
/// let doc = facture::read(&xml).unwrap();
/// assert_eq!(doc.syntax, facture::Syntax::UblInvoice);
/// ```
pub fn read(bytes: &[u8]) -> Result<Document> {
    read_with_limits(bytes, &Limits::default())
}

/// [`read`] with explicit [`Limits`].
pub fn read_with_limits(bytes: &[u8], limits: &Limits) -> Result<Document> {
    let text = xml_input::as_text(bytes, limits)?;
    let doc = xml_input::parse(text, limits)?;
    read_tree(&doc, text)
}

/// Reads an already parsed XML tree (`text` is the text it was parsed from).
pub fn read_tree(doc: &roxmltree::Document<'_>, text: &str) -> Result<Document> {
    match syntax_of(doc, text)? {
        Syntax::UblInvoice | Syntax::UblCreditNote => ubl::read_document(doc, text),
        Syntax::Cii => cii::read_document(doc, text),
        Syntax::CppPivot | Syntax::CppMixte => cpp_pivot::read_document(doc, text),
    }
}

/// A target of [`write`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Target {
    /// UBL 2.1: a `CreditNote` when the type code (BT-3) is a credit note
    /// code, an `Invoice` otherwise.
    Ubl,
    /// UBL 2.1 `Invoice`, whatever the type code.
    UblInvoice,
    /// UBL 2.1 `CreditNote`, whatever the type code.
    UblCreditNote,
    /// UN/CEFACT CII D16B.
    Cii,
    /// Chorus Pro `CPPFacturePivot`, latest version (V2_02), with the
    /// default platform data (see [`cpp_pivot::PlatformData`]); use
    /// [`cpp_pivot::write`] for other versions or platform data.
    CppPivot,
    /// Chorus Pro `CPPFactureMixte` with the default platform data; use
    /// [`cpp_mixte::write`] to give them.
    CppMixte,
}

/// Writes an invoice in the target syntax.
///
/// ```
/// let xml = std::fs::read("examples/ubl-invoice.xml").unwrap();
/// let doc = facture::read(&xml).unwrap();
/// let cii = facture::write(&doc.invoice, facture::Target::Cii).unwrap();
/// assert!(cii.dropped.is_empty());
/// assert_eq!(facture::read(&cii.xml).unwrap().invoice, doc.invoice);
/// ```
pub fn write(invoice: &Invoice, target: Target) -> Result<Written> {
    match target {
        Target::Ubl => {
            let credit = invoice
                .type_code
                .as_ref()
                .is_some_and(|c| c.is_credit_note());
            ubl::write(
                invoice,
                if credit {
                    ubl::Root::CreditNote
                } else {
                    ubl::Root::Invoice
                },
            )
        }
        Target::UblInvoice => ubl::write(invoice, ubl::Root::Invoice),
        Target::UblCreditNote => ubl::write(invoice, ubl::Root::CreditNote),
        Target::Cii => cii::write(invoice),
        Target::CppPivot => cpp_pivot::write(invoice, &cpp_pivot::PivotOptions::default()),
        Target::CppMixte => cpp_mixte::write(invoice, &cpp_pivot::PlatformData::default()),
    }
}

/// The result of [`convert`]: the document written in the target syntax,
/// what the source had that the model has no place for, and what the
/// target could not carry.
#[derive(Clone, Debug)]
pub struct Conversion {
    /// The syntax of the source.
    pub from: Syntax,
    /// The converted document.
    pub xml: Vec<u8>,
    /// Elements of the source outside the model (not converted).
    pub ignored: Vec<Ignored>,
    /// Terms of the model the target syntax could not carry.
    pub dropped: Vec<Dropped>,
}

impl Conversion {
    /// Whether nothing of the source was left behind.
    pub fn is_lossless(&self) -> bool {
        self.ignored.is_empty() && self.dropped.is_empty()
    }
}

/// Reads a document and writes it in another syntax, saying what was lost.
/// A UBL `CreditNote` stays a `CreditNote` when converted to [`Target::Ubl`].
pub fn convert(bytes: &[u8], target: Target) -> Result<Conversion> {
    let doc = read(bytes)?;
    let target = match (target, doc.syntax) {
        (Target::Ubl, Syntax::UblCreditNote) => Target::UblCreditNote,
        (Target::Ubl, Syntax::UblInvoice) => Target::UblInvoice,
        (t, _) => t,
    };
    let written = write(&doc.invoice, target)?;
    Ok(Conversion {
        from: doc.syntax,
        xml: written.xml,
        ignored: doc.ignored,
        dropped: written.dropped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_root_and_namespace() {
        let cii = format!("<rsm:CrossIndustryInvoice xmlns:rsm=\"{CII_NS}\"/>");
        assert_eq!(detect(cii.as_bytes()).unwrap(), Syntax::Cii);
        let cn = format!("<CreditNote xmlns=\"{UBL_CREDIT_NOTE_NS}\"/>");
        assert_eq!(detect(cn.as_bytes()).unwrap(), Syntax::UblCreditNote);
    }

    #[test]
    fn wrong_root_or_namespace_is_a_typed_error() {
        for xml in [
            "<Invoice/>",
            "<Invoice xmlns=\"urn:example\"/>",
            "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>",
        ] {
            let e = detect(xml.as_bytes()).unwrap_err();
            assert!(matches!(e, Error::UnknownDocument { .. }), "{xml}: {e}");
        }
    }
}
