import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A built executable started in the background, with its output in files, that a test can signal and wait for.
final class StartedProcess: @unchecked Sendable {
    let process = Process()
    let stdoutURL: URL
    let stderrURL: URL
    private let ended = AsyncStream<Void>.makeStream()

    /// Starts `product` (a built executable) with `arguments` and `environment`, output into files in `folder`.
    init(
        _ product: String, _ arguments: [String], environment: [String: String], folder: URL,
        standardInput: FileHandle = FileHandle.nullDevice
    ) throws {
        let id = UUID().uuidString
        stdoutURL = folder.appendingPathComponent("bg-out-\(id)")
        stderrURL = folder.appendingPathComponent("bg-err-\(id)")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = try BuiltProducts.executable(product)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = standardInput
        let continuation = ended.continuation
        process.terminationHandler = { _ in
            continuation.yield()
            continuation.finish()
        }
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: stdoutURL)
        try? FileManager.default.removeItem(at: stderrURL)
    }

    /// Standard output so far.
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    /// Standard error so far.
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits until standard output or error contains `text`; false after `timeout`.
    func waitForOutput(_ text: String, timeout: Duration = .seconds(60)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if stdout.contains(text) || stderr.contains(text) { return true }
            if !process.isRunning { return stdout.contains(text) || stderr.contains(text) }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Waits for the process to end; nil when it still runs after `timeout` (then it is killed).
    func waitForExit(timeout: Duration) async -> (status: Int32, signaled: Bool)? {
        let stream = ended.stream
        let watchdog = Task {
            do { try await Task.sleep(for: timeout) } catch { return false }
            return true
        }
        let finished = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in stream { break }
                return true
            }
            group.addTask { !(await watchdog.value) }
            let first = await group.next() ?? false
            group.cancelAll()
            watchdog.cancel()
            return first
        }
        let exited = finished ? await waitBriefly() : false
        guard exited else {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal)
    }

    private func waitBriefly() async -> Bool {
        for _ in 0..<20 where process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
        return !process.isRunning
    }
}
