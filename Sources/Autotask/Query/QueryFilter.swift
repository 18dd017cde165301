/// One condition or group of an Autotask query filter, encoding to the exact wire JSON.
///
/// Build conditions with the static functions, one per operator:
///
/// ```swift
/// let filter: [QueryFilter] = [
///     .eq("companyID", 42),
///     .or(.eq("status", 1), .gt("endDate", Date())),
///     .exist("NAV ID", udf: true),
/// ]
/// ```
///
/// A condition encodes as `{"op":"eq","field":"companyID","value":42}`; `"udf":true` is added for
/// user-defined fields; a group encodes as `{"op":"or","items":[...]}`. A query's top-level list is an
/// implicit AND.
public struct QueryFilter: Sendable, Hashable, Encodable {
    /// The operators of the filter grammar.
    public enum Operator: String, Sendable, Hashable, CaseIterable, Encodable {
        /// Equal.
        case eq
        /// Not equal.
        case noteq
        /// Greater than.
        case gt
        /// Greater than or equal.
        case gte
        /// Less than.
        case lt
        /// Less than or equal.
        case lte
        /// String starts with.
        case beginsWith
        /// String ends with.
        case endsWith
        /// String contains.
        case contains
        /// Not null (no value).
        case exist
        /// Null (no value).
        case notExist
        /// One of a list.
        case `in`
        /// None of a list.
        case notIn
        /// Every item matches (a group).
        case and
        /// Some item matches (a group).
        case or

        /// Whether the operator groups other conditions.
        public var isGroup: Bool { self == .and || self == .or }
    }

    /// The operator.
    public let op: Operator
    /// The field, for conditions (a UDF's label when ``udf``).
    public let field: String?
    /// The value, for conditions that take one.
    public let value: FilterValue?
    /// Whether ``field`` names a user-defined field.
    public let udf: Bool
    /// The sub-conditions of a group.
    public let items: [QueryFilter]

    private init(op: Operator, field: String?, value: FilterValue?, udf: Bool = false, items: [QueryFilter] = []) {
        self.op = op
        self.field = field
        self.value = value
        self.udf = udf
        self.items = items
    }

    private static func condition(
        _ op: Operator, _ field: String, _ value: FilterValue?, udf: Bool
    ) -> QueryFilter {
        QueryFilter(op: op, field: field, value: value, udf: udf)
    }

    /// `field` equals `value`.
    public static func eq(_ field: String, _ value: some FilterValueConvertible, udf: Bool = false) -> QueryFilter {
        condition(.eq, field, value.filterValue, udf: udf)
    }

    /// `field` differs from `value`.
    public static func noteq(_ field: String, _ value: some FilterValueConvertible, udf: Bool = false) -> QueryFilter {
        condition(.noteq, field, value.filterValue, udf: udf)
    }

    /// `field` is greater than `value`.
    public static func gt(_ field: String, _ value: some FilterValueConvertible, udf: Bool = false) -> QueryFilter {
        condition(.gt, field, value.filterValue, udf: udf)
    }

    /// `field` is greater than or equal to `value`.
    public static func gte(_ field: String, _ value: some FilterValueConvertible, udf: Bool = false) -> QueryFilter {
        condition(.gte, field, value.filterValue, udf: udf)
    }

    /// `field` is less than `value`.
    public static func lt(_ field: String, _ value: some FilterValueConvertible, udf: Bool = false) -> QueryFilter {
        condition(.lt, field, value.filterValue, udf: udf)
    }

    /// `field` is less than or equal to `value`.
    public static func lte(_ field: String, _ value: some FilterValueConvertible, udf: Bool = false) -> QueryFilter {
        condition(.lte, field, value.filterValue, udf: udf)
    }

    /// `field` starts with `value`.
    public static func beginsWith(_ field: String, _ value: String, udf: Bool = false) -> QueryFilter {
        condition(.beginsWith, field, .string(value), udf: udf)
    }

    /// `field` ends with `value`.
    public static func endsWith(_ field: String, _ value: String, udf: Bool = false) -> QueryFilter {
        condition(.endsWith, field, .string(value), udf: udf)
    }

    /// `field` contains `value`.
    public static func contains(_ field: String, _ value: String, udf: Bool = false) -> QueryFilter {
        condition(.contains, field, .string(value), udf: udf)
    }

    /// `field` is not null.
    public static func exist(_ field: String, udf: Bool = false) -> QueryFilter {
        condition(.exist, field, nil, udf: udf)
    }

    /// `field` is null.
    public static func notExist(_ field: String, udf: Bool = false) -> QueryFilter {
        condition(.notExist, field, nil, udf: udf)
    }

    /// `field` is one of `values`; a list longer than the client's limit is split into batches.
    public static func `in`<S: Sequence>(_ field: String, _ values: S, udf: Bool = false) -> QueryFilter
    where S.Element: FilterValueConvertible {
        condition(.in, field, .array(values.map(\.filterValue)), udf: udf)
    }

    /// `field` is none of `values`.
    public static func notIn<S: Sequence>(_ field: String, _ values: S, udf: Bool = false) -> QueryFilter
    where S.Element: FilterValueConvertible {
        condition(.notIn, field, .array(values.map(\.filterValue)), udf: udf)
    }

    /// Every item matches.
    public static func and(_ items: [QueryFilter]) -> QueryFilter {
        QueryFilter(op: .and, field: nil, value: nil, items: items)
    }

    /// Every item matches.
    public static func and(_ items: QueryFilter...) -> QueryFilter { and(items) }

    /// Some item matches.
    public static func or(_ items: [QueryFilter]) -> QueryFilter {
        QueryFilter(op: .or, field: nil, value: nil, items: items)
    }

    /// Some item matches.
    public static func or(_ items: QueryFilter...) -> QueryFilter { or(items) }

    /// A copy of this condition with another value (used to split `in` lists).
    func with(value: FilterValue) -> QueryFilter {
        QueryFilter(op: op, field: field, value: value, udf: udf, items: items)
    }

    /// A copy of this group with other items.
    func with(items: [QueryFilter]) -> QueryFilter {
        QueryFilter(op: op, field: field, value: value, udf: udf, items: items)
    }

    private enum CodingKeys: String, CodingKey {
        case op, field, value, udf, items
    }

    /// Encodes the wire form: `op`, then `field`, `value` and `udf` for conditions, `items` for groups.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(op, forKey: .op)
        if op.isGroup {
            try container.encode(items, forKey: .items)
            return
        }
        try container.encodeIfPresent(field, forKey: .field)
        try container.encodeIfPresent(value, forKey: .value)
        if udf { try container.encode(true, forKey: .udf) }
    }
}
