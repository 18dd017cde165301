import EventLog
import Foundation
import Ledger
import Projections

/// One contract as the contracts list shows it.
public struct ContractRow: Sendable, Hashable, Codable {
    public var id: String
    /// True for an imported contract: the `**` marker.
    public var imported: Bool
    public var origin: String
    public var level: String?
    public var autotaskContractID: Int?
    public var autotaskContractServiceID: Int?
    public var companyID: Int?
    public var companyName: String?
    public var name: String?
    public var status: String?
    public var type: String?
    public var startDate: String?
    public var endDate: String?
    public var price: String?
    public var billingCycle: String?
    public var autoSync: Bool
    public var missingReason: String?
    public var renewedTo: Int?
    public var copiedFrom: String?
    public var assetCount: Int
    /// Whether the sync follows the contract's Autotask renewals by itself.
    public var followsRenewals: Bool
}

/// One field of a contract with its value and owner.
public struct FieldRow: Sendable, Hashable, Codable {
    public var field: String
    public var value: String?
    /// "autotask" or "lci".
    public var owner: String
}

/// One asset (Autotask configuration item) linked to a contract.
public struct AssetRow: Sendable, Hashable, Codable {
    public var assetID: Int
    public var name: String
    public var serialNumber: String?
    public var type: String?
    public var product: String?
    public var active: Bool
}

/// One line of a contract's history.
public struct HistoryRow: Sendable, Hashable, Codable {
    public var version: Int
    public var position: Int
    public var type: String
    public var summary: String
    public var recordedAt: String
    public var actor: String?
    public var syncRun: Int?
}

extension LedgerStore {
    static let contractColumns = """
        id, imported, origin, level, autotask_contract_id, autotask_contract_service_id, company_id, company_name,
        name, status, type, start_date, end_date, price, billing_cycle, auto_sync, missing_reason, renewed_to,
        copied_from, asset_count, follows_renewals
        """

    static func contractRow(_ row: Statement) -> ContractRow {
        func optionalInt(_ index: Int32) -> Int? { row.isNull(index) ? nil : row.int(index) }
        return ContractRow(
            id: row.text(0), imported: row.int(1) == 1, origin: row.text(2), level: row.optionalText(3),
            autotaskContractID: optionalInt(4), autotaskContractServiceID: optionalInt(5), companyID: optionalInt(6),
            companyName: row.optionalText(7), name: row.optionalText(8), status: row.optionalText(9),
            type: row.optionalText(10), startDate: row.optionalText(11), endDate: row.optionalText(12),
            price: row.optionalText(13), billingCycle: row.optionalText(14), autoSync: row.int(15) == 1,
            missingReason: row.optionalText(16), renewedTo: optionalInt(17), copiedFrom: row.optionalText(18),
            assetCount: row.int(19), followsRenewals: row.int(20) == 1)
    }

    /// The contracts, optionally of one company, in id order.
    public func contracts(companyID: Int? = nil) throws -> [ContractRow] {
        try Self.contracts(in: database, companyID: companyID)
    }

    static func contracts(in database: Database, companyID: Int?) throws -> [ContractRow] {
        if let companyID {
            return try database.cachedStatement(
                "SELECT \(Self.contractColumns) FROM contracts WHERE company_id = ? ORDER BY number, id"
            ).rows([.integer(Int64(companyID))], Self.contractRow)
        }
        return try database.cachedStatement("SELECT \(Self.contractColumns) FROM contracts ORDER BY number, id")
            .rows([], Self.contractRow)
    }

    /// One contract's row, or nil.
    public func contract(_ id: ContractID) throws -> ContractRow? {
        try Self.contract(id, in: database)
    }

    static func contract(_ id: ContractID, in database: Database) throws -> ContractRow? {
        try database.cachedStatement("SELECT \(Self.contractColumns) FROM contracts WHERE id = ?")
            .firstRow([.text(id.rawValue)], Self.contractRow)
    }

    /// Every field of a contract with its value and owner, in catalogue order.
    public func fields(of id: ContractID) throws -> [FieldRow] {
        try database.cachedStatement(
            "SELECT field, value, owner FROM contract_fields WHERE contract_id = ? ORDER BY ordinal"
        ).rows([.text(id.rawValue)]) { FieldRow(field: $0.text(0), value: $0.optionalText(1), owner: $0.text(2)) }
    }

    /// The assets linked to a contract, by asset id.
    public func assets(of id: ContractID) throws -> [AssetRow] {
        try Self.assets(of: id, in: database)
    }

    static func assets(of id: ContractID, in database: Database) throws -> [AssetRow] {
        try database.cachedStatement(
            """
            SELECT asset_id, name, serial_number, type, product, active FROM contract_assets
            WHERE contract_id = ? ORDER BY asset_id
            """
        ).rows([.text(id.rawValue)]) {
            AssetRow(
                assetID: $0.int(0), name: $0.text(1), serialNumber: $0.optionalText(2), type: $0.optionalText(3),
                product: $0.optionalText(4), active: $0.int(5) == 1)
        }
    }

    /// A contract's history, oldest first, read from its stream in the log.
    ///
    /// The summary is the event's own one-line summary; the actor and the sync run come from the
    /// metadata stored with it (the payload's sync run wins when it names one).
    public func history(of id: ContractID) throws -> [HistoryRow] {
        try log.events(in: StreamName.contract(id).rawValue).map { recorded in
            let event = try Projector.decode(recorded)
            let metadata = EventMetadata.decode(recorded.metadata)
            return HistoryRow(
                version: Int(recorded.version), position: Int(recorded.position), type: recorded.type,
                summary: event.summary, recordedAt: recorded.recordedAt, actor: metadata.actor,
                syncRun: event.syncRun ?? metadata.syncRun)
        }
    }

    /// Every import, as an index: which LCI contract holds each Autotask contract or service, and which
    /// covers it (browse marks a service of a contract imported whole as covered, and the reverse).
    public func importIndex() throws -> ImportIndex {
        ImportIndex(imports: try Self.importedReferences(ofAutotaskContract: nil, in: database))
    }

    /// The imported references (of one Autotask contract, or all) with their LCI contracts.
    func importedReferences(ofAutotaskContract contractID: Int?) throws -> [(
        reference: AutotaskReference, contract: ContractID
    )] {
        try Self.importedReferences(ofAutotaskContract: contractID, in: database)
    }

    static func importedReferences(ofAutotaskContract contractID: Int?, in database: Database) throws -> [(
        reference: AutotaskReference, contract: ContractID
    )] {
        let sql = """
            SELECT id, level, autotask_contract_id, autotask_contract_service_id, autotask_service_id FROM contracts
            WHERE imported = 1 AND autotask_contract_id IS NOT NULL\(contractID == nil ? "" : " AND autotask_contract_id = ?")
            ORDER BY number, id
            """
        let rows = try database.cachedStatement(sql).rows(contractID.map { [.integer(Int64($0))] } ?? []) { row in
            (
                id: ContractID(row.text(0)), level: row.optionalText(1), contract: row.int(2),
                service: row.isNull(3) ? nil : row.int(3), catalogue: row.int(4)
            )
        }
        return rows.map { row in
            let reference: AutotaskReference =
                if row.level == AutotaskReference.Level.service.rawValue, let service = row.service {
                    .service(contractServiceID: service, contractID: row.contract, serviceID: row.catalogue)
                } else {
                    .contract(row.contract)
                }
            return (reference, row.id)
        }
    }

    /// The LCI contract that imported each Autotask reference key (`contract:123`, `service:456`).
    public func importedReferences() throws -> [String: ContractID] {
        let rows = try database.cachedStatement(
            "SELECT reference_key, id FROM contracts WHERE reference_key IS NOT NULL"
        ).rows { ($0.text(0), ContractID($0.text(1))) }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }

    /// The position the projections have reached and the log's last position.
    public func positions() throws -> (projections: Int64, log: Int64) {
        (try Projector.position(in: database), try log.lastPosition())
    }
}
