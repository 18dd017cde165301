import EventLog
import Foundation
import Ledger
import Projections

/// What `contracts rebuild` found and did.
public struct RebuildReport: Sendable {
    /// The log position the projections were rebuilt through.
    public var throughPosition: Int
    /// The rows that differed from the log's fold and were repaired, one line each (at most 1,000).
    public var repaired: [String]
    /// The position of the `ProjectionsRebuilt` event recorded, or nil when nothing needed repair.
    public var recordedAt: Int?
}

extension LedgerStore {
    /// Rebuilds the projection tables from the log when they differ from it (rows edited with sqlite3),
    /// and records the repair as a `ProjectionsRebuilt` event.
    ///
    /// The stored tables are compared with a fold of the whole log into a scratch file, row by row, as
    /// `ledger-replay` does. When they agree nothing is written. Otherwise every projection is rebuilt
    /// in place from position 0 and one event names what was repaired.
    public func rebuildProjections() throws -> RebuildReport {
        let through = try log.lastPosition()
        let scratch = try DiffScratch()
        let (_, rebuiltPath) = try scratch.fold(log, through: through, name: "rebuilt")
        let differences = try Projector.compare(stored: database, rebuiltPath: rebuiltPath, limit: 1_000)
        var report = RebuildReport(throughPosition: Int(through), repaired: differences.map(\.description))
        guard !differences.isEmpty else { return report }
        try Projector.rebuild(from: log, into: database)
        let repaired = ProjectionsRebuilt(throughPosition: Int(through), repaired: report.repaired)
        try command { transaction, commandID in
            try append([repaired.event], to: .ledger, expected: .any, in: transaction, commandID: commandID)
        }
        report.recordedAt = Int(try log.lastPosition())
        return report
    }
}
