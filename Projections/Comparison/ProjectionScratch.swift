import EventLog
import Foundation
import SQLite

/// A scratch folder of databases the projections are folded into, removed when released.
///
/// The diff and the audit fold the projections' own code into scratch files up to any position (the end
/// of a sync run, or the end of the log) and read or compare them with ``ProjectionReader``.
public final class ProjectionScratch {
    let folder: URL

    /// Creates an empty scratch folder in the temporary directory.
    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Folds the projections over `log` up to two positions into two scratch databases, reading the log
    /// only once: up to the earlier position, a copy (`VACUUM INTO`), then the copy on to the later one
    /// by the same projector, which still holds every contract's state.
    public func fold(_ log: EventLog, through first: Int64, and second: Int64) throws
        -> (ProjectionReader, ProjectionReader)
    {
        let (early, late) = (min(first, second), max(first, second))
        let projector = Projector.folding(log)
        let earlyReader = try fold(log, through: early, name: "early", projector: projector)
        let latePath = folder.appendingPathComponent("late.db").path
        try earlyReader.database.execute("VACUUM INTO '\(latePath.replacingOccurrences(of: "'", with: "''"))'")
        let lateDatabase = try Database(path: latePath)
        try lateDatabase.execute("PRAGMA synchronous = OFF")
        try projector.resume(from: log, into: lateDatabase, through: late)
        let lateReader = ProjectionReader(database: lateDatabase)
        return first <= second ? (earlyReader, lateReader) : (lateReader, earlyReader)
    }

    /// Folds the projections' own code over `log` up to `position` into a new scratch database named
    /// `name`, with `projector` (a new one by default).
    public func fold(
        _ log: EventLog, through position: Int64, name: String, projector: Projector? = nil
    ) throws -> ProjectionReader {
        let path = folder.appendingPathComponent("\(name).db").path
        let database = try Database(path: path, options: Database.Options(create: true))
        // A scratch file is thrown away after use: it needs no durability, so no fsync.
        try database.execute("PRAGMA synchronous = OFF")
        try (projector ?? Projector.folding(log)).rebuild(from: log, into: database, through: position)
        return ProjectionReader(database: database)
    }
}
