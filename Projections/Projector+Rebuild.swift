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
        return try projector.fold(log, into: database, after: 0, through: position, batchSize: batchSize)
    }

    /// Continues projections already folded into `database` (by ``rebuild(from:into:through:batchSize:)``)
    /// from the position they reached up to and including `position`; returns the number of events folded.
    ///
    /// A contract's state before its first event in the continued range is folded from its stream in
    /// `log`, so the result equals a rebuild straight to `position`.
    @discardableResult
    public static func resume(
        from log: EventLog, into database: Database, through position: Int64 = .max, batchSize: Int = 20_000
    ) throws -> Int64 {
        let projector = Projector { [unowned log] stream, before in
            try log.events(in: stream).filter { $0.version < before }
        }
        let start = try Self.position(in: database)
        return try projector.fold(log, into: database, after: start, through: position, batchSize: batchSize)
    }

    private func fold(
        _ log: EventLog, into database: Database, after start: Int64, through position: Int64, batchSize: Int
    ) throws -> Int64 {
        var folded: Int64 = 0
        var last = start
        var finished = last >= position
        while !finished {
            // A cursor per batch: no read stays open across commits, so the WAL can be checkpointed and reset.
            let cursor = try log.cursor(from: last + 1, through: min(position, last + Int64(batchSize)))
            try database.inTransaction(.immediate) {
                var inBatch = 0
                while let recorded = try cursor.next() {
                    try apply(recorded, to: database, updatePosition: false)
                    inBatch += 1
                    last = recorded.position
                }
                finished = inBatch == 0 || last >= position
                folded += Int64(inBatch)
                try setPosition(last, in: database)
            }
        }
        return folded
    }
}
