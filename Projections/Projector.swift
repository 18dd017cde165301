import EventLog
import Foundation
import Ledger

/// Keeps every projection up to date inside the log's append transaction, and rebuilds them from the log.
///
/// Attaching a projector to a log installs the projections' tables (rebuilding them when their
/// version changed), catches them up with events appended since their recorded position, and sets
/// the log's append hook so each later append updates them in the same transaction.
public final class Projector {
    static let all: [any Projection] = [
        ContractsProjection(), FieldOwnershipProjection(), AssetsProjection(), HistoryProjection(),
        SyncRunsProjection(), SettingsProjection(),
    ]

    /// Every table the projections own, in a stable order.
    public static var tables: [ProjectionTable] { all.flatMap(\.tables) }

    private var contracts: [ContractID: ContractState] = [:]
    /// The last metadata decoded: every event of one command shares the same bytes, so a rebuild decodes each once.
    private var lastMetadata: (bytes: Data, decoded: EventMetadata)?
    private let loadStream: (String, Int64) throws -> [RecordedEvent]

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
            let cursor = try log.cursor(from: position + 1)
            while let recorded = try cursor.next() {
                try projector.apply(recorded, to: database, updatePosition: false)
            }
            try projector.setPosition(try log.lastPosition(), in: database)
        }
        // The log owns the projector through its hook; the projector reads the log unowned, so no cycle.
        log.appendHook = { recorded, database in
            try projector.apply(recorded, to: database, updatePosition: true)
        }
        return projector
    }

    /// The log position the projections in `database` have reached.
    public static func position(in database: Database) throws -> Int64 {
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
        for table in Self.tables {
            try database.execute("DROP TABLE IF EXISTS \(table.name)")
        }
        try database.execute("DELETE FROM projection_versions")
        for projection in Self.all {
            try projection.createTables(in: database)
            try database.execute(
                "INSERT INTO projection_versions (name, version) VALUES (?, ?)",
                [.text(projection.name), .integer(Int64(projection.version))])
        }
        try setPosition(0, in: database)
        contracts.removeAll()
    }

    /// Applies one stored event to every projection.
    func apply(_ recorded: RecordedEvent, to database: Database, updatePosition: Bool) throws {
        let event = try Self.decode(recorded)
        let stream = StreamName(rawValue: recorded.stream)
        var before: ContractState?
        var after: ContractState?
        if case .contract(let id) = stream {
            let current = try state(of: id, before: recorded)
            before = current
            after = current.evolved(by: event)
            contracts[id] = after
        }
        let change = ProjectedEvent(
            recorded: recorded, event: event, stream: stream, contractBefore: before, contractAfter: after,
            metadata: metadata(of: recorded))
        for projection in Self.all {
            try projection.apply(change, to: database)
        }
        if updatePosition { try setPosition(recorded.position, in: database) }
    }

    /// Decodes a stored event into the domain's event, upcasting old payloads.
    public static func decode(_ recorded: RecordedEvent) throws -> LedgerEvent {
        try LedgerEvent.decode(
            EncodedEvent(type: recorded.type, schemaVersion: recorded.schemaVersion, payload: recorded.payload))
    }

    private func metadata(of recorded: RecordedEvent) -> EventMetadata {
        if let lastMetadata, lastMetadata.bytes == recorded.metadata { return lastMetadata.decoded }
        let decoded = EventMetadata.decode(recorded.metadata)
        lastMetadata = (recorded.metadata, decoded)
        return decoded
    }

    private func state(of id: ContractID, before recorded: RecordedEvent) throws -> ContractState {
        if let cached = contracts[id], Int64(cached.version) == recorded.version - 1 { return cached }
        let earlier = try loadStream(recorded.stream, recorded.version).map(Self.decode)
        return ContractState.fold(id: id, earlier)
    }
}
