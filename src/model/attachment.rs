//! BG-24 Additional supporting documents.

use super::MimeCode;
use base64::Engine;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// BG-24 Additional supporting document (BT-122…BT-125).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct SupportingDocument {
    /// BT-122 Supporting document reference.
    pub reference: Option<String>,
    /// BT-123 Supporting document description.
    pub description: Option<String>,
    /// BT-124 External document location (a URL).
    pub external_location: Option<String>,
    /// BT-125 Attached document, with BT-125-1 MIME code and BT-125-2 file name.
    pub attachment: Option<BinaryObject>,
}

/// BT-125 Attached document: the decoded bytes of an embedded binary object,
/// its MIME code (BT-125-1) and file name (BT-125-2). In JSON the content is
/// base64 (standard alphabet, padded).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BinaryObject {
    /// The document bytes (base64 in JSON and XML).
    #[serde(serialize_with = "to_base64", deserialize_with = "from_base64")]
    #[schemars(with = "String")]
    pub content: Vec<u8>,
    /// BT-125-1 Attached document MIME code.
    #[serde(default)]
    pub mime_code: Option<MimeCode>,
    /// BT-125-2 Attached document file name.
    #[serde(default)]
    pub filename: Option<String>,
}

fn to_base64<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
}

fn from_base64<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    let text = String::deserialize(d)?;
    base64::engine::general_purpose::STANDARD
        .decode(text.as_bytes())
        .map_err(serde::de::Error::custom)
}
