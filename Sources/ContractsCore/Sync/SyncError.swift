/// Why a sync could not start or finish, or why a run cannot be found.
public struct SyncError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of problem it is, so a caller can pick an exit status.
    public enum Code: String, Sendable, Hashable {
        /// Another sync holds the ledger's sync lock.
        case busy
        /// The sync lock file cannot be created or opened.
        case lockUnavailable
        /// A run started but failed; the ledger is consistent and the next run finishes the work.
        case runFailed
        /// No sync run has the number asked for.
        case unknownRun
    }

    /// The kind of problem.
    public var code: Code
    /// The message, for people: what happened and what to do.
    public var message: String

    /// Makes an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
