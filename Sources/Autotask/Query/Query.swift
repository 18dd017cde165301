import Foundation

/// An Autotask query: a filter, the fields to return, and the page size.
///
/// Encodes to the `QueryModel` body, `{"filter":[...],"includeFields":[...],"maxRecords":n}`, which is also
/// the JSON of a GET query's `search=` parameter.
public struct Query: Sendable, Hashable, Encodable {
    /// The conditions, all of which must match (an implicit AND). Empty means every record.
    public var filter: [QueryFilter]
    /// The fields to return; `id` is always added. `nil` returns every field.
    public var includeFields: [String]?
    /// The page size, 1 to 500 (Autotask's default and maximum is 500). Every page is followed regardless.
    public var maxRecords: Int?

    /// Creates a query.
    public init(filter: [QueryFilter] = [], includeFields: [String]? = nil, maxRecords: Int? = nil) {
        self.filter = filter
        self.includeFields = includeFields
        self.maxRecords = maxRecords
    }

    /// Creates a query from conditions that must all match.
    public init(_ conditions: QueryFilter..., includeFields: [String]? = nil, maxRecords: Int? = nil) {
        self.init(filter: conditions, includeFields: includeFields, maxRecords: maxRecords)
    }

    /// Every record: `{"op":"gte","field":"id","value":0}`.
    public static var all: Query { Query() }

    /// The filter sent when ``filter`` is empty, since Autotask expects at least one condition.
    static let everything = QueryFilter.gte("id", 0)

    private enum CodingKeys: String, CodingKey {
        case filter, includeFields, maxRecords
    }

    /// Encodes the wire form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(filter.isEmpty ? [Self.everything] : filter, forKey: .filter)
        if let includeFields {
            var fields = includeFields
            if !fields.contains(where: { $0.caseInsensitiveCompare("id") == .orderedSame }) {
                fields.insert("id", at: 0)
            }
            try container.encode(fields, forKey: .includeFields)
        }
        if let maxRecords {
            try container.encode(min(max(maxRecords, 1), 500), forKey: .maxRecords)
        }
    }

    /// The body of a query, with keys sorted so that equal queries give equal bytes.
    func jsonBody() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }

    /// The body of a count: the filter alone.
    func countBody() throws -> [UInt8] {
        try Query(filter: filter).jsonBody()
    }
}
