import Crypto
import Foundation

/// The hash chain: SHA-256 over the previous event's hash and a canonical encoding of the row.
///
/// The canonical encoding is, in order: the position, the stream, the version, the event id, the
/// type, the schema version, the payload, the metadata and the recorded time. Integers are 8 bytes
/// big-endian; byte strings are a 4-byte big-endian length followed by the bytes.
public enum EventHasher {
    /// The previous hash of the first event: 32 zero bytes.
    public static let genesis = Data(repeating: 0, count: 32)

    /// The hash of a row chained to `previousHash`.
    ///
    /// The encoding is fed to SHA-256 straight from the values' own storage: the fields before the payload
    /// are assembled in one temporary buffer, and the payload and metadata are not copied.
    public static func hash(
        previousHash: Data, position: Int64, stream: String, version: Int64, id: String, type: String,
        schemaVersion: Int, payload: Data, metadata: Data, recordedAt: String
    ) -> Data {
        var hasher = SHA256()
        previousHash.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let headerCount = 8 + 4 + stream.utf8.count + 8 + 4 + id.utf8.count + 4 + type.utf8.count + 8 + 4
        withUnsafeTemporaryAllocation(byteCount: headerCount, alignment: 1) { buffer in
            var writer = ByteWriter(buffer: buffer)
            writer.write(position)
            writer.write(stream)
            writer.write(version)
            writer.write(id)
            writer.write(type)
            writer.write(Int64(schemaVersion))
            writer.write(length: payload.count)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        payload.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: metadata.count).bigEndian) { hasher.update(bufferPointer: $0) }
        metadata.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        withUnsafeTemporaryAllocation(byteCount: 4 + recordedAt.utf8.count, alignment: 1) { buffer in
            var writer = ByteWriter(buffer: buffer)
            writer.write(recordedAt)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        return hasher.finalize().withUnsafeBytes { Data($0) }
    }

    /// The hash a stored event should have, given its previous hash.
    public static func hash(of event: RecordedEvent, previousHash: Data) -> Data {
        hash(
            previousHash: previousHash, position: event.position, stream: event.stream, version: event.version,
            id: event.id, type: event.type, schemaVersion: event.schemaVersion, payload: event.payload,
            metadata: event.metadata, recordedAt: event.recordedAt)
    }
}

/// Writes the canonical encoding into a buffer sized for it exactly.
private struct ByteWriter {
    let buffer: UnsafeMutableRawBufferPointer
    var offset = 0

    mutating func write(_ value: Int64) {
        buffer.storeBytes(of: value.bigEndian, toByteOffset: offset, as: Int64.self)
        offset += 8
    }

    mutating func write(length: Int) {
        buffer.storeBytes(of: UInt32(truncatingIfNeeded: length).bigEndian, toByteOffset: offset, as: UInt32.self)
        offset += 4
    }

    /// A length-prefixed string: its UTF-8 byte count, then its bytes.
    mutating func write(_ text: String) {
        let count = text.utf8.count
        write(length: count)
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<offset + count]).copyMemory(
                from: UnsafeRawBufferPointer(bytes))
        }
        if copied == nil {
            for (index, byte) in text.utf8.enumerated() { buffer[offset + index] = byte }
        }
        offset += count
    }
}
