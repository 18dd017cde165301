import Foundation
import SQLite
import TestSupport
import Testing

@testable import EventLog

@Suite("JSON checks made by the append")
struct JSONValidatorTests {
    /// What SQLite's own `json_valid` and `json_type` say about the bytes, bound as TEXT like the append binds them.
    final class SQLiteJudge {
        let database: Database
        let statement: Statement

        init() throws {
            database = try Database(path: ":memory:", options: .init(create: true))
            statement = try database.makeStatement(
                "SELECT json_valid(?1), CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' ELSE 0 END")
        }

        func root(_ bytes: Data) throws -> JSONValidator.Root? {
            statement.reset()
            try statement.bindUTF8(bytes, at: 1)
            defer { statement.reset() }
            _ = try statement.step()
            guard statement.int(0) == 1 else { return nil }
            return statement.int(1) == 1 ? .object : .other
        }
    }

    static let valid = [
        "{}", "[]", " { } ", "[ ]", "0", "-0", "1.5", "-12.5e+3", "2E-7", "1e5", "true", "false", "null", "\"\"",
        #"{"a":[1,2,{"b":null}],"c":"\u00e9\n\t\"\\\/\b\f\r"}"#, "\t\r\n[1]\n", #"["é","😀"]"#, "{\"a\":1}\u{0}junk",
        #"{"a":"x"}"#, "[[[[]]]]", "1234567890123456789012345678901234567890",
    ]
    static let invalid = [
        "", " ", "{", "}", "[", "]", "[1,]", "{\"a\":1,}", "{\"a\"}", "{a:1}", "{1:1}", "01", "-01", "-", "1.", ".5",
        "1.e5", "1e", "1e+", "+1", "--1", "1.2.3", "1e5e5", "tru", "truex", "nul", "NULL", "True", "'a'",
        "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"\\u12G4\"", "\"tab\there\"", "\"nl\nhere\"",
        "[1 2]", "{\"a\":1 \"b\":2}", "1 2", "[1}", "{\"a\":1]", "\u{0}{}", "{\"a\":\"x\u{0}y\"}", "\u{0B}1",
        "[1,,2]", "{\"a\"::1}", "{,}", "[,1]", "Infinity", "NaN", "0x10", "1_000",
    ]

    @Test("known valid and invalid texts are judged as SQLite's json_valid judges them")
    func knownCases() throws {
        let judge = try SQLiteJudge()
        for text in Self.valid {
            let bytes = Data(text.utf8)
            #expect(JSONValidator.validate(bytes) != nil, "\(text)")
            #expect(JSONValidator.validate(bytes) == (try judge.root(bytes)), "\(text)")
        }
        for text in Self.invalid {
            let bytes = Data(text.utf8)
            #expect(JSONValidator.validate(bytes) == nil, "\(text)")
            #expect(try judge.root(bytes) == nil, "\(text)")
        }
    }

    @Test("mutated JSON texts are judged as SQLite judges them, byte for byte")
    func mutatedCases() throws {
        let judge = try SQLiteJudge()
        var generator = SeededGenerator(seed: 3)
        let seeds =
            Self.valid.map { Array($0.utf8) } + [
                Array(
                    #"{"field":"endDate","from":"2025-12-31","to":null,"n":[-1.5e3,0,true,false],"o":{"k":"v"}}"#.utf8)
            ]
        let alphabet = Array(#"{}[]":,.-+eE0123456789 \tnulltruefalse\/"#.utf8) + [0x0A, 0x00, 0x1F, 0x7F, 0xC3, 0xA9]
        for _ in 0..<20_000 {
            var bytes = seeds[Int(generator.next() % UInt64(seeds.count))]
            for _ in 0...(generator.next() % 3) {
                let position = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count + 1))
                let byte = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                switch generator.next() % 3 {
                case 0: bytes.insert(byte, at: position)
                case 1 where position < bytes.count: bytes.remove(at: position)
                default: if position < bytes.count { bytes[position] = byte }
                }
            }
            let data = Data(bytes)
            #expect(JSONValidator.validate(data) == (try judge.root(data)), "\(Array(data))")
        }
    }

    @Test("nesting up to SQLite's depth limit is valid and one level more is not, as in SQLite")
    func depthLimit() throws {
        let judge = try SQLiteJudge()
        for depth in [63, 64, 65, 1_999, 2_000, 2_001, 5_000] {
            for (open, close) in [("[", "]"), ("{\"k\":", "}")] {
                let text = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
                let bytes = Data(text.utf8)
                #expect(JSONValidator.validate(bytes) == (try judge.root(bytes)), "depth \(depth) \(open)")
                #expect((JSONValidator.validate(bytes) != nil) == (depth <= JSONValidator.maximumDepth))
            }
        }
        let mixed = String(repeating: "[{\"a\":", count: 40) + "0" + String(repeating: "}]", count: 40)
        #expect(JSONValidator.validate(Data(mixed.utf8)) == .other)
    }

    @Test("the events table checks lengths but not JSON; the append refuses bad JSON and the triggers edits")
    func jsonCheckedByTheAppend() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("baseline.ledger")
        let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_800_000_000) }
        let log = try EventLog.open(path: path, options: .init(create: true, clock: clock))
        try log.append(events("old", count: 5), to: "s", expected: .noStream)
        #expect(try log.schemaVersion() == EventLog.latestSchemaVersion)
        let definition = try log.database.scalarText("SELECT sql FROM sqlite_master WHERE name = 'events'") ?? ""
        #expect(!definition.contains("json_"))
        #expect(definition.contains("CHECK (length(stream) BETWEEN 1 AND 512)"))
        #expect(try log.database.scalarText("PRAGMA integrity_check") == "ok")
        #expect(try log.events(in: "s").map(\.id) == (0..<5).map { "old-\($0)" })
        #expect(try log.verify().isIntact)
        for (payload, metadata) in [("{not json", "{}"), (#"{"n":1}"#, "[1]"), (#"{"n":1}"#, "{")] {
            let bad = NewEvent(id: "bad", type: "Tested", payload: Data(payload.utf8), metadata: Data(metadata.utf8))
            let error = #expect(throws: EventLogError.self) {
                try log.append([event("fine"), bad], to: "s", expected: .exact(5))
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("must be JSON") == true)
        }
        try log.append([event("new")], to: "s", expected: .exact(5))
        #expect(try log.lastPosition() == 6)
        #expect(try log.verify().isIntact)
        let raw = RawSQLite(path: path)
        #expect(raw.execute("UPDATE events SET type = 'x' WHERE position = 1").code != 0)
        #expect(raw.execute("DELETE FROM events WHERE position = 1").code != 0)
    }

}
