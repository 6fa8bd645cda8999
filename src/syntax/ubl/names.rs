//! The UBL element and attribute names the EN 16931 binding uses, in one
//! table the reader and the writer share.
//!
//! Each constant is the qualified name the writer emits (`cbc:ID`); the
//! reader turns an element's (namespace, local name) back into the same
//! constant with [`lookup`] and matches on it, so the two sides cannot
//! spell a name differently. Prefixes in the source are irrelevant: only
//! namespaces are compared.

/// Namespace of the UBL common basic components (`cbc`).
pub const CBC_NS: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
/// Namespace of the UBL common aggregate components (`cac`).
pub const CAC_NS: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

/// The two component namespaces, by the prefix the writer gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum Ns {
    /// Common basic components.
    cbc,
    /// Common aggregate components.
    cac,
}

macro_rules! names {
    ( $( $konst:ident = $ns:ident : $local:literal ; )* ) => {
        $(
            #[doc = concat!("`", stringify!($ns), ":", $local, "`")]
            pub const $konst: &str = concat!(stringify!($ns), ":", $local);
        )*

        /// The qualified name constant of an element in namespace `ns`
        /// with local name `local`, if the binding uses it.
        pub fn lookup(ns: Ns, local: &str) -> Option<&'static str> {
            match (ns, local) {
                $( (Ns::$ns, $local) => Some($konst), )*
                _ => None,
            }
        }
    };
}

names! {
    // Document level basic components.
    CUSTOMIZATION_ID = cbc:"CustomizationID";
    PROFILE_ID = cbc:"ProfileID";
    ID = cbc:"ID";
    ISSUE_DATE = cbc:"IssueDate";
    DUE_DATE = cbc:"DueDate";
    INVOICE_TYPE_CODE = cbc:"InvoiceTypeCode";
    CREDIT_NOTE_TYPE_CODE = cbc:"CreditNoteTypeCode";
    NOTE = cbc:"Note";
    TAX_POINT_DATE = cbc:"TaxPointDate";
    DOCUMENT_CURRENCY_CODE = cbc:"DocumentCurrencyCode";
    TAX_CURRENCY_CODE = cbc:"TaxCurrencyCode";
    ACCOUNTING_COST = cbc:"AccountingCost";
    BUYER_REFERENCE = cbc:"BuyerReference";
    // Periods and references.
    START_DATE = cbc:"StartDate";
    END_DATE = cbc:"EndDate";
    DESCRIPTION_CODE = cbc:"DescriptionCode";
    SALES_ORDER_ID = cbc:"SalesOrderID";
    DOCUMENT_TYPE_CODE = cbc:"DocumentTypeCode";
    DOCUMENT_DESCRIPTION = cbc:"DocumentDescription";
    EMBEDDED_DOCUMENT_BINARY_OBJECT = cbc:"EmbeddedDocumentBinaryObject";
    URI = cbc:"URI";
    // Parties.
    ENDPOINT_ID = cbc:"EndpointID";
    NAME = cbc:"Name";
    STREET_NAME = cbc:"StreetName";
    ADDITIONAL_STREET_NAME = cbc:"AdditionalStreetName";
    CITY_NAME = cbc:"CityName";
    POSTAL_ZONE = cbc:"PostalZone";
    COUNTRY_SUBENTITY = cbc:"CountrySubentity";
    LINE = cbc:"Line";
    IDENTIFICATION_CODE = cbc:"IdentificationCode";
    COMPANY_ID = cbc:"CompanyID";
    REGISTRATION_NAME = cbc:"RegistrationName";
    COMPANY_LEGAL_FORM = cbc:"CompanyLegalForm";
    TELEPHONE = cbc:"Telephone";
    ELECTRONIC_MAIL = cbc:"ElectronicMail";
    ACTUAL_DELIVERY_DATE = cbc:"ActualDeliveryDate";
    // Payment.
    PAYMENT_MEANS_CODE = cbc:"PaymentMeansCode";
    PAYMENT_DUE_DATE = cbc:"PaymentDueDate";
    PAYMENT_ID = cbc:"PaymentID";
    PRIMARY_ACCOUNT_NUMBER_ID = cbc:"PrimaryAccountNumberID";
    NETWORK_ID = cbc:"NetworkID";
    HOLDER_NAME = cbc:"HolderName";
    // Allowances, charges, VAT, totals.
    CHARGE_INDICATOR = cbc:"ChargeIndicator";
    ALLOWANCE_CHARGE_REASON_CODE = cbc:"AllowanceChargeReasonCode";
    ALLOWANCE_CHARGE_REASON = cbc:"AllowanceChargeReason";
    MULTIPLIER_FACTOR_NUMERIC = cbc:"MultiplierFactorNumeric";
    AMOUNT = cbc:"Amount";
    BASE_AMOUNT = cbc:"BaseAmount";
    PERCENT = cbc:"Percent";
    TAX_EXEMPTION_REASON_CODE = cbc:"TaxExemptionReasonCode";
    TAX_EXEMPTION_REASON = cbc:"TaxExemptionReason";
    TAX_AMOUNT = cbc:"TaxAmount";
    TAXABLE_AMOUNT = cbc:"TaxableAmount";
    LINE_EXTENSION_AMOUNT = cbc:"LineExtensionAmount";
    TAX_EXCLUSIVE_AMOUNT = cbc:"TaxExclusiveAmount";
    TAX_INCLUSIVE_AMOUNT = cbc:"TaxInclusiveAmount";
    ALLOWANCE_TOTAL_AMOUNT = cbc:"AllowanceTotalAmount";
    CHARGE_TOTAL_AMOUNT = cbc:"ChargeTotalAmount";
    PREPAID_AMOUNT = cbc:"PrepaidAmount";
    PAYABLE_ROUNDING_AMOUNT = cbc:"PayableRoundingAmount";
    PAYABLE_AMOUNT = cbc:"PayableAmount";
    // Lines.
    INVOICED_QUANTITY = cbc:"InvoicedQuantity";
    CREDITED_QUANTITY = cbc:"CreditedQuantity";
    LINE_ID = cbc:"LineID";
    DESCRIPTION = cbc:"Description";
    ITEM_CLASSIFICATION_CODE = cbc:"ItemClassificationCode";
    VALUE = cbc:"Value";
    PRICE_AMOUNT = cbc:"PriceAmount";
    BASE_QUANTITY = cbc:"BaseQuantity";

    // Aggregates.
    INVOICE_PERIOD = cac:"InvoicePeriod";
    ORDER_REFERENCE = cac:"OrderReference";
    BILLING_REFERENCE = cac:"BillingReference";
    INVOICE_DOCUMENT_REFERENCE = cac:"InvoiceDocumentReference";
    DESPATCH_DOCUMENT_REFERENCE = cac:"DespatchDocumentReference";
    RECEIPT_DOCUMENT_REFERENCE = cac:"ReceiptDocumentReference";
    ORIGINATOR_DOCUMENT_REFERENCE = cac:"OriginatorDocumentReference";
    CONTRACT_DOCUMENT_REFERENCE = cac:"ContractDocumentReference";
    ADDITIONAL_DOCUMENT_REFERENCE = cac:"AdditionalDocumentReference";
    ATTACHMENT = cac:"Attachment";
    EXTERNAL_REFERENCE = cac:"ExternalReference";
    PROJECT_REFERENCE = cac:"ProjectReference";
    ACCOUNTING_SUPPLIER_PARTY = cac:"AccountingSupplierParty";
    ACCOUNTING_CUSTOMER_PARTY = cac:"AccountingCustomerParty";
    PAYEE_PARTY = cac:"PayeeParty";
    TAX_REPRESENTATIVE_PARTY = cac:"TaxRepresentativeParty";
    PARTY = cac:"Party";
    PARTY_IDENTIFICATION = cac:"PartyIdentification";
    PARTY_NAME = cac:"PartyName";
    POSTAL_ADDRESS = cac:"PostalAddress";
    ADDRESS_LINE = cac:"AddressLine";
    COUNTRY = cac:"Country";
    PARTY_TAX_SCHEME = cac:"PartyTaxScheme";
    TAX_SCHEME = cac:"TaxScheme";
    PARTY_LEGAL_ENTITY = cac:"PartyLegalEntity";
    CONTACT = cac:"Contact";
    DELIVERY = cac:"Delivery";
    DELIVERY_LOCATION = cac:"DeliveryLocation";
    ADDRESS = cac:"Address";
    DELIVERY_PARTY = cac:"DeliveryParty";
    PAYMENT_MEANS = cac:"PaymentMeans";
    CARD_ACCOUNT = cac:"CardAccount";
    PAYEE_FINANCIAL_ACCOUNT = cac:"PayeeFinancialAccount";
    FINANCIAL_INSTITUTION_BRANCH = cac:"FinancialInstitutionBranch";
    PAYMENT_MANDATE = cac:"PaymentMandate";
    PAYER_FINANCIAL_ACCOUNT = cac:"PayerFinancialAccount";
    PAYMENT_TERMS = cac:"PaymentTerms";
    ALLOWANCE_CHARGE = cac:"AllowanceCharge";
    TAX_CATEGORY = cac:"TaxCategory";
    TAX_TOTAL = cac:"TaxTotal";
    TAX_SUBTOTAL = cac:"TaxSubtotal";
    LEGAL_MONETARY_TOTAL = cac:"LegalMonetaryTotal";
    INVOICE_LINE = cac:"InvoiceLine";
    CREDIT_NOTE_LINE = cac:"CreditNoteLine";
    ORDER_LINE_REFERENCE = cac:"OrderLineReference";
    DOCUMENT_REFERENCE = cac:"DocumentReference";
    ITEM = cac:"Item";
    BUYERS_ITEM_IDENTIFICATION = cac:"BuyersItemIdentification";
    SELLERS_ITEM_IDENTIFICATION = cac:"SellersItemIdentification";
    STANDARD_ITEM_IDENTIFICATION = cac:"StandardItemIdentification";
    ORIGIN_COUNTRY = cac:"OriginCountry";
    COMMODITY_CLASSIFICATION = cac:"CommodityClassification";
    CLASSIFIED_TAX_CATEGORY = cac:"ClassifiedTaxCategory";
    ADDITIONAL_ITEM_PROPERTY = cac:"AdditionalItemProperty";
    PRICE = cac:"Price";
}

/// Attribute `schemeID` of identifiers.
pub const SCHEME_ID: &str = "schemeID";
/// The `schemeName` attribute (Chorus Pro's identifier type in E1 UBL).
pub const SCHEME_NAME: &str = "schemeName";
/// Attribute `currencyID` of amounts.
pub const CURRENCY_ID: &str = "currencyID";
/// Attribute `unitCode` of quantities.
pub const UNIT_CODE: &str = "unitCode";
/// Attribute `listID` of codes (BT-158-1).
pub const LIST_ID: &str = "listID";
/// Attribute `listVersionID` of codes (BT-158-2).
pub const LIST_VERSION_ID: &str = "listVersionID";
/// Attribute `mimeCode` of binary objects (BT-125-1).
pub const MIME_CODE: &str = "mimeCode";
/// Attribute `filename` of binary objects (BT-125-2).
pub const FILENAME: &str = "filename";
/// Attribute `name` of the payment means code (BT-82).
pub const NAME_ATTR: &str = "name";

/// `cbc:DocumentTypeCode` of the `AdditionalDocumentReference` that holds
/// BT-18 (and of the line `DocumentReference` that holds BT-128).
pub const INVOICED_OBJECT_TYPE: &str = "130";
/// `cbc:DocumentTypeCode` of the `AdditionalDocumentReference` that holds
/// BT-11 in a `CreditNote` (which has no `cac:ProjectReference`).
pub const PROJECT_TYPE: &str = "50";
/// `cac:TaxScheme/cbc:ID` of VAT (BT-31, BT-48, BT-63; tax categories).
pub const VAT: &str = "VAT";
/// `schemeID` of the `PartyIdentification` that holds BT-90.
pub const SEPA: &str = "SEPA";

/// The qualified name constant of `node`, if it is a component the
/// binding uses (looked up by namespace, never by prefix).
pub fn of(node: crate::syntax::tree::Node<'_, '_>) -> Option<&'static str> {
    let name = node.tag_name();
    let ns = match name.namespace() {
        Some(CBC_NS) => Ns::cbc,
        Some(CAC_NS) => Ns::cac,
        _ => return None,
    };
    lookup(ns, name.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_is_by_namespace_not_prefix() {
        let text = format!(r#"<r xmlns:x="{CBC_NS}" xmlns:cbc="urn:other"><x:ID/><cbc:ID/></r>"#);
        let doc = crate::syntax::tree::Document::parse(&text).unwrap();
        let kids: Vec<_> = doc
            .root_element()
            .children()
            .filter(|n| n.is_element())
            .collect();
        assert_eq!(of(kids[0]), Some(ID));
        assert_eq!(of(kids[1]), None);
        assert_eq!(lookup(Ns::cac, "TaxTotal"), Some(TAX_TOTAL));
        assert_eq!(lookup(Ns::cbc, "TaxTotal"), None);
    }
}
