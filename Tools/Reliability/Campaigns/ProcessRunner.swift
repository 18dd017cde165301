import Foundation

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
    /// A clean refusal: a non-zero code below 5 and exactly one `error:` line on stderr.
    var isCleanFailure: Bool {
        let lines = stderr.split(whereSeparator: \.isNewline)
        return !signaled && (1...4).contains(status) && lines.count == 1 && stderr.hasPrefix("error: ")
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
        let id = UUID().uuidString
        let outURL = folder.appendingPathComponent("out-\(id)")
        let errURL = folder.appendingPathComponent("err-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let exited = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in
            exited.continuation.yield()
            exited.continuation.finish()
        }
        try process.run()
        let pid = process.processIdentifier
        let killer = killAfter.map { delay in
            Task {
                try await Task.sleep(for: delay)
                kill(pid, SIGKILL)
            }
        }
        let watchdog = Task { () -> Bool in
            do { try await Task.sleep(for: timeout) } catch { return false }
            kill(pid, SIGKILL)
            return true
        }
        for await _ in exited.stream { break }
        killer?.cancel()
        watchdog.cancel()
        let timedOut = await watchdog.value
        try out.close()
        try err.close()
        return ProcessOutcome(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
