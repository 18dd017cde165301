import Autotask
import EventLog
import Foundation
import Ledger

extension AutotaskGateway {
    /// Reads everything a sync needs with batched `in` queries, one ``SyncFetched`` per query.
    ///
    /// Queries: Contracts (by id), Companies (their names), ContractServices, the current
    /// ContractServiceUnits and Services of service-level imports, ConfigurationItems (by contractID)
    /// and their Products when assets are pulled. A contract not returned is looked up by id: null
    /// means deleted, unless the API user's contract access is not `All` (then not visible).
    public func fetchForSync(_ request: SyncRequest) async throws -> (SyncObservations, [SyncFetched]) {
        var fetches = SyncFetches()
        let estimate = request.estimatedRequests(inListLimit: client.configuration.inListLimit)
        if estimate >= SyncRequest.budgetCheckThreshold {
            try await fetches.run(.checkRequestThreshold) { try await client.ensureBudget(requests: estimate) }
        }
        let mapping = try await fetches.run(.loadPicklists) { try await self.mapping() }
        var result = SyncObservations()
        let contracts = try await fetches.record(.fetchContracts) {
            try await fetch(Contract.self, .in("id", request.contractIDs.map(Int64.init))) {
                "\($0.id)|\($0.contractName ?? "")|\($0.status?.rawValue ?? "")|\($0.endDate.map { "\($0)" } ?? "")"
            }
        }
        let companyIDs = Set(contracts.compactMap(\.companyID)).sorted()
        let companies = try await fetches.record(.fetchCompanies) {
            try await fetch(Company.self, .in("id", companyIDs)) { "\($0.id)|\($0.companyName ?? "")" }
        }
        let names = Dictionary(companies.map { ($0.id, $0.companyName) }, uniquingKeysWith: { first, _ in first })
        for contract in contracts {
            let companyName = contract.companyID.flatMap { names[$0] ?? nil }
            if let problem = mapping.problem(with: contract, companyName: companyName) {
                result.unreadable[Int(contract.id)] = problem + "; the contract was left as it was"
                continue
            }
            if let snapshot = mapping.contract(contract, companyName: companyName) {
                result.contracts[Int(contract.id)] = snapshot
            }
        }
        let notReturned = request.contractIDs.filter { result.contracts[$0] == nil && result.unreadable[$0] == nil }
        if !notReturned.isEmpty {
            result.missing = try await fetches.run(.lookUpMissingContracts) { try await missingReasons(notReturned) }
        }
        if !request.contractServiceIDs.isEmpty {
            let rows = try await fetches.record(.fetchContractServices) {
                try await fetch(ContractService.self, .in("id", request.contractServiceIDs.map(Int64.init))) {
                    "\($0.id)|\($0.contractID ?? 0)|\($0.serviceID ?? 0)|\($0.unitPrice.map { "\($0)" } ?? "")"
                        + "|\($0.adjustedPrice.map { "\($0)" } ?? "")|\($0.invoiceDescription ?? "")"
                }
            }
            let today = mapping.today
            let units = try await fetches.record(.fetchContractServiceUnits) {
                try await fetch(
                    ContractServiceUnit.self,
                    .and(.in("contractServiceID", rows.map(\.id)), .lte("startDate", today), .gte("endDate", today))
                ) { "\($0.id)|\($0.contractServiceID ?? 0)|\($0.units.map { "\($0)" } ?? "")" }
            }
            let catalog = try await fetches.record(.fetchServices) {
                try await fetch(Service.self, .in("id", Set(rows.compactMap(\.serviceID)).sorted())) {
                    "\($0.id)|\($0.name ?? "")"
                }
            }
            result.services = Self.services(rows, units: units, catalog: catalog, mapping: mapping)
        }
        if !request.assetContractIDs.isEmpty {
            let items = try await fetches.record(.fetchConfigurationItems) {
                try await fetch(ConfigurationItem.self, .in("contractID", request.assetContractIDs.map(Int64.init))) {
                    "\($0.id)|\($0.contractID ?? 0)|\($0.referenceTitle ?? "")|\($0.isActive ?? true)"
                }
            }
            let productIDs = Set(items.compactMap(\.productID)).sorted()
            var products: [Int64: String] = [:]
            if !productIDs.isEmpty {
                let rows = try await fetches.record(.fetchProducts) {
                    try await fetch(Product.self, .in("id", productIDs)) { "\($0.id)" }
                }
                for product in rows { products[product.id] = product.name }
            }
            result.assets = Self.assets(items, products: products, mapping: mapping)
        }
        return (result, fetches.completed)
    }

    /// Runs one batched query, follows its pages and describes it as a ``SyncFetched``.
    func fetch<Entity: AutotaskEntity>(
        _ type: Entity.Type, _ filter: QueryFilter, line: (Entity) -> String
    ) async throws -> SyncFetches.Fetched<Entity> {
        let result = try await client.query(type, Query(filter))
        let event = SyncFetched(
            entity: Entity.entityPath, filter: Self.describe(filter), pages: result.statistics.pages,
            requests: result.statistics.requests, items: result.items.count,
            digest: Self.digest(result.items.map(line)))
        return SyncFetches.Fetched(items: result.items, event: event)
    }

    private func missingReasons(_ ids: [Int]) async throws -> [Int: MissingReason] {
        var reasons: [Int: MissingReason] = [:]
        var nulls: [Int] = []
        for id in ids {
            do {
                if let contract = try await client.get(Contract.self, id: Int64(id)) {
                    // Returned by id but not by the query: it is there, but not as the query sees it.
                    reasons[id] = contract.status?.rawValue == "0" ? .inactive : .notVisible
                } else {
                    nulls.append(id)
                }
            } catch let error as AutotaskError where error.code == .permissionDenied {
                reasons[id] = .notVisible
            }
        }
        guard !nulls.isEmpty else { return reasons }
        let access: AccessLevel
        do {
            access = try await client.checkContractAccess(requireFullAccess: false)
        } catch let error as AutotaskError where error.code == .permissionDenied {
            access = .none
        }
        for id in nulls { reasons[id] = access == .all ? .deleted : .notVisible }
        return reasons
    }

    /// The services of service-level imports, from their rows, current units and catalogue entries.
    private static func services(
        _ rows: [ContractService], units: [ContractServiceUnit], catalog: [Service], mapping: AutotaskMapping
    ) -> [Int: AutotaskServiceSnapshot] {
        let byID = Dictionary(catalog.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [Int: AutotaskServiceSnapshot] = [:]
        for row in rows {
            let snapshot = mapping.service(
                row, catalog: row.serviceID.flatMap { byID[$0] }, units: units.filter { $0.contractServiceID == row.id }
            )
            if let snapshot { result[Int(row.id)] = snapshot }
        }
        return result
    }

    /// The configuration items linked to each contract, with their products' names.
    private static func assets(
        _ items: [ConfigurationItem], products: [Int64: String], mapping: AutotaskMapping
    ) -> [Int: [AutotaskAssetSnapshot]] {
        var result: [Int: [AutotaskAssetSnapshot]] = [:]
        for item in items {
            guard let contractID = item.contractID else { continue }
            result[Int(contractID), default: []].append(
                mapping.asset(item, productName: item.productID.flatMap { products[$0] }))
        }
        return result
    }

    /// A filter in a short readable form, such as `id in (1001, 1002)`.
    static func describe(_ filter: QueryFilter) -> String {
        if filter.op.isGroup {
            return filter.items.map(describe).joined(separator: " \(filter.op.rawValue) ")
        }
        let value: String
        switch filter.value {
        case .array(let values)?:
            let shown = values.prefix(20).map(Self.describe).joined(separator: ", ")
            value = values.count > 20 ? "(\(shown), ... \(values.count) values)" : "(\(shown))"
        case let single?: value = describe(single)
        case nil: value = ""
        }
        return "\(filter.field ?? "") \(filter.op.rawValue) \(value)"
    }

    private static func describe(_ value: FilterValue) -> String {
        switch value {
        case .int(let number): "\(number)"
        case .string(let text): "'\(text)'"
        case .bool(let flag): "\(flag)"
        case .date(let date): AutotaskMapping.day(date).description
        case .decimal(let number): "\(number)"
        case .array(let values): "(\(values.map(describe).joined(separator: ", ")))"
        }
    }

    /// An error in one line, for a failure event: the message of an error of ours, which never holds the
    /// secret; another error's own text (a transport error may quote a header) is never recorded.
    static func oneLine(_ error: any Error) -> String {
        let text: String
        switch error {
        case let error as AutotaskError: text = error.message
        case let error as LedgerError: text = error.message
        case let error as EventLogError: text = error.message
        case let error as SyncError: text = error.message
        case let error as any LedgerStorageError: text = error.description
        default: text = "an unexpected \(String(describing: type(of: error))) error"
        }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
