/// Where a running sync stands, for a progress line.
public struct SyncProgress: Sendable, Hashable {
    /// The run number.
    public var run: Int
    /// Contracts checked so far.
    public var checked: Int
    /// Contracts to check.
    public var total: Int
    /// HTTP requests made so far.
    public var requests: Int
    /// Time since the run started, by the store's clock.
    public var elapsedMilliseconds: Int
}
