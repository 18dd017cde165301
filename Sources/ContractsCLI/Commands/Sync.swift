import ArgumentParser
import ContractsCore
import Foundation
import Ledger

extension SyncTrigger: ExpressibleByArgument {}

/// `contracts sync`: refreshes the imported contracts from Autotask as one recorded sync run.
struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Refreshes the imported contracts from Autotask and records only what changed.",
        discussion: """
            Every imported contract (or only --contract ID) is read again from Autotask with as few batched \
            queries as the API allows. The run gets a number and a history of its own (`contracts runs` lists \
            them). For each contract the sync records only what changed in Autotask: an Autotask-owned field \
            (old and new value), an asset linked or unlinked, the contract going missing in Autotask (inactive, \
            deleted or no longer visible) or coming back, and a renewal. Fields owned by LCI, such as notes, are \
            never touched, and a sync in which nothing changed in Autotask adds no contract events.

            A scheduler runs `contracts sync --trigger nightly`, which leaves out the contracts whose nightly sync \
            was turned off with `contracts auto-sync ID off`; a manual sync includes them. Only one sync runs on a \
            ledger at a time: a second one is refused while the first is running. If a run fails part way, the \
            ledger stays consistent and the next run finishes the work.

            On a terminal a progress line shows the contracts checked, the requests made and the time taken; \
            the summary and each change are printed at the end.

            EXIT CODES
              0  The run completed.
              1  The contract is a native LCI contract (only imported ones sync).
              2  Wrong input: an unknown contract, no Autotask connection, no secret.
              3  The ledger is busy with another sync, or the file has a problem.
              4  The run failed because Autotask could not answer; run it again.
              6  The disk holding the ledger is full; free some space and run it again.

            A cron line that syncs every night at 02:30:
              30 2 * * * contracts sync --trigger nightly
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("Sync only this imported LCI contract, such as LC-3.", valueName: "id"))
    var contract: ContractArgument?

    @Option(
        help: ArgumentHelp(
            "What started the run: manual syncs every imported contract; nightly, for schedulers, leaves out "
                + "the contracts whose auto-sync is off.",
            valueName: "manual|nightly"))
    var trigger: SyncTrigger = .manual

    @Option(
        help: ArgumentHelp(
            "How long reading Autotask may take before the run fails, so that a server that never stops "
                + "answering cannot hold the ledger and spend the hourly request limit.",
            valueName: "seconds"))
    var timeLimit: Int = 3600

    @OptionGroup var autotask: AutotaskOptions

    func validate() throws {
        guard (1...86_400).contains(timeLimit) else {
            throw ValidationError("--time-limit must be between 1 and 86400 seconds")
        }
    }

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
                } : nil, timeLimit: .seconds(timeLimit))
        let (report, zone) = try await autotask.withGateway(settings) { gateway in
            (try await store.sync(gateway: gateway, options: options), gateway.client.resolvedZoneURL)
        }
        if live { FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8)) }
        for interrupted in report.interruptedRuns {
            print("Sync #\(interrupted) never finished (its process stopped); marked interrupted.")
        }
        if let zone { print("Autotask zone: \(zone.absoluteString)") }
        print(report.summary)
        for change in report.changes {
            for event in change.events { print("  \(change.contract): \(event.summary)") }
        }
        if let head = try store.log.head() {
            // The anchor an auditor keeps outside the ledger (`ledger-replay --anchor`).
            print("Ledger head: \(head.position) \(head.hash.map { String(format: "%02x", $0) }.joined())")
        }
        if let failure = report.failureError { throw failure }
    }
}
