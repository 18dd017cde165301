import Foundation

/// A service from the catalogue (`/Services`), which contract services point to.
public struct Service: AutotaskEntity, Hashable, Codable {
    /// `Services`.
    public static let entityPath = "Services"

    /// The service id.
    public var id: Int64
    /// The service's name.
    public var name: String?
    /// The description.
    public var description: String?
    /// The description printed on invoices.
    public var invoiceDescription: String?
    /// The billing code.
    public var billingCodeID: Int64?
    /// The billing period (picklist, per tenant).
    public var periodType: PicklistValue?
    /// The list price per unit.
    public var unitPrice: Decimal?
    /// The cost per unit (empty when the user cannot read costs).
    public var unitCost: Decimal?
    /// The markup rate.
    public var markupRate: Decimal?
    /// Whether the service is active.
    public var isActive: Bool?
    /// The service level agreement.
    public var serviceLevelAgreementID: Int64?
    /// The vendor.
    public var vendorCompanyID: Int64?
    /// The SKU (newer API versions).
    public var sku: String?
    /// When the service was created.
    public var createDate: Date?
    /// When the service last changed.
    public var lastModifiedDate: Date?
    /// The user-defined fields.
    public var userDefinedFields: [UserDefinedField]

    /// Creates a service; every field but `id` defaults to `nil`.
    public init(id: Int64, name: String? = nil, unitPrice: Decimal? = nil) {
        self.id = id
        self.name = name
        self.unitPrice = unitPrice
        self.userDefinedFields = []
    }

    /// Decodes leniently (see ``AutotaskEntity``).
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        id = try object.id()
        name = object.string("name")
        description = object.string("description")
        invoiceDescription = object.string("invoiceDescription")
        billingCodeID = object.int64("billingCodeID")
        periodType = object.picklist("periodType")
        unitPrice = object.decimal("unitPrice")
        unitCost = object.decimal("unitCost")
        markupRate = object.decimal("markupRate")
        isActive = object.bool("isActive")
        serviceLevelAgreementID = object.int64("serviceLevelAgreementID")
        vendorCompanyID = object.int64("vendorCompanyID")
        sku = object.string("sku")
        createDate = object.date("createDate")
        lastModifiedDate = object.date("lastModifiedDate")
        userDefinedFields = object.userDefinedFields()
    }
}
