import Autotask
import AutotaskSandbox
import Foundation
import Logging
import Synchronization

/// Starts sandboxes and clients for the integration tests, and always stops them.
enum SandboxHarness {
    /// The sandbox user's secret in these tests; no text the client produces may contain it.
    static let secret = "Zq7-Known-Sandbox-Secret-91"
    static let userName = "api@sandbox.example"
    static let integrationCode = "SANDBOXINTEGRATIONCODE00001"

    static func configuration(
        _ dataset: SandboxDataset = .demo,
        faults: SandboxFaults = SandboxFaults(),
        permissions: SandboxPermissions = .full
    ) -> SandboxConfiguration {
        SandboxConfiguration(
            dataset: dataset,
            seed: 1,
            credentials: SandboxCredentials(userName: userName, integrationCode: integrationCode, secret: secret),
            permissions: permissions,
            faults: faults
        )
    }

    /// Runs `body` with a sandbox on a free loopback port, stopping it afterwards.
    static func withSandbox<T: Sendable>(
        _ configuration: SandboxConfiguration = configuration(),
        _ body: (AutotaskSandbox) async throws -> T
    ) async throws -> T {
        let sandbox = try await AutotaskSandbox.start(configuration)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(sandbox))
        } catch {
            result = .failure(error)
        }
        try await sandbox.stop()
        return try result.get()
    }

    /// Credentials for the sandbox, optionally with a wrong part.
    static func credentials(
        userName: String = userName,
        integrationCode: String = integrationCode,
        secret: String = secret
    ) -> AutotaskCredentials {
        AutotaskCredentials(userName: userName, integrationCode: integrationCode, secret: secret)
    }

    /// A retry policy that records its waits instead of sleeping.
    static func fastRetry(
        _ sleeps: SleepRecorder,
        maxRetries: Int = 5,
        maxTotalTime: Duration = .seconds(60),
        maxMalformedRetries: Int = 2
    ) -> RetryPolicy {
        RetryPolicy(
            maxRetries: maxRetries,
            maxTotalTime: maxTotalTime,
            baseDelay: .milliseconds(2),
            maxDelay: .milliseconds(20),
            maxMalformedRetries: maxMalformedRetries,
            sleep: { duration in sleeps.record(duration) }
        )
    }

    /// Runs `body` with a client of the sandbox (zone discovery unless `direct`), shutting it down afterwards.
    static func withClient<T: Sendable>(
        _ sandbox: AutotaskSandbox,
        credentials: AutotaskCredentials = credentials(),
        direct: Bool = false,
        sleeps: SleepRecorder = SleepRecorder(),
        configure: (inout AutotaskConfiguration) -> Void = { _ in },
        _ body: (AutotaskClient) async throws -> T
    ) async throws -> T {
        var configuration = AutotaskConfiguration(
            zone: direct ? .direct(sandbox.zoneURL) : .discovery(sandbox.discoveryURL),
            requestTimeout: .seconds(10),
            retry: fastRetry(sleeps)
        )
        configure(&configuration)
        return try await AutotaskClient.withClient(credentials: credentials, configuration: configuration, body)
    }

    /// The error a call throws, as an ``AutotaskError``, or `nil` when it does not throw one.
    static func error(_ body: () async throws -> Void) async -> AutotaskError? {
        do {
            try await body()
            return nil
        } catch let error as AutotaskError {
            return error
        } catch {
            return nil
        }
    }

    /// Every text an error shows a person or a log.
    static func texts(of error: AutotaskError) -> [String] {
        var dumped = ""
        dump(error, to: &dumped)
        return [
            error.description, error.message, error.localizedDescription, String(reflecting: error), dumped,
        ] + error.serverMessages
    }
}

/// Collects the waits a retry policy asked for.
final class SleepRecorder: Sendable {
    private let durations = Mutex<[Duration]>([])

    func record(_ duration: Duration) {
        durations.withLock { $0.append(duration) }
    }

    var all: [Duration] { durations.withLock { $0 } }
}

/// A log handler that keeps every message and its metadata, to check what the client logs.
struct CapturingLogHandler: LogHandler {
    final class Store: Sendable {
        let lines = Mutex<[String]>([])
    }

    let store: Store
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let metadata = (event.metadata ?? [:]).map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        store.lines.withLock { $0.append("\(event.level) \(event.message) \(metadata)") }
    }
}
