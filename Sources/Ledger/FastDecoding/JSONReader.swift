import Foundation

/// A forward-only reader of JSON bytes, for decoding stored event payloads without Foundation.
///
/// It reads canonical JSON (sorted keys, no whitespace) fastest, and also accepts whitespace and
/// any key order. It is strict: whenever the bytes are not plainly valid JSON of the expected
/// shape (a trailing comma, a number with a fraction where an integer is expected, a lone
/// surrogate, invalid UTF-8, a key with escapes, a key given twice, nesting deeper than
/// ``maxDepth``) a read returns nil or false, and the caller falls back to `JSONDecoder`, which
/// then decides (and words any error). Being stricter than `JSONDecoder` is safe; being more
/// lenient is not, so nothing here accepts what `JSONDecoder` refuses.
struct JSONReader {
    /// The deepest nesting ``skipValue()`` follows before giving up.
    static let maxDepth = 32

    /// The bytes read.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The index of the next byte to read.
    var position: Int

    /// A reader at the start of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        position = 0
    }

    /// Reads a whole document with `read`, which must consume one value; nil unless only
    /// whitespace follows it.
    static func readDocument<T>(_ data: Data, _ read: (inout JSONReader) -> T?) -> T? {
        data.withUnsafeBytes { raw -> T? in
            var reader = JSONReader(raw.assumingMemoryBound(to: UInt8.self))
            guard let value = read(&reader) else { return nil }
            reader.skipWhitespace()
            return reader.position == reader.bytes.count ? value : nil
        }
    }

    // MARK: Bytes

    /// The next byte after any whitespace, without consuming it; nil at the end.
    @inline(__always)
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    /// Consumes `byte` (after any whitespace) if it is next.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Skips the four JSON whitespace bytes: space, tab, line feed and carriage return.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Consumes the bytes of `literal` if they come next (no whitespace skipped).
    private mutating func consumeLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[position + offset] != start[offset] {
            return false
        }
        position += count
        return true
    }

    // MARK: Scalars

    /// Reads `null` if it comes next, and says whether it did.
    mutating func readNull() -> Bool {
        peek() == UInt8(ascii: "n") && consumeLiteral("null")
    }

    /// Reads `true` or `false`.
    mutating func readBool() -> Bool? {
        switch peek() {
        case UInt8(ascii: "t"): consumeLiteral("true") ? true : nil
        case UInt8(ascii: "f"): consumeLiteral("false") ? false : nil
        default: nil
        }
    }

    /// Reads an integer written plainly (`-?(0|[1-9][0-9]*)`) that fits `Int`.
    ///
    /// A fraction or an exponent (`1.0`, `1e2`) gives nil: `JSONDecoder` may accept them, so the
    /// fallback decides.
    mutating func readInt() -> Int? {
        guard let first = peek() else { return nil }
        let negative = first == UInt8(ascii: "-")
        if negative { position += 1 }
        let start = position
        var magnitude: UInt64 = 0
        while position < bytes.count {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
            position += 1
        }
        let count = position - start
        guard count > 0, count == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
            default: break
            }
        }
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else { return nil }
            return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { return nil }
        return Int(magnitude)
    }

    /// Reads an optional integer: nil inside when the value is `null`.
    mutating func readOptionalInt() -> Int?? {
        readNull() ? .some(nil) : readInt().map { .some($0) }
    }

    // MARK: Containers

    /// Reads an object, calling `member` with the index in `keys` of each member's key.
    ///
    /// `member` must read the member's value and say whether it could; members whose key is not
    /// in `keys` are skipped (their values are still checked). A key given twice, a key with
    /// escapes, or a malformed object gives false.
    mutating func readObject(_ keys: JSONKeys, _ member: (inout JSONReader, Int) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        var seen: UInt64 = 0
        repeat {
            guard let key = readKey() else { return false }
            if let index = keys.index(of: key) {
                let bit: UInt64 = 1 << UInt64(index)
                guard seen & bit == 0 else { return false }
                seen |= bit
                guard member(&self, index) else { return false }
            } else if !skipValue() {
                return false
            }
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}"))
    }

    /// Reads each member of an object whatever its key, calling `member` with the key's bytes.
    ///
    /// Same rules as ``readObject(_:_:)`` except duplicate keys, which `member` must refuse.
    mutating func readAnyObject(_ member: (inout JSONReader, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = readKey(), member(&self, key) else { return false }
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}"))
    }

    /// Reads an array, calling `element` for each element, which must read it.
    mutating func readArray(_ element: (inout JSONReader) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "[")) else { return false }
        if consume(UInt8(ascii: "]")) { return true }
        repeat {
            guard element(&self) else { return false }
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "]"))
    }

    /// Reads a key and its colon; nil for a key with escapes or non-ASCII bytes.
    private mutating func readKey() -> UnsafeBufferPointer<UInt8>? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let key = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return consume(UInt8(ascii: ":")) ? key : nil
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            position += 1
        }
        return nil
    }

    /// Skips one value of any kind, checking it is valid JSON.
    mutating func skipValue(depth: Int = 0) -> Bool {
        guard depth < Self.maxDepth, let next = peek() else { return false }
        switch next {
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "{"): return readAnyObject { reader, _ in reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): return readArray { reader in reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return readBool() != nil
        case UInt8(ascii: "n"): return readNull()
        default: return skipNumber()
        }
    }

    /// Skips a number of the JSON grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func skipNumber() -> Bool {
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let start = position
        guard skipDigits() > 0, position - start == 1 || bytes[start] != UInt8(ascii: "0") else { return false }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard skipDigits() > 0 else { return false }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard skipDigits() > 0 else { return false }
        }
        return true
    }

    /// Skips ASCII digits and returns how many.
    private mutating func skipDigits() -> Int {
        let start = position
        while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
        return position - start
    }
}
