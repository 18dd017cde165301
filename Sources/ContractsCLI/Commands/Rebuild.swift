import ArgumentParser
import ContractsCore

/// `contracts rebuild`: repairs projection tables that differ from the log, and records the repair.
struct Rebuild: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Rebuilds the projection tables from the event log when they differ from it, and says what it repaired.",
        discussion: """
            The tables that `list`, `show` and the analysts' views read (contracts, contract_fields, \
            contract_assets, sync_runs, ...) are folded from the event log, which is the truth. If someone edited \
            them by hand (with sqlite3, for example), `ledger-replay` reports the rows that differ; this command \
            compares every row with a fold of the whole log, and when any differ it rebuilds every table from the \
            log, records a ProjectionsRebuilt event naming what it repaired, and prints those rows. When nothing \
            differs it writes nothing. The event log itself cannot be edited this way: its triggers refuse it, and \
            its hash chain shows edits made around them (`ledger-replay` checks it).
            """)

    @OptionGroup var ledger: LedgerOptions

    func run() async throws {
        let store = try ledger.open()
        let report = try store.rebuildProjections()
        guard let position = report.recordedAt else {
            print(
                "The projection tables agree with the log through position \(report.throughPosition); nothing to repair."
            )
            return
        }
        let count = report.repaired.count
        print(
            "Rebuilt the projection tables from the log through position \(report.throughPosition); "
                + "\(count) row\(count == 1 ? "" : "s") repaired (recorded as event \(position)):")
        for line in report.repaired { print("  \(line)") }
    }
}
