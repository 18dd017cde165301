import Foundation
import SQLite

/// What ``EventLog/verify(progress:)`` found: how much it checked and every fault, first one first.
public struct LogVerification: Equatable, Sendable {
    /// One thing wrong with the stored log.
    public struct Fault: Equatable, Sendable, CustomStringConvertible {
        /// The kind of fault, as an open set.
        public struct Kind: RawRepresentable, Hashable, Sendable {
            public let rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }

            /// A position is missing (an event was removed).
            public static let gap = Kind(rawValue: "gap")
            /// A stream's versions do not go 1, 2, 3... in position order.
            public static let versionJump = Kind(rawValue: "version-jump")
            /// The stored hash is not the hash of the row's content.
            public static let hashMismatch = Kind(rawValue: "hash-mismatch")
            /// The previous-hash column does not match the previous event's hash.
            public static let chainBreak = Kind(rawValue: "chain-break")
            /// The row cannot be read as an event (wrong types, invalid JSON, a bad time).
            public static let undecodable = Kind(rawValue: "undecodable")
            /// The triggers that refuse UPDATE and DELETE are gone.
            public static let triggersMissing = Kind(rawValue: "triggers-missing")
        }

        /// The position of the faulty event, if the fault has one.
        public let position: Int64?
        /// Its stream, if known.
        public let stream: String?
        public let kind: Kind
        /// What exactly is wrong.
        public let detail: String

        public var description: String {
            var text = "\(kind.rawValue)"
            if let position { text += " at position \(position)" }
            if let stream { text += " (stream '\(stream)')" }
            return text + ": \(detail)"
        }
    }

    /// How many rows were read.
    public var eventsChecked: Int64 = 0
    /// The last position read.
    public var lastPosition: Int64 = 0
    /// The last stored hash (the chain's head).
    public var lastHash: Data = EventHasher.genesis
    /// The faults, in position order (at most ``faultLimit`` are kept).
    public var faults: [Fault] = []
    /// How many faults were found in all.
    public var faultCount = 0

    /// The most faults kept in ``faults``.
    public static let faultLimit = 100

    /// True when no fault was found.
    public var isIntact: Bool { faultCount == 0 }
    /// The first fault, if any.
    public var firstFault: Fault? { faults.first }

    mutating func record(_ fault: Fault) {
        faultCount += 1
        if faults.count < Self.faultLimit { faults.append(fault) }
    }
}

extension EventLog {
    /// Walks the whole log and checks positions, stream versions, the hash chain, that every row
    /// decodes, and that the append-only triggers are in place.
    ///
    /// It streams the log and keeps only each stream's last version in memory. `visit`, when given,
    /// sees every event as it is checked, so a caller can examine the whole log in the same pass.
    public func verify(progress: ((Int64) -> Void)? = nil, visit: ((RecordedEvent) -> Void)? = nil) throws
        -> LogVerification
    {
        try read {
            var report = LogVerification()
            let triggers =
                try database.scalarInt(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' AND name IN ('events_refuse_update', 'events_refuse_delete')"
                ) ?? 0
            if triggers != 2 {
                report.record(
                    .init(
                        position: nil, stream: nil, kind: .triggersMissing,
                        detail:
                            "the triggers that refuse UPDATE and DELETE on events are missing; the file was altered outside the ledger"
                    ))
            }
            // One column says whether every column has its storage class; the classes are read one by
            // one only for a row where it is false. The JSON is checked by the validator the appends
            // use (SQLite's json_valid rules), which is faster than json_valid().
            let statement = try database.makeStatement(
                """
                SELECT \(EventCursor.columns),
                       typeof(position) = 'integer' AND typeof(stream) = 'text' AND typeof(version) = 'integer'
                       AND typeof(event_id) = 'text' AND typeof(type) = 'text' AND typeof(schema_version) = 'integer'
                       AND typeof(payload) = 'text' AND typeof(metadata) = 'text' AND typeof(recorded_at) = 'text'
                       AND typeof(previous_hash) = 'blob' AND typeof(hash) = 'blob'
                FROM events ORDER BY position
                """)
            var versions: [String: Int64] = [:]
            var previousHash = EventHasher.genesis
            var expectedPosition: Int64 = 1
            while try statement.step() {
                let event = EventCursor.decode(statement)
                report.eventsChecked += 1
                report.lastPosition = event.position
                if let progress, report.eventsChecked % 100_000 == 0 { progress(report.eventsChecked) }
                if statement.int(11) != 1 || JSONValidator.validate(event.payload) == nil
                    || JSONValidator.validate(event.metadata) == nil || event.previousHash.count != 32
                    || event.hash.count != 32
                    || !Timestamp.isValid(event.recordedAt)
                {
                    let types = try columnTypes(at: event.position)
                    report.record(
                        .init(
                            position: event.position, stream: event.stream, kind: .undecodable,
                            detail: "the row does not decode as an event (column types \(types.joined(separator: ",")))"
                        ))
                }
                if event.position != expectedPosition {
                    report.record(
                        .init(
                            position: event.position, stream: event.stream, kind: .gap,
                            detail: "expected position \(expectedPosition), found \(event.position)"))
                }
                // One hash of the stream name per event: the slot is then read and written by index.
                let slot = versions.index(forKey: event.stream)
                let expectedVersion = (slot.map { versions.values[$0] } ?? 0) + 1
                if event.version != expectedVersion {
                    report.record(
                        .init(
                            position: event.position, stream: event.stream, kind: .versionJump,
                            detail: "expected version \(expectedVersion) of the stream, found \(event.version)"))
                }
                if event.previousHash != previousHash {
                    report.record(
                        .init(
                            position: event.position, stream: event.stream, kind: .chainBreak,
                            detail: "its previous-hash does not match the hash of the event before it"))
                }
                if EventHasher.hash(of: event, previousHash: event.previousHash) != event.hash {
                    report.record(
                        .init(
                            position: event.position, stream: event.stream, kind: .hashMismatch,
                            detail: "its content does not match its hash: the row was changed after it was written"))
                }
                visit?(event)
                if let slot { versions.values[slot] = event.version } else { versions[event.stream] = event.version }
                previousHash = event.hash
                report.lastHash = event.hash
                expectedPosition = event.position + 1
            }
            return report
        }
    }

    /// The storage class of every column of the row at `position`, for a fault's detail.
    private func columnTypes(at position: Int64) throws -> [String] {
        let statement = try database.cachedStatement(
            """
            SELECT typeof(position), typeof(stream), typeof(version), typeof(event_id), typeof(type),
                   typeof(schema_version), typeof(payload), typeof(metadata), typeof(recorded_at),
                   typeof(previous_hash), typeof(hash)
            FROM events WHERE position = ?
            """)
        return try statement.firstRow([.integer(position)]) { row in (0..<11).map { row.text(Int32($0)) } } ?? []
    }
}
