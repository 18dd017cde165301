import EventLog
import Foundation
import Ledger
import SQLite

extension Projector {
    /// A projector for folding `log` into databases of its own (scratch files, or the log's own
    /// connection), with its instance methods `rebuild` and `resume`.
    ///
    /// It keeps every contract's state in memory between calls, so folding up to one position, copying
    /// the database, and resuming the copy to a later position reads the log once.
    public static func folding(_ log: EventLog) -> Projector {
        Projector { [unowned log] stream, before in
            try log.events(in: stream).filter { $0.version < before }
        }
    }

    /// Rebuilds every projection from scratch into `database`, from the first event of `log` up to
    /// and including `position` (the end by default), streaming the log.
    ///
    /// `database` may be a scratch file or the log's own connection. Existing projection tables in it
    /// are dropped first. Returns the number of events folded.
    @discardableResult
    package static func rebuild(
        from log: EventLog, into database: Database, through position: Int64 = .max, maxPending: Int = 50_000
    ) throws -> Int64 {
        try folding(log).rebuild(from: log, into: database, through: position, maxPending: maxPending)
    }

    /// Rebuilds every projection of the ledger file behind `log` from scratch, in place (dropping its
    /// projection tables first); returns the number of events folded.
    @discardableResult
    public static func rebuild(_ log: EventLog, maxPending: Int = 50_000) throws -> Int64 {
        try rebuild(from: log, into: log.database, maxPending: maxPending)
    }

    /// Continues projections already folded into `database` (by a rebuild) from the position they
    /// reached up to and including `position`; returns the number of events folded.
    ///
    /// A contract's state before its first event in the continued range is folded from its stream in
    /// `log`, so the result equals a rebuild straight to `position`.
    @discardableResult
    package static func resume(
        from log: EventLog, into database: Database, through position: Int64 = .max, maxPending: Int = 50_000
    ) throws -> Int64 {
        try folding(log).resume(from: log, into: database, through: position, maxPending: maxPending)
    }

    /// Rebuilds every projection into `database` from the first event up to `position`, as the
    /// static `rebuild` does, keeping the contract states for a later `resume`.
    @discardableResult
    package func rebuild(
        from log: EventLog, into database: Database, through position: Int64 = .max, maxPending: Int = 50_000
    ) throws -> Int64 {
        try database.inTransaction(.immediate) {
            try database.execute("DROP TABLE IF EXISTS projection_versions")
            try install(in: database)
        }
        return try fold(log, into: database, after: 0, through: position, maxPending: maxPending)
    }

    /// Continues the projections in `database` from the position they reached up to `position`.
    ///
    /// The contract states this projector holds are reused where they match the events that follow
    /// (as after a rebuild into a database this one is a copy of); others are folded from the log.
    @discardableResult
    package func resume(
        from log: EventLog, into database: Database, through position: Int64 = .max, maxPending: Int = 50_000
    ) throws -> Int64 {
        let start = try Self.position(in: database)
        return try fold(log, into: database, after: start, through: position, maxPending: maxPending)
    }

    /// Folds the events after `start` up to and including `position` into `database`.
    ///
    /// Contract changes are kept in memory and written once per contract when `maxPending` contracts
    /// wait (or at the end), so a rebuild writes each row a few times instead of once per event. With
    /// `transactions`, every flush commits its own transaction and reads through its own cursor, so
    /// no read stays open across commits and the WAL can be reset; without, the caller holds one.
    func fold(
        _ log: EventLog, into database: Database, after start: Int64, through position: Int64,
        transactions: Bool = true, maxPending: Int = 50_000
    ) throws -> Int64 {
        precondition(maxPending >= 1, "a fold must hold at least one contract change before writing")
        var folded: Int64 = 0
        var last = start
        var finished = last >= position
        while !finished {
            let cursor = try log.foldingCursor(from: last + 1, through: position, metadata: observer != nil)
            let window = {
                var exhausted = false
                while self.pendingContracts < maxPending {
                    guard let recorded = try cursor.next() else {
                        exhausted = true
                        break
                    }
                    try self.fold(recorded, into: database)
                    folded += 1
                    last = recorded.position
                }
                try self.flush(to: database)
                try self.setPosition(last, in: database)
                finished = exhausted || last >= position
            }
            do {
                if transactions { try database.inTransaction(.immediate, window) } else { try window() }
            } catch {
                forgetAll()
                throw error
            }
        }
        return folded
    }
}
