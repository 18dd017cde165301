/// The tenant's hourly request threshold and its use (`/ThresholdInformation`).
public struct ThresholdInformation: Sendable, Hashable, Codable {
    /// The most requests allowed in the time frame (10,000 by default).
    public var externalRequestThreshold: Int
    /// The time frame in minutes (60).
    public var requestThresholdTimeframe: Int
    /// The requests already made in the current time frame, by every integration of the tenant.
    public var currentTimeframeRequestCount: Int

    /// Creates a value.
    public init(externalRequestThreshold: Int, requestThresholdTimeframe: Int, currentTimeframeRequestCount: Int) {
        self.externalRequestThreshold = externalRequestThreshold
        self.requestThresholdTimeframe = requestThresholdTimeframe
        self.currentTimeframeRequestCount = currentTimeframeRequestCount
    }

    /// Decodes leniently; missing limits fall back to 10,000 requests per 60 minutes.
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        externalRequestThreshold = object.int("externalRequestThreshold") ?? 10_000
        requestThresholdTimeframe = object.int("requestThresholdTimeframe") ?? 60
        guard let count = object.int("currentTimeframeRequestCount") else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "missing currentTimeframeRequestCount"
                )
            )
        }
        currentTimeframeRequestCount = count
    }

    /// The requests left in the current time frame.
    public var remaining: Int { max(0, externalRequestThreshold - currentTimeframeRequestCount) }
}
