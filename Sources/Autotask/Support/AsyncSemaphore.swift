import Synchronization

/// A counting semaphore for tasks: at most `limit` holders at once, waiters served first come, first served.
///
/// Waiting is cancellable: a cancelled waiter leaves the queue and throws `CancellationError`.
final class AsyncSemaphore: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var available: Int
        var waiters: [Waiter] = []
        var cancelled: Set<UInt64> = []
        var nextID: UInt64 = 0
        var inFlight = 0
        var maxInFlight = 0

        mutating func enter() {
            inFlight += 1
            maxInFlight = max(maxInFlight, inFlight)
        }
    }

    private let state: Mutex<State>

    /// The number of holders allowed at once.
    let limit: Int

    init(limit: Int) {
        self.limit = limit
        state = Mutex(State(available: limit))
    }

    /// The most holders there ever were at once.
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    /// Waits for a permit.
    func acquire() async throws {
        let id: UInt64? = state.withLock { state in
            if state.available > 0, state.waiters.isEmpty {
                state.available -= 1
                state.enter()
                return nil
            }
            state.nextID += 1
            return state.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if state.available > 0, state.waiters.isEmpty {
                        state.available -= 1
                        state.enter()
                        return .success(())
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter: Waiter? = state.withLock { state in
                if let index = state.waiters.firstIndex(where: { $0.id == id }) {
                    return state.waiters.remove(at: index)
                }
                state.cancelled.insert(id)
                return nil
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
        state.withLock { _ = $0.cancelled.remove(id) }
    }

    /// Returns a permit, handing it to the first waiter if there is one.
    func release() {
        let waiter: Waiter? = state.withLock { state in
            state.inFlight -= 1
            if state.waiters.isEmpty {
                state.available += 1
                return nil
            }
            state.enter()
            return state.waiters.removeFirst()
        }
        waiter?.continuation.resume()
    }

    /// Runs `body` holding a permit.
    func withPermit<T>(_ body: () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await body()
    }
}
