import AutotaskSandbox
import Foundation
import Testing

@Suite("Sync, runs, diff and auto-sync through the contracts executable")
struct SyncCommandTests {
    @Test("the first sync after an import changes nothing, and runs lists it")
    func firstSyncChangesNothing() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        let imported = try await harness.importDemoContracts()

        let sync = try await harness.expectSuccess(["sync"])
        #expect(sync.stdout.contains("Sync #1 (manual): Sync completed: \(imported.count) checked, 0 changed"))
        let log = try await harness.logRows()
        let started = try #require(log.first { $0.stream == "sync/1" }?.position)
        #expect(!log.contains { $0.position > started && $0.stream.hasPrefix("contract/") })

        let runs = try await harness.rows(["runs"])
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run["run"] as? Int == 1 && run["trigger"] as? String == "manual")
        #expect(run["status"] as? String == "completed")
        #expect(run["checked"] as? Int == imported.count && run["changed"] as? Int == 0)
        #expect((run["requests"] as? Int ?? 0) > 0 && run["durationMilliseconds"] is Int)
        #expect(try await harness.rows(["diff", "1", "1"]).isEmpty)
    }

    @Test("after a night a sync records exactly the drifted changes, and diff lists them as JSON and CSV")
    func nightThenDiff() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        let imported = try await harness.importDemoContracts()
        try await harness.expectSuccess(["sync"])
        let changes = harness.sandbox.advanceNight()
        let expected = LedgerHarness.expectedSyncChanges(changes, imported: imported)
        #expect(expected.contains { $0.hasSuffix(" status") })
        #expect(expected.contains { $0.hasSuffix("renewed") })

        let sync = try await harness.expectSuccess(["sync"])
        #expect(sync.stdout.contains("Sync #2 (manual): Sync completed"))
        let written = try await harness.contractEvents(afterRun: 1)
        #expect(written.count == expected.count, "night: \(changes)")
        #expect(
            Set(written.map(\.type)).isSubset(of: [
                "AutotaskFieldChanged", "MissingInAutotask", "RenewedInAutotask",
                "AssetLinked", "AssetUnlinked",
            ]))

        let diff = try await harness.rows(["diff", "1", "2"])
        #expect(LedgerHarness.diffChanges(diff) == expected, "night: \(changes)")
        let positions = Set(written.map(\.position))
        for row in diff {
            let event = try #require(row["event"] as? [String: Any])
            let position = try #require(event["position"] as? Int)
            #expect(event["run"] as? Int == 2 && event["by"] as? String == "sync" && event["data"] is [String: Any])
            #expect(positions.contains(position), "\(row) names an event the sync did not write")
        }

        let csv = try await harness.expectSuccess(["diff", "1", "2", "--format", "csv"]).stdout
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "contract,change,field,from,to,event")
        #expect(lines.count == diff.count + 1)

        let one = try #require(expected.first?.split(separator: " ").first.map(String.init))
        let only = try await harness.rows(["diff", "1", "2", "--contract", one])
        #expect(!only.isEmpty && only.allSatisfy { $0["contract"] as? String == one })
    }

    @Test("auto-sync off keeps a contract out of a nightly sync, not out of a manual one")
    func autoSyncOff() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001", "--contract", "1002"])
        let off = try await harness.expectSuccess(["auto-sync", "LC-1", "off"])
        #expect(off.stdout.contains("LC-1: nightly sync off"))
        try harness.sandbox.edit("Contracts", id: 1001, ["contractName": .string("Acme Renamed")])

        let nightly = try await harness.expectSuccess(["sync", "--trigger", "nightly"])
        #expect(nightly.stdout.contains("1 checked, 0 changed"))
        let log = try await harness.logRows()
        let started = try #require(log.first { $0.stream == "sync/1" }?.position)
        #expect(!log.contains { $0.stream == "contract/LC-1" && $0.position > started })
        let runs = try await harness.rows(["runs"])
        #expect(runs.first?["trigger"] as? String == "nightly" && runs.first?["contractsTotal"] as? Int == 1)
        let shown = try await harness.object(["show", "LC-1"])
        #expect(
            ((shown["fields"] as? [String: Any])?["name"] as? [String: Any])?["value"] as? String != "Acme Renamed")

        let manual = try await harness.expectSuccess(["sync"])
        #expect(manual.stdout.contains("2 checked, 1 changed"))
        #expect(manual.stdout.contains("LC-1: Autotask changed name"))
    }

    @Test("a second sync is refused while one runs (exit 75); a failed run exits 4; an unknown run in diff exits 2")
    func refusalsAndFailures() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])

        harness.sandbox.setFaults(SandboxFaults(slowRate: 1, slowDelay: .seconds(2), onlyEntities: ["Contracts"]))
        let lockFile = harness.ledger + ".sync-lock"
        async let first = harness.run(["sync"])
        while (try? Data(contentsOf: URL(fileURLWithPath: lockFile)))?.isEmpty ?? true {
            try await Task.sleep(for: .milliseconds(20))
        }
        let second = try await harness.run(["sync"])
        #expect(second.status == 75, "\(second)")
        #expect(second.errorLines.count == 1)
        #expect(second.stderr.hasPrefix("error: the ledger is busy: another sync is already running"))
        #expect(second.stderr.contains("wait for it to finish"))
        let done = try await first
        #expect(done.status == 0, "\(done)")
        harness.sandbox.setFaults(.none)

        harness.sandbox.setFaults(SandboxFaults(serverErrorRate: 1))
        let failed = try await harness.run(["sync", "--retries", "0"])
        #expect(failed.status == 4, "\(failed)")
        #expect(failed.errorLines.count == 1)
        #expect(failed.stderr.contains("sync #2 failed at") && failed.stderr.contains("run `contracts sync` again"))
        harness.sandbox.setFaults(.none)
        try await harness.expectSuccess(["sync"])
        let runs = try await harness.rows(["runs"])
        #expect(runs.map { $0["status"] as? String } == ["completed", "failed", "completed"])

        let unknown = try await harness.expectFailure(["diff", "1", "9"], status: 2)
        #expect(unknown.stderr.contains("there is no sync run #9"))
    }
}
