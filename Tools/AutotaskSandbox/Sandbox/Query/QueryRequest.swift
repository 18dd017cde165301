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

/// The position a page starts after, read from a `paging` token `{"pageSize":N,"previousIds":[...],"nextIds":[id]}`.
struct PagingToken: Sendable, Equatable {
    var pageSize: Int
    var previousIDs: [Int64]
    var after: Int64

    static func parse(_ text: String) -> PagingToken? {
        guard let json = try? JSONParser.parse(text), let size = json["pageSize"].flatMap(Lenient.int),
            (1...500).contains(size)
        else { return nil }
        let previous = (json["previousIds"]?.arrayValue ?? []).compactMap(Lenient.int)
        let after = json["nextIds"]?.arrayValue?.first.flatMap(Lenient.int) ?? -1
        return PagingToken(pageSize: Int(size), previousIDs: previous, after: after)
    }

    var serialized: String {
        JSONValue.object([
            JSONMember(key: "pageSize", value: .int(Int64(pageSize))),
            JSONMember(key: "previousIds", value: .array(previousIDs.map { .int($0) })),
            JSONMember(key: "nextIds", value: .array([.int(after)])),
        ]).serialized
    }
}

/// Writes records as Autotask items: flat camelCase objects, nulls present, `userDefinedFields` last.
struct ItemEncoder {
    let schema: EntitySchema
    let include: [Int]?
    private let keys: [String]

    init(schema: EntitySchema, include: [Int]?) {
        self.schema = schema
        self.include = include
        self.keys = schema.fields.map { field in
            var writer = JSONWriter(capacity: field.name.count + 3)
            writer.string(field.name)
            return writer.text + ":"
        }
    }

    func write(_ row: Row, to writer: inout JSONWriter) {
        writer.raw("{")
        if let include {
            for position in include {
                writer.raw(keys[position])
                row[position].write(to: &writer)
                writer.raw(",")
            }
        } else {
            for position in 0..<schema.fields.count {
                writer.raw(keys[position])
                row[position].write(to: &writer)
                writer.raw(",")
            }
        }
        writer.raw("\"userDefinedFields\":[")
        for (offset, udf) in schema.udfs.enumerated() {
            if offset > 0 { writer.raw(",") }
            writer.raw("{\"name\":")
            writer.string(udf.name)
            writer.raw(",\"value\":")
            if let text = row[schema.fields.count + offset].wireText {
                writer.string(text)
            } else {
                writer.raw("null")
            }
            writer.raw("}")
        }
        writer.raw("]}")
    }
}
