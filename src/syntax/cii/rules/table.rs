//! The CII syntax rules as data: every rule context of the CII binding
//! (most specific first, as the official artefact gives each node to the
//! first context it matches), and under it each rule's id and test. Tests
//! in the declarative subset (`not(path)`, `count(path) <= n`,
//! `count(path) = n`, `(path)`) are evaluated by [`super::path`]; the
//! others are functions of [`super::custom`], with the official test kept
//! beside them as documentation.

use super::custom;
use super::{Context, Rule, Test};

/// The rule contexts, in order of precedence.
pub(super) const CONTEXTS: &[Context] = &[
    Context {
        pattern: "//ram:SpecifiedTradeSettlementPaymentMeans",
        rules: &[Rule(
            "CII-SR-464",
            Test::Path("not(ram:PayerSpecifiedDebtorFinancialInstitution)"),
        )],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext",
        rules: &[
            Rule("CII-SR-001", Test::Path("not(ram:SpecifiedTransactionID)")),
            Rule("CII-SR-002", Test::Path("not(ram:TestIndicator)")),
            Rule(
                "CII-SR-003",
                Test::Path("(count(ram:BusinessProcessSpecifiedDocumentContextParameter) <= 1)"),
            ),
            Rule(
                "CII-SR-006",
                Test::Path("not(ram:BIMSpecifiedDocumentContextParameter)"),
            ),
            Rule(
                "CII-SR-007",
                Test::Path("not(ram:ScenarioSpecifiedDocumentContextParameter)"),
            ),
            Rule(
                "CII-SR-008",
                Test::Path("not(ram:ApplicationSpecifiedDocumentContextParameter)"),
            ),
            Rule(
                "CII-SR-009",
                Test::Path("count(ram:GuidelineSpecifiedDocumentContextParameter) = 1"),
            ),
            Rule(
                "CII-SR-010",
                Test::Path("count(ram:GuidelineSpecifiedDocumentContextParameter/ram:ID) = 1"),
            ),
            Rule(
                "CII-SR-011",
                Test::Path("not(ram:SubsetSpecifiedDocumentContextParameter)"),
            ),
            Rule(
                "CII-SR-012",
                Test::Path("not(ram:MessageStandardSpecifiedDocumentContextParameter)"),
            ),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument",
        rules: &[
            Rule("CII-SR-013", Test::Path("not(ram:Name)")),
            Rule("CII-SR-014", Test::Path("count(ram:TypeCode) = 1")),
            Rule(
                "CII-SR-015",
                Test::Path("not(ram:IssueDateTime/udt:DateTime)"),
            ),
            Rule("CII-SR-016", Test::Path("not(ram:CopyIndicator)")),
            Rule("CII-SR-017", Test::Path("not(ram:Purpose)")),
            Rule(
                "CII-SR-018",
                Test::Path("not(ram:ControlRequirementIndicator)"),
            ),
            Rule("CII-SR-019", Test::Path("not(ram:LanguageID)")),
            Rule("CII-SR-020", Test::Path("not(ram:PurposeCode)")),
            Rule("CII-SR-021", Test::Path("not(ram:RevisionDateTime)")),
            Rule("CII-SR-022", Test::Path("not(ram:VersionID)")),
            Rule("CII-SR-023", Test::Path("not(ram:GlobalID)")),
            Rule("CII-SR-024", Test::Path("not(ram:RevisionID)")),
            Rule("CII-SR-025", Test::Path("not(ram:PreviousRevisionID)")),
            Rule("CII-SR-026", Test::Path("not(ram:CategoryCode)")),
            Rule(
                "CII-SR-027",
                Test::Path("not(ram:IncludedNote/ram:Subject)"),
            ),
            Rule(
                "CII-SR-028",
                Test::Path("not(ram:IncludedNote/ram:ContentCode)"),
            ),
            Rule("CII-SR-032", Test::Path("not(ram:IncludedNote/ram:ID)")),
            Rule(
                "CII-SR-033",
                Test::Path("not(ram:EffectiveSpecifiedPeriod)"),
            ),
            Rule("CII-SR-034", Test::Path("not(ram:IssuerTradeParty)")),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote",
        rules: &[Rule("CII-SR-030", Test::Path("count(ram:Content) <= 1"))],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem",
        rules: &[
            Rule("CII-SR-035", Test::Path("not(ram:DescriptionCode)")),
            Rule("CII-SR-036", Test::Path("not(ram:ParentLineID)")),
            Rule("CII-SR-037", Test::Path("not(ram:LineStatusCode)")),
            Rule("CII-SR-038", Test::Path("not(ram:LineStatusReasonCode)")),
            Rule(
                "CII-SR-221",
                Test::Path("not(ram:IncludedSubordinateTradeLineItem)"),
            ),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:AssociatedDocumentLineDocument",
        rules: &[
            Rule("CII-SR-039", Test::Path("count(ram:IncludedNote) <= 1")),
            Rule(
                "CII-SR-040",
                Test::Path("count(ram:IncludedNote/ram:Content) <= 1"),
            ),
            Rule(
                "CII-SR-041",
                Test::Path("not(ram:IncludedNote/ram:SubjectCode)"),
            ),
            Rule("CII-SR-042", Test::Path("not(ram:IncludedNote/ram:ID)")),
            Rule(
                "CII-SR-043",
                Test::Path("not(ram:IncludedNote/ram:Subject)"),
            ),
            Rule(
                "CII-SR-044",
                Test::Path("not(ram:IncludedNote/ram:ContentCode)"),
            ),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct",
        rules: &[
            Rule("CII-SR-045", Test::Path("not(ram:ID)")),
            Rule(
                "CII-SR-046",
                Test::Custom(
                    "not(ram:GlobalID) or (ram:GlobalID/@schemeID)",
                    custom::sr_046,
                ),
            ),
            Rule("CII-SR-048", Test::Path("not(ram:ManufacturerAssignedID)")),
            Rule("CII-SR-049", Test::Path("not(ram:TradeName)")),
            Rule("CII-SR-050", Test::Path("not(ram:TypeCode)")),
            Rule("CII-SR-051", Test::Path("not(ram:NetWeightMeasure)")),
            Rule("CII-SR-052", Test::Path("not(ram:GrossWeightMeasure)")),
            Rule("CII-SR-053", Test::Path("not(ram:ProductGroupID)")),
            Rule("CII-SR-054", Test::Path("not(ram:EndItemTypeCode)")),
            Rule("CII-SR-055", Test::Path("not(ram:EndItemName)")),
            Rule("CII-SR-056", Test::Path("not(ram:AreaDensityMeasure)")),
            Rule("CII-SR-057", Test::Path("not(ram:UseDescription)")),
            Rule("CII-SR-058", Test::Path("not(ram:BrandName)")),
            Rule("CII-SR-059", Test::Path("not(ram:SubBrandName)")),
            Rule("CII-SR-060", Test::Path("not(ram:DrainedNetWeightMeasure)")),
            Rule(
                "CII-SR-061",
                Test::Path("not(ram:VariableMeasureIndicator)"),
            ),
            Rule("CII-SR-062", Test::Path("not(ram:ColourCode)")),
            Rule("CII-SR-063", Test::Path("not(ram:ColourDescription)")),
            Rule("CII-SR-064", Test::Path("not(ram:Designation)")),
            Rule(
                "CII-SR-065",
                Test::Path("not(ram:FormattedCancellationAnnouncedLaunchDateTime)"),
            ),
            Rule(
                "CII-SR-066",
                Test::Path("not(ram:FormattedLatestProductDataChangeDateTime)"),
            ),
            Rule(
                "CII-SR-067",
                Test::Path("not(ram:ApplicableProductCharacteristic/ram:ID)"),
            ),
            Rule(
                "CII-SR-068",
                Test::Path("not(ram:ApplicableProductCharacteristic/ram:TypeCode)"),
            ),
            Rule(
                "CII-SR-070",
                Test::Path("not(ram:ApplicableProductCharacteristic/ram:ValueMeasure)"),
            ),
            Rule(
                "CII-SR-071",
                Test::Path("not(ram:ApplicableProductCharacteristic/ram:MeasurementMethodCode)"),
            ),
            Rule(
                "CII-SR-073",
                Test::Path("not(ram:ApplicableProductCharacteristic/ram:ValueCode)"),
            ),
            Rule(
                "CII-SR-074",
                Test::Path("not(ram:ApplicableProductCharacteristic/ram:ValueDateTime)"),
            ),
            Rule(
                "CII-SR-075",
                Test::Path("not(ram:ApplicableProductCharacteristic/ram:ValueIndicator)"),
            ),
            Rule(
                "CII-SR-076",
                Test::Path("not(ram:ApplicableProductCharacteristic/ram:ContentTypeCode)"),
            ),
            Rule(
                "CII-SR-077",
                Test::Path("not(ram:ApplicableProductCharacteristic/ram:ValueSpecifiedBinaryFile)"),
            ),
            Rule(
                "CII-SR-078",
                Test::Path(
                    "not(ram:ApplicableProductCharacteristic/ram:ApplicableProductCharacteristicCondition)",
                ),
            ),
            Rule(
                "CII-SR-079",
                Test::Path(
                    "not(ram:ApplicableProductCharacteristic/ram:ApplicableReferencedStandard)",
                ),
            ),
            Rule(
                "CII-SR-080",
                Test::Path("not(ram:ApplicableMaterialGoodsCharacteristic)"),
            ),
            Rule(
                "CII-SR-081",
                Test::Path("not(ram:DesignatedProductClassification/ram:SystemID)"),
            ),
            Rule(
                "CII-SR-082",
                Test::Path("not(ram:DesignatedProductClassification/ram:SystemName)"),
            ),
            Rule(
                "CII-SR-083",
                Test::Path("not(ram:DesignatedProductClassification/ram:ClassName)"),
            ),
            Rule(
                "CII-SR-084",
                Test::Path("not(ram:DesignatedProductClassification/ram:SubClassCode)"),
            ),
            Rule(
                "CII-SR-085",
                Test::Path(
                    "not(ram:DesignatedProductClassification/ram:ClassProductCharacteristic)",
                ),
            ),
            Rule(
                "CII-SR-086",
                Test::Path(
                    "not(ram:DesignatedProductClassification/ram:ApplicableReferencedStandard)",
                ),
            ),
            Rule(
                "CII-SR-087",
                Test::Path("not(ram:IndividualTradeProductInstance)"),
            ),
            Rule(
                "CII-SR-088",
                Test::Path("not(ram:CertificationEvidenceReferenceReferencedDocument)"),
            ),
            Rule(
                "CII-SR-089",
                Test::Path("not(ram:InspectionReferenceReferencedDocument)"),
            ),
            Rule(
                "CII-SR-090",
                Test::Custom(
                    "not (ram:OriginTradeCountry) or (count(ram:OriginTradeCountry/ram:ID) =1)",
                    custom::sr_090,
                ),
            ),
            Rule(
                "CII-SR-091",
                Test::Path("not(ram:OriginTradeCountry/ram:Name)"),
            ),
            Rule(
                "CII-SR-092",
                Test::Path("not(ram:OriginTradeCountry/ram:SubordinateTradeCountrySubDivision)"),
            ),
            Rule("CII-SR-093", Test::Path("not(ram:LinearSpatialDimension)")),
            Rule(
                "CII-SR-094",
                Test::Path("not(ram:MinimumLinearSpatialDimension)"),
            ),
            Rule(
                "CII-SR-095",
                Test::Path("not(ram:MaximumLinearSpatialDimension)"),
            ),
            Rule("CII-SR-096", Test::Path("not(ram:ManufacturerTradeParty)")),
            Rule(
                "CII-SR-097",
                Test::Path("not(ram:PresentationSpecifiedBinaryFile)"),
            ),
            Rule(
                "CII-SR-098",
                Test::Path("not(ram:MSDSReferenceReferencedDocument)"),
            ),
            Rule(
                "CII-SR-099",
                Test::Path("not(ram:AdditionalReferenceReferencedDocument)"),
            ),
            Rule(
                "CII-SR-100",
                Test::Path("not(ram:LegalRightsOwnerTradeParty)"),
            ),
            Rule("CII-SR-101", Test::Path("not(ram:BrandOwnerTradeParty)")),
            Rule(
                "CII-SR-102",
                Test::Path("not(ram:IncludedReferencedProduct)"),
            ),
            Rule("CII-SR-103", Test::Path("not(ram:InformationNote)")),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic",
        rules: &[
            Rule("CII-SR-069", Test::Path("(count(ram:Description) =1)")),
            Rule("CII-SR-072", Test::Path("(count(ram:Value) =1)")),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeAgreement",
        rules: &[
            Rule("CII-SR-104", Test::Path("not(ram:BuyerReference)")),
            Rule(
                "CII-SR-105",
                Test::Path("not(ram:BuyerRequisitionerTradeParty)"),
            ),
            Rule(
                "CII-SR-106",
                Test::Path("not(ram:ApplicableTradeDeliveryTerms)"),
            ),
            Rule(
                "CII-SR-107",
                Test::Path("not(ram:SellerOrderReferencedDocument)"),
            ),
            Rule(
                "CII-SR-108",
                Test::Path("not(ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID)"),
            ),
            Rule(
                "CII-SR-109",
                Test::Path("not(ram:QuotationReferencedDocument)"),
            ),
            Rule(
                "CII-SR-110",
                Test::Path("not(ram:ContractReferencedDocument)"),
            ),
            Rule(
                "CII-SR-111",
                Test::Path("not(ram:DemandForecastReferencedDocument)"),
            ),
            Rule(
                "CII-SR-112",
                Test::Path("not(ram:PromotionalDealReferencedDocument)"),
            ),
            Rule(
                "CII-SR-113",
                Test::Path("not(ram:AdditionalReferencedDocument)"),
            ),
            Rule(
                "CII-SR-114",
                Test::Path("not(ram:GrossPriceProductTradePrice/ram:TypeCode)"),
            ),
            Rule(
                "CII-SR-115",
                Test::Path("not(ram:GrossPriceProductTradePrice/ram:MinimumQuantity)"),
            ),
            Rule(
                "CII-SR-116",
                Test::Path("not(ram:GrossPriceProductTradePrice/ram:MaximumQuantity)"),
            ),
            Rule(
                "CII-SR-117",
                Test::Path("not(ram:GrossPriceProductTradePrice/ram:ChangeReason)"),
            ),
            Rule(
                "CII-SR-118",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:OrderUnitConversionFactorNumeric)",
                ),
            ),
            Rule(
                "CII-SR-439",
                Test::Path("count(ram:NetPriceProductTradePrice/ram:ChargeAmount) = 1"),
            ),
            Rule(
                "CII-SR-119",
                Test::Custom(
                    "(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ChargeIndicator[udt:Indicator=false()] and ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ActualAmount) or (not (ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ChargeIndicator) and not (ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ActualAmount))",
                    custom::sr_119,
                ),
            ),
            Rule(
                "CII-SR-120",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ID)",
                ),
            ),
            Rule(
                "CII-SR-121",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:SequenceNumeric)",
                ),
            ),
            Rule(
                "CII-SR-122",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:CalculationPercent)",
                ),
            ),
            Rule(
                "CII-SR-123",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:BasisAmount)",
                ),
            ),
            Rule(
                "CII-SR-124",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:BasisQuantity)",
                ),
            ),
            Rule(
                "CII-SR-125",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:PrepaidIndicator)",
                ),
            ),
            Rule(
                "CII-SR-126",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:UnitBasisAmount)",
                ),
            ),
            Rule(
                "CII-SR-127",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ReasonCode)",
                ),
            ),
            Rule(
                "CII-SR-128",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:Reason)",
                ),
            ),
            Rule(
                "CII-SR-129",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:TypeCode)",
                ),
            ),
            Rule(
                "CII-SR-130",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:CategoryTradeTax)",
                ),
            ),
            Rule(
                "CII-SR-131",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ActualTradeCurrencyExchange)",
                ),
            ),
            Rule(
                "CII-SR-445",
                Test::Path("not(ram:GrossPriceProductTradePrice/ram:IncludedTradeTax)"),
            ),
            Rule(
                "CII-SR-132",
                Test::Path("not(ram:GrossPriceProductTradePrice/ram:ValiditySpecifiedPeriod)"),
            ),
            Rule(
                "CII-SR-133",
                Test::Path("not(ram:GrossPriceProductTradePrice/ram:DeliveryTradeLocation)"),
            ),
            Rule(
                "CII-SR-134",
                Test::Path(
                    "not(ram:GrossPriceProductTradePrice/ram:TradeComparisonReferencePrice)",
                ),
            ),
            Rule(
                "CII-SR-135",
                Test::Path("not(ram:GrossPriceProductTradePrice/ram:AssociatedReferencedDocument)"),
            ),
            Rule(
                "CII-SR-136",
                Test::Path("not(ram:NetPriceProductTradePrice/ram:TypeCode)"),
            ),
            Rule(
                "CII-SR-138",
                Test::Path("not(ram:NetPriceProductTradePrice/ram:MinimumQuantity)"),
            ),
            Rule(
                "CII-SR-139",
                Test::Path("not(ram:NetPriceProductTradePrice/ram:MaximumQuantity)"),
            ),
            Rule(
                "CII-SR-140",
                Test::Path("not(ram:NetPriceProductTradePrice/ram:ChangeReason)"),
            ),
            Rule(
                "CII-SR-141",
                Test::Path(
                    "not(ram:NetPriceProductTradePrice/ram:OrderUnitConversionFactorNumeric)",
                ),
            ),
            Rule(
                "CII-SR-142",
                Test::Path("not(ram:NetPriceProductTradePrice/ram:AppliedTradeAllowanceCharge)"),
            ),
            Rule(
                "CII-SR-446",
                Test::Path("not(ram:NetPriceProductTradePrice/ram:IncludedTradeTax)"),
            ),
            Rule(
                "CII-SR-143",
                Test::Path("not(ram:NetPriceProductTradePrice/ram:ValiditySpecifiedPeriod)"),
            ),
            Rule(
                "CII-SR-144",
                Test::Path("not(ram:NetPriceProductTradePrice/ram:DeliveryTradeLocation)"),
            ),
            Rule(
                "CII-SR-145",
                Test::Path("not(ram:NetPriceProductTradePrice/ram:TradeComparisonReferencePrice)"),
            ),
            Rule(
                "CII-SR-146",
                Test::Path("not(ram:NetPriceProductTradePrice/ram:AssociatedReferencedDocument)"),
            ),
            Rule(
                "CII-SR-441",
                Test::Path("count(ram:NetPriceProductTradePrice/ram:ChargeAmount) <= 1"),
            ),
            Rule(
                "CII-SR-147",
                Test::Path("not(ram:RequisitionerReferencedDocument)"),
            ),
            Rule("CII-SR-148", Test::Path("not(ram:ItemSellerTradeParty)")),
            Rule("CII-SR-149", Test::Path("not(ram:ItemBuyerTradeParty)")),
            Rule(
                "CII-SR-150",
                Test::Path("not(ram:IncludedSpecifiedMarketplace)"),
            ),
            Rule(
                "CII-SR-447",
                Test::Path("not(ram:UltimateCustomerOrderReferencedDocument)"),
            ),
        ],
    },
    Context {
        pattern: "//ram:SpecifiedTradeAllowanceCharge",
        rules: &[
            Rule("CII-SR-463", Test::Path("(ram:ChargeIndicator)")),
            Rule(
                "CII-SR-471",
                Test::Path("count(ram:RateApplicablePercent) <= 1"),
            ),
            Rule("CII-SR-472", Test::Path("count(ram:CategoryTradeTax) <= 1")),
            Rule("CII-SR-473", Test::Path("count(ram:ActualAmount) <= 1")),
        ],
    },
    Context {
        pattern: "//ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge",
        rules: &[Rule(
            "CII-SR-440",
            Test::Path("count(ram:ActualAmount) <= 1"),
        )],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery",
        rules: &[
            Rule("CII-SR-151", Test::Path("not(ram:RequestedQuantity)")),
            Rule("CII-SR-152", Test::Path("not(ram:ReceivedQuantity)")),
            Rule("CII-SR-153", Test::Path("not(ram:ChargeFreeQuantity)")),
            Rule("CII-SR-154", Test::Path("not(ram:PackageQuantity)")),
            Rule("CII-SR-155", Test::Path("not(ram:ProductUnitQuantity)")),
            Rule("CII-SR-156", Test::Path("not(ram:PerPackageUnitQuantity)")),
            Rule("CII-SR-157", Test::Path("not(ram:NetWeightMeasure)")),
            Rule("CII-SR-158", Test::Path("not(ram:GrossWeightMeasure)")),
            Rule(
                "CII-SR-159",
                Test::Path("not(ram:TheoreticalWeightMeasure)"),
            ),
            Rule("CII-SR-160", Test::Path("not(ram:DespatchedQuantity)")),
            Rule(
                "CII-SR-161",
                Test::Path("not(ram:SpecifiedDeliveryAdjustment)"),
            ),
            Rule(
                "CII-SR-162",
                Test::Path("not(ram:IncludedSupplyChainPackaging)"),
            ),
            Rule(
                "CII-SR-163",
                Test::Path("not(ram:RelatedSupplyChainConsignment)"),
            ),
            Rule("CII-SR-164", Test::Path("not(ram:ShipToTradeParty)")),
            Rule(
                "CII-SR-165",
                Test::Path("not(ram:UltimateShipToTradeParty)"),
            ),
            Rule("CII-SR-166", Test::Path("not(ram:ShipFromTradeParty)")),
            Rule(
                "CII-SR-167",
                Test::Path("not(ram:ActualDespatchSupplyChainEvent)"),
            ),
            Rule(
                "CII-SR-168",
                Test::Path("not(ram:ActualPickUpSupplyChainEvent)"),
            ),
            Rule(
                "CII-SR-169",
                Test::Path("not(ram:RequestedDeliverySupplyChainEvent)"),
            ),
            Rule(
                "CII-SR-170",
                Test::Path("not(ram:ActualDeliverySupplyChainEvent)"),
            ),
            Rule(
                "CII-SR-171",
                Test::Path("not(ram:ActualReceiptSupplyChainEvent)"),
            ),
            Rule(
                "CII-SR-172",
                Test::Path("not(ram:AdditionalReferencedDocument)"),
            ),
            Rule(
                "CII-SR-173",
                Test::Path("not(ram:DespatchAdviceReferencedDocument)"),
            ),
            Rule(
                "CII-SR-174",
                Test::Path("not(ram:ReceivingAdviceReferencedDocument)"),
            ),
            Rule(
                "CII-SR-175",
                Test::Path("not(ram:DeliveryNoteReferencedDocument)"),
            ),
            Rule(
                "CII-SR-176",
                Test::Path("not(ram:ConsumptionReportReferencedDocument)"),
            ),
            Rule(
                "CII-SR-177",
                Test::Path("not(ram:PackingListReferencedDocument)"),
            ),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement",
        rules: &[
            Rule("CII-SR-178", Test::Path("not(ram:PaymentReference)")),
            Rule("CII-SR-179", Test::Path("not(ram:InvoiceIssuerReference)")),
            Rule("CII-SR-180", Test::Path("not(ram:TotalAdjustmentAmount)")),
            Rule("CII-SR-181", Test::Path("not(ram:DiscountIndicator)")),
            Rule(
                "CII-SR-182",
                Test::Path("not(ram:ApplicableTradeTax/ram:CalculatedAmount)"),
            ),
            Rule(
                "CII-SR-183",
                Test::Path(
                    "not(ram:SpecifiedTradeAllowanceCharge/ram:ChargeIndicator/udt:IndicatorString)",
                ),
            ),
            Rule(
                "CII-SR-184",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:ID)"),
            ),
            Rule(
                "CII-SR-185",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:SequenceNumeric)"),
            ),
            Rule(
                "CII-SR-186",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:CalculationPercent/@format)"),
            ),
            Rule(
                "CII-SR-187",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:BasisQuantity)"),
            ),
            Rule(
                "CII-SR-188",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:PrepaidIndicator)"),
            ),
            Rule(
                "CII-SR-189",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:UnitBasisAmount)"),
            ),
            Rule(
                "CII-SR-190",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:TypeCode)"),
            ),
            Rule(
                "CII-SR-191",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:CategoryTradeTax)"),
            ),
            Rule(
                "CII-SR-192",
                Test::Path(
                    "not(ram:SpecifiedTradeAllowanceCharge/ram:ActualTradeCurrencyExchange)",
                ),
            ),
            Rule(
                "CII-SR-193",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:ID)"),
            ),
            Rule(
                "CII-SR-194",
                Test::Path("not(ram:SubtotalCalculatedTradeTax)"),
            ),
            Rule(
                "CII-SR-195",
                Test::Path("not(ram:SpecifiedLogisticsServiceCharge)"),
            ),
            Rule(
                "CII-SR-196",
                Test::Path("not(ram:SpecifiedTradePaymentTerms)"),
            ),
            Rule(
                "CII-SR-197",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementLineMonetarySummation/ram:ChargeTotalAmount)",
                ),
            ),
            Rule(
                "CII-SR-198",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementLineMonetarySummation/ram:AllowanceTotalAmount)",
                ),
            ),
            Rule(
                "CII-SR-199",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementLineMonetarySummation/ram:TaxBasisTotalAmount)",
                ),
            ),
            Rule(
                "CII-SR-200",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementLineMonetarySummation/ram:TaxTotalAmount)",
                ),
            ),
            Rule(
                "CII-SR-201",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementLineMonetarySummation/ram:GrandTotalAmount)",
                ),
            ),
            Rule(
                "CII-SR-202",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementLineMonetarySummation/ram:InformationAmount)",
                ),
            ),
            Rule(
                "CII-SR-203",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementLineMonetarySummation/ram:TotalAllowanceChargeAmount)",
                ),
            ),
            Rule(
                "CII-SR-204",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementLineMonetarySummation/ram:TotalRetailValueInformationAmount)",
                ),
            ),
            Rule(
                "CII-SR-205",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementLineMonetarySummation/ram:GrossLineTotalAmount)",
                ),
            ),
            Rule(
                "CII-SR-206",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementLineMonetarySummation/ram:NetLineTotalAmount)",
                ),
            ),
            Rule(
                "CII-SR-207",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementLineMonetarySummation/ram:NetIncludingTaxesLineTotalAmount)",
                ),
            ),
            Rule(
                "CII-SR-208",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementLineMonetarySummation/ram:ProductWeightLossInformationAmount)",
                ),
            ),
            Rule(
                "CII-SR-209",
                Test::Path("not(ram:SpecifiedFinancialAdjustment)"),
            ),
            Rule(
                "CII-SR-210",
                Test::Path("not(ram:InvoiceReferencedDocument)"),
            ),
            Rule(
                "CII-SR-212",
                Test::Path("not(ram:PayableSpecifiedTradeAccountingAccount)"),
            ),
            Rule(
                "CII-SR-213",
                Test::Path("not(ram:ReceivableSpecifiedTradeAccountingAccount/ram:SetTriggerCode)"),
            ),
            Rule(
                "CII-SR-214",
                Test::Path("not(ram:ReceivableSpecifiedTradeAccountingAccount/ram:TypeCode)"),
            ),
            Rule(
                "CII-SR-215",
                Test::Path("not(ram:ReceivableSpecifiedTradeAccountingAccount/ram:AmountTypeCode)"),
            ),
            Rule(
                "CII-SR-216",
                Test::Path("not(ram:ReceivableSpecifiedTradeAccountingAccount/ram:Name)"),
            ),
            Rule(
                "CII-SR-217",
                Test::Path(
                    "not(ram:ReceivableSpecifiedTradeAccountingAccount/ram:CostReferenceDimensionPattern)",
                ),
            ),
            Rule(
                "CII-SR-218",
                Test::Path("not(ram:PurchaseSpecifiedTradeAccountingAccount)"),
            ),
            Rule(
                "CII-SR-219",
                Test::Path("not(ram:SalesSpecifiedTradeAccountingAccount)"),
            ),
            Rule(
                "CII-SR-220",
                Test::Path("not(ram:SpecifiedTradeSettlementFinancialCard)"),
            ),
            Rule(
                "CII-SR-454",
                Test::Path("count(ram:ApplicableTradeTax) = 1"),
            ),
            Rule(
                "CII-SR-474",
                Test::Path(
                    "count(ram:AdditionalReferencedDocument[normalize-space(ram:TypeCode) = '130']) <= 1",
                ),
            ),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement",
        rules: &[
            Rule("CII-SR-442", Test::Path("not(ram:Reference)")),
            Rule(
                "CII-SR-222",
                Test::Path("not(ram:SellerTradeParty/ram:RoleCode)"),
            ),
            Rule(
                "CII-SR-223",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:LegalClassificationCode)",
                ),
            ),
            Rule(
                "CII-SR-224",
                Test::Path("not(ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:Name)"),
            ),
            Rule(
                "CII-SR-225",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:PostalTradeAddress)",
                ),
            ),
            Rule(
                "CII-SR-226",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:AuthorizedLegalRegistration)",
                ),
            ),
            Rule(
                "CII-SR-227",
                Test::Path("not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:ID)"),
            ),
            Rule(
                "CII-SR-228",
                Test::Path("not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:TypeCode)"),
            ),
            Rule(
                "CII-SR-229",
                Test::Path("not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:JobTitle)"),
            ),
            Rule(
                "CII-SR-230",
                Test::Path("not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:Responsibility)"),
            ),
            Rule(
                "CII-SR-231",
                Test::Path("not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:PersonID)"),
            ),
            Rule(
                "CII-SR-232",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:URIID)",
                ),
            ),
            Rule(
                "CII-SR-233",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:ChannelCode)",
                ),
            ),
            Rule(
                "CII-SR-234",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:DirectTelephoneUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-235",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:MobileTelephoneUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-236",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:FaxUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-237",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:ChannelCode)",
                ),
            ),
            Rule(
                "CII-SR-238",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:CompleteNumber)",
                ),
            ),
            Rule(
                "CII-SR-239",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:TelexUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-240",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:VOIPUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-241",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:InstantMessagingUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-242",
                Test::Path("not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:SpecifiedNote)"),
            ),
            Rule(
                "CII-SR-243",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:SpecifiedContactPerson)",
                ),
            ),
            Rule(
                "CII-SR-244",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:URIUniversalCommunication/ram:ChannelCode)",
                ),
            ),
            Rule(
                "CII-SR-245",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:URIUniversalCommunication/ram:CompleteNumber)",
                ),
            ),
            Rule(
                "CII-SR-246",
                Test::Path(
                    "not(ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:AssociatedRegisteredTax)",
                ),
            ),
            Rule(
                "CII-SR-247",
                Test::Path("not(ram:SellerTradeParty/ram:EndPointURIUniversalCommunication)"),
            ),
            Rule(
                "CII-SR-248",
                Test::Path("not(ram:SellerTradeParty/ram:LogoAssociatedSpecifiedBinaryFile)"),
            ),
            Rule(
                "CII-SR-249",
                Test::Path("not(ram:BuyerTradeParty/ram:RoleCode)"),
            ),
            Rule(
                "CII-SR-250",
                Test::Path("not(ram:BuyerTradeParty/ram:Description)"),
            ),
            Rule(
                "CII-SR-251",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:LegalClassificationCode)",
                ),
            ),
            Rule(
                "CII-SR-252",
                Test::Path("not(ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:Name)"),
            ),
            Rule(
                "CII-SR-254",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:PostalTradeAddress)",
                ),
            ),
            Rule(
                "CII-SR-255",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:AuthorizedLegalRegistration)",
                ),
            ),
            Rule(
                "CII-SR-256",
                Test::Path("not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:ID)"),
            ),
            Rule(
                "CII-SR-257",
                Test::Path("not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:TypeCode)"),
            ),
            Rule(
                "CII-SR-258",
                Test::Path("not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:JobTitle)"),
            ),
            Rule(
                "CII-SR-259",
                Test::Path("not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:Responsibility)"),
            ),
            Rule(
                "CII-SR-260",
                Test::Path("not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:PersonID)"),
            ),
            Rule(
                "CII-SR-261",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:URIID)",
                ),
            ),
            Rule(
                "CII-SR-262",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:ChannelCode)",
                ),
            ),
            Rule(
                "CII-SR-263",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:DirectTelephoneUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-264",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:MobileTelephoneUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-265",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:FaxUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-266",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:ChannelCode)",
                ),
            ),
            Rule(
                "CII-SR-267",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:CompleteNumber)",
                ),
            ),
            Rule(
                "CII-SR-268",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:TelexUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-269",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:VOIPUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-270",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:InstantMessagingUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-271",
                Test::Path("not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:SpecifiedNote)"),
            ),
            Rule(
                "CII-SR-272",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:SpecifiedContactPerson)",
                ),
            ),
            Rule(
                "CII-SR-273",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:ChannelCode)",
                ),
            ),
            Rule(
                "CII-SR-274",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:CompleteNumber)",
                ),
            ),
            Rule(
                "CII-SR-275",
                Test::Path(
                    "not(ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:AssociatedRegisteredTax)",
                ),
            ),
            Rule(
                "CII-SR-276",
                Test::Path("not(ram:BuyerTradeParty/ram:EndPointURIUniversalCommunication)"),
            ),
            Rule(
                "CII-SR-277",
                Test::Path("not(ram:BuyerTradeParty/ram:LogoAssociatedSpecifiedBinaryFile)"),
            ),
            Rule("CII-SR-278", Test::Path("not(ram:SalesAgentTradeParty)")),
            Rule(
                "CII-SR-279",
                Test::Path("not(ram:BuyerRequisitionerTradeParty)"),
            ),
            Rule(
                "CII-SR-280",
                Test::Path("not(ram:BuyerAssignedAccountantTradeParty)"),
            ),
            Rule(
                "CII-SR-281",
                Test::Path("not(ram:SellerAssignedAccountantTradeParty)"),
            ),
            Rule(
                "CII-SR-282",
                Test::Path("not(ram:SellerTaxRepresentativeTradeParty/ram:ID)"),
            ),
            Rule(
                "CII-SR-283",
                Test::Path("not(ram:SellerTaxRepresentativeTradeParty/ram:GlobalID)"),
            ),
            Rule(
                "CII-SR-284",
                Test::Path("not(ram:SellerTaxRepresentativeTradeParty/ram:RoleCode)"),
            ),
            Rule(
                "CII-SR-285",
                Test::Path("not(ram:SellerTaxRepresentativeTradeParty/ram:Description)"),
            ),
            Rule(
                "CII-SR-286",
                Test::Path(
                    "not(ram:SellerTaxRepresentativeTradeParty/ram:SpecifiedLegalOrganization)",
                ),
            ),
            Rule(
                "CII-SR-287",
                Test::Path("not(ram:SellerTaxRepresentativeTradeParty/ram:DefinedTradeContact)"),
            ),
            Rule(
                "CII-SR-288",
                Test::Path(
                    "not(ram:SellerTaxRepresentativeTradeParty/ram:URIUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-289",
                Test::Path(
                    "not(ram:SellerTaxRepresentativeTradeParty/ram:SpecifiedTaxRegistration/ram:AssociatedRegisteredTax)",
                ),
            ),
            Rule(
                "CII-SR-290",
                Test::Path(
                    "not(ram:SellerTaxRepresentativeTradeParty/ram:EndPointURIUniversalCommunication)",
                ),
            ),
            Rule(
                "CII-SR-291",
                Test::Path(
                    "not(ram:SellerTaxRepresentativeTradeParty/ram:LogoAssociatedSpecifiedBinaryFile)",
                ),
            ),
            Rule(
                "CII-SR-292",
                Test::Path("not(ram:ProductEndUserTradeParty)"),
            ),
            Rule(
                "CII-SR-293",
                Test::Path("not(ram:ApplicableTradeDeliveryTerms)"),
            ),
            Rule(
                "CII-SR-294",
                Test::Path("not(ram:SellerOrderReferencedDocument/ram:LineID)"),
            ),
            Rule(
                "CII-SR-295",
                Test::Path("not(ram:BuyerOrderReferencedDocument/ram:LineID)"),
            ),
            Rule(
                "CII-SR-296",
                Test::Path("not(ram:QuotationReferencedDocument)"),
            ),
            Rule(
                "CII-SR-297",
                Test::Path("not(ram:OrderResponseReferencedDocument)"),
            ),
            Rule(
                "CII-SR-298",
                Test::Path("not(ram:ContractReferencedDocument/ram:LineID)"),
            ),
            Rule(
                "CII-SR-299",
                Test::Path("not(ram:DemandForecastReferencedDocument)"),
            ),
            Rule(
                "CII-SR-300",
                Test::Path("not(ram:SupplyInstructionReferencedDocument)"),
            ),
            Rule(
                "CII-SR-301",
                Test::Path("not(ram:PromotionalDealReferencedDocument)"),
            ),
            Rule(
                "CII-SR-302",
                Test::Path("not(ram:PriceListReferencedDocument)"),
            ),
            Rule(
                "CII-SR-303",
                Test::Path("not(ram:AdditionalReferencedDocument/ram:LineID)"),
            ),
            Rule(
                "CII-SR-304",
                Test::Path("not(ram:RequisitionerReferencedDocument)"),
            ),
            Rule("CII-SR-305", Test::Path("not(ram:BuyerAgentTradeParty)")),
            Rule(
                "CII-SR-306",
                Test::Path("not(ram:PurchaseConditionsReferencedDocument)"),
            ),
            Rule(
                "CII-SR-307",
                Test::Path("not(ram:SpecifiedProcuringProject/ram:Description)"),
            ),
            Rule(
                "CII-SR-448",
                Test::Path("not(ram:UltimateCustomerOrderReferencedDocument)"),
            ),
            Rule(
                "CII-SR-450",
                Test::Custom(
                    "(not(ram:BuyerTradeParty/ram:ID) and ram:BuyerTradeParty/ram:GlobalID) or (ram:BuyerTradeParty/ram:ID and not(ram:BuyerTradeParty/ram:GlobalID)) or (not(ram:BuyerTradeParty/ram:ID) and not(ram:BuyerTradeParty/ram:GlobalID))",
                    custom::sr_450,
                ),
            ),
            Rule(
                "CII-SR-455",
                Test::Path("( count(ram:SellerTradeParty/ram:DefinedTradeContact) <= 1)"),
            ),
            Rule(
                "CII-SR-456",
                Test::Path("( count(ram:BuyerTradeParty/ram:DefinedTradeContact) <= 1)"),
            ),
            Rule(
                "CII-SR-457",
                Test::Path("( count(ram:AdditionalReferencedDocument[ram:TypeCode='50']) <= 1)"),
            ),
            Rule(
                "CII-SR-458",
                Test::Path("( count(ram:AdditionalReferencedDocument[ram:TypeCode='130']) <= 1)"),
            ),
            Rule(
                "CII-SR-459",
                Test::Path("count(ram:SellerTradeParty/ram:URIUniversalCommunication) <= 1"),
            ),
            Rule(
                "CII-SR-460",
                Test::Path("count(ram:BuyerTradeParty/ram:URIUniversalCommunication) <= 1"),
            ),
            Rule(
                "CII-SR-465",
                Test::Custom(
                    "not(ram:SellerTradeParty/ram:DefinedTradeContact/ram:PersonName and ram:SellerTradeParty/ram:DefinedTradeContact/ram:DepartmentName)",
                    custom::sr_465,
                ),
            ),
            Rule(
                "CII-SR-466",
                Test::Custom(
                    "not(ram:BuyerTradeParty/ram:DefinedTradeContact/ram:PersonName and ram:BuyerTradeParty/ram:DefinedTradeContact/ram:DepartmentName)",
                    custom::sr_466,
                ),
            ),
            Rule(
                "CII-SR-475",
                Test::Path(
                    "count(ram:AdditionalReferencedDocument[normalize-space(ram:TypeCode) = '916']/ram:Name) <= 1",
                ),
            ),
            Rule(
                "CII-SR-476",
                Test::Path(
                    "count(ram:AdditionalReferencedDocument[normalize-space(ram:TypeCode) = '916']/ram:AttachmentBinaryObject) <= 1",
                ),
            ),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery",
        rules: &[
            Rule(
                "CII-SR-308",
                Test::Path("not(ram:RelatedSupplyChainConsignment)"),
            ),
            Rule(
                "CII-SR-309",
                Test::Path("not(ram:ShipToTradeParty/ram:RoleCode)"),
            ),
            Rule(
                "CII-SR-310",
                Test::Path("not(ram:ShipToTradeParty/ram:Description)"),
            ),
            Rule(
                "CII-SR-311",
                Test::Path("not(ram:ShipToTradeParty/ram:SpecifiedLegalOrganization)"),
            ),
            Rule(
                "CII-SR-312",
                Test::Path("not(ram:ShipToTradeParty/ram:DefinedTradeContact)"),
            ),
            Rule(
                "CII-SR-313",
                Test::Path("not(ram:ShipToTradeParty/ram:URIUniversalCommunication)"),
            ),
            Rule(
                "CII-SR-314",
                Test::Path("not(ram:ShipToTradeParty/ram:SpecifiedTaxRegistration)"),
            ),
            Rule(
                "CII-SR-315",
                Test::Path("not(ram:ShipToTradeParty/ram:EndPointURIUniversalCommunication)"),
            ),
            Rule(
                "CII-SR-316",
                Test::Path("not(ram:ShipToTradeParty/ram:LogoAssociatedSpecifiedBinaryFile)"),
            ),
            Rule(
                "CII-SR-317",
                Test::Path("not(ram:UltimateShipToTradeParty)"),
            ),
            Rule("CII-SR-318", Test::Path("not(ram:ShipFromTradeParty)")),
            Rule(
                "CII-SR-319",
                Test::Path("not(ram:ActualDespatchSupplyChainEvent)"),
            ),
            Rule(
                "CII-SR-320",
                Test::Path("not(ram:ActualPickUpSupplyChainEvent)"),
            ),
            Rule(
                "CII-SR-321",
                Test::Path("not(ram:ActualDeliverySupplyChainEvent/ram:ID)"),
            ),
            Rule(
                "CII-SR-322",
                Test::Path(
                    "not(ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTime)",
                ),
            ),
            Rule(
                "CII-SR-323",
                Test::Path("not(ram:ActualDeliverySupplyChainEvent/ram:TypeCode)"),
            ),
            Rule(
                "CII-SR-324",
                Test::Path("not(ram:ActualDeliverySupplyChainEvent/ram:Description)"),
            ),
            Rule(
                "CII-SR-325",
                Test::Path("not(ram:ActualDeliverySupplyChainEvent/ram:DescriptionBinaryObject)"),
            ),
            Rule(
                "CII-SR-326",
                Test::Path("not(ram:ActualDeliverySupplyChainEvent/ram:UnitQuantity)"),
            ),
            Rule(
                "CII-SR-327",
                Test::Path("not(ram:ActualDeliverySupplyChainEvent/ram:LatestOccurrenceDateTime)"),
            ),
            Rule(
                "CII-SR-328",
                Test::Path(
                    "not(ram:ActualDeliverySupplyChainEvent/ram:EarliestOccurrenceDateTime)",
                ),
            ),
            Rule(
                "CII-SR-329",
                Test::Path("not(ram:ActualDeliverySupplyChainEvent/ram:OccurrenceSpecifiedPeriod)"),
            ),
            Rule(
                "CII-SR-330",
                Test::Path(
                    "not(ram:ActualDeliverySupplyChainEvent/ram:OccurrenceLogisticsLocation)",
                ),
            ),
            Rule(
                "CII-SR-331",
                Test::Path("not(ram:ActualReceiptSupplyChainEvent)"),
            ),
            Rule(
                "CII-SR-332",
                Test::Path("not(ram:AdditionalReferencedDocument)"),
            ),
            Rule(
                "CII-SR-333",
                Test::Path("not(ram:DespatchAdviceReferencedDocument/ram:LineID)"),
            ),
            Rule(
                "CII-SR-334",
                Test::Path("not(ram:DespatchAdviceReferencedDocument/ram:LineID)"),
            ),
            Rule(
                "CII-SR-335",
                Test::Path("not(ram:DeliveryNoteReferencedDocument)"),
            ),
            Rule(
                "CII-SR-336",
                Test::Path("not(ram:ConsumptionReportReferencedDocument)"),
            ),
            Rule(
                "CII-SR-337",
                Test::Path("not(ram:PreviousDeliverySupplyChainEvent)"),
            ),
            Rule(
                "CII-SR-338",
                Test::Path("not(ram:PackingListReferencedDocument)"),
            ),
            Rule(
                "CII-SR-449",
                Test::Custom(
                    "(not(ram:ShipToTradeParty/ram:ID) and ram:ShipToTradeParty/ram:GlobalID) or (ram:ShipToTradeParty/ram:ID and not(ram:ShipToTradeParty/ram:GlobalID)) or (not(ram:ShipToTradeParty/ram:ID) and not(ram:ShipToTradeParty/ram:GlobalID))",
                    custom::sr_449,
                ),
            ),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement",
        rules: &[
            Rule("CII-SR-339", Test::Path("not(ram:DuePayableAmount)")),
            Rule(
                "CII-SR-340",
                Test::Path("not(ram:CreditorReferenceTypeCode)"),
            ),
            Rule("CII-SR-341", Test::Path("not(ram:CreditorReferenceType)")),
            Rule(
                "CII-SR-342",
                Test::Path("not(ram:CreditorReferenceIssuerID)"),
            ),
            Rule("CII-SR-344", Test::Path("not(ram:PaymentCurrencyCode)")),
            Rule("CII-SR-345", Test::Path("not(ram:InvoiceIssuerReference)")),
            Rule("CII-SR-346", Test::Path("not(ram:InvoiceDateTime)")),
            Rule("CII-SR-347", Test::Path("not(ram:NextInvoiceDateTime)")),
            Rule("CII-SR-348", Test::Path("not(ram:CreditReasonCode)")),
            Rule("CII-SR-349", Test::Path("not(ram:CreditReason)")),
            Rule("CII-SR-350", Test::Path("not(ram:InvoicerTradeParty)")),
            Rule("CII-SR-351", Test::Path("not(ram:InvoiceeTradeParty)")),
            Rule(
                "CII-SR-352",
                Test::Path("not(ram:PayeeTradeParty/ram:RoleCode)"),
            ),
            Rule(
                "CII-SR-353",
                Test::Path("not(ram:PayeeTradeParty/ram:Description)"),
            ),
            Rule(
                "CII-SR-354",
                Test::Path(
                    "not(ram:PayeeTradeParty/ram:SpecifiedLegalOrganization/ram:LegalClassificationCode)",
                ),
            ),
            Rule(
                "CII-SR-355",
                Test::Path("not(ram:PayeeTradeParty/ram:SpecifiedLegalOrganization/ram:Name)"),
            ),
            Rule(
                "CII-SR-356",
                Test::Path(
                    "not(ram:PayeeTradeParty/ram:SpecifiedLegalOrganization/ram:TradingBusinessName)",
                ),
            ),
            Rule(
                "CII-SR-357",
                Test::Path(
                    "not(ram:PayeeTradeParty/ram:SpecifiedLegalOrganization/ram:PostalTradeAddress)",
                ),
            ),
            Rule(
                "CII-SR-358",
                Test::Path(
                    "not(ram:PayeeTradeParty/ram:SpecifiedLegalOrganization/ram:AuthorizedLegalRegistration)",
                ),
            ),
            Rule(
                "CII-SR-359",
                Test::Path("not(ram:PayeeTradeParty/ram:DefinedTradeContact)"),
            ),
            Rule(
                "CII-SR-360",
                Test::Path("not(ram:PayeeTradeParty/ram:PostalTradeAddress)"),
            ),
            Rule(
                "CII-SR-361",
                Test::Path("not(ram:PayeeTradeParty/ram:URIUniversalCommunication)"),
            ),
            Rule(
                "CII-SR-362",
                Test::Path("not(ram:PayeeTradeParty/ram:SpecifiedTaxRegistration)"),
            ),
            Rule(
                "CII-SR-363",
                Test::Path("not(ram:PayeeTradeParty/ram:EndPointURIUniversalCommunication)"),
            ),
            Rule(
                "CII-SR-364",
                Test::Path("not(ram:PayeeTradeParty/ram:LogoAssociatedSpecifiedBinaryFile)"),
            ),
            Rule(
                "CII-SR-451",
                Test::Custom(
                    "(not(ram:PayeeTradeParty/ram:ID) and ram:PayeeTradeParty/ram:GlobalID) or (ram:PayeeTradeParty/ram:ID and not(ram:PayeeTradeParty/ram:GlobalID)) or (not(ram:PayeeTradeParty/ram:ID) and not(ram:PayeeTradeParty/ram:GlobalID))",
                    custom::sr_451,
                ),
            ),
            Rule("CII-SR-365", Test::Path("not(ram:PayerTradeParty)")),
            Rule(
                "CII-SR-366",
                Test::Path("not(ram:TaxApplicableTradeCurrencyExchange)"),
            ),
            Rule(
                "CII-SR-367",
                Test::Path("not(ram:InvoiceApplicableTradeCurrencyExchange)"),
            ),
            Rule(
                "CII-SR-368",
                Test::Path("not(ram:PaymentApplicableTradeCurrencyExchange)"),
            ),
            Rule(
                "CII-SR-369",
                Test::Path("not(ram:SpecifiedTradeSettlementPaymentMeans/ram:PaymentChannelCode)"),
            ),
            Rule(
                "CII-SR-370",
                Test::Path("not(ram:SpecifiedTradeSettlementPaymentMeans/ram:GuaranteeMethodCode)"),
            ),
            Rule(
                "CII-SR-371",
                Test::Path("not(ram:SpecifiedTradeSettlementPaymentMeans/ram:PaymentMethodCode)"),
            ),
            Rule(
                "CII-SR-443",
                Test::Path("not(ram:SpecifiedTradeSettlementPaymentMeans/ram:ID)"),
            ),
            Rule(
                "CII-SR-372",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/ram:MicrochipIndicator)",
                ),
            ),
            Rule(
                "CII-SR-373",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/ram:TypeCode)",
                ),
            ),
            Rule(
                "CII-SR-375",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/ram:ExpiryDate)",
                ),
            ),
            Rule(
                "CII-SR-376",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/ram:VerificationNumeric)",
                ),
            ),
            Rule(
                "CII-SR-377",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/ram:ValidFromDateTime)",
                ),
            ),
            Rule(
                "CII-SR-378",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/ram:CreditLimitAmount)",
                ),
            ),
            Rule(
                "CII-SR-379",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/ram:CreditAvailableAmount)",
                ),
            ),
            Rule(
                "CII-SR-380",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/ram:InterestRatePercent)",
                ),
            ),
            Rule(
                "CII-SR-381",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/ram:Description)",
                ),
            ),
            Rule(
                "CII-SR-382",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:PayerPartyDebtorFinancialAccount/ram:AccountName)",
                ),
            ),
            Rule(
                "CII-SR-444",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:PayerPartyDebtorFinancialAccount/ram:ProprietaryID)",
                ),
            ),
            Rule(
                "CII-SR-384",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:PayerSpecifiedDebtorFinancialInstitution/ram:ClearingSystemName)",
                ),
            ),
            Rule(
                "CII-SR-385",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:PayerSpecifiedDebtorFinancialInstitution/ram:Name)",
                ),
            ),
            Rule(
                "CII-SR-386",
                Test::Path(
                    "not(ram:SpecifiedTradeSettlementPaymentMeans/ram:PayerSpecifiedDebtorFinancialInstitution/ram:LocationFinancialInstitutionAddress)",
                ),
            ),
            Rule(
                "CII-SR-388",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:ID)"),
            ),
            Rule(
                "CII-SR-389",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:SequenceNumeric)"),
            ),
            Rule(
                "CII-SR-390",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:BasisQuantity)"),
            ),
            Rule(
                "CII-SR-391",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:PrepaidIndicator)"),
            ),
            Rule(
                "CII-SR-392",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:UnitBasisAmount)"),
            ),
            Rule(
                "CII-SR-393",
                Test::Path("not(ram:SpecifiedTradeAllowanceCharge/ram:TypeCode)"),
            ),
            Rule(
                "CII-SR-394",
                Test::Path(
                    "not(ram:SpecifiedTradeAllowanceCharge/ram:ActualTradeCurrencyExchange)",
                ),
            ),
            Rule(
                "CII-SR-395",
                Test::Path("not(ram:SubtotalCalculatedTradeTax)"),
            ),
            Rule(
                "CII-SR-396",
                Test::Path("not(ram:SpecifiedLogisticsServiceCharge)"),
            ),
            Rule(
                "CII-SR-397",
                Test::Path("not(ram:SpecifiedTradePaymentTerms/ram:ID)"),
            ),
            Rule(
                "CII-SR-398",
                Test::Path("not(ram:SpecifiedTradePaymentTerms/ram:FromEventCode)"),
            ),
            Rule(
                "CII-SR-399",
                Test::Path("not(ram:SpecifiedTradePaymentTerms/ram:SettlementPeriodMeasure)"),
            ),
            Rule(
                "CII-SR-400",
                Test::Path("not(ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTime)"),
            ),
            Rule(
                "CII-SR-401",
                Test::Path("not(ram:SpecifiedTradePaymentTerms/ram:TypeCode)"),
            ),
            Rule(
                "CII-SR-402",
                Test::Path("not(ram:SpecifiedTradePaymentTerms/ram:InstructionTypeCode)"),
            ),
            Rule(
                "CII-SR-404",
                Test::Path("not(ram:SpecifiedTradePaymentTerms/ram:PartialPaymentPercent)"),
            ),
            Rule(
                "CII-SR-405",
                Test::Path("not(ram:SpecifiedTradePaymentTerms/ram:PaymentMeansID)"),
            ),
            Rule(
                "CII-SR-406",
                Test::Path("not(ram:SpecifiedTradePaymentTerms/ram:PartialPaymentAmount)"),
            ),
            Rule(
                "CII-SR-407",
                Test::Path(
                    "not(ram:SpecifiedTradePaymentTerms/ram:ApplicableTradePaymentPenaltyTerms)",
                ),
            ),
            Rule(
                "CII-SR-408",
                Test::Path(
                    "not(ram:SpecifiedTradePaymentTerms/ram:ApplicableTradePaymentDiscountTerms)",
                ),
            ),
            Rule(
                "CII-SR-409",
                Test::Path("not(ram:SpecifiedTradePaymentTerms/ram:PayeeTradeParty)"),
            ),
            Rule(
                "CII-SR-421",
                Test::Path("not(ram:SpecifiedFinancialAdjustment)"),
            ),
            Rule(
                "CII-SR-422",
                Test::Path("not(ram:InvoiceReferencedDocument/ram:LineID)"),
            ),
            Rule(
                "CII-SR-423",
                Test::Path("not(ram:ProFormaInvoiceReferencedDocument)"),
            ),
            Rule(
                "CII-SR-424",
                Test::Path("not(ram:LetterOfCreditReferencedDocument)"),
            ),
            Rule(
                "CII-SR-425",
                Test::Path("not(ram:FactoringAgreementReferencedDocument)"),
            ),
            Rule(
                "CII-SR-426",
                Test::Path("not(ram:FactoringListReferencedDocument)"),
            ),
            Rule(
                "CII-SR-427",
                Test::Path("not(ram:PayableSpecifiedTradeAccountingAccount)"),
            ),
            Rule(
                "CII-SR-428",
                Test::Path("not(ram:ReceivableSpecifiedTradeAccountingAccount/ram:SetTriggerCode)"),
            ),
            Rule(
                "CII-SR-429",
                Test::Path("not(ram:ReceivableSpecifiedTradeAccountingAccount/ram:TypeCode)"),
            ),
            Rule(
                "CII-SR-430",
                Test::Path("not(ram:ReceivableSpecifiedTradeAccountingAccount/ram:AmountTypeCode)"),
            ),
            Rule(
                "CII-SR-431",
                Test::Path("not(ram:ReceivableSpecifiedTradeAccountingAccount/ram:Name)"),
            ),
            Rule(
                "CII-SR-432",
                Test::Path(
                    "not(ram:ReceivableSpecifiedTradeAccountingAccount/ram:CostReferenceDimensionPattern)",
                ),
            ),
            Rule(
                "CII-SR-433",
                Test::Path("not(ram:PurchaseSpecifiedTradeAccountingAccount)"),
            ),
            Rule(
                "CII-SR-434",
                Test::Path("not(ram:SalesSpecifiedTradeAccountingAccount)"),
            ),
            Rule(
                "CII-SR-435",
                Test::Path("not(ram:SpecifiedTradeSettlementFinancialCard)"),
            ),
            Rule("CII-SR-436", Test::Path("not(ram:SpecifiedAdvancePayment)")),
            Rule("CII-SR-437", Test::Path("not(ram:UltimatePayeeTradeParty)")),
            Rule(
                "CII-SR-452",
                Test::Path("count(ram:SpecifiedTradePaymentTerms) <= 1"),
            ),
            Rule(
                "CII-SR-453",
                Test::Path("count(ram:SpecifiedTradePaymentTerms/ram:Description) <= 1"),
            ),
            Rule(
                "CII-SR-461",
                Test::Path("count(ram:ApplicableTradeTax/ram:TaxPointDate) <= 1"),
            ),
            Rule(
                "CII-SR-462",
                Test::Custom(
                    "count(//ram:ApplicableTradeTax/ram:DueDateTypeCode) = 0 or count(distinct-values(//ram:ApplicableTradeTax/ram:DueDateTypeCode)) = 1",
                    custom::sr_462,
                ),
            ),
            Rule(
                "CII-SR-470",
                Test::Custom(
                    "count(ram:SpecifiedTradeSettlementPaymentMeans[(normalize-space(ram:TypeCode) = '30' or normalize-space(ram:TypeCode) = '58') and not(ram:PayeePartyCreditorFinancialAccount/ram:IBANID or ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID)]) = 0",
                    custom::sr_470,
                ),
            ),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation",
        rules: &[
            Rule("CII-SR-411", Test::Path("not(ram:InformationAmount)")),
            Rule("CII-SR-412", Test::Path("not(ram:TotalDiscountAmount)")),
            Rule(
                "CII-SR-413",
                Test::Path("not(ram:TotalAllowanceChargeAmount)"),
            ),
            Rule(
                "CII-SR-414",
                Test::Path("not(ram:RetailValueExcludingTaxInformationAmount)"),
            ),
            Rule(
                "CII-SR-415",
                Test::Path("not(ram:TotalDepositFeeInformationAmount)"),
            ),
            Rule(
                "CII-SR-416",
                Test::Path("not(ram:ProductValueExcludingTobaccoTaxInformationAmount)"),
            ),
            Rule(
                "CII-SR-417",
                Test::Path("not(ram:TotalRetailValueInformationAmount)"),
            ),
            Rule("CII-SR-418", Test::Path("not(ram:GrossLineTotalAmount)")),
            Rule("CII-SR-419", Test::Path("not(ram:NetLineTotalAmount)")),
            Rule(
                "CII-SR-420",
                Test::Path("not(ram:NetIncludingTaxesLineTotalAmount)"),
            ),
            Rule("CII-SR-477", Test::Path("count(ram:LineTotalAmount) <= 1")),
            Rule(
                "CII-SR-478",
                Test::Path("count(ram:ChargeTotalAmount) <= 1"),
            ),
            Rule(
                "CII-SR-479",
                Test::Path("count(ram:AllowanceTotalAmount) <= 1"),
            ),
            Rule(
                "CII-SR-480",
                Test::Path("count(ram:TaxBasisTotalAmount) <= 1"),
            ),
            Rule("CII-SR-481", Test::Path("count(ram:RoundingAmount) <= 1")),
            Rule("CII-SR-482", Test::Path("count(ram:GrandTotalAmount) <= 1")),
            Rule(
                "CII-SR-483",
                Test::Path("count(ram:InformationAmount) <= 1"),
            ),
            Rule(
                "CII-SR-484",
                Test::Path("count(ram:TotalPrepaidAmount) <= 1"),
            ),
            Rule(
                "CII-SR-485",
                Test::Path("count(ram:TotalDiscountAmount) <= 1"),
            ),
            Rule(
                "CII-SR-486",
                Test::Path("count(ram:TotalAllowanceChargeAmount) <= 1"),
            ),
            Rule("CII-SR-487", Test::Path("count(ram:DuePayableAmount) <= 1")),
            Rule(
                "CII-SR-488",
                Test::Path("count(ram:RetailValueExcludingTaxInformationAmount) <= 1"),
            ),
            Rule(
                "CII-SR-489",
                Test::Path("count(ram:TotalDepositFeeInformationAmount) <= 1"),
            ),
            Rule(
                "CII-SR-490",
                Test::Path("count(ram:ProductValueExcludingTobaccoTaxInformationAmount) <= 1"),
            ),
            Rule(
                "CII-SR-491",
                Test::Path("count(ram:TotalRetailValueInformationAmount) <= 1"),
            ),
            Rule(
                "CII-SR-492",
                Test::Path("count(ram:GrossLineTotalAmount) <= 1"),
            ),
            Rule(
                "CII-SR-493",
                Test::Path("count(ram:NetLineTotalAmount) <= 1"),
            ),
            Rule(
                "CII-SR-494",
                Test::Path("count(ram:NetIncludingTaxesLineTotalAmount) <= 1"),
            ),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice",
        rules: &[
            Rule("CII-DT-013", Test::Path("not(@languageID)")),
            Rule("CII-DT-014", Test::Path("not(@languageLocaleID)")),
            Rule(
                "CII-SR-438",
                Test::Path("not(ram:ValuationBreakdownStatement)"),
            ),
            Rule(
                "CII-SR-467",
                Test::Custom(
                    "count(//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode[normalize-space(.) != normalize-space((//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode)[1])]) = 0",
                    custom::sr_467,
                ),
            ),
            Rule(
                "CII-SR-468",
                Test::Custom(
                    "count(//ram:SpecifiedTradeSettlementPaymentMeans/ram:Information[normalize-space(.) != normalize-space((//ram:SpecifiedTradeSettlementPaymentMeans/ram:Information)[1])]) = 0",
                    custom::sr_468,
                ),
            ),
            Rule(
                "CII-SR-469",
                Test::Custom(
                    "count(//ram:ApplicableHeaderTradeSettlement/ram:PaymentReference) <= 1",
                    custom::sr_469,
                ),
            ),
        ],
    },
    Context {
        pattern: "//*[ends-with(name(), 'DocumentContextParameter')]",
        rules: &[
            Rule("CII-SR-04", Test::Path("not(ram:Value)")),
            Rule("CII-SR-05", Test::Path("not(ram:SpecifiedDocumentVersion)")),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID | /rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID | /rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:AssociatedDocumentLineDocument/ram:LineID | /rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:SellerAssignedID",
        rules: &[
            Rule("CII-DT-001", Test::Path("not(@schemeName)")),
            Rule("CII-DT-002", Test::Path("not(@schemeAgencyName)")),
            Rule("CII-DT-003", Test::Path("not(@schemeDataURI)")),
            Rule("CII-DT-004", Test::Path("not(@schemeURI)")),
            Rule("CII-DT-005", Test::Path("not(@schemeID)")),
            Rule("CII-DT-006", Test::Path("not(@schemeAgencyID)")),
            Rule("CII-DT-007", Test::Path("not(@schemeVersionID)")),
        ],
    },
    Context {
        pattern: "//ram:*[ends-with(name(), 'ID')]",
        rules: &[
            Rule("CII-DT-101", Test::Path("not(@schemeName)")),
            Rule("CII-DT-102", Test::Path("not(@schemeAgencyName)")),
            Rule("CII-DT-103", Test::Path("not(@schemeDataURI)")),
            Rule("CII-DT-104", Test::Path("not(@schemeURI)")),
        ],
    },
    Context {
        pattern: "//ram:TypeCode",
        rules: &[
            Rule("CII-DT-008", Test::Path("not(@name)")),
            Rule("CII-DT-009", Test::Path("not(@listURI)")),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode",
        rules: &[
            Rule("CII-DT-010", Test::Path("not(@listID)")),
            Rule("CII-DT-011", Test::Path("not(@listAgencyID)")),
            Rule("CII-DT-012", Test::Path("not(@listVersionID)")),
        ],
    },
    Context {
        pattern: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode",
        rules: &[
            Rule("CII-DT-045", Test::Path("not(@listID)")),
            Rule("CII-DT-046", Test::Path("not(@listAgencyID)")),
            Rule("CII-DT-047", Test::Path("not(@listVersionID)")),
            Rule("CII-DT-048", Test::Path("not(@listURI)")),
        ],
    },
    Context {
        pattern: "//ram:*[ends-with(name(), 'ReferencedDocument')]",
        rules: &[
            Rule(
                "CII-DT-015",
                Test::Custom(
                    "not(ram:URIID) or (self::ram:AdditionalReferencedDocument and ram:TypeCode='916')",
                    custom::dt_015,
                ),
            ),
            Rule("CII-DT-016", Test::Path("not(ram:StatusCode)")),
            Rule("CII-DT-017", Test::Path("not(ram:CopyIndicator)")),
            Rule(
                "CII-DT-018",
                Test::Custom(
                    "not(ram:TypeCode) or (self::ram:AdditionalReferencedDocument) and (ram:TypeCode='50' or ram:TypeCode='130' or ram:TypeCode='916')",
                    custom::dt_018,
                ),
            ),
            Rule("CII-DT-019", Test::Path("not(ram:GlobalID)")),
            Rule("CII-DT-020", Test::Path("not(ram:RevisionID)")),
            Rule(
                "CII-DT-021",
                Test::Custom(
                    "not(ram:Name) or (self::ram:AdditionalReferencedDocument and ram:TypeCode='916')",
                    custom::dt_021,
                ),
            ),
            Rule(
                "CII-DT-022",
                Test::Custom(
                    "not(ram:AttachmentBinaryObject) or (self::ram:AdditionalReferencedDocument and ram:TypeCode='916')",
                    custom::dt_022,
                ),
            ),
            Rule("CII-DT-023", Test::Path("not(ram:Information)")),
            Rule(
                "CII-DT-024",
                Test::Custom(
                    "not(ram:ReferenceTypeCode) or (self::ram:AdditionalReferencedDocument and ram:TypeCode='130')",
                    custom::dt_024,
                ),
            ),
            Rule("CII-DT-025", Test::Path("not(ram:SectionName)")),
            Rule("CII-DT-026", Test::Path("not(ram:PreviousRevisionID)")),
            Rule(
                "CII-DT-027",
                Test::Custom(
                    "not(ram:FormattedIssueDateTime) or self::ram:InvoiceReferencedDocument",
                    custom::dt_027,
                ),
            ),
            Rule(
                "CII-DT-028",
                Test::Path("not(ram:EffectiveSpecifiedPeriod)"),
            ),
            Rule("CII-DT-029", Test::Path("not(ram:IssuerTradeParty)")),
            Rule(
                "CII-DT-030",
                Test::Path("not(ram:AttachedSpecifiedBinaryFile)"),
            ),
        ],
    },
    Context {
        pattern: "//ram:*[ends-with(name(), 'Amount') and not (self::ram:TaxTotalAmount)]",
        rules: &[
            Rule("CII-DT-031", Test::Path("not(@currencyID)")),
            Rule("CII-DT-032", Test::Path("not(@currencyCodeListVersionID)")),
        ],
    },
    Context {
        pattern: "//ram:*[ends-with(name(), 'Quantity')]",
        rules: &[
            Rule(
                "CII-DT-033",
                Test::Custom(
                    "not(@unitCode) or (/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/@unitCode)",
                    custom::dt_033,
                ),
            ),
            Rule("CII-DT-034", Test::Path("not(@unitCodeListID)")),
            Rule("CII-DT-035", Test::Path("not(@unitCodeListAgencyID)")),
            Rule("CII-DT-036", Test::Path("not(@unitCodeListAgencyName)")),
        ],
    },
    Context {
        pattern: "//ram:*[ends-with(name(), 'TradeTax')]",
        rules: &[
            Rule(
                "CII-DT-037",
                Test::Custom(
                    "not(ram:TypeCode) or (ram:TypeCode = 'VAT')",
                    custom::dt_037,
                ),
            ),
            Rule("CII-DT-038", Test::Path("not(ram:CalculatedRate)")),
            Rule(
                "CII-DT-039",
                Test::Path("not(ram:CalculationSequenceNumeric)"),
            ),
            Rule("CII-DT-040", Test::Path("not(ram:BasisQuantity)")),
            Rule(
                "CII-DT-041",
                Test::Custom(
                    "not(ram:BasisAmount) or (ancestor::ram:ApplicableHeaderTradeSettlement)",
                    custom::dt_041,
                ),
            ),
            Rule("CII-DT-042", Test::Path("not(ram:UnitBasisAmount)")),
            Rule("CII-DT-043", Test::Path("not(ram:LineTotalBasisAmount)")),
            Rule(
                "CII-DT-044",
                Test::Path("not(ram:AllowanceChargeBasisAmount)"),
            ),
            Rule("CII-DT-049", Test::Path("not(ram:CurrencyCode)")),
            Rule("CII-DT-050", Test::Path("not(ram:Jurisdiction)")),
            Rule("CII-DT-051", Test::Path("not(ram:CustomsDutyIndicator)")),
            Rule(
                "CII-DT-052",
                Test::Custom(
                    "not(ram:ExemptionReasonCode) or self::ram:ApplicableTradeTax",
                    custom::dt_052,
                ),
            ),
            Rule(
                "CII-DT-098",
                Test::Custom(
                    "not(ram:ExemptionReason) or self::ram:ApplicableTradeTax",
                    custom::dt_098,
                ),
            ),
            Rule("CII-DT-053", Test::Path("not(ram:TaxBasisAllowanceRate)")),
            Rule(
                "CII-DT-054",
                Test::Custom(
                    "not(ram:TaxPointDate) or (ancestor::ram:ApplicableHeaderTradeSettlement)",
                    custom::dt_054,
                ),
            ),
            Rule("CII-DT-055", Test::Path("not(ram:Type)")),
            Rule("CII-DT-056", Test::Path("not(ram:InformationAmount)")),
            Rule("CII-DT-057", Test::Path("not(ram:CategoryName)")),
            Rule(
                "CII-DT-058",
                Test::Custom(
                    "not(ram:DueDateTypeCode) or (ancestor::ram:ApplicableHeaderTradeSettlement)",
                    custom::dt_058,
                ),
            ),
            Rule(
                "CII-DT-059",
                Test::Path("not(ram:RateApplicablePercent/@format)"),
            ),
            Rule(
                "CII-DT-060",
                Test::Path("not(ram:SpecifiedTradeAccountingAccount)"),
            ),
            Rule(
                "CII-DT-061",
                Test::Path("not(ram:ServiceSupplyTradeCountry)"),
            ),
            Rule(
                "CII-DT-062",
                Test::Path("not(ram:BuyerRepayableTaxSpecifiedTradeAccountingAccount)"),
            ),
            Rule(
                "CII-DT-063",
                Test::Path("not(ram:SellerPayableTaxSpecifiedTradeAccountingAccount)"),
            ),
            Rule(
                "CII-DT-064",
                Test::Path("not(ram:SellerRefundableTaxSpecifiedTradeAccountingAccount)"),
            ),
            Rule(
                "CII-DT-065",
                Test::Path("not(ram:BuyerDeductibleTaxSpecifiedTradeAccountingAccount)"),
            ),
            Rule(
                "CII-DT-066",
                Test::Path("not(ram:BuyerNonDeductibleTaxSpecifiedTradeAccountingAccount)"),
            ),
            Rule(
                "CII-DT-067",
                Test::Path("not(ram:PlaceApplicableTradeLocation)"),
            ),
        ],
    },
    Context {
        pattern: "//ram:BillingSpecifiedPeriod",
        rules: &[
            Rule(
                "CII-DT-068",
                Test::Path("not(ram:StartDateTime/udt:DateTime)"),
            ),
            Rule("CII-DT-069", Test::Path("not(ram:DurationMeasure)")),
            Rule("CII-DT-070", Test::Path("not(ram:InclusiveIndicator)")),
            Rule("CII-DT-071", Test::Path("not(ram:Description)")),
            Rule(
                "CII-DT-072",
                Test::Path("not(ram:EndDateTime/udt:DateTime)"),
            ),
            Rule("CII-DT-073", Test::Path("not(ram:CompleteDateTime)")),
            Rule("CII-DT-074", Test::Path("not(ram:OpenIndicator)")),
            Rule("CII-DT-075", Test::Path("not(ram:SeasonCode)")),
            Rule("CII-DT-076", Test::Path("not(ram:ID)")),
            Rule("CII-DT-077", Test::Path("not(ram:Name)")),
            Rule("CII-DT-078", Test::Path("not(ram:SequenceNumeric)")),
            Rule(
                "CII-DT-079",
                Test::Path("not(ram:StartDateFlexibilityCode)"),
            ),
            Rule("CII-DT-080", Test::Path("not(ram:ContinuousIndicator)")),
            Rule("CII-DT-081", Test::Path("not(ram:PurposeCode)")),
        ],
    },
    Context {
        pattern: "//ram:PostalTradeAddress",
        rules: &[
            Rule("CII-DT-082", Test::Path("not(ram:ID)")),
            Rule("CII-DT-083", Test::Path("not(ram:PostOfficeBox)")),
            Rule("CII-DT-084", Test::Path("not(ram:BuildingName)")),
            Rule("CII-DT-086", Test::Path("not(ram:LineFour)")),
            Rule("CII-DT-087", Test::Path("not(ram:LineFive)")),
            Rule("CII-DT-088", Test::Path("not(ram:StreetName)")),
            Rule("CII-DT-089", Test::Path("not(ram:CitySubDivisionName)")),
            Rule("CII-DT-090", Test::Path("not(ram:CountryName)")),
            Rule("CII-DT-091", Test::Path("not(ram:CountrySubDivisionID)")),
            Rule("CII-DT-092", Test::Path("not(ram:AttentionOf)")),
            Rule("CII-DT-093", Test::Path("not(ram:CareOf)")),
            Rule("CII-DT-094", Test::Path("not(ram:BuildingNumber)")),
            Rule("CII-DT-095", Test::Path("not(ram:DepartmentName)")),
            Rule("CII-DT-096", Test::Path("not(ram:AdditionalStreetName)")),
        ],
    },
    Context {
        pattern: "//udt:DateTimeString[@format = '102']",
        rules: &[Rule(
            "CII-DT-097",
            Test::Custom(
                "matches(.,'^\\s*(\\d{4})(1[0-2]|0[1-9]){1}(3[01]|[12][0-9]|0[1-9]){1}\\s*$')",
                custom::dt_097,
            ),
        )],
    },
];

/// Every id of the table, in catalogue order.
pub(super) const IDS: &[&str] = &[
    "CII-DT-001",
    "CII-DT-002",
    "CII-DT-003",
    "CII-DT-004",
    "CII-DT-005",
    "CII-DT-006",
    "CII-DT-007",
    "CII-DT-008",
    "CII-DT-009",
    "CII-DT-010",
    "CII-DT-011",
    "CII-DT-012",
    "CII-DT-013",
    "CII-DT-014",
    "CII-DT-015",
    "CII-DT-016",
    "CII-DT-017",
    "CII-DT-018",
    "CII-DT-019",
    "CII-DT-020",
    "CII-DT-021",
    "CII-DT-022",
    "CII-DT-023",
    "CII-DT-024",
    "CII-DT-025",
    "CII-DT-026",
    "CII-DT-027",
    "CII-DT-028",
    "CII-DT-029",
    "CII-DT-030",
    "CII-DT-031",
    "CII-DT-032",
    "CII-DT-033",
    "CII-DT-034",
    "CII-DT-035",
    "CII-DT-036",
    "CII-DT-037",
    "CII-DT-038",
    "CII-DT-039",
    "CII-DT-040",
    "CII-DT-041",
    "CII-DT-042",
    "CII-DT-043",
    "CII-DT-044",
    "CII-DT-045",
    "CII-DT-046",
    "CII-DT-047",
    "CII-DT-048",
    "CII-DT-049",
    "CII-DT-050",
    "CII-DT-051",
    "CII-DT-052",
    "CII-DT-053",
    "CII-DT-054",
    "CII-DT-055",
    "CII-DT-056",
    "CII-DT-057",
    "CII-DT-058",
    "CII-DT-059",
    "CII-DT-060",
    "CII-DT-061",
    "CII-DT-062",
    "CII-DT-063",
    "CII-DT-064",
    "CII-DT-065",
    "CII-DT-066",
    "CII-DT-067",
    "CII-DT-068",
    "CII-DT-069",
    "CII-DT-070",
    "CII-DT-071",
    "CII-DT-072",
    "CII-DT-073",
    "CII-DT-074",
    "CII-DT-075",
    "CII-DT-076",
    "CII-DT-077",
    "CII-DT-078",
    "CII-DT-079",
    "CII-DT-080",
    "CII-DT-081",
    "CII-DT-082",
    "CII-DT-083",
    "CII-DT-084",
    "CII-DT-086",
    "CII-DT-087",
    "CII-DT-088",
    "CII-DT-089",
    "CII-DT-090",
    "CII-DT-091",
    "CII-DT-092",
    "CII-DT-093",
    "CII-DT-094",
    "CII-DT-095",
    "CII-DT-096",
    "CII-DT-097",
    "CII-DT-098",
    "CII-DT-101",
    "CII-DT-102",
    "CII-DT-103",
    "CII-DT-104",
    "CII-SR-001",
    "CII-SR-002",
    "CII-SR-003",
    "CII-SR-04",
    "CII-SR-05",
    "CII-SR-006",
    "CII-SR-007",
    "CII-SR-008",
    "CII-SR-009",
    "CII-SR-010",
    "CII-SR-011",
    "CII-SR-012",
    "CII-SR-013",
    "CII-SR-014",
    "CII-SR-015",
    "CII-SR-016",
    "CII-SR-017",
    "CII-SR-018",
    "CII-SR-019",
    "CII-SR-020",
    "CII-SR-021",
    "CII-SR-022",
    "CII-SR-023",
    "CII-SR-024",
    "CII-SR-025",
    "CII-SR-026",
    "CII-SR-027",
    "CII-SR-028",
    "CII-SR-030",
    "CII-SR-032",
    "CII-SR-033",
    "CII-SR-034",
    "CII-SR-035",
    "CII-SR-036",
    "CII-SR-037",
    "CII-SR-038",
    "CII-SR-039",
    "CII-SR-040",
    "CII-SR-041",
    "CII-SR-042",
    "CII-SR-043",
    "CII-SR-044",
    "CII-SR-045",
    "CII-SR-046",
    "CII-SR-048",
    "CII-SR-049",
    "CII-SR-050",
    "CII-SR-051",
    "CII-SR-052",
    "CII-SR-053",
    "CII-SR-054",
    "CII-SR-055",
    "CII-SR-056",
    "CII-SR-057",
    "CII-SR-058",
    "CII-SR-059",
    "CII-SR-060",
    "CII-SR-061",
    "CII-SR-062",
    "CII-SR-063",
    "CII-SR-064",
    "CII-SR-065",
    "CII-SR-066",
    "CII-SR-067",
    "CII-SR-068",
    "CII-SR-069",
    "CII-SR-070",
    "CII-SR-071",
    "CII-SR-072",
    "CII-SR-073",
    "CII-SR-074",
    "CII-SR-075",
    "CII-SR-076",
    "CII-SR-077",
    "CII-SR-078",
    "CII-SR-079",
    "CII-SR-080",
    "CII-SR-081",
    "CII-SR-082",
    "CII-SR-083",
    "CII-SR-084",
    "CII-SR-085",
    "CII-SR-086",
    "CII-SR-087",
    "CII-SR-088",
    "CII-SR-089",
    "CII-SR-090",
    "CII-SR-091",
    "CII-SR-092",
    "CII-SR-093",
    "CII-SR-094",
    "CII-SR-095",
    "CII-SR-096",
    "CII-SR-097",
    "CII-SR-098",
    "CII-SR-099",
    "CII-SR-100",
    "CII-SR-101",
    "CII-SR-102",
    "CII-SR-103",
    "CII-SR-104",
    "CII-SR-105",
    "CII-SR-106",
    "CII-SR-107",
    "CII-SR-108",
    "CII-SR-109",
    "CII-SR-110",
    "CII-SR-111",
    "CII-SR-112",
    "CII-SR-113",
    "CII-SR-114",
    "CII-SR-115",
    "CII-SR-116",
    "CII-SR-117",
    "CII-SR-118",
    "CII-SR-119",
    "CII-SR-120",
    "CII-SR-121",
    "CII-SR-122",
    "CII-SR-123",
    "CII-SR-124",
    "CII-SR-125",
    "CII-SR-126",
    "CII-SR-127",
    "CII-SR-128",
    "CII-SR-129",
    "CII-SR-130",
    "CII-SR-131",
    "CII-SR-132",
    "CII-SR-133",
    "CII-SR-134",
    "CII-SR-135",
    "CII-SR-136",
    "CII-SR-138",
    "CII-SR-139",
    "CII-SR-140",
    "CII-SR-141",
    "CII-SR-142",
    "CII-SR-143",
    "CII-SR-144",
    "CII-SR-145",
    "CII-SR-146",
    "CII-SR-147",
    "CII-SR-148",
    "CII-SR-149",
    "CII-SR-150",
    "CII-SR-151",
    "CII-SR-152",
    "CII-SR-153",
    "CII-SR-154",
    "CII-SR-155",
    "CII-SR-156",
    "CII-SR-157",
    "CII-SR-158",
    "CII-SR-159",
    "CII-SR-160",
    "CII-SR-161",
    "CII-SR-162",
    "CII-SR-163",
    "CII-SR-164",
    "CII-SR-165",
    "CII-SR-166",
    "CII-SR-167",
    "CII-SR-168",
    "CII-SR-169",
    "CII-SR-170",
    "CII-SR-171",
    "CII-SR-172",
    "CII-SR-173",
    "CII-SR-174",
    "CII-SR-175",
    "CII-SR-176",
    "CII-SR-177",
    "CII-SR-178",
    "CII-SR-179",
    "CII-SR-180",
    "CII-SR-181",
    "CII-SR-182",
    "CII-SR-183",
    "CII-SR-184",
    "CII-SR-185",
    "CII-SR-186",
    "CII-SR-187",
    "CII-SR-188",
    "CII-SR-189",
    "CII-SR-190",
    "CII-SR-191",
    "CII-SR-192",
    "CII-SR-193",
    "CII-SR-194",
    "CII-SR-195",
    "CII-SR-196",
    "CII-SR-197",
    "CII-SR-198",
    "CII-SR-199",
    "CII-SR-200",
    "CII-SR-201",
    "CII-SR-202",
    "CII-SR-203",
    "CII-SR-204",
    "CII-SR-205",
    "CII-SR-206",
    "CII-SR-207",
    "CII-SR-208",
    "CII-SR-209",
    "CII-SR-210",
    "CII-SR-212",
    "CII-SR-213",
    "CII-SR-214",
    "CII-SR-215",
    "CII-SR-216",
    "CII-SR-217",
    "CII-SR-218",
    "CII-SR-219",
    "CII-SR-220",
    "CII-SR-221",
    "CII-SR-222",
    "CII-SR-223",
    "CII-SR-224",
    "CII-SR-225",
    "CII-SR-226",
    "CII-SR-227",
    "CII-SR-228",
    "CII-SR-229",
    "CII-SR-230",
    "CII-SR-231",
    "CII-SR-232",
    "CII-SR-233",
    "CII-SR-234",
    "CII-SR-235",
    "CII-SR-236",
    "CII-SR-237",
    "CII-SR-238",
    "CII-SR-239",
    "CII-SR-240",
    "CII-SR-241",
    "CII-SR-242",
    "CII-SR-243",
    "CII-SR-244",
    "CII-SR-245",
    "CII-SR-246",
    "CII-SR-247",
    "CII-SR-248",
    "CII-SR-249",
    "CII-SR-250",
    "CII-SR-251",
    "CII-SR-252",
    "CII-SR-254",
    "CII-SR-255",
    "CII-SR-256",
    "CII-SR-257",
    "CII-SR-258",
    "CII-SR-259",
    "CII-SR-260",
    "CII-SR-261",
    "CII-SR-262",
    "CII-SR-263",
    "CII-SR-264",
    "CII-SR-265",
    "CII-SR-266",
    "CII-SR-267",
    "CII-SR-268",
    "CII-SR-269",
    "CII-SR-270",
    "CII-SR-271",
    "CII-SR-272",
    "CII-SR-273",
    "CII-SR-274",
    "CII-SR-275",
    "CII-SR-276",
    "CII-SR-277",
    "CII-SR-278",
    "CII-SR-279",
    "CII-SR-280",
    "CII-SR-281",
    "CII-SR-282",
    "CII-SR-283",
    "CII-SR-284",
    "CII-SR-285",
    "CII-SR-286",
    "CII-SR-287",
    "CII-SR-288",
    "CII-SR-289",
    "CII-SR-290",
    "CII-SR-291",
    "CII-SR-292",
    "CII-SR-293",
    "CII-SR-294",
    "CII-SR-295",
    "CII-SR-296",
    "CII-SR-297",
    "CII-SR-298",
    "CII-SR-299",
    "CII-SR-300",
    "CII-SR-301",
    "CII-SR-302",
    "CII-SR-303",
    "CII-SR-304",
    "CII-SR-305",
    "CII-SR-306",
    "CII-SR-307",
    "CII-SR-308",
    "CII-SR-309",
    "CII-SR-310",
    "CII-SR-311",
    "CII-SR-312",
    "CII-SR-313",
    "CII-SR-314",
    "CII-SR-315",
    "CII-SR-316",
    "CII-SR-317",
    "CII-SR-318",
    "CII-SR-319",
    "CII-SR-320",
    "CII-SR-321",
    "CII-SR-322",
    "CII-SR-323",
    "CII-SR-324",
    "CII-SR-325",
    "CII-SR-326",
    "CII-SR-327",
    "CII-SR-328",
    "CII-SR-329",
    "CII-SR-330",
    "CII-SR-331",
    "CII-SR-332",
    "CII-SR-333",
    "CII-SR-334",
    "CII-SR-335",
    "CII-SR-336",
    "CII-SR-337",
    "CII-SR-338",
    "CII-SR-339",
    "CII-SR-340",
    "CII-SR-341",
    "CII-SR-342",
    "CII-SR-344",
    "CII-SR-345",
    "CII-SR-346",
    "CII-SR-347",
    "CII-SR-348",
    "CII-SR-349",
    "CII-SR-350",
    "CII-SR-351",
    "CII-SR-352",
    "CII-SR-353",
    "CII-SR-354",
    "CII-SR-355",
    "CII-SR-356",
    "CII-SR-357",
    "CII-SR-358",
    "CII-SR-359",
    "CII-SR-360",
    "CII-SR-361",
    "CII-SR-362",
    "CII-SR-363",
    "CII-SR-364",
    "CII-SR-365",
    "CII-SR-366",
    "CII-SR-367",
    "CII-SR-368",
    "CII-SR-369",
    "CII-SR-370",
    "CII-SR-371",
    "CII-SR-372",
    "CII-SR-373",
    "CII-SR-375",
    "CII-SR-376",
    "CII-SR-377",
    "CII-SR-378",
    "CII-SR-379",
    "CII-SR-380",
    "CII-SR-381",
    "CII-SR-382",
    "CII-SR-384",
    "CII-SR-385",
    "CII-SR-386",
    "CII-SR-388",
    "CII-SR-389",
    "CII-SR-390",
    "CII-SR-391",
    "CII-SR-392",
    "CII-SR-393",
    "CII-SR-394",
    "CII-SR-395",
    "CII-SR-396",
    "CII-SR-397",
    "CII-SR-398",
    "CII-SR-399",
    "CII-SR-400",
    "CII-SR-401",
    "CII-SR-402",
    "CII-SR-404",
    "CII-SR-405",
    "CII-SR-406",
    "CII-SR-407",
    "CII-SR-408",
    "CII-SR-409",
    "CII-SR-411",
    "CII-SR-412",
    "CII-SR-413",
    "CII-SR-414",
    "CII-SR-415",
    "CII-SR-416",
    "CII-SR-417",
    "CII-SR-418",
    "CII-SR-419",
    "CII-SR-420",
    "CII-SR-421",
    "CII-SR-422",
    "CII-SR-423",
    "CII-SR-424",
    "CII-SR-425",
    "CII-SR-426",
    "CII-SR-427",
    "CII-SR-428",
    "CII-SR-429",
    "CII-SR-430",
    "CII-SR-431",
    "CII-SR-432",
    "CII-SR-433",
    "CII-SR-434",
    "CII-SR-435",
    "CII-SR-436",
    "CII-SR-437",
    "CII-SR-438",
    "CII-SR-439",
    "CII-SR-440",
    "CII-SR-441",
    "CII-SR-442",
    "CII-SR-443",
    "CII-SR-444",
    "CII-SR-445",
    "CII-SR-446",
    "CII-SR-447",
    "CII-SR-448",
    "CII-SR-449",
    "CII-SR-450",
    "CII-SR-451",
    "CII-SR-452",
    "CII-SR-453",
    "CII-SR-454",
    "CII-SR-455",
    "CII-SR-456",
    "CII-SR-457",
    "CII-SR-458",
    "CII-SR-459",
    "CII-SR-460",
    "CII-SR-461",
    "CII-SR-462",
    "CII-SR-463",
    "CII-SR-464",
    "CII-SR-465",
    "CII-SR-466",
    "CII-SR-467",
    "CII-SR-468",
    "CII-SR-469",
    "CII-SR-470",
    "CII-SR-471",
    "CII-SR-472",
    "CII-SR-473",
    "CII-SR-474",
    "CII-SR-475",
    "CII-SR-476",
    "CII-SR-477",
    "CII-SR-478",
    "CII-SR-479",
    "CII-SR-480",
    "CII-SR-481",
    "CII-SR-482",
    "CII-SR-483",
    "CII-SR-484",
    "CII-SR-485",
    "CII-SR-486",
    "CII-SR-487",
    "CII-SR-488",
    "CII-SR-489",
    "CII-SR-490",
    "CII-SR-491",
    "CII-SR-492",
    "CII-SR-493",
    "CII-SR-494",
];
