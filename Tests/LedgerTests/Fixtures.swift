import Foundation
import Ledger
import Testing

/// A date from its `YYYY-MM-DD` text (tests only).
func day(_ text: String) -> LedgerDate {
    LedgerDate(text)!
}

/// An exact amount from its text (tests only).
func amount(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

/// Parses `FIELD=VALUE` texts that are known to be valid.
func assignments(_ texts: String...) throws -> [FieldAssignment] {
    try FieldAssignment.parse(all: texts)
}

/// The Autotask contract 123 of company 42, active, monthly, as the adapter would read it.
func acmeContract(
    endDate: String = "2025-12-31", isActive: Bool = true, price: String? = "1200.50", renewedContractID: Int? = nil
) -> AutotaskContractSnapshot {
    AutotaskContractSnapshot(
        contractID: 123, companyID: 42, companyName: "Acme Corp", name: "Managed Services 2025", number: "MS-2025",
        type: "Recurring Service", category: "Managed", isActive: isActive, startDate: day("2025-01-01"),
        endDate: day(endDate), billingCycle: "Monthly", price: price.map(amount), description: "All-inclusive support",
        renewedContractID: renewedContractID)
}

/// Service 456 (catalogue service 789) of contract 123.
func backupService(price: String = "15.00", units: Int = 20) -> AutotaskServiceSnapshot {
    AutotaskServiceSnapshot(
        contractServiceID: 456, contractID: 123, serviceID: 789, name: "Cloud Backup", price: amount(price),
        units: units, billingCycle: "Monthly", description: "Per-seat backup")
}

/// A configuration item linked to contract 123 (or another).
func asset(_ id: Int, _ name: String, contractID: Int? = 123) -> AutotaskAssetSnapshot {
    AutotaskAssetSnapshot(
        id: id, name: name, serialNumber: "SN-\(id)", type: "Server", productName: "PowerEdge", contractID: contractID,
        isActive: true)
}

let autotaskPrimary = LedgerSettings.fold([PrimaryIntegrationSet(integration: .autotask).event])
let itGluePrimary = LedgerSettings.fold([PrimaryIntegrationSet(integration: .itGlue).event])

/// Given these past events of one contract stream, the contract's state.
func given(_ events: [LedgerEvent], as id: ContractID = "LC-1") -> ContractState {
    ContractState.fold(id: id, events)
}

/// The events of contract LC-1 imported from ``acmeContract()`` with assets 1 and 2 (Autotask primary).
func importedAcme(_ contract: AutotaskContractSnapshot = acmeContract()) throws -> [LedgerEvent] {
    try Decisions.importContract(
        contract, assets: [asset(2, "SRV-02"), asset(1, "SRV-01")], as: "LC-1", settings: autotaskPrimary,
        index: ImportIndex())
}

/// The events of a native contract LC-5 created by hand.
func createdNative() throws -> [LedgerEvent] {
    try Decisions.create(
        "LC-5",
        assignments: assignments(
            "name=Printer lease", "companyID=42", "startDate=2025-01-01", "endDate=2027-12-31", "price=99.90"))
}

/// Runs a throwing call and returns its ``LedgerError``, failing the test when it does not throw one.
func refusal<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> LedgerError? {
    do {
        _ = try body()
        Issue.record("expected a LedgerError", sourceLocation: sourceLocation)
    } catch let error as LedgerError {
        return error
    } catch {
        Issue.record("expected a LedgerError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
