import EventLog
import Foundation
import SQLite
import TestSupport

/// Campaign 3: edits that bypass the triggers, each of which `ledger-replay` must find and name.
struct TamperCampaign {
    let tools: CampaignTools
    let seed: UInt64
    let scale: CampaignScale

    enum Kind: String, CaseIterable {
        case payloadByte = "a payload byte changed"
        case dropped = "an event dropped"
        case swapped = "two events swapped"
        case forgedAppend = "a row appended with a forged hash"
        case projectionEdit = "a projection row edited"
    }

    func run() async throws -> CampaignTally {
        var tally = CampaignTally()
        var random = SeededGenerator(seed: seed)
        let world = try await CampaignWorld.start("tamper", tools: tools, seed: seed)
        do {
            let ledger = try await world.makeLedger(
                "source.sqlite",
                imports: [
                    ["--company", "101", "--contract", "1001", "--contract", "1002"],
                    ["--company", "102", "--contract", "1004"],
                ])
            _ = world.sandbox.advanceNight()
            try await world.mustSucceed(["sync"], ledger: ledger)
            try await world.mustSucceed(["edit", "LC-1", "--set", "notes=checked"], ledger: ledger)
            let clean = try await world.replay(ledger)
            guard clean.succeeded else { throw CampaignError("the untampered ledger does not replay: \(clean)") }
            let last = try Database(path: ledger).scalarInt("SELECT max(position) FROM events") ?? 0
            for kind in Kind.allCases {
                for _ in 0..<scale.tampersPerKind {
                    let copy = try world.copyLedger(ledger, to: "tampered.sqlite")
                    let position = Int64.random(in: 3...(last - 1), using: &random)
                    let contract = "LC-\(Int.random(in: 1...3, using: &random))"
                    try tamper(copy, kind, at: position, contract: contract)
                    let replay = try await world.replay(copy)
                    let named = (replay.stdout + replay.stderr).contains("position") || replay.stdout.contains("row")
                    if !replay.signaled && replay.status == 1 && named {
                        tally.tampersFound += 1
                    } else {
                        tally.failures.append("tamper: \(kind.rawValue) at \(position) went unnamed: \(replay)")
                    }
                }
            }
        } catch {
            tally.failures.append("tamper: \(error)")
        }
        await world.finish(&tally, campaign: "tamper")
        return tally
    }

    /// Applies one tamper with a raw connection, as someone with the file and sqlite3 could.
    func tamper(_ path: String, _ kind: Kind, at position: Int64, contract: String) throws {
        let database = try Database(path: path)
        try database.execute("DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete")
        switch kind {
        case .payloadByte:
            let payload = try database.scalarText("SELECT payload FROM events WHERE position = ?", [.integer(position)])
            var bytes = Array((payload ?? "{}").utf8)
            if let index = bytes.firstIndex(where: { (0x61...0x7A).contains($0) }) {
                bytes[index] = bytes[index] == 0x7A ? 0x61 : bytes[index] + 1
            } else if let index = bytes.firstIndex(where: { (0x30...0x39).contains($0) }) {
                bytes[index] = bytes[index] == 0x39 ? 0x30 : bytes[index] + 1
            }
            try database.execute(
                "UPDATE events SET payload = ? WHERE position = ?",
                [.text(String(decoding: bytes, as: UTF8.self)), .integer(position)])
        case .dropped:
            try database.execute("DELETE FROM events WHERE position = ?", [.integer(position)])
        case .swapped:
            try database.execute("UPDATE events SET position = -1 WHERE position = ?", [.integer(position)])
            try database.execute(
                "UPDATE events SET position = ? WHERE position = ?", [.integer(position), .integer(position + 1)])
            try database.execute("UPDATE events SET position = ? WHERE position = -1", [.integer(position + 1)])
        case .forgedAppend:
            try database.execute(
                """
                INSERT INTO events (position, stream, version, event_id, type, schema_version, payload, metadata,
                    recorded_at, previous_hash, hash)
                SELECT (SELECT max(position) + 1 FROM events), stream,
                    (SELECT max(version) + 1 FROM events AS e WHERE e.stream = events.stream), 'forged-' || event_id,
                    type, schema_version, payload, metadata, recorded_at,
                    (SELECT hash FROM events ORDER BY position DESC LIMIT 1), randomblob(32)
                FROM events WHERE position = ?
                """, [.integer(position)])
        case .projectionEdit:
            try database.execute("UPDATE contracts SET name = 'Tampered name' WHERE id = ?", [.text(contract)])
        }
        // The tamperer puts the triggers back, so nothing looks touched.
        try database.execute(
            """
            CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'the event log is append-only: UPDATE on events is refused'); END;
            CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'the event log is append-only: DELETE on events is refused'); END;
            """)
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}
