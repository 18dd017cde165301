/// One line of a contract's history.
public struct HistoryRow: Sendable, Hashable, Codable {
    public var version: Int
    public var position: Int
    public var type: String
    public var summary: String
    public var recordedAt: String
    public var actor: String?
    public var syncRun: Int?
}
