/// Where a sync run is: the step a failure names in its `SyncFailed` event and in the CLI's message.
public enum SyncStage: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Checking the hourly request threshold before a large run.
    case checkRequestThreshold
    /// Loading the tenant's picklist labels.
    case loadPicklists
    case fetchContracts
    case fetchCompanies
    /// Asking Autotask about contracts the query did not return (deleted, inactive, not visible).
    case lookUpMissingContracts
    case fetchContractServices
    case fetchContractServiceUnits
    case fetchServices
    case fetchConfigurationItems
    case fetchProducts
    /// Reading Autotask as a whole, when it outlasts the sync's time limit.
    case readAutotask
    /// Writing what changed into the ledger.
    case recordChanges
    /// Moving the contracts that follow renewals by themselves onto their renewals.
    case followRenewals

    /// The words recorded in the `SyncFailed` event, such as `fetch Contracts`.
    public var description: String {
        switch self {
        case .checkRequestThreshold: "check the hourly request threshold"
        case .loadPicklists: "load picklists"
        case .fetchContracts: "fetch Contracts"
        case .fetchCompanies: "fetch Companies"
        case .lookUpMissingContracts: "look up missing contracts"
        case .fetchContractServices: "fetch ContractServices"
        case .fetchContractServiceUnits: "fetch ContractServiceUnits"
        case .fetchServices: "fetch Services"
        case .fetchConfigurationItems: "fetch ConfigurationItems"
        case .fetchProducts: "fetch Products"
        case .readAutotask: "read Autotask"
        case .recordChanges: "record changes"
        case .followRenewals: "follow renewals"
        }
    }
}
