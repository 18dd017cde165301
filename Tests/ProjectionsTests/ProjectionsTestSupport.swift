import EventLog
import Foundation
import Ledger

@testable import Projections

/// A temp folder removed with its content when released.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("projections-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Appends domain events to streams of a log, as the application does.
struct Writer {
    let log: EventLog
    var counter = 0

    mutating func append(_ events: [LedgerEvent], to stream: StreamName, syncRun: Int? = nil) throws {
        let metadata = EventMetadata(actor: "tester", commandID: "cmd-\(counter)", syncRun: syncRun).encoded()
        let newEvents = events.map { event -> NewEvent in
            counter += 1
            let encoded = event.encoded()
            return NewEvent(
                id: "event-\(counter)", type: encoded.type, schemaVersion: encoded.schemaVersion,
                payload: encoded.payload, metadata: metadata)
        }
        try log.append(newEvents, to: stream.rawValue, expected: .any)
    }
}

func day(_ text: String) -> LedgerDate { LedgerDate(text)! }

func acme(endDate: String = "2025-12-31", active: Bool = true) -> AutotaskContractSnapshot {
    AutotaskContractSnapshot(
        contractID: 123, companyID: 42, companyName: "Acme Corp", name: "Managed Services", number: "MS-1",
        type: "Recurring Service", category: "Managed", isActive: active, startDate: day("2025-01-01"),
        endDate: day(endDate), billingCycle: "Monthly", price: Decimal(1200), description: "Support")
}

func server(_ id: Int) -> AutotaskAssetSnapshot {
    AutotaskAssetSnapshot(id: id, name: "SRV-\(id)", serialNumber: "SN\(id)", type: "Server", contractID: 123)
}

/// A realistic mixed history: settings, imports at both levels with assets, edits, a copy, a native
/// contract, and two sync runs with drift, a missing contract and a renewal.
func writeMixedHistory(into log: EventLog) throws {
    var writer = Writer(log: log)
    let settings = LedgerSettings.fold([PrimaryIntegrationSet(integration: .autotask).event])
    try writer.append([PrimaryIntegrationSet(integration: .autotask).event], to: .ledger)
    let imported = try Decisions.importContract(
        acme(), assets: [server(1), server(2)], as: "LC-1", settings: settings, index: ImportIndex())
    try writer.append(imported, to: .contract("LC-1"))
    let service = AutotaskServiceSnapshot(
        contractServiceID: 456, contractID: 123, serviceID: 9, name: "Backup", price: Decimal(15), units: 20,
        billingCycle: "Monthly")
    try writer.append(
        try Decisions.importService(service, of: acme(), as: "LC-2", index: ImportIndex()), to: .contract("LC-2"))
    var first = ContractState.fold(id: "LC-1", imported)
    let edit = try Decisions.edit(first, try FieldAssignment.parse(all: ["notes=Call before renewal", "impact=High"]))
    try writer.append(edit, to: .contract("LC-1"))
    for event in edit { first.evolve(by: event) }
    try writer.append(try Decisions.copy(first, as: "LC-3"), to: .contract("LC-3"))
    try writer.append(
        try Decisions.create("LC-4", assignments: try FieldAssignment.parse(all: ["name=Printer", "companyID=42"])),
        to: .contract("LC-4"))

    try writer.append(
        [SyncStarted(run: 1, trigger: .nightly, scope: .all, contractsToCheck: ["LC-1", "LC-2"]).event], to: .sync(1))
    let drift = try Decisions.reconcile(
        first, with: .found(contract: acme(endDate: "2026-12-31"), assets: [server(2), server(3)]), syncRun: 1)
    try writer.append(drift, to: .contract("LC-1"), syncRun: 1)
    for event in drift { first.evolve(by: event) }
    try writer.append(
        [
            SyncFetched(entity: "Contracts", filter: "id in [123]", pages: 1, requests: 1, items: 1, digest: "ab")
                .event,
            SyncCompleted(
                checked: 2, changed: 1, unchanged: 1, missing: 0, failed: 0, requests: 5, durationMilliseconds: 40
            )
            .event,
        ], to: .sync(1))
    try writer.append(
        [SyncStarted(run: 2, trigger: .manual, scope: .all, contractsToCheck: ["LC-1"]).event], to: .sync(2))
    let missing = try Decisions.reconcile(first, with: .notFound(.deleted), syncRun: 2)
    try writer.append(missing, to: .contract("LC-1"), syncRun: 2)
    try writer.append([SyncFailed(stage: "ContractServices", reason: "HTTP 500").event], to: .sync(2))
}
