import Crypto
import Foundation
import SQLite
import TestSupport
import Testing

@testable import EventLog

@Suite("The append path's encoding, validation and hook")
struct EventLogAppendPathTests {
    @Test("the hash of fixed rows is the one the chain has always used")
    func goldenHashes() {
        // Hex digests computed by the implementation that wrote the existing ledgers.
        let cases: [(RecordedEvent, String)] = [
            (
                recorded(
                    previousHash: EventHasher.genesis, position: 1, stream: "contract/LC-1", version: 1, id: "e-1",
                    type: "AutotaskFieldChanged", schemaVersion: 1, payload: #"{"n":1}"#,
                    metadata: #"{"actor":"test"}"#, recordedAt: "2027-01-15T08:00:00.000Z"),
                "57274ed190a8fd9f2b0ad275115e89f51a22c1f5cd4280d8b1959b260dc3b198"
            ),
            (
                recorded(
                    previousHash: Data(repeating: 0xAB, count: 32), position: 1_234_567_890_123,
                    stream: "contrat/Café-Ünïcødé-😀", version: 42, id: "id-ß", type: "TypeÉ", schemaVersion: 3,
                    payload: #"{"name":"Société Générale ✓","emoji":"🚀"}"#, metadata: "{}",
                    recordedAt: "2026-11-29T04:44:00.123Z"),
                "b2db18da65a48f6a72e68585e9c7b5e8c63eeb557ed66c71488343bb2a32a98b"
            ),
            (
                recorded(
                    previousHash: Data(), position: 0, stream: "", version: 0, id: "", type: "", schemaVersion: 0,
                    payload: "", metadata: "", recordedAt: ""),
                "17b0761f87b081d5cf10757ccc89f12be355c70e2e29df288b65b30710dcbcd1"
            ),
        ]
        for (event, expected) in cases {
            #expect(hex(EventHasher.hash(of: event, previousHash: event.previousHash)) == expected)
        }
    }

    @Test("the hash equals the canonical encoding assembled byte by byte, for ASCII, non-ASCII and bridged strings")
    func hashMatchesCanonicalEncoding() {
        var generator = SeededGenerator(seed: 7)
        let pieces = ["", "a", "contract/LC-9", "Café", "ß", "😀", "日本語", String(repeating: "x", count: 700)]
        for round in 0..<200 {
            let stream = pieces.randomElement(using: &generator)! + pieces.randomElement(using: &generator)!
            let id = round.isMultiple(of: 3) ? NSString(string: "bridged-é-\(round)") as String : "id-\(round)"
            let payload = Data(
                (0..<Int.random(in: 0..<600, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                })
            let event = recorded(
                previousHash: Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }),
                position: Int64.random(in: 0...Int64.max, using: &generator), stream: stream,
                version: Int64.random(in: 1...1_000_000, using: &generator), id: id,
                type: pieces.randomElement(using: &generator)!, schemaVersion: Int.random(in: 1...9, using: &generator),
                payload: "", metadata: pieces.randomElement(using: &generator)!, recordedAt: "2026-01-01T00:00:00.000Z",
                payloadBytes: payload)
            #expect(EventHasher.hash(of: event, previousHash: event.previousHash) == canonicalHash(event))
        }
    }

    @Test("a payload and metadata with non-ASCII text append, read back byte for byte and verify")
    func nonASCIIAppends() throws {
        let ledger = try TestLedger()
        let payload = Data(
            #"{"name":"Société Générale ✓","city":"Zürich","emoji":"🚀","long":"\#(String(repeating: "é", count: 300))"}"#
                .utf8)
        let metadata = Data(#"{"actor":"Zoë"}"#.utf8)
        let appended = try ledger.log.append(
            [NewEvent(id: "ü-1", type: "Geändert", payload: payload, metadata: metadata), event("plain")],
            to: "contract/Café", expected: .noStream)
        #expect(appended.positions == [1, 2])
        let stored = try ledger.log.events(in: "contract/Café")
        #expect(stored.map(\.id) == ["ü-1", "plain"])
        #expect(stored[0].payload == payload)
        #expect(stored[0].metadata == metadata)
        #expect(stored[0].type == "Geändert")
        #expect(try ledger.log.verify().isIntact)
    }

    @Test("payloads larger than the row buffer and small ones after them append, read back and verify")
    func largeAndSmallPayloads() throws {
        let ledger = try TestLedger()
        let sizes = [10, 5_000, 1_000_000, 3, 70_000]
        let batch = sizes.enumerated().map { index, size in
            NewEvent(
                id: "p-\(index)", type: "Sized",
                payload: Data(#"{"text":"\#(String(repeating: "é", count: size / 2))"}"#.utf8))
        }
        try ledger.log.append(batch, to: "sized", expected: .noStream)
        #expect(try ledger.log.events(in: "sized").map(\.payload) == batch.map(\.payload))
        #expect(try ledger.log.verify().isIntact)
    }

    @Test("the row buffer hands out C strings cut at the first NUL and byte copies, growing when reserved larger")
    func rowBuffer() {
        let row = RowBuffer(capacity: 8)
        row.reserve(64)
        #expect(String(cString: row.appendCString("contract/1")) == "contract/1")
        #expect(String(cString: row.appendCString("a\u{0}b")) == "a")
        #expect(String(cString: row.appendCString("")) == "")
        let bytes = row.append(Data([1, 2, 0, 3]))
        #expect(Array(bytes) == [1, 2, 0, 3])
        row.reserve(10_000)
        #expect(Array(row.append(Data(repeating: 7, count: 10_000))) == Array(repeating: 7, count: 10_000))
    }

    @Test("invalid UTF-8 in the payload or the metadata is refused as an invalid argument and nothing is written")
    func invalidUTF8Refused() throws {
        let ledger = try TestLedger()
        let prefix = Array(#"{"text":"abcdefghijklmnop"#.utf8)
        let invalid: [[UInt8]] = [
            prefix + [0xFF] + Array(#""}"#.utf8),  // a byte that never appears in UTF-8, after the 8-byte blocks
            Array(#"{"a":""#.utf8) + [0xC3] + Array(#""}"#.utf8),  // a truncated two-byte sequence
            Array(#"{"a":""#.utf8) + [0xC0, 0x80] + Array(#""}"#.utf8),  // an overlong NUL
            Array(#"{"a":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8),  // a UTF-16 surrogate
            [0x80] + Array(#"{"a":1}"#.utf8),  // a stray continuation byte first
        ]
        for bytes in invalid {
            for inMetadata in [false, true] {
                let bad = NewEvent(
                    id: "bad", type: "Tested", payload: inMetadata ? Data(#"{"n":1}"#.utf8) : Data(bytes),
                    metadata: inMetadata ? Data(bytes) : Data("{}".utf8))
                let error = #expect(throws: EventLogError.self) {
                    try ledger.log.append([event("good"), bad], to: "s", expected: .any)
                }
                #expect(error?.code == .invalidArgument)
                #expect(error?.message.contains("not UTF-8") == true)
                #expect(try ledger.log.lastPosition() == 0)
            }
        }
    }

    @Test("metadata that is JSON but not an object, or not JSON, is refused and nothing is written")
    func invalidMetadataRefused() throws {
        let ledger = try TestLedger()
        for metadata in ["[1,2]", "\"text\"", "{\"open\":", ""] {
            let bad = NewEvent(
                id: "bad", type: "Tested", payload: Data(#"{"n":1}"#.utf8), metadata: Data(metadata.utf8))
            let error = #expect(throws: EventLogError.self) {
                try ledger.log.append([bad], to: "s", expected: .any)
            }
            #expect(error?.code == .invalidArgument)
        }
        #expect(try ledger.log.lastPosition() == 0)
    }

    @Test("the ASCII fast path agrees with the standard library on every kind of input")
    func utf8ValidatorAgrees() {
        var generator = SeededGenerator(seed: 11)
        let fragments: [[UInt8]] = [
            Array("plain ascii text".utf8), Array("é".utf8), Array("😀".utf8), [0xFF], [0xC3], [0xE2, 0x82], [0x80],
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], Array("日本".utf8),
        ]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<12, using: &generator) {
                bytes += fragments.randomElement(using: &generator)!
            }
            let data = Data(bytes)
            #expect(UTF8Validator.isValid(data) == (String(validating: data, as: UTF8.self) != nil))
        }
    }

    @Test("the hook sees every appended event with its chain, and an append after a caught hook error continues it")
    func hookSeesEveryEvent() throws {
        let ledger = try TestLedger()
        nonisolated(unsafe) var seen: [RecordedEvent] = []
        ledger.log.appendHook = { event, _ in
            seen.append(event)
            if event.type == "Refused" { throw EventLogError(.invalidArgument, "refused by the hook") }
        }
        try ledger.log.write { transaction in
            try transaction.append(events("a", count: 3), to: "s", expected: .noStream)
            #expect(throws: EventLogError.self) {
                try transaction.append([event("r", type: "Refused")], to: "t", expected: .noStream)
            }
            try transaction.append([event("b")], to: "u", expected: .noStream)
        }
        #expect(seen.map(\.position) == [1, 2, 3, 4, 5])
        let stored = try ledger.log.events(in: "s") + ledger.log.events(in: "t") + ledger.log.events(in: "u")
        #expect(seen == stored)
        #expect(seen[0].previousHash == EventHasher.genesis)
        for index in 1..<seen.count { #expect(seen[index].previousHash == seen[index - 1].hash) }
        #expect(try ledger.log.verify().isIntact)
    }
}

/// A recorded event with the given fields (payload and metadata given as text, or the payload as bytes).
private func recorded(
    previousHash: Data, position: Int64, stream: String, version: Int64, id: String, type: String, schemaVersion: Int,
    payload: String, metadata: String, recordedAt: String, payloadBytes: Data? = nil
) -> RecordedEvent {
    RecordedEvent(
        position: position, stream: stream, version: version, id: id, type: type, schemaVersion: schemaVersion,
        payload: payloadBytes ?? Data(payload.utf8), metadata: Data(metadata.utf8), recordedAt: recordedAt,
        previousHash: previousHash, hash: Data())
}

/// The hash chain's definition, written out plainly: SHA-256 over the previous hash and the canonical encoding.
private func canonicalHash(_ event: RecordedEvent) -> Data {
    var bytes = [UInt8](event.previousHash)
    func integer(_ value: Int64) { withUnsafeBytes(of: value.bigEndian) { bytes += $0 } }
    func string(_ value: [UInt8]) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: value.count).bigEndian) { bytes += $0 }
        bytes += value
    }
    integer(event.position)
    string(Array(event.stream.utf8))
    integer(event.version)
    string(Array(event.id.utf8))
    string(Array(event.type.utf8))
    integer(Int64(event.schemaVersion))
    string(Array(event.payload))
    string(Array(event.metadata))
    string(Array(event.recordedAt.utf8))
    return Data(SHA256.hash(data: bytes))
}

private func hex(_ data: Data) -> String {
    data.map { String(format: "%02x", $0) }.joined()
}
