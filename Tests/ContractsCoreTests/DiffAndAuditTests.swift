import AutotaskSandbox
import EventLog
import Foundation
import Ledger
import Projections
import SQLite
import Testing

@testable import ContractsCore

@Suite("Diffs between sync runs, and the replay audit")
struct DiffAndAuditTests {
    @Test("a diff between two runs lists exactly the drifts applied between them")
    func diffListsDrifts() async throws {
        try await SyncHarness.with { harness in
            try await harness.importContracts(Demo.contracts)
            let first = try await harness.sync()
            harness.sandbox.advanceNight()
            let second = try await harness.sync()
            var fields: Set<String> = []
            var linked: Set<String> = []
            var unlinked: Set<String> = []
            for change in second.changes {
                let (contract, events) = (change.contract, change.events)
                for event in events {
                    switch event {
                    case .autotaskFieldChanged(let change):
                        fields.insert(
                            "\(contract) \(change.field.rawValue) \(change.to.isEmpty ? "-" : "\(change.to)")")
                    case .assetLinked(let asset): linked.insert("\(contract) \(asset.asset.id)")
                    case .assetUnlinked(let asset): unlinked.insert("\(contract) \(asset.assetID)")
                    default: break
                    }
                }
            }
            let diff = try harness.store.diff(first.run, second.run)
            #expect(!fields.isEmpty)
            #expect(Set(diff.fields.map { "\($0.contract) \($0.field) \($0.to ?? "-")" }) == fields)
            #expect(diff.fields.allSatisfy { $0.event == "AutotaskFieldChanged" && $0.position > diff.positionA })
            #expect(Set(diff.assetsAdded.map { "\($0.contract) \($0.assetID)" }) == linked)
            #expect(Set(diff.assetsRemoved.map { "\($0.contract) \($0.assetID)" }) == unlinked)
            #expect(diff.contractsAdded.isEmpty && diff.contractsRemoved.isEmpty)
            #expect(try harness.store.diff(second.run, second.run).isEmpty)
            let one = try #require(diff.fields.first?.contract)
            #expect(
                try harness.store.diff(first.run, second.run, contract: ContractID(one)).fields.allSatisfy {
                    $0.contract == one
                })
        }
    }

    @Test("ledger-replay's audit passes on a good ledger and reports every run")
    func auditPasses() async throws {
        try await SyncHarness.with { harness in
            try await harness.importContracts(Demo.contracts)
            _ = try await harness.sync()
            harness.sandbox.advanceNight()
            _ = try await harness.sync()
            let report = try await AuditLedger.audit(path: harness.store.path)
            #expect(report.isIntact, "\(report.faults)")
            #expect(report.projectionRowsCompared)
            #expect(report.runs.map(\.run.run) == [1, 2])
            #expect(report.runs[0].contracts.isEmpty)
            #expect(!report.runs[1].contracts.isEmpty)
            #expect(try await AuditLedger.audit(path: harness.store.path, run: 2).runs.count == 1)
        }
    }

    @Test("the audit lists every change of every run, per contract in log order, as the contracts' histories have them")
    func auditCollectsEveryChange() async throws {
        try await SyncHarness.with { harness in
            let ids = try await harness.importContracts(Demo.contracts)
            for _ in 0..<4 {
                harness.sandbox.advanceNight()
                _ = try await harness.sync()
            }
            let report = try await AuditLedger.audit(path: harness.store.path)
            #expect(report.isIntact, "\(report.faults)")
            var expected: [Int: [String: [Int64]]] = [:]
            for id in ids {
                for row in try harness.store.history(of: id) {
                    guard let run = row.syncRun else { continue }
                    expected[run, default: [:]][id.rawValue, default: []].append(Int64(row.position))
                }
            }
            let found = Dictionary(
                uniqueKeysWithValues: report.runs.map { audit in
                    (audit.run.run, audit.contracts.mapValues { $0.map(\.position) })
                }
            ).filter { !$0.value.isEmpty }
            #expect(found == expected)
            #expect(expected.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } } > 0)
        }
    }

    @Test("the audit names the position of a tampered event (triggers dropped, payload edited)")
    func auditNamesTamperedPosition() async throws {
        try await SyncHarness.with { harness in
            try await harness.importContracts([1001, 1004])
            let position = try #require(
                try harness.store.log.events(in: "contract/LC-2").first?.position)
            let raw = try Database(path: harness.store.path)
            try raw.execute("DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete")
            try raw.execute(
                "UPDATE events SET payload = replace(payload, 'Blue Harbor', 'Blue Harber') WHERE position = ?",
                [.integer(position)])
            let report = try await AuditLedger.audit(path: harness.store.path)
            #expect(!report.isIntact)
            #expect(report.firstFault?.position == position)
            #expect(report.firstFault?.stream == "contract/LC-2")
            #expect(report.faults.contains { $0.kind == "triggers-missing" })
        }
    }

    @Test("the audit names the table and row of a projection edited by hand")
    func auditNamesEditedRow() async throws {
        try await SyncHarness.with { harness in
            try await harness.importContracts([1001])
            let raw = try Database(path: harness.store.path)
            try raw.execute("UPDATE contract_fields SET value = 'Edited' WHERE contract_id = 'LC-1' AND field = 'name'")
            let report = try await AuditLedger.audit(path: harness.store.path)
            let fault = try #require(report.firstFault)
            #expect(fault.table == "contract_fields")
            #expect(fault.row?.contains("LC-1") == true && fault.row?.contains("name") == true)
            #expect(fault.position == nil)
        }
    }
}
