import EventLog
import Foundation
import Ledger
import Projections
import Testing

@testable import ContractsCore

@Suite("A diff against a run that did not finish shows what it committed, labelled partial")
struct PartialDiffTests {
    @Test("a run still marked running shows its committed changes and is labelled partial")
    func runningRunIsPartial() async throws {
        try await SyncHarness.with { harness in
            let ids = try await harness.importContracts([1001, 1002])
            #expect(try await harness.sync().completed != nil)
            // A second run that committed one change and then stopped (its process killed): no end event.
            var (observations, _) = try await harness.gateway.fetchForSync(SyncRequest(contractIDs: [1001, 1002]))
            observations.contracts[1001]?.name = "Renamed while the run was killed"
            try harness.store.command { transaction, commandID in
                try harness.store.append(
                    [SyncStarted(run: 2, trigger: .manual, scope: .all, contractsToCheck: ids).event], to: .sync(2),
                    expected: .noStream, in: transaction, commandID: commandID, syncRun: 2, actor: "sync")
                let state = try harness.store.contractState(ids[0])
                let reference = try #require(state.reference)
                let events = try Decisions.reconcile(
                    state, with: observations.observation(for: reference, pullAssets: false), syncRun: 2)
                #expect(!events.isEmpty)
                try harness.store.append(
                    events, to: .contract(ids[0]), expected: .exact(Int64(state.version)), in: transaction,
                    commandID: commandID, syncRun: 2, actor: "sync")
            }
            let diff = try harness.store.diff(1, 2)
            #expect(
                diff.fields.contains { $0.contract == ids[0].rawValue && $0.to == "Renamed while the run was killed" })
            #expect(diff.unfinished.map(\.run) == [2])
            #expect(diff.unfinished.first?.status == .running)
            #expect((diff.unfinished.first?.committedChanges ?? 0) >= 1)
        }
    }
}
