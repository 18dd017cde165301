import Foundation

/// An event to append: its id, type, payload schema version, JSON payload and JSON metadata.
public struct NewEvent: Equatable, Sendable {
    /// A unique id; appending an id that is already stored with the same content is a safe retry.
    public var id: String
    /// The event type, such as "ContractImported".
    public var type: String
    /// The payload's schema version, for upcasting when read.
    public var schemaVersion: Int
    /// The payload as UTF-8 JSON.
    public var payload: Data
    /// The metadata (actor, sync run, command id, correlation) as a UTF-8 JSON object.
    public var metadata: Data

    /// Creates an event; metadata defaults to an empty JSON object.
    public init(id: String, type: String, schemaVersion: Int = 1, payload: Data, metadata: Data = Data("{}".utf8)) {
        self.id = id
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.metadata = metadata
    }
}
