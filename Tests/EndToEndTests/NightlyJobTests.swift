import AutotaskSandbox
import EventLog
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The nightly job as the README writes it: exit codes, waiting for the lock, clean stops, file modes,
/// quiet and JSON output, and the cron and systemd recipes tried as written.
@Suite("The nightly job as written")
struct NightlyJobTests {
    @Test("a busy ledger exits 75; --wait waits for the other sync and then runs")
    func busyLedgerAndWait() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        // A sync holds an exclusive flock on the ledger file itself.
        let lock = open(harness.ledger, O_RDONLY)
        #expect(lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) == 0)

        let busy = try await harness.expectFailure(["sync"], status: 75)
        #expect(busy.stderr.contains("busy"))
        let waited = try await harness.expectFailure(["sync", "--wait", "1"], status: 75)
        #expect(waited.stderr.contains("after waiting 1 s"), "\(waited)")

        var environment = harness.cli.environment
        environment["CONTRACTS_LEDGER"] = harness.ledger
        let waiting = try StartedProcess(
            "contracts", ["sync", "--wait", "60"], environment: environment, folder: harness.directory.url)
        try await Task.sleep(for: .milliseconds(700))
        #expect(waiting.process.isRunning, "sync --wait gave up while the lock was held: \(waiting.stderr)")
        flock(lock, LOCK_UN)
        close(lock)
        let ending = try #require(await waiting.waitForExit(timeout: .seconds(60)))
        #expect(ending.status == 0, "\(waiting.stdout)\(waiting.stderr)")
        #expect(waiting.stdout.contains("Sync completed"))
    }

    @Test(
        "SIGINT or SIGTERM ends a sync at once, recorded as interrupted, exit 130; the next run finishes",
        arguments: [SIGINT, SIGTERM])
    func interruptedSync(signal: Int32) async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001", "--contract", "1002"])
        harness.sandbox.setFaults(SandboxFaults(slowRate: 1, slowDelay: .seconds(60)))

        var environment = harness.cli.environment
        environment["CONTRACTS_LEDGER"] = harness.ledger
        let sync = try StartedProcess(
            "contracts", ["sync", "--progress", "json"], environment: environment, folder: harness.directory.url)
        #expect(await sync.waitForOutput("\"stage\":\"fetching\""), "\(sync.stderr)")
        try await Task.sleep(for: .milliseconds(300))
        sync.send(signal)
        let ending = try #require(await sync.waitForExit(timeout: .seconds(15)), "the sync ignored the signal")
        #expect(ending.status == 130, "\(sync.stdout)\(sync.stderr)")
        #expect(sync.stderr.contains("interrupted"), "\(sync.stderr)")

        let runs = try await harness.rows(["runs"])
        #expect(runs.last?["status"] as? String == "interrupted", "\(runs)")
        let log = try await harness.logRows()
        #expect(
            !log.contains {
                $0.stream.hasPrefix("contract/") && $0.type != "ContractImported" && $0.type != "AssetLinked"
            })

        harness.sandbox.setFaults(SandboxFaults())
        let next = try await harness.expectSuccess(["sync"])
        #expect(!next.stdout.contains("never finished"), "the interrupted run was already recorded: \(next.stdout)")
        #expect(next.stdout.contains("Sync completed"))
    }

    @Test("a new ledger and its -wal, -shm and lock files are readable by their owner only")
    func newLedgerModes() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        try await harness.expectSuccess(["sync"])
        let log = try EventLog.open(path: harness.ledger)
        _ = try log.lastPosition()
        for suffix in ["", "-wal", "-shm", ".sync-lock"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: harness.ledger + suffix)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            #expect(mode == 0o600, "ledger\(suffix) has mode \(String(mode, radix: 8))")
        }
        withExtendedLifetime(log) {}
    }

    @Test("--quiet prints nothing when nothing changed and only the changes otherwise; --format json is the run")
    func quietAndJSON() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        _ = try await harness.importDemoContracts()
        let quiet = try await harness.expectSuccess(["sync", "--quiet"])
        #expect(quiet.stdout.isEmpty, "\(quiet)")
        _ = harness.sandbox.advanceNight()
        let changed = try await harness.expectSuccess(["sync", "--quiet", "--trigger", "nightly"])
        #expect(changed.stdout.contains("LC-"), "\(changed)")
        _ = harness.sandbox.advanceNight()
        let json = try await harness.object(["sync"])
        #expect(json["status"] as? String == "completed")
        #expect(json["run"] as? Int == 3)
        #expect((json["changes"] as? [[String: Any]])?.isEmpty == false, "\(json)")
        #expect(json["requests"] as? Int ?? 0 > 0)
    }

    @Test("the README's recipes are the ones sync --help prints")
    func readmeMatchesHelp() async throws {
        let folder = try TemporaryDirectory()
        let cli = try ContractsExecutable(folder: folder.url, environment: ProcessInfo.processInfo.environment)
        let help = try await cli.run(["sync", "--help"])
        #expect(help.status == 0)
        let blocks = try Self.readmeBlocks()
        #expect(blocks.count == 3, "the cron line, the service and the timer")
        let collapsedHelp = Self.collapsed(help.stdout)
        for block in blocks {
            let body = block.split(separator: "\n").filter { !$0.hasPrefix("# /etc/systemd") }.joined(separator: "\n")
            #expect(collapsedHelp.contains(Self.collapsed(body)), "sync --help lacks:\n\(body)")
        }
    }

    @Test("the README's cron line runs as written under cron's minimal environment")
    func cronLineRunsAsWritten() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001", "--contract", "1002"])

        // Install the built executable to a prefix of its own, and the secret to a file only its owner reads.
        let prefix = harness.directory.path("prefix")
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: try BuiltProducts.executable("contracts").path, toPath: prefix + "/bin/contracts")
        let secretFile = harness.directory.path("autotask-secret")
        FileManager.default.createFile(
            atPath: secretFile, contents: Data(LedgerHarness.secret.utf8), attributes: [.posixPermissions: 0o600])

        let crontab = try #require(try Self.readmeBlocks().first { $0.contains("* * *") })
        var variables: [String] = []
        var command: String?
        for line in crontab.split(separator: "\n").map(String.init) {
            let localized = line.replacingOccurrences(of: "/usr/local/bin/contracts", with: prefix + "/bin/contracts")
                .replacingOccurrences(of: "/var/lib/contracts/ledger.sqlite", with: harness.ledger)
                .replacingOccurrences(of: "/etc/contracts/autotask-secret", with: secretFile)
            if let match = localized.firstMatch(of: /^[A-Z_]+=\S+$/) {
                variables.append(String(match.0))
            } else {
                // Five schedule fields, then the command cron hands to /bin/sh.
                command = localized.split(separator: " ", maxSplits: 5).last.map(String.init)
            }
        }
        let line = try #require(command)
        #expect(line.hasPrefix(prefix + "/bin/contracts sync"))
        let environment = ["PATH=/usr/bin:/bin", "HOME=\(harness.directory.path("home"))", "SHELL=/bin/sh"]
        func runCron() async throws -> (status: Int32, stdout: String, stderr: String) {
            let ending = try await ChildProcess.run(
                URL(fileURLWithPath: "/usr/bin/env"), ["-i"] + environment + variables + ["/bin/sh", "-c", line],
                environment: [:], folder: harness.directory.url, timeout: .seconds(120))
            defer { try? FileManager.default.removeItem(at: ending.stdoutURL) }
            defer { try? FileManager.default.removeItem(at: ending.stderrURL) }
            return (ending.status, try ending.stdout(), try ending.stderr())
        }
        let nothing = try await runCron()
        #expect(nothing.status == 0, "\(nothing)")
        #expect(nothing.stdout.isEmpty && nothing.stderr.isEmpty, "cron would mail: \(nothing)")
        let runs = try await harness.rows(["runs"])
        #expect(runs.last?["trigger"] as? String == "nightly" && runs.last?["status"] as? String == "completed")
    }

    @Test("systemd-analyze verifies the README's service and timer as written")
    func systemdUnitsVerify() async throws {
        let analyze = "/usr/bin/systemd-analyze"
        guard FileManager.default.isExecutableFile(atPath: analyze) else {
            Issue.record("systemd-analyze is not installed (apt-get install systemd), so the units were not verified")
            return
        }
        let folder = try TemporaryDirectory()
        let blocks = try Self.readmeBlocks().filter { $0.hasPrefix("# /etc/systemd/system/") }
        #expect(blocks.count == 2)
        var units: [String] = []
        let executable = try BuiltProducts.executable("contracts").path
        for block in blocks {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
            let name = String(lines[0].split(separator: "/").last ?? "unit")
            let text = lines.dropFirst().joined(separator: "\n")
                .replacingOccurrences(of: "/usr/local/bin/contracts", with: executable)
            try (text + "\n").write(toFile: folder.path(name), atomically: true, encoding: .utf8)
            units.append(folder.path(name))
        }
        let verify = try await ChildProcess.run(
            URL(fileURLWithPath: analyze), ["verify"] + units, environment: ProcessInfo.processInfo.environment,
            folder: folder.url, timeout: .seconds(60))
        let verifyOutput = try verify.stdout() + verify.stderr()
        #expect(verify.status == 0, "\(verifyOutput)")
        #expect(!verifyOutput.contains("Unknown") && !verifyOutput.contains("Failed"), "\(verifyOutput)")
        let service = try #require(units.first { $0.hasSuffix(".service") })
        let security = try await ChildProcess.run(
            URL(fileURLWithPath: analyze), ["security", "--offline=true", service],
            environment: ProcessInfo.processInfo.environment, folder: folder.url, timeout: .seconds(60))
        let report = try security.stdout()
        let score = try #require(
            report.firstMatch(of: /Overall exposure level for [^:]+: ([0-9.]+)/).flatMap { Double($0.1) }, "\(report)")
        #expect(score <= 2.0, "exposure \(score)")
        #expect(try String(contentsOfFile: Self.readmePath, encoding: .utf8).contains("**\(score) OK**"))
    }

    static let readmePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md").path

    /// The cron and ini code blocks of the README's nightly section.
    static func readmeBlocks() throws -> [String] {
        let readme = try String(contentsOfFile: readmePath, encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```cron" || line == "```ini" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
