/// When the client retries a failed request, and how long it waits.
///
/// Retried: HTTP 429 (waiting at least its `Retry-After`), Autotask's thread-limit code `Itgenatr005`
/// (whatever the status), timeouts, connection errors, 5xx answers other than validation, permission and
/// unknown-field 500s, and 200 answers whose JSON is malformed or truncated (at most
/// ``maxMalformedRetries`` times). Retries stop after ``maxRetries`` or when the next wait would take the
/// call past ``maxTotalTime``.
public struct RetryPolicy: Sendable {
    /// The most retries of one request (5 by default).
    public var maxRetries: Int
    /// The most time one request may take, retries and waits included (60 s by default).
    public var maxTotalTime: Duration
    /// The wait before the first retry; it doubles with each retry (0.5 s by default).
    public var baseDelay: Duration
    /// The longest computed wait between two attempts (20 s by default); `Retry-After` may ask for more.
    public var maxDelay: Duration
    /// The most retries of a 200 answer with a malformed body (2 by default).
    public var maxMalformedRetries: Int
    /// Whether waits are randomised (between half and all of the computed wait).
    public var jitter: Bool
    /// Sleeps for a duration; replace it in tests to run with tiny or no delays.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a policy; every value has a default.
    public init(
        maxRetries: Int = 5,
        maxTotalTime: Duration = .seconds(60),
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(20),
        maxMalformedRetries: Int = 2,
        jitter: Bool = true,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.maxRetries = max(0, maxRetries)
        self.maxTotalTime = maxTotalTime
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxMalformedRetries = max(0, maxMalformedRetries)
        self.jitter = jitter
        self.sleep = sleep
    }

    /// A policy that never retries.
    public static var none: RetryPolicy { RetryPolicy(maxRetries: 0, maxMalformedRetries: 0) }

    /// The wait before retry number `retry` (1-based), honouring a server's `Retry-After`.
    func delay(forRetry retry: Int, retryAfter: Duration?) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        var computed = baseDelay * (1 << exponent)
        if computed > maxDelay { computed = maxDelay }
        if jitter {
            let fraction = Double.random(in: 0.5...1.0)
            computed = computed * fraction
        }
        if let retryAfter, retryAfter > computed { return retryAfter }
        return computed
    }
}
