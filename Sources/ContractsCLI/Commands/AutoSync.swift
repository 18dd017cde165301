import ArgumentParser
import ContractsCore

/// `contracts auto-sync ID on|off`: keeps a contract in or out of the nightly sync.
struct AutoSync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auto-sync",
        abstract: "Turns the nightly sync of an imported contract on or off (a manual sync still includes it).")

    enum Switch: String, ExpressibleByArgument, CaseIterable {
        case on, off
    }

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The LCI contract id, such as LC-1.", valueName: "id"))
    var contract: ContractArgument

    @Argument(
        help: ArgumentHelp(
            "on to include the contract in the nightly sync again, off to leave it out.", valueName: "on|off"))
    var state: Switch

    func run() async throws {
        let store = try ledger.open()
        let result = try store.setAutoSync(contract.id, enabled: state == .on)
        print(
            result.events.isEmpty
                ? "\(contract.id): nightly sync already \(state.rawValue)"
                : "\(contract.id): nightly sync \(state.rawValue)")
    }
}
