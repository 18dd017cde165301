import Ledger
import SQLite

extension ProjectionReader {
    private static let contractColumns = """
        id, imported, origin, level, autotask_contract_id, autotask_contract_service_id, company_id, company_name,
        name, status, type, start_date, end_date, price, billing_cycle, auto_sync, missing_reason, renewed_to,
        copied_from, asset_count, follows_renewals
        """

    private static func contractRow(_ row: Statement) -> ContractRow {
        func optionalInt(_ index: Int32) -> Int? { row.isNull(index) ? nil : row.int(index) }
        return ContractRow(
            id: row.text(0), imported: row.int(1) == 1, origin: ContractRow.Origin(rawValue: row.text(2)) ?? .created,
            level: row.optionalText(3).flatMap(AutotaskReference.Level.init(rawValue:)),
            autotaskContractID: optionalInt(4), autotaskContractServiceID: optionalInt(5), companyID: optionalInt(6),
            companyName: row.optionalText(7), name: row.optionalText(8), status: row.optionalText(9),
            type: row.optionalText(10), startDate: row.optionalText(11), endDate: row.optionalText(12),
            price: row.optionalText(13), billingCycle: row.optionalText(14), autoSync: row.int(15) == 1,
            missingReason: row.optionalText(16), renewedTo: optionalInt(17), copiedFrom: row.optionalText(18),
            assetCount: row.int(19), followsRenewals: row.int(20) == 1)
    }

    /// The contracts, optionally of one company, in number order.
    public func contracts(companyID: Int? = nil) throws -> [ContractRow] {
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
        try database.cachedStatement("SELECT \(Self.contractColumns) FROM contracts WHERE id = ?")
            .firstRow([.text(id.rawValue)], Self.contractRow)
    }

    /// Every field of a contract with its value and owner, in catalogue order.
    public func fields(of id: ContractID) throws -> [FieldRow] {
        try database.cachedStatement(
            "SELECT field, value, owner FROM contract_fields WHERE contract_id = ? ORDER BY ordinal"
        ).rows([.text(id.rawValue)]) { row in
            FieldRow(
                field: FieldName(rawValue: row.text(0)) ?? .name, value: row.optionalText(1),
                owner: FieldOwner(rawValue: row.text(2)) ?? .lci)
        }
    }

    /// The assets linked to a contract, by asset id.
    public func assets(of id: ContractID) throws -> [AssetRow] {
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

    /// The LCI contract that imported each Autotask contract and service.
    public func importedReferences() throws -> ImportedReferences {
        let rows = try database.cachedStatement(
            """
            SELECT id, level, autotask_contract_id, autotask_contract_service_id FROM contracts
            WHERE reference_key IS NOT NULL
            """
        ).rows { (id: ContractID($0.text(0)), level: $0.text(1), contract: $0.int(2), service: $0.int(3)) }
        var imported = ImportedReferences()
        for row in rows {
            switch AutotaskReference.Level(rawValue: row.level) {
            case .contract: imported.add(row.id, contract: row.contract)
            case .service: imported.add(row.id, service: row.service)
            case nil: break
            }
        }
        return imported
    }

    /// The imports (of one Autotask contract, or all) as an index: which LCI contract holds each Autotask
    /// contract or service, and which covers it (a service of a contract imported whole, or the reverse).
    public func importIndex(ofAutotaskContract contractID: Int? = nil) throws -> ImportIndex {
        let sql = """
            SELECT id, level, autotask_contract_id, autotask_contract_service_id, autotask_service_id FROM contracts
            WHERE imported = 1 AND autotask_contract_id IS NOT NULL\(contractID == nil ? "" : " AND autotask_contract_id = ?")
            ORDER BY number, id
            """
        let imports = try database.cachedStatement(sql).rows(contractID.map { [.integer(Int64($0))] } ?? []) { row in
            Self.reference(level: row.optionalText(1), row, from: 2).map {
                (reference: $0, contract: ContractID(row.text(0)))
            }
        }
        return ImportIndex(imports: imports.compactMap { $0 })
    }

    /// The imported contracts that follow Autotask renewals by themselves and have one to follow, in number order.
    public func contractsFollowingRenewals() throws -> [ContractID] {
        try database.cachedStatement(
            """
            SELECT id FROM contracts WHERE imported = 1 AND follows_renewals = 1 AND renewed_to IS NOT NULL
            ORDER BY number, id
            """
        ).rows { ContractID($0.text(0)) }
    }

    /// The LCI contract that imported `reference`, if any.
    public func contractID(importing reference: AutotaskReference) throws -> ContractID? {
        try database.cachedStatement("SELECT id FROM contracts WHERE reference_key = ?")
            .firstRow([.text(reference.key)]) { ContractID($0.text(0)) }
    }

    /// The highest `LC-<n>` number in use (0 when there is none).
    public func highestContractNumber() throws -> Int {
        Int(try database.scalarInt("SELECT max(number) FROM contracts") ?? 0)
    }

    /// The imported contracts, in number order, with what a sync needs to check each.
    public func importedContracts() throws -> [ImportedContract] {
        try database.cachedStatement(
            """
            SELECT id, auto_sync, level, autotask_contract_id, autotask_contract_service_id, autotask_service_id
            FROM contracts WHERE imported = 1 ORDER BY number, id
            """
        ).rows { row in
            ImportedContract(
                id: ContractID(row.text(0)), autoSync: row.int(1) == 1,
                reference: Self.reference(level: row.optionalText(2), row, from: 3))
        }
    }

    /// One imported contract with what a sync needs to check it, or nil when the contract does not exist
    /// or is native.
    public func importedContract(_ id: ContractID) throws -> ImportedContract? {
        try database.cachedStatement(
            """
            SELECT id, auto_sync, level, autotask_contract_id, autotask_contract_service_id, autotask_service_id
            FROM contracts WHERE id = ? AND imported = 1
            """
        ).firstRow([.text(id.rawValue)]) { row in
            ImportedContract(
                id: ContractID(row.text(0)), autoSync: row.int(1) == 1,
                reference: Self.reference(level: row.optionalText(2), row, from: 3))
        }
    }

    /// The Autotask reference stored in the columns `level` (given) and the three ids from `first` on.
    private static func reference(level: String?, _ row: Statement, from first: Int32) -> AutotaskReference? {
        switch level.flatMap(AutotaskReference.Level.init(rawValue:)) {
        case .contract:
            return .contract(row.int(first))
        case .service:
            return .service(
                contractServiceID: row.int(first + 1), contractID: row.int(first), serviceID: row.int(first + 2))
        case nil:
            return nil
        }
    }
}
