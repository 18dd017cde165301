import AutotaskSandbox
import Foundation
import Testing

@Suite("The README walkthrough, command by command")
struct ReadmeWalkthroughTests {
    @Test("the walkthrough runs, and the diff shows every Autotask change of a night exactly once")
    func walkthrough() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["check-access"])
        try await harness.expectSuccess(["companies", "--search", "blue"])
        try await harness.expectSuccess(["browse", "--company", "102", "--show-services"])
        let imported = try await harness.expectSuccess(
            ["import", "--company", "102", "--contract", "1003", "--service", "3006"])
        #expect(imported.stdout.contains("as LC-1") && imported.stdout.contains("as LC-2"), "\(imported)")
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        let list = try await harness.expectSuccess(["list"]).stdout
        #expect(list.contains("**"))
        try await harness.expectSuccess(["show", "LC-1"])
        try await harness.expectSuccess(["edit", "LC-1", "--set", "notes=Renewal call in May", "--set", "impact=High"])
        try await harness.expectFailure(["edit", "LC-1", "--set", "endDate=2027-01-31"], status: 1)
        try await harness.expectSuccess(["copy", "LC-1"])
        try await harness.expectSuccess(["sync"])

        // A night in Autotask: a price, an end date, units, assets, a status, and a renewal elsewhere.
        var changes = try harness.sandbox.edit("Contracts", id: 1001, ["estimatedRevenue": .double(18_240.5)])
        changes += try harness.sandbox.edit("Contracts", id: 1001, ["endDate": .string("2029-06-30T00:00:00Z")])
        changes += try harness.sandbox.setUnits(contractService: 3006, units: 44)
        changes += try harness.sandbox.linkConfigurationItem(5006, toContract: 1001)
        changes += try harness.sandbox.unlinkConfigurationItem(5003)
        changes += try harness.sandbox.deactivateContract(1003)
        changes += try harness.sandbox.renewContract(1007).changes
        try await harness.expectSuccess(["sync", "--trigger", "nightly"])
        try await harness.expectSuccess(["runs"])

        let ids = [1003: "LC-1", 1001: "LC-3"]
        var expected = LedgerHarness.expectedSyncChanges(changes, imported: ids)
        expected.formUnion(["LC-3 price", "LC-2 units"])
        let diff = try await harness.rows(["diff", "1", "2"])
        let seen = LedgerHarness.diffChanges(diff)
        #expect(seen == expected, "diff: \(diff)\nnight: \(changes)")
        #expect(diff.count == expected.count, "a change is reported more than once: \(diff)")
        try await harness.expectSuccess(["history", "LC-1"])
        try await harness.expectSuccess(["log", "--from", "1", "--format", "json"])
        let replay = try await ReplayCommandTests.replay(harness, [harness.ledger])
        #expect(replay.status == 0, "\(replay)")
    }
}
