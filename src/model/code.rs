//! Typed codes of the EN 16931 code lists.
//!
//! Small closed lists (UNTDID 1001 document types, UNTDID 5305 VAT categories,
//! UNTDID 2005 VAT point date codes) are enums with an `Other` variant that
//! keeps any value the list does not know, so nothing read is ever lost.
//! Large lists (ISO 4217, ISO 3166-1, UN/ECE Rec 20, UNTDID 4461, …) are
//! newtypes over the code text: they keep values apart by type, and the rule
//! engine checks them against its code-list tables.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Declares an enum of codes with an `Other(String)` escape hatch, its
/// conversions from and to the code text, and its serde/JSON Schema form
/// (the plain code string).
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $code:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(from = "String", into = "String")]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A code this list does not name, kept as written.
            Other(String),
        }

        impl $name {
            /// The code as written in the document.
            pub fn code(&self) -> &str {
                match self {
                    $( Self::$variant => $code, )+
                    Self::Other(code) => code,
                }
            }

            /// Reads a code; unknown codes become `Other`.
            pub fn from_code(code: &str) -> Self {
                match code {
                    $( $code => Self::$variant, )+
                    other => Self::Other(other.to_owned()),
                }
            }

            /// Whether the code is one this enum names.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }
        }

        impl From<String> for $name {
            fn from(code: String) -> Self {
                match Self::from_code(&code) {
                    Self::Other(_) => Self::Other(code),
                    known => known,
                }
            }
        }

        impl From<&str> for $name {
            fn from(code: &str) -> Self {
                Self::from_code(code)
            }
        }

        impl From<$name> for String {
            fn from(code: $name) -> String {
                match code {
                    $name::Other(code) => code,
                    known => known.code().to_owned(),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "description": concat!("Code (", stringify!($name), "); known values: ", $( $code, " " ),+),
                })
            }
        }
    };
}

/// Declares a newtype over the text of a code from a large code list.
macro_rules! code_text {
    ( $(#[$meta:meta])* $name:ident ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The code as written in the document.
            pub fn code(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(code: &str) -> Self {
                Self(code.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(code: String) -> Self {
                Self(code)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

code_enum! {
    /// BT-3 Invoice type code (UNTDID 1001, the subset EN 16931 admits and
    /// the codes Chorus Pro uses).
    InvoiceTypeCode {
        /// 71 Request for payment.
        RequestForPayment = "71",
        /// 80 Debit note related to goods or services.
        DebitNoteGoodsServices = "80",
        /// 81 Credit note related to goods or services.
        CreditNoteGoodsServices = "81",
        /// 82 Metered services invoice.
        MeteredServicesInvoice = "82",
        /// 83 Credit note related to financial adjustments.
        CreditNoteFinancialAdjustment = "83",
        /// 84 Debit note related to financial adjustments.
        DebitNoteFinancialAdjustment = "84",
        /// 102 Tax notification.
        TaxNotification = "102",
        /// 218 Final payment request based on completion of work.
        FinalPaymentRequest = "218",
        /// 219 Payment request for completed units.
        PaymentRequestCompletedUnits = "219",
        /// 261 Self billed credit note.
        SelfBilledCreditNote = "261",
        /// 262 Consolidated credit note - goods and services.
        ConsolidatedCreditNote = "262",
        /// 295 Price variation invoice.
        PriceVariationInvoice = "295",
        /// 296 Credit note for price variation.
        CreditNotePriceVariation = "296",
        /// 308 Delcredere credit note.
        DelcredereCreditNote = "308",
        /// 325 Proforma invoice.
        ProformaInvoice = "325",
        /// 326 Partial invoice.
        PartialInvoice = "326",
        /// 331 Commercial invoice which includes a packing list.
        CommercialInvoiceWithPackingList = "331",
        /// 380 Commercial invoice.
        CommercialInvoice = "380",
        /// 381 Credit note.
        CreditNote = "381",
        /// 382 Commission note.
        CommissionNote = "382",
        /// 383 Debit note.
        DebitNote = "383",
        /// 384 Corrected invoice.
        CorrectedInvoice = "384",
        /// 385 Consolidated invoice.
        ConsolidatedInvoice = "385",
        /// 386 Prepayment invoice.
        PrepaymentInvoice = "386",
        /// 387 Hire invoice.
        HireInvoice = "387",
        /// 388 Tax invoice.
        TaxInvoice = "388",
        /// 389 Self-billed invoice.
        SelfBilledInvoice = "389",
        /// 390 Delcredere invoice.
        DelcredereInvoice = "390",
        /// 393 Factored invoice.
        FactoredInvoice = "393",
        /// 394 Lease invoice.
        LeaseInvoice = "394",
        /// 395 Consignment invoice.
        ConsignmentInvoice = "395",
        /// 396 Factored credit note.
        FactoredCreditNote = "396",
        /// 420 Optical Character Reading (OCR) payment credit note.
        OcrPaymentCreditNote = "420",
        /// 456 Debit advice.
        DebitAdvice = "456",
        /// 457 Reversal of debit.
        ReversalOfDebit = "457",
        /// 458 Reversal of credit.
        ReversalOfCredit = "458",
        /// 527 Self billed debit note.
        SelfBilledDebitNote = "527",
        /// 532 Forwarder's credit note.
        ForwardersCreditNote = "532",
        /// 553 Forwarder's invoice discrepancy report.
        ForwardersInvoiceDiscrepancyReport = "553",
        /// 575 Insurer's invoice.
        InsurersInvoice = "575",
        /// 623 Forwarder's invoice.
        ForwardersInvoice = "623",
        /// 633 Port charges documents.
        PortChargesDocuments = "633",
        /// 751 Invoice information for accounting purposes.
        InvoiceInformationForAccounting = "751",
        /// 780 Freight invoice.
        FreightInvoice = "780",
        /// 817 Claim notification.
        ClaimNotification = "817",
        /// 870 Consular invoice.
        ConsularInvoice = "870",
        /// 875 Partial construction invoice.
        PartialConstructionInvoice = "875",
        /// 876 Partial final construction invoice.
        PartialFinalConstructionInvoice = "876",
        /// 877 Final construction invoice.
        FinalConstructionInvoice = "877",
        /// 935 Customs invoice.
        CustomsInvoice = "935",
    }
}

impl InvoiceTypeCode {
    /// Whether the code is a credit note type (the codes UBL carries in a
    /// `CreditNote` document: UNTDID 1001 credit note codes).
    pub fn is_credit_note(&self) -> bool {
        matches!(
            self,
            Self::CreditNoteGoodsServices
                | Self::CreditNoteFinancialAdjustment
                | Self::SelfBilledCreditNote
                | Self::ConsolidatedCreditNote
                | Self::CreditNotePriceVariation
                | Self::DelcredereCreditNote
                | Self::CreditNote
                | Self::FactoredCreditNote
                | Self::OcrPaymentCreditNote
                | Self::ForwardersCreditNote
        )
    }
}

code_enum! {
    /// BT-95/BT-102/BT-118/BT-151 VAT category code (UNTDID 5305, the
    /// EN 16931 subset).
    VatCategoryCode {
        /// S Standard rate.
        Standard = "S",
        /// Z Zero rated goods.
        ZeroRated = "Z",
        /// E Exempt from tax.
        Exempt = "E",
        /// AE VAT Reverse Charge.
        ReverseCharge = "AE",
        /// K VAT exempt for EEA intra-community supply of goods and services.
        IntraCommunity = "K",
        /// G Free export item, tax not charged.
        Export = "G",
        /// O Services outside scope of tax.
        OutsideScope = "O",
        /// L Canary Islands general indirect tax (IGIC).
        CanaryIslands = "L",
        /// M Tax for production, services and importation in Ceuta and Melilla (IPSI).
        CeutaMelilla = "M",
        /// B Transferred (VAT), Italy.
        Transferred = "B",
    }
}

code_enum! {
    /// BT-8 Value added tax point date code (UNTDID 2005 as EN 16931 uses it:
    /// 3, 35, 432; CII writes the UNTDID 2475 equivalents 5, 29, 72).
    VatPointDateCode {
        /// 3 Invoice document issue date time.
        IssueDate = "3",
        /// 35 Delivery date/time, actual.
        DeliveryDate = "35",
        /// 432 Paid to date.
        PaidToDate = "432",
    }
}

impl VatPointDateCode {
    /// The UNTDID 2475 code that CII uses for this code (`5`, `29`, `72`).
    pub fn cii_code(&self) -> &str {
        match self {
            Self::IssueDate => "5",
            Self::DeliveryDate => "29",
            Self::PaidToDate => "72",
            Self::Other(code) => code,
        }
    }

    /// Reads a UNTDID 2475 code as CII writes it.
    pub fn from_cii_code(code: &str) -> Self {
        match code {
            "5" => Self::IssueDate,
            "29" => Self::DeliveryDate,
            "72" => Self::PaidToDate,
            other => Self::Other(other.to_owned()),
        }
    }
}

code_text! {
    /// ISO 4217 currency code (BT-5, BT-6, and the `currencyID` of amounts).
    CurrencyCode
}

code_text! {
    /// ISO 3166-1 alpha-2 country code (BT-40, BT-55, BT-69, BT-80, BT-159).
    CountryCode
}

code_text! {
    /// UN/ECE Recommendation 20 / 21 unit of measure code (BT-130, BT-150).
    UnitCode
}

code_text! {
    /// UNTDID 4461 payment means code (BT-81).
    PaymentMeansCode
}

code_text! {
    /// UNTDID 5189 allowance reason code (BT-98, BT-140).
    AllowanceReasonCode
}

code_text! {
    /// UNTDID 7161 charge reason code (BT-105, BT-145).
    ChargeReasonCode
}

code_text! {
    /// VATEX exemption reason code (BT-121).
    VatExemptionReasonCode
}

code_text! {
    /// UNTDID 4451 text subject qualifier (BT-21).
    TextSubjectCode
}

code_text! {
    /// MIME type of an attached document (BT-125-1).
    MimeCode
}

code_text! {
    /// UNTDID 1153 reference type qualifier (BT-18-1 in CII; the scheme of
    /// BT-18 and BT-128).
    ReferenceTypeCode
}

code_text! {
    /// UNTDID 7143 item type identification code (BT-158-1).
    ItemClassificationScheme
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_codes_round_trip() {
        assert_eq!(
            InvoiceTypeCode::from_code("380"),
            InvoiceTypeCode::CommercialInvoice
        );
        let other = InvoiceTypeCode::from_code("999");
        assert_eq!(other, InvoiceTypeCode::Other("999".into()));
        assert!(!other.is_known());
        assert_eq!(String::from(other), "999");
        assert_eq!(VatCategoryCode::from("AE").code(), "AE");
    }

    #[test]
    fn credit_note_codes() {
        assert!(InvoiceTypeCode::CreditNote.is_credit_note());
        assert!(!InvoiceTypeCode::CommercialInvoice.is_credit_note());
        assert!(!InvoiceTypeCode::Other("381x".into()).is_credit_note());
    }

    #[test]
    fn vat_point_date_code_maps_between_syntaxes() {
        for code in ["3", "35", "432"] {
            let c = VatPointDateCode::from_code(code);
            assert_eq!(VatPointDateCode::from_cii_code(c.cii_code()), c);
        }
    }

    #[test]
    fn codes_serialize_as_plain_strings() {
        let json = serde_json::to_string(&VatCategoryCode::Standard).unwrap_or_default();
        assert_eq!(json, "\"S\"");
        let back: VatCategoryCode =
            serde_json::from_str("\"XX\"").unwrap_or(VatCategoryCode::Standard);
        assert_eq!(back, VatCategoryCode::Other("XX".into()));
    }
}
