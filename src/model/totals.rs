//! BG-22 Document totals.

use super::CurrencyCode;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// BG-22 Document totals (BT-106…BT-115).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct DocumentTotals {
    /// BT-106 Sum of Invoice line net amount.
    pub line_net_total: Option<Decimal>,
    /// BT-107 Sum of allowances on document level.
    pub allowance_total: Option<Decimal>,
    /// BT-108 Sum of charges on document level.
    pub charge_total: Option<Decimal>,
    /// BT-109 Invoice total amount without VAT.
    pub tax_exclusive_amount: Option<Decimal>,
    /// BT-110 Invoice total VAT amount (in the invoice currency BT-5).
    pub tax_amount: Option<Decimal>,
    /// BT-111 Invoice total VAT amount in accounting currency (BT-6).
    pub tax_amount_accounting: Option<TaxAmountInCurrency>,
    /// BT-112 Invoice total amount with VAT.
    pub tax_inclusive_amount: Option<Decimal>,
    /// BT-113 Paid amount.
    pub prepaid_amount: Option<Decimal>,
    /// BT-114 Rounding amount.
    pub rounding_amount: Option<Decimal>,
    /// BT-115 Amount due for payment.
    pub amount_due: Option<Decimal>,
}

/// An amount with the currency it is expressed in (BT-111: the total VAT in
/// the VAT accounting currency).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TaxAmountInCurrency {
    /// The amount.
    pub amount: Decimal,
    /// The currency written on the amount (`currencyID`); should equal BT-6.
    pub currency: Option<CurrencyCode>,
}
