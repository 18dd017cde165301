import SQLite

/// An error of the storage engine under the log (SQLite today), as callers above the log see it.
///
/// Callers match on this protocol rather than on the engine's own error type, which they cannot see:
/// its description names the engine's code, its message and the failing statement, never bound values.
public protocol LedgerStorageError: Error, CustomStringConvertible {
    /// Whether the engine ran out of room on its disk (or its quota), so nothing was written.
    var isDiskFull: Bool { get }
}

extension SQLiteError: LedgerStorageError {
    public var isDiskFull: Bool { code.primaryResultCode == .full }
}
