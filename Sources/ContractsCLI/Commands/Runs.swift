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
        guard format.format == .table else {
            // The documented keys, shared with `ledger-replay --format json` (docs/output.md, "runs").
            let rows = RowSet(
                [
                    ("run", ""), ("trigger", ""), ("scope", ""), ("status", ""), ("contractsTotal", ""),
                    ("startedAt", ""), ("finishedAt", ""), ("startedPosition", ""), ("finishedPosition", ""),
                    ("checked", ""), ("changed", ""), ("unchanged", ""), ("missing", ""), ("failed", ""),
                    ("requests", ""), ("durationMilliseconds", ""), ("failureStage", ""), ("failureReason", ""),
                    ("interruptedBy", ""),
                ],
                rows: runs.map { run in
                    [
                        .int(run.run), .string(run.trigger.rawValue), .string(run.scope), .string(run.status.rawValue),
                        .int(run.contractsTotal), .string(run.startedAt), .text(run.finishedAt),
                        .int(run.startedPosition), .int(run.finishedPosition), .int(run.checked), .int(run.changed),
                        .int(run.unchanged), .int(run.missing), .int(run.failed), .int(run.requests),
                        .int(run.durationMilliseconds), .text(run.failureStage), .text(run.failureReason),
                        .int(run.interruptedBy),
                    ]
                })
            print(format.render(rows, empty: ""))
            return
        }
        let rows = RowSet(
            [
                ("run", "RUN"), ("trigger", "TRIGGER"), ("scope", "SCOPE"), ("startedAt", "STARTED"),
                ("durationMilliseconds", "DURATION MS"), ("status", "STATUS"), ("contractsTotal", "TO CHECK"),
                ("checked", "CHECKED"), ("changed", "CHANGED"), ("unchanged", "UNCHANGED"), ("missing", "MISSING"),
                ("failed", "FAILED"), ("requests", "REQUESTS"), ("failure", "FAILURE"),
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
        print(format.render(rows, empty: "No sync runs yet; run `contracts sync`."))
    }
}
