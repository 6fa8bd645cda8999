//! BG-20 / BG-21 document level allowances and charges, BG-27 / BG-28
//! invoice line allowances and charges.

use super::{AllowanceReasonCode, ChargeReasonCode, VatCategoryCode};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// BG-20 Document level allowance (BT-92…BT-98).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct DocumentAllowance {
    /// BT-92 Document level allowance amount.
    pub amount: Option<Decimal>,
    /// BT-93 Document level allowance base amount.
    pub base_amount: Option<Decimal>,
    /// BT-94 Document level allowance percentage.
    pub percentage: Option<Decimal>,
    /// BT-95 Document level allowance VAT category code.
    pub vat_category: Option<VatCategoryCode>,
    /// BT-96 Document level allowance VAT rate.
    pub vat_rate: Option<Decimal>,
    /// The tax scheme identifier as written when it is not `VAT` (UBL
    /// `cac:TaxScheme/cbc:ID`, CII `ram:TypeCode`); `None` means VAT, the
    /// only scheme EN 16931 knows; `Some("")` means the scheme element or
    /// identifier is missing.
    pub tax_scheme: Option<String>,
    /// BT-97 Document level allowance reason.
    pub reason: Option<String>,
    /// BT-98 Document level allowance reason code (UNTDID 5189).
    pub reason_code: Option<AllowanceReasonCode>,
}

/// BG-21 Document level charge (BT-99…BT-105).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct DocumentCharge {
    /// BT-99 Document level charge amount.
    pub amount: Option<Decimal>,
    /// BT-100 Document level charge base amount.
    pub base_amount: Option<Decimal>,
    /// BT-101 Document level charge percentage.
    pub percentage: Option<Decimal>,
    /// BT-102 Document level charge VAT category code.
    pub vat_category: Option<VatCategoryCode>,
    /// BT-103 Document level charge VAT rate.
    pub vat_rate: Option<Decimal>,
    /// The tax scheme identifier as written when it is not `VAT` (UBL
    /// `cac:TaxScheme/cbc:ID`, CII `ram:TypeCode`); `None` means VAT, the
    /// only scheme EN 16931 knows; `Some("")` means the scheme element or
    /// identifier is missing.
    pub tax_scheme: Option<String>,
    /// BT-104 Document level charge reason.
    pub reason: Option<String>,
    /// BT-105 Document level charge reason code (UNTDID 7161).
    pub reason_code: Option<ChargeReasonCode>,
}

/// BG-27 Invoice line allowance (BT-136…BT-140).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct LineAllowance {
    /// BT-136 Invoice line allowance amount.
    pub amount: Option<Decimal>,
    /// BT-137 Invoice line allowance base amount.
    pub base_amount: Option<Decimal>,
    /// BT-138 Invoice line allowance percentage.
    pub percentage: Option<Decimal>,
    /// BT-139 Invoice line allowance reason.
    pub reason: Option<String>,
    /// BT-140 Invoice line allowance reason code (UNTDID 5189).
    pub reason_code: Option<AllowanceReasonCode>,
}

/// BG-28 Invoice line charge (BT-141…BT-145).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct LineCharge {
    /// BT-141 Invoice line charge amount.
    pub amount: Option<Decimal>,
    /// BT-142 Invoice line charge base amount.
    pub base_amount: Option<Decimal>,
    /// BT-143 Invoice line charge percentage.
    pub percentage: Option<Decimal>,
    /// BT-144 Invoice line charge reason.
    pub reason: Option<String>,
    /// BT-145 Invoice line charge reason code (UNTDID 7161).
    pub reason_code: Option<ChargeReasonCode>,
}
