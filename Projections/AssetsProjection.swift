import EventLog
import Ledger
import SQLite

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

    func write(_ change: ContractChange, to database: Database) throws {
        guard change.hasRows else { return }
        let contract = DatabaseValue.text(change.state.id.rawValue)
        for id in change.unlinkedAssets where change.state.assets[id] == nil {
            try database.execute(
                "DELETE FROM contract_assets WHERE contract_id = ? AND asset_id = ?", [contract, .integer(Int64(id))])
        }
        for (id, position) in change.assetPositions {
            guard let asset = change.state.assets[id] else { continue }
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
                    contract, .integer(Int64(id)), .text(asset.name), .optionalText(asset.serialNumber),
                    .optionalText(asset.type), .optionalText(asset.productName),
                    .optionalInteger(asset.contractServiceID.map(Int64.init)), .integer(asset.isActive ? 1 : 0),
                    .integer(position),
                ])
        }
    }
}
