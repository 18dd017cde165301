import Foundation

/// The append-only event log in one SQLite file: open, append, read and verify.
///
/// Open it with ``open(path:options:)``. Every write runs in a `BEGIN IMMEDIATE` transaction;
/// ``appendHook`` lets callers (the projections) write their own tables inside that transaction,
/// so an event and the rows it produces commit together. An `EventLog` is used from one task at a
/// time; other processes may use the same file concurrently.
public final class EventLog {
    /// How a log is opened.
    public struct Options: Sendable {
        /// Open read-only (the audit tool): no writes, no migrations.
        public var readOnly: Bool
        /// Create the file when it does not exist.
        public var create: Bool
        /// How long to wait for another process's write lock, in milliseconds.
        public var busyTimeoutMilliseconds: Int32
        /// The clock that stamps `recorded_at`; injectable for deterministic tests.
        public var clock: @Sendable () -> Date
        /// Stop migrating at this log schema version (tests and fixtures only).
        public var migrateUpTo: Int?

        /// Creates options: read-write, no creation, a five-second busy timeout, the system clock.
        public init(
            readOnly: Bool = false, create: Bool = false, busyTimeoutMilliseconds: Int32 = 5_000,
            clock: @escaping @Sendable () -> Date = { Date() }, migrateUpTo: Int? = nil
        ) {
            self.readOnly = readOnly
            self.create = create
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.clock = clock
            self.migrateUpTo = migrateUpTo
        }
    }

    /// The connection; `Projections` uses it for its own tables.
    public let database: Database
    let options: Options
    /// Called inside the write transaction for every appended event, in position order.
    /// A throw rolls the whole append back.
    public var appendHook: ((RecordedEvent, Database) throws -> Void)?

    /// The highest log schema version this software knows.
    public static var latestSchemaVersion: Int { LogSchema.migrator.latestVersion }

    private init(database: Database, options: Options) {
        self.database = database
        self.options = options
    }

    /// Opens (and, when asked, creates) a ledger file, refusing files that are not ledgers, damaged
    /// files and files written by a newer schema.
    public static func open(path: String, options: Options = Options()) throws -> EventLog {
        var state = try LedgerFile.inspect(path: path)
        if state == .missing && (!options.create || options.readOnly) {
            throw EventLogError(.missing, "there is no ledger at \(path)")
        }
        if state == .missing {
            try createAtomically(path: path, options: options)
            state = .sqlite
        }
        let database: Database
        do {
            database = try Database(
                path: path,
                options: Database.Options(
                    readOnly: options.readOnly, create: options.create,
                    busyTimeoutMilliseconds: options.busyTimeoutMilliseconds))
        } catch let error as SQLiteError {
            throw translateOpenError(error, path: path)
        }
        do {
            try prepare(database, isNew: state != .sqlite, options: options)
        } catch let error as SQLiteError {
            throw translateOpenError(error, path: path)
        }
        return EventLog(database: database, options: options)
    }

    /// Creates a new ledger in a temporary file beside `path` and links it into place, so a process killed
    /// while creating leaves no half-made ledger at `path`. When another process created `path` first, its
    /// ledger is kept.
    private static func createAtomically(path: String, options: Options) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).creating-\(UUID().uuidString)").path
        defer {
            for suffix in ["", "-wal", "-shm"] { unlink(temporary + suffix) }
        }
        // The ledger holds clients' contracts: readable by its owner only. SQLite gives the -wal and -shm
        // files the mode of the database file, so creating it 0600 covers all three.
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw EventLogError(.cannotOpen, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        _ = fchmod(descriptor, 0o600)
        close(descriptor)
        do {
            let database = try Database(
                path: temporary,
                options: Database.Options(create: true, busyTimeoutMilliseconds: options.busyTimeoutMilliseconds))
            try prepare(database, isNew: true, options: options)
        } catch let error as SQLiteError {
            throw translateOpenError(error, path: path)
        }
        if link(temporary, path) != 0 && errno != EEXIST {
            throw EventLogError(.cannotOpen, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func prepare(_ database: Database, isNew: Bool, options: Options) throws {
        let applicationID = try database.scalarInt("PRAGMA application_id") ?? 0
        if applicationID != LogSchema.applicationID {
            let objects = try database.scalarInt("SELECT count(*) FROM sqlite_master") ?? 0
            guard objects == 0, applicationID == 0, options.create, !options.readOnly else {
                throw EventLogError(
                    .notALedger,
                    objects > 0 || applicationID != 0
                        ? "\(database.path) is an SQLite database, but not a ledger"
                        : "\(database.path) is empty, not a ledger (an interrupted creation?); remove it and create the ledger again"
                )
            }
            try database.execute("PRAGMA application_id = \(LogSchema.applicationID)")
        }
        try LogSchema.migrator.checkNotNewer(database)
        guard try database.tableExists("events") || !options.readOnly else {
            throw EventLogError(.notALedger, "\(database.path) is not a ledger: it has no event table")
        }
        if !options.readOnly {
            try LogSchema.migrator.migrate(database, upTo: options.migrateUpTo, now: options.clock())
        }
    }

    private static func translateOpenError(_ error: SQLiteError, path: String) -> Error {
        switch error.code.primaryResultCode {
        case .notADatabase: return EventLogError(.notALedger, "\(path) is not a ledger: it is not an SQLite database")
        case .corrupt: return EventLogError(.damaged, "\(path) is damaged (SQLite reports a malformed file)")
        case .cantOpen: return EventLogError(.cannotOpen, "cannot open \(path): check the path and its permissions")
        case .busy, .locked: return EventLogError.busy(path: path)
        default: return error
        }
    }

    /// The log schema version recorded in the file.
    public func schemaVersion() throws -> Int {
        try LogSchema.migrator.appliedVersion(in: database)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction in which it may append to several streams and
    /// read or write other tables; everything commits together or not at all.
    public func write<T>(_ body: (LogTransaction) throws -> T) throws -> T {
        guard !options.readOnly else {
            throw EventLogError(.readOnly, "the ledger at \(database.path) is open read-only")
        }
        do {
            return try database.inTransaction(.immediate) {
                let transaction = LogTransaction(log: self)
                return try body(transaction)
            }
        } catch let error as SQLiteError where error.isBusy {
            throw EventLogError.busy(path: database.path)
        }
    }

    /// Runs `body` in a read transaction, so every read inside sees one consistent state.
    public func read<T>(_ body: () throws -> T) throws -> T {
        do {
            return try database.inTransaction(.deferred, body)
        } catch let error as SQLiteError where error.isBusy {
            throw EventLogError.busy(path: database.path)
        }
    }
}
