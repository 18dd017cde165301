import Ledger

/// What a browse of one company's Autotask contracts found, ready to show and to record.
public struct BrowseResult: Sendable {
    /// The company browsed.
    public var companyID: Int
    /// The company's name, as Autotask has it.
    public var companyName: String
    /// Whether the services under each contract were fetched.
    public var showServices: Bool
    /// The contracts, in id order.
    public var contracts: [AutotaskContractSnapshot]
    /// The services of those contracts (empty unless `showServices`), in id order.
    public var services: [AutotaskServiceSnapshot]
    /// Contracts Autotask returned without the dates every contract has; they cannot be imported.
    public var skippedContractIDs: [Int]
    /// The HTTP requests the browse made.
    public var requests: Int
    /// A digest of what came back.
    public var digest: String

    /// The event that records this fetch.
    public var event: ContractsBrowsed {
        ContractsBrowsed(
            companyID: companyID, showServices: showServices, contractIDs: contracts.map(\.contractID),
            contractServiceIDs: services.map(\.contractServiceID), requests: requests, digest: digest)
    }
}
