import Foundation

/// A company, the customer a contract belongs to (`/Companies`).
public struct Company: AutotaskEntity, Hashable, Codable {
    /// `Companies`.
    public static let entityPath = "Companies"

    /// The company id (0 is the tenant's own company).
    public var id: Int64
    /// The company's name.
    public var companyName: String?
    /// The company's number.
    public var companyNumber: String?
    /// The type (picklist): 1 is Customer; contracts exist only for customers.
    public var companyType: PicklistValue?
    /// Whether the company is active.
    public var isActive: Bool?
    /// The parent company.
    public var parentCompanyID: Int64?
    /// The account manager.
    public var ownerResourceID: Int64?
    /// The main phone number.
    public var phone: String?
    /// The city.
    public var city: String?
    /// The state or region.
    public var state: String?
    /// The web address.
    public var webAddress: String?
    /// When the company was created.
    public var createDate: Date?
    /// When the company last saw activity.
    public var lastActivityDate: Date?
    /// When a tracked field last changed.
    public var lastTrackedModifiedDateTime: Date?
    /// The user-defined fields.
    public var userDefinedFields: [UserDefinedField]

    /// Creates a company; every field but `id` defaults to `nil`.
    public init(id: Int64, companyName: String? = nil) {
        self.id = id
        self.companyName = companyName
        self.userDefinedFields = []
    }

    /// Decodes leniently (see ``AutotaskEntity``).
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        id = try object.id()
        companyName = object.string("companyName")
        companyNumber = object.string("companyNumber")
        companyType = object.picklist("companyType")
        isActive = object.bool("isActive")
        parentCompanyID = object.int64("parentCompanyID")
        ownerResourceID = object.int64("ownerResourceID")
        phone = object.string("phone")
        city = object.string("city")
        state = object.string("state")
        webAddress = object.string("webAddress")
        createDate = object.date("createDate")
        lastActivityDate = object.date("lastActivityDate")
        lastTrackedModifiedDateTime = object.date("lastTrackedModifiedDateTime")
        userDefinedFields = object.userDefinedFields()
    }
}
