import CSQLite

/// An SQLite result code, primary or extended, as an open set of values.
///
/// Compare an error's code with the constants below; `primaryResultCode` folds an extended code
/// (such as `SQLITE_CONSTRAINT_UNIQUE`) to its primary one (`SQLITE_CONSTRAINT`).
package struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The raw SQLite code.
    package let rawValue: Int32

    /// Creates a result code from its raw SQLite value.
    package init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The primary result code: the low eight bits of an extended code.
    package var primaryResultCode: ResultCode {
        ResultCode(rawValue: rawValue & 0xFF)
    }

    /// SQLite's own short English name for the code.
    package var description: String {
        String(cString: sqlite3_errstr(rawValue)) + " (\(rawValue))"
    }

    package static let ok = ResultCode(rawValue: SQLITE_OK)
    package static let error = ResultCode(rawValue: SQLITE_ERROR)
    package static let busy = ResultCode(rawValue: SQLITE_BUSY)
    package static let locked = ResultCode(rawValue: SQLITE_LOCKED)
    package static let readonly = ResultCode(rawValue: SQLITE_READONLY)
    package static let ioError = ResultCode(rawValue: SQLITE_IOERR)
    /// `SQLITE_FULL`, the disk (or the file system's quota) is full.
    package static let full = ResultCode(rawValue: SQLITE_FULL)
    package static let corrupt = ResultCode(rawValue: SQLITE_CORRUPT)
    package static let cantOpen = ResultCode(rawValue: SQLITE_CANTOPEN)
    package static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
    package static let mismatch = ResultCode(rawValue: SQLITE_MISMATCH)
    package static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)
    package static let row = ResultCode(rawValue: SQLITE_ROW)
    package static let done = ResultCode(rawValue: SQLITE_DONE)
    /// `SQLITE_CONSTRAINT_UNIQUE`, a unique index refused a row.
    package static let constraintUnique = ResultCode(rawValue: SQLITE_CONSTRAINT | (8 << 8))
    /// `SQLITE_CONSTRAINT_TRIGGER`, a trigger's `RAISE(ABORT, ...)` refused the statement.
    package static let constraintTrigger = ResultCode(rawValue: SQLITE_CONSTRAINT | (7 << 8))
    /// `SQLITE_CONSTRAINT_CHECK`, a CHECK constraint failed.
    package static let constraintCheck = ResultCode(rawValue: SQLITE_CONSTRAINT | (1 << 8))
    /// `SQLITE_CONSTRAINT_PRIMARYKEY`, a primary key clashed.
    package static let constraintPrimaryKey = ResultCode(rawValue: SQLITE_CONSTRAINT | (6 << 8))
}
