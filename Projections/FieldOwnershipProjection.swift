import EventLog
import Ledger
import SQLite

/// Every field of every contract with its value and its owner (Autotask or LCI).
///
/// Only the fields a span of events changed are rewritten; a new contract gets a row for every field of the
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

    func write(_ change: ContractChange, to database: Database) throws {
        guard change.hasRows else { return }
        let state = change.state
        let statement = try database.cachedStatement(
            """
            INSERT INTO contract_fields (contract_id, field, ordinal, value, owner, changed_position)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (contract_id, field) DO UPDATE SET
                value = excluded.value, owner = excluded.owner, changed_position = excluded.changed_position
            """)
        for (ordinal, field) in FieldName.allCases.enumerated() {
            guard let position = change.fieldPosition(field) else { continue }
            let value = state[field]
            try statement.execute([
                .text(state.id.rawValue), .text(field.rawValue), .integer(Int64(ordinal)),
                value.isEmpty ? .null : .text(value.description), .text(state.owner(of: field).rawValue),
                .integer(position),
            ])
        }
    }
}
