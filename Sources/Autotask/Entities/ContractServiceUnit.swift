import Foundation

/// The units of a contract service for one period (`/ContractServiceUnits`, query only).
///
/// Autotask writes one row per billing period, or per adjustment within a period; the row whose dates
/// contain a day gives the units on that day.
public struct ContractServiceUnit: AutotaskEntity, Hashable, Codable {
    /// `ContractServiceUnits`.
    public static let entityPath = "ContractServiceUnits"

    /// The row id.
    public var id: Int64
    /// The contract.
    public var contractID: Int64?
    /// The contract service.
    public var contractServiceID: Int64?
    /// The service.
    public var serviceID: Int64?
    /// The number of units.
    public var units: Decimal?
    /// The price for the period.
    public var price: Decimal?
    /// The price in internal currency.
    public var internalCurrencyPrice: Decimal?
    /// The cost for the period.
    public var cost: Decimal?
    /// The first day of the period.
    public var startDate: Date?
    /// The last day of the period.
    public var endDate: Date?
    /// When the period was approved and posted.
    public var approveAndPostDate: Date?
    /// The vendor.
    public var vendorCompanyID: Int64?
    /// The organizational level association.
    public var organizationalLevelAssociationID: Int64?

    /// Creates a row; every field but `id` defaults to `nil`.
    public init(id: Int64, contractID: Int64? = nil, contractServiceID: Int64? = nil, units: Decimal? = nil) {
        self.id = id
        self.contractID = contractID
        self.contractServiceID = contractServiceID
        self.units = units
    }

    /// Decodes leniently (see ``AutotaskEntity``).
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        id = try object.id()
        contractID = object.int64("contractID")
        contractServiceID = object.int64("contractServiceID")
        serviceID = object.int64("serviceID")
        units = object.decimal("units")
        price = object.decimal("price")
        internalCurrencyPrice = object.decimal("internalCurrencyPrice")
        cost = object.decimal("cost")
        startDate = object.date("startDate")
        endDate = object.date("endDate")
        approveAndPostDate = object.date("approveAndPostDate")
        vendorCompanyID = object.int64("vendorCompanyID")
        organizationalLevelAssociationID = object.int64("organizationalLevelAssociationID")
    }
}
