import ArgumentParser
import ContractsCore
import Ledger

/// `contracts create`: a native LCI contract by hand.
struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Creates a native LCI contract from --set FIELD=VALUE pairs.",
        discussion: """
            Required: name and companyID (the Autotask company id); status defaults to Active. Dates are \
            YYYY-MM-DD. Every field of a native contract can be edited later.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(
        name: .customLong("set"), help: ArgumentHelp("A field and its value (repeatable).", valueName: "field=value"))
    var assignments: [String] = []

    func validate() throws {
        guard !assignments.isEmpty else {
            throw ValidationError("name the fields with --set FIELD=VALUE, e.g. --set name=\"Backup\"")
        }
    }

    func run() async throws {
        let parsed = try FieldAssignment.parse(all: assignments)
        let store = try ledger.open()
        let result = try store.create(parsed)
        print("Created \(result.contractID?.rawValue ?? "?"), a native LCI contract.")
    }
}
