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
