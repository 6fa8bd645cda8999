//! BG-25 Invoice line, with its period (BG-26), allowances (BG-27), charges
//! (BG-28), price (BG-29), VAT (BG-30) and item (BG-31, BG-32).

use super::{
    ClassificationIdentifier, CountryCode, Identifier, LineAllowance, LineCharge, Period, UnitCode,
    VatCategoryCode,
};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// BG-25 Invoice line.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct InvoiceLine {
    /// BT-126 Invoice line identifier.
    pub id: Option<String>,
    /// BT-127 Invoice line note.
    pub note: Option<String>,
    /// BT-128 Invoice line object identifier, with BT-128-1 scheme (UNTDID 1153).
    pub object_id: Option<Identifier>,
    /// BT-129 Invoiced quantity.
    pub quantity: Option<Decimal>,
    /// BT-130 Invoiced quantity unit of measure code.
    pub unit_code: Option<UnitCode>,
    /// BT-131 Invoice line net amount.
    pub net_amount: Option<Decimal>,
    /// BT-132 Referenced purchase order line reference.
    pub order_line_reference: Option<String>,
    /// BT-133 Invoice line Buyer accounting reference.
    pub buyer_accounting_reference: Option<String>,
    /// BG-26 Invoice line period.
    pub period: Option<Period>,
    /// BG-27 Invoice line allowances.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowances: Vec<LineAllowance>,
    /// BG-28 Invoice line charges.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub charges: Vec<LineCharge>,
    /// BG-29 Price details.
    pub price: Option<PriceDetails>,
    /// BG-30 Line VAT information.
    pub vat: Option<LineVat>,
    /// BG-31 Item information.
    pub item: Option<Item>,
}

/// BG-29 Price details.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct PriceDetails {
    /// BT-146 Item net price.
    pub net_price: Option<Decimal>,
    /// BT-147 Item price discount.
    pub discount: Option<Decimal>,
    /// BT-148 Item gross price.
    pub gross_price: Option<Decimal>,
    /// BT-149 Item price base quantity.
    pub base_quantity: Option<Decimal>,
    /// BT-150 Item price base quantity unit of measure code.
    pub base_quantity_unit: Option<UnitCode>,
}

/// BG-30 Line VAT information.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct LineVat {
    /// BT-151 Invoiced item VAT category code.
    pub category: Option<VatCategoryCode>,
    /// BT-152 Invoiced item VAT rate.
    pub rate: Option<Decimal>,
    /// The tax scheme identifier as written when it is not `VAT` (UBL
    /// `cac:TaxScheme/cbc:ID`, CII `ram:TypeCode`); `None` means VAT, the
    /// only scheme EN 16931 knows; `Some("")` means the scheme element or
    /// identifier is missing.
    pub tax_scheme: Option<String>,
}

/// BG-31 Item information.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Item {
    /// BT-153 Item name.
    pub name: Option<String>,
    /// BT-154 Item description.
    pub description: Option<String>,
    /// BT-155 Item Seller's identifier.
    pub seller_id: Option<String>,
    /// BT-156 Item Buyer's identifier.
    pub buyer_id: Option<String>,
    /// BT-157 Item standard identifier, with BT-157-1 scheme (ISO 6523 ICD).
    pub standard_id: Option<Identifier>,
    /// BT-158 Item classification identifiers (0..n).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub classifications: Vec<ClassificationIdentifier>,
    /// BT-159 Item country of origin.
    pub origin_country: Option<CountryCode>,
    /// BG-32 Item attributes (0..n).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<ItemAttribute>,
}

/// BG-32 Item attribute.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct ItemAttribute {
    /// BT-160 Item attribute name.
    pub name: Option<String>,
    /// BT-161 Item attribute value.
    pub value: Option<String>,
}
