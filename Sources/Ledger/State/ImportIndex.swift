import Foundation

/// Which Autotask contracts and services are already imported, folded from every contract stream.
///
/// Fold the contract events of all streams (in log order); only ``ContractImported`` matters.
public struct ImportIndex: Hashable, Sendable {
    /// The LCI contract of each imported reference, keyed by ``AutotaskReference/key``.
    public private(set) var contracts: [String: ContractID]

    /// Nothing imported.
    public init() {
        contracts = [:]
    }

    /// Folds events from any streams.
    public static func fold(_ events: some Sequence<LedgerEvent>) -> ImportIndex {
        var index = ImportIndex()
        for event in events { index.evolve(by: event) }
        return index
    }

    /// The LCI contract imported from a reference, if any.
    public func contract(for reference: AutotaskReference) -> ContractID? {
        contracts[reference.key]
    }

    /// Records an import; ignores every other event; never fails. The first import of a key wins.
    public mutating func evolve(by event: LedgerEvent) {
        guard case .contractImported(let payload) = event, contracts[payload.reference.key] == nil else { return }
        contracts[payload.reference.key] = payload.id
    }
}
