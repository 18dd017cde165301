import Foundation

/// Which Autotask contracts and services are already imported, folded from every contract stream.
///
/// Fold the contract events of all streams (in log order); ``ContractImported`` adds an import and
/// ``RenewalFollowed`` moves one onto the renewal contract. The index answers two questions: which
/// LCI contract imported a reference, and which LCI contract already covers it (the whole contract
/// of a service, or a service of a whole contract), so that no Autotask service is counted twice.
public struct ImportIndex: Hashable, Sendable {
    /// The LCI contract of each imported reference, keyed by ``AutotaskReference/key``.
    public private(set) var contracts: [String: ContractID]
    /// The imported references of each Autotask contract id (the contract itself or its services).
    public private(set) var referencesByContract: [Int: [AutotaskReference]]

    /// Nothing imported.
    public init() {
        contracts = [:]
        referencesByContract = [:]
    }

    /// Folds events from any streams.
    public static func fold(_ events: some Sequence<LedgerEvent>) -> ImportIndex {
        var index = ImportIndex()
        for event in events { index.evolve(by: event) }
        return index
    }

    /// An index of imports already known, such as the rows of a projection.
    public init(imports: [(reference: AutotaskReference, contract: ContractID)]) {
        self.init()
        for (reference, contract) in imports { add(reference, contract) }
    }

    /// The LCI contract imported from a reference, if any.
    public func contract(for reference: AutotaskReference) -> ContractID? {
        contracts[reference.key]
    }

    /// The import that already covers part of `reference` without being it: for a service, the import
    /// of its whole contract; for a whole contract, an import of one of its services.
    public func overlap(with reference: AutotaskReference) -> (reference: AutotaskReference, contract: ContractID)? {
        for other in referencesByContract[reference.contractID] ?? [] where other.key != reference.key {
            guard other.level != reference.level, let contract = contracts[other.key] else { continue }
            return (other, contract)
        }
        return nil
    }

    /// Records an import or a followed renewal; ignores every other event; never fails. The first
    /// import of a key wins.
    public mutating func evolve(by event: LedgerEvent) {
        switch event {
        case .contractImported(let payload):
            guard contracts[payload.reference.key] == nil else { return }
            add(payload.reference, payload.id)
        case .renewalFollowed(let payload):
            guard let contract = contracts[payload.previousReference.key] else { return }
            remove(payload.previousReference)
            if contracts[payload.reference.key] == nil { add(payload.reference, contract) }
        default:
            return
        }
    }

    /// Records an import about to be made (a command importing several references checks each against
    /// the ones before it).
    public mutating func record(_ reference: AutotaskReference, as contract: ContractID) {
        guard contracts[reference.key] == nil else { return }
        add(reference, contract)
    }

    private mutating func add(_ reference: AutotaskReference, _ contract: ContractID) {
        contracts[reference.key] = contract
        referencesByContract[reference.contractID, default: []].append(reference)
    }

    private mutating func remove(_ reference: AutotaskReference) {
        contracts[reference.key] = nil
        referencesByContract[reference.contractID]?.removeAll { $0.key == reference.key }
    }
}
