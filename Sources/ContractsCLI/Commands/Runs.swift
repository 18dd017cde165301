import ArgumentParser
import ContractsCore
import Foundation

/// `contracts runs`: lists the sync runs.
struct Runs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lists the sync runs: trigger, start, duration, status and counts.")

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var format: FormatOptions

    func run() async throws {
        let store = try ledger.open()
        let runs = try store.syncRuns()
        let rows = RowSet(
            [
                ("run", "RUN"), ("trigger", "TRIGGER"), ("scope", "SCOPE"), ("startedAt", "STARTED"),
                ("durationMs", "DURATION MS"), ("status", "STATUS"), ("total", "TO CHECK"), ("checked", "CHECKED"),
                ("changed", "CHANGED"), ("unchanged", "UNCHANGED"), ("missing", "MISSING"), ("failed", "FAILED"),
                ("requests", "REQUESTS"), ("failure", "FAILURE"),
            ],
            rows: runs.map { run in
                [
                    .int(run.run), .string(run.trigger), .string(run.scope), .string(run.startedAt),
                    .int(run.durationMilliseconds), .string(run.status), .int(run.contractsTotal), .int(run.checked),
                    .int(run.changed), .int(run.unchanged), .int(run.missing), .int(run.failed), .int(run.requests),
                    .text(
                        run.failureStage.map { "\($0): \(run.failureReason ?? "")" }
                            ?? run.interruptedBy.map { "interrupted (noticed by #\($0))" }),
                ]
            })
        print(rows.rendered(format.format, empty: "No sync runs yet; run `contracts sync`."))
    }
}
