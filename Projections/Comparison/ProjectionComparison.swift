import EventLog
import Foundation
import SQLite

/// A row that differs between two copies of the projections (stored and rebuilt).
public struct ProjectionDifference: Equatable, Sendable, CustomStringConvertible {
    /// The table.
    public let table: String
    /// The row's key, as `column=value` pairs.
    public let key: String
    /// What differs: only stored, only rebuilt, or the columns whose values differ.
    public let detail: String

    public var description: String { "table \(table), row \(key): \(detail)" }
}

extension Projector {
    /// Compares every projection table of `stored` with the same table of `rebuilt`, row by row, and
    /// returns the differences (at most `limit`).
    public static func compare(stored: ProjectionReader, rebuilt: ProjectionReader, limit: Int = 50) throws
        -> [ProjectionDifference]
    {
        try compare(stored: stored.database, rebuiltPath: rebuilt.database.path, limit: limit)
    }

    /// Compares every projection table of `stored` with the same table in the database file at
    /// `rebuiltPath`, row by row, and returns the differences (at most `limit`).
    package static func compare(stored: Database, rebuiltPath: String, limit: Int = 50) throws
        -> [ProjectionDifference]
    {
        try TableComparison.attaching(rebuiltPath, to: stored, as: "rebuilt") {
            var differences: [ProjectionDifference] = []
            for table in tables {
                guard differences.count < limit else { break }
                let header = try stored.makeStatement("SELECT * FROM main.\(table.name) LIMIT 0")
                let names = (0..<header.columnCount).map { header.columnName($0) }
                let comparison = TableComparison(
                    table: table.name, key: table.key, compared: names.filter { !table.key.contains($0) })
                let rows = try comparison.differences(in: stored, against: "rebuilt")
                func key(_ row: [DatabaseValue]) -> String {
                    table.key.indices.map { "\(comparison.columns[$0])=\(row[$0])" }.joined(separator: ", ")
                }
                var onlyRebuilt: [(key: String, row: [DatabaseValue])] = []
                for row in rows {
                    switch (row.main, row.other) {
                    case (let stored?, let rebuilt?):
                        let changed = comparison.columns.indices.filter { stored[$0] != rebuilt[$0] }.map {
                            "\(comparison.columns[$0]) is \(stored[$0]) in the stored table but \(rebuilt[$0]) "
                                + "when rebuilt from the log"
                        }
                        differences.append(
                            .init(table: table.name, key: key(stored), detail: changed.joined(separator: "; ")))
                    case (let stored?, nil):
                        differences.append(
                            .init(table: table.name, key: key(stored), detail: "stored, but not produced by the log"))
                    case (nil, let rebuilt?):
                        onlyRebuilt.append((key(rebuilt), rebuilt))
                    case (nil, nil):
                        break
                    }
                }
                for (rowKey, _) in onlyRebuilt.sorted(by: { $0.key < $1.key }) {
                    differences.append(
                        .init(
                            table: table.name, key: rowKey,
                            detail: "produced by the log, but missing from the stored table"))
                }
            }
            return Array(differences.prefix(limit))
        }
    }
}
