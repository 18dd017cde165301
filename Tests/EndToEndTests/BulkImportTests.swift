import AutotaskSandbox
import Foundation
import TestSupport
import Testing

/// `contracts import` at scale: batched reads counted in the sandbox's request log, several companies,
/// ids from a file or standard input, every active contract, dry runs, and reruns without duplicates.
@Suite("Bulk import")
struct BulkImportTests {
    static let dataset = SandboxDataset.counts(
        companies: 12, contracts: 120, servicesPerContract: 2, configurationItems: 900)

    @Test("importing every active contract reads each entity once per batch, not once per contract")
    func allActiveInFewRequests() async throws {
        let harness = try await LedgerHarness.start(dataset: Self.dataset)
        defer { Task { try await harness.stop() } }
        harness.sandbox.resetRequestLog()
        let result = try await harness.expectSuccess(["import", "--all-active"])
        let log = harness.sandbox.requestLog()
        let imported = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Imported Autotask contract") }
        #expect(imported.count > 100, "\(result.stdout.suffix(500))")
        // One query each (all fit in a page or a batch): no per-contract reads at all.
        for entity in ["Contracts", "Companies", "ConfigurationItems", "Products"] {
            #expect(log.count(entity, .query) == 1, "\(entity): \(log.requestsByEndpoint)")
        }
        #expect(log.count("Contracts", .get) == 0 && log.count("Companies", .get) == 0, "\(log.requestsByEndpoint)")
        let minimum = log.minimumRequests()
        #expect(Double(log.totalRequests) <= 1.1 * Double(minimum), "\(log.totalRequests) requests, minimum \(minimum)")
        let list = try await harness.rows(["list"])
        #expect(list.count == imported.count)
        #expect(list.reduce(0) { $0 + ($1["assetCount"] as? Int ?? 0) } > 0, "assets are linked")
    }

    @Test("several companies, ids from a file and from standard input, each contract once")
    func companiesFilesAndStandardInput() async throws {
        let harness = try await LedgerHarness.start(dataset: Self.dataset)
        defer { Task { try await harness.stop() } }
        let first = try await harness.rows(["browse", "--company", "1001"]).compactMap { $0["contractID"] as? Int }
        let second = try await harness.rows(["browse", "--company", "1002"]).compactMap { $0["contractID"] as? Int }
        #expect(!first.isEmpty && !second.isEmpty)

        let file = harness.directory.path("ids.txt")
        try ("# first company\n" + first.map { "contract:\($0)" }.joined(separator: "\n") + "\n").write(
            toFile: file, atomically: true, encoding: .utf8)
        let fromFile = try await harness.expectSuccess(
            ["import", "--company", "1001", "--company", "1002", "--from-file", file])
        #expect(fromFile.stdout.components(separatedBy: "Imported Autotask contract").count - 1 == first.count)

        // Standard input, with the first company's ids again: those are skipped, not imported twice.
        let input = harness.directory.path("stdin.txt")
        try (first + second).map(String.init).joined(separator: ",").write(
            toFile: input, atomically: true, encoding: .utf8)
        var environment = harness.cli.environment
        environment["CONTRACTS_LEDGER"] = harness.ledger
        let piped = try StartedProcess(
            "contracts", ["import", "--from-file", "-"], environment: environment, folder: harness.directory.url,
            standardInput: try FileHandle(forReadingFrom: URL(fileURLWithPath: input)))
        let ending = try #require(await piped.waitForExit(timeout: .seconds(120)))
        #expect(ending.status == 0, "\(piped.stdout)\(piped.stderr)")
        #expect(piped.stdout.components(separatedBy: "Imported Autotask contract").count - 1 == second.count)
        #expect(piped.stdout.components(separatedBy: "already imported as").count - 1 == first.count)
        let list = try await harness.rows(["list"])
        #expect(list.count == first.count + second.count)
    }

    @Test("--dry-run lists what would be imported and what is refused, and writes nothing")
    func dryRunWritesNothing() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        let before = try await harness.observe()
        let result = try await harness.expectSuccess([
            "import", "--dry-run", "--company", "101", "--contract", "1001", "--contract", "1002", "--contract", "1004",
            "--contract", "9999",
        ])
        #expect(result.stdout.contains("Would import Autotask contract 1002"), "\(result.stdout)")
        #expect(result.stdout.contains("Refused Autotask contract 1001: already imported as LC-1"))
        #expect(result.stdout.contains("Refused Autotask contract 1004: it belongs to company 102"))
        #expect(result.stdout.contains("Refused Autotask contract 9999: Autotask has no contract 9999"))
        #expect(result.stdout.contains("nothing was written"))
        #expect(try await harness.observe() == before)
    }

    @Test("running the same bulk import again after a partial one finishes the job without duplicates")
    func rerunFinishesTheJob() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        // As if an earlier run stopped after two contracts.
        try await harness.expectSuccess(["import", "--company", "103", "--contract", "1005", "--contract", "1006"])
        let file = harness.directory.path("all.txt")
        try "1005\n1006\n1007\n1008\n".write(toFile: file, atomically: true, encoding: .utf8)
        let again = try await harness.expectSuccess(["import", "--from-file", file])
        #expect(again.stdout.contains("Skipped Autotask contract 1005: already imported as LC-1."))
        #expect(again.stdout.contains("Imported Autotask contract 1007"))
        #expect(again.stdout.contains("Imported Autotask contract 1008"))
        let third = try await harness.expectSuccess(["import", "--from-file", file])
        #expect(!third.stdout.contains("Imported Autotask contract"))
        let imported = try await harness.rows(["list"]).compactMap { $0["autotaskContractID"] as? Int }
        #expect(imported.sorted() == [1005, 1006, 1007, 1008], "\(imported)")
    }

    @Test("SIGINT while reading Autotask stops the import at once, writes nothing, and exits 130")
    func interruptedImportWritesNothing() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        let before = try await harness.observe()
        harness.sandbox.setFaults(SandboxFaults(slowRate: 1, slowDelay: .seconds(60)))
        var environment = harness.cli.environment
        environment["CONTRACTS_LEDGER"] = harness.ledger
        let importing = try StartedProcess(
            "contracts", ["import", "--all-active", "--progress", "json"], environment: environment,
            folder: harness.directory.url)
        #expect(await importing.waitForOutput("\"task\":\"import\""), "\(importing.stderr)")
        try await Task.sleep(for: .milliseconds(300))
        importing.send(SIGINT)
        let ending = try #require(await importing.waitForExit(timeout: .seconds(15)))
        #expect(ending.status == 130, "\(importing.stdout)\(importing.stderr)")
        harness.sandbox.setFaults(SandboxFaults())
        #expect(try await harness.observe() == before)
    }

    @Test("a wrong --from-file is refused with one line and exit 2")
    func badLists() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        let file = harness.directory.path("bad.txt")
        try "1001\nabc\n".write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try await harness.expectFailure(["import", "--from-file", file], status: 2)
        #expect(bad.stderr.contains("line 2"))
        try await harness.expectFailure(["import", "--from-file", harness.directory.path("missing.txt")], status: 2)
        try await harness.expectFailure(["import", "--all-active", "--company", "999999"], status: 2)
    }
}
