import EventLog
import Foundation
import Ledger
import Projections

/// The audit behind `ledger-replay`: verify the log, decode every event, rebuild every projection and
/// compare it with the stored one, then report every sync run.
public enum AuditLedger {
    /// Audits the ledger at `path`, opened read-only; `run` limits the run report to one run.
    ///
    /// Two passes run at once, each on a connection of its own: a child task verifies the hash chain,
    /// while this task rebuilds the projections into a scratch file and compares them with the stored
    /// ones. Each pass collects the sync runs' changes of a part of the log. Throws only when the file
    /// cannot be opened as a ledger; every fault found is in the report.
    public static func audit(path: String, run: Int? = nil) async throws -> AuditReport {
        let log = try EventLog.open(path: path, options: EventLog.Options(readOnly: true))
        // The verify pass has less to do than the rebuild, so it also decodes the events of the first
        // 40% of the log and collects their changes; the rebuild collects the rest as it decodes them
        // (a split that finished both passes at about the same time on a 1,000,000-event ledger).
        let split = try log.lastPosition() * 2 / 5
        async let verified = ParallelVerification.verify(path: path, run: run, collectThrough: split)
        var laterChanges = RunChanges(only: run)
        var report = AuditReport(
            path: path, eventsChecked: 0, lastPosition: 0, projectionRowsCompared: false, faults: [], runs: [],
            syncRunCount: 0)

        let scratch = try ProjectionScratch()
        var rebuilt: Result<ProjectionReader, any Error>
        var differences: [ProjectionDifference] = []
        var undecodable: [AuditFault] = []
        do {
            let storedProjections = ProjectionReader(log)
            let stored = try storedProjections.hasProjections()
            let through = stored ? try storedProjections.position() : Int64.max
            let projector = Projector.folding(log)
            projector.observer = { recorded, event in
                if recorded.position > split { laterChanges.record(recorded, event) }
            }
            let projections = try scratch.fold(log, through: through, name: "rebuilt", projector: projector)
            // Events past the projections' position are not folded; they are decoded here.
            if through < Int64.max {
                undecodable = try decodeEach(in: log, from: max(through, split) + 1) { laterChanges.record($0, $1) }
            }
            rebuilt = .success(projections)
            if stored {
                differences = try Projector.compare(stored: storedProjections, rebuilt: projections)
                report.projectionRowsCompared = true
            }
        } catch {
            rebuilt = .failure(error)
        }

        let outcome = try await verified
        report.eventsChecked = outcome.verification.eventsChecked
        report.lastPosition = outcome.verification.lastPosition
        for fault in outcome.verification.faults {
            report.faults.append(
                AuditFault(
                    kind: fault.kind.rawValue, position: fault.position, stream: fault.stream, detail: fault.detail))
        }
        report.faults += outcome.undecodable
        let projections: ProjectionReader
        switch rebuilt {
        case .success(let value):
            projections = value
            report.faults += undecodable
        case .failure(let error):
            // Name every later event that does not decode (the verify pass named the earlier ones),
            // then why the rebuild stopped.
            report.faults += try decodeEach(in: log, from: split + 1) { _, _ in }
            report.faults.append(
                AuditFault(kind: "rebuild-failed", detail: "the projections cannot be rebuilt from the log: \(error)"))
            return report
        }
        for difference in differences {
            report.faults.append(
                AuditFault(
                    kind: "projection-mismatch", table: difference.table, row: difference.key,
                    detail: difference.detail))
        }

        // A run that went on after another run marked it interrupted: two syncs ran on the ledger at once.
        for row in try projections.syncRuns() where row.status != .interrupted {
            guard let by = row.interruptedBy else { continue }
            report.faults.append(
                AuditFault(
                    kind: "run-after-interrupted", stream: "sync/\(row.run)",
                    detail: "sync #\(row.run) was marked interrupted by sync #\(by), then \(row.status): two syncs "
                        + "ran on the ledger at once"))
        }

        var changes = outcome.changes
        changes.append(laterChanges)
        report.syncRunCount = try projections.syncRunCount()
        for row in try projections.syncRuns(run: run) {
            let fetches = try projections.fetches(ofRun: row.run).map {
                "\($0.entity) [\($0.filter)]: \($0.items) items, \($0.pages) pages, \($0.requests) requests, digest \($0.digest)"
            }
            let failures = try projections.contractFailures(ofRun: row.run).map { "\($0.contractID): \($0.reason)" }
            report.runs.append(
                RunAudit(
                    run: row, fetches: fetches, contractFailures: failures,
                    contracts: changes.byRun[row.run] ?? [:]))
        }
        return report
    }

    /// Decodes every event from `position` on, passing each to `body`; returns a fault for every
    /// event whose payload does not decode.
    private static func decodeEach(
        in log: EventLog, from position: Int64, _ body: (RecordedEvent, LedgerEvent) -> Void
    ) throws -> [AuditFault] {
        var faults: [AuditFault] = []
        try log.read {
            try log.cursor(from: position).visit { recorded in
                do {
                    body(recorded, try Projector.decode(recorded))
                } catch {
                    faults.append(
                        AuditFault.undecodable(recorded, error))
                }
            }
        }
        return faults
    }
}
