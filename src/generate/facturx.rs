//! Factur-X PDFs of generated invoices, and the breakers of the Factur-X
//! rules (`rules/facturx.toml`): the profile rules (`FX-PROFILE-*`, read
//! from BT-24) change the invoice, the container rules (`FX-PDF-*`) change
//! the PDF around it (its XMP metadata, the file specification of the
//! embedded invoice, the catalog's associated files).

use super::breakers::BreakError;
use super::{Options, Plan};
use crate::model::Invoice;
use crate::syntax::facturx::{EmbedOptions, FacturXProfile, embed};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// A Factur-X PDF of `invoice`: a one-page summary (number, date, amount
/// due) with the CII invoice embedded, its Factur-X profile from BT-24
/// (EN 16931 for generated invoices), dated with the issue date so that
/// the same invoice gives the same bytes. The PDF declares PDF/A-3 but
/// uses a standard, unembedded font.
///
/// ```
/// use facture::generate::{self, Options};
/// let invoice = &generate::sample(1, 5, &Options::default())[0];
/// let pdf = generate::facturx_pdf(invoice).unwrap();
/// let report = facture::validate_bytes(&pdf, &facture::Profile::En16931).unwrap();
/// assert!(report.is_valid());
/// ```
pub fn facturx_pdf(invoice: &Invoice) -> crate::Result<Vec<u8>> {
    let cii = crate::write(invoice, crate::Target::Cii)?.xml;
    let options = EmbedOptions {
        date: invoice.issue_date.and_then(|d| d.and_hms_opt(0, 0, 0)),
        ..EmbedOptions::default()
    };
    embed(&host_pdf(invoice)?, &cii, &options)
}

/// The one-page PDF the invoice is embedded into.
fn host_pdf(invoice: &Invoice) -> crate::Result<Vec<u8>> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    let font_id = doc.add_object(font);
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(font_id));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    // Printable ASCII without the characters a PDF string escapes.
    let safe = |s: String| -> String {
        s.chars()
            .filter(|c| c.is_ascii_graphic() && !matches!(c, '(' | ')' | '\\') || *c == ' ')
            .collect()
    };
    let lines = [
        safe(format!(
            "Invoice {}",
            invoice.number.as_deref().unwrap_or_default()
        )),
        safe(format!(
            "Issued {}",
            invoice
                .issue_date
                .map(|d| d.to_string())
                .unwrap_or_default()
        )),
        safe(format!(
            "Amount due {} {}",
            invoice.totals.amount_due.unwrap_or_default(),
            invoice
                .currency
                .as_ref()
                .map(|c| c.code())
                .unwrap_or_default()
        )),
    ];
    let mut content = String::from("BT /F1 14 Tf 72 760 Td 20 TL");
    for line in &lines {
        content.push_str(&format!(" ({line}) Tj T*"));
    }
    content.push_str(" ET");
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content.into_bytes()));
    let mut page = Dictionary::new();
    page.set("Type", Object::Name(b"Page".to_vec()));
    page.set("Parent", Object::Reference(pages_id));
    page.set("Contents", Object::Reference(content_id));
    let page_id = doc.add_object(page);
    let mut pages = Dictionary::new();
    pages.set("Type", Object::Name(b"Pages".to_vec()));
    pages.set("Kids", Object::Array(vec![Object::Reference(page_id)]));
    pages.set("Count", Object::Integer(1));
    pages.set("Resources", Object::Dictionary(resources));
    pages.set(
        "MediaBox",
        Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]),
    );
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    save(&mut doc)
}

fn save(doc: &mut Document) -> crate::Result<Vec<u8>> {
    let mut out = Vec::new();
    doc.save_to(&mut out)?;
    Ok(out)
}

/// A change to the PDF written by [`facturx_pdf`]; `None` when the PDF
/// does not have the shape it expects.
type PdfChange = fn(&mut Document) -> Option<()>;

/// One Factur-X breaker: a change to the invoice, then to its PDF.
struct FxBreaker {
    rule: &'static str,
    invoice: fn(&mut Invoice),
    pdf: PdfChange,
}

fn keep_invoice(_: &mut Invoice) {}

fn keep_pdf(_: &mut Document) -> Option<()> {
    Some(())
}

/// The object a reference designates.
fn resolve(doc: &Document, object: &Object) -> Option<ObjectId> {
    // Direct objects are not what `embed` writes.
    match object {
        Object::Reference(id) => Some(*id),
        _ => None,
    }
    .filter(|id| doc.objects.contains_key(id))
}

/// The id of the catalog entry `key` (a reference).
fn catalog_ref(doc: &Document, key: &[u8]) -> Option<ObjectId> {
    let catalog = doc.catalog().ok()?;
    resolve(doc, catalog.get(key).ok()?)
}

/// The XMP packet, as text, changed by `change`.
fn edit_xmp(doc: &mut Document, change: impl FnOnce(String) -> String) -> Option<()> {
    let id = catalog_ref(doc, b"Metadata")?;
    let Object::Stream(stream) = doc.objects.get_mut(&id)? else {
        return None;
    };
    let text = String::from_utf8(stream.get_plain_content().ok()?).ok()?;
    let changed = change(text.clone());
    (changed != text).then_some(())?;
    stream.set_plain_content(changed.into_bytes());
    Some(())
}

/// Replaces the value of the XMP element `name` (`fx:Version`…).
fn set_xmp(doc: &mut Document, name: &str, value: &str) -> Option<()> {
    edit_xmp(doc, |text| {
        let open = format!("<{name}>");
        let close = format!("</{name}>");
        let Some(start) = text.find(&open).map(|i| i + open.len()) else {
            return text;
        };
        let Some(end) = text[start..].find(&close).map(|i| i + start) else {
            return text;
        };
        format!("{}{value}{}", &text[..start], &text[end..])
    })
}

/// Removes the XMP element `name` with its value.
fn drop_xmp(doc: &mut Document, name: &str) -> Option<()> {
    edit_xmp(doc, |text| {
        let open = format!("<{name}>");
        let close = format!("</{name}>");
        let (Some(start), Some(end)) = (text.find(&open), text.find(&close)) else {
            return text;
        };
        format!("{}{}", &text[..start], &text[end + close.len()..])
    })
}

/// The file specification of the embedded invoice (the catalog's first
/// associated file).
fn file_spec(doc: &mut Document) -> Option<&mut Dictionary> {
    let af = doc.catalog().ok()?.get(b"AF").ok()?;
    let first = match af {
        Object::Array(entries) => entries.first()?.clone(),
        _ => return None,
    };
    let id = resolve(doc, &first)?;
    doc.objects.get_mut(&id)?.as_dict_mut().ok()
}

/// The embedded invoice's file stream.
fn embedded_file(doc: &mut Document) -> Option<&mut Stream> {
    let spec = file_spec(doc)?;
    let ef = spec.get(b"EF").ok()?.as_dict().ok()?;
    let id = match ef.get(b"F").ok()? {
        Object::Reference(id) => *id,
        _ => return None,
    };
    match doc.objects.get_mut(&id)? {
        Object::Stream(stream) => Some(stream),
        _ => None,
    }
}

/// A specification identifier (BT-24) no Factur-X profile has.
const UNKNOWN_SPECIFICATION: &str = "urn:example.com:invoicing:custom-profile";

const BREAKERS: &[FxBreaker] = &[
    // A BASIC WL invoice (no lines, its VAT breakdown and totals kept):
    // valid for its profile, not an EN 16931 invoice.
    FxBreaker {
        rule: "FX-PROFILE-01",
        invoice: |i| {
            i.process.specification = Some(FacturXProfile::BasicWl.specification().to_owned());
            i.lines.clear();
        },
        pdf: keep_pdf,
    },
    // The embedded invoice's BT-24 replaced after embedding (the embedding
    // needs a Factur-X profile to name the file and the conformance level).
    FxBreaker {
        rule: "FX-PROFILE-02",
        invoice: keep_invoice,
        pdf: |doc| {
            let stream = embedded_file(doc)?;
            let xml = String::from_utf8(stream.get_plain_content().ok()?).ok()?;
            let bt24 = format!(">{}<", FacturXProfile::En16931.specification());
            xml.contains(&bt24).then_some(())?;
            let changed = xml.replacen(&bt24, &format!(">{UNKNOWN_SPECIFICATION}<"), 1);
            stream.set_plain_content(changed.into_bytes());
            Some(())
        },
    },
    FxBreaker {
        rule: "FX-PROFILE-07",
        invoice: |i| {
            i.process.specification = Some(FacturXProfile::XRechnung.specification().to_owned());
        },
        pdf: keep_pdf,
    },
    FxBreaker {
        rule: "FX-PDF-01",
        invoice: keep_invoice,
        pdf: |doc| drop_xmp(doc, "fx:Version"),
    },
    // BASIC declared in the XMP, EN 16931 in BT-24.
    FxBreaker {
        rule: "FX-PDF-02",
        invoice: keep_invoice,
        pdf: |doc| set_xmp(doc, "fx:ConformanceLevel", "BASIC"),
    },
    FxBreaker {
        rule: "FX-PDF-03",
        invoice: keep_invoice,
        pdf: |doc| set_xmp(doc, "fx:DocumentFileName", "invoice.xml"),
    },
    FxBreaker {
        rule: "FX-PDF-04",
        invoice: keep_invoice,
        pdf: |doc| {
            file_spec(doc)?.remove(b"AFRelationship")?;
            Some(())
        },
    },
    // Attached (the embedded files name tree) but not associated.
    FxBreaker {
        rule: "FX-PDF-05",
        invoice: keep_invoice,
        pdf: |doc| {
            doc.catalog_mut().ok()?.remove(b"AF")?;
            Some(())
        },
    },
    // PDF/A-2 declared.
    FxBreaker {
        rule: "FX-PDF-06",
        invoice: keep_invoice,
        pdf: |doc| set_xmp(doc, "pdfaid:part", "2"),
    },
    FxBreaker {
        rule: "FX-PDF-07",
        invoice: keep_invoice,
        pdf: |doc| {
            embedded_file(doc)?
                .dict
                .set("Subtype", Object::Name(b"application/xml".to_vec()));
            Some(())
        },
    },
    FxBreaker {
        rule: "FX-PDF-08",
        invoice: keep_invoice,
        pdf: |doc| set_xmp(doc, "fx:DocumentType", "ORDER"),
    },
];

/// Every MINIMUM or BASIC WL invoice fires FX-PROFILE-01.
const WITH_PROFILE_01: &str = "the rule applies to MINIMUM and BASIC WL invoices only, and every such invoice fires FX-PROFILE-01 (not an EN 16931 invoice)";

/// The Factur-X rules no change can break alone, with the reason.
pub(super) const UNBREAKABLE: &[(&str, &str)] = &[
    ("FX-PROFILE-03", WITH_PROFILE_01),
    ("FX-PROFILE-04", WITH_PROFILE_01),
    ("FX-PROFILE-05", WITH_PROFILE_01),
    ("FX-PROFILE-06", WITH_PROFILE_01),
    (
        "FX-PDF-09",
        "a warning every generated Factur-X PDF already fires: the one-page summary is not PDF/A and has no PDF/A output intent",
    ),
    (
        "FX-SCHEMA-01",
        "the CII writer writes EN 16931 terms only, and the generated Factur-X files are EN 16931, whose profile schema allows every one of them; only an element the model cannot hold would break it",
    ),
];

/// The official ids of the MINIMUM and BASIC WL schematrons (`FX-SCH-A-*`),
/// with the reason none can be broken alone: they apply to those profiles
/// only, whose every invoice fires FX-PROFILE-01; and the EXTENDED variants
/// (`BR-FXEXT-*`), which apply to EXTENDED invoices only.
pub(super) fn unbreakable_profile_ids() -> impl Iterator<Item = (&'static str, &'static str)> {
    crate::rules::catalogue::all()
        .iter()
        .filter(|r| r.set() == "facturx" && r.id().starts_with("FX-SCH-A-"))
        .map(|r| (r.id(), WITH_PROFILE_01))
        .chain(
            crate::rules::catalogue::all()
                .iter()
                .filter(|r| r.set() == "facturx" && r.id().starts_with("BR-FXEXT-"))
                .map(|r| (r.id(), EXTENDED_ONLY)),
        )
}

/// The EXTENDED variants of EN 16931 rules run on EXTENDED invoices only.
const EXTENDED_ONLY: &str = "the rule applies to Factur-X EXTENDED invoices only, and the generated Factur-X files are EN 16931";

/// The breakable rules whose Factur-X PDF also fails the Factur-X XML
/// Schema of its profile (`FX-SCHEMA-01`), though not the CII schema: the
/// Factur-X EN 16931 schema requires what the CII schema leaves optional
/// (the invoice currency, the seller's postal address and country, the
/// VAT category of a line or an allowance…), and a generated invoice
/// declared BASIC WL (FX-PROFILE-01) carries terms that profile does not
/// allow.
pub fn also_breaks_facturx_schema(rule: &str) -> bool {
    FACTURX_SCHEMA_BREAKING.contains(&rule)
}

const FACTURX_SCHEMA_BREAKING: &[&str] = &[
    "BR-05",
    "BR-09",
    "BR-11",
    "BR-20",
    "BR-21",
    "BR-24",
    "BR-25",
    "BR-31",
    "BR-32",
    "BR-36",
    "BR-37",
    "BR-41",
    "BR-43",
    "BR-49",
    "BR-57",
    "BR-CO-04",
    "FX-PROFILE-01",
];

fn find(rule: &str) -> Option<&'static FxBreaker> {
    BREAKERS.iter().find(|b| b.rule == rule)
}

/// The Factur-X rules [`break_facturx`] targets.
pub(super) fn rules() -> impl Iterator<Item = &'static str> {
    BREAKERS.iter().map(|b| b.rule)
}

/// Whether `rule` is a Factur-X rule [`break_facturx`] targets: it breaks
/// in a Factur-X PDF, not in an invoice ([`super::break_rule`] refuses it).
pub fn breaks_in_pdf(rule: &str) -> bool {
    find(rule).is_some()
}

/// A Factur-X PDF of the invoice of `plan` (built with `options`) that
/// breaks `rule` and no other fatal rule: any rule of
/// [`super::breakable_rules`] that breaks alone in CII, or one of the
/// Factur-X rules (`FX-PROFILE-*`, `FX-PDF-*`), which break alone in a
/// Factur-X PDF only.
///
/// ```
/// use facture::generate::{self, Options};
/// let plan = &generate::sample_plans(1, 8)[0];
/// let pdf = generate::break_facturx(plan, "FX-PDF-04", &Options::default()).unwrap();
/// let report = facture::validate_bytes(&pdf, &facture::Profile::En16931).unwrap();
/// let fatal: Vec<_> = report.fatal().map(|f| f.rule).collect();
/// assert_eq!(fatal, ["FX-PDF-04"]);
/// ```
pub fn break_facturx(plan: &Plan, rule: &str, options: &Options) -> Result<Vec<u8>, BreakError> {
    let failed = |e: crate::Error| BreakError::Write(rule.to_owned(), e.to_string());
    let Some(breaker) = find(rule) else {
        let invoice = super::break_rule(plan, rule, options)?;
        return facturx_pdf(&invoice).map_err(failed);
    };
    let mut invoice = plan.build(options);
    (breaker.invoice)(&mut invoice);
    let pdf = facturx_pdf(&invoice).map_err(failed)?;
    let mut doc =
        Document::load_mem(&pdf).map_err(|e| BreakError::Write(rule.to_owned(), e.to_string()))?;
    (breaker.pdf)(&mut doc).ok_or_else(|| {
        BreakError::Write(
            rule.to_owned(),
            "the PDF does not have the expected structure".to_owned(),
        )
    })?;
    save(&mut doc).map_err(failed)
}
