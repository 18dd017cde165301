import Foundation
import SQLite

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
    package let database: Database
    let options: Options
    /// Called inside the write transaction for every appended event, in position order.
    /// A throw rolls the whole append back.
    package var appendHook: ((RecordedEvent, Database) throws -> Void)?
    /// Why appends are refused (the append-only triggers are gone, or an event is missing), found at open.
    var appendRefusal: String?

    /// The path of the ledger file.
    public var path: String { database.path }

    /// The highest log schema version this software knows.
    public static var latestSchemaVersion: Int { LogSchema.migrator.latestVersion }

    private init(database: Database, options: Options) {
        self.database = database
        self.options = options
    }

    /// Opens (and, when asked, creates) a ledger file, refusing files that are not ledgers, damaged
    /// files and files written by a newer schema.
    public static func open(path: String, options: Options = Options()) throws -> EventLog {
        guard path != ":memory:", !path.lowercased().hasPrefix("file:"), !path.isEmpty else {
            throw EventLogError(.cannotOpen, "\(path) is not a file path; give the path of a ledger file")
        }
        // With a -wal beside it, the file's header may count pages that are still only in the WAL (a
        // checkpoint that ran out of disk space): the size is not judged, and SQLite recovers from the WAL
        // (`checkAfterRecovery`).
        let hasWAL = LedgerFile.hasWAL(path: path)
        var state = try LedgerFile.inspect(path: path, checkSize: !hasWAL)
        if state == .missing && (!options.create || options.readOnly) {
            throw EventLogError(.missing, "there is no ledger at \(path)")
        }
        if state == .missing {
            try createAtomically(path: path, options: options)
            state = .sqlite
        }
        let database: Database
        do {
            // A reader that cannot write beside the file (read-only media, another user's folder) opens it
            // immutable when no -wal is there: SQLite then needs no -shm, and leaves none behind.
            let immutable = options.readOnly && !hasWAL && !LedgerFile.canWriteBeside(path: path)
            func connect(immutable: Bool) throws -> Database {
                try Database(
                    path: path,
                    options: Database.Options(
                        readOnly: options.readOnly, create: options.create,
                        busyTimeoutMilliseconds: options.busyTimeoutMilliseconds, immutable: immutable))
            }
            do {
                database = try connect(immutable: immutable)
            } catch let error as SQLiteError
                where options.readOnly && !immutable && !hasWAL
                && [.ioError, .cantOpen, .full, .readonly].contains(error.code.primaryResultCode)
            {
                // No room (or no right) for the -shm file, and no -wal to read: the file alone is the ledger.
                database = try connect(immutable: true)
            }
        } catch let error as SQLiteError {
            throw translateOpenError(error, path: path)
        }
        do {
            try prepare(database, isNew: state != .sqlite, options: options)
            if hasWAL { try checkAfterRecovery(database, path: path) }
        } catch let error as SQLiteError {
            throw translateOpenError(error, path: path)
        }
        let log = EventLog(database: database, options: options)
        if !options.readOnly {
            do {
                log.appendRefusal = try protectionProblem(database, path: path)
            } catch let error as SQLiteError {
                throw translateOpenError(error, path: path)
            }
        }
        return log
    }

    /// What shows the file was edited outside this software, or nil: a missing append-only trigger, or
    /// positions with a gap (an event deleted). Found at open, it refuses every append; `ledger-replay`
    /// names the damage.
    private static func protectionProblem(_ database: Database, path: String) throws -> String? {
        let triggers =
            try database.scalarInt(
                """
                SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'
                    AND name IN ('events_refuse_update', 'events_refuse_delete')
                """) ?? 0
        if triggers != 2 {
            return "the ledger at \(path) has lost its append-only protection (a trigger was dropped outside this "
                + "software), so nothing more is recorded; run `ledger-replay` on it and restore it from a backup"
        }
        let statement = try database.makeStatement("SELECT count(*), coalesce(max(position), 0) FROM events")
        if let row = try statement.firstRow([], { ($0.int64(0), $0.int64(1)) }), row.0 != row.1 {
            let (count, last) = row
            return "the ledger at \(path) is missing \(last - count) events (deleted outside this software), so "
                + "nothing more is recorded; run `ledger-replay` on it and restore it from a backup"
        }
        return nil
    }

    /// The last event's position and hash, or nil for an empty log: an anchor an auditor keeps outside the
    /// ledger, against which `ledger-replay --anchor` checks the log later.
    public func head() throws -> (position: Int64, hash: Data)? {
        try database.makeStatement("SELECT position, hash FROM events ORDER BY position DESC LIMIT 1")
            .firstRow { ($0.int64(0), $0.blob(1)) }
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
        do {
            try LogSchema.migrator.checkNotNewer(database)
            guard try database.tableExists("events") || !options.readOnly else {
                throw EventLogError(.notALedger, "\(database.path) is not a ledger: it has no event table")
            }
            if !options.readOnly {
                try LogSchema.migrator.migrate(
                    database, upTo: options.migrateUpTo, appliedAt: Timestamp.format(options.clock()))
            }
        } catch let error as NewerSchemaError {
            throw EventLogError(.newerSchema, error.description)
        }
    }

    /// Copies what the WAL holds into the file when it can (a passive checkpoint, which waits for no one),
    /// then judges the file's size as ``LedgerFile/inspect(path:checkSize:)`` does. A full disk leaves the
    /// pages in the WAL, where SQLite reads them: the ledger stays readable and only writes are refused.
    private static func checkAfterRecovery(_ database: Database, path: String) throws {
        guard !database.options.readOnly else { return }
        // The header is not read again here: opening and closing a descriptor on the file while this process
        // has a connection to it drops every POSIX lock the process holds on it, SQLite's shared lock
        // included, and another process closing the last connection it knows of would then delete the WAL
        // under this one. A file truncated behind its WAL is found by SQLite when it reads a missing page,
        // and by `ledger-replay`.
        do {
            try database.execute("PRAGMA wal_checkpoint(PASSIVE)")
        } catch let error as SQLiteError where error.code.primaryResultCode == .full {
            return
        }
    }

    private static func translateOpenError(_ error: SQLiteError, path: String) -> Error {
        switch error.code.primaryResultCode {
        case .notADatabase: return EventLogError(.notALedger, "\(path) is not a ledger: it is not an SQLite database")
        case .corrupt: return EventLogError(.damaged, "\(path) is damaged (SQLite reports a malformed file)")
        case .cantOpen:
            if FileManager.default.isReadableFile(atPath: path) && !LedgerFile.canWriteBeside(path: path) {
                return EventLogError.cannotWrite(path: path)
            }
            return EventLogError(.cannotOpen, "cannot open \(path): check the path and its permissions")
        case .busy, .locked: return EventLogError.busy(path: path)
        case .full: return EventLogError.diskFull(path: path)
        case .ioError where LedgerFile.freeBytes(beside: path) < 65_536: return EventLogError.diskFull(path: path)
        case .readonly: return EventLogError.cannotWrite(path: path)
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
        if let appendRefusal { throw EventLogError(.damaged, appendRefusal) }
        do {
            return try database.inTransaction(.immediate) {
                let transaction = LogTransaction(log: self)
                return try body(transaction)
            }
        } catch let error as SQLiteError where error.isBusy {
            throw EventLogError.busy(path: database.path)
        } catch let error as SQLiteError
            where error.code.primaryResultCode == .full
            || (error.code.primaryResultCode == .ioError && LedgerFile.freeBytes(beside: database.path) < 65_536)
        {
            throw EventLogError.diskFull(path: database.path)
        } catch let error as SQLiteError where error.code.primaryResultCode == .readonly {
            throw EventLogError.cannotWrite(path: database.path)
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
