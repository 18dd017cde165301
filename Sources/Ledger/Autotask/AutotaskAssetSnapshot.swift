import Foundation

/// An Autotask configuration item (a device or asset), as linked to an LCI contract.
///
/// It is stored in ``AssetLinked`` events, so that a copy can link the same assets.
public struct AutotaskAssetSnapshot: Hashable, Sendable, Codable {
    /// The ConfigurationItems id.
    public var id: Int
    /// `referenceTitle`, or the best name the adapter found.
    public var name: String
    /// `serialNumber`.
    public var serialNumber: String?
    /// The configuration item type's label.
    public var type: String?
    /// The product's name.
    public var productName: String?
    /// The contract the item is linked to in Autotask.
    public var contractID: Int?
    /// The contract service the item is linked to in Autotask.
    public var contractServiceID: Int?
    /// Whether the item is active.
    public var isActive: Bool

    /// Makes a snapshot.
    public init(
        id: Int, name: String, serialNumber: String? = nil, type: String? = nil, productName: String? = nil,
        contractID: Int? = nil, contractServiceID: Int? = nil, isActive: Bool = true
    ) {
        self.id = id
        self.name = name
        self.serialNumber = serialNumber
        self.type = type
        self.productName = productName
        self.contractID = contractID
        self.contractServiceID = contractServiceID
        self.isActive = isActive
    }
}
