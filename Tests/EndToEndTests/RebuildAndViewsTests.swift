import Foundation
import Testing

@Suite("contracts rebuild repairs hand-edited projections; the analysts' views are read-only and summable")
struct RebuildAndViewsTests {
    /// Runs SQL through the sqlite3 command-line tool and returns its output and status.
    static func sqlite(_ path: String, _ sql: String, readOnly: Bool = false) throws -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = (readOnly ? ["-readonly"] : []) + [path, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("a hand edit of the contracts table is repaired by rebuild, recorded as an event, and said")
    func rebuildRepairs() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        let clean = try await harness.expectSuccess(["rebuild"])
        #expect(clean.stdout.contains("nothing to repair"), "\(clean)")
        let eventsBefore = try await harness.logRows().count

        #expect(try Self.sqlite(harness.ledger, "UPDATE contracts SET name = 'x' WHERE id = 'LC-1'").status == 0)
        let list = try await harness.rows(["list"])
        #expect(list.first?["name"] as? String == "x")

        let rebuilt = try await harness.expectSuccess(["rebuild"])
        #expect(rebuilt.stdout.contains("1 row repaired"), "\(rebuilt)")
        #expect(
            rebuilt.stdout.contains("table contracts, row id=LC-1") && rebuilt.stdout.contains("name"), "\(rebuilt)")
        let repaired = try await harness.rows(["list"])
        #expect(repaired.first?["name"] as? String == "Acme Managed IT Services")
        let log = try await harness.logRows()
        #expect(log.count == eventsBefore + 1 && log.last?.type == "ProjectionsRebuilt" && log.last?.stream == "ledger")
        #expect(try await harness.expectSuccess(["rebuild"]).stdout.contains("nothing to repair"))
    }

    @Test("contracts_view sums prices in cents, field_changes_view lists changes, and neither can be written")
    func views() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001", "--contract", "1002"])
        try await harness.expectSuccess(["sync"])
        try harness.sandbox.edit("Contracts", id: 1001, ["estimatedRevenue": .double(1234.56)])
        try await harness.expectSuccess(["sync"])
        try await harness.expectSuccess(["edit", "LC-2", "--set", "notes=hello"])

        let prices = try await harness.rows(["list"]).compactMap { $0["price"] as? String }
        let sum = try Self.sqlite(
            harness.ledger, "SELECT SUM(price_cents), COUNT(*) FROM contracts_view WHERE imported = 1;", readOnly: true)
        #expect(sum.status == 0, "\(sum)")
        let expectedCents = prices.compactMap { Decimal(string: $0) }.reduce(Decimal(0), +) * 100
        #expect(sum.output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(expectedCents)|2", "\(sum) \(prices)")

        let changes = try Self.sqlite(
            harness.ledger,
            "SELECT contract_id, changed_by, field, new_value, new_cents, sync_run FROM field_changes_view ORDER BY position;",
            readOnly: true)
        #expect(changes.output.contains("LC-1|autotask|price|1234.56|123456|2"), "\(changes)")
        #expect(changes.output.contains("LC-2|lci|notes|hello||"), "\(changes)")

        let write = try Self.sqlite(harness.ledger, "UPDATE contracts_view SET name = 'x';")
        #expect(write.status != 0 && write.output.contains("cannot modify contracts_view"), "\(write)")
    }
}
