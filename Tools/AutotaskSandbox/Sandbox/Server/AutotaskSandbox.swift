import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A local Autotask REST API v1.0 over a seeded, in-memory data set, with fault and permission switches.
///
/// Start one per test on a free port and stop it afterwards:
/// ```swift
/// let sandbox = try await AutotaskSandbox.start(SandboxConfiguration(dataset: .demo))
/// defer { Task { try await sandbox.stop() } }
/// // zone discovery: GET \(sandbox.discoveryURL)v1.0/zoneInformation?user=api@sandbox.example
/// ```
///
/// Besides the API (under `/atservicesrest/`), an admin API answers loopback clients without Autotask auth:
/// `GET|DELETE /sandbox/log`, `GET|PUT /sandbox/permissions` (`{"mode":"restricted","companyIDs":[101]}`),
/// `GET|PUT|PATCH /sandbox/faults` (the `SandboxFaults` switches; durations in ms), `POST /sandbox/night`,
/// `PATCH /sandbox/{entity}/{id}` (a JSON object of fields), `POST /sandbox/contracts/{id}/renew`,
/// `POST /sandbox/contracts/{id}/deactivate`, `DELETE /sandbox/contracts/{id}`,
/// `POST /sandbox/configurationItems/{id}/link` (`{"contractID":1001,"contractServiceID":3001}`),
/// `POST /sandbox/configurationItems/{id}/unlink` and `POST /sandbox/contractServices/{id}/units` (`{"units":5}`).
/// Every change answers `{"changes":[{"entity","id","field","from","to","kind"}]}`, and bumps the record's
/// `lastModifiedDateTime` / `lastModifiedTime` / `lastModifiedDate` / `lastTrackedModifiedDateTime` (not listed).
public final class AutotaskSandbox: Sendable {
    /// `http://host:port`.
    public let baseURL: URL
    /// Where version and zone discovery live: `http://host:port/atservicesrest/`.
    public let discoveryURL: URL
    /// The zone URL `zoneInformation` answers: `http://host:port/atservicesrest/`.
    public let zoneURL: URL
    /// The API user the sandbox accepts (the secret is the sandbox's own, never a real one).
    public let credentials: SandboxCredentials
    /// The port the server listens on.
    public let port: Int

    let core: SandboxCore
    private let server: Task<Void, any Error>
    private let services: ServiceGroup

    private init(
        core: SandboxCore, server: Task<Void, any Error>, services: ServiceGroup, host: String, port: Int
    ) {
        self.core = core
        self.server = server
        self.services = services
        self.port = port
        self.credentials = core.credentials
        self.baseURL = URL(string: "http://\(host):\(port)")!
        self.discoveryURL = URL(string: "http://\(host):\(port)/atservicesrest/")!
        self.zoneURL = discoveryURL
    }

    /// Builds the data set and starts serving; returns once the server listens.
    public static func start(_ configuration: SandboxConfiguration = SandboxConfiguration()) async throws
        -> AutotaskSandbox
    {
        let core = SandboxCore(configuration: configuration)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "autotask-sandbox")
        logger.logLevel = .error
        let application = Application(
            responder: SandboxResponder(core: core),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "AutotaskSandbox"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? configuration.port)
                continuation.finish()
            },
            logger: logger)
        let services = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [application], logger: logger))
        let server = Task {
            defer { continuation.finish() }
            try await services.run()
        }
        var bound: Int?
        for await port in ports {
            bound = port
            break
        }
        guard let port = bound else {
            try await server.value
            throw SandboxAdminError("The sandbox server stopped before it listened.")
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        core.baseURL.withLock { $0 = "http://\(host):\(port)" }
        return AutotaskSandbox(core: core, server: server, services: services, host: host, port: port)
    }

    /// Stops the server and waits until it has shut down.
    public func stop() async throws {
        await services.triggerGracefulShutdown()
        try await server.value
    }

    /// A snapshot of the request log.
    public func requestLog() -> SandboxRequestLog {
        core.requestLog()
    }

    /// Clears the request log and the threshold window.
    public func resetRequestLog() {
        core.resetRequestLog()
    }

    /// The fault and limit switches in force.
    public var faults: SandboxFaults {
        core.control.withLock { $0.faults }
    }

    /// Replaces the fault and limit switches.
    public func setFaults(_ faults: SandboxFaults) {
        core.setFaults(faults)
    }

    /// The API user's contract permissions in force.
    public var permissions: SandboxPermissions {
        core.permissions
    }

    /// Changes the API user's contract permissions.
    public func setPermissions(_ p: SandboxPermissions) {
        core.setPermissions(p)
    }
}
