import Foundation
import SQLite

/// A forward-only cursor over stored events, stepping SQLite one row at a time.
///
/// It owns its statement (finalized when the cursor is released), so reading the whole log never
/// holds more than one event in memory. Do not write to the log while a cursor is open.
public final class EventCursor {
    private let statement: Statement
    private let decode: (Statement) -> RecordedEvent

    init(statement: Statement, decode: @escaping (Statement) -> RecordedEvent = EventCursor.decode) {
        self.statement = statement
        self.decode = decode
    }

    static let columns =
        "position, stream, version, event_id, type, schema_version, payload, metadata, recorded_at, previous_hash, hash"

    /// The next event, or nil at the end.
    public func next() throws -> RecordedEvent? {
        guard try statement.step() else { return nil }
        return decode(statement)
    }

    /// Calls `body` with every remaining event, in order.
    public func visit(_ body: (RecordedEvent) throws -> Void) throws {
        while let event = try next() { try body(event) }
    }

    static func decode(_ row: Statement) -> RecordedEvent {
        RecordedEvent(
            position: row.int64(0), stream: row.text(1), version: row.int64(2), id: row.text(3), type: row.text(4),
            schemaVersion: row.int(5), payload: row.blob(6), metadata: row.blob(7), recordedAt: row.text(8),
            previousHash: row.blob(9), hash: row.blob(10))
    }
}

extension EventLog {
    /// The position of the last event (0 for an empty log).
    public func lastPosition() throws -> Int64 {
        try database.scalarInt("SELECT max(position) FROM events") ?? 0
    }

    /// The current version of a stream (0 when it does not exist).
    public func version(of stream: String) throws -> Int64 {
        try database.scalarInt("SELECT max(version) FROM events WHERE stream = ?", [.text(stream)]) ?? 0
    }

    /// The events of one stream from `version` on, in order.
    public func events(in stream: String, from version: Int64 = 1) throws -> [RecordedEvent] {
        let statement = try database.cachedStatement(
            "SELECT \(EventCursor.columns) FROM events WHERE stream = ? AND version >= ? ORDER BY version")
        return try statement.rows([.text(stream), .integer(version)], EventCursor.decode)
    }

    /// A cursor over every event from `position` up to and including `through` (the end by default).
    public func cursor(from position: Int64 = 1, through last: Int64 = .max) throws -> EventCursor {
        let statement = try database.makeStatement(
            "SELECT \(EventCursor.columns) FROM events WHERE position >= ? AND position <= ? ORDER BY position")
        try statement.bind([.integer(position), .integer(last)])
        return EventCursor(statement: statement)
    }

    /// The position of the last event recorded at or before `time` (a time in the log's format,
    /// `yyyy-MM-ddTHH:mm:ss.SSSZ`), or 0 when none was.
    public func lastPosition(recordedAtOrBefore time: String) throws -> Int64 {
        try database.scalarInt("SELECT max(position) FROM events WHERE recorded_at <= ?", [.text(time)]) ?? 0
    }

    /// The event at a position, if any.
    public func event(at position: Int64) throws -> RecordedEvent? {
        let statement = try database.cachedStatement("SELECT \(EventCursor.columns) FROM events WHERE position = ?")
        return try statement.firstRow([.integer(position)], EventCursor.decode)
    }

    /// The event with this id, if any.
    public func event(withID id: String) throws -> RecordedEvent? {
        let statement = try database.cachedStatement("SELECT \(EventCursor.columns) FROM events WHERE event_id = ?")
        return try statement.firstRow([.text(id)], EventCursor.decode)
    }
}
