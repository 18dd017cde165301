import AutotaskSandbox
import Foundation
import Synchronization

/// One campaign's world: a sandbox on a free loopback port, a temp folder, and the executables run against it.
///
/// The sandbox's API user has a distinctive secret; ``SecretScan`` looks for it in every file of the folder
/// (ledgers, their -wal, and every process's stdout and stderr, which the runner keeps).
final class CampaignWorld: Sendable {
    let sandbox: AutotaskSandbox
    let folder: URL
    let tools: CampaignTools
    let runner: ProcessRunner
    let secret: String
    private let otherSecrets = Mutex<[String]>([])

    private init(sandbox: AutotaskSandbox, folder: URL, tools: CampaignTools, secret: String) {
        self.sandbox = sandbox
        self.folder = folder
        self.tools = tools
        self.secret = secret
        var environment = ProcessInfo.processInfo.environment
        environment["AUTOTASK_SECRET"] = secret
        environment["CONTRACTS_LEDGER"] = nil
        environment["HOME"] = folder.appendingPathComponent("home").path
        environment["XDG_DATA_HOME"] = folder.appendingPathComponent("data").path
        runner = ProcessRunner(folder: folder, environment: environment)
    }

    /// Starts a demo sandbox with the given faults and makes the folder.
    static func start(_ name: String, tools: CampaignTools, seed: UInt64, faults: SandboxFaults = .none)
        async throws -> CampaignWorld
    {
        let secret = "campaign-SECRET-\(seed)-\(name)-do-not-print"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ledger-campaign-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sandbox = try await AutotaskSandbox.start(
            SandboxConfiguration(
                dataset: .demo, seed: seed, credentials: SandboxCredentials(secret: secret), faults: faults))
        return CampaignWorld(sandbox: sandbox, folder: folder, tools: tools, secret: secret)
    }

    /// Stops the sandbox, scans the folder for the secret, and removes the folder.
    func finish(_ tally: inout CampaignTally, campaign: String) async {
        try? await sandbox.stop()
        let secrets = [secret] + otherSecrets.withLock { $0 }
        tally.failures += SecretScan.scan(folder: folder, secrets: secrets).map { "\(campaign): \($0)" }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Adds a secret the final scan also looks for (one a trial handed to a process).
    func remember(secret: String) {
        otherSecrets.withLock { $0.append(secret) }
    }

    /// A path in the folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Runs `contracts <arguments> --ledger <ledger>`.
    func contracts(
        _ arguments: [String], ledger: String, timeout: Duration = .seconds(90), killAfter: Duration? = nil
    ) async throws -> ProcessOutcome {
        try await runner.run(tools.contracts, arguments + ["--ledger", ledger], timeout: timeout, killAfter: killAfter)
    }

    /// Runs `ledger-replay <ledger>`.
    func replay(_ ledger: String) async throws -> ProcessOutcome {
        try await runner.run(tools.replay, [ledger], timeout: .seconds(60))
    }

    /// Runs a command that must succeed; throws otherwise.
    @discardableResult
    func mustSucceed(_ arguments: [String], ledger: String) async throws -> ProcessOutcome {
        let outcome = try await contracts(arguments, ledger: ledger)
        guard outcome.succeeded else {
            throw CampaignError("`contracts \(arguments.joined(separator: " "))`: \(outcome)")
        }
        return outcome
    }

    /// A new ledger, initialised with Autotask primary, connected to the sandbox, with these imports.
    func makeLedger(_ name: String, imports: [[String]] = []) async throws -> String {
        let ledger = path(name)
        try await mustSucceed(["init", "--primary", "autotask"], ledger: ledger)
        try await mustSucceed(
            [
                "connect", "--discovery-url", sandbox.discoveryURL.absoluteString, "--user",
                sandbox.credentials.userName, "--integration-code", sandbox.credentials.integrationCode,
            ], ledger: ledger)
        for arguments in imports { try await mustSucceed(["import"] + arguments, ledger: ledger) }
        return ledger
    }

    /// Copies a closed ledger (and any -wal) to a new name in the folder.
    func copyLedger(_ source: String, to name: String) throws -> String {
        let target = path(name)
        for suffix in ["", "-wal", "-shm", ".sync-lock"] {
            try? FileManager.default.removeItem(atPath: target + suffix)
        }
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: target + suffix)
        }
        return target
    }

    /// The log and the contracts as JSON: what a refused command must leave unchanged.
    func observe(_ ledger: String) async throws -> String {
        let log = try await contracts(["log", "--format", "json"], ledger: ledger)
        let list = try await contracts(["list", "--format", "json"], ledger: ledger)
        return "\(log.status) \(log.stdout)\n\(list.status) \(list.stdout)"
    }

    /// The final state: every contract's fields and assets as `show --format json` prints them.
    func finalState(_ ledger: String) async throws -> String {
        let list = try await contracts(["list", "--format", "json"], ledger: ledger)
        guard list.succeeded,
            let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        else { throw CampaignError("`contracts list` failed: \(list)") }
        var state = ""
        for id in rows.compactMap({ $0["id"] as? String }).sorted() {
            let show = try await contracts(["show", id, "--format", "json"], ledger: ledger)
            state += "\(id) \(show.status)\n\(show.stdout)\n"
        }
        return state
    }

    /// The `log --format json` rows.
    func logRows(_ ledger: String) async throws -> [[String: Any]] {
        let log = try await contracts(["log", "--format", "json"], ledger: ledger)
        guard log.succeeded,
            let rows = try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]]
        else { throw CampaignError("`contracts log` failed: \(log)") }
        return rows
    }

    /// The `runs --format json` rows.
    func runs(_ ledger: String) async throws -> [[String: Any]] {
        let runs = try await contracts(["runs", "--format", "json"], ledger: ledger)
        guard runs.succeeded,
            let rows = try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [[String: Any]]
        else { throw CampaignError("`contracts runs` failed: \(runs)") }
        return rows
    }
}

/// One logged event as `log --format json` shows it, for prefix comparisons.
func eventKey(_ row: [String: Any]) -> String {
    "\(row["position"] ?? "?") \(row["stream"] ?? "?") \(row["version"] ?? "?") \(row["type"] ?? "?")"
}
