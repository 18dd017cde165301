/// One numbered schema change, applied once and recorded in the file.
package struct Migration: Sendable {
    /// The number, starting at 1, strictly increasing within its domain.
    package let version: Int
    /// A short name, recorded beside the number.
    package let name: String
    /// The change itself, run inside the migration's transaction.
    package let apply: @Sendable (Database) throws -> Void

    /// Creates a migration.
    package init(_ version: Int, _ name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }

    /// A migration made of plain SQL statements.
    package init(_ version: Int, _ name: String, sql: String) {
        self.init(version, name) { try $0.execute(sql) }
    }
}
