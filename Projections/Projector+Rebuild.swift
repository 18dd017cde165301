import EventLog
import Foundation
import Ledger

extension Projector {
    /// Rebuilds every projection from scratch into `database`, from the first event of `log` up to
    /// and including `position` (the end by default), streaming the log.
    ///
    /// `database` may be a scratch file or the log's own connection. Existing projection tables in it
    /// are dropped first. Returns the number of events folded.
    @discardableResult
    public static func rebuild(
        from log: EventLog, into database: Database, through position: Int64 = .max, batchSize: Int = 20_000
    ) throws -> Int64 {
        let projector = Projector { _, _ in [] }
        try database.inTransaction(.immediate) {
            try database.execute("DROP TABLE IF EXISTS projection_versions")
            try projector.install(in: database)
        }
        var folded: Int64 = 0
        var last: Int64 = 0
        var finished = false
        while !finished {
            // A cursor per batch: no read stays open across commits, so the WAL can be checkpointed and reset.
            let cursor = try log.cursor(from: last + 1, through: min(position, last + Int64(batchSize)))
            try database.inTransaction(.immediate) {
                var inBatch = 0
                while let recorded = try cursor.next() {
                    try projector.apply(recorded, to: database, updatePosition: false)
                    inBatch += 1
                    last = recorded.position
                }
                finished = inBatch == 0 || last >= position
                folded += Int64(inBatch)
                try projector.setPosition(last, in: database)
            }
        }
        return folded
    }
}
