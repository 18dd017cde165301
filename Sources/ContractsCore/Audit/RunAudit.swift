import Projections

/// The audit of one sync run: what the run recorded, and per contract what changed.
public struct RunAudit: Sendable, Codable, Hashable {
    /// One contract event the run wrote.
    public struct Change: Sendable, Codable, Hashable {
        public var position: Int64
        public var type: String
        public var summary: String
    }

    /// The run as the rebuilt `sync_runs` table has it.
    public var run: SyncRunRow
    /// The run's fetches, in one line each.
    public var fetches: [String]
    /// Contracts the run could not check, with the reason.
    public var contractFailures: [String]
    /// Per contract id, the events the run wrote.
    public var contracts: [String: [Change]]
}
