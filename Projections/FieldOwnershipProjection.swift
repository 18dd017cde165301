import EventLog
import Ledger

/// Every field of every contract with its value and its owner (Autotask or LCI).
///
/// Only the fields an event changed are rewritten; a new contract gets a row for every field of the
/// catalogue, so `contracts show` lists empty fields and their owners too.
struct FieldOwnershipProjection: Projection {
    let name = "contract-fields"
    let version = 1
    let tables = [ProjectionTable(name: "contract_fields", key: ["contract_id", "field"])]

    func createTables(in database: Database) throws {
        try database.execute(
            """
            CREATE TABLE contract_fields (
                contract_id TEXT NOT NULL,
                field TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                value TEXT,
                owner TEXT NOT NULL,
                changed_position INTEGER NOT NULL,
                PRIMARY KEY (contract_id, field)
            ) STRICT, WITHOUT ROWID
            """)
    }

    func apply(_ change: ProjectedEvent, to database: Database) throws {
        guard let after = change.contractAfter, after.exists else { return }
        let before = change.contractBefore?.exists == true ? change.contractBefore : nil
        for (ordinal, field) in FieldName.allCases.enumerated() {
            let value = after[field]
            let owner = after.owner(of: field)
            if let before, before[field] == value, before.owner(of: field) == owner { continue }
            try database.execute(
                """
                INSERT INTO contract_fields (contract_id, field, ordinal, value, owner, changed_position)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id, field) DO UPDATE SET
                    value = excluded.value, owner = excluded.owner, changed_position = excluded.changed_position
                """,
                [
                    .text(after.id.rawValue), .text(field.rawValue), .integer(Int64(ordinal)),
                    value.isEmpty ? .null : .text(value.description), .text(owner.rawValue),
                    .integer(change.recorded.position),
                ])
        }
    }
}
