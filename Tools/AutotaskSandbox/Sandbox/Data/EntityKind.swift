/// The entities the sandbox serves.
enum EntityKind: Int, Sendable, CaseIterable {
    case companies
    case contracts
    case contractServices
    case contractServiceUnits
    case contractServiceBundles
    case services
    case configurationItems
    case products

    /// The plural name used in URLs, e.g. `Contracts`.
    var pluralName: String {
        switch self {
        case .companies: return "Companies"
        case .contracts: return "Contracts"
        case .contractServices: return "ContractServices"
        case .contractServiceUnits: return "ContractServiceUnits"
        case .contractServiceBundles: return "ContractServiceBundles"
        case .services: return "Services"
        case .configurationItems: return "ConfigurationItems"
        case .products: return "Products"
        }
    }

    /// The singular entity type name used in messages and `entityInformation`, e.g. `Contract`.
    var singularName: String {
        switch self {
        case .companies: return "Company"
        case .contracts: return "Contract"
        case .contractServices: return "ContractService"
        case .contractServiceUnits: return "ContractServiceUnit"
        case .contractServiceBundles: return "ContractServiceBundle"
        case .services: return "Service"
        case .configurationItems: return "ConfigurationItem"
        case .products: return "Product"
        }
    }

    /// Whether the API user's contract permissions govern this entity.
    var isContractScoped: Bool {
        switch self {
        case .contracts, .contractServices, .contractServiceUnits, .contractServiceBundles: return true
        default: return false
        }
    }

    /// The entity named by a URL segment or an admin name, matched case-insensitively (plural or singular).
    init?(name: String) {
        let lowered = name.lowercased()
        guard
            let kind = EntityKind.allCases.first(where: {
                $0.pluralName.lowercased() == lowered || $0.singularName.lowercased() == lowered
            })
        else { return nil }
        self = kind
    }
}
