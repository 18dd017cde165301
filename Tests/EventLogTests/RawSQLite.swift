import CSQLite

/// A plain SQLite connection that bypasses the event log, for tests that attack the file directly.
final class RawSQLite {
    private var handle: OpaquePointer?

    init(path: String) {
        sqlite3_open(path, &handle)
        sqlite3_busy_timeout(handle, 5_000)
    }

    deinit {
        sqlite3_close(handle)
    }

    /// Runs SQL and returns SQLite's result code and message (nil on success).
    @discardableResult
    func execute(_ sql: String) -> (code: Int32, message: String?) {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        defer { sqlite3_free(error) }
        return (code, error.map { String(cString: $0) })
    }

    /// The first column of the first row as text.
    func scalar(_ sql: String) -> String? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { return nil }
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else { return nil }
        return String(cString: text)
    }
}
