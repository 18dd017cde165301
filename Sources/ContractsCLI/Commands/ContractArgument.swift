import ArgumentParser
import ContractsCore
import Ledger
import Projections

/// An LCI contract id typed by the user, such as `LC-1`.
struct ContractArgument: ExpressibleByArgument, Sendable {
    var id: ContractID

    init?(argument: String) {
        guard let id = ContractID(validating: argument) else { return nil }
        self.id = id
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

extension LedgerStore {
    /// A contract's row, or the one-line refusal for an unknown id.
    func existingContract(_ id: ContractID) throws -> ContractRow {
        guard let row = try contract(id) else {
            throw LedgerError(.contractNotFound, "there is no contract \(id); `contracts list` shows the contracts")
        }
        return row
    }
}
