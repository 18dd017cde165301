import AutotaskSandbox
import EventLog
import Foundation
import Ledger
import Projections
import Testing

@testable import ContractsCore

@Suite("Sync against the sandbox")
struct SyncTests {
    @Test("the first sync after an import changes nothing")
    func firstSyncChangesNothing() async throws {
        try await SyncHarness.with { harness in
            // Contract 1004 itself is not imported whole: that would count its service twice.
            let whole = Demo.contracts.filter { $0 != 1004 }
            try await harness.importContracts(whole)
            _ = try await harness.importService(3005, of: 1004)
            let before = try harness.store.log.lastPosition()
            let report = try await harness.sync()
            let completed = try #require(report.completed)
            #expect(completed.checked == whole.count + 1)
            #expect(completed.changed == 0)
            #expect(completed.failed == 0)
            #expect(try harness.contractEvents(after: before).isEmpty)
            let runs = try harness.store.syncRuns()
            #expect(runs.map(\.status) == [.completed])
            let fetched = try harness.store.log.events(in: "sync/1").map(Projector.decode).compactMap { event in
                if case .syncFetched(let fetch) = event { return fetch.entity } else { return nil }
            }
            #expect(fetched.contains("Contracts") && fetched.contains("ConfigurationItems"))
            #expect(fetched.contains("ContractServices") && fetched.contains("ContractServiceUnits"))
        }
    }

    @Test("after a night of drifts exactly the drifted fields change, and LCI fields stay")
    func nightOfDrifts() async throws {
        try await SyncHarness.with { harness in
            let ids = try await harness.importContracts(Demo.contracts)
            try harness.store.edit(ids[0], [FieldAssignment(field: .notes, value: .text("Keep an eye on it"))])
            _ = try await harness.sync()
            let changes = harness.sandbox.advanceNight()
            let report = try await harness.sync()
            #expect(report.completed != nil)
            var expected: Set<String> = []
            let fieldNames = ["contractName": "name", "endDate": "endDate", "description": "description"]
            for change in changes where change.entity == "Contracts" {
                guard let lci = harness.imported[Int(change.id)] else { continue }
                switch change.kind {
                case .edit:
                    if let field = change.field.flatMap({ fieldNames[$0] }) { expected.insert("\(lci) \(field)") }
                case .deactivate: expected.insert("\(lci) status")
                case .renew where change.field == "renewedContractID":
                    if let old = change.from.flatMap(Int.init).flatMap({ harness.imported[$0] }) {
                        expected.insert("\(old) renewed")
                    } else {
                        expected.insert("\(lci) renewed")
                    }
                default: break
                }
            }
            for change in changes where change.entity == "ConfigurationItems" && change.field == "contractID" {
                if let from = change.from.flatMap(Int.init), let lci = harness.imported[from] {
                    expected.insert("\(lci) unlinked \(change.id)")
                }
                if let to = change.to.flatMap(Int.init), let lci = harness.imported[to] {
                    expected.insert("\(lci) linked \(change.id)")
                }
            }
            var actual: Set<String> = []
            for change in report.changes {
                let (contract, events) = (change.contract, change.events)
                for event in events {
                    switch event {
                    case .autotaskFieldChanged(let change):
                        #expect(change.field.isAutotaskField)
                        actual.insert("\(contract) \(change.field.rawValue)")
                    case .missingInAutotask(let missing):
                        actual.insert("\(contract) missing \(missing.reason.rawValue)")
                    case .renewedInAutotask: actual.insert("\(contract) renewed")
                    case .assetLinked(let linked): actual.insert("\(contract) linked \(linked.asset.id)")
                    case .assetUnlinked(let unlinked): actual.insert("\(contract) unlinked \(unlinked.assetID)")
                    default: Issue.record("unexpected \(event)")
                    }
                }
            }
            #expect(!expected.isEmpty)
            #expect(actual == expected, "night changes: \(changes)")
            let notes = try harness.store.fields(of: ids[0]).first { $0.field == .notes }
            #expect(notes?.value == "Keep an eye on it")
        }
    }

    @Test("a deactivated contract only changes status; a deleted one is missing as deleted, once")
    func missingAndBack() async throws {
        try await SyncHarness.with { harness in
            let ids = try await harness.importContracts([1002, 1004])
            try harness.sandbox.deactivateContract(1004)
            try harness.sandbox.deleteContract(1002)
            let first = try await harness.sync()
            #expect(first.completed?.missing == 1)
            #expect(first.changes.map(\.events.count) == [1, 1])
            #expect(try harness.store.contract(ids[1])?.missingReason == nil)
            #expect(try harness.store.contract(ids[1])?.status == "Inactive")
            #expect(try harness.store.contract(ids[0])?.missingReason == "deleted")
            let again = try await harness.sync()
            #expect(again.completed?.changed == 0)
            try harness.sandbox.edit("Contracts", id: 1004, ["status": 1])
            let back = try await harness.sync()
            #expect(back.completed?.changed == 1)
            #expect(try harness.events(of: ids[1], run: back.run).map(\.type) == ["AutotaskFieldChanged"])
            #expect(try harness.store.contract(ids[1])?.status == "Active")
        }
    }

    @Test("a renewal in Autotask is recorded once")
    func renewal() async throws {
        try await SyncHarness.with { harness in
            let ids = try await harness.importContracts([1004])
            let (newID, _) = try harness.sandbox.renewContract(1004)
            let report = try await harness.sync()
            let renewed = try harness.events(of: ids[0], run: report.run).compactMap { event -> Int? in
                if case .renewedInAutotask(let renewal) = event { return renewal.newContractID } else { return nil }
            }
            #expect(renewed == [Int(newID)])
            #expect(try harness.store.contract(ids[0])?.renewedTo == Int(newID))
            let next = try await harness.sync()
            #expect(next.completed?.changed == 0)
        }
    }

    @Test("a nightly run skips contracts with auto-sync off; a manual run includes them")
    func autoSyncOff() async throws {
        try await SyncHarness.with { harness in
            let ids = try await harness.importContracts([1001, 1004])
            try harness.store.setAutoSync(ids[1], enabled: false)
            let nightly = try await harness.sync(.nightly)
            #expect(nightly.total == 1)
            let manual = try await harness.sync(.manual)
            #expect(manual.total == 2)
            let one = try await harness.sync(.manual, contract: ids[1])
            #expect(one.total == 1)
        }
    }

    @Test("a second sync on the same ledger is refused while one runs")
    func concurrentSyncRefused() async throws {
        try await SyncHarness.with { harness in
            try await harness.importContracts([1001])
            let held = try SyncLock.acquire(ledgerPath: harness.store.path)
            let refused = await #expect(throws: SyncError.self) { try await harness.sync() }
            #expect(refused?.code == .busy)
            held.release()
            #expect(try await harness.sync().completed != nil)
        }
    }

    @Test("a run left running by a killed process is marked interrupted by the next run")
    func interruptedRun() async throws {
        try await SyncHarness.with { harness in
            try await harness.importContracts([1001])
            try harness.store.log.write { transaction in
                let started = SyncStarted(run: 1, trigger: .nightly, scope: .all, contractsToCheck: []).event.encoded()
                _ = try transaction.append(
                    [
                        NewEvent(
                            id: UUID().uuidString, type: started.type, schemaVersion: started.schemaVersion,
                            payload: started.payload, metadata: Data("{}".utf8))
                    ], to: "sync/1", expected: .noStream)
            }
            let report = try await harness.sync()
            #expect(report.run == 2)
            #expect(report.interruptedRuns == [1])
            #expect(try harness.store.syncRuns().map(\.status) == [.interrupted, .completed])
        }
    }
}
