/// What the API user may see of contracts (Contracts, ContractServices, ContractServiceUnits, ContractServiceBundles).
public enum SandboxPermissions: Sendable, Equatable {
    /// Everything is visible (`userAccessForQuery` "All").
    case full
    /// Contracts are not visible; queries answer 200 with no items and counts are 0 (`userAccessForQuery` "None").
    case empty
    /// Contracts are not visible; queries answer 403 with an errors body (`userAccessForQuery` "None").
    case forbidden
    /// Contracts are not visible; queries answer 500 with "The logged in Resource does not have the adequate
    /// permissions to query this entity type." (`userAccessForQuery` "None").
    case permission500
    /// Only contracts of these companies (and their services, units and bundles) are visible
    /// (`userAccessForQuery` "Restricted").
    case restricted(companyIDs: Set<Int64>)

    /// The access level `entityInformation` reports for contract entities.
    var accessLevel: String {
        switch self {
        case .full: return "All"
        case .empty, .forbidden, .permission500: return "None"
        case .restricted: return "Restricted"
        }
    }

    /// The mode's name in the admin API and on the command line.
    public var modeName: String {
        switch self {
        case .full: return "full"
        case .empty: return "empty"
        case .forbidden: return "forbidden"
        case .permission500: return "permission500"
        case .restricted: return "restricted"
        }
    }

    /// A mode from its name; `restricted` takes the visible companies.
    public init?(modeName: String, companyIDs: Set<Int64> = []) {
        switch modeName.lowercased() {
        case "full": self = .full
        case "empty": self = .empty
        case "forbidden": self = .forbidden
        case "permission500": self = .permission500
        case "restricted": self = .restricted(companyIDs: companyIDs)
        default: return nil
        }
    }
}
