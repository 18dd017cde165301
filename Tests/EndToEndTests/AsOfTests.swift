import Foundation
import Testing

@Suite("list, show and browse --as-of fold the log to a run's end or a time, and say which")
struct AsOfTests {
    @Test("the ledger at the end of a run, at a time, and before anything happened")
    func asOf() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        try await harness.expectSuccess(["sync"])
        try harness.sandbox.edit("Contracts", id: 1001, ["contractName": .string("Acme Renamed")])
        try await harness.expectSuccess(["sync"])
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1002"])

        let then = try await harness.run(["list", "--as-of", "1", "--format", "json"])
        #expect(then.status == 0, "\(then)")
        #expect(then.stderr.contains("As of the end of sync run #1"), "\(then)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(then.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["Acme Managed IT Services"])
        let now = try await harness.rows(["list"])
        #expect(now.map { $0["name"] as? String } == ["Acme Renamed", "Acme Project Hours"])

        let table = try await harness.expectSuccess(["list", "--as-of", "2"]).stdout
        #expect(table.hasPrefix("As of the end of sync run #2"), "\(table)")
        #expect(table.contains("Acme Renamed") && !table.contains("Acme Project Hours"), "\(table)")

        let shown = try await harness.expectSuccess(["show", "LC-1", "--as-of", "1"]).stdout
        #expect(shown.contains("As of the end of sync run #1") && shown.contains("Acme Managed IT Services"))
        try await harness.expectFailure(["show", "LC-2", "--as-of", "2"], status: 2)

        // A time: the second import's time shows both; a time before the ledger began shows none.
        let log = try await harness.rows(["log"])
        let second = try #require(log.last { $0["type"] as? String == "ContractImported" })
        let time = try #require(second["recordedAt"] as? String)
        let atTime = try await harness.run(["list", "--as-of", time, "--format", "json"])
        let atRows = try #require(try JSONSerialization.jsonObject(with: Data(atTime.stdout.utf8)) as? [[String: Any]])
        #expect(atRows.count == 2, "\(atTime)")
        let before = try await harness.expectSuccess(["list", "--as-of", "2001-01-01"]).stdout
        #expect(before.contains("the ledger was empty") && before.contains("No contracts yet"), "\(before)")

        let browse = try await harness.run(["browse", "--company", "101", "--as-of", "1", "--format", "json"])
        let flags = try #require(try JSONSerialization.jsonObject(with: Data(browse.stdout.utf8)) as? [[String: Any]])
        #expect(flags.first { $0["contractID"] as? Int == 1001 }?["importedAs"] as? String == "LC-1")
        #expect(flags.first { $0["contractID"] as? Int == 1002 }?["imported"] as? Bool == false, "\(flags)")

        let bad = try await harness.expectFailure(["list", "--as-of", "yesterday"], status: 2)
        #expect(bad.stderr.contains("neither a sync run number nor a time"), "\(bad)")
        try await harness.expectFailure(["list", "--as-of", "9"], status: 2)
    }
}
