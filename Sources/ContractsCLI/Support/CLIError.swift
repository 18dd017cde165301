import Foundation

/// The exit statuses of `contracts`, as listed in its `--help`.
enum ExitStatus: Int32, Sendable {
    /// The command succeeded.
    case ok = 0
    /// A ledger rule refused the command.
    case refused = 1
    /// Bad input or usage.
    case badInput = 2
    /// A problem with the ledger file.
    case ledgerProblem = 3
    /// Autotask could not answer.
    case autotaskProblem = 4
    /// Something unexpected.
    case unexpected = 5
    /// The disk holding the ledger is full; nothing was recorded.
    case diskFull = 6
}

/// An error the CLI raises itself: a status and a one-line message that says what to do.
struct CLIError: Error, Sendable, CustomStringConvertible {
    var status: ExitStatus
    var message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { message }
}
