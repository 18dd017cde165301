import Autotask
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

extension SyncReport {
    /// The error of a failed run (``SyncError/Code/runFailed``), or nil when the run completed.
    public var failureError: SyncError? {
        if let interruption {
            return SyncError(
                .interrupted,
                "sync #\(run) was stopped by \(interruption); it is recorded as interrupted and the ledger is "
                    + "consistent, run `contracts sync` again to finish the work")
        }
        guard let failure else { return nil }
        let credentials: [AutotaskError.Code] = [
            .authenticationFailed, .unknownUserOrIntegrationCode, .invalidCredentials, .permissionDenied,
        ]
        if let failureCode, credentials.contains(failureCode) {
            // Running again cannot help until the secret, the user or its permissions are fixed.
            var reason = failure.reason
            while reason.last == "." { reason.removeLast() }
            return SyncError(
                .runFailed,
                "sync #\(run) failed at \(failure.stage): \(reason); the ledger is consistent and nothing was "
                    + "changed")
        }
        return SyncError(
            .runFailed,
            "sync #\(run) failed at \(failure.stage): \(failure.reason); the ledger is consistent, "
                + "run `contracts sync` again to finish the work")
    }
}
