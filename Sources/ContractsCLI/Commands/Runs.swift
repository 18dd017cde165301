import ArgumentParser
import ContractsCore
import Foundation

/// `contracts runs`: lists the sync runs.
struct Runs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lists the sync runs: trigger, start, duration, status and counts.",
        discussion: """
            Each run shows what started it (manual or nightly), its scope, when it started and how long it took, \
            its status (running, completed, failed or interrupted) and its counts: contracts to check, checked, \
            changed, unchanged, missing in Autotask and not checked, and the Autotask requests it made. A failed \
            run names the stage and the reason; a run whose process stopped is marked interrupted by the next run. \
            Compare the state at the end of two runs with `contracts diff A B`.
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var format: FormatOptions

    func run() async throws {
        let store = try ledger.openForQueries()
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
                    .int(run.run), .string(run.trigger.rawValue), .string(run.scope), .string(run.startedAt),
                    .int(run.durationMilliseconds), .string(run.status.rawValue), .int(run.contractsTotal),
                    .int(run.checked),
                    .int(run.changed), .int(run.unchanged), .int(run.missing), .int(run.failed), .int(run.requests),
                    .text(
                        run.failureStage.map { "\($0): \(run.failureReason ?? "")" }
                            ?? run.interruptedBy.map { noticed in
                                noticed == run.run
                                    ? "interrupted (\(run.failureReason ?? "stopped by a signal"))"
                                    : "interrupted (noticed by #\(noticed))"
                            }),
                ]
            })
        print(rows.rendered(format.format, empty: "No sync runs yet; run `contracts sync`."))
    }
}
