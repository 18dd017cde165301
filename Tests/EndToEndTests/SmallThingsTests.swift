import Foundation
import TestSupport
import Testing

/// What people expect of any command-line tool: versions, suggestions for typos, messages that say what
/// to fix, and the same ledger by default everywhere.
@Suite("Versions, suggestions and defaults")
struct SmallThingsTests {
    @Test(
        "--version on every executable names the release and, for the ledger tools, the ledger format",
        arguments: ["contracts", "ledger-replay", "ledger-bench", "ledger-campaigns", "autotask-sandbox"])
    func versions(product: String) async throws {
        let folder = try TemporaryDirectory()
        let run = try await ContractsExecutable(
            folder: folder.url, environment: ProcessInfo.processInfo.environment, product: product
        ).run(["--version"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("\(product) 0.9.0"), "\(run)")
        if product != "autotask-sandbox" {
            #expect(run.stdout.contains(/ledger format \d+/), "\(run)")
        }
    }

    @Test("a mistyped subcommand gets a suggestion and exit status 2")
    func didYouMean() async throws {
        let folder = try TemporaryDirectory()
        let cli = try ContractsExecutable(folder: folder.url, environment: ProcessInfo.processInfo.environment)
        for (typed, meant) in [("synk", "sync"), ("improt", "import"), ("hist", "history"), ("brows", "browse")] {
            let run = try await cli.run([typed])
            #expect(run.status == 2, "\(run)")
            #expect(run.stderr.contains("did you mean `contracts \(meant)`?"), "\(typed): \(run)")
            #expect(run.errorLines.count == 1)
        }
        let nothing = try await cli.run(["zzzzzzzz"])
        #expect(nothing.status == 2 && !nothing.stderr.contains("did you mean"), "\(nothing)")
    }

    @Test("a wrong secret says to check the secret, not to run the sync again")
    func wrongSecretMessage() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        var cli = harness.cli
        cli.environment["AUTOTASK_SECRET"] = "not-the-secret"
        let run = try await cli.run(["sync", "--ledger", harness.ledger])
        #expect(run.status == 4, "\(run)")
        #expect(run.stderr.contains("secret"), "\(run)")
        #expect(!run.stderr.contains("sync` again"), "\(run)")
        #expect(!run.stderr.contains("not-the-secret"))
    }

    @Test("ledger-replay audits the ledger CONTRACTS_LEDGER names when no path is given")
    func replayReadsTheEnvironment() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        var environment = harness.cli.environment
        environment["CONTRACTS_LEDGER"] = harness.ledger
        let replay = try ContractsExecutable(
            folder: harness.directory.url, environment: environment, product: "ledger-replay")
        let run = try await replay.run([])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains(harness.ledger), "\(run)")
        environment["CONTRACTS_LEDGER"] = harness.directory.path("missing.sqlite")
        let missing = try await ContractsExecutable(
            folder: harness.directory.url, environment: environment, product: "ledger-replay"
        ).run([])
        #expect(missing.status == 2 && missing.stderr.contains("missing.sqlite"), "\(missing)")
    }
}
