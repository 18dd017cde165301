import EventLog
import Foundation
import Ledger
import SQLite

/// Keeps every projection up to date inside the log's append transaction, and rebuilds them from the log.
///
/// Attaching a projector to a log installs the projections' tables (rebuilding them when their
/// version changed), catches them up with events appended since their recorded position, and sets
/// the log's append hook so each later append updates them in the same transaction.
public final class Projector {
    static let all: [any Projection] = [
        ContractsProjection(), FieldOwnershipProjection(), AssetsProjection(), SyncRunsProjection(),
        SettingsProjection(), AnalystViews(),
    ]

    /// Tables of projections that no longer exist, dropped when the projections are reinstalled.
    ///
    /// `contract_history` (projection `contract-history`) copied every contract event; a contract's
    /// history is now read from its stream in the log.
    static let retiredTables = ["contract_history"]

    /// Every table the projections own, in a stable order.
    public static var tables: [ProjectionTable] { all.flatMap(\.tables) }

    /// The state of every contract folded so far, as of its last event.
    private var contracts: [ContractID: ContractSlot] = [:]
    /// The contracts whose slot holds changes not yet written, in the order they were first changed.
    private var pending: [ContractID] = []
    private let loadStream: (String, Int64) throws -> [RecordedEvent]

    /// Called with every event a rebuild or resume folds, after decoding it and with its metadata
    /// read: a caller can examine the events without decoding the log a second time.
    public var observer: ((RecordedEvent, LedgerEvent) -> Void)?

    init(loadStream: @escaping (String, Int64) throws -> [RecordedEvent]) {
        self.loadStream = loadStream
    }

    /// Installs and catches up the projections of a writable log, then hooks them into its appends.
    @discardableResult
    public static func attach(to log: EventLog) throws -> Projector {
        let projector = Projector { [unowned log] stream, before in
            try log.events(in: stream).filter { $0.version < before }
        }
        try log.write { transaction in
            let database = transaction.database
            try projector.install(in: database)
            let position = try projector.position(in: database)
            _ = try projector.fold(log, into: database, after: position, through: .max, transactions: false)
        }
        // The log owns the projector through its hook; the projector reads the log unowned, so no cycle.
        log.appendHook = { recorded, database in
            try projector.apply(recorded, to: database, updatePosition: true)
        }
        return projector
    }

    /// Whether the projections stored beside the log are at their current versions and have folded every
    /// event, so that queries can read them without writing (a read-only open).
    public static func isCurrent(in log: EventLog) throws -> Bool {
        let database = log.database
        return try log.read {
            guard try database.tableExists("projection_versions"), try database.tableExists("projection_position")
            else { return false }
            let stored = try database.makeStatement("SELECT name, version FROM projection_versions").rows { row in
                (row.text(0), row.int(1))
            }
            let wanted = all.map { ($0.name, $0.version) }
            guard Dictionary(stored, uniquingKeysWith: { a, _ in a }) == Dictionary(uniqueKeysWithValues: wanted)
            else { return false }
            return try position(in: database) == log.lastPosition()
        }
    }

    /// The log position the projections in `database` have reached.
    package static func position(in database: Database) throws -> Int64 {
        try database.scalarInt("SELECT position FROM projection_position WHERE id = 1") ?? 0
    }

    func position(in database: Database) throws -> Int64 {
        try Self.position(in: database)
    }

    func setPosition(_ position: Int64, in database: Database) throws {
        try database.execute("UPDATE projection_position SET position = ? WHERE id = 1", [.integer(position)])
    }

    /// Creates the projections' tables, or drops and recreates them all when any version changed.
    func install(in database: Database) throws {
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS projection_versions (name TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT;
            CREATE TABLE IF NOT EXISTS projection_position (
                id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL) STRICT;
            INSERT OR IGNORE INTO projection_position (id, position) VALUES (1, 0);
            """)
        let stored = try database.cachedStatement("SELECT name, version FROM projection_versions").rows { row in
            (row.text(0), row.int(1))
        }
        let wanted = Self.all.map { ($0.name, $0.version) }
        if Dictionary(uniqueKeysWithValues: stored) == Dictionary(uniqueKeysWithValues: wanted) { return }
        for table in Self.tables.map(\.name) + Self.retiredTables {
            try database.execute("DROP TABLE IF EXISTS \(table)")
        }
        try database.execute("DELETE FROM projection_versions")
        for projection in Self.all {
            try projection.createTables(in: database)
            try database.execute(
                "INSERT INTO projection_versions (name, version) VALUES (?, ?)",
                [.text(projection.name), .integer(Int64(projection.version))])
        }
        try setPosition(0, in: database)
        forgetAll()
    }

    /// Applies one stored event to every projection, writing its rows at once.
    func apply(_ recorded: RecordedEvent, to database: Database, updatePosition: Bool) throws {
        do {
            try fold(recorded, into: database)
            try flush(to: database)
            if updatePosition { try setPosition(recorded.position, in: database) }
        } catch {
            forgetAll()
            throw error
        }
    }

    /// Forgets every contract state and pending change, after a failure rolled back what they were
    /// to be written with; the states are folded again from the log when next needed.
    func forgetAll() {
        contracts.removeAll()
        pending.removeAll()
    }

    /// Folds one stored event: events of other streams are written at once, a contract's change waits
    /// in memory for ``flush(to:)``.
    func fold(_ recorded: RecordedEvent, into database: Database) throws {
        let event = try Self.decode(recorded)
        observer?(recorded, event)
        let stream = StreamName(rawValue: recorded.stream)
        if case .contract(let id) = stream {
            // One hash lookup per event: the slot is then reached by index and changed in place.
            var index = contracts.index(forKey: id)
            var folded = ContractSlot.Folded.stale
            if let index {
                folded = contracts.values[index].fold(event, at: recorded.position, version: recorded.version)
            }
            if folded == .stale {
                // Not cached, or not at the event before this one: fold the stream up to it afresh.
                // Whatever the old slot held is dropped with it.
                let slot = ContractSlot(
                    state: try state(of: id, before: recorded), streamVersion: recorded.version - 1)
                if let index {
                    contracts.values[index] = slot
                } else {
                    contracts[id] = slot
                    index = contracts.index(forKey: id)
                }
                folded = contracts.values[index!].fold(event, at: recorded.position, version: recorded.version)
            }
            if folded == .first { pending.append(id) }
            return
        }
        let change = ProjectedEvent(recorded: recorded, event: event, stream: stream)
        for projection in Self.all {
            try projection.apply(change, to: database)
        }
    }

    /// The number of contracts with changes not yet written.
    var pendingContracts: Int { pending.count }

    /// Writes every contract change folded since the last flush.
    func flush(to database: Database) throws {
        for id in pending {
            guard let change = contracts[id]?.takeChange() else { continue }
            for projection in Self.all {
                try projection.write(change, to: database)
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Decodes a stored event into the domain's event, upcasting old payloads.
    public static func decode(_ recorded: RecordedEvent) throws -> LedgerEvent {
        try LedgerEvent.decode(
            EncodedEvent(type: recorded.type, schemaVersion: recorded.schemaVersion, payload: recorded.payload))
    }

    /// A contract's state before `recorded`, folded from the events of its stream before it.
    private func state(of id: ContractID, before recorded: RecordedEvent) throws -> ContractState {
        if recorded.version == 1 { return ContractState(id: id) }
        let earlier = try loadStream(recorded.stream, recorded.version).map(Self.decode)
        return ContractState.fold(id: id, earlier)
    }
}
