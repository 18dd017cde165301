import Foundation
import Testing

@testable import EventLog

@Suite("Folding cursor")
struct EventCursorFoldingTests {
    @Test("a folding cursor yields every event in order as stored, without the id and hashes")
    func yieldsWhatAFoldReads() throws {
        let ledger = try TestLedger()
        try ledger.log.append(events("a", count: 3), to: "contract/LC-1", expected: .noStream)
        try ledger.log.append(events("b", count: 2), to: "sync/1", expected: .noStream)
        let whole = try ledger.log.read { try Array(sequence: ledger.log.cursor()) }
        let folding = try ledger.log.read { try Array(sequence: ledger.log.foldingCursor()) }
        #expect(folding.count == 5)
        for (full, lean) in zip(whole, folding) {
            #expect(lean.position == full.position)
            #expect(lean.stream == full.stream)
            #expect(lean.version == full.version)
            #expect(lean.type == full.type)
            #expect(lean.schemaVersion == full.schemaVersion)
            #expect(lean.payload == full.payload)
            #expect(lean.recordedAt == full.recordedAt)
            #expect(lean.id.isEmpty && lean.hash.isEmpty && lean.previousHash.isEmpty && lean.metadata.isEmpty)
        }
    }

    @Test("a folding cursor reads the metadata when asked, and stops at the last position given")
    func metadataAndRange() throws {
        let ledger = try TestLedger()
        try ledger.log.append(events("a", count: 6), to: "contract/LC-1", expected: .noStream)
        let some = try ledger.log.read {
            try Array(sequence: ledger.log.foldingCursor(from: 2, through: 4, metadata: true))
        }
        #expect(some.map(\.position) == [2, 3, 4])
        #expect(some.allSatisfy { $0.metadata == Data(#"{"actor":"test"}"#.utf8) })
    }
}

extension Array where Element == RecordedEvent {
    /// Every remaining event of a cursor.
    init(sequence cursor: EventCursor) throws {
        self.init()
        while let event = try cursor.next() { append(event) }
    }
}
