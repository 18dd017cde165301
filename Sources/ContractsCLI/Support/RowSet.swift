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

    /// The widest a column other than the last is in a table; longer values are cut with `…` (JSON and CSV
    /// carry them in full).
    static let maxColumnWidth = 120

    /// Aligned columns with a header and a rule; the last column is not padded. Linear in the size of the
    /// output: no cell is padded past ``maxColumnWidth``, and trailing spaces are dropped as lines are built.
    func table() -> String {
        let last = columns.count - 1
        func cell(_ text: String, _ index: Int) -> String {
            let line = Self.oneLine(text)
            guard index != last else { return line }
            return Self.clipped(line, to: Self.maxColumnWidth)
        }
        let cells =
            [columns.enumerated().map { cell($1.title, $0) }]
            + rows.map { $0.enumerated().map { cell($1.plainText, $0) } }
        let counts = cells.map { $0.map(\.count) }
        var widths = Array(repeating: 0, count: columns.count)
        for row in counts { for (index, count) in row.enumerated() { widths[index] = max(widths[index], count) } }
        func line(_ row: [String], _ counts: [Int]) -> String {
            var text = ""
            for (index, cell) in row.enumerated() {
                if index > 0 { text += "  " }
                text += cell
                if index < row.count - 1 { text += String(repeating: " ", count: widths[index] - counts[index]) }
            }
            while text.last?.isWhitespace == true { text.removeLast() }
            return text
        }
        var lines = [line(cells[0], counts[0])]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for (row, rowCounts) in zip(cells.dropFirst(), counts.dropFirst()) { lines.append(line(row, rowCounts)) }
        return lines.joined(separator: "\n")
    }

    /// The text cut to `width` characters, the last of them `…`, when it is longer.
    static func clipped(_ text: String, to width: Int) -> String {
        var count = 0
        var end = text.startIndex
        while end < text.endIndex, count < width {
            text.formIndex(after: &end)
            count += 1
        }
        return end == text.endIndex ? text : String(text[..<text.index(before: end)]) + "…"
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
