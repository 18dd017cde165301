/// What a campaign tried and found: the counts of the summary line, and every broken promise.
public struct CampaignTally: Sendable, Equatable {
    /// SIGKILLs that hit a running process and after which every check passed.
    public var killsSurvived = 0
    /// Fault-matrix trials (one switch or a pair, one command) that ended cleanly.
    public var faultsTried = 0
    /// Tampered ledgers that `ledger-replay` refused, naming the position or row.
    public var tampersFound = 0
    /// Bad inputs (decoder bodies and command lines) fed in.
    public var inputsTried = 0
    /// Events a process reported as committed that were missing afterwards.
    public var eventsLost = 0
    /// Each broken promise, in one line.
    public var failures: [String] = []
    /// Notes worth reading that are not failures (outcome counts and such).
    public var notes: [String] = []

    /// An empty tally.
    public init() {}

    /// Adds another tally's counts, failures and notes.
    public mutating func merge(_ other: CampaignTally) {
        killsSurvived += other.killsSurvived
        faultsTried += other.faultsTried
        tampersFound += other.tampersFound
        inputsTried += other.inputsTried
        eventsLost += other.eventsLost
        failures += other.failures
        notes += other.notes
    }

    /// The one summary line of counts.
    public var summary: String {
        "kills survived: \(killsSurvived), faults tried: \(faultsTried), tampers found: \(tampersFound), "
            + "inputs tried: \(inputsTried), events lost: \(eventsLost), failures: \(failures.count)"
    }
}
