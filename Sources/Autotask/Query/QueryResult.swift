/// The records of a query, every page followed, with what it cost.
public struct QueryResult<Item: Sendable>: Sendable {
    /// The records, in id order without duplicates.
    public var items: [Item]
    /// The pages, requests, retries and batches the query took.
    public var statistics: QueryStatistics

    /// Creates a result.
    public init(items: [Item], statistics: QueryStatistics) {
        self.items = items
        self.statistics = statistics
    }
}

extension QueryResult: Equatable where Item: Equatable {}
