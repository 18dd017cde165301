import ArgumentParser
import Autotask
import ContractsCore
import Foundation
import Ledger

/// Where the Autotask secret comes from, and how hard to retry: shared by every command that talks to Autotask.
struct AutotaskOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A file holding the Autotask API secret, readable only by its owner (chmod 600). "
                + "Without it, the secret is read from the AUTOTASK_SECRET environment variable.",
            valueName: "path"))
    var secretFile: String?

    @Option(help: "How many times a failed Autotask request is retried before giving up.")
    var retries: Int = 5

    func validate() throws {
        guard (0...10).contains(retries) else { throw ValidationError("--retries must be between 0 and 10") }
    }

    /// The credentials, read again from the environment or the secret file (never from the ledger).
    func credentials(userName: String, integrationCode: String) throws -> AutotaskCredentials {
        if let secretFile {
            return try AutotaskCredentials.fromFile(secretFile, userName: userName, integrationCode: integrationCode)
        }
        return try AutotaskCredentials.fromEnvironment(userName: userName, integrationCode: integrationCode)
    }

    /// The client configuration for a stored connection.
    func configuration(for connection: AutotaskConnectionConfigured) throws -> AutotaskConfiguration {
        let zone: AutotaskConfiguration.Zone
        if let zoneURL = connection.zoneURL {
            zone = .direct(try Self.url(zoneURL))
        } else if let discoveryURL = connection.discoveryURL {
            zone = .discovery(try Self.url(discoveryURL))
        } else {
            zone = .discovery(AutotaskConfiguration.defaultDiscoveryURL)
        }
        return AutotaskConfiguration(zone: zone, retry: RetryPolicy(maxRetries: retries))
    }

    /// Runs `body` with a gateway for the ledger's connection and shuts the client down afterwards.
    func withGateway<T: Sendable>(
        _ settings: LedgerSettings, _ body: (AutotaskGateway) async throws -> T
    ) async throws -> T {
        guard let connection = settings.connection else {
            throw CLIError(
                .badInput,
                "no Autotask connection is configured; run `contracts connect --zone-url URL --user NAME "
                    + "--integration-code CODE` first")
        }
        let credentials = try credentials(
            userName: connection.userName, integrationCode: connection.integrationCode)
        return try await AutotaskClient.withClient(
            credentials: credentials, configuration: try configuration(for: connection)
        ) { client in
            try await body(AutotaskGateway(client: client))
        }
    }

    /// Checks an http(s) URL typed by the user.
    static func url(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host != nil
        else {
            throw CLIError(
                .badInput,
                "\(text) is not an http(s) URL; give a URL such as https://webservices5.autotask.net/atservicesrest/")
        }
        return url
    }
}
