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

    private enum CodingKeys: String, CodingKey {
        case run, trigger, scope, status, contractsTotal, startedAt, finishedAt, startedPosition, finishedPosition
        case checked, changed, unchanged, missing, failed, requests, durationMilliseconds, failureStage, failureReason
        case interruptedBy
    }

    /// Every key, with null for an absent value, as `contracts runs --format json` prints it (docs/output.md).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(run, forKey: .run)
        try container.encode(trigger, forKey: .trigger)
        try container.encode(scope, forKey: .scope)
        try container.encode(status, forKey: .status)
        try container.encode(contractsTotal, forKey: .contractsTotal)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
        try container.encode(startedPosition, forKey: .startedPosition)
        try container.encode(finishedPosition, forKey: .finishedPosition)
        try container.encode(checked, forKey: .checked)
        try container.encode(changed, forKey: .changed)
        try container.encode(unchanged, forKey: .unchanged)
        try container.encode(missing, forKey: .missing)
        try container.encode(failed, forKey: .failed)
        try container.encode(requests, forKey: .requests)
        try container.encode(durationMilliseconds, forKey: .durationMilliseconds)
        try container.encode(failureStage, forKey: .failureStage)
        try container.encode(failureReason, forKey: .failureReason)
        try container.encode(interruptedBy, forKey: .interruptedBy)
    }
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
