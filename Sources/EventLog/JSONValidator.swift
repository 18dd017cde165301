import Foundation

/// Checks JSON text exactly as the log's schema used to, with SQLite's `json_valid` (3.40), in one pass.
///
/// The rules are RFC 8259's: whitespace is space, tab, line feed and carriage return; strings refuse control
/// characters and escapes other than `\" \\ \/ \b \f \n \r \t \uXXXX`; numbers have no leading zeros and need
/// digits after `.` and `e`; no trailing commas. Like SQLite, which reads the value as a C string, the text
/// ends at its first NUL byte, and containers nest at most ``maximumDepth`` deep. Bytes from 0x80 up are taken
/// as they are inside strings (UTF-8 is checked separately by ``UTF8Validator``).
enum JSONValidator {
    /// The kind of value at the root of valid JSON text.
    enum Root: Equatable {
        case object
        case other
    }

    /// The deepest nesting of arrays and objects SQLite accepts (`JSON_MAX_DEPTH`).
    static let maximumDepth = 2_000

    /// The root's kind when `bytes` is valid JSON, nil when it is not.
    static func validate(_ bytes: Data) -> Root? {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let end = memchr(base, 0, buffer.count).map { UnsafeRawPointer($0) - base } ?? buffer.count
            var parser = Parser(bytes: UnsafeRawBufferPointer(start: base, count: end))
            return parser.parseDocument()
        }
    }
}

/// The scanner behind ``JSONValidator``: iterative, so deep nesting cannot overflow the stack, and allocating
/// only past 64 levels of nesting.
private struct Parser {
    let bytes: UnsafeRawBufferPointer
    var index = 0
    /// Open containers as bits (1 = object) for the first 64 levels, the rest in `deeper`.
    var openBits: UInt64 = 0
    var deeper: [Bool] = []
    var depth = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseDocument() -> JSONValidator.Root? {
        skipSpace()
        let root: JSONValidator.Root = current == UInt8(ascii: "{") ? .object : .other
        guard parseValues() else { return nil }
        skipSpace()
        return index == bytes.count ? root : nil
    }

    /// Parses one complete value, with everything nested in it.
    mutating func parseValues() -> Bool {
        // Each turn parses a value (opening containers as it meets them), then closes what it completes.
        while true {
            skipSpace()
            switch current {
            case UInt8(ascii: "{"):
                guard push(isObject: true) else { return false }
                index += 1
                skipSpace()
                if current == UInt8(ascii: "}") {
                    index += 1
                    pop()
                } else {
                    guard parseKey() else { return false }
                    continue
                }
            case UInt8(ascii: "["):
                guard push(isObject: false) else { return false }
                index += 1
                skipSpace()
                if current == UInt8(ascii: "]") {
                    index += 1
                    pop()
                } else {
                    continue
                }
            case UInt8(ascii: "\""):
                guard parseString() else { return false }
            case UInt8(ascii: "t"):
                guard literal("true") else { return false }
            case UInt8(ascii: "f"):
                guard literal("false") else { return false }
            case UInt8(ascii: "n"):
                guard literal("null") else { return false }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard parseNumber() else { return false }
            default:
                return false
            }
            // A value is complete: close containers or move to the next member.
            while true {
                if depth == 0 { return true }
                skipSpace()
                let isObject = topIsObject
                switch current {
                case UInt8(ascii: ","):
                    index += 1
                    if isObject {
                        skipSpace()
                        guard parseKey() else { return false }
                    }
                case UInt8(ascii: "}") where isObject, UInt8(ascii: "]") where !isObject:
                    index += 1
                    pop()
                    continue
                default:
                    return false
                }
                break
            }
        }
    }

    /// A member's key and its colon, leaving the index at the value.
    mutating func parseKey() -> Bool {
        guard current == UInt8(ascii: "\""), parseString() else { return false }
        skipSpace()
        guard current == UInt8(ascii: ":") else { return false }
        index += 1
        return true
    }

    mutating func parseString() -> Bool {
        index += 1
        while index < bytes.count {
            // Skip eight plain bytes at a time: none a quote, a backslash or a control character.
            while index + 8 <= bytes.count,
                !Self.mayEndOrEscape(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            {
                index += 8
            }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte < 0x20 { return false }
            if byte == UInt8(ascii: "\"") {
                index += 1
                return true
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                switch current {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                case UInt8(ascii: "u"):
                    for offset in 1...4 {
                        guard index + offset < bytes.count, isHexDigit(bytes[index + offset]) else { return false }
                    }
                    index += 4
                default:
                    return false
                }
            }
            index += 1
        }
        return false
    }

    /// Whether any of eight bytes is `"`, `\\` or below 0x20 (may answer true for none; never false for one).
    static func mayEndOrEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let quote = hasZeroByte(word ^ (ones &* 0x22))
        let backslash = hasZeroByte(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return quote || backslash || control
    }

    mutating func parseNumber() -> Bool {
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
        } else {
            guard digits() else { return false }
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digits() else { return false }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() else { return false }
        }
        return true
    }

    /// One or more decimal digits.
    mutating func digits() -> Bool {
        let start = index
        while isDigit(current) { index += 1 }
        return index > start
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    var topIsObject: Bool {
        depth <= 64 ? openBits & (1 << UInt64(depth - 1)) != 0 : deeper[depth - 65]
    }

    mutating func push(isObject: Bool) -> Bool {
        guard depth < JSONValidator.maximumDepth else { return false }
        if depth < 64 {
            let bit: UInt64 = 1 << UInt64(depth)
            openBits = isObject ? openBits | bit : openBits & ~bit
        } else {
            deeper.removeSubrange((depth - 64)...)
            deeper.append(isObject)
        }
        depth += 1
        return true
    }

    mutating func pop() {
        depth -= 1
    }

    func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }
}
