import Foundation

/// The integration LCI treats as the source of assets.
public enum PrimaryIntegration: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Autotask is primary: a contract-level import and a sync pull the contract's assets.
    case autotask
    /// IT Glue is primary: assets come from IT Glue and are never pulled from Autotask.
    case itGlue

    /// `Autotask` or `IT Glue`.
    public var description: String {
        switch self {
        case .autotask: "Autotask"
        case .itGlue: "IT Glue"
        }
    }
}

/// `PrimaryIntegrationSet` (stream `ledger`): the primary integration was chosen.
public struct PrimaryIntegrationSet: LedgerEventPayload {
    public static let eventType = "PrimaryIntegrationSet"
    public static let streamCategory = StreamCategory.ledger

    /// The primary integration from now on.
    public var integration: PrimaryIntegration

    /// Makes the payload.
    public init(integration: PrimaryIntegration) {
        self.integration = integration
    }

    public var event: LedgerEvent { .primaryIntegrationSet(self) }
    public var summary: String { "Primary integration set to \(integration)" }
}

/// `AutotaskConnectionConfigured` (stream `ledger`): how to reach Autotask, never the secret.
///
/// The API secret lives outside the log; this payload has no field that could hold it.
public struct AutotaskConnectionConfigured: LedgerEventPayload {
    public static let eventType = "AutotaskConnectionConfigured"
    public static let streamCategory = StreamCategory.ledger

    /// The zone discovery URL, when zones are discovered.
    public var discoveryURL: String?
    /// The zone's REST base URL, when known or fixed.
    public var zoneURL: String?
    /// The API user's name (the `UserName` header).
    public var userName: String
    /// The API tracking identifier (the `ApiIntegrationCode` header); not a secret.
    public var integrationCode: String

    /// Makes the payload.
    public init(discoveryURL: String? = nil, zoneURL: String? = nil, userName: String, integrationCode: String) {
        self.discoveryURL = discoveryURL
        self.zoneURL = zoneURL
        self.userName = userName
        self.integrationCode = integrationCode
    }

    public var event: LedgerEvent { .autotaskConnectionConfigured(self) }
    public var summary: String {
        let zone = zoneURL.map { " at \($0)" } ?? discoveryURL.map { " via zone discovery at \($0)" } ?? ""
        return "Autotask connection configured for API user \(userName)\(zone)"
    }
}
