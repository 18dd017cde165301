import Foundation

extension Decisions {
    /// Reconciles an imported contract with what a sync found in Autotask, producing only the changes.
    ///
    /// - One ``AutotaskFieldChanged`` per Autotask-owned field whose value differs, in catalogue
    ///   order; LCI-owned fields are never touched.
    /// - One truth per change: a status set to Inactive (or back to Active) in Autotask is a status
    ///   change and nothing else. ``MissingInAutotask`` means Autotask no longer returns the contract
    ///   (deleted, or not visible to the API user): recorded once when it goes missing, again only when
    ///   the reason changes; ``FoundInAutotask`` when Autotask returns it again, whatever its status.
    ///   `notFound(.inactive)` is only a status change to Inactive. A contract marked missing as
    ///   inactive by an older version is found again once Autotask returns it active.
    /// - ``RenewedInAutotask`` once when `renewedContractID` first appears (or names a new contract).
    /// - For a contract-level import, when `assets` is not nil: ``AssetUnlinked`` then ``AssetLinked``
    ///   for the difference between the linked assets and those Autotask links to the contract now.
    ///   Pass nil when assets are not pulled (IT Glue primary); service-level imports ignore assets.
    ///
    /// A contract whose Autotask data did not change gets no events. Throws `contractNotFound`,
    /// `notImported`, or `invalidObservation` when the snapshot is of another contract or service
    /// (or a service-level import is given no service).
    public static func reconcile(_ state: ContractState, with observation: AutotaskObservation, syncRun: Int)
        throws(LedgerError) -> [LedgerEvent]
    {
        try requireExisting(state)
        guard let reference = state.reference else {
            throw LedgerError(.notImported, "\(state.id) is a native contract; only imported contracts are synced")
        }
        switch observation {
        case .notFound(let reason):
            return notFound(state, reason: reason, syncRun: syncRun)
        case .found(let contract, let service, let assets):
            let values = try observedValues(reference, contract: contract, service: service, state: state)
            var events = FieldName.autotaskFields.compactMap { field -> LedgerEvent? in
                guard values[field] != state[field] else { return nil }
                return AutotaskFieldChanged(field: field, from: state[field], to: values[field], syncRun: syncRun).event
            }
            events += presence(state, isActive: contract.isActive, syncRun: syncRun)
            if let renewal = contract.renewedContractID, renewal != state.renewedTo {
                events.append(RenewedInAutotask(newContractID: renewal, syncRun: syncRun).event)
            }
            if let assets, reference.level == .contract {
                events += assetChanges(
                    state, now: linkedAssets(assets, contractID: reference.contractID), syncRun: syncRun)
            }
            return events
        }
    }

    private static func observedValues(
        _ reference: AutotaskReference, contract: AutotaskContractSnapshot, service: AutotaskServiceSnapshot?,
        state: ContractState
    ) throws(LedgerError) -> FieldValues {
        guard contract.contractID == reference.contractID else {
            throw LedgerError(
                .invalidObservation,
                "\(state.id) follows Autotask contract \(reference.contractID), not \(contract.contractID)")
        }
        guard reference.level == .service else { return contract.fieldValues() }
        guard let service else {
            throw LedgerError(
                .invalidObservation,
                "\(state.id) follows \(reference); the sync must pass the service, or report it not found")
        }
        guard service.contractServiceID == reference.contractServiceID, service.contractID == contract.contractID else {
            throw LedgerError(
                .invalidObservation,
                "\(state.id) follows \(reference), not Autotask service \(service.contractServiceID)")
        }
        return service.fieldValues(contract: contract)
    }

    private static func notFound(_ state: ContractState, reason: MissingReason, syncRun: Int) -> [LedgerEvent] {
        guard reason != .inactive else {
            // There but inactive: a status change, not a disappearance.
            let inactive = FieldValue.choice("Inactive")
            guard state[.status] != inactive else { return [] }
            return [AutotaskFieldChanged(field: .status, from: state[.status], to: inactive, syncRun: syncRun).event]
        }
        guard state.missingReason != reason else { return [] }
        return [MissingInAutotask(reason: reason, syncRun: syncRun).event]
    }

    /// Found again, for a contract Autotask returned; its status is a field like any other.
    ///
    /// A contract an older version marked missing as `inactive` (which was then also a status change)
    /// is found again when Autotask returns it active, so that its reactivation is not reported twice
    /// in a different way.
    private static func presence(_ state: ContractState, isActive: Bool, syncRun: Int) -> [LedgerEvent] {
        switch state.missingReason {
        case nil: return []
        case .inactive?: return isActive ? [FoundInAutotask(syncRun: syncRun).event] : []
        case _?: return [FoundInAutotask(syncRun: syncRun).event]
        }
    }

    private static func assetChanges(_ state: ContractState, now: [AutotaskAssetSnapshot], syncRun: Int)
        -> [LedgerEvent]
    {
        let current = Set(now.map(\.id))
        let unlinked = state.assetList.filter { !current.contains($0.id) }.map {
            AssetUnlinked(assetID: $0.id, name: $0.name, syncRun: syncRun).event
        }
        let linked = now.filter { state.assets[$0.id] == nil }.map { AssetLinked(asset: $0, syncRun: syncRun).event }
        return unlinked + linked
    }
}
