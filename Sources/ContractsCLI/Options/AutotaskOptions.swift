import ArgumentParser
import Autotask
import ContractsCore
import Foundation
import Ledger
import Logging

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

    @Flag(
        name: [.short, .long],
        help: ArgumentHelp(
            "Log each Autotask request (method, path, status, duration), its retries and waits on standard error. "
                + "CONTRACTS_LOG=trace|debug|info|notice|warning|error|critical sets the level instead."))
    var verbose = false

    func validate() throws {
        guard (0...10).contains(retries) else { throw ValidationError("--retries must be between 0 and 10") }
        _ = try logLevel()
    }

    /// The log level: CONTRACTS_LOG when set, else debug with --verbose, else warning.
    func logLevel(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Logger.Level {
        if let text = environment["CONTRACTS_LOG"], !text.isEmpty {
            guard let level = Logger.Level(rawValue: text.lowercased()) else {
                throw ValidationError(
                    "CONTRACTS_LOG=\(text.prefix(20)) is not a log level; use trace, debug, info, notice, warning, "
                        + "error or critical")
            }
            return level
        }
        return verbose ? .debug : .warning
    }

    /// The logger passed to the Autotask client: one line a record on standard error.
    func logger() throws -> Logger {
        var logger = Logger(label: "contracts", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = try logLevel()
        return logger
    }

    /// The credentials, read again from the environment or the secret file (never from the ledger).
    func credentials(userName: String, integrationCode: String) throws -> AutotaskCredentials {
        if let secretFile {
            return try AutotaskCredentials.fromFile(secretFile, userName: userName, integrationCode: integrationCode)
        }
        return try AutotaskCredentials.fromEnvironment(userName: userName, integrationCode: integrationCode)
    }

    /// The client configuration for a stored connection.
    func configuration(
        for connection: AutotaskConnectionConfigured, inListLimit: Int? = nil
    ) throws -> AutotaskConfiguration {
        let zone: AutotaskConfiguration.Zone
        if let zoneURL = connection.zoneURL {
            zone = .direct(try Self.url(zoneURL))
        } else if let discoveryURL = connection.discoveryURL {
            zone = .discovery(try Self.url(discoveryURL))
        } else {
            zone = .discovery(AutotaskConfiguration.defaultDiscoveryURL)
        }
        var configuration = AutotaskConfiguration(
            zone: zone, retry: RetryPolicy(maxRetries: retries), logger: try logger())
        if let inListLimit { configuration.inListLimit = inListLimit }
        return configuration
    }

    /// Runs `body` with a gateway for the ledger's connection and shuts the client down afterwards.
    ///
    /// `inListLimit` sets the values per `in` batch (at most 500, the API's limit) instead of the client's default.
    func withGateway<T: Sendable>(
        _ settings: LedgerSettings, inListLimit: Int? = nil, _ body: (AutotaskGateway) async throws -> T
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
            credentials: credentials, configuration: try configuration(for: connection, inListLimit: inListLimit)
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
