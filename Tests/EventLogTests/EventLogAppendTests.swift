import Foundation
import SQLite
import Testing

@testable import EventLog

@Suite("Appending and reading")
struct EventLogAppendTests {
    @Test("appended events read back identically, by stream and from the global log")
    func roundTrip() throws {
        let ledger = try TestLedger()
        let first = try ledger.log.append(events("a", count: 3), to: "contract/1", expected: .noStream)
        let second = try ledger.log.append([event("b-0")], to: "contract/2", expected: .noStream)
        #expect(first.positions == [1, 2, 3])
        #expect(first.version == 3)
        #expect(second.positions == [4])

        let stream = try ledger.log.events(in: "contract/1")
        #expect(stream.map(\.id) == ["a-0", "a-1", "a-2"])
        #expect(stream.map(\.version) == [1, 2, 3])
        #expect(stream[1].payload == Data(#"{"n":1}"#.utf8))
        #expect(stream[1].metadata == Data(#"{"actor":"test"}"#.utf8))
        #expect(stream[0].recordedAt == "2027-01-15T08:00:00.000Z")
        #expect(stream[0].previousHash == EventHasher.genesis)
        #expect(stream[1].previousHash == stream[0].hash)

        var all: [RecordedEvent] = []
        try ledger.log.cursor().visit { all.append($0) }
        #expect(all.map(\.position) == [1, 2, 3, 4])
        #expect(all[3].previousHash == all[2].hash)
        #expect(try ledger.log.lastPosition() == 4)
        #expect(try ledger.log.events(in: "contract/1", from: 3).map(\.id) == ["a-2"])
        var tail: [Int64] = []
        try ledger.log.cursor(from: 2, through: 3).visit { tail.append($0.position) }
        #expect(tail == [2, 3])
    }

    @Test("an append whose expected version is wrong is refused with the stream and both versions")
    func versionConflicts() throws {
        let ledger = try TestLedger()
        try ledger.log.append(events("a", count: 2), to: "s", expected: .noStream)

        let noStream = #expect(throws: EventLogError.self) {
            try ledger.log.append([event("x")], to: "s", expected: .noStream)
        }
        #expect(noStream?.code == .versionConflict)
        #expect(noStream?.stream == "s")
        #expect(noStream?.expectedVersion == ExpectedVersion.noStream)
        #expect(noStream?.actualVersion == 2)

        let exact = #expect(throws: EventLogError.self) {
            try ledger.log.append([event("y")], to: "s", expected: .exact(1))
        }
        #expect(exact?.message == "version conflict on stream 's': expected version 1, but its version is 2")

        let missing = #expect(throws: EventLogError.self) {
            try ledger.log.append([event("z")], to: "other", expected: .exact(1))
        }
        #expect(missing?.actualVersion == 0)

        try ledger.log.append([event("ok")], to: "s", expected: .exact(2))
        try ledger.log.append([event("any")], to: "s", expected: .any)
        #expect(try ledger.log.version(of: "s") == 4)
        #expect(try ledger.log.lastPosition() == 4)
    }

    @Test("repeating an append with the same event ids and content returns the stored positions")
    func idempotentRetry() throws {
        let ledger = try TestLedger()
        let batch = events("retry", count: 3)
        let original = try ledger.log.append(batch, to: "s", expected: .noStream)
        let retry = try ledger.log.append(batch, to: "s", expected: .noStream)
        #expect(retry.isRetry)
        #expect(retry.positions == original.positions)
        #expect(try ledger.log.lastPosition() == 3)
    }

    @Test("reusing an event id with different content is an error and writes nothing")
    func conflictingRetry() throws {
        let ledger = try TestLedger()
        try ledger.log.append([event("same")], to: "s", expected: .noStream)
        let changed = #expect(throws: EventLogError.self) {
            try ledger.log.append([event("same", payload: #"{"n":2}"#)], to: "s", expected: .any)
        }
        #expect(changed?.code == .idempotencyConflict)
        let laterInBatch = #expect(throws: EventLogError.self) {
            try ledger.log.append([event("new"), event("same")], to: "s", expected: .any)
        }
        #expect(laterInBatch?.code == .idempotencyConflict)
        let otherStream = #expect(throws: EventLogError.self) {
            try ledger.log.append([event("same")], to: "elsewhere", expected: .any)
        }
        #expect(otherStream?.code == .idempotencyConflict)
        #expect(try ledger.log.lastPosition() == 1)
    }

    @Test("a payload that is not JSON is refused and nothing is written")
    func invalidPayload() throws {
        let ledger = try TestLedger()
        let error = #expect(throws: EventLogError.self) {
            try ledger.log.append([event("a"), event("b", payload: "{not json")], to: "s", expected: .any)
        }
        #expect(error?.code == .invalidArgument)
        #expect(try ledger.log.lastPosition() == 0)
        #expect(throws: EventLogError.self) { try ledger.log.append([], to: "s", expected: .any) }
        #expect(throws: EventLogError.self) { try ledger.log.append([event("c")], to: "", expected: .any) }
    }

    @Test("several streams written in one transaction commit together or not at all")
    func multiStreamTransaction() throws {
        let ledger = try TestLedger()
        try ledger.log.write { transaction in
            try transaction.append([event("a")], to: "one", expected: .noStream)
            try transaction.append([event("b")], to: "two", expected: .noStream)
            #expect(try transaction.version(of: "one") == 1)
        }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try ledger.log.write { transaction in
                try transaction.append([event("c")], to: "one", expected: .exact(1))
                throw Stop()
            }
        }
        #expect(throws: EventLogError.self) {
            try ledger.log.write { transaction in
                try transaction.append([event("d")], to: "three", expected: .noStream)
                try transaction.append([event("e")], to: "two", expected: .noStream)
            }
        }
        #expect(try ledger.log.lastPosition() == 2)
        #expect(try ledger.log.version(of: "three") == 0)
        let next = try ledger.log.append([event("f")], to: "one", expected: .exact(1))
        #expect(next.positions == [3])
        #expect(try ledger.log.verify().isIntact)
    }

    @Test("the append hook writes inside the append's transaction, and its error rolls the append back")
    func appendHook() throws {
        let ledger = try TestLedger()
        try ledger.log.database.execute("CREATE TABLE seen (position INTEGER PRIMARY KEY, type TEXT)")
        ledger.log.appendHook = { event, database in
            if event.type == "Poison" { throw EventLogError(.invalidArgument, "poisoned") }
            try database.execute(
                "INSERT INTO seen (position, type) VALUES (?, ?)", [.integer(event.position), .text(event.type)])
        }
        try ledger.log.append([event("a"), event("b")], to: "s", expected: .any)
        #expect(throws: EventLogError.self) {
            try ledger.log.append([event("c"), event("d", type: "Poison")], to: "s", expected: .any)
        }
        #expect(try ledger.log.database.scalarInt("SELECT count(*) FROM seen") == 2)
        #expect(try ledger.log.lastPosition() == 2)
    }

    @Test("a ledger opened read-only refuses writes")
    func readOnly() throws {
        let ledger = try TestLedger()
        try ledger.log.append([event("a")], to: "s", expected: .any)
        let reader = try EventLog.open(path: ledger.path, options: .init(readOnly: true))
        #expect(try reader.lastPosition() == 1)
        let error = #expect(throws: EventLogError.self) {
            try reader.append([event("b")], to: "s", expected: .any)
        }
        #expect(error?.code == .readOnly)
    }
}
