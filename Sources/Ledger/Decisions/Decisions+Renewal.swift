import Foundation

extension Decisions {
    /// Moves an imported contract onto the contract Autotask renewed it into: one ``RenewalFollowed``.
    ///
    /// The contract keeps its id, its history and its LCI-owned fields; its Autotask-owned fields take
    /// the renewal's values, and (for a contract-level import, when `assets` is not nil) its assets
    /// become those Autotask links to the renewal. A service-level import moves onto `service`, the
    /// renewal's service for the same catalogue service. Refused when the contract is native, when
    /// Autotask has not renewed it (or renewed it into another contract than `renewal`), and when the
    /// renewal (or a part of it) is already imported as another LCI contract.
    public static func followRenewal(
        _ state: ContractState, renewal: AutotaskContractSnapshot, service: AutotaskServiceSnapshot? = nil,
        assets: [AutotaskAssetSnapshot]?, index: ImportIndex, syncRun: Int? = nil
    ) throws(LedgerError) -> [LedgerEvent] {
        try requireExisting(state)
        guard let previous = state.reference else {
            throw LedgerError(
                .notImported, "\(state.id) is a native contract; only an imported contract follows Autotask renewals")
        }
        guard let renewedTo = state.renewedTo else {
            throw LedgerError(
                .notRenewed,
                "\(state.id) has not been renewed in Autotask (\(previous)); a sync records a renewal when "
                    + "Autotask makes one")
        }
        guard renewal.contractID == renewedTo else {
            throw LedgerError(
                .invalidObservation,
                "\(state.id) was renewed into Autotask contract \(renewedTo), not \(renewal.contractID)")
        }
        let reference: AutotaskReference
        let fields: FieldValues
        switch previous.level {
        case .contract:
            reference = .contract(renewal.contractID)
            fields = renewal.fieldValues()
        case .service:
            guard let service, service.contractID == renewal.contractID else {
                throw LedgerError(
                    .notRenewed,
                    "the renewal contract \(renewal.contractID) has no service like \(previous) to follow")
            }
            reference = service.reference
            fields = service.fieldValues(contract: renewal)
        }
        if let holder = index.contract(for: reference), holder != state.id {
            throw LedgerError(
                .alreadyImported,
                "\(reference) is already imported as \(holder); see `contracts show \(holder)`")
        }
        if let overlap = index.overlap(with: reference), overlap.contract != state.id {
            throw overlapError(reference, overlap)
        }
        let linked =
            previous.level == .contract ? assets.map { linkedAssets($0, contractID: renewal.contractID) } : nil
        return [
            RenewalFollowed(
                previousReference: previous, reference: reference, fields: fields, assets: linked,
                renewedContractID: renewal.renewedContractID, syncRun: syncRun
            ).event
        ]
    }

    /// Turns on or off the nightly sync's following of Autotask renewals; nothing when already so.
    public static func setRenewalFollowing(_ state: ContractState, enabled: Bool) throws(LedgerError)
        -> [LedgerEvent]
    {
        try requireExisting(state)
        guard state.isImported else {
            throw LedgerError(
                .notImported, "\(state.id) is a native contract; only an imported contract follows Autotask renewals")
        }
        return state.followsRenewals == enabled ? [] : [RenewalFollowingSet(enabled: enabled).event]
    }

    /// The refusal of an import that overlaps another: a service of a contract imported whole, or the reverse.
    static func overlapError(
        _ reference: AutotaskReference, _ overlap: (reference: AutotaskReference, contract: ContractID)
    )
        -> LedgerError
    {
        let why =
            reference.level == .service
            ? "its contract is imported whole as \(overlap.contract) (\(overlap.reference))"
            : "its \(overlap.reference) is imported alone as \(overlap.contract)"
        return LedgerError(
            .overlappingImport,
            "\(reference) is covered by \(overlap.contract): \(why); importing it again would count the service "
                + "twice; see `contracts show \(overlap.contract)`")
    }
}
