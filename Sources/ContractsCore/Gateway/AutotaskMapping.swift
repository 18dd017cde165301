import Autotask
import Foundation
import Ledger

/// Turns Autotask entities into the domain's snapshots: labels from picklists, dates as calendar
/// days (UTC), the contract's company name, a service's name and its units in the current period.
public struct AutotaskMapping: Sendable {
    /// The picklist labels.
    public var picklists: AutotaskPicklists
    /// Today's date, for the current unit period.
    public var today: Date

    /// Creates a mapping.
    public init(picklists: AutotaskPicklists, today: Date = Date()) {
        self.picklists = picklists
        self.today = today
    }

    /// A contract snapshot; nil when Autotask left out what every contract has (company, dates).
    public func contract(_ contract: Contract, companyName: String?) -> AutotaskContractSnapshot? {
        guard problem(with: contract, companyName: companyName) == nil, let companyID = contract.companyID,
            let start = contract.startDate.map(Self.day),
            let end = contract.endDate.map(Self.day)
        else { return nil }
        return AutotaskContractSnapshot(
            contractID: Int(contract.id), companyID: Int(companyID), companyName: companyName ?? "Company \(companyID)",
            name: contract.contractName ?? "Contract \(contract.id)", number: contract.contractNumber,
            type: picklists.label("Contracts", "contractType", contract.contractType) ?? "Unknown",
            category: picklists.label("Contracts", "contractCategory", contract.contractCategory),
            isActive: contract.status?.rawValue == "1", startDate: start, endDate: end,
            billingCycle: picklists.label("Contracts", "contractPeriodType", contract.contractPeriodType),
            price: contract.estimatedRevenue, description: contract.description,
            renewedContractID: contract.renewedContractID.map(Int.init))
    }

    /// The Autotask-owned fields of a contract, as Autotask names them.
    static let ownedContractFields = [
        "companyID", "contractName", "contractNumber", "contractType", "contractCategory", "status", "startDate",
        "endDate", "contractPeriodType", "estimatedRevenue", "description", "renewedContractID",
    ]

    /// What makes an Autotask contract unfit to record, or nil: an Autotask-owned value sent but not readable
    /// (a wrong type, a number out of range, a date outside 1753-9999), which must not be taken as empty, or a
    /// text longer than the ledger accepts for its field.
    public func problem(with contract: Contract, companyName: String?) -> String? {
        let unreadable = Self.ownedContractFields.filter(contract.unreadableFields.contains)
        if !unreadable.isEmpty {
            return "Autotask sent \(unreadable.count == 1 ? "a value" : "values") that cannot be read for "
                + unreadable.joined(separator: ", ")
        }
        let texts: [(String, String?, Int)] = [
            ("contractName", contract.contractName, 500), ("company name", companyName, 500),
            ("contractNumber", contract.contractNumber, 200), ("description", contract.description, 10_000),
            ("contractType", picklists.label("Contracts", "contractType", contract.contractType), 200),
            ("contractCategory", picklists.label("Contracts", "contractCategory", contract.contractCategory), 200),
            (
                "contractPeriodType", picklists.label("Contracts", "contractPeriodType", contract.contractPeriodType),
                200
            ),
        ]
        for (field, text, limit) in texts {
            guard let text, text.count > limit || text.utf8.count > limit * 8 else { continue }
            return "Autotask sent a \(field) of \(text.count) characters, more than the \(limit) the ledger accepts"
        }
        return nil
    }

    /// A contract-service snapshot, with the service's name and period, and the units of the unit
    /// period that contains today.
    public func service(_ service: ContractService, catalog: Service?, units: [ContractServiceUnit])
        -> AutotaskServiceSnapshot?
    {
        guard let contractID = service.contractID, let serviceID = service.serviceID else { return nil }
        let current = units.first { unit in
            unit.contractServiceID == service.id && (unit.startDate ?? .distantFuture) <= today
                && today <= (unit.endDate ?? .distantPast)
        }
        return AutotaskServiceSnapshot(
            contractServiceID: Int(service.id), contractID: Int(contractID), serviceID: Int(serviceID),
            name: catalog?.name ?? "Service \(serviceID)", price: service.adjustedPrice ?? service.unitPrice,
            units: current?.units.map { NSDecimalNumber(decimal: $0).intValue },
            billingCycle: picklists.label("Services", "periodType", catalog?.periodType),
            description: service.invoiceDescription ?? catalog?.description)
    }

    /// An asset snapshot.
    public func asset(_ item: ConfigurationItem, productName: String?) -> AutotaskAssetSnapshot {
        AutotaskAssetSnapshot(
            id: Int(item.id), name: item.referenceTitle ?? item.serialNumber ?? "Configuration item \(item.id)",
            serialNumber: item.serialNumber,
            type: picklists.label("ConfigurationItems", "configurationItemType", item.configurationItemType),
            productName: productName, contractID: item.contractID.map(Int.init),
            contractServiceID: item.contractServiceID.map(Int.init), isActive: item.isActive ?? true)
    }

    /// The calendar day (UTC) of an Autotask date.
    static func day(_ date: Date) -> LedgerDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return LedgerDate(year: parts.year ?? 1900, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LedgerDate(year: 1900, month: 1, day: 1)!
    }
}
