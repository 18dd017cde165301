import Foundation

/// A service bundle on a contract (`/ContractServiceBundles`, child `/Contracts/{id}/ServiceBundles`).
public struct ContractServiceBundle: AutotaskEntity, Hashable, Codable {
    /// `ContractServiceBundles`.
    public static let entityPath = "ContractServiceBundles"

    /// The row id.
    public var id: Int64
    /// The contract.
    public var contractID: Int64?
    /// The service bundle.
    public var serviceBundleID: Int64?
    /// The unit price.
    public var unitPrice: Decimal?
    /// The adjusted price.
    public var adjustedPrice: Decimal?
    /// The unit price in internal currency.
    public var internalCurrencyUnitPrice: Decimal?
    /// The adjusted price in internal currency.
    public var internalCurrencyAdjustedPrice: Decimal?
    /// The description printed on invoices.
    public var invoiceDescription: String?
    /// The internal description.
    public var internalDescription: String?
    /// The quote item the bundle came from.
    public var quoteItemID: Int64?
    /// The user-defined fields.
    public var userDefinedFields: [UserDefinedField]

    /// Creates a row; every field but `id` defaults to `nil`.
    public init(id: Int64, contractID: Int64? = nil, serviceBundleID: Int64? = nil) {
        self.id = id
        self.contractID = contractID
        self.serviceBundleID = serviceBundleID
        self.userDefinedFields = []
    }

    /// Decodes leniently (see ``AutotaskEntity``).
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        id = try object.id()
        contractID = object.int64("contractID")
        serviceBundleID = object.int64("serviceBundleID")
        unitPrice = object.decimal("unitPrice")
        adjustedPrice = object.decimal("adjustedPrice")
        internalCurrencyUnitPrice = object.decimal("internalCurrencyUnitPrice")
        internalCurrencyAdjustedPrice = object.decimal("internalCurrencyAdjustedPrice")
        invoiceDescription = object.string("invoiceDescription")
        internalDescription = object.string("internalDescription")
        quoteItemID = object.int64("quoteItemID")
        userDefinedFields = object.userDefinedFields()
    }
}
