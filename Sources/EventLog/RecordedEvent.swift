import Foundation

/// An event as stored in the log, with its position, stream version, time and hashes.
public struct RecordedEvent: Equatable, Sendable {
    /// The global position: gapless, starting at 1, the order of truth.
    public var position: Int64
    /// The stream the event belongs to.
    public var stream: String
    /// The event's version within its stream, starting at 1.
    public var version: Int64
    /// The unique event id.
    public var id: String
    /// The event type.
    public var type: String
    /// The payload's schema version.
    public var schemaVersion: Int
    /// The JSON payload.
    public var payload: Data
    /// The JSON metadata.
    public var metadata: Data
    /// When the event was recorded (UTC), as stored: `yyyy-MM-ddTHH:mm:ss.SSSZ`.
    public var recordedAt: String
    /// The previous event's hash (32 zero bytes for the first event).
    public var previousHash: Data
    /// SHA-256 over the previous hash and the canonical encoding of this row.
    public var hash: Data

    /// The recorded time as a `Date`, if the stored text parses.
    public var recordedDate: Date? { Timestamp.parse(recordedAt) }
}
