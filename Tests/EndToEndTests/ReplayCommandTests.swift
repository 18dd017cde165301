import AutotaskSandbox
import Foundation
import TestSupport
import Testing

@Suite("The ledger-replay executable")
struct ReplayCommandTests {
    /// A ledger with two imports and two syncs around a contract renamed in Autotask.
    static func ledgerWithTwoRuns() async throws -> LedgerHarness {
        let harness = try await LedgerHarness.start()
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        try await harness.expectSuccess(["import", "--company", "102", "--contract", "1004"])
        try await harness.expectSuccess(["sync"])
        try harness.sandbox.edit("Contracts", id: 1001, ["contractName": .string("Acme Renamed")])
        try await harness.expectSuccess(["sync"])
        return harness
    }

    static func replay(_ harness: LedgerHarness, _ arguments: [String]) async throws -> CLIRun {
        let tool = try ContractsExecutable(
            folder: harness.directory.url, environment: harness.cli.environment, product: "ledger-replay")
        return try await tool.run(arguments)
    }

    /// Runs SQL on the ledger through the `sqlite3` command-line tool, as someone editing the file by hand.
    static func sqlite(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "sqlite3 \(sql)")
    }

    @Test("on a good ledger it exits 0 and prints the audit of every run; --run N --format json is valid JSON")
    func goodLedger() async throws {
        let harness = try await Self.ledgerWithTwoRuns()
        defer { Task { try await harness.stop() } }

        let text = try await Self.replay(harness, [harness.ledger])
        #expect(text.status == 0, "\(text)")
        #expect(text.stderr.isEmpty)
        #expect(text.stdout.contains("OK: positions, versions and the hash chain verify"))
        #expect(text.stdout.contains("Sync #1 (manual, all contracts): completed"))
        #expect(text.stdout.contains("Sync #2 (manual, all contracts): completed"))
        #expect(text.stdout.contains("LC-1 @"))
        #expect(text.stdout.contains("Autotask changed name from 'Acme Managed IT Services' to 'Acme Renamed'"))

        let json = try await Self.replay(harness, [harness.ledger, "--run", "2", "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((report["faults"] as? [Any])?.isEmpty == true)
        let runs = try #require(report["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        #expect((runs.first?["run"] as? [String: Any])?["run"] as? Int == 2)

        let unknown = try await Self.replay(harness, [harness.ledger, "--run", "9"])
        #expect(unknown.status == 2 && unknown.stdout.isEmpty && unknown.errorLines.count == 1, "\(unknown)")
        #expect(unknown.stderr.contains("there is no sync run #9") && unknown.stderr.contains("#1 to #2"))
    }

    @Test("a payload edited with the triggers dropped fails, naming the position and the stream")
    func tamperedPayload() async throws {
        let harness = try await Self.ledgerWithTwoRuns()
        defer { Task { try await harness.stop() } }
        let log = try await harness.logRows()
        let position = try #require(log.first { $0.stream == "contract/LC-2" }?.position)
        try Self.sqlite(
            harness.ledger,
            "DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete; "
                + "UPDATE events SET payload = replace(payload, 'Blue Harbor', 'Blue Harber') WHERE position = \(position);"
        )

        let result = try await Self.replay(harness, [harness.ledger])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("FAULT: "), "\(result)")
        #expect(result.stdout.contains("at position \(position) (stream 'contract/LC-2')"), "\(result)")
        #expect(result.stdout.contains("triggers-missing"), "\(result)")
    }

    @Test("a projection row edited by hand fails, naming the table and the row")
    func editedProjection() async throws {
        let harness = try await Self.ledgerWithTwoRuns()
        defer { Task { try await harness.stop() } }
        try Self.sqlite(
            harness.ledger, "UPDATE contract_fields SET value = 'Edited' WHERE contract_id = 'LC-1' AND field = 'name';"
        )

        let result = try await Self.replay(harness, [harness.ledger])
        #expect(result.status == 1, "\(result)")
        let fault = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("FAULT: ") })
        #expect(fault.contains("in table contract_fields"), "\(result)")
        #expect(fault.contains("LC-1") && fault.contains("name"), "\(result)")

        let json = try await Self.replay(harness, [harness.ledger, "--format", "json"])
        #expect(json.status == 1)
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
        #expect(json.stderr.contains("contract_fields"))
    }

    @Test("a missing file or a text file is one clear error line and a non-zero exit")
    func notALedger() async throws {
        let directory = try TemporaryDirectory()
        let tool = try ContractsExecutable(
            folder: directory.url, environment: ProcessInfo.processInfo.environment, product: "ledger-replay")
        let missing = directory.path("nowhere.sqlite")
        let text = directory.path("notes.txt")
        try Data("just some notes\n".utf8).write(to: URL(fileURLWithPath: text))

        for (path, words) in [(missing, "there is no ledger at"), (text, "is not a ledger")] {
            let result = try await tool.run([path])
            #expect(result.status != 0, "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
            #expect(result.errorLines.count == 1, "\(result)")
            #expect(result.stderr.contains(words) && result.stderr.contains(path), "\(result)")
        }
        #expect(!FileManager.default.fileExists(atPath: missing), "ledger-replay created the missing ledger")

        // Without a path it audits CONTRACTS_LEDGER's ledger, else the default one, as `contracts` does.
        var environment = ProcessInfo.processInfo.environment
        environment["CONTRACTS_LEDGER"] = nil
        environment["XDG_DATA_HOME"] = nil
        environment["HOME"] = directory.path("home")
        let defaulted = try await ContractsExecutable(
            folder: directory.url, environment: environment, product: "ledger-replay"
        ).run([])
        #expect(defaulted.status == 2 && defaulted.errorLines.count == 1, "\(defaulted)")
        #expect(
            defaulted.stderr.contains(
                "there is no ledger at \(directory.path("home"))/.local/share/contracts/ledger.sqlite"),
            "\(defaulted)")
        let usage = try await tool.run([missing, "--run", "0"])
        #expect(usage.status == 2 && usage.errorLines.count == 1, "\(usage)")
        #expect(usage.stderr.contains("see `ledger-replay --help`"), "\(usage)")
        let help = try await tool.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("EXIT CODES") && help.stderr.isEmpty, "\(help)")
    }
}
