import ArgumentParser
import ContractsCore

/// `contracts companies`: lists the active Autotask companies.
struct Companies: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lists the active Autotask companies, optionally those whose name contains some text.")

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("Only companies whose name contains this text (any case).", valueName: "text"))
    var search: String?

    @OptionGroup var format: FormatOptions
    @OptionGroup var autotask: AutotaskOptions

    func run() async throws {
        let settings = try ledger.openForQueries().settings()
        let search = self.search
        let companies = try await autotask.withGateway(settings) { gateway in
            try await gateway.companies(search: search)
        }
        let rows = RowSet(
            [("companyID", "COMPANY"), ("name", "NAME"), ("number", "NUMBER")],
            rows: companies.map { [.int($0.id), .string($0.name), .text($0.number)] })
        print(format.render(rows, empty: "No active company matches."))
    }
}
