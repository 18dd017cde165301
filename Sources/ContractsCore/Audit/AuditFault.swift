import EventLog

/// One thing wrong with a ledger: an event (position, stream) or a projection row (table, row).
public struct AuditFault: Sendable, Codable, Hashable, CustomStringConvertible {
    /// Such as `hash-mismatch`, `undecodable-payload`, `projection-mismatch`.
    public var kind: String
    public var position: Int64?
    public var stream: String?
    public var table: String?
    public var row: String?
    /// What exactly is wrong.
    public var detail: String

    /// The fault of a stored event whose payload does not decode.
    static func undecodable(_ recorded: RecordedEvent, _ error: any Error) -> AuditFault {
        AuditFault(
            kind: "undecodable-payload", position: recorded.position, stream: recorded.stream,
            detail: "the \(recorded.type) event does not decode: \(error)")
    }

    public var description: String {
        var text = kind
        if let position { text += " at position \(position)" }
        if let stream { text += " (stream '\(stream)')" }
        if let table { text += " in table \(table)" }
        if let row { text += ", row \(row)" }
        return text + ": " + detail
    }
}
