import Foundation
import Ledger

/// How a sync runs: its trigger, its scope, the size of its write batches and a progress callback.
public struct SyncOptions {
    /// `nightly` skips contracts with auto-sync off; `manual` includes them.
    public var trigger: SyncTrigger
    /// One contract, or every imported contract when nil.
    public var contract: ContractID?
    /// Contracts reconciled per write transaction.
    public var batchSize: Int
    /// Called after the fetches and after each batch.
    public var progress: ((SyncProgress) -> Void)?
    /// How long reading Autotask may take before the run fails (an hour by default): a server that never
    /// stops answering cannot hold the sync lock and spend the hourly request limit for ever.
    public var timeLimit: Duration

    /// Makes options: a manual run over every imported contract, batches of 200, an hour to read Autotask.
    public init(
        trigger: SyncTrigger = .manual, contract: ContractID? = nil, batchSize: Int = 200,
        progress: ((SyncProgress) -> Void)? = nil, timeLimit: Duration = .seconds(3600)
    ) {
        self.trigger = trigger
        self.contract = contract
        self.batchSize = max(1, batchSize)
        self.progress = progress
        self.timeLimit = timeLimit
    }
}
