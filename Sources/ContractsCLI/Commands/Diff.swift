import ArgumentParser
import ContractsCore
import Foundation
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

    @OptionGroup var progress: ProgressOptions

    func run() async throws {
        let store = try ledger.openForQueries()
        let reporter = progress.reporter(task: "diff", unit: "events")
        let diff = try store.diff(
            runA, runB, contract: contract?.id,
            progress: reporter.isActive
                ? { done, total in reporter.update(done: Int(done), total: Int(total), stage: "fold") } : nil)
        reporter.finish()
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
                switch status.kind {
                case .renewedInAutotask: "renewed in Autotask"
                case .foundInAutotask: "found again in Autotask"
                case .missingInAutotask: "missing in Autotask"
                }
            rows.append([
                .string(status.contract), .string(change), .text(status.from), .text(status.to),
                Self.event(status.event, at: status.position),
            ])
        }
        for asset in diff.assetsAdded {
            rows.append([
                .string(asset.contract), .string("asset linked"), .null, .string("\(asset.assetID) \(asset.name)"),
                Self.event(AssetLinked.eventType, at: asset.position),
            ])
        }
        for asset in diff.assetsRemoved {
            rows.append([
                .string(asset.contract), .string("asset unlinked"), .string("\(asset.assetID) \(asset.name)"), .null,
                Self.event(AssetUnlinked.eventType, at: asset.position),
            ])
        }
        let set = RowSet(
            [("contract", "CONTRACT"), ("change", "CHANGE"), ("from", "FROM"), ("to", "TO"), ("event", "EVENT")],
            rows: rows)
        if format.format == .table {
            print("Sync #\(diff.runA) (position \(diff.positionA)) -> sync #\(diff.runB) (position \(diff.positionB))")
        }
        for run in diff.unfinished {
            // A partial state is labelled: on stdout for people, on stderr beside JSON or CSV.
            let note =
                "Partial: sync #\(run.run) did not finish (\(run.status)); its state is what it committed "
                + "before it stopped (\(run.committedChanges) contract \(run.committedChanges == 1 ? "event" : "events"))."
            if format.format == .table {
                print(note)
            } else {
                FileHandle.standardError.write(Data("note: \(note)\n".utf8))
            }
        }
        print(set.rendered(format.format, empty: "No differences."))
    }

    /// `Type @position`, or null when no event between the two runs made the change.
    static func event(_ type: String?, at position: Int?) -> JSONValue {
        guard let type, let position else { return .null }
        return .string("\(type) @\(position)")
    }
}
