import AutotaskSandbox
import Foundation
import Testing

@Suite("Bad input: one error line, the right exit status, and the ledger unchanged")
struct BadInputTests {
    @Test("unknown ids are refused with exit status 2")
    func unknownIDs() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])

        let contract = try await harness.expectFailure(["show", "LC-99"], status: 2)
        #expect(contract.stderr.contains("LC-99"))
        try await harness.expectFailure(["edit", "LC-99", "--set", "notes=x"], status: 2)
        try await harness.expectFailure(["copy", "LC-99"], status: 2)
        let autotask = try await harness.expectFailure(["import", "--company", "101", "--contract", "9999"], status: 2)
        #expect(autotask.stderr.contains("9999"))
        try await harness.expectFailure(["import", "--company", "101", "--service", "9999"], status: 2)
        try await harness.expectFailure(["browse", "--company", "9999"], status: 2)
        let elsewhere = try await harness.expectFailure(
            ["import", "--company", "101", "--contract", "1004"], status: 2)
        #expect(elsewhere.stderr.contains("company 102"))
    }

    @Test("malformed FIELD=VALUE, unknown fields and values of the wrong type are refused with exit status 2")
    func malformedAssignments() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])

        try await harness.expectFailure(["edit", "LC-1", "--set", "notes"], status: 2)
        try await harness.expectFailure(["edit", "LC-1", "--set", "=x"], status: 2)
        try await harness.expectFailure(["edit", "LC-1", "--set", "colour=blue"], status: 2)
        let date = try await harness.expectFailure(["edit", "LC-1", "--set", "renewalReminder=2026-02-30"], status: 2)
        #expect(date.stderr.contains("renewalReminder"))
        try await harness.expectFailure(["edit", "LC-1", "--set", "renewalReminder=next tuesday"], status: 2)
        try await harness.expectFailure(["create", "--set", "name=X", "--set", "startDate=soon"], status: 2)
        try await harness.expectFailure(["edit", "LC-1"], status: 2)
        try await harness.expectFailure(["import", "--company", "101"], status: 2)
        try await harness.expectFailure(["list", "--format", "xml"], status: 2)
    }

    @Test("a ledger path that is a folder, not a ledger, or missing is refused with exit status 3")
    func badLedgerPaths() async throws {
        let harness = try await LedgerHarness.start(primary: nil)
        defer { Task { try await harness.stop() } }

        let folder = harness.directory.path("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try await harness.expectFailure(["list"], status: 3, ledger: folder)
        try await harness.expectFailure(["init"], status: 3, ledger: folder)

        let text = harness.directory.path("notes.txt")
        let bytes = Data("these are notes, not a ledger\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: text))
        try await harness.expectFailure(["list"], status: 3, ledger: text)
        try await harness.expectFailure(["edit", "LC-1", "--set", "notes=x"], status: 3, ledger: text)
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == bytes)

        let missing = harness.directory.path("missing.sqlite")
        let result = try await harness.expectFailure(["list"], status: 3, ledger: missing)
        #expect(result.stderr.contains("no ledger at \(missing); run `contracts init`"))
        try await harness.expectFailure(["browse", "--company", "101"], status: 3, ledger: missing)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test("commands that need Autotask refuse a ledger with no connection configured")
    func noConnection() async throws {
        let harness = try await LedgerHarness.start(connect: false)
        defer { Task { try await harness.stop() } }
        let result = try await harness.expectFailure(["browse", "--company", "101"], status: 2)
        #expect(result.stderr.contains("contracts connect"))
        try await harness.expectFailure(["import", "--company", "101", "--contract", "1001"], status: 2)
        try await harness.expectFailure(["check-access"], status: 2)
    }

    @Test("an unreachable Autotask fails with exit status 4 and writes nothing")
    func unreachable() async throws {
        let closed = try await AutotaskSandbox.start(SandboxConfiguration(dataset: .demo))
        let closedURL = closed.zoneURL.absoluteString
        try await closed.stop()
        let harness = try await LedgerHarness.start(connect: false)
        defer { Task { try await harness.stop() } }

        let user = harness.sandbox.credentials.userName
        let code = harness.sandbox.credentials.integrationCode
        let connect = try await harness.expectFailure(
            ["connect", "--zone-url", closedURL, "--user", user, "--integration-code", code, "--retries", "0"],
            status: 4)
        #expect(connect.stderr.contains("Cannot reach Autotask"))
        try await harness.expectSuccess([
            "connect", "--zone-url", closedURL, "--user", user, "--integration-code", code, "--no-check",
        ])
        try await harness.expectFailure(["browse", "--company", "101", "--retries", "0"], status: 4)
    }

    @Test("an API user who cannot see contracts gets exit status 4 and the security-level steps")
    func permissionDenied() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        harness.sandbox.setPermissions(.empty)

        let check = try await harness.expectFailure(["check-access"], status: 4)
        #expect(check.stderr.contains("Security Levels"))
        #expect(check.stderr.contains("Contract Visibility"))
        let browse = try await harness.expectFailure(["browse", "--company", "101"], status: 4)
        #expect(browse.stderr.contains("View = All"))
    }

    @Test("a missing secret is bad input; a wrong one is an Autotask problem")
    func secretProblems() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        var noSecret = harness.cli
        noSecret.environment["AUTOTASK_SECRET"] = nil
        let missing = try await noSecret.run(["browse", "--company", "101", "--ledger", harness.ledger])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("AUTOTASK_SECRET"))

        let open = harness.directory.path("secret-open")
        try Data("anything\n".utf8).write(to: URL(fileURLWithPath: open))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: open)
        let unsafe = try await harness.expectFailure(["check-access", "--secret-file", open], status: 2)
        #expect(unsafe.stderr.contains("chmod 600"))

        let wrong = harness.directory.path("secret-wrong")
        try Data("not-the-secret\n".utf8).write(to: URL(fileURLWithPath: wrong))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: wrong)
        try await harness.expectFailure(
            ["browse", "--company", "101", "--secret-file", wrong, "--retries", "0"], status: 4)
    }
}
