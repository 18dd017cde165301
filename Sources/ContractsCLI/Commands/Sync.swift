import ArgumentParser
import ContractsCore
import Foundation
import Ledger

extension SyncTrigger: ExpressibleByArgument {}

/// `contracts sync`: refreshes the imported contracts from Autotask as one recorded sync run.
struct Sync: AsyncParsableCommand {
    /// How the run is printed.
    enum Output: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

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
            ledger at a time: a second one is refused at once (exit 75), or waits up to --wait SECONDS for the \
            first to finish. If a run fails part way, the ledger stays consistent and the next run finishes the work. \
            SIGINT (Ctrl-C) or SIGTERM stops a run cleanly: the batch being written finishes, the run is recorded \
            as interrupted at once, and the command exits 130; a second signal ends it at once.

            The summary and each change are printed on standard output at the end (--quiet: only the changes and \
            failures, so a scheduler mails only when something happened; --format json: the run as one JSON \
            object). Progress goes to standard error: a bar on a terminal, nothing otherwise, or JSON lines with \
            --progress json. -v logs each Autotask request on standard error.

            EXIT CODES
              0    The run completed.
              1    The contract is a native LCI contract (only imported ones sync).
              2    Wrong input: an unknown contract, no Autotask connection, no secret.
              3    The ledger file has a problem (missing, not a ledger, damaged, newer).
              4    The run failed because Autotask could not answer; the message says what to fix.
              75   The ledger is busy with another sync (after --wait, if given); try again later.
              6    The disk holding the ledger is full; free some space and run it again.
              130  SIGINT or SIGTERM stopped the run; it is recorded as interrupted.

            \(NightlyRecipes.help)
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

    @Flag(help: "Print only the changes and failures: nothing when the run completed and nothing changed.")
    var quiet = false

    @Option(help: ArgumentHelp("How to print the run: text for people, json for scripts.", valueName: "text|json"))
    var format: Output = .text

    @Option(
        help: ArgumentHelp(
            "When another sync holds the ledger, wait up to this many seconds for it before giving up (exit 75).",
            valueName: "seconds"))
    var wait: Double = 0

    @OptionGroup var progress: ProgressOptions

    @OptionGroup var autotask: AutotaskOptions

    func validate() throws {
        guard (1...86_400).contains(timeLimit) else {
            throw ValidationError("--time-limit must be between 1 and 86400 seconds")
        }
        guard wait >= 0, wait <= 86_400 else { throw ValidationError("--wait takes 0 to 86400 seconds") }
    }

    func run() async throws {
        let store = try ledger.open()
        let settings = try store.settings()
        let trap = SignalTrap()
        defer { trap.release() }
        let reporter = progress.reporter(task: "sync", unit: "contracts")
        let options = SyncOptions(
            trigger: trigger, contract: contract?.id,
            progress: { progress in
                reporter.update(
                    done: progress.checked, total: progress.total, requests: progress.requests,
                    stage: progress.stage)
            },
            timeLimit: .seconds(timeLimit), lockWaitSeconds: wait, interruption: trap.interruption)
        let gatewayOptions = autotask
        let (report, zone, head) = try await trap.run(
            "sync", stopped: "the ledger is consistent; run `contracts sync` again"
        ) {
            let (report, zone) = try await gatewayOptions.withGateway(settings) { gateway in
                (try await store.sync(gateway: gateway, options: options), gateway.client.resolvedZoneURL)
            }
            // The anchor an auditor keeps outside the ledger (`ledger-replay --anchor`).
            let head = try store.log.head().map {
                "\($0.position) \($0.hash.map { String(format: "%02x", $0) }.joined())"
            }
            return (report, zone, head)
        }
        reporter.finish()
        switch format {
        case .json: print(SyncReportJSON.render(report, zone: zone, head: head).pretty())
        case .text:
            printText(report, zone: zone)
            if let head, !quiet { print("Ledger head: \(head)") }
        }
        if let failure = report.failureError { throw failure }
    }

    private func printText(_ report: SyncReport, zone: URL?) {
        for interrupted in report.interruptedRuns {
            print("Sync #\(interrupted) never finished (its process stopped); marked interrupted.")
        }
        if let zone, !quiet { print("Autotask zone: \(zone.absoluteString)") }
        if !quiet || report.completed?.failed ?? 0 > 0 || !report.changes.isEmpty {
            print(report.summary)
        }
        for change in report.changes {
            for event in change.events { print("  \(change.contract): \(event.summary)") }
        }
    }
}
