import Foundation
import Testing

@testable import Autotask

@Suite("Credentials keep the secret out of every text")
struct CredentialsTests {
    static let secret = "S3cr3t-Known-Value-42"

    static func temporaryFile(contents: String, mode: Int) throws -> (path: String, cleanup: () -> Void) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autotask-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("secret").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return (path, { try? FileManager.default.removeItem(at: directory) })
    }

    @Test("description, debugDescription and dump leave the secret out")
    func rendering() {
        let credentials = AutotaskCredentials(userName: "api@example.com", integrationCode: "CODE", secret: Self.secret)
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [
            credentials.description, credentials.debugDescription, "\(credentials)", String(reflecting: credentials),
            dumped, "\(Mirror(reflecting: credentials).children.map { "\($0.label ?? ""): \($0.value)" })",
        ] {
            #expect(!text.contains(Self.secret))
            #expect(text.contains("api@example.com") || text.contains("userName"))
        }
        #expect(credentials.secret.value == Self.secret)
    }

    @Test("the secret is read from an environment variable")
    func fromEnvironment() throws {
        let credentials = try AutotaskCredentials.fromEnvironment(
            userName: "u",
            integrationCode: "c",
            environment: ["AUTOTASK_SECRET": " \(Self.secret)\n"]
        )
        #expect(credentials.secret.value == Self.secret)
        let error = #expect(throws: AutotaskError.self) {
            try AutotaskCredentials.fromEnvironment(userName: "u", integrationCode: "c", environment: [:])
        }
        #expect(error?.code == .invalidCredentials)
        #expect(error?.message.contains("AUTOTASK_SECRET") == true)
    }

    @Test("a secret file readable only by its owner is accepted")
    func privateFile() throws {
        let file = try Self.temporaryFile(contents: Self.secret + "\n", mode: 0o600)
        defer { file.cleanup() }
        let credentials = try AutotaskCredentials.fromFile(file.path, userName: "u", integrationCode: "c")
        #expect(credentials.secret.value == Self.secret)
    }

    @Test(
        "a secret file readable by group or others is refused with chmod 600 advice", arguments: [0o640, 0o604, 0o644])
    func sharedFile(mode: Int) throws {
        let file = try Self.temporaryFile(contents: Self.secret, mode: mode)
        defer { file.cleanup() }
        let error = #expect(throws: AutotaskError.self) {
            try AutotaskCredentials.fromFile(file.path, userName: "u", integrationCode: "c")
        }
        #expect(error?.code == .invalidCredentials)
        #expect(error?.message.contains("chmod 600") == true)
        #expect(error?.message.contains(Self.secret) == false)
    }

    @Test("a missing or empty secret file is refused")
    func missingFile() throws {
        let missing = #expect(throws: AutotaskError.self) {
            try AutotaskCredentials.fromFile("/nonexistent/secret", userName: "u", integrationCode: "c")
        }
        #expect(missing?.code == .invalidCredentials)
        let file = try Self.temporaryFile(contents: "\n", mode: 0o600)
        defer { file.cleanup() }
        #expect(throws: AutotaskError.self) {
            try AutotaskCredentials.fromFile(file.path, userName: "u", integrationCode: "c")
        }
    }

    @Test("every error the client can raise renders without the secret, even when the server echoes it")
    func errorsAreRedacted() {
        let echoed = ["bad secret \(Self.secret) for user"]
        let threshold = ThresholdInformation(
            externalRequestThreshold: 10_000,
            requestThresholdTimeframe: 60,
            currentTimeframeRequestCount: 9_990
        )
        let errors: [AutotaskError] = [
            .authenticationFailed(userName: "u", endpoint: "Contracts", rediscovered: true, attempts: 2),
            .unknownUser(userName: "u", status: 500, messages: echoed),
            .badDiscoveryURL(status: 404, messages: echoed),
            .permissionDenied(endpoint: "Contracts", status: 403, messages: echoed),
            .throttled(endpoint: "Contracts", retryAfter: .seconds(3), messages: echoed),
            .threadLimit(endpoint: "Contracts", messages: echoed, status: 500),
            .unreachable(endpoint: "Contracts", url: "https://h.example:8443/x", underlying: "refused"),
            .timeout(endpoint: "Contracts", url: "https://h.example/x", timeout: .seconds(30)),
            .server(endpoint: "Contracts", status: 503, messages: echoed, final: false),
            .invalidQuery(endpoint: "Contracts", status: 500, messages: echoed),
            .malformed(endpoint: "Contracts", detail: "cut"),
            .notFound(endpoint: "Nope", messages: echoed),
            .untrustedHost(endpoint: "Contracts", url: "https://evil.example/x", zone: "https://a.example/"),
            .budgetExceeded(needed: 50, threshold: threshold),
            .throttled(endpoint: "C", retryAfter: nil, messages: echoed)
                .exhausted(retries: 5, elapsed: .seconds(59), attempts: 6),
        ]
        for error in errors {
            let redacted = error.redacting(Self.secret)
            for text in [
                redacted.description, redacted.message, redacted.localizedDescription, "\(redacted)",
                String(reflecting: redacted), redacted.errorDescription ?? "",
            ] {
                #expect(!text.contains(Self.secret), "\(redacted.code) leaks the secret")
            }
            #expect(!redacted.message.isEmpty)
        }
    }

    @Test("errors match their codes in catch patterns")
    func codeMatching() {
        let error: any Error = AutotaskError.permissionDenied(endpoint: "Contracts", status: 403, messages: [])
        var matched = false
        do { throw error } catch AutotaskError.Code.permissionDenied { matched = true } catch {}
        #expect(matched)
        #expect((error as? AutotaskError)?.message.contains("Contract Visibility = Full") == true)
        #expect((error as? AutotaskError)?.message.contains("Security Levels") == true)
    }
}
