//! Embedding a CII invoice into a PDF as a Factur-X associated file.

use super::pdf::{self, deref};
use super::xmp::{self, FxFields};
use super::{FacturXProfile, is_invoice_name};
use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::model::TextPos;
use crate::syntax::{self, Syntax, xml_input};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat};
use md5::{Digest, Md5};
use std::collections::HashSet;
use std::io::Write;

/// How the embedded invoice relates to the PDF (`/AFRelationship`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Relationship {
    /// `/Data`: the XML carries the data the PDF shows (the Factur-X
    /// default, and what French recipients expect).
    #[default]
    Data,
    /// `/Alternative`: the XML is an alternative representation of the PDF
    /// (required by the German XRechnung profile in ZUGFeRD).
    Alternative,
    /// `/Source`: the PDF was produced from the XML.
    Source,
}

impl Relationship {
    /// The PDF name.
    pub fn name(self) -> &'static str {
        match self {
            Relationship::Data => "Data",
            Relationship::Alternative => "Alternative",
            Relationship::Source => "Source",
        }
    }
}

/// Options of [`embed`].
#[derive(Clone, Debug, Default)]
pub struct EmbedOptions {
    /// The `/AFRelationship` of the attachment.
    pub relationship: Relationship,
    /// The attachment's creation and modification date (`/Params`), in
    /// UTC. `None`: now.
    pub date: Option<chrono::NaiveDateTime>,
    /// Limits applied when reading the PDF and the XML.
    pub limits: Limits,
}

/// Attaches a CII invoice to a PDF, making it a Factur-X PDF: the XML is
/// an associated file of the document (catalog `/AF`, and the
/// `EmbeddedFiles` name tree) named `factur-x.xml` (`xrechnung.xml` for the
/// XRechnung profile), MIME type `text/xml`, with its size, MD5 checksum and
/// dates; the XMP metadata declares PDF/A-3 and the Factur-X properties, with
/// `fx:ConformanceLevel` from the invoice's BT-24. The pages and every other
/// object are kept; an invoice already attached is replaced.
///
/// The XML must be a CII invoice whose BT-24 names a Factur-X profile
/// ([`FacturXProfile::from_specification`]). Embedding does not make the
/// PDF PDF/A conformant (fonts, colour profiles): it declares it, so the
/// input should already be PDF/A (any part); see
/// [`crate::syntax::facturx`].
pub fn embed(pdf_bytes: &[u8], xml: &[u8], options: &EmbedOptions) -> Result<Vec<u8>> {
    let limits = &options.limits;
    let profile = profile_of(xml, limits)?;
    let file_name = profile.file_name();
    let mut doc = pdf::load(pdf_bytes, limits)?;
    let existing_xmp = match pdf::metadata(&doc, limits) {
        Some(Ok(bytes)) => Some(bytes),
        _ => None,
    };
    let pdfa_conformance = existing_xmp
        .as_deref()
        .and_then(|b| xmp::Xmp::parse(b, limits))
        .and_then(|x| x.pdfa_conformance)
        .filter(|c| matches!(c.as_str(), "A" | "B" | "U"))
        .unwrap_or_else(|| "B".to_owned());

    let date = pdf_date(options.date.unwrap_or_else(now));
    let checksum = Md5::digest(xml);
    let mut params = Dictionary::new();
    params.set(
        "Size",
        Object::Integer(i64::try_from(xml.len()).unwrap_or(i64::MAX)),
    );
    params.set(
        "CheckSum",
        Object::String(checksum.to_vec(), StringFormat::Hexadecimal),
    );
    params.set("CreationDate", Object::string_literal(date.clone()));
    params.set("ModDate", Object::string_literal(date));
    let mut file_dict = Dictionary::new();
    file_dict.set("Type", Object::Name(b"EmbeddedFile".to_vec()));
    file_dict.set("Subtype", Object::Name(b"text/xml".to_vec()));
    file_dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    file_dict.set("Params", Object::Dictionary(params));
    let file_stream = Stream::new(file_dict, deflate(xml)?).with_compression(false);
    let file_id = add(&mut doc, Object::Stream(file_stream))?;

    let mut ef = Dictionary::new();
    ef.set("F", Object::Reference(file_id));
    ef.set("UF", Object::Reference(file_id));
    let mut spec = Dictionary::new();
    spec.set("Type", Object::Name(b"Filespec".to_vec()));
    spec.set("F", Object::string_literal(file_name));
    spec.set("UF", Object::string_literal(file_name));
    spec.set("Desc", Object::string_literal("Factur-X invoice"));
    spec.set(
        "AFRelationship",
        Object::Name(options.relationship.name().as_bytes().to_vec()),
    );
    spec.set("EF", Object::Dictionary(ef));
    let spec_id = add(&mut doc, Object::Dictionary(spec))?;

    // The catalog's /AF without any previous invoice, plus ours.
    let catalog = doc.catalog().map_err(|e| pdf::pdf_error(&e, limits))?;
    let mut af: Vec<Object> = match deref(&doc, catalog.get(b"AF").ok()) {
        Some(Object::Array(entries)) => entries
            .iter()
            .filter(|entry| !names_invoice(&doc, entry))
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    af.push(Object::Reference(spec_id));

    // The embedded files name tree, flattened, without any previous
    // invoice, plus ours, sorted by name as name trees must be.
    let mut entries: Vec<(String, Object)> = Vec::new();
    let names_dict: Option<Dictionary> = match deref(&doc, catalog.get(b"Names").ok()) {
        Some(Object::Dictionary(d)) => Some(d.clone()),
        _ => None,
    };
    if let Some(root) = names_dict
        .as_ref()
        .and_then(|d| d.get(b"EmbeddedFiles").ok())
    {
        let mut pairs = Vec::new();
        let mut visited = HashSet::new();
        pdf::name_tree(&doc, root, 0, &mut visited, &mut pairs);
        for (key, value) in pairs {
            if !is_invoice_name(&key) && !names_invoice(&doc, value) {
                entries.push((key, value.clone()));
            }
        }
    }
    entries.push((file_name.to_owned(), Object::Reference(spec_id)));
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut flat = Vec::with_capacity(entries.len() * 2);
    for (key, value) in entries {
        flat.push(Object::string_literal(key));
        flat.push(value);
    }
    let mut tree = Dictionary::new();
    tree.set("Names", Object::Array(flat));
    let tree_id = add(&mut doc, Object::Dictionary(tree))?;
    let mut names = names_dict.unwrap_or_default();
    names.set("EmbeddedFiles", Object::Reference(tree_id));
    let names_id = add(&mut doc, Object::Dictionary(names))?;

    let packet = xmp::write(
        existing_xmp.as_deref(),
        &FxFields {
            document_file_name: file_name,
            conformance_level: profile.conformance_level(),
            pdfa_conformance: &pdfa_conformance,
        },
    );
    let mut metadata = Dictionary::new();
    metadata.set("Type", Object::Name(b"Metadata".to_vec()));
    metadata.set("Subtype", Object::Name(b"XML".to_vec()));
    let metadata_id = add(
        &mut doc,
        Object::Stream(Stream::new(metadata, packet.into_bytes()).with_compression(false)),
    )?;

    let catalog = doc.catalog_mut().map_err(|e| pdf::pdf_error(&e, limits))?;
    catalog.set("AF", Object::Array(af));
    catalog.set("Names", Object::Reference(names_id));
    catalog.set("Metadata", Object::Reference(metadata_id));
    // Associated files are a PDF 2.0 / PDF/A-3 feature over PDF 1.7.
    if version_below_1_7(&doc.version) {
        doc.version = "1.7".to_owned();
    }
    let mut out = Vec::with_capacity(pdf_bytes.len() + xml.len());
    doc.save_to(&mut out)?;
    Ok(out)
}

/// The Factur-X profile of a CII invoice, from its BT-24.
fn profile_of(xml: &[u8], limits: &Limits) -> Result<FacturXProfile> {
    let text = xml_input::as_text(xml, limits)?;
    let tree = xml_input::parse(text, limits)?;
    let doc = syntax::read_tree(&tree, text)?;
    if doc.syntax != Syntax::Cii {
        return Err(Error::UnknownDocument {
            root: tree.root_element().tag_name().name().to_owned(),
            expected: "a CII D16B CrossIndustryInvoice (Factur-X embeds CII; convert other syntaxes first)",
            pos: TextPos::at(text, tree.root_element().range().start),
        });
    }
    let spec = doc
        .invoice
        .process
        .specification
        .clone()
        .unwrap_or_default();
    FacturXProfile::from_specification(&spec).ok_or_else(|| Error::InvalidValue {
        kind: "Factur-X profile",
        value: spec.chars().take(64).collect(),
        element: "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID".to_owned(),
        reason: "the specification identifier (BT-24) names no Factur-X profile",
        pos: TextPos::at(text, 0),
    })
}

/// Whether a file specification (or its name) is an invoice attachment.
fn names_invoice(doc: &Document, spec: &Object) -> bool {
    let Some(Object::Dictionary(dict)) = deref(doc, Some(spec)) else {
        return false;
    };
    ["UF", "F"].iter().any(|k| {
        matches!(deref(doc, dict.get(k.as_bytes()).ok()),
            Some(Object::String(bytes, _)) if is_invoice_name(&pdf::text_string(bytes)))
    })
}

fn add(doc: &mut Document, object: Object) -> Result<lopdf::ObjectId> {
    doc.try_add_object(object).map_err(|e| Error::Pdf {
        message: e.to_string(),
        offset: None,
    })
}

fn deflate(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

fn now() -> chrono::NaiveDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .unwrap_or_default()
        .naive_utc()
}

/// A PDF date string in UTC: `D:20260401120000Z`.
fn pdf_date(date: chrono::NaiveDateTime) -> String {
    format!("D:{}Z", date.format("%Y%m%d%H%M%S"))
}

fn version_below_1_7(version: &str) -> bool {
    let mut parts = version.trim().split('.');
    let major: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let minor: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    (major, minor) < (1, 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_and_versions() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 4, 1)
            .and_then(|d| d.and_hms_opt(9, 5, 7))
            .unwrap_or_default();
        assert_eq!(pdf_date(date), "D:20260401090507Z");
        assert!(version_below_1_7("1.4") && !version_below_1_7("1.7") && !version_below_1_7("2.0"));
    }
}
