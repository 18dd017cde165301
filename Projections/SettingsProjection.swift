import EventLog
import Ledger
import SQLite

/// The ledger's settings (primary integration, Autotask connection) and the browse fetches.
struct SettingsProjection: Projection {
    let name = "settings"
    let version = 1
    let tables = [
        ProjectionTable(name: "settings", key: ["key"]),
        ProjectionTable(name: "browse_fetches", key: ["position"]),
    ]

    func createTables(in database: Database) throws {
        try database.execute(
            """
            CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT, position INTEGER NOT NULL) STRICT;
            CREATE TABLE browse_fetches (
                position INTEGER PRIMARY KEY,
                company_id INTEGER NOT NULL,
                show_services INTEGER NOT NULL,
                contracts INTEGER NOT NULL,
                services INTEGER NOT NULL,
                requests INTEGER NOT NULL,
                digest TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            ) STRICT;
            """)
    }

    func apply(_ change: ProjectedEvent, to database: Database) throws {
        let position = change.recorded.position
        switch change.event {
        case .primaryIntegrationSet(let payload):
            try set("primary_integration", payload.integration.rawValue, position, database)
        case .autotaskConnectionConfigured(let payload):
            try set("autotask_discovery_url", payload.discoveryURL, position, database)
            try set("autotask_zone_url", payload.zoneURL, position, database)
            try set("autotask_user_name", payload.userName, position, database)
            try set("autotask_integration_code", payload.integrationCode, position, database)
        case .contractsBrowsed(let payload):
            try database.execute(
                """
                INSERT INTO browse_fetches (position, company_id, show_services, contracts, services, requests, digest,
                    recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(position), .integer(Int64(payload.companyID)), .integer(payload.showServices ? 1 : 0),
                    .integer(Int64(payload.contractsFound)), .integer(Int64(payload.servicesFound)),
                    .integer(Int64(payload.requests)), .text(payload.digest), .text(change.recorded.recordedAt),
                ])
        default:
            break
        }
    }

    private func set(_ key: String, _ value: String?, _ position: Int64, _ database: Database) throws {
        try database.execute(
            """
            INSERT INTO settings (key, value, position) VALUES (?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, position = excluded.position
            """,
            [.text(key), .optionalText(value), .integer(position)])
    }
}
