import Foundation

/// An event as stored: its type name, payload schema version and canonical JSON payload.
public struct EncodedEvent: Hashable, Sendable {
    /// The stable type name, such as `ContractImported`.
    public var type: String
    /// The payload's schema version.
    public var schemaVersion: Int
    /// Canonical JSON: sorted keys, no whitespace, amounts and dates as strings.
    public var payload: Data

    /// Makes an encoded event (for events read from the log).
    public init(type: String, schemaVersion: Int, payload: Data) {
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
    }

    /// The payload as UTF-8 text.
    public var payloadText: String { String(decoding: payload, as: UTF8.self) }
}
