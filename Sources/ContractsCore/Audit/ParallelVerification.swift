import EventLog
import Foundation
import Ledger
import Projections

/// Verifies a ledger's log on a thread and a read-only connection of its own and, in the same pass,
/// decodes the events up to a position and collects their sync-run changes, while the caller
/// rebuilds the projections from the same file (and collects the changes of the later events).
final class ParallelVerification: @unchecked Sendable {
    /// What the pass found.
    struct Outcome {
        var verification: LogVerification
        var changes: RunChanges
        /// A fault for every event up to the position whose payload does not decode.
        var undecodable: [AuditFault]
    }

    private let done = DispatchSemaphore(value: 0)
    // Written once by the thread before it signals `done`, read only after waiting for it.
    private var outcome: Result<Outcome, any Error>?

    /// Starts the pass over the ledger at `path`; it collects the changes of the events up to and
    /// including `collectThrough`, and `run` limits them to one run.
    init(path: String, run: Int?, collectThrough: Int64) {
        let thread = Thread { [self] in
            outcome = Result { try Self.pass(path: path, run: run, collectThrough: collectThrough) }
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

    private static func pass(path: String, run: Int?, collectThrough: Int64) throws -> Outcome {
        let log = try EventLog.open(path: path, options: EventLog.Options(readOnly: true))
        var changes = RunChanges(only: run)
        var undecodable: [AuditFault] = []
        let verification = try log.verify(visit: { recorded in
            guard recorded.position <= collectThrough else { return }
            do {
                changes.record(recorded, try Projector.decode(recorded))
            } catch {
                undecodable.append(
                    AuditFault.undecodable(recorded, error))
            }
        })
        return Outcome(verification: verification, changes: changes, undecodable: undecodable)
    }
}
