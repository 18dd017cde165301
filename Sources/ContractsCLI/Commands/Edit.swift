import ArgumentParser
import ContractsCore
import Ledger

/// `contracts edit`: sets fields of a contract.
struct Edit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sets fields of a contract, such as --set notes=\"Review in Q3\" --set endDate=2026-12-31.",
        discussion: """
            LCI's own fields (notes, renewalReminder, impact, vendor, location, tags, owner) can be edited on \
            any contract. The fields Autotask owns on an imported contract are refused: change them in \
            Autotask, or copy the contract with `contracts copy ID`. A value of - clears a field. Dates are \
            YYYY-MM-DD; tags are comma-separated.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The LCI contract id, such as LC-1.", valueName: "id"))
    var contract: ContractArgument

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("A field and its new value (repeatable).", valueName: "field=value"))
    var assignments: [String] = []

    func validate() throws {
        guard !assignments.isEmpty else { throw ValidationError("name at least one --set FIELD=VALUE") }
    }

    func run() async throws {
        let parsed = try FieldAssignment.parse(all: assignments)
        let store = try ledger.open()
        _ = try store.existingContract(contract.id)
        let result = try store.edit(contract.id, parsed)
        if result.events.isEmpty {
            print("\(contract.id): nothing changed (the values were already set).")
        }
        for event in result.events { print("\(contract.id): \(event.summary)") }
    }
}
