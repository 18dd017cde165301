import ArgumentParser
import ContractsCore

/// `contracts copy`: a native, fully editable copy of any contract.
struct Copy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copies a contract to a new native LCI contract whose every field is editable.",
        discussion: """
            The copy records where it came from. The original stays imported and keeps syncing with Autotask.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The LCI contract id to copy, such as LC-1.", valueName: "id"))
    var contract: ContractArgument

    func run() async throws {
        let store = try ledger.open()
        _ = try store.existingContract(contract.id)
        let result = try store.copy(contract.id)
        let newID = result.contractID?.rawValue ?? "?"
        let assets = try store.assets(of: contract.id).isEmpty ? "" : ", with the same assets"
        print("Copied \(contract.id) to \(newID), a native LCI contract: every field is editable\(assets).")
        print("\(contract.id) stays imported and keeps syncing with Autotask.")
    }
}
