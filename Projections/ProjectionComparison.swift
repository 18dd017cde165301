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
    /// Compares every projection table of `stored` with the same table in the database file at
    /// `rebuiltPath`, row by row, and returns the differences (at most `limit`).
    package static func compare(stored: Database, rebuiltPath: String, limit: Int = 50) throws -> [ProjectionDifference]
    {
        try stored.execute("ATTACH DATABASE \(quote(rebuiltPath)) AS rebuilt")
        defer { try? stored.execute("DETACH DATABASE rebuilt") }
        var differences: [ProjectionDifference] = []
        for table in tables {
            guard differences.count < limit else { break }
            let columns = try stored.makeStatement("SELECT * FROM main.\(table.name) LIMIT 0")
            let names = (0..<columns.columnCount).map { columns.columnName($0) }
            let keyList = table.key.joined(separator: ", ")
            let onlyStored = try rows(
                stored,
                "SELECT * FROM main.\(table.name) EXCEPT SELECT * FROM rebuilt.\(table.name) ORDER BY \(keyList)")
            let onlyRebuilt = try rows(
                stored,
                "SELECT * FROM rebuilt.\(table.name) EXCEPT SELECT * FROM main.\(table.name) ORDER BY \(keyList)")
            let keyIndexes = table.key.compactMap { names.firstIndex(of: $0) }
            func key(_ row: [DatabaseValue]) -> String {
                keyIndexes.map { "\(names[$0])=\(row[$0])" }.joined(separator: ", ")
            }
            var rebuiltByKey = Dictionary(onlyRebuilt.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            for row in onlyStored {
                let rowKey = key(row)
                if let other = rebuiltByKey.removeValue(forKey: rowKey) {
                    let changed = names.indices.filter { row[$0] != other[$0] }.map {
                        "\(names[$0]) is \(row[$0]) in the stored table but \(other[$0]) when rebuilt from the log"
                    }
                    differences.append(.init(table: table.name, key: rowKey, detail: changed.joined(separator: "; ")))
                } else {
                    differences.append(
                        .init(table: table.name, key: rowKey, detail: "stored, but not produced by the log"))
                }
            }
            for (rowKey, _) in rebuiltByKey.sorted(by: { $0.key < $1.key }) {
                differences.append(
                    .init(
                        table: table.name, key: rowKey, detail: "produced by the log, but missing from the stored table"
                    ))
            }
        }
        return Array(differences.prefix(limit))
    }

    private static func rows(_ database: Database, _ sql: String) throws -> [[DatabaseValue]] {
        let statement = try database.makeStatement(sql)
        return try statement.rows { row in (0..<row.columnCount).map { row.value($0) } }
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
