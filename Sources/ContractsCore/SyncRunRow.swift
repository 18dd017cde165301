import EventLog
import Foundation
import Ledger

/// One sync run as `contracts runs` lists it.
public struct SyncRunRow: Sendable, Hashable, Codable {
    public var run: Int
    public var trigger: String
    public var scope: String
    /// `running`, `completed`, `failed` or `interrupted`.
    public var status: String
    public var contractsTotal: Int
    public var startedAt: String
    public var finishedAt: String?
    public var startedPosition: Int
    public var finishedPosition: Int?
    public var checked: Int?
    public var changed: Int?
    public var unchanged: Int?
    public var missing: Int?
    public var failed: Int?
    public var requests: Int
    public var durationMilliseconds: Int?
    public var failureStage: String?
    public var failureReason: String?
    public var interruptedBy: Int?

    private enum CodingKeys: String, CodingKey {
        case run, trigger, scope, status, contractsTotal, startedAt, finishedAt, startedPosition, finishedPosition
        case checked, changed, unchanged, missing, failed, requests, durationMilliseconds, failureStage, failureReason
        case interruptedBy
    }

    /// Every key, with null for an absent value, as `contracts runs --format json` prints it (docs/output.md).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(run, forKey: .run)
        try container.encode(trigger, forKey: .trigger)
        try container.encode(scope, forKey: .scope)
        try container.encode(status, forKey: .status)
        try container.encode(contractsTotal, forKey: .contractsTotal)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
        try container.encode(startedPosition, forKey: .startedPosition)
        try container.encode(finishedPosition, forKey: .finishedPosition)
        try container.encode(checked, forKey: .checked)
        try container.encode(changed, forKey: .changed)
        try container.encode(unchanged, forKey: .unchanged)
        try container.encode(missing, forKey: .missing)
        try container.encode(failed, forKey: .failed)
        try container.encode(requests, forKey: .requests)
        try container.encode(durationMilliseconds, forKey: .durationMilliseconds)
        try container.encode(failureStage, forKey: .failureStage)
        try container.encode(failureReason, forKey: .failureReason)
        try container.encode(interruptedBy, forKey: .interruptedBy)
    }
}

extension LedgerStore {
    /// The sync runs, oldest first.
    public func syncRuns() throws -> [SyncRunRow] {
        try Self.syncRuns(in: database)
    }

    /// One sync run, or nil.
    public func syncRun(_ run: Int) throws -> SyncRunRow? {
        try Self.syncRuns(in: database, run: run).first
    }

    static func syncRuns(in database: Database, run: Int? = nil) throws -> [SyncRunRow] {
        let filter = run == nil ? "" : "WHERE run = ?"
        return try database.makeStatement(
            """
            SELECT run, trigger, scope, status, contracts_total, started_at, finished_at, started_position,
                finished_position, checked, changed, unchanged, missing, failed, requests, duration_ms, failure_stage,
                failure_reason, interrupted_by
            FROM sync_runs \(filter) ORDER BY run
            """
        ).rows(run.map { [.integer(Int64($0))] } ?? []) { row in
            func optionalInt(_ index: Int32) -> Int? { row.isNull(index) ? nil : row.int(index) }
            return SyncRunRow(
                run: row.int(0), trigger: row.text(1), scope: row.text(2), status: row.text(3),
                contractsTotal: row.int(4), startedAt: row.text(5), finishedAt: row.optionalText(6),
                startedPosition: row.int(7), finishedPosition: optionalInt(8), checked: optionalInt(9),
                changed: optionalInt(10), unchanged: optionalInt(11), missing: optionalInt(12), failed: optionalInt(13),
                requests: row.int(14), durationMilliseconds: optionalInt(15), failureStage: row.optionalText(16),
                failureReason: row.optionalText(17), interruptedBy: optionalInt(18))
        }
    }
}
