/// A parsed query body (or `search` parameter): the filter, the page size and the fields to return.
struct QueryRequest: Sendable {
    var condition: Condition
    var pageSize: Int
    /// Field positions to return (always with `id`); nil returns every field.
    var include: [Int]?
    /// The search as compact JSON, repeated in `nextPageUrl`.
    var searchText: String

    /// Parses the JSON text of a query; an empty text is a query with no filter.
    static func parse(_ text: String?, schema: EntitySchema, faithfulQuirks: Bool) throws(QueryError) -> QueryRequest {
        let trimmed = text?.trimmingSpaces ?? ""
        guard !trimmed.isEmpty else {
            return QueryRequest(condition: .always, pageSize: 500, include: nil, searchText: "{}")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(trimmed)
        } catch {
            throw QueryError(message: "Unable to parse the query: the search is not valid JSON.")
        }
        guard json.objectMembers != nil else {
            throw QueryError(message: "Unable to parse the query: expected an object.")
        }
        var parser = FilterParser(schema: schema, faithfulQuirks: faithfulQuirks)
        let condition = try parser.parse(json["filter"])
        var pageSize = 500
        if let maxRecords = json["maxRecords"], maxRecords != .null {
            guard let value = Lenient.int(maxRecords), (1...500).contains(value) else {
                throw QueryError(message: "MaxRecords must be between 1 and 500.")
            }
            pageSize = Int(value)
        }
        var include: [Int]?
        if let fields = json["includeFields"]?.arrayValue, !fields.isEmpty {
            var positions: Set<Int> = [0]
            for field in fields {
                guard let name = field.text else { continue }
                guard let position = schema.fieldIndex(name) else {
                    throw QueryError(message: "Unable to find \(name) in the \(schema.kind.singularName) Entity")
                }
                positions.insert(position)
            }
            include = positions.sorted()
        }
        return QueryRequest(condition: condition, pageSize: pageSize, include: include, searchText: json.serialized)
    }
}
