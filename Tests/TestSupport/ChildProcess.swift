import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs an executable with its output in files, waiting without blocking a thread, so a server that
/// serves the child (such as an in-process sandbox) keeps running in this process.
public enum ChildProcess {
    /// How the child ended and where its output is.
    public struct Ending: Sendable {
        /// The exit status, or the signal when `signaled`.
        public var status: Int32
        /// True when a signal ended it.
        public var signaled: Bool
        /// True when the timeout passed and the child was killed.
        public var timedOut: Bool
        /// The files holding standard output and standard error (the caller removes them).
        public var stdoutURL: URL
        public var stderrURL: URL

        /// The standard output as text.
        public func stdout() throws -> String { String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self) }
        /// The standard error as text.
        public func stderr() throws -> String { String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self) }
    }

    /// Runs `executable` with no standard input, writing its output into new files in `folder`; kills it
    /// with SIGKILL after `killAfter`, or when `timeout` passes (then `timedOut` is true).
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String], folder: URL,
        timeout: Duration? = nil, killAfter: Duration? = nil
    ) async throws -> Ending {
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
        let watchdog = timeout.map { limit in
            Task { () -> Bool in
                do { try await Task.sleep(for: limit) } catch { return false }
                kill(pid, SIGKILL)
                return true
            }
        }
        for await _ in exited.stream { break }
        killer?.cancel()
        watchdog?.cancel()
        let timedOut = await watchdog?.value ?? false
        try out.close()
        try err.close()
        return Ending(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut, stdoutURL: outURL, stderrURL: errURL)
    }
}
