import Ledger

/// One contract as the contracts list shows it.
public struct ContractRow: Sendable, Hashable, Codable {
    /// How the contract came to be, without the details of ``ContractOrigin``.
    public enum Origin: String, Sendable, Hashable, Codable {
        /// Imported from Autotask.
        case imported
        /// Created by hand in LCI.
        case created
        /// Copied from another LCI contract.
        case copied

        /// The kind of an origin.
        public init(_ origin: ContractOrigin) {
            switch origin {
            case .imported: self = .imported
            case .created: self = .created
            case .copied: self = .copied
            }
        }
    }

    public var id: String
    /// True for an imported contract: the `**` marker.
    public var imported: Bool
    public var origin: Origin
    public var level: AutotaskReference.Level?
    public var autotaskContractID: Int?
    public var autotaskContractServiceID: Int?
    public var companyID: Int?
    public var companyName: String?
    public var name: String?
    public var status: String?
    public var type: String?
    public var startDate: String?
    public var endDate: String?
    public var price: String?
    public var billingCycle: String?
    public var autoSync: Bool
    public var missingReason: String?
    public var renewedTo: Int?
    public var copiedFrom: String?
    public var assetCount: Int
    /// Whether the sync follows the contract's Autotask renewals by itself.
    public var followsRenewals: Bool
}

/// One field of a contract with its value and owner.
public struct FieldRow: Sendable, Hashable, Codable {
    public var field: FieldName
    public var value: String?
    /// Autotask or LCI.
    public var owner: FieldOwner
}

/// One asset (Autotask configuration item) linked to a contract.
public struct AssetRow: Sendable, Hashable, Codable {
    public var assetID: Int
    public var name: String
    public var serialNumber: String?
    public var type: String?
    public var product: String?
    public var active: Bool
}
