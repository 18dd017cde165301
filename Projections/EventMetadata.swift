import Foundation

/// The metadata stored beside every event: who did it, under which command, and in which sync run.
public struct EventMetadata: Codable, Hashable, Sendable {
    /// Who caused the event ("alice", "sync", "import").
    public var actor: String?
    /// The id of the command that wrote the event; all events of one command share it.
    public var commandID: String?
    /// The correlation id linking commands of one user action.
    public var correlationID: String?
    /// The sync run that wrote the event, if any.
    public var syncRun: Int?

    /// Creates metadata.
    public init(actor: String? = nil, commandID: String? = nil, correlationID: String? = nil, syncRun: Int? = nil) {
        self.actor = actor
        self.commandID = commandID
        self.correlationID = correlationID
        self.syncRun = syncRun
    }

    /// Decodes stored metadata leniently: unknown keys are ignored, and bad JSON gives empty metadata.
    public static func decode(_ data: Data) -> EventMetadata {
        (try? JSONDecoder().decode(EventMetadata.self, from: data)) ?? EventMetadata()
    }

    /// Canonical JSON (sorted keys).
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
