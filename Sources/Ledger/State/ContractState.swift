import Foundation

/// The current state of one LCI contract, folded from its `contract/<id>` stream.
///
/// Start from ``init(id:)`` (a contract that does not exist yet) and ``evolve(by:)`` with the
/// stream's events in order. Evolving never fails: events of other kinds of streams are ignored,
/// as is a creation event for another contract id. Feed it one contract's stream only; events that
/// do not name their contract cannot be told apart.
public struct ContractState: Hashable, Sendable {
    /// The contract.
    public let id: ContractID
    /// How it came to be; nil while the contract does not exist.
    public private(set) var origin: ContractOrigin?
    /// The field values.
    public private(set) var fields: FieldValues
    /// The linked Autotask assets by ConfigurationItems id, as last described.
    public private(set) var assets: [Int: AutotaskAssetSnapshot]
    /// Why Autotask no longer returns it as active, while that lasts.
    public private(set) var missingReason: MissingReason?
    /// The Autotask contract that renewed it, once Autotask renewed it.
    public private(set) var renewedTo: Int?
    /// Whether the nightly sync refreshes it (imported contracts start with it on).
    public private(set) var autoSync: Bool
    /// Whether a sync that finds it renewed in Autotask moves it onto the renewal by itself.
    public private(set) var followsRenewals: Bool
    /// For a copy, the Autotask reference of the contract it was copied from, if that one was imported.
    public private(set) var copiedFromReference: AutotaskReference?
    /// The number of the stream's events folded: the expected version for the next append.
    public private(set) var version: Int

    /// A contract that does not exist yet (an empty stream).
    public init(id: ContractID) {
        self.id = id
        origin = nil
        fields = FieldValues()
        assets = [:]
        missingReason = nil
        renewedTo = nil
        autoSync = false
        followsRenewals = false
        copiedFromReference = nil
        version = 0
    }

    /// Folds a stream's events.
    public static func fold(id: ContractID, _ events: some Sequence<LedgerEvent>) -> ContractState {
        var state = ContractState(id: id)
        for event in events { state.evolve(by: event) }
        return state
    }

    /// Whether the contract exists (a creation event was folded).
    public var exists: Bool { origin != nil }

    /// The Autotask reference of an imported contract.
    public var reference: AutotaskReference? { origin?.reference }

    /// Whether the contract was imported from Autotask.
    public var isImported: Bool { origin?.isImported ?? false }

    /// Whether the contract is native to LCI (created or copied), every field owned by LCI.
    public var isNative: Bool { exists && !isImported }

    /// The value of a field.
    public subscript(field: FieldName) -> FieldValue { fields[field] }

    /// Who owns a field: Autotask for an imported contract's Autotask fields, LCI otherwise.
    public func owner(of field: FieldName) -> FieldOwner {
        origin?.owner(of: field) ?? .lci
    }

    /// The owner of every field.
    public var owners: [FieldName: FieldOwner] {
        Dictionary(uniqueKeysWithValues: FieldName.allCases.map { ($0, owner(of: $0)) })
    }

    /// The linked assets, by id.
    public var assetList: [AutotaskAssetSnapshot] {
        assets.keys.sorted().map { assets[$0]! }
    }

    /// The state after one more event (see ``evolve(by:)``).
    public func evolved(by event: LedgerEvent) -> ContractState {
        var state = self
        state.evolve(by: event)
        return state
    }

    /// Applies one event of this contract's stream; never fails.
    public mutating func evolve(by event: LedgerEvent) {
        guard event.streamCategory == .contract else { return }
        if let created = event.createdContractID, created != id { return }
        version += 1
        switch event {
        case .contractImported(let payload):
            origin = .imported(payload.reference)
            fields = payload.fields
            renewedTo = payload.renewedContractID
            autoSync = true
        case .contractCreated(let payload):
            origin = .created
            fields = payload.fields
        case .contractCopied(let payload):
            origin = .copied(from: payload.sourceID)
            fields = payload.fields
            copiedFromReference = payload.sourceReference
        case .fieldEdited(let payload):
            fields[payload.field] = payload.to
        case .autotaskFieldChanged(let payload):
            fields[payload.field] = payload.to
        case .autoSyncSet(let payload):
            autoSync = payload.enabled
        case .assetLinked(let payload):
            assets[payload.asset.id] = payload.asset
        case .assetUnlinked(let payload):
            assets[payload.assetID] = nil
        case .missingInAutotask(let payload):
            missingReason = payload.reason
        case .foundInAutotask:
            missingReason = nil
        case .renewedInAutotask(let payload):
            renewedTo = payload.newContractID
        case .renewalFollowed(let payload):
            origin = .imported(payload.reference)
            for field in FieldName.autotaskFields { fields[field] = payload.fields[field] }
            if let renewal = payload.assets {
                assets = Dictionary(renewal.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            }
            renewedTo = payload.renewedContractID
            missingReason = nil
        case .renewalFollowingSet(let payload):
            followsRenewals = payload.enabled
        default:
            break
        }
    }
}
