//! The parties of an invoice: seller (BG-4), buyer (BG-7), payee (BG-10),
//! seller tax representative (BG-11), their postal addresses and contacts.

use super::{CountryCode, Identifier};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A postal address: BG-5 (seller), BG-8 (buyer), BG-12 (tax
/// representative), BG-15 (deliver to). The same terms in each group.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct PostalAddress {
    /// BT-35 / BT-50 / BT-64 / BT-75 Address line 1.
    pub line1: Option<String>,
    /// BT-36 / BT-51 / BT-65 / BT-76 Address line 2.
    pub line2: Option<String>,
    /// BT-162 / BT-163 / BT-164 / BT-165 Address line 3.
    pub line3: Option<String>,
    /// BT-37 / BT-52 / BT-66 / BT-77 City.
    pub city: Option<String>,
    /// BT-38 / BT-53 / BT-67 / BT-78 Post code.
    pub post_code: Option<String>,
    /// BT-39 / BT-54 / BT-68 / BT-79 Country subdivision.
    pub country_subdivision: Option<String>,
    /// BT-40 / BT-55 / BT-69 / BT-80 Country code (ISO 3166-1 alpha-2).
    pub country: Option<CountryCode>,
}

/// A contact: BG-6 (seller contact), BG-9 (buyer contact).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Contact {
    /// BT-41 / BT-56 Contact point.
    pub name: Option<String>,
    /// BT-42 / BT-57 Contact telephone number.
    pub telephone: Option<String>,
    /// BT-43 / BT-58 Contact email address.
    pub email: Option<String>,
}

/// BG-4 Seller.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Seller {
    /// BT-27 Seller name.
    pub name: Option<String>,
    /// BT-28 Seller trading name.
    pub trading_name: Option<String>,
    /// BT-29 Seller identifier, with BT-29-1 scheme identifier (0..n).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// BT-30 Seller legal registration identifier, with BT-30-1 scheme.
    pub legal_registration_id: Option<Identifier>,
    /// BT-31 Seller VAT identifier.
    pub vat_id: Option<String>,
    /// BT-32 Seller tax registration identifier.
    pub tax_registration_id: Option<String>,
    /// BT-33 Seller additional legal information.
    pub additional_legal_info: Option<String>,
    /// BT-34 Seller electronic address, with BT-34-1 scheme (EAS).
    pub electronic_address: Option<Identifier>,
    /// BG-5 Seller postal address.
    pub address: Option<PostalAddress>,
    /// BG-6 Seller contact.
    pub contact: Option<Contact>,
}

/// BG-7 Buyer.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Buyer {
    /// BT-44 Buyer name.
    pub name: Option<String>,
    /// BT-45 Buyer trading name.
    pub trading_name: Option<String>,
    /// BT-46 Buyer identifier, with BT-46-1 scheme identifier.
    pub identifier: Option<Identifier>,
    /// BT-47 Buyer legal registration identifier, with BT-47-1 scheme.
    pub legal_registration_id: Option<Identifier>,
    /// BT-48 Buyer VAT identifier.
    pub vat_id: Option<String>,
    /// BT-49 Buyer electronic address, with BT-49-1 scheme (EAS).
    pub electronic_address: Option<Identifier>,
    /// BG-8 Buyer postal address.
    pub address: Option<PostalAddress>,
    /// BG-9 Buyer contact.
    pub contact: Option<Contact>,
}

/// BG-10 Payee.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Payee {
    /// BT-59 Payee name.
    pub name: Option<String>,
    /// BT-60 Payee identifier, with BT-60-1 scheme identifier.
    pub identifier: Option<Identifier>,
    /// BT-61 Payee legal registration identifier, with BT-61-1 scheme.
    pub legal_registration_id: Option<Identifier>,
}

/// BG-11 Seller tax representative party.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct TaxRepresentative {
    /// BT-62 Seller tax representative name.
    pub name: Option<String>,
    /// BT-63 Seller tax representative VAT identifier.
    pub vat_id: Option<String>,
    /// BG-12 Seller tax representative postal address.
    pub address: Option<PostalAddress>,
}
