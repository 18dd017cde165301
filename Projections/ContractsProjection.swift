import EventLog
import Foundation
import Ledger
import SQLite

/// The current contracts, one row each, with the imported marker and the Autotask ids.
///
/// `imported` is the `**` of the contracts list; `reference_key` is unique, so one Autotask contract
/// or service can be imported only once.
struct ContractsProjection: Projection {
    let name = "contracts"
    let version = 2
    let tables = [ProjectionTable(name: "contracts", key: ["id"])]

    func createTables(in database: Database) throws {
        try database.execute(
            """
            CREATE TABLE contracts (
                id TEXT PRIMARY KEY,
                number INTEGER,
                origin TEXT NOT NULL,
                imported INTEGER NOT NULL,
                reference_key TEXT UNIQUE,
                level TEXT,
                autotask_contract_id INTEGER,
                autotask_contract_service_id INTEGER,
                autotask_service_id INTEGER,
                copied_from TEXT,
                company_id INTEGER,
                company_name TEXT,
                name TEXT,
                status TEXT,
                type TEXT,
                start_date TEXT,
                end_date TEXT,
                price TEXT,
                price_cents INTEGER,
                billing_cycle TEXT,
                auto_sync INTEGER NOT NULL,
                follows_renewals INTEGER NOT NULL,
                missing_reason TEXT,
                renewed_to INTEGER,
                asset_count INTEGER NOT NULL,
                version INTEGER NOT NULL,
                created_position INTEGER NOT NULL,
                updated_position INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX contracts_by_company ON contracts (company_id, number);
            """)
    }

    func write(_ change: ContractChange, to database: Database) throws {
        let state = change.state
        guard change.hasRows, let origin = state.origin else { return }
        let reference = state.reference
        let copiedFrom: DatabaseValue
        if case .copied(let source) = origin { copiedFrom = .text(source.rawValue) } else { copiedFrom = .null }
        // On conflict the row keeps the creation position it has.
        let created = change.createdPosition ?? change.updatedPosition
        try database.execute(
            """
            INSERT INTO contracts (id, number, origin, imported, reference_key, level, autotask_contract_id,
                autotask_contract_service_id, autotask_service_id, copied_from, company_id, company_name, name, status,
                type, start_date, end_date, price, price_cents, billing_cycle, auto_sync, follows_renewals,
                missing_reason, renewed_to, asset_count, version, created_position, updated_position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                reference_key = excluded.reference_key, level = excluded.level,
                autotask_contract_id = excluded.autotask_contract_id,
                autotask_contract_service_id = excluded.autotask_contract_service_id,
                autotask_service_id = excluded.autotask_service_id, company_id = excluded.company_id, company_name = excluded.company_name, name = excluded.name,
                status = excluded.status, type = excluded.type, start_date = excluded.start_date,
                end_date = excluded.end_date, price = excluded.price, price_cents = excluded.price_cents,
                billing_cycle = excluded.billing_cycle, auto_sync = excluded.auto_sync,
                follows_renewals = excluded.follows_renewals, missing_reason = excluded.missing_reason,
                renewed_to = excluded.renewed_to, asset_count = excluded.asset_count, version = excluded.version,
                updated_position = excluded.updated_position
            """,
            [
                .text(state.id.rawValue), .optionalInteger(state.id.number.map(Int64.init)),
                .text(Self.originName(origin)), .integer(state.isImported ? 1 : 0),
                .optionalText(reference?.key), .optionalText(reference?.level.rawValue),
                .optionalInteger(reference.map { Int64($0.contractID) }),
                .optionalInteger(reference?.contractServiceID.map(Int64.init)),
                .optionalInteger(reference?.serviceID.map(Int64.init)), copiedFrom,
                .optionalInteger(state[.companyID].integer.map(Int64.init)), Self.text(state[.companyName]),
                Self.text(state[.name]), Self.text(state[.status]), Self.text(state[.type]),
                Self.text(state[.startDate]), Self.text(state[.endDate]), Self.text(state[.price]),
                .optionalInteger(Self.cents(state[.price])), Self.text(state[.billingCycle]),
                .integer(state.autoSync ? 1 : 0), .integer(state.followsRenewals ? 1 : 0),
                .optionalText(state.missingReason.map { "\($0)" }), .optionalInteger(state.renewedTo.map(Int64.init)),
                .integer(Int64(state.assets.count)), .integer(Int64(state.version)),
                .integer(created), .integer(change.updatedPosition),
            ])
    }

    static func originName(_ origin: ContractOrigin) -> String {
        switch origin {
        case .imported: "imported"
        case .created: "created"
        case .copied: "copied"
        }
    }

    /// An amount in whole cents (rounded half to even), which sqlite3 users can sum exactly.
    static func cents(_ value: FieldValue) -> Int64? {
        guard case .money(let amount) = value else { return nil }
        var scaled = amount * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .bankers)
        guard rounded.magnitude < Decimal(Int64.max) else { return nil }
        return (rounded as NSDecimalNumber).int64Value
    }

    static func text(_ value: FieldValue) -> DatabaseValue {
        value.isEmpty ? .null : .text(value.description)
    }
}
