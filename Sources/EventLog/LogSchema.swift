import SQLite

/// The event log's own tables, as numbered migrations of the "log" domain.
enum LogSchema {
    /// `PRAGMA application_id` of a ledger file: "LEDG".
    static let applicationID: Int64 = 0x4C45_4447

    /// The log's schema, one migration per change since the first release.
    ///
    /// Migration 1 is the baseline: the events table and the triggers that make it append-only. The
    /// payload and metadata are checked as JSON by the append (``JSONValidator``), before the insert,
    /// not by SQL `CHECK`s.
    ///
    /// How to write the next migration: append `Migration(2, "what it does", ...)` and never edit a
    /// published one, since files that applied it keep what it did. A change SQLite's `ALTER TABLE`
    /// supports (a new column with a default, a new index, a renamed column) is one statement. Any other
    /// change of a table (a constraint, a column's type) follows SQLite's twelve-step procedure
    /// ("Making Other Kinds Of Table Schema Changes" in the ALTER TABLE documentation): in the
    /// migration's transaction, create the new table under a temporary name, copy the rows with
    /// `INSERT INTO ... SELECT`, drop the old table, rename the new one, recreate its indexes and the
    /// `events_refuse_update`/`events_refuse_delete` triggers, and run `PRAGMA foreign_key_check`. The
    /// rows' bytes, and so the hash chain, are unchanged by the copy. Never edit `sqlite_master` through
    /// `PRAGMA writable_schema`: whether SQLite allows it depends on how it was built, so two ledgers of
    /// the same version could differ.
    static let migrator = Migrator(
        domain: "log",
        migrations: [
            Migration(
                1, "events table, append-only triggers",
                sql: """
                    CREATE TABLE events (
                        position INTEGER PRIMARY KEY,
                        stream TEXT NOT NULL CHECK (length(stream) BETWEEN 1 AND 512),
                        version INTEGER NOT NULL CHECK (version >= 1),
                        event_id TEXT NOT NULL UNIQUE CHECK (length(event_id) BETWEEN 1 AND 128),
                        type TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 128),
                        schema_version INTEGER NOT NULL CHECK (schema_version >= 1),
                        payload TEXT NOT NULL,
                        metadata TEXT NOT NULL,
                        recorded_at TEXT NOT NULL,
                        previous_hash BLOB NOT NULL,
                        hash BLOB NOT NULL,
                        UNIQUE (stream, version)
                    ) STRICT;
                    CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: UPDATE on events is refused'); END;
                    CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: DELETE on events is refused'); END;
                    """)
        ])
}
