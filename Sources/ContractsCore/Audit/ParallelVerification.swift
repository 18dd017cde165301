import EventLog
import Foundation
import Ledger
import Projections

/// The audit's verify pass: it verifies a ledger's log on a read-only connection of its own and, in the
/// same pass, decodes the events up to a position and collects their sync-run changes.
///
/// ``AuditLedger`` runs it as a child task (`async let`) while it rebuilds the projections from the
/// same file and collects the changes of the later events, so the two passes run at once.
enum ParallelVerification {
    /// What the pass found.
    struct Outcome: Sendable {
        var verification: LogVerification
        var changes: RunChanges
        /// A fault for every event up to the position whose payload does not decode.
        var undecodable: [AuditFault]
    }

    /// Verifies the ledger at `path`, collecting the changes of the events up to and including
    /// `collectThrough`; `run` limits them to one run.
    static func verify(path: String, run: Int?, collectThrough: Int64) throws -> Outcome {
        let log = try EventLog.open(path: path, options: EventLog.Options(readOnly: true))
        var changes = RunChanges(only: run)
        var undecodable: [AuditFault] = []
        let verification = try log.verify(visit: { recorded in
            guard recorded.position <= collectThrough else { return }
            do {
                changes.record(recorded, try Projector.decode(recorded))
            } catch {
                undecodable.append(AuditFault.undecodable(recorded, error))
            }
        })
        return Outcome(verification: verification, changes: changes, undecodable: undecodable)
    }
}
