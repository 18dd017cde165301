import Synchronization

/// Counts of the requests one call made: pages read, HTTP requests sent, retries, batches.
public struct QueryStatistics: Sendable, Hashable {
    /// Pages (answers) read successfully.
    public var pages = 0
    /// HTTP requests sent for the call, retries included (a zone lookup counts only in client statistics).
    public var requests = 0
    /// Requests sent again after a retryable failure.
    public var retries = 0
    /// Queries run for the call: more than one when a long `in` list was split.
    public var batches = 0

    /// Creates empty statistics.
    public init() {}

    static func + (lhs: QueryStatistics, rhs: QueryStatistics) -> QueryStatistics {
        var sum = lhs
        sum.pages += rhs.pages
        sum.requests += rhs.requests
        sum.retries += rhs.retries
        sum.batches += rhs.batches
        return sum
    }
}

/// Counts of one endpoint's requests over the client's life.
public struct EndpointStatistics: Sendable, Hashable {
    /// HTTP requests sent.
    public var requests = 0
    /// Pages (answers) read successfully.
    public var pages = 0
    /// Retries.
    public var retries = 0
    /// The most requests that were in flight at once.
    public var maxInFlight = 0

    /// Creates empty statistics.
    public init() {}
}

/// Counts of every request a client made, in total and per endpoint (entity path).
public struct ClientStatistics: Sendable, Hashable {
    /// HTTP requests sent.
    public var requests = 0
    /// Pages (answers) read successfully.
    public var pages = 0
    /// Retries.
    public var retries = 0
    /// The same counts per endpoint, such as `Contracts` or `zoneInformation`.
    public var endpoints: [String: EndpointStatistics] = [:]

    /// Creates empty statistics.
    public init() {}
}

/// Collects the statistics of one call, possibly from concurrent batches.
final class CallRecorder: Sendable {
    private let counts = Mutex(QueryStatistics())

    func record(_ update: (inout QueryStatistics) -> Void) {
        counts.withLock { update(&$0) }
    }

    var statistics: QueryStatistics { counts.withLock { $0 } }
}
