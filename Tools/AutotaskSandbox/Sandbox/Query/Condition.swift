/// The 14 filter operators, matched case-insensitively.
enum FilterOperator: String, Sendable, CaseIterable {
    case eq, noteq, gt, gte, lt, lte, beginsWith, endsWith, contains, exist, notExist, `in`, notIn, and, or

    init?(name: String) {
        let lowered = name.lowercased()
        guard let found = FilterOperator.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else {
            return nil
        }
        self = found
    }
}

/// A filter value converted to the compared field's type.
enum Scalar: Sendable, Hashable {
    case number(Double)
    case text(String)
    case bool(Bool)
    case time(Int64)

    /// -1, 0 or 1; nil when the two are of different kinds.
    func compare(to other: Scalar) -> Int? {
        switch (self, other) {
        case (.number(let a), .number(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.time(let a), .time(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.text(let a), .text(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        default: return nil
        }
    }
}

/// One leaf condition: a field (or UDF) position, its type, the operator and the converted value(s).
struct FilterTest: Sendable {
    var index: Int
    var type: FieldType
    var op: FilterOperator
    var value: Scalar?
    var values: Set<Scalar> = []
    var pattern = ""
}

/// A parsed filter tree.
enum Condition: Sendable {
    /// Always true: an empty filter, or an unknown operator ignored as Autotask does.
    case always
    case all([Condition])
    case any([Condition])
    case test(FilterTest)
}
