import EventLog
import Foundation
import Projections

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
