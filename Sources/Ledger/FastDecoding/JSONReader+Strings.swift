import Foundation

extension JSONReader {
    /// Reads a string, decoding its escapes (`\" \\ \/ \b \f \n \r \t \uXXXX`, surrogate pairs).
    ///
    /// Nil for a raw control character, an unknown escape, a lone surrogate, invalid UTF-8 or a
    /// missing closing quote.
    mutating func readString() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = position
        var isASCII = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return isASCII ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { return readEscapedString(from: start) }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { isASCII = false }
            position += 1
        }
        return nil
    }

    /// Skips a string, checking it as ``readString()`` does; a plain ASCII string is not copied.
    mutating func skipString() -> Bool {
        let saved = position
        guard consume(UInt8(ascii: "\"")) else { return false }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return true
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { break }
            position += 1
        }
        position = saved
        return readString() != nil
    }

    /// Reads an optional string: nil inside when the value is `null`.
    mutating func readOptionalString() -> String?? {
        readNull() ? .some(nil) : readString().map { .some($0) }
    }

    /// Reads a string and returns the index of its value in `values`; nil when it is none of them.
    ///
    /// A string without escapes is matched on its bytes, without making a `String`.
    mutating func readString(matching values: JSONKeys) -> Int? {
        readStringBytes { values.index(of: $0) }
    }

    /// Reads a string and passes its UTF-8 bytes to `body`.
    ///
    /// The raw bytes of a string without escapes are passed as they are, not checked for valid
    /// UTF-8, so `body` must accept only ASCII. A string with escapes is decoded first.
    mutating func readStringBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        let saved = position
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return body(raw)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            position += 1
        }
        position = saved
        guard let text = readString() else { return nil }
        return Array(text.utf8).withUnsafeBufferPointer { body($0) }
    }

    /// Reads the rest of a string that has escapes, `start` being the index of its first byte.
    private mutating func readEscapedString(from start: Int) -> String? {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(position - start + 32)
        buffer.append(contentsOf: bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { return nil }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = readUnicodeEscape() else { return nil }
                    UTF8.encode(scalar) { buffer.append($0) }
                default: return nil
                }
            case 0..<0x20:
                return nil
            default:
                buffer.append(byte)
            }
        }
        return nil
    }

    /// Reads the `XXXX` of a `\uXXXX` escape (and the low half of a surrogate pair).
    private mutating func readUnicodeEscape() -> Unicode.Scalar? {
        guard let unit = readHex4() else { return nil }
        switch unit {
        case 0xD800...0xDBFF:
            guard bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else { return nil }
            position += 2
            guard let low = readHex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00...0xDFFF:
            return nil
        default:
            return Unicode.Scalar(unit)
        }
    }

    /// Reads four hexadecimal digits (either case).
    private mutating func readHex4() -> UInt32? {
        guard bytes.count - position >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
