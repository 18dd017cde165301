import ArgumentParser
import Autotask
import ContractsCore
import Ledger

/// `contracts connect`: records how to reach Autotask (never the secret), after testing it.
struct Connect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Records how to reach Autotask: the zone, the API user and the integration code.",
        discussion: """
            The API secret is never an argument and is never stored in the ledger: every command that talks \
            to Autotask reads it again from the AUTOTASK_SECRET environment variable or from --secret-file. \
            Before recording, the connection is tested (zone lookup and one request) unless --no-check is given.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(
        help: ArgumentHelp("The zone discovery URL (Autotask's public one when no URL is given).", valueName: "url"))
    var discoveryURL: String?

    @Option(
        help: ArgumentHelp(
            "The zone's REST URL, such as https://webservices5.autotask.net/atservicesrest/.", valueName: "url"))
    var zoneURL: String?

    @Option(help: ArgumentHelp("The API user's user name (an email address).", valueName: "name"))
    var user: String

    @Option(help: ArgumentHelp("The API tracking identifier (integration code) of the API user.", valueName: "code"))
    var integrationCode: String

    @Flag(help: "Records the connection without testing it against Autotask.")
    var noCheck = false

    @OptionGroup var autotask: AutotaskOptions

    func validate() throws {
        if discoveryURL != nil && zoneURL != nil {
            throw ValidationError("give either --discovery-url or --zone-url, not both")
        }
        for url in [discoveryURL, zoneURL].compactMap({ $0 }) { _ = try AutotaskOptions.url(url) }
        if user.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--user needs a user name") }
        if integrationCode.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--integration-code needs a code")
        }
        for (option, value) in [("--user", user), ("--integration-code", integrationCode)] {
            if let problem = AutotaskCredentials.headerProblem(value) {
                throw ValidationError(
                    "the value of \(option) \(problem); give it on one line without control characters")
            }
        }
    }

    func run() async throws {
        let store = try ledger.open()
        let connection = AutotaskConnectionConfigured(
            discoveryURL: zoneURL == nil
                ? (discoveryURL ?? AutotaskConfiguration.defaultDiscoveryURL.absoluteString) : nil,
            zoneURL: zoneURL, userName: user, integrationCode: integrationCode)
        var zone = zoneURL ?? "zone discovery"
        if !noCheck {
            let credentials = try autotask.credentials(userName: user, integrationCode: integrationCode)
            zone = try await AutotaskClient.withClient(
                credentials: credentials, configuration: try autotask.configuration(for: connection)
            ) { client in
                let url = try await client.zoneURL()
                _ = try await client.entityInformation("Contracts")
                return url.absoluteString
            }
        }
        let result = try store.configureConnection(
            discoveryURL: connection.discoveryURL, zoneURL: connection.zoneURL, userName: user,
            integrationCode: integrationCode)
        let verb = result.events.isEmpty ? "is already" : "is now"
        let checked = noCheck ? " (not tested)" : " (tested: zone \(zone))"
        print("The Autotask connection \(verb) API user \(user)\(checked).")
        print("The secret is not stored; commands read it from AUTOTASK_SECRET or --secret-file each time.")
    }
}
