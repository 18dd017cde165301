import Foundation
import Ledger

/// What following a renewal needs from Autotask: the renewal contract, its matching service for a
/// service-level import, and its configuration items when they are pulled.
public struct RenewalSource: Sendable {
    /// The renewal contract.
    public var contract: AutotaskContractSnapshot
    /// For a service-level import, the renewal's service for the same catalogue service, if it has one.
    public var service: AutotaskServiceSnapshot?
    /// The configuration items linked to the renewal, or nil when assets are not pulled.
    public var assets: [AutotaskAssetSnapshot]?
}
