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

    /// The sync run named in stored metadata, decoding it only when it can name one: metadata whose
    /// bytes hold neither `syncRun` nor an escape (a key could be spelled with escapes) has none.
    ///
    /// The audit asks this for every contract event whose payload names no run, such as the tens of
    /// thousands of imports of a large ledger, and most of them have no run.
    public static func syncRun(in data: Data) -> Int? {
        let key = Array("syncRun".utf8)
        let mayName = data.withUnsafeBytes { bytes in
            bytes.contains(UInt8(ascii: "\\")) || bytes.firstRange(of: key) != nil
        }
        return mayName ? decode(data).syncRun : nil
    }

    /// Canonical JSON (sorted keys).
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
