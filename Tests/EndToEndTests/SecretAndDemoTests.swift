import Foundation
import TestSupport
import Testing

@Suite("The secret stays out of the ledger, and the demo runs")
struct SecretAndDemoTests {
    @Test("after a whole session the secret is in no byte of the ledger file")
    func secretNotInLedger() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["check-access"])
        try await harness.expectSuccess(["companies", "--search", "acme"])
        try await harness.expectSuccess(["browse", "--company", "101", "--show-services"])
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        let secretFile = harness.directory.path("secret")
        try Data((LedgerHarness.secret + "\n").utf8).write(to: URL(fileURLWithPath: secretFile))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secretFile)
        try await harness.expectSuccess(["browse", "--company", "102", "--secret-file", secretFile])

        let needle = Data(LedgerHarness.secret.utf8)
        for suffix in ["", "-wal", "-shm"] {
            guard let bytes = FileManager.default.contents(atPath: harness.ledger + suffix) else { continue }
            #expect(bytes.range(of: needle) == nil, "the secret is in ledger.sqlite\(suffix)")
        }
        let log = try await harness.expectSuccess(["log", "--format", "csv"]).stdout
        #expect(!log.contains(LedgerHarness.secret))
    }

    @Test("a secret with a line break or a control character is refused before any request, in no form recorded")
    func controlCharacterSecretRefused() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        let requestsBefore = harness.sandbox.requestLog().totalRequests
        let file = harness.directory.path("bad-secret")
        try Data("TOPSECRET\nLEAKME\n".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let viaFile = try await harness.expectFailure(["sync", "--secret-file", file], status: 2)
        var environment = harness.cli.environment
        environment["AUTOTASK_SECRET"] = "A\u{01}B-LEAKME"
        let cli = try ContractsExecutable(folder: harness.directory.url, environment: environment)
        let viaEnvironment = try await cli.run(["sync", "--ledger", harness.ledger])
        #expect(viaEnvironment.status == 2, "\(viaEnvironment)")
        #expect(viaEnvironment.stderr.contains("control character"), "\(viaEnvironment)")
        #expect(harness.sandbox.requestLog().totalRequests == requestsBefore, "a request was sent")
        let runs = try await harness.run(["runs", "--format", "json"]).stdout
        let log = try await harness.run(["log", "--format", "json"]).stdout
        for text in [viaFile.stdout, viaFile.stderr, viaEnvironment.stdout, viaEnvironment.stderr, runs, log] {
            #expect(!text.contains("LEAKME") && !text.contains("TOPSECRET"), "a form of the secret leaked: \(text)")
        }
        for suffix in ["", "-wal"] {
            let bytes = FileManager.default.contents(atPath: harness.ledger + suffix) ?? Data()
            #expect(bytes.range(of: Data("LEAKME".utf8)) == nil, "the secret is in ledger.sqlite\(suffix)")
        }
    }

    @Test("contracts demo walks the whole flow and exits 0, leaving the ledger where asked")
    func demoRuns() async throws {
        let directory = try TemporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["AUTOTASK_SECRET"] = nil
        let cli = try ContractsExecutable(folder: directory.url, environment: environment)
        let path = directory.path("demo.sqlite")
        let result = try await cli.run(["demo", "--ledger", path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("The demo finished"))
        #expect(result.stdout.contains("** "))
        #expect(result.stderr.contains("error: endDate is owned by Autotask"))
        #expect(result.stderr.contains("already imported as LC-1"))
        let list = try await cli.run(["list", "--format", "json", "--ledger", path])
        #expect(list.status == 0)
        #expect(list.stdout.contains("\"LC-3\""))
    }
}
