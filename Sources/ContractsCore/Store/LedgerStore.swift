import EventLog
import Foundation
import Ledger
import Projections

/// The ledger as the executables use it: the log, its projections, and the commands and queries on them.
///
/// Every command runs in one `BEGIN IMMEDIATE` transaction: it reads the state it decides on, asks
/// the pure domain (``Decisions``) for events, and appends them with the expected stream version;
/// the projections update inside the same transaction. A refused command writes nothing.
public final class LedgerStore {
    /// How a ledger is opened.
    public struct Options: Sendable {
        /// Create the file when it does not exist (`contracts init`).
        public var create: Bool
        /// Open read-only: queries only.
        public var readOnly: Bool
        /// How long to wait for another process's write lock, in milliseconds.
        public var busyTimeoutMilliseconds: Int32
        /// The clock; injectable for deterministic tests.
        public var clock: @Sendable () -> Date
        /// Makes event ids; injectable for deterministic tests.
        public var makeEventID: @Sendable () -> String
        /// Who is acting, recorded in each event's metadata.
        public var actor: String

        /// Creates options with the system clock, random event ids and the current user as actor.
        public init(
            create: Bool = false, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 5_000,
            clock: @escaping @Sendable () -> Date = { Date() },
            makeEventID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() },
            actor: String = ProcessInfo.processInfo.environment["USER"] ?? "user"
        ) {
            self.create = create
            self.readOnly = readOnly
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.clock = clock
            self.makeEventID = makeEventID
            self.actor = actor
        }
    }

    /// The event log.
    public let log: EventLog
    /// The options it was opened with.
    public let options: Options
    private let projector: Projector?

    /// Opens a ledger file, creating it when asked, and brings its projections up to date.
    public init(path: String, options: Options = Options()) throws {
        log = try EventLog.open(
            path: path,
            options: EventLog.Options(
                readOnly: options.readOnly, create: options.create,
                busyTimeoutMilliseconds: options.busyTimeoutMilliseconds, clock: options.clock))
        self.options = options
        projector = options.readOnly ? nil : try Projector.attach(to: log)
    }

    /// Opens a ledger for queries: read-only when its schema and projections are current, so a query needs
    /// no write access, waits for no writer and works on read-only media; otherwise as a writer, which
    /// brings the file up to date first (and says plainly when it cannot).
    public static func openForQueries(path: String, options: Options = Options()) throws -> LedgerStore {
        var reading = options
        reading.readOnly = true
        reading.create = false
        if let store = try? LedgerStore(path: path, options: reading),
            (try? store.log.schemaVersion() == EventLog.latestSchemaVersion && Projector.isCurrent(in: store.log))
                == true
        {
            return store
        }
        do {
            return try LedgerStore(path: path, options: options)
        } catch let error as EventLogError where error.code == .readOnly {
            throw EventLogError(
                .readOnly,
                "the ledger at \(path) needs a one-time update by this version, and cannot be written here (the "
                    + "file, its folder or its disk is read-only for this user); run any command once as a user "
                    + "who can write it, then queries work read-only")
        }
    }

    /// The projection tables of the ledger file, for queries.
    public var projections: ProjectionReader { ProjectionReader(log) }

    /// The file path.
    public var path: String { log.path }

    /// Appends the events a command decided, in the current write transaction, with metadata.
    func append(
        _ events: [LedgerEvent], to stream: StreamName, expected: ExpectedVersion, in transaction: LogTransaction,
        commandID: String, syncRun: Int? = nil, actor: String? = nil
    ) throws {
        guard !events.isEmpty else { return }
        let metadata = EventMetadata(actor: actor ?? options.actor, commandID: commandID, syncRun: syncRun).encoded()
        let newEvents = events.map { event in
            let encoded = event.encoded()
            return NewEvent(
                id: options.makeEventID(), type: encoded.type, schemaVersion: encoded.schemaVersion,
                payload: encoded.payload, metadata: metadata)
        }
        try transaction.append(newEvents, to: stream.rawValue, expected: expected)
    }

    /// The decoded events of one stream.
    func events(of stream: StreamName) throws -> [LedgerEvent] {
        try log.events(in: stream.rawValue).map(Projector.decode)
    }

    /// The expected version for appending after these folded events.
    static func expected(afterVersion version: Int) -> ExpectedVersion {
        version == 0 ? .noStream : .exact(Int64(version))
    }
}
