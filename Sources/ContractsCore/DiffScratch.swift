import EventLog
import Foundation
import Projections

/// A scratch folder holding databases that the projections are folded into, removed when released.
final class DiffScratch {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Folds the projections over `log` up to two positions into two scratch databases, reading the log
    /// only once: up to the earlier position, a copy (`VACUUM INTO`), then the copy on to the later one
    /// by the same projector, which still holds every contract's state.
    ///
    /// `progress` (which costs reading each event's metadata, so leave it nil when nothing is shown) is
    /// called every 4,096 events with the position reached and the later position.
    func fold(
        _ log: EventLog, through first: Int64, and second: Int64, progress: ((Int64, Int64) -> Void)? = nil
    ) throws -> (Database, Database) {
        let (early, late) = (min(first, second), max(first, second))
        let projector = Projector.folding(log)
        if let progress {
            progress(0, late)
            projector.observer = { recorded, _ in
                if recorded.position & 4095 == 0 { progress(recorded.position, late) }
            }
        }
        defer { progress?(late, late) }
        let (earlyDatabase, _) = try fold(log, through: early, name: "early", projector: projector)
        let latePath = folder.appendingPathComponent("late.db").path
        try earlyDatabase.execute("VACUUM INTO '\(latePath.replacingOccurrences(of: "'", with: "''"))'")
        let lateDatabase = try Database(path: latePath)
        try lateDatabase.execute("PRAGMA synchronous = OFF")
        try projector.resume(from: log, into: lateDatabase, through: late)
        return first <= second ? (earlyDatabase, lateDatabase) : (lateDatabase, earlyDatabase)
    }

    /// Folds the projections' own code over `log` up to `position` into a new scratch database.
    func fold(
        _ log: EventLog, through position: Int64, name: String, projector: Projector? = nil
    ) throws -> (Database, String) {
        let path = folder.appendingPathComponent("\(name).db").path
        let database = try Database(path: path, options: Database.Options(create: true))
        // A scratch file is thrown away after use: it needs no durability, so no fsync.
        try database.execute("PRAGMA synchronous = OFF")
        try (projector ?? Projector.folding(log)).rebuild(from: log, into: database, through: position)
        return (database, path)
    }
}
