/// What a sync asks Autotask about: the contracts, the services of service-level imports, and whether
/// to pull configuration items.
public struct SyncRequest: Sendable, Hashable {
    /// The Autotask contract ids to refresh.
    public var contractIDs: [Int]
    /// The Autotask ContractServices ids of service-level imports.
    public var contractServiceIDs: [Int]
    /// Contracts whose configuration items are pulled (contract-level imports, Autotask primary).
    public var assetContractIDs: [Int]

    /// Makes a request.
    public init(contractIDs: [Int], contractServiceIDs: [Int] = [], assetContractIDs: [Int] = []) {
        self.contractIDs = contractIDs
        self.contractServiceIDs = contractServiceIDs
        self.assetContractIDs = assetContractIDs
    }

    /// A lower bound of the requests the fetch makes: one per `in` batch of each entity it reads, plus the
    /// picklists. Configuration items can take more pages than batches, so the real count may be higher.
    public func estimatedRequests(inListLimit: Int) -> Int {
        func batches(_ count: Int) -> Int { count == 0 ? 0 : (count + inListLimit - 1) / max(1, inListLimit) }
        return 3 + 2 * batches(contractIDs.count) + 3 * batches(contractServiceIDs.count)
            + 2 * batches(assetContractIDs.count)
    }

    /// Jobs estimated at this many requests or more check the hourly threshold first.
    public static let budgetCheckThreshold = 100
}
