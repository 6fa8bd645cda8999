//! The Factur-X / ZUGFeRD profiles, told by the specification identifier
//! (BT-24, `ram:GuidelineSpecifiedDocumentContextParameter/ram:ID`).

use std::fmt;

/// A Factur-X (ZUGFeRD 2) profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FacturXProfile {
    /// MINIMUM: header and totals only; not an EN 16931 invoice.
    Minimum,
    /// BASIC WL ("without lines"): header, parties, VAT breakdown and
    /// totals, no lines; not an EN 16931 invoice.
    BasicWl,
    /// BASIC: a subset of EN 16931 with lines (compliant).
    Basic,
    /// EN 16931 (ZUGFeRD COMFORT): the whole norm.
    En16931,
    /// EXTENDED: EN 16931 plus extensions (conformant).
    Extended,
    /// XRechnung, the German CIUS of EN 16931, as a ZUGFeRD profile.
    XRechnung,
}

/// Each profile's BT-24 identifiers, exactly as the Factur-X 1.0 and
/// ZUGFeRD 2 specifications (and their schematron code lists) give them.
const IDENTIFIERS: &[(&str, FacturXProfile)] = &[
    ("urn:factur-x.eu:1p0:minimum", FacturXProfile::Minimum),
    ("urn:zugferd.de:2p0:minimum", FacturXProfile::Minimum),
    ("urn:factur-x.eu:1p0:basicwl", FacturXProfile::BasicWl),
    ("urn:zugferd.de:2p0:basicwl", FacturXProfile::BasicWl),
    (
        "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic",
        FacturXProfile::Basic,
    ),
    (
        "urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic",
        FacturXProfile::Basic,
    ),
    ("urn:cen.eu:en16931:2017", FacturXProfile::En16931),
    (
        "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended",
        FacturXProfile::Extended,
    ),
    (
        "urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended",
        FacturXProfile::Extended,
    ),
];

/// Prefixes of the XRechnung identifiers (one per XRechnung version:
/// `…xrechnung_2.3`, `…xrechnung_3.0`).
const XRECHNUNG_PREFIXES: &[&str] = &[
    "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_",
    "urn:cen.eu:en16931:2017#compliant#urn:xoev-de:kosit:standard:xrechnung_",
];

impl FacturXProfile {
    /// Every profile, from the smallest.
    pub const ALL: [FacturXProfile; 6] = [
        FacturXProfile::Minimum,
        FacturXProfile::BasicWl,
        FacturXProfile::Basic,
        FacturXProfile::En16931,
        FacturXProfile::Extended,
        FacturXProfile::XRechnung,
    ];

    /// The profile a specification identifier (BT-24) names, if any.
    /// Surrounding white space is ignored; the comparison is exact
    /// otherwise.
    ///
    /// ```
    /// use facture::syntax::facturx::FacturXProfile;
    /// assert_eq!(
    ///     FacturXProfile::from_specification("urn:factur-x.eu:1p0:basicwl"),
    ///     Some(FacturXProfile::BasicWl)
    /// );
    /// assert_eq!(FacturXProfile::from_specification("urn:example"), None);
    /// ```
    pub fn from_specification(id: &str) -> Option<Self> {
        let id = id.trim();
        if let Some((_, profile)) = IDENTIFIERS.iter().find(|(urn, _)| *urn == id) {
            return Some(*profile);
        }
        XRECHNUNG_PREFIXES
            .iter()
            .any(|prefix| id.starts_with(prefix))
            .then_some(FacturXProfile::XRechnung)
    }

    /// The profile of an invoice, from its BT-24.
    pub fn of(invoice: &crate::Invoice) -> Option<Self> {
        invoice
            .process
            .specification
            .as_deref()
            .and_then(Self::from_specification)
    }

    /// The Factur-X BT-24 identifier of the profile (XRechnung: version 3.0).
    pub fn specification(self) -> &'static str {
        match self {
            FacturXProfile::Minimum => "urn:factur-x.eu:1p0:minimum",
            FacturXProfile::BasicWl => "urn:factur-x.eu:1p0:basicwl",
            FacturXProfile::Basic => "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic",
            FacturXProfile::En16931 => "urn:cen.eu:en16931:2017",
            FacturXProfile::Extended => {
                "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended"
            }
            FacturXProfile::XRechnung => {
                "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
            }
        }
    }

    /// The value of the XMP property `fx:ConformanceLevel` for the profile.
    pub fn conformance_level(self) -> &'static str {
        match self {
            FacturXProfile::Minimum => "MINIMUM",
            FacturXProfile::BasicWl => "BASIC WL",
            FacturXProfile::Basic => "BASIC",
            FacturXProfile::En16931 => "EN 16931",
            FacturXProfile::Extended => "EXTENDED",
            FacturXProfile::XRechnung => "XRECHNUNG",
        }
    }

    /// The profile an `fx:ConformanceLevel` names (case and spacing are
    /// not significant, so `EN16931`, `BASIC-WL` and `COMFORT`, ZUGFeRD's
    /// name of EN 16931, are recognised).
    pub fn from_conformance_level(level: &str) -> Option<Self> {
        let key: String = level
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        match key.as_str() {
            "MINIMUM" => Some(FacturXProfile::Minimum),
            "BASICWL" => Some(FacturXProfile::BasicWl),
            "BASIC" => Some(FacturXProfile::Basic),
            "EN16931" | "COMFORT" => Some(FacturXProfile::En16931),
            "EXTENDED" => Some(FacturXProfile::Extended),
            "XRECHNUNG" => Some(FacturXProfile::XRechnung),
            _ => None,
        }
    }

    /// Whether an invoice of this profile is an EN 16931 invoice (all but
    /// MINIMUM and BASIC WL), so the EN 16931 rules apply to it.
    pub fn is_en16931(self) -> bool {
        !matches!(self, FacturXProfile::Minimum | FacturXProfile::BasicWl)
    }

    /// The Factur-X 1.09 XML Schema of the profile: the CII D16B schema
    /// narrowed to the elements, cardinalities and code values the profile
    /// allows (generated from the schemas of the `factur-x` package by
    /// `tools/xsd-gen`). XRechnung, a CIUS of EN 16931, gets the EN 16931
    /// one.
    pub fn schema(self) -> &'static crate::syntax::xsd::schema::Schema {
        use crate::syntax::xsd::tables;
        match self {
            FacturXProfile::Minimum => &tables::facturx_minimum::SCHEMA,
            FacturXProfile::BasicWl => &tables::facturx_basicwl::SCHEMA,
            FacturXProfile::Basic => &tables::facturx_basic::SCHEMA,
            FacturXProfile::En16931 | FacturXProfile::XRechnung => &tables::facturx_en16931::SCHEMA,
            FacturXProfile::Extended => &tables::facturx_extended::SCHEMA,
        }
    }

    /// The name of the embedded file the profile is attached as:
    /// `xrechnung.xml` for XRechnung (ZUGFeRD 2.1+), `factur-x.xml` otherwise.
    pub fn file_name(self) -> &'static str {
        match self {
            FacturXProfile::XRechnung => "xrechnung.xml",
            _ => "factur-x.xml",
        }
    }
}

impl fmt::Display for FacturXProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.conformance_level())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_reads_back_from_its_identifier_and_level() {
        for p in FacturXProfile::ALL {
            assert_eq!(
                FacturXProfile::from_specification(p.specification()),
                Some(p)
            );
            assert_eq!(
                FacturXProfile::from_conformance_level(p.conformance_level()),
                Some(p)
            );
        }
        assert_eq!(
            FacturXProfile::from_specification(
                "urn:cen.eu:en16931:2017#compliant#urn:xoev-de:kosit:standard:xrechnung_2.3"
            ),
            Some(FacturXProfile::XRechnung)
        );
        assert_eq!(
            FacturXProfile::from_specification("urn:cen.eu:en16931:2017#x"),
            None
        );
        assert_eq!(
            FacturXProfile::from_conformance_level("Comfort"),
            Some(FacturXProfile::En16931)
        );
        assert!(!FacturXProfile::BasicWl.is_en16931() && FacturXProfile::Basic.is_en16931());
    }
}
