import Ledger

/// A contract as the projector holds it in memory: its state as of its last event, and what changed
/// since the projection tables were last written.
struct ContractSlot {
    /// The state as of the contract's last event folded.
    var state: ContractState
    /// The changes not yet written, if any.
    private var change: ContractChange?

    init(state: ContractState) {
        self.state = state
    }

    /// Folds one event of the contract's stream; returns true when the slot had nothing pending before.
    mutating func fold(_ event: LedgerEvent, at position: Int64) -> Bool {
        let first = change == nil
        if first { change = ContractChange(state: state) }
        change!.fold(event, at: position, into: &state)
        return first
    }

    /// The pending change with the current state, leaving nothing pending.
    mutating func takeChange() -> ContractChange? {
        guard var taken = change else { return nil }
        change = nil
        taken.state = state
        return taken
    }
}
