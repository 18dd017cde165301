/// What kind of request an endpoint serves.
public enum SandboxRequestKind: String, Sendable, CaseIterable {
    /// A query's first page.
    case query
    /// A following page (`/query/next`).
    case next
    /// A count (`/query/count`).
    case count
    /// One record by id.
    case get
    /// A contract's child collection or child record.
    case child
    /// `entityInformation`, its fields or its UDFs.
    case entityInformation
    /// `ThresholdInformation`.
    case threshold
    /// Version or zone discovery.
    case zone
    /// Anything else: an unknown route or an unsupported verb.
    case other
}

/// One endpoint of the request log: an entity (plural name, e.g. `Contracts`) and a kind.
public struct SandboxEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The entity's plural name; `ZoneInformation`, `VersionInformation` or `ThresholdInformation` for those.
    public var entity: String
    /// The kind of request.
    public var kind: SandboxRequestKind

    /// An endpoint.
    public init(_ entity: String, _ kind: SandboxRequestKind) {
        self.entity = entity
        self.kind = kind
    }

    /// `Entity.kind`, e.g. `Contracts.query`.
    public var description: String { "\(entity).\(kind.rawValue)" }
}

/// A kind of injected fault or limit answer.
public enum SandboxFaultKind: String, Sendable, CaseIterable {
    /// A 500 with an errors body.
    case serverError
    /// A 429 with `Retry-After`.
    case throttled
    /// A delayed answer.
    case slow
    /// A 200 whose body is not JSON.
    case malformed
    /// A page cut mid-body.
    case truncated
    /// An `Itgenatr005` refusal past the thread limit.
    case threadLimit
    /// A 429 past the hourly threshold.
    case thresholdExceeded
    /// Latency added near the hourly threshold.
    case thresholdLatency
}

/// One fault the sandbox injected.
public struct SandboxInjectedFault: Sendable, Equatable {
    /// The request's sequence number in the log (1 for the first request).
    public var request: Int
    /// The endpoint the request went to.
    public var endpoint: SandboxEndpoint
    /// What was injected.
    public var kind: SandboxFaultKind
}

/// A snapshot of the requests the sandbox served, for tests and benchmarks.
public struct SandboxRequestLog: Sendable, Equatable {
    /// Every request the API received (the admin API is not counted).
    public var totalRequests = 0
    /// Requests per endpoint.
    public var requestsByEndpoint: [SandboxEndpoint: Int] = [:]
    /// The most requests ever in flight at once per endpoint.
    public var maxInFlightByEndpoint: [SandboxEndpoint: Int] = [:]
    /// The most requests ever in flight at once per entity (all kinds together), as the thread limit counts.
    public var maxInFlightByEntity: [String: Int] = [:]
    /// Answers per HTTP status.
    public var responsesByStatus: [Int: Int] = [:]
    /// The faults injected, in order.
    public var faults: [SandboxInjectedFault] = []

    /// An empty log.
    public init() {}

    /// Requests to one entity (plural name, any case) of one kind.
    public func count(_ entity: String, _ kind: SandboxRequestKind) -> Int {
        requestsByEndpoint.reduce(0) { total, entry in
            entry.key.kind == kind && entry.key.entity.lowercased() == entity.lowercased() ? total + entry.value : total
        }
    }

    /// Faults of one kind.
    public func faults(of kind: SandboxFaultKind) -> [SandboxInjectedFault] {
        faults.filter { $0.kind == kind }
    }
}
