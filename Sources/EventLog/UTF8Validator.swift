import Foundation

/// Checks that bytes are valid UTF-8 without copying them when they are plain ASCII.
enum UTF8Validator {
    /// Whether `bytes` is valid UTF-8.
    ///
    /// ASCII (the usual JSON) is checked eight bytes at a time in place; anything else is decoded by the
    /// standard library, which refuses overlong forms, surrogates and truncated sequences.
    static func isValid(_ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { Self.isASCII($0) } || String(validating: bytes, as: UTF8.self) != nil
    }

    /// Whether every byte is below 0x80.
    static func isASCII(_ buffer: UnsafeRawBufferPointer) -> Bool {
        let count = buffer.count
        var offset = 0
        while offset + 8 <= count {
            if buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                return false
            }
            offset += 8
        }
        while offset < count {
            if buffer[offset] & 0x80 != 0 { return false }
            offset += 1
        }
        return true
    }
}
