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
    public static func hash(
        previousHash: Data, position: Int64, stream: String, version: Int64, id: String, type: String,
        schemaVersion: Int, payload: Data, metadata: Data, recordedAt: String
    ) -> Data {
        var hasher = SHA256()
        hasher.update(data: previousHash)
        var buffer = [UInt8]()
        buffer.reserveCapacity(64 + stream.utf8.count + id.utf8.count + type.utf8.count + recordedAt.utf8.count)
        append(position, to: &buffer)
        append(Array(stream.utf8), to: &buffer)
        append(version, to: &buffer)
        append(Array(id.utf8), to: &buffer)
        append(Array(type.utf8), to: &buffer)
        append(Int64(schemaVersion), to: &buffer)
        hasher.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
        append(length: payload.count, to: &buffer)
        hasher.update(data: buffer)
        hasher.update(data: payload)
        buffer.removeAll(keepingCapacity: true)
        append(length: metadata.count, to: &buffer)
        hasher.update(data: buffer)
        hasher.update(data: metadata)
        buffer.removeAll(keepingCapacity: true)
        append(Array(recordedAt.utf8), to: &buffer)
        hasher.update(data: buffer)
        return Data(hasher.finalize())
    }

    /// The hash a stored event should have, given its previous hash.
    public static func hash(of event: RecordedEvent, previousHash: Data) -> Data {
        hash(
            previousHash: previousHash, position: event.position, stream: event.stream, version: event.version,
            id: event.id, type: event.type, schemaVersion: event.schemaVersion, payload: event.payload,
            metadata: event.metadata, recordedAt: event.recordedAt)
    }

    private static func append(_ value: Int64, to buffer: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { buffer.append(contentsOf: $0) }
    }

    private static func append(length: Int, to buffer: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: length).bigEndian) { buffer.append(contentsOf: $0) }
    }

    private static func append(_ bytes: [UInt8], to buffer: inout [UInt8]) {
        append(length: bytes.count, to: &buffer)
        buffer.append(contentsOf: bytes)
    }
}
