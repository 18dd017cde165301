import Autotask
import Foundation
import Ledger

extension AutotaskGateway {
    /// Reads one contract (and its company's name) for an import; with `withAssets`, the configuration
    /// items whose contract is this one, with their product names.
    ///
    /// Throws ``AutotaskGatewayError`` when Autotask does not return the contract or it lacks its dates.
    public func contractForImport(_ id: Int, withAssets: Bool) async throws -> ContractImportSource {
        let mapping = try await mapping()
        let contract = try await snapshot(ofContract: id, mapping: mapping)
        guard withAssets else { return ContractImportSource(contract: contract, assets: []) }
        let items = try await client.query(ConfigurationItem.self, Query(.eq("contractID", Int64(id)))).items
        let productIDs = Set(items.compactMap(\.productID)).sorted()
        var products: [Int64: String] = [:]
        if !productIDs.isEmpty {
            for product in try await client.query(Product.self, Query(.in("id", productIDs))).items {
                products[product.id] = product.name
            }
        }
        let assets = items.sorted { $0.id < $1.id }.map { item in
            mapping.asset(item, productName: item.productID.flatMap { products[$0] })
        }
        return ContractImportSource(contract: contract, assets: assets)
    }

    /// Reads one contract service for an import, with its contract, its catalogue service and current units.
    ///
    /// Throws ``AutotaskGatewayError`` when Autotask does not return the service or its contract.
    public func serviceForImport(_ contractServiceID: Int) async throws -> ServiceImportSource {
        let mapping = try await mapping()
        guard let row = try await client.get(ContractService.self, id: Int64(contractServiceID)) else {
            throw AutotaskGatewayError.unknownService(contractServiceID)
        }
        guard let contractID = row.contractID else { throw AutotaskGatewayError.unknownService(contractServiceID) }
        let contract = try await snapshot(ofContract: Int(contractID), mapping: mapping)
        guard let service = try await serviceSnapshots([row], mapping: mapping).first else {
            throw AutotaskGatewayError.unknownService(contractServiceID)
        }
        return ServiceImportSource(service: service, contract: contract)
    }

    /// Checks that the API user can read every contract; the error lists the security-level steps if not.
    @discardableResult
    public func checkAccess() async throws -> AccessLevel {
        try await client.checkContractAccess()
    }

    /// A contract's snapshot, with its company's name.
    func snapshot(ofContract id: Int, mapping: AutotaskMapping) async throws -> AutotaskContractSnapshot {
        guard let contract = try await client.get(Contract.self, id: Int64(id)) else {
            throw AutotaskGatewayError.unknownContract(id)
        }
        var companyName: String?
        if let companyID = contract.companyID { companyName = try await self.companyName(Int(companyID)) }
        if let problem = mapping.problem(with: contract, companyName: companyName) {
            throw AutotaskGatewayError("Autotask contract \(id) cannot be imported: \(problem)")
        }
        guard let snapshot = mapping.contract(contract, companyName: companyName) else {
            throw AutotaskGatewayError.incompleteContract(id)
        }
        return snapshot
    }
}
