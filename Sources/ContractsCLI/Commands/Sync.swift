import ArgumentParser
import ContractsCore
import Foundation
import Ledger

extension SyncTrigger: ExpressibleByArgument {}

/// `contracts sync`: refreshes the imported contracts from Autotask as one recorded sync run.
struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Refreshes imported contracts from Autotask, recording only what changed.",
        discussion: """
            Every imported contract (or --contract ID) is read again with batched queries; each Autotask-owned \
            field that changed, each asset linked or unlinked, a contract missing in Autotask (or back), and a \
            renewal are recorded in the contract's history under the run's number. LCI-owned fields are never \
            touched. `--trigger nightly` is what a scheduler calls: it skips contracts whose auto-sync is off. \
            A second sync on the same ledger is refused while one runs. `contracts runs` lists the runs.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("Only this LCI contract.", valueName: "id"))
    var contract: ContractArgument?

    @Option(help: "manual (every imported contract) or nightly (skips contracts with auto-sync off).")
    var trigger: SyncTrigger = .manual

    @OptionGroup var autotask: AutotaskOptions

    func run() async throws {
        let store = try ledger.open()
        let settings = try store.settings()
        let live = isatty(STDOUT_FILENO) == 1
        let options = SyncOptions(
            trigger: trigger, contract: contract?.id,
            progress: live
                ? { progress in
                    let seconds = Double(progress.elapsedMilliseconds) / 1000
                    let line = String(
                        format: "\r\u{1B}[2KSync #%d: %d of %d contracts checked, %d requests, %.1f s", progress.run,
                        progress.checked, progress.total, progress.requests, seconds)
                    FileHandle.standardOutput.write(Data(line.utf8))
                } : nil)
        let report = try await autotask.withGateway(settings) { gateway in
            try await store.sync(gateway: gateway, options: options)
        }
        if live { FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8)) }
        for interrupted in report.interruptedRuns {
            print("Sync #\(interrupted) never finished (its process stopped); marked interrupted.")
        }
        print(report.summary)
        for (contract, events) in report.changes {
            for event in events { print("  \(contract): \(event.summary)") }
        }
        if let failure = report.failureError { throw failure }
    }
}
