import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import Synchronization

/// A client of the Autotask REST API v1.0.
///
/// One client holds one `HTTPClient`; call ``shutdown()`` when done (or use
/// ``withClient(credentials:configuration:_:)``). The client is `Sendable` and may be shared by many
/// tasks: its limits (at most ``AutotaskConfiguration/maxConcurrentRequestsPerEndpoint`` requests in flight
/// per endpoint) and statistics cover all of them.
///
/// ```swift
/// let credentials = try AutotaskCredentials.fromEnvironment(userName: "api@example.com", integrationCode: "ABC")
/// try await AutotaskClient.withClient(credentials: credentials) { client in
///     let contracts = try await client.query(Contract.self, Query(.eq("companyID", 42)))
///     print(contracts.items.count, contracts.statistics.pages)
/// }
/// ```
public final class AutotaskClient: Sendable {
    struct State {
        var zone: ZoneState = .unknown
        var statistics = ClientStatistics()
        var semaphores: [String: AsyncSemaphore] = [:]
        var isShutDown = false
    }

    enum ZoneState {
        case unknown
        case resolving(Task<String, any Error>)
        case resolved(String)
    }

    let credentials: AutotaskCredentials
    /// The configuration the client was created with.
    public let configuration: AutotaskConfiguration
    let httpClient: HTTPClient
    let state = Mutex(State())

    /// Creates a client; it makes no request until the first call.
    public init(credentials: AutotaskCredentials, configuration: AutotaskConfiguration = AutotaskConfiguration()) {
        self.credentials = credentials
        self.configuration = configuration
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.redirectConfiguration = .disallow
        // Concurrency is bounded per endpoint by the client; the pool must not add its own queue.
        httpConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        // A failed connection fails the attempt, so that the client's own retries and budget apply.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        httpConfiguration.timeout = HTTPClient.Configuration.Timeout(
            connect: .seconds(10),
            read: TimeAmount(configuration.requestTimeout)
        )
        self.httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        if case .direct(let url) = configuration.zone {
            state.withLock { $0.zone = .resolved(Self.normalizedRoot(url.absoluteString)) }
        }
    }

    /// Runs `body` with a new client and shuts the client down afterwards, even when `body` throws.
    public static func withClient<T: Sendable>(
        credentials: AutotaskCredentials,
        configuration: AutotaskConfiguration = AutotaskConfiguration(),
        _ body: (AutotaskClient) async throws -> T
    ) async throws -> T {
        let client = AutotaskClient(credentials: credentials, configuration: configuration)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(client))
        } catch {
            result = .failure(error)
        }
        try await client.shutdown()
        return try result.get()
    }

    /// Closes the HTTP client; the client must not be used afterwards. Calling it twice is harmless.
    public func shutdown() async throws {
        let first = state.withLock { state -> Bool in
            defer { state.isShutDown = true }
            return !state.isShutDown
        }
        guard first else { return }
        try await httpClient.shutdown()
    }

    /// The requests, pages and retries made so far, in total and per endpoint.
    public var statistics: ClientStatistics {
        state.withLock { state in
            var statistics = state.statistics
            for (endpoint, semaphore) in state.semaphores {
                statistics.endpoints[endpoint, default: EndpointStatistics()].maxInFlight = semaphore.maxInFlight
            }
            return statistics
        }
    }

    /// The semaphore that bounds the requests in flight to one endpoint.
    func semaphore(for endpoint: String) -> AsyncSemaphore {
        state.withLock { state in
            if let semaphore = state.semaphores[endpoint] { return semaphore }
            let semaphore = AsyncSemaphore(limit: configuration.maxConcurrentRequestsPerEndpoint)
            state.semaphores[endpoint] = semaphore
            return semaphore
        }
    }

    /// Adds to the client's and the call's statistics.
    func record(
        endpoint: String,
        recorder: CallRecorder?,
        requests: Int = 0,
        pages: Int = 0,
        retries: Int = 0
    ) {
        state.withLock { state in
            state.statistics.requests += requests
            state.statistics.pages += pages
            state.statistics.retries += retries
            var perEndpoint = state.statistics.endpoints[endpoint, default: EndpointStatistics()]
            perEndpoint.requests += requests
            perEndpoint.pages += pages
            perEndpoint.retries += retries
            state.statistics.endpoints[endpoint] = perEndpoint
        }
        recorder?.record { statistics in
            statistics.requests += requests
            statistics.pages += pages
            statistics.retries += retries
        }
    }

    /// A zone or discovery URL with exactly one trailing slash and no version segment.
    static func normalizedRoot(_ url: String) -> String {
        var text = url.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix("/") { text.removeLast() }
        if text.lowercased().hasSuffix("/v1.0") { text.removeLast(5) }
        while text.hasSuffix("/") { text.removeLast() }
        return text + "/"
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
