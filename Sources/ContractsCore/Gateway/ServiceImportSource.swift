import Ledger

/// What an import reads of one Autotask contract service: the service with its units, and its contract.
public struct ServiceImportSource: Sendable {
    /// The service, with its name and current units.
    public var service: AutotaskServiceSnapshot
    /// The contract the service belongs to.
    public var contract: AutotaskContractSnapshot
}
