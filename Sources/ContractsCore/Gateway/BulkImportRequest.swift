/// What an import asks Autotask for: named contracts and services, and the active contracts of companies.
public struct BulkImportRequest: Sendable, Hashable {
    /// Autotask contract ids to import whole.
    public var contractIDs: [Int]
    /// Autotask ContractServices ids to import alone.
    public var contractServiceIDs: [Int]
    /// Companies whose active contracts are imported whole: nil for none, empty for every company.
    public var activeContractsOfCompanies: [Int]?
    /// Companies the named contracts and services must belong to (empty: any company).
    public var companies: [Int]
    /// Whether contract-level imports pull their configuration items (Autotask is primary).
    public var withAssets: Bool

    /// Makes a request.
    public init(
        contractIDs: [Int] = [], contractServiceIDs: [Int] = [], activeContractsOfCompanies: [Int]? = nil,
        companies: [Int] = [], withAssets: Bool
    ) {
        self.contractIDs = contractIDs
        self.contractServiceIDs = contractServiceIDs
        self.activeContractsOfCompanies = activeContractsOfCompanies
        self.companies = companies
        self.withAssets = withAssets
    }
}
