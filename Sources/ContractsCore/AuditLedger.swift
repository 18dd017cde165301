import EventLog
import Foundation
import Ledger
import Projections

/// The audit behind `ledger-replay`: verify the log, decode every event, rebuild every projection and
/// compare it with the stored one, then report every sync run.
public enum AuditLedger {
    /// Audits the ledger at `path`, opened read-only; `run` limits the run report to one run.
    ///
    /// Throws only when the file cannot be opened as a ledger; every fault found is in the report.
    public static func audit(path: String, run: Int? = nil) throws -> AuditReport {
        let log = try EventLog.open(path: path, options: EventLog.Options(readOnly: true))
        var report = AuditReport(
            path: path, eventsChecked: 0, lastPosition: 0, projectionRowsCompared: false, faults: [], runs: [],
            syncRunCount: 0)

        let verification = try log.verify()
        report.eventsChecked = verification.eventsChecked
        report.lastPosition = verification.lastPosition
        for fault in verification.faults {
            report.faults.append(
                AuditFault(
                    kind: fault.kind.rawValue, position: fault.position, stream: fault.stream, detail: fault.detail))
        }

        var changes: [Int: [String: [RunAudit.Change]]] = [:]
        try log.read {
            try log.cursor().visit { recorded in
                let event: LedgerEvent
                do {
                    event = try Projector.decode(recorded)
                } catch {
                    report.faults.append(
                        AuditFault(
                            kind: "undecodable-payload", position: recorded.position, stream: recorded.stream,
                            detail: "the \(recorded.type) event does not decode: \(error)"))
                    return
                }
                guard case .contract(let id)? = StreamName(rawValue: recorded.stream) else { return }
                let syncRun = event.syncRun ?? EventMetadata.decode(recorded.metadata).syncRun
                guard let syncRun, run == nil || run == syncRun else { return }
                changes[syncRun, default: [:]][id.rawValue, default: []].append(
                    .init(position: recorded.position, type: recorded.type, summary: event.summary))
            }
        }

        let scratch = try DiffScratch()
        let rebuilt: Database
        do {
            let stored = try log.database.tableExists("projection_position")
            let through = stored ? try Projector.position(in: log.database) : Int64.max
            let (database, rebuiltPath) = try scratch.fold(log, through: through, name: "rebuilt")
            rebuilt = database
            if stored {
                for difference in try Projector.compare(stored: log.database, rebuiltPath: rebuiltPath) {
                    report.faults.append(
                        AuditFault(
                            kind: "projection-mismatch", table: difference.table, row: difference.key,
                            detail: difference.detail))
                }
                report.projectionRowsCompared = true
            }
        } catch {
            report.faults.append(
                AuditFault(kind: "rebuild-failed", detail: "the projections cannot be rebuilt from the log: \(error)"))
            return report
        }

        report.syncRunCount = Int(try rebuilt.scalarInt("SELECT count(*) FROM sync_runs") ?? 0)
        for row in try LedgerStore.syncRuns(in: rebuilt, run: run) {
            let fetches = try rebuilt.makeStatement(
                "SELECT entity, filter, pages, requests, items, digest FROM sync_fetches WHERE run = ? ORDER BY seq"
            ).rows([.integer(Int64(row.run))]) {
                "\($0.text(0)) [\($0.text(1))]: \($0.int(4)) items, \($0.int(2)) pages, \($0.int(3)) requests, digest \($0.text(5))"
            }
            let failures = try rebuilt.makeStatement(
                "SELECT contract_id, reason FROM sync_contract_failures WHERE run = ? ORDER BY contract_id"
            ).rows([.integer(Int64(row.run))]) { "\($0.text(0)): \($0.text(1))" }
            report.runs.append(
                RunAudit(run: row, fetches: fetches, contractFailures: failures, contracts: changes[row.run] ?? [:]))
        }
        return report
    }
}
