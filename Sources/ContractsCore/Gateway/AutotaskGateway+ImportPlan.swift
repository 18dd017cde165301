import Autotask
import Foundation
import Ledger

extension AutotaskGateway {
    /// Reads everything an import needs with batched `in` queries: each entity once per batch of ids,
    /// never once per contract.
    ///
    /// Queries, in order: the active contracts of the companies (when asked), the named ContractServices,
    /// the Contracts not read yet (by id), their Companies (names, and the companies asked for), and then
    /// for contract-level imports with assets the ConfigurationItems (by contractID) and their Products,
    /// and for service-level imports the Services and ContractServiceUnits. `stage` is told each query.
    public func importPlan(_ request: BulkImportRequest, stage: ((String) -> Void)? = nil) async throws -> ImportPlan {
        let before = requestsMade
        stage?("picklists")
        let mapping = try await mapping()
        var plan = ImportPlan()

        var contractRows: [Int: Contract] = [:]
        if let companies = request.activeContractsOfCompanies {
            stage?("active contracts")
            var filter: [QueryFilter] = [.eq("status", Int64(1))]
            if !companies.isEmpty { filter.append(.in("companyID", companies.map(Int64.init))) }
            for row in try await client.query(Contract.self, Query(filter: filter)).items {
                contractRows[Int(row.id)] = row
            }
        }
        var serviceRows: [Int: ContractService] = [:]
        if !request.contractServiceIDs.isEmpty {
            stage?("contract services")
            let ids = request.contractServiceIDs.map(Int64.init)
            for row in try await client.query(ContractService.self, Query(.in("id", ids))).items {
                serviceRows[Int(row.id)] = row
            }
        }
        let needed = Set(request.contractIDs + serviceRows.values.compactMap { $0.contractID.map(Int.init) })
            .subtracting(contractRows.keys).sorted()
        if !needed.isEmpty {
            stage?("contracts")
            for row in try await client.query(Contract.self, Query(.in("id", needed.map(Int64.init)))).items {
                contractRows[Int(row.id)] = row
            }
        }
        let companyIDs = Set(contractRows.values.compactMap(\.companyID)).union(request.companies.map(Int64.init))
        var companyNames: [Int64: String] = [:]
        if !companyIDs.isEmpty {
            stage?("companies")
            for company in try await client.query(Company.self, Query(.in("id", companyIDs.sorted()))).items {
                companyNames[company.id] = company.companyName ?? "Company \(company.id)"
            }
        }
        plan.unknownCompanies = request.companies.filter { companyNames[Int64($0)] == nil }.sorted()
        if contractRows.isEmpty, request.activeContractsOfCompanies != nil || !request.contractIDs.isEmpty {
            // An empty answer means nothing until the API user is known to see contracts.
            try await client.checkContractAccess()
        }

        // Snapshots of the contracts, and the refusals of those that cannot be imported.
        let allowed = Set(request.companies)
        var snapshots: [Int: AutotaskContractSnapshot] = [:]
        for (id, row) in contractRows {
            if let snapshot = mapping.contract(row, companyName: row.companyID.flatMap { companyNames[$0] }) {
                snapshots[id] = snapshot
            }
        }
        let named = Set(request.contractIDs)
        let wholeIDs = Set(request.contractIDs).union(
            request.activeContractsOfCompanies == nil ? [] : contractRows.keys.filter { !named.contains($0) }
        ).sorted()
        var importable: [Int] = []
        for id in wholeIDs {
            let what = "contract \(id)"
            guard contractRows[id] != nil else {
                plan.refusals.append(
                    ImportRefusal(what: what, reason: AutotaskGatewayError.unknownContract(id).message, named: true))
                continue
            }
            guard let snapshot = snapshots[id] else {
                plan.refusals.append(
                    ImportRefusal(
                        what: what, reason: AutotaskGatewayError.incompleteContract(id).message,
                        named: named.contains(id)))
                continue
            }
            if !allowed.isEmpty, !allowed.contains(snapshot.companyID) {
                plan.refusals.append(
                    ImportRefusal(
                        what: what, reason: Self.otherCompany(snapshot.companyID, allowed: request.companies),
                        named: true))
                continue
            }
            importable.append(id)
        }

        var assets: [Int: [AutotaskAssetSnapshot]] = [:]
        if request.withAssets, !importable.isEmpty {
            stage?("configuration items")
            let items = try await client.query(
                ConfigurationItem.self, Query(.in("contractID", importable.map(Int64.init)))
            ).items
            let productIDs = Set(items.compactMap(\.productID)).sorted()
            var products: [Int64: String] = [:]
            if !productIDs.isEmpty {
                stage?("products")
                for product in try await client.query(Product.self, Query(.in("id", productIDs))).items {
                    products[product.id] = product.name
                }
            }
            for item in items.sorted(by: { $0.id < $1.id }) {
                guard let contractID = item.contractID else { continue }
                assets[Int(contractID), default: []].append(
                    mapping.asset(item, productName: item.productID.flatMap { products[$0] }))
            }
        }
        plan.contracts = importable.compactMap { id in
            snapshots[id].map { ContractImportSource(contract: $0, assets: request.withAssets ? assets[id] ?? [] : []) }
        }

        // Services: their catalogue entries and units, one batched query each.
        let foundServices = request.contractServiceIDs.compactMap { serviceRows[$0] }
        var serviceSnapshots: [AutotaskServiceSnapshot] = []
        if !foundServices.isEmpty {
            stage?("services and units")
            serviceSnapshots = try await self.serviceSnapshots(foundServices, mapping: mapping)
        }
        let byID = Dictionary(serviceSnapshots.map { ($0.contractServiceID, $0) }, uniquingKeysWith: { a, _ in a })
        for id in Set(request.contractServiceIDs).sorted() {
            let what = "service \(id)"
            guard let row = serviceRows[id], let contractID = row.contractID.map(Int.init) else {
                plan.refusals.append(
                    ImportRefusal(what: what, reason: AutotaskGatewayError.unknownService(id).message, named: true))
                continue
            }
            guard let contract = snapshots[contractID], let service = byID[id] else {
                plan.refusals.append(
                    ImportRefusal(
                        what: what,
                        reason: contractRows[contractID] == nil
                            ? AutotaskGatewayError.unknownService(id).message
                            : AutotaskGatewayError.incompleteContract(contractID).message,
                        named: true))
                continue
            }
            if !allowed.isEmpty, !allowed.contains(contract.companyID) {
                plan.refusals.append(
                    ImportRefusal(
                        what: what, reason: Self.otherCompany(contract.companyID, allowed: request.companies),
                        named: true))
                continue
            }
            plan.services.append(ServiceImportSource(service: service, contract: contract))
        }
        plan.requests = requestsMade - before
        return plan
    }

    private static func otherCompany(_ company: Int, allowed: [Int]) -> String {
        let list = allowed.sorted().map(String.init).joined(separator: ", ")
        return "it belongs to company \(company), not \(allowed.count == 1 ? list : "one of \(list)"); "
            + "add --company \(company) or check the id with `contracts browse --company \(company)`"
    }
}
