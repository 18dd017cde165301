import Foundation

/// What `contracts rebuild` found and did.
public struct RebuildReport: Sendable {
    /// The log position the projections were rebuilt through.
    public var throughPosition: Int
    /// The rows that differed from the log's fold and were repaired, one line each (at most 1,000).
    public var repaired: [String]
    /// The position of the `ProjectionsRebuilt` event recorded, or nil when nothing needed repair.
    public var recordedAt: Int?
}
