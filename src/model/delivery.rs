//! BG-13 Delivery information and BG-14 invoicing period.

use super::{Identifier, PostalAddress};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// BG-14 Invoicing period, and BG-26 Invoice line period (BT-134, BT-135).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Period {
    /// BT-73 Invoicing period start date / BT-134 Invoice line period start date.
    pub start: Option<NaiveDate>,
    /// BT-74 Invoicing period end date / BT-135 Invoice line period end date.
    pub end: Option<NaiveDate>,
}

/// BG-13 Delivery information.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Delivery {
    /// BT-70 Deliver to party name.
    pub party_name: Option<String>,
    /// BT-71 Deliver to location identifier, with BT-71-1 scheme.
    pub location_id: Option<Identifier>,
    /// BT-72 Actual delivery date.
    pub actual_delivery_date: Option<NaiveDate>,
    /// BG-15 Deliver to address.
    pub address: Option<PostalAddress>,
}
