import Foundation

/// An Autotask contract as the Autotask adapter read it, with picklist ids already turned into labels.
///
/// It is input to decisions (import, reconciliation) and is not stored as such: an import stores
/// the field values it yields (``fieldValues()``).
public struct AutotaskContractSnapshot: Hashable, Sendable {
    /// The Autotask contract id.
    public var contractID: Int
    /// The Autotask company id.
    public var companyID: Int
    /// The company's name.
    public var companyName: String
    /// `contractName`.
    public var name: String
    /// `contractNumber`.
    public var number: String?
    /// The contract type's label, such as `Recurring Service`.
    public var type: String
    /// The contract category's label.
    public var category: String?
    /// Whether the status is Active (Autotask status 1).
    public var isActive: Bool
    /// The first day of the contract.
    public var startDate: LedgerDate
    /// The last day of the contract (Autotask keeps whatever it keeps; it may precede the start).
    public var endDate: LedgerDate
    /// The billing period's label, such as `Monthly`.
    public var billingCycle: String?
    /// The contract's value (estimated revenue or the adapter's choice of amount).
    public var price: Decimal?
    /// `description`.
    public var description: String?
    /// `renewedContractID`: the contract Autotask created when it renewed this one.
    public var renewedContractID: Int?

    /// Makes a snapshot.
    public init(
        contractID: Int, companyID: Int, companyName: String, name: String, number: String? = nil, type: String,
        category: String? = nil, isActive: Bool, startDate: LedgerDate, endDate: LedgerDate,
        billingCycle: String? = nil, price: Decimal? = nil, description: String? = nil,
        renewedContractID: Int? = nil
    ) {
        self.contractID = contractID
        self.companyID = companyID
        self.companyName = companyName
        self.name = name
        self.number = number
        self.type = type
        self.category = category
        self.isActive = isActive
        self.startDate = startDate
        self.endDate = endDate
        self.billingCycle = billingCycle
        self.price = price
        self.description = description
        self.renewedContractID = renewedContractID
    }

    /// The Autotask-owned field values of an LCI contract imported from this contract.
    ///
    /// Text is kept as Autotask has it, except that blank text counts as no value; `units` is empty.
    public func fieldValues() -> FieldValues {
        var values = FieldValues()
        values[.name] = .autotaskText(name)
        values[.number] = .autotaskText(number)
        values[.companyID] = .integer(companyID)
        values[.companyName] = .autotaskText(companyName)
        values[.type] = .autotaskText(type)
        values[.category] = .autotaskText(category)
        values[.status] = .choice(isActive ? "Active" : "Inactive")
        values[.startDate] = .date(startDate)
        values[.endDate] = .date(endDate)
        values[.billingCycle] = .autotaskText(billingCycle)
        values[.price] = .autotaskMoney(price)
        values[.description] = .autotaskText(description)
        return values
    }
}

extension FieldValue {
    /// Text from Autotask: kept as is, blank text being no value.
    static func autotaskText(_ text: String?) -> FieldValue {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .empty }
        return .text(text)
    }

    /// An amount from Autotask: kept as is (even negative), a missing or NaN amount being no value.
    static func autotaskMoney(_ amount: Decimal?) -> FieldValue {
        guard let amount, !amount.isNaN else { return .empty }
        return .money(amount)
    }
}
