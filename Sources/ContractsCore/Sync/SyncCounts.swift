/// What a sync run counted: the contracts it checked, how each came out, and those it could not check.
public struct SyncCounts: Sendable, Hashable {
    /// Contracts reconciled with what Autotask returned.
    public var checked = 0
    /// Checked contracts that gained events.
    public var changed = 0
    /// Checked contracts that gained none.
    public var unchanged = 0
    /// Checked contracts missing in Autotask after the run.
    public var missing = 0
    /// Contracts that could not be checked (each has a `SyncContractFailed` event).
    public var failed = 0

    /// No contracts yet.
    public init() {}

    /// Adds another batch's counts.
    public static func += (lhs: inout SyncCounts, rhs: SyncCounts) {
        lhs.checked += rhs.checked
        lhs.changed += rhs.changed
        lhs.unchanged += rhs.unchanged
        lhs.missing += rhs.missing
        lhs.failed += rhs.failed
    }
}
