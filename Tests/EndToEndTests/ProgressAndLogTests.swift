import AutotaskSandbox
import Foundation
import TestSupport
import Testing

/// Progress and logs of the long commands go to standard error: a bar on a terminal only, JSON lines on
/// request, and Autotask requests with -v or CONTRACTS_LOG, never a header value.
@Suite("Progress and logs on standard error")
struct ProgressAndLogTests {
    @Test("import, sync and replay write nothing on standard error when it is not a terminal")
    func silentWhenNotATerminal() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        // expectSuccess checks that standard error stays empty (it is a file here, not a terminal).
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001", "--contract", "1002"])
        try await harness.expectSuccess(["sync"])
        let replay = try await ContractsExecutable(
            folder: harness.directory.url, environment: harness.cli.environment, product: "ledger-replay"
        ).run([harness.ledger])
        #expect(replay.status == 0 && replay.stderr.isEmpty, "\(replay)")
    }

    @Test("--progress json writes one JSON object a line, ending with everything done")
    func jsonLines() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        for (arguments, task) in [
            (
                ["import", "--company", "103", "--contract", "1005", "--contract", "1006", "--progress", "json"],
                "import"
            ),
            (["sync", "--progress", "json"], "sync"),
        ] {
            let result = try await harness.run(arguments)
            #expect(result.status == 0, "\(result)")
            let objects = try result.errorLines.map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "\($0)")
            }
            #expect(!objects.isEmpty, "\(result)")
            #expect(objects.allSatisfy { $0["task"] as? String == task && $0["elapsedMs"] is Int })
            let last = try #require(objects.last)
            #expect(last["done"] as? Int == 2 && last["total"] as? Int == 2, "\(result.stderr)")
            #expect(!result.stdout.contains("{\"task\""))
        }
        let replay = try await ContractsExecutable(
            folder: harness.directory.url, environment: harness.cli.environment, product: "ledger-replay"
        ).run([harness.ledger, "--progress", "json"])
        let last = try #require(
            replay.errorLines.last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(last["task"] as? String == "replay" && last["done"] as? Int == last["total"] as? Int, "\(replay)")
    }

    @Test("on a pseudo-terminal import and sync draw a bar with counts, and leave the line clean")
    func barOnATerminal() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        let contracts = try BuiltProducts.executable("contracts").path
        for arguments in [
            ["import", "--company", "103", "--contract", "1005", "--contract", "1006", "--contract", "1007"],
            ["sync"],
        ] {
            let command = ([contracts] + arguments + ["--ledger", harness.ledger]).map(Self.shellQuoted)
                .joined(separator: " ")
            // `script` runs the command on a new pseudo-terminal and copies what it draws to its standard output.
            let ending = try await ChildProcess.run(
                URL(fileURLWithPath: "/usr/bin/script"), ["-q", "-e", "-c", command, "/dev/null"],
                environment: harness.cli.environment, folder: harness.directory.url, timeout: .seconds(120))
            defer { try? FileManager.default.removeItem(at: ending.stdoutURL) }
            defer { try? FileManager.default.removeItem(at: ending.stderrURL) }
            let screen = try ending.stdout()
            #expect(ending.status == 0, "\(screen)")
            let task = arguments[0]
            #expect(screen.contains("\r\u{1B}[2K\(task)"), "no bar in \(screen.debugDescription)")
            #expect(screen.contains("3/3 contracts"), "\(screen.debugDescription)")
            #expect(screen.contains("requests"))
            #expect(!screen.contains(LedgerHarness.secret))
        }
    }

    @Test("-v logs each Autotask request with method, path, status and duration, and its retries, never a header")
    func verboseLogsRequests() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        harness.sandbox.setFaults(SandboxFaults(throttleRate: 1, throttleRetryAfterSeconds: 0, everyNthRequest: 3))
        let result = try await harness.run(["sync", "-v"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("POST /atservicesrest/v1.0/Contracts/query -> 200"), "\(result.stderr)")
        #expect(result.stderr.contains("autotask.seconds="), "\(result.stderr)")
        #expect(result.stderr.contains("retrying"), "\(result.stderr)")
        let credentials = harness.sandbox.credentials
        for secretish in [LedgerHarness.secret, credentials.integrationCode, "Secret:", "ApiIntegrationCode"] {
            #expect(!result.stderr.contains(secretish), "\(secretish) in \(result.stderr)")
        }
        #expect(!result.stdout.contains("autotask.seconds"), "logs must not reach standard output")
    }

    @Test("CONTRACTS_LOG sets the level; an unknown level is refused")
    func logLevelFromEnvironment() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        var cli = harness.cli
        cli.environment["CONTRACTS_LOG"] = "debug"
        let debug = try await cli.run(["companies", "--ledger", harness.ledger])
        #expect(debug.status == 0 && debug.stderr.contains("/Companies/query -> 200"), "\(debug)")
        #expect(!debug.stderr.contains(LedgerHarness.secret))
        cli.environment["CONTRACTS_LOG"] = "error"
        let quiet = try await cli.run(["companies", "--ledger", harness.ledger])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet)")
        cli.environment["CONTRACTS_LOG"] = "loud"
        let refused = try await cli.run(["companies", "--ledger", harness.ledger])
        #expect(refused.status == 2 && refused.stderr.contains("CONTRACTS_LOG"), "\(refused)")
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
