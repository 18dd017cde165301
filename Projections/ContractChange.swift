import Ledger

/// What one contract's events changed over a span of the log, for the contract projections to write.
///
/// The inline projections write a span of one event; a rebuild folds many events of many contracts in
/// memory and writes each contract once per flush, so a field changed a hundred times is written once.
/// Both paths fold events through ``fold(_:at:into:)`` and write with the same code, so they write the
/// same rows.
struct ContractChange {
    /// The state after the span; the slot holding the change sets it before the change is written.
    var state: ContractState
    /// The position of the event that created the contract, when that event is in the span.
    private(set) var createdPosition: Int64?
    /// The position of the span's last event of an existing contract.
    private(set) var updatedPosition: Int64 = 0
    /// The position of the last event that changed each field's value or owner, by field ordinal.
    private var fieldPositionsByOrdinal = [Int64?](repeating: nil, count: FieldName.allCases.count)
    /// The position of the last event that linked or changed each asset.
    private(set) var assetPositions: [Int: Int64] = [:]
    /// Assets an event of the span unlinked (some may be linked again since).
    private(set) var unlinkedAssets: Set<Int> = []

    init(state: ContractState) {
        self.state = state
    }

    /// The position of the last event that changed `field`'s value or owner, if one did.
    func fieldPosition(_ field: FieldName) -> Int64? {
        fieldPositionsByOrdinal[field.ordinal]
    }

    /// Whether the span left anything to write: the contract exists after at least one of its events.
    var hasRows: Bool { updatedPosition > 0 && state.exists }

    /// Evolves `state` by one event at `position`, in place, and records what it changed.
    ///
    /// A field change compares only its own field, without copying the state, which keeps a rebuild's
    /// most frequent events cheap; any other event is compared with a copy of the state before it.
    mutating func fold(_ event: LedgerEvent, at position: Int64, into state: inout ContractState) {
        let field: FieldName? =
            switch event {
            case .fieldEdited(let payload): payload.field
            case .autotaskFieldChanged(let payload): payload.field
            default: nil
            }
        if let field, state.exists {
            let old = state[field]
            state.evolve(by: event)
            updatedPosition = position
            if old != state[field] { fieldPositionsByOrdinal[field.ordinal] = position }
            return
        }
        let before = state
        state.evolve(by: event)
        record(before: before, after: state, at: position)
    }

    private mutating func record(before: ContractState, after: ContractState, at position: Int64) {
        guard after.exists else { return }
        updatedPosition = position
        guard before.exists else {
            createdPosition = position
            for field in FieldName.allCases { fieldPositionsByOrdinal[field.ordinal] = position }
            for id in after.assets.keys { assetPositions[id] = position }
            return
        }
        if before.origin != after.origin || before.fields != after.fields {
            for field in FieldName.allCases
            where before[field] != after[field] || before.owner(of: field) != after.owner(of: field) {
                fieldPositionsByOrdinal[field.ordinal] = position
            }
        }
        if before.assets != after.assets {
            for (id, asset) in after.assets where before.assets[id] != asset { assetPositions[id] = position }
            for id in before.assets.keys where after.assets[id] == nil { unlinkedAssets.insert(id) }
        }
    }
}
