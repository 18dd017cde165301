import EventLog
import SQLite

/// Reads the projection tables of one database: the ledger's own, or a scratch copy folded up to a position.
///
/// Every query returns typed rows; callers outside this module see neither SQL nor columns.
public struct ProjectionReader {
    let database: Database

    /// The projections stored in the ledger file behind `log`.
    public init(_ log: EventLog) {
        database = log.database
    }

    /// The projections stored in `database`.
    package init(database: Database) {
        self.database = database
    }

    /// The log position the projections have reached (0 before the first fold).
    public func position() throws -> Int64 {
        try Projector.position(in: database)
    }

    /// Whether the database holds projection tables at all (a read-only ledger may have none yet).
    public func hasProjections() throws -> Bool {
        try database.tableExists("projection_position")
    }
}
