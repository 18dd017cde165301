import SQLite

/// Compares one projection table of two databases row by row, matching rows by their key.
///
/// The database a comparison runs on is the `main` side; the other is attached to it under a schema
/// name. A row differs when its key is on one side only, or when one of the ``compared`` columns holds
/// another value on the other side (`IS NOT`, so NULL equals NULL). The audit compares every column of
/// every table (stored against rebuilt); the diff compares a few columns of three tables (one run's end
/// against another's).
struct TableComparison {
    /// One row that differs: its values on each side (nil where the key is missing), in ``columns`` order.
    struct Row {
        let main: [DatabaseValue]?
        let other: [DatabaseValue]?
    }

    /// The table.
    let table: String
    /// The columns that identify a row.
    let key: [String]
    /// The columns whose values are compared (besides the key's presence).
    let compared: [String]
    /// The columns read from each side: the key, the compared columns, then any others asked for.
    let columns: [String]

    init(table: String, key: [String], compared: [String], reading others: [String] = []) {
        self.table = table
        self.key = key
        self.compared = compared
        var columns = key
        for column in compared + others where !columns.contains(column) { columns.append(column) }
        self.columns = columns
    }

    /// The index of a column in the rows' values.
    func index(of column: String) -> Int {
        columns.firstIndex(of: column)!
    }

    /// The rows of `database` whose key is missing from `schema` or whose compared values differ there
    /// (with the other side's values), in key order; then the rows only in `schema`, in key order.
    ///
    /// `filter` keeps the rows whose column holds a value.
    func differences(
        in database: Database, against schema: String, filter: (column: String, value: DatabaseValue)? = nil
    ) throws -> [Row] {
        let mainColumns = columns.map { "m.\($0)" }.joined(separator: ", ")
        let otherColumns = columns.map { "o.\($0)" }.joined(separator: ", ")
        let join = key.map { "m.\($0) = o.\($0)" }.joined(separator: " AND ")
        let differs = (["o.\(key[0]) IS NULL"] + compared.map { "m.\($0) IS NOT o.\($0)" })
            .joined(separator: " OR ")
        let arguments = filter.map { [$0.value] } ?? []
        let both = try database.makeStatement(
            """
            SELECT \(mainColumns), \(otherColumns) FROM main.\(table) m LEFT JOIN \(schema).\(table) o ON \(join)
            WHERE (\(differs))\(filter.map { " AND m.\($0.column) = ?" } ?? "")
            ORDER BY \(key.map { "m.\($0)" }.joined(separator: ", "))
            """)
        let count = columns.count
        let keyIndex = Int32(count)
        var rows = try both.rows(arguments) { row in
            Row(
                main: (0..<count).map { row.value(Int32($0)) },
                other: row.isNull(keyIndex) ? nil : (0..<count).map { row.value(Int32(count + $0)) })
        }
        let onlyOther = try database.makeStatement(
            """
            SELECT \(otherColumns) FROM \(schema).\(table) o
            WHERE NOT EXISTS (SELECT 1 FROM main.\(table) m WHERE \(join))\(filter.map { " AND o.\($0.column) = ?" } ?? "")
            ORDER BY \(key.map { "o.\($0)" }.joined(separator: ", "))
            """)
        rows += try onlyOther.rows(arguments) { row in
            Row(main: nil, other: (0..<count).map { row.value(Int32($0)) })
        }
        return rows
    }

    /// Attaches the database file at `path` to `database` as `schema` while `body` runs.
    static func attaching<T>(_ path: String, to database: Database, as schema: String, _ body: () throws -> T)
        throws -> T
    {
        try database.execute("ATTACH DATABASE \(quote(path)) AS \(schema)")
        defer { try? database.execute("DETACH DATABASE \(schema)") }
        return try body()
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
