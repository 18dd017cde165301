import EventLog
import Foundation
import Projections

/// One thing wrong with a ledger: an event (position, stream) or a projection row (table, row).
public struct AuditFault: Sendable, Codable, Hashable, CustomStringConvertible {
    /// Such as `hash-mismatch`, `undecodable-payload`, `projection-mismatch`.
    public var kind: String
    public var position: Int64?
    public var stream: String?
    public var table: String?
    public var row: String?
    /// What exactly is wrong.
    public var detail: String

    /// The fault of a stored event whose payload does not decode.
    static func undecodable(_ recorded: RecordedEvent, _ error: any Error) -> AuditFault {
        AuditFault(
            kind: "undecodable-payload", position: recorded.position, stream: recorded.stream,
            detail: "the \(recorded.type) event does not decode: \(error)")
    }

    public var description: String {
        var text = kind
        if let position { text += " at position \(position)" }
        if let stream { text += " (stream '\(stream)')" }
        if let table { text += " in table \(table)" }
        if let row { text += ", row \(row)" }
        return text + ": " + detail
    }
}

/// The audit of one sync run: what the run recorded, and per contract what changed.
public struct RunAudit: Sendable, Codable, Hashable {
    /// One contract event the run wrote.
    public struct Change: Sendable, Codable, Hashable {
        public var position: Int64
        public var type: String
        public var summary: String
    }

    /// The run as the rebuilt `sync_runs` table has it.
    public var run: SyncRunRow
    /// The run's fetches, in one line each.
    public var fetches: [String]
    /// Contracts the run could not check, with the reason.
    public var contractFailures: [String]
    /// Per contract id, the events the run wrote.
    public var contracts: [String: [Change]]
}

/// What `ledger-replay` found: the events checked, every fault, and the audit of the sync runs.
public struct AuditReport: Sendable, Codable, Hashable {
    public var path: String
    public var eventsChecked: Int64
    public var lastPosition: Int64
    public var projectionRowsCompared: Bool
    public var faults: [AuditFault]
    public var runs: [RunAudit]
    /// How many sync runs the ledger holds (numbered 1 to this), whether or not `runs` was limited to one.
    public var syncRunCount: Int

    /// True when the log and the projections verify.
    public var isIntact: Bool { faults.isEmpty }

    /// The first fault that names an event or a row, else the first fault.
    public var firstFault: AuditFault? {
        faults.first { $0.position != nil || $0.table != nil } ?? faults.first
    }
}
