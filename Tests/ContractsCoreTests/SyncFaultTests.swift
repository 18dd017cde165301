import Autotask
import AutotaskSandbox
import EventLog
import Foundation
import Ledger
import Projections
import Testing

@testable import ContractsCore

@Suite("Sync under Autotask faults")
struct SyncFaultTests {
    @Test("500s, throttling and truncated pages mid-run are retried and the run completes")
    func retriedFaults() async throws {
        try await SyncHarness.with { harness in
            try await harness.importContracts(Demo.contracts)
            harness.sandbox.advanceNight()
            harness.sandbox.setFaults(
                SandboxFaults(
                    serverErrorRate: 1, throttleRate: 1, throttleRetryAfterSeconds: 0, truncatedPageRate: 1,
                    everyNthRequest: 2))
            let report = try await harness.sync()
            #expect(report.completed != nil)
            #expect((report.completed?.changed ?? 0) > 0)
            #expect(!harness.sandbox.requestLog().faults.isEmpty)
            #expect(try harness.store.log.verify().isIntact)
        }
    }

    @Test("a fault that outlasts the retries fails the run cleanly, and the next run completes the work")
    func failedRunThenRetry() async throws {
        try await SyncHarness.with(retry: .none) { harness in
            let ids = try await harness.importContracts(Demo.contracts)
            let changes = harness.sandbox.advanceNight()
            #expect(!changes.isEmpty)
            let before = try harness.store.log.lastPosition()
            harness.sandbox.setFaults(SandboxFaults(serverErrorRate: 1, onlyEntities: ["ConfigurationItems"]))
            let failed = try await harness.sync()
            #expect(failed.completed == nil)
            #expect(failed.failure?.stage == "fetch ConfigurationItems")
            #expect(try harness.contractEvents(after: before).isEmpty)
            #expect(try harness.store.log.verify().isIntact)
            #expect(try harness.store.syncRuns().map(\.status) == [.failed])
            harness.sandbox.setFaults(.none)
            let next = try await harness.sync()
            #expect(next.completed != nil)
            #expect((next.completed?.changed ?? 0) > 0)
            #expect(try await AuditLedger.audit(path: harness.store.path).isIntact)
            _ = ids
        }
    }
}
