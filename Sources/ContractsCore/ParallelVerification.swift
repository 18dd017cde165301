import EventLog
import Foundation
import Ledger
import Projections

/// Verifies a ledger's log on a thread and a read-only connection of its own and, in the same pass,
/// decodes every event and collects the sync runs' changes, while the caller rebuilds the
/// projections from the same file.
final class ParallelVerification: @unchecked Sendable {
    /// What the pass found.
    struct Outcome {
        var verification: LogVerification
        var changes: RunChanges
        /// A fault for every event whose payload does not decode.
        var undecodable: [AuditFault]
    }

    private let done = DispatchSemaphore(value: 0)
    // Written once by the thread before it signals `done`, read only after waiting for it.
    private var outcome: Result<Outcome, any Error>?

    /// Starts the pass over the ledger at `path`; `run` limits the changes collected to one run.
    init(path: String, run: Int?) {
        let thread = Thread { [self] in
            outcome = Result { try Self.pass(path: path, run: run) }
            done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Waits for the pass and returns what it found, or throws what it threw.
    func result() throws -> Outcome {
        done.wait()
        done.signal()
        return try outcome!.get()
    }

    private static func pass(path: String, run: Int?) throws -> Outcome {
        let log = try EventLog.open(path: path, options: EventLog.Options(readOnly: true))
        var changes = RunChanges(only: run)
        var undecodable: [AuditFault] = []
        let verification = try log.verify(visit: { recorded in
            do {
                changes.record(recorded, try Projector.decode(recorded))
            } catch {
                undecodable.append(
                    AuditFault(
                        kind: "undecodable-payload", position: recorded.position, stream: recorded.stream,
                        detail: "the \(recorded.type) event does not decode: \(error)"))
            }
        })
        return Outcome(verification: verification, changes: changes, undecodable: undecodable)
    }
}
