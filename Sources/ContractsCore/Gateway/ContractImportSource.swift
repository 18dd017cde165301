import Ledger

/// What an import reads of one Autotask contract: the contract and, when asked, its assets.
public struct ContractImportSource: Sendable {
    /// The contract.
    public var contract: AutotaskContractSnapshot
    /// Its configuration items (empty when assets were not pulled).
    public var assets: [AutotaskAssetSnapshot]
}
