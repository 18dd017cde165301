import Foundation

/// The ledger's settings, folded from the `ledger` stream.
public struct LedgerSettings: Hashable, Sendable {
    /// The primary integration; nil until chosen (then assets are not pulled).
    public private(set) var primaryIntegration: PrimaryIntegration?
    /// How to reach Autotask; nil until configured. Never holds the secret.
    public private(set) var connection: AutotaskConnectionConfigured?
    /// The number of the stream's events folded: the expected version for the next append.
    public private(set) var version: Int

    /// No settings (an empty `ledger` stream).
    public init() {
        primaryIntegration = nil
        connection = nil
        version = 0
    }

    /// Folds the `ledger` stream.
    public static func fold(_ events: some Sequence<LedgerEvent>) -> LedgerSettings {
        var settings = LedgerSettings()
        for event in events { settings.evolve(by: event) }
        return settings
    }

    /// Whether a contract-level import or a sync pulls assets from Autotask.
    public var pullsAutotaskAssets: Bool { primaryIntegration == .autotask }

    /// Applies one event of the `ledger` stream; ignores the others; never fails.
    public mutating func evolve(by event: LedgerEvent) {
        guard event.streamCategory == .ledger else { return }
        version += 1
        switch event {
        case .primaryIntegrationSet(let payload): primaryIntegration = payload.integration
        case .autotaskConnectionConfigured(let payload): connection = payload
        default: break
        }
    }
}
