//! The CII element names the reader matches and the writer emits, in one
//! table so the two cannot drift, and the shapes both sides share (a trade
//! party, the fixed codes CII adds around EN 16931 terms).
//!
//! A name is a namespace and a local name; the reader compares namespaces
//! (never prefixes), the writer prefixes with the fixed `rsm`/`ram`/`udt`/
//! `qdt` prefixes declared on the root.

use crate::model::{Contact, Identifier, PostalAddress};
use crate::syntax::tree::Node;

/// The namespaces of CII D16B.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ns {
    /// `rsm`: the CrossIndustryInvoice message.
    Rsm,
    /// `ram`: reusable aggregate business information entities.
    Ram,
    /// `udt`: unqualified data types.
    Udt,
    /// `qdt`: qualified data types.
    Qdt,
}

/// The `ram` namespace.
pub const RAM_NS: &str =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
/// The `udt` namespace.
pub const UDT_NS: &str = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
/// The `qdt` namespace.
pub const QDT_NS: &str = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

impl Ns {
    /// The namespace URI.
    pub fn uri(self) -> &'static str {
        match self {
            Ns::Rsm => crate::syntax::CII_NS,
            Ns::Ram => RAM_NS,
            Ns::Udt => UDT_NS,
            Ns::Qdt => QDT_NS,
        }
    }

    /// The prefix the writer uses.
    pub fn prefix(self) -> &'static str {
        match self {
            Ns::Rsm => "rsm",
            Ns::Ram => "ram",
            Ns::Udt => "udt",
            Ns::Qdt => "qdt",
        }
    }

    fn of(uri: &str) -> Option<Ns> {
        [Ns::Rsm, Ns::Ram, Ns::Udt, Ns::Qdt]
            .into_iter()
            .find(|ns| ns.uri() == uri)
    }
}

/// An element name: namespace and local name.
pub type Name = (Ns, &'static str);

/// The name of an element node, if it is in one of the CII namespaces.
pub fn key<'a>(node: Node<'a, '_>) -> Option<(Ns, &'a str)> {
    let tag = node.tag_name();
    Some((Ns::of(tag.namespace()?)?, tag.name()))
}

/// The prefixed name the writer emits (`ram:SellerTradeParty`).
pub fn qualified(name: Name) -> String {
    format!("{}:{}", name.0.prefix(), name.1)
}

macro_rules! names {
    ($( $(#[$m:meta])* $id:ident = $ns:ident $local:literal; )+) => {
        $(
            $(#[$m])*
            #[doc = concat!("The element `", $local, "` (", stringify!($ns), " namespace).")]
            pub const $id: Name = (Ns::$ns, $local);
        )+
    };
}

names! {
    ROOT = Rsm "CrossIndustryInvoice";
    EXCHANGED_DOCUMENT_CONTEXT = Rsm "ExchangedDocumentContext";
    EXCHANGED_DOCUMENT = Rsm "ExchangedDocument";
    SUPPLY_CHAIN_TRADE_TRANSACTION = Rsm "SupplyChainTradeTransaction";

    BUSINESS_PROCESS = Ram "BusinessProcessSpecifiedDocumentContextParameter";
    GUIDELINE = Ram "GuidelineSpecifiedDocumentContextParameter";

    ID = Ram "ID";
    GLOBAL_ID = Ram "GlobalID";
    NAME = Ram "Name";
    DESCRIPTION = Ram "Description";
    TYPE_CODE = Ram "TypeCode";
    ISSUE_DATE_TIME = Ram "IssueDateTime";
    INCLUDED_NOTE = Ram "IncludedNote";
    CONTENT = Ram "Content";
    SUBJECT_CODE = Ram "SubjectCode";

    DATE_TIME_STRING = Udt "DateTimeString";
    DATE_STRING = Udt "DateString";
    QDT_DATE_TIME_STRING = Qdt "DateTimeString";
    INDICATOR = Udt "Indicator";

    LINE_ITEM = Ram "IncludedSupplyChainTradeLineItem";
    HEADER_AGREEMENT = Ram "ApplicableHeaderTradeAgreement";
    HEADER_DELIVERY = Ram "ApplicableHeaderTradeDelivery";
    HEADER_SETTLEMENT = Ram "ApplicableHeaderTradeSettlement";

    BUYER_REFERENCE = Ram "BuyerReference";
    SELLER_PARTY = Ram "SellerTradeParty";
    BUYER_PARTY = Ram "BuyerTradeParty";
    TAX_REPRESENTATIVE_PARTY = Ram "SellerTaxRepresentativeTradeParty";
    SELLER_ORDER_DOC = Ram "SellerOrderReferencedDocument";
    BUYER_ORDER_DOC = Ram "BuyerOrderReferencedDocument";
    CONTRACT_DOC = Ram "ContractReferencedDocument";
    ADDITIONAL_DOC = Ram "AdditionalReferencedDocument";
    PROCURING_PROJECT = Ram "SpecifiedProcuringProject";

    LEGAL_ORGANIZATION = Ram "SpecifiedLegalOrganization";
    TRADING_BUSINESS_NAME = Ram "TradingBusinessName";
    TRADE_CONTACT = Ram "DefinedTradeContact";
    PERSON_NAME = Ram "PersonName";
    DEPARTMENT_NAME = Ram "DepartmentName";
    TELEPHONE = Ram "TelephoneUniversalCommunication";
    COMPLETE_NUMBER = Ram "CompleteNumber";
    EMAIL = Ram "EmailURIUniversalCommunication";
    URI_ID = Ram "URIID";
    POSTAL_ADDRESS = Ram "PostalTradeAddress";
    URI_COMMUNICATION = Ram "URIUniversalCommunication";
    TAX_REGISTRATION = Ram "SpecifiedTaxRegistration";

    POSTCODE = Ram "PostcodeCode";
    LINE_ONE = Ram "LineOne";
    LINE_TWO = Ram "LineTwo";
    LINE_THREE = Ram "LineThree";
    CITY_NAME = Ram "CityName";
    COUNTRY_ID = Ram "CountryID";
    COUNTRY_SUBDIVISION = Ram "CountrySubDivisionName";

    ISSUER_ASSIGNED_ID = Ram "IssuerAssignedID";
    LINE_ID = Ram "LineID";
    ATTACHMENT = Ram "AttachmentBinaryObject";
    REFERENCE_TYPE_CODE = Ram "ReferenceTypeCode";
    FORMATTED_ISSUE_DATE_TIME = Ram "FormattedIssueDateTime";

    SHIP_TO_PARTY = Ram "ShipToTradeParty";
    ACTUAL_DELIVERY = Ram "ActualDeliverySupplyChainEvent";
    OCCURRENCE_DATE_TIME = Ram "OccurrenceDateTime";
    DESPATCH_ADVICE_DOC = Ram "DespatchAdviceReferencedDocument";
    RECEIVING_ADVICE_DOC = Ram "ReceivingAdviceReferencedDocument";

    CREDITOR_REFERENCE_ID = Ram "CreditorReferenceID";
    PAYMENT_REFERENCE = Ram "PaymentReference";
    TAX_CURRENCY_CODE = Ram "TaxCurrencyCode";
    INVOICE_CURRENCY_CODE = Ram "InvoiceCurrencyCode";
    PAYEE_PARTY = Ram "PayeeTradeParty";
    PAYMENT_MEANS = Ram "SpecifiedTradeSettlementPaymentMeans";
    INFORMATION = Ram "Information";
    FINANCIAL_CARD = Ram "ApplicableTradeSettlementFinancialCard";
    CARDHOLDER_NAME = Ram "CardholderName";
    DEBTOR_ACCOUNT = Ram "PayerPartyDebtorFinancialAccount";
    CREDITOR_ACCOUNT = Ram "PayeePartyCreditorFinancialAccount";
    IBAN_ID = Ram "IBANID";
    ACCOUNT_NAME = Ram "AccountName";
    PROPRIETARY_ID = Ram "ProprietaryID";
    CREDITOR_INSTITUTION = Ram "PayeeSpecifiedCreditorFinancialInstitution";
    BIC_ID = Ram "BICID";
    TRADE_TAX = Ram "ApplicableTradeTax";
    CALCULATED_AMOUNT = Ram "CalculatedAmount";
    EXEMPTION_REASON = Ram "ExemptionReason";
    BASIS_AMOUNT = Ram "BasisAmount";
    CATEGORY_CODE = Ram "CategoryCode";
    EXEMPTION_REASON_CODE = Ram "ExemptionReasonCode";
    TAX_POINT_DATE = Ram "TaxPointDate";
    DUE_DATE_TYPE_CODE = Ram "DueDateTypeCode";
    RATE_PERCENT = Ram "RateApplicablePercent";
    BILLING_PERIOD = Ram "BillingSpecifiedPeriod";
    START_DATE_TIME = Ram "StartDateTime";
    END_DATE_TIME = Ram "EndDateTime";
    ALLOWANCE_CHARGE = Ram "SpecifiedTradeAllowanceCharge";
    CHARGE_INDICATOR = Ram "ChargeIndicator";
    CALCULATION_PERCENT = Ram "CalculationPercent";
    ACTUAL_AMOUNT = Ram "ActualAmount";
    REASON_CODE = Ram "ReasonCode";
    REASON = Ram "Reason";
    CATEGORY_TRADE_TAX = Ram "CategoryTradeTax";
    PAYMENT_TERMS = Ram "SpecifiedTradePaymentTerms";
    DUE_DATE_DATE_TIME = Ram "DueDateDateTime";
    MANDATE_ID = Ram "DirectDebitMandateID";
    HEADER_SUMMATION = Ram "SpecifiedTradeSettlementHeaderMonetarySummation";
    LINE_TOTAL_AMOUNT = Ram "LineTotalAmount";
    CHARGE_TOTAL_AMOUNT = Ram "ChargeTotalAmount";
    ALLOWANCE_TOTAL_AMOUNT = Ram "AllowanceTotalAmount";
    TAX_BASIS_TOTAL_AMOUNT = Ram "TaxBasisTotalAmount";
    TAX_TOTAL_AMOUNT = Ram "TaxTotalAmount";
    ROUNDING_AMOUNT = Ram "RoundingAmount";
    GRAND_TOTAL_AMOUNT = Ram "GrandTotalAmount";
    TOTAL_PREPAID_AMOUNT = Ram "TotalPrepaidAmount";
    DUE_PAYABLE_AMOUNT = Ram "DuePayableAmount";
    INVOICE_REFERENCED_DOC = Ram "InvoiceReferencedDocument";
    RECEIVABLE_ACCOUNT = Ram "ReceivableSpecifiedTradeAccountingAccount";

    LINE_DOCUMENT = Ram "AssociatedDocumentLineDocument";
    TRADE_PRODUCT = Ram "SpecifiedTradeProduct";
    SELLER_ASSIGNED_ID = Ram "SellerAssignedID";
    BUYER_ASSIGNED_ID = Ram "BuyerAssignedID";
    PRODUCT_CHARACTERISTIC = Ram "ApplicableProductCharacteristic";
    VALUE = Ram "Value";
    PRODUCT_CLASSIFICATION = Ram "DesignatedProductClassification";
    CLASS_CODE = Ram "ClassCode";
    ORIGIN_COUNTRY = Ram "OriginTradeCountry";
    LINE_AGREEMENT = Ram "SpecifiedLineTradeAgreement";
    GROSS_PRICE = Ram "GrossPriceProductTradePrice";
    NET_PRICE = Ram "NetPriceProductTradePrice";
    CHARGE_AMOUNT = Ram "ChargeAmount";
    BASIS_QUANTITY = Ram "BasisQuantity";
    APPLIED_ALLOWANCE_CHARGE = Ram "AppliedTradeAllowanceCharge";
    LINE_DELIVERY = Ram "SpecifiedLineTradeDelivery";
    BILLED_QUANTITY = Ram "BilledQuantity";
    LINE_SETTLEMENT = Ram "SpecifiedLineTradeSettlement";
    LINE_SUMMATION = Ram "SpecifiedTradeSettlementLineMonetarySummation";
}

/// `ram:TypeCode` of the tax in every `ApplicableTradeTax` and
/// `CategoryTradeTax`: CII can carry other taxes, EN 16931 only VAT.
pub const VAT: &str = "VAT";
/// `ram:TypeCode` of the `AdditionalReferencedDocument` holding BT-17.
pub const TENDER_TYPE_CODE: &str = "50";
/// `ram:TypeCode` of the `AdditionalReferencedDocument` holding BT-18 (and,
/// on a line, BT-128).
pub const OBJECT_TYPE_CODE: &str = "130";
/// `ram:TypeCode` of the `AdditionalReferencedDocument` holding BG-24.
pub const SUPPORTING_TYPE_CODE: &str = "916";
/// `schemeID` of `ram:SpecifiedTaxRegistration/ram:ID` for a VAT identifier.
pub const VAT_SCHEME: &str = "VA";
/// `schemeID` of `ram:SpecifiedTaxRegistration/ram:ID` for a fiscal
/// (tax registration) identifier.
pub const FISCAL_SCHEME: &str = "FC";
/// The text the writer puts in `ram:SpecifiedProcuringProject/ram:Name`,
/// which the XSD makes mandatory but EN 16931 does not map (BT-11 is the
/// `ram:ID`). The reader reports any other name as ignored.
pub const PROJECT_NAME_FILLER: &str = "Project reference";

/// A trade party as CII writes it (`ram:TradePartyType`), the shape shared
/// by seller, buyer, payee, tax representative and deliver-to party. Each
/// role uses the fields its EN 16931 group has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Party {
    /// `ram:ID` (no scheme) and `ram:GlobalID` (with `schemeID`).
    pub ids: Vec<Identifier>,
    /// `ram:Name`.
    pub name: Option<String>,
    /// `ram:Description`.
    pub description: Option<String>,
    /// `ram:SpecifiedLegalOrganization/ram:ID`.
    pub legal_id: Option<Identifier>,
    /// `ram:SpecifiedLegalOrganization/ram:TradingBusinessName`.
    pub trading_name: Option<String>,
    /// `ram:DefinedTradeContact`.
    pub contact: Option<Contact>,
    /// `ram:PostalTradeAddress`.
    pub address: Option<PostalAddress>,
    /// `ram:URIUniversalCommunication/ram:URIID`.
    pub uri: Option<Identifier>,
    /// `ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']`.
    pub vat_id: Option<String>,
    /// `ram:SpecifiedTaxRegistration/ram:ID[@schemeID='FC']`.
    pub tax_id: Option<String>,
}

/// The business terms a party role maps, by number (`None`: the role has
/// no such term, the element is ignored on reading).
#[derive(Clone, Copy, Debug)]
pub struct PartyTerms {
    /// The group (BG-4, BG-7, …).
    pub group: u16,
    /// Identifier term, and whether it repeats.
    pub id: Option<(u16, bool)>,
    /// Name term.
    pub name: Option<u16>,
    /// Additional legal information term.
    pub description: Option<u16>,
    /// Legal registration identifier term.
    pub legal_id: Option<u16>,
    /// Trading name term.
    pub trading_name: Option<u16>,
    /// Contact group and its three terms.
    pub contact: Option<(u16, [u16; 3])>,
    /// Address group and its seven terms (line 1, 2, 3, city, post code,
    /// subdivision, country).
    pub address: Option<(u16, [u16; 7])>,
    /// Electronic address term.
    pub uri: Option<u16>,
    /// VAT identifier term.
    pub vat_id: Option<u16>,
    /// Tax registration identifier term.
    pub tax_id: Option<u16>,
}

const NONE: PartyTerms = PartyTerms {
    group: 0,
    id: None,
    name: None,
    description: None,
    legal_id: None,
    trading_name: None,
    contact: None,
    address: None,
    uri: None,
    vat_id: None,
    tax_id: None,
};

/// BG-4 Seller.
pub const SELLER: PartyTerms = PartyTerms {
    group: 4,
    id: Some((29, true)),
    name: Some(27),
    description: Some(33),
    legal_id: Some(30),
    trading_name: Some(28),
    contact: Some((6, [41, 42, 43])),
    address: Some((5, [35, 36, 162, 37, 38, 39, 40])),
    uri: Some(34),
    vat_id: Some(31),
    tax_id: Some(32),
};

/// BG-7 Buyer.
pub const BUYER: PartyTerms = PartyTerms {
    group: 7,
    id: Some((46, false)),
    name: Some(44),
    legal_id: Some(47),
    trading_name: Some(45),
    contact: Some((9, [56, 57, 58])),
    address: Some((8, [50, 51, 163, 52, 53, 54, 55])),
    uri: Some(49),
    vat_id: Some(48),
    ..NONE
};

/// BG-10 Payee.
pub const PAYEE: PartyTerms = PartyTerms {
    group: 10,
    id: Some((60, false)),
    name: Some(59),
    legal_id: Some(61),
    ..NONE
};

/// BG-11 Seller tax representative party.
pub const TAX_REPRESENTATIVE: PartyTerms = PartyTerms {
    group: 11,
    name: Some(62),
    address: Some((12, [64, 65, 164, 66, 67, 68, 69])),
    vat_id: Some(63),
    ..NONE
};

/// BG-13 Delivery information (the deliver-to party).
pub const DELIVER_TO: PartyTerms = PartyTerms {
    group: 13,
    id: Some((71, false)),
    name: Some(70),
    address: Some((15, [75, 76, 165, 77, 78, 79, 80])),
    ..NONE
};
