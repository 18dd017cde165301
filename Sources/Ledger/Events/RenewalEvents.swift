import Foundation

/// `RenewalFollowed` (stream `contract/<id>`): the LCI contract moved onto the contract Autotask renewed it into.
///
/// One event carries the whole move: the reference before and after, the renewal's Autotask-owned
/// values (LCI-owned fields are kept) and, when assets are pulled, the renewal's linked assets, which
/// replace the old ones. The contract's history stays in its stream; from this event on a sync follows
/// the renewal contract.
public struct RenewalFollowed: LedgerEventPayload {
    public static let eventType = "RenewalFollowed"
    public static let streamCategory = StreamCategory.contract

    /// The Autotask contract (or service) the LCI contract followed until now.
    public var previousReference: AutotaskReference
    /// The renewal contract (or its matching service) it follows from now on.
    public var reference: AutotaskReference
    /// The renewal's Autotask-owned values.
    public var fields: FieldValues
    /// The renewal contract's assets, or nil when assets are not pulled (IT Glue primary, a service).
    public var assets: [AutotaskAssetSnapshot]?
    /// The renewal of the renewal, if Autotask has already renewed it again.
    public var renewedContractID: Int?
    /// The sync run that followed the renewal by itself, or nil for `contracts follow-renewal`.
    public var syncRun: Int?

    /// Makes the payload.
    public init(
        previousReference: AutotaskReference, reference: AutotaskReference, fields: FieldValues,
        assets: [AutotaskAssetSnapshot]?, renewedContractID: Int? = nil, syncRun: Int? = nil
    ) {
        self.previousReference = previousReference
        self.reference = reference
        self.fields = fields
        self.assets = assets
        self.renewedContractID = renewedContractID
        self.syncRun = syncRun
    }

    public var event: LedgerEvent { .renewalFollowed(self) }
    public var summary: String {
        let assets = self.assets.map { ", \($0.count) asset\($0.count == 1 ? "" : "s") linked" } ?? ""
        return "Followed the renewal from \(previousReference) to \(reference)\(assets)\(Self.syncSuffix(syncRun))"
    }
}

/// `RenewalFollowingSet` (stream `contract/<id>`): whether the nightly sync follows Autotask renewals by itself.
public struct RenewalFollowingSet: LedgerEventPayload {
    public static let eventType = "RenewalFollowingSet"
    public static let streamCategory = StreamCategory.contract

    /// Whether a sync that finds the contract renewed moves it onto the renewal.
    public var enabled: Bool

    /// Makes the payload.
    public init(enabled: Bool) {
        self.enabled = enabled
    }

    public var event: LedgerEvent { .renewalFollowingSet(self) }
    public var summary: String {
        enabled ? "The sync follows Autotask renewals by itself" : "The sync leaves Autotask renewals to follow by hand"
    }
}

/// `ProjectionsRebuilt` (stream `ledger`): the projection tables were rebuilt from the log.
///
/// `contracts rebuild` records it when it replaces tables that differed from the log's fold, for
/// example rows edited by hand with sqlite3.
public struct ProjectionsRebuilt: LedgerEventPayload {
    public static let eventType = "ProjectionsRebuilt"
    public static let streamCategory = StreamCategory.ledger

    /// The log position the rebuild folded up to.
    public var throughPosition: Int
    /// What was repaired, one line each, such as `contracts LC-3: name differs`.
    public var repaired: [String]

    /// Makes the payload.
    public init(throughPosition: Int, repaired: [String]) {
        self.throughPosition = throughPosition
        self.repaired = repaired
    }

    public var event: LedgerEvent { .projectionsRebuilt(self) }
    public var summary: String {
        "Rebuilt the projections from the log through position \(throughPosition): "
            + "\(repaired.count) difference\(repaired.count == 1 ? "" : "s") repaired"
    }
}
