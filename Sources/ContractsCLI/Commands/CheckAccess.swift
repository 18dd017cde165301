import ArgumentParser
import ContractsCore

/// `contracts check-access`: checks that the API user can read every contract.
struct CheckAccess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-access",
        abstract: "Checks that the Autotask API user can see every contract.",
        discussion: """
            An import needs the API user's security level to have Contracts View = All and Contract \
            Visibility = Full. When it does not, the error lists the steps that fix it in Autotask.
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var autotask: AutotaskOptions

    func run() async throws {
        let settings = try ledger.openForQueries().settings()
        let zone = try await autotask.withGateway(settings) { gateway in
            try await gateway.checkAccess()
            return gateway.client.resolvedZoneURL
        }
        if let zone { print("Autotask zone: \(zone.absoluteString)") }
        print(
            "The API user \(settings.connection?.userName ?? "") can see every contract (View = All, Contract Visibility = Full)."
        )
    }
}
