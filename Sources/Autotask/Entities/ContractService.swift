import Foundation

/// A service on a recurring service contract (`/ContractServices`, child `/Contracts/{id}/Services`).
///
/// Units are not here: they live in ``ContractServiceUnit`` rows, one per period or adjustment.
public struct ContractService: AutotaskEntity, Hashable, Codable {
    /// `ContractServices`.
    public static let entityPath = "ContractServices"

    /// The contract service id.
    public var id: Int64
    /// The contract.
    public var contractID: Int64?
    /// The service (see ``Service``).
    public var serviceID: Int64?
    /// The unit price.
    public var unitPrice: Decimal?
    /// The unit cost (empty when the user cannot read costs).
    public var unitCost: Decimal?
    /// The adjusted price, when Autotask sends it.
    public var adjustedPrice: Decimal?
    /// The unit price in internal currency.
    public var internalCurrencyUnitPrice: Decimal?
    /// The adjusted price in internal currency.
    public var internalCurrencyAdjustedPrice: Decimal?
    /// The description printed on invoices.
    public var invoiceDescription: String?
    /// The internal description.
    public var internalDescription: String?
    /// The quote item the service came from.
    public var quoteItemID: Int64?
    /// The user-defined fields.
    public var userDefinedFields: [UserDefinedField]

    /// Creates a contract service; every field but `id` defaults to `nil`.
    public init(
        id: Int64, contractID: Int64? = nil, serviceID: Int64? = nil, userDefinedFields: [UserDefinedField] = []
    ) {
        self.id = id
        self.contractID = contractID
        self.serviceID = serviceID
        self.userDefinedFields = userDefinedFields
    }

    /// Decodes leniently (see ``AutotaskEntity``).
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        id = try object.id()
        contractID = object.int64("contractID")
        serviceID = object.int64("serviceID")
        unitPrice = object.decimal("unitPrice")
        unitCost = object.decimal("unitCost")
        adjustedPrice = object.decimal("adjustedPrice")
        internalCurrencyUnitPrice = object.decimal("internalCurrencyUnitPrice")
        internalCurrencyAdjustedPrice = object.decimal("internalCurrencyAdjustedPrice")
        invoiceDescription = object.string("invoiceDescription")
        internalDescription = object.string("internalDescription")
        quoteItemID = object.int64("quoteItemID")
        userDefinedFields = object.userDefinedFields()
    }
}
