//! Identifiers with their scheme.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An identifier and, when given, the identification scheme it belongs to
/// (ISO 6523 ICD for party identifiers, EAS for electronic addresses,
/// UNTDID 1153 for object identifiers, or a Chorus Pro identifier type).
///
/// ```
/// use facture::model::Identifier;
/// let siret = Identifier::with_scheme("35600000000048", "0009");
/// assert_eq!(siret.scheme.as_deref(), Some("0009"));
/// ```
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Identifier {
    /// The identifier itself.
    pub value: String,
    /// The identification scheme identifier (`schemeID`).
    #[serde(default)]
    pub scheme: Option<String>,
    /// The `schemeName` attribute, outside EN 16931 (the official artefacts
    /// warn about it: UBL-DT-08, CII-DT-001). Chorus Pro's E1 UBL flow
    /// carries its identifier type there (`1` = SIRET, see
    /// [`crate::model::IdentifierType`]); kept so that such a document
    /// reads and writes back unchanged.
    #[serde(default)]
    pub scheme_name: Option<String>,
}

impl Identifier {
    /// An identifier with no scheme.
    pub fn new(value: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            scheme: None,
            scheme_name: None,
        }
    }

    /// An identifier in the given scheme.
    pub fn with_scheme(value: impl Into<String>, scheme: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            scheme: Some(scheme.into()),
            scheme_name: None,
        }
    }
}

/// BT-158 Item classification identifier: the identifier, its scheme
/// (BT-158-1, UNTDID 7143) and the scheme version (BT-158-2).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct ClassificationIdentifier {
    /// BT-158 Item classification identifier.
    pub value: String,
    /// BT-158-1 Scheme identifier (UNTDID 7143).
    #[serde(default)]
    pub scheme: Option<String>,
    /// BT-158-2 Scheme version identifier.
    #[serde(default)]
    pub scheme_version: Option<String>,
}
