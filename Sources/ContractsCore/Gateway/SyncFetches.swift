import Ledger

/// The fetches a sync has completed so far, and the stages that make them.
///
/// Each stage runs through ``record(_:_:)`` or ``run(_:_:)``: what it fetched is recorded when it completes, and an error
/// becomes a ``SyncFetchError`` naming the stage and carrying every fetch completed before it.
struct SyncFetches {
    /// One query's items and the fetch event that records it.
    struct Fetched<Item> {
        var items: [Item]
        var event: SyncFetched
    }

    /// The fetches completed, in order.
    private(set) var completed: [SyncFetched] = []

    /// Runs a stage that makes one recorded fetch, and returns its items.
    mutating func record<Item>(_ stage: SyncStage, _ body: () async throws -> Fetched<Item>) async throws -> [Item] {
        let fetched = try await run(stage, body)
        completed.append(fetched.event)
        return fetched.items
    }

    /// Runs a stage that records no fetch of its own.
    @discardableResult
    func run<Value>(_ stage: SyncStage, _ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch {
            throw SyncFetchError(stage: stage, reason: AutotaskGateway.oneLine(error), completed: completed)
        }
    }
}
