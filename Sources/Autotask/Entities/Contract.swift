import Foundation

/// An Autotask contract (`/Contracts`), with the fields a contract ledger needs.
public struct Contract: AutotaskEntity, Hashable, Codable {
    /// `Contracts`.
    public static let entityPath = "Contracts"

    /// The contract id.
    public var id: Int64
    /// The company the contract belongs to.
    public var companyID: Int64?
    /// The contract's name.
    public var contractName: String?
    /// The contract's number, if the tenant uses them.
    public var contractNumber: String?
    /// The type (picklist): 1 Time & Materials, 3 Fixed Price, 4 Block Hours, 6 Retainer, 7 Recurring Service,
    /// 8 Per Ticket, 9 Umbrella.
    public var contractType: PicklistValue?
    /// The category (picklist, per tenant).
    public var contractCategory: PicklistValue?
    /// The status (picklist): 1 is active.
    public var status: PicklistValue?
    /// The first day of the contract (midnight UTC).
    public var startDate: Date?
    /// The last day of the contract (midnight UTC).
    public var endDate: Date?
    /// The billing period of a recurring service contract (picklist, per tenant).
    public var contractPeriodType: PicklistValue?
    /// The billing preference (picklist, per tenant).
    public var billingPreference: PicklistValue?
    /// The estimated revenue.
    public var estimatedRevenue: Decimal?
    /// The estimated cost.
    public var estimatedCost: Decimal?
    /// The estimated hours.
    public var estimatedHours: Decimal?
    /// The setup fee.
    public var setupFee: Decimal?
    /// The overage billing rate.
    public var overageBillingRate: Decimal?
    /// Whether this is the company's default contract.
    public var isDefaultContract: Bool?
    /// Whether the contract is compliant.
    public var isCompliant: Bool?
    /// The service level agreement.
    public var serviceLevelAgreementID: Int64?
    /// The contact.
    public var contactID: Int64?
    /// The contact's name.
    public var contactName: String?
    /// The company billed, when not the contract's company.
    public var billToCompanyID: Int64?
    /// The billed company's contact.
    public var billToCompanyContactID: Int64?
    /// The opportunity the contract came from.
    public var opportunityID: Int64?
    /// The purchase order number.
    public var purchaseOrderNumber: String?
    /// The exclusion contract.
    public var exclusionContractID: Int64?
    /// The contract this one was renewed as.
    public var renewedContractID: Int64?
    /// The description.
    public var description: String?
    /// When the contract last changed (newer API versions only).
    public var lastModifiedDateTime: Date?
    /// The user-defined fields.
    public var userDefinedFields: [UserDefinedField]
    /// The fields Autotask sent with a value that could not be read (a wrong type, a number out of range,
    /// a date outside 1753-9999); they are `nil` above, which must not be taken as empty.
    public var unreadableFields: [String] = []

    /// Creates a contract; every field but `id` defaults to `nil`.
    public init(
        id: Int64, companyID: Int64? = nil, contractName: String? = nil, userDefinedFields: [UserDefinedField] = []
    ) {
        self.id = id
        self.companyID = companyID
        self.contractName = contractName
        self.userDefinedFields = userDefinedFields
    }

    /// Decodes leniently (see ``AutotaskEntity``).
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        id = try object.id()
        companyID = object.int64("companyID")
        contractName = object.string("contractName")
        contractNumber = object.string("contractNumber")
        contractType = object.picklist("contractType")
        contractCategory = object.picklist("contractCategory")
        status = object.picklist("status")
        startDate = object.date("startDate")
        endDate = object.date("endDate")
        contractPeriodType = object.picklist("contractPeriodType")
        billingPreference = object.picklist("billingPreference")
        estimatedRevenue = object.decimal("estimatedRevenue")
        estimatedCost = object.decimal("estimatedCost")
        estimatedHours = object.decimal("estimatedHours")
        setupFee = object.decimal("setupFee")
        overageBillingRate = object.decimal("overageBillingRate")
        isDefaultContract = object.bool("isDefaultContract")
        isCompliant = object.bool("isCompliant")
        serviceLevelAgreementID = object.int64("serviceLevelAgreementID")
        contactID = object.int64("contactID")
        contactName = object.string("contactName")
        billToCompanyID = object.int64("billToCompanyID")
        billToCompanyContactID = object.int64("billToCompanyContactID")
        opportunityID = object.int64("opportunityID")
        purchaseOrderNumber = object.string("purchaseOrderNumber")
        exclusionContractID = object.int64("exclusionContractID")
        renewedContractID = object.int64("renewedContractID")
        description = object.string("description")
        lastModifiedDateTime = object.date("lastModifiedDateTime")
        userDefinedFields = object.userDefinedFields()
        unreadableFields = object.unreadable
    }
}
