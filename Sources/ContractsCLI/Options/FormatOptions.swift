import ArgumentParser

/// How rows are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Aligned columns for people.
    case table
    /// A JSON array of objects with stable keys, for scripts.
    case json
    /// Comma-separated values with a header row, quoted where needed.
    case csv
}

/// `--format table|json|csv`, `--wide` and `--bom`.
struct FormatOptions: ParsableArguments {
    @Option(help: "How to print rows: table for people, json or csv for scripts (keys in docs/output.md).")
    var format: OutputFormat = .table

    @Flag(help: "Print table columns whole instead of fitting them to the terminal's width ($COLUMNS, or 80).")
    var wide = false

    @Flag(help: "Start CSV with a byte order mark, so that Excel reads it as UTF-8.")
    var bom = false

    /// The width tables are fitted to: nil with --wide, else the terminal's.
    var tableWidth: Int? { wide ? nil : TerminalText.columns() }

    /// The rows in the chosen format, fitted and marked as asked.
    func render(_ rows: RowSet, empty: String) -> String {
        rows.rendered(format, empty: empty, width: tableWidth, bom: bom)
    }
}
