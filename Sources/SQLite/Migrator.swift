import Foundation

/// Applies numbered migrations of one domain ("log", "projections", ...) and records them in `schema_migrations`.
///
/// A file whose recorded version is higher than the highest migration known here was written by a
/// newer version of the software and is refused, so it is never modified by an older one.
package struct Migrator: Sendable {
    /// The domain the migrations belong to.
    package let domain: String
    /// The migrations, in increasing version order.
    package let migrations: [Migration]

    /// Creates a migrator; the migrations must be numbered 1, 2, 3...
    package init(domain: String, migrations: [Migration]) {
        precondition(
            migrations.enumerated().allSatisfy { $0.offset + 1 == $0.element.version },
            "migrations must be numbered from 1 without gaps")
        self.domain = domain
        self.migrations = migrations
    }

    /// The highest version this migrator knows.
    package var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The version recorded in the file for this domain (0 if none).
    package func appliedVersion(in database: Database) throws -> Int {
        guard try database.tableExists("schema_migrations") else { return 0 }
        return Int(
            try database.scalarInt("SELECT max(version) FROM schema_migrations WHERE domain = ?", [.text(domain)]) ?? 0)
    }

    /// Refuses a file migrated past what this software knows.
    package func checkNotNewer(_ database: Database) throws {
        let applied = try appliedVersion(in: database)
        if applied > latestVersion {
            throw NewerSchemaError(
                path: database.path, domain: domain, appliedVersion: applied, latestVersion: latestVersion)
        }
    }

    /// Applies the missing migrations up to `target` (all by default) in one transaction, recording each
    /// with `appliedAt` (the caller's time format).
    package func migrate(_ database: Database, upTo target: Int? = nil, appliedAt: String) throws {
        try checkNotNewer(database)
        let goal = min(target ?? latestVersion, latestVersion)
        try database.inTransaction(.immediate) {
            try database.execute(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    domain TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    applied_at TEXT NOT NULL,
                    PRIMARY KEY (domain, version)
                ) STRICT
                """)
            let applied = try appliedVersion(in: database)
            for migration in migrations where migration.version > applied && migration.version <= goal {
                try migration.apply(database)
                try database.execute(
                    "INSERT INTO schema_migrations (domain, version, name, applied_at) VALUES (?, ?, ?, ?)",
                    [
                        .text(domain), .integer(Int64(migration.version)), .text(migration.name),
                        .text(appliedAt),
                    ])
            }
        }
    }
}

/// A file migrated past what this software knows: it was written by a newer version.
package struct NewerSchemaError: Error, Sendable, CustomStringConvertible {
    /// The file.
    package let path: String
    /// The migration domain.
    package let domain: String
    /// The version recorded in the file.
    package let appliedVersion: Int
    /// The highest version this software knows.
    package let latestVersion: Int

    package var description: String {
        "\(path) was written by a newer version of this software (\(domain) schema \(appliedVersion); this version knows up to \(latestVersion)); upgrade to open it"
    }
}
