import Foundation
import SQLite

/// A write transaction of the log: appends to one or more streams, and the connection for callers' own tables.
///
/// It exists only inside ``EventLog/write(_:)``; do not keep it.
public final class LogTransaction {
    let log: EventLog
    /// The connection, for reads and writes of other tables inside the same transaction.
    package var database: Database { log.database }
    private var tip: (position: Int64, hash: Data)?
    private var streamVersions: [String: Int64] = [:]
    private var stamp: String?
    /// Holds each inserted row's text and blobs while they are bound in place.
    private let row = RowBuffer()

    init(log: EventLog) {
        self.log = log
    }

    /// The current version of a stream as seen inside this transaction (0 when it does not exist).
    public func version(of stream: String) throws -> Int64 {
        if let version = streamVersions[stream] { return version }
        let version = try database.scalarInt("SELECT max(version) FROM events WHERE stream = ?", [.text(stream)]) ?? 0
        streamVersions[stream] = version
        return version
    }

    /// Appends events to a stream if its version matches `expected`.
    ///
    /// A batch whose first event id is already stored with the same stream and content is a retry:
    /// nothing is written and the stored positions are returned. The same id with other content is an
    /// `idempotencyConflict`; a version mismatch is a `versionConflict` naming the stream and both versions.
    @discardableResult
    public func append(_ events: [NewEvent], to stream: String, expected: ExpectedVersion) throws -> AppendResult {
        guard !stream.isEmpty, stream.utf8.count <= 512 else {
            throw EventLogError(.invalidArgument, "a stream name must be 1 to 512 bytes long")
        }
        guard let first = events.first else {
            throw EventLogError(.invalidArgument, "nothing to append to stream '\(stream)'")
        }
        if let retry = try storedRetry(of: events, first: first, stream: stream) { return retry }
        let current = try version(of: stream)
        guard expected.matches(current: current) else {
            throw EventLogError.versionConflict(stream: stream, expected: expected, actual: current)
        }
        var (position, previousHash) = try currentTip()
        let recordedAt = try recordedAt()
        var version = current
        var positions: [Int64] = []
        positions.reserveCapacity(events.count)
        let statement = try database.cachedStatement(
            """
            INSERT INTO events (position, stream, version, event_id, type, schema_version, payload, metadata,
                                recorded_at, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for event in events {
            guard UTF8Validator.isValid(event.payload), UTF8Validator.isValid(event.metadata) else {
                throw EventLogError(
                    .invalidArgument, "event \(event.id) of type \(event.type) was refused: its JSON is not UTF-8")
            }
            // The payload and metadata are checked as JSON here, not by SQL CHECKs: one pass, no allocation.
            guard JSONValidator.validate(event.payload) != nil, JSONValidator.validate(event.metadata) == .object else {
                throw Self.invalidJSON(event)
            }
            position += 1
            version += 1
            let hash = EventHasher.hash(
                previousHash: previousHash, position: position, stream: stream, version: version, id: event.id,
                type: event.type, schemaVersion: event.schemaVersion, payload: event.payload,
                metadata: event.metadata, recordedAt: recordedAt)
            do {
                try insert(
                    into: statement, position: position, stream: stream, version: version, event: event,
                    recordedAt: recordedAt, previousHash: previousHash, hash: hash)
            } catch let error as SQLiteError {
                throw try translate(error, event: event, stream: stream)
            }
            let chainedTo = previousHash
            previousHash = hash
            positions.append(position)
            tip = (position, hash)
            streamVersions[stream] = version
            // The recorded event is built only for a hook: without one, nothing reads it.
            if let hook = log.appendHook {
                let recorded = RecordedEvent(
                    position: position, stream: stream, version: version, id: event.id, type: event.type,
                    schemaVersion: event.schemaVersion, payload: event.payload, metadata: event.metadata,
                    recordedAt: recordedAt, previousHash: chainedTo, hash: hash)
                try hook(recorded, database)
            }
        }
        return AppendResult(stream: stream, positions: positions, version: version, isRetry: false)
    }

    /// Inserts one row, its text and blobs bound in place from ``row`` and the bindings cleared after the step.
    private func insert(
        into statement: Statement, position: Int64, stream: String, version: Int64, event: NewEvent,
        recordedAt: String, previousHash: Data, hash: Data
    ) throws {
        row.reserve(
            stream.utf8.count + event.id.utf8.count + event.type.utf8.count + recordedAt.utf8.count + 4
                + event.payload.count + event.metadata.count + previousHash.count + hash.count)
        defer {
            statement.resetKeepingBindings()
            statement.clearBindings()
        }
        try statement.bindInteger(position, at: 1)
        try statement.bindStatic(cString: row.appendCString(stream), at: 2)
        try statement.bindInteger(version, at: 3)
        try statement.bindStatic(cString: row.appendCString(event.id), at: 4)
        try statement.bindStatic(cString: row.appendCString(event.type), at: 5)
        try statement.bindInteger(Int64(event.schemaVersion), at: 6)
        try statement.bindStatic(row.append(event.payload), at: 7, isText: true)
        try statement.bindStatic(row.append(event.metadata), at: 8, isText: true)
        try statement.bindStatic(cString: row.appendCString(recordedAt), at: 9)
        try statement.bindStatic(row.append(previousHash), at: 10, isText: false)
        try statement.bindStatic(row.append(hash), at: 11, isText: false)
        try statement.step()
    }

    /// The time this transaction's events are recorded at: the clock's, refused outside the years 2000 to
    /// 2199, and never earlier than the last event's, so that recorded times never go backwards.
    private func recordedAt() throws -> String {
        if let stamp { return stamp }
        let now = log.options.clock()
        guard Self.saneClock.contains(now) else {
            throw EventLogError(
                .badClock,
                "the system clock says \(Timestamp.format(now)), outside the years 2000 to 2199; set the clock right "
                    + "and try again (nothing was recorded)")
        }
        var text = Timestamp.format(now)
        let last = try database.cachedStatement("SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1")
            .firstRow { $0.text(0) }
        if let last, last > text { text = last }
        stamp = text
        return text
    }

    /// The clock readings accepted for recording: the years 2000 to 2199.
    static let saneClock = Date(timeIntervalSince1970: 946_684_800)...Date(timeIntervalSince1970: 7_258_118_399)

    private func currentTip() throws -> (Int64, Data) {
        if let tip { return tip }
        let statement = try database.cachedStatement("SELECT position, hash FROM events ORDER BY position DESC LIMIT 1")
        let found = try statement.firstRow { ($0.int64(0), $0.blob(1)) }
        let value = found ?? (0, EventHasher.genesis)
        tip = value
        return value
    }

    private func storedRetry(of events: [NewEvent], first: NewEvent, stream: String) throws -> AppendResult? {
        let lookup = try database.cachedStatement(
            "SELECT position, stream, version, type, schema_version, payload, metadata FROM events WHERE event_id = ?")
        guard try lookup.firstRow([.text(first.id)], { _ in true }) == true else { return nil }
        var positions: [Int64] = []
        var version: Int64 = 0
        for event in events {
            let stored = try lookup.firstRow([.text(event.id)]) { row in
                (
                    position: row.int64(0), stream: row.text(1), version: row.int64(2), type: row.text(3),
                    schemaVersion: row.int(4), payload: row.blob(5), metadata: row.blob(6)
                )
            }
            guard let stored, stored.stream == stream, stored.type == event.type,
                stored.schemaVersion == event.schemaVersion, stored.payload == event.payload,
                stored.metadata == event.metadata
            else {
                throw EventLogError(
                    .idempotencyConflict,
                    "event id \(event.id) is already stored with different content; a retry must repeat the same events"
                )
            }
            positions.append(stored.position)
            version = stored.version
        }
        return AppendResult(stream: stream, positions: positions, version: version, isRetry: true)
    }

    private static func invalidJSON(_ event: NewEvent) -> EventLogError {
        EventLogError(
            .invalidArgument,
            "event \(event.id) of type \(event.type) was refused: its payload must be JSON and its metadata a JSON object"
        )
    }

    private func translate(_ error: SQLiteError, event: NewEvent, stream: String) throws -> Error {
        let message = error.message ?? ""
        if error.code == .constraintUnique && message.contains("event_id") {
            return EventLogError(
                .idempotencyConflict,
                "event id \(event.id) is already stored with different content; a retry must repeat the same events")
        }
        if error.code == .constraintCheck { return Self.invalidJSON(event) }
        if error.isBusy { return EventLogError.busy(path: database.path) }
        return error
    }
}

/// What an append wrote (or, for a retry, found already stored).
public struct AppendResult: Equatable, Sendable {
    /// The stream appended to.
    public let stream: String
    /// The global positions of the events, in order.
    public let positions: [Int64]
    /// The stream's version after the append.
    public let version: Int64
    /// True when the events were already stored and nothing was written.
    public let isRetry: Bool

    /// The first position.
    public var firstPosition: Int64 { positions.first ?? 0 }
    /// The last position.
    public var lastPosition: Int64 { positions.last ?? 0 }
}

extension EventLog {
    /// Appends events to one stream in its own transaction; see ``LogTransaction/append(_:to:expected:)``.
    @discardableResult
    public func append(_ events: [NewEvent], to stream: String, expected: ExpectedVersion) throws -> AppendResult {
        try write { try $0.append(events, to: stream, expected: expected) }
    }
}
