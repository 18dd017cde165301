/// Turns the JSON `filter` of a query into a `Condition`, with Autotask's checks and messages.
struct FilterParser {
    let schema: EntitySchema
    let faithfulQuirks: Bool
    private var udfNames: Set<String> = []

    static let orLimitMessage = "Invalid query syntax. Queries are limited to 500 or fewer 'OR' conditions."

    init(schema: EntitySchema, faithfulQuirks: Bool) {
        self.schema = schema
        self.faithfulQuirks = faithfulQuirks
    }

    /// Parses a top-level filter (an array is an implicit AND; a single object is accepted too).
    mutating func parse(_ filter: JSONValue?) throws(QueryError) -> Condition {
        guard let filter, filter != .null else { return .always }
        if let items = filter.arrayValue {
            return .all(try items.map { (item) throws(QueryError) in try condition(item) })
        }
        return try condition(filter)
    }

    private mutating func condition(_ json: JSONValue) throws(QueryError) -> Condition {
        guard json.objectMembers != nil else {
            throw QueryError(message: "Invalid filter: a condition must be an object.")
        }
        guard let opName = json["op"]?.text else {
            throw QueryError(message: "Invalid filter: a condition needs an 'op'.")
        }
        guard let op = FilterOperator(name: opName) else {
            if faithfulQuirks { return .always }
            throw QueryError(message: "Invalid filter: unknown operator '\(opName)'.")
        }
        if op == .and || op == .or {
            let items = json["items"]?.arrayValue ?? []
            let children = try items.map { (item) throws(QueryError) in try condition(item) }
            if op == .or, Self.leafCount(children) > 500 { throw QueryError(message: Self.orLimitMessage) }
            return op == .and ? .all(children) : .any(children)
        }
        guard let fieldName = json["field"]?.text, !fieldName.isEmpty else {
            throw QueryError(message: "Invalid filter: the '\(opName)' condition needs a 'field'.")
        }
        let isUDF = json["udf"].map { Lenient.bool($0) ?? false } ?? false
        let index: Int
        let type: FieldType
        if isUDF {
            guard let found = schema.udfIndex(fieldName) else { throw unknownField(fieldName) }
            index = found
            type = schema.udfs[found - schema.fields.count].type
            udfNames.insert(fieldName.lowercased())
            if udfNames.count > 1 {
                throw QueryError(message: "You can only query by one user-defined field at a time.")
            }
        } else {
            guard let found = schema.fieldIndex(fieldName) else { throw unknownField(fieldName) }
            index = found
            type = schema.fields[found].type
        }
        var test = FilterTest(index: index, type: type, op: op)
        let value = json["value"]
        switch op {
        case .exist, .notExist:
            break
        case .beginsWith, .endsWith, .contains:
            guard let text = value?.text else { throw invalidValue(value, fieldName) }
            test.pattern = text.lowercased()
        case .in, .notIn:
            let list = value?.arrayValue ?? (value.map { [$0] } ?? [])
            if list.count > 500 { throw QueryError(message: Self.orLimitMessage) }
            for element in list {
                guard let scalar = Self.scalar(element, type: type) else { throw invalidValue(element, fieldName) }
                test.values.insert(scalar)
            }
        default:
            guard let value, let scalar = Self.scalar(value, type: type) else { throw invalidValue(value, fieldName) }
            test.value = scalar
        }
        return .test(test)
    }

    private func unknownField(_ name: String) -> QueryError {
        QueryError(message: "Unable to find \(name) in the \(schema.kind.singularName) Entity")
    }

    private func invalidValue(_ value: JSONValue?, _ field: String) -> QueryError {
        QueryError(message: "Invalid filter value \(value?.serialized ?? "(none)") for field \(field).")
    }

    private static func leafCount(_ conditions: [Condition]) -> Int {
        conditions.reduce(0) { total, condition in
            switch condition {
            case .always: return total
            case .all(let children), .any(let children): return total + leafCount(children)
            case .test(let test): return total + max(1, test.values.count)
            }
        }
    }

    /// A JSON filter value as a scalar of `type`, read leniently (numbers as strings, booleans as 1 or "true").
    static func scalar(_ value: JSONValue, type: FieldType) -> Scalar? {
        switch type {
        case .integer, .long, .double:
            return Lenient.double(value).map(Scalar.number)
        case .boolean:
            return Lenient.bool(value).map(Scalar.bool)
        case .datetime:
            return value.text.flatMap(Timestamp.parse).map(Scalar.time)
        case .string:
            return value.text.map { .text($0.lowercased()) }
        }
    }
}

/// Lenient readings of JSON values, as Autotask accepts them.
enum Lenient {
    static func bool(_ value: JSONValue) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .int(let number): return number == 0 ? false : (number == 1 ? true : nil)
        case .double(let number): return number == 0 ? false : (number == 1 ? true : nil)
        case .string(let text):
            switch text.lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: return nil
            }
        default: return nil
        }
    }

    static func double(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let number): return Double(number)
        case .double(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        case .string(let text): return Double(text.trimmingSpaces)
        default: return nil
        }
    }

    static func int(_ value: JSONValue) -> Int64? {
        switch value {
        case .int(let number): return number
        case .double(let number): return number.rounded() == number ? Int64(exactly: number) : nil
        case .string(let text): return Int64(text.trimmingSpaces)
        default: return nil
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
