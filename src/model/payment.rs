//! BG-16 Payment instructions, with BG-17 credit transfer, BG-18 payment
//! card and BG-19 direct debit.

use super::PaymentMeansCode;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// BG-16 Payment instructions.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct PaymentInstructions {
    /// BT-81 Payment means type code (UNTDID 4461).
    pub means_code: Option<PaymentMeansCode>,
    /// BT-82 Payment means text.
    pub means_text: Option<String>,
    /// BT-83 Remittance information.
    pub remittance_information: Option<String>,
    /// BG-17 Credit transfer (0..n).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub credit_transfers: Vec<CreditTransfer>,
    /// BG-18 Payment card information.
    pub card: Option<PaymentCard>,
    /// BG-19 Direct debit.
    pub direct_debit: Option<DirectDebit>,
}

/// BG-17 Credit transfer.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct CreditTransfer {
    /// BT-84 Payment account identifier (IBAN or other).
    pub account_id: Option<String>,
    /// BT-85 Payment account name.
    pub account_name: Option<String>,
    /// BT-86 Payment service provider identifier (BIC).
    pub service_provider_id: Option<String>,
}

/// BG-18 Payment card information.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct PaymentCard {
    /// BT-87 Payment card primary account number (at most the last 4-6 digits).
    pub primary_account_number: Option<String>,
    /// BT-88 Payment card holder name.
    pub holder_name: Option<String>,
}

/// BG-19 Direct debit.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct DirectDebit {
    /// BT-89 Mandate reference identifier.
    pub mandate_reference: Option<String>,
    /// BT-90 Bank assigned creditor identifier.
    pub creditor_id: Option<String>,
    /// BT-91 Debited account identifier.
    pub debited_account_id: Option<String>,
}
