import EventLog
import Ledger

/// The Autotask configuration items (assets) linked to each contract.
struct AssetsProjection: Projection {
    let name = "contract-assets"
    let version = 1
    let tables = [ProjectionTable(name: "contract_assets", key: ["contract_id", "asset_id"])]

    func createTables(in database: Database) throws {
        try database.execute(
            """
            CREATE TABLE contract_assets (
                contract_id TEXT NOT NULL,
                asset_id INTEGER NOT NULL,
                name TEXT NOT NULL,
                serial_number TEXT,
                type TEXT,
                product TEXT,
                autotask_contract_service_id INTEGER,
                active INTEGER NOT NULL,
                linked_position INTEGER NOT NULL,
                PRIMARY KEY (contract_id, asset_id)
            ) STRICT, WITHOUT ROWID
            """)
    }

    func apply(_ change: ProjectedEvent, to database: Database) throws {
        guard let after = change.contractAfter, after.exists else { return }
        let before = change.contractBefore?.assets ?? [:]
        guard before != after.assets else { return }
        for (id, _) in before where after.assets[id] == nil {
            try database.execute(
                "DELETE FROM contract_assets WHERE contract_id = ? AND asset_id = ?",
                [.text(after.id.rawValue), .integer(Int64(id))])
        }
        for (id, asset) in after.assets where before[id] != asset {
            try database.execute(
                """
                INSERT INTO contract_assets (contract_id, asset_id, name, serial_number, type, product,
                    autotask_contract_service_id, active, linked_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id, asset_id) DO UPDATE SET
                    name = excluded.name, serial_number = excluded.serial_number, type = excluded.type,
                    product = excluded.product, autotask_contract_service_id = excluded.autotask_contract_service_id,
                    active = excluded.active, linked_position = excluded.linked_position
                """,
                [
                    .text(after.id.rawValue), .integer(Int64(id)), .text(asset.name), .optionalText(asset.serialNumber),
                    .optionalText(asset.type), .optionalText(asset.productName),
                    .optionalInteger(asset.contractServiceID.map(Int64.init)), .integer(asset.isActive ? 1 : 0),
                    .integer(change.recorded.position),
                ])
        }
    }
}
