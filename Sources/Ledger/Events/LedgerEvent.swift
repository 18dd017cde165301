import Foundation

/// Every event the ledger records, each case carrying its versioned payload.
///
/// Streams: `ledger` (settings), `browse` (import-dialog fetches), `contract/<id>` (one LCI
/// contract) and `sync/<n>` (one sync run); ``streamCategory`` says which kind of stream an event
/// belongs to. Encode with ``encoded()`` and read back with ``decode(_:)``, which upcasts older
/// payload versions.
public enum LedgerEvent: Hashable, Sendable, CustomStringConvertible {
    // ledger
    case primaryIntegrationSet(PrimaryIntegrationSet)
    case autotaskConnectionConfigured(AutotaskConnectionConfigured)
    case projectionsRebuilt(ProjectionsRebuilt)
    // browse
    case contractsBrowsed(ContractsBrowsed)
    // contract/<id>
    case contractImported(ContractImported)
    case contractCreated(ContractCreated)
    case contractCopied(ContractCopied)
    case fieldEdited(FieldEdited)
    case autoSyncSet(AutoSyncSet)
    case assetLinked(AssetLinked)
    case assetUnlinked(AssetUnlinked)
    case autotaskFieldChanged(AutotaskFieldChanged)
    case missingInAutotask(MissingInAutotask)
    case foundInAutotask(FoundInAutotask)
    case renewedInAutotask(RenewedInAutotask)
    case renewalFollowed(RenewalFollowed)
    case renewalFollowingSet(RenewalFollowingSet)
    // sync/<n>
    case syncStarted(SyncStarted)
    case syncFetched(SyncFetched)
    case syncContractFailed(SyncContractFailed)
    case syncCompleted(SyncCompleted)
    case syncFailed(SyncFailed)
    case syncInterrupted(SyncInterrupted)

    /// Every payload type, one per event type.
    public static let payloadTypes: [any LedgerEventPayload.Type] = [
        PrimaryIntegrationSet.self, AutotaskConnectionConfigured.self, ContractsBrowsed.self,
        ContractImported.self, ContractCreated.self, ContractCopied.self, FieldEdited.self, AutoSyncSet.self,
        AssetLinked.self, AssetUnlinked.self, AutotaskFieldChanged.self, MissingInAutotask.self,
        FoundInAutotask.self, RenewedInAutotask.self, SyncStarted.self, SyncFetched.self,
        SyncContractFailed.self, SyncCompleted.self, SyncFailed.self, SyncInterrupted.self, RenewalFollowed.self,
        RenewalFollowingSet.self, ProjectionsRebuilt.self,
    ]

    /// The current schema version of every event type, keyed by type name.
    public static let currentSchemaVersions: [String: Int] = Dictionary(
        uniqueKeysWithValues: payloadTypes.map { ($0.eventType, $0.schemaVersion) })

    /// The payload.
    public var payload: any LedgerEventPayload {
        switch self {
        case .primaryIntegrationSet(let payload): payload
        case .autotaskConnectionConfigured(let payload): payload
        case .contractsBrowsed(let payload): payload
        case .contractImported(let payload): payload
        case .contractCreated(let payload): payload
        case .contractCopied(let payload): payload
        case .fieldEdited(let payload): payload
        case .autoSyncSet(let payload): payload
        case .assetLinked(let payload): payload
        case .assetUnlinked(let payload): payload
        case .autotaskFieldChanged(let payload): payload
        case .missingInAutotask(let payload): payload
        case .foundInAutotask(let payload): payload
        case .renewedInAutotask(let payload): payload
        case .renewalFollowed(let payload): payload
        case .renewalFollowingSet(let payload): payload
        case .projectionsRebuilt(let payload): payload
        case .syncStarted(let payload): payload
        case .syncFetched(let payload): payload
        case .syncContractFailed(let payload): payload
        case .syncCompleted(let payload): payload
        case .syncFailed(let payload): payload
        case .syncInterrupted(let payload): payload
        }
    }

    /// The stable type name, such as `ContractImported`.
    ///
    /// A switch rather than the payload's static property, which would box the payload first.
    public var type: String {
        switch self {
        case .primaryIntegrationSet: PrimaryIntegrationSet.eventType
        case .autotaskConnectionConfigured: AutotaskConnectionConfigured.eventType
        case .contractsBrowsed: ContractsBrowsed.eventType
        case .contractImported: ContractImported.eventType
        case .contractCreated: ContractCreated.eventType
        case .contractCopied: ContractCopied.eventType
        case .fieldEdited: FieldEdited.eventType
        case .autoSyncSet: AutoSyncSet.eventType
        case .assetLinked: AssetLinked.eventType
        case .assetUnlinked: AssetUnlinked.eventType
        case .autotaskFieldChanged: AutotaskFieldChanged.eventType
        case .missingInAutotask: MissingInAutotask.eventType
        case .foundInAutotask: FoundInAutotask.eventType
        case .renewedInAutotask: RenewedInAutotask.eventType
        case .renewalFollowed: RenewalFollowed.eventType
        case .renewalFollowingSet: RenewalFollowingSet.eventType
        case .projectionsRebuilt: ProjectionsRebuilt.eventType
        case .syncStarted: SyncStarted.eventType
        case .syncFetched: SyncFetched.eventType
        case .syncContractFailed: SyncContractFailed.eventType
        case .syncCompleted: SyncCompleted.eventType
        case .syncFailed: SyncFailed.eventType
        case .syncInterrupted: SyncInterrupted.eventType
        }
    }

    /// The payload's current schema version.
    public var schemaVersion: Int { Swift.type(of: payload).schemaVersion }

    /// The kind of stream the event belongs to.
    ///
    /// A switch rather than the payload's static property: reaching that would box the payload in an
    /// existential for every event a fold evolves.
    public var streamCategory: StreamCategory {
        switch self {
        case .primaryIntegrationSet, .autotaskConnectionConfigured, .projectionsRebuilt: .ledger
        case .contractsBrowsed: .browse
        case .contractImported, .contractCreated, .contractCopied, .fieldEdited, .autoSyncSet, .assetLinked,
            .assetUnlinked, .autotaskFieldChanged, .missingInAutotask, .foundInAutotask, .renewedInAutotask,
            .renewalFollowed, .renewalFollowingSet:
            .contract
        case .syncStarted, .syncFetched, .syncContractFailed, .syncCompleted, .syncFailed, .syncInterrupted: .sync
        }
    }

    /// One line for people, such as "Autotask changed endDate from 2025-12-31 to 2026-12-31 (sync #3)".
    public var summary: String { payload.summary }

    /// The summary.
    public var description: String { summary }

    /// The sync run that produced the event, for events a sync writes into contract streams.
    public var syncRun: Int? {
        switch self {
        case .assetLinked(let payload): payload.syncRun
        case .assetUnlinked(let payload): payload.syncRun
        case .autotaskFieldChanged(let payload): payload.syncRun
        case .missingInAutotask(let payload): payload.syncRun
        case .foundInAutotask(let payload): payload.syncRun
        case .renewedInAutotask(let payload): payload.syncRun
        case .renewalFollowed(let payload): payload.syncRun
        case .syncStarted(let payload): payload.run
        default: nil
        }
    }

    /// The contract a creation event (import, create, copy) starts.
    public var createdContractID: ContractID? {
        switch self {
        case .contractImported(let payload): payload.id
        case .contractCreated(let payload): payload.id
        case .contractCopied(let payload): payload.id
        default: nil
        }
    }
}
