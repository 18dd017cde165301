import EventLog
import Ledger
import SQLite

/// Read-only views for people querying the ledger file with sqlite3 or a BI tool (see `docs/schema.md`).
///
/// Views cannot be written to, so an analyst's query cannot change what the ledger shows. Amounts come
/// as exact whole cents (`price_cents`, safe to `SUM`) and as a REAL in currency units for convenience.
struct AnalystViews: Projection {
    let name = "analyst-views"
    let version = 1
    let tables: [ProjectionTable] = []

    func createTables(in database: Database) throws {
        try database.execute(
            """
            DROP VIEW IF EXISTS contracts_view;
            DROP VIEW IF EXISTS field_changes_view;
            CREATE VIEW contracts_view AS
            SELECT
                c.id AS contract_id,
                c.imported AS imported,
                c.origin AS origin,
                c.level AS level,
                c.autotask_contract_id AS autotask_contract_id,
                c.autotask_contract_service_id AS autotask_contract_service_id,
                c.company_id AS company_id,
                c.company_name AS company_name,
                c.name AS name,
                c.type AS type,
                c.status AS status,
                c.missing_reason AS missing_in_autotask,
                c.start_date AS start_date,
                c.end_date AS end_date,
                c.billing_cycle AS billing_cycle,
                c.price_cents AS price_cents,
                c.price_cents / 100.0 AS price,
                (SELECT CAST(f.value AS INTEGER) FROM contract_fields f
                    WHERE f.contract_id = c.id AND f.field = 'units') AS units,
                c.asset_count AS asset_count,
                c.auto_sync AS auto_sync,
                c.follows_renewals AS follows_renewals,
                c.renewed_to AS renewed_to,
                c.copied_from AS copied_from,
                c.updated_position AS updated_position
            FROM contracts c;
            CREATE VIEW field_changes_view AS
            SELECT
                e.position AS position,
                e.recorded_at AS recorded_at,
                substr(e.stream, 10) AS contract_id,
                CASE e.type WHEN 'AutotaskFieldChanged' THEN 'autotask' ELSE 'lci' END AS changed_by,
                json_extract(e.payload, '$.field') AS field,
                json_extract(e.payload, '$.from') AS old_value,
                json_extract(e.payload, '$.to') AS new_value,
                CASE WHEN json_extract(e.payload, '$.field') = 'price'
                    THEN CAST(round(CAST(json_extract(e.payload, '$.from') AS REAL) * 100) AS INTEGER) END
                    AS old_cents,
                CASE WHEN json_extract(e.payload, '$.field') = 'price'
                    THEN CAST(round(CAST(json_extract(e.payload, '$.to') AS REAL) * 100) AS INTEGER) END
                    AS new_cents,
                json_extract(e.payload, '$.syncRun') AS sync_run,
                json_extract(e.metadata, '$.actor') AS actor
            FROM events e
            WHERE e.type IN ('AutotaskFieldChanged', 'FieldEdited') AND e.stream LIKE 'contract/%';
            """)
    }
}
