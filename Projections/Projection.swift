import EventLog
import Ledger

/// A read model folded from the log into tables of the ledger file.
///
/// A projection declares its tables, applies one event at a time, and can be rebuilt from position
/// 1. Bump ``version`` whenever its tables or its fold change: the ledger then rebuilds it from the log.
protocol Projection: Sendable {
    /// A stable name, recorded with the version.
    var name: String { get }
    /// The version of the tables and the fold.
    var version: Int { get }
    /// The tables it owns, with the columns that identify a row (for comparisons).
    var tables: [ProjectionTable] { get }
    /// Creates its tables (they do not exist yet).
    func createTables(in database: Database) throws
    /// Applies one event.
    func apply(_ change: ProjectedEvent, to database: Database) throws
}

/// One table of a projection: its name and the columns of its primary key.
public struct ProjectionTable: Sendable, Hashable {
    /// The table name.
    public let name: String
    /// The columns that identify a row.
    public let key: [String]
}

/// An event as the projections see it: the stored row, the decoded event, and for contract streams
/// the contract's state before and after it.
struct ProjectedEvent {
    let recorded: RecordedEvent
    let event: LedgerEvent
    let stream: StreamName?
    let contractBefore: ContractState?
    let contractAfter: ContractState?
    let metadata: EventMetadata
}
