/// Limits and injected faults; every switch is off by default.
///
/// Rates are probabilities from 0 to 1, drawn from a generator seeded by `seed` (or the sandbox seed), so a
/// run of requests in the same order meets the same faults. They apply to entity requests (query, next, count,
/// get, child collections, entityInformation), optionally only to `onlyEntities`. When `everyNthRequest` is set,
/// a fault hits exactly every Nth eligible request instead (one of the enabled kinds, weighted by rate).
public struct SandboxFaults: Sendable, Equatable {
    /// Refuse requests with 429 once the rolling window holds more than `requestThreshold` requests.
    public var enforceThreshold: Bool
    /// The request threshold of the rolling window (Autotask: 10,000 an hour).
    public var requestThreshold: Int
    /// The length of the rolling window (Autotask: 60 minutes).
    public var thresholdWindow: Duration
    /// `Retry-After` on threshold refusals; `nil` computes it from the window.
    public var thresholdRetryAfterSeconds: Int?
    /// Latency added to each request once the window holds 50% of the threshold.
    public var latencyAtHalfThreshold: Duration
    /// Latency added to each request once the window holds 75% of the threshold.
    public var latencyAtThreeQuartersThreshold: Duration

    /// Refuse requests past `threadLimit` in flight per (integration code x entity endpoint) with `Itgenatr005`.
    public var limitThreads: Bool
    /// Requests allowed in flight per (integration code x entity endpoint) (Autotask: 3).
    public var threadLimit: Int
    /// The status of an `Itgenatr005` refusal: 429 or 500.
    public var threadLimitStatus: Int

    /// The rate of 500 answers with an errors body.
    public var serverErrorRate: Double
    /// The rate of 429 answers with `Retry-After`.
    public var throttleRate: Double
    /// `Retry-After` on injected 429s, in seconds (0 is allowed, for fast tests).
    public var throttleRetryAfterSeconds: Int
    /// The rate of slow answers (delayed by `slowDelay`, then answered normally).
    public var slowRate: Double
    /// How long a slow answer waits.
    public var slowDelay: Duration
    /// The rate of 200 answers whose body is not valid JSON.
    public var malformedRate: Double
    /// The rate of pages (query, next, child collections) cut mid-body: items missing and the JSON broken.
    public var truncatedPageRate: Double
    /// Entities (plural names, any case) the rates apply to; `nil` means all.
    public var onlyEntities: Set<String>?
    /// Hit exactly every Nth eligible request instead of drawing by rate.
    public var everyNthRequest: Int?
    /// The seed of the fault generator; `nil` uses the sandbox seed.
    public var seed: UInt64?

    /// Faults and limits; everything off by default.
    public init(
        enforceThreshold: Bool = false,
        requestThreshold: Int = 10_000,
        thresholdWindow: Duration = .seconds(3600),
        thresholdRetryAfterSeconds: Int? = nil,
        latencyAtHalfThreshold: Duration = .zero,
        latencyAtThreeQuartersThreshold: Duration = .zero,
        limitThreads: Bool = false,
        threadLimit: Int = 3,
        threadLimitStatus: Int = 429,
        serverErrorRate: Double = 0,
        throttleRate: Double = 0,
        throttleRetryAfterSeconds: Int = 1,
        slowRate: Double = 0,
        slowDelay: Duration = .seconds(2),
        malformedRate: Double = 0,
        truncatedPageRate: Double = 0,
        onlyEntities: Set<String>? = nil,
        everyNthRequest: Int? = nil,
        seed: UInt64? = nil
    ) {
        self.enforceThreshold = enforceThreshold
        self.requestThreshold = requestThreshold
        self.thresholdWindow = thresholdWindow
        self.thresholdRetryAfterSeconds = thresholdRetryAfterSeconds
        self.latencyAtHalfThreshold = latencyAtHalfThreshold
        self.latencyAtThreeQuartersThreshold = latencyAtThreeQuartersThreshold
        self.limitThreads = limitThreads
        self.threadLimit = threadLimit
        self.threadLimitStatus = threadLimitStatus
        self.serverErrorRate = serverErrorRate
        self.throttleRate = throttleRate
        self.throttleRetryAfterSeconds = throttleRetryAfterSeconds
        self.slowRate = slowRate
        self.slowDelay = slowDelay
        self.malformedRate = malformedRate
        self.truncatedPageRate = truncatedPageRate
        self.onlyEntities = onlyEntities
        self.everyNthRequest = everyNthRequest
        self.seed = seed
    }

    /// No limits and no faults.
    public static let none = SandboxFaults()

    /// The injectable faults with their rates, in the order they are drawn.
    var rates: [(SandboxFaultKind, Double)] {
        [
            (.serverError, serverErrorRate), (.throttled, throttleRate), (.slow, slowRate),
            (.malformed, malformedRate), (.truncated, truncatedPageRate),
        ]
    }
}
