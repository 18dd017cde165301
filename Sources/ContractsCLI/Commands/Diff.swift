import ArgumentParser
import ContractsCore
import EventLog
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
            not visible) or found again, a renewal (the Autotask id of the renewal contract), and a renewal \
            followed (`contracts follow-renewal`). Each change is one row. With --format json or csv each row \
            carries its kind (`change`), typed values and the whole event that made it (docs/output.md).
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
        var changes: [Change] = []
        for id in diff.contractsAdded {
            let created = try store.log.events(in: StreamName.contract(ContractID(id)).rawValue).first
            changes.append(
                Change(
                    contract: id, kind: "contractAdded", label: "contract added", field: nil, from: .null, to: .null,
                    position: created.map { Int($0.position) } ?? 0))
        }
        for id in diff.contractsRemoved {
            changes.append(
                Change(
                    contract: id, kind: "contractRemoved", label: "contract removed", field: nil, from: .null,
                    to: .null, position: 0))
        }
        for field in diff.fields {
            changes.append(
                Change(
                    contract: field.contract, kind: "fieldChanged", label: field.field, field: field.field,
                    from: .field(field.field, stored: field.from), to: .field(field.field, stored: field.to),
                    position: field.position))
        }
        for status in diff.autotaskStatus {
            let (kind, label, from, to): (String, String, JSONValue, JSONValue) =
                switch status.kind {
                case .renewedInAutotask:
                    ("renewedInAutotask", "renewed in Autotask", Self.integer(status.from), Self.integer(status.to))
                case .followedRenewal: ("followedRenewal", "followed renewal", .text(status.from), .text(status.to))
                case .foundInAutotask:
                    ("foundInAutotask", "found again in Autotask", .text(List.missingCode(status.from)), .null)
                case .missingInAutotask:
                    ("missingInAutotask", "missing in Autotask", .null, .text(List.missingCode(status.to)))
                }
            changes.append(
                Change(
                    contract: status.contract, kind: kind, label: label, field: nil, from: from, to: to,
                    position: status.position ?? 0))
        }
        for asset in diff.assetsAdded {
            changes.append(
                Change(
                    contract: asset.contract, kind: "assetLinked", label: "asset linked", field: nil, from: .null,
                    to: Self.asset(asset), position: asset.position ?? 0))
        }
        for asset in diff.assetsRemoved {
            changes.append(
                Change(
                    contract: asset.contract, kind: "assetUnlinked", label: "asset unlinked", field: nil,
                    from: Self.asset(asset), to: .null, position: asset.position ?? 0))
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
        if format.format == .table {
            let rows = RowSet(
                [("contract", "CONTRACT"), ("change", "CHANGE"), ("from", "FROM"), ("to", "TO"), ("event", "EVENT")],
                rows: try changes.map { change in
                    let type = change.position > 0 ? try store.log.event(at: Int64(change.position))?.type : nil
                    return [
                        .string(change.contract), .string(change.label), .string(Self.display(change.from)),
                        .string(Self.display(change.to)), .text(type.map { "\($0) @\(change.position)" }),
                    ]
                })
            print("Sync #\(diff.runA) (position \(diff.positionA)) -> sync #\(diff.runB) (position \(diff.positionB))")
            print(format.render(rows, empty: "No differences."))
            return
        }
        let rows = RowSet(
            [("contract", ""), ("change", ""), ("field", ""), ("from", ""), ("to", ""), ("event", "")],
            rows: try changes.map { change in
                let event = change.position > 0 ? try store.log.event(at: Int64(change.position)) : nil
                return [
                    .string(change.contract), .string(change.kind), .text(change.field), change.from, change.to,
                    event.map { JSONValue.event($0) } ?? .null,
                ]
            })
        print(format.render(rows, empty: ""))
    }

    /// One row of the diff before it is printed.
    struct Change {
        var contract: String
        /// The documented kind, such as `fieldChanged` or `assetLinked`.
        var kind: String
        /// What the table shows in CHANGE: the field's name, or the kind in words.
        var label: String
        var field: String?
        var from: JSONValue
        var to: JSONValue
        /// The position of the event that made the change (0 when unknown).
        var position: Int
    }

    static func integer(_ text: String?) -> JSONValue {
        guard let text else { return .null }
        return Int(text).map { .int($0) } ?? .string(text)
    }

    static func asset(_ asset: SyncDiff.AssetChange) -> JSONValue {
        .object([("assetID", .int(asset.assetID)), ("name", .string(asset.name))])
    }

    /// A value as the table shows it: an asset as `ID NAME`.
    static func display(_ value: JSONValue) -> String {
        if case .object(let pairs) = value {
            return pairs.map(\.1.plainText).joined(separator: " ")
        }
        return value.plainText
    }

    /// `Type @position`, or null when no event between the two runs made the change.
    static func event(_ type: String?, at position: Int?) -> JSONValue {
        guard let type, let position else { return .null }
        return .string("\(type) @\(position)")
    }
}
