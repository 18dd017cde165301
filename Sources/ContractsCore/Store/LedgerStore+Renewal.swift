import EventLog
import Foundation
import Ledger

extension LedgerStore {
    /// Moves an imported contract onto the contract Autotask renewed it into (one `RenewalFollowed`).
    ///
    /// `syncRun` names the sync run that follows it by itself; nil for `contracts follow-renewal`.
    @discardableResult
    public func followRenewal(_ id: ContractID, source: RenewalSource, syncRun: Int? = nil) throws -> CommandResult {
        try command { transaction, commandID in
            let state = try contractState(id)
            let events = try Decisions.followRenewal(
                state, renewal: source.contract, service: source.service, assets: source.assets,
                index: try importIndex(for: .contract(source.contract.contractID)), syncRun: syncRun)
            try append(
                events, to: .contract(id), expected: .exact(Int64(state.version)), in: transaction,
                commandID: commandID, syncRun: syncRun, actor: syncRun == nil ? nil : "sync")
            return CommandResult(contractID: id, events: events)
        }
    }

    /// Turns on or off the sync's following of an imported contract's Autotask renewals.
    @discardableResult
    public func setRenewalFollowing(_ id: ContractID, enabled: Bool) throws -> CommandResult {
        try command { transaction, commandID in
            let state = try contractState(id)
            let events = try Decisions.setRenewalFollowing(state, enabled: enabled)
            try append(
                events, to: .contract(id), expected: .exact(Int64(state.version)), in: transaction,
                commandID: commandID)
            return CommandResult(contractID: id, events: events)
        }
    }

    /// After a run's reconciliation: moves each contract that follows renewals by itself onto its renewal.
    ///
    /// A renewal that cannot be followed (the renewal is already imported, Autotask no longer returns
    /// it) is recorded as a `SyncContractFailed` for that contract and left for `contracts follow-renewal`.
    func followRenewals(
        of ids: [ContractID], gateway: AutotaskGateway, pullAssets: Bool, run: Int
    ) async throws -> (followed: [(contract: ContractID, events: [LedgerEvent])], failed: Int) {
        var followed: [(contract: ContractID, events: [LedgerEvent])] = []
        var failed = 0
        for id in ids {
            let state = try contractState(id)
            guard state.followsRenewals, let renewal = state.renewedTo, let reference = state.reference else {
                continue
            }
            do {
                let source = try await gateway.renewalSource(renewal, following: reference, withAssets: pullAssets)
                let result = try followRenewal(id, source: source, syncRun: run)
                if !result.events.isEmpty { followed.append((id, result.events)) }
            } catch {
                failed += 1
                let failure = SyncContractFailed(
                    contractID: id, reason: "following renewal \(renewal): \(AutotaskGateway.oneLine(error))")
                try command { transaction, commandID in
                    try append(
                        [failure.event], to: .sync(run), expected: .any, in: transaction, commandID: commandID,
                        syncRun: run, actor: "sync")
                }
            }
        }
        return (followed, failed)
    }
}
