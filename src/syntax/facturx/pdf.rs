//! Reading the PDF container with `lopdf`: loading under limits, the
//! attached files (catalog `/AF` and the `EmbeddedFiles` name tree), bounded
//! stream decoding and the catalog's XMP metadata.

use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::model::TextPos;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use std::collections::HashSet;
use std::io::Read;

/// Deepest name tree accepted (real files have one or two levels).
const MAX_TREE_DEPTH: usize = 32;
/// Most name tree nodes and attachments visited.
const MAX_TREE_NODES: usize = 10_000;

/// Loads a PDF, refusing encrypted files, with every object and
/// cross-reference stream bounded by `limits.max_pdf_stream_bytes`.
pub(crate) fn load(bytes: &[u8], limits: &Limits) -> Result<Document> {
    if bytes.len() > limits.max_input_bytes {
        return Err(Error::LimitExceeded {
            what: "input size",
            limit: limits.max_input_bytes as u64,
            pos: TextPos { line: 1, column: 1 },
        });
    }
    if !super::is_pdf(bytes) {
        return Err(Error::Pdf {
            message: "no %PDF- header in the first 1024 bytes".into(),
            offset: Some(0),
        });
    }
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_pdf_stream_bytes),
        ..lopdf::LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| pdf_error(&e, limits))?;
    if doc.trailer.has(b"Encrypt") || doc.is_encrypted() || doc.encryption_state.is_some() {
        return Err(Error::PdfEncrypted);
    }
    Ok(doc)
}

/// Whether the catalog lists an output intent of subtype `GTS_PDFA1`.
pub(crate) fn has_pdfa_output_intent(doc: &Document) -> bool {
    let Ok(catalog) = doc.catalog() else {
        return false;
    };
    let Ok(intents) = catalog
        .get(b"OutputIntents")
        .and_then(|o| doc.dereference(o))
        .and_then(|(_, o)| o.as_array())
    else {
        return false;
    };
    intents.iter().take(MAX_TREE_NODES).any(|intent| {
        doc.dereference(intent)
            .and_then(|(_, o)| o.as_dict())
            .and_then(|d| d.get(b"S"))
            .and_then(Object::as_name)
            .is_ok_and(|name| name == b"GTS_PDFA1")
    })
}

/// The library error for a `lopdf` error.
pub(crate) fn pdf_error(e: &lopdf::Error, limits: &Limits) -> Error {
    use lopdf::{DecompressError, Error as E};
    match e {
        E::Decompress(DecompressError::MemoryLimitExceeded { .. }) => Error::LimitExceeded {
            what: "decompressed PDF stream size",
            limit: limits.max_pdf_stream_bytes as u64,
            pos: TextPos { line: 1, column: 1 },
        },
        E::Decryption(_)
        | E::InvalidPassword
        | E::AlreadyEncrypted
        | E::UnsupportedSecurityHandler(_) => Error::PdfEncrypted,
        E::IndirectObject { offset } | E::InvalidOffset(offset) => Error::Pdf {
            message: e.to_string(),
            offset: Some(*offset as u64),
        },
        E::Parse(inner) => Error::Pdf {
            message: format!("{e}: {inner}"),
            offset: None,
        },
        E::Xref(inner) => Error::Pdf {
            message: format!("{e}: {inner}"),
            offset: None,
        },
        _ => Error::Pdf {
            message: e.to_string(),
            offset: None,
        },
    }
}

/// One attached file of the PDF.
#[derive(Clone, Debug)]
pub(crate) struct Attachment {
    /// Its name: the file specification's `/UF`, else `/F`, else its key in
    /// the name tree.
    pub name: String,
    /// `/AFRelationship`, as written (`Data`, `Alternative`, …).
    pub relationship: Option<String>,
    /// The embedded file stream's `/Subtype` (its MIME type), decoded from
    /// the PDF name (`text#2Fxml` is `text/xml`).
    pub mime_type: Option<String>,
    /// Listed in the catalog's `/AF` array (an associated file).
    pub associated: bool,
    /// The file specification object (`None` when written inline).
    spec_id: Option<ObjectId>,
    /// The embedded file stream object.
    stream_id: Option<ObjectId>,
    /// The file specification, for inline ones.
    spec: Dictionary,
}

/// Every attached file: those the catalog's `/AF` lists, then those of the
/// `EmbeddedFiles` name tree, each file specification once.
pub(crate) fn attachments(doc: &Document) -> Vec<Attachment> {
    let mut found: Vec<Attachment> = Vec::new();
    let Ok(catalog) = doc.catalog() else {
        return found;
    };
    if let Some(Object::Array(af)) = deref(doc, catalog.get(b"AF").ok()) {
        for entry in af.iter().take(MAX_TREE_NODES) {
            add_spec(doc, entry, None, true, &mut found);
        }
    }
    if let Some(Object::Dictionary(names)) = deref(doc, catalog.get(b"Names").ok())
        && let Some(root) = names.get(b"EmbeddedFiles").ok()
    {
        let mut pairs = Vec::new();
        let mut visited = HashSet::new();
        name_tree(doc, root, 0, &mut visited, &mut pairs);
        for (key, value) in pairs {
            add_spec(doc, value, Some(key), false, &mut found);
        }
    }
    found
}

/// The `(key, value)` pairs of a name tree, depth-first, bounded.
pub(crate) fn name_tree<'a>(
    doc: &'a Document,
    node: &'a Object,
    depth: usize,
    visited: &mut HashSet<ObjectId>,
    out: &mut Vec<(String, &'a Object)>,
) {
    if depth > MAX_TREE_DEPTH || visited.len() > MAX_TREE_NODES || out.len() > MAX_TREE_NODES {
        return;
    }
    if let Object::Reference(id) = node
        && !visited.insert(*id)
    {
        return;
    }
    let Some(Object::Dictionary(dict)) = deref(doc, Some(node)) else {
        return;
    };
    if let Some(Object::Array(names)) = deref(doc, dict.get(b"Names").ok()) {
        for pair in names.chunks(2) {
            if let [key, value] = pair {
                let key = match deref(doc, Some(key)) {
                    Some(Object::String(bytes, _)) => text_string(bytes),
                    _ => String::new(),
                };
                out.push((key, value));
            }
        }
    }
    if let Some(Object::Array(kids)) = deref(doc, dict.get(b"Kids").ok()) {
        for kid in kids {
            name_tree(doc, kid, depth + 1, visited, out);
        }
    }
}

fn add_spec(
    doc: &Document,
    entry: &Object,
    key: Option<String>,
    associated: bool,
    found: &mut Vec<Attachment>,
) {
    let spec_id = match entry {
        Object::Reference(id) => Some(*id),
        _ => None,
    };
    if let Some(id) = spec_id
        && let Some(known) = found.iter_mut().find(|a| a.spec_id == Some(id))
    {
        known.associated |= associated;
        return;
    }
    let Some(Object::Dictionary(spec)) = deref(doc, Some(entry)) else {
        return;
    };
    let name = ["UF", "F"]
        .iter()
        .find_map(|k| match deref(doc, spec.get(k.as_bytes()).ok()) {
            Some(Object::String(bytes, _)) if !bytes.is_empty() => Some(text_string(bytes)),
            _ => None,
        })
        .or(key)
        .unwrap_or_default();
    let relationship = match deref(doc, spec.get(b"AFRelationship").ok()) {
        Some(Object::Name(n)) => Some(name_text(n)),
        _ => None,
    };
    let stream_ref = match deref(doc, spec.get(b"EF").ok()) {
        Some(Object::Dictionary(ef)) => ef.get(b"UF").or_else(|_| ef.get(b"F")).ok(),
        _ => None,
    };
    let stream_id = match stream_ref {
        Some(Object::Reference(id)) => Some(*id),
        _ => None,
    };
    let mime_type = match deref(doc, stream_ref) {
        Some(Object::Stream(s)) => match s.dict.get(b"Subtype") {
            Ok(Object::Name(n)) => Some(name_text(n)),
            _ => None,
        },
        _ => None,
    };
    // The same embedded stream reached through two file specifications is
    // one attachment.
    if let Some(id) = stream_id
        && let Some(known) = found.iter_mut().find(|a| a.stream_id == Some(id))
    {
        known.associated |= associated;
        return;
    }
    found.push(Attachment {
        name,
        relationship,
        mime_type,
        associated,
        spec_id,
        stream_id,
        spec: spec.clone(),
    });
}

/// The decoded content of an attachment, at most `limit` bytes.
pub(crate) fn attachment_bytes(
    doc: &Document,
    attachment: &Attachment,
    limits: &Limits,
) -> Result<Vec<u8>> {
    let spec = match attachment.spec_id {
        Some(id) => match doc.get_object(id) {
            Ok(Object::Dictionary(d)) => d,
            _ => &attachment.spec,
        },
        None => &attachment.spec,
    };
    let stream_ref = match deref(doc, spec.get(b"EF").ok()) {
        Some(Object::Dictionary(ef)) => ef.get(b"UF").or_else(|_| ef.get(b"F")).ok(),
        _ => None,
    };
    match deref(doc, stream_ref) {
        Some(Object::Stream(stream)) => stream_bytes(stream, limits),
        _ => Err(Error::Pdf {
            message: format!(
                "the attachment {} has no embedded file stream",
                attachment.name
            ),
            offset: None,
        }),
    }
}

/// A stream's decoded content, never inflating past
/// `limits.max_pdf_stream_bytes`: `FlateDecode` (the filter every Factur-X
/// writer uses) is inflated here through a reader that stops one byte past
/// the limit; other filters go through `lopdf`'s bounded decoder.
pub(crate) fn stream_bytes(stream: &Stream, limits: &Limits) -> Result<Vec<u8>> {
    let limit = limits.max_pdf_stream_bytes;
    let too_big = || Error::LimitExceeded {
        what: "decompressed PDF stream size",
        limit: limit as u64,
        pos: TextPos { line: 1, column: 1 },
    };
    let filters: Vec<Vec<u8>> = match stream.dict.get(b"Filter") {
        Ok(Object::Name(n)) => vec![n.clone()],
        Ok(Object::Array(a)) => a
            .iter()
            .filter_map(|o| match o {
                Object::Name(n) => Some(n.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let has_params = stream.dict.has(b"DecodeParms");
    match filters.as_slice() {
        [] => {
            if stream.content.len() > limit {
                return Err(too_big());
            }
            Ok(stream.content.clone())
        }
        [f] if f.as_slice() == b"FlateDecode" && !has_params => {
            let mut out = Vec::new();
            let reader = flate2::read::ZlibDecoder::new(stream.content.as_slice());
            reader
                .take(limit as u64 + 1)
                .read_to_end(&mut out)
                .map_err(|e| Error::Pdf {
                    message: format!("cannot inflate an embedded stream: {e}"),
                    offset: stream.start_position.map(|p| p as u64),
                })?;
            if out.len() > limit {
                return Err(too_big());
            }
            Ok(out)
        }
        _ => stream
            .decompressed_content_with_limit(limit)
            .map_err(|e| pdf_error(&e, limits)),
    }
}

/// The catalog's XMP metadata packet, decoded, if there is one.
pub(crate) fn metadata(doc: &Document, limits: &Limits) -> Option<Result<Vec<u8>>> {
    let catalog = doc.catalog().ok()?;
    match deref(doc, catalog.get(b"Metadata").ok()) {
        Some(Object::Stream(stream)) => Some(stream_bytes(stream, limits)),
        _ => None,
    }
}

/// Follows references (bounded by `lopdf`).
pub(crate) fn deref<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a Object> {
    doc.dereference(object?).ok().map(|(_, o)| o)
}

/// A PDF text string: UTF-16BE with a byte order mark, UTF-8 with its mark
/// (PDF 2.0), else PDFDocEncoding (read as Latin-1, which it equals for
/// the characters of file names).
pub(crate) fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| match c {
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0xFFFD,
            })
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// A PDF name as text (lopdf has already decoded `#xx` escapes).
fn name_text(name: &[u8]) -> String {
    String::from_utf8_lossy(name).into_owned()
}
