import EventLog
import Foundation
import Ledger
import Projections

extension LedgerStore {
    /// Rebuilds the projection tables from the log when they differ from it (rows edited with sqlite3),
    /// and records the repair as a `ProjectionsRebuilt` event.
    ///
    /// The stored tables are compared with a fold of the whole log into a scratch file, row by row, as
    /// `ledger-replay` does. When they agree nothing is written. Otherwise every projection is rebuilt
    /// in place from position 0 and one event names what was repaired.
    public func rebuildProjections() throws -> RebuildReport {
        let through = try log.lastPosition()
        let scratch = try ProjectionScratch()
        let rebuilt = try scratch.fold(log, through: through, name: "rebuilt")
        let differences = try Projector.compare(stored: projections, rebuilt: rebuilt, limit: 1_000)
        var report = RebuildReport(throughPosition: Int(through), repaired: differences.map(\.description))
        guard !differences.isEmpty else { return report }
        try Projector.rebuild(log)
        let repaired = ProjectionsRebuilt(throughPosition: Int(through), repaired: report.repaired)
        try command { transaction, commandID in
            try append([repaired.event], to: .ledger, expected: .any, in: transaction, commandID: commandID)
        }
        report.recordedAt = Int(try log.lastPosition())
        return report
    }
}
