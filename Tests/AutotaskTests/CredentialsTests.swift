import AutotaskSandbox
import Foundation
import Logging
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

    @Test("a secret file reached by a symbolic link is judged by the file it points to, and the link is named")
    func symlinkedFile() throws {
        let file = try Self.temporaryFile(contents: Self.secret, mode: 0o600)
        defer { file.cleanup() }
        let link = file.path + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file.path)
        #expect(try AutotaskCredentials.fromFile(link, userName: "u", integrationCode: "c").secret.value == Self.secret)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let error = #expect(throws: AutotaskError.self) {
            try AutotaskCredentials.fromFile(link, userName: "u", integrationCode: "c")
        }
        #expect(error?.message.contains("symbolic link") == true)
        #expect(error?.message.contains("mode 644") == true)
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

    @Test(
        "a user name, integration code or secret holding a control character is refused before any request",
        arguments: [
            ("user", "api@sandbox.example\nX", "CODE", "TOPSECRET-LEAKME"),
            ("code", "api@sandbox.example", "CO\u{01}DE", "TOPSECRET-LEAKME"),
            ("secret", "api@sandbox.example", "CODE", "TOPSECRET\nLEAKME"),
            ("secret", "api@sandbox.example", "CODE", "A\u{01}B-LEAKME"),
            ("secret", "api@sandbox.example", "CODE", "TOPSECRET\u{7F}LEAKME"),
        ])
    func controlCharactersRefused(part: String, userName: String, code: String, secret: String) async throws {
        let logged = CapturingLogHandler.Store()
        try await SandboxHarness.withSandbox { sandbox in
            let credentials = AutotaskCredentials(userName: userName, integrationCode: code, secret: secret)
            let error = await SandboxHarness.error {
                try await SandboxHarness.withClient(
                    sandbox, credentials: credentials,
                    configure: { $0.logger = Logger(label: "t") { _ in CapturingLogHandler(store: logged) } }
                ) { client in
                    _ = try await client.entityInformation("Contracts")
                }
            }
            #expect(error?.code == .invalidCredentials, "\(String(describing: error))")
            #expect(sandbox.requestLog().totalRequests == 0)
            let texts = (error.map(SandboxHarness.texts(of:)) ?? []) + logged.lines.withLock { $0 }
            for text in texts {
                #expect(!text.contains("LEAKME"), "a form of the secret leaked: \(text)")
                #expect(!text.contains("\nX") && !text.contains("CO\u{01}DE"))
            }
        }
    }

    @Test("a secret file or variable holding a control character is refused without echoing it")
    func controlCharactersInSources() throws {
        let file = try Self.temporaryFile(contents: "TOPSECRET\nLEAKME\n", mode: 0o600)
        defer { file.cleanup() }
        let fromFile = #expect(throws: AutotaskError.self) {
            try AutotaskCredentials.fromFile(file.path, userName: "u", integrationCode: "c")
        }
        let fromEnvironment = #expect(throws: AutotaskError.self) {
            try AutotaskCredentials.fromEnvironment(
                userName: "u", integrationCode: "c", environment: ["AUTOTASK_SECRET": "A\u{01}B-LEAKME"])
        }
        for error in [fromFile, fromEnvironment] {
            #expect(error?.code == .invalidCredentials)
            #expect(error?.message.contains("control character") == true)
            #expect(error?.message.contains("LEAKME") == false)
        }
    }

    @Test("redaction also removes the JSON-escaped, Swift-escaped and percent-encoded forms of the secret")
    func escapedFormsRedacted() {
        let secret = "TOP SECRET\n\u{01}\"LEAK/ME"
        let forms = AutotaskError.writtenForms(of: secret)
        #expect(forms.contains(#"TOP SECRET\n\u0001\"LEAK\/ME"#))
        #expect(forms.contains(#"TOP SECRET\n\u{01}\"LEAK/ME"#))
        #expect(forms.contains("TOP%20SECRET%0A%01%22LEAK%2FME"))
        #expect(forms.contains("TOP%20SECRET%0a%01%22LEAK%2fME"))
        for form in forms {
            let error = AutotaskError.server(
                endpoint: "Contracts", status: 500, messages: ["echo \(form) end"], final: true
            )
            .redacting(secret)
            #expect(!error.message.contains("LEAK"), "\(form)")
            #expect(!error.serverMessages.joined().contains("LEAK"), "\(form)")
        }
    }
}
