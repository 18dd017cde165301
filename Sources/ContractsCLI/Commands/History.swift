import ArgumentParser
import ContractsCore
import Ledger
import Projections

/// `contracts history`: every event of one contract.
struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shows the history of one contract: its import or creation, edits, copies and sync changes.")

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The LCI contract id, such as LC-1.", valueName: "id"))
    var contract: ContractArgument

    @OptionGroup var format: FormatOptions

    func run() async throws {
        let store = try ledger.openForQueries()
        _ = try store.existingContract(contract.id)
        guard format.format == .table else {
            var rows = Log.eventColumns
            for event in try store.log.events(in: StreamName.contract(contract.id).rawValue) {
                let decoded = try? Projector.decode(event)
                rows.rows.append(
                    Log.eventRow(
                        event, decoded: decoded, summary: decoded?.summary ?? "(a payload this version cannot read)"))
            }
            print(format.render(rows, empty: ""))
            return
        }
        let rows = RowSet(
            [
                ("version", "#"), ("position", "POSITION"), ("recordedAt", "RECORDED (UTC)"), ("type", "EVENT"),
                ("actor", "BY"), ("syncRun", "SYNC RUN"), ("summary", "SUMMARY"),
            ],
            rows: try store.history(of: contract.id).map {
                [
                    .int($0.version), .int($0.position), .string($0.recordedAt), .string($0.type), .text($0.actor),
                    .int($0.syncRun), .string($0.summary),
                ]
            })
        print(format.render(rows, empty: "No history."))
    }
}
