//! Wire formats: detection, and one reader and one writer per syntax.
//!
//! Data flows one way: bytes → [`read`] → [`Document`] (the canonical
//! [`Invoice`] plus where each term came from) and
//! [`Invoice`] → [`write`] → bytes.

pub mod cii;
pub mod cpp_mixte;
pub mod cpp_pivot;
pub mod cpp_statut;
pub mod facturx;
#[cfg(test)]
mod generated_file;
pub mod lexical;
pub mod node;
pub mod tree;
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
    /// Factur-X / ZUGFeRD: a PDF with an embedded CII invoice
    /// ([`facturx`]). Positions refer to the embedded XML.
    FacturX,
}

impl Syntax {
    /// The short name used on the command line and in reports: `ubl`,
    /// `cii`, `cpp-pivot`, `cpp-mixte` or `facturx`.
    pub fn family(self) -> &'static str {
        match self {
            Syntax::UblInvoice | Syntax::UblCreditNote => "ubl",
            Syntax::Cii => "cii",
            Syntax::CppPivot => "cpp-pivot",
            Syntax::CppMixte => "cpp-mixte",
            Syntax::FacturX => "facturx",
        }
    }

    /// The syntax of the XML the rules look at: the embedded CII for
    /// [`Syntax::FacturX`], the syntax itself otherwise.
    pub fn xml_syntax(self) -> Syntax {
        match self {
            Syntax::FacturX => Syntax::Cii,
            other => other,
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
            Syntax::FacturX => "Factur-X / ZUGFeRD PDF (embedded CII D16B)",
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

/// A value present in the document but not in the lexical form of its data
/// type (a date `123`, an empty amount), which a lenient read
/// ([`ReadOptions::lenient`]) leaves out of the model instead of failing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The business term the value is for; `None` for an element read only
    /// to decide where other values go (`cbc:ChargeIndicator`).
    pub term: Option<TermPath>,
    /// XPath-like location of the element, e.g. `/Invoice/cbc:IssueDate`.
    pub element: String,
    /// The value as written (its first 64 characters).
    pub value: String,
    /// What is wrong with it (the message of the strict read's error).
    pub reason: String,
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
    /// Values a lenient read could not read (always empty after a strict
    /// read, which fails on the first one instead).
    pub unreadable: Vec<Unreadable>,
}

/// How [`read_with_options`] reads a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Size, node, depth and attachment limits.
    pub limits: Limits,
    /// Whether a value that is not in the lexical form of its data type (a
    /// date `123`, an empty amount, a charge indicator `yes`) is left out of
    /// the model and listed in [`Document::unreadable`], instead of failing
    /// the read. Malformed XML, an unknown document and exceeded limits
    /// still fail. Chorus Pro formats are always read strictly.
    pub lenient: bool,
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
/// without reading it further. A PDF (`%PDF-` header) is
/// [`Syntax::FacturX`], without looking for the embedded invoice.
///
/// ```
/// use facture::syntax::{detect, Syntax};
/// let xml = br#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"#;
/// assert_eq!(detect(xml).unwrap(), Syntax::UblInvoice);
/// ```
pub fn detect(bytes: &[u8]) -> Result<Syntax> {
    if facturx::is_pdf(bytes) {
        return Ok(Syntax::FacturX);
    }
    let limits = Limits::default();
    let text = xml_input::as_text(bytes, &limits)?;
    let doc = xml_input::parse(text, &limits)?;
    syntax_of(&doc, text)
}

pub(crate) fn syntax_of(doc: &crate::syntax::tree::Document<'_>, text: &str) -> Result<Syntax> {
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
/// by its root element and namespace, or a Factur-X PDF (its embedded CII,
/// see [`facturx`]), with the default [`Limits`].
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
    read_with_options(
        bytes,
        &ReadOptions {
            limits: *limits,
            lenient: false,
        },
    )
}

/// [`read`] with explicit [`ReadOptions`]: limits, and a lenient read
/// that keeps going past unreadable values.
///
/// ```
/// use facture::syntax::{ReadOptions, read_with_options};
/// let xml = std::fs::read_to_string("examples/ubl-invoice.xml").unwrap();
/// let bad = xml.replacen("<cbc:IssueDate>2026-03-31</cbc:IssueDate>", "<cbc:IssueDate>31/03/2026</cbc:IssueDate>", 1);
/// assert!(facture::read(bad.as_bytes()).is_err());
/// let lenient = ReadOptions { lenient: true, ..ReadOptions::default() };
/// let doc = read_with_options(bad.as_bytes(), &lenient).unwrap();
/// assert_eq!(doc.invoice.issue_date, None);
/// assert_eq!(doc.unreadable[0].element, "/Invoice/cbc:IssueDate[1]");
/// ```
pub fn read_with_options(bytes: &[u8], options: &ReadOptions) -> Result<Document> {
    if facturx::is_pdf(bytes) {
        let extracted = facturx::extract(bytes, &options.limits)?;
        return facturx::with_embedded(
            &extracted,
            &options.limits,
            options.lenient,
            |_, _, doc| doc,
        );
    }
    let text = xml_input::as_text(bytes, &options.limits)?;
    let doc = xml_input::parse(text, &options.limits)?;
    read_tree_with(&doc, text, options)
}

/// Reads an already parsed XML tree (`text` is the text it was parsed from).
pub fn read_tree(doc: &crate::syntax::tree::Document<'_>, text: &str) -> Result<Document> {
    read_tree_with(doc, text, &ReadOptions::default())
}

/// [`read_tree`] as `options` say: leniently or not (see
/// [`ReadOptions::lenient`]), within its limits (those that apply after
/// parsing: [`Limits::max_attachment_bytes`]).
pub fn read_tree_with(
    doc: &crate::syntax::tree::Document<'_>,
    text: &str,
    options: &ReadOptions,
) -> Result<Document> {
    match syntax_of(doc, text)? {
        Syntax::UblInvoice | Syntax::UblCreditNote => ubl::read_with(doc, text, options),
        Syntax::Cii | Syntax::FacturX => cii::read_with(doc, text, options),
        Syntax::CppPivot | Syntax::CppMixte => {
            cpp_pivot::read_document_with_limits(doc, text, &options.limits)
        }
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
    /// UBL 2.1 as Chorus Pro's E1 flow `IN_DP_E1_UBL_INVOICE` integrates
    /// it (see [`crate::chorus::conventions`]: cadre in BT-23, SIRETs under
    /// `schemeName="1"`, credit notes as positive 381).
    UblChorus,
    /// CII D16B as Chorus Pro's E1 flow `IN_DP_E1_CII_16B` integrates it
    /// (SIRETs in `SpecifiedLegalOrganization` under `schemeID="1"`).
    CiiChorus,
    /// UBL 2.1 with the minimal data set and the invoice PDF, Chorus Pro's
    /// E2 flow `IN_DP_E2_UBL_INVOICE_MIN`.
    UblChorusMin,
    /// CII D16B with the minimal data set and the invoice PDF, Chorus Pro's
    /// E2 flow `IN_DP_E2_CII_MIN_16B`.
    CiiChorusMin,
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
        Target::UblChorus => write_chorus(invoice, Flow::UblE1),
        Target::CiiChorus => write_chorus(invoice, Flow::CiiE1),
        Target::UblChorusMin => write_chorus(invoice, Flow::UblE2Min),
        Target::CiiChorusMin => write_chorus(invoice, Flow::CiiE2Min),
    }
}

use crate::chorus::conventions::{self, Flow};

/// Writes an invoice for a Chorus Pro flow with the default
/// [`conventions::Options`]; use [`write_for_chorus`] to give them.
fn write_chorus(invoice: &Invoice, flow: Flow) -> Result<Written> {
    write_for_chorus(invoice, flow, &conventions::Options::default())
}

/// Writes an invoice as a Chorus Pro flow integrates it: the conventions
/// of [`crate::chorus::conventions`] applied, the minimal data set for the
/// E2 flows, then the UBL or CII writer. What was changed or left out is in
/// [`Written::dropped`].
///
/// ```
/// use facture::chorus::conventions::{Flow, Options};
/// let xml = std::fs::read("examples/ubl-invoice.xml").unwrap();
/// let doc = facture::read(&xml).unwrap();
/// let w = facture::syntax::write_for_chorus(&doc.invoice, Flow::CiiE1, &Options::default()).unwrap();
/// let text = String::from_utf8(w.xml).unwrap();
/// assert!(text.contains(r#"<ram:ID schemeID="1">12345678200010</ram:ID>"#));
/// ```
pub fn write_for_chorus(
    invoice: &Invoice,
    flow: Flow,
    options: &conventions::Options,
) -> Result<Written> {
    let (mut prepared, mut notes) = conventions::apply(invoice, flow, options);
    if flow.is_minimal() {
        let (minimal, dropped) = conventions::minimal(&prepared)?;
        prepared = minimal;
        notes.extend(dropped);
    }
    let mut written = match flow {
        Flow::UblE1 | Flow::UblE2Min => write(&prepared, Target::Ubl)?,
        Flow::CiiE1 | Flow::CiiE2Min | Flow::FacturX => cii::write(&prepared)?,
    };
    notes.append(&mut written.dropped);
    written.dropped = notes;
    Ok(written)
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
