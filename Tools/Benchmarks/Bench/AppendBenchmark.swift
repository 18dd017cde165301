import CSQLite
import EventLog
import Foundation

/// Appends realistic contract events through the ledger's log, and the same rows through raw SQLite (the ceiling).
struct AppendBenchmark {
    /// Events in all.
    let events: Int
    /// Distinct streams the events spread over.
    let streams: Int
    /// Events per transaction.
    let batch: Int

    /// A realistic ~300-byte JSON payload of a contract event.
    static func payload(_ index: Int) -> Data {
        let text = """
            {"field":"endDate","from":"2025-12-31","to":"2026-12-31","syncRun":\(index % 97),\
            "contract":{"id":"LC-\(index % 10_000)","name":"Managed Services \(index)","company":"Company \(index % 500)",\
            "price":"\(1000 + index % 5000).50","units":\(index % 40)},"note":"renewal window opens in 60 days"}
            """
        return Data(text.utf8)
    }

    static let metadata = Data(#"{"actor":"bench","commandID":"c0ffee00-0000-4000-8000-000000000000"}"#.utf8)

    /// Appends through `EventLog` into a new file; returns the seconds taken.
    func runLedger(path: String) throws -> Double {
        let log = try EventLog.open(path: path, options: .init(create: true))
        var versions = [Int64](repeating: 0, count: streams)
        let started = DispatchTime.now()
        var index = 0
        while index < events {
            let count = min(batch, events - index)
            try log.write { transaction in
                var offset = 0
                while offset < count {
                    let stream = (index + offset) / max(1, batch < 10 ? 1 : 10) % streams
                    let run = min(count - offset, batch < 10 ? 1 : 10)
                    let newEvents = (0..<run).map { position in
                        NewEvent(
                            id: "e-\(index + offset + position)", type: "AutotaskFieldChanged",
                            payload: Self.payload(index + offset + position), metadata: Self.metadata)
                    }
                    let expected: ExpectedVersion = versions[stream] == 0 ? .noStream : .exact(versions[stream])
                    let result = try transaction.append(newEvents, to: "contract/LC-\(stream)", expected: expected)
                    versions[stream] = result.version
                    offset += run
                }
            }
            index += count
        }
        return Self.seconds(since: started)
    }

    /// Inserts the same rows with prepared statements into a plain table; returns the seconds taken.
    func runRaw(path: String) throws -> Double {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK else { throw BenchError("cannot open \(path)") }
        defer { sqlite3_close(handle) }
        sqlite3_exec(handle, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL", nil, nil, nil)
        sqlite3_exec(
            handle,
            """
            CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, version INTEGER NOT NULL,
                event_id TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, metadata TEXT NOT NULL,
                UNIQUE (stream, version))
            """, nil, nil, nil)
        var statement: OpaquePointer?
        sqlite3_prepare_v2(
            handle, "INSERT INTO events (stream, version, event_id, type, payload, metadata) VALUES (?, ?, ?, ?, ?, ?)",
            -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        var versions = [Int64](repeating: 0, count: streams)
        let started = DispatchTime.now()
        var index = 0
        while index < events {
            let count = min(batch, events - index)
            sqlite3_exec(handle, "BEGIN IMMEDIATE", nil, nil, nil)
            for offset in 0..<count {
                let stream = (index + offset) / max(1, batch < 10 ? 1 : 10) % streams
                versions[stream] += 1
                let payload = Self.payload(index + offset)
                sqlite3_bind_text(statement, 1, "contract/LC-\(stream)", -1, csqlite_transient())
                sqlite3_bind_int64(statement, 2, versions[stream])
                sqlite3_bind_text(statement, 3, "e-\(index + offset)", -1, csqlite_transient())
                sqlite3_bind_text(statement, 4, "AutotaskFieldChanged", -1, csqlite_transient())
                _ = payload.withUnsafeBytes {
                    sqlite3_bind_text(
                        statement, 5, $0.baseAddress!.assumingMemoryBound(to: CChar.self), Int32($0.count),
                        csqlite_transient())
                }
                _ = Self.metadata.withUnsafeBytes {
                    sqlite3_bind_text(
                        statement, 6, $0.baseAddress!.assumingMemoryBound(to: CChar.self), Int32($0.count),
                        csqlite_transient())
                }
                guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchError("raw insert failed") }
                sqlite3_reset(statement)
            }
            guard sqlite3_exec(handle, "COMMIT", nil, nil, nil) == SQLITE_OK else { throw BenchError("commit failed") }
            index += count
        }
        return Self.seconds(since: started)
    }

    /// Reads every event back through the log's streaming cursor; returns (events, seconds).
    static func readBack(path: String) throws -> (Int, Double) {
        let log = try EventLog.open(path: path, options: .init(readOnly: true))
        let started = DispatchTime.now()
        var count = 0
        var bytes = 0
        let cursor = try log.cursor()
        while let event = try cursor.next() {
            count += 1
            bytes &+= event.payload.count
        }
        precondition(bytes > 0)
        return (count, seconds(since: started))
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
