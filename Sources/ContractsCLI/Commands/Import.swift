import ArgumentParser
import ContractsCore
import Ledger

/// `contracts import`: imports Autotask contracts or services of one company as LCI contracts.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Imports whole Autotask contracts or single services of one company as LCI contracts.",
        discussion: """
            Each import becomes an LCI contract marked ** whose Autotask fields are owned by Autotask. A \
            contract-level import also links the contract's configuration items (assets) when Autotask is the \
            primary integration; a service-level import never links assets. Everything asked for is read from \
            Autotask and checked first; then each import is written in its own transaction. Importing what is \
            already imported is refused and names the LCI contract that holds it, and so is an overlap: a service \
            whose contract is imported whole, or a contract one of whose services is imported alone (the service \
            would be counted twice).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("The Autotask company the contracts belong to.", valueName: "id"))
    var company: Int

    @Option(
        name: .customLong("contract"),
        help: ArgumentHelp("An Autotask contract id to import whole (repeatable).", valueName: "id"))
    var contracts: [Int] = []

    @Option(
        name: .customLong("service"),
        help: ArgumentHelp("An Autotask contract service id to import alone (repeatable).", valueName: "id"))
    var services: [Int] = []

    @OptionGroup var autotask: AutotaskOptions

    func validate() throws {
        guard !contracts.isEmpty || !services.isEmpty else {
            throw ValidationError("name at least one --contract ID or --service ID to import")
        }
        guard Set(contracts).count == contracts.count, Set(services).count == services.count else {
            throw ValidationError("each --contract and --service id may be named once")
        }
        guard company >= 0, (contracts + services).allSatisfy({ $0 > 0 }) else {
            throw ValidationError("ids must be positive Autotask ids")
        }
    }

    func run() async throws {
        let store = try ledger.open()
        let settings = try store.settings()
        let request = ImportRequest(companyID: company, contractIDs: contracts, serviceIDs: services)
        try request.checkNotImported(try store.importedReferences())
        let withAssets = settings.pullsAutotaskAssets
        var index = try store.importIndex()
        for id in contracts { try Decisions.checkImportable(.contract(id), index: index) }
        let (contractSources, serviceSources) = try await autotask.withGateway(settings) { gateway in
            var contractSources: [ContractImportSource] = []
            for id in request.contractIDs {
                contractSources.append(try await gateway.contractForImport(id, withAssets: withAssets))
            }
            var serviceSources: [ServiceImportSource] = []
            for id in request.serviceIDs { serviceSources.append(try await gateway.serviceForImport(id)) }
            return (contractSources, serviceSources)
        }
        try request.checkCompany(contracts: contractSources, services: serviceSources)
        // Check every import against the ledger and against the others named, so that nothing is written
        // unless all can be.
        var named = ImportIndex()
        for reference in contractSources.map({ AutotaskReference.contract($0.contract.contractID) })
            + serviceSources.map(\.service.reference)
        {
            if let overlap = named.overlap(with: reference) {
                throw LedgerError(
                    .overlappingImport,
                    "\(reference) and \(overlap.reference) overlap: the service would be counted twice; import "
                        + "the whole contract or its services, not both")
            }
            try Decisions.checkImportable(reference, index: index)
            named.record(reference, as: ContractID("(pending)"))
            index.record(reference, as: ContractID("(pending)"))
        }
        for source in contractSources {
            let result = try store.importContract(source.contract, assets: source.assets)
            let id = result.contractID?.rawValue ?? "?"
            let assets =
                withAssets
                ? " with \(source.assets.count) asset\(source.assets.count == 1 ? "" : "s")"
                : " (no assets: \(settings.primaryIntegration?.description ?? "no integration") is primary)"
            print(
                "Imported Autotask contract \(source.contract.contractID) \"\(TerminalText.escaped(source.contract.name))\" as "
                    + "\(id)\(assets)."
            )
        }
        for source in serviceSources {
            let result = try store.importService(source.service, of: source.contract)
            let id = result.contractID?.rawValue ?? "?"
            print(
                "Imported Autotask service \(source.service.contractServiceID) \"\(TerminalText.escaped(source.service.name))\" "
                    + "of contract "
                    + "\(source.contract.contractID) as \(id).")
        }
    }
}
