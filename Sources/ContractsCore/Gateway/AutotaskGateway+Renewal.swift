import Autotask
import Foundation
import Ledger

extension AutotaskGateway {
    /// Reads the renewal contract an imported contract moves onto.
    ///
    /// For a contract-level import: the contract and, with `withAssets`, its configuration items. For a
    /// service-level import: the contract and its service for the same catalogue service as `reference`.
    public func renewalSource(_ renewalID: Int, following reference: AutotaskReference, withAssets: Bool)
        async throws -> RenewalSource
    {
        switch reference.level {
        case .contract:
            let source = try await contractForImport(renewalID, withAssets: withAssets)
            return RenewalSource(contract: source.contract, service: nil, assets: withAssets ? source.assets : nil)
        case .service:
            let mapping = try await mapping()
            let contract = try await snapshot(ofContract: renewalID, mapping: mapping)
            var filter = QueryFilter.eq("contractID", Int64(renewalID))
            if let serviceID = reference.serviceID { filter = .and(filter, .eq("serviceID", Int64(serviceID))) }
            let rows = try await client.query(ContractService.self, Query(filter)).items.sorted { $0.id < $1.id }
            let service = try await serviceSnapshots(Array(rows.prefix(1)), mapping: mapping).first
            return RenewalSource(contract: contract, service: service, assets: nil)
        }
    }
}
