import Autotask
import Foundation
import Ledger

/// How a sync runs: its trigger, its scope, the size of its write batches and a progress callback.
public struct SyncOptions {
    /// `nightly` skips contracts with auto-sync off; `manual` includes them.
    public var trigger: SyncTrigger
    /// One contract, or every imported contract when nil.
    public var contract: ContractID?
    /// Contracts reconciled per write transaction.
    public var batchSize: Int
    /// Called after the fetches and after each batch.
    public var progress: ((SyncProgress) -> Void)?
    /// How long reading Autotask may take before the run fails (an hour by default): a server that never
    /// stops answering cannot hold the sync lock and spend the hourly request limit for ever.
    public var timeLimit: Duration
    /// How long to wait for another sync to release the ledger before refusing, in seconds.
    public var lockWaitSeconds: Double
    /// Set by a signal handler to stop the run cleanly between steps.
    public var interruption: Interruption?

    /// Makes options: a manual run over every imported contract, batches of 200, an hour to read Autotask.
    public init(
        trigger: SyncTrigger = .manual, contract: ContractID? = nil, batchSize: Int = 200,
        progress: ((SyncProgress) -> Void)? = nil, timeLimit: Duration = .seconds(3600), lockWaitSeconds: Double = 0,
        interruption: Interruption? = nil
    ) {
        self.trigger = trigger
        self.contract = contract
        self.batchSize = max(1, batchSize)
        self.progress = progress
        self.timeLimit = timeLimit
        self.lockWaitSeconds = lockWaitSeconds
        self.interruption = interruption
    }
}

/// Where a running sync stands, for a progress line.
public struct SyncProgress: Sendable, Hashable {
    /// The run number.
    public var run: Int
    /// Contracts checked so far.
    public var checked: Int
    /// Contracts to check.
    public var total: Int
    /// HTTP requests made so far.
    public var requests: Int
    /// Time since the run started, by the store's clock.
    public var elapsedMilliseconds: Int
    /// `fetching` while reading Autotask, `recording` while writing the changes.
    public var stage: String = "recording"
}

/// What a sync run did.
public struct SyncReport: Sendable {
    /// The run number (`sync/<n>`).
    public var run: Int
    /// What started it.
    public var trigger: SyncTrigger
    /// The contracts it was to check.
    public var total: Int
    /// The counts, when it completed.
    public var completed: SyncCompleted?
    /// The failure, when it failed.
    public var failure: SyncFailed?
    /// The events written per contract, in the order the contracts were checked (changed ones only).
    public var changes: [(contract: ContractID, events: [LedgerEvent])]
    /// Earlier runs this one found unfinished and marked interrupted.
    public var interruptedRuns: [Int]
    /// The signal that stopped this run, when one did (the run is then recorded as interrupted).
    public var interruption: String?
    /// The Autotask error's code, when an Autotask answer failed the run.
    public var failureCode: AutotaskError.Code?

    /// Whether the run completed.
    public var succeeded: Bool { completed != nil }

    /// One line for people, such as the completed or failed event's summary.
    public var summary: String {
        if let completed { return "Sync #\(run) (\(trigger)): " + completed.summary }
        if let failure { return "Sync #\(run) (\(trigger)): " + failure.summary }
        if let interruption {
            return "Sync #\(run) (\(trigger)): " + SyncInterrupted(noticedByRun: run, signal: interruption).summary
        }
        return "Sync #\(run) (\(trigger))"
    }
}
