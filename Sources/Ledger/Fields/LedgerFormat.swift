import Foundation

/// Small text helpers shared by messages and summaries.
enum LedgerFormat {
    /// `10000` as `10,000`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return number < 0 ? "-" + result : result
    }

    /// Text quoted for a one-line message: control characters escaped, cut to `limit` characters.
    static func quoted(_ text: String, limit: Int = 60) -> String {
        // Printable ASCII without a quote, within the limit, is written as it is.
        let bytes = text.utf8
        if bytes.count <= limit, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "'") }) {
            return "'" + text + "'"
        }
        var result = ""
        var count = 0
        for character in text {
            if count == limit {
                result.append("...")
                break
            }
            count += 1
            for scalar in character.unicodeScalars {
                switch scalar {
                case "\n": result.append("\\n")
                case "\t": result.append("\\t")
                case "\r": result.append("\\r")
                case "'": result.append("\\'")
                default:
                    if scalar.properties.generalCategory == .control || TextRules.isDirectionControl(scalar) {
                        result.append(scalarName(scalar))
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        return "'\(result)'"
    }

    /// `U+0007` style name of a scalar.
    static func scalarName(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Milliseconds as seconds with one decimal, such as `2.3 s`.
    static func seconds(milliseconds: Int) -> String {
        // Rounded to the nearest tenth; a stored duration near Int.max must not overflow.
        let tenths = milliseconds > Int.max - 50 ? milliseconds / 100 : (milliseconds + 50) / 100
        return "\(tenths / 10).\(tenths % 10) s"
    }
}
