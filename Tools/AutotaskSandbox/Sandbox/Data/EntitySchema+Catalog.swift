extension EntitySchema {
    /// The schema of every served entity, indexed by `EntityKind.rawValue`.
    static let catalog: [EntitySchema] = EntityKind.allCases.map { schema(for: $0) }

    /// The schema of one entity.
    static func of(_ kind: EntityKind) -> EntitySchema {
        catalog[kind.rawValue]
    }

    private static func schema(for kind: EntityKind) -> EntitySchema {
        switch kind {
        case .companies:
            return EntitySchema(
                kind: kind, fields: companyFields,
                udfs: [
                    UDFDefinition(name: "NAV ID", type: .string, description: "Customer number in the finance system"),
                    UDFDefinition(name: "Customer Tier", type: .string, description: "Service tier"),
                ],
                supportsWebhookCallouts: true)
        case .contracts:
            return EntitySchema(
                kind: kind, fields: contractFields,
                udfs: [
                    UDFDefinition(name: "LCI Owner", type: .string, description: "Who reviews the contract"),
                    UDFDefinition(name: "Renewal Notice Days", type: .double, description: "Days of notice"),
                ])
        case .contractServices:
            return EntitySchema(kind: kind, fields: contractServiceFields)
        case .contractServiceUnits:
            return EntitySchema(kind: kind, fields: contractServiceUnitFields, canCreate: false, canUpdate: false)
        case .contractServiceBundles:
            return EntitySchema(kind: kind, fields: contractServiceBundleFields)
        case .services:
            return EntitySchema(kind: kind, fields: serviceFields)
        case .configurationItems:
            return EntitySchema(
                kind: kind, fields: configurationItemFields,
                udfs: [
                    UDFDefinition(name: "Warranty Provider", type: .string, description: "Who honours the warranty"),
                    UDFDefinition(name: "Asset Tag", type: .string, description: "The physical asset tag"),
                ],
                supportsWebhookCallouts: true)
        case .products:
            return EntitySchema(kind: kind, fields: productFields)
        }
    }

    private static let companyFields: [FieldDefinition] = [
        .string("companyName", 100, required: true), .string("companyNumber", 50),
        .integer("companyType", required: true, picklist: Picklists.companyType), .boolean("isActive"),
        .integer("parentCompanyID", reference: "Company"),
        .integer("ownerResourceID", required: true, reference: "Resource"),
        .string("phone", 25, required: true), .integer("classification", picklist: Picklists.companyClassification),
        .integer("companyCategoryID"), .integer("marketSegmentID"), .integer("territoryID"),
        .integer("competitorID"), .string("address1", 150), .string("address2", 150),
        .string("additionalAddressInformation", 100), .string("city", 50), .string("state", 25),
        .string("postalCode", 20), .integer("countryID", reference: "Country"), .string("billingAddress1", 150),
        .string("billingAddress2", 150), .string("billToAdditionalAddressInformation", 100),
        .integer("billToAddressToUse"), .string("billToAttention", 50), .string("billToCity", 50),
        .integer("billToCompanyLocationID"), .integer("billToCountryID", reference: "Country"),
        .string("billToState", 25), .string("billToZipCode", 10), .string("alternatePhone1", 25),
        .string("alternatePhone2", 25), .string("fax", 25), .string("webAddress", 255), .string("taxID", 50),
        .integer("taxRegionID"), .boolean("isTaxExempt"), .integer("currencyID"), .integer("invoiceEmailMessageID"),
        .integer("invoiceMethod"), .integer("invoiceTemplateID"), .boolean("invoiceNonContractItemsToParentCompany"),
        .integer("quoteEmailMessageID"), .integer("quoteTemplateID"), .integer("purchaseOrderTemplateID"),
        .boolean("isClientPortalActive"), .boolean("isEnabledForComanaged"), .boolean("isTaskFireActive"),
        .boolean("isSample"), .string("sicCode", 32), .string("stockMarket", 10), .string("stockSymbol", 10),
        .double("surveyCompanyRating"), .double("assetValue"), .integer("apiVendorID"),
        .integer("createdByResourceID", readOnly: true, reference: "Resource"),
        .integer("impersonatorCreatorResourceID", readOnly: true, reference: "Resource"),
        .datetime("createDate", readOnly: true), .datetime("lastActivityDate", readOnly: true),
        .datetime("lastTrackedModifiedDateTime", readOnly: true),
    ]

    private static let contractFields: [FieldDefinition] = [
        .integer("billingPreference", picklist: Picklists.billingPreference), .integer("billToCompanyContactID"),
        .integer("billToCompanyID", reference: "Company"), .integer("companyID", required: true, reference: "Company"),
        .integer("contactID", reference: "Contact"), .string("contactName", 250),
        .integer("contractCategory", picklist: Picklists.contractCategory), .integer("contractExclusionSetID"),
        .string("contractName", 100, required: true), .string("contractNumber", 50),
        .integer("contractPeriodType", readOnly: true, picklist: Picklists.periodType),
        .integer("contractType", required: true, picklist: Picklists.contractType),
        .string("description", 2000), .date("endDate", required: true), .double("estimatedCost"),
        .double("estimatedHours"), .double("estimatedRevenue"), .long("exclusionContractID", reference: "Contract"),
        .double("internalCurrencyOverageBillingRate"), .double("internalCurrencySetupFee"), .boolean("isCompliant"),
        .boolean("isDefaultContract"), .datetime("lastModifiedDateTime", readOnly: true), .integer("opportunityID"),
        .integer("organizationalLevelAssociationID"), .double("overageBillingRate"),
        .string("purchaseOrderNumber", 50), .long("renewedContractID", readOnly: true, reference: "Contract"),
        .integer("serviceLevelAgreementID", picklist: Picklists.serviceLevelAgreement), .double("setupFee"),
        .long("setupFeeBillingCodeID"), .date("startDate", required: true),
        .integer("status", required: true, picklist: Picklists.contractStatus),
        .integer("timeReportingRequiresStartAndStopTimes", required: true),
    ]

    private static let contractServiceFields: [FieldDefinition] = [
        .double("adjustedPrice"), .integer("contractID", required: true, reference: "Contract"),
        .double("internalCurrencyAdjustedPrice"), .double("internalCurrencyUnitPrice"),
        .string("internalDescription", 1000), .string("invoiceDescription", 1000), .long("quoteItemID"),
        .integer("serviceID", required: true, reference: "Service"), .double("unitCost"), .double("unitPrice"),
    ]

    private static let contractServiceUnitFields: [FieldDefinition] = [
        .datetime("approveAndPostDate", readOnly: true), .integer("contractID", readOnly: true, reference: "Contract"),
        .integer("contractServiceID", readOnly: true, reference: "ContractService"), .double("cost"),
        .date("endDate"), .double("internalCurrencyPrice"), .integer("organizationalLevelAssociationID"),
        .double("price"), .integer("serviceID", readOnly: true, reference: "Service"), .date("startDate"),
        .integer("units"), .integer("vendorCompanyID", reference: "Company"),
    ]

    private static let contractServiceBundleFields: [FieldDefinition] = [
        .double("adjustedPrice"), .integer("contractID", required: true, reference: "Contract"),
        .double("internalCurrencyAdjustedPrice"), .double("internalCurrencyUnitPrice"),
        .string("internalDescription", 1000), .string("invoiceDescription", 1000), .long("quoteItemID"),
        .integer("serviceBundleID", required: true, reference: "ServiceBundle"), .double("unitPrice"),
    ]

    private static let serviceFields: [FieldDefinition] = [
        .integer("billingCodeID", required: true, reference: "BillingCode"), .string("catalogNumberPartNumber", 50),
        .datetime("createDate", readOnly: true), .integer("creatorResourceID", readOnly: true, reference: "Resource"),
        .string("description", 400), .string("externalID", 50), .string("internalID", 50),
        .string("invoiceDescription", 1000), .boolean("isActive"), .datetime("lastModifiedDate", readOnly: true),
        .integer("manufacturerServiceProvider"), .string("manufacturerServiceProviderProductNumber", 50),
        .double("markupRate"), .string("name", 150, required: true),
        .integer("periodType", required: true, picklist: Picklists.periodType),
        .long("serviceLevelAgreementID"), .string("sku", 50), .double("unitCost"),
        .double("unitPrice", required: true), .integer("updateResourceID", readOnly: true, reference: "Resource"),
        .string("url", 500), .integer("vendorCompanyID", reference: "Company"),
    ]

    private static let configurationItemFields: [FieldDefinition] = [
        .integer("apiVendorID"), .integer("companyID", required: true, reference: "Company"),
        .integer("companyLocationID"),
        .integer("configurationItemCategoryID", picklist: Picklists.configurationItemCategory),
        .integer("configurationItemType", picklist: Picklists.configurationItemType),
        .integer("contactID", reference: "Contact"), .integer("contractID", reference: "Contract"),
        .integer("contractServiceBundleID", reference: "ContractServiceBundle"),
        .integer("contractServiceID", reference: "ContractService"), .datetime("createDate", readOnly: true),
        .integer("createdByPersonID", readOnly: true), .double("dailyCost"), .double("hourlyCost"),
        .date("installDate"), .integer("installedByContactID"), .integer("installedByID"),
        .boolean("isActive", required: true), .integer("lastActivityPersonID", readOnly: true),
        .integer("lastActivityPersonType", readOnly: true), .datetime("lastModifiedTime", readOnly: true),
        .string("location", 100), .double("monthlyCost"), .string("notes", 5000), .double("numberOfUsers"),
        .integer("parentConfigurationItemID", reference: "ConfigurationItem"), .double("perUseCost"),
        .integer("productID", required: true, reference: "Product"), .string("referenceNumber", 50),
        .string("referenceTitle", 200), .string("serialNumber", 100), .integer("serviceBundleID"),
        .integer("serviceID", reference: "Service"), .integer("serviceLevelAgreementID"), .double("setupFee"),
        .integer("sourceChargeID"), .integer("sourceChargeType"), .integer("vendorID", reference: "Company"),
        .date("warrantyExpirationDate"), .integer("impersonatorCreatorResourceID", readOnly: true),
    ]

    private static let productFields: [FieldDefinition] = [
        .integer("billingType"), .integer("chargeBillingCodeID"),
        .integer("createdByResourceID", readOnly: true, reference: "Resource"),
        .datetime("createdTime", readOnly: true),
        .integer("defaultInstalledProductCategoryID"), .integer("defaultVendorID", reference: "Company"),
        .string("description", 8000), .boolean("doesNotRequireProcurement"), .string("externalProductID", 50),
        .integer("impersonatorCreatorResourceID", readOnly: true), .string("internalProductID", 100),
        .boolean("isActive", required: true), .boolean("isEligibleForRma"), .boolean("isSerialized", required: true),
        .string("link", 500), .string("manufacturerName", 100), .string("manufacturerProductName", 100),
        .double("markupRate"), .double("msrp"), .string("name", 100, required: true),
        .integer("periodType", picklist: Picklists.periodType), .integer("priceCostMethod"),
        .integer("productBillingCodeID", required: true),
        .integer("productCategory", picklist: Picklists.productCategory),
        .string("sku", 50), .double("unitCost"), .double("unitPrice"), .string("vendorProductNumber", 50),
    ]
}
