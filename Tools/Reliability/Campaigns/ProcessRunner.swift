import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// How one process ended and what it printed.
struct ProcessOutcome: Sendable, CustomStringConvertible {
    var status: Int32
    /// True when a signal ended it (`status` is then the signal).
    var signaled: Bool
    /// True when the watchdog had to kill it.
    var timedOut: Bool
    var stdout: String
    var stderr: String

    var killedBySIGKILL: Bool { signaled && status == SIGKILL && !timedOut }
    var succeeded: Bool { !signaled && status == 0 }
    /// A clean refusal: a documented non-zero code (1 to 4, or 6 for a full disk) and exactly one `error:`
    /// line on stderr.
    var isCleanFailure: Bool {
        let lines = stderr.split(whereSeparator: \.isNewline)
        return !signaled && [1, 2, 3, 4, 6].contains(status) && lines.count == 1 && stderr.hasPrefix("error: ")
    }

    var description: String {
        let end = signaled ? "signal \(status)" : "exit \(status)"
        let stdoutTail = String(stdout.suffix(300))
        return "\(end)\(timedOut ? " (timed out)" : ""); stderr: \(stderr.prefix(300)); stdout: …\(stdoutTail)"
    }
}

/// Runs executables with output in files (kept, for the secret scan), a watchdog, and an optional SIGKILL.
///
/// Waiting never blocks a thread, so a sandbox serving the process can run in this one.
struct ProcessRunner: Sendable {
    let folder: URL
    let environment: [String: String]

    func run(
        _ executable: URL, _ arguments: [String], timeout: Duration = .seconds(90), killAfter: Duration? = nil
    ) async throws -> ProcessOutcome {
        let ending = try await ChildProcess.run(
            executable, arguments, environment: environment, folder: folder, timeout: timeout, killAfter: killAfter)
        return ProcessOutcome(
            status: ending.status, signaled: ending.signaled, timedOut: ending.timedOut, stdout: try ending.stdout(),
            stderr: try ending.stderr())
    }
}
