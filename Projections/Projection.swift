import EventLog
import Ledger
import SQLite

/// A read model folded from the log into tables of the ledger file.
///
/// A projection declares its tables and folds events into them; it can be rebuilt from position 1.
/// Events of the `ledger`, `browse` and `sync/<n>` streams reach ``apply(_:to:)`` one at a time;
/// contract streams reach ``write(_:to:)`` as a ``ContractChange``, which covers one event when the
/// projections follow appends and many when they are rebuilt. Bump ``version`` whenever its tables or
/// its fold change: the ledger then rebuilds it from the log.
protocol Projection: Sendable {
    /// A stable name, recorded with the version.
    var name: String { get }
    /// The version of the tables and the fold.
    var version: Int { get }
    /// The tables it owns, with the columns that identify a row (for comparisons).
    var tables: [ProjectionTable] { get }
    /// Creates its tables (they do not exist yet).
    func createTables(in database: Database) throws
    /// Applies one event of a stream other than a contract's.
    func apply(_ change: ProjectedEvent, to database: Database) throws
    /// Writes what a span of one contract's events changed.
    func write(_ change: ContractChange, to database: Database) throws
}

extension Projection {
    func apply(_ change: ProjectedEvent, to database: Database) throws {}
    func write(_ change: ContractChange, to database: Database) throws {}
}

/// One table of a projection: its name and the columns of its primary key.
public struct ProjectionTable: Sendable, Hashable {
    /// The table name.
    public let name: String
    /// The columns that identify a row.
    public let key: [String]
}

/// An event of a stream other than a contract's, as the projections see it: the stored row and the
/// decoded event.
struct ProjectedEvent {
    let recorded: RecordedEvent
    let event: LedgerEvent
    let stream: StreamName?
}
