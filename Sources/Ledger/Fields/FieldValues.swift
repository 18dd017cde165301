import Foundation

/// The values of a contract's fields; a field that is not present is ``FieldValue/empty``.
///
/// It never stores an empty value, so two sets of values are equal when every field has the same
/// value. It iterates in catalogue order and encodes as a JSON object keyed by field name, each
/// value in its field's natural form (`{"endDate":"2026-12-31","price":"1200.5","units":5}`).
public struct FieldValues: Hashable, Sendable, Sequence, Codable, ExpressibleByDictionaryLiteral {
    /// One slot per field of the catalogue, by ``FieldName/ordinal``: reading or setting a field is an
    /// array access, which matters when a rebuild folds a million field changes.
    private var storage: [FieldValue]

    /// No values.
    public init() {
        storage = Array(repeating: .empty, count: FieldName.allCases.count)
    }

    /// Values from a dictionary; empty values are dropped.
    ///
    /// Every value must fit its field's kind (``FieldValue/fits(_:)``); a misfit is a programming error.
    public init(_ values: [FieldName: FieldValue]) {
        self.init()
        for (field, value) in values {
            precondition(value.fits(field.kind), "\(field) cannot hold \(value.summaryText)")
            storage[field.ordinal] = value
        }
    }

    /// Values from a literal such as `[.name: .text("Backup"), .units: .integer(5)]`.
    public init(dictionaryLiteral elements: (FieldName, FieldValue)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The value of a field; setting ``FieldValue/empty`` removes it.
    ///
    /// A value set must fit the field's kind (``FieldValue/fits(_:)``); a misfit is a programming error.
    public subscript(field: FieldName) -> FieldValue {
        get { storage[field.ordinal] }
        set {
            precondition(newValue.fits(field.kind), "\(field) cannot hold \(newValue.summaryText)")
            storage[field.ordinal] = newValue
        }
    }

    /// The fields that have a value, in catalogue order.
    public var fields: [FieldName] { FieldName.allCases.filter { !storage[$0.ordinal].isEmpty } }

    /// Whether no field has a value.
    public var isEmpty: Bool { storage.allSatisfy(\.isEmpty) }

    /// The number of fields that have a value.
    public var count: Int { storage.count { !$0.isEmpty } }

    /// The non-empty values keyed by field.
    public var dictionary: [FieldName: FieldValue] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0, storage[$0.ordinal]) })
    }

    /// Only the given fields' values.
    public func restricted(to fields: some Sequence<FieldName>) -> FieldValues {
        var result = FieldValues()
        for field in fields { result[field] = self[field] }
        return result
    }

    /// The (field, value) pairs with a value, in catalogue order.
    public func makeIterator() -> IndexingIterator<[(field: FieldName, value: FieldValue)]> {
        fields.map { (field: $0, value: storage[$0.ordinal]) }.makeIterator()
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var values: [FieldName: FieldValue] = [:]
        for key in container.allKeys {
            guard let field = FieldName(rawValue: key.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "unknown field '\(key.stringValue)'")
            }
            values[field] = try container.decodeFieldValue(for: field, forKey: key)
        }
        self.init(values)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (field, value) in self {
            try container.encodeFieldValue(value, forKey: AnyCodingKey(field.rawValue))
        }
    }
}
