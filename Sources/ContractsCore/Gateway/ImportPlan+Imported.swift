import Ledger
import Projections

extension ImportPlan {
    /// Something a plan names that the ledger holds already, and the LCI contract that holds it.
    public struct AlreadyImported: Sendable, Hashable {
        /// Such as `contract 1001` or `service 2005`.
        public var what: String
        public var existing: ContractID
    }

    /// The plan less what the ledger holds already, with what was taken out.
    ///
    /// A named import refuses the first of `alreadyImported` (``ImportRequest/alreadyImported(_:_:)``); a bulk
    /// import skips them all, so running it again after a failure finishes the job without duplicates. The CLI
    /// and the console share this rule.
    public func excluding(_ imported: ImportedReferences) -> (plan: ImportPlan, alreadyImported: [AlreadyImported]) {
        var remaining = self
        var found: [AlreadyImported] = []
        remaining.contracts = contracts.filter { source in
            guard let existing = imported.contract(importingContract: source.contract.contractID) else { return true }
            found.append(AlreadyImported(what: "contract \(source.contract.contractID)", existing: existing))
            return false
        }
        remaining.services = services.filter { source in
            guard let existing = imported.contract(importingService: source.service.contractServiceID) else {
                return true
            }
            found.append(AlreadyImported(what: "service \(source.service.contractServiceID)", existing: existing))
            return false
        }
        return (remaining, found)
    }
}

extension ImportPlan {
    /// The plan less what would overlap an import (a service of a contract imported whole, or a contract one
    /// of whose services is imported alone), in the ledger or among the plan's own imports, with why.
    ///
    /// The imports are checked in the plan's order, contracts first: the first of two overlapping imports is
    /// kept. A named import refuses the first refusal; a bulk import skips them all.
    public func excludingOverlaps(with ledger: ImportIndex) -> (plan: ImportPlan, refused: [LedgerError]) {
        var named = ImportIndex()
        var refused: [LedgerError] = []
        func keep(_ reference: AutotaskReference) -> Bool {
            do {
                try Decisions.checkImportable(reference, index: ledger)
            } catch {
                refused.append(error)
                return false
            }
            if let overlap = named.overlap(with: reference) {
                refused.append(
                    LedgerError(
                        .overlappingImport,
                        "\(reference) and \(overlap.reference) overlap: the service would be counted twice; import "
                            + "the whole contract or its services, not both"))
                return false
            }
            named.record(reference, as: ContractID("(pending)"))
            return true
        }
        var remaining = self
        remaining.contracts = contracts.filter { keep(.contract($0.contract.contractID)) }
        remaining.services = services.filter { keep($0.service.reference) }
        return (remaining, refused)
    }
}
