/// An error of the event log: a refused file, a version conflict, a conflicting retry, or SQLite itself.
///
/// Messages name streams, versions, positions and paths, never payloads or bound values.
public struct EventLogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, as an open set of codes.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The file is not a ledger (not SQLite, or SQLite without the ledger's marks).
        public static let notALedger = Code(rawValue: "not-a-ledger")
        /// The file is shorter than its header says, or SQLite reports it damaged.
        public static let damaged = Code(rawValue: "damaged")
        /// The file was written by a newer version of this software.
        public static let newerSchema = Code(rawValue: "newer-schema")
        /// There is no file at the path and creation was not asked for.
        public static let missing = Code(rawValue: "missing")
        /// The path is a folder or otherwise cannot be opened.
        public static let cannotOpen = Code(rawValue: "cannot-open")
        /// The stream's version is not the expected one.
        public static let versionConflict = Code(rawValue: "version-conflict")
        /// An event id is already stored with different content.
        public static let idempotencyConflict = Code(rawValue: "idempotency-conflict")
        /// Another process holds the ledger's write lock past the busy timeout.
        public static let busy = Code(rawValue: "busy")
        /// The disk holding the ledger is full: the change was not recorded, and the ledger is intact.
        public static let diskFull = Code(rawValue: "disk-full")
        /// The system clock reads a time outside the sane range; nothing is recorded.
        public static let badClock = Code(rawValue: "bad-clock")
        /// The ledger was opened read-only.
        public static let readOnly = Code(rawValue: "read-only")
        /// An argument is invalid (an empty stream name, an empty batch, malformed JSON).
        public static let invalidArgument = Code(rawValue: "invalid-argument")
    }

    /// The kind of error.
    public let code: Code
    /// A one-line message a person can act on.
    public let message: String
    /// For a version conflict: the stream, the expected and the actual version.
    public let stream: String?
    public let expectedVersion: ExpectedVersion?
    public let actualVersion: Int64?

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, stream: String? = nil, expectedVersion: ExpectedVersion? = nil,
        actualVersion: Int64? = nil
    ) {
        self.code = code
        self.message = message
        self.stream = stream
        self.expectedVersion = expectedVersion
        self.actualVersion = actualVersion
    }

    public var description: String { message }

    static func versionConflict(stream: String, expected: ExpectedVersion, actual: Int64) -> EventLogError {
        let actualText = actual == 0 ? "the stream does not exist" : "its version is \(actual)"
        return EventLogError(
            .versionConflict,
            "version conflict on stream '\(stream)': expected \(expected), but \(actualText)",
            stream: stream, expectedVersion: expected, actualVersion: actual)
    }

    static func diskFull(path: String) -> EventLogError {
        EventLogError(
            .diskFull,
            "disk full: the disk holding \(path) has no room, so nothing was recorded and the ledger is intact; "
                + "free some space and try again")
    }

    static func cannotWrite(path: String) -> EventLogError {
        EventLogError(
            .readOnly,
            "the ledger at \(path) cannot be written: the file, its folder or its disk is read-only for this user; "
                + "queries still work, and changes need a user who can write it")
    }

    static func busy(path: String) -> EventLogError {
        EventLogError(
            .busy, "the ledger at \(path) is busy: another process kept it locked past the busy timeout; try again")
    }
}
