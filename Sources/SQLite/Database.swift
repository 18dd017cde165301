import CSQLite
import Foundation

/// One SQLite connection: opening, pragmas, a statement cache and transactions.
///
/// A `Database` is not thread-safe: use it from one task or thread at a time. Statements prepared
/// through ``cachedStatement(_:)`` live as long as the connection and are finalized with it.
package final class Database {
    /// How a connection is opened.
    package struct Options: Sendable {
        /// Open read-only: no writes, no migrations, no journal-mode change.
        package var readOnly: Bool
        /// Create the file if it does not exist.
        package var create: Bool
        /// How long a writer waits for another connection's lock before `SQLITE_BUSY`, in milliseconds.
        package var busyTimeoutMilliseconds: Int32
        /// Read-only, and the file cannot change while open (read-only media): SQLite takes no lock and
        /// creates no `-shm` file. Only for a file without a `-wal`.
        package var immutable: Bool

        /// Creates options; by default read-write, no creation, and a five-second busy timeout.
        package init(
            readOnly: Bool = false, create: Bool = false, busyTimeoutMilliseconds: Int32 = 5_000,
            immutable: Bool = false
        ) {
            self.readOnly = readOnly || immutable
            self.create = create
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.immutable = immutable
        }
    }

    let handle: OpaquePointer
    /// The file path this connection opened.
    package let path: String
    /// The options it was opened with.
    package let options: Options
    private var statementCache: [String: Statement] = [:]
    var transactionDepth = 0

    /// Opens a connection with extended result codes, WAL (verified), `synchronous=FULL`, foreign keys
    /// and the busy timeout switched on.
    package init(path: String, options: Options = Options()) throws {
        var handle: OpaquePointer?
        var flags: Int32 = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        flags |= options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if options.create && !options.readOnly { flags |= SQLITE_OPEN_CREATE }
        var target = path
        if options.immutable {
            flags |= SQLITE_OPEN_URI
            let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))
            target = "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
        }
        let code = sqlite3_open_v2(target, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) }
            if let handle { sqlite3_close_v2(handle) }
            throw SQLiteError(code: ResultCode(rawValue: code), message: message)
        }
        self.handle = handle
        self.path = path
        self.options = options
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, options.busyTimeoutMilliseconds)
        do {
            try configure()
        } catch {
            statementCache.removeAll()
            sqlite3_close_v2(handle)
            throw error
        }
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    private func configure() throws {
        try execute("PRAGMA foreign_keys = ON")
        // 32 MB of page cache (the default is 2 MB): large logs and projections stay off the disk on rebuilds.
        try execute("PRAGMA cache_size = -32768")
        guard !options.readOnly, path != ":memory:" else { return }
        let mode = try scalarText("PRAGMA journal_mode = WAL")
        guard mode?.lowercased() == "wal" else {
            throw SQLiteError(code: .error, message: "could not switch the journal to WAL (got \(mode ?? "nothing"))")
        }
        try execute("PRAGMA synchronous = FULL")
    }

    // MARK: Statements

    /// Prepares a statement that the caller owns; it is finalized when released.
    package func makeStatement(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Returns the cached prepared statement for `sql`, preparing it on first use.
    package func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one or more statements with no arguments and no results.
    package func execute(_ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code: code, sql: sql) }
    }

    /// Runs one statement with arguments through the statement cache.
    package func execute(_ sql: String, _ arguments: [DatabaseValue]) throws {
        try cachedStatement(sql).execute(arguments)
    }

    /// The first column of the first row as an integer, or nil when there is no row or it is NULL.
    package func scalarInt(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> Int64? {
        try cachedStatement(sql).firstRow(arguments) { $0.isNull(0) ? nil : $0.int64(0) } ?? nil
    }

    /// The first column of the first row as text, or nil when there is no row or it is NULL.
    package func scalarText(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> String? {
        let statement = try makeStatement(sql)
        return try statement.firstRow(arguments) { $0.optionalText(0) } ?? nil
    }

    /// The number of rows changed by the last INSERT, UPDATE or DELETE.
    package var changes: Int { Int(sqlite3_changes(handle)) }

    /// Whether a table (or view) of that name exists.
    package func tableExists(_ name: String) throws -> Bool {
        try scalarInt("SELECT count(*) FROM sqlite_master WHERE type IN ('table','view') AND name = ?", [.text(name)])
            ?? 0 > 0
    }

    func error(code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
