import ContractsCore
import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into a clean stop of a long command: the first asks it to stop between steps
/// and cancels its Autotask requests; a second one ends the process at once.
final class SignalTrap: @unchecked Sendable {
    /// What the command reads to know it was asked to stop.
    let interruption = Interruption()
    private let queue = DispatchQueue(label: "contracts.signals")
    private var sources: [any DispatchSourceSignal] = []
    private let lock = NSLock()
    private var cancel: (@Sendable () -> Void)?

    /// Starts catching SIGINT and SIGTERM (until ``release()``).
    init() {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.caught(name) }
            source.resume()
            sources.append(source)
        }
    }

    /// Runs `body` in a task that a signal cancels, and returns its result; an error after a signal becomes
    /// an ``ExitStatus/interrupted`` error saying `stopped` (such as "nothing was imported").
    func run<T: Sendable>(
        _ what: String, stopped: String, _ body: sending @escaping () async throws -> T
    ) async throws -> T {
        let work = Task { try await body() }
        lock.withLock { cancel = { work.cancel() } }
        defer { lock.withLock { cancel = nil } }
        if interruption.signal != nil { work.cancel() }
        do {
            return try await work.value
        } catch {
            guard let signal = interruption.signal else { throw error }
            throw CLIError(.interrupted, "\(what) stopped by \(signal); \(stopped)")
        }
    }

    private func caught(_ name: String) {
        if interruption.signal != nil {
            // A second signal: the user does not want to wait for the clean stop.
            FileHandle.standardError.write(Data("\ncontracts: stopped by a second \(name)\n".utf8))
            Foundation.exit(ExitStatus.interrupted.rawValue)
        }
        interruption.interrupt(by: name)
        lock.withLock { cancel }?()
    }

    /// Restores the default handling of the signals.
    func release() {
        for source in sources { source.cancel() }
        sources = []
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    deinit { release() }
}
