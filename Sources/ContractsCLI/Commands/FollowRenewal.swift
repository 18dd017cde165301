import ArgumentParser
import ContractsCore
import Ledger

/// `contracts follow-renewal ID`: moves an imported contract onto the contract Autotask renewed it into.
struct FollowRenewal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow-renewal",
        abstract: "Moves an imported contract onto the contract Autotask renewed it into.",
        discussion: """
            When Autotask renews a contract it creates a new one and moves the assets to it; a sync records the \
            renewal (`contracts show ID` says "Renewed in Autotask as contract N"). Following it keeps the LCI \
            contract's id, its history and its LCI fields (notes, reminders, tags...), takes the renewal's \
            Autotask values, and links the renewal's assets. It is recorded as one event, which `contracts \
            history` and `contracts diff` show.

            With --auto on, the sync follows this contract's renewals by itself from now on; --auto off leaves \
            them to this command. --auto alone changes the setting without following a renewal now.
            """)

    enum Switch: String, ExpressibleByArgument, CaseIterable {
        case on, off
    }

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The imported LCI contract, such as LC-1.", valueName: "id"))
    var contract: ContractArgument

    @Option(
        help: ArgumentHelp(
            "on to let the sync follow this contract's renewals by itself, off to leave them to this command.",
            valueName: "on|off"))
    var auto: Switch?

    @OptionGroup var autotask: AutotaskOptions

    func run() async throws {
        let store = try ledger.open()
        let id = contract.id
        if let auto {
            let result = try store.setRenewalFollowing(id, enabled: auto == .on)
            let what =
                auto == .on ? "follows Autotask renewals by itself" : "leaves Autotask renewals to follow-renewal"
            print("\(id): the sync \(what)\(result.events.isEmpty ? " (already so)" : "").")
            return
        }
        let state = try store.contractState(id)
        guard let reference = state.reference else {
            throw LedgerError(
                .notImported, "\(id) is a native contract; only an imported contract follows Autotask renewals")
        }
        guard let renewal = state.renewedTo else {
            throw LedgerError(
                .notRenewed,
                "\(id) has not been renewed in Autotask (\(reference)); `contracts sync` records a renewal when "
                    + "Autotask makes one")
        }
        let settings = try store.settings()
        let withAssets = settings.pullsAutotaskAssets
        let source = try await autotask.withGateway(settings) { gateway in
            try await gateway.renewalSource(renewal, following: reference, withAssets: withAssets)
        }
        let result = try store.followRenewal(id, source: source)
        for event in result.events { print("\(id): \(event.summary).") }
    }
}
