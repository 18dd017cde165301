import ArgumentParser
import ContractsCore
import Ledger

/// `contracts diff RUN_A RUN_B`: the state at the end of one sync run against the end of another.
struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Compares the ledger at the end of two sync runs: contracts, fields, assets, missing contracts and renewals.",
        discussion: """
            Both states are folded from the log by the projections' own code, up to each run's last event. \
            Each change shows the old and new value and the event that made it (its type and log position): \
            Autotask-owned fields, assets linked or unlinked, a contract missing in Autotask (inactive, deleted, \
            not visible) or found again, and a renewal (the Autotask id of the renewal contract).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(
        help: ArgumentHelp("The number of the earlier sync run (`contracts runs` lists them).", valueName: "run-a"))
    var runA: Int

    @Argument(help: ArgumentHelp("The number of the later sync run.", valueName: "run-b"))
    var runB: Int

    @Option(help: ArgumentHelp("Show the changes of this LCI contract only, such as LC-3.", valueName: "id"))
    var contract: ContractArgument?

    @OptionGroup var format: FormatOptions

    func run() async throws {
        let store = try ledger.open()
        let diff = try store.diff(runA, runB, contract: contract?.id)
        var rows: [[JSONValue]] = []
        for id in diff.contractsAdded { rows.append([.string(id), .string("contract added"), .null, .null, .null]) }
        for id in diff.contractsRemoved {
            rows.append([.string(id), .string("contract removed"), .null, .null, .null])
        }
        for field in diff.fields {
            rows.append([
                .string(field.contract), .string(field.field), .text(field.from), .text(field.to),
                .string("\(field.event) @\(field.position)"),
            ])
        }
        for status in diff.autotaskStatus {
            let change =
                switch status.field {
                case "renewedTo": "renewed in Autotask"
                case "autotaskReference": "followed renewal"
                default: status.to == nil ? "found again in Autotask" : "missing in Autotask"
                }
            rows.append([
                .string(status.contract), .string(change), .text(status.from), .text(status.to),
                .string("\(status.event) @\(status.position)"),
            ])
        }
        for asset in diff.assetsAdded {
            rows.append([
                .string(asset.contract), .string("asset linked"), .null, .string("\(asset.assetID) \(asset.name)"),
                .string("\(AssetLinked.eventType) @\(asset.position)"),
            ])
        }
        for asset in diff.assetsRemoved {
            rows.append([
                .string(asset.contract), .string("asset unlinked"), .string("\(asset.assetID) \(asset.name)"), .null,
                .string("\(AssetUnlinked.eventType) @\(asset.position)"),
            ])
        }
        let set = RowSet(
            [("contract", "CONTRACT"), ("change", "CHANGE"), ("from", "FROM"), ("to", "TO"), ("event", "EVENT")],
            rows: rows)
        if format.format == .table {
            print("Sync #\(diff.runA) (position \(diff.positionA)) -> sync #\(diff.runB) (position \(diff.positionB))")
        }
        print(set.rendered(format.format, empty: "No differences."))
    }
}
