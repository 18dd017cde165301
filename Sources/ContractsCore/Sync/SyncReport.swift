import Foundation
import Ledger

/// The events a sync wrote to one contract.
public struct ContractChanges: Sendable {
    /// The contract.
    public var contract: ContractID
    /// Its new events, in order.
    public var events: [LedgerEvent]
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
    public var changes: [ContractChanges]
    /// Earlier runs this one found unfinished and marked interrupted.
    public var interruptedRuns: [Int]

    /// Whether the run completed.
    public var succeeded: Bool { completed != nil }

    /// One line for people, such as the completed or failed event's summary.
    public var summary: String {
        if let completed { return "Sync #\(run) (\(trigger)): " + completed.summary }
        if let failure { return "Sync #\(run) (\(trigger)): " + failure.summary }
        return "Sync #\(run) (\(trigger))"
    }
}

extension SyncReport {
    /// The error of a failed run (``SyncError/Code/runFailed``), or nil when the run completed.
    public var failureError: SyncError? {
        guard let failure else { return nil }
        return SyncError(
            .runFailed,
            "sync #\(run) failed at \(failure.stage): \(failure.reason); the ledger is consistent, "
                + "run `contracts sync` again to finish the work")
    }
}
