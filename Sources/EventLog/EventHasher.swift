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
    /// The previous hash and the encoding are assembled in one temporary buffer (on the stack when small) and
    /// hashed in one call.
    public static func hash(
        previousHash: Data, position: Int64, stream: String, version: Int64, id: String, type: String,
        schemaVersion: Int, payload: Data, metadata: Data, recordedAt: String
    ) -> Data {
        let byteCount =
            previousHash.count + 8 + 4 + stream.utf8.count + 8 + 4 + id.utf8.count + 4 + type.utf8.count + 8 + 4
            + payload.count + 4 + metadata.count + 4 + recordedAt.utf8.count
        return withUnsafeTemporaryAllocation(byteCount: byteCount, alignment: 16) { buffer in
            var writer = ByteWriter(buffer: buffer)
            writer.write(bytes: previousHash)
            writer.write(position)
            writer.write(stream)
            writer.write(version)
            writer.write(id)
            writer.write(type)
            writer.write(Int64(schemaVersion))
            writer.write(length: payload.count)
            writer.write(bytes: payload)
            writer.write(length: metadata.count)
            writer.write(bytes: metadata)
            writer.write(recordedAt)
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
            return hasher.finalize().withUnsafeBytes { Data($0) }
        }
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

    /// Bytes as they are, with no length.
    mutating func write(bytes: Data) {
        let count = bytes.count
        guard count > 0 else { return }
        bytes.copyBytes(to: (buffer.baseAddress! + offset).assumingMemoryBound(to: UInt8.self), count: count)
        offset += count
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
