import Foundation

/// One service of an Autotask contract (a ContractServices row, with its service's name and units).
public struct AutotaskServiceSnapshot: Hashable, Sendable {
    /// The ContractServices id.
    public var contractServiceID: Int
    /// The contract the service belongs to.
    public var contractID: Int
    /// The catalogue service (Services) id.
    public var serviceID: Int
    /// The service's name.
    public var name: String
    /// The price (adjusted or unit price, the adapter's choice).
    public var price: Decimal?
    /// The units in effect (from ContractServiceUnits).
    public var units: Int?
    /// The billing period's label.
    public var billingCycle: String?
    /// The invoice or internal description.
    public var description: String?

    /// Makes a snapshot.
    public init(
        contractServiceID: Int, contractID: Int, serviceID: Int, name: String, price: Decimal? = nil,
        units: Int? = nil, billingCycle: String? = nil, description: String? = nil
    ) {
        self.contractServiceID = contractServiceID
        self.contractID = contractID
        self.serviceID = serviceID
        self.name = name
        self.price = price
        self.units = units
        self.billingCycle = billingCycle
        self.description = description
    }

    /// The reference of an import of this service.
    public var reference: AutotaskReference {
        .service(contractServiceID: contractServiceID, contractID: contractID, serviceID: serviceID)
    }

    /// The Autotask-owned field values of an LCI contract imported from this service.
    ///
    /// Name, price, units, billing cycle and description come from the service; number, company,
    /// type, category, status and dates from its contract.
    public func fieldValues(contract: AutotaskContractSnapshot) -> FieldValues {
        var values = contract.fieldValues()
        values[.name] = .autotaskText(name)
        values[.price] = .autotaskMoney(price)
        values[.units] = units.map { .integer($0) } ?? .empty
        values[.billingCycle] = .autotaskText(billingCycle)
        values[.description] = .autotaskText(description)
        return values
    }
}
