import Foundation

/// A product from the catalogue (`/Products`), which configuration items are instances of.
public struct Product: AutotaskEntity, Hashable, Codable {
    /// `Products`.
    public static let entityPath = "Products"

    /// The product id.
    public var id: Int64
    /// The product's name.
    public var name: String?
    /// The description.
    public var description: String?
    /// The SKU.
    public var sku: String?
    /// The category (picklist, per tenant).
    public var productCategory: PicklistValue?
    /// The billing period (picklist).
    public var periodType: PicklistValue?
    /// The billing type (picklist).
    public var billingType: PicklistValue?
    /// The price per unit.
    public var unitPrice: Decimal?
    /// The cost per unit.
    public var unitCost: Decimal?
    /// The manufacturer's suggested retail price.
    public var msrp: Decimal?
    /// Whether the product is active.
    public var isActive: Bool?
    /// Whether instances carry serial numbers.
    public var isSerialized: Bool?
    /// The manufacturer.
    public var manufacturerName: String?
    /// The manufacturer's product name.
    public var manufacturerProductName: String?
    /// The vendor's product number.
    public var vendorProductNumber: String?
    /// When the product was created (newer API versions).
    public var createdTime: Date?
    /// The user-defined fields.
    public var userDefinedFields: [UserDefinedField]

    /// Creates a product; every field but `id` defaults to `nil`.
    public init(id: Int64, name: String? = nil) {
        self.id = id
        self.name = name
        self.userDefinedFields = []
    }

    /// Decodes leniently (see ``AutotaskEntity``).
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        id = try object.id()
        name = object.string("name")
        description = object.string("description")
        sku = object.string("sku")
        productCategory = object.picklist("productCategory")
        periodType = object.picklist("periodType")
        billingType = object.picklist("billingType")
        unitPrice = object.decimal("unitPrice")
        unitCost = object.decimal("unitCost")
        msrp = object.decimal("msrp")
        isActive = object.bool("isActive")
        isSerialized = object.bool("isSerialized")
        manufacturerName = object.string("manufacturerName")
        manufacturerProductName = object.string("manufacturerProductName")
        vendorProductNumber = object.string("vendorProductNumber")
        createdTime = object.date("createdTime")
        userDefinedFields = object.userDefinedFields()
    }
}
