import ArgumentParser
import ContractsCore
import Ledger

/// Argument form of the primary integration.
enum PrimaryIntegrationArgument: String, ExpressibleByArgument, CaseIterable {
    case autotask
    case itGlue = "it-glue"

    var integration: PrimaryIntegration {
        switch self {
        case .autotask: .autotask
        case .itGlue: .itGlue
        }
    }
}

/// `contracts init`: creates the ledger and chooses the primary integration.
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Creates the ledger file and sets the primary integration.",
        discussion: """
            With Autotask as the primary integration, a contract-level import also links the contract's \
            configuration items (assets); with IT Glue, assets come from IT Glue and none are pulled. Running \
            it again on an existing ledger changes only the primary integration.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The primary integration: autotask or it-glue.")
    var primary: PrimaryIntegrationArgument = .autotask

    func run() async throws {
        let (store, created) = try ledger.openOrCreate()
        let result = try store.setPrimaryIntegration(primary.integration)
        let integration = primary.integration
        if created {
            print("Created the ledger at \(store.path) (primary integration: \(integration)).")
        } else if result.events.isEmpty {
            print("The ledger at \(store.path) already exists; the primary integration is \(integration).")
        } else {
            print("The ledger at \(store.path) already exists; the primary integration is now \(integration).")
        }
    }
}
