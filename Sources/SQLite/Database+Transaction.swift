import CSQLite

extension Database {
    /// The kind of lock a transaction takes when it begins.
    package enum TransactionKind: String, Sendable {
        /// Takes no lock until the first read or write (for reads).
        case deferred = "DEFERRED"
        /// Takes the write lock at once, waiting up to the busy timeout (for writes).
        case immediate = "IMMEDIATE"
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// Writes use `BEGIN IMMEDIATE`, so the write lock is taken (or waited for) before any read of the
    /// transaction, and a decision made on what it reads cannot be invalidated by another writer.
    /// The first error is rethrown; a failed rollback never hides it. Nested calls join the outer
    /// transaction.
    package func inTransaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        if transactionDepth > 0 || sqlite3_get_autocommit(handle) == 0 {
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            return try body()
        }
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        transactionDepth = 1
        defer { transactionDepth = 0 }
        let result: T
        do {
            result = try body()
        } catch {
            if sqlite3_get_autocommit(handle) == 0 {
                try? execute("ROLLBACK TRANSACTION")
            }
            throw error
        }
        do {
            try execute("COMMIT TRANSACTION")
        } catch {
            if sqlite3_get_autocommit(handle) == 0 {
                try? execute("ROLLBACK TRANSACTION")
            }
            throw error
        }
        return result
    }

    /// Whether a transaction is open on this connection.
    package var isInsideTransaction: Bool {
        sqlite3_get_autocommit(handle) == 0
    }
}
