/// An error reported by SQLite: its code, its message and the statement that failed.
///
/// Bound values are never part of the error, so an error can be logged or shown without leaking
/// what was written.
package struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The extended result code.
    package let code: ResultCode
    /// SQLite's message (`sqlite3_errmsg`), if any.
    package let message: String?
    /// The SQL text of the failing statement, if any; never its arguments.
    package let sql: String?

    /// Creates an error from its parts.
    package init(code: ResultCode, message: String? = nil, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    package var description: String {
        var text = "SQLite error \(code.rawValue)"
        if let message { text += ": \(message)" }
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }

    /// Whether the error means another connection holds the write lock past the busy timeout.
    package var isBusy: Bool {
        code.primaryResultCode == .busy || code.primaryResultCode == .locked
    }
}
