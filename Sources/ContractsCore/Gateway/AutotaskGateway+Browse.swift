import Autotask
import Foundation
import Ledger

extension AutotaskGateway {
    /// The active companies whose name contains `search` (all active ones without it), in id order.
    public func companies(search: String? = nil) async throws -> [CompanySummary] {
        var filter: [QueryFilter] = [.eq("isActive", true)]
        if let search, !search.isEmpty { filter.append(.contains("companyName", search)) }
        let result = try await client.query(Company.self, Query(filter: filter))
        return result.items.sorted { $0.id < $1.id }.map {
            CompanySummary(id: Int($0.id), name: $0.companyName ?? "Company \($0.id)", number: $0.companyNumber)
        }
    }

    /// The name of a company, or nil when Autotask does not know it.
    public func companyName(_ id: Int) async throws -> String? {
        guard let company = try await client.get(Company.self, id: Int64(id)) else { return nil }
        return company.companyName ?? "Company \(id)"
    }

    /// A company's contracts and, with `showServices`, the services under them with their current units.
    ///
    /// Services, their catalogue entries and their units are read with one batched `in` query each.
    /// Throws ``AutotaskGatewayError`` when Autotask does not know the company, and the access check's
    /// `permissionDenied` when no contract comes back because the API user cannot see contracts.
    public func browse(companyID: Int, showServices: Bool) async throws -> BrowseResult {
        let mapping = try await mapping()
        let before = requestsMade
        guard let companyName = try await companyName(companyID) else {
            throw AutotaskGatewayError.unknownCompany(companyID)
        }
        let contracts = try await client.query(Contract.self, Query(.eq("companyID", Int64(companyID)))).items
            .sorted { $0.id < $1.id }
        // An empty answer means nothing until the API user is known to see contracts.
        if contracts.isEmpty { try await client.checkContractAccess() }
        var snapshots: [AutotaskContractSnapshot] = []
        var skipped: [Int] = []
        for contract in contracts {
            if let snapshot = mapping.contract(contract, companyName: companyName) {
                snapshots.append(snapshot)
            } else {
                skipped.append(Int(contract.id))
            }
        }
        var services: [AutotaskServiceSnapshot] = []
        if showServices, !snapshots.isEmpty {
            services = try await self.services(ofContracts: snapshots.map(\.contractID), mapping: mapping)
        }
        var lines = snapshots.map { String(describing: $0) }
        lines += services.map { String(describing: $0) }
        return BrowseResult(
            companyID: companyID, companyName: companyName, showServices: showServices, contracts: snapshots,
            services: services, skippedContractIDs: skipped, requests: requestsMade - before,
            digest: Self.digest(lines))
    }

    /// The services of some contracts with their catalogue names and current units, in id order.
    func services(ofContracts contractIDs: [Int], mapping: AutotaskMapping) async throws -> [AutotaskServiceSnapshot] {
        let rows = try await client.query(
            ContractService.self, Query(.in("contractID", contractIDs.map { Int64($0) }))
        ).items
        return try await serviceSnapshots(rows, mapping: mapping)
    }

    /// Snapshots of contract-service rows: one `in` query for their catalogue services, one for their units.
    func serviceSnapshots(_ rows: [ContractService], mapping: AutotaskMapping) async throws
        -> [AutotaskServiceSnapshot]
    {
        guard !rows.isEmpty else { return [] }
        let serviceIDs = Set(rows.compactMap(\.serviceID)).sorted()
        let catalog = try await client.query(Service.self, Query(.in("id", serviceIDs))).items
        let byID = Dictionary(catalog.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let units = try await client.query(
            ContractServiceUnit.self, Query(.in("contractServiceID", rows.map(\.id)))
        ).items
        let unitsByService = Dictionary(grouping: units) { $0.contractServiceID ?? 0 }
        return rows.sorted { $0.id < $1.id }.compactMap { row in
            mapping.service(
                row, catalog: row.serviceID.flatMap { byID[$0] }, units: unitsByService[row.id] ?? [])
        }
    }
}
