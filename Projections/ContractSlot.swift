import Ledger

/// A contract as the projector holds it in memory: its state as of its last event, and what changed
/// since the projection tables were last written.
struct ContractSlot {
    /// The state as of the contract's last event folded.
    private(set) var state: ContractState
    /// The stream version of the last event folded. It can run ahead of the state's own version,
    /// which does not count events a contract's state ignores (an event of another kind in the stream).
    private(set) var streamVersion: Int64
    /// The changes not yet written, if any.
    private var change: ContractChange?

    /// A slot holding `state`, folded from the stream's events up to `streamVersion`, with nothing pending.
    init(state: ContractState, streamVersion: Int64) {
        self.state = state
        self.streamVersion = streamVersion
    }

    /// What folding an event did.
    enum Folded {
        /// The slot's state is not the one just before the event (it was not folded).
        case stale
        /// Folded; the slot had nothing pending before.
        case first
        /// Folded, after other pending changes.
        case more
    }

    /// Folds one event of the contract's stream, if the slot is at stream version `version - 1`.
    ///
    /// Checking the version here, inside a mutation reached in place, avoids copying the slot (and
    /// retaining everything it holds) for every event.
    mutating func fold(_ event: LedgerEvent, at position: Int64, version: Int64) -> Folded {
        guard streamVersion == version - 1 else { return .stale }
        let first = change == nil
        if first { change = ContractChange(state: state) }
        change!.fold(event, at: position, into: &state)
        streamVersion = version
        return first ? .first : .more
    }

    /// The pending change with the current state, leaving nothing pending.
    mutating func takeChange() -> ContractChange? {
        guard var taken = change else { return nil }
        change = nil
        taken.state = state
        return taken
    }
}
