/// One stored field value of a record.
enum FieldValue: Sendable, Equatable {
    case null
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case string(String)
    /// Milliseconds since 1970 (UTC); `zulu` says whether the wire form ends with `Z`.
    case date(Int64, zulu: Bool)

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    var intValue: Int64? {
        switch self {
        case .int(let value): return value
        case .double(let value): return value.isFinite ? Int64(value) : nil
        default: return nil
        }
    }

    var doubleValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    var dateMillis: Int64? {
        if case .date(let millis, _) = self { return millis }
        return nil
    }

    /// The wire text of the value (`nil` for null), as a UDF value or a change report shows it.
    var wireText: String? {
        switch self {
        case .null: return nil
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .string(let value): return value
        case .date(let millis, let zulu): return Timestamp.format(millis: millis, zulu: zulu)
        }
    }

    /// Writes the value as JSON.
    func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.raw("null")
        case .int(let value): writer.raw(String(value))
        case .double(let value): writer.double(value)
        case .bool(let value): writer.raw(value ? "true" : "false")
        case .string(let value): writer.string(value)
        case .date(let millis, let zulu): writer.string(Timestamp.format(millis: millis, zulu: zulu))
        }
    }

    var json: JSONValue {
        switch self {
        case .null: return .null
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .bool(let value): return .bool(value)
        case .string(let value): return .string(value)
        case .date(let millis, let zulu): return .string(Timestamp.format(millis: millis, zulu: zulu))
        }
    }
}

/// A record: one value per schema field, then one per user-defined field.
typealias Row = [FieldValue]
