import Ledger

/// What a sync read from Autotask, as the domain's snapshots.
public struct SyncObservations: Sendable {
    /// Contracts returned, by Autotask contract id.
    public var contracts: [Int: AutotaskContractSnapshot] = [:]
    /// Why each contract that was not returned is missing.
    public var missing: [Int: MissingReason] = [:]
    /// Services returned, by ContractServices id.
    public var services: [Int: AutotaskServiceSnapshot] = [:]
    /// Contracts returned with values that cannot be recorded (unreadable or too long), with why: a sync
    /// records a failure for each and leaves it as it was.
    public var unreadable: [Int: String] = [:]
    /// Configuration items linked to each contract of ``SyncRequest/assetContractIDs`` (empty when none).
    public var assets: [Int: [AutotaskAssetSnapshot]] = [:]

    /// The observation of one imported contract, for ``Decisions/reconcile(_:with:syncRun:)``.
    public func observation(for reference: AutotaskReference, pullAssets: Bool) -> AutotaskObservation {
        guard let contract = contracts[reference.contractID] else {
            return .notFound(missing[reference.contractID] ?? .deleted)
        }
        switch reference.level {
        case .contract:
            return .found(
                contract: contract, service: nil, assets: pullAssets ? assets[reference.contractID] ?? [] : nil)
        case .service:
            guard let id = reference.contractServiceID, let service = services[id] else { return .notFound(.deleted) }
            return .found(contract: contract, service: service, assets: nil)
        }
    }
}
