import ArgumentParser
import ContractsCore
import Foundation
import Ledger

/// `contracts import`: imports Autotask contracts or services, of one company or many, as LCI contracts.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Imports whole Autotask contracts or single services as LCI contracts, one or thousands at a time.",
        discussion: """
            Each import becomes an LCI contract marked ** whose Autotask fields are owned by Autotask. A \
            contract-level import also links the contract's configuration items (assets) when Autotask is the \
            primary integration; a service-level import never links assets.

            Name what to import with --contract and --service (repeatable), with --from-file PATH (one id a \
            line; contract:ID or service:ID to say which; - reads standard input; a CSV with a contractID \
            column works too), or with --all-active: every active contract of the --company ids given, or of \
            every company when none is given. --company restricts named ids to those companies.

            Everything asked for is read from Autotask first, with batched queries (a few requests per 500 \
            contracts, not several per contract), and checked; then each import is written in its own \
            transaction. A named id that is unknown, incomplete or of another company refuses the whole \
            command, and naming a contract already imported is refused with the LCI contract that holds it, and \
            so is an overlap: a service whose contract is imported whole, or a contract one of whose services is \
            imported alone (the service would be counted twice). \
            With --from-file and --all-active, what is already imported is skipped, so running the same command \
            again after a failure finishes the job without duplicates; a failure in the middle lists what was \
            imported and what was not. --dry-run reads and checks everything, prints what would be imported, \
            what is refused and why, and writes nothing.

            Progress goes to standard error: a bar on a terminal, nothing otherwise, or JSON lines with \
            --progress json. SIGINT or SIGTERM stops after the contract being written (exit 130).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(
        name: .customLong("company"),
        help: ArgumentHelp(
            "An Autotask company: named ids must belong to one of these; with --all-active, whose active "
                + "contracts to import (repeatable).",
            valueName: "id"))
    var companies: [Int] = []

    @Option(
        name: .customLong("contract"),
        help: ArgumentHelp("An Autotask contract id to import whole (repeatable).", valueName: "id"))
    var contracts: [Int] = []

    @Option(
        name: .customLong("service"),
        help: ArgumentHelp("An Autotask contract service id to import alone (repeatable).", valueName: "id"))
    var services: [Int] = []

    @Option(
        name: .customLong("from-file"),
        help: ArgumentHelp(
            "Read the ids from this file (- for standard input): one a line, contract:ID or service:ID.",
            valueName: "path"))
    var fromFile: String?

    @Flag(help: "Import every active contract of the --company ids, or of every company when none is given.")
    var allActive = false

    @Flag(help: "Read and check everything, print what would be imported and what is refused, and write nothing.")
    var dryRun = false

    @OptionGroup var progress: ProgressOptions

    @OptionGroup var autotask: AutotaskOptions

    func validate() throws {
        guard !contracts.isEmpty || !services.isEmpty || fromFile != nil || allActive else {
            throw ValidationError(
                "name at least one --contract ID or --service ID to import, or give --from-file PATH or --all-active")
        }
        guard Set(contracts).count == contracts.count, Set(services).count == services.count else {
            throw ValidationError("each --contract and --service id may be named once")
        }
        guard companies.allSatisfy({ $0 >= 0 }), (contracts + services).allSatisfy({ $0 > 0 }) else {
            throw ValidationError("ids must be positive Autotask ids")
        }
        if let fromFile, fromFile.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--from-file needs a file path, or - for standard input")
        }
    }

    func run() async throws {
        let store = try ledger.open()
        let settings = try store.settings()
        let listed = try fromFile.map(ImportIDList.read) ?? ImportIDList()
        let bulk = fromFile != nil || allActive
        let request = BulkImportRequest(
            contractIDs: Self.unique(contracts + listed.contracts),
            contractServiceIDs: Self.unique(services + listed.services),
            activeContractsOfCompanies: allActive ? companies : nil, companies: companies,
            withAssets: settings.pullsAutotaskAssets)
        guard !request.contractIDs.isEmpty || !request.contractServiceIDs.isEmpty || allActive else {
            throw CLIError(.badInput, "\(fromFile ?? "the list") names no Autotask id to import")
        }

        let trap = SignalTrap()
        defer { trap.release() }
        let reporter = progress.reporter(task: "import", unit: "contracts")
        let gatewayOptions = autotask
        let plan = try await trap.run("import", stopped: "nothing was imported") {
            // Batches of 500 ids, the most one query takes: a batch then fills a page of 500 records.
            try await gatewayOptions.withGateway(settings, inListLimit: 500) { gateway in
                try await gateway.importPlan(request) { stage in
                    reporter.update(done: 0, total: 0, requests: gateway.requestsMade, stage: "reading \(stage)")
                }
            }
        }
        if let company = plan.unknownCompanies.first {
            throw CLIError(
                .badInput,
                "Autotask has no company \(company) visible to the API user; `contracts companies` lists the companies")
        }

        // What is already imported: refused when named one by one, skipped in a bulk import.
        let (remaining, skipped) = plan.excluding(try store.importedReferences())
        let (checked, overlapping) = remaining.excludingOverlaps(with: try store.importIndex())
        let (contractSources, serviceSources) = (checked.contracts, checked.services)

        if dryRun {
            printDryRun(
                plan, contracts: contractSources, services: serviceSources, skipped: skipped, overlapping: overlapping)
            reporter.finish()
            return
        }
        if let refusal = plan.refusals.first(where: \.named) {
            reporter.finish()
            let others = plan.refusals.filter(\.named).count - 1
            throw CLIError(
                .badInput,
                "Autotask \(refusal.what): \(refusal.reason)"
                    + (others > 0 ? " (and \(others) more refused; --dry-run lists them all)" : "")
                    + "; nothing was imported")
        }
        if !bulk, let first = skipped.first {
            reporter.finish()
            throw ImportRequest.alreadyImported(first.what, first.existing)
        }
        if !bulk, let first = overlapping.first {
            reporter.finish()
            throw first
        }
        for refusal in overlapping {
            FileHandle.standardError.write(Data("Skipped: \(refusal.message)\n".utf8))
        }
        for refusal in plan.refusals {
            FileHandle.standardError.write(Data("Skipped Autotask \(refusal.what): \(refusal.reason)\n".utf8))
        }
        for entry in skipped {
            print("Skipped Autotask \(entry.what): already imported as \(entry.existing).")
        }
        try write(
            contractSources, serviceSources, into: store, settings: settings, reporter: reporter, trap: trap,
            requests: plan.requests)
    }

    /// Writes each import in its own transaction; on a failure or a signal, lists what was and was not imported.
    private func write(
        _ contractSources: [ContractImportSource], _ serviceSources: [ServiceImportSource], into store: LedgerStore,
        settings: LedgerSettings, reporter: ProgressReporter, trap: SignalTrap, requests: Int
    ) throws {
        let total = contractSources.count + serviceSources.count
        let withAssets = settings.pullsAutotaskAssets
        var done: [String] = []
        let pending =
            contractSources.map { "contract \($0.contract.contractID)" }
            + serviceSources.map { "service \($0.service.contractServiceID)" }
        func stop(_ error: any Error) -> any Error {
            reporter.finish()
            let left = pending.dropFirst(done.count)
            print("Imported \(done.count) of \(total); not imported (\(left.count)):")
            for what in left { print("  Autotask \(what)") }
            if let signal = trap.interruption.signal {
                return CLIError(
                    .interrupted,
                    "import stopped by \(signal) after \(done.count) of \(total); run the same command again with "
                        + "--from-file or --all-active to import the rest, or name the ids listed above")
            }
            let (_, message) = ErrorReport.classify(error)
            var reason = message
            while reason.last == "." { reason.removeLast() }
            return CLIError(
                ErrorReport.classify(error).0,
                "import stopped after \(done.count) of \(total): \(reason); what was imported is complete, "
                    + "the ids listed above were not")
        }
        reporter.update(done: 0, total: total, requests: requests, stage: "writing")
        for source in contractSources {
            if trap.interruption.signal != nil { throw stop(CancellationError()) }
            let result: LedgerStore.CommandResult
            do { result = try store.importContract(source.contract, assets: source.assets) } catch { throw stop(error) }
            let id = result.contractID?.rawValue ?? "?"
            let assets =
                withAssets
                ? " with \(source.assets.count) asset\(source.assets.count == 1 ? "" : "s")"
                : " (no assets: \(settings.primaryIntegration?.description ?? "no integration") is primary)"
            print(
                "Imported Autotask contract \(source.contract.contractID) \"\(TerminalText.escaped(source.contract.name))\" as "
                    + "\(id)\(assets)."
            )
            done.append("contract \(source.contract.contractID)")
            reporter.update(done: done.count, total: total, requests: requests, stage: "writing")
        }
        for source in serviceSources {
            if trap.interruption.signal != nil { throw stop(CancellationError()) }
            let result: LedgerStore.CommandResult
            do { result = try store.importService(source.service, of: source.contract) } catch { throw stop(error) }
            let id = result.contractID?.rawValue ?? "?"
            print(
                "Imported Autotask service \(source.service.contractServiceID) \"\(TerminalText.escaped(source.service.name))\" "
                    + "of contract "
                    + "\(source.contract.contractID) as \(id).")
            done.append("service \(source.service.contractServiceID)")
            reporter.update(done: done.count, total: total, requests: requests, stage: "writing")
        }
        reporter.finish()
        if total > 1 { print("Imported \(total) in all, reading Autotask with \(requests) requests.") }
    }

    private func printDryRun(
        _ plan: ImportPlan, contracts: [ContractImportSource], services: [ServiceImportSource],
        skipped: [ImportPlan.AlreadyImported], overlapping: [LedgerError]
    ) {
        for source in contracts {
            let assets =
                source.assets.isEmpty ? "" : " with \(source.assets.count) asset\(source.assets.count == 1 ? "" : "s")"
            print(
                "Would import Autotask contract \(source.contract.contractID) \"\(TerminalText.escaped(source.contract.name))\" "
                    + "(company \(source.contract.companyID))\(assets).")
        }
        for source in services {
            print(
                "Would import Autotask service \(source.service.contractServiceID) \"\(TerminalText.escaped(source.service.name))\" of "
                    + "contract \(source.contract.contractID) (company \(source.contract.companyID)).")
        }
        for entry in skipped {
            print("Refused Autotask \(entry.what): already imported as \(entry.existing).")
        }
        for refusal in overlapping {
            print("Refused: \(refusal.message)")
        }
        for refusal in plan.refusals {
            print("Refused Autotask \(refusal.what): \(refusal.reason).")
        }
        print(
            "Dry run: \(contracts.count + services.count) would be imported, "
                + "\(skipped.count + overlapping.count + plan.refusals.count) refused, \(plan.requests) requests; nothing was written."
        )
    }

    private static func unique(_ ids: [Int]) -> [Int] {
        var seen = Set<Int>()
        return ids.filter { seen.insert($0).inserted }
    }
}
