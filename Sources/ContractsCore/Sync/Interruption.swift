import Synchronization

/// A request to stop a long command cleanly, set from a signal handler and read by the command between steps.
///
/// A sync checks it after its fetches and between its write batches: once set, the run records
/// `SyncInterrupted` naming the signal and returns without starting another batch, so nothing is half-applied.
public final class Interruption: Sendable {
    private let state = Mutex<String?>(nil)

    /// Makes a request that has not been made yet.
    public init() {}

    /// The signal that asked to stop, such as `SIGINT`; nil while nobody has asked.
    public var signal: String? { state.withLock { $0 } }

    /// Asks to stop; the first signal is the one recorded.
    public func interrupt(by signal: String) {
        state.withLock { current in
            if current == nil { current = signal }
        }
    }
}
