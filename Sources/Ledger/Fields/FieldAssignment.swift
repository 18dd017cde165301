import Foundation

/// One `FIELD=VALUE` a user asked for, checked against the field catalogue.
public struct FieldAssignment: Hashable, Sendable, CustomStringConvertible {
    /// The field to set.
    public let field: FieldName
    /// The new value (``FieldValue/empty`` clears the field).
    public let value: FieldValue

    /// Checks a typed value against the field's kind and rules.
    ///
    /// Text values go through the same checks as parsed ones (length, control characters);
    /// required fields cannot be cleared.
    public init(field: FieldName, value: FieldValue) throws(LedgerError) {
        guard value.fits(field.kind) else {
            throw LedgerError(.invalidValue, "\(field): \(value.summaryText) is not a \(field.kind)")
        }
        var checkedValue = value
        switch value {
        case .empty where field.isRequired:
            throw LedgerError(.requiredField, "\(field): a value is required and cannot be cleared")
        case .text(let text):
            guard case .text(let maxLength) = field.kind else { break }
            checkedValue = .text(try TextRules.checked(text, field: field, maxLength: maxLength))
            if checkedValue == .text("") && field.isRequired {
                throw LedgerError(.requiredField, "\(field): a value is required and cannot be cleared")
            } else if checkedValue == .text("") {
                checkedValue = .empty
            }
        case .list(let items):
            checkedValue = try FieldValue.parse(items.joined(separator: ","), for: field)
            if checkedValue.list?.count != items.count {
                throw LedgerError(.invalidValue, "\(field): items must be non-empty, distinct and free of commas")
            }
        case .integer(let number):
            guard case .integer(let range) = field.kind, !range.contains(number) else { break }
            throw LedgerError(
                .invalidValue,
                "\(field): \(number) is out of range; use "
                    + "\(LedgerFormat.grouped(range.lowerBound)) to \(LedgerFormat.grouped(range.upperBound))")
        case .money(let amount) where amount < 0:
            throw LedgerError(.invalidValue, "\(field): \(value) is negative; amounts must be zero or more")
        default:
            break
        }
        self.field = field
        self.value = checkedValue
    }

    /// Parses `FIELD=VALUE` as typed after `--set`, such as `endDate=2026-12-31` or `notes=-`.
    ///
    /// The field name is matched case-insensitively; everything after the first `=` is the value
    /// (see ``FieldValue/parse(_:for:)``). Errors are one line and name the problem precisely.
    public static func parse(_ text: String) throws(LedgerError) -> FieldAssignment {
        guard let equals = text.firstIndex(of: "=") else {
            throw LedgerError(
                .malformedAssignment,
                "\(LedgerFormat.quoted(text, limit: 40)) has no '='; use FIELD=VALUE, e.g. endDate=2026-12-31")
        }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            throw LedgerError(
                .malformedAssignment, "missing field name before '='; use FIELD=VALUE, e.g. endDate=2026-12-31")
        }
        guard let field = FieldName.named(name) else {
            throw LedgerError(
                .unknownField,
                "unknown field \(LedgerFormat.quoted(name, limit: 40)); known fields: "
                    + FieldName.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let value = try FieldValue.parse(String(text[text.index(after: equals)...]), for: field)
        return FieldAssignment(checked: field, value)
    }

    /// Parses several `FIELD=VALUE` texts, refusing a field named twice.
    public static func parse(all texts: [String]) throws(LedgerError) -> [FieldAssignment] {
        var result: [FieldAssignment] = []
        for text in texts {
            let assignment = try parse(text)
            if result.contains(where: { $0.field == assignment.field }) {
                throw LedgerError(.duplicateField, "\(assignment.field) is set twice; set each field once")
            }
            result.append(assignment)
        }
        return result
    }

    /// `field=value`, as typed.
    public var description: String { "\(field)=\(value)" }

    private init(checked field: FieldName, _ value: FieldValue) {
        self.field = field
        self.value = value
    }
}
