import Ledger
import Projections

/// What a user asks to import from one Autotask company: whole contracts and single services, by Autotask id.
///
/// Its checks are the import's rules that come before any write: nothing asked for may be imported
/// already (checked before Autotask is read), and everything read must belong to the company named
/// (checked after). The CLI and the console run the same checks, so both refuse the same imports with
/// the same messages.
public struct ImportRequest: Sendable, Hashable {
    /// The Autotask company the contracts and services belong to.
    public var companyID: Int
    /// Autotask contract ids to import whole.
    public var contractIDs: [Int]
    /// Autotask contract service ids to import alone.
    public var serviceIDs: [Int]

    /// Makes a request.
    public init(companyID: Int, contractIDs: [Int] = [], serviceIDs: [Int] = []) {
        self.companyID = companyID
        self.contractIDs = contractIDs
        self.serviceIDs = serviceIDs
    }

    /// Refuses the request when something it names is already imported, naming the LCI contract that holds it.
    public func checkNotImported(_ imported: ImportedReferences) throws(LedgerError) {
        for id in contractIDs {
            if let existing = imported.contract(importingContract: id) {
                throw Self.alreadyImported("contract \(id)", existing)
            }
        }
        for id in serviceIDs {
            if let existing = imported.contract(importingService: id) {
                throw Self.alreadyImported("service \(id)", existing)
            }
        }
    }

    /// Refuses what Autotask returned when a contract or service belongs to another company than the request's.
    public func checkCompany(contracts: [ContractImportSource], services: [ServiceImportSource]) throws(ImportError) {
        let found =
            contracts.map { (company: $0.contract.companyID, what: "contract \($0.contract.contractID)") }
            + services.map { (company: $0.contract.companyID, what: "service \($0.service.contractServiceID)") }
        if let other = found.first(where: { $0.company != companyID }) {
            throw ImportError.otherCompany(other.what, belongsTo: other.company, asked: companyID)
        }
    }

    static func alreadyImported(_ what: String, _ existing: ContractID) -> LedgerError {
        LedgerError(
            .alreadyImported,
            "Autotask \(what) is already imported as \(existing); see `contracts show \(existing)`")
    }
}
