import Ledger

/// One sync run as `contracts runs` lists it.
public struct SyncRunRow: Sendable, Hashable, Codable {
    /// Where a run stands, as the `sync_runs` table records it.
    public enum Status: String, Sendable, Hashable, Codable, CustomStringConvertible {
        case running
        case completed
        case failed
        case interrupted

        /// `running`, `completed`, `failed` or `interrupted`.
        public var description: String { rawValue }
    }

    public var run: Int
    public var trigger: SyncTrigger
    public var scope: String
    public var status: Status
    public var contractsTotal: Int
    public var startedAt: String
    public var finishedAt: String?
    public var startedPosition: Int
    public var finishedPosition: Int?
    public var checked: Int?
    public var changed: Int?
    public var unchanged: Int?
    public var missing: Int?
    public var failed: Int?
    public var requests: Int
    public var durationMilliseconds: Int?
    public var failureStage: String?
    public var failureReason: String?
    public var interruptedBy: Int?
}

/// One Autotask fetch of a sync run.
public struct SyncFetchRow: Sendable, Hashable, Codable {
    public var entity: String
    public var filter: String
    public var pages: Int
    public var requests: Int
    public var items: Int
    public var digest: String
}

/// One contract a sync run could not check, and why.
public struct SyncContractFailureRow: Sendable, Hashable, Codable {
    public var contractID: ContractID
    public var reason: String
}
