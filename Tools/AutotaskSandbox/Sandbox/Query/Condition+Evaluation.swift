extension Condition {
    /// Whether a record matches. A null value matches only `notExist`, as SQL comparisons with NULL do.
    func matches(_ row: Row) -> Bool {
        switch self {
        case .always: return true
        case .all(let children):
            for child in children where !child.matches(row) { return false }
            return true
        case .any(let children):
            if children.isEmpty { return true }
            for child in children where child.matches(row) { return true }
            return false
        case .test(let test): return test.matches(row)
        }
    }
}

extension FilterTest {
    func matches(_ row: Row) -> Bool {
        let stored = row[index]
        switch op {
        case .exist: return !stored.isNull
        case .notExist: return stored.isNull
        default: break
        }
        if stored.isNull { return false }
        switch op {
        case .beginsWith: return stored.wireText?.lowercased().hasPrefix(pattern) ?? false
        case .endsWith: return stored.wireText?.lowercased().hasSuffix(pattern) ?? false
        case .contains:
            guard let text = stored.wireText?.lowercased() else { return false }
            return pattern.isEmpty || text.contains(pattern)
        default: break
        }
        guard let scalar = Self.scalar(stored, type: type) else { return false }
        switch op {
        case .in: return values.contains(scalar)
        case .notIn: return !values.contains(scalar)
        default: break
        }
        guard let value, let order = scalar.compare(to: value) else { return false }
        switch op {
        case .eq: return order == 0
        case .noteq: return order != 0
        case .gt: return order > 0
        case .gte: return order >= 0
        case .lt: return order < 0
        case .lte: return order <= 0
        default: return false
        }
    }

    /// A stored value as a scalar of `type` (UDF values are stored as text and read by the UDF's type).
    static func scalar(_ stored: FieldValue, type: FieldType) -> Scalar? {
        switch stored {
        case .null: return nil
        case .int(let number): return type == .boolean ? .bool(number != 0) : .number(Double(number))
        case .double(let number): return .number(number)
        case .bool(let flag): return .bool(flag)
        case .date(let millis, _): return .time(millis)
        case .string(let text):
            switch type {
            case .integer, .long, .double: return Double(text).map(Scalar.number)
            case .datetime: return Timestamp.parse(text).map(Scalar.time)
            case .boolean: return Lenient.bool(.string(text)).map(Scalar.bool)
            case .string: return .text(text.lowercased())
            }
        }
    }
}
