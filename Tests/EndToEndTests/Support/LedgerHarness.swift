import AutotaskSandbox
import Foundation
import TestSupport
import Testing

/// One test's world: a sandbox on a free loopback port, a temp folder, a ledger path, and the executable.
///
/// The sandbox's API user has a distinctive secret, so tests can look for it in every output and in the
/// ledger file's bytes.
final class LedgerHarness: Sendable {
    static let secret = "e2e-SECRET-7f3a9c1d-do-not-print"

    let sandbox: AutotaskSandbox
    let directory: TemporaryDirectory
    let ledger: String
    let cli: ContractsExecutable

    private init(sandbox: AutotaskSandbox, directory: TemporaryDirectory) throws {
        self.sandbox = sandbox
        self.directory = directory
        ledger = directory.path("ledger.sqlite")
        var environment = ProcessInfo.processInfo.environment
        environment["AUTOTASK_SECRET"] = Self.secret
        environment["CONTRACTS_LEDGER"] = nil
        environment["HOME"] = directory.path("home")
        environment["XDG_DATA_HOME"] = directory.path("data")
        // A wide terminal, so that tests read whole table cells (TablesAndCSVTests set their own width).
        environment["COLUMNS"] = "400"
        cli = try ContractsExecutable(folder: directory.url, environment: environment)
    }

    /// Starts a sandbox (demo data set) and, unless told otherwise, creates and connects a ledger.
    static func start(
        primary: String? = "autotask", connect: Bool = true, dataset: SandboxDataset = .demo,
        faults: SandboxFaults = SandboxFaults()
    ) async throws -> LedgerHarness {
        let sandbox = try await AutotaskSandbox.start(
            SandboxConfiguration(
                dataset: dataset, credentials: SandboxCredentials(secret: secret), faults: faults))
        let harness = try LedgerHarness(sandbox: sandbox, directory: try TemporaryDirectory())
        if let primary {
            try await harness.expectSuccess(["init", "--primary", primary])
            if connect {
                try await harness.expectSuccess([
                    "connect", "--discovery-url", sandbox.discoveryURL.absoluteString, "--user",
                    sandbox.credentials.userName, "--integration-code", sandbox.credentials.integrationCode,
                ])
            }
        }
        return harness
    }

    /// Stops the sandbox.
    func stop() async throws {
        try await sandbox.stop()
    }

    /// Runs `contracts <arguments> --ledger <ledger>`; the secret must appear in no output.
    @discardableResult
    func run(_ arguments: [String], ledger path: String? = nil) async throws -> CLIRun {
        let result = try await cli.run(arguments + ["--ledger", path ?? ledger])
        #expect(!result.stdout.contains(Self.secret), "the secret appeared on stdout of \(arguments)")
        #expect(!result.stderr.contains(Self.secret), "the secret appeared on stderr of \(arguments)")
        return result
    }

    /// Runs a command that must succeed, printing nothing on stderr.
    @discardableResult
    func expectSuccess(_ arguments: [String]) async throws -> CLIRun {
        let result = try await run(arguments)
        #expect(result.status == 0, "\(arguments): \(result)")
        #expect(result.stderr.isEmpty, "\(arguments): \(result)")
        return result
    }

    /// Runs a command that must fail with `status` and one `error:` line, leaving the ledger as it was.
    @discardableResult
    func expectFailure(_ arguments: [String], status: Int32, ledger path: String? = nil) async throws -> CLIRun {
        let before = try await observe(path)
        let result = try await run(arguments, ledger: path)
        #expect(result.status == status, "\(arguments): \(result)")
        #expect(result.errorLines.count == 1, "\(arguments): \(result)")
        #expect(result.stderr.hasPrefix("error: "), "\(arguments): \(result)")
        #expect(result.stdout.isEmpty, "\(arguments): \(result)")
        let after = try await observe(path)
        #expect(after == before, "\(arguments) changed the ledger")
        return result
    }

    /// What a test compares before and after a refused command: the log and the contracts, as JSON.
    func observe(_ path: String? = nil) async throws -> String {
        let target = path ?? ledger
        guard FileManager.default.fileExists(atPath: target) else { return "(no file)" }
        let log = try await cli.run(["log", "--format", "json", "--ledger", target])
        let list = try await cli.run(["list", "--format", "json", "--ledger", target])
        return "\(log.status) \(log.stdout)\n\(list.status) \(list.stdout)"
    }

    /// Parses JSON printed by `--format json`.
    func json(_ arguments: [String]) async throws -> Any {
        let result = try await run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(arguments): \(result)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// The rows of `--format json` output that is an array of objects.
    func rows(_ arguments: [String]) async throws -> [[String: Any]] {
        let value = try await json(arguments)
        return try #require(value as? [[String: Any]])
    }

    /// The object printed by `--format json` output that is one object (`show`).
    func object(_ arguments: [String]) async throws -> [String: Any] {
        let value = try await json(arguments)
        return try #require(value as? [String: Any])
    }
}
