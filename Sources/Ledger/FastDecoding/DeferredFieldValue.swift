import Foundation

/// A field value whose field may not be known yet when the reader reaches it.
///
/// Canonical payloads name the field (`"field"`) before its values (`"from"`, `"to"`), so the
/// value is read at once; in any other key order the value is skipped and read again once the
/// field is known.
struct DeferredFieldValue {
    private var read: FieldValue?
    private var saved: JSONReader?

    /// Nothing read yet: a value never met is ``FieldValue/empty``.
    init() {}

    /// Reads the value for `field`, or skips it (remembering where it is) while `field` is nil.
    mutating func read(_ reader: inout JSONReader, field: FieldName?) -> Bool {
        guard let field else {
            saved = reader
            return reader.skipValue()
        }
        read = reader.readFieldValue(for: field)
        return read != nil
    }

    /// The value of `field`: what was read, what was skipped read now, or empty when never met.
    func value(for field: FieldName) -> FieldValue? {
        if let read { return read }
        guard var reader = saved else { return .empty }
        return reader.readFieldValue(for: field)
    }
}
