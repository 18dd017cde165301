import Foundation

/// Where an imported contract comes from in Autotask: a whole contract, or one service of a contract.
///
/// Its ``key`` (`contract:123`, `service:456`) identifies the import, so that importing the same
/// Autotask contract or service twice is detected. It encodes as
/// `{"level":"contract","contractID":123}` or
/// `{"level":"service","contractID":123,"contractServiceID":456,"serviceID":789}`.
public struct AutotaskReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What was imported.
    public enum Level: String, Hashable, Sendable, Codable {
        /// A whole Autotask contract.
        case contract
        /// One service (a ContractServices row) of an Autotask contract.
        case service
    }

    /// What was imported.
    public let level: Level
    /// The Autotask contract id (for a service, the contract the service belongs to).
    public let contractID: Int
    /// The Autotask ContractServices id, for a service-level import.
    public let contractServiceID: Int?
    /// The Autotask Services id (the catalogue service), for a service-level import.
    public let serviceID: Int?

    /// A reference to a whole Autotask contract.
    public static func contract(_ contractID: Int) -> AutotaskReference {
        AutotaskReference(level: .contract, contractID: contractID, contractServiceID: nil, serviceID: nil)
    }

    /// A reference to one service of an Autotask contract.
    public static func service(contractServiceID: Int, contractID: Int, serviceID: Int) -> AutotaskReference {
        AutotaskReference(
            level: .service, contractID: contractID, contractServiceID: contractServiceID, serviceID: serviceID)
    }

    /// The identity of the import: `contract:<contractID>` or `service:<contractServiceID>`.
    public var key: String {
        switch level {
        case .contract: "contract:\(contractID)"
        case .service: "service:\(contractServiceID ?? 0)"
        }
    }

    /// For people: `Autotask contract 123` or `Autotask service 456 of contract 123`.
    public var description: String {
        switch level {
        case .contract: "Autotask contract \(contractID)"
        case .service: "Autotask service \(contractServiceID ?? 0) of contract \(contractID)"
        }
    }

    private init(level: Level, contractID: Int, contractServiceID: Int?, serviceID: Int?) {
        self.level = level
        self.contractID = contractID
        self.contractServiceID = contractServiceID
        self.serviceID = serviceID
    }

    private enum CodingKeys: String, CodingKey {
        case level, contractID, contractServiceID, serviceID
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let level = try container.decode(Level.self, forKey: .level)
        let contractID = try container.decode(Int.self, forKey: .contractID)
        switch level {
        case .contract:
            self = .contract(contractID)
        case .service:
            self = .service(
                contractServiceID: try container.decode(Int.self, forKey: .contractServiceID),
                contractID: contractID,
                serviceID: try container.decode(Int.self, forKey: .serviceID))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level, forKey: .level)
        try container.encode(contractID, forKey: .contractID)
        try container.encodeIfPresent(contractServiceID, forKey: .contractServiceID)
        try container.encodeIfPresent(serviceID, forKey: .serviceID)
    }
}
