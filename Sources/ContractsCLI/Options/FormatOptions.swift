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

/// `--format table|json|csv`.
struct FormatOptions: ParsableArguments {
    @Option(help: "How to print rows: table for people, json or csv for scripts.")
    var format: OutputFormat = .table
}
