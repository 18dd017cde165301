import Foundation

/// One reusable block of memory that holds a row's text and blob values while an INSERT binds them in place.
///
/// SQLite copies every value bound with `SQLITE_TRANSIENT` into its own allocation; for an append that was a
/// malloc, a copy and a free per column. The append instead copies the row's values once into this buffer,
/// binds them with `SQLITE_STATIC` (see ``Statement/bindStatic(_:at:isText:)``), steps, and clears the bindings
/// before the buffer is reused. ``reserve(_:)`` sizes it for the whole row first, so the slices handed out
/// stay valid until the next `reserve`.
package final class RowBuffer {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var count = 0

    package init(capacity: Int = 4_096) {
        self.capacity = capacity
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    /// Empties the buffer and makes room for `byteCount` bytes; earlier slices are no longer valid.
    package func reserve(_ byteCount: Int) {
        count = 0
        guard byteCount > capacity else { return }
        storage.deallocate()
        capacity = max(byteCount, capacity * 2)
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    /// Copies the bytes in and returns where they are.
    package func append(_ data: Data) -> UnsafeRawBufferPointer {
        let start = claim(data.count)
        data.copyBytes(to: start.assumingMemoryBound(to: UInt8.self), count: data.count)
        return UnsafeRawBufferPointer(start: start, count: data.count)
    }

    /// Copies a string in as a C string: its UTF-8 bytes up to its first NUL byte (where a C string bound as
    /// text has always ended), then a NUL.
    package func appendCString(_ text: String) -> UnsafePointer<CChar> {
        var text = text
        return text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            let length = raw.firstIndex(of: 0) ?? raw.count
            let start = claim(length + 1)
            if length > 0 { start.copyMemory(from: raw.baseAddress!, byteCount: length) }
            start.storeBytes(of: 0, toByteOffset: length, as: UInt8.self)
            return UnsafePointer(start.assumingMemoryBound(to: CChar.self))
        }
    }

    private func claim(_ byteCount: Int) -> UnsafeMutableRawPointer {
        precondition(count + byteCount <= capacity, "RowBuffer: reserve the row's size first")
        let start = storage + count
        count += byteCount
        return start
    }
}
