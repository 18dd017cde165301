import Foundation
import Logging

/// How an ``AutotaskClient`` finds Autotask and how hard it pushes it.
public struct AutotaskConfiguration: Sendable {
    /// Where the client finds the zone that serves the API user's database.
    public enum Zone: Sendable, Hashable {
        /// Look the zone up with `GET {url}v1.0/zoneInformation?user=...` and cache it.
        case discovery(URL)
        /// Use this zone URL (such as `https://webservices5.autotask.net/atservicesrest/`) directly.
        case direct(URL)
    }

    /// The public discovery URL of Autotask.
    public static let defaultDiscoveryURL = URL(string: "https://webservices.autotask.net/atservicesrest/")!

    /// Where the zone comes from; zone discovery at ``defaultDiscoveryURL`` by default.
    public var zone: Zone
    /// How long one HTTP request may take, body included (30 s by default).
    public var requestTimeout: Duration
    /// The most requests in flight at once per endpoint, across the whole client (3 by default).
    public var maxConcurrentRequestsPerEndpoint: Int
    /// The most values sent in one `in` list; longer lists are split into batches (400 by default, at most 500).
    public var inListLimit: Int {
        get { storedInListLimit }
        set { storedInListLimit = min(max(newValue, 1), 500) }
    }
    /// When and how long to retry.
    public var retry: RetryPolicy
    /// A logger for request method, path and status; headers and the secret are never logged.
    public var logger: Logger?
    /// The largest response body accepted, in bytes (32 MiB by default: a page of 500 records with
    /// every user-defined field takes a few MiB at most).
    public var maxResponseBytes: Int
    /// The most pages one query may take (400 by default, 200,000 records); past 30 pages the client also
    /// asks Autotask for the query's count and stops a server that keeps sending next pages beyond it.
    public var maxPagesPerQuery: Int

    private var storedInListLimit: Int

    /// Creates a configuration; every value has a default.
    public init(
        zone: Zone = .discovery(AutotaskConfiguration.defaultDiscoveryURL),
        requestTimeout: Duration = .seconds(30),
        maxConcurrentRequestsPerEndpoint: Int = 3,
        inListLimit: Int = 400,
        retry: RetryPolicy = RetryPolicy(),
        logger: Logger? = nil,
        maxResponseBytes: Int = 32 * 1024 * 1024,
        maxPagesPerQuery: Int = 400
    ) {
        self.zone = zone
        self.requestTimeout = requestTimeout
        self.maxConcurrentRequestsPerEndpoint = max(1, maxConcurrentRequestsPerEndpoint)
        self.storedInListLimit = min(max(inListLimit, 1), 500)
        self.retry = retry
        self.logger = logger
        self.maxResponseBytes = maxResponseBytes
        self.maxPagesPerQuery = max(1, maxPagesPerQuery)
    }
}
