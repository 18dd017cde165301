import Foundation

/// A configuration item, the device or asset of the UI (`/ConfigurationItems`).
public struct ConfigurationItem: AutotaskEntity, Hashable, Codable {
    /// `ConfigurationItems`.
    public static let entityPath = "ConfigurationItems"

    /// The configuration item id.
    public var id: Int64
    /// The company that owns it.
    public var companyID: Int64?
    /// The product it is an instance of.
    public var productID: Int64?
    /// Whether it is active.
    public var isActive: Bool?
    /// The type (picklist, per tenant).
    public var configurationItemType: PicklistValue?
    /// The category.
    public var configurationItemCategoryID: Int64?
    /// The name shown in the UI.
    public var referenceTitle: String?
    /// The reference number.
    public var referenceNumber: String?
    /// The serial number.
    public var serialNumber: String?
    /// The contract it is linked to.
    public var contractID: Int64?
    /// The contract service it is linked to.
    public var contractServiceID: Int64?
    /// The contract service bundle it is linked to.
    public var contractServiceBundleID: Int64?
    /// The service it is linked to.
    public var serviceID: Int64?
    /// The service bundle it is linked to.
    public var serviceBundleID: Int64?
    /// The parent configuration item.
    public var parentConfigurationItemID: Int64?
    /// Where it is.
    public var location: String?
    /// When it was installed.
    public var installDate: Date?
    /// When its warranty expires.
    public var warrantyExpirationDate: Date?
    /// When it was created.
    public var createDate: Date?
    /// When it last changed.
    public var lastModifiedTime: Date?
    /// The user-defined fields.
    public var userDefinedFields: [UserDefinedField]

    /// Creates a configuration item; every field but `id` defaults to `nil`.
    public init(id: Int64, companyID: Int64? = nil, contractID: Int64? = nil, referenceTitle: String? = nil) {
        self.id = id
        self.companyID = companyID
        self.contractID = contractID
        self.referenceTitle = referenceTitle
        self.userDefinedFields = []
    }

    /// Decodes leniently (see ``AutotaskEntity``).
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        id = try object.id()
        companyID = object.int64("companyID")
        productID = object.int64("productID")
        isActive = object.bool("isActive")
        configurationItemType = object.picklist("configurationItemType")
        configurationItemCategoryID = object.int64("configurationItemCategoryID")
        referenceTitle = object.string("referenceTitle")
        referenceNumber = object.string("referenceNumber")
        serialNumber = object.string("serialNumber")
        contractID = object.int64("contractID")
        contractServiceID = object.int64("contractServiceID")
        contractServiceBundleID = object.int64("contractServiceBundleID")
        serviceID = object.int64("serviceID")
        serviceBundleID = object.int64("serviceBundleID")
        parentConfigurationItemID = object.int64("parentConfigurationItemID")
        location = object.string("location")
        installDate = object.date("installDate")
        warrantyExpirationDate = object.date("warrantyExpirationDate")
        createDate = object.date("createDate")
        lastModifiedTime = object.date("lastModifiedTime")
        userDefinedFields = object.userDefinedFields()
    }
}
