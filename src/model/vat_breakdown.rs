//! BG-23 VAT breakdown.

use super::{VatCategoryCode, VatExemptionReasonCode};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// BG-23 VAT breakdown (BT-116…BT-121), one per VAT category and rate.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct VatBreakdown {
    /// BT-116 VAT category taxable amount.
    pub taxable_amount: Option<Decimal>,
    /// BT-117 VAT category tax amount.
    pub tax_amount: Option<Decimal>,
    /// BT-118 VAT category code.
    pub category: Option<VatCategoryCode>,
    /// BT-119 VAT category rate.
    pub rate: Option<Decimal>,
    /// The tax scheme identifier as written when it is not `VAT` (UBL
    /// `cac:TaxScheme/cbc:ID`, CII `ram:TypeCode`); `None` means VAT, the
    /// only scheme EN 16931 knows; `Some("")` means the scheme element or
    /// identifier is missing.
    pub tax_scheme: Option<String>,
    /// BT-120 VAT exemption reason text.
    pub exemption_reason: Option<String>,
    /// BT-121 VAT exemption reason code (VATEX).
    pub exemption_reason_code: Option<VatExemptionReasonCode>,
}
