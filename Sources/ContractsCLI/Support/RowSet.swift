import Foundation

/// Rows to print: column keys (JSON keys and CSV header), column titles (table header) and values.
struct RowSet: Sendable {
    struct Column: Sendable {
        var key: String
        var title: String
    }

    var columns: [Column]
    var rows: [[JSONValue]]

    init(_ columns: [(key: String, title: String)], rows: [[JSONValue]] = []) {
        self.columns = columns.map { Column(key: $0.key, title: $0.title) }
        self.rows = rows
    }

    /// The rows as JSON objects, keys in column order.
    var json: JSONValue {
        .array(rows.map { row in .object(zip(columns, row).map { ($0.key, $1) }) })
    }

    /// The rows in a format; `empty` is what a table shows when there are no rows.
    func rendered(_ format: OutputFormat, empty: String) -> String {
        switch format {
        case .json: json.pretty()
        case .csv: csv()
        case .table: rows.isEmpty ? empty : table()
        }
    }

    /// Aligned columns with a header and a rule; the last column is not padded.
    func table() -> String {
        let cells = [columns.map(\.title)] + rows.map { $0.map { Self.oneLine($0.plainText) } }
        var widths = Array(repeating: 0, count: columns.count)
        for row in cells { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var lines = [line(cells[0]), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += cells.dropFirst().map(line)
        return lines.map { $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }

    /// RFC 4180 CSV: a header of keys, then rows; fields with commas, quotes, line breaks or edge spaces quoted.
    func csv() -> String {
        var lines = [columns.map { Self.csvField($0.key) }.joined(separator: ",")]
        lines += rows.map { $0.map { Self.csvField($0.plainTextForCSV) }.joined(separator: ",") }
        return lines.joined(separator: "\n")
    }

    static func csvField(_ text: String) -> String {
        let needsQuotes =
            text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

extension JSONValue {
    /// Text for CSV: booleans as true/false, so scripts read them back.
    var plainTextForCSV: String {
        if case .bool(let flag) = self { return flag ? "true" : "false" }
        return plainText
    }
}
