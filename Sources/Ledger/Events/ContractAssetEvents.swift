import Foundation

/// `AssetLinked` (stream `contract/<id>`): an Autotask configuration item was linked to the contract.
///
/// Written by a contract-level import or a sync (with `syncRun`) when Autotask is primary, and by a
/// copy (the copy gets the source's assets).
public struct AssetLinked: LedgerEventPayload {
    public static let eventType = "AssetLinked"
    public static let streamCategory = StreamCategory.contract

    /// The asset as Autotask described it when linked.
    public var asset: AutotaskAssetSnapshot
    /// The sync run that found it, if a sync did.
    public var syncRun: Int?

    /// Makes the payload.
    public init(asset: AutotaskAssetSnapshot, syncRun: Int? = nil) {
        self.asset = asset
        self.syncRun = syncRun
    }

    public var event: LedgerEvent { .assetLinked(self) }
    public var summary: String {
        "Linked asset \(asset.id) \(LedgerFormat.quoted(asset.name, limit: 40))\(Self.syncSuffix(syncRun))"
    }
}

/// `AssetUnlinked` (stream `contract/<id>`): a configuration item no longer belongs to the contract.
public struct AssetUnlinked: LedgerEventPayload {
    public static let eventType = "AssetUnlinked"
    public static let streamCategory = StreamCategory.contract

    /// The ConfigurationItems id.
    public var assetID: Int
    /// The asset's name when it was linked, for people reading the history.
    public var name: String?
    /// The sync run that noticed, if a sync did.
    public var syncRun: Int?

    /// Makes the payload.
    public init(assetID: Int, name: String? = nil, syncRun: Int? = nil) {
        self.assetID = assetID
        self.name = name
        self.syncRun = syncRun
    }

    public var event: LedgerEvent { .assetUnlinked(self) }
    public var summary: String {
        let named = name.map { " " + LedgerFormat.quoted($0, limit: 40) } ?? ""
        return "Unlinked asset \(assetID)\(named)\(Self.syncSuffix(syncRun))"
    }
}
