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

    /// The rows in a format; `empty` is what a table shows when there are no rows. A table is fitted to
    /// `width` terminal cells (whole when nil); CSV starts with a byte order mark when `bom`.
    func rendered(_ format: OutputFormat, empty: String, width: Int? = nil, bom: Bool = false) -> String {
        switch format {
        case .json: json.pretty()
        case .csv: (bom ? "\u{FEFF}" : "") + csv()
        case .table: rows.isEmpty ? empty : table(width: width)
        }
    }

    /// The widest a column other than the last is in a table, even with `--wide`; longer values are cut
    /// with `…` (JSON and CSV carry them in full), so that one long value cannot pad every row to its width.
    static let maxColumnWidth = 120

    /// Aligned columns with a header and a rule, measured in terminal cells; the last column is not padded.
    ///
    /// Control characters are shown escaped. With a `width`, the widest text columns are shortened (with
    /// `…`) until the lines fit, down to the width of their title or 8 cells; numbers and short columns keep
    /// their width. Linear in the size of the output: no column but the last is wider than
    /// ``maxColumnWidth``, and trailing spaces are dropped as lines are built.
    func table(width: Int? = nil) -> String {
        let count = columns.count
        let cells = [columns.map(\.title)] + rows.map { $0.map { TerminalText.escaped($0.plainText) } }
        let measured = cells.map { $0.map(TerminalText.width) }
        var widths = Array(repeating: 0, count: count)
        for row in measured { for (index, cells) in row.enumerated() { widths[index] = max(widths[index], cells) } }
        for index in 0..<max(0, count - 1) { widths[index] = min(widths[index], Self.maxColumnWidth) }
        if let width {
            // Free text first; then, if the line is still too long, any column of text (codes and dates too).
            widths = Self.fitted(widths, into: width, titles: measured[0], shrinkable: shrinkableColumns(measured))
            let texts = (0..<count).map { index in rows.contains { index < $0.count && $0[index].isString } }
            widths = Self.fitted(widths, into: width, titles: measured[0].map { min($0, 4) }, shrinkable: texts)
        }
        var output = ""
        func append(_ row: [String], _ rowWidths: [Int]) {
            var line = ""
            for index in 0..<count {
                var cell = row[index]
                var cellWidth = rowWidths[index]
                if cellWidth > widths[index] {
                    cell = TerminalText.truncated(cell, toWidth: widths[index])
                    cellWidth = TerminalText.width(cell)
                }
                if index > 0 { line += "  " }
                line += cell
                if index < count - 1 { line += String(repeating: " ", count: max(0, widths[index] - cellWidth)) }
            }
            while line.last == " " { line.removeLast() }
            output += line + "\n"
        }
        append(cells[0], measured[0])
        output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for index in 1..<cells.count { append(cells[index], measured[index]) }
        output.removeLast()
        return output
    }

    /// Columns that may be shortened: those holding text of varying widths (not only numbers, booleans and
    /// nulls, and not fixed-width codes such as timestamps).
    private func shrinkableColumns(_ measured: [[Int]]) -> [Bool] {
        (0..<columns.count).map { index in
            var widths = Set<Int>()
            for (number, row) in rows.enumerated() where index < row.count {
                if case .string = row[index] { widths.insert(measured[number + 1][index]) }
                if widths.count > 1 { return true }
            }
            return false
        }
    }

    /// Column widths shortened, widest text column first, until the line (with two-cell gaps) fits `total`.
    static func fitted(_ widths: [Int], into total: Int, titles: [Int], shrinkable: [Bool]) -> [Int] {
        var widths = widths
        let gaps = 2 * max(0, widths.count - 1)
        var excess = widths.reduce(gaps, +) - total
        let floors = widths.indices.map { min(widths[$0], max(titles[$0], titles[$0] <= 4 ? 4 : 8)) }
        while excess > 0 {
            var widest: Int?
            for index in widths.indices where shrinkable[index] && widths[index] > floors[index] {
                if widest.map({ widths[index] > widths[$0] }) ?? true { widest = index }
            }
            guard let widest else { break }
            // Down to the next widest column at once (at least one cell), never below the floor.
            let next = widths.indices.filter { $0 != widest && shrinkable[$0] }.map { widths[$0] }.max() ?? 0
            let step = min(excess, widths[widest] - floors[widest], max(1, widths[widest] - next))
            widths[widest] -= step
            excess -= step
        }
        return widths
    }

    /// RFC 4180 CSV: a header of keys, then rows; every cell neutralised against formula injection (OWASP),
    /// and quoted when it holds commas, quotes, line breaks or edge spaces.
    func csv() -> String {
        var lines = [columns.map { CSVCell.field($0.key) }.joined(separator: ",")]
        lines += rows.map { $0.map { CSVCell.field($0.plainTextForCSV) }.joined(separator: ",") }
        return lines.joined(separator: "\n")
    }

    static func csvField(_ text: String) -> String {
        CSVCell.field(text)
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

extension JSONValue {
    /// Whether this is a string (text that a table may shorten).
    var isString: Bool {
        if case .string = self { return true }
        return false
    }

    /// Text for CSV: booleans as true/false, so scripts read them back.
    var plainTextForCSV: String {
        if case .bool(let flag) = self { return flag ? "true" : "false" }
        return plainText
    }
}
