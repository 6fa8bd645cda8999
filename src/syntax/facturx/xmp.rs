//! The XMP metadata of a Factur-X PDF: reading the `fx:` and `pdfaid:`
//! properties, and writing a packet with the Factur-X PDF/A extension
//! schema while keeping the other properties of the existing packet.

use crate::limits::Limits;
use crate::syntax::xml_input;

/// Namespace of the Factur-X XMP properties.
pub const FX_NS: &str = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
/// The namespaces ZUGFeRD 2 and ZUGFeRD 1 use for the same properties.
const OTHER_FX_NS: &[&str] = &[
    "urn:zugferd:pdfa:CrossIndustryDocument:invoice:2p0#",
    "urn:ferd:pdfa:CrossIndustryDocument:invoice:1p0#",
];
/// Namespace of the PDF/A identification properties.
pub const PDFAID_NS: &str = "http://www.aiim.org/pdfa/ns/id/";
const RDF_NS: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const PDFA_EXTENSION_NS: &str = "http://www.aiim.org/pdfa/ns/extension/";
const PDFA_SCHEMA_NS: &str = "http://www.aiim.org/pdfa/ns/schema#";
const PDFA_PROPERTY_NS: &str = "http://www.aiim.org/pdfa/ns/property#";

/// What the XMP metadata of a Factur-X PDF says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Xmp {
    /// `fx:DocumentType` (`INVOICE`).
    pub document_type: Option<String>,
    /// `fx:DocumentFileName` (`factur-x.xml`).
    pub document_file_name: Option<String>,
    /// `fx:Version` (`1.0`).
    pub version: Option<String>,
    /// `fx:ConformanceLevel` (`MINIMUM`, `BASIC WL`, `BASIC`, `EN 16931`,
    /// `EXTENDED`, `XRECHNUNG`).
    pub conformance_level: Option<String>,
    /// The namespace the `fx` properties were found in (Factur-X, ZUGFeRD 2
    /// or ZUGFeRD 1), when any was.
    pub fx_namespace: Option<String>,
    /// `pdfaid:part` (`3` for PDF/A-3).
    pub pdfa_part: Option<String>,
    /// `pdfaid:conformance` (`A`, `B` or `U`).
    pub pdfa_conformance: Option<String>,
}

impl Xmp {
    /// Reads the properties from an XMP packet. `None` when the packet is
    /// not well-formed UTF-8 XML.
    pub fn parse(packet: &[u8], limits: &Limits) -> Option<Self> {
        let text = xml_input::as_text(packet, limits).ok()?;
        let doc = xml_input::parse(text, limits).ok()?;
        let mut xmp = Xmp::default();
        for description in doc
            .descendants()
            .filter(|n| n.has_tag_name((RDF_NS, "Description")))
        {
            let attributes = description
                .attributes()
                .map(|a| (a.namespace(), a.name(), a.value().trim().to_owned()));
            let children = description.children().filter(|n| n.is_element()).map(|n| {
                let name = n.tag_name();
                (name.namespace(), name.name(), text_of(n))
            });
            for (ns, local, value) in attributes.chain(children) {
                xmp.set(ns, local, value);
            }
        }
        Some(xmp)
    }

    fn set(&mut self, ns: Option<&str>, local: &str, value: String) {
        let Some(ns) = ns else { return };
        if ns == PDFAID_NS {
            match local {
                "part" => self.pdfa_part = Some(value),
                "conformance" => self.pdfa_conformance = Some(value),
                _ => {}
            }
            return;
        }
        if ns != FX_NS && !OTHER_FX_NS.contains(&ns) {
            return;
        }
        let slot = match local {
            "DocumentType" => &mut self.document_type,
            "DocumentFileName" => &mut self.document_file_name,
            "Version" => &mut self.version,
            "ConformanceLevel" => &mut self.conformance_level,
            _ => return,
        };
        *slot = Some(value);
        self.fx_namespace = Some(ns.to_owned());
    }
}

fn text_of(node: crate::syntax::tree::Node<'_, '_>) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The Factur-X properties to write.
pub(crate) struct FxFields<'a> {
    pub document_file_name: &'a str,
    pub conformance_level: &'a str,
    /// `pdfaid:conformance` to declare.
    pub pdfa_conformance: &'a str,
}

/// The properties of the Factur-X extension schema: (name, description).
const FX_PROPERTIES: &[(&str, &str)] = &[
    ("DocumentFileName", "The name of the embedded XML document"),
    (
        "DocumentType",
        "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER",
    ),
    (
        "Version",
        "The actual version of the standard applying to the embedded XML document",
    ),
    (
        "ConformanceLevel",
        "The conformance level of the embedded XML document",
    ),
];

/// An XMP packet declaring PDF/A-3 and the Factur-X properties, with the
/// Factur-X extension schema. Of `existing` (the PDF's current packet, if
/// readable) every property is kept except the `pdfaid:` and `fx:` ones,
/// which are replaced, and the extension schemas other than Factur-X's
/// are kept in the new schema list.
pub(crate) fn write(existing: Option<&[u8]>, fields: &FxFields<'_>) -> String {
    let limits = Limits::default();
    let text = existing.and_then(|b| xml_input::as_text(b, &limits).ok());
    let doc = text.and_then(|t| xml_input::parse(t, &limits).ok().map(|d| (t, d)));
    let mut kept = String::new();
    let mut schemas = String::new();
    let mut schema_namespaces: Vec<(String, String)> = Vec::new();
    if let Some((text, doc)) = &doc {
        for description in doc
            .descendants()
            .filter(|n| n.has_tag_name((RDF_NS, "Description")))
        {
            keep_description(
                text,
                description,
                &mut kept,
                &mut schemas,
                &mut schema_namespaces,
            );
        }
    }
    let mut out = String::from("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    out.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    out.push_str(&format!("<rdf:RDF xmlns:rdf=\"{RDF_NS}\">\n"));
    out.push_str(&kept);
    out.push_str(&format!(
        "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"{PDFAID_NS}\">\n\
         <pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>{}</pdfaid:conformance>\n\
         </rdf:Description>\n",
        escape(fields.pdfa_conformance)
    ));
    out.push_str(&format!(
        "<rdf:Description rdf:about=\"\" xmlns:fx=\"{FX_NS}\">\n\
         <fx:DocumentType>INVOICE</fx:DocumentType>\n\
         <fx:DocumentFileName>{}</fx:DocumentFileName>\n\
         <fx:Version>1.0</fx:Version>\n\
         <fx:ConformanceLevel>{}</fx:ConformanceLevel>\n\
         </rdf:Description>\n",
        escape(fields.document_file_name),
        escape(fields.conformance_level)
    ));
    let mut declarations = format!(
        " xmlns:pdfaExtension=\"{PDFA_EXTENSION_NS}\" xmlns:pdfaSchema=\"{PDFA_SCHEMA_NS}\" \
         xmlns:pdfaProperty=\"{PDFA_PROPERTY_NS}\""
    );
    for (prefix, uri) in &schema_namespaces {
        declarations.push_str(&format!(" xmlns:{prefix}=\"{}\"", escape(uri)));
    }
    out.push_str(&format!(
        "<rdf:Description rdf:about=\"\"{declarations}>\n<pdfaExtension:schemas>\n<rdf:Bag>\n"
    ));
    out.push_str(&schemas);
    out.push_str(&format!(
        "<rdf:li rdf:parseType=\"Resource\">\n\
         <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>\n\
         <pdfaSchema:namespaceURI>{FX_NS}</pdfaSchema:namespaceURI>\n\
         <pdfaSchema:prefix>fx</pdfaSchema:prefix>\n\
         <pdfaSchema:property>\n<rdf:Seq>\n"
    ));
    for (name, description) in FX_PROPERTIES {
        out.push_str(&format!(
            "<rdf:li rdf:parseType=\"Resource\">\n\
             <pdfaProperty:name>{name}</pdfaProperty:name>\n\
             <pdfaProperty:valueType>Text</pdfaProperty:valueType>\n\
             <pdfaProperty:category>external</pdfaProperty:category>\n\
             <pdfaProperty:description>{description}</pdfaProperty:description>\n\
             </rdf:li>\n"
        ));
    }
    out.push_str(
        "</rdf:Seq>\n</pdfaSchema:property>\n</rdf:li>\n</rdf:Bag>\n</pdfaExtension:schemas>\n\
         </rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>",
    );
    out
}

/// Whether a namespace is one whose properties [`write`] replaces.
fn replaced(ns: Option<&str>) -> bool {
    ns.is_some_and(|ns| {
        ns == PDFAID_NS || ns == FX_NS || OTHER_FX_NS.contains(&ns) || ns == PDFA_EXTENSION_NS
    })
}

/// Copies what a description holds besides the replaced properties into
/// `kept` (as a description of its own, redeclaring the namespaces in
/// scope), and the extension schemas other than Factur-X's into `schemas`.
fn keep_description(
    text: &str,
    description: crate::syntax::tree::Node<'_, '_>,
    kept: &mut String,
    schemas: &mut String,
    schema_namespaces: &mut Vec<(String, String)>,
) {
    let mut body = String::new();
    let mut attributes = String::new();
    for a in description.attributes() {
        if replaced(a.namespace()) || a.namespace() == Some(RDF_NS) {
            continue;
        }
        let Some(prefix) = a.namespace().and_then(|ns| description.lookup_prefix(ns)) else {
            continue;
        };
        attributes.push_str(&format!(" {prefix}:{}=\"{}\"", a.name(), escape(a.value())));
    }
    for child in description.children().filter(|n| n.is_element()) {
        let name = child.tag_name();
        if name.namespace() == Some(PDFA_EXTENSION_NS) && name.name() == "schemas" {
            for li in child
                .descendants()
                .filter(|n| n.has_tag_name((RDF_NS, "li")))
                .filter(|n| n.parent().is_some_and(|p| p.has_tag_name((RDF_NS, "Bag"))))
            {
                let describes_fx = li.descendants().any(|n| {
                    n.has_tag_name((PDFA_SCHEMA_NS, "namespaceURI"))
                        && replaced(Some(text_of(n).as_str()))
                });
                if describes_fx {
                    continue;
                }
                if let Some(slice) = text.get(li.range()) {
                    schemas.push_str(slice);
                    schemas.push('\n');
                    for ns in li.namespaces() {
                        if let Some(prefix) = ns.name()
                            && !is_ours(prefix)
                            && !schema_namespaces.iter().any(|(p, _)| p == prefix)
                        {
                            schema_namespaces.push((prefix.to_owned(), ns.uri().to_owned()));
                        }
                    }
                }
            }
            continue;
        }
        if replaced(name.namespace()) {
            continue;
        }
        if let Some(slice) = text.get(child.range()) {
            body.push_str(slice);
            body.push('\n');
        }
    }
    if body.is_empty() && attributes.is_empty() {
        return;
    }
    let mut declarations = String::new();
    for ns in description.namespaces() {
        if let Some(prefix) = ns.name()
            && prefix != "rdf"
            && prefix != "x"
            && prefix != "xml"
        {
            declarations.push_str(&format!(" xmlns:{prefix}=\"{}\"", escape(ns.uri())));
        }
    }
    kept.push_str(&format!(
        "<rdf:Description rdf:about=\"\"{declarations}{attributes}>\n{body}</rdf:Description>\n"
    ));
}

fn is_ours(prefix: &str) -> bool {
    matches!(
        prefix,
        "rdf" | "x" | "xml" | "pdfaExtension" | "pdfaSchema" | "pdfaProperty"
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXISTING: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Producer="Writer">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Facture 42</rdf:li></rdf:Alt></dc:title>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="2" pdfaid:conformance="B"/>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#">
<pdfaExtension:schemas><rdf:Bag>
<rdf:li rdf:parseType="Resource"><pdfaSchema:namespaceURI>urn:example:other#</pdfaSchema:namespaceURI><pdfaSchema:prefix>o</pdfaSchema:prefix></rdf:li>
<rdf:li rdf:parseType="Resource"><pdfaSchema:namespaceURI>urn:zugferd:pdfa:CrossIndustryDocument:invoice:2p0#</pdfaSchema:namespaceURI></rdf:li>
</rdf:Bag></pdfaExtension:schemas></rdf:Description>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#;

    #[test]
    fn written_packet_reads_back_and_keeps_other_properties() {
        let fields = FxFields {
            document_file_name: "factur-x.xml",
            conformance_level: "EN 16931",
            pdfa_conformance: "B",
        };
        let packet = write(Some(EXISTING.as_bytes()), &fields);
        let xmp = Xmp::parse(packet.as_bytes(), &Limits::default()).expect("well-formed");
        assert_eq!(xmp.pdfa_part.as_deref(), Some("3"));
        assert_eq!(xmp.pdfa_conformance.as_deref(), Some("B"));
        assert_eq!(xmp.conformance_level.as_deref(), Some("EN 16931"));
        assert_eq!(xmp.document_file_name.as_deref(), Some("factur-x.xml"));
        assert_eq!(xmp.fx_namespace.as_deref(), Some(FX_NS));
        assert!(packet.contains("Facture 42") && packet.contains("pdf:Producer=\"Writer\""));
        assert!(packet.contains("urn:example:other#"));
        assert!(
            !packet.contains("invoice:2p0#"),
            "the old ZUGFeRD schema is replaced"
        );
        assert_eq!(packet.matches("pdfaid:part").count(), 2, "one part element");
    }

    #[test]
    fn reads_attribute_and_element_forms_and_zugferd_namespace() {
        let packet = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:zf="urn:zugferd:pdfa:CrossIndustryDocument:invoice:2p0#" zf:ConformanceLevel="BASIC"><zf:DocumentFileName> zugferd-invoice.xml </zf:DocumentFileName></rdf:Description>
</rdf:RDF></x:xmpmeta>"#;
        let xmp = Xmp::parse(packet.as_bytes(), &Limits::default()).expect("well-formed");
        assert_eq!(xmp.conformance_level.as_deref(), Some("BASIC"));
        assert_eq!(
            xmp.document_file_name.as_deref(),
            Some("zugferd-invoice.xml")
        );
        assert_eq!(xmp.pdfa_part, None);
        assert!(Xmp::parse(b"<x:xmpmeta", &Limits::default()).is_none());
    }
}
