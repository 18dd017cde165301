import ArgumentParser
import ContractsCore
import Foundation

/// `--as-of RUN|TIMESTAMP`: show the ledger as it was at a point in its history.
struct AsOfOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Show the ledger as it was at the end of sync run RUN (a number, see `contracts runs`), or at a UTC "
                + "time such as 2026-11-29T02:30:00Z (a date alone means the end of that day).",
            valueName: "run|timestamp"))
    var point: String?

    func validate() throws {
        if let point, LedgerPoint(argument: point) == nil {
            throw ValidationError(
                "--as-of \(point.prefix(40)) is neither a sync run number nor a time such as 2026-11-29T02:30:00Z")
        }
    }

    /// The snapshot asked for, or nil for the ledger as it is now.
    func snapshot(of store: LedgerStore) throws -> LedgerSnapshot? {
        guard let point, let parsed = LedgerPoint(argument: point) else { return nil }
        return try store.snapshot(at: parsed)
    }

    /// Says which point the output shows: on stdout before a table, on stderr before JSON or CSV (so that
    /// what a script parses stays one document).
    static func announce(_ snapshot: LedgerSnapshot?, format: OutputFormat) {
        guard let snapshot else { return }
        if format == .table {
            print(snapshot.description)
        } else {
            FileHandle.standardError.write(Data((snapshot.description + "\n").utf8))
        }
    }
}
