import Foundation

/// Where a sync run stands.
public enum SyncRunStatus: Hashable, Sendable {
    /// No `SyncStarted` yet (an empty stream).
    case notStarted
    /// Started, not finished (or died without a word: see ``SyncInterrupted``).
    case running
    /// Finished with these counts.
    case completed(SyncCompleted)
    /// Stopped on an error.
    case failed(SyncFailed)
    /// Found unfinished by a later run.
    case interrupted(noticedByRun: Int)
}

/// One sync run, folded from its `sync/<n>` stream.
public struct SyncRunState: Hashable, Sendable {
    /// The run's start, once started.
    public private(set) var started: SyncStarted?
    /// Each Autotask fetch, in order.
    public private(set) var fetches: [SyncFetched]
    /// Contracts that could not be checked.
    public private(set) var contractFailures: [SyncContractFailed]
    /// Where the run stands.
    public private(set) var status: SyncRunStatus
    /// The number of the stream's events folded: the expected version for the next append.
    public private(set) var version: Int

    /// A run that has not started (an empty stream).
    public init() {
        started = nil
        fetches = []
        contractFailures = []
        status = .notStarted
        version = 0
    }

    /// Folds a `sync/<n>` stream.
    public static func fold(_ events: some Sequence<LedgerEvent>) -> SyncRunState {
        var state = SyncRunState()
        for event in events { state.evolve(by: event) }
        return state
    }

    /// The run number, once started.
    public var run: Int? { started?.run }

    /// Whether the run completed, failed or was found interrupted.
    public var isFinished: Bool {
        switch status {
        case .notStarted, .running: false
        case .completed, .failed, .interrupted: true
        }
    }

    /// The HTTP requests of all fetches recorded so far.
    public var fetchRequests: Int { fetches.reduce(0) { $0 + $1.requests } }

    /// Applies one event of the run's stream; ignores the others; never fails.
    ///
    /// A finishing event after the run already finished is counted but does not change the status.
    public mutating func evolve(by event: LedgerEvent) {
        guard event.streamCategory == .sync else { return }
        version += 1
        switch event {
        case .syncStarted(let payload):
            guard started == nil else { return }
            started = payload
            status = .running
        case .syncFetched(let payload):
            fetches.append(payload)
        case .syncContractFailed(let payload):
            contractFailures.append(payload)
        case .syncCompleted(let payload):
            if !isFinished { status = .completed(payload) }
        case .syncFailed(let payload):
            if !isFinished { status = .failed(payload) }
        case .syncInterrupted(let payload):
            if !isFinished { status = .interrupted(noticedByRun: payload.noticedByRun) }
        default:
            break
        }
    }
}
