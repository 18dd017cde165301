import Ledger

/// A sync fetch that failed, with the stage it failed at and the fetches completed before it.
public struct SyncFetchError: Error, CustomStringConvertible {
    /// Such as ``SyncStage/fetchContracts``.
    public var stage: SyncStage
    /// The error, in one line (the client never puts the secret in a message).
    public var reason: String
    /// The fetches completed before the failure.
    public var completed: [SyncFetched]

    public var description: String { "\(stage): \(reason)" }
}
