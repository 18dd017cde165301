import Ledger

/// What an import read from Autotask, ready to write: one source per contract or service, and the refusals.
public struct ImportPlan: Sendable {
    /// Contracts to import whole, in Autotask id order.
    public var contracts: [ContractImportSource] = []
    /// Services to import alone, in ContractServices id order.
    public var services: [ServiceImportSource] = []
    /// What cannot be imported, and why.
    public var refusals: [ImportRefusal] = []
    /// Companies asked for that Autotask does not know.
    public var unknownCompanies: [Int] = []
    /// The HTTP requests the reading took.
    public var requests = 0
}
