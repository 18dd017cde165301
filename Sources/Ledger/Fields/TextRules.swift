import Foundation

/// The checks every text value typed by a user passes.
enum TextRules {
    /// Bidirectional overrides and isolates, which can make text read differently from what it holds.
    static func isDirectionControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The first scalar that is not allowed in a value: control characters other than newline and
    /// tab, direction overrides, and the noncharacters U+FFFE and U+FFFF.
    static func forbiddenScalar(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            if scalar == "\n" || scalar == "\t" { return false }
            if scalar.properties.generalCategory == .control { return true }
            if isDirectionControl(scalar) { return true }
            return scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
    }

    /// Checks a text value for a field and returns it, or throws a one-line error.
    ///
    /// Windows line endings become `\n`; leading and trailing spaces and newlines are removed.
    /// The length counts characters as people see them; the number of Unicode scalars is also
    /// bounded (four per allowed character), so that a short-looking string of stacked combining
    /// marks cannot be absurdly large.
    static func checked(_ raw: String, field: FieldName, maxLength: Int) throws(LedgerError) -> String {
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if let scalar = forbiddenScalar(in: text) {
            throw LedgerError(
                .invalidValue,
                "\(field): the value contains the control character \(LedgerFormat.scalarName(scalar)); "
                    + "only newline and tab are allowed")
        }
        let length = text.count
        if length > maxLength || text.unicodeScalars.count > maxLength * 4 {
            throw LedgerError(
                .invalidValue,
                "\(field): the value is \(LedgerFormat.grouped(length)) characters long; "
                    + "the limit is \(LedgerFormat.grouped(maxLength))")
        }
        return text
    }
}
