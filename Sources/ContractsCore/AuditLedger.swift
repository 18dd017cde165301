import EventLog
import Foundation
import Ledger
import Projections

/// The audit behind `ledger-replay`: verify the log, decode every event, rebuild every projection and
/// compare it with the stored one, then report every sync run.
public enum AuditLedger {
    /// Audits the ledger at `path`, opened read-only; `run` limits the run report to one run.
    ///
    /// Two passes run at once, each on a connection of its own: one thread verifies the hash chain,
    /// decodes every event and collects the sync runs' changes, while this one rebuilds the
    /// projections into a scratch file and compares them with the stored ones. Throws only when the file cannot be opened as a ledger;
    /// every fault found is in the report.
    public static func audit(path: String, run: Int? = nil) throws -> AuditReport {
        let log = try EventLog.open(path: path, options: EventLog.Options(readOnly: true))
        let pass = ParallelVerification(path: path, run: run)
        var report = AuditReport(
            path: path, eventsChecked: 0, lastPosition: 0, projectionRowsCompared: false, faults: [], runs: [],
            syncRunCount: 0)

        let scratch = try DiffScratch()
        var rebuilt: Result<Database, any Error>
        var differences: [ProjectionDifference] = []
        do {
            let stored = try log.database.tableExists("projection_position")
            let through = stored ? try Projector.position(in: log.database) : Int64.max
            let (database, rebuiltPath) = try scratch.fold(log, through: through, name: "rebuilt")
            rebuilt = .success(database)
            if stored {
                differences = try Projector.compare(stored: log.database, rebuiltPath: rebuiltPath)
                report.projectionRowsCompared = true
            }
        } catch {
            rebuilt = .failure(error)
        }

        let outcome = try pass.result()
        report.eventsChecked = outcome.verification.eventsChecked
        report.lastPosition = outcome.verification.lastPosition
        for fault in outcome.verification.faults {
            report.faults.append(
                AuditFault(
                    kind: fault.kind.rawValue, position: fault.position, stream: fault.stream, detail: fault.detail))
        }
        report.faults += outcome.undecodable
        let database: Database
        switch rebuilt {
        case .success(let value):
            database = value
        case .failure(let error):
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

        report.syncRunCount = Int(try database.scalarInt("SELECT count(*) FROM sync_runs") ?? 0)
        for row in try LedgerStore.syncRuns(in: database, run: run) {
            let fetches = try database.makeStatement(
                "SELECT entity, filter, pages, requests, items, digest FROM sync_fetches WHERE run = ? ORDER BY seq"
            ).rows([.integer(Int64(row.run))]) {
                "\($0.text(0)) [\($0.text(1))]: \($0.int(4)) items, \($0.int(2)) pages, \($0.int(3)) requests, digest \($0.text(5))"
            }
            let failures = try database.makeStatement(
                "SELECT contract_id, reason FROM sync_contract_failures WHERE run = ? ORDER BY contract_id"
            ).rows([.integer(Int64(row.run))]) { "\($0.text(0)): \($0.text(1))" }
            report.runs.append(
                RunAudit(
                    run: row, fetches: fetches, contractFailures: failures,
                    contracts: outcome.changes.byRun[row.run] ?? [:]))
        }
        return report
    }
}

/// The contract events of each sync run, per contract, as the audit reports them.
struct RunChanges {
    /// Only this run's changes are kept, when set.
    let only: Int?
    private(set) var byRun: [Int: [String: [RunAudit.Change]]] = [:]

    init(only: Int?) {
        self.only = only
    }

    mutating func record(_ recorded: RecordedEvent, _ event: LedgerEvent) {
        guard case .contract(let id)? = StreamName(rawValue: recorded.stream) else { return }
        guard let syncRun = event.syncRun ?? EventMetadata.decode(recorded.metadata).syncRun,
            only == nil || only == syncRun
        else { return }
        // The event's own type name is a static string, shared by every change of that type.
        byRun[syncRun, default: [:]][id.rawValue, default: []].append(
            .init(position: recorded.position, type: event.type, summary: event.summary))
    }
}
