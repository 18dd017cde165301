import Foundation

/// `ContractsBrowsed` (stream `browse`): the import dialog fetched a company's contracts.
public struct ContractsBrowsed: LedgerEventPayload {
    public static let eventType = "ContractsBrowsed"
    public static let streamCategory = StreamCategory.browse

    /// The Autotask company browsed.
    public var companyID: Int
    /// Whether the services under each contract were fetched too.
    public var showServices: Bool
    /// The Autotask contract ids that came back, ascending.
    public var contractIDs: [Int]
    /// The ContractServices ids that came back (empty unless `showServices`), ascending.
    public var contractServiceIDs: [Int]
    /// The HTTP requests made.
    public var requests: Int
    /// A digest (hex) of what came back, computed by the caller.
    public var digest: String

    /// Makes the payload; ids are sorted.
    public init(
        companyID: Int, showServices: Bool, contractIDs: [Int], contractServiceIDs: [Int] = [], requests: Int,
        digest: String
    ) {
        self.companyID = companyID
        self.showServices = showServices
        self.contractIDs = contractIDs.sorted()
        self.contractServiceIDs = contractServiceIDs.sorted()
        self.requests = requests
        self.digest = digest
    }

    /// The number of contracts found.
    public var contractsFound: Int { contractIDs.count }
    /// The number of services found.
    public var servicesFound: Int { contractServiceIDs.count }

    public var event: LedgerEvent { .contractsBrowsed(self) }
    public var summary: String {
        let services = showServices ? ", \(servicesFound) services" : ""
        let plural = requests == 1 ? "" : "s"
        return "Browsed company \(companyID): \(contractsFound) contracts\(services) (\(requests) request\(plural))"
    }
}
