import Ledger

/// The LCI contracts that imported Autotask contracts and services, looked up by Autotask id.
public struct ImportedReferences: Sendable, Hashable {
    private var contracts: [Int: ContractID] = [:]
    private var services: [Int: ContractID] = [:]

    /// No imports.
    public init() {}

    /// The LCI contract that imported the whole Autotask contract `contractID`, if any.
    public func contract(importingContract contractID: Int) -> ContractID? {
        contracts[contractID]
    }

    /// The LCI contract that imported the Autotask contract service `contractServiceID`, if any.
    public func contract(importingService contractServiceID: Int) -> ContractID? {
        services[contractServiceID]
    }

    /// The LCI contract that imported `reference`, if any.
    public subscript(reference: AutotaskReference) -> ContractID? {
        switch reference.level {
        case .contract: contracts[reference.contractID]
        case .service: reference.contractServiceID.flatMap { services[$0] }
        }
    }

    /// Records that `id` imported the whole Autotask contract `contractID` (the first record wins).
    mutating func add(_ id: ContractID, contract contractID: Int) {
        if contracts[contractID] == nil { contracts[contractID] = id }
    }

    /// Records that `id` imported the Autotask contract service `contractServiceID` (the first record wins).
    mutating func add(_ id: ContractID, service contractServiceID: Int) {
        if services[contractServiceID] == nil { services[contractServiceID] = id }
    }
}

/// An imported contract as a sync sees it: its id, whether the nightly run includes it, and what it imported.
public struct ImportedContract: Sendable, Hashable {
    /// The LCI contract.
    public var id: ContractID
    /// Whether the nightly sync includes it.
    public var autoSync: Bool
    /// What it imported from Autotask.
    public var reference: AutotaskReference?
}
