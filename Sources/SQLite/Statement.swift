import CSQLite
import Foundation

/// A prepared SQLite statement, finalized when it is released.
///
/// A statement belongs to the `Database` that prepared it and must be used on that database's
/// thread only. Values are bound by 1-based index; columns are read by 0-based index.
package final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    /// The statement's SQL text.
    package let sql: String

    init(database: Database, sql: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, 0, &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw database.error(code: code, sql: sql)
        }
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Resets the statement and clears its bindings, ready for a new execution.
    package func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds the values in order, starting at parameter 1, after a reset.
    package func bind(_ values: [DatabaseValue]) throws {
        reset()
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value to the 1-based parameter `index`.
    package func bind(_ value: DatabaseValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, index, real)
        case .text(let text):
            code = sqlite3_bind_text(handle, index, text, -1, csqlite_transient())
        case .blob(let data):
            code = data.withUnsafeBytes { buffer in
                sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), csqlite_transient())
            }
        }
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }

    /// Binds UTF-8 bytes as TEXT without converting them to a `String` first.
    package func bindUTF8(_ bytes: Data, at index: Int32) throws {
        if bytes.isEmpty { return try bind(.text(""), at: index) }
        let code = bytes.withUnsafeBytes { buffer in
            sqlite3_bind_text(
                handle, index, buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                csqlite_transient())
        }
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }

    /// Binds bytes as TEXT or a BLOB without copying them (`SQLITE_STATIC`).
    ///
    /// The bytes must stay valid and unchanged until the parameter is bound again or the bindings are cleared;
    /// ``RowBuffer`` and the append keep that promise by clearing the bindings after each step.
    package func bindStatic(_ bytes: UnsafeRawBufferPointer, at index: Int32, isText: Bool) throws {
        guard let base = bytes.baseAddress else {
            return try isText ? bind(.text(""), at: index) : bind(.blob(Data()), at: index)
        }
        let code =
            isText
            ? sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
            : sqlite3_bind_blob(handle, index, base, Int32(bytes.count), nil)
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }

    /// Binds a NUL-terminated C string as TEXT without copying it (`SQLITE_STATIC`), on the same terms as
    /// ``bindStatic(_:at:isText:)``.
    package func bindStatic(cString: UnsafePointer<CChar>, at index: Int32) throws {
        let code = sqlite3_bind_text(handle, index, cString, -1, nil)
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }

    /// Clears every binding (after a step that bound values in place).
    package func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// Binds a 64-bit integer without wrapping it in a ``DatabaseValue``.
    package func bindInteger(_ value: Int64, at index: Int32) throws {
        let code = sqlite3_bind_int64(handle, index, value)
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }

    /// Resets the statement after an execution without clearing its bindings (``reset()`` does both).
    package func resetKeepingBindings() {
        sqlite3_reset(handle)
    }

    /// Steps once: `true` when a row is available, `false` when the statement is done.
    @discardableResult
    package func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = database.error(code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Binds the values, runs the statement to completion and resets it.
    package func execute(_ values: [DatabaseValue] = []) throws {
        try bind(values)
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Binds the values and returns every row, mapped by `row`.
    package func rows<T>(_ values: [DatabaseValue] = [], _ row: (Statement) throws -> T) throws -> [T] {
        try bind(values)
        defer { sqlite3_reset(handle) }
        var result: [T] = []
        while try step() { result.append(try row(self)) }
        return result
    }

    /// Binds the values and returns the first row, mapped by `row`, or nil.
    package func firstRow<T>(_ values: [DatabaseValue] = [], _ row: (Statement) throws -> T) throws -> T? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        return try step() ? try row(self) : nil
    }

    // MARK: Columns

    /// The number of columns in a result row.
    package var columnCount: Int32 { sqlite3_column_count(handle) }

    /// The name of the 0-based column.
    package func columnName(_ index: Int32) -> String {
        String(cString: sqlite3_column_name(handle, index))
    }

    /// Whether the column holds NULL.
    package func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// The column's storage class as a `DatabaseValue`.
    package func value(_ index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_BLOB: return .blob(blob(index))
        default: return .text(text(index))
        }
    }

    /// The column as a 64-bit integer (0 for NULL).
    package func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    /// The column as an integer (0 for NULL).
    package func int(_ index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    /// The column as text (empty for NULL).
    package func text(_ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column as optional text (nil for NULL).
    package func optionalText(_ index: Int32) -> String? {
        isNull(index) ? nil : text(index)
    }

    /// The column's bytes (empty for NULL); text columns give their UTF-8 bytes.
    package func blob(_ index: Int32) -> Data {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return Data() }
        return Data(bytes: pointer, count: count)
    }

    /// The storage class name of the column ("integer", "real", "text", "blob" or "null").
    package func storageClass(_ index: Int32) -> String {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return "integer"
        case SQLITE_FLOAT: return "real"
        case SQLITE_TEXT: return "text"
        case SQLITE_BLOB: return "blob"
        default: return "null"
        }
    }
}
