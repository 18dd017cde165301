import Foundation

/// What started a sync run.
public enum SyncTrigger: String, Hashable, Sendable, Codable, CaseIterable {
    /// The nightly schedule.
    case nightly
    /// A user's "sync now".
    case manual
}

/// Which contracts a sync run covers.
public enum SyncScope: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Every imported contract (with auto-sync on, for a nightly run).
    case all
    /// One contract.
    case contract(ContractID)

    /// `all contracts` or `contract LC-1`.
    public var description: String {
        switch self {
        case .all: "all contracts"
        case .contract(let id): "contract \(id)"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, contractID
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "all": self = .all
        case "contract": self = .contract(try container.decode(ContractID.self, forKey: .contractID))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown sync scope '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .all: try container.encode("all", forKey: .kind)
        case .contract(let id):
            try container.encode("contract", forKey: .kind)
            try container.encode(id, forKey: .contractID)
        }
    }
}

/// `SyncStarted` (stream `sync/<n>`): a sync run began.
public struct SyncStarted: LedgerEventPayload {
    public static let eventType = "SyncStarted"
    public static let streamCategory = StreamCategory.sync

    /// The run number (the `n` of `sync/<n>`).
    public var run: Int
    /// What started it.
    public var trigger: SyncTrigger
    /// Which contracts it covers.
    public var scope: SyncScope
    /// The LCI contracts it will check.
    public var contractsToCheck: [ContractID]

    /// Makes the payload.
    public init(run: Int, trigger: SyncTrigger, scope: SyncScope, contractsToCheck: [ContractID]) {
        self.run = run
        self.trigger = trigger
        self.scope = scope
        self.contractsToCheck = contractsToCheck
    }

    public var event: LedgerEvent { .syncStarted(self) }
    public var summary: String {
        "Sync #\(run) started (\(trigger), \(scope), \(contractsToCheck.count) to check)"
    }
}

/// `SyncFetched` (stream `sync/<n>`): one Autotask query of the run, fully paged.
public struct SyncFetched: LedgerEventPayload {
    public static let eventType = "SyncFetched"
    public static let streamCategory = StreamCategory.sync

    /// The Autotask entity, such as `Contracts` or `ConfigurationItems`.
    public var entity: String
    /// The query filter as sent (JSON text or a readable form).
    public var filter: String
    /// The pages read.
    public var pages: Int
    /// The HTTP requests made (retries included).
    public var requests: Int
    /// The records returned.
    public var items: Int
    /// A digest (hex) of the records returned, computed by the caller.
    public var digest: String

    /// Makes the payload.
    public init(entity: String, filter: String, pages: Int, requests: Int, items: Int, digest: String) {
        self.entity = entity
        self.filter = filter
        self.pages = pages
        self.requests = requests
        self.items = items
        self.digest = digest
    }

    public var event: LedgerEvent { .syncFetched(self) }
    public var summary: String {
        "Fetched \(entity) \(LedgerFormat.quoted(filter, limit: 80)): \(items) items, \(pages) pages, "
            + "\(requests) requests"
    }
}

/// `SyncContractFailed` (stream `sync/<n>`): one contract could not be checked; the run went on.
public struct SyncContractFailed: LedgerEventPayload {
    public static let eventType = "SyncContractFailed"
    public static let streamCategory = StreamCategory.sync

    /// The contract not checked.
    public var contractID: ContractID
    /// Why, in one line (never a secret).
    public var reason: String

    /// Makes the payload.
    public init(contractID: ContractID, reason: String) {
        self.contractID = contractID
        self.reason = reason
    }

    public var event: LedgerEvent { .syncContractFailed(self) }
    public var summary: String { "Could not check \(contractID): \(LedgerFormat.quoted(reason, limit: 100))" }
}

/// `SyncCompleted` (stream `sync/<n>`): the run finished; the counts cover `contractsToCheck`.
public struct SyncCompleted: LedgerEventPayload {
    public static let eventType = "SyncCompleted"
    public static let streamCategory = StreamCategory.sync

    /// Contracts checked.
    public var checked: Int
    /// Contracts with at least one change recorded.
    public var changed: Int
    /// Contracts with no change.
    public var unchanged: Int
    /// Contracts missing in Autotask after the run.
    public var missing: Int
    /// Contracts that could not be checked (see ``SyncContractFailed``).
    public var failed: Int
    /// HTTP requests made by the whole run.
    public var requests: Int
    /// How long the run took, measured by the caller.
    public var durationMilliseconds: Int

    /// Makes the payload.
    public init(
        checked: Int, changed: Int, unchanged: Int, missing: Int, failed: Int = 0, requests: Int,
        durationMilliseconds: Int
    ) {
        self.checked = checked
        self.changed = changed
        self.unchanged = unchanged
        self.missing = missing
        self.failed = failed
        self.requests = requests
        self.durationMilliseconds = durationMilliseconds
    }

    public var event: LedgerEvent { .syncCompleted(self) }
    public var summary: String {
        let failures = failed > 0 ? ", \(failed) failed" : ""
        return "Sync completed: \(checked) checked, \(changed) changed, \(unchanged) unchanged, \(missing) missing"
            + "\(failures), \(requests) requests in \(LedgerFormat.seconds(milliseconds: durationMilliseconds))"
    }
}

/// `SyncFailed` (stream `sync/<n>`): the run stopped on an error.
public struct SyncFailed: LedgerEventPayload {
    public static let eventType = "SyncFailed"
    public static let streamCategory = StreamCategory.sync

    /// Where it failed, such as `fetch Contracts` or `check access`.
    public var stage: String
    /// Why, in one line (never a secret).
    public var reason: String

    /// Makes the payload.
    public init(stage: String, reason: String) {
        self.stage = stage
        self.reason = reason
    }

    public var event: LedgerEvent { .syncFailed(self) }
    public var summary: String { "Sync failed at \(stage): \(LedgerFormat.quoted(reason, limit: 100))" }
}

/// `SyncInterrupted` (stream `sync/<n>`): the run stopped before it finished.
///
/// Either a later run found it started but never finished (its process was killed), or the run itself
/// was stopped by a signal (SIGINT or SIGTERM) and recorded so at once; then `signal` names it and
/// `noticedByRun` is the run itself.
public struct SyncInterrupted: LedgerEventPayload {
    public static let eventType = "SyncInterrupted"
    public static let streamCategory = StreamCategory.sync

    /// The run that noticed (the run itself when a signal stopped it).
    public var noticedByRun: Int
    /// The signal that stopped the run, such as `SIGINT`; nil when a later run noticed.
    public var signal: String?

    /// Makes the payload.
    public init(noticedByRun: Int, signal: String? = nil) {
        self.noticedByRun = noticedByRun
        self.signal = signal
    }

    public var event: LedgerEvent { .syncInterrupted(self) }
    public var summary: String {
        if let signal { return "Sync interrupted by \(signal); nothing was half-applied" }
        return "Sync interrupted before it finished (noticed by sync #\(noticedByRun))"
    }
}
