import EventLog
import Foundation

/// Verifies a ledger's log on a thread and a read-only connection of its own, so the caller can
/// rebuild the projections from the same file meanwhile.
final class ParallelVerification: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the thread before it signals `done`, read only after waiting for it.
    private var outcome: Result<LogVerification, any Error>?

    /// Starts verifying the ledger at `path`.
    init(path: String) {
        let thread = Thread { [self] in
            outcome = Result {
                try EventLog.open(path: path, options: EventLog.Options(readOnly: true)).verify()
            }
            done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Waits for the verification and returns it, or throws what it threw.
    func result() throws -> LogVerification {
        done.wait()
        done.signal()
        return try outcome!.get()
    }
}
