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
    /// while this one rebuilds the projections into a scratch file and compares them with the stored
    /// ones. Each pass collects the sync runs' changes of a part of the log. Throws only when the file cannot be opened as a ledger;
    /// every fault found is in the report.
    ///
    /// `progress` is called now and then with the events folded so far and the log's last position.
    public static func audit(
        path: String, run: Int? = nil, progress: ((Int64, Int64) -> Void)? = nil
    ) throws -> AuditReport {
        let log = try EventLog.open(path: path, options: EventLog.Options(readOnly: true))
        let last = try log.lastPosition()
        progress?(0, last)
        // The verify pass has less to do than the rebuild, so it also decodes the events of the first
        // 40% of the log and collects their changes; the rebuild collects the rest as it decodes them
        // (a split that finished both passes at about the same time on a 1,000,000-event ledger).
        let split = try log.lastPosition() * 2 / 5
        let pass = ParallelVerification(path: path, run: run, collectThrough: split)
        var laterChanges = RunChanges(only: run)
        var report = AuditReport(
            path: path, eventsChecked: 0, lastPosition: 0, projectionRowsCompared: false, faults: [], runs: [],
            syncRunCount: 0)

        let scratch = try DiffScratch()
        var rebuilt: Result<Database, any Error>
        var differences: [ProjectionDifference] = []
        var undecodable: [AuditFault] = []
        do {
            let stored = try log.database.tableExists("projection_position")
            let through = stored ? try Projector.position(in: log.database) : Int64.max
            let projector = Projector.folding(log)
            projector.observer = { recorded, event in
                if recorded.position > split { laterChanges.record(recorded, event) }
                if recorded.position & 4095 == 0 { progress?(recorded.position, last) }
            }
            let (database, rebuiltPath) = try scratch.fold(log, through: through, name: "rebuilt", projector: projector)
            // Events past the projections' position are not folded; they are decoded here.
            if through < Int64.max {
                undecodable = try decodeEach(in: log, from: max(through, split) + 1) { laterChanges.record($0, $1) }
            }
            rebuilt = .success(database)
            if stored {
                differences = try Projector.compare(stored: log.database, rebuiltPath: rebuiltPath)
                report.projectionRowsCompared = true
            }
        } catch {
            rebuilt = .failure(error)
        }

        progress?(last, last)
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
        let overlapping = try database.makeStatement(
            "SELECT run, interrupted_by, status FROM sync_runs WHERE interrupted_by IS NOT NULL AND status <> 'interrupted'"
        ).rows { ($0.int(0), $0.int(1), $0.text(2)) }
        for (run, by, status) in overlapping {
            report.faults.append(
                AuditFault(
                    kind: "run-after-interrupted", stream: "sync/\(run)",
                    detail: "sync #\(run) was marked interrupted by sync #\(by), then \(status): two syncs ran on the "
                        + "ledger at once"))
        }

        var changes = outcome.changes
        changes.append(laterChanges)
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

/// The contract events of each sync run, per contract, as the audit reports them.
struct RunChanges {
    /// Only this run's changes are kept, when set.
    let only: Int?
    private(set) var byRun: [Int: [String: [RunAudit.Change]]] = [:]

    init(only: Int?) {
        self.only = only
    }

    /// Adds the changes another collection found in later events, after this one's.
    mutating func append(_ later: RunChanges) {
        for (run, contracts) in later.byRun {
            for (contract, changes) in contracts {
                byRun[run, default: [:]][contract, default: []].append(contentsOf: changes)
            }
        }
    }

    mutating func record(_ recorded: RecordedEvent, _ event: LedgerEvent) {
        guard case .contract(let id)? = StreamName(rawValue: recorded.stream) else { return }
        guard let syncRun = event.syncRun ?? EventMetadata.syncRun(in: recorded.metadata),
            only == nil || only == syncRun
        else { return }
        // The event's own type name is a static string, shared by every change of that type.
        byRun[syncRun, default: [:]][id.rawValue, default: []].append(
            .init(position: recorded.position, type: event.type, summary: event.summary))
    }
}
