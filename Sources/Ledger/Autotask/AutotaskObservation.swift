import Foundation

/// Why an imported contract is missing from what Autotask returned.
public enum MissingReason: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The contract exists but is inactive in Autotask.
    case inactive
    /// The contract (or the service) no longer exists in Autotask.
    case deleted
    /// The API user can no longer see it (security level, contract visibility).
    case notVisible

    /// `inactive`, `deleted` or `not visible to the API user`.
    public var description: String {
        switch self {
        case .inactive: "inactive"
        case .deleted: "deleted"
        case .notVisible: "not visible to the API user"
        }
    }
}

/// What a sync found in Autotask for one imported contract.
public enum AutotaskObservation: Hashable, Sendable {
    /// The contract was returned. For a service-level import `service` is the service; `assets` is
    /// nil when assets were not pulled (IT Glue primary, or a service-level import), otherwise
    /// every configuration item Autotask links to the contract.
    case found(
        contract: AutotaskContractSnapshot, service: AutotaskServiceSnapshot? = nil,
        assets: [AutotaskAssetSnapshot]? = nil)
    /// Nothing was returned, for this reason.
    case notFound(MissingReason)
}
